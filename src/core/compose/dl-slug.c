/* dl-slug.c
 *
 * The rule for an article's URL slug, in one place: the slug the
 * journalist typed, or else the one made from the headline as a CMS
 * would. The editor shows it as a placeholder, the export names its file
 * with it, and the publisher sends it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dl-slug.h"

/**
 * dl_slug_from_text:
 * @text: (nullable): a headline
 *
 * Makes the URL slug a CMS would derive from @text: lower case, accents
 * removed, letters and digits of any script kept, everything else folded
 * into single dashes, at most 80 bytes, cut at a dash.
 *
 * Returns: (transfer full): the slug, possibly empty
 */
char *
dl_slug_from_text (const char *text)
{
  g_autofree char *lower = NULL;
  GString *slug;
  gboolean pending_dash = FALSE;

  if (text == NULL)
    return g_strdup ("");

  /* Transliterating keeps Latin headlines readable ("Café" → "cafe");
   * letters without an ASCII form are kept as they are. */
  lower = g_utf8_strdown (text, -1);
  slug = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar uc = g_utf8_get_char (p);

      if (g_unichar_isalnum (uc))
        {
          g_autofree char *folded = NULL;
          char buf[8];
          int len = g_unichar_to_utf8 (uc, buf);

          buf[len] = '\0';
          if (uc >= 0x80)
            {
              folded = g_str_to_ascii (buf, "C");
              if (folded == NULL || folded[0] == '?' || !g_ascii_isalnum (folded[0]))
                g_clear_pointer (&folded, g_free);
            }
          if (pending_dash && slug->len > 0)
            g_string_append_c (slug, '-');
          pending_dash = FALSE;
          g_string_append (slug, folded != NULL ? folded : buf);
        }
      else if (uc != '\'' && uc != 0x2019)
        pending_dash = TRUE;
    }

  if (slug->len > 80)
    {
      const char *cut = g_utf8_find_prev_char (slug->str, slug->str + 81);
      const char *dash;

      g_string_truncate (slug, cut - slug->str);
      dash = strrchr (slug->str, '-');
      if (dash != NULL)
        g_string_truncate (slug, dash - slug->str);
    }

  return g_string_free (slug, FALSE);
}

/**
 * dl_slug_for_article:
 *
 * Returns: (transfer full): the article's own slug (trimmed), or the
 *   slug of its headline; "" when both are empty
 */
char *
dl_slug_for_article (DlArticle *article)
{
  g_autofree char *own = NULL;

  g_return_val_if_fail (DL_IS_ARTICLE (article), NULL);

  own = g_strstrip (g_strdup (dl_article_get_slug (article)));
  if (*own != '\0')
    return g_steal_pointer (&own);
  return dl_slug_from_text (dl_article_get_headline (article));
}
