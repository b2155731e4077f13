/* test-window.c: the main window in a real display, on a real store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>

#include "dl-application.h"
#include "dl-article-editor.h"
#include "dl-article-row.h"
#include "dl-article-file.h"
#include "dl-classification-section.h"
#include "dl-dateline-section.h"
#include "dl-window-private.h"
#include "dl-window-export-import.h"
#include "dl-test-keyboard.h"
#include "dl-test-util.h"
#include "dl-test-window.h"

/* A GtkApplication that is registered but never run: windows need one for
 * their actions, not a main loop of its own. */
static GtkApplication *test_app;

typedef struct
{
  char          *dir;
  DlStore       *store;
  DlContext     *context;   /* owns the store; what the application gives a window */
  GtkApplication *app;
  DlWindow      *window;
} Fixture;

/* dl_test_wait_until(), typed for this file's checks. */
static gboolean
wait_until (gboolean (*check) (Fixture *), Fixture *f, guint timeout_ms)
{
  return dl_test_wait_until ((DlTestCondition) check, f, timeout_ms);
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

  f->window = dl_window_new (f->app, f->context);
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
  f->context = dl_context_new (f->store);
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
  g_clear_object (&f->context);
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

static gboolean
markdown_loaded (Fixture *f)
{
  GtkTextBuffer *buffer = dl_article_editor_get_body_buffer (dl_window_get_editor (f->window));
  GtkSourceLanguage *language = gtk_source_buffer_get_language (GTK_SOURCE_BUFFER (buffer));

  return language != NULL && g_strcmp0 (gtk_source_language_get_id (language), "markdown") == 0;
}

static gboolean
stats_show_four_words (Fixture *f)
{
  DlTextStats stats;

  dl_article_editor_get_stats (dl_window_get_editor (f->window), &stats);
  return stats.words == 4;  /* "##" is markup, not a word */
}

static void
test_window_body_editing (Fixture       *f,
                          gconstpointer  data)
{
  GtkTextBuffer *buffer;
  GtkTextIter end;
  DlArticle *article;

  fixture_open_window (f);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-article", NULL);
  article = dl_window_get_article (f->window);
  buffer = dl_article_editor_get_body_buffer (dl_window_get_editor (f->window));

  /* Markdown colouring arrives after the first frame. */
  g_assert_true (wait_until (markdown_loaded, f, 3000));

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_interactive (buffer, &end, "## Minsk\n\nOne two three.", -1, TRUE);
  /* The body reaches the article after a pause, with the counts. */
  g_assert_true (wait_until (stats_show_four_words, f, 2000));
  g_assert_cmpstr (dl_article_get_body (article), ==, "## Minsk\n\nOne two three.");

  /* Typing is undoable, and undo reaches the article too. */
  g_assert_true (gtk_text_buffer_get_can_undo (buffer));
  gtk_text_buffer_undo (buffer);
  g_assert_cmpstr (dl_article_get_body (article), ==, "");
}

static const char *reopened_uuid;

static gboolean
article_reopened (Fixture *f)
{
  DlArticle *article = dl_window_get_article (f->window);
  return article != NULL && g_strcmp0 (dl_article_get_uuid (article), reopened_uuid) == 0;
}

static GtkWidget *
preview_pane (Fixture *f)
{
  /* The pane that holds the preview: the end child of the paned beside
   * the editor. */
  GtkWidget *editor_area = gtk_widget_get_parent (GTK_WIDGET (dl_window_get_editor (f->window)));
  GtkWidget *paned = editor_area;

  while (paned != NULL && !GTK_IS_PANED (paned))
    paned = gtk_widget_get_parent (paned);
  g_assert_nonnull (paned);
  return gtk_paned_get_end_child (GTK_PANED (paned));
}

static gboolean
preview_pane_allocated (Fixture *f)
{
  GtkWidget *paned = gtk_widget_get_parent (preview_pane (f));
  int expected = (int) (0.45 * gtk_widget_get_width (paned) + 0.5);

  return gtk_widget_get_width (preview_pane (f)) > 0
         && ABS (gtk_widget_get_width (preview_pane (f)) - expected) <= 4;
}

static void
test_window_restores_state (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID_BASE);
  g_autofree char *uuid = NULL;
  int width = 0;
  int height = 0;

  write_article (f, "Older", "Text.", 30, NULL);
  write_article (f, "Open me again", "Text.", 60, &uuid);
  g_settings_set_int (settings, "window-width", 1200);
  g_settings_set_int (settings, "window-height", 640);
  g_settings_set_boolean (settings, "preview-visible", TRUE);
  g_settings_set_double (settings, "preview-fraction", 0.45);

  fixture_open_window (f);
  gtk_window_get_default_size (GTK_WINDOW (f->window), &width, &height);
  g_assert_cmpint (width, ==, 1200);
  g_assert_cmpint (height, ==, 640);
  /* The preview pane gets its remembered share back (give or take the
   * paned's handle), not whatever is left over. */
  g_assert_true (wait_until (preview_pane_allocated, f, 3000));
  {
    GtkWidget *paned = gtk_widget_get_parent (preview_pane (f));
    int expected = (int) (0.45 * gtk_widget_get_width (paned) + 0.5);

    g_assert_cmpint (ABS (gtk_widget_get_width (preview_pane (f)) - expected), <=, 4);
  }
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (dl_window_get_editor (f->window)))));

  {
    gboolean preview = FALSE;
    g_object_get (f->window, "preview-visible", &preview, NULL);
    g_assert_true (preview);
  }
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-preview", NULL);
  g_assert_false (g_settings_get_boolean (settings, "preview-visible"));

  dl_window_open_article (f->window, uuid);
  reopened_uuid = uuid;
  g_assert_true (wait_until (article_reopened, f, 3000));
  g_assert_cmpstr (g_settings_get_string (settings, "last-article"), ==, uuid);

  /* Close (which saves), then a new window opens the same article. */
  gtk_window_close (GTK_WINDOW (f->window));
  g_assert_true (wait_until (window_gone, f, 5000));
  {
    gboolean loaded = FALSE;

    f->window = dl_window_new (f->app, f->context);
    g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
    dl_window_load_async (f->window, NULL, NULL, on_loaded_cb, &loaded);
    while (!loaded)
      g_main_context_iteration (NULL, TRUE);
    gtk_window_present (GTK_WINDOW (f->window));
  }
  g_assert_true (article_reopened (f));
  g_settings_reset (settings, "last-article");
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "preview-fraction");
}

