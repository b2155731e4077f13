/* test-publish-ui.c: publishing from the real window, with real keys
 *
 * Ctrl+Return in the body opens the publish dialog, its checklist says
 * what is missing, the switch for warnings takes Space, Ctrl+Return in
 * the dialog publishes (to the local folder target here: the WordPress
 * path is tests/test-publish-wordpress.c), and the record lands in the
 * article the editor holds. Preferences → Sites lists the targets and
 * explains a refused address.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "dl-article-editor.h"
#include "dl-preferences-window.h"
#include "dl-publish-dialog.h"
#include "dl-publisher.h"
#include "dl-site-posts-dialog.h"
#include "dl-site-terms.h"
#include "dl-tag-entry.h"
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

/* The shown top-level window of @type, if any. */
static GtkWindow *
find_shown_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }
  return NULL;
}

static GtkWindow *
find_dialog (void)
{
  return find_shown_window (DL_TYPE_PUBLISH_DIALOG);
}

static gboolean
dialog_open (gpointer data)
{
  return find_dialog () != NULL;
}

static gboolean
dialog_closed (gpointer data)
{
  return find_dialog () == NULL;
}

static gboolean
published_in_editor (gpointer data)
{
  Fixture *f = data;
  DlArticle *article = dl_window_get_article (f->window);

  return article != NULL && dl_article_find_publication (article, DL_SITE_FOLDER_ID) != NULL;
}

static gboolean
outbox_empty (gpointer data)
{
  Fixture *f = data;

  return g_list_model_get_n_items (dl_outbox_get_jobs (dl_context_get_outbox (f->context))) == 0;
}

static gboolean
switch_on (gpointer data)
{
  return gtk_switch_get_active (GTK_SWITCH (data));
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *w = gtk_widget_get_first_child (list); w != NULL; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_LIST_BOX_ROW (w))
      n++;
  return n;
}

static void
test_publish_keys (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(DlArticle) article = dl_test_window_write_article (f, "Published with the keyboard", "Text.", 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *page = NULL;
  GtkWindow *dialog;
  GtkWidget *checklist, *override_switch, *body_view;
  DlArticle *shown;
  DlPublication *record;

  dl_test_window_open (f);
  if (!keyboard_ready (f))
    return;
  wanted_uuid = dl_article_get_uuid (article);
  dl_window_open_article (f->window, wanted_uuid);
  g_assert_true (dl_test_wait_until (article_shown, f, 5000));
  shown = dl_window_get_article (f->window);
  dl_test_keyboard_settle (300);

  /* Ctrl+Return where the journalist is: in the body. */
  dl_article_editor_focus_body (dl_window_get_editor (f->window));
  dl_test_keyboard_settle (50);
  body_view = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_true (GTK_IS_TEXT_VIEW (body_view));
  dl_test_keyboard_press (body_view, GDK_KEY_Return, GDK_CONTROL_MASK);
  g_assert_true (dl_test_wait_until (dialog_open, NULL, 5000));
  dialog = find_dialog ();
  /* The key opened the dialog and typed nothing. */
  g_assert_cmpstr (dl_article_get_body (shown), ==, "Text.");

  /* No category, and the dateline wants a date: an error and a warning. */
  checklist = dl_test_find_by_name (GTK_WIDGET (dialog), "publish-checklist");
  g_assert_nonnull (dl_test_find_by_name (checklist, "category"));
  g_assert_false (gtk_widget_is_sensitive (dl_test_find_by_name (GTK_WIDGET (dialog), "publish-button")));
  gtk_window_close (dialog);
  g_assert_true (dl_test_wait_until (dialog_closed, NULL, 5000));

  dl_article_set_category (shown, "Economy");
  dl_article_set_dateline_date (shown, NULL);
  dl_test_keyboard_focus (GTK_WINDOW (f->window));
  dl_article_editor_focus_body (dl_window_get_editor (f->window));
  dl_test_keyboard_settle (50);
  dl_test_keyboard_press (gtk_window_get_focus (GTK_WINDOW (f->window)), GDK_KEY_Return, GDK_CONTROL_MASK);
  g_assert_true (dl_test_wait_until (dialog_open, NULL, 5000));
  dialog = find_dialog ();
  dl_test_keyboard_focus (dialog);
  checklist = dl_test_find_by_name (GTK_WIDGET (dialog), "publish-checklist");
  g_assert_null (dl_test_find_by_name (checklist, "category"));
  g_assert_nonnull (dl_test_find_by_name (checklist, "dateline"));
  g_assert_cmpuint (count_rows (checklist), ==, 1);

  /* A warning holds the publish until the switch says otherwise. */
  dl_test_keyboard_press (gtk_window_get_focus (dialog) ?: GTK_WIDGET (dialog), GDK_KEY_Return, GDK_CONTROL_MASK);
  dl_test_keyboard_settle (200);
  g_assert_nonnull (find_dialog ());
  override_switch = dl_test_find_by_name (GTK_WIDGET (dialog), "publish-override-switch");
  g_assert_true (gtk_widget_get_mapped (override_switch));
  /* Its row, as Tab reaches it; Space activates the row's switch. */
  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_ancestor (override_switch, GTK_TYPE_LIST_BOX_ROW)));
  dl_test_keyboard_settle (50);
  dl_test_keyboard_press (gtk_window_get_focus (dialog), GDK_KEY_space, 0);
  g_assert_true (dl_test_wait_until (switch_on, override_switch, 5000));
  g_assert_true (gtk_widget_is_sensitive (dl_test_find_by_name (GTK_WIDGET (dialog), "publish-button")));

  dl_test_keyboard_press (gtk_window_get_focus (dialog), GDK_KEY_Return, GDK_CONTROL_MASK);
  g_assert_true (dl_test_wait_until (dialog_closed, NULL, 5000));

  /* Out to the folder; the record is in the live article, which saves. */
  g_assert_true (dl_test_wait_until (published_in_editor, f, 10000));
  g_assert_true (dl_test_wait_until (outbox_empty, f, 10000));
  record = dl_article_find_publication (shown, DL_SITE_FOLDER_ID);
  g_assert_cmpstr (record->remote_id, ==, "published-with-the-keyboard");
  g_assert_cmpint (dl_article_get_status (shown), ==, DL_ARTICLE_STATUS_PUBLISHED);
  {
    g_autofree char *path = g_build_filename (f->publishing_dir, "published", "published-with-the-keyboard",
                                              "index.html", NULL);

    page = dl_test_read_file (path);
    dl_test_assert_contains (page, "Published with the keyboard");
  }
  g_assert_nonnull (dl_test_find_label_containing (GTK_WIDGET (f->window), "Published to Local folder"));
}

