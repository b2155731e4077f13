/* test-writing-ui.c: formatting in the body, with real keys
 *
 * Ctrl+B and Ctrl+I on a selection typed and selected with the keyboard:
 * on, off again, each one step for Ctrl+Z, bold and italic independent.
 * The line commands (heading, quote, lists) on a real buffer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "dl-article-editor.h"
#include "dl-body-format.h"
#include "dl-link-popover.h"
#include "dl-test-keyboard.h"
#include "dl-test-util.h"
#include "dl-test-window.h"
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

static char *
body_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

typedef struct
{
  GtkTextBuffer *buffer;
  const char    *expected;
} BodyIs;

static gboolean
body_is (gpointer data)
{
  BodyIs *check = data;
  g_autofree char *text = body_text (check->buffer);

  return g_strcmp0 (text, check->expected) == 0;
}

static void
press_and_expect (GtkWidget     *focus,
                  GtkTextBuffer *buffer,
                  guint          keyval,
                  const char    *expected)
{
  BodyIs check = { buffer, expected };

  dl_test_keyboard_press (focus, keyval, GDK_CONTROL_MASK);
  if (!dl_test_wait_until (body_is, &check, 5000))
    {
      g_autofree char *text = body_text (buffer);

      g_error ("after Ctrl+%s the body is “%s”, not “%s”", gdk_keyval_name (keyval), text, expected);
    }
}

static void
test_bold_italic_keys (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(DlArticle) article = dl_test_window_write_article (f, "Formatting", "Hello world", 1);
  GtkWidget *body;
  GtkTextBuffer *buffer;

  dl_test_window_open (f);
  if (!dl_test_keyboard_available (GTK_WIDGET (f->window)))
    {
      g_test_skip ("No X display with XTest to press keys on");
      return;
    }
  dl_test_keyboard_focus (GTK_WINDOW (f->window));
  wanted_uuid = dl_article_get_uuid (article);
  dl_window_open_article (f->window, wanted_uuid);
  g_assert_true (dl_test_wait_until (article_shown, f, 5000));
  dl_test_keyboard_settle (300);

  dl_article_editor_focus_body (dl_window_get_editor (f->window));
  dl_test_keyboard_settle (50);
  body = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_true (GTK_IS_TEXT_VIEW (body));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (body));

  /* Select "world" with the keyboard: End, then Shift+Ctrl+Left. */
  dl_test_keyboard_press (body, GDK_KEY_End, GDK_CONTROL_MASK);
  dl_test_keyboard_press (body, GDK_KEY_Left, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  dl_test_keyboard_settle (100);
  {
    GtkTextIter start, end;
    g_autofree char *selected = NULL;

    g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
    selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (selected, ==, "world");
  }

  press_and_expect (body, buffer, GDK_KEY_b, "Hello **world**");
  press_and_expect (body, buffer, GDK_KEY_b, "Hello world");
  /* Undo takes the removal back in one step. */
  press_and_expect (body, buffer, GDK_KEY_z, "Hello **world**");
  /* The selection is still "world": italic on top, then bold off. */
  {
    GtkTextIter start, end;

    gtk_text_buffer_get_iter_at_offset (buffer, &start, 8);
    gtk_text_buffer_get_iter_at_offset (buffer, &end, 13);
    gtk_text_buffer_select_range (buffer, &start, &end);
  }
  press_and_expect (body, buffer, GDK_KEY_i, "Hello ***world***");
  press_and_expect (body, buffer, GDK_KEY_b, "Hello *world*");
  press_and_expect (body, buffer, GDK_KEY_i, "Hello world");
  /* The article follows the body. */
  g_assert_cmpstr (dl_article_get_body (dl_window_get_article (f->window)), ==, "Hello world");
}

static gboolean
address_focused (gpointer data)
{
  GtkWindow *window = data;
  GtkWidget *focus = gtk_window_get_focus (window);

  return focus != NULL && gtk_widget_get_ancestor (focus, DL_TYPE_LINK_POPOVER) != NULL;
}