static gboolean save_error_shown (Fixture *f);

static gboolean
save_error_hidden (Fixture *f)
{
  return !save_error_shown (f) &&
         dl_autosaver_get_state (dl_window_get_autosaver (f->window)) == DL_SAVE_STATE_SAVED;
}

static gboolean
quarantine_revealed (Fixture *f)
{
  GtkWidget *revealer = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->window), DL_TYPE_WINDOW,
                                                                   "quarantine_revealer"));

  return gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

static gboolean
quarantine_shown (Fixture *f)
{
  return g_list_model_get_n_items (dl_store_get_quarantined (f->store)) == 1 && library_loaded (f);
}


static void
test_window_quarantine (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "broken.dateline", NULL);
  GtkWidget *label;
  GtkWidget *revealer;

  write_article (f, "Fine article", "Text.", 5, NULL);
  g_assert_true (g_file_set_contents (path, "{ not json", -1, NULL));
  fixture_open_window (f);
  g_assert_true (wait_until (quarantine_shown, f, 3000));

  /* The journalist is told, with the file's name. */
  label = dl_test_find_label_containing (GTK_WIDGET (f->window), "1 article could not be opened");
  g_assert_nonnull (label);
  revealer = gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  {
    GtkWidget *details = dl_test_find_label_containing (GTK_WIDGET (f->window), "broken.dateline");
    g_assert_nonnull (details);
  }
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.dismiss-quarantine", NULL);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
}

/* Reopens the window on a fresh store of the same folder, as a restart. */
static void
restart (Fixture *f)
{
  g_autoptr(GFile) dir = g_file_new_for_path (f->dir);

  gtk_window_close (GTK_WINDOW (f->window));
  g_assert_true (wait_until (window_gone, f, 5000));
  g_clear_object (&f->context);
  g_clear_object (&f->store);
  f->store = dl_store_new (dir);
  f->context = dl_context_new (f->store);
  fixture_open_window (f);
}

/* Once dismissed, the same set-aside files are not announced at every
 * start; a new bad file is. */
static void
test_window_quarantine_announced_once (Fixture       *f,
                                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "broken.dateline", NULL);
  g_autofree char *other = g_build_filename (f->dir, "also-broken.dateline", NULL);
  GtkRevealer *revealer;

  g_settings_reset (dl_context_get_settings (f->context), "dismissed-quarantine");
  write_article (f, "Fine article", "Text.", 5, NULL);
  g_assert_true (g_file_set_contents (path, "{ not json", -1, NULL));
  fixture_open_window (f);
  g_assert_true (wait_until (quarantine_shown, f, 3000));
  revealer = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (f->window), DL_TYPE_WINDOW, "quarantine_revealer"));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.dismiss-quarantine", NULL);

  restart (f);
  g_assert_true (wait_until (quarantine_shown, f, 3000));
  dl_test_spin (300);
  revealer = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (f->window), DL_TYPE_WINDOW, "quarantine_revealer"));
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  g_assert_true (g_file_set_contents (other, "[", -1, NULL));
  restart (f);
  g_assert_true (wait_until (quarantine_revealed, f, 3000));
  g_assert_nonnull (dl_test_find_label_containing (GTK_WIDGET (f->window), "1 article could not be opened"));
  {
    GtkLabel *details = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (f->window), DL_TYPE_WINDOW,
                                                                  "quarantine_details_label"));

    /* Only the new one. */
    g_assert_true (g_str_has_prefix (gtk_label_get_label (details), "also-broken.dateline: "));
    dl_test_assert_not_contains (gtk_label_get_label (details), "\n\n");
  }
  g_settings_reset (dl_context_get_settings (f->context), "dismissed-quarantine");
}

