/* dl-outbox-banner.c: the outbox's state, above the editor
 *
 * Shows the job that needs attention most: one the site refused (with
 * the site's reason, Try Again, Give Up, and Replace Their Changes for a
 * conflict), else one waiting for the network ("Waiting for network —
 * will publish to NAME"), else the one going out. Hidden when the outbox
 * is empty. A finished publish is the window's toast, not a banner.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-outbox-banner"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-outbox-banner.h"
#include "dl-publish-error.h"

struct _DlOutboxBanner
{
  AdwBin        parent_instance;

  DlContext    *context;
  DlOutboxJob  *shown;
  gulong        changed_id;

  GtkRevealer  *revealer;
  GtkWidget    *box;
  GtkSpinner   *spinner;
  GtkImage     *icon;
  GtkLabel     *label;
  GtkWidget    *replace_button;
  GtkWidget    *retry_button;
  GtkWidget    *discard_button;
};

G_DEFINE_FINAL_TYPE (DlOutboxBanner, dl_outbox_banner, ADW_TYPE_BIN)

static int
urgency (DlOutboxJobState state)
{
  switch (state)
    {
    case DL_OUTBOX_JOB_FAILED: return 3;
    case DL_OUTBOX_JOB_WAITING: return 2;
    case DL_OUTBOX_JOB_SENDING: return 1;
    case DL_OUTBOX_JOB_QUEUED:
    case DL_OUTBOX_JOB_DONE:
    default:
      return 0;
    }
}

static void
update (DlOutboxBanner *self)
{
  DlOutbox *outbox = dl_context_get_outbox (self->context);
  GListModel *jobs = dl_outbox_get_jobs (outbox);
  DlOutboxJob *best = NULL;
  int best_urgency = 0;
  DlOutboxJobState state;
  g_autofree char *description = NULL;
  g_autofree char *text = NULL;
  const GError *error;

  for (guint i = 0; i < g_list_model_get_n_items (jobs); i++)
    {
      g_autoptr(DlOutboxJob) job = g_list_model_get_item (jobs, i);
      int u = urgency (dl_outbox_job_get_state (job));

      if (u > best_urgency)
        {
          best = job;
          best_urgency = u;
        }
    }
  g_set_object (&self->shown, best);
  gtk_revealer_set_reveal_child (self->revealer, best != NULL);
  if (best == NULL)
    {
      gtk_spinner_set_spinning (self->spinner, FALSE);
      return;
    }

  state = dl_outbox_job_get_state (best);
  error = dl_outbox_job_get_error (best);
  description = dl_outbox_job_dup_description (best, dl_context_get_sites (self->context));
  /* Translators: the banner: what is happening, then the story's headline */
  text = g_strdup_printf (_("%s — “%s”"), description, dl_outbox_job_get_headline (best));
  gtk_label_set_text (self->label, text);
  /* The window's banner colours: a refusal is an error, a wait a warning. */
  if (state == DL_OUTBOX_JOB_FAILED)
    {
      gtk_widget_add_css_class (self->box, "error");
      gtk_widget_remove_css_class (self->box, "warning");
    }
  else if (state == DL_OUTBOX_JOB_WAITING)
    {
      gtk_widget_add_css_class (self->box, "warning");
      gtk_widget_remove_css_class (self->box, "error");
    }
  else
    {
      gtk_widget_remove_css_class (self->box, "warning");
      gtk_widget_remove_css_class (self->box, "error");
    }
  gtk_spinner_set_spinning (self->spinner, state == DL_OUTBOX_JOB_SENDING);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), state == DL_OUTBOX_JOB_SENDING);
  gtk_widget_set_visible (GTK_WIDGET (self->icon), state != DL_OUTBOX_JOB_SENDING);
  gtk_image_set_from_icon_name (self->icon, state == DL_OUTBOX_JOB_FAILED ? "dialog-error-symbolic"
                                                                          : "network-offline-symbolic");
  gtk_widget_set_visible (self->retry_button, state == DL_OUTBOX_JOB_FAILED || state == DL_OUTBOX_JOB_WAITING);
  gtk_widget_set_visible (self->discard_button, state == DL_OUTBOX_JOB_FAILED || state == DL_OUTBOX_JOB_WAITING);
  gtk_widget_set_visible (self->replace_button,
                          state == DL_OUTBOX_JOB_FAILED
                          && g_error_matches (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_CONFLICT));
}

static void
on_job_changed (DlOutbox       *outbox,
                DlOutboxJob    *job,
                DlOutboxBanner *self)
{
  update (self);
}

static void
on_retry_cb (DlOutboxBanner *self)
{
  if (self->shown != NULL)
    dl_outbox_retry (dl_context_get_outbox (self->context), self->shown);
}

static void
on_discard_cb (DlOutboxBanner *self)
{
  if (self->shown != NULL)
    dl_outbox_discard (dl_context_get_outbox (self->context), self->shown);
}

/* A conflict: the user has seen the site's changes and replaces them. */
static void
on_replace_cb (DlOutboxBanner *self)
{
  DlOutbox *outbox;

  if (self->shown == NULL)
    return;
  outbox = dl_context_get_outbox (self->context);
  dl_outbox_retry_overwriting (outbox, self->shown);
}

static void
dl_outbox_banner_dispose (GObject *object)
{
  DlOutboxBanner *self = DL_OUTBOX_BANNER (object);

  if (self->changed_id != 0)
    g_clear_signal_handler (&self->changed_id, dl_context_get_outbox (self->context));
  g_clear_object (&self->shown);
  /* No gtk_widget_dispose_template(): AdwBin unparents its child (the
   * revealer) itself, and would find it gone. */

  G_OBJECT_CLASS (dl_outbox_banner_parent_class)->dispose (object);
}

static void
dl_outbox_banner_finalize (GObject *object)
{
  g_clear_object (&DL_OUTBOX_BANNER (object)->context);

  G_OBJECT_CLASS (dl_outbox_banner_parent_class)->finalize (object);
}

static void
dl_outbox_banner_class_init (DlOutboxBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_outbox_banner_dispose;
  object_class->finalize = dl_outbox_banner_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dateline/Dateline/dl-outbox-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, DlOutboxBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, DlOutboxBanner, box);
  gtk_widget_class_bind_template_child (widget_class, DlOutboxBanner, spinner);
  gtk_widget_class_bind_template_child (widget_class, DlOutboxBanner, icon);
  gtk_widget_class_bind_template_child (widget_class, DlOutboxBanner, label);
  gtk_widget_class_bind_template_child (widget_class, DlOutboxBanner, replace_button);
  gtk_widget_class_bind_template_child (widget_class, DlOutboxBanner, retry_button);
  gtk_widget_class_bind_template_child (widget_class, DlOutboxBanner, discard_button);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_discard_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_replace_cb);
}

static void
dl_outbox_banner_init (DlOutboxBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
dl_outbox_banner_set_context (DlOutboxBanner *self,
                              DlContext      *context)
{
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  self->changed_id = g_signal_connect (dl_context_get_outbox (context), "job-changed",
                                       G_CALLBACK (on_job_changed), self);
  update (self);
}
