/* dl-window-publish.c: publishing from the main window
 *
 * Publish (Ctrl+Return) opens the publish dialog for the article in the
 * editor. The outbox belongs to the context and outlives the dialog; the
 * window shows what it does (the banner above the editor, a toast when a
 * story is out) and, when the published article is the one in the
 * editor, writes the publication record into that live article so that
 * the autosaver saves it with whatever is being typed (no outside-change
 * conflict with the outbox).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-outbox-banner.h"
#include "dl-publish-dialog.h"
#include "dl-site-posts-dialog.h"
#include "dl-site-terms.h"
#include "dl-window-private.h"

static void start_terms_task (DlWindow *self,
                              gboolean  fetch);

static gboolean
on_published_cb (DlOutbox    *outbox,
                 DlOutboxJob *job,
                 DlWindow    *self)
{
  if (self->article == NULL
      || g_strcmp0 (dl_article_get_uuid (self->article), dl_outbox_job_get_article_uuid (job)) != 0)
    return FALSE;
  dl_outbox_apply_result (self->article, job);
  return TRUE;
}

static void
on_job_changed_cb (DlOutbox    *outbox,
                   DlOutboxJob *job,
                   DlWindow    *self)
{
  DlPublishResult *result = dl_outbox_job_get_result (job);
  GtkApplication *app;
  DlSite *site;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (dl_outbox_job_get_state (job) != DL_OUTBOX_JOB_DONE || result == NULL
      || g_object_get_data (G_OBJECT (job), "dl-toasted") != NULL)
    return;
  /* One toast, in the window used last. */
  app = gtk_window_get_application (GTK_WINDOW (self));
  if (app != NULL && gtk_application_get_active_window (app) != NULL
      && gtk_application_get_active_window (app) != GTK_WINDOW (self))
    return;
  g_object_set_data (G_OBJECT (job), "dl-toasted", GINT_TO_POINTER (TRUE));
  site = dl_site_list_lookup (dl_context_get_sites (self->context), dl_outbox_job_get_site_id (job));
  if (result->status == DL_REMOTE_STATUS_FUTURE)
    /* Translators: %s is a site's name */
    message = g_strdup_printf (_("Scheduled on %s"), site != NULL ? dl_site_get_name (site) : "");
  else if (result->status == DL_REMOTE_STATUS_DRAFT || result->status == DL_REMOTE_STATUS_PENDING)
    /* Translators: %s is a site's name, such as "City News"; the site keeps the
     * story as a draft for an editor there */
    message = g_strdup_printf (_("Sent to %s as a draft"), site != NULL ? dl_site_get_name (site) : "");
  else
    message = g_strdup_printf (_("Published to %s"), site != NULL ? dl_site_get_name (site) : "");
  toast = adw_toast_new (message);
  if (result->publication != NULL && result->publication->url != NULL)
    {
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "win.open-link");
      adw_toast_set_action_target_value (toast, g_variant_new_string (result->publication->url));
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  /* The post may have added tags to the site. */
  if (site != NULL && dl_site_get_kind (site) == DL_SITE_KIND_WORDPRESS
      && site == dl_site_list_get_default (dl_context_get_sites (self->context)))
    start_terms_task (self, TRUE);
}

/* Called once, from constructed(). */
void
_dl_window_setup_publishing (DlWindow *self)
{
  DlOutbox *outbox = dl_context_get_outbox (self->context);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  const guint keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter };

  /* Ctrl+Return is bound in class_init too (the Shortcuts window and any
   * widget that lets it through), but the body and the other text views
   * take it for themselves in the bubble phase: the window sees it first. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i], GDK_CONTROL_MASK),
                                                            gtk_named_action_new ("win.publish")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  dl_outbox_banner_set_context (self->outbox_banner, self->context);
  g_signal_connect_object (outbox, "published", G_CALLBACK (on_published_cb), self, 0);
  g_signal_connect_object (outbox, "job-changed", G_CALLBACK (on_job_changed_cb), self, 0);
  /* What an earlier run left in the outbox goes out now. */
  dl_outbox_load_async (outbox);
  /* The categories the editor offers include the site's: the cache at
   * once, then the site in the background. */
  start_terms_task (self, FALSE);
}