static void
test_window_relative_time (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2025, 5, 8, 15, 0, 0);
  struct { int minutes; const char *expected; } cases[] = {
    { 0, "Just now" },
    { 5, "5 min ago" },
    { 1, "1 min ago" },
    { 180, "3 hours ago" },
    { 60 * 20, "Yesterday" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) then = g_date_time_add_minutes (now, -cases[i].minutes);
      g_autofree char *text = dl_format_relative_time (then, now);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  {
    g_autoptr(GDateTime) then = g_date_time_new_local (2025, 5, 5, 9, 0, 0);
    g_autoptr(GDateTime) long_ago = g_date_time_new_local (2023, 1, 2, 9, 0, 0);
    g_autofree char *weekday = dl_format_relative_time (then, now);
    g_autofree char *date = dl_format_relative_time (long_ago, now);

    g_assert_cmpstr (weekday, ==, "Monday");
    g_assert_cmpstr (date, ==, "2 Jan 2023");
  }
}

static const char *key_deleted_uuid;

static gboolean
key_deleted (Fixture *f)
{
  return dl_store_find_summary (f->store, key_deleted_uuid) == NULL;
}

static void
test_window_delete_key (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *uuid = NULL;
  DlLibraryView *library;

  write_article (f, "Keep", "Text.", 10, NULL);
  write_article (f, "Delete with the key", "Text.", 5, &uuid);
  fixture_open_window (f);
  library = dl_window_get_library_view (f->window);

  /* Not the open article: the list's Delete shortcut trashes the selection. */
  dl_library_view_select_uuid (library, uuid);
  g_assert_cmpstr (dl_library_view_get_selected_uuid (library), ==, uuid);
  gtk_widget_activate_action (GTK_WIDGET (library), "library.delete-selected", NULL);
  /* The file moves in a worker thread; the list follows. */
  key_deleted_uuid = uuid;
  g_assert_true (wait_until (key_deleted, f, 3000));
  g_assert_cmpuint (g_list_model_get_n_items (dl_store_get_summaries (f->store)), ==, 1);
}

static gboolean
save_error_shown (Fixture *f)
{
  GtkWidget *label = dl_test_find_label_containing (GTK_WIDGET (f->window), "Could not save the article.</b>");

  return label != NULL &&
         gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER)));
}

