/* dl-html.c: escaping and URL checks for untrusted text
 *
 * Everything an article contains is untrusted: it may have been pasted from
 * anywhere or imported from a wire feed. These helpers are the only places
 * where text becomes markup, so that the rules (docs/RENDERING.md) live in
 * one file. Reading HTML back into Markdown is dl-html-to-markdown.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-html"

#include "config.h"

#include <string.h>

#include "dl-html.h"

/* 1 = escape in text and attributes, 2 = escape in attributes only. */
static const guint8 escape_class[256] = {
  ['&'] = 1, ['<'] = 1, ['>'] = 1, ['"'] = 1, ['\''] = 1, ['`'] = 2,
};

static inline void
append_escaped (GString    *out,
                const char *text,
                gsize       len,
                guint       max_class)
{
  const char *p = text;
  const char *end = text + len;
  const char *run = text;

  for (; p < end; p++)
    {
      guint klass = escape_class[(guchar) *p];
      const char *rep;

      if (G_LIKELY (klass == 0 || klass > max_class))
        continue;

      switch (*p)
        {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        case '`': rep = "&#96;"; break;
        default: g_assert_not_reached ();
        }
      if (p > run)
        g_string_append_len (out, run, p - run);
      g_string_append (out, rep);
      run = p + 1;
    }
  if (end > run)
    g_string_append_len (out, run, end - run);
}

/**
 * dl_html_append_text:
 * @len: byte length, or -1 when @text is nul-terminated
 *
 * Appends @text escaped for an HTML text node: `& < > " '` become character
 * references (OWASP rule 1), so that no byte of it can open or close markup.
 */
void
dl_html_append_text (GString    *out,
                     const char *text,
                     gssize      len)
{
  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;
  append_escaped (out, text, len < 0 ? strlen (text) : (gsize) len, 1);
}

/* Whether a character would be part of what WordPress's wptexturize()
 * rewrites at @p: a dash between spaces or beside another dash, the
 * first dot of "...", an x between digits, a colon that opens a smiley. */
static const char *
literal_replacement (const char *text,
                     const char *end,
                     const char *p)
{
  char before = p > text ? p[-1] : ' ';
  char after = p + 1 < end ? p[1] : ' ';

  switch (*p)
    {
    case '-':
      if (g_ascii_isspace (before) || before == '-' || g_ascii_isspace (after) || after == '-')
        return "&#45;";
      return NULL;
    case '.':
      return p + 2 < end && p[1] == '.' && p[2] == '.' ? "&#46;" : NULL;
    case 'x':
      return g_ascii_isdigit (before) && g_ascii_isdigit (after) ? "&#120;" : NULL;
    case ':':
      return g_ascii_isspace (before) && !g_ascii_isspace (after) ? "&#58;" : NULL;
    case '`':
      return "&#96;";
    case '(':
      return p + 3 < end && g_ascii_strncasecmp (p + 1, "tm)", 3) == 0 ? "&#40;" : NULL;
    default:
      return NULL;
    }
}

/**
 * dl_html_append_text_literal:
 *
 * As dl_html_append_text(), and the characters WordPress would turn into
 * typography on the page (" - " into an en dash, "..." into an ellipsis,
 * 2x3 into 2×3, :) into a picture) as character references, which it
 * leaves alone: the page shows what the preview showed, the BelTA
 * dateline keeps its hyphen. Quotes are references already.
 */
void
dl_html_append_text_literal (GString    *out,
                             const char *text,
                             gssize      len)
{
  const char *end, *run;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;
  end = text + (len < 0 ? strlen (text) : (gsize) len);
  run = text;
  for (const char *p = text; p < end; p++)
    {
      const char *rep = literal_replacement (text, end, p);

      if (rep == NULL)
        continue;
      if (p > run)
        append_escaped (out, run, p - run, 1);
      g_string_append (out, rep);
      run = p + 1;
    }
  if (end > run)
    append_escaped (out, run, end - run, 1);
}

/**
 * dl_html_append_attr:
 *
 * Appends @text escaped for a double-quoted attribute value. Also escapes
 * the backtick, which old engines accepted as an attribute quote.
 */
void
dl_html_append_attr (GString    *out,
                     const char *text,
                     gssize      len)
{
  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;
  append_escaped (out, text, len < 0 ? strlen (text) : (gsize) len, 2);
}

