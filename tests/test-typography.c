/* test-typography.c: quotes, dashes and no-break spaces as one types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dl-typography.h"

#define ALL (DL_TYPOGRAPHY_QUOTES | DL_TYPOGRAPHY_DASHES | DL_TYPOGRAPHY_NBSP)
#define Q   DL_TYPOGRAPHY_QUOTES
#define D   DL_TYPOGRAPHY_DASHES
#define N   DL_TYPOGRAPHY_NBSP

/* The whole line after the substitution due when its last character was
 * typed (the line itself when none is). */
static char *
substituted (const char        *language,
             DlTypographyFlags  flags,
             const char        *line)
{
  guint n_replace = 12345;
  char *replacement = (char *) "untouched";
  g_autofree char *head = NULL;
  glong length = g_utf8_strlen (line, -1);
  char *result;

  if (!dl_typography_substitute (language, flags, line, &n_replace, &replacement))
    {
      /* FALSE leaves the outputs alone. */
      g_assert_cmpuint (n_replace, ==, 12345);
      g_assert_cmpstr (replacement, ==, "untouched");
      return g_strdup (line);
    }
  g_assert_nonnull (replacement);
  g_assert_true (g_utf8_validate (replacement, -1, NULL));
  g_assert_cmpint (n_replace, >=, 1);
  g_assert_cmpint ((glong) n_replace, <=, length);
  head = g_strndup (line, g_utf8_offset_to_pointer (line, length - n_replace) - line);
  result = g_strconcat (head, replacement, NULL);
  g_free (replacement);
  return result;
}

/* Asserts the exact substitution for @line. */
static void
assert_substitution (const char        *language,
                     DlTypographyFlags  flags,
                     const char        *line,
                     guint              expected_n,
                     const char        *expected_replacement)
{
  guint n_replace = 0;
  g_autofree char *replacement = NULL;

  if (!dl_typography_substitute (language, flags, line, &n_replace, &replacement))
    g_error ("no substitution for \"%s\" (%s), expected %u → \"%s\"",
             line, language ? language : "NULL", expected_n, expected_replacement);
  g_assert_cmpuint (n_replace, ==, expected_n);
  g_assert_cmpstr (replacement, ==, expected_replacement);
}

/* Asserts that typing the last character of @line changes nothing. */
static void
assert_unchanged (const char        *language,
                  DlTypographyFlags  flags,
                  const char        *line)
{
  guint n_replace = 12345;
  char *replacement = NULL;

  if (dl_typography_substitute (language, flags, line, &n_replace, &replacement))
    g_error ("unexpected substitution for \"%s\" (%s): %u → \"%s\"",
             line, language ? language : "NULL", n_replace, replacement);
  g_assert_cmpuint (n_replace, ==, 12345);
  g_assert_null (replacement);
}

static void
assert_line (const char        *language,
             DlTypographyFlags  flags,
             const char        *line,
             const char        *expected)
{
  g_autofree char *result = substituted (language, flags, line);

  g_assert_cmpstr (result, ==, expected);
}

/* Types @text one character at a time, applying each substitution as the
 * editor does; a "\n" starts a new line. Returns the whole text. */
static char *
type_text (const char        *language,
           DlTypographyFlags  flags,
           const char        *text)
{
  GString *done = g_string_new (NULL);
  GString *line = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint n_replace = 0;
      char *replacement = NULL;

      if (c == '\n')
        {
          g_string_append_len (done, line->str, line->len);
          g_string_append_c (done, '\n');
          g_string_truncate (line, 0);
          continue;
        }
      g_string_append_unichar (line, c);
      if (dl_typography_substitute (language, flags, line->str, &n_replace, &replacement))
        {
          glong length = g_utf8_strlen (line->str, -1);

          g_assert_cmpint ((glong) n_replace, <=, length);
          g_string_truncate (line, g_utf8_offset_to_pointer (line->str, length - n_replace) - line->str);
          g_string_append (line, replacement);
          g_free (replacement);
        }
    }
  g_string_append_len (done, line->str, line->len);
  g_string_free (line, TRUE);
  return g_string_free (done, FALSE);
}

static void
assert_typed (const char        *language,
              DlTypographyFlags  flags,
              const char        *text,
              const char        *expected)
{
  g_autofree char *result = type_text (language, flags, text);

  g_assert_cmpstr (result, ==, expected);
}

/* --- Quotes ----------------------------------------------------------- */