static void
test_window_save_error (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (f->dir, "not-a-folder", NULL);
  g_autofree char *inside = g_build_filename (blocker, "library", NULL);
  g_autoptr(GFile) directory = g_file_new_for_path (inside);
  GtkWidget *headline_row;

  /* A library folder that cannot be created, even by root: a file is in
   * the way. */
  g_assert_true (g_file_set_contents (blocker, "", -1, NULL));
  g_clear_object (&f->store);
  g_clear_object (&f->context);
  f->store = dl_store_new (directory);
  f->context = dl_context_new (f->store);
  fixture_open_window (f);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-article", NULL);
  headline_row = find_headline_row (GTK_WIDGET (dl_window_get_editor (f->window)));
  gtk_editable_set_text (GTK_EDITABLE (headline_row), "Cannot be saved");
  g_assert_true (wait_until (save_error_shown, f, 5000));

  /* The text is kept in the editor and the article. */
  g_assert_cmpstr (dl_article_get_headline (dl_window_get_article (f->window)), ==, "Cannot be saved");
  g_assert_cmpint (dl_autosaver_get_state (dl_window_get_autosaver (f->window)), ==, DL_SAVE_STATE_ERROR);

  /* Once the folder can be made, Retry Now saves and the banner goes. */
  g_assert_cmpint (g_unlink (blocker), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.retry-save", NULL);
  g_assert_true (wait_until (save_error_hidden, f, 5000));
}

/* A section like the dateline or credits ones, counting what it is given. */
#define TEST_TYPE_SECTION (test_section_get_type ())
G_DECLARE_FINAL_TYPE (TestSection, test_section, TEST, SECTION, DlEditorSection)

struct _TestSection
{
  DlEditorSection  parent_instance;
  DlArticle       *last;
  guint            calls;
};

G_DEFINE_FINAL_TYPE (TestSection, test_section, DL_TYPE_EDITOR_SECTION)

static void
test_section_set_article (DlEditorSection *section,
                          DlArticle       *article)
{
  TestSection *self = TEST_SECTION (section);

  self->last = article;
  self->calls++;
}

static void
test_section_class_init (TestSectionClass *klass)
{
  DL_EDITOR_SECTION_CLASS (klass)->set_article = test_section_set_article;
}

static void
test_section_init (TestSection *self)
{
}

static void
test_window_sections_follow (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  TestSection *section = g_object_new (TEST_TYPE_SECTION, NULL);
  DlArticleEditor *editor;

  write_article (f, "One", "Text.", 5, &first);
  write_article (f, "Two", "Text.", 10, &second);
  fixture_open_window (f);
  editor = dl_window_get_editor (f->window);
  dl_article_editor_add_section (editor, DL_EDITOR_SECTION (section));
  g_assert_null (section->last);

  dl_window_open_article (f->window, first);
  second_uuid = first;
  g_assert_true (wait_until (article_is_second, f, 3000));
  g_assert_true (section->last == dl_window_get_article (f->window));

  dl_window_open_article (f->window, second);
  second_uuid = second;
  g_assert_true (wait_until (article_is_second, f, 3000));
  g_assert_true (section->last == dl_window_get_article (f->window));
  g_assert_cmpstr (dl_article_get_uuid (dl_editor_section_get_article (DL_EDITOR_SECTION (section))), ==, second);
}

static DlApplication *open_app;

static gboolean
imported_article_shown (Fixture *f)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (open_app)); l != NULL; l = l->next)
    {
      DlArticle *article = DL_IS_WINDOW (l->data) ? dl_window_get_article (l->data) : NULL;

      if (article != NULL && g_strcmp0 (dl_article_get_headline (article), "Imported from outside") == 0)
        return gtk_widget_get_mapped (l->data);
    }
  return FALSE;
}

static gboolean
one_summary (Fixture *f)
{
  return g_list_model_get_n_items (dl_store_get_summaries (f->store)) == 1;
}

static gboolean
no_windows (Fixture *f)
{
  return gtk_application_get_windows (GTK_APPLICATION (open_app)) == NULL;
}

static void
test_application_open_file (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(DlArticle) outside = dl_article_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = g_build_filename (f->dir, "..", "outside-dateline-test.dateline", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GFile *files[1] = { file };

  dl_article_set_headline (outside, "Imported from outside");
  bytes = dl_article_serialize (outside);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));

  /* `dateline file.dateline`: the application imports it and shows it. */
  open_app = dl_application_new_with_context (f->context);
  g_application_set_flags (G_APPLICATION (open_app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (open_app), NULL, &error));
  g_assert_no_error (error);
  g_application_open (G_APPLICATION (open_app), files, 1, "");
  g_assert_true (wait_until (imported_article_shown, f, 5000));
  /* ...and it is in the library, listed once. */
  g_assert_true (wait_until (one_summary, f, 3000));

  g_action_group_activate_action (G_ACTION_GROUP (open_app), "quit", NULL);
  g_assert_true (wait_until (no_windows, f, 5000));
  g_clear_object (&open_app);
  g_unlink (path);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
second_opened (Fixture *f)
{
  DlArticle *article = dl_window_get_article (f->window);
  return article != NULL && g_strcmp0 (dl_article_get_uuid (article), second_uuid) == 0;
}

/* The real sections are in the editor, follow the open article, and the
 * category field offers the categories used in the library. */
static void
test_window_editor_sections (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *uuid = NULL;
  g_autoptr(DlArticle) politics = dl_article_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *dateline;
  GtkWidget *classification;
  GListModel *categories;

  write_article (f, "Rates held", "Body", 5, &uuid);
  dl_article_set_headline (politics, "Elections");
  dl_article_set_category (politics, "Politics");
  g_assert_true (dl_store_save_article_sync (f->store, politics, NULL, &error));
  g_assert_no_error (error);

  fixture_open_window (f);
  dateline = find_descendant (GTK_WIDGET (f->window), DL_TYPE_DATELINE_SECTION);
  classification = find_descendant (GTK_WIDGET (f->window), DL_TYPE_CLASSIFICATION_SECTION);
  g_assert_nonnull (dateline);
  g_assert_nonnull (classification);

  categories = dl_classification_section_get_known_categories (DL_CLASSIFICATION_SECTION (classification));
  g_assert_nonnull (categories);
  g_assert_cmpuint (g_list_model_get_n_items (categories), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (categories), 0), ==, "Economy");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (categories), 1), ==, "Politics");

  dl_window_open_article (f->window, uuid);
  second_uuid = uuid;
  g_assert_true (wait_until (second_opened, f, 3000));
  g_assert_true (dl_editor_section_get_article (DL_EDITOR_SECTION (dateline)) == dl_window_get_article (f->window));
  g_assert_true (dl_editor_section_get_article (DL_EDITOR_SECTION (classification)) == dl_window_get_article (f->window));
}

