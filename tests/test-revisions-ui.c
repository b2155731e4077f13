/* test-revisions-ui.c: Ctrl+S, the Revisions view and a restore, with real keys
 *
 * Ctrl+S keeps a revision; Ctrl+Shift+H lists them, newest first, with the
 * word difference from the text now; Down picks an older one, Alt+R
 * restores it, which is itself a revision; Ctrl+Z in the text takes the
 * restore back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "dl-article-editor.h"
#include "dl-revisions-dialog.h"
#include "dl-test-keyboard.h"
#include "dl-test-util.h"
#include "dl-test-window.h"
#include "dl-window-private.h"

typedef DlTestWindow Fixture;

typedef struct
{
  Fixture    *f;
  const char *uuid;
  guint       count;
} RevisionCount;

static gboolean
has_revisions (gpointer data)
{
  RevisionCount *check = data;
  g_autoptr(GPtrArray) revisions = dl_store_list_revisions_sync (check->f->store, check->uuid, NULL);

  return revisions != NULL && revisions->len == check->count;
}

static void
expect_revisions (Fixture    *f,
                  const char *uuid,
                  guint       count)
{
  RevisionCount check = { f, uuid, count };

  if (!dl_test_wait_until (has_revisions, &check, 5000))
    {
      g_autoptr(GPtrArray) revisions = dl_store_list_revisions_sync (f->store, uuid, NULL);

      g_error ("%u revisions, not %u", revisions != NULL ? revisions->len : 0, count);
    }
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
  g_autofree char *text = dl_test_buffer_text (check->buffer);

  return g_strcmp0 (text, check->expected) == 0;
}

static void
expect_body (GtkTextBuffer *buffer,
             const char    *expected)
{
  BodyIs check = { buffer, expected };

  if (!dl_test_wait_until (body_is, &check, 5000))
    {
      g_autofree char *text = dl_test_buffer_text (buffer);

      g_error ("the body is “%s”, not “%s”", text, expected);
    }
}

static gboolean
dialog_shown (gpointer data)
{
  DlRevisionsDialog **dialog = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (DL_IS_REVISIONS_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        {
          *dialog = DL_REVISIONS_DIALOG (window);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
dialog_gone (gpointer data)
{
  DlRevisionsDialog *dialog = NULL;

  return !dialog_shown (&dialog);
}

static gboolean
row_focused (gpointer data)
{
  GtkWindow *dialog = data;
  GtkWidget *focus = gtk_window_get_focus (dialog);

  return GTK_IS_LIST_BOX_ROW (focus);
}

static gboolean
summary_is (gpointer data)
{
  gpointer *check = data;

  return dl_test_find_label_containing (check[0], check[1]) != NULL;
}

static void
test_revisions_keys (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(DlArticle) article = dl_test_window_write_article (f, "Revisions", "First draft.", 1);
  const char *uuid = dl_article_get_uuid (article);
  DlRevisionsDialog *dialog = NULL;
  GtkWidget *body, *focus;
  GtkTextBuffer *buffer;

  dl_test_window_open (f);
  if (!dl_test_keyboard_available (GTK_WIDGET (f->window)))
    {
      g_test_skip ("No X display with XTest to press keys on");
      return;
    }
  dl_test_keyboard_focus (GTK_WINDOW (f->window));
  dl_test_window_show_article (f, article);
  dl_article_editor_focus_body (dl_window_get_editor (f->window));
  dl_test_keyboard_settle (100);
  body = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_true (GTK_SOURCE_IS_VIEW (body));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (body));

  /* Ctrl+S: a revision each time the text is new. */
  dl_test_keyboard_press (body, GDK_KEY_End, GDK_CONTROL_MASK);
  dl_test_keyboard_type (body, " More words.");
  expect_body (buffer, "First draft. More words.");
  dl_test_keyboard_press (body, GDK_KEY_s, GDK_CONTROL_MASK);
  expect_revisions (f, uuid, 1);
  dl_test_keyboard_press (body, GDK_KEY_s, GDK_CONTROL_MASK);
  dl_test_keyboard_settle (300);
  expect_revisions (f, uuid, 1);
  dl_test_keyboard_type (body, " Even more.");
  expect_body (buffer, "First draft. More words. Even more.");
  dl_test_keyboard_press (body, GDK_KEY_s, GDK_CONTROL_MASK);
  expect_revisions (f, uuid, 2);

  /* Ctrl+Shift+H: the list, the newest selected and focused. */
  dl_test_keyboard_press (body, GDK_KEY_H, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_true (dl_test_wait_until (dialog_shown, &dialog, 5000));
  dl_test_keyboard_focus (GTK_WINDOW (dialog));
  g_assert_true (dl_test_wait_until (row_focused, dialog, 5000));
  {
    gpointer check[2] = { dialog, (gpointer) "The text is the same as now." };

    g_assert_true (dl_test_wait_until (summary_is, check, 5000));
  }

  /* Down: the older one, two words fewer than now. */
  focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  dl_test_keyboard_press (focus, GDK_KEY_Down, 0);
  {
    gpointer check[2] = { dialog, (gpointer) "Since this version: 2 added, 0 removed" };

    g_assert_true (dl_test_wait_until (summary_is, check, 5000));
  }

  /* Alt+R restores it, as a revision of its own. */
  dl_test_keyboard_press (gtk_window_get_focus (GTK_WINDOW (dialog)), GDK_KEY_r, GDK_ALT_MASK);
  g_assert_true (dl_test_wait_until (dialog_gone, NULL, 5000));
  expect_body (buffer, "First draft. More words.");
  expect_revisions (f, uuid, 3);
  {
    g_autoptr(GPtrArray) revisions = dl_store_list_revisions_sync (f->store, uuid, NULL);

    g_assert_cmpint (((DlRevision *) revisions->pdata[0])->cause, ==, DL_REVISION_CAUSE_RESTORE);
  }

  /* Ctrl+Z in the text takes the restore back. */
  dl_test_keyboard_focus (GTK_WINDOW (f->window));
  dl_article_editor_focus_body (dl_window_get_editor (f->window));
  dl_test_keyboard_settle (100);
  dl_test_keyboard_press (body, GDK_KEY_z, GDK_CONTROL_MASK);
  expect_body (buffer, "First draft. More words. Even more.");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  gtk_source_init ();
  dl_test_window_init_app ();

  g_test_add ("/revisions-ui/keys", Fixture, NULL, dl_test_window_set_up, test_revisions_keys,
              dl_test_window_tear_down);
  return g_test_run ();
}
