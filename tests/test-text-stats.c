/* test-text-stats.c: word count, character count, reading time, slugs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dl-slug.h"
#include "dl-text-stats.h"

static void
test_text_stats_words (void)
{
  DlTextStats stats;

  dl_text_stats_count ("", -1, &stats);
  g_assert_cmpuint (stats.words, ==, 0);
  g_assert_cmpuint (stats.characters, ==, 0);

  dl_text_stats_count ("MINSK, 8 May (BelTA) - The meeting", -1, &stats);
  /* "-" alone is punctuation, not a word. */
  g_assert_cmpuint (stats.words, ==, 6);
  g_assert_cmpuint (stats.characters, ==, 34);

  dl_text_stats_count ("## Heading\n\n- don't  e-mail\t$2 **bold**\n", -1, &stats);
  g_assert_cmpuint (stats.words, ==, 5);
  /* Line breaks are not characters a reader counts. */
  g_assert_cmpuint (stats.characters, ==, 37);

  /* Cyrillic and CJK letters are letters: one word per space-separated run. */
  dl_text_stats_count ("Минск, 8 мая (БЕЛТА) — 你好 世界", -1, &stats);
  g_assert_cmpuint (stats.words, ==, 6);
  g_assert_cmpuint (stats.characters, ==, 28);

  /* The length limits the count. */
  dl_text_stats_count ("one two three", 7, &stats);
  g_assert_cmpuint (stats.words, ==, 2);
  g_assert_cmpuint (stats.characters, ==, 7);
}

static void
test_text_stats_invalid_utf8 (void)
{
  DlTextStats stats;

  /* A stray byte is counted, the rest still counted. */
  dl_text_stats_count ("ab\xff cd", -1, &stats);
  g_assert_cmpuint (stats.words, ==, 2);
  g_assert_cmpuint (stats.characters, ==, 6);
}

static void
test_text_stats_reading_time (void)
{
  g_assert_cmpuint (dl_text_stats_reading_minutes (0), ==, 0);
  g_assert_cmpuint (dl_text_stats_reading_minutes (1), ==, 1);
  g_assert_cmpuint (dl_text_stats_reading_minutes (DL_READING_WORDS_PER_MINUTE), ==, 1);
  g_assert_cmpuint (dl_text_stats_reading_minutes (DL_READING_WORDS_PER_MINUTE + 1), ==, 2);
  g_assert_cmpuint (dl_text_stats_reading_minutes (5000), ==, (5000 + DL_READING_WORDS_PER_MINUTE - 1) / DL_READING_WORDS_PER_MINUTE);
}

static void
test_text_stats_large (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  DlTextStats stats;

  for (guint i = 0; i < 20000; i++)
    g_string_append (text, i % 12 == 11 ? "word.\n\n" : "word ");
  dl_text_stats_count (text->str, text->len, &stats);
  g_assert_cmpuint (stats.words, ==, 20000);
}

static void
test_text_slugify (void)
{
  struct { const char *in; const char *out; } cases[] = {
    { "Belarus, China discuss business prospects", "belarus-china-discuss-business-prospects" },
    { "  Café au lait: 2 cups!  ", "cafe-au-lait-2-cups" },
    { "Lukashenko's visit", "lukashenkos-visit" },
    { "Минск принял делегацию", "минск-принял-делегацию" },
    { "---", "" },
    { "", "" },
  };
  g_autofree char *null_slug = dl_slug_from_text (NULL);
  g_autofree char *long_slug = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *slug = dl_slug_from_text (cases[i].in);
      g_assert_cmpstr (slug, ==, cases[i].out);
    }
  g_assert_cmpstr (null_slug, ==, "");

  for (guint i = 0; i < 30; i++)
    g_string_append (long_text, "headline ");
  long_slug = dl_slug_from_text (long_text->str);
  g_assert_cmpuint (strlen (long_slug), <=, 80);
  g_assert_true (g_str_has_suffix (long_slug, "headline"));
}

/* The journalist's slug wins; else the headline's; trimmed either way. */
static void
test_slug_for_article (void)
{
  g_autoptr(DlArticle) article = dl_article_new ();
  g_autofree char *empty = dl_slug_for_article (article);
  g_autofree char *from_headline = NULL;
  g_autofree char *own = NULL;
  g_autofree char *blank = NULL;

  g_assert_cmpstr (empty, ==, "");
  dl_article_set_headline (article, "Belarus, China discuss business");
  from_headline = dl_slug_for_article (article);
  g_assert_cmpstr (from_headline, ==, "belarus-china-discuss-business");
  dl_article_set_slug (article, "  belcci-talks ");
  own = dl_slug_for_article (article);
  g_assert_cmpstr (own, ==, "belcci-talks");
  dl_article_set_slug (article, "   ");
  blank = dl_slug_for_article (article);
  g_assert_cmpstr (blank, ==, "belarus-china-discuss-business");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-stats/words", test_text_stats_words);
  g_test_add_func ("/text-stats/invalid-utf8", test_text_stats_invalid_utf8);
  g_test_add_func ("/text-stats/reading-time", test_text_stats_reading_time);
  g_test_add_func ("/text-stats/large", test_text_stats_large);
  g_test_add_func ("/text-stats/slugify", test_text_slugify);
  g_test_add_func ("/text-stats/slug-for-article", test_slug_for_article);

  return g_test_run ();
}