static char *export_path;
static const char *export_expected;

/* The exporter writes in a worker: wait until the whole text is there. */
static gboolean
export_written (Fixture *f)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (export_path, &contents, NULL, NULL)
         && strstr (contents, export_expected) != NULL;
}

/* File → Export writes the open article, including text typed a moment
 * ago, in the chosen format, off the main thread. */
static void
test_window_export (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *uuid = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter end;

  write_article (f, "Rates <held>", "First paragraph.", 5, &uuid);
  fixture_open_window (f);
  dl_window_open_article (f->window, uuid);
  second_uuid = uuid;
  g_assert_true (wait_until (second_opened, f, 3000));

  /* Typed just now: still only in the editor's buffer. */
  buffer = GTK_TEXT_BUFFER (dl_article_editor_get_body_buffer (dl_window_get_editor (f->window)));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\n\nTyped before exporting.", -1);

  export_path = g_build_filename (f->dir, "out", "page.md", NULL);
  g_assert_cmpint (g_mkdir_with_parents (g_path_get_dirname (export_path), 0700), ==, 0);
  file = g_file_new_for_path (export_path);
  export_expected = "Typed before exporting.";
  dl_window_export_article_to (f->window, file, "markdown");
  g_assert_true (wait_until (export_written, f, 5000));
  g_assert_true (g_file_get_contents (export_path, &contents, NULL, NULL));
  dl_test_assert_contains (contents, "Rates <held>");
  dl_test_assert_contains (contents, "Typed before exporting.");
  g_clear_pointer (&contents, g_free);
  g_clear_object (&file);
  g_clear_pointer (&export_path, g_free);

  export_path = g_build_filename (f->dir, "out", "page.html", NULL);
  file = g_file_new_for_path (export_path);
  export_expected = "</html>";
  dl_window_export_article_to (f->window, file, "html");
  g_assert_true (wait_until (export_written, f, 5000));
  g_assert_true (g_file_get_contents (export_path, &contents, NULL, NULL));
  dl_test_assert_contains (contents, "Rates &lt;held&gt;");
  g_clear_pointer (&export_path, g_free);
}

static gboolean
preview_page_ready (Fixture *f)
{
  GtkWidget *preview = dl_window_get_preview (f->window);
  g_autoptr(GtkWidget) view = NULL;
  gboolean ready = FALSE;

  if (preview == NULL)
    return FALSE;
  g_object_get (preview, "view", &view, NULL);
  if (view != NULL)
    g_object_get (view, "page-ready", &ready, NULL);
  return ready;
}

static DlArticle *
preview_article (Fixture *f)
{
  g_autoptr(DlArticle) article = NULL;

  g_object_get (dl_window_get_preview (f->window), "article", &article, NULL);
  return article;   /* the window holds another reference */
}

/* The preview pane in the window: its module (and WebKit) is not even
 * loaded until the pane is shown, so the first frame never waits for it;
 * once shown it renders the open article, and switching articles follows.
 * The module is the real one the program loads (DATELINE_PREVIEW_MODULE). */
static void
test_window_preview (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  GtkWidget *pane;

  write_article (f, "First story", "Para one.", 10, &first);
  write_article (f, "Second story", "Para two.", 5, &second);
  fixture_open_window (f);

  dl_window_open_article (f->window, first);
  second_uuid = first;
  g_assert_true (wait_until (second_opened, f, 3000));
  g_assert_null (dl_window_get_preview (f->window));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-preview", NULL);
  g_assert_true (wait_until (preview_page_ready, f, 20000));
  g_assert_true (preview_article (f) == dl_window_get_article (f->window));
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (dl_window_get_preview (f->window)), ==, "DlPreview");

  dl_window_open_article (f->window, second);
  second_uuid = second;
  g_assert_true (wait_until (second_opened, f, 3000));
  g_assert_true (preview_article (f) == dl_window_get_article (f->window));

  pane = gtk_widget_get_parent (dl_window_get_preview (f->window));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.toggle-preview", NULL);
  g_assert_false (gtk_widget_get_visible (pane));
}


static gboolean
conflict_gone (Fixture *f)
{
  GtkWidget *revealer = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->window), DL_TYPE_WINDOW, "conflict_revealer"));

  return !gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

static gboolean
recovery_shown (Fixture *f)
{
  GtkWidget *revealer = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->window), DL_TYPE_WINDOW, "recovery_revealer"));

  return gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

/* ------------------------------------------------------------------ */
/* Reliability (docs/RELIABILITY.md)                                   */

