/* bench-spell.c: what spelling costs the editor with a 20,000-word Russian body
 *
 * Run under a display: xvfb-run -a dbus-run-session -- build/bench/bench-spell
 * (with hunspell-ru installed). Two figures, each against a baseline
 * measured in the same run:
 *
 *  - per keystroke, the main thread's CPU time from the key to the next
 *    frame painted (handlers, the spelling idle work, layout and drawing),
 *    with checking on against off; keystrokes alternate between the two, at
 *    the same place in the middle of the body, on screen;
 *  - a freshly opened article: the time until the words on screen are
 *    underlined, and until the whole body is checked, against the time
 *    to open the same article with checking off.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <time.h>
#include <gtksourceview/gtksource.h>

#include "dl-article-editor.h"

#define RUNS 41
#define OPENS 7
#define WORDS 20000

/* The main thread's own time: what a keystroke costs it, not the wait
 * for the next frame (which is the same with checking on or off). */
static double
thread_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

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

static void
wait_for_paint (GtkWidget *widget)
{
  gboolean painted = FALSE;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);

  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

/* Russian news prose, a misspelling every 40 words or so. */
static char *
make_body (guint words)
{
  static const char *vocabulary[] = { "делегация", "обсудила", "торговлю", "и", "сотрудничество",
                                      "между", "регионами", "договорилась", "расширить", "инвестиции",
                                      "в", "промышленность", "Беларусь", "Китай", "предприятия",
                                      "встреча", "прошла", "в", "Минске", "предлажение" };
  GString *body = g_string_new (NULL);

  for (guint i = 0; i < words; i++)
    {
      g_string_append (body, vocabulary[(i * 7) % G_N_ELEMENTS (vocabulary)]);
      g_string_append (body, i % 90 == 89 ? ".\n\n" : (i % 15 == 14 ? ". " : " "));
    }
  return g_string_free (body, FALSE);
}

static gboolean
has_misspelt_near (GtkTextBuffer *buffer,
                   GtkTextIter   *from)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "dl-misspelt");
  GtkTextIter iter = *from;

  return tag != NULL && (gtk_text_iter_has_tag (&iter, tag) || gtk_text_iter_forward_to_tag_toggle (&iter, tag))
         && gtk_text_iter_get_offset (&iter) - gtk_text_iter_get_offset (from) < 2000;
}

static gboolean
all_checked (GtkTextBuffer *buffer)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "dl-spell-unchecked");
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  return tag == NULL || (!gtk_text_iter_has_tag (&iter, tag) && !gtk_text_iter_forward_to_tag_toggle (&iter, tag));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *body = make_body (WORDS);
  GtkWindow *window;
  GtkWidget *editor;
  GtkTextBuffer *buffer;
  GtkTextView *view;
  double key_on[RUNS], key_off[RUNS], open_off[OPENS], open_visible[OPENS], open_all[OPENS];

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  adw_init ();
  gtk_source_init ();

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1000, 800);
  editor = dl_article_editor_new ();
  gtk_window_set_child (window, editor);
  gtk_window_present (window);
  iterate ();
  buffer = dl_article_editor_get_body_buffer (DL_ARTICLE_EDITOR (editor));

  /* Opening: off (the baseline), then on until the screen and the whole
   * body are underlined. */
  for (guint i = 0; i < OPENS; i++)
    {
      g_autoptr(DlArticle) off = dl_article_new ();
      g_autoptr(DlArticle) on = dl_article_new ();
      GtkTextIter start;
      gint64 t0;
      gboolean visible_done = FALSE;

      dl_article_set_language (off, "ru");
      dl_article_set_spell_check (off, FALSE);
      dl_article_set_body (off, body);
      dl_article_set_language (on, "ru");
      dl_article_set_body (on, body);

      t0 = g_get_monotonic_time ();
      dl_article_editor_set_article (DL_ARTICLE_EDITOR (editor), off);
      wait_for_paint (editor);
      open_off[i] = (g_get_monotonic_time () - t0) / 1000.0;
      iterate ();

      t0 = g_get_monotonic_time ();
      dl_article_editor_set_article (DL_ARTICLE_EDITOR (editor), on);
      wait_for_paint (editor);
      gtk_text_buffer_get_start_iter (buffer, &start);
      while (!all_checked (buffer))
        {
          g_main_context_iteration (NULL, TRUE);
          if (!visible_done && has_misspelt_near (buffer, &start))
            {
              wait_for_paint (editor);
              open_visible[i] = (g_get_monotonic_time () - t0) / 1000.0;
              visible_done = TRUE;
            }
        }
      open_all[i] = (g_get_monotonic_time () - t0) / 1000.0;
      if (!visible_done)
        g_error ("nothing was underlined: is hunspell-ru installed?");
    }

  /* Keystrokes in the middle, on screen, checking on and off in turn
   * (two articles with the same body, one of them not checked). */
  {
    g_autoptr(DlArticle) on = dl_article_new ();
    g_autoptr(DlArticle) off = dl_article_new ();

    dl_article_set_language (on, "ru");
    dl_article_set_body (on, body);
    dl_article_set_language (off, "ru");
    dl_article_set_spell_check (off, FALSE);
    dl_article_set_body (off, body);

    for (guint i = 0; i < 2 * RUNS; i++)
      {
        gboolean checking = i % 2 == 0;
        GtkTextIter iter;
        double cpu0;

        dl_article_editor_set_article (DL_ARTICLE_EDITOR (editor), checking ? on : off);
        dl_article_editor_focus_body (DL_ARTICLE_EDITOR (editor));
        gtk_text_buffer_get_iter_at_offset (buffer, &iter, gtk_text_buffer_get_char_count (buffer) / 2);
        gtk_text_buffer_place_cursor (buffer, &iter);
        view = GTK_TEXT_VIEW (gtk_root_get_focus (GTK_ROOT (window)));
        gtk_text_view_scroll_to_mark (view, gtk_text_buffer_get_insert (buffer), 0.0, TRUE, 0.5, 0.5);
        wait_for_paint (editor);
        while (checking && !all_checked (buffer))
          g_main_context_iteration (NULL, TRUE);
        iterate ();
        wait_for_paint (editor);

        /* As GtkTextView types a character, then all it leads to. */
        cpu0 = thread_ms ();
        gtk_text_buffer_begin_user_action (buffer);
        gtk_text_buffer_insert_interactive_at_cursor (buffer, "ж", -1, TRUE);
        gtk_text_buffer_end_user_action (buffer);
        iterate ();
        wait_for_paint (editor);
        iterate ();
        (checking ? key_on : key_off)[i / 2] = thread_ms () - cpu0;
      }
  }

  g_print ("Spelling, 20,000 Russian words, medians:\n");
  g_print ("  keystroke, main-thread CPU, on:   %7.3f ms  (off: %.3f ms, ratio %.2f; %d keystrokes each)\n",
           median (key_on, RUNS), median (key_off, RUNS), median (key_on, RUNS) / median (key_off, RUNS), RUNS);
  g_print ("  open until underlined on screen:   %7.3f ms  (opening with checking off: %.3f ms, ratio %.2f)\n",
           median (open_visible, OPENS), median (open_off, OPENS),
           median (open_visible, OPENS) / median (open_off, OPENS));
  g_print ("  open until the whole body checked: %7.3f ms  (ratio %.2f; checking runs in idle slices)\n",
           median (open_all, OPENS), median (open_all, OPENS) / median (open_off, OPENS));

  gtk_window_destroy (window);
  return 0;
}
