/* test-kill.c: typing into the editor, killed at random moments
 *
 * The parent starts this same program as a child that opens the real
 * window on a real library, gives the article's body the keyboard focus
 * and types into it with real key presses (XTest) every 20 ms, telling
 * the parent on its standard output what it typed when. At a random
 * moment the parent kills the child with SIGKILL, then checks the
 * library as the next start would see it: every file parses, the
 * article is there, its body is exactly the start of what was typed,
 * and nothing typed more than two seconds before the kill is missing.
 * The next round types on where the last one's saved text ends.
 *
 *   DATELINE_KILL_ROUNDS=200 meson test -C _build kill   (default 30)
 *   DATELINE_KILL_SEED=1234 …                            (repeat a run)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>

#include "dl-article-file.h"
#include "dl-test-keyboard.h"
#include "dl-window-private.h"

#define KEY_INTERVAL_MS 20
#define MAX_LOST_US     (2 * G_USEC_PER_SEC)

/* What is typed: this sentence over and over, so the body after any
 * number of rounds must be a prefix of it. */
static const char sentence[] =
  "The Minsk office of the BelCCI hosted a meeting with a delegation from Shandong. ";

static char
text_at (gsize i)
{
  return sentence[i % (sizeof sentence - 1)];
}

/* ------------------------------------------------------------------ */
/* The child                                                           */

typedef struct
{
  DlWindow  *window;
  GtkWidget *body;
  gsize      typed;     /* characters of the body, typed or found */
  guint      ready : 1;
} Child;

static gboolean
on_type_cb (gpointer data)
{
  Child *child = data;

  dl_test_keyboard_type_char (child->body, text_at (child->typed));
  child->typed++;
  /* The key is with the X server: it counts as typed from now on. */
  printf ("K %" G_GINT64_FORMAT " %" G_GSIZE_FORMAT "\n", g_get_monotonic_time (), child->typed);
  fflush (stdout);
  return G_SOURCE_CONTINUE;
}

static int
run_child (const char *library,
           const char *uuid)
{
  g_autoptr(GFile) dir = g_file_new_for_path (library);
  g_autoptr(DlStore) store = dl_store_new (dir);
  g_autoptr(DlContext) context = dl_context_new (store);
  g_autoptr(GtkApplication) app = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  Child child = { 0 };
  gint64 deadline;

  app = g_object_new (GTK_TYPE_APPLICATION, "application-id", "io.github.dateline.Dateline.KillTest",
                      "flags", G_APPLICATION_NON_UNIQUE, NULL);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  child.window = dl_window_new (app, context);
  gtk_window_set_default_size (GTK_WINDOW (child.window), 1000, 700);
  dl_window_load_async (child.window, "", NULL, NULL, NULL);
  gtk_window_present (GTK_WINDOW (child.window));
  dl_window_open_article (child.window, uuid);

  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while ((dl_window_get_article (child.window) == NULL || !gtk_widget_get_mapped (GTK_WIDGET (child.window)))
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (dl_window_get_article (child.window));

  dl_test_keyboard_focus (GTK_WINDOW (child.window));
  dl_article_editor_focus_body (dl_window_get_editor (child.window));
  child.body = gtk_window_get_focus (GTK_WINDOW (child.window));
  g_assert_true (GTK_SOURCE_IS_VIEW (child.body));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child.body));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  child.typed = gtk_text_buffer_get_char_count (buffer);

  printf ("R %" G_GINT64_FORMAT " %" G_GSIZE_FORMAT "\n", g_get_monotonic_time (), child.typed);
  fflush (stdout);
  g_timeout_add (KEY_INTERVAL_MS, on_type_cb, &child);
  for (;;)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}

/* ------------------------------------------------------------------ */
/* The parent                                                          */

typedef struct
{
  gint64 time;
  gsize  typed;
} Key;

typedef struct
{
  guint  rounds;
  guint  killed_typing;
  gsize  typed_total;
  gsize  max_lost;
  gsize  lost_total;
  gint64 worst_lag_us;
} Figures;

