/* test-workflow-ui.c: the newsroom workflow in the real window: status,
 * embargo, the story details, the library's keys and menu, the trash
 *
 * Keys are real key presses through the X server to the focused widget
 * (dl-test-keyboard.c): the Delete key bug was invisible to a test that
 * activated the action directly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>

#include "dl-article-editor.h"
#include "dl-article-row.h"
#include "dl-release-section.h"
#include "dl-test-keyboard.h"
#include "dl-test-util.h"
#include "dl-test-window.h"
#include "dl-trash-view.h"
#include "dl-window-private.h"

typedef DlTestWindow Fixture;

static const char *wanted_uuid;

static gboolean
article_shown (gpointer data)
{
  Fixture *f = data;
  DlArticle *article = dl_window_get_article (f->window);

  return article != NULL && g_strcmp0 (dl_article_get_uuid (article), wanted_uuid) == 0;
}

static void
open_and_wait (Fixture    *f,
               const char *uuid)
{
  wanted_uuid = uuid;
  dl_window_open_article (f->window, uuid);
  g_assert_true (dl_test_wait_until (article_shown, f, 5000));
}

static gboolean
keyboard_ready (Fixture *f)
{
  if (!dl_test_keyboard_available (GTK_WIDGET (f->window)))
    {
      g_test_skip ("No X display with XTest to press keys on");
      return FALSE;
    }
  dl_test_keyboard_focus (GTK_WINDOW (f->window));
  return TRUE;
}

static GtkWidget *
focus_of (Fixture *f)
{
  return gtk_window_get_focus (GTK_WINDOW (f->window));
}

static GtkWidget *
find_row (Fixture    *f,
          const char *uuid)
{
  GtkWidget *list = dl_test_find_by_name (GTK_WIDGET (dl_window_get_library_view (f->window)), "library-list");

  for (GtkWidget *w = gtk_widget_get_first_child (list); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *row = gtk_widget_get_first_child (w);

      if (row != NULL && DL_IS_ARTICLE_ROW (row) && dl_article_row_get_summary (DL_ARTICLE_ROW (row)) != NULL
          && g_strcmp0 (dl_article_summary_get_uuid (dl_article_row_get_summary (DL_ARTICLE_ROW (row))), uuid) == 0)
        return row;
    }
  return NULL;
}

/* Focus on the library row of @uuid, as Tab and the arrows would put it. */
static void
focus_row (Fixture    *f,
           const char *uuid)
{
  DlLibraryView *library = dl_window_get_library_view (f->window);
  GtkWidget *list = dl_test_find_by_name (GTK_WIDGET (library), "library-list");

  dl_library_view_select_uuid (library, uuid);
  dl_test_keyboard_settle (50);
  for (GtkWidget *w = gtk_widget_get_first_child (list); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *row = gtk_widget_get_first_child (w);

      if (row != NULL && DL_IS_ARTICLE_ROW (row)
          && g_strcmp0 (dl_article_summary_get_uuid (dl_article_row_get_summary (DL_ARTICLE_ROW (row))), uuid) == 0)
        {
          g_assert_true (gtk_widget_grab_focus (w));
          return;
        }
      g_test_message ("list child %s (%s)", G_OBJECT_TYPE_NAME (w), row != NULL ? G_OBJECT_TYPE_NAME (row) : "-");
    }
  g_assert_not_reached ();
}

static gboolean
gone_from_library (gpointer data)
{
  Fixture *f = data;

  return dl_store_find_summary (f->store, wanted_uuid) == NULL;
}

/* Delete and Enter on a focused row, Down from the search field: real
 * keys, where they did nothing (or the wrong thing) before. */
