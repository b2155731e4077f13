/* test-window.c: the main window in a real display, on a real store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>

#include "dl-application.h"
#include "dl-article-file.h"
#include "dl-window.h"

/* A GtkApplication that is registered but never run: windows need one for
 * their actions, not a main loop of its own. */
static GtkApplication *test_app;

typedef struct
{
  char          *dir;
  DlStore       *store;
  GtkApplication *app;
  DlWindow      *window;
} Fixture;

static gboolean
wait_until (gboolean (*check) (Fixture *), Fixture *f, guint timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * 1000;

  /* Iterate the main loop; never block in sleep. */
  while (!check (f))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      if (!g_main_context_pending (NULL))
        g_usleep (1000);
    }
  return TRUE;
}

static void
write_article (Fixture    *f,
               const char *headline,
               const char *body,
               int         minutes_ago,
               char      **uuid_out)
{
  g_autoptr(DlArticle) article = dl_article_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) modified = g_date_time_add_minutes (now, -minutes_ago);
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "Belarus", NULL };

  dl_article_set_headline (article, headline);
  dl_article_set_body (article, body);
  dl_article_set_category (article, "Economy");
  dl_article_set_tags (article, tags);
  dl_article_set_modified (article, modified);
  g_assert_true (dl_store_save_article_sync (f->store, article, NULL, &error));
  g_assert_no_error (error);
  if (uuid_out != NULL)
    *uuid_out = g_strdup (dl_article_get_uuid (article));
}

static gboolean
window_mapped (Fixture *f)
{
  return gtk_widget_get_mapped (GTK_WIDGET (f->window));
}

static gboolean
library_loaded (Fixture *f)
{
  return g_strcmp0 (dl_window_get_visible_page (f->window), "loading") != 0;
}

static void
on_loaded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  dl_window_load_finish (DL_WINDOW (object), result, &error);
  *done = TRUE;
}

static void
fixture_open_window (Fixture *f)
{
  gboolean loaded = FALSE;

  f->window = dl_window_new_with_store (f->app, f->store);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  dl_window_load_async (f->window, "", NULL, on_loaded_cb, &loaded);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (wait_until (window_mapped, f, 5000));
  while (!loaded)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (wait_until (library_loaded, f, 5000));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = NULL;

  f->dir = g_dir_make_tmp ("dateline-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  dir = g_file_new_for_path (f->dir);
  f->store = dl_store_new (dir);
  f->app = g_object_ref (test_app);
}

static gboolean
window_gone (Fixture *f)
{
  return f->window == NULL;
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *command = NULL;

  if (f->window != NULL)
    {
      gtk_window_close (GTK_WINDOW (f->window));
      g_assert_true (wait_until (window_gone, f, 5000));
    }
  g_clear_object (&f->app);
  g_clear_object (&f->store);
  command = g_strdup_printf ("rm -rf '%s'", f->dir);
  g_assert_cmpint (system (command), ==, 0);
  g_free (f->dir);
}

/* The article as a fresh store reads it from disk. */
static DlArticle *
read_from_disk (Fixture    *f,
                const char *uuid)
{
  g_autoptr(GFile) dir = g_file_new_for_path (f->dir);
  g_autoptr(DlStore) other = dl_store_new (dir);

  return dl_store_open_article_sync (other, uuid, NULL, NULL);
}

static void
test_window_empty_state (Fixture       *f,
                         gconstpointer  data)
{
  fixture_open_window (f);

  g_assert_cmpstr (dl_window_get_visible_page (f->window), ==, "empty");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->window)));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-article", NULL);
  g_assert_cmpstr (dl_window_get_visible_page (f->window), ==, "editor");
  g_assert_nonnull (dl_window_get_article (f->window));
}

static const char *typed_uuid;
static Fixture *typed_fixture;

static gboolean
headline_on_disk (Fixture *f)
{
  g_autoptr(DlArticle) article = read_from_disk (f, typed_uuid);

  return article != NULL &&
         g_strcmp0 (dl_article_get_headline (article), "Minsk hosts a forum") == 0;
}