static char *
read_body (const char *library,
           const char *uuid,
           guint      *n_quarantined)
{
  g_autoptr(GFile) dir = g_file_new_for_path (library);
  g_autoptr(DlStore) store = dl_store_new (dir);
  g_autoptr(DlContext) context = dl_context_new (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(DlArticle) article = NULL;

  /* As the next start reads the library. */
  g_assert_true (dl_store_load_sync (store, NULL, &error));
  *n_quarantined = g_list_model_get_n_items (dl_store_get_quarantined (store));
  g_assert_nonnull (dl_store_find_summary (store, uuid));
  article = dl_store_open_article_sync (store, uuid, NULL, &error);
  g_assert_no_error (error);
  return g_strdup (dl_article_get_body (article));
}

/* Every .dateline file left in the folder parses. */
static void
assert_every_file_parses (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(GFile) file = NULL;
      g_autoptr(DlArticle) article = NULL;
      g_autoptr(GError) error = NULL;

      if (name[0] == '.' || !g_str_has_suffix (name, DL_ARTICLE_FILE_EXTENSION))
        continue;
      file = g_file_new_for_path (path);
      article = dl_article_new_from_file (file, NULL, &error);
      if (article == NULL)
        g_error ("%s does not parse after a kill: %s", path, error->message);
    }
}

static void
run_round (const char *self,
           const char *library,
           const char *uuid,
           GRand      *rand,
           Figures    *figures)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (Key));
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *backups = g_build_filename (library, "backups", NULL);
  g_autofree char *line = NULL;
  gsize start_typed = 0, saved, lost, must_have = 0;
  gint64 lag = 0;
  gint64 ready_at = 0, kill_at, killed_at;
  guint n_quarantined = 0;
  gboolean ready = FALSE;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, self, "--child", library, uuid, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));

  /* Startup is not part of the experiment: the clock starts when the
   * child types. Kill 0.3 to 4 s into the typing. */
  kill_at = G_MAXINT64;
  for (;;)
    {
      char kind;
      gint64 time;
      gsize typed;

      g_free (line);
      line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
      g_assert_no_error (error);
      if (line == NULL)
        g_error ("The child ended before it was killed");
      if (sscanf (line, "%c %" G_GINT64_FORMAT " %" G_GSIZE_FORMAT, &kind, &time, &typed) != 3)
        continue;
      if (kind == 'R')
        {
          ready = TRUE;
          ready_at = time;
          start_typed = typed;
          kill_at = ready_at + g_rand_int_range (rand, 300, 4000) * 1000;
          continue;
        }
      g_array_append_vals (keys, &(Key) { time, typed }, 1);
      if (time >= kill_at)
        break;
    }
  g_assert_true (ready);

  kill (atoi (g_subprocess_get_identifier (process)), SIGKILL);
  killed_at = g_get_monotonic_time ();
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (process));
  g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);

  assert_every_file_parses (library);
  assert_every_file_parses (backups);
  body = read_body (library, uuid, &n_quarantined);
  g_assert_cmpuint (n_quarantined, ==, 0);
  saved = strlen (body);

  /* Exactly what was typed, never anything else. */
  for (gsize i = 0; i < saved; i++)
    if (body[i] != text_at (i))
      {
        g_autofree char *expected = g_strdup_printf ("%.*s", (int) MIN (40, sizeof sentence - 1),
                                                     sentence + (MAX (i, 20) - 20) % (sizeof sentence - 1));
        /* Enough to tell a lost key from a doubled one, or from a key
         * that went elsewhere. */
        g_error ("The saved body differs from what was typed at character %" G_GSIZE_FORMAT
                 " of %" G_GSIZE_FORMAT " saved (%u keys typed this round, from %" G_GSIZE_FORMAT
                 "): saved “%.40s”, expected “%s”",
                 i, saved, keys->len, start_typed, body + MAX (i, 20) - 20, expected);
      }
  g_assert_cmpuint (saved, >=, start_typed);

  /* What was typed two seconds before the kill is all there. */
  for (guint i = 0; i < keys->len; i++)
    {
      Key *key = &g_array_index (keys, Key, i);

      if (killed_at - key->time > MAX_LOST_US)
        must_have = key->typed;
    }
  lost = keys->len > 0 ? g_array_index (keys, Key, keys->len - 1).typed - MIN (saved, g_array_index (keys, Key, keys->len - 1).typed) : 0;
  /* How long ago the first key that did not reach the disk was typed. */
  for (guint i = 0; i < keys->len; i++)
    if (g_array_index (keys, Key, i).typed > saved)
      {
        lag = killed_at - g_array_index (keys, Key, i).time;
        break;
      }
  if (saved < must_have)
    g_error ("Round %u: %" G_GSIZE_FORMAT " characters were saved, but %" G_GSIZE_FORMAT
             " had been typed more than two seconds before the kill", figures->rounds + 1, saved, must_have);

  figures->rounds++;
  figures->typed_total += keys->len;
  figures->lost_total += lost;
  figures->max_lost = MAX (figures->max_lost, lost);
  figures->worst_lag_us = MAX (figures->worst_lag_us, lag);
  if (keys->len > 0)
    figures->killed_typing++;
  g_test_message ("round %u: typed %u keys in %.1f s, killed, %" G_GSIZE_FORMAT " on disk, %" G_GSIZE_FORMAT
                  " lost (the last %.2f s of typing)",
                  figures->rounds, keys->len, (killed_at - ready_at) / 1e6, saved, lost, lag / 1e6);
}

