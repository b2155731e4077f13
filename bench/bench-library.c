/* bench-library.c: how long until the library list can be shown
 *
 *   bench-library [--runs N] [--words W] [--sizes 10,10000]
 *       Generates libraries (default 10 and 10,000 articles of ~600
 *       words) in temporary folders and measures, for each, the time from
 *       dl_store_new() to the summaries being available ("ready"), to the
 *       end of the background reconciliation, and the longest single
 *       main-loop iteration meanwhile (what a frame would wait for).
 *       Runs are "warm" (files in the page cache) and "cold-ish" (the
 *       library's files evicted with posix_fadvise(DONTNEED) before each
 *       run; dropping every cache needs privileges a benchmark should not
 *       assume). Medians of N runs; the ratio 10k/10 is the result.
 *
 *   bench-library --make DIR N [--words W] [--no-index]
 *       Creates a library of N articles in DIR (for the window startup
 *       benchmark), with its index unless --no-index.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "dl-article-file.h"
#include "dl-store.h"
#include "dl-test-util.h"

static const char * const vocabulary[] = {
  "the", "minister", "said", "on", "Tuesday", "that", "trade", "between", "the", "two",
  "countries", "had", "grown", "by", "percent", "in", "the", "first", "quarter", "and",
  "delegations", "would", "meet", "again", "in", "Minsk", "to", "discuss", "investment",
  "projects", "agriculture", "logistics", "according", "to", "a", "statement", "from",
  "the", "chamber", "of", "commerce", "officials", "expect", "further", "growth", "this",
  "year", "while", "analysts", "remain", "cautious", "about", "prices", "energy", "exports",
};

static char *
make_body (GRand *rand,
           guint  words)
{
  GString *body = g_string_sized_new (words * 7);

  for (guint i = 0; i < words; i++)
    {
      const char *word = vocabulary[g_rand_int_range (rand, 0, G_N_ELEMENTS (vocabulary))];

      g_string_append (body, word);
      if (i % 60 == 59)
        g_string_append (body, ".\n\n");
      else if (i % 12 == 11)
        g_string_append (body, ". ");
      else
        g_string_append_c (body, ' ');
    }
  return g_string_free (body, FALSE);
}

/* Writes the files directly (no fsync per file): generating 10,000
 * articles through the store would measure the disk, not the library. */
static void
make_library (const char *path,
              guint       n,
              guint       words,
              gboolean    with_index)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GError) error = NULL;
  static const char * const categories[] = { "Economy", "Politics", "Society", "Sport", "Culture" };
  static const char * const places[] = { "Minsk", "Brest", "Gomel", "Vitebsk", "Grodno", "Mogilev" };

  if (g_mkdir_with_parents (path, 0755) != 0)
    g_error ("Cannot create %s", path);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DlArticle) article = dl_article_new ();
      g_autoptr(GDateTime) modified = g_date_time_new_from_unix_utc (1700000000 - (gint64) i * 600);
      g_autofree char *headline = g_strdup_printf ("Article %u: trade talks continue", i + 1);
      g_autofree char *body = make_body (rand, words);
      g_autofree char *name = g_strconcat (dl_article_get_uuid (article), DL_ARTICLE_FILE_EXTENSION, NULL);
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_autoptr(GBytes) bytes = NULL;

      dl_article_set_headline (article, headline);
      dl_article_set_standfirst (article, "Delegations met to discuss investment projects.");
      dl_article_set_place (article, places[i % G_N_ELEMENTS (places)]);
      dl_article_set_source (article, "BelTA");
      dl_article_set_category (article, categories[i % G_N_ELEMENTS (categories)]);
      dl_article_add_tag (article, "trade");
      dl_article_add_tag (article, places[i % G_N_ELEMENTS (places)]);
      dl_article_set_body (article, body);
      dl_article_set_modified (article, modified);

      bytes = dl_article_serialize (article);
      if (!g_file_set_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
        g_error ("%s", error->message);
    }

  if (with_index)
    {
      g_autoptr(GFile) dir = g_file_new_for_path (path);
      g_autoptr(DlStore) store = dl_store_new (dir);

      if (!dl_store_load_sync (store, NULL, &error) || !dl_store_write_index_sync (store, &error))
        g_error ("%s", error->message);
    }
}

static void
evict_from_cache (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  int fd;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      fd = open (file, O_RDONLY | O_CLOEXEC);
      if (fd < 0)
        continue;
      fdatasync (fd);
      posix_fadvise (fd, 0, 0, POSIX_FADV_DONTNEED);
      close (fd);
    }
}

typedef struct
{
  gint64 start;
  gint64 ready;
  gint64 all;
  gint64 done;
  gint64 longest_iteration;
  gint64 first_search;   /* the first keystroke of a search (makes the summaries) */
  gint64 search;         /* the slowest later keystroke */
  guint  expected;
} Run;

