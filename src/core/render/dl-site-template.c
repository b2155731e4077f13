/* dl-site-template.c: a newsroom's own page around the article
 *
 * A site template is a folder with template.html: the newsroom's HTML
 * with placeholders ({{head}}, {{article}}, {{lang}}, …) where the
 * renderer puts the article. Parsed once into parts; the renderer fills
 * them in (dl-renderer.c). {{head}} carries the security policy, so it
 * must come before anything that loads or runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-renderer"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dl-file-util.h"
#include "dl-limits.h"
#include "dl-renderer.h"
#include "dl-site-template.h"

static const struct {
  const char     *name;
  DlTemplateSlot  slot;
} placeholders[] = {
  { "lang", DL_TEMPLATE_LANG },
  { "dir", DL_TEMPLATE_DIR },
  { "title", DL_TEMPLATE_TITLE },
  { "head", DL_TEMPLATE_HEAD },
  { "css", DL_TEMPLATE_CSS },
  { "theme", DL_TEMPLATE_THEME },
  { "article", DL_TEMPLATE_ARTICLE },
};

void
dl_template_part_free (gpointer data)
{
  DlTemplatePart *part = data;

  g_free (part->literal);
  g_free (part);
}

static gboolean
check_head_position (const char  *text,
                     gsize        len,
                     GError     **error)
{
  const char *p = text;
  const char *end = text + len;

  /* The CSP only governs what follows it: nothing that loads or runs may
   * come before {{head}}. */
  while (p < end)
    {
      const char *lt = memchr (p, '<', end - p);
      const char *name;
      gsize name_len;

      if (lt == NULL)
        break;
      if (end - lt >= 4 && strncmp (lt, "<!--", 4) == 0)
        {
          const char *close = g_strstr_len (lt + 4, end - lt - 4, "-->");

          p = close != NULL ? close + 3 : end;
          continue;
        }
      name = lt + 1;
      if (name < end && *name == '!')
        {
          p = name;
          continue;   /* <!DOCTYPE html> */
        }
      name_len = 0;
      while (name + name_len < end && g_ascii_isalpha (name[name_len]))
        name_len++;
      if (!((name_len == 4 && g_ascii_strncasecmp (name, "html", 4) == 0)
            || (name_len == 4 && g_ascii_strncasecmp (name, "head", 4) == 0)))
        {
          g_set_error (error, DL_RENDERER_ERROR, DL_RENDERER_ERROR_TEMPLATE_INVALID,
                       _("In the site template, {{head}} must come right after <head>, before any other element."));
          return FALSE;
        }
      p = name;
    }
  return TRUE;
}

GPtrArray *
dl_site_template_parse (const char  *text,
                        gsize        len,
                        GError     **error)
{
  g_autoptr(GPtrArray) segments = g_ptr_array_new_with_free_func (dl_template_part_free);
  const char *p = text;
  const char *end = text + len;
  guint n_head = 0;
  guint n_article = 0;

  if (!g_utf8_validate (text, len, NULL))
    {
      g_set_error (error, DL_RENDERER_ERROR, DL_RENDERER_ERROR_TEMPLATE_INVALID,
                   _("The site template is not UTF-8 text."));
      return NULL;
    }

  while (p < end)
    {
      const char *open = g_strstr_len (p, end - p, "{{");
      const char *close;
      g_autofree char *name = NULL;
      DlTemplatePart *segment;
      gboolean known = FALSE;

      if (open == NULL)
        open = end;
      if (open > p)
        {
          segment = g_new0 (DlTemplatePart, 1);
          segment->kind = DL_TEMPLATE_LITERAL;
          segment->literal = g_strndup (p, open - p);
          g_ptr_array_add (segments, segment);
        }
      if (open == end)
        break;

      close = g_strstr_len (open + 2, end - open - 2, "}}");
      if (close == NULL)
        {
          g_set_error (error, DL_RENDERER_ERROR, DL_RENDERER_ERROR_TEMPLATE_INVALID,
                       _("The site template has a “{{” without a closing “}}”."));
          return NULL;
        }
      name = g_strstrip (g_strndup (open + 2, close - open - 2));
      segment = g_new0 (DlTemplatePart, 1);
      for (guint i = 0; i < G_N_ELEMENTS (placeholders); i++)
        {
          if (g_str_equal (name, placeholders[i].name))
            {
              segment->kind = placeholders[i].slot;
              known = TRUE;
            }
        }
      if (!known)
        {
          g_free (segment);
          g_set_error (error, DL_RENDERER_ERROR, DL_RENDERER_ERROR_TEMPLATE_INVALID,
                       _("The site template uses an unknown placeholder “{{%s}}”."), name);
          return NULL;
        }
      if (segment->kind == DL_TEMPLATE_HEAD)
        {
          if (n_head == 0 && !check_head_position (text, open - text, error))
            {
              g_free (segment);
              return NULL;
            }
          n_head++;
        }
      if (segment->kind == DL_TEMPLATE_ARTICLE)
        n_article++;
      g_ptr_array_add (segments, segment);
      p = close + 2;
    }

  if (n_article != 1)
    {
      g_set_error (error, DL_RENDERER_ERROR, DL_RENDERER_ERROR_TEMPLATE_INVALID,
                   n_article == 0 ? _("The site template has no {{article}} placeholder, so the article would not appear.")
                                  : _("The site template has {{article}} more than once."));
      return NULL;
    }
  if (n_head != 1)
    {
      g_set_error (error, DL_RENDERER_ERROR, DL_RENDERER_ERROR_TEMPLATE_INVALID,
                   n_head == 0 ? _("The site template has no {{head}} placeholder inside <head>; it carries the security policy.")
                               : _("The site template has {{head}} more than once."));
      return NULL;
    }
  return g_steal_pointer (&segments);
}


/**
 * dl_site_template_load:
 * @template_dir: a folder holding template.html
 *
 * Reads and parses the folder's template.html: file I/O, so not on the
 * main thread (the preview and the export call it from their workers).
 *
 * Returns: (transfer full) (element-type DlTemplatePart): the parts, or
 *   %NULL with @error set: DL_RENDERER_ERROR_TEMPLATE_MISSING when there
 *   is no readable template.html, DL_RENDERER_ERROR_TEMPLATE_INVALID
 */
GPtrArray *
dl_site_template_load (GFile   *template_dir,
                       GError **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len = 0;
  const char *text;

  g_return_val_if_fail (G_IS_FILE (template_dir), NULL);

  file = g_file_get_child (template_dir, DL_RENDER_TEMPLATE_FILE);
  bytes = dl_file_load_bounded (file, DL_LIMIT_TEMPLATE_BYTES, NULL, &local_error);
  if (bytes == NULL)
    {
      g_autofree char *where = g_file_get_parse_name (template_dir);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, DL_RENDERER_ERROR, DL_RENDERER_ERROR_TEMPLATE_MISSING,
                     _("The folder “%s” is not a site template: it has no template.html."), where);
      else
        g_set_error (error, DL_RENDERER_ERROR, DL_RENDERER_ERROR_TEMPLATE_MISSING,
                     _("Could not read the site template in “%s”: %s"), where, local_error->message);
      return NULL;
    }
  text = g_bytes_get_data (bytes, &len);
  return dl_site_template_parse (text != NULL ? text : "", len, error);
}