static void
test_kill_while_typing (void)
{
  g_autofree char *library = g_dir_make_tmp ("dateline-kill-XXXXXX", NULL);
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (library);
  g_autoptr(DlStore) store = dl_store_new (dir);
  g_autoptr(DlContext) context = dl_context_new (store);
  g_autoptr(DlArticle) article = dl_article_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autofree char *command = NULL;
  const char *env_rounds = g_getenv ("DATELINE_KILL_ROUNDS");
  const char *env_seed = g_getenv ("DATELINE_KILL_SEED");
  guint rounds = env_rounds != NULL ? (guint) g_ascii_strtoull (env_rounds, NULL, 10) : 30;
  guint32 seed = env_seed != NULL ? (guint32) g_ascii_strtoull (env_seed, NULL, 10) : g_random_int ();
  Figures figures = { 0 };

  if (!dl_test_keyboard_available (NULL))
    {
      g_test_skip ("No X display with XTest to press keys on");
      return;
    }

  g_test_message ("seed %u (DATELINE_KILL_SEED=%u repeats this run), %u rounds", seed, seed, rounds);
  rand = g_rand_new_with_seed (seed);
  dl_article_set_headline (article, "Typed and killed");
  g_assert_true (dl_store_save_article_sync (store, article, NULL, &error));
  g_clear_object (&store);

  for (guint i = 0; i < rounds; i++)
    run_round (self, library, dl_article_get_uuid (article), rand, &figures);

  g_test_message ("RESULT kills=%u typed=%" G_GSIZE_FORMAT " lost_total=%" G_GSIZE_FORMAT
                  " lost_max=%" G_GSIZE_FORMAT " worst=%.2f s (keys every %u ms)",
                  figures.rounds, figures.typed_total, figures.lost_total, figures.max_lost,
                  figures.worst_lag_us / 1e6, KEY_INTERVAL_MS);
  g_assert_cmpuint (figures.rounds, ==, rounds);

  command = g_strdup_printf ("rm -rf '%s'", library);
  g_assert_cmpint (system (command), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);

  if (argc == 4 && g_str_equal (argv[1], "--child"))
    {
      gtk_init ();
      adw_init ();
      gtk_source_init ();
      return run_child (argv[2], argv[3]);
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/kill/while-typing", test_kill_while_typing);
  return g_test_run ();
}
