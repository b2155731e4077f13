/* test-find-ui.c: find and replace in the story, with real keys
 *
 * Ctrl+F from the text opens the bar with the focus in it; what is typed
 * is searched in the headline, the standfirst and the body, counted
 * ("3 of 7"), stepped through with Return and Shift+Return; the options
 * narrow it; Ctrl+H, a replacement and Return replace one match, Ctrl+Alt+Return
 * all of them, and one Ctrl+Z in the body takes all of the body's back.
 * Escape closes the bar and returns to the text. Ctrl+F in the library
 * and Ctrl+Shift+F anywhere still search the library.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "dl-article-editor.h"
#include "dl-find-bar.h"
#include "dl-library-view.h"
#include "dl-test-keyboard.h"
#include "dl-test-util.h"
#include "dl-test-window.h"
#include "dl-window-private.h"

typedef DlTestWindow Fixture;

typedef struct
{
  GtkLabel   *label;
  const char *expected;
} LabelIs;

static gboolean
label_is (gpointer data)
{
  LabelIs *check = data;

  return g_strcmp0 (gtk_label_get_label (check->label), check->expected) == 0;
}

static void
expect_count (GtkLabel   *label,
              const char *expected)
{
  LabelIs check = { label, expected };

  if (!dl_test_wait_until (label_is, &check, 5000))
    {
      GtkWidget *entry = gtk_widget_get_prev_sibling (GTK_WIDGET (label));
      GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (entry));

      GString *chain = g_string_new ("");

      for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
        g_string_append_printf (chain, "%s < ", G_OBJECT_TYPE_NAME (w));
      g_error ("the find bar says “%s”, not “%s” (searching for “%s”, focus in %s)",
               gtk_label_get_label (label), expected, gtk_editable_get_text (GTK_EDITABLE (entry)),
               chain->str);
    }
}

/* The count label: the one beside the search entry. */
static GtkLabel *
count_label_of (DlFindBar *bar)
{
  GtkWidget *entry = dl_test_find_by_type (GTK_WIDGET (bar), GTK_TYPE_SEARCH_ENTRY);

  return GTK_LABEL (gtk_widget_get_next_sibling (entry));
}

static gboolean
focus_in_type (gpointer data)
{
  gpointer *check = data;
  GtkWidget *focus = gtk_window_get_focus (check[0]);

  for (; focus != NULL; focus = gtk_widget_get_parent (focus))
    if (G_TYPE_CHECK_INSTANCE_TYPE (focus, GPOINTER_TO_SIZE (check[1])))
      return TRUE;
  return FALSE;
}

static void
wait_for_focus_in (Fixture *f,
                   GType    type)
{
  gpointer check[2] = { f->window, GSIZE_TO_POINTER (type) };

  if (!dl_test_wait_until (focus_in_type, check, 5000))
    g_error ("the focus (%s) is not in a %s",
             G_OBJECT_TYPE_NAME (gtk_window_get_focus (GTK_WINDOW (f->window))), g_type_name (type));
}

static gboolean
revealed (gpointer data)
{
  GtkWidget *revealer = gtk_widget_get_ancestor (data, GTK_TYPE_REVEALER);

  /* Shown and taking room: a revealer without a transition keeps its
   * size unless it is hidden as well. */
  return gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)) && gtk_widget_is_visible (data)
         && gtk_widget_get_height (revealer) > 0;
}

static gboolean
hidden (gpointer data)
{
  GtkWidget *revealer = gtk_widget_get_ancestor (data, GTK_TYPE_REVEALER);

  return !gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)) && !gtk_widget_is_visible (revealer);
}

