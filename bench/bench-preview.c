/* bench-preview.c: how fast an edit reaches the preview, and what it costs the editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run under a display, e.g.
 *   xvfb-run -a -s '-screen 0 1400x900x24' dbus-run-session -- \
 *     env GSK_RENDERER=cairo build/bench/bench-preview
 *
 * 1. Keystroke → on screen, 5,000 and 100,000 words. "On screen" is when
 *    the preview's "updated" signal fires: the in-place update's promise
 *    resolves two requestAnimationFrame callbacks after the DOM change,
 *    i.e. once the frame holding the change was produced. The baseline
 *    replaces the same final HTML in the same view with the same function
 *    and waits the same way, with nothing else done: the whole-article
 *    replacement the preview did before it patched changed blocks only.
 *    The preview's figure includes its delay (0 ms, the next frame, once
 *    updates are cheap patches).
 * 2. Main-thread time per keystroke: a character inserted in a
 *    GtkSourceBuffer shown in a GtkSourceView, plus the article's
 *    "changed" emission, i.e. everything the preview does synchronously,
 *    at 1,000 and 100,000 words.
 * Medians of RUNS runs; compare ratios only within one run.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "dl-preview.h"
#include "dl-renderer.h"
#include "dl-resources.h"

#define RUNS 15
#define KEYSTROKES 200

static guint updates;

static const char *words[] = {
  "the", "delegation", "discussed", "trade", "between", "Belarus", "and", "China",
  "projects", "in", "industry", "energy", "construction", "high", "technologies",
  "Minsk", "office", "chamber", "of", "commerce", "agreed", "to", "organize", "missions",
};

static char *
make_body (guint n_words)
{
  GString *body = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      g_string_append (body, words[(i * 7 + i / 13) % G_N_ELEMENTS (words)]);
      if (i % 60 == 59)
        g_string_append (body, ".\n\n");
      else
        g_string_append_c (body, ' ');
    }
  return g_string_free (body, FALSE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static void
on_updated_cb (DlPreview *preview,
               gpointer   user_data)
{
  updates++;
}

static void
wait_for_updates (guint target)
{
  while (updates < target)
    g_main_context_iteration (NULL, TRUE);
}

static void
on_replaced_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  if (!dl_preview_view_replace_article_finish (DL_PREVIEW_VIEW (object), result, &error))
    g_error ("%s", error->message);
  *done = TRUE;
}

static void
settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
bench_latency (DlPreview *preview,
               DlArticle *article,
               guint      n_words)
{
  g_autofree char *body = make_body (n_words);
  g_autoptr(GString) edited = g_string_new (body);
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  DlPreviewView *view = dl_preview_get_view (preview);
  double with_delay[RUNS], pipeline[RUNS], baseline[RUNS];
  guint delay = 0;

  dl_renderer_set_image_mode (renderer, DL_RENDER_IMAGES_PREVIEW);
  dl_renderer_set_dark (renderer, adw_style_manager_get_dark (adw_style_manager_get_default ()));

  dl_article_set_body (article, body);
  wait_for_updates (updates + 1);
  settle (300);

  for (guint run = 0; run < RUNS; run++)
    {
      g_autofree char *html = NULL;
      gboolean done = FALSE;
      guint target;
      gint64 t0;

      /* One keystroke in the middle of the article. */
      g_string_insert_c (edited, edited->len / 2, 'x');
      delay = dl_preview_get_update_delay (preview);
      target = updates + 1;
      t0 = g_get_monotonic_time ();
      dl_article_set_body (article, edited->str);
      wait_for_updates (target);
      with_delay[run] = (g_get_monotonic_time () - t0) / 1000.0;
      pipeline[run] = with_delay[run] - delay;
      settle (200);

      /* The baseline: the same final HTML, the same view, nothing else. */
      html = dl_renderer_render_article (renderer, article);
      t0 = g_get_monotonic_time ();
      dl_preview_view_replace_article_async (view, html, NULL, on_replaced_cb, &done);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
      baseline[run] = (g_get_monotonic_time () - t0) / 1000.0;
      settle (200);
    }

  {
    double m_with = median (with_delay, RUNS);
    double m_pipe = median (pipeline, RUNS);
    double m_base = median (baseline, RUNS);

    guint patches = 0, replacements = 0;

    dl_preview_get_update_counts (preview, &patches, &replacements);
    g_print ("keystroke->screen %6u words: preview %7.1f ms (delay %u ms, "
             "after it %7.1f ms), whole-article baseline %7.1f ms, ratio %.2f; "
             "%u patches, %u whole replacements so far\n",
             n_words, m_with, delay, m_pipe, m_base, m_with / m_base, patches, replacements);
  }
}