static void
test_library_keys (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(DlArticle) keep = dl_test_window_write_article (f, "Keep me", "Kept.", 10);
  g_autoptr(DlArticle) open_me = dl_test_window_write_article (f, "Open me with Enter", "Opened.", 5);
  g_autoptr(DlArticle) bin = dl_test_window_write_article (f, "Delete me with the key", "Binned.", 1);
  DlLibraryView *library;
  GtkWidget *search;

  dl_test_window_open (f);
  if (!keyboard_ready (f))
    return;
  library = dl_window_get_library_view (f->window);

  focus_row (f, dl_article_get_uuid (bin));
  dl_test_keyboard_press (focus_of (f), GDK_KEY_Delete, 0);
  wanted_uuid = dl_article_get_uuid (bin);
  g_assert_true (dl_test_wait_until (gone_from_library, f, 3000));
  g_assert_nonnull (dl_store_find_summary (f->store, dl_article_get_uuid (keep)));

  /* Enter opens the row and puts the cursor in its text. */
  focus_row (f, dl_article_get_uuid (open_me));
  dl_test_keyboard_press (focus_of (f), GDK_KEY_Return, 0);
  wanted_uuid = dl_article_get_uuid (open_me);
  g_assert_true (dl_test_wait_until (article_shown, f, 3000));
  dl_test_keyboard_settle (100);
  g_assert_true (GTK_SOURCE_IS_VIEW (focus_of (f)));

  /* Down in the search field goes into the results. */
  dl_library_view_focus_search (library);
  search = focus_of (f);
  dl_test_keyboard_type (search, "Keep");
  dl_test_keyboard_settle (300);
  dl_test_keyboard_press (focus_of (f), GDK_KEY_Down, 0);
  dl_test_keyboard_settle (200);
  g_assert_true (gtk_widget_is_ancestor (focus_of (f), GTK_WIDGET (library)));
  g_assert_false (GTK_IS_DROP_DOWN (gtk_widget_get_ancestor (focus_of (f), GTK_TYPE_DROP_DOWN)));
  g_assert_nonnull (gtk_widget_get_ancestor (focus_of (f), GTK_TYPE_LIST_VIEW));
  g_assert_cmpstr (gtk_widget_get_name (gtk_widget_get_ancestor (focus_of (f), GTK_TYPE_LIST_VIEW)), ==, "library-list");
  g_assert_cmpstr (dl_library_view_get_selected_uuid (library), ==, dl_article_get_uuid (keep));
}

static gboolean
status_is_ready (gpointer data)
{
  Fixture *f = data;
  DlArticleSummary *summary = dl_store_find_summary (f->store, wanted_uuid);

  return summary != NULL && dl_article_summary_get_status (summary) == DL_ARTICLE_STATUS_READY;
}

/* Ctrl+Shift+R marks the story ready from the text; the library row and
 * the file follow; the same key takes it back to a draft. */