static DlArticle *
write_story (Fixture *f)
{
  g_autoptr(DlArticle) article =
    dl_test_window_write_article (f, "China and Belarus sign a deal",
                                  "China said so. Then china agreed.\n\n"
                                  "Chinatown is not China.\n\nMore about China here.", 1);
  g_autoptr(GError) error = NULL;

  dl_article_set_standfirst (article, "Talks with China went well.");
  g_assert_true (dl_store_save_article_sync (f->store, article, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&article);
}

static void
test_find_and_replace_keys (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(DlArticle) article = write_story (f);
  DlArticleEditor *editor;
  DlFindBar *bar;
  GtkLabel *count;
  GtkWidget *body, *focus;
  GtkTextBuffer *buffer;
  g_autofree char *text = NULL;
  g_autofree char *before_all = NULL;

  dl_test_window_open (f);
  if (!dl_test_keyboard_available (GTK_WIDGET (f->window)))
    {
      g_test_skip ("No X display with XTest to press keys on");
      return;
    }
  dl_test_keyboard_focus (GTK_WINDOW (f->window));
  dl_test_window_show_article (f, article);
  dl_test_keyboard_settle (300);
  editor = dl_window_get_editor (f->window);
  bar = DL_FIND_BAR (dl_test_find_by_type (GTK_WIDGET (editor), DL_TYPE_FIND_BAR));
  count = count_label_of (bar);
  g_assert_true (hidden (bar));

  dl_article_editor_focus_body (editor);
  dl_test_keyboard_settle (50);
  body = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_true (GTK_SOURCE_IS_VIEW (body));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (body));

  /* Ctrl+F in the text: the bar, with the focus in its entry. */
  dl_test_keyboard_press (body, GDK_KEY_f, GDK_CONTROL_MASK);
  g_assert_true (dl_test_wait_until (revealed, bar, 5000));
  wait_for_focus_in (f, GTK_TYPE_SEARCH_ENTRY);

  /* Headline 1, standfirst 1, body 4 (Chinatown included): from the
   * cursor at the start of the body, the first body match is the 3rd. */
  focus = gtk_window_get_focus (GTK_WINDOW (f->window));
  dl_test_keyboard_type (focus, "china");
  expect_count (count, "3 of 7");
  g_assert_cmpuint (dl_find_bar_get_count (bar), ==, 7);

  dl_test_keyboard_press (focus, GDK_KEY_Return, 0);
  expect_count (count, "4 of 7");
  {
    GtkTextIter start, end;
    g_autofree char *selected = NULL;

    g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
    selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    if (g_strcmp0 (selected, "china") != 0)
      g_error ("selected %d-%d “%s” in “%s”", gtk_text_iter_get_offset (&start), gtk_text_iter_get_offset (&end),
               selected, dl_test_buffer_text (buffer));
  }
  dl_test_keyboard_press (focus, GDK_KEY_Return, GDK_SHIFT_MASK);
  expect_count (count, "3 of 7");
  /* Past the last body match, around to the headline. */
  for (int i = 0; i < 5; i++)
    dl_test_keyboard_press (focus, GDK_KEY_Return, 0);
  expect_count (count, "1 of 7");

  /* Whole words leave Chinatown out; with case, only "china" is left,
   * and the bar goes to it; without case again it stays there. */
  gtk_widget_activate_action (GTK_WIDGET (bar), "find.whole-words", NULL);
  expect_count (count, "1 of 6");
  gtk_widget_activate_action (GTK_WIDGET (bar), "find.case-sensitive", NULL);
  expect_count (count, "1 of 1");
  gtk_widget_activate_action (GTK_WIDGET (bar), "find.case-sensitive", NULL);
  expect_count (count, "4 of 6");

  /* Ctrl+H: the replacement, then Return replaces the match shown and
   * moves on to the next whole word. */
  dl_test_keyboard_press (focus, GDK_KEY_h, GDK_CONTROL_MASK);
  wait_for_focus_in (f, GTK_TYPE_ENTRY);
  focus = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_false (GTK_IS_SEARCH_ENTRY (gtk_widget_get_parent (focus)));
  dl_test_keyboard_type (focus, "the PRC");
  dl_test_keyboard_press (focus, GDK_KEY_Return, 0);
  expect_count (count, "4 of 5");
  text = dl_test_buffer_text (buffer);
  if (!g_str_has_prefix (text, "China said so. Then the PRC agreed."))
    g_error ("body: %s", text);
  g_clear_pointer (&text, g_free);

  /* Ctrl+Alt+Return: all the rest, the body in one undo step. */
  before_all = dl_test_buffer_text (buffer);
  dl_test_keyboard_press (focus, GDK_KEY_Return, GDK_CONTROL_MASK | GDK_ALT_MASK);
  expect_count (count, "5 replaced");
  g_assert_cmpstr (dl_article_get_headline (dl_window_get_article (f->window)), ==,
                   "the PRC and Belarus sign a deal");
  text = dl_test_buffer_text (buffer);
  g_assert_cmpstr (text, ==, "the PRC said so. Then the PRC agreed.\n\n"
                             "Chinatown is not the PRC.\n\nMore about the PRC here.");
  g_clear_pointer (&text, g_free);
  g_assert_cmpstr (dl_article_get_standfirst (dl_window_get_article (f->window)), ==,
                   "Talks with the PRC went well.");

  /* Escape: the bar goes, the focus is back in the text. */
  dl_test_keyboard_press (focus, GDK_KEY_Escape, 0);
  g_assert_true (dl_test_wait_until (hidden, bar, 5000));
  wait_for_focus_in (f, GTK_SOURCE_TYPE_VIEW);
  dl_test_keyboard_press (body, GDK_KEY_z, GDK_CONTROL_MASK);
  dl_test_keyboard_settle (200);
  text = dl_test_buffer_text (buffer);
  g_assert_cmpstr (text, ==, before_all);
}