/* Ctrl+K asks for the address under the selection; Return writes the
 * link; Ctrl+K in the link takes it off again; each one Ctrl+Z. */
static void
test_link_keys (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(DlArticle) article = dl_test_window_write_article (f, "Linking", "Read the news today", 1);
  GtkWidget *body;
  GtkTextBuffer *buffer;
  GtkWidget *popover;

  dl_test_window_open (f);
  if (!dl_test_keyboard_available (GTK_WIDGET (f->window)))
    {
      g_test_skip ("No X display with XTest to press keys on");
      return;
    }
  dl_test_keyboard_focus (GTK_WINDOW (f->window));
  wanted_uuid = dl_article_get_uuid (article);
  dl_window_open_article (f->window, wanted_uuid);
  g_assert_true (dl_test_wait_until (article_shown, f, 5000));
  dl_test_keyboard_settle (300);
  dl_article_editor_focus_body (dl_window_get_editor (f->window));
  dl_test_keyboard_settle (50);
  body = gtk_window_get_focus (GTK_WINDOW (f->window));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (body));

  /* "news", selected with the keyboard. */
  dl_test_keyboard_press (body, GDK_KEY_End, GDK_CONTROL_MASK);
  dl_test_keyboard_press (body, GDK_KEY_Left, GDK_CONTROL_MASK);
  dl_test_keyboard_press (body, GDK_KEY_Left, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  dl_test_keyboard_settle (100);

  dl_test_keyboard_press (body, GDK_KEY_k, GDK_CONTROL_MASK);
  g_assert_true (dl_test_wait_until (address_focused, f->window, 5000));
  popover = gtk_widget_get_ancestor (gtk_window_get_focus (GTK_WINDOW (f->window)), DL_TYPE_LINK_POPOVER);
  /* Not an address: refused in place. */
  dl_test_keyboard_type (gtk_window_get_focus (GTK_WINDOW (f->window)), "not an address");
  dl_test_keyboard_press (gtk_window_get_focus (GTK_WINDOW (f->window)), GDK_KEY_Return, 0);
  dl_test_keyboard_settle (200);
  g_assert_true (gtk_widget_get_visible (popover));
  dl_test_keyboard_press (gtk_window_get_focus (GTK_WINDOW (f->window)), GDK_KEY_a, GDK_CONTROL_MASK);
  dl_test_keyboard_type (gtk_window_get_focus (GTK_WINDOW (f->window)), "belta.by/news");
  {
    BodyIs check = { buffer, "Read the [news](https://belta.by/news) today" };

    dl_test_keyboard_press (gtk_window_get_focus (GTK_WINDOW (f->window)), GDK_KEY_Return, 0);
    if (!dl_test_wait_until (body_is, &check, 5000))
      {
        g_autofree char *text = body_text (buffer);
        GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (f->window));

        g_error ("the body is “%s”; focus %s “%s”", text, G_OBJECT_TYPE_NAME (focus),
                 GTK_IS_EDITABLE (focus) ? gtk_editable_get_text (GTK_EDITABLE (focus)) : "");
      }
  }
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_true (gtk_widget_has_focus (body));

  /* In the link, Ctrl+K takes it off; Ctrl+Z puts it back. */
  press_and_expect (body, buffer, GDK_KEY_k, "Read the news today");
  press_and_expect (body, buffer, GDK_KEY_z, "Read the [news](https://belta.by/news) today");
}