static char *
body_on_disk (Fixture    *f,
              const char *uuid)
{
  g_autoptr(DlArticle) article = read_from_disk (f, uuid);

  return article != NULL ? g_strdup (dl_article_get_body (article)) : NULL;
}

static const char *
save_label_text (Fixture *f)
{
  GtkWidget *label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->window), DL_TYPE_WINDOW, "save_label"));

  return gtk_label_get_label (GTK_LABEL (label));
}

static gboolean
article_shown (Fixture *f)
{
  return dl_window_get_article (f->window) != NULL;
}

/* Every keystroke restarted a 150 ms timer, so text typed faster than
 * that never reached the article: nothing was saved while the header
 * said "Saved". Real keys at 20 ms each, for four seconds: what was
 * typed two seconds ago is on disk at every moment, and the header
 * never says Saved while a key is waiting. */
static void
test_window_fast_typing_reaches_disk (Fixture       *f,
                                      gconstpointer  data)
{
  const char *text = "The Minsk office of the BelCCI hosted a meeting with a business delegation "
                     "from the Chinese province of Shandong to discuss trade and investment. ";
  g_autofree char *uuid = NULL;
  g_autoptr(GArray) typed_at = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkWidget *body;
  guint n_chars = g_utf8_strlen (text, -1);
  guint max_lost = 0;
  gint64 end, deadline;
  g_autofree char *final = NULL;

  write_article (f, "Fast typing", "", 1, &uuid);
  fixture_open_window (f);
  if (!dl_test_keyboard_available (GTK_WIDGET (f->window)))
    {
      g_test_skip ("No X display with XTest to press keys on");
      return;
    }
  dl_window_open_article (f->window, uuid);
  g_assert_true (wait_until (article_shown, f, 5000));
  dl_test_keyboard_focus (GTK_WINDOW (f->window));
  dl_article_editor_focus_body (dl_window_get_editor (f->window));
  body = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_true (GTK_SOURCE_IS_VIEW (body));

  for (guint i = 0; i < n_chars; i++)
    {
      gint64 now;
      g_autofree char *on_disk = NULL;
      gsize saved;

      dl_test_keyboard_type_char (body, g_utf8_get_char (g_utf8_offset_to_pointer (text, i)));
      dl_test_keyboard_settle (20);
      now = g_get_monotonic_time ();
      g_array_append_val (typed_at, now);

      /* "Saved" only when what is on disk is what is on screen. */
      if (g_strcmp0 (save_label_text (f), _("Saved")) == 0)
        {
          g_autofree char *shown = NULL;
          GtkTextIter start, stop;

          gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (body)), &start, &stop);
          shown = gtk_text_iter_get_text (&start, &stop);
          on_disk = body_on_disk (f, uuid);
          if (g_strcmp0 (on_disk, shown) != 0)
            g_error ("The header says Saved %u keys into fast typing, with %ld characters not on disk",
                     i + 1, g_utf8_strlen (shown, -1) - (on_disk != NULL ? g_utf8_strlen (on_disk, -1) : 0));
        }

      if (i % 10 != 9)
        continue;
      g_clear_pointer (&on_disk, g_free);
      on_disk = body_on_disk (f, uuid);
      saved = on_disk != NULL ? g_utf8_strlen (on_disk, -1) : 0;
      /* Everything typed more than two seconds ago is there. */
      for (guint j = saved; j < typed_at->len; j++)
        if (now - g_array_index (typed_at, gint64, j) > 2 * G_USEC_PER_SEC)
          g_error ("Key %u, typed %.1f s ago, is not on disk (%" G_GSIZE_FORMAT " of %u saved)",
                   j + 1, (now - g_array_index (typed_at, gint64, j)) / 1e6, saved, typed_at->len);
      max_lost = MAX (max_lost, typed_at->len - saved);
    }
  g_test_message ("%u keys at 20 ms; at most %u were not yet on disk", n_chars, max_lost);
  g_assert_cmpstr (dl_article_get_body (dl_window_get_article (f->window)), ==, text);

  /* Typing stopped: all of it within two seconds, and then "Saved". */
  end = g_get_monotonic_time ();
  deadline = end + 2 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    {
      g_free (final);
      final = body_on_disk (f, uuid);
      if (g_strcmp0 (final, text) == 0)
        break;
      dl_test_keyboard_settle (20);
    }
  g_assert_cmpstr (final, ==, text);
  while (g_strcmp0 (save_label_text (f), _("Saved")) != 0 && g_get_monotonic_time () < deadline + G_USEC_PER_SEC)
    dl_test_keyboard_settle (10);
  g_assert_cmpstr (save_label_text (f), ==, _("Saved"));
}

static gboolean
conflict_shown (Fixture *f)
{
  GtkWidget *revealer = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->window), DL_TYPE_WINDOW, "conflict_revealer"));

  return gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