/* Escape leaves the dialog; nothing is queued. */
static void
test_publish_dialog_escape (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(DlArticle) article = dl_test_window_write_article (f, "Not yet", "Text.", 1);
  GtkWindow *dialog;

  dl_test_window_open (f);
  if (!keyboard_ready (f))
    return;
  wanted_uuid = dl_article_get_uuid (article);
  dl_window_open_article (f->window, wanted_uuid);
  g_assert_true (dl_test_wait_until (article_shown, f, 5000));
  dl_test_keyboard_settle (200);
  dl_article_editor_focus_body (dl_window_get_editor (f->window));
  dl_test_keyboard_settle (50);
  dl_test_keyboard_press (gtk_window_get_focus (GTK_WINDOW (f->window)), GDK_KEY_Return, GDK_CONTROL_MASK);
  g_assert_true (dl_test_wait_until (dialog_open, NULL, 5000));
  dialog = find_dialog ();
  dl_test_keyboard_focus (dialog);
  dl_test_keyboard_press (gtk_window_get_focus (dialog) ?: GTK_WIDGET (dialog), GDK_KEY_Escape, 0);
  g_assert_true (dl_test_wait_until (dialog_closed, NULL, 5000));
  g_assert_cmpuint (g_list_model_get_n_items (dl_outbox_get_jobs (dl_context_get_outbox (f->context))), ==, 0);
}

static gboolean
status_says (gpointer data)
{
  GtkWidget *label = data;

  return strstr (gtk_label_get_text (GTK_LABEL (label)), "is not a web address") != NULL;
}

/* Preferences → Sites: the folder target is listed and the default; an
 * address that is not one is explained, and nothing is added. */
