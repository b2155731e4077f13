/* dl-publish-dialog.c: Publish (Ctrl+Return)
 *
 * Site, status on the site (draft, pending review, publish now, schedule)
 * and the time, with the pre-publish checklist run locally as they
 * change: errors block, warnings need "Publish despite the warnings". An
 * embargo that still holds is sent as a schedule, and the dialog says so.
 * Publishing queues a job in the context's outbox and closes; the window
 * shows how it goes (dl-outbox-banner.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-publish-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-date-entry.h"
#include "dl-publish-checklist.h"
#include "dl-publish-dialog.h"
#include "dl-release-times.h"
#include "dl-site-terms.h"

/* The status row's entries, in order. */
static const DlRemoteStatus statuses[] = {
  DL_REMOTE_STATUS_PUBLISH,
  DL_REMOTE_STATUS_FUTURE,
  DL_REMOTE_STATUS_DRAFT,
  DL_REMOTE_STATUS_PENDING,
};

struct _DlPublishDialog
{
  AdwWindow      parent_instance;

  DlContext     *context;
  DlArticle     *article;
  GCancellable  *cancellable;
  GHashTable    *site_categories;   /* site id → GStrv, once read from the cache */
  gboolean       can_publish;

  GtkLabel      *headline_label;
  AdwComboRow   *site_row;
  AdwComboRow   *status_row;
  AdwEntryRow   *time_row;
  GtkLabel      *release_label;
  GtkListBox    *checklist_list;
  GtkWidget     *override_group;
  GtkSwitch     *override_switch;
  GtkLabel      *error_label;
  GtkWidget     *publish_button;
};

G_DEFINE_FINAL_TYPE (DlPublishDialog, dl_publish_dialog, ADW_TYPE_WINDOW)

static void update (DlPublishDialog *self);

static DlSite *
selected_site (DlPublishDialog *self)
{
  GListModel *sites = dl_site_list_get_model (dl_context_get_sites (self->context));
  guint position = adw_combo_row_get_selected (self->site_row);
  DlSite *site;

  if (position == GTK_INVALID_LIST_POSITION)
    return NULL;
  site = g_list_model_get_item (sites, position);
  g_object_unref (site); /* the list keeps it */
  return site;
}

static DlRemoteStatus
selected_status (DlPublishDialog *self)
{
  guint position = adw_combo_row_get_selected (self->status_row);

  return position < G_N_ELEMENTS (statuses) ? statuses[position] : DL_REMOTE_STATUS_PUBLISH;
}

/* The time typed for a schedule; NULL with @error when it is not one. */
static GDateTime *
chosen_time (DlPublishDialog  *self,
             GError          **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->time_row));
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();

  if (*text == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Type when the story goes live."));
      return NULL;
    }
  return dl_date_entry_parse (text, zone, dl_date_entry_locale_order (), 0, error);
}

static GtkWidget *
new_check_row (DlCheckItem *item)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *icon = gtk_image_new_from_icon_name (item->severity == DL_CHECK_ERROR ? "dialog-error-symbolic"
                                                                                  : "dialog-warning-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->message);
  adw_action_row_set_subtitle (row, item->severity == DL_CHECK_ERROR ? _("Must be fixed before publishing")
                                                                     : _("Worth a look"));
  gtk_widget_add_css_class (icon, item->severity == DL_CHECK_ERROR ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  item->severity == DL_CHECK_ERROR ? _("Error") : _("Warning"), -1);
  adw_action_row_add_prefix (row, icon);
  gtk_widget_set_name (GTK_WIDGET (row), item->rule);
  return GTK_WIDGET (row);
}

static void
show_checklist (DlPublishDialog *self,
                GPtrArray       *items)
{
  GtkWidget *child;
  gboolean warnings = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->checklist_list))) != NULL)
    gtk_list_box_remove (self->checklist_list, child);
  for (guint i = 0; i < items->len; i++)
    {
      DlCheckItem *item = g_ptr_array_index (items, i);

      gtk_list_box_append (self->checklist_list, new_check_row (item));
      warnings |= item->severity == DL_CHECK_WARNING;
    }
  if (items->len == 0)
    {
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Everything is in order"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("In order"), -1);
      gtk_widget_add_css_class (icon, "success");
      adw_action_row_add_prefix (row, icon);
      gtk_list_box_append (self->checklist_list, GTK_WIDGET (row));
    }
  gtk_widget_set_visible (self->override_group, warnings && !dl_publish_checklist_blocks (items));
}

