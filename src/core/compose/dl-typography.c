/* dl-typography.c
 *
 * Typographic substitutions made as the journalist types: the straight
 * quotes of a keyboard become the quotes of the article's language, "--"
 * becomes a dash, "..." an ellipsis, and spaces that must not break a line
 * (after a Russian one-letter preposition, between a number and its unit)
 * become no-break spaces. The editor calls dl_typography_substitute() after
 * each typed character and replaces the tail of the line it is told to.
 * Only the current line is looked at: the caller knows whether it is in a
 * fenced code block and then does not ask.
 *
 * Markdown and code are left alone: inline code, fenced and indented code
 * lines, URLs and e-mail addresses, link destinations, autolinks and HTML
 * tags; list bullets ("- "), thematic breaks ("---") and table delimiter
 * rows ("|---|:--|") keep their hyphens.
 *
 * Pure GLib, no GTK: the rules are tested without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-typography"

#include "config.h"

#include <string.h>

#include "dl-typography.h"

#define NBSP      0x00a0  /* NO-BREAK SPACE */
#define NNBSP     0x202f  /* NARROW NO-BREAK SPACE */
#define EN_DASH   0x2013
#define EM_DASH   0x2014
#define ELLIPSIS  0x2026
#define LAQUO     0x00ab  /* « */
#define RAQUO     0x00bb  /* » */
#define LDQUO     0x201c  /* “ */
#define RDQUO     0x201d  /* ” */
#define BDQUO     0x201e  /* „ */
#define LSQUO     0x2018  /* ‘ */
#define RSQUO     0x2019  /* ’ */
#define SBQUO     0x201a  /* ‚ */
#define NUMERO    0x2116  /* № */
#define SECTION   0x00a7  /* § */

#define ALL_FLAGS (DL_TYPOGRAPHY_QUOTES | DL_TYPOGRAPHY_DASHES | DL_TYPOGRAPHY_NBSP)

typedef enum {
  LANG_EN,
  LANG_OTHER,   /* English quotes and dashes, but ' is left alone */
  LANG_RU,
  LANG_BE,
  LANG_UK,
  LANG_FR,
  LANG_DE,
  LANG_PL,
  LANG_ZH,
} Lang;

/* The line as Unicode characters; the last one is the one just typed. */
typedef struct {
  Lang            lang;
  const gunichar *u;
  glong           n;
} Line;

/* Units written after a number with a no-break space. */
static const char * const latin_units[] = {
  "km", "m", "cm", "mm", "kg", "g", "t", "l", "ml", "h", "min", "s",
  "°C", "°F", "kW", "MW", "GW", "km/h",
};

static const char * const cyrillic_units[] = {
  "км", "м", "см", "мм", "кг", "г", "т", "л", "мл", "ч", "мин", "с",
  "млн", "млрд", "тыс", "руб", "коп", "га",
};

static Lang
parse_language (const char *language)
{
  static const struct { const char *tag; Lang lang; } known[] = {
    { "en", LANG_EN }, { "ru", LANG_RU }, { "be", LANG_BE }, { "uk", LANG_UK },
    { "fr", LANG_FR }, { "de", LANG_DE }, { "pl", LANG_PL }, { "zh", LANG_ZH },
  };
  gsize len;

  if (language == NULL || *language == '\0')
    return LANG_EN;

  /* The primary subtag; "_" and "." also end it, so that a POSIX locale
   * name ("ru_RU.UTF-8") works as well. */
  len = strcspn (language, "-_.@");
  if (len != 2)
    return LANG_OTHER;
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_ascii_strncasecmp (language, known[i].tag, 2) == 0)
      return known[i].lang;
  return LANG_OTHER;
}

static gboolean
is_cyrillic_lang (Lang lang)
{
  return lang == LANG_RU || lang == LANG_BE || lang == LANG_UK;
}

/* Whether @c is one of the ASCII characters of @set. */
static gboolean
ascii_in (gunichar    c,
          const char *set)
{
  return c != 0 && c < 0x80 && strchr (set, (int) c) != NULL;
}

static gboolean
is_space (gunichar c)
{
  /* Includes NO-BREAK SPACE and NARROW NO-BREAK SPACE. */
  return g_unichar_isspace (c);
}

static gunichar
char_at (const Line *l,
         glong       i)
{
  return i >= 0 && i < l->n ? l->u[i] : 0;
}