static void
test_sites_page (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *preferences;
  GtkWidget *list, *name_row, *url_row, *user_row, *password_row, *status;

  dl_test_window_open (f);
  if (!keyboard_ready (f))
    return;
  preferences = dl_preferences_window_new (GTK_WINDOW (f->window), f->context);
  gtk_window_present (GTK_WINDOW (preferences));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "sites-page");
  dl_test_keyboard_focus (GTK_WINDOW (preferences));
  dl_test_keyboard_settle (200);

  list = dl_test_find_by_name (preferences, "sites-list");
  g_assert_cmpuint (count_rows (list), ==, 1);
  g_assert_nonnull (dl_test_find_by_name (list, DL_SITE_FOLDER_ID));

  name_row = dl_test_find_by_name (preferences, "site-name-row");
  url_row = dl_test_find_by_name (preferences, "site-url-row");
  user_row = dl_test_find_by_name (preferences, "site-user-row");
  password_row = dl_test_find_by_name (preferences, "site-password-row");
  status = dl_test_find_by_name (preferences, "site-status-label");
  g_assert_false (gtk_widget_is_sensitive (dl_test_find_by_name (preferences, "site-sign-in-button")));

  g_assert_true (gtk_widget_grab_focus (name_row));
  dl_test_keyboard_type (gtk_window_get_focus (GTK_WINDOW (preferences)), "Newsroom");
  g_assert_true (gtk_widget_grab_focus (url_row));
  dl_test_keyboard_type (gtk_window_get_focus (GTK_WINDOW (preferences)), "ftp://news.example.org");
  g_assert_true (gtk_widget_grab_focus (user_row));
  dl_test_keyboard_type (gtk_window_get_focus (GTK_WINDOW (preferences)), "anna");
  g_assert_true (gtk_widget_grab_focus (password_row));
  dl_test_keyboard_type (gtk_window_get_focus (GTK_WINDOW (preferences)), "abcd efgh");
  dl_test_keyboard_settle (100);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (url_row)), ==, "ftp://news.example.org");
  g_assert_true (gtk_widget_is_sensitive (dl_test_find_by_name (preferences, "site-sign-in-button")));

  /* Enter in the password field signs in. */
  dl_test_keyboard_press (gtk_window_get_focus (GTK_WINDOW (preferences)), GDK_KEY_Return, 0);
  g_assert_true (dl_test_wait_until (status_says, status, 10000));
  g_assert_true (gtk_widget_has_css_class (status, "error"));
  g_assert_cmpuint (count_rows (list), ==, 1);
  gtk_window_destroy (GTK_WINDOW (preferences));
}

static gboolean
has_known_category (gpointer data)
{
  Fixture *f = data;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->window->known_categories)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (f->window->known_categories, i), "Economy") == 0)
      return TRUE;
  return FALSE;
}

static gboolean
suggestions_shown (gpointer data)
{
  GtkWidget *list = data;

  return gtk_widget_get_mapped (list) && gtk_widget_get_first_child (list) != NULL;
}

static gboolean
article_has_belarus (gpointer data)
{
  return dl_article_has_tag (DL_ARTICLE (data), "Belarus");
}

/* The site's categories are offered in the category field, its tags
 * while typing a tag: Down and Return take one, as the site writes it. */
static void
test_site_terms_in_editor (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(DlArticle) article = dl_test_window_write_article (f, "Tagged from the site", "Text.", 1);
  DlSiteList *sites = dl_context_get_sites (f->context);
  const char * const categories[] = { "Economy", "Politics", NULL };
  const char * const tags[] = { "Belarus", "Belgium", "China", NULL };
  g_autoptr(GError) error = NULL;
  GtkWidget *tag_entry, *text, *list;
  DlArticle *shown;

  g_assert_true (dl_site_terms_save (sites, dl_site_list_get_default (sites), categories, tags, &error));
  g_assert_no_error (error);
  dl_test_window_open (f);
  if (!keyboard_ready (f))
    return;
  g_assert_true (dl_test_wait_until (has_known_category, f, 5000));

  wanted_uuid = dl_article_get_uuid (article);
  dl_window_open_article (f->window, wanted_uuid);
  g_assert_true (dl_test_wait_until (article_shown, f, 5000));
  shown = dl_window_get_article (f->window);
  dl_article_editor_set_details_visible (dl_window_get_editor (f->window), TRUE);
  dl_test_keyboard_settle (300);

  tag_entry = dl_test_find_by_type (GTK_WIDGET (f->window), DL_TYPE_TAG_ENTRY);
  text = dl_test_find_by_type (tag_entry, GTK_TYPE_TEXT);
  g_assert_true (gtk_widget_grab_focus (text));
  dl_test_keyboard_settle (50);
  dl_test_keyboard_type (gtk_window_get_focus (GTK_WINDOW (f->window)), "bel");
  list = dl_test_find_by_name (tag_entry, "tag-suggestions");
  g_assert_true (dl_test_wait_until (suggestions_shown, list, 5000));
  g_assert_nonnull (dl_test_find_label_containing (list, "Belarus"));
  g_assert_nonnull (dl_test_find_label_containing (list, "Belgium"));
  g_assert_null (dl_test_find_label_containing (list, "China"));

  dl_test_keyboard_press (gtk_window_get_focus (GTK_WINDOW (f->window)), GDK_KEY_Down, 0);
  dl_test_keyboard_settle (100);
  dl_test_keyboard_press (gtk_window_get_focus (GTK_WINDOW (f->window)), GDK_KEY_Return, 0);
  g_assert_true (dl_test_wait_until (article_has_belarus, shown, 5000));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text)), ==, "");
  g_assert_false (gtk_widget_get_mapped (list));
}

