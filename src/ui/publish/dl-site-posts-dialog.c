/* dl-site-posts-dialog.c: File → Open From Site
 *
 * A site's recent posts and drafts (WordPress sites only; the folder has
 * nothing to list), fetched in a worker. Activating one pulls it (fields
 * mapped back, blocks back to Markdown, the publication record that ties
 * it to the post), saves it in the library and opens it in the window;
 * publishing it then updates that post. A post whose article is already
 * in the library comes in as a copy, so that one's own version is never
 * replaced by the site's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-site-posts-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-publisher.h"
#include "dl-site-posts-dialog.h"
#include "dl-window.h"

struct _DlSitePostsDialog
{
  AdwWindow     parent_instance;

  DlContext    *context;
  GListStore   *wordpress_sites;  /* DlSite: the ones with posts to list */
  GCancellable *cancellable;      /* the current listing or pull */

  AdwComboRow  *site_row;
  GtkSpinner   *spinner;
  GtkLabel     *status_label;
  GtkListBox   *posts_list;
};

G_DEFINE_FINAL_TYPE (DlSitePostsDialog, dl_site_posts_dialog, ADW_TYPE_WINDOW)

static DlSite *
selected_site (DlSitePostsDialog *self)
{
  guint position = adw_combo_row_get_selected (self->site_row);
  DlSite *site;

  if (self->wordpress_sites == NULL || position == GTK_INVALID_LIST_POSITION
      || position >= g_list_model_get_n_items (G_LIST_MODEL (self->wordpress_sites)))
    return NULL;
  site = g_list_model_get_item (G_LIST_MODEL (self->wordpress_sites), position);
  g_object_unref (site);
  return site;
}

static void
set_status (DlSitePostsDialog *self,
            const char        *message,
            gboolean           busy)
{
  gtk_label_set_text (self->status_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), message != NULL);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(DlPublisher) publisher = dl_publisher_new_for_site (task_data);
  GError *error = NULL;
  GPtrArray *posts = dl_publisher_list_posts_sync (publisher, cancellable, &error);

  if (posts == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, posts, (GDestroyNotify) g_ptr_array_unref);
}

static GtkWidget *
new_post_row (DlRemotePost *post)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  g_autoptr(GDateTime) local = post->modified != NULL ? g_date_time_to_local (post->modified) : NULL;
  g_autofree char *when = local != NULL ? g_date_time_format (local, "%x %H:%M") : g_strdup ("");
  const char *status = g_strcmp0 (post->status, "publish") == 0 ? C_("post status", "Published")
                     : g_strcmp0 (post->status, "future") == 0 ? C_("post status", "Scheduled")
                     : g_strcmp0 (post->status, "pending") == 0 ? C_("post status", "Pending review")
                     : g_strcmp0 (post->status, "private") == 0 ? C_("post status", "Private")
                     : C_("post status", "Draft");
  /* Translators: a post's status, then when it was last changed */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), status, when);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 post->title != NULL && *post->title != '\0' ? post->title : _("Untitled"));
  adw_action_row_set_subtitle (row, subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "dl-post-id", g_strdup (post->id), g_free);
  return GTK_WIDGET (row);
}

static void
listed (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) posts = g_task_propagate_pointer (G_TASK (result), &error);
  DlSitePostsDialog *self = DL_SITE_POSTS_DIALOG (source);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (posts == NULL)
    {
      set_status (self, error->message, FALSE);
      return;
    }
  set_status (self, posts->len == 0 ? _("The site has no posts yet.") : NULL, FALSE);
  for (guint i = 0; i < posts->len; i++)
    gtk_list_box_append (self->posts_list, new_post_row (g_ptr_array_index (posts, i)));
}

static void
on_refresh_cb (DlSitePostsDialog *self)
{
  DlSite *site;
  GtkWidget *child;
  g_autoptr(GTask) task = NULL;

  if (self->context == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->posts_list))) != NULL)
    gtk_list_box_remove (self->posts_list, child);

  site = selected_site (self);
  if (site == NULL)
    {
      set_status (self, _("Add a WordPress site in Preferences → Sites to open its posts here."), FALSE);
      return;
    }
  set_status (self, _("Asking the site for its posts…"), TRUE);
  task = g_task_new (self, self->cancellable, listed, NULL);
  g_task_set_task_data (task, g_object_ref (site), g_object_unref);
  g_task_run_in_thread (task, list_thread);
}

typedef struct
{
  DlSite    *site;
  char      *post_id;
  DlArticle *article;
} PullData;

static void
pull_data_free (PullData *data)
{
  g_object_unref (data->site);
  g_free (data->post_id);
  g_clear_object (&data->article);
  g_free (data);
}

