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

  /* Translators: %s is the article's headline, or "Untitled article" */
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
  /* Translators: %s is the article's headline, or "Untitled article" */
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

/* Status and details */

/* Draft or Ready for the desk: the other states belong to publishing. */
static void
set_open_article_status (DlWindow        *self,
                         DlArticleStatus  status)
{
  g_autofree char *message = NULL;

  if (self->article == NULL || dl_article_is_read_only (self->article)
      || dl_article_get_status (self->article) == status)
    return;
  dl_article_set_status (self->article, status);
  /* Translators: a toast, "Status: Ready for the desk" */
  message = g_strdup_printf (_("Status: %s"), dl_article_status_get_label (status));
  _dl_window_toast (self, message);
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  DlArticleStatus status;

  if (!dl_article_status_from_string (g_variant_get_string (param, NULL), &status)
      || (status != DL_ARTICLE_STATUS_DRAFT && status != DL_ARTICLE_STATUS_READY))
    return;
  set_open_article_status (DL_WINDOW (widget), status);
}

/* Ctrl+Shift+R, from wherever the focus is (the text, the library): a
 * story is ready, or back to a draft. One key, because Ctrl+Shift+D
 * belongs to GTK (the inspector). */
static void
toggle_ready_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  DlWindow *self = DL_WINDOW (widget);

  if (self->article == NULL)
    return;
  set_open_article_status (self, dl_article_get_status (self->article) == DL_ARTICLE_STATUS_READY
                                 ? DL_ARTICLE_STATUS_DRAFT : DL_ARTICLE_STATUS_READY);
}

/* The library row's menu: actions on an article by its UUID, open or not. */

typedef enum
{
  BY_ID_DUPLICATE,
  BY_ID_EXPORT,
  BY_ID_SET_STATUS,
} ByIdVerb;

typedef struct
{
  DlWindow        *window;
  ByIdVerb         verb;
  DlArticleStatus  status;
} ByIdRequest;

static void
by_id_request_free (ByIdRequest *request)
{
  g_object_unref (request->window);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ByIdRequest, by_id_request_free)

/* A save the window started itself (a copy, a status from the menu):
 * only a failure is worth saying. */
static void
on_saved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(DlWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!dl_store_save_article_finish (DL_STORE (object), result, &error))
    _dl_window_toast (self, error->message);
}

static void
run_by_id (ByIdRequest *request,
           DlArticle   *article)
{
  DlWindow *self = request->window;
  gboolean is_open = self->article == article;

  switch (request->verb)
    {
    case BY_ID_DUPLICATE:
      {
        g_autoptr(DlArticle) copy = NULL;

        if (dl_article_is_read_only (article))
          {
            _dl_window_toast (self, dl_article_get_read_only_reason (article));
            return;
          }
        copy = dl_article_duplicate (article);
        dl_store_save_article_async (self->store, copy, self->cancellable, on_saved_cb,
                                     g_object_ref (self));
        dl_window_show_article (self, copy);
        _dl_window_toast (self, _("Duplicated as a new draft"));
        dl_article_editor_focus_headline (self->editor);
      }
      break;

    case BY_ID_EXPORT:
      if (!is_open)
        dl_window_show_article (self, article);
      dl_window_export_article (self);
      break;

    case BY_ID_SET_STATUS:
      if (dl_article_is_read_only (article))
        {
          _dl_window_toast (self, dl_article_get_read_only_reason (article));
          return;
        }
      dl_article_set_status (article, request->status);
      /* The open article is saved by the autosaver; another one now. */
      if (!is_open)
        dl_store_save_article_async (self->store, article, self->cancellable, on_saved_cb,
                                     g_object_ref (self));
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
on_opened_by_id_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ByIdRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DlArticle) article = dl_store_open_article_finish (DL_STORE (object), result, &error);

  if (article == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _dl_window_toast (request->window, error->message);
      return;
    }
  /* Opened meanwhile by a click: work on the editor's copy. */
  if (request->window->article != NULL
      && g_strcmp0 (dl_article_get_uuid (request->window->article), dl_article_get_uuid (article)) == 0)
    run_by_id (request, request->window->article);
  else
    run_by_id (request, article);
}

