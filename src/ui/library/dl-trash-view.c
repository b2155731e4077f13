/* dl-trash-view.c
 *
 * The trash, where a story trashed a week ago is found again: each row
 * says when it went there, with Restore and Delete Permanently; Empty
 * Trash above. Both deletions ask first: they cannot be undone. What has
 * been in the trash for DL_STORE_TRASH_KEEP_DAYS is purged when the
 * application starts (dl-window.c). The files are read in a worker
 * (dl_store_list_trash_async()), each time the view is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-trash-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "dl-article-row.h"
#include "dl-trash-view.h"

struct _DlTrashView
{
  GtkWidget     parent_instance;

  DlStore      *store;
  GCancellable *cancellable;
  guint         n_items;

  GtkListBox   *list;
  GtkStack     *stack;
  GtkLabel     *summary_label;
};

G_DEFINE_FINAL_TYPE (DlTrashView, dl_trash_view, GTK_TYPE_WIDGET)

enum {
  RESTORED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
get_toplevel (DlTrashView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WIDGET (root) : NULL;
}

static void
show_error (DlTrashView  *self,
            const GError *error)
{
  /* The window's toast overlay is not ours: a line in the view says it. */
  gtk_label_set_text (self->summary_label, error->message);
}

static GtkWidget *
create_row (DlTrashedArticle *item)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = dl_format_relative_time (dl_trashed_article_get_trashed (item), now);
  g_autofree char *subtitle = NULL;
  g_autofree char *restore_label = NULL;
  g_autofree char *delete_label = NULL;
  const char *title = dl_trashed_article_get_title (item);
  const char *uuid = dl_trashed_article_get_uuid (item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *restore = gtk_button_new_from_icon_name ("edit-undo-symbolic");
  GtkWidget *delete = gtk_button_new_from_icon_name ("edit-delete-symbolic");

  /* Translators: when an article went to the trash, "Trashed: Yesterday" */
  subtitle = g_strdup_printf (_("Trashed: %s"), when);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);

  /* Translators: accessible names of the trash's buttons; %s is a headline */
  restore_label = g_strdup_printf (_("Restore “%s”"), title);
  delete_label = g_strdup_printf (_("Delete “%s” permanently"), title);
  gtk_widget_set_tooltip_text (restore, _("Restore"));
  gtk_widget_set_tooltip_text (delete, _("Delete Permanently…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (restore), GTK_ACCESSIBLE_PROPERTY_LABEL, restore_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
  for (GtkWidget **button = (GtkWidget *[]) { restore, delete, NULL }; *button != NULL; button++)
    {
      gtk_widget_set_valign (*button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (*button, "flat");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), *button);
    }
  gtk_actionable_set_action_name (GTK_ACTIONABLE (restore), "trash.restore");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (restore), "s", uuid);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "trash.delete");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete), "s", uuid);
  gtk_widget_set_name (restore, "restore-button");
  gtk_widget_set_name (delete, "delete-button");
  g_object_set_data_full (G_OBJECT (row), "uuid", g_strdup (uuid), g_free);
  g_object_set_data_full (G_OBJECT (row), "title", g_strdup (title), g_free);
  return row;
}

static void
on_listed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(DlTrashView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = dl_store_list_trash_finish (DL_STORE (object), result, &error);
  GtkWidget *child;
  g_autofree char *summary = NULL;

  if (items == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < items->len; i++)
    gtk_list_box_append (self->list, create_row (g_ptr_array_index (items, i)));

  self->n_items = items->len;
  summary = g_strdup_printf (ngettext ("%u article; deleted after %u days",
                                       "%u articles; deleted after %u days", items->len),
                             items->len, DL_STORE_TRASH_KEEP_DAYS);
  gtk_label_set_text (self->summary_label, items->len > 0 ? summary : "");
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trash.empty", items->len > 0);
}