/* Markdown emphasis markers are not what a quote opens or closes after:
 * in **"Quoted"** the quote opens. */
static glong
skip_emphasis_back (const Line *l,
                    glong       i)
{
  while (i >= 0 && (l->u[i] == '*' || l->u[i] == '_' || l->u[i] == '~'))
    i--;
  return i;
}

static gboolean
is_opening_quote (Lang     lang,
                  gunichar c)
{
  switch (lang)
    {
    case LANG_RU:
    case LANG_BE:
    case LANG_UK:
      return c == LAQUO || c == BDQUO;
    case LANG_DE:
      return c == BDQUO || c == SBQUO;
    case LANG_PL:
      return c == BDQUO || c == LAQUO;
    case LANG_FR:
      return c == LAQUO || c == LDQUO;
    case LANG_EN:
    case LANG_OTHER:
    case LANG_ZH:
    default:
      return c == LDQUO || c == LSQUO;
    }
}

/* Whether a quote typed at position @pos opens: it does at the line
 * start, after whitespace, an opening bracket, a slash, a dash, the ">"
 * ending an HTML tag or an opening quote of the language. */
static gboolean
is_opening_context (const Line *l,
                    glong       pos)
{
  glong i = skip_emphasis_back (l, pos - 1);
  gunichar p;

  if (i < 0)
    return TRUE;
  p = l->u[i];
  if (is_space (p))
    return TRUE;
  if (ascii_in (p, "([{/>") || p == EM_DASH || p == EN_DASH)
    return TRUE;
  return is_opening_quote (l->lang, p);
}

/* Punctuation after which a quote closes rather than opens. */
static gboolean
is_closing_punctuation (Lang     lang,
                        gunichar c)
{
  if (ascii_in (c, ".,;:!?)]}"))
    return TRUE;
  if (c == LDQUO)   /* closes in German and, inside, in Russian */
    return lang == LANG_DE || is_cyrillic_lang (lang);
  return c == RDQUO || c == RSQUO || c == RAQUO || c == ELLIPSIS;
}

static char *
unichar_to_string (gunichar c)
{
  char buf[8];
  int len = g_unichar_to_utf8 (c, buf);

  return g_strndup (buf, len);
}

static char *
replace_one (gunichar  c,
             guint    *n_replace)
{
  *n_replace = 1;
  return unichar_to_string (c);
}

/* --- Never substitute ------------------------------------------------- */

/* Inside a code span: a run of backticks opens one, and only a run of the
 * same length closes it. Until it is closed, the text typed is code. */
static gboolean
in_code_span (const Line *l)
{
  glong open_run = 0;
  glong i = 0;

  while (i < l->n)
    {
      glong run = 0;

      if (l->u[i] == '\\' && open_run == 0 && i + 1 < l->n)
        {
          i += 2;
          continue;
        }
      if (l->u[i] != '`')
        {
          i++;
          continue;
        }
      while (i < l->n && l->u[i] == '`')
        {
          run++;
          i++;
        }
      if (open_run == 0)
        open_run = run;
      else if (run == open_run)
        open_run = 0;
    }
  return open_run != 0;
}

static gboolean
starts_with_ascii (const Line *l,
                   glong       start,
                   glong       end,
                   const char *prefix)
{
  for (glong k = 0; prefix[k] != '\0'; k++)
    {
      gunichar c;

      if (start + k >= end)
        return FALSE;
      c = l->u[start + k];
      if (c >= 0x80 || g_ascii_tolower ((gchar) c) != prefix[k])
        return FALSE;
    }
  return TRUE;
}

/* The whitespace-delimited token the cursor is in (or right after, when
 * the character just typed is a space) is a URL or an e-mail address. */
static gboolean
in_url_or_address (const Line *l)
{
  glong end = l->n;
  glong start;

  if (is_space (l->u[end - 1]))
    end--;
  start = end;
  while (start > 0 && !is_space (l->u[start - 1]))
    start--;

  for (glong i = start; i < end; i++)
    {
      if (l->u[i] == '@')
        return TRUE;
      if (l->u[i] == ':' && starts_with_ascii (l, i, end, "://"))
        return TRUE;
    }

  /* "(www.example.com": what opens the token does not hide it. */
  while (start < end && (ascii_in (l->u[start], "([{<\"'*_")
                         || l->u[start] == LAQUO || l->u[start] == BDQUO
                         || l->u[start] == LDQUO || l->u[start] == LSQUO))
    start++;
  return starts_with_ascii (l, start, end, "www.");
}