/* Time spent waiting in poll() is not work done on the main thread. */
static gint64 poll_time;

static gint
timed_poll (GPollFD *fds,
            guint    nfds,
            gint     timeout)
{
  gint64 before = g_get_monotonic_time ();
  gint result = g_poll (fds, nfds, timeout);

  poll_time += g_get_monotonic_time () - before;
  return result;
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Run        *run)
{
  if (run->all == 0 && g_list_model_get_n_items (model) >= run->expected)
    run->all = g_get_monotonic_time ();
}

static void
on_ready_cb (DlStore    *store,
             GParamSpec *pspec,
             Run        *run)
{
  run->ready = g_get_monotonic_time ();
}

static void
on_loaded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;

  if (!dl_store_load_finish (DL_STORE (object), result, &error))
    g_error ("%s", error->message);
  run->done = g_get_monotonic_time ();
}

static Run
measure (const char *path,
         guint       expected)
{
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(DlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { 0 };

  run.expected = expected;
  run.start = g_get_monotonic_time ();
  store = dl_store_new (dir);
  g_signal_connect (store, "notify::ready", G_CALLBACK (on_ready_cb), &run);
  g_signal_connect (dl_store_get_summaries (store), "items-changed", G_CALLBACK (on_items_changed_cb), &run);
  dl_store_load_async (store, NULL, on_loaded_cb, &run);
  while (run.done == 0)
    {
      gint64 before = g_get_monotonic_time ();
      gint64 polled = poll_time;

      g_main_context_iteration (NULL, TRUE);
      run.longest_iteration = MAX (run.longest_iteration,
                                   g_get_monotonic_time () - before - (poll_time - polled));
    }
  if (g_list_model_get_n_items (dl_store_get_summaries (store)) != expected)
    g_error ("Loaded %u articles of %u", g_list_model_get_n_items (dl_store_get_summaries (store)), expected);
  if (run.all == 0)
    run.all = run.done;

  /* What the library's search does per keystroke: every summary matched
   * against the query, once the store's idle work (making the summaries
   * the rows did not ask for) is done, as when one starts searching a
   * moment after the library opened. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  {
    GListModel *model = dl_store_get_summaries (store);
    const char *queries[] = { "m", "mi", "min", "mini", "minis", "minist", "ministe", "minister" };

    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        gint64 t0 = g_get_monotonic_time ();
        guint matches = 0;

        for (guint i = 0; i < g_list_model_get_n_items (model); i++)
          {
            g_autoptr(DlArticleSummary) summary = g_list_model_get_item (model, i);

            matches += dl_article_summary_matches (summary, queries[q]);
          }
        if (q == 0)
          run.first_search = g_get_monotonic_time () - t0;
        else
          run.search = MAX (run.search, g_get_monotonic_time () - t0);
        (void) matches;
      }
  }

  /* Not timed: the index the next runs start from. */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  if (!dl_store_write_index_sync (store, &error))
    g_error ("%s", error->message);
  return run;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

typedef struct
{
  double ready_ms;
  double all_ms;
  double done_ms;
  double stall_ms;
  double first_search_ms;
  double search_ms;
} Result;

static Result
bench_series (const char *path,
              guint       n,
              guint       runs,
              gboolean    cold)
{
  g_autoptr(GArray) ready = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) done = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) stall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) first_search = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) search = g_array_new (FALSE, FALSE, sizeof (double));
  Result result;

  /* One unmeasured run so that warm means warm. */
  if (!cold)
    measure (path, n);

  for (guint i = 0; i < runs; i++)
    {
      Run run;
      double value;

      if (cold)
        evict_from_cache (path);
      run = measure (path, n);
      value = (run.ready - run.start) / 1000.0;
      g_array_append_val (ready, value);
      value = (run.all - run.start) / 1000.0;
      g_array_append_val (all, value);
      value = (run.done - run.start) / 1000.0;
      g_array_append_val (done, value);
      value = run.longest_iteration / 1000.0;
      g_array_append_val (stall, value);
      value = run.first_search / 1000.0;
      g_array_append_val (first_search, value);
      value = run.search / 1000.0;
      g_array_append_val (search, value);
    }

  result.ready_ms = median (ready);
  result.all_ms = median (all);
  result.done_ms = median (done);
  result.stall_ms = median (stall);
  result.first_search_ms = median (first_search);
  result.search_ms = median (search);
  return result;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("[--make DIR N]");
  g_autoptr(GError) error = NULL;
  g_autofree char *make_dir = NULL;
  g_autofree char *sizes_str = NULL;
  g_auto(GStrv) sizes = NULL;
  g_autofree Result *warm = NULL;
  g_autofree Result *cold = NULL;
  g_autofree double *rebuild = NULL;
  int runs = 7;
  int words = 600;
  gboolean no_index = FALSE;
  guint n_sizes;
  const GOptionEntry entries[] = {
    { "make", 0, 0, G_OPTION_ARG_FILENAME, &make_dir, "Create a library in DIR (N articles follow)", "DIR" },
    { "words", 0, 0, G_OPTION_ARG_INT, &words, "Words per article body (default 600)", "W" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Measured runs per case (default 7, at least 5)", "N" },
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes_str, "Library sizes (default 10,10000)", "LIST" },
    { "no-index", 0, 0, G_OPTION_ARG_NONE, &no_index, "With --make: do not build the index", NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (make_dir != NULL)
    {
      guint64 n;

      if (argc != 2 || !g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXUINT, &n, NULL))
        {
          g_printerr ("Usage: bench-library --make DIR N [--words W] [--no-index]\n");
          return 2;
        }
      make_library (make_dir, n, MAX (words, 1), !no_index);
      g_print ("Created %" G_GUINT64_FORMAT " articles in %s\n", n, make_dir);
      return 0;
    }

  runs = MAX (runs, 5);
  g_main_context_set_poll_func (NULL, timed_poll);
  sizes = g_strsplit (sizes_str != NULL ? sizes_str : "10,10000", ",", -1);
  n_sizes = g_strv_length (sizes);
  warm = g_new0 (Result, n_sizes);
  cold = g_new0 (Result, n_sizes);
  rebuild = g_new0 (double, n_sizes);

  g_print ("Library open benchmark: %d runs each, %d-word bodies; times in ms (median)\n", runs, words);
  g_print ("ready = first page of summaries shown (\"ready\"); all = every summary in the list;\n"
           "reconciled = folder checked against the index; stall = longest main-thread busy stretch\n\n");
  g_print ("%8s  %-9s  %10s  %10s  %12s  %9s\n", "articles", "cache", "ready", "all", "reconciled", "stall");

  for (guint s = 0; s < n_sizes; s++)
    {
      guint n = (guint) g_ascii_strtoull (sizes[s], NULL, 10);
      g_autofree char *path = g_dir_make_tmp ("dateline-bench-XXXXXX", &error);
      g_autofree char *index = NULL;
      Run run;

      if (path == NULL)
        g_error ("%s", error->message);
      make_library (path, n, words, FALSE);

      /* First open: no index, every file is read once. */
      run = measure (path, n);
      rebuild[s] = (run.done - run.start) / 1000.0;
      index = g_build_filename (path, DL_STORE_INDEX_NAME, NULL);
      if (!g_file_test (index, G_FILE_TEST_EXISTS))
        g_error ("The index was not written");

      warm[s] = bench_series (path, n, runs, FALSE);
      cold[s] = bench_series (path, n, runs, TRUE);
      g_print ("%8u  %-9s  %10.2f  %10.2f  %12.2f  %9.2f\n", n, "warm",
               warm[s].ready_ms, warm[s].all_ms, warm[s].done_ms, warm[s].stall_ms);
      g_print ("%8u  %-9s  %10.2f  %10.2f  %12.2f  %9.2f\n", n, "cold-ish",
               cold[s].ready_ms, cold[s].all_ms, cold[s].done_ms, cold[s].stall_ms);
      g_print ("%8u  %-9s  %10s  %10s  %12.2f\n", n, "no index", "", "", rebuild[s]);
      g_print ("%8u  search over the headlines, per keystroke (warm): first %.2f ms, "
               "then at most %.2f ms\n", n, warm[s].first_search_ms, warm[s].search_ms);

      dl_test_remove_recursively (path);
    }

  if (n_sizes >= 2)
    {
      guint last = n_sizes - 1;

      g_print ("\nRatio %s/%s (warm):     ready %.1fx, all %.1fx, reconciled %.1fx, stall %.1fx\n",
               sizes[last], sizes[0],
               warm[last].ready_ms / MAX (warm[0].ready_ms, 0.001),
               warm[last].all_ms / MAX (warm[0].all_ms, 0.001),
               warm[last].done_ms / MAX (warm[0].done_ms, 0.001),
               warm[last].stall_ms / MAX (warm[0].stall_ms, 0.001));
      g_print ("Ratio %s/%s (cold-ish): ready %.1fx, all %.1fx, reconciled %.1fx, stall %.1fx\n",
               sizes[last], sizes[0],
               cold[last].ready_ms / MAX (cold[0].ready_ms, 0.001),
               cold[last].all_ms / MAX (cold[0].all_ms, 0.001),
               cold[last].done_ms / MAX (cold[0].done_ms, 0.001),
               cold[last].stall_ms / MAX (cold[0].stall_ms, 0.001));
    }
  return 0;
}
