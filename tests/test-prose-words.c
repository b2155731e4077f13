/* test-prose-words.c: the words of a Markdown body a spell checker checks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dl-prose-words.h"

static gboolean
collect_word (const char        *text G_GNUC_UNUSED,
              const DlProseWord *word,
              gpointer           user_data)
{
  g_array_append_val ((GArray *) user_data, *word);
  return TRUE;
}

static GArray *
scan (const char *text,
      gssize      length,
      gboolean   *in_fence)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (DlProseWord));

  dl_prose_words_scan (text, length, in_fence, collect_word, words);
  return words;
}

/* The words of @text joined by "|". */
static char *
words_of (const char *text)
{
  g_autoptr(GArray) words = scan (text, -1, NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    {
      const DlProseWord *word = &g_array_index (words, DlProseWord, i);

      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append_len (out, text + word->offset, word->length);
    }
  return g_string_free (out, FALSE);
}

/* The words of @text as "offset+length" in bytes, space-separated. */
static char *
spans_of (const char *text)
{
  g_autoptr(GArray) words = scan (text, -1, NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    {
      const DlProseWord *word = &g_array_index (words, DlProseWord, i);

      g_string_append_printf (out, "%s%" G_GSIZE_FORMAT "+%" G_GSIZE_FORMAT,
                              i > 0 ? " " : "", word->offset, word->length);
    }
  return g_string_free (out, FALSE);
}

#define assert_words(text, expected) G_STMT_START {        \
    g_autofree char *words_ = words_of (text);             \
    g_assert_cmpstr (words_, ==, (expected));              \
  } G_STMT_END

#define assert_spans(text, expected) G_STMT_START {        \
    g_autofree char *spans_ = spans_of (text);             \
    g_assert_cmpstr (spans_, ==, (expected));              \
  } G_STMT_END

static void
test_prose_words_english (void)
{
  assert_words ("The quick brown fox's tail, don't e-mail me.",
                "The|quick|brown|fox's|tail|don't|e|mail|me");
  assert_spans ("The quick brown fox's tail, don't e-mail me.",
                "0+3 4+5 10+5 16+5 22+4 28+5 34+1 36+4 41+2");
  /* An apostrophe only counts between letters; one-letter words count. */
  assert_words ("'Tis the dogs' a I rock'n'roll don’t", "Tis|the|dogs|a|I|rock'n'roll|don’t");
  assert_spans ("don’t", "0+7");
  assert_words ("", "");
  assert_words ("  \t \r\n\n ", "");
  /* @length limits the scan. */
  {
    g_autoptr(GArray) words = scan ("one two three", 6, NULL);

    g_assert_cmpuint (words->len, ==, 2);
    g_assert_cmpuint (g_array_index (words, DlProseWord, 1).offset, ==, 4);
    g_assert_cmpuint (g_array_index (words, DlProseWord, 1).length, ==, 2);
  }
}

static void
test_prose_words_russian (void)
{
  assert_words ("Минск-Москва, 8 мая (БЕЛТА) — Президент ёжится.",
                "Минск|Москва|мая|БЕЛТА|Президент|ёжится");
  /* Cyrillic letters are two bytes each; the dash is three. */
  assert_spans ("Минск-Москва, 8 мая (БЕЛТА) — Президент ёжится.",
                "0+10 11+12 27+6 35+10 51+18 70+12");
}

static void
test_prose_words_belarusian (void)
{
  assert_words ("Ўсё будзе добра: сям’я, сям'я і п’ять, сямʼя.",
                "Ўсё|будзе|добра|сям’я|сям'я|і|п’ять|сямʼя");
  /* ў and і are two bytes; ’ three; the modifier letter ʼ two, a letter. */
  assert_spans ("Ўсё сям’я і сямʼя", "0+6 7+11 19+2 22+10");
}

static void
test_prose_words_german (void)
{
  assert_words ("Die Straße über Äpfel, Bärenhöhle — Fußgänger-Zone.",
                "Die|Straße|über|Äpfel|Bärenhöhle|Fußgänger|Zone");
  assert_spans ("Straße Bärenhöhle", "0+7 8+12");
  /* A combining diaeresis belongs to the word it sits in. */
  assert_spans ("Ba\xcc\x88r o\xcc\x88", "0+5 6+3");
}