static void
pull_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PullData *data = task_data;
  g_autoptr(DlPublisher) publisher = dl_publisher_new_for_site (data->site);
  GError *error = NULL;

  data->article = dl_publisher_pull_sync (publisher, data->post_id, cancellable, &error);
  if (data->article == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
pulled_saved (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(DlSitePostsDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  DlArticle *article = g_object_get_data (G_OBJECT (self), "dl-pulled");
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (!dl_store_save_article_finish (DL_STORE (source), result, &error))
    {
      set_status (self, error->message, FALSE);
      return;
    }
  if (DL_IS_WINDOW (parent))
    dl_window_open_article (DL_WINDOW (parent), dl_article_get_uuid (article));
  gtk_window_close (GTK_WINDOW (self));
}

static void
pulled (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  DlSitePostsDialog *self = DL_SITE_POSTS_DIALOG (source);
  PullData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  DlStore *store;
  DlArticle *article;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_status (self, error->message, FALSE);
      return;
    }
  store = dl_context_get_store (self->context);
  article = data->article;
  if (dl_store_find_summary (store, dl_article_get_uuid (article)) != NULL)
    {
      /* One's own version stays: the site's comes in beside it. */
      g_autofree char *uuid = g_uuid_string_random ();

      article = dl_article_copy_with_uuid (data->article, uuid);
    }
  else
    g_object_ref (article);
  g_object_set_data_full (G_OBJECT (self), "dl-pulled", article, g_object_unref);
  dl_store_save_article_async (store, article, self->cancellable, pulled_saved, g_object_ref (self));
}

static void
on_row_activated_cb (DlSitePostsDialog *self,
                     GtkListBoxRow     *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "dl-post-id");
  DlSite *site = selected_site (self);
  g_autoptr(GTask) task = NULL;
  PullData *data;

  if (id == NULL || site == NULL)
    return;
  set_status (self, _("Opening the post…"), TRUE);
  data = g_new0 (PullData, 1);
  data->site = g_object_ref (site);
  data->post_id = g_strdup (id);
  task = g_task_new (self, self->cancellable, pulled, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify) pull_data_free);
  g_task_run_in_thread (task, pull_thread);
}

static void
dl_site_posts_dialog_dispose (GObject *object)
{
  DlSitePostsDialog *self = DL_SITE_POSTS_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), DL_TYPE_SITE_POSTS_DIALOG);

  G_OBJECT_CLASS (dl_site_posts_dialog_parent_class)->dispose (object);
}

static void
dl_site_posts_dialog_finalize (GObject *object)
{
  DlSitePostsDialog *self = DL_SITE_POSTS_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->wordpress_sites);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (dl_site_posts_dialog_parent_class)->finalize (object);
}

static void
dl_site_posts_dialog_class_init (DlSitePostsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_site_posts_dialog_dispose;
  object_class->finalize = dl_site_posts_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dateline/Dateline/dl-site-posts-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DlSitePostsDialog, site_row);
  gtk_widget_class_bind_template_child (widget_class, DlSitePostsDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, DlSitePostsDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, DlSitePostsDialog, posts_list);
  gtk_widget_class_bind_template_callback (widget_class, on_refresh_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dl_site_posts_dialog_init (DlSitePostsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

static char *
site_name (DlSite *site)
{
  return g_strdup (dl_site_get_name (site));
}

GtkWidget *
dl_site_posts_dialog_new (GtkWindow *parent,
                          DlContext *context)
{
  DlSitePostsDialog *self = g_object_new (DL_TYPE_SITE_POSTS_DIALOG, "transient-for", parent, NULL);
  DlSiteList *sites = dl_context_get_sites (context);
  GListModel *model = dl_site_list_get_model (sites);
  DlSite *default_site = dl_site_list_get_default (sites);
  g_autoptr(GtkExpression) expression = NULL;
  guint selected = 0;

  self->wordpress_sites = g_list_store_new (DL_TYPE_SITE);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DlSite) site = g_list_model_get_item (model, i);

      if (dl_site_get_kind (site) != DL_SITE_KIND_WORDPRESS)
        continue;
      if (site == default_site)
        selected = g_list_model_get_n_items (G_LIST_MODEL (self->wordpress_sites));
      g_list_store_append (self->wordpress_sites, site);
    }
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (site_name), NULL, NULL);
  adw_combo_row_set_expression (self->site_row, expression);
  adw_combo_row_set_model (self->site_row, G_LIST_MODEL (self->wordpress_sites));
  adw_combo_row_set_selected (self->site_row, selected);
  self->context = g_object_ref (context);
  on_refresh_cb (self);
  return GTK_WIDGET (self);
}
