/* dl-window-actions.c: the window's actions and their shortcuts
 *
 * Every win.* action, installed from the window's class_init
 * (_dl_window_class_init_actions()), with the keyboard shortcut it has.
 * An action that waits for the store carries what it needs in a plain
 * request struct, never in a GTask it does not return.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-window-export-import.h"
#include "dl-window-private.h"

/* What a delete, trash or undo needs once the store has answered. */
typedef struct
{
  DlWindow *window;
  char     *uuid;
  char     *title;   /* for the toast; NULL when not needed */
} ArticleRequest;

static ArticleRequest *
article_request_new (DlWindow   *window,
                     const char *uuid)
{
  ArticleRequest *request = g_new0 (ArticleRequest, 1);

  request->window = g_object_ref (window);
  request->uuid = g_strdup (uuid);
  return request;
}

static void
article_request_free (ArticleRequest *request)
{
  g_object_unref (request->window);
  g_free (request->uuid);
  g_free (request->title);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArticleRequest, article_request_free)

/* New article, search */

static void
new_article_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  dl_window_new_article (DL_WINDOW (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  DlWindow *self = DL_WINDOW (widget);

  gtk_widget_set_visible (self->sidebar, TRUE);
  dl_library_view_focus_search (self->library_view);
}

/* Export, import: the dialogs are in dl-window-export-import.c */

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  dl_window_export_article (DL_WINDOW (widget));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  dl_window_import_files (DL_WINDOW (widget));
}

/* Delete, and undo it */

static void
on_trashed_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ArticleRequest) request = user_data;
  DlWindow *self = request->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (!dl_store_trash_article_finish (DL_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _dl_window_toast (self, error->message);
      return;
    }

  message = g_strdup_printf (_("“%s” moved to trash"), request->title);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-delete");
  adw_toast_set_action_target_value (toast, g_variant_new_string (request->uuid));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  _dl_window_update_page (self);
}

/* The file moves in a worker; the list updates when it has. */
static void
trash_article (ArticleRequest *request)
{
  DlWindow *self = request->window;
  DlArticleSummary *summary = dl_store_find_summary (self->store, request->uuid);

  request->title = summary != NULL ? dl_article_summary_dup_display_title (summary)
                                   : g_strdup (_("Untitled article"));
  dl_store_trash_article_async (self->store, request->uuid, self->cancellable, on_trashed_cb, request);
}

static void
on_flushed_for_delete_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  ArticleRequest *request = user_data;
  DlWindow *self = request->window;
  g_autoptr(GError) error = NULL;

  /* Even if that last save failed the trash keeps the previous version;
   * the article leaves the autosaver only now so nothing rewrites its
   * file after it moved to the trash. */
  if (!dl_autosaver_flush_finish (DL_AUTOSAVER (object), result, &error))
    g_debug ("Saving before deleting failed: %s", error->message);

  if (self->article != NULL && g_strcmp0 (dl_article_get_uuid (self->article), request->uuid) == 0)
    dl_window_show_article (self, NULL);
  trash_article (request);
}

/**
 * _dl_window_delete_article:
 * @uuid: an article of the library, open or not
 *
 * Moves it to the trash, with an Undo in the toast. The open article is
 * saved first, so what goes to the trash is its latest text.
 */
void
_dl_window_delete_article (DlWindow   *self,
                           const char *uuid)
{
  ArticleRequest *request;

  g_assert (DL_IS_WINDOW (self));

  request = article_request_new (self, uuid);
  if (self->article != NULL && g_strcmp0 (dl_article_get_uuid (self->article), uuid) == 0)
    dl_autosaver_flush_async (self->autosaver, NULL, on_flushed_for_delete_cb, request);
  else
    trash_article (request);
}

static void
delete_article_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  DlWindow *self = DL_WINDOW (widget);

  if (self->article != NULL)
    _dl_window_delete_article (self, dl_article_get_uuid (self->article));
}