static void
test_status_keys (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(DlArticle) article = dl_test_window_write_article (f, "Ready for the desk", "Text.", 1);
  g_autoptr(DlArticle) on_disk = NULL;
  DlArticle *shown;

  dl_test_window_open (f);
  if (!keyboard_ready (f))
    return;
  open_and_wait (f, dl_article_get_uuid (article));
  shown = dl_window_get_article (f->window);
  dl_article_editor_focus_body (dl_window_get_editor (f->window));
  dl_test_keyboard_settle (50);

  dl_test_keyboard_press (focus_of (f), GDK_KEY_R, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  dl_test_keyboard_settle (100);
  g_assert_cmpint (dl_article_get_status (shown), ==, DL_ARTICLE_STATUS_READY);
  /* Not typed into the text. */
  g_assert_cmpstr (dl_article_get_body (shown), ==, "Text.");
  g_assert_true (dl_test_wait_until (status_is_ready, f, 3000));
  {
    g_autoptr(GAsyncResult) result = NULL;

    dl_autosaver_flush_async (dl_window_get_autosaver (f->window), NULL, dl_test_keep_result_cb, &result);
    g_assert_true (dl_autosaver_flush_finish (dl_window_get_autosaver (f->window),
                                              dl_test_wait_for_result (&result), NULL));
  }
  on_disk = dl_store_open_article_sync (f->store, dl_article_get_uuid (article), NULL, NULL);
  g_assert_cmpint (dl_article_get_status (on_disk), ==, DL_ARTICLE_STATUS_READY);

  /* The same key again: back to a draft. */
  dl_test_keyboard_press (focus_of (f), GDK_KEY_R, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  dl_test_keyboard_settle (100);
  g_assert_cmpint (dl_article_get_status (shown), ==, DL_ARTICLE_STATUS_DRAFT);
}

static gboolean
summary_is_changed (gpointer data)
{
  Fixture *f = data;
  DlArticleSummary *summary = dl_store_find_summary (f->store, wanted_uuid);

  return summary != NULL && dl_article_summary_get_status (summary) == DL_ARTICLE_STATUS_CHANGED;
}

/* Opening a published story leaves it Published; typing into it makes
 * it "Changed since publishing", in the editor and in the library. */
static void
test_changed_after_publishing (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(DlArticle) article = dl_article_new ();
  g_autoptr(GError) error = NULL;
  DlArticle *shown;
  GtkWidget *pill;

  dl_article_set_headline (article, "On the site already");
  dl_article_set_body (article, "Published text.");
  dl_article_set_place (article, "Minsk");
  dl_article_set_status (article, DL_ARTICLE_STATUS_PUBLISHED);
  g_assert_true (dl_store_save_article_sync (f->store, article, NULL, &error));

  dl_test_window_open (f);
  if (!keyboard_ready (f))
    return;
  open_and_wait (f, dl_article_get_uuid (article));
  shown = dl_window_get_article (f->window);
  dl_test_keyboard_settle (300);
  g_assert_cmpint (dl_article_get_status (shown), ==, DL_ARTICLE_STATUS_PUBLISHED);

  dl_article_editor_focus_body (dl_window_get_editor (f->window));
  dl_test_keyboard_settle (50);
  dl_test_keyboard_press (focus_of (f), GDK_KEY_End, GDK_CONTROL_MASK);
  dl_test_keyboard_type (focus_of (f), " More.");
  dl_test_keyboard_settle (100);
  g_assert_cmpint (dl_article_get_status (shown), ==, DL_ARTICLE_STATUS_CHANGED);
  wanted_uuid = dl_article_get_uuid (article);
  g_assert_true (dl_test_wait_until (summary_is_changed, f, 3000));
  pill = dl_test_find_label_containing (find_row (f, dl_article_get_uuid (article)), "Changed");
  g_assert_nonnull (pill);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (pill), ==, "Changed since publishing");
}

static gboolean
row_says_embargoed (gpointer data)
{
  Fixture *f = data;
  GtkWidget *row = find_row (f, wanted_uuid);
  GtkWidget *label = row != NULL ? dl_test_find_label_containing (row, "Embargoed until 8 May 2031") : NULL;

  return label != NULL && gtk_widget_get_visible (label);
}

/* The embargo typed the European way; a mistake explained; the library
 * row says the story is embargoed, and until when. */
static void
test_embargo_row (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(DlArticle) article = dl_test_window_write_article (f, "Embargoed story", "Text.", 1);
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) expected = g_date_time_new (local, 2031, 5, 8, 10, 6, 0);
  DlArticleEditor *editor;
  GtkWidget *row;
  GtkWidget *note;
  DlArticle *shown;

  dl_test_window_open (f);
  if (!keyboard_ready (f))
    return;
  open_and_wait (f, dl_article_get_uuid (article));
  shown = dl_window_get_article (f->window);
  editor = dl_window_get_editor (f->window);
  dl_article_editor_set_details_visible (editor, TRUE);
  row = dl_test_find_by_name (GTK_WIDGET (editor), "embargo-row");
  g_assert_nonnull (row);
  if (!dl_test_wait_until ((DlTestCondition) gtk_widget_get_mapped, row, 3000))
    g_test_message ("editor %d px wide, details %d, flap folded %d revealed %d",
                    gtk_widget_get_width (GTK_WIDGET (editor)), dl_article_editor_get_details_visible (editor),
                    adw_flap_get_folded (ADW_FLAP (dl_test_find_by_type (GTK_WIDGET (editor), ADW_TYPE_FLAP))),
                    adw_flap_get_reveal_flap (ADW_FLAP (dl_test_find_by_type (GTK_WIDGET (editor), ADW_TYPE_FLAP))));
  g_assert_true (gtk_widget_get_mapped (row));
  gtk_widget_grab_focus (row);
  dl_test_keyboard_settle (50);
  dl_test_keyboard_type (focus_of (f), "08.05.2031 10:06");
  dl_test_keyboard_settle (200);
  g_assert_nonnull (dl_article_get_embargo (shown));
  g_assert_true (g_date_time_equal (dl_article_get_embargo (shown), expected));
  note = dl_test_find_by_name (GTK_WIDGET (editor), "embargo-note");
  g_assert_true (gtk_widget_get_visible (note));
  dl_test_assert_contains (gtk_label_get_label (GTK_LABEL (note)), "Embargoed until 8 May 2031 at 10:06");
  wanted_uuid = dl_article_get_uuid (article);
  g_assert_true (dl_test_wait_until (row_says_embargoed, f, 3000));

  /* A day that does not exist: said in words, the embargo kept. */
  dl_test_keyboard_press (focus_of (f), GDK_KEY_a, GDK_CONTROL_MASK);
  dl_test_keyboard_type (focus_of (f), "31.02.2031 10:06");
  dl_test_keyboard_settle (200);
  dl_test_assert_contains (gtk_label_get_label (GTK_LABEL (note)), "February 2031 has 28 days");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_true (g_date_time_equal (dl_article_get_embargo (shown), expected));

  /* A schedule before the embargo: the conflict under the schedule. */
  row = dl_test_find_by_name (GTK_WIDGET (editor), "schedule-row");
  gtk_widget_grab_focus (row);
  dl_test_keyboard_settle (50);
  dl_test_keyboard_type (focus_of (f), "2031-05-08 09:00");
  dl_test_keyboard_settle (200);
  note = dl_test_find_by_name (GTK_WIDGET (editor), "schedule-note");
  dl_test_assert_contains (gtk_label_get_label (GTK_LABEL (note)), "before the embargo lifts");
  g_assert_true (gtk_widget_has_css_class (note, "error"));
}