/* win.publish */
void
_dl_window_publish (DlWindow *self)
{
  GtkWidget *dialog;

  if (self->article == NULL)
    return;
  if (dl_article_is_read_only (self->article))
    {
      _dl_window_toast (self, dl_article_get_read_only_reason (self->article));
      return;
    }
  dialog = dl_publish_dialog_new (GTK_WINDOW (self), self->context, self->article);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* win.open-from-site */
void
_dl_window_open_from_site (DlWindow *self)
{
  gtk_window_present (GTK_WINDOW (dl_site_posts_dialog_new (GTK_WINDOW (self), self->context)));
}

/* win.open-link: a published post, in the browser */
void
_dl_window_open_link (DlWindow   *self,
                      const char *uri)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  const char *scheme = parsed != NULL ? g_uri_get_scheme (parsed) : NULL;

  /* Only what publishing recorded: a web page, or a page in the folder. */
  if (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "file") != 0)
    return;
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

/* ---- the default site's categories and tags -------------------------------------------------------- */

typedef struct
{
  DlSiteList *sites;
  DlSite     *site;
  gboolean    fetch;      /* ask the site, or only read the cache */
  GStrv       categories;
  GStrv       tags;
} TermsData;

static void
terms_data_free (TermsData *data)
{
  g_object_unref (data->sites);
  g_object_unref (data->site);
  g_strfreev (data->categories);
  g_strfreev (data->tags);
  g_free (data);
}

static void
terms_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  TermsData *data = task_data;
  g_autoptr(GError) error = NULL;

  if (!data->fetch)
    {
      g_task_return_boolean (task, dl_site_terms_load (data->sites, data->site, &data->categories, &data->tags));
      return;
    }
  {
    g_autoptr(DlPublisher) publisher = dl_publisher_new_for_site (data->site);

    if (!dl_publisher_fetch_terms_sync (publisher, &data->categories, &data->tags, cancellable, &error)
        || !dl_site_terms_save (data->sites, data->site, (const char * const *) data->categories,
                                (const char * const *) data->tags, &error))
      {
        /* Offline, or no password yet: the cache stays what it was. */
        g_debug ("The categories of %s were not refreshed: %s", dl_site_get_name (data->site), error->message);
        g_task_return_boolean (task, FALSE);
        return;
      }
  }
  g_task_return_boolean (task, TRUE);
}

static void
terms_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  DlWindow *self = DL_WINDOW (source);
  TermsData *data = g_task_get_task_data (G_TASK (result));
  gboolean fetch = data->fetch;

  if (g_task_propagate_boolean (G_TASK (result), NULL))
    {
      g_strfreev (self->site_categories);
      self->site_categories = g_steal_pointer (&data->categories);
      gtk_string_list_splice (self->site_tags, 0, g_list_model_get_n_items (G_LIST_MODEL (self->site_tags)),
                              (const char * const *) data->tags);
      _dl_window_update_known_categories (self);
    }
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  /* The cache first, for at once; then the site, in the background. */
  if (!fetch && dl_site_get_kind (data->site) == DL_SITE_KIND_WORDPRESS)
    start_terms_task (self, TRUE);
}

static void
start_terms_task (DlWindow *self,
                  gboolean  fetch)
{
  DlSiteList *sites = dl_context_get_sites (self->context);
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, terms_done, NULL);
  TermsData *data = g_new0 (TermsData, 1);

  data->sites = g_object_ref (sites);
  data->site = g_object_ref (dl_site_list_get_default (sites));
  data->fetch = fetch;
  g_task_set_task_data (task, data, (GDestroyNotify) terms_data_free);
  g_task_run_in_thread (task, terms_thread);
}