static void
test_typography_quotes_en (void)
{
  /* Opening at the line start, after a space, a bracket, a dash, a slash
   * or an opening quote; closing elsewhere. */
  assert_substitution ("en", Q, "\"", 1, "“");
  assert_substitution ("en", Q, "He said \"", 1, "“");
  assert_substitution ("en", Q, "(\"", 1, "“");
  assert_substitution ("en", Q, "[\"", 1, "“");
  assert_substitution ("en", Q, "{\"", 1, "“");
  assert_substitution ("en", Q, "word—\"", 1, "“");
  assert_substitution ("en", Q, "and/\"", 1, "“");
  assert_substitution ("en", Q, "‘\"", 1, "“");
  assert_substitution ("en", Q, "said\u00A0\"", 1, "“");
  assert_substitution ("en", Q, "“Hello\"", 1, "”");
  assert_substitution ("en", Q, "“Hello,\"", 1, "”");
  assert_substitution ("en", Q, "“Who?\"", 1, "”");
  assert_substitution ("en", Q, "“5\"", 1, "”");
  /* Markdown emphasis and blockquote markers are looked through. */
  assert_substitution ("en", Q, "**\"", 1, "“");
  assert_substitution ("en", Q, "> \"", 1, "“");
  assert_substitution ("en", Q, ">\"", 1, "“");
  assert_substitution ("en", Q, "said *\"", 1, "“");
  assert_substitution ("en", Q, "“bold”*\"", 1, "”");
  /* A backslash asks for a straight quote. */
  assert_unchanged ("en", Q, "\\\"");
  assert_unchanged ("en", Q, "it\\'");

  /* Apostrophe and single quotes. */
  assert_substitution ("en", Q, "don'", 1, "’");
  assert_substitution ("en", Q, "1990'", 1, "’");
  assert_substitution ("en", Q, "'", 1, "‘");
  assert_substitution ("en", Q, "said '", 1, "‘");
  assert_substitution ("en", Q, "“'", 1, "‘");
  assert_substitution ("en", Q, "‘word'", 1, "’");
  assert_substitution ("en", Q, "‘Hello.'", 1, "’");
  assert_substitution ("en", Q, "*Jones*'", 1, "’");

  assert_typed ("en", ALL, "\"It's 'fine',\" she said.",
                "“It’s ‘fine’,” she said.");
  assert_typed ("en-GB", Q, "(\"quoted\")", "(“quoted”)");
}

static void
test_typography_quotes_ru (void)
{
  assert_substitution ("ru", Q, "\"", 1, "«");
  assert_substitution ("ru", Q, "Он сказал \"", 1, "«");
  assert_substitution ("ru", Q, "«привет\"", 1, "»");
  assert_substitution ("ru", Q, "(\"", 1, "«");
  /* Apostrophe after a letter; a lone ' stays. */
  assert_substitution ("ru", Q, "д'", 1, "’");
  assert_unchanged ("ru", Q, "'");
  assert_unchanged ("ru", Q, "сказал '");

  /* Nested: „ “ inside « ». */
  assert_substitution ("ru", Q, "«Он сказал \"", 1, "„");
  assert_substitution ("ru", Q, "«\"", 1, "„");
  assert_substitution ("ru", Q, "«Он сказал „привет\"", 1, "“");
  assert_substitution ("ru", Q, "«Он сказал „привет“\"", 1, "»");
  assert_substitution ("ru", Q, "«Он сказал „привет“ и ушёл\"", 1, "»");
  /* A quote closed earlier on the line is not open. */
  assert_substitution ("ru", Q, "«один» и \"", 1, "«");
  assert_substitution ("ru", Q, "«один» и «два \"", 1, "„");

  assert_typed ("ru", Q, "\"Он сказал \"привет\" и ушёл\"",
                "«Он сказал „привет“ и ушёл»");
  assert_typed ("RU", Q, "Газета \"Звязда\".", "Газета «Звязда».");
  assert_typed ("uk", Q, "\"Так\"", "«Так»");
}

static void
test_typography_quotes_be (void)
{
  assert_substitution ("be", Q, "\"", 1, "«");
  assert_substitution ("be", Q, "«Звязда\"", 1, "»");
  assert_substitution ("be", Q, "«Ён сказаў \"", 1, "„");
  assert_substitution ("be", Q, "«Ён сказаў „добры дзень\"", 1, "“");
  /* The Belarusian apostrophe. */
  assert_substitution ("be", Q, "сям'", 1, "’");
  assert_unchanged ("be", Q, " '");
  assert_typed ("be", Q, "сям'я \"Звязда\"", "сям’я «Звязда»");
}