static void
test_library_search_keeps_its_keys (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(DlArticle) article = write_story (f);
  DlArticleEditor *editor;
  DlFindBar *bar;
  GtkWidget *body;

  dl_test_window_open (f);
  if (!dl_test_keyboard_available (GTK_WIDGET (f->window)))
    {
      g_test_skip ("No X display with XTest to press keys on");
      return;
    }
  dl_test_keyboard_focus (GTK_WINDOW (f->window));
  dl_test_window_show_article (f, article);
  dl_test_keyboard_settle (300);
  editor = dl_window_get_editor (f->window);
  bar = DL_FIND_BAR (dl_test_find_by_type (GTK_WIDGET (editor), DL_TYPE_FIND_BAR));

  /* Ctrl+Shift+F from the text: the library's search, not the bar. */
  dl_article_editor_focus_body (editor);
  dl_test_keyboard_settle (50);
  body = gtk_window_get_focus (GTK_WINDOW (f->window));
  dl_test_keyboard_press (body, GDK_KEY_F, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  wait_for_focus_in (f, DL_TYPE_LIBRARY_VIEW);
  g_assert_true (GTK_IS_TEXT (gtk_window_get_focus (GTK_WINDOW (f->window))));
  g_assert_true (hidden (bar));

  /* Ctrl+F while in the library: still the library's search. */
  dl_test_keyboard_press (gtk_window_get_focus (GTK_WINDOW (f->window)), GDK_KEY_Down, 0);
  dl_test_keyboard_settle (100);
  dl_test_keyboard_press (gtk_window_get_focus (GTK_WINDOW (f->window)), GDK_KEY_f, GDK_CONTROL_MASK);
  wait_for_focus_in (f, GTK_TYPE_SEARCH_ENTRY);
  wait_for_focus_in (f, DL_TYPE_LIBRARY_VIEW);
  g_assert_true (hidden (bar));
}

/* Typing in the library's list goes to its search (type-to-search), and
 * stays there while the typed query filters the focused row away: every
 * letter in the search, the focus in it, none lost to another control. */
static void
test_type_to_search_from_the_list (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(DlArticle) article = write_story (f);
  GtkWidget *focus;
  GtkWidget *entry;

  dl_test_window_open (f);
  if (!dl_test_keyboard_available (GTK_WIDGET (f->window)))
    {
      g_test_skip ("No X display with XTest to press keys on");
      return;
    }
  dl_test_keyboard_focus (GTK_WINDOW (f->window));
  dl_test_window_show_article (f, article);
  dl_test_keyboard_settle (300);

  /* Into the list: Ctrl+Shift+F to the search, Down to the rows. */
  dl_article_editor_focus_body (dl_window_get_editor (f->window));
  dl_test_keyboard_settle (50);
  dl_test_keyboard_press (gtk_window_get_focus (GTK_WINDOW (f->window)), GDK_KEY_F,
                          GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  wait_for_focus_in (f, GTK_TYPE_SEARCH_ENTRY);
  dl_test_keyboard_press (gtk_window_get_focus (GTK_WINDOW (f->window)), GDK_KEY_Down, 0);
  dl_test_keyboard_settle (200);
  focus = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_null (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY));

  /* A query no story matches: the focused row goes away at once. */
  dl_test_keyboard_type (GTK_WIDGET (f->window), "Xylophone");
  dl_test_keyboard_settle (300);
  focus = gtk_window_get_focus (GTK_WINDOW (f->window));
  entry = gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Xylophone");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  dl_test_window_init_app ();

  g_test_add ("/find-ui/find-and-replace-keys", Fixture, NULL, dl_test_window_set_up,
              test_find_and_replace_keys, dl_test_window_tear_down);
  g_test_add ("/find-ui/type-to-search-from-the-list", Fixture, NULL, dl_test_window_set_up,
              test_type_to_search_from_the_list, dl_test_window_tear_down);
  g_test_add ("/find-ui/library-search-keeps-its-keys", Fixture, NULL, dl_test_window_set_up,
              test_library_search_keeps_its_keys, dl_test_window_tear_down);
  return g_test_run ();
}