static void
on_restored_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ArticleRequest) request = user_data;
  g_autoptr(GError) error = NULL;

  if (!dl_store_restore_article_finish (DL_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _dl_window_toast (request->window, error->message);
      return;
    }
  dl_window_open_article (request->window, request->uuid);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  DlWindow *self = DL_WINDOW (widget);
  const char *uuid = g_variant_get_string (param, NULL);

  dl_store_restore_article_async (self->store, uuid, self->cancellable, on_restored_cb,
                                  article_request_new (self, uuid));
}

/* Saving: retry, and the two ways out of a conflict */

static void
on_retry_flushed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The autosaver's state already shows the outcome. */
  if (!dl_autosaver_flush_finish (DL_AUTOSAVER (object), result, &error))
    g_debug ("Retrying the save failed: %s", error->message);
}

static void
retry_save_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  DlWindow *self = DL_WINDOW (widget);

  dl_autosaver_flush_async (self->autosaver, NULL, on_retry_flushed_cb, NULL);
}

static void
keep_mine_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  dl_autosaver_keep_mine (DL_WINDOW (widget)->autosaver);
}

static void
on_used_theirs_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(DlWindow) self = user_data;
  g_autoptr(DlArticle) theirs = NULL;
  g_autoptr(GError) error = NULL;

  theirs = dl_store_resolve_conflict_finish (DL_STORE (object), result, &error);
  if (theirs == NULL)
    {
      _dl_window_toast (self, error->message);
      return;
    }
  dl_window_show_article (self, theirs);
  _dl_window_toast (self, _("The other version is open. Yours is in the trash."));
}

static void
use_theirs_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  DlWindow *self = DL_WINDOW (widget);
  g_autoptr(DlArticle) mine = NULL;

  if (self->article == NULL)
    return;
  mine = g_object_ref (self->article);
  /* Nothing more of ours may reach the library: it goes to the trash. */
  dl_autosaver_discard (self->autosaver, mine);
  dl_store_resolve_conflict_async (self->store, mine, DL_CONFLICT_USE_THEIRS, self->cancellable,
                                   on_used_theirs_cb, g_object_ref (self));
}

/* The banners: recovered text, files in quarantine */

static void
on_recovered_restored_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(DlWindow) self = user_data;
  g_autoptr(DlArticle) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;

  restored = dl_store_resolve_conflict_finish (DL_STORE (object), result, &error);
  if (restored == NULL)
    {
      _dl_window_toast (self, error->message);
      return;
    }
  title = dl_article_dup_display_title (restored);
  message = g_strdup_printf (_("“%s” is restored. The version it replaced is in the trash."), title);
  _dl_window_toast (self, message);
  dl_window_show_article (self, restored);
}

static void
restore_recovered_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  DlWindow *self = DL_WINDOW (widget);
  g_autoptr(GPtrArray) recovered = g_steal_pointer (&self->recovered);

  for (guint i = 0; recovered != NULL && i < recovered->len; i++)
    dl_store_resolve_conflict_async (self->store, g_ptr_array_index (recovered, i), DL_CONFLICT_KEEP_MINE,
                                     self->cancellable, on_recovered_restored_cb, g_object_ref (self));
  _dl_window_update_recovery (self);
}

static void
dismiss_quarantine_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  gtk_revealer_set_reveal_child (DL_WINDOW (widget)->quarantine_revealer, FALSE);
}

/**
 * _dl_window_class_init_actions:
 *
 * Installs the window's actions and their shortcuts; called from
 * dl_window_class_init() once the properties exist.
 */
void
_dl_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-article", NULL, new_article_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.delete-article", NULL, delete_article_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", "s", undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.retry-save", NULL, retry_save_action);
  gtk_widget_class_install_action (widget_class, "win.keep-mine", NULL, keep_mine_action);
  gtk_widget_class_install_action (widget_class, "win.use-theirs", NULL, use_theirs_action);
  gtk_widget_class_install_action (widget_class, "win.restore-recovered", NULL, restore_recovered_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-quarantine", NULL, dismiss_quarantine_action);
  gtk_widget_class_install_property_action (widget_class, "win.toggle-sidebar", "sidebar-visible");
  gtk_widget_class_install_property_action (widget_class, "win.toggle-preview", "preview-visible");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-article", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_P, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.toggle-preview", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}