/* Shift+F9 shows and hides the story details; "Write the story…"
 * stands in an empty body and goes with the first letter. */
static void
test_details_and_placeholder (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(DlArticle) article = dl_test_window_write_article (f, "Empty body", "", 1);
  DlArticleEditor *editor;
  GtkWidget *placeholder;
  gboolean before;

  dl_test_window_open (f);
  if (!keyboard_ready (f))
    return;
  open_and_wait (f, dl_article_get_uuid (article));
  editor = dl_window_get_editor (f->window);
  placeholder = dl_test_find_label_containing (GTK_WIDGET (editor), "Write the story");
  g_assert_nonnull (placeholder);
  g_assert_true (gtk_widget_get_visible (placeholder));

  dl_article_editor_focus_body (editor);
  dl_test_keyboard_settle (50);
  before = dl_article_editor_get_details_visible (editor);
  dl_test_keyboard_press (focus_of (f), GDK_KEY_F9, GDK_SHIFT_MASK);
  dl_test_keyboard_settle (200);
  g_assert_cmpint (dl_article_editor_get_details_visible (editor), ==, !before);
  g_assert_cmpint (gtk_toggle_button_get_active (f->window->details_button), ==, !before);
  dl_article_editor_focus_body (editor);
  dl_test_keyboard_press (focus_of (f), GDK_KEY_F9, GDK_SHIFT_MASK);
  dl_test_keyboard_settle (200);
  g_assert_cmpint (dl_article_editor_get_details_visible (editor), ==, before);

  dl_article_editor_focus_body (editor);
  dl_test_keyboard_settle (50);
  dl_test_keyboard_type (focus_of (f), "M");
  dl_test_keyboard_settle (100);
  g_assert_false (gtk_widget_get_visible (placeholder));
}

static gboolean
trash_listed (gpointer data)
{
  Fixture *f = data;

  return dl_test_find_label_containing (GTK_WIDGET (dl_window_get_library_view (f->window)), "Trashed last week") != NULL;
}

