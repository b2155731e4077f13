/* dl-credit-lines.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-credit-lines"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-credit-lines.h"
#include "dl-dateline.h"

/* "{}" in a role template stands for the joined names. */
typedef struct
{
  const char *language;
  const char *list_separator;   /* between all names but the last two */
  const char *last_separator;   /* before the last name */
  const char *open;             /* around a non-photo credit's text */
  const char *close;
  const char *phrase;           /* photo credit that is a phrase: "Photo {}" */
  const char *roles[DL_CREDIT_ROLE_N_ROLES];
} Wording;

/* English leaves out the serial comma ("A, B and C"), as AP and Reuters
 * style do. Russian and Belarusian bylines carry no "by". */
static const Wording wordings[] = {
  { "en", ", ", " and ", " (", ")", "Photo {}",
    { "By {}", "Photo: {}", "Video: {}", "Graphics: {}", "Edited by {}",
      "Translated by {}", "Additional reporting by {}" } },
  { "ru", ", ", " и ", " (", ")", "Фото {}",
    { "{}", "Фото: {}", "Видео: {}", "Графика: {}", "Редактирование: {}",
      "Перевод: {}", "Дополнительные материалы: {}" } },
  { "be", ", ", " і ", " (", ")", "Фота {}",
    { "{}", "Фота: {}", "Відэа: {}", "Графіка: {}", "Рэдагаванне: {}",
      "Пераклад: {}", "Дадатковыя матэрыялы: {}" } },
  { "zh", "、", "和", "（", "）", NULL,
    { "作者：{}", "图片：{}", "视频：{}", "图表：{}", "编辑：{}",
      "翻译：{}", "补充报道：{}" } },
};

/* "ru-RU", "zh_Hans_CN", "BE" → "ru", "zh", "be" */
static char *
base_language (const char *language)
{
  g_autofree char *lower = g_ascii_strdown (language != NULL ? language : "", -1);
  gsize len = strcspn (g_strstrip (lower), "-_.@");

  return g_strndup (lower, len);
}

static const Wording *
find_wording (const char *language)
{
  g_autofree char *base = base_language (language);

  for (guint i = 0; i < G_N_ELEMENTS (wordings); i++)
    if (g_str_equal (base, wordings[i].language))
      return &wordings[i];
  return NULL;
}

static char *
fill (const char *template,
      const char *names)
{
  const char *hole = strstr (template, "{}");

  g_assert (hole != NULL);
  return g_strdup_printf ("%.*s%s%s", (int) (hole - template), template, names, hole + 2);
}

static char *
join_names (const char * const *names,
            const Wording      *w)
{
  GString *out = g_string_new (NULL);
  guint n = names != NULL ? g_strv_length ((char **) names) : 0;

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (out, i == n - 1 ? w->last_separator : w->list_separator);
      g_string_append (out, names[i]);
    }
  return g_string_free (out, FALSE);
}

void
dl_credit_line_free (DlCreditLine *line)
{
  if (line == NULL)
    return;
  g_free (line->text);
  g_free (line);
}

/**
 * dl_credit_language_is_supported:
 *
 * Returns: %TRUE if credits have their own wording in @language; other
 *   languages are credited in English.
 */
gboolean
dl_credit_language_is_supported (const char *language)
{
  return find_wording (language) != NULL;
}

/**
 * dl_credit_join_names:
 * @names: (array zero-terminated=1): names in order
 * @language: BCP 47 tag of the article
 *
 * Joins names the way @language does: "A and B", "A, B and C" (English,
 * no serial comma), "А, Б и В" (Russian), "А, Б і В" (Belarusian),
 * "A、B和C" (Chinese). English for other languages.
 *
 * Returns: (transfer full): the joined names, "" for none
 */
char *
dl_credit_join_names (const char * const *names,
                      const char         *language)
{
  const Wording *w = find_wording (language);

  return join_names (names, w != NULL ? w : &wordings[0]);
}