char *
dl_html_escape_text (const char *text)
{
  GString *out = g_string_new (NULL);

  dl_html_append_text (out, text, -1);
  return g_string_free (out, FALSE);
}

char *
dl_html_escape_attr (const char *text)
{
  GString *out = g_string_new (NULL);

  dl_html_append_attr (out, text, -1);
  return g_string_free (out, FALSE);
}

typedef struct
{
  const char *name;
  gunichar    ch;
} NamedEntity;

/* The entities people actually type, and those used to smuggle URL
 * syntax (&colon; &Tab; &NewLine;). Anything else stays literal text,
 * which is harmless because it is escaped again on output. */
static const NamedEntity named_entities[] = {
  { "AMP", '&' }, { "GT", '>' }, { "LT", '<' }, { "NewLine", '\n' }, { "QUOT", '"' },
  { "Tab", '\t' }, { "amp", '&' }, { "apos", '\'' }, { "bdquo", 0x201E }, { "bsol", '\\' },
  { "bull", 0x2022 }, { "colon", ':' }, { "comma", ',' }, { "copy", 0xA9 }, { "deg", 0xB0 },
  { "euro", 0x20AC }, { "excl", '!' }, { "gt", '>' }, { "hellip", 0x2026 },
  { "laquo", 0xAB }, { "ldquo", 0x201C }, { "lpar", '(' }, { "lsquo", 0x2018 }, { "lt", '<' },
  { "mdash", 0x2014 }, { "middot", 0xB7 }, { "nbsp", 0xA0 }, { "ndash", 0x2013 },
  { "num", '#' }, { "percnt", '%' }, { "period", '.' }, { "pound", 0xA3 }, { "quot", '"' },
  { "raquo", 0xBB }, { "rdquo", 0x201D }, { "reg", 0xAE }, { "rpar", ')' },
  { "rsquo", 0x2019 }, { "sbquo", 0x201A }, { "sect", 0xA7 }, { "shy", 0xAD },
  { "sol", '/' }, { "times", 0xD7 }, { "trade", 0x2122 }, { "yen", 0xA5 },
};

/**
 * dl_html_decode_entity:
 * @entity: a character reference including `&` and `;`
 * @out: receives the character in UTF-8
 *
 * Numeric references are always decoded (invalid code points become
 * U+FFFD, as browsers do); named ones from a short list.
 *
 * Returns: %FALSE when @entity is not one this function knows
 */