static void
test_typography_quotes_de (void)
{
  assert_substitution ("de", Q, "\"", 1, "„");
  assert_substitution ("de-AT", Q, "Er sagte \"", 1, "„");
  assert_substitution ("de", Q, "„Hallo\"", 1, "“");
  /* “ closes in German: a quote after it closes too. */
  assert_substitution ("de", Q, "„Hallo“\"", 1, "“");
  assert_substitution ("de", Q, "„\"", 1, "„");
  /* Single quotes: ‚ opens, ’ after a letter, ‘ after punctuation. */
  assert_substitution ("de", Q, "'", 1, "‚");
  assert_substitution ("de", Q, "sagte '", 1, "‚");
  assert_substitution ("de", Q, "geht'", 1, "’");
  assert_substitution ("de", Q, "‚Hallo.'", 1, "‘");
  assert_unchanged ("de", Q, "#'");
  assert_typed ("de", Q, "Er sagte: \"Wie geht's?\"", "Er sagte: „Wie geht’s?“");
}

static void
test_typography_quotes_pl (void)
{
  assert_substitution ("pl", Q, "\"", 1, "„");
  assert_substitution ("pl", Q, "„Tak\"", 1, "”");
  assert_unchanged ("pl", Q, "'");
  assert_substitution ("pl", Q, "Kowalski'", 1, "’");
  assert_typed ("pl", Q, "Powiedział \"tak\".", "Powiedział „tak”.");
}

static void
test_typography_quotes_fr (void)
{
  assert_substitution ("fr", Q, "\"", 1, "«\u202F");
  assert_substitution ("fr", Q, "Il a dit \"", 1, "«\u202F");
  assert_substitution ("fr", Q, "«\u202Fbonjour\"", 1, "\u202F»");
  /* A space typed before the closing quote becomes the narrow one. */
  assert_substitution ("fr", Q, "«\u202Fbonjour \"", 2, "\u202F»");
  assert_substitution ("fr", Q, "«\u202Fbonjour\u202F\"", 1, "»");
  assert_substitution ("fr", Q, "aujourd'", 1, "’");
  assert_unchanged ("fr", Q, "'");
  assert_typed ("fr", Q, "Il a dit \"bonjour\".", "Il a dit «\u202Fbonjour\u202F».");
  assert_typed ("fr-CA", Q, "Il a dit \"bonjour \".", "Il a dit «\u202Fbonjour\u202F».");
}

static void
test_typography_quotes_zh (void)
{
  /* Simplified Chinese quotes, and they open after a letter when none is
   * open: Chinese puts no space before a quote. */
  assert_substitution ("zh", Q, "\"", 1, "“");
  assert_substitution ("zh-Hans", Q, "他说\"", 1, "“");
  assert_substitution ("zh-Hans", Q, "他说“你好\"", 1, "”");
  assert_substitution ("zh", Q, "“你好”他说\"", 1, "“");
  assert_unchanged ("zh", Q, "'");
  assert_typed ("zh-Hans", Q, "他说\"你好\"。", "他说“你好”。");
  assert_typed ("zh-CN", Q, "使用\"Linux\"系统", "使用“Linux”系统");
}

static void
test_typography_quotes_other (void)
{
  /* Unknown languages get English double quotes and keep a lone '. */
  assert_substitution ("es", Q, "\"", 1, "“");
  assert_substitution ("es", Q, "«hola\"", 1, "”");
  assert_substitution ("it", Q, "l'", 1, "’");
  assert_unchanged ("es", Q, "'");
  assert_unchanged ("x-klingon", Q, " '");
}

static void
test_typography_get_quotes (void)
{
  struct { const char *language; const char *open; const char *close; } cases[] = {
    { "ru", "«", "»" },
    { "be-BY", "«", "»" },
    { "uk", "«", "»" },
    { "fr", "«", "»" },
    { "de-AT", "„", "“" },
    { "pl", "„", "”" },
    { "zh-Hans", "“", "”" },
    { "en-GB", "“", "”" },
    { "es", "“", "”" },
    { "", "“", "”" },
    { NULL, "“", "”" },
  };
  const char *open = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *o = NULL;
      const char *c = NULL;

      dl_typography_get_quotes (cases[i].language, &o, &c);
      g_assert_cmpstr (o, ==, cases[i].open);
      g_assert_cmpstr (c, ==, cases[i].close);
    }
  /* Either output may be left out. */
  dl_typography_get_quotes ("ru", &open, NULL);
  g_assert_cmpstr (open, ==, "«");
  dl_typography_get_quotes ("ru", NULL, NULL);
}

/* --- Dashes and the ellipsis ------------------------------------------ */