/* Trashed a week ago, found in the Trash view, restored with the keyboard. */
static void
test_trash_view (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(DlArticle) article = dl_test_window_write_article (f, "Trashed last week", "Text.", 1);
  g_autoptr(GError) error = NULL;
  DlLibraryView *library;
  GtkWidget *trash_button;
  GtkWidget *restore;
  g_autofree char *path = NULL;

  g_assert_true (dl_store_trash_article_sync (f->store, dl_article_get_uuid (article), &error));
  dl_test_window_open (f);
  if (!keyboard_ready (f))
    return;
  library = dl_window_get_library_view (f->window);
  trash_button = dl_test_find_by_name (GTK_WIDGET (library), "trash-button");
  g_assert_nonnull (trash_button);
  gtk_widget_grab_focus (trash_button);
  dl_test_keyboard_press (trash_button, GDK_KEY_space, 0);
  g_assert_true (dl_test_wait_until (trash_listed, f, 3000));
  g_assert_nonnull (dl_test_find_label_containing (GTK_WIDGET (library), "Trashed: Just now"));

  restore = dl_test_find_by_name (GTK_WIDGET (library), "restore-button");
  g_assert_nonnull (restore);
  gtk_widget_grab_focus (restore);
  dl_test_keyboard_press (restore, GDK_KEY_space, 0);
  wanted_uuid = dl_article_get_uuid (article);
  g_assert_true (dl_test_wait_until (article_shown, f, 3000));
  g_assert_nonnull (dl_store_find_summary (f->store, dl_article_get_uuid (article)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (trash_button)));
  path = dl_test_article_path (f->dir, dl_article_get_uuid (article));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

static gboolean
has_two_articles (gpointer data)
{
  Fixture *f = data;

  return g_list_model_get_n_items (dl_store_get_summaries (f->store)) == 2;
}

/* The row's menu opens from the keyboard and offers Duplicate, Export
 * and Status; Duplicate starts a follow-up story from a copy. */
static void
test_row_menu (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(DlArticle) article = dl_article_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DlPublication) publication = dl_publication_new ("example-site");
  DlArticle *copy;
  GtkWidget *menu;

  dl_article_set_headline (article, "The first story");
  dl_article_set_body (article, "What happened.");
  dl_article_set_slug (article, "first-story");
  dl_article_set_publication (article, publication);
  dl_article_set_status (article, DL_ARTICLE_STATUS_PUBLISHED);
  g_assert_true (dl_store_save_article_sync (f->store, article, NULL, &error));

  dl_test_window_open (f);
  if (!keyboard_ready (f))
    return;
  focus_row (f, dl_article_get_uuid (article));
  dl_test_keyboard_press (focus_of (f), GDK_KEY_F10, GDK_SHIFT_MASK);
  dl_test_keyboard_settle (300);
  menu = dl_test_find_by_type (GTK_WIDGET (dl_window_get_library_view (f->window)), GTK_TYPE_POPOVER_MENU);
  g_assert_nonnull (menu);
  g_assert_true (gtk_widget_get_visible (menu));
  g_assert_nonnull (dl_test_find_label_containing (menu, "D_uplicate"));
  g_assert_nonnull (dl_test_find_label_containing (menu, "_Export"));
  g_assert_nonnull (dl_test_find_label_containing (menu, "_Status"));
  gtk_popover_popdown (GTK_POPOVER (menu));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.duplicate-article", "s", dl_article_get_uuid (article));
  g_assert_true (dl_test_wait_until (has_two_articles, f, 3000));
  copy = dl_window_get_article (f->window);
  g_assert_cmpstr (dl_article_get_uuid (copy), !=, dl_article_get_uuid (article));
  g_assert_cmpstr (dl_article_get_body (copy), ==, "What happened.");
  g_assert_cmpint (dl_article_get_status (copy), ==, DL_ARTICLE_STATUS_DRAFT);
  g_assert_cmpuint (dl_article_get_publications (copy)->len, ==, 0);
  g_assert_cmpstr (dl_article_get_slug (copy), ==, "");

  /* Status from the menu, on an article that is not the open one. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.set-article-status", "(ss)",
                              dl_article_get_uuid (copy), "ready");
  g_assert_cmpint (dl_article_get_status (copy), ==, DL_ARTICLE_STATUS_READY);
}

static gboolean
window_closed (gpointer data)
{
  return ((Fixture *) data)->window == NULL;
}

/* At a laptop size and a small one, with the library and the preview
 * open, the text gets at least 20 and 12 lines. */
static void
test_room_to_write (Fixture       *f,
                    gconstpointer  data)
{
  const struct { int width, height; guint lines; } sizes[] = { { 1366, 768, 20 }, { 900, 700, 12 } };
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(DlArticle) article = NULL;

  for (guint i = 1; i <= 80; i++)
    g_string_append_printf (body, "Line %u of the story.\n", i);
  article = dl_test_window_write_article (f, "Room to write", body->str, 1);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      GdkRectangle visible;
      GtkTextIter iter;
      GtkWidget *view;
      guint lines = 0;
      int y, height;

      /* Closing saves the window's state: before setting the next one. */
      if (f->window != NULL)
        {
          gtk_window_close (GTK_WINDOW (f->window));
          g_assert_true (dl_test_wait_until (window_closed, f, 5000));
        }
      g_settings_set_int (dl_context_get_settings (f->context), "window-width", sizes[s].width);
      g_settings_set_int (dl_context_get_settings (f->context), "window-height", sizes[s].height);
      g_settings_set_boolean (dl_context_get_settings (f->context), "preview-visible", TRUE);
      g_settings_set_boolean (dl_context_get_settings (f->context), "window-maximized", FALSE);
      dl_test_window_open (f);
      open_and_wait (f, dl_article_get_uuid (article));
      dl_test_keyboard_settle (600);
      g_assert_true (f->window->preview_visible);
      g_assert_true (gtk_widget_get_visible (f->window->sidebar));
      /* The window is the size asked for (less its client-side frame):
       * nothing's minimum made it wider. */
      g_test_message ("window %d×%d", gtk_widget_get_width (GTK_WIDGET (f->window)),
                      gtk_widget_get_height (GTK_WIDGET (f->window)));
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, sizes[s].width);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), >=, sizes[s].width - 24);
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->window)), <=, sizes[s].height);

      view = dl_test_find_by_type (GTK_WIDGET (dl_window_get_editor (f->window)), GTK_SOURCE_TYPE_VIEW);
      gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (view), &visible);
      gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (view), &iter, 0, visible.y);
      do
        {
          gtk_text_view_get_line_yrange (GTK_TEXT_VIEW (view), &iter, &y, &height);
          if (y >= visible.y && y + height <= visible.y + visible.height)
            lines++;
        }
      while (gtk_text_iter_forward_line (&iter) && y < visible.y + visible.height);
      g_test_message ("%d×%d: %u lines of text in view", sizes[s].width, sizes[s].height, lines);
      g_assert_cmpuint (lines, >=, sizes[s].lines);
    }
}