static void
bench_main_thread (GtkSourceBuffer *buffer,
                   DlArticle       *article,
                   guint            n_words,
                   double          *result)
{
  g_autofree char *body = make_body (n_words);
  double insert_us[RUNS], changed_us[RUNS], total_us[RUNS];

  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), body, -1);
  dl_article_set_body (article, body);
  settle (500);

  /* Run 0 warms caches up and is not counted. */
  for (guint run = 0; run <= RUNS; run++)
    {
      gint64 insert = 0, changed = 0;

      for (guint k = 0; k < KEYSTROKES; k++)
        {
          GtkTextIter iter;
          gint64 t0, t1, t2;

          gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (buffer), &iter,
                                              gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (buffer)) / 2);
          t0 = g_get_monotonic_time ();
          gtk_text_buffer_insert (GTK_TEXT_BUFFER (buffer), &iter, "x", 1);
          t1 = g_get_monotonic_time ();
          /* What the preview does when the editor reports a change. */
          g_signal_emit_by_name (article, "changed");
          t2 = g_get_monotonic_time ();
          insert += t1 - t0;
          changed += t2 - t1;
          /* Let the view lay out and the debounce run, as between keystrokes. */
          g_main_context_iteration (NULL, FALSE);
        }
      if (run == 0)
        continue;
      insert_us[run - 1] = (double) insert / KEYSTROKES;
      changed_us[run - 1] = (double) changed / KEYSTROKES;
      total_us[run - 1] = insert_us[run - 1] + changed_us[run - 1];
    }

  /* Once per update (not per keystroke), the main thread copies the
   * article for the worker. */
  {
    double copy_us[RUNS];

    for (guint run = 0; run < RUNS; run++)
      {
        gint64 t0 = g_get_monotonic_time ();
        g_autoptr(DlArticle) copy = dl_article_copy (article);

        copy_us[run] = (double) (g_get_monotonic_time () - t0);
      }
    g_print ("main thread per update   %6u words: article snapshot %.1f us\n",
             n_words, median (copy_us, RUNS));
  }

  *result = median (total_us, RUNS);
  g_print ("main thread per keystroke %6u words: %.2f us (buffer insert %.2f us, "
           "preview's changed handler %.2f us)\n",
           n_words, *result, median (insert_us, RUNS), median (changed_us, RUNS));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DlArticle) article = NULL;
  GtkWidget *window, *paned, *scroller, *source_view;
  DlPreview *preview;
  GtkSourceBuffer *buffer;
  double small, large;

  gtk_init ();
  adw_init ();
  gtk_source_init ();
  g_assert_nonnull (dl_get_resource ());

  article = dl_article_new ();
  dl_article_set_headline (article, "Belarus, China discuss business prospects");
  dl_article_set_language (article, "en");

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 850);
  paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_position (GTK_PANED (paned), 650);
  buffer = gtk_source_buffer_new (NULL);
  source_view = gtk_source_view_new_with_buffer (buffer);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (source_view), GTK_WRAP_WORD_CHAR);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), source_view);
  gtk_paned_set_start_child (GTK_PANED (paned), scroller);
  preview = dl_preview_new ();
  g_signal_connect (preview, "updated", G_CALLBACK (on_updated_cb), NULL);
  dl_preview_set_article (preview, article);
  gtk_paned_set_end_child (GTK_PANED (paned), GTK_WIDGET (preview));
  gtk_window_set_child (GTK_WINDOW (window), paned);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_updates (1);

  g_print ("Dateline preview benchmark, %d runs each, medians\n", RUNS);
  bench_latency (preview, article, 5000);
  bench_latency (preview, article, 100000);
  bench_main_thread (buffer, article, 1000, &small);
  bench_main_thread (buffer, article, 100000, &large);
  g_print ("main thread ratio 100k/1k words: %.2f\n", large / small);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (buffer);
  return 0;
}