static GtkWidget *
find_headline_row (GtkWidget *widget)
{
  if (ADW_IS_ENTRY_ROW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_headline_row (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_window_typing_saves (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *headline_row;
  DlArticle *article;

  fixture_open_window (f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-article", NULL);
  article = dl_window_get_article (f->window);
  typed_uuid = dl_article_get_uuid (article);
  typed_fixture = f;

  /* The headline has focus after New Article, and typing goes through the
   * real entry. */
  headline_row = find_headline_row (GTK_WIDGET (dl_window_get_editor (f->window)));
  g_assert_nonnull (headline_row);
  gtk_editable_set_text (GTK_EDITABLE (headline_row), "Minsk hosts a forum");
  g_assert_cmpstr (dl_article_get_headline (article), ==, "Minsk hosts a forum");

  g_assert_true (wait_until (headline_on_disk, f, 3000));
}

static const char *second_uuid;

static gboolean
article_is_second (Fixture *f)
{
  DlArticle *article = dl_window_get_article (f->window);
  return article != NULL && g_strcmp0 (dl_article_get_uuid (article), second_uuid) == 0;
}

static gboolean
body_edit_on_disk (Fixture *f)
{
  g_autoptr(DlArticle) article = read_from_disk (f, typed_uuid);

  return article != NULL && g_str_has_suffix (dl_article_get_body (article), "An added line.");
}

static void
test_window_switch_articles (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  DlTextStats stats;

  write_article (f, "First article", "One two three.", 5, &first);
  write_article (f, "Second article", "Four five six seven.", 10, &second);
  fixture_open_window (f);
  g_assert_cmpstr (dl_window_get_visible_page (f->window), ==, "no-article");
  g_assert_cmpuint (g_list_model_get_n_items (dl_library_view_get_model (dl_window_get_library_view (f->window))), ==, 2);

  dl_window_open_article (f->window, first);
  second_uuid = first;
  g_assert_true (wait_until (article_is_second, f, 3000));
  buffer = dl_article_editor_get_body_buffer (dl_window_get_editor (f->window));

  /* Type at the end of the body, then switch before the sync delay. */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_interactive (buffer, &end, " An added line.", -1, TRUE);

  second_uuid = second;
  dl_window_open_article (f->window, second);
  g_assert_true (wait_until (article_is_second, f, 3000));
  {
    GtkTextIter start;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "Four five six seven.");
  }
  dl_article_editor_get_stats (dl_window_get_editor (f->window), &stats);
  g_assert_cmpuint (stats.words, ==, 4);
  /* Loading is not an undoable edit. */
  g_assert_false (gtk_text_buffer_get_can_undo (buffer));
  g_assert_cmpstr (dl_library_view_get_selected_uuid (dl_window_get_library_view (f->window)), ==, second);

  /* The first article's edit was saved when we left it. */
  typed_uuid = first;
  g_assert_true (wait_until (body_edit_on_disk, f, 3000));
}

static void
test_window_search (Fixture       *f,
                    gconstpointer  data)
{
  DlLibraryView *library;
  GListModel *model;

  write_article (f, "Harvest record in Gomel", "Farmers are pleased.", 5, NULL);
  write_article (f, "Forum in Minsk", "Delegates discussed trade.", 10, NULL);
  write_article (f, "Tax code amendments", "Parliament voted.", 15, NULL);
  fixture_open_window (f);

  library = dl_window_get_library_view (f->window);
  model = dl_library_view_get_model (library);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  dl_library_view_set_search_text (library, "gomel");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  {
    g_autoptr(DlArticleSummary) summary = g_list_model_get_item (model, 0);
    g_assert_cmpstr (dl_article_summary_get_headline (summary), ==, "Harvest record in Gomel");
  }

  dl_library_view_set_search_text (library, "no such words anywhere");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  dl_library_view_set_search_text (library, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
}

static gboolean
first_item_restored (Fixture *f)
{
  return g_list_model_get_n_items (dl_store_get_summaries (f->store)) == 2;
}

static gboolean
deleted (Fixture *f)
{
  return g_list_model_get_n_items (dl_store_get_summaries (f->store)) == 1 &&
         dl_window_get_article (f->window) == NULL;
}

static void
test_window_delete_undo (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *first = NULL;

  write_article (f, "Keep me", "Text.", 5, NULL);
  write_article (f, "Delete me", "Text.", 1, &first);
  fixture_open_window (f);

  dl_window_open_article (f->window, first);
  second_uuid = first;
  g_assert_true (wait_until (article_is_second, f, 3000));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.delete-article", NULL);
  g_assert_true (wait_until (deleted, f, 3000));
  g_assert_null (dl_store_find_summary (f->store, first));

  /* What the toast's Undo button does. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-delete", "s", first);
  g_assert_true (wait_until (first_item_restored, f, 3000));
  g_assert_nonnull (dl_store_find_summary (f->store, first));
  g_assert_true (wait_until (article_is_second, f, 3000));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  gtk_source_init ();

  test_app = g_object_new (GTK_TYPE_APPLICATION,
                           "application-id", "io.github.dateline.Dateline.Test",
                           "flags", G_APPLICATION_NON_UNIQUE,
                           NULL);
  g_assert_true (g_application_register (G_APPLICATION (test_app), NULL, NULL));

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/window/empty-state", test_window_empty_state);
  ADD ("/window/typing-saves", test_window_typing_saves);
  ADD ("/window/switch-articles", test_window_switch_articles);
  ADD ("/window/search", test_window_search);
  ADD ("/window/delete-undo", test_window_delete_undo);
#undef ADD

  return g_test_run ();
}
