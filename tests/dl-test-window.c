/* dl-test-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dl-test-util.h"
#include "dl-test-window.h"
#include "dl-window-private.h"

/* A GtkApplication that is registered but never run: windows need one for
 * their actions, not a main loop of its own. */
static GtkApplication *test_app;

void
dl_test_window_init_app (void)
{
  test_app = g_object_new (GTK_TYPE_APPLICATION,
                           "application-id", "io.github.dateline.Dateline.Test",
                           "flags", G_APPLICATION_NON_UNIQUE,
                           NULL);
  g_assert_true (g_application_register (G_APPLICATION (test_app), NULL, NULL));
}

void
dl_test_window_set_up (DlTestWindow  *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) dir = NULL;

  g_assert_nonnull (test_app);
  f->dir = g_dir_make_tmp ("dateline-test-ui-XXXXXX", &error);
  g_assert_no_error (error);
  dir = g_file_new_for_path (f->dir);
  f->store = dl_store_new (dir);
  f->context = dl_context_new (f->store);
  /* Publishing stays in the test's folders too. */
  f->publishing_dir = g_dir_make_tmp ("dateline-test-publishing-XXXXXX", &error);
  g_assert_no_error (error);
  {
    g_autofree char *sites_path = g_build_filename (f->publishing_dir, "sites.json", NULL);
    g_autofree char *outbox_path = g_build_filename (f->publishing_dir, "outbox", NULL);
    g_autofree char *published = g_build_filename (f->publishing_dir, "published", NULL);
    g_autoptr(GFile) sites_file = g_file_new_for_path (sites_path);
    g_autoptr(GFile) outbox_dir = g_file_new_for_path (outbox_path);

    dl_context_set_publishing_files (f->context, sites_file, outbox_dir);
    dl_site_set_folder (dl_site_list_get_folder_site (dl_context_get_sites (f->context)), published);
  }
  f->app = g_object_ref (test_app);
}

static gboolean
window_gone (gpointer data)
{
  return ((DlTestWindow *) data)->window == NULL;
}

void
dl_test_window_tear_down (DlTestWindow  *f,
                          gconstpointer  data)
{
  if (f->window != NULL)
    {
      gtk_window_close (GTK_WINDOW (f->window));
      g_assert_true (dl_test_wait_until (window_gone, f, 5000));
    }
  g_clear_object (&f->app);
  g_clear_object (&f->context);
  g_clear_object (&f->store);
  dl_test_remove_recursively (f->dir);
  g_free (f->dir);
  dl_test_remove_recursively (f->publishing_dir);
  g_free (f->publishing_dir);
}

static gboolean
window_ready (gpointer data)
{
  DlTestWindow *f = data;

  return gtk_widget_get_mapped (GTK_WIDGET (f->window))
         && g_strcmp0 (dl_window_get_visible_page (f->window), "loading") != 0;
}

static void
on_loaded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;

  dl_window_load_finish (DL_WINDOW (object), result, NULL);
  *done = TRUE;
}

void
dl_test_window_open (DlTestWindow *f)
{
  gboolean loaded = FALSE;

  f->window = dl_window_new (f->app, f->context);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  dl_window_load_async (f->window, "", NULL, on_loaded_cb, &loaded);
  gtk_window_present (GTK_WINDOW (f->window));
  while (!loaded)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (dl_test_wait_until (window_ready, f, 5000));
}

static gboolean
article_shown (gpointer data)
{
  gpointer *check = data;
  DlArticle *shown = dl_window_get_article (check[0]);

  return shown != NULL && g_strcmp0 (dl_article_get_uuid (shown), dl_article_get_uuid (check[1])) == 0;
}

void
dl_test_window_show_article (DlTestWindow *f,
                             DlArticle    *article)
{
  gpointer check[2] = { f->window, article };

  dl_window_open_article (f->window, dl_article_get_uuid (article));
  g_assert_true (dl_test_wait_until (article_shown, check, 5000));
}

DlArticle *
dl_test_window_write_article (DlTestWindow *f,
                              const char   *headline,
                              const char   *body,
                              int           minutes_ago)
{
  DlArticle *article = dl_article_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) modified = g_date_time_add_minutes (now, -minutes_ago);
  g_autoptr(GError) error = NULL;

  dl_article_set_headline (article, headline);
  dl_article_set_body (article, body);
  dl_article_set_place (article, "Minsk");
  dl_article_set_modified (article, modified);
  g_assert_true (dl_store_save_article_sync (f->store, article, NULL, &error));
  g_assert_no_error (error);
  return article;
}

GtkWidget *
dl_test_find_label_containing (GtkWidget  *widget,
                               const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = dl_test_find_label_containing (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
dl_test_find_by_name (GtkWidget  *widget,
                      const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = dl_test_find_by_name (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
dl_test_find_by_type (GtkWidget *widget,
                      GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = dl_test_find_by_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The whole text of @buffer (hidden characters included). */
char *
dl_test_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}