static void
test_typography_dashes (void)
{
  /* " - " and a space. */
  assert_substitution ("ru", D, "Минск - ", 3, "\u00A0— ");
  assert_substitution ("be", D, "Мінск - ", 3, "\u00A0— ");
  assert_substitution ("uk", D, "Київ - ", 3, "\u00A0— ");
  assert_substitution ("de", D, "Berlin - ", 3, "\u00A0– ");
  assert_substitution ("pl", D, "Warszawa - ", 3, "\u00A0– ");
  assert_substitution ("en", D, "Minsk - ", 3, "\u00A0– ");
  assert_substitution ("fr", D, "Paris - ", 3, "\u00A0– ");
  assert_substitution ("zh", D, "北京 - ", 3, "\u00A0– ");
  assert_substitution (NULL, D, "Minsk - ", 3, "\u00A0– ");
  assert_line ("ru", D, "Минск - ", "Минск\u00A0— ");
  /* After a no-break space already there. */
  assert_substitution ("ru", D, "в\u00A0- ", 3, "\u00A0— ");
  /* A dash typed as "--" between spaces gets the no-break space too. */
  assert_substitution ("en", D, "Minsk – ", 3, "\u00A0– ");
  assert_substitution ("ru", D, "Минск — ", 3, "\u00A0— ");
  assert_unchanged ("en", D, "Minsk\u00A0– ");

  /* "--" is an en dash, a third hyphen makes it an em dash. */
  assert_substitution ("en", D, "1990--", 2, "–");
  assert_substitution ("en", D, "word–-", 2, "—");
  assert_substitution ("ru", D, "слово --", 2, "–");
  assert_line ("en", D, "pages 10--", "pages 10–");
  assert_unchanged ("en", D, "word—-");
  assert_unchanged ("en", D, "word-");
  assert_typed ("en", D, "wait---what", "wait—what");
  assert_typed ("en", D, "1990--2000", "1990–2000");

  /* The ellipsis. */
  assert_substitution ("en", D, "Well...", 3, "…");
  assert_substitution ("ru", D, "Ну...", 3, "…");
  assert_substitution ("zh", D, "...", 3, "…");
  assert_unchanged ("en", D, "Well..");
  assert_unchanged ("en", D, "Well.");
  assert_typed ("en", D, "Well... no", "Well… no");
}

static void
test_typography_dashes_markdown (void)
{
  /* List bullets keep their hyphen. */
  assert_unchanged ("en", ALL, "- ");
  assert_unchanged ("ru", ALL, "- ");
  assert_unchanged ("en", ALL, "  - ");
  assert_unchanged ("en", ALL, "> - ");
  assert_unchanged ("en", ALL, "- - ");
  assert_unchanged ("en", ALL, "1. - ");
  assert_unchanged ("ru", ALL, "— ");
  assert_typed ("ru", ALL, "- пункт", "- пункт");
  assert_typed ("en", ALL, "  - item - more", "  - item\u00A0– more");

  /* Thematic breaks, front matter and setext underlines. */
  assert_unchanged ("en", ALL, "--");
  assert_unchanged ("en", ALL, "---");
  assert_unchanged ("en", ALL, "----");
  assert_unchanged ("en", ALL, "  --");
  assert_unchanged ("en", ALL, "> --");
  assert_typed ("ru", ALL, "---", "---");
  assert_typed ("en", ALL, "------", "------");
  assert_typed ("en", ALL, "Heading\n-------", "Heading\n-------");

  /* Table delimiter rows. */
  assert_unchanged ("en", ALL, "|--");
  assert_unchanged ("en", ALL, "| --");
  assert_unchanged ("en", ALL, "|:--");
  assert_unchanged ("en", ALL, "| --- | - ");
  assert_unchanged ("en", ALL, "--|--");
  assert_typed ("en", ALL, "| --- | :---: | ---: |", "| --- | :---: | ---: |");
  assert_typed ("ru", ALL, "|:--|--:|", "|:--|--:|");
  /* A cell holding only a hyphen. */
  assert_unchanged ("en", ALL, "| 5 | - ");
  /* A table body row is text. */
  assert_substitution ("en", D, "| a--", 2, "–");
}

/* --- No-break spaces -------------------------------------------------- */