static void
test_prose_words_mixed (void)
{
  /* Han, Hiragana and Katakana are never reported, prolonged-sound
   * marks included; Latin and Cyrillic around them are. */
  assert_words ("Lukashenko met Xi Jinping 习近平 in 北京 and said «Беларусь»",
                "Lukashenko|met|Xi|Jinping|in|and|said|Беларусь");
  assert_words ("東京abc カタカナ ひらがな コーヒー ｺｰﾋｰ 々", "abc");
  assert_spans ("東京abc", "6+3");
  /* Greek and Arabic letters are letters. */
  assert_words ("Αθήνα مرحبا", "Αθήνα|مرحبا");
  /* Non-breaking and other Unicode spaces separate words. */
  assert_words ("a\xc2\xa0" "b\xe2\x80\x83" "c", "a|b|c");
}

static void
test_prose_words_markup (void)
{
  assert_spans ("**bold**", "2+4");
  assert_spans ("_it_", "1+2");
  assert_words ("# Heading\n## Sub *em* __strong__ ~~gone~~", "Heading|Sub|em|strong|gone");
  assert_words ("> quoted\n- item\n+ other\n* star\n1. first\n10) tenth", "quoted|item|other|star|first|tenth");
  assert_words ("| Name | Value |\n|------|:-----:|\n| a | b |", "Name|Value|a|b");
  /* Backslash escapes are punctuation. */
  assert_spans ("\\*esc\\* \\`tick\\`", "2+3 10+4");
  /* Hashtags and mentions are checked as words. */
  assert_words ("#belarus @belta", "belarus|belta");
}

static void
test_prose_words_links (void)
{
  assert_spans ("[text](http://x.y/z \"title\")", "1+4");
  assert_words ("[text](http://x.y/z \"title\") after", "text|after");
  assert_words ("[two words](<dest with spaces> 'title here') end", "two|words|end");
  assert_words ("[a](http://x/(y)z (paren title)) b", "a|b");
  assert_words ("![alt text](image.png) [see][ref] [also][] [short]", "alt|text|see|also|short");
  /* Reference definitions are skipped whole; footnote text is prose. */
  assert_words ("[ref]: http://example.com \"Some title\"", "");
  assert_words ("   [ref label]: <http://example.com>", "");
  assert_words ("[^note]: Footnote text", "Footnote|text");
  /* Not a link: the bracket and parenthesis are punctuation. */
  assert_words ("[open](unclosed dest", "open|unclosed|dest");
  assert_words ("[x](y \"no end)", "x|y|no|end");
}

static void
test_prose_words_html (void)
{
  assert_words ("<https://a.b>", "");
  assert_words ("<https://a.b/path?q=x> and <user@example.com>", "and");
  assert_spans ("<b>tag</b>", "3+3");
  assert_words ("<a href=\"x\" title=\"nope\">link</a> <br/> <img src=x>", "link");
  assert_words ("<!-- hidden note --> shown", "shown");
  assert_words ("<!DOCTYPE html> <?php echo ?> <![CDATA[ x ]]> y", "y");
  /* A "<" that opens nothing is punctuation. */
  assert_words ("a < b, x<y, <b unclosed", "a|b|x|y|b|unclosed");
  assert_words ("<!-- not closed", "not|closed");
  /* Entities are skipped, named or numbered; a bare "&" is punctuation. */
  assert_words ("fish &amp; chips&nbsp;a&#8212;b&#x2014;c AT&T &nope", "fish|chips|a|b|c|AT|T|nope");
}

static void
test_prose_words_code (void)
{
  assert_words ("`code here` after", "after");
  assert_words ("before `code` after", "before|after");
  assert_words ("``a ` b`` c", "c");
  assert_words ("`lone tick", "lone|tick");
  assert_words ("``` inline``` x", "x");

  assert_words ("```\ncode\n```", "");
  assert_words ("prose\n```\ncode here\n```\nmore prose", "prose|more|prose");
  assert_words ("~~~\ncode\n~~~\nout", "out");
  assert_words ("   ```\nin\n   ```\nout", "out");
  /* An info string opens a fence but never closes one. */
  assert_words ("```js\nvar x\n```js\nstill code\n```\nout", "out");
  /* Four spaces are an indented code line, not a fence. */
  assert_words ("    ```\nprose", "prose");

  assert_words ("    indented", "");
  assert_words ("\tTabbed code\n   three spaces\nplain", "three|spaces|plain");
}

