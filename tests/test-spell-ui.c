/* test-spell-ui.c: spelling in a real window, with Debian's dictionaries
 *
 * English and Russian text is underlined where it is misspelt and nowhere
 * else: not in Markdown syntax, addresses or code. A word typed wrong is
 * underlined as typing goes on. The context menu, opened with the
 * keyboard (Shift+F10) or a right click, offers the correction, and a
 * click on it corrects; Add to Dictionary is kept in the personal dictionary. A
 * language with no dictionary says so; the article's switch turns it off.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>

#include "dl-article-editor.h"
#include "dl-test-keyboard.h"
#include "dl-test-util.h"
#include "dl-test-window.h"
#include "dl-window-private.h"

typedef DlTestWindow Fixture;

/* The misspelt words, as "a|b|c", in order. */
static char *
underlined (GtkTextBuffer *buffer)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "dl-misspelt");
  GString *out = g_string_new ("");
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (gtk_text_iter_starts_tag (&iter, tag) || gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    {
      GtkTextIter end = iter;
      g_autofree char *word = NULL;

      if (!gtk_text_iter_starts_tag (&iter, tag))
        break;
      gtk_text_iter_forward_to_tag_toggle (&end, tag);
      word = gtk_text_iter_get_slice (&iter, &end);
      g_string_append_printf (out, "%s%s", out->len > 0 ? "|" : "", word);
      iter = end;
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  GtkTextBuffer *buffer;
  const char    *expected;
} Underlined;

static gboolean
underlined_is (gpointer data)
{
  Underlined *check = data;
  g_autofree char *words = underlined (check->buffer);

  return g_strcmp0 (words, check->expected) == 0;
}

static void
expect_underlined (GtkTextBuffer *buffer,
                   const char    *expected)
{
  Underlined check = { buffer, expected };

  if (!dl_test_wait_until (underlined_is, &check, 10000))
    {
      g_autofree char *words = underlined (buffer);
      g_autofree char *text = dl_test_buffer_text (buffer);

      g_error ("underlined “%s”, not “%s”, in “%s”", words, expected, text);
    }
}

static GtkWidget *
find_menu_item (GtkWidget  *widget,
                const char *label)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), label) == 0
      && gtk_widget_is_visible (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_item (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkWidget  *view;
  const char *label;
  GtkWidget  *found;
} MenuItem;

static gboolean
menu_item_shown (gpointer data)
{
  MenuItem *item = data;

  item->found = find_menu_item (item->view, item->label);
  return item->found != NULL && gtk_widget_get_mapped (item->found);
}

static void
choose_item (MenuItem *item)
{
  if (!dl_test_wait_until (menu_item_shown, item, 5000))
    g_error ("no “%s” in the context menu", item->label);
  dl_test_keyboard_settle (200);
  dl_test_pointer_click (item->found);
}

/* Shift+F10 on the cursor's word, then a click on @label in the menu. */
static void
choose_from_menu (GtkWidget  *view,
                  const char *label)
{
  MenuItem item = { view, label, NULL };

  dl_test_keyboard_press (view, GDK_KEY_F10, GDK_SHIFT_MASK);
  choose_item (&item);
}

/* A right click on @word, then a click on @label in the menu. */
static void
choose_from_menu_of (GtkWidget  *view,
                     const char *word,
                     const char *label)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_autofree char *text = dl_test_buffer_text (buffer);
  const char *at = strstr (text, word);
  MenuItem item = { view, label, NULL };
  GtkTextIter iter;
  GdkRectangle where;
  int x, y;

  g_assert_nonnull (at);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, g_utf8_pointer_to_offset (text, at) + 1);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &iter, &where);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET,
                                         where.x + where.width / 2, where.y + where.height / 2, &x, &y);
  dl_test_pointer_click_at (view, x, y, 3);
  choose_item (&item);
}

/* The underlined words of a one-line field, from its GtkText. */
static char *
field_underlined (GtkWidget *field)
{
  GtkWidget *text = dl_test_find_by_type (field, GTK_TYPE_TEXT);
  PangoAttrList *attrs = gtk_text_get_attributes (GTK_TEXT (text));
  const char *content = gtk_editable_get_text (GTK_EDITABLE (text));
  GString *out = g_string_new ("");
  GSList *list;

  if (attrs == NULL)
    return g_string_free (out, FALSE);
  list = pango_attr_list_get_attributes (attrs);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->klass->type == PANGO_ATTR_UNDERLINE && ((PangoAttrInt *) attr)->value == PANGO_UNDERLINE_ERROR)
        {
          if (out->len > 0)
            g_string_append_c (out, '|');
          g_string_append_len (out, content + attr->start_index, attr->end_index - attr->start_index);
        }
    }
  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);
  return g_string_free (out, FALSE);
}

typedef struct
{
  GtkWidget  *field;
  const char *expected;
} FieldUnderlined;

static gboolean
field_underlined_is (gpointer data)
{
  FieldUnderlined *check = data;
  g_autofree char *words = field_underlined (check->field);

  return g_strcmp0 (words, check->expected) == 0;
}

static void
place_cursor_in (GtkTextBuffer *buffer,
                 const char    *word)
{
  g_autofree char *text = dl_test_buffer_text (buffer);
  const char *at = strstr (text, word);
  GtkTextIter iter;

  g_assert_nonnull (at);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, g_utf8_pointer_to_offset (text, at) + 2);
  gtk_text_buffer_place_cursor (buffer, &iter);
}