static void
test_typography_nbsp_one_letter (void)
{
  const char *ru[] = { "а", "в", "и", "к", "о", "с", "у", "я", "А", "В", "И", "К", "О", "С", "У", "Я" };
  const char *be[] = { "а", "і", "у", "ў", "з", "о", "І", "У", "Ў", "З" };
  const char *uk[] = { "а", "в", "і", "й", "з", "о", "у", "я" };

  for (guint i = 0; i < G_N_ELEMENTS (ru); i++)
    {
      g_autofree char *line = g_strconcat ("слово ", ru[i], " ", NULL);
      g_autofree char *start = g_strconcat (ru[i], " ", NULL);

      assert_substitution ("ru", N, line, 1, "\u00A0");
      assert_substitution ("ru", N, start, 1, "\u00A0");
    }
  for (guint i = 0; i < G_N_ELEMENTS (be); i++)
    {
      g_autofree char *line = g_strconcat ("слова ", be[i], " ", NULL);

      assert_substitution ("be", N, line, 1, "\u00A0");
    }
  for (guint i = 0; i < G_N_ELEMENTS (uk); i++)
    {
      g_autofree char *line = g_strconcat ("слово ", uk[i], " ", NULL);

      assert_substitution ("uk", N, line, 1, "\u00A0");
    }

  /* After a no-break space, an opening quote or a bracket. */
  assert_substitution ("ru", N, "и\u00A0в ", 1, "\u00A0");
  assert_substitution ("ru", N, "«в ", 1, "\u00A0");
  assert_substitution ("ru", N, "„в ", 1, "\u00A0");
  assert_substitution ("ru", N, "(в ", 1, "\u00A0");
  assert_substitution ("ru", N, "**В ", 1, "\u00A0");
  assert_line ("ru", N, "Он пришёл в ", "Он пришёл в\u00A0");

  /* Not a one-letter word, not a preposition of the language, or not a
   * space typed. */
  assert_unchanged ("ru", N, "мав ");
  assert_unchanged ("ru", N, "5в ");
  assert_unchanged ("ru", N, "в");
  assert_unchanged ("ru", N, "в\u00A0");
  assert_unchanged ("ru", N, "ж ");
  assert_unchanged ("ru", N, "і ");      /* Belarusian, not Russian */
  assert_unchanged ("be", N, "в ");      /* Russian, not Belarusian */
  assert_unchanged ("be", N, "и ");
  assert_unchanged ("uk", N, "и ");
  assert_unchanged ("en", N, "a ");
  assert_unchanged ("pl", N, "w ");
  assert_unchanged ("ru", Q | D, "в ");

  assert_typed ("be", N, "Ён і я ў горадзе", "Ён і\u00A0я ў\u00A0горадзе");
}

static void
test_typography_nbsp_units (void)
{
  assert_substitution ("en", N, "5 km ", 4, "\u00A0km ");
  assert_substitution ("en", N, "5 km.", 4, "\u00A0km.");
  assert_substitution ("en", N, "5 km,", 4, "\u00A0km,");
  assert_substitution ("en", N, "(5 km)", 4, "\u00A0km)");
  assert_substitution ("en", N, "2.5 kg ", 4, "\u00A0kg ");
  assert_substitution ("en", N, "20 °C ", 4, "\u00A0°C ");
  assert_substitution ("en", N, "98 °F.", 4, "\u00A0°F.");
  assert_substitution ("en", N, "90 km/h ", 6, "\u00A0km/h ");
  assert_substitution ("en", N, "5 MW ", 4, "\u00A0MW ");
  assert_substitution ("en", N, "5 min ", 5, "\u00A0min ");
  assert_substitution ("en", N, "5 s!", 3, "\u00A0s!");
  assert_substitution ("de", N, "5 l ", 3, "\u00A0l ");
  assert_substitution ("pl", N, "10 kg ", 4, "\u00A0kg ");
  assert_substitution ("fr", N, "10 km ", 4, "\u00A0km ");
  assert_substitution ("zh", N, "10 km ", 4, "\u00A0km ");
  assert_substitution ("ru", N, "5 km ", 4, "\u00A0km ");
  assert_substitution ("ru", N, "5 км ", 4, "\u00A0км ");
  assert_substitution ("ru", N, "2020 г.", 3, "\u00A0г.");
  assert_substitution ("ru", N, "3 млрд ", 6, "\u00A0млрд ");
  assert_substitution ("be", N, "100 руб.", 5, "\u00A0руб.");
  assert_substitution ("uk", N, "7 га ", 4, "\u00A0га ");
  assert_line ("ru", N, "в 5 км ", "в 5\u00A0км ");
  /* A unit wins over a one-letter word: "с" after a number is seconds. */
  assert_substitution ("ru", N, "5 с ", 3, "\u00A0с ");
  /* Composed with the quote typed after the unit. */
  assert_substitution ("en", ALL, "“5 km\"", 4, "\u00A0km”");
  assert_substitution ("ru", ALL, "«5 км\"", 4, "\u00A0км»");

  /* Not a unit, not after a number, not finished, or already done. */
  assert_unchanged ("en", N, "5 kms ");
  assert_unchanged ("en", N, "5 km");
  assert_unchanged ("en", N, "5 kmh");
  assert_unchanged ("en", N, "5 km/");
  assert_unchanged ("en", N, "five km ");
  assert_unchanged ("en", N, "5km ");
  assert_unchanged ("en", N, "5\u00A0km ");
  assert_unchanged ("en", N, "5 Km ");
  assert_unchanged ("en", N, "5 км ");   /* Cyrillic units in ru, be, uk only */
  assert_unchanged ("de", N, "5 км ");
  assert_unchanged ("en", Q | D, "5 km ");

  /* № and § before a number. */
  assert_substitution ("ru", N, "№ 5", 2, "\u00A05");
  assert_substitution ("en", N, "§ 1", 2, "\u00A01");
  assert_substitution ("de", N, "nach § 2", 2, "\u00A02");
  assert_unchanged ("ru", N, "№ ");
  assert_unchanged ("ru", N, "№ а");
  assert_unchanged ("ru", N, "№5");
  assert_typed ("ru", N, "приказ № 12", "приказ №\u00A012");

  assert_typed ("en", ALL, "It is 5 km away, 20 °C and 90 km/h.",
                "It is 5\u00A0km away, 20\u00A0°C and 90\u00A0km/h.");
}