static void
test_prose_words_skipped_tokens (void)
{
  assert_words ("COVID-19", "");
  assert_words ("2x3 5км m² Boeing 737-800 3-й **X5** ok", "Boeing|ok");
  assert_words ("http://example.com/path https://belta.by ftp://x.y mailto:someone@x.by", "");
  assert_words ("www.example.com/path WWW.EXAMPLE.COM (see www.belta.by) tail", "see|tail");
  assert_words ("user@example.com a.b@c.by write", "write");
  /* An "@" needs a letter or digit on both sides to be an address. */
  assert_words ("@handle handle@ a @ b", "handle|handle|a|b");
  /* A colon is not a URL. */
  assert_words ("Note: re:think", "Note|re|think");
}

static void
test_prose_words_fence_across_calls (void)
{
  const char *first = "Intro text\n```python\nprint(hello)\n";
  const char *second = "def world():\n```\nOutro";
  gboolean in_fence = FALSE;
  g_autoptr(GArray) words = scan (first, -1, &in_fence);
  g_autoptr(GArray) more = NULL;
  g_autoptr(GArray) inside = NULL;

  g_assert_cmpuint (words->len, ==, 2);
  g_assert_true (in_fence);

  more = scan (second, -1, &in_fence);
  g_assert_false (in_fence);
  g_assert_cmpuint (more->len, ==, 1);
  g_assert_cmpuint (g_array_index (more, DlProseWord, 0).offset, ==, strlen ("def world():\n```\n"));
  g_assert_cmpuint (g_array_index (more, DlProseWord, 0).length, ==, 5);

  /* Starting inside a fence: nothing until it closes. */
  in_fence = TRUE;
  inside = scan ("code\n~~~\nprose\n", -1, &in_fence);
  g_assert_cmpuint (inside->len, ==, 1);
  g_assert_false (in_fence);
}

static void
test_prose_words_is_fence (void)
{
  g_assert_true (dl_prose_words_is_fence ("```", -1));
  g_assert_true (dl_prose_words_is_fence ("~~~", -1));
  g_assert_true (dl_prose_words_is_fence ("   ````", -1));
  g_assert_true (dl_prose_words_is_fence ("```python", -1));
  g_assert_true (dl_prose_words_is_fence ("~~~ a`b", -1));
  g_assert_true (dl_prose_words_is_fence ("```\r", -1));
  g_assert_true (dl_prose_words_is_fence ("```x", 3));
  g_assert_false (dl_prose_words_is_fence ("    ```", -1));
  g_assert_false (dl_prose_words_is_fence ("``", -1));
  g_assert_false (dl_prose_words_is_fence ("``` a`b", -1));
  g_assert_false (dl_prose_words_is_fence ("text ```", -1));
  g_assert_false (dl_prose_words_is_fence ("", -1));
  g_assert_false (dl_prose_words_is_fence (NULL, -1));
}

static gboolean
stop_after_two (const char        *text G_GNUC_UNUSED,
                const DlProseWord *word G_GNUC_UNUSED,
                gpointer           user_data)
{
  guint *seen = user_data;

  return ++*seen < 2;
}

static void
test_prose_words_stop (void)
{
  guint seen = 0;
  gboolean in_fence = FALSE;

  /* Stopping early still leaves @in_fence as at the end of the text. */
  dl_prose_words_scan ("one two three\nfour\n```\ncode", -1, &in_fence, stop_after_two, &seen);
  g_assert_cmpuint (seen, ==, 2);
  g_assert_true (in_fence);
}