static void
test_spelling (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(DlArticle) article =
    dl_test_window_write_article (f, "Spelling",
                                  "This sentense is wrong. See https://exampel.com/pge and `mispeled` "
                                  "code, mail to someone@exampel.com, [a lnk](https://lnk.exampel) and **wrng**.", 1);
  g_autofree char *dictionary = g_build_filename (g_get_user_data_dir (), "dateline", "dictionaries",
                                                  "en_US.dic", NULL);
  g_autofree char *saved = NULL;
  DlArticleEditor *editor;
  GtkWidget *body;
  GtkTextBuffer *buffer;
  GtkWidget *notice;

  g_remove (dictionary);
  dl_test_window_open (f);
  if (!dl_test_keyboard_available (GTK_WIDGET (f->window)))
    {
      g_test_skip ("No X display with XTest to press keys on");
      return;
    }
  dl_test_keyboard_focus (GTK_WINDOW (f->window));
  dl_article_set_language (article, "en");
  dl_test_window_show_article (f, article);
  editor = dl_window_get_editor (f->window);
  dl_article_editor_focus_body (editor);
  dl_test_keyboard_settle (100);
  body = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_true (GTK_SOURCE_IS_VIEW (body));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (body));

  /* Only prose: "lnk" is the link's text, the rest is address or code. */
  expect_underlined (buffer, "sentense|lnk|wrng");

  /* A word typed wrong is underlined as typing goes on. */
  dl_test_keyboard_press (body, GDK_KEY_End, GDK_CONTROL_MASK);
  dl_test_keyboard_type (body, " Anothr wrod");
  expect_underlined (buffer, "sentense|lnk|wrng|Anothr|wrod");
  for (int i = 0; i < 3; i++)
    dl_test_keyboard_press (body, GDK_KEY_BackSpace, 0);
  dl_test_keyboard_type (body, "ord");
  expect_underlined (buffer, "sentense|lnk|wrng|Anothr");

  /* The correction, from the context menu opened with the keyboard. */
  place_cursor_in (buffer, "sentense");
  choose_from_menu (body, "sentence");
  expect_underlined (buffer, "lnk|wrng|Anothr");
  {
    g_autofree char *text = dl_test_buffer_text (buffer);

    g_assert_true (g_str_has_prefix (text, "This sentence is wrong."));
  }

  /* Add to Dictionary: gone here, and kept for English. */
  choose_from_menu_of (body, "wrng", "Add “wrng” to Dictionary");
  expect_underlined (buffer, "lnk|Anothr");
  saved = dl_test_read_file (dictionary);
  dl_test_assert_contains (saved, "wrng");

  /* Ignore: gone for this session. */
  choose_from_menu_of (body, "Anothr", "Ignore");
  expect_underlined (buffer, "lnk");

  /* The headline too, typed into. */
  {
    GtkWidget *headline = dl_test_find_by_type (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW);
    FieldUnderlined check = { headline, "Teh|sentense" };

    dl_article_editor_focus_headline (editor);
    dl_test_keyboard_settle (100);
    dl_test_keyboard_press (gtk_window_get_focus (GTK_WINDOW (f->window)), GDK_KEY_a, GDK_CONTROL_MASK);
    dl_test_keyboard_type (gtk_window_get_focus (GTK_WINDOW (f->window)), "Teh big sentense");
    if (!dl_test_wait_until (field_underlined_is, &check, 5000))
      {
        g_autofree char *words = field_underlined (headline);

        g_error ("the headline underlines “%s”", words);
      }
    /* Shift+F10 there: the correction. */
    dl_test_keyboard_press (gtk_window_get_focus (GTK_WINDOW (f->window)), GDK_KEY_Home, 0);
    dl_test_keyboard_press (gtk_window_get_focus (GTK_WINDOW (f->window)), GDK_KEY_Right, 0);
    choose_from_menu (headline, "The");
    check.expected = "sentense";
    g_assert_true (dl_test_wait_until (field_underlined_is, &check, 5000));
    g_assert_cmpstr (dl_article_get_headline (dl_window_get_article (f->window)), ==, "The big sentense");
    dl_article_editor_focus_body (editor);
    dl_test_keyboard_settle (100);
  }

  /* Russian: the article's language, its dictionary. */
  dl_article_set_language (dl_window_get_article (f->window), "ru");
  gtk_text_buffer_set_text (buffer, "Это предлажение на русском языке, а wrng не слово.", -1);
  expect_underlined (buffer, "предлажение|wrng");

  /* Chinese: no dictionary, said in the footer, nothing underlined. */
  dl_article_set_language (dl_window_get_article (f->window), "zh");
  expect_underlined (buffer, "");
  notice = dl_test_find_label_containing (GTK_WIDGET (editor), "No spelling dictionary");
  g_assert_nonnull (notice);
  g_assert_true (gtk_widget_get_visible (notice));
  dl_test_assert_contains (gtk_label_get_label (GTK_LABEL (notice)), "zh");

  /* Back in Russian, the article's own switch turns it off. */
  dl_article_set_language (dl_window_get_article (f->window), "ru");
  expect_underlined (buffer, "предлажение|wrng");
  g_assert_false (gtk_widget_get_visible (notice));
  dl_article_set_spell_check (dl_window_get_article (f->window), FALSE);
  expect_underlined (buffer, "");
  dl_article_set_spell_check (dl_window_get_article (f->window), TRUE);
  expect_underlined (buffer, "предлажение|wrng");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  gtk_source_init ();
  dl_test_window_init_app ();

  g_test_add ("/spell-ui/spelling", Fixture, NULL, dl_test_window_set_up, test_spelling,
              dl_test_window_tear_down);
  return g_test_run ();
}
