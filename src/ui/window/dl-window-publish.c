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
#include "dl-window-private.h"

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