/* ---- against a real WordPress (the publish-ui-wordpress test) ---------------------------------- */

static DlSite *
add_wordpress_site (Fixture *f)
{
  const char *url = g_getenv ("DATELINE_TEST_WORDPRESS_URL");
  const char *password = g_getenv ("DATELINE_TEST_WORDPRESS_APP_PASSWORD");
  DlSiteList *sites = dl_context_get_sites (f->context);
  g_autoptr(DlSite) site = dl_site_new (DL_SITE_KIND_WORDPRESS, "Newsroom");
  g_autoptr(DlPublisher) publisher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  dl_site_set_url (site, url);
  dl_site_set_user (site, g_getenv ("DATELINE_TEST_WORDPRESS_USER"));
  publisher = dl_publisher_new_for_site (site);
  g_assert_true (dl_publisher_sign_in_sync (publisher, password, &name, NULL, &error));
  g_assert_no_error (error);
  /* No keyring in the test session. */
  g_setenv ("DATELINE_APP_PASSWORD", password, TRUE);
  g_assert_true (dl_site_list_add (sites, site, &error));
  dl_site_list_set_default (sites, site);
  return site;
}

static gboolean
published_to (gpointer data)
{
  Fixture *f = data;
  DlArticle *article = dl_window_get_article (f->window);
  DlSite *site = dl_site_list_get_default (dl_context_get_sites (f->context));
  DlPublication *record = article != NULL ? dl_article_find_publication (article, dl_site_get_id (site)) : NULL;

  return record != NULL && record->remote_id != NULL;
}

static GtkWindow *
find_posts_dialog (void)
{
  return find_shown_window (DL_TYPE_SITE_POSTS_DIALOG);
}

static gboolean
posts_listed (gpointer data)
{
  GtkWindow *dialog = find_posts_dialog ();
  GtkWidget *list = dialog != NULL ? dl_test_find_by_name (GTK_WIDGET (dialog), "posts-list") : NULL;

  return list != NULL && dl_test_find_label_containing (list, "Sent from the window") != NULL;
}

static gboolean
other_article_shown (gpointer data)
{
  Fixture *f = data;
  DlArticle *article = dl_window_get_article (f->window);

  return article != NULL && g_strcmp0 (dl_article_get_uuid (article), wanted_uuid) != 0
         && g_strcmp0 (dl_article_get_headline (article), "Sent from the window") == 0;
}

/* Publish to WordPress from the dialog with the keyboard, then open the
 * post from the site: it comes back as an article tied to the post. */