gboolean
dl_html_decode_entity (const char *entity,
                       gsize       len,
                       GString    *out)
{
  g_return_val_if_fail (entity != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (len < 3 || entity[0] != '&' || entity[len - 1] != ';')
    return FALSE;

  if (entity[1] == '#')
    {
      gboolean hex = (len > 3 && (entity[2] == 'x' || entity[2] == 'X'));
      gsize i = hex ? 3 : 2;
      guint64 value = 0;

      if (i >= len - 1)
        return FALSE;
      for (; i < len - 1; i++)
        {
          int digit = hex ? g_ascii_xdigit_value (entity[i]) : g_ascii_digit_value (entity[i]);

          if (digit < 0)
            return FALSE;
          value = value * (hex ? 16 : 10) + digit;
          if (value > 0x10FFFF)
            value = 0x110000;   /* saturate; reported as U+FFFD below */
        }
      if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        value = 0xFFFD;
      g_string_append_unichar (out, (gunichar) value);
      return TRUE;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (named_entities); i++)
    {
      const char *name = named_entities[i].name;

      if (strlen (name) == len - 2 && memcmp (name, entity + 1, len - 2) == 0)
        {
          g_string_append_unichar (out, named_entities[i].ch);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
scheme_is_allowed (const char    *scheme,
                   DlHtmlUrlKind  kind)
{
  if (g_str_equal (scheme, "http") || g_str_equal (scheme, "https"))
    return TRUE;
  switch (kind)
    {
    case DL_HTML_URL_LINK:
      return g_str_equal (scheme, "mailto");
    case DL_HTML_URL_IMAGE_PREVIEW:
      return g_str_equal (scheme, "dateline-image");
    case DL_HTML_URL_IMAGE:
    default:
      return FALSE;
    }
}

/**
 * dl_html_sanitize_url:
 * @url: a URL as written by the author, character references already decoded
 * @len: byte length, or -1
 *
 * Normalises @url the way a browser's URL parser would (surrounding spaces
 * and control characters dropped, tabs and newlines inside removed) and
 * checks its scheme against an allowlist: http, https and mailto for
 * links, which may also be relative or fragments; http and https for
 * images (plus dateline-image in the preview). Anything that looks like a
 * scheme but is not on the list (`javascript:`, `vbscript:`, `data:`,
 * `JaVaScRiPt:`, `java\tscript:` …) is refused.
 *
 * Returns: (transfer full) (nullable): the normalised URL, or %NULL if unsafe
 */
char *
dl_html_sanitize_url (const char    *url,
                      gssize         len,
                      DlHtmlUrlKind  kind)
{
  const char *start;
  const char *end;
  GString *clean;
  gsize i;

  if (url == NULL)
    return NULL;
  if (len < 0)
    len = strlen (url);

  /* Browsers drop control characters anywhere in a URL (so "java\tscript:"
   * is javascript:) and trim spaces around it; so does this, in that
   * order, so that sanitizing what it returns gives the same answer. */
  clean = g_string_sized_new (len);
  for (const char *p = url; p < url + len; p++)
    {
      guchar c = (guchar) *p;

      if (c < 0x20 || c == 0x7f)
        continue;
      g_string_append_c (clean, (char) c);
    }
  start = clean->str;
  end = clean->str + clean->len;
  while (start < end && *start == ' ')
    start++;
  while (end > start && end[-1] == ' ')
    end--;
  if (start == end)
    {
      g_string_free (clean, TRUE);
      return NULL;
    }
  g_string_truncate (clean, end - clean->str);
  g_string_erase (clean, 0, start - clean->str);

  for (i = 0; i < clean->len; i++)
    {
      char c = clean->str[i];

      if (c == ':' || c == '/' || c == '?' || c == '#')
        break;
    }

  if (i < clean->len && clean->str[i] == ':')
    {
      g_autofree char *scheme = g_ascii_strdown (clean->str, i);
      gboolean valid = g_ascii_isalpha (scheme[0]);

      for (gsize j = 1; valid && j < i; j++)
        valid = g_ascii_isalnum (scheme[j]) || scheme[j] == '+' || scheme[j] == '-' || scheme[j] == '.';

      if (!valid || !scheme_is_allowed (scheme, kind))
        {
          g_string_free (clean, TRUE);
          return NULL;
        }
    }
  else if (kind != DL_HTML_URL_LINK)
    {
      /* Relative image URLs would resolve against the template folder or
       * the export folder: never what the author meant. */
      g_string_free (clean, TRUE);
      return NULL;
    }

  return g_string_free (clean, FALSE);
}

gboolean
dl_html_url_is_safe (const char    *url,
                     DlHtmlUrlKind  kind)
{
  g_autofree char *clean = dl_html_sanitize_url (url, -1, kind);

  return clean != NULL;
}

/**
 * dl_html_direction_for_language:
 * @language: (nullable): a BCP 47 tag
 *
 * Returns: "rtl" for languages written right to left, otherwise "ltr"
 */
const char *
dl_html_direction_for_language (const char *language)
{
  static const char * const rtl_languages[] = {
    "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "nqo", "ps", "sd", "syr", "ug", "ur", "yi",
  };
  static const char * const rtl_scripts[] = {
    "adlm", "arab", "hebr", "nkoo", "rohg", "syrc", "thaa",
  };
  g_auto(GStrv) subtags = NULL;

  if (language == NULL || *language == '\0')
    return "ltr";

  subtags = g_strsplit_set (language, "-_", -1);
  for (guint i = 1; subtags[i] != NULL; i++)
    {
      if (strlen (subtags[i]) != 4)
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (rtl_scripts); j++)
        if (g_ascii_strcasecmp (subtags[i], rtl_scripts[j]) == 0)
          return "rtl";
      /* An explicit other script (e.g. "ku-Latn") decides on its own. */
      return "ltr";
    }
  for (guint j = 0; j < G_N_ELEMENTS (rtl_languages); j++)
    if (g_ascii_strcasecmp (subtags[0], rtl_languages[j]) == 0)
      return "rtl";
  return "ltr";
}