static void
update_release_note (DlPublishDialog *self,
                     DlSite          *site,
                     DlRemoteStatus   status,
                     GDateTime       *at)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) goes_live = NULL;
  GDateTime *embargo = dl_article_get_embargo (self->article);
  DlRemoteStatus sent = dl_publish_resolve_release (self->article, status, at, now, &goes_live);
  g_autofree char *note = NULL;

  if (goes_live != NULL && (status == DL_REMOTE_STATUS_PUBLISH || status == DL_REMOTE_STATUS_FUTURE))
    {
      g_autofree char *when = dl_date_entry_format_for_reading (goes_live, NULL);

      if (dl_site_get_kind (site) == DL_SITE_KIND_FOLDER && dl_release_is_embargoed (embargo, now))
        /* Translators: %s is a date and time */
        note = g_strdup_printf (_("Under embargo until %s: the page is written to the folder now, and says so. Do not pass it on before then."), when);
      else if (dl_release_is_embargoed (embargo, now) && g_date_time_equal (goes_live, embargo))
        /* Translators: %s is a date and time */
        note = g_strdup_printf (_("Under embargo until %s: the story is sent to the site scheduled for then, not live now."), when);
      else if (sent == DL_REMOTE_STATUS_FUTURE)
        /* Translators: %s is a date and time, "8 May 2025, 10:06 +03" */
        note = g_strdup_printf (_("Goes live on %s."), when);
    }
  gtk_label_set_text (self->release_label, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->release_label), note != NULL);
}

static void
update (DlPublishDialog *self)
{
  DlSite *site;
  DlRemoteStatus status = selected_status (self);
  DlChecklistContext checks = { 0, };
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GError) time_error = NULL;
  gboolean folder;
  gboolean blocked;

  /* The rows notify while the template is being built. */
  if (self->context == NULL)
    return;
  site = selected_site (self);
  if (site == NULL)
    return;
  folder = dl_site_get_kind (site) == DL_SITE_KIND_FOLDER;
  /* A folder has no statuses: the page is written now. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_row), !folder);
  if (folder)
    status = DL_REMOTE_STATUS_PUBLISH;
  gtk_widget_set_visible (GTK_WIDGET (self->time_row), status == DL_REMOTE_STATUS_FUTURE);
  if (status == DL_REMOTE_STATUS_FUTURE)
    at = chosen_time (self, &time_error);

  checks.site_categories = g_hash_table_lookup (self->site_categories, dl_site_get_id (site));
  checks.severities = dl_site_get_checklist (site);
  checks.headline_max_chars = dl_site_get_headline_max (site);
  checks.scheduling = status == DL_REMOTE_STATUS_FUTURE;
  items = dl_publish_checklist_run (self->article, &checks);
  if (checks.scheduling && at != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      if (g_date_time_compare (at, now) <= 0)
        {
          DlCheckItem *item = g_new0 (DlCheckItem, 1);

          item->rule = g_strdup ("release-time");
          item->severity = DL_CHECK_ERROR;
          item->message = g_strdup (_("This time has passed. Choose a time in the future, or publish now."));
          g_ptr_array_add (items, item);
        }
    }
  show_checklist (self, items);
  update_release_note (self, site, status, at);

  blocked = dl_publish_checklist_blocks (items) || time_error != NULL;
  if (gtk_widget_get_visible (self->override_group) && !gtk_switch_get_active (self->override_switch))
    blocked = TRUE;
  if (time_error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->time_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->time_row), "error");
  self->can_publish = !blocked;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "publish.publish", self->can_publish);
}

static void
on_choice_changed_cb (DlPublishDialog *self)
{
  if (self->context == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  update (self);
}

typedef struct
{
  char  *site_id;
  GStrv  categories;
} TermsData;

static void
terms_data_free (TermsData *data)
{
  g_free (data->site_id);
  g_strfreev (data->categories);
  g_free (data);
}

static void
terms_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  /* The sites, taken on the main thread: the list itself stays there. */
  GPtrArray *sites_now = task_data;
  DlSiteList *sites = g_ptr_array_index (sites_now, 0);
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) terms_data_free);

  for (guint i = 1; i < sites_now->len; i++)
    {
      DlSite *site = g_ptr_array_index (sites_now, i);
      g_auto(GStrv) tags = NULL;
      TermsData *data = g_new0 (TermsData, 1);

      data->site_id = g_strdup (dl_site_get_id (site));
      if (dl_site_terms_load (sites, site, &data->categories, &tags))
        g_ptr_array_add (found, data);
      else
        terms_data_free (data);
    }
  g_task_return_pointer (task, found, (GDestroyNotify) g_ptr_array_unref);
}

static void
terms_loaded (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GPtrArray) found = g_task_propagate_pointer (G_TASK (result), NULL);
  DlPublishDialog *self;

  if (found == NULL)
    return; /* cancelled: the dialog is gone */
  self = DL_PUBLISH_DIALOG (source);
  for (guint i = 0; i < found->len; i++)
    {
      TermsData *data = g_ptr_array_index (found, i);

      g_hash_table_replace (self->site_categories, g_steal_pointer (&data->site_id),
                            g_steal_pointer (&data->categories));
    }
  update (self);
}