static char *
entry_text (DlCredit      *credit,
            const Wording *w)
{
  g_autofree char *name = g_strstrip (g_strdup (dl_credit_get_name (credit)));
  g_autofree char *text = g_strstrip (g_strdup (dl_credit_get_text (credit)));

  if (name[0] == '\0')
    return g_steal_pointer (&text);
  if (text[0] == '\0')
    return g_steal_pointer (&name);
  /* Wire photo convention: photographer/agency. */
  if (dl_credit_get_role (credit) == DL_CREDIT_ROLE_PHOTO)
    return g_strdup_printf ("%s/%s", name, text);
  return g_strdup_printf ("%s%s%s%s", name, w->open, text, w->close);
}

/* "courtesy of the BelCCI" reads on from the role word ("Photo courtesy
 * of the BelCCI"); a name or an agency ("BelTA") follows a colon. */
static gboolean
is_phrase (DlCredit *credit)
{
  const char *text = dl_credit_get_text (credit);

  while (*text == ' ')
    text++;
  return dl_credit_get_name (credit)[0] == '\0'
         && g_unichar_islower (g_utf8_get_char (text));
}

/**
 * dl_credit_lines_compose:
 * @credits: a #GListModel of #DlCredit, in the article's order
 * @language: BCP 47 tag of the article
 * @fallback_reason: (nullable): set when @language has no wording of its
 *   own and English was used
 *
 * Groups the credits by role (names in list order) and words each group
 * in @language. Empty entries are skipped; a role without entries has no
 * line.
 *
 * Returns: (transfer full) (element-type DlCreditLine): one line per
 *   role, in #DlCreditRole order, so the byline comes first
 */
GPtrArray *
dl_credit_lines_compose (GListModel  *credits,
                         const char  *language,
                         GError     **fallback_reason)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_credit_line_free);
  const Wording *w;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (credits), lines);

  w = find_wording (language);
  if (w == NULL)
    {
      g_set_error (fallback_reason, DL_DATELINE_ERROR, DL_DATELINE_ERROR_UNKNOWN_LANGUAGE,
                   /* Translators: %s is the article's language tag, such as "ka" or "pt-BR" */
                   _("Credits have no wording in “%s” yet, so they are written in English."),
                   language != NULL ? language : "");
      w = &wordings[0];
    }

  n = g_list_model_get_n_items (credits);
  for (guint role = 0; role < DL_CREDIT_ROLE_N_ROLES; role++)
    {
      g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *joined = NULL;
      DlCreditLine *line;
      gboolean phrase = FALSE;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(DlCredit) credit = g_list_model_get_item (credits, i);

          if (dl_credit_get_role (credit) != role || dl_credit_is_empty (credit))
            continue;
          phrase = is_phrase (credit);
          g_ptr_array_add (entries, entry_text (credit, w));
        }
      if (entries->len == 0)
        continue;
      g_ptr_array_add (entries, NULL);

      joined = join_names ((const char * const *) entries->pdata, w);
      line = g_new0 (DlCreditLine, 1);
      line->role = role;
      if (role == DL_CREDIT_ROLE_PHOTO && entries->len == 2 && phrase && w->phrase != NULL)
        line->text = fill (w->phrase, joined);
      else
        line->text = fill (w->roles[role], joined);
      g_ptr_array_add (lines, line);
    }
  return lines;
}

/**
 * dl_credit_lines_find:
 * @lines: (element-type DlCreditLine): from dl_credit_lines_compose()
 *
 * Returns: (nullable): the line for @role, or %NULL
 */
const char *
dl_credit_lines_find (GPtrArray    *lines,
                      DlCreditRole  role)
{
  g_return_val_if_fail (lines != NULL, NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      DlCreditLine *line = g_ptr_array_index (lines, i);
      if (line->role == role)
        return line->text;
    }
  return NULL;
}

/**
 * dl_credit_lines_to_text:
 * @lines: (element-type DlCreditLine): from dl_credit_lines_compose()
 *
 * Returns: (transfer full): the lines joined by newlines, "" for none
 */
char *
dl_credit_lines_to_text (GPtrArray *lines)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (lines != NULL, g_string_free (out, FALSE));

  for (guint i = 0; i < lines->len; i++)
    {
      DlCreditLine *line = g_ptr_array_index (lines, i);
      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, line->text);
    }
  return g_string_free (out, FALSE);
}