static const char *reload_expected;

static gboolean
reloaded (Fixture *f)
{
  DlArticle *article = dl_window_get_article (f->window);

  return article != NULL && g_strcmp0 (dl_article_get_headline (article), reload_expected) == 0;
}

static void
write_file_as_other_program (Fixture    *f,
                             const char *uuid,
                             const char *headline)
{
  g_autoptr(DlArticle) theirs = read_from_disk (f, uuid);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = g_strconcat (uuid, DL_ARTICLE_FILE_EXTENSION, NULL);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  dl_article_set_headline (theirs, headline);
  bytes = dl_article_serialize (theirs);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
}

/* An outside change to the open article was overwritten by the next
 * autosave. Without unsaved text the article is reloaded; with it, the
 * journalist is asked, and either choice keeps the other version. */
static void
test_window_outside_change (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *uuid = NULL;
  g_autoptr(DlArticle) on_disk = NULL;

  write_article (f, "Ours", "Our text.", 1, &uuid);
  fixture_open_window (f);
  dl_window_open_article (f->window, uuid);
  g_assert_true (wait_until (article_shown, f, 5000));

  /* Nothing unsaved: reloaded. */
  write_file_as_other_program (f, uuid, "Changed by a colleague");
  reload_expected = "Changed by a colleague";
  g_assert_true (wait_until (reloaded, f, 5000));

  /* Typing pending when another change comes: a conflict, not an
   * overwrite. */
  dl_article_set_body (dl_window_get_article (f->window), "Our text, edited.");
  write_file_as_other_program (f, uuid, "Changed again by the colleague");
  g_assert_true (wait_until (conflict_shown, f, 5000));
  on_disk = read_from_disk (f, uuid);
  g_assert_cmpstr (dl_article_get_headline (on_disk), ==, "Changed again by the colleague");
  g_clear_object (&on_disk);

  /* Keep Mine: saved, the banner goes. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.keep-mine", NULL);
  g_assert_true (wait_until (conflict_gone, f, 5000));
  on_disk = read_from_disk (f, uuid);
  g_assert_cmpstr (dl_article_get_body (on_disk), ==, "Our text, edited.");
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* While saving failed a second close discarded the text after only a
 * toast. Now it goes to the recovery folder, and the next start offers
 * it back. */
static void
test_window_close_keeps_unsaved_text (Fixture       *f,
                                      gconstpointer  data)
{
  g_autofree char *uuid = NULL;
  g_autofree char *moved = g_strconcat (f->dir, ".away", NULL);
  g_autoptr(DlArticle) restored = NULL;

  write_article (f, "Kept", "Saved text.", 1, &uuid);
  fixture_open_window (f);
  dl_window_open_article (f->window, uuid);
  g_assert_true (wait_until (article_shown, f, 5000));

  /* The library becomes unwritable, as a full disk or a lost mount. */
  g_assert_cmpint (g_rename (f->dir, moved), ==, 0);
  g_assert_true (g_file_set_contents (f->dir, "in the way", -1, NULL));
  dl_article_set_body (dl_window_get_article (f->window), "Written as the disk failed.");

  gtk_window_close (GTK_WINDOW (f->window));
  g_assert_true (wait_until (window_gone, f, 5000));

  /* The old store finishes what it was given first: the autosaver's
   * last-chance save when it was disposed, which fails against the
   * broken folder. Bringing the folder back before that save ran let it
   * succeed (and rightly drop the recovered copy) on a loaded machine:
   * the test, not the product, raced. */
  {
    DlStore *old_store = f->store;

    g_object_add_weak_pointer (G_OBJECT (old_store), (gpointer *) &old_store);
    g_clear_object (&f->store);
    g_clear_object (&f->context);
    g_assert_true (dl_test_wait_until (pointer_cleared, &old_store, 10000));
  }

  /* The library is back: a new window offers the text, and restores it. */
  g_unlink (f->dir);
  g_assert_cmpint (g_rename (moved, f->dir), ==, 0);
  {
    g_autoptr(GFile) dir = g_file_new_for_path (f->dir);
    f->store = dl_store_new (dir);
    f->context = dl_context_new (f->store);
  }
  fixture_open_window (f);
  g_assert_true (wait_until (recovery_shown, f, 5000));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.restore-recovered", NULL);
  reload_expected = "Kept";
  g_assert_true (wait_until (reloaded, f, 5000));
  g_assert_cmpstr (dl_article_get_body (dl_window_get_article (f->window)), ==, "Written as the disk failed.");
  restored = read_from_disk (f, uuid);
  g_assert_cmpstr (dl_article_get_body (restored), ==, "Written as the disk failed.");
}

static GtkWidget *
editor_child (Fixture    *f,
              const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dl_window_get_editor (f->window)),
                                                    DL_TYPE_ARTICLE_EDITOR, name));
}