/* After "](" with no ")" yet: a link or image destination. */
static gboolean
in_link_destination (const Line *l)
{
  glong last = l->n - 1;   /* the typed character does not close it */

  for (glong i = last - 1; i > 0; i--)
    {
      if (l->u[i] == ')')
        return FALSE;
      if (l->u[i] == '(' && l->u[i - 1] == ']')
        return TRUE;
    }
  return FALSE;
}

/* After a "<" that starts a tag or an autolink ("<a", "</", "<!--",
 * "<https:") with no ">" yet. A "<" before a space is a less-than sign. */
static gboolean
in_tag_or_autolink (const Line *l)
{
  glong last = l->n - 1;

  for (glong i = last - 1; i >= 0; i--)
    {
      gunichar next;

      if (l->u[i] == '>')
        return FALSE;
      if (l->u[i] != '<')
        continue;
      next = char_at (l, i + 1);
      if (i + 1 >= last)
        return FALSE;
      return (next < 0x80 && g_ascii_isalpha ((gchar) next))
        || next == '/' || next == '!' || next == '?';
    }
  return FALSE;
}

/* Indented code (four spaces or a tab) or a code fence line. */
static gboolean
is_code_line (const Line *l)
{
  glong i = 0;

  if (l->u[0] == '\t')
    return TRUE;
  while (i < l->n && i < 4 && l->u[i] == ' ')
    i++;
  if (i == 4)
    return TRUE;
  if (i + 3 <= l->n)
    {
      gunichar f = l->u[i];

      if ((f == '`' || f == '~') && l->u[i + 1] == f && l->u[i + 2] == f)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_protected (const Line *l)
{
  return is_code_line (l)
    || in_code_span (l)
    || in_url_or_address (l)
    || in_link_destination (l)
    || in_tag_or_autolink (l);
}

/* --- Quotes ----------------------------------------------------------- */

/* Russian, Belarusian and Ukrainian quotes: « » outside, „ “ inside. */
static char *
cyrillic_double_quote (const Line *l,
                       gboolean    opening,
                       guint      *n_replace)
{
  glong depth = 0;
  glong inner = 0;

  for (glong i = 0; i < l->n - 1; i++)
    {
      gunichar c = l->u[i];

      if (c == LAQUO)
        {
          if (depth++ == 0)
            inner = 0;
        }
      else if (c == RAQUO)
        {
          if (depth > 0)
            depth--;
          if (depth == 0)
            inner = 0;
        }
      else if (depth > 0 && c == BDQUO)
        inner++;
      else if (depth > 0 && c == LDQUO && inner > 0)
        inner--;
    }

  if (opening)
    return replace_one (depth > 0 ? BDQUO : LAQUO, n_replace);
  return replace_one (inner > 0 ? LDQUO : RAQUO, n_replace);
}

/* French: « and » with a narrow no-break space inside. A space typed
 * before the closing quote, as on a French keyboard, is made narrow. */
static char *
french_double_quote (const Line *l,
                     gboolean    opening,
                     guint      *n_replace)
{
  glong depth = 0;
  gunichar prev = char_at (l, l->n - 2);

  for (glong i = 0; i < l->n - 1; i++)
    {
      if (l->u[i] == LAQUO)
        depth++;
      else if (l->u[i] == RAQUO && depth > 0)
        depth--;
    }
  if (opening && depth > 0 && is_space (prev))
    opening = FALSE;

  if (opening)
    {
      *n_replace = 1;
      return g_strdup ("«\u202F");
    }
  if (prev == ' ' || prev == NBSP)
    {
      *n_replace = 2;
      return g_strdup ("\u202F»");
    }
  *n_replace = 1;
  return g_strdup (prev == NNBSP ? "»" : "\u202F»");
}

/* Chinese is written without spaces, so 他说"你好" has a letter before the
 * opening quote: a quote opens there too unless one is already open. */
static char *
chinese_double_quote (const Line *l,
                      gboolean    opening,
                      guint      *n_replace)
{
  glong balance = 0;

  if (!opening)
    {
      for (glong i = 0; i < l->n - 1; i++)
        {
          if (l->u[i] == LDQUO)
            balance++;
          else if (l->u[i] == RDQUO && balance > 0)
            balance--;
        }
      opening = balance == 0;
    }
  return replace_one (opening ? LDQUO : RDQUO, n_replace);
}

static char *
rule_double_quote (const Line *l,
                   guint      *n_replace)
{
  gboolean opening = is_opening_context (l, l->n - 1);

  switch (l->lang)
    {
    case LANG_RU:
    case LANG_BE:
    case LANG_UK:
      return cyrillic_double_quote (l, opening, n_replace);
    case LANG_FR:
      return french_double_quote (l, opening, n_replace);
    case LANG_DE:
      return replace_one (opening ? BDQUO : LDQUO, n_replace);
    case LANG_PL:
      return replace_one (opening ? BDQUO : RDQUO, n_replace);
    case LANG_ZH:
      return chinese_double_quote (l, opening, n_replace);
    case LANG_EN:
    case LANG_OTHER:
    default:
      return replace_one (opening ? LDQUO : RDQUO, n_replace);
    }
}

/* After a letter or a digit ' is an apostrophe (’) in every language.
 * Elsewhere English opens a single quote (‘) and German a low one (‚);
 * after closing punctuation they close one (English ’, German ‘). Other
 * languages do not use single quotes and keep the '. */
static char *
rule_single_quote (const Line *l,
                   guint      *n_replace)
{
  glong i = skip_emphasis_back (l, l->n - 2);
  gunichar prev = i >= 0 ? l->u[i] : 0;

  if (prev != 0 && g_unichar_isalnum (prev))
    return replace_one (RSQUO, n_replace);

  switch (l->lang)
    {
    case LANG_EN:
      if (!is_opening_context (l, l->n - 1) && is_closing_punctuation (l->lang, prev))
        return replace_one (RSQUO, n_replace);
      return replace_one (LSQUO, n_replace);
    case LANG_DE:
      if (is_opening_context (l, l->n - 1))
        return replace_one (SBQUO, n_replace);
      if (is_closing_punctuation (l->lang, prev))
        return replace_one (LSQUO, n_replace);
      return NULL;
    case LANG_OTHER:
    case LANG_RU:
    case LANG_BE:
    case LANG_UK:
    case LANG_FR:
    case LANG_PL:
    case LANG_ZH:
    default:
      return NULL;
    }
}

/* --- Dashes and the ellipsis ------------------------------------------ */

/* The line so far is a thematic break, a setext underline, a front matter
 * fence or a table delimiter row: hyphens, colons, pipes and spaces. */
static gboolean
is_rule_line (const Line *l)
{
  for (glong i = 0; i < l->n; i++)
    {
      gunichar c = l->u[i];

      if (c != '-' && c != ':' && c != '|' && c != '>' && !is_space (c))
        return FALSE;
    }
  return TRUE;
}

/* Whether u[0..end) is only list markers ("-", "*", "+", "1.", "2)"),
 * blockquote markers and spaces: then a "-" after it is a bullet. */
static gboolean
only_list_markers_before (const Line *l,
                          glong       end)
{
  glong i = 0;

  for (;;)
    {
      glong digits = 0;

      while (i < end && (is_space (l->u[i]) || l->u[i] == '>'))
        i++;
      if (i >= end)
        return TRUE;
      if ((l->u[i] == '-' || l->u[i] == '*' || l->u[i] == '+')
          && (i + 1 >= end || is_space (l->u[i + 1])))
        {
          i++;
          continue;
        }
      while (i + digits < end && l->u[i + digits] < 0x80
             && g_ascii_isdigit ((gchar) l->u[i + digits]))
        digits++;
      if (digits > 0 && digits <= 9 && i + digits < end
          && (l->u[i + digits] == '.' || l->u[i + digits] == ')')
          && (i + digits + 1 >= end || is_space (l->u[i + digits + 1])))
        {
          i += digits + 1;
          continue;
        }
      return FALSE;
    }
}

/* "--" is an en dash, "---" (an en dash and a hyphen) an em dash. */
static char *
rule_hyphens (const Line *l,
              guint      *n_replace)
{
  glong run = 0;
  gunichar before;

  while (run < l->n && l->u[l->n - 1 - run] == '-')
    run++;
  before = char_at (l, l->n - 1 - run);

  if (is_rule_line (l))
    return NULL;

  if (run == 1 && before == EN_DASH)
    {
      *n_replace = 2;
      return unichar_to_string (EM_DASH);
    }
  if (run == 2 || run == 3)
    {
      *n_replace = (guint) run;
      return unichar_to_string (run == 2 ? EN_DASH : EM_DASH);
    }
  return NULL;
}

static char *
rule_ellipsis (const Line *l,
               guint      *n_replace)
{
  if (l->n < 3 || l->u[l->n - 2] != '.' || l->u[l->n - 3] != '.' || char_at (l, l->n - 4) == '.')
    return NULL;
  *n_replace = 3;
  return unichar_to_string (ELLIPSIS);
}

/* A space typed after " -" makes the hyphen a dash, with a no-break space
 * before it so that the dash never starts a line: an em dash in Russian,
 * Belarusian and Ukrainian, an en dash elsewhere. A dash typed as "--"
 * between spaces gets the no-break space too. */
static char *
rule_spaced_dash (const Line *l,
                  guint      *n_replace)
{
  gunichar dash = char_at (l, l->n - 2);
  gunichar space = char_at (l, l->n - 3);
  glong before;

  if (l->n < 4 || !is_space (space))
    return NULL;
  if (dash == '-')
    {
      if (is_rule_line (l))
        return NULL;
      dash = is_cyrillic_lang (l->lang) ? EM_DASH : EN_DASH;
    }
  else if (dash == EN_DASH || dash == EM_DASH)
    {
      if (space != ' ')
        return NULL;   /* already a no-break space */
    }
  else
    return NULL;

  /* "- ", "  - ", "> - ", "1. - ": a list bullet. */
  if (only_list_markers_before (l, l->n - 2))
    return NULL;
  /* "| - |": a table cell holding a hyphen. */
  before = l->n - 4;
  while (before >= 0 && is_space (l->u[before]))
    before--;
  if (before >= 0 && l->u[before] == '|')
    return NULL;

  *n_replace = 3;
  return g_strdup_printf ("\u00A0%s ", dash == EM_DASH ? "—" : "–");
}

/* --- No-break spaces -------------------------------------------------- */

static gboolean
is_one_letter_word (Lang     lang,
                    gunichar c)
{
  const char *letters;
  gunichar lower = g_unichar_tolower (c);

  switch (lang)
    {
    case LANG_RU:
      letters = "авиксоуя";
      break;
    case LANG_BE:
      letters = "аіуўзо";
      break;
    case LANG_UK:
      letters = "авійзоуя";
      break;
    case LANG_EN:
    case LANG_OTHER:
    case LANG_FR:
    case LANG_DE:
    case LANG_PL:
    case LANG_ZH:
    default:
      return FALSE;
    }
  for (const char *p = letters; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == lower)
      return TRUE;
  return FALSE;
}

/* A space typed after a one-letter preposition or conjunction ("в", "и",
 * "ў") becomes a no-break space: the word stays with the next one. */
static char *
rule_one_letter_word (const Line *l,
                      guint      *n_replace)
{
  glong i;
  gunichar before;

  if (l->n < 2 || l->u[l->n - 1] != ' ' || !is_one_letter_word (l->lang, l->u[l->n - 2]))
    return NULL;
  i = skip_emphasis_back (l, l->n - 3);
  before = i >= 0 ? l->u[i] : 0;
  if (before != 0 && !is_space (before) && !ascii_in (before, "([{\"'")
      && before != LAQUO && before != BDQUO && before != LDQUO && before != LSQUO && before != SBQUO)
    return NULL;
  return replace_one (NBSP, n_replace);
}

/* What may follow a unit: a space or punctuation (not "/" or "-", which
 * continue it: "km/h"). */
static gboolean
is_unit_end (gunichar c)
{
  if (c < 0x80)
    return c == ' ' || ascii_in (c, ".,;:!?)]}\"'*_~|");
  return c == ELLIPSIS || c == RAQUO || c == RDQUO || c == LDQUO || c == RSQUO || c == LSQUO;
}

/* Whether the characters of @unit are u[start..end) exactly. */
static gboolean
matches_at (const Line *l,
            glong       start,
            glong       end,
            const char *unit)
{
  const char *p = unit;
  glong i = start;

  for (; *p != '\0'; p = g_utf8_next_char (p), i++)
    if (i >= end || l->u[i] != g_utf8_get_char (p))
      return FALSE;
  return i == end;
}

/* "<digit> <unit>" right before the character just typed: returns the
 * length of the unit in characters, or 0. */
static glong
unit_before_typed (const Line *l)
{
  glong end = l->n - 1;

  for (guint set = 0; set < 2; set++)
    {
      const char * const *units = set == 0 ? latin_units : cyrillic_units;
      guint n_units = set == 0 ? G_N_ELEMENTS (latin_units) : G_N_ELEMENTS (cyrillic_units);

      if (set == 1 && !is_cyrillic_lang (l->lang))
        break;
      for (guint k = 0; k < n_units; k++)
        {
          glong len = g_utf8_strlen (units[k], -1);
          glong start = end - len;

          if (start < 2 || l->u[start - 1] != ' ' || !g_unichar_isdigit (l->u[start - 2]))
            continue;
          if (matches_at (l, start, end, units[k]))
            return len;
        }
    }
  return 0;
}

/* French: a space before ; : ! ? becomes a narrow no-break space. */
static char *
rule_french_punctuation (const Line *l,
                         guint      *n_replace)
{
  gunichar c = l->u[l->n - 1];
  gunichar space = char_at (l, l->n - 2);

  if (l->lang != LANG_FR || (c != ';' && c != ':' && c != '!' && c != '?'))
    return NULL;
  if ((space != ' ' && space != NBSP) || l->n < 3 || is_space (l->u[l->n - 3]))
    return NULL;
  *n_replace = 2;
  return g_strdup_printf ("\u202F%c", (char) c);
}

/* "№ 5", "§ 12": the sign stays with its number. */
static char *
rule_numero (const Line *l,
             guint      *n_replace)
{
  gunichar c = l->u[l->n - 1];
  gunichar sign = char_at (l, l->n - 3);
  char buf[8];
  int len;

  if (!g_unichar_isdigit (c) || char_at (l, l->n - 2) != ' ' || (sign != NUMERO && sign != SECTION))
    return NULL;
  len = g_unichar_to_utf8 (c, buf);
  buf[len] = '\0';
  *n_replace = 2;
  return g_strconcat ("\u00A0", buf, NULL);
}

/**
 * dl_typography_substitute:
 * @language: (nullable): the article's BCP 47 language tag; %NULL or ""
 *   is English
 * @flags: which substitutions to make
 * @line: the current line, from its start up to and including the
 *   character just typed
 * @n_replace: (out): how many characters at the end of @line to replace
 * @replacement: (out) (transfer full): what to replace them with
 *
 * Works out the typographic substitution due after one typed character.
 *
 * Quotes (%DL_TYPOGRAPHY_QUOTES): a `"` opens at the line start, after
 * whitespace, ( [ { / a dash or an opening quote, and closes elsewhere.
 * Russian, Belarusian and Ukrainian use « », and „ “ inside an open «;
 * French « » with narrow no-break spaces inside; German „ “; Polish „ ”;
 * Chinese “ ” (the quotes of Simplified Chinese, also used for zh-Hant
 * rather than 「」), opening after a letter as well when none is open;
 * English and all other languages “ ”. A `'` after a letter or digit is
 * the apostrophe ’; elsewhere English makes ‘ (’ after closing
 * punctuation), German ‚ (‘ after closing punctuation), and other
 * languages keep the '. A backslash before the quote keeps it straight.
 *
 * Dashes (%DL_TYPOGRAPHY_DASHES): " - " and a space becomes
 * "\u00A0— " (ru, be, uk) or "\u00A0– " (other languages); a dash typed as
 * "--" between spaces gets the no-break space before it too. "--" becomes
 * –, "–-" (three hyphens) —, "..." …. Bullets ("- ", "1. - "), lines of
 * hyphens ("---") and table delimiter rows keep their hyphens.
 *
 * No-break spaces (%DL_TYPOGRAPHY_NBSP): after a one-letter word in ru,
 * be and uk; between a number and its unit ("5 km", "5 км"); after № and
 * § before a number; in French, a narrow one before ; : ! ?.
 *
 * Nothing is substituted in code spans, code lines, URLs, e-mail
 * addresses, link destinations, autolinks and HTML tags.
 *
 * Returns: %TRUE if the last @n_replace characters of @line are to be
 *   replaced by @replacement
 */
gboolean
dl_typography_substitute (const char         *language,
                          DlTypographyFlags   flags,
                          const char         *line,
                          guint              *n_replace,
                          char              **replacement)
{
  g_autofree gunichar *chars = NULL;
  g_autofree char *result = NULL;
  glong n_chars = 0;
  Line l;
  gunichar c;
  guint n = 0;
  glong unit_len;

  g_return_val_if_fail (n_replace != NULL, FALSE);
  g_return_val_if_fail (replacement != NULL, FALSE);

  if ((flags & ALL_FLAGS) == 0 || line == NULL || *line == '\0')
    return FALSE;
  if (!g_utf8_validate (line, -1, NULL))
    return FALSE;

  chars = g_utf8_to_ucs4_fast (line, -1, &n_chars);
  l.lang = parse_language (language);
  l.u = chars;
  l.n = n_chars;
  c = chars[n_chars - 1];

  /* Only these characters start a substitution. */
  if (c != '"' && c != '\'' && c != '-' && c != ' ' && !is_unit_end (c)
      && !g_unichar_isdigit (c))
    return FALSE;
  if (is_protected (&l))
    return FALSE;
  /* \" and \' are the Markdown way to ask for a straight quote. */
  if ((c == '"' || c == '\'') && char_at (&l, n_chars - 2) == '\\')
    return FALSE;

  if ((flags & DL_TYPOGRAPHY_QUOTES) && c == '"')
    result = rule_double_quote (&l, &n);
  else if ((flags & DL_TYPOGRAPHY_QUOTES) && c == '\'')
    result = rule_single_quote (&l, &n);
  else if ((flags & DL_TYPOGRAPHY_DASHES) && c == '-')
    result = rule_hyphens (&l, &n);
  else if ((flags & DL_TYPOGRAPHY_DASHES) && c == '.')
    result = rule_ellipsis (&l, &n);
  else if ((flags & DL_TYPOGRAPHY_DASHES) && c == ' ')
    result = rule_spaced_dash (&l, &n);

  if (result == NULL && (flags & DL_TYPOGRAPHY_NBSP))
    {
      result = rule_french_punctuation (&l, &n);
      if (result == NULL)
        result = rule_numero (&l, &n);
    }

  /* "5 km" followed by a space or punctuation: the no-break space goes
   * between number and unit, along with what the typed character became
   * ("5 km\"" is "5\u00A0km”"). A unit wins over a one-letter word: in
   * "5 с " the "с" is seconds, not a preposition. */
  if ((flags & DL_TYPOGRAPHY_NBSP) && (result == NULL || n == 1) && is_unit_end (c)
      && (unit_len = unit_before_typed (&l)) > 0)
    {
      GString *s = g_string_new ("\u00A0");

      for (glong i = n_chars - 1 - unit_len; i < n_chars - 1; i++)
        g_string_append_unichar (s, chars[i]);
      if (result != NULL)
        g_string_append (s, result);
      else
        g_string_append_unichar (s, c);
      g_free (result);
      result = g_string_free (s, FALSE);
      n = (guint) unit_len + 2;
    }
  else if (result == NULL && (flags & DL_TYPOGRAPHY_NBSP) && c == ' ')
    result = rule_one_letter_word (&l, &n);

  if (result == NULL)
    return FALSE;

  *n_replace = n;
  *replacement = g_steal_pointer (&result);
  return TRUE;
}

/**
 * dl_typography_get_quotes:
 * @language: (nullable): a BCP 47 language tag; %NULL or "" is English
 * @open: (out) (optional) (transfer none): the opening outer quote
 * @close: (out) (optional) (transfer none): the closing outer quote
 *
 * The outer quotes of @language, without the spaces French puts inside
 * them: « » for ru, be, uk and fr, „ “ for de, „ ” for pl, “ ” for zh,
 * en and other languages.
 */
void
dl_typography_get_quotes (const char  *language,
                          const char **open,
                          const char **close)
{
  const char *o;
  const char *c;

  switch (parse_language (language))
    {
    case LANG_RU:
    case LANG_BE:
    case LANG_UK:
    case LANG_FR:
      o = "«";
      c = "»";
      break;
    case LANG_DE:
      o = "„";
      c = "“";
      break;
    case LANG_PL:
      o = "„";
      c = "”";
      break;
    case LANG_EN:
    case LANG_OTHER:
    case LANG_ZH:
    default:
      o = "“";
      c = "”";
      break;
    }
  if (open != NULL)
    *open = o;
  if (close != NULL)
    *close = c;
}
