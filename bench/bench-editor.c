/* bench-editor.c: costs of the article editor with a 20,000-word body
 *
 * Run under a display: xvfb-run -a dbus-run-session -- build/bench/bench-editor
 * Prints medians in milliseconds, and each cost against a baseline measured
 * in the same run (a plain GtkTextBuffer doing the same).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "dl-article-editor.h"
#include "dl-text-stats.h"

#define RUNS 21
#define WORDS 20000

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gboolean      *painted)
{
  *painted = TRUE;
}

static char *
make_body (guint words)
{
  static const char *vocabulary[] = { "the", "delegation", "discussed", "trade", "cooperation",
                                      "between", "regions", "and", "agreed", "to", "expand",
                                      "investment", "in", "industry", "Belarus", "China" };
  GString *body = g_string_new (NULL);

  for (guint i = 0; i < words; i++)
    {
      g_string_append (body, vocabulary[(i * 7) % G_N_ELEMENTS (vocabulary)]);
      g_string_append (body, i % 90 == 89 ? ".\n\n" : (i % 15 == 14 ? ". " : " "));
    }
  return g_string_free (body, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *body = make_body (WORDS);
  g_autoptr(DlArticle) article_a = dl_article_new ();
  g_autoptr(DlArticle) article_b = dl_article_new ();
  g_autoptr(GtkTextBuffer) plain = NULL;
  GtkWindow *window;
  GtkWidget *editor;
  GtkTextBuffer *buffer;
  double count[RUNS], get_text[RUNS], painted_ms[RUNS], plain_set[RUNS], load[RUNS], key[RUNS], plain_key[RUNS];
  DlTextStats stats;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  adw_init ();
  gtk_source_init ();

  dl_article_set_body (article_a, body);
  dl_article_set_body (article_b, body);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1000, 800);
  editor = dl_article_editor_new ();
  gtk_window_set_child (window, editor);
  gtk_window_present (window);
  iterate ();
  buffer = dl_article_editor_get_body_buffer (DL_ARTICLE_EDITOR (editor));
  plain = gtk_text_buffer_new (NULL);

  for (guint i = 0; i < RUNS; i++)
    {
      gint64 t0;
      GtkTextIter start, end, iter;
      g_autofree char *text = NULL;

      t0 = g_get_monotonic_time ();
      dl_text_stats_count (body, -1, &stats);
      count[i] = (g_get_monotonic_time () - t0) / 1000.0;

      /* Switching article: what the journalist waits for after a click. */
      t0 = g_get_monotonic_time ();
      dl_article_editor_set_article (DL_ARTICLE_EDITOR (editor), i % 2 ? article_a : article_b);
      load[i] = (g_get_monotonic_time () - t0) / 1000.0;
      {
        gboolean painted = FALSE;
        GdkFrameClock *clock = gtk_widget_get_frame_clock (editor);
        gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);

        gtk_widget_queue_draw (editor);
        while (!painted)
          g_main_context_iteration (NULL, TRUE);
        painted_ms[i] = (g_get_monotonic_time () - t0) / 1000.0;
        g_signal_handler_disconnect (clock, id);
      }
      iterate ();

      t0 = g_get_monotonic_time ();
      gtk_text_buffer_set_text (plain, body, -1);
      plain_set[i] = (g_get_monotonic_time () - t0) / 1000.0;

      t0 = g_get_monotonic_time ();
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      get_text[i] = (g_get_monotonic_time () - t0) / 1000.0;

      /* One keystroke in the middle of the body, signal handlers included. */
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, gtk_text_buffer_get_char_count (buffer) / 2);
      t0 = g_get_monotonic_time ();
      gtk_text_buffer_insert_interactive (buffer, &iter, "x", 1, TRUE);
      key[i] = (g_get_monotonic_time () - t0) / 1000.0;

      gtk_text_buffer_get_iter_at_offset (plain, &iter, gtk_text_buffer_get_char_count (plain) / 2);
      t0 = g_get_monotonic_time ();
      gtk_text_buffer_insert_interactive (plain, &iter, "x", 1, TRUE);
      plain_key[i] = (g_get_monotonic_time () - t0) / 1000.0;
      iterate ();
    }

  g_print ("20,000 words (%u counted), medians of %d runs:\n", stats.words, RUNS);
  g_print ("  word + character count:          %7.3f ms\n", median (count, RUNS));
  g_print ("  copy the body out of the buffer: %7.3f ms\n", median (get_text, RUNS));
  g_print ("  load an article into the editor: %7.3f ms  (plain GtkTextBuffer set_text: %.3f ms, ratio %.2f)\n",
           median (load, RUNS), median (plain_set, RUNS), median (load, RUNS) / median (plain_set, RUNS));
  g_print ("  switch article until painted:    %7.3f ms\n", median (painted_ms, RUNS));
  g_print ("  one keystroke in the body:       %7.3f ms  (plain GtkTextBuffer: %.3f ms)\n",
           median (key, RUNS), median (plain_key, RUNS));

  gtk_window_destroy (window);
  return 0;
}