static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DlPublishDialog *self = DL_PUBLISH_DIALOG (widget);
  DlSite *site = selected_site (self);
  DlRemoteStatus status = selected_status (self);
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GError) error = NULL;

  update (self);
  if (!self->can_publish || site == NULL)
    return;
  if (dl_site_get_kind (site) == DL_SITE_KIND_FOLDER)
    status = DL_REMOTE_STATUS_PUBLISH;
  if (status == DL_REMOTE_STATUS_FUTURE && (at = chosen_time (self, &error)) == NULL)
    return;
  if (dl_outbox_add (dl_context_get_outbox (self->context), self->article, site, status, at, FALSE, &error) == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
dl_publish_dialog_dispose (GObject *object)
{
  DlPublishDialog *self = DL_PUBLISH_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), DL_TYPE_PUBLISH_DIALOG);

  G_OBJECT_CLASS (dl_publish_dialog_parent_class)->dispose (object);
}

static void
dl_publish_dialog_finalize (GObject *object)
{
  DlPublishDialog *self = DL_PUBLISH_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->article);
  g_clear_object (&self->context);
  g_clear_pointer (&self->site_categories, g_hash_table_unref);

  G_OBJECT_CLASS (dl_publish_dialog_parent_class)->finalize (object);
}

static void
dl_publish_dialog_class_init (DlPublishDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_publish_dialog_dispose;
  object_class->finalize = dl_publish_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dateline/Dateline/dl-publish-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DlPublishDialog, headline_label);
  gtk_widget_class_bind_template_child (widget_class, DlPublishDialog, site_row);
  gtk_widget_class_bind_template_child (widget_class, DlPublishDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, DlPublishDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, DlPublishDialog, release_label);
  gtk_widget_class_bind_template_child (widget_class, DlPublishDialog, checklist_list);
  gtk_widget_class_bind_template_child (widget_class, DlPublishDialog, override_group);
  gtk_widget_class_bind_template_child (widget_class, DlPublishDialog, override_switch);
  gtk_widget_class_bind_template_child (widget_class, DlPublishDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, DlPublishDialog, publish_button);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_changed_cb);

  gtk_widget_class_install_action (widget_class, "publish.publish", NULL, publish_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "publish.publish", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "publish.publish", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dl_publish_dialog_init (DlPublishDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->site_categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    gtk_string_list_append (labels, dl_remote_status_get_label (statuses[i]));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (labels));
  {
    g_autofree char *example = dl_date_entry_dup_example (dl_date_entry_locale_order ());
    /* Translators: %s is an example date and time, "08.05.2025 10:06" */
    g_autofree char *tooltip = g_strdup_printf (_("For example %s"), example);

    gtk_widget_set_tooltip_text (GTK_WIDGET (self->time_row), tooltip);
  }
}

static char *
site_name (DlSite *site)
{
  return g_strdup (dl_site_get_name (site));
}

/**
 * dl_publish_dialog_new:
 * @article: the article as it is in the editor; the job takes a snapshot
 *   when Publish is pressed
 */
GtkWidget *
dl_publish_dialog_new (GtkWindow *parent,
                       DlContext *context,
                       DlArticle *article)
{
  DlPublishDialog *self = g_object_new (DL_TYPE_PUBLISH_DIALOG, "transient-for", parent, NULL);
  DlSiteList *sites = dl_context_get_sites (context);
  GListModel *model = dl_site_list_get_model (sites);
  g_autoptr(GtkExpression) expression = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *title = dl_article_dup_display_title (article);
  guint default_position = 0;

  self->context = g_object_ref (context);
  self->article = g_object_ref (article);
  gtk_label_set_text (self->headline_label, title);

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (site_name), NULL, NULL);
  adw_combo_row_set_expression (self->site_row, expression);
  adw_combo_row_set_model (self->site_row, model);
  g_list_store_find (G_LIST_STORE (model), dl_site_list_get_default (sites), &default_position);
  adw_combo_row_set_selected (self->site_row, default_position);

  if (dl_article_get_schedule (article) != NULL)
    {
      g_autofree char *when = dl_date_entry_format (dl_article_get_schedule (article), NULL);

      gtk_editable_set_text (GTK_EDITABLE (self->time_row), when);
      adw_combo_row_set_selected (self->status_row, 1);
    }
  update (self);

  /* The sites' cached categories, for "the site has no such category". */
  task = g_task_new (self, self->cancellable, terms_loaded, NULL);
  {
    GPtrArray *sites_now = g_ptr_array_new_with_free_func (g_object_unref);

    g_ptr_array_add (sites_now, g_object_ref (sites));
    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      g_ptr_array_add (sites_now, g_list_model_get_item (model, i));
    g_task_set_task_data (task, sites_now, (GDestroyNotify) g_ptr_array_unref);
  }
  g_task_run_in_thread (task, terms_thread);
  return GTK_WIDGET (self);
}