/* Adding credits with the keyboard in a small window: each new row is
 * scrolled fully into view, not just its name field. */
static void
test_new_credit_row_in_view (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(DlArticle) article = dl_test_window_write_article (f, "Many credits", "Text.", 1);
  GSettings *settings = dl_context_get_settings (f->context);
  DlArticleEditor *editor;
  GtkWidget *add;
  GtkWidget *scroller;

  g_settings_set_boolean (settings, "window-maximized", FALSE);
  g_settings_set_int (settings, "window-width", 1366);
  g_settings_set_int (settings, "window-height", 700);
  g_settings_set_boolean (settings, "preview-visible", FALSE);
  dl_test_window_open (f);
  if (!keyboard_ready (f))
    return;
  open_and_wait (f, dl_article_get_uuid (article));
  editor = dl_window_get_editor (f->window);
  dl_article_editor_set_details_visible (editor, TRUE);
  add = dl_test_find_label_containing (GTK_WIDGET (editor), "Add Credit");
  add = gtk_widget_get_ancestor (add, GTK_TYPE_BUTTON);
  g_assert_true (dl_test_wait_until ((DlTestCondition) gtk_widget_get_mapped, add, 3000));
  dl_test_keyboard_settle (200);
  scroller = gtk_widget_get_ancestor (add, GTK_TYPE_SCROLLED_WINDOW);

  for (guint i = 0; i < 6; i++)
    {
      GtkWidget *row;
      GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      graphene_rect_t bounds;

      gtk_widget_grab_focus (add);
      dl_test_keyboard_press (add, GDK_KEY_space, 0);
      dl_test_keyboard_settle (300);
      row = gtk_widget_get_ancestor (focus_of (f), GTK_TYPE_LIST_BOX_ROW);
      g_assert_nonnull (row);
      g_assert_true (gtk_widget_compute_bounds (row, content, &bounds));
      g_test_message ("credit %u: rows %.0f–%.0f, view %.0f–%.0f", i, bounds.origin.y,
                      bounds.origin.y + bounds.size.height, gtk_adjustment_get_value (adjustment),
                      gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment));
      g_assert_cmpfloat (bounds.origin.y, >=, gtk_adjustment_get_value (adjustment));
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=,
                         gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment));
    }
  g_assert_cmpuint (g_list_model_get_n_items (dl_article_get_credits (dl_window_get_article (f->window))), ==, 6);
}