static void
test_wordpress_publish_and_open (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(DlArticle) article = NULL;
  DlSite *site;
  GtkWindow *dialog;
  GtkWidget *list, *row;
  DlArticle *shown;
  DlPublication *record;
  g_autofree char *remote_id = NULL;

  if (g_getenv ("DATELINE_TEST_WORDPRESS_URL") == NULL)
    {
      g_test_skip ("Needs a WordPress: tests/wordpress/with-wordpress.sh (the publish-ui-wordpress test)");
      return;
    }
  site = add_wordpress_site (f);
  {
    /* The site must know the category (the checklist asks it). */
    g_autoptr(DlPublisher) publisher = dl_publisher_new_for_site (site);
    g_auto(GStrv) categories = NULL;
    g_auto(GStrv) tags = NULL;

    g_assert_true (dl_publisher_fetch_terms_sync (publisher, &categories, &tags, NULL, NULL));
  }
  article = dl_test_window_write_article (f, "Sent from the window", "The Minsk Office hosted a meeting.", 1);
  dl_test_window_open (f);
  if (!keyboard_ready (f))
    return;
  wanted_uuid = dl_article_get_uuid (article);
  dl_window_open_article (f->window, wanted_uuid);
  g_assert_true (dl_test_wait_until (article_shown, f, 5000));
  shown = dl_window_get_article (f->window);
  dl_article_set_category (shown, "Uncategorized");
  dl_test_keyboard_settle (300);

  dl_article_editor_focus_body (dl_window_get_editor (f->window));
  dl_test_keyboard_settle (50);
  dl_test_keyboard_press (gtk_window_get_focus (GTK_WINDOW (f->window)), GDK_KEY_Return, GDK_CONTROL_MASK);
  g_assert_true (dl_test_wait_until (dialog_open, NULL, 5000));
  dialog = find_dialog ();
  dl_test_keyboard_focus (dialog);
  /* The dateline has no date: its warning needs the switch. */
  {
    GtkWidget *override_switch = dl_test_find_by_name (GTK_WIDGET (dialog), "publish-override-switch");

    if (gtk_widget_get_mapped (override_switch))
      {
        g_assert_true (gtk_widget_grab_focus (gtk_widget_get_ancestor (override_switch, GTK_TYPE_LIST_BOX_ROW)));
        dl_test_keyboard_settle (50);
        dl_test_keyboard_press (gtk_window_get_focus (dialog), GDK_KEY_space, 0);
        g_assert_true (dl_test_wait_until (switch_on, override_switch, 5000));
      }
  }
  dl_test_keyboard_press (gtk_window_get_focus (dialog) ?: GTK_WIDGET (dialog), GDK_KEY_Return, GDK_CONTROL_MASK);
  g_assert_true (dl_test_wait_until (dialog_closed, NULL, 5000));
  g_assert_true (dl_test_wait_until (published_to, f, 20000));
  record = dl_article_find_publication (shown, dl_site_get_id (site));
  remote_id = g_strdup (record->remote_id);
  g_assert_true (g_str_has_prefix (record->url, g_getenv ("DATELINE_TEST_WORDPRESS_URL")));
  g_assert_cmpint (dl_article_get_status (shown), ==, DL_ARTICLE_STATUS_PUBLISHED);

  /* Open From Site: the post is listed; Enter on it opens it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-from-site", NULL));
  g_assert_true (dl_test_wait_until (posts_listed, NULL, 20000));
  dialog = find_posts_dialog ();
  dl_test_keyboard_focus (dialog);
  list = dl_test_find_by_name (GTK_WIDGET (dialog), "posts-list");
  row = gtk_widget_get_ancestor (dl_test_find_label_containing (list, "Sent from the window"), GTK_TYPE_LIST_BOX_ROW);
  g_assert_true (gtk_widget_grab_focus (row));
  dl_test_keyboard_settle (50);
  dl_test_keyboard_press (gtk_window_get_focus (dialog), GDK_KEY_Return, 0);
  g_assert_true (dl_test_wait_until (other_article_shown, f, 20000));
  shown = dl_window_get_article (f->window);
  /* A copy beside the library's own, tied to the same post. */
  record = dl_article_find_publication (shown, dl_site_get_id (site));
  g_assert_cmpstr (record->remote_id, ==, remote_id);
  dl_test_assert_contains (dl_article_get_body (shown), "The Minsk Office hosted a meeting.");
  g_assert_cmpstr (dl_article_get_category (shown), ==, "Uncategorized");
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
  ADD ("/publish-ui/publish-keys", test_publish_keys);
  ADD ("/publish-ui/dialog-escape", test_publish_dialog_escape);
  ADD ("/publish-ui/sites-page", test_sites_page);
  ADD ("/publish-ui/site-terms-in-editor", test_site_terms_in_editor);
  ADD ("/publish-ui-wordpress/publish-and-open", test_wordpress_publish_and_open);
#undef ADD
  return g_test_run ();
}