static void
act_by_id (DlWindow        *self,
           const char      *uuid,
           ByIdVerb         verb,
           DlArticleStatus  status)
{
  ByIdRequest *request = g_new0 (ByIdRequest, 1);

  request->window = g_object_ref (self);
  request->verb = verb;
  request->status = status;
  if (self->article != NULL && g_strcmp0 (dl_article_get_uuid (self->article), uuid) == 0)
    {
      run_by_id (request, self->article);
      by_id_request_free (request);
      return;
    }
  dl_store_open_article_async (self->store, uuid, self->cancellable, on_opened_by_id_cb, request);
}

static void
duplicate_article_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  act_by_id (DL_WINDOW (widget), g_variant_get_string (param, NULL), BY_ID_DUPLICATE, DL_ARTICLE_STATUS_DRAFT);
}

static void
export_article_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  act_by_id (DL_WINDOW (widget), g_variant_get_string (param, NULL), BY_ID_EXPORT, DL_ARTICLE_STATUS_DRAFT);
}

static void
set_article_status_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  const char *uuid;
  const char *status_id;
  DlArticleStatus status;

  g_variant_get (param, "(&s&s)", &uuid, &status_id);
  if (!dl_article_status_from_string (status_id, &status)
      || (status != DL_ARTICLE_STATUS_DRAFT && status != DL_ARTICLE_STATUS_READY))
    return;
  act_by_id (DL_WINDOW (widget), uuid, BY_ID_SET_STATUS, status);
}

static void
show_exported_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  dl_window_show_exported (DL_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
toggle_details_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  DlWindow *self = DL_WINDOW (widget);

  dl_article_editor_set_details_visible (self->editor, !dl_article_editor_get_details_visible (self->editor));
}

static void
dismiss_quarantine_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  _dl_window_dismiss_quarantine (DL_WINDOW (widget));
}

/**
 * _dl_window_class_init_actions:
 *
 * Installs the window's actions and their shortcuts; called from
 * dl_window_class_init() once the properties exist.
 */
static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _dl_window_publish (DL_WINDOW (widget));
}

static void
open_from_site_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _dl_window_open_from_site (DL_WINDOW (widget));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _dl_window_save_revision (DL_WINDOW (widget));
}

static void
revisions_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _dl_window_show_revisions (DL_WINDOW (widget));
}

static void
open_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _dl_window_open_link (DL_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

void
_dl_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.revisions", NULL, revisions_action);
  gtk_widget_class_install_action (widget_class, "win.open-link", "s", open_link_action);
  gtk_widget_class_install_action (widget_class, "win.open-from-site", NULL, open_from_site_action);
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
  gtk_widget_class_install_action (widget_class, "win.set-status", "s", set_status_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-ready", NULL, toggle_ready_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-details", NULL, toggle_details_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-article", "s", duplicate_article_action);
  gtk_widget_class_install_action (widget_class, "win.export-article", "s", export_article_action);
  gtk_widget_class_install_action (widget_class, "win.set-article-status", "(ss)", set_article_status_action);
  gtk_widget_class_install_action (widget_class, "win.show-exported", "s", show_exported_action);
  gtk_widget_class_install_property_action (widget_class, "win.toggle-sidebar", "sidebar-visible");
  gtk_widget_class_install_property_action (widget_class, "win.toggle-preview", "preview-visible");
  gtk_widget_class_install_property_action (widget_class, "win.focus-mode", "focus-mode");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.focus-mode", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-article", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_H, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.revisions", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "win.publish", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "win.publish", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
  /* Ctrl+F is find in the story while one is being edited (the editor
   * takes it first); the library's search has Ctrl+Shift+F everywhere. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_P, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.toggle-preview", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  /* Beside F9 (the library); a text view takes Alt+Enter as a newline. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, GDK_SHIFT_MASK, "win.toggle-details", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_R, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.toggle-ready", NULL);
}