static void
test_link_addresses (void)
{
  const struct { const char *typed; const char *address; } cases[] = {
    { "belta.by", "https://belta.by" },
    { "  https://example.org/a?b=c  ", "https://example.org/a?b=c" },
    { "http://example.org", "http://example.org" },
    { "mailto:news@example.org", "mailto:news@example.org" },
    { "file:///etc/passwd", NULL },
    { "javascript:alert(1)", NULL },
    { "two words", NULL },
    { "localhost", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *address = dl_link_popover_normalize (cases[i].typed);

      g_assert_cmpstr (address, ==, cases[i].address);
    }
}

static void
check_lines (const char   *before,
             int           from_line,
             int           to_line,
             DlLineFormat  format,
             const char   *after)
{
  g_autoptr(GtkTextBuffer) buffer = gtk_text_buffer_new (NULL);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_set_enable_undo (buffer, TRUE);
  gtk_text_buffer_set_text (buffer, before, -1);
  gtk_text_buffer_get_iter_at_line (buffer, &start, from_line);
  gtk_text_buffer_get_iter_at_line (buffer, &end, to_line);
  gtk_text_iter_forward_to_line_end (&end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  dl_body_format_toggle_lines (buffer, format);
  text = body_text (buffer);
  g_assert_cmpstr (text, ==, after);
  /* One step back. */
  gtk_text_buffer_undo (buffer);
  g_free (text);
  text = body_text (buffer);
  g_assert_cmpstr (text, ==, before);
}

static void
test_line_formats (void)
{
  check_lines ("one\ntwo\nthree", 0, 2, DL_LINE_BULLET, "- one\n- two\n- three");
  check_lines ("- one\n- two\nthree", 0, 1, DL_LINE_BULLET, "one\ntwo\nthree");
  check_lines ("one\n\ntwo", 0, 2, DL_LINE_NUMBER, "1. one\n\n2. two");
  check_lines ("- one\ntwo", 0, 1, DL_LINE_NUMBER, "1. one\n2. two");
  check_lines ("Title\ntext", 0, 0, DL_LINE_HEADING, "## Title\ntext");
  check_lines ("### Title", 0, 0, DL_LINE_HEADING, "Title");
  check_lines ("said this\nand that", 0, 1, DL_LINE_QUOTE, "> said this\n> and that");
}

static void
test_inline_without_selection (void)
{
  g_autoptr(GtkTextBuffer) spaced = gtk_text_buffer_new (NULL);
  GtkTextIter s0, s1;

  g_autoptr(GtkTextBuffer) buffer = gtk_text_buffer_new (NULL);
  GtkTextIter at;
  g_autofree char *text = NULL;

  /* In a word: the word. */
  gtk_text_buffer_set_text (buffer, "a headline word", -1);
  gtk_text_buffer_get_iter_at_offset (buffer, &at, 4);
  gtk_text_buffer_place_cursor (buffer, &at);
  dl_body_format_toggle_inline (buffer, DL_INLINE_BOLD);
  text = body_text (buffer);
  g_assert_cmpstr (text, ==, "a **headline** word");
  g_clear_pointer (&text, g_free);

  /* Between words: a pair to type into. */
  gtk_text_buffer_set_text (buffer, "a  b", -1);
  gtk_text_buffer_get_iter_at_offset (buffer, &at, 2);
  gtk_text_buffer_place_cursor (buffer, &at);
  dl_body_format_toggle_inline (buffer, DL_INLINE_ITALIC);
  gtk_text_buffer_insert_at_cursor (buffer, "x", -1);
  text = body_text (buffer);
  g_assert_cmpstr (text, ==, "a *x* b");
  g_clear_pointer (&text, g_free);

  /* A selection's spaces stay outside the markers. */
  gtk_text_buffer_set_text (spaced, "read news today", -1);
  gtk_text_buffer_get_iter_at_offset (spaced, &s0, 4);
  gtk_text_buffer_get_iter_at_offset (spaced, &s1, 10);
  gtk_text_buffer_select_range (spaced, &s0, &s1);
  dl_body_format_toggle_inline (spaced, DL_INLINE_BOLD);
  text = body_text (spaced);
  g_assert_cmpstr (text, ==, "read **news** today");
}

static GtkWidget *
find_button_with_tooltip (GtkWidget  *widget,
                          const char *tooltip)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_tooltip (child, tooltip);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
click_and_expect (Fixture       *f,
                  const char    *tooltip,
                  GtkTextBuffer *buffer,
                  const char    *expected)
{
  GtkWidget *button = find_button_with_tooltip (GTK_WIDGET (f->window), tooltip);
  BodyIs check = { buffer, expected };

  g_assert_nonnull (button);
  dl_test_pointer_click (button);
  if (!dl_test_wait_until (body_is, &check, 5000))
    {
      g_autofree char *text = body_text (buffer);

      g_error ("after a click on “%s” the body is “%s”, not “%s”", tooltip, text, expected);
    }
}

/* The formatting bar, clicked with the pointer: the body keeps the focus
 * and the selection, each button toggles, Ctrl+Z undoes one click. */
static void
test_format_bar_clicks (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(DlArticle) article = dl_test_window_write_article (f, "Bar", "Hello world\n\nSecond line", 1);
  GtkWidget *body;
  GtkTextBuffer *buffer;

  dl_test_window_open (f);
  if (!dl_test_keyboard_available (GTK_WIDGET (f->window)))
    {
      g_test_skip ("No X display with XTest to press keys on");
      return;
    }
  dl_test_keyboard_focus (GTK_WINDOW (f->window));
  dl_test_window_show_article (f, article);
  dl_test_keyboard_settle (300);
  dl_article_editor_focus_body (dl_window_get_editor (f->window));
  dl_test_keyboard_settle (50);
  body = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_true (GTK_IS_TEXT_VIEW (body));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (body));

  /* "world" selected with the keyboard, then the mouse on the bar. */
  dl_test_keyboard_press (body, GDK_KEY_End, 0);
  dl_test_keyboard_press (body, GDK_KEY_Left, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  dl_test_keyboard_settle (100);
  click_and_expect (f, "Bold (Ctrl+B)", buffer, "Hello **world**\n\nSecond line");
  g_assert_true (gtk_widget_has_focus (body));
  click_and_expect (f, "Italic (Ctrl+I)", buffer, "Hello ***world***\n\nSecond line");
  click_and_expect (f, "Bold (Ctrl+B)", buffer, "Hello *world*\n\nSecond line");
  click_and_expect (f, "Subheading", buffer, "## Hello *world*\n\nSecond line");
  click_and_expect (f, "Subheading", buffer, "Hello *world*\n\nSecond line");
  click_and_expect (f, "Quote", buffer, "> Hello *world*\n\nSecond line");
  click_and_expect (f, "Quote", buffer, "Hello *world*\n\nSecond line");

  /* Both paragraphs selected: a list of two, numbered, then one undo. */
  dl_test_keyboard_press (body, GDK_KEY_a, GDK_CONTROL_MASK);
  dl_test_keyboard_settle (100);
  click_and_expect (f, "Bulleted List", buffer, "- Hello *world*\n\n- Second line");
  click_and_expect (f, "Numbered List", buffer, "1. Hello *world*\n\n2. Second line");
  g_assert_true (gtk_widget_has_focus (body));
  press_and_expect (body, buffer, GDK_KEY_z, "- Hello *world*\n\n- Second line");
}

typedef struct
{
  GtkTextBuffer *buffer;
  const char    *expected;
} BodyEnds;

static gboolean
body_ends_with (gpointer data)
{
  BodyEnds *check = data;
  g_autofree char *text = body_text (check->buffer);

  return g_str_has_suffix (text, check->expected);
}

static void
type_and_expect (GtkWidget     *body,
                 GtkTextBuffer *buffer,
                 const char    *typed,
                 const char    *expected_end)
{
  BodyEnds check = { buffer, expected_end };

  dl_test_keyboard_type (body, typed);
  if (!dl_test_wait_until (body_ends_with, &check, 5000))
    {
      g_autofree char *text = body_text (buffer);

      g_error ("after typing “%s” the body is “%s”, which does not end in “%s”", typed, text, expected_end);
    }
}

/* Quotes, dashes and no-break spaces as the user types, in the
 * article's language; Ctrl+Z takes a substitution back; never in code;
 * off in the preferences means off. */
static void
test_typography_keys (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(DlArticle) article = dl_test_window_write_article (f, "Typography", "", 1);
  GSettings *settings = dl_context_get_settings (f->context);
  GtkWidget *body;
  GtkTextBuffer *buffer;
  g_autofree char *text = NULL;

  dl_test_window_open (f);
  if (!dl_test_keyboard_available (GTK_WIDGET (f->window)))
    {
      g_test_skip ("No X display with XTest to press keys on");
      return;
    }
  dl_test_keyboard_focus (GTK_WINDOW (f->window));
  dl_test_window_show_article (f, article);
  dl_test_keyboard_settle (300);
  dl_article_editor_focus_body (dl_window_get_editor (f->window));
  dl_test_keyboard_settle (50);
  body = gtk_window_get_focus (GTK_WINDOW (f->window));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (body));

  /* English. */
  type_and_expect (body, buffer, "He said \"no\"", "He said \u201cno\u201d");
  /* Ctrl+Z takes the substitution back: the quote typed straight. */
  press_and_expect (body, buffer, GDK_KEY_z, "He said \u201cno\"");
  /* The cursor is after it: typing goes on there. */
  type_and_expect (body, buffer, " - it's", "He said \u201cno\"\u00a0\u2013 it\u2019s");
  /* Not inside code. */
  type_and_expect (body, buffer, " `a \"b\" - c`", "`a \"b\" - c`");
  type_and_expect (body, buffer, "\n```\n\"x\" - y", "```\n\"x\" - y");
  type_and_expect (body, buffer, "\n```\n\"z\"", "```\n\u201cz\u201d");

  /* Russian: the language of the article, not of the UI. */
  dl_article_set_language (dl_window_get_article (f->window), "ru");
  gtk_text_buffer_set_text (buffer, "", -1);
  dl_test_keyboard_settle (50);
  type_and_expect (body, buffer, "\u041e\u043d \u0441\u043a\u0430\u0437\u0430\u043b \"\u0434\u0430\" - \u0432 5 \u043a\u043c ",
                   "\u041e\u043d \u0441\u043a\u0430\u0437\u0430\u043b \u00ab\u0434\u0430\u00bb\u00a0\u2014 \u0432\u00a05\u00a0\u043a\u043c ");

  /* Off in the preferences: what is typed stays. */
  g_settings_set_boolean (settings, "typography-quotes", FALSE);
  g_settings_set_boolean (settings, "typography-dashes", FALSE);
  g_settings_set_boolean (settings, "typography-nbsp", FALSE);
  type_and_expect (body, buffer, "\"a\" - b", "\u043a\u043c \"a\" - b");
}

static gboolean
entry_has_error (gpointer data)
{
  return gtk_widget_has_css_class (data, "error");
}

static gboolean
in_focus_mode (gpointer data)
{
  gboolean focus_mode;

  g_object_get (data, "focus-mode", &focus_mode, NULL);
  return focus_mode;
}

static gboolean
not_in_focus_mode (gpointer data)
{
  return !in_focus_mode (data);
}

static gboolean
label_has (gpointer data)
{
  gpointer *check = data;

  return dl_test_find_label_containing (check[0], check[1]) != NULL;
}

/* F11: the text alone (full screen, with a window manager); again: everything back as it was,
 * and the preferences untouched. The target length typed in the story
 * details shows in the footer with its progress. */
static void
test_focus_mode_and_target (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(DlArticle) article = dl_test_window_write_article (f, "Focus", "One two three four five.", 1);
  GSettings *settings = dl_context_get_settings (f->context);
  DlArticleEditor *editor;
  GtkWidget *body, *spin;
  gboolean sidebar, preview, details;

  g_settings_set_boolean (settings, "preview-visible", TRUE);
  dl_test_window_open (f);
  if (!dl_test_keyboard_available (GTK_WIDGET (f->window)))
    {
      g_test_skip ("No X display with XTest to press keys on");
      return;
    }
  dl_test_keyboard_focus (GTK_WINDOW (f->window));
  dl_test_window_show_article (f, article);
  editor = dl_window_get_editor (f->window);
  dl_test_keyboard_settle (300);
  dl_article_editor_set_details_visible (editor, TRUE);
  dl_test_keyboard_settle (300);
  g_object_get (f->window, "sidebar-visible", &sidebar, "preview-visible", &preview, NULL);
  details = dl_article_editor_get_details_visible (editor);
  if (!(sidebar && preview && details))
    g_error ("sidebar %d preview %d details %d", sidebar, preview, details);

  /* The target: typed into its field in the details. */
  spin = dl_test_find_label_containing (GTK_WIDGET (editor), "Target Length");
  spin = dl_test_find_by_type (gtk_widget_get_ancestor (spin, ADW_TYPE_ACTION_ROW), GTK_TYPE_ENTRY);
  g_assert_nonnull (spin);
  gtk_widget_grab_focus (spin);
  dl_test_keyboard_settle (100);
  dl_test_keyboard_press (spin, GDK_KEY_a, GDK_CONTROL_MASK);
  dl_test_keyboard_type (spin, "4");
  {
    gpointer check[2] = { editor, (gpointer) "5 words, 1 over the target" };

    g_assert_true (dl_test_wait_until (label_has, check, 5000));
  }
  g_assert_cmpuint (dl_article_get_target_words (dl_window_get_article (f->window)), ==, 4);
  gtk_widget_grab_focus (spin);
  dl_test_keyboard_press (spin, GDK_KEY_a, GDK_CONTROL_MASK);
  dl_test_keyboard_type (spin, "450x");
  /* "450x" is not a number of words: marked, the target still 450. */
  g_assert_true (dl_test_wait_until (entry_has_error, spin, 5000));
  g_assert_cmpuint (dl_article_get_target_words (dl_window_get_article (f->window)), ==, 450);
  dl_test_keyboard_press (spin, GDK_KEY_BackSpace, 0);
  {
    gpointer check[2] = { editor, (gpointer) "5 of 450 words" };

    g_assert_true (dl_test_wait_until (label_has, check, 5000));
  }

  /* F11 from the text. */
  dl_article_editor_focus_body (editor);
  dl_test_keyboard_settle (50);
  body = gtk_window_get_focus (GTK_WINDOW (f->window));
  /* (Full screen is the window manager's to grant: there is none here.) */
  dl_test_keyboard_press (body, GDK_KEY_F11, 0);
  g_assert_true (dl_test_wait_until (in_focus_mode, f->window, 5000));
  g_object_get (f->window, "sidebar-visible", &sidebar, "preview-visible", &preview, NULL);
  g_assert_false (sidebar);
  g_assert_false (preview);
  g_assert_false (dl_article_editor_get_details_visible (editor));
  g_assert_true (gtk_widget_has_focus (body));
  /* Not remembered as a choice. */
  g_assert_true (g_settings_get_boolean (settings, "preview-visible"));

  dl_test_keyboard_press (body, GDK_KEY_F11, 0);
  g_assert_true (dl_test_wait_until (not_in_focus_mode, f->window, 5000));
  g_object_get (f->window, "sidebar-visible", &sidebar, "preview-visible", &preview, NULL);
  g_assert_true (sidebar);
  g_assert_true (preview);
  g_assert_true (dl_article_editor_get_details_visible (editor));
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

  g_test_add ("/writing-ui/bold-italic-keys", Fixture, NULL, dl_test_window_set_up, test_bold_italic_keys,
              dl_test_window_tear_down);
  g_test_add ("/writing-ui/link-keys", Fixture, NULL, dl_test_window_set_up, test_link_keys,
              dl_test_window_tear_down);
  g_test_add ("/writing-ui/format-bar-clicks", Fixture, NULL, dl_test_window_set_up, test_format_bar_clicks,
              dl_test_window_tear_down);
  g_test_add ("/writing-ui/typography-keys", Fixture, NULL, dl_test_window_set_up, test_typography_keys,
              dl_test_window_tear_down);
  g_test_add ("/writing-ui/focus-mode-and-target", Fixture, NULL, dl_test_window_set_up, test_focus_mode_and_target,
              dl_test_window_tear_down);
  g_test_add_func ("/writing-ui/link-addresses", test_link_addresses);
  g_test_add_func ("/writing-ui/line-formats", test_line_formats);
  g_test_add_func ("/writing-ui/inline-without-selection", test_inline_without_selection);
  return g_test_run ();
}