void
dl_trash_view_reload (DlTrashView *self)
{
  g_return_if_fail (DL_IS_TRASH_VIEW (self));

  if (self->store == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  dl_store_list_trash_async (self->store, self->cancellable, on_listed_cb, g_object_ref (self));
}

typedef struct
{
  DlTrashView *view;
  char        *uuid;
} TrashRequest;

static TrashRequest *
trash_request_new (DlTrashView *view,
                   const char  *uuid)
{
  TrashRequest *request = g_new0 (TrashRequest, 1);

  request->view = g_object_ref (view);
  request->uuid = g_strdup (uuid);
  return request;
}

static void
trash_request_free (TrashRequest *request)
{
  g_object_unref (request->view);
  g_free (request->uuid);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrashRequest, trash_request_free)

static void
on_restore_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(TrashRequest) request = user_data;
  g_autoptr(GError) error = NULL;

  if (!dl_store_restore_article_finish (DL_STORE (object), result, &error))
    show_error (request->view, error);
  else
    g_signal_emit (request->view, signals[RESTORED], 0, request->uuid);
  dl_trash_view_reload (request->view);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  DlTrashView *self = DL_TRASH_VIEW (widget);

  if (self->store == NULL)
    return;
  dl_store_restore_article_async (self->store, g_variant_get_string (param, NULL), NULL, on_restore_done_cb,
                                  trash_request_new (self, g_variant_get_string (param, NULL)));
}

static void
on_deleted_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(TrashRequest) request = user_data;
  g_autoptr(GError) error = NULL;

  if (!dl_store_delete_trashed_finish (DL_STORE (object), result, NULL, &error))
    show_error (request->view, error);
  dl_trash_view_reload (request->view);
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          user_data)
{
  g_autoptr(TrashRequest) request = user_data;

  if (g_strcmp0 (response, "delete") != 0 || request->view->store == NULL)
    return;
  dl_store_delete_trashed_async (request->view->store, request->uuid, NULL, on_deleted_cb,
                                 g_steal_pointer (&request));
}

/* @uuid: one article, or NULL for the whole trash */
static void
ask_to_delete (DlTrashView *self,
               const char  *uuid,
               const char  *title)
{
  GtkWidget *dialog;

  if (uuid != NULL)
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (get_toplevel (self)), _("Delete Permanently?"), NULL);
      /* Translators: %s is a headline */
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("“%s” and its backup will be deleted. This cannot be undone."), title);
    }
  else
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (get_toplevel (self)), _("Empty the Trash?"), NULL);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      ngettext ("The %u article in the trash will be deleted. This cannot be undone.",
                                                "All %u articles in the trash will be deleted. This cannot be undone.",
                                                self->n_items),
                                      self->n_items);
    }
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", uuid != NULL ? _("_Delete") : _("_Empty Trash"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  /* Enter must not destroy anything: Cancel is the default. */
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_delete_response_cb), trash_request_new (self, uuid));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  DlTrashView *self = DL_TRASH_VIEW (widget);
  const char *uuid = g_variant_get_string (param, NULL);
  const char *title = uuid;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "uuid"), uuid) == 0)
      title = g_object_get_data (G_OBJECT (row), "title");
  ask_to_delete (self, uuid, title);
}

static void
empty_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  DlTrashView *self = DL_TRASH_VIEW (widget);

  if (self->n_items > 0)
    ask_to_delete (self, NULL, NULL);
}

static void
dl_trash_view_dispose (GObject *object)
{
  DlTrashView *self = DL_TRASH_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), DL_TYPE_TRASH_VIEW);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (self)))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (dl_trash_view_parent_class)->dispose (object);
}

static void
dl_trash_view_class_init (DlTrashViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_trash_view_dispose;

  signals[RESTORED] = g_signal_new ("restored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dateline/Dateline/dl-trash-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DlTrashView, list);
  gtk_widget_class_bind_template_child (widget_class, DlTrashView, stack);
  gtk_widget_class_bind_template_child (widget_class, DlTrashView, summary_label);

  gtk_widget_class_install_action (widget_class, "trash.restore", "s", restore_action);
  gtk_widget_class_install_action (widget_class, "trash.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "trash.empty", NULL, empty_action);

  gtk_widget_class_set_css_name (widget_class, "dl-trash-view");
}

static void
dl_trash_view_init (DlTrashView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trash.empty", FALSE);
}

void
dl_trash_view_set_store (DlTrashView *self,
                         DlStore     *store)
{
  g_return_if_fail (DL_IS_TRASH_VIEW (self));

  g_set_object (&self->store, store);
}
