/* make-library.c: writes a library of realistic articles for benchmarks
 * and screenshots
 *
 * Usage: make-library DIR N [BODY_WORDS] [SAMPLE.txt]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dl-article.h"
#include "dl-article-file.h"

static const char *headlines[] = {
  "Belarus, China discuss business prospects",
  "Minsk hosts international forum on logistics",
  "New grain harvest record expected in Gomel region",
  "Parliament approves amendments to the tax code",
  "National team wins silver at European championship",
  "Brest fortress welcomes a million visitors this year",
  "Exporters to get faster customs clearance",
  "Scientists present a new cancer screening method",
};
static const char *categories[] = { "Economy", "Society", "Politics", "Sports", "Culture", "Science" };
static const char *places[] = { "Minsk", "Gomel", "Brest", "Vitebsk", "Grodno", "Mogilev" };
static const char *words[] = {
  "the", "delegation", "discussed", "trade", "cooperation", "between", "regions", "and",
  "agreed", "to", "expand", "investment", "in", "industry", "energy", "construction", "of",
  "new", "projects", "said", "director", "general", "meeting", "partners", "market",
};

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) dir = NULL;
  g_autofree char *sample = NULL;
  guint n;
  guint body_words;

  if (argc < 3)
    {
      g_printerr ("Usage: %s DIR N [BODY_WORDS] [SAMPLE.txt]\n", argv[0]);
      return 1;
    }

  dir = g_file_new_for_commandline_arg (argv[1]);
  n = g_ascii_strtoull (argv[2], NULL, 10);
  body_words = argc > 3 ? g_ascii_strtoull (argv[3], NULL, 10) : 400;
  if (argc > 4 && !g_file_get_contents (argv[4], &sample, NULL, NULL))
    return 1;
  g_file_make_directory_with_parents (dir, NULL, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DlArticle) article = dl_article_new ();
      g_autoptr(GString) body = g_string_new (NULL);
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) modified = g_date_time_add_minutes (now, -(int) (i * i * 7 + 3));
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *name = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;
      const char *tags[] = { places[i % G_N_ELEMENTS (places)], categories[(i + 2) % G_N_ELEMENTS (categories)], NULL };

      if (i == 0 && sample != NULL)
        {
          dl_article_set_headline (article, "Belarus, China discuss business prospects");
          dl_article_set_standfirst (article, "The Minsk Office of the BelCCI hosted a meeting aimed at deepening the economic partnership between Belarus and China.");
          g_string_append (body, sample);
        }
      else
        {
          g_autofree char *headline = NULL;

          headline = i < G_N_ELEMENTS (headlines)
            ? g_strdup (headlines[i])
            : g_strdup_printf ("%s (%u)", headlines[i % G_N_ELEMENTS (headlines)], i);
          dl_article_set_headline (article, headline);
          dl_article_set_standfirst (article, "A short lead that sums up the story in one sentence.");
          for (guint w = 0; w < body_words; w++)
            {
              g_string_append (body, words[(w * 7 + i) % G_N_ELEMENTS (words)]);
              g_string_append (body, w % 90 == 89 ? ".\n\n" : (w % 15 == 14 ? ". " : " "));
            }
        }

      dl_article_set_body (article, body->str);
      dl_article_set_category (article, categories[i % G_N_ELEMENTS (categories)]);
      dl_article_set_place (article, places[i % G_N_ELEMENTS (places)]);
      dl_article_set_country (article, "Belarus");
      dl_article_set_source (article, "BelTA");
      dl_article_set_language (article, "en");
      dl_article_set_tags (article, tags);
      dl_article_set_status (article, (DlArticleStatus) (i % DL_ARTICLE_STATUS_N_STATUSES));
      dl_article_set_modified (article, modified);

      bytes = dl_article_serialize (article);
      name = g_strconcat (dl_article_get_uuid (article), DL_ARTICLE_FILE_EXTENSION, NULL);
      file = g_file_get_child (dir, name);
      if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (i == 0)
        g_print ("%s\n", dl_article_get_uuid (article));
    }

  return 0;
}