static void
test_typography_nbsp_fr (void)
{
  assert_substitution ("fr", N, "Quoi ?", 2, "\u202F?");
  assert_substitution ("fr", N, "Attention !", 2, "\u202F!");
  assert_substitution ("fr", N, "Note :", 2, "\u202F:");
  assert_substitution ("fr", N, "un ;", 2, "\u202F;");
  assert_substitution ("fr", N, "Quoi\u00A0?", 2, "\u202F?");
  assert_unchanged ("fr", N, "Quoi?");
  assert_unchanged ("fr", N, " ?");
  assert_unchanged ("fr", N, "Quoi\u202F?");
  assert_unchanged ("en", N, "What ?");
  assert_unchanged ("fr", Q | D, "Quoi ?");
  assert_typed ("fr", ALL, "Il a dit \"oui\" : vraiment ?",
                "Il a dit «\u202Foui\u202F»\u202F: vraiment\u202F?");
}

/* --- Where nothing changes -------------------------------------------- */

static void
test_typography_inline_code (void)
{
  assert_unchanged ("en", ALL, "`\"");
  assert_unchanged ("en", ALL, "use `a--");
  assert_unchanged ("en", ALL, "use `x...");
  assert_unchanged ("ru", ALL, "код `в ");
  assert_unchanged ("en", ALL, "run ``x ` y\"");
  /* After the code span closes, text again. */
  assert_substitution ("en", Q, "use `x` \"", 1, "“");
  assert_substitution ("en", D, "`a` and `b` x--", 2, "–");
  /* An escaped backtick opens nothing. */
  assert_substitution ("en", Q, "\\` \"", 1, "“");
  assert_typed ("en", ALL, "Type `\"--\"` or \"this\"", "Type `\"--\"` or “this”");
}

static void
test_typography_urls (void)
{
  assert_unchanged ("en", ALL, "http://example.com/a--");
  assert_unchanged ("en", ALL, "see https://example.com/...");
  assert_unchanged ("en", ALL, "https://example.com/it's'");
  assert_unchanged ("en", ALL, "www.example.com/a--");
  assert_unchanged ("en", ALL, "(www.example.com/a--");
  assert_unchanged ("en", ALL, "WWW.EXAMPLE.COM...");
  /* E-mail addresses. */
  assert_unchanged ("en", ALL, "mail news--desk@example.com--");
  assert_unchanged ("en", ALL, "a.b@example.com...");
  assert_unchanged ("en", ALL, "o'brien@example.com'");
  /* The next word is text again. */
  assert_substitution ("en", Q, "http://example.com \"", 1, "“");
  assert_substitution ("en", D, "see www.example.com - ", 3, "\u00A0– ");
  assert_typed ("en", ALL, "See http://x.org/a--b... \"ok\"",
                "See http://x.org/a--b... “ok”");
}

static void
test_typography_links_and_html (void)
{
  /* Link and image destinations (titles in them keep straight quotes). */
  assert_unchanged ("en", ALL, "[text](a--");
  assert_unchanged ("en", ALL, "[text](page \"");
  assert_unchanged ("en", ALL, "![alt](img...");
  assert_substitution ("en", Q, "[text](page) \"", 1, "“");
  /* The link text is text. */
  assert_substitution ("en", Q, "[\"", 1, "“");
  assert_substitution ("en", D, "[a--", 2, "–");

  /* Autolinks and HTML tags. */
  assert_unchanged ("en", ALL, "<a href=\"");
  assert_unchanged ("en", ALL, "<img alt='");
  assert_unchanged ("en", ALL, "<!--");
  assert_unchanged ("en", ALL, "<!-- note... ");
  assert_unchanged ("en", ALL, "</p--");
  assert_unchanged ("en", ALL, "<mailto:a-b--");
  assert_substitution ("en", Q, "<b>\"", 1, "“");
  assert_substitution ("en", Q, "<a href=\"x\">\"", 1, "“");
  /* A less-than sign is not a tag. */
  assert_substitution ("en", D, "a < b--", 2, "–");
  assert_substitution ("en", Q, "a < \"", 1, "“");
  assert_substitution ("en", Q, "<\"", 1, "”");
  assert_typed ("en", ALL, "<span class=\"x\">\"hi\"</span>",
                "<span class=\"x\">“hi”</span>");
}