static gboolean
sidebar_allocated (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_width (GTK_WIDGET (f->window->sidebar_paned)) > 0
         && f->window->sidebar_position_id == 0;
}

/* A library width saved in a small window comes back as the same share
 * of a large one, not the same pixels. */
static void
test_panes_as_proportions (Fixture       *f,
                           gconstpointer  data)
{
  GSettings *settings = dl_context_get_settings (f->context);
  double fraction;
  int width;

  g_settings_set_boolean (settings, "window-maximized", FALSE);
  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 700);
  dl_test_window_open (f);
  g_assert_true (dl_test_wait_until (sidebar_allocated, f, 3000));
  gtk_paned_set_position (f->window->sidebar_paned, 260);
  dl_test_keyboard_settle (100);
  fraction = (double) gtk_paned_get_position (f->window->sidebar_paned)
             / gtk_widget_get_width (GTK_WIDGET (f->window->sidebar_paned));
  g_test_message ("library: %d of %d px", gtk_paned_get_position (f->window->sidebar_paned),
                  gtk_widget_get_width (GTK_WIDGET (f->window->sidebar_paned)));
  gtk_window_close (GTK_WINDOW (f->window));
  g_assert_true (dl_test_wait_until (window_closed, f, 5000));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "sidebar-fraction"), fraction, 0.005);

  g_settings_set_int (settings, "window-width", 1366);
  g_settings_set_int (settings, "window-height", 768);
  dl_test_window_open (f);
  g_assert_true (dl_test_wait_until (sidebar_allocated, f, 3000));
  width = gtk_widget_get_width (GTK_WIDGET (f->window->sidebar_paned));
  g_test_message ("library: %d of %d px", gtk_paned_get_position (f->window->sidebar_paned), width);
  g_assert_cmpint (ABS (gtk_paned_get_position (f->window->sidebar_paned) - (int) (fraction * width)), <=, 8);
  /* A share, not the same pixels. */
  g_assert_cmpint (gtk_paned_get_position (f->window->sidebar_paned), >, 300);
  g_settings_reset (settings, "sidebar-fraction");
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static void
collect_accelerators (GtkWidget *widget,
                      GString   *out)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      g_string_append_printf (out, "[%s]", accelerator != NULL ? accelerator : "");
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_accelerators (child, out);
}

/* The Shortcuts window lists the keys a journalist looks for, including
 * those it missed (Alt+N, Alt+Up/Down) and the new ones. */
static void
test_shortcuts_window (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/dateline/Dateline/gtk/help-overlay.ui");
  GtkWidget *window = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr(GString) accelerators = g_string_new (NULL);
  const char *wanted[] = { "[<Alt>n]", "[<Alt>Up <Alt>Down]", "[<Control><Shift>r]", "[<Shift>F9]", "[Return]",
                           "[Delete]", "[F9]" };

  g_assert_nonnull (window);
  collect_accelerators (window, accelerators);
  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    dl_test_assert_contains (accelerators->str, wanted[i]);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  gtk_source_init ();
  dl_test_window_init_app ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, dl_test_window_set_up, func, dl_test_window_tear_down)
  ADD ("/workflow-ui/library-keys", test_library_keys);
  ADD ("/workflow-ui/status-keys", test_status_keys);
  ADD ("/workflow-ui/changed-after-publishing", test_changed_after_publishing);
  ADD ("/workflow-ui/embargo-row", test_embargo_row);
  ADD ("/workflow-ui/details-and-placeholder", test_details_and_placeholder);
  ADD ("/workflow-ui/trash-view", test_trash_view);
  ADD ("/workflow-ui/row-menu", test_row_menu);
  ADD ("/workflow-ui/room-to-write", test_room_to_write);
  ADD ("/workflow-ui/panes-as-proportions", test_panes_as_proportions);
  ADD ("/workflow-ui/new-credit-row-in-view", test_new_credit_row_in_view);
#undef ADD
  g_test_add_func ("/workflow-ui/shortcuts-window", test_shortcuts_window);

  return g_test_run ();
}