static void
test_prose_words_invalid_utf8 (void)
{
  /* Invalid bytes end a word and are stepped over; nothing crashes. */
  assert_words ("ab\xff" "cd \xc3 \xc3\xa9t\xc3\xa9 caf\xc3", "ab|cd|été|caf");
  assert_words ("\xed\xa0\x80x \xc0\xafy \xf4\x90\x80\x80z", "x|y|z");
  assert_words ("\xe2\x82", "");
}

/* Random bytes, biased towards Markdown syntax, line breaks and UTF-8
 * fragments: every word must lie inside the text, in order, without
 * overlap, and be valid UTF-8 starting with a letter. */
static void
test_prose_words_random (void)
{
  static const char *pieces[] = {
    "`", "``", "```", "~~~", "<", ">", "<!--", "-->", "[", "]", "](", ")", "(", "\"", "'",
    "&", ";", "&amp;", "\\", "*", "_", "@", "://", "http", "www.", "\n", "\n    ", "\t", " ",
    "a", "word", "don't", "’", "я", "ў", "ß", "\xcc\x88", "漢", "1", "\xff", "\xc3", "\xe2\x80",
  };

  for (guint round = 0; round < 2000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GArray) words = NULL;
      guint pieces_n = g_test_rand_int_range (0, 60);
      gboolean in_fence = g_test_rand_bit ();
      gsize next = 0;

      for (guint i = 0; i < pieces_n; i++)
        {
          if (g_test_rand_int_range (0, 4) == 0)
            g_string_append_c (text, (char) g_test_rand_int_range (1, 256));
          else
            g_string_append (text, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
        }

      words = scan (text->str, text->len, &in_fence);
      for (guint i = 0; i < words->len; i++)
        {
          const DlProseWord *word = &g_array_index (words, DlProseWord, i);
          gunichar first;

          g_assert_cmpuint (word->length, >, 0);
          g_assert_cmpuint (word->offset, >=, next);
          g_assert_cmpuint (word->offset + word->length, <=, text->len);
          g_assert_true (g_utf8_validate (text->str + word->offset, word->length, NULL));
          first = g_utf8_get_char (text->str + word->offset);
          g_assert_true (g_unichar_isalpha (first));
          next = word->offset + word->length;
        }
    }
}

static gboolean
count_word (const char        *text G_GNUC_UNUSED,
            const DlProseWord *word G_GNUC_UNUSED,
            gpointer           user_data)
{
  (*(guint *) user_data)++;
  return TRUE;
}

/* A 20,000-word body (timed in bench, never here: docs/PERFORMANCE.md). */
static void
test_prose_words_large (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint words = 0;
  gboolean in_fence = FALSE;

  for (guint i = 0; i < 2000; i++)
    g_string_append (text, "The **delegation** met in Минск, and [talks](https://belta.by/x) "
                           "went `well` on 8 May; don't worry.\n\n");
  dl_prose_words_scan (text->str, text->len, &in_fence, count_word, &words);
  g_assert_cmpuint (words, ==, 2000 * 12);
  g_assert_false (in_fence);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/prose-words/english", test_prose_words_english);
  g_test_add_func ("/prose-words/russian", test_prose_words_russian);
  g_test_add_func ("/prose-words/belarusian", test_prose_words_belarusian);
  g_test_add_func ("/prose-words/german", test_prose_words_german);
  g_test_add_func ("/prose-words/mixed", test_prose_words_mixed);
  g_test_add_func ("/prose-words/markup", test_prose_words_markup);
  g_test_add_func ("/prose-words/links", test_prose_words_links);
  g_test_add_func ("/prose-words/html", test_prose_words_html);
  g_test_add_func ("/prose-words/code", test_prose_words_code);
  g_test_add_func ("/prose-words/skipped-tokens", test_prose_words_skipped_tokens);
  g_test_add_func ("/prose-words/fence-across-calls", test_prose_words_fence_across_calls);
  g_test_add_func ("/prose-words/is-fence", test_prose_words_is_fence);
  g_test_add_func ("/prose-words/stop", test_prose_words_stop);
  g_test_add_func ("/prose-words/invalid-utf8", test_prose_words_invalid_utf8);
  g_test_add_func ("/prose-words/random", test_prose_words_random);
  g_test_add_func ("/prose-words/large", test_prose_words_large);

  return g_test_run ();
}