static void
test_typography_code_lines (void)
{
  /* Indented code: four spaces or a tab. */
  assert_unchanged ("en", ALL, "    \"");
  assert_unchanged ("en", ALL, "    a--");
  assert_unchanged ("en", ALL, "\tprint(\"");
  assert_unchanged ("ru", ALL, "    в ");
  /* Fence lines. */
  assert_unchanged ("en", ALL, "```\"");
  assert_unchanged ("en", ALL, "```c--");
  assert_unchanged ("en", ALL, "~~~ x...");
  assert_unchanged ("en", ALL, "  ```x--");
  /* Three spaces are not code. */
  assert_substitution ("en", Q, "   \"", 1, "“");
  assert_typed ("ru", ALL, "    \"в 5 км - да\"", "    \"в 5 км - да\"");
}

/* --- Flags and languages ---------------------------------------------- */

static void
test_typography_flags (void)
{
  /* Nothing with no flags. */
  assert_unchanged ("en", DL_TYPOGRAPHY_NONE, "\"");
  assert_unchanged ("ru", DL_TYPOGRAPHY_NONE, "Минск - ");
  assert_unchanged ("ru", DL_TYPOGRAPHY_NONE, "в ");
  assert_unchanged ("en", DL_TYPOGRAPHY_NONE, "5 km ");
  assert_unchanged ("en", DL_TYPOGRAPHY_NONE, "a--");
  assert_unchanged ("en", DL_TYPOGRAPHY_NONE, "a...");

  /* Each flag alone. */
  assert_substitution ("en", Q, "\"", 1, "“");
  assert_unchanged ("en", D | N, "\"");
  assert_unchanged ("en", D | N, "don'");
  assert_substitution ("en", D, "a--", 2, "–");
  assert_unchanged ("en", Q | N, "a--");
  assert_unchanged ("en", Q | N, "a...");
  assert_unchanged ("en", Q | N, "a - ");
  assert_substitution ("en", N, "5 km ", 4, "\u00A0km ");
  /* Without quotes, the unit still gets its space and the " stays. */
  assert_substitution ("en", N, "5 km\"", 4, "\u00A0km\"");

  assert_typed ("ru", DL_TYPOGRAPHY_NONE, "Он сказал \"привет\" в 5 км - вот",
                "Он сказал \"привет\" в 5 км - вот");
  assert_typed ("ru", Q, "Он сказал \"привет\" в 5 км - вот",
                "Он сказал «привет» в 5 км - вот");
  assert_typed ("ru", D, "Он сказал \"привет\" в 5 км - вот",
                "Он сказал \"привет\" в 5 км\u00A0— вот");
  assert_typed ("ru", N, "Он сказал \"привет\" в 5 км - вот",
                "Он сказал \"привет\" в\u00A05\u00A0км - вот");
}

static void
test_typography_languages (void)
{
  /* NULL and "" are English. */
  assert_substitution (NULL, Q, "'", 1, "‘");
  assert_substitution ("", Q, "'", 1, "‘");
  assert_substitution (NULL, Q, "\"", 1, "“");
  assert_substitution ("", D, "a - ", 3, "\u00A0– ");
  assert_unchanged (NULL, N, "в ");
  /* Only the primary subtag counts, in any case. */
  assert_substitution ("RU-by", Q, "\"", 1, "«");
  assert_substitution ("ru_RU.UTF-8", Q, "\"", 1, "«");
  assert_substitution ("Be-Tarask", Q, "\"", 1, "«");
  assert_substitution ("DE", Q, "\"", 1, "„");
  assert_substitution ("zh-Hant-TW", Q, "\"", 1, "“");
  assert_substitution ("rus", Q, "\"", 1, "“");   /* not a tag we know */
  assert_substitution ("r", Q, "\"", 1, "“");
}