static GtkWidget *
find_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
invisible_row_gone (Fixture *f)
{
  return !gtk_widget_get_visible (editor_child (f, "invisible_row"));
}

/* A pasted U+202E or zero-width space is named under the headline, and
 * the Remove button (pressed with the keyboard) takes them out. */
static void
test_window_hidden_characters (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *uuid = NULL;
  GtkWidget *row;
  GtkWidget *button;
  DlArticle *article;

  write_article (f, "Invoice \xe2\x80\xae" "fdp.exe\xe2\x80\x8b", "Text.", 1, &uuid);
  fixture_open_window (f);
  dl_window_open_article (f->window, uuid);
  g_assert_true (wait_until (article_shown, f, 5000));

  row = editor_child (f, "invisible_row");
  g_assert_true (gtk_widget_get_visible (row));
  g_test_message ("%s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  dl_test_assert_contains (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "right-to-left override (U+202E)");
  dl_test_assert_contains (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "zero width space (U+200B)");

  if (!dl_test_keyboard_available (GTK_WIDGET (f->window)))
    {
      g_test_skip ("No X display with XTest to press keys on");
      return;
    }
  dl_test_keyboard_focus (GTK_WINDOW (f->window));
  button = find_button (row);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_grab_focus (button));
  dl_test_keyboard_press (button, GDK_KEY_space, 0);
  g_assert_true (wait_until (invisible_row_gone, f, 3000));
  article = dl_window_get_article (f->window);
  g_assert_cmpstr (dl_article_get_headline (article), ==, "Invoice fdp.exe");
}

/* A newer Dateline's article is shown, with a note, and cannot be
 * changed from the keyboard. */
static void
test_window_read_only_article (Fixture       *f,
                               gconstpointer  data)
{
  const char *uuid = "0b7e5a3c-6a57-4a43-9d56-5b1f0d3f2a99";
  const char *content =
    "{\"format\":\"dateline-article\",\"version\":3,\"uuid\":\"0b7e5a3c-6a57-4a43-9d56-5b1f0d3f2a99\","
    "\"headline\":\"From a newer Dateline\",\"status\":\"syndicated\",\"body\":\"Untouchable text\"}\n";
  g_autofree char *name = g_strconcat (uuid, DL_ARTICLE_FILE_EXTENSION, NULL);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *after = NULL;
  GtkWidget *body;

  g_assert_true (g_file_set_contents (path, content, -1, NULL));
  fixture_open_window (f);
  g_assert_nonnull (dl_store_find_summary (f->store, uuid));
  dl_window_open_article (f->window, uuid);
  g_assert_true (wait_until (article_shown, f, 5000));

  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (editor_child (f, "read_only_revealer"))));
  dl_test_assert_contains (gtk_label_get_label (GTK_LABEL (editor_child (f, "read_only_label"))), "newer version of Dateline");

  if (!dl_test_keyboard_available (GTK_WIDGET (f->window)))
    {
      g_test_skip ("No X display with XTest to press keys on");
      return;
    }
  dl_test_keyboard_focus (GTK_WINDOW (f->window));
  dl_article_editor_focus_body (dl_window_get_editor (f->window));
  body = gtk_window_get_focus (GTK_WINDOW (f->window));
  dl_test_keyboard_type (body, "typed anyway");
  dl_test_keyboard_settle (1500);
  g_assert_cmpstr (dl_article_get_body (dl_window_get_article (f->window)), ==, "Untouchable text");
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, content);
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
  ADD ("/window/body-editing", test_window_body_editing);
  ADD ("/window/restores-state", test_window_restores_state);
  ADD ("/window/quarantine", test_window_quarantine);
  ADD ("/window/quarantine-announced-once", test_window_quarantine_announced_once);
  ADD ("/window/delete-key", test_window_delete_key);
  ADD ("/window/save-error", test_window_save_error);
  ADD ("/window/sections-follow", test_window_sections_follow);
  ADD ("/window/editor-sections", test_window_editor_sections);
  ADD ("/window/export", test_window_export);
  ADD ("/window/preview", test_window_preview);
  ADD ("/application/open-file", test_application_open_file);
  ADD ("/window/fast-typing-reaches-disk", test_window_fast_typing_reaches_disk);
  ADD ("/window/outside-change", test_window_outside_change);
  ADD ("/window/close-keeps-unsaved-text", test_window_close_keeps_unsaved_text);
  ADD ("/window/hidden-characters", test_window_hidden_characters);
  ADD ("/window/read-only-article", test_window_read_only_article);
#undef ADD
  g_test_add_func ("/window/relative-time", test_window_relative_time);

  return g_test_run ();
}
