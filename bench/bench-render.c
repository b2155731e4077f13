/* bench-render.c: the renderer against md4c's own HTML renderer on a 5,000-word article
 *
 * Prints medians of many timed batches and their ratio; the baseline
 * (md_html on the same body) is measured in the same run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <md4c-html.h>

#include "dl-block-map.h"
#include "dl-renderer.h"

#define N_WORDS   5000
#define N_SAMPLES 61
#define BATCH     20

static const char * const words[] = {
  "the", "delegation", "Minsk", "office", "of", "chamber", "commerce", "and", "industry", "hosted",
  "a", "meeting", "aimed", "at", "deepening", "economic", "partnership", "between", "Belarus", "China",
  "director", "general", "representatives", "business", "met", "with", "mayor", "entrepreneurs",
  "trade", "exceeds", "$2", "billion", "event", "important", "step", "implementation", "strategic",
  "agreements", "countries", "parties", "discussed", "expansion", "interaction", "within", "Belt",
  "Road", "initiatives", "opportunities", "cooperation", "energy", "construction", "technologies",
  "prospects", "increasing", "mutual", "supplies", "localization", "production", "“innovation”",
  "enterprises", "competitiveness", "projects", "jobs", "investment", "regions", "2025", "8%",
  "Shandong", "Dezhou", "exhibitions", "R&D", "<composite>", "materials", "green", "engineering",
};

static char *
generate_body (GRand *rand)
{
  GString *md = g_string_sized_new (N_WORDS * 8);
  guint written = 0;
  guint paragraph = 0;

  while (written < N_WORDS)
    {
      guint length = g_rand_int_range (rand, 35, 90);

      if (paragraph > 0 && paragraph % 9 == 0)
        {
          g_string_append (md, "## Section heading number ");
          g_string_append_printf (md, "%u\n\n", paragraph / 9);
          written += 4;
        }
      if (paragraph > 0 && paragraph % 13 == 0)
        {
          for (guint i = 0; i < 4; i++)
            g_string_append_printf (md, "- item %u about %s and %s\n", i, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                                    words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
          g_string_append_c (md, '\n');
          written += 20;
        }
      if (paragraph % 11 == 5)
        g_string_append (md, "> ");

      for (guint i = 0; i < length; i++)
        {
          const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];
          guint kind = g_rand_int_range (rand, 0, 100);

          if (i > 0)
            g_string_append_c (md, ' ');
          if (kind < 3)
            g_string_append_printf (md, "**%s**", word);
          else if (kind < 6)
            g_string_append_printf (md, "*%s*", word);
          else if (kind < 8)
            g_string_append_printf (md, "[%s](https://www.belta.by/economics/view/%s-%u/)", word, word, i);
          else
            g_string_append (md, word);
          if (i % 17 == 16)
            g_string_append_c (md, ',');
        }
      g_string_append (md, ".\n\n");
      written += length;
      paragraph++;
    }
  return g_string_free (md, FALSE);
}

static void
append_output (const MD_CHAR *text,
               MD_SIZE        size,
               void          *user_data)
{
  g_string_append_len (user_data, text, size);
}

static int
compare_gint64 (const void *a,
                const void *b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static double
median_us (gint64 *samples)
{
  qsort (samples, N_SAMPLES, sizeof (gint64), compare_gint64);
  return (double) samples[N_SAMPLES / 2] / BATCH;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20250508);
  g_autofree char *body = generate_body (rand);
  g_autoptr(DlArticle) article = dl_article_new ();
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 ("2025-05-08T10:06:00+03:00", NULL);
  g_autoptr(DlCredit) author = dl_credit_new (DL_CREDIT_ROLE_AUTHOR, "Anna Ivanova", NULL);
  gint64 md4c_samples[N_SAMPLES];
  gint64 page_samples[N_SAMPLES];
  gint64 article_samples[N_SAMPLES];
  gint64 index_samples[N_SAMPLES];
  gsize body_len = strlen (body);
  double md4c_us, page_us, article_us, index_us;
  guint word_count = 0;

  dl_article_set_headline (article, "Belarus, China discuss business prospects");
  dl_article_set_standfirst (article, "A meeting in Minsk on economic partnership.");
  dl_article_set_place (article, "Minsk");
  dl_article_set_dateline_date (article, date);
  dl_article_set_source (article, "BelTA");
  dl_article_set_category (article, "Economy");
  dl_article_add_credit (article, author);
  dl_article_set_image_path (article, "/tmp/photo.jpg");
  dl_article_set_image_caption (article, "Photo courtesy of the BelCCI");
  dl_article_set_body (article, body);
  dl_renderer_set_image_mode (renderer, DL_RENDER_IMAGES_PREVIEW);
  g_free (dl_renderer_render_body (renderer, article, NULL, &word_count));

  for (guint s = 0; s < N_SAMPLES; s++)
    {
      gint64 start;

      /* Interleaved, so that frequency changes hit both sides alike. */
      start = g_get_monotonic_time ();
      for (guint b = 0; b < BATCH; b++)
        {
          /* md4c-html with an output buffer sized as generously as ours */
          GString *out = g_string_sized_new (body_len * 5 / 4 + 4096);

          md_html (body, body_len, append_output, out, MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH
                   | MD_FLAG_PERMISSIVEAUTOLINKS | MD_FLAG_NOHTML, 0);
          g_string_free (out, TRUE);
        }
      md4c_samples[s] = g_get_monotonic_time () - start;

      start = g_get_monotonic_time ();
      for (guint b = 0; b < BATCH; b++)
        g_free (dl_renderer_render_page (renderer, article));
      page_samples[s] = g_get_monotonic_time () - start;

      start = g_get_monotonic_time ();
      for (guint b = 0; b < BATCH; b++)
        g_free (dl_renderer_render_article (renderer, article));
      article_samples[s] = g_get_monotonic_time () - start;

      start = g_get_monotonic_time ();
      for (guint b = 0; b < BATCH; b++)
        dl_block_map_index_for_offset (body, body_len / 2);
      index_samples[s] = g_get_monotonic_time () - start;
    }

  md4c_us = median_us (md4c_samples);
  page_us = median_us (page_samples);
  article_us = median_us (article_samples);
  index_us = median_us (index_samples);

  printf ("body: %u words, %zu bytes of Markdown; medians of %u batches of %u runs\n",
          word_count, body_len, N_SAMPLES, BATCH);
  printf ("md4c md_html (baseline)        %8.1f us\n", md4c_us);
  printf ("dl_renderer_render_page        %8.1f us  ratio %.2f (target <= 1.5)\n", page_us, page_us / md4c_us);
  printf ("dl_renderer_render_article     %8.1f us  ratio %.2f\n", article_us, article_us / md4c_us);
  printf ("block_index_for_offset         %8.1f us  ratio %.2f\n", index_us, index_us / md4c_us);
  return 0;
}