static void
test_typography_edge_cases (void)
{
  guint n_replace = 7;
  char *replacement = NULL;

  /* Empty, NULL or invalid lines change nothing. */
  g_assert_false (dl_typography_substitute ("en", ALL, "", &n_replace, &replacement));
  g_assert_false (dl_typography_substitute ("en", ALL, NULL, &n_replace, &replacement));
  g_assert_false (dl_typography_substitute ("en", ALL, "a\xff--", &n_replace, &replacement));
  g_assert_cmpuint (n_replace, ==, 7);
  g_assert_null (replacement);

  /* Characters that start no rule. */
  assert_unchanged ("en", ALL, "a");
  assert_unchanged ("ru", ALL, "слово");
  assert_unchanged ("en", ALL, " ");
  assert_unchanged ("en", ALL, "-");
  assert_unchanged ("en", ALL, ".");
  assert_unchanged ("en", ALL, "5");

  /* A long line. */
  {
    g_autoptr(GString) line = g_string_new (NULL);

    for (guint i = 0; i < 2000; i++)
      g_string_append (line, "слово ");
    g_string_append (line, "\"");
    assert_substitution ("ru", ALL, line->str, 1, "«");
  }
}

/* --- Typing whole sentences ------------------------------------------- */

static void
test_typography_typing (void)
{
  assert_typed ("ru", ALL, "Он сказал \"привет\" в 5 км - вот",
                "Он сказал «привет» в\u00A05\u00A0км\u00A0— вот");
  assert_typed ("ru", ALL, "\"Я приеду к 5 ч\", - сказал он. Ну...",
                "«Я\u00A0приеду к\u00A05\u00A0ч»,\u00A0— сказал он. Ну…");
  assert_typed ("be", ALL, "\"Звязда\" - газета і сайт, № 5",
                "«Звязда»\u00A0— газета і\u00A0сайт, №\u00A05");
  assert_typed ("de", ALL, "\"Ja\" - sagte er - 5 km weit...",
                "„Ja“\u00A0– sagte er\u00A0– 5\u00A0km weit…");
  assert_typed ("pl", ALL, "\"Tak\" - 10 kg.", "„Tak”\u00A0– 10\u00A0kg.");
  assert_typed ("en", ALL, "\"Don't go\" -- she said -- \"it's 5 km.\"",
                "“Don’t go”\u00A0– she said\u00A0– “it’s 5\u00A0km.”");
  assert_typed ("zh-Hans", ALL, "他说\"你好\"...", "他说“你好”…");
  assert_typed (NULL, ALL, "\"Hi\" - 'yes'", "“Hi”\u00A0– ‘yes’");

  /* Markdown survives typing. */
  assert_typed ("ru", ALL,
                "# Заголовок\n"
                "\n"
                "- пункт в списке\n"
                "---\n"
                "| да | нет |\n"
                "|---|:-:|\n"
                "См. `a--b` и [ссылку](http://x.ru/a--b \"t\").",
                "# Заголовок\n"
                "\n"
                "- пункт в\u00A0списке\n"
                "---\n"
                "| да | нет |\n"
                "|---|:-:|\n"
                "См. `a--b` и\u00A0[ссылку](http://x.ru/a--b \"t\").");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/typography/quotes/en", test_typography_quotes_en);
  g_test_add_func ("/typography/quotes/ru", test_typography_quotes_ru);
  g_test_add_func ("/typography/quotes/be", test_typography_quotes_be);
  g_test_add_func ("/typography/quotes/de", test_typography_quotes_de);
  g_test_add_func ("/typography/quotes/pl", test_typography_quotes_pl);
  g_test_add_func ("/typography/quotes/fr", test_typography_quotes_fr);
  g_test_add_func ("/typography/quotes/zh", test_typography_quotes_zh);
  g_test_add_func ("/typography/quotes/other", test_typography_quotes_other);
  g_test_add_func ("/typography/get-quotes", test_typography_get_quotes);
  g_test_add_func ("/typography/dashes", test_typography_dashes);
  g_test_add_func ("/typography/dashes/markdown", test_typography_dashes_markdown);
  g_test_add_func ("/typography/nbsp/one-letter", test_typography_nbsp_one_letter);
  g_test_add_func ("/typography/nbsp/units", test_typography_nbsp_units);
  g_test_add_func ("/typography/nbsp/fr", test_typography_nbsp_fr);
  g_test_add_func ("/typography/never/inline-code", test_typography_inline_code);
  g_test_add_func ("/typography/never/urls", test_typography_urls);
  g_test_add_func ("/typography/never/links-and-html", test_typography_links_and_html);
  g_test_add_func ("/typography/never/code-lines", test_typography_code_lines);
  g_test_add_func ("/typography/flags", test_typography_flags);
  g_test_add_func ("/typography/languages", test_typography_languages);
  g_test_add_func ("/typography/edge-cases", test_typography_edge_cases);
  g_test_add_func ("/typography/typing", test_typography_typing);

  return g_test_run ();
}
