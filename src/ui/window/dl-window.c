/* dl-window.c: the main window: library sidebar, editor, preview
 *
 * Building the window, loading the library, showing an article, the
 * save state and the banners, changes made outside, and closing. The
 * actions are in dl-window-actions.c, the preview pane in
 * dl-window-preview.c, the export and import dialogs in
 * dl-window-export-import.c; they share dl-window-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-quarantined-file.h"
#include "dl-window-private.h"
#include "dl-resources.h"


G_DEFINE_FINAL_TYPE (DlWindow, dl_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SIDEBAR_VISIBLE,
  PROP_PREVIEW_VISIBLE,
  PROP_FOCUS_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void on_recovered_listed_cb (GObject      *object,
                                    GAsyncResult *result,
                                    gpointer      user_data);
static void open_article (DlWindow   *self,
                          const char *uuid,
                          gboolean    completes_load);
static void set_preview_visible (DlWindow *self,
                                 gboolean  visible);

void
_dl_window_update_page (DlWindow *self)
{
  const char *page;

  if (self->article != NULL)
    page = "editor";
  else if (!self->library_loaded)
    page = "loading";
  else if (g_list_model_get_n_items (dl_store_get_summaries (self->store)) == 0)
    page = "empty";
  else
    page = "no-article";

  gtk_stack_set_visible_child_name (self->content_stack, page);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-article", self->article != NULL);
}

static void
update_title (DlWindow *self)
{
  g_autofree char *title = NULL;

  if (self->article == NULL)
    {
      adw_window_title_set_title (self->window_title, "Dateline");
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), "Dateline");
      return;
    }

  title = dl_article_dup_display_title (self->article);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, dl_article_get_category (self->article));
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_save_state (DlWindow *self)
{
  DlSaveState state = dl_autosaver_get_state (self->autosaver);
  const char *message = dl_autosaver_get_error_message (self->autosaver);
  gboolean error = FALSE;

  switch (state)
    {
    case DL_SAVE_STATE_SAVED:
      /* Translators: the save state in the header bar: the article is saved */
      gtk_label_set_label (self->save_label, _("Saved"));
      break;

    case DL_SAVE_STATE_PENDING:
      /* Typed, not yet on disk: never "Saved". */
      gtk_label_set_label (self->save_label, C_("save state", "Edited"));
      break;

    case DL_SAVE_STATE_SAVING:
      gtk_label_set_label (self->save_label, _("Saving…"));
      break;

    case DL_SAVE_STATE_ERROR:
      gtk_label_set_label (self->save_label, _("Not Saved"));
      error = TRUE;
      break;

    case DL_SAVE_STATE_CONFLICT:
      gtk_label_set_label (self->save_label, _("Not Saved"));
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_widget_set_visible (GTK_WIDGET (self->save_label), self->article != NULL || error);
  gtk_widget_set_visible (GTK_WIDGET (self->save_icon), error || state == DL_SAVE_STATE_CONFLICT);
  if (state == DL_SAVE_STATE_CONFLICT)
    {
      g_autofree char *text = g_strdup_printf ("<b>%s</b>\n<small>%s</small>",
                                               _("Another program changed this article while it was open."),
                                               _("Nothing has been overwritten, and your text is kept safe. Keep your version or use theirs: the one you do not keep goes to the trash."));
      gtk_label_set_markup (self->conflict_label, text);
    }
  gtk_revealer_set_reveal_child (self->conflict_revealer, state == DL_SAVE_STATE_CONFLICT);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_icon), message);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_label), error ? message : NULL);

  if (error)
    {
      g_autofree char *text = NULL;

      g_autofree char *escaped = g_markup_escape_text (message != NULL ? message : "", -1);

      /* The store's message is a sentence of its own; ours says what it means. */
      text = g_strdup_printf ("<b>%s</b> %s\n<small>%s</small>",
                              _("Could not save the article."),
                              _("Your text is kept in Dateline and saving will be tried again."),
                              escaped);
      gtk_label_set_markup (self->save_error_label, text);
    }
  gtk_revealer_set_reveal_child (self->save_error_revealer, error);
}

static void
on_article_changed_cb (DlWindow   *self,
                       GParamSpec *pspec)
{
  if (g_str_equal (pspec->name, "headline") || g_str_equal (pspec->name, "category"))
    update_title (self);
}

/**
 * dl_window_show_article:
 * @self: a window
 * @article: (nullable): an article from the window's store
 *
 * Puts @article in the editor; the previous one is saved first.
 */
void
dl_window_show_article (DlWindow  *self,
                        DlArticle *article)
{
  g_return_if_fail (DL_IS_WINDOW (self));
  g_return_if_fail (article == NULL || DL_IS_ARTICLE (article));

  if (self->article == article)
    return;


  if (self->article != NULL)
    g_clear_signal_handler (&self->article_changed_id, self->article);
  g_set_object (&self->article, article);
  if (article != NULL)
    /* Not "changed": that fires on every keystroke in the body. */
    self->article_changed_id = g_signal_connect_swapped (article, "notify",
                                                         G_CALLBACK (on_article_changed_cb), self);

  dl_autosaver_set_article (self->autosaver, article);
  dl_article_editor_set_article (self->editor, article);
  if (self->preview != NULL)
    dl_preview_pane_set_article (self->preview, article);
  dl_library_view_select_uuid (self->library_view, article != NULL ? dl_article_get_uuid (article) : NULL);

  g_settings_set_string (self->settings, "last-article",
                         article != NULL ? dl_article_get_uuid (article) : "");
  update_title (self);
  _dl_window_update_page (self);
  update_save_state (self);
}

/* An article being opened; the first one of dl_window_load_async()
 * completes the load when it shows. */
typedef struct
{
  DlWindow *window;
  gboolean  completes_load;
} OpenRequest;

static void
complete_load (DlWindow *self)
{
  g_autoptr(GTask) load_task = g_steal_pointer (&self->load_task);

  /* A missing last article is not an error worth reporting at startup. */
  if (load_task != NULL)
    g_task_return_boolean (load_task, TRUE);
}

static void
on_article_opened_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  OpenRequest *request = user_data;
  g_autoptr(DlWindow) self = request->window;
  gboolean completes_load = request->completes_load;
  g_autoptr(DlArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  g_free (request);
  article = dl_store_open_article_finish (DL_STORE (object), result, &error);
  if (article == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _dl_window_toast (self, error->message);
    }
  else
    dl_window_show_article (self, article);
  if (completes_load)
    complete_load (self);
}

static void
open_article (DlWindow   *self,
              const char *uuid,
              gboolean    completes_load)
{
  OpenRequest *request;

  g_assert (DL_IS_WINDOW (self));
  g_assert (uuid != NULL);

  if (self->article != NULL && g_strcmp0 (dl_article_get_uuid (self->article), uuid) == 0)
    {
      if (completes_load)
        complete_load (self);
      return;
    }

  /* The journalist clicked another article before this one arrived. */
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();

  request = g_new0 (OpenRequest, 1);
  request->window = g_object_ref (self);
  request->completes_load = completes_load;
  dl_store_open_article_async (self->store, uuid, self->open_cancellable,
                               on_article_opened_cb, request);
}

/**
 * dl_window_open_article:
 * @self: a window
 * @uuid: an article of the library
 *
 * Reads the article off the main thread, then shows it.
 */
void
dl_window_open_article (DlWindow   *self,
                        const char *uuid)
{
  g_return_if_fail (DL_IS_WINDOW (self));
  g_return_if_fail (uuid != NULL);

  open_article (self, uuid, FALSE);
}

static void
on_article_selected_cb (DlWindow   *self,
                        const char *uuid)
{
  dl_window_open_article (self, uuid);
}

/* Enter on a row: open it and go writing. */
static void
on_article_activated_cb (DlWindow   *self,
                         const char *uuid)
{
  dl_window_open_article (self, uuid);
  dl_article_editor_focus_body (self->editor);
}

static void
on_trash_purged_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  guint n_deleted = 0;

  if (!dl_store_delete_trashed_finish (DL_STORE (object), result, &n_deleted, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* Not worth a dialog: the next start tries again. */
    g_message ("Could not purge the trash: %s", error->message);
  else if (n_deleted > 0)
    g_message ("Purged %u articles trashed more than %d days ago", n_deleted, DL_STORE_TRASH_KEEP_DAYS);
}

static void
update_quarantine (DlWindow *self)
{
  GListModel *model = dl_store_get_quarantined (self->store);
  guint n_items = g_list_model_get_n_items (model);
  g_auto(GStrv) dismissed = g_settings_get_strv (self->settings, "dismissed-quarantine");
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *summary = NULL;
  guint n_new = 0;

  /* Files the journalist has been told about and dismissed are not
   * announced again at every start; a new one is. */
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(DlQuarantinedFile) file = g_list_model_get_item (model, i);
      g_autofree char *path = g_file_get_path (dl_quarantined_file_get_file (file));

      if (path == NULL || !g_strv_contains ((const char * const *) dismissed, path))
        n_new++;
    }
  if (n_new == 0)
    {
      gtk_revealer_set_reveal_child (self->quarantine_revealer, FALSE);
      return;
    }

  summary = g_strdup_printf (ngettext ("%u article could not be opened. Its file was set aside, unchanged.",
                                       "%u articles could not be opened. Their files were set aside, unchanged.",
                                       n_new), n_new);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(DlQuarantinedFile) file = g_list_model_get_item (model, i);
      g_autofree char *path = g_file_get_path (dl_quarantined_file_get_file (file));

      if (path != NULL && g_strv_contains ((const char * const *) dismissed, path))
        continue;
      if (details->len > 0)
        g_string_append (details, "\n\n");
      /* Translators: a damaged file: its name, why it failed, and where it was moved */
      g_string_append_printf (details, _("%s: %s\nMoved to %s"),
                              dl_quarantined_file_get_original_name (file),
                              dl_quarantined_file_get_reason (file),
                              path != NULL ? path : "");
    }

  gtk_label_set_label (self->quarantine_label, summary);
  gtk_label_set_label (self->quarantine_details_label, details->str);
  gtk_revealer_set_reveal_child (self->quarantine_revealer, TRUE);
  _dl_window_toast (self, summary);
}

/**
 * _dl_window_dismiss_quarantine:
 *
 * Hides the banner and remembers the files it named, so that the next
 * start does not announce them again.
 */
void
_dl_window_dismiss_quarantine (DlWindow *self)
{
  GListModel *model = dl_store_get_quarantined (self->store);
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DlQuarantinedFile) file = g_list_model_get_item (model, i);
      g_autofree char *path = g_file_get_path (dl_quarantined_file_get_file (file));

      if (path != NULL)
        g_strv_builder_add (paths, path);
    }
  list = g_strv_builder_end (paths);
  g_settings_set_strv (self->settings, "dismissed-quarantine", (const char * const *) list);
  gtk_revealer_set_reveal_child (self->quarantine_revealer, FALSE);
}

static void
on_sidebar_max_position_cb (DlWindow *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->sidebar_paned));

  if (width <= 0)
    return;
  _dl_window_apply_sidebar_fraction (self, width);
  g_clear_signal_handler (&self->sidebar_position_id, self->sidebar_paned);
}

static void
on_library_loaded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(DlWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!dl_store_load_finish (DL_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      _dl_window_toast (self, error->message);
    }

  self->library_loaded = TRUE;
  if (self->article != NULL)
    dl_library_view_select_uuid (self->library_view, dl_article_get_uuid (self->article));
  _dl_window_update_page (self);
  update_quarantine (self);
  _dl_window_update_known_categories (self);
  dl_store_list_recovered_async (self->store, self->cancellable, on_recovered_listed_cb,
                                 g_object_ref (self));
  /* What has been in the trash for 30 days goes (docs/EDITING.md). */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr(GDateTime) cutoff = g_date_time_add_days (now, -DL_STORE_TRASH_KEEP_DAYS);

    dl_store_purge_trash_async (self->store, cutoff, self->cancellable, on_trash_purged_cb, NULL);
  }
}

static int
compare_collated (gconstpointer a,
                  gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* Categories used before in the library and the default site's, each
 * once (compared without case), in alphabetical order. Summaries come
 * from the index, so this reads no article file. */
void
_dl_window_update_known_categories (DlWindow *self)
{
  GListModel *summaries = dl_store_get_summaries (self->store);
  guint n = g_list_model_get_n_items (summaries);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->known_categories));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  gboolean same;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DlArticleSummary) summary = g_list_model_get_item (summaries, i);
      const char *category = dl_article_summary_get_category (summary);
      char *folded;

      if (category == NULL || *category == '\0')
        continue;
      folded = g_utf8_casefold (category, -1);
      if (g_hash_table_add (seen, folded))
        g_ptr_array_add (names, (gpointer) category);
    }
  /* And the default site's own, as last fetched (dl-window-publish.c). */
  for (guint i = 0; self->site_categories != NULL && self->site_categories[i] != NULL; i++)
    {
      char *folded = g_utf8_casefold (self->site_categories[i], -1);

      if (g_hash_table_add (seen, folded))
        g_ptr_array_add (names, self->site_categories[i]);
    }
  g_ptr_array_sort (names, compare_collated);

  same = names->len == n_old;
  for (guint i = 0; same && i < n_old; i++)
    same = g_strcmp0 (gtk_string_list_get_string (self->known_categories, i),
                      g_ptr_array_index (names, i)) == 0;
  if (same)
    return;

  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->known_categories, 0, n_old, (const char * const *) names->pdata);
}

static void
on_summaries_changed_cb (DlWindow *self)
{
  if (self->library_loaded)
    {
      _dl_window_update_page (self);
      _dl_window_update_known_categories (self);
    }
}

static void
start_library_load (DlWindow *self)
{
  if (self->frame_clock != NULL)
    {
      /* A frame clock disposed with its surface has dropped its handlers. */
      if (g_signal_handler_is_connected (self->frame_clock, self->after_paint_id))
        g_signal_handler_disconnect (self->frame_clock, self->after_paint_id);
      self->after_paint_id = 0;
      g_clear_object (&self->frame_clock);
    }

  /* A preview left open last time starts loading after the first frame
   * too; its width is set again now that the window has its real size
   * (a maximized window gets it only after its first allocation). */
  if (self->preview_visible)
    {
      _dl_window_apply_preview_width (self);
      _dl_window_ensure_preview (self);
    }

  if (self->library_load_started)
    return;

  self->library_load_started = TRUE;
  dl_store_load_async (self->store, self->cancellable, on_library_loaded_cb, g_object_ref (self));
}

static void
dl_window_map (GtkWidget *widget)
{
  DlWindow *self = DL_WINDOW (widget);

  GTK_WIDGET_CLASS (dl_window_parent_class)->map (widget);

  /* Reading the library starts once the first frame is on screen, so even
   * 10,000 articles cannot compete with it for the CPU. */
  if (self->library_load_requested && !self->library_load_started && self->frame_clock == NULL)
    {
      self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
      self->after_paint_id = g_signal_connect_swapped (self->frame_clock, "after-paint",
                                                       G_CALLBACK (start_library_load), self);
    }
}

/**
 * dl_window_load_async:
 * @self: a window
 * @uuid: (nullable): the article to open, NULL for the last one
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the article is shown (or there is none)
 * @user_data: data for @callback
 *
 * The library list fills in on its own when the index is read (after the
 * window's first frame); this only waits for the one article, a single
 * small file.
 */
void
dl_window_load_async (DlWindow            *self,
                      const char          *uuid,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *last = NULL;

  g_return_if_fail (DL_IS_WINDOW (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dl_window_load_async);

  self->library_load_requested = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_library_load (self);

  if (uuid == NULL)
    uuid = last = g_settings_get_string (self->settings, "last-article");

  if (uuid == NULL || *uuid == '\0')
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* A second load before the first article arrived: the first one ends. */
  complete_load (self);
  self->load_task = g_steal_pointer (&task);
  open_article (self, uuid, TRUE);
}

gboolean
dl_window_load_finish (DlWindow      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (DL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
set_preview_visible (DlWindow *self,
                     gboolean  visible)
{
  if (_dl_window_set_preview_visible (self, visible))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREVIEW_VISIBLE]);
}

/* Focus mode (F11): the text alone, full screen, centred by the editor's
 * clamp; the library, the details and the preview come back as they were
 * when it ends, and nothing about it is remembered as a preference. */
static void
set_focus_mode (DlWindow *self,
                gboolean  focus_mode)
{
  focus_mode = !!focus_mode;
  if (self->focus_mode == (guint) focus_mode)
    return;
  if (focus_mode)
    {
      self->before_focus_sidebar = gtk_widget_get_visible (self->sidebar);
      self->before_focus_preview = self->preview_visible;
      self->before_focus_details = dl_article_editor_get_details_visible (self->editor);
      self->before_focus_fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));
      self->focus_mode = TRUE;
      dl_article_editor_set_focus_mode (self->editor, TRUE);
      gtk_widget_set_visible (self->sidebar, FALSE);
      set_preview_visible (self, FALSE);
      dl_article_editor_set_details_visible (self->editor, FALSE);
      gtk_window_fullscreen (GTK_WINDOW (self));
      if (self->article != NULL)
        dl_article_editor_focus_body (self->editor);
    }
  else
    {
      gtk_widget_set_visible (self->sidebar, self->before_focus_sidebar);
      set_preview_visible (self, self->before_focus_preview);
      dl_article_editor_set_details_visible (self->editor, self->before_focus_details);
      if (!self->before_focus_fullscreen)
        gtk_window_unfullscreen (GTK_WINDOW (self));
      self->focus_mode = FALSE;
      dl_article_editor_set_focus_mode (self->editor, FALSE);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-sidebar", !self->focus_mode);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-preview", !self->focus_mode);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_MODE]);
}

static void
on_sidebar_visible_cb (DlWindow *self)
{
  gboolean visible = gtk_widget_get_visible (self->sidebar);

  /* With the sidebar hidden the content header carries the window buttons. */
  adw_header_bar_set_show_start_title_buttons (self->content_header, !visible);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDEBAR_VISIBLE]);
}

static void
save_window_state (DlWindow *self)
{
  int width = 0;
  int height = 0;
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  if (!maximized)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  if (gtk_widget_get_visible (self->sidebar))
    _dl_window_save_pane_fractions (self);

}

static gboolean
destroy_in_idle_cb (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
destroy_soon (DlWindow *self)
{
  /* Destroyed from an idle: this may run inside the autosaver's own save
   * callback, which must not see its owner vanish under it. */
  self->can_destroy = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, destroy_in_idle_cb, g_object_ref (self), g_object_unref);
}

static void
on_lose_changes_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             DlWindow         *self)
{
  if (g_str_equal (response, "close"))
    destroy_soon (self);
}

static void
on_close_flushed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(DlWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  self->closing = FALSE;
  if (dl_autosaver_save_or_recover_finish (DL_AUTOSAVER (object), result, &error))
    {
      destroy_soon (self);
      return;
    }

  /* Neither the library nor the recovery folder took the text: closing
   * now would lose it. Ask, plainly. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Your Latest Changes Could Not Be Saved"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: "them" are the latest changes named in the title; %s is why,
                                   * such as "No space left on device" */
                                  _("Dateline could not save them anywhere: %s\n\nIf you close the window now, they are lost. Keep it open to copy the text somewhere else, or to try again once there is room."),
                                  error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Editing"),
                                    "close", _("_Close and Lose Changes"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_lose_changes_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
dl_window_close_request (GtkWindow *window)
{
  DlWindow *self = DL_WINDOW (window);

  if (self->can_destroy)
    return FALSE;

  if (!self->closing)
    {
      self->closing = TRUE;
      save_window_state (self);
      dl_autosaver_save_or_recover_async (self->autosaver, NULL, on_close_flushed_cb, g_object_ref (self));
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Outside changes and recovered text                                  */

static void
on_reloaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DlWindow) self = user_data;
  g_autoptr(DlArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;

  article = dl_store_open_article_finish (DL_STORE (object), result, &error);
  if (article == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _dl_window_toast (self, error->message);
      return;
    }
  if (self->article == NULL || g_strcmp0 (dl_article_get_uuid (self->article), dl_article_get_uuid (article)) != 0)
    return;
  dl_window_show_article (self, article);
  title = dl_article_dup_display_title (article);
  /* Translators: %s is the article's headline, or "Untitled article" */
  message = g_strdup_printf (_("“%s” was changed by another program and has been reloaded."), title);
  _dl_window_toast (self, message);
}

static void
on_backed_up_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(DlWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!dl_store_back_up_article_finish (DL_STORE (object), result, &error))
    g_message ("Could not keep the previous version: %s", error->message);
  if (self->article != NULL)
    dl_store_open_article_async (self->store, dl_article_get_uuid (self->article), self->cancellable,
                                 on_reloaded_cb, g_object_ref (self));
}

static void
on_flushed_quietly_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The autosaver's state (and the conflict banner) show the outcome. */
  if (!dl_autosaver_flush_finish (DL_AUTOSAVER (object), result, &error))
    g_debug ("Saving failed: %s", error->message);
}

/* Another program changed an article's file. The open one is reloaded
 * when nothing typed is waiting to be saved (the version that was open
 * goes to backups/); otherwise saving now meets the change and the
 * journalist chooses (the conflict banner). */
static void
on_changed_outside_cb (DlWindow   *self,
                       const char *uuid,
                       DlArticle  *article,
                       DlStore    *store)
{
  if (self->article == NULL || g_strcmp0 (dl_article_get_uuid (self->article), uuid) != 0)
    return;
  if (dl_autosaver_get_state (self->autosaver) == DL_SAVE_STATE_SAVED)
    dl_store_back_up_article_async (self->store, self->article, self->cancellable,
                                    on_backed_up_cb, g_object_ref (self));
  else
    dl_autosaver_flush_async (self->autosaver, NULL, on_flushed_quietly_cb, NULL);
}

void
_dl_window_update_recovery (DlWindow *self)
{
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  guint n = self->recovered != NULL ? self->recovered->len : 0;

  if (n > 0)
    {
      title = dl_article_dup_display_title (g_ptr_array_index (self->recovered, 0));
      if (n == 1)
        /* Translators: %s is an article's headline, or "Untitled article" */
        text = g_strdup_printf (_("Dateline kept text of “%s” that could not be saved last time."), title);
      else
        /* Translators: %s is an article's headline, or "Untitled article"; %u is how many
         * other articles have kept text too */
        text = g_strdup_printf (ngettext ("Dateline kept text of “%s” and %u more article that could not be saved last time.",
                                          "Dateline kept text of “%s” and %u more articles that could not be saved last time.",
                                          n - 1),
                                title, n - 1);
      gtk_label_set_label (self->recovery_label, text);
    }
  gtk_revealer_set_reveal_child (self->recovery_revealer, n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-recovered", n > 0);
}

static void
on_recovered_listed_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(DlWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->recovered, g_ptr_array_unref);
  self->recovered = dl_store_list_recovered_finish (DL_STORE (object), result, &error);
  if (self->recovered == NULL)
    g_message ("Could not look in the recovery folder: %s", error->message);
  _dl_window_update_recovery (self);
}

static void
dl_window_constructed (GObject *object)
{
  DlWindow *self = DL_WINDOW (object);

  G_OBJECT_CLASS (dl_window_parent_class)->constructed (object);

  /* The context is a construct property: what depends on it starts here. */
  g_assert (DL_IS_CONTEXT (self->context));
  self->store = g_object_ref (dl_context_get_store (self->context));
  self->settings = g_object_ref (dl_context_get_settings (self->context));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  _dl_window_apply_sidebar_fraction (self, g_settings_get_int (self->settings, "window-width"));
  /* Maximized, or tiled, the window is not its default width: again once
   * the paned knows its own. */
  self->sidebar_position_id = g_signal_connect_swapped (self->sidebar_paned, "notify::max-position",
                                                        G_CALLBACK (on_sidebar_max_position_cb), self);
  set_preview_visible (self, g_settings_get_boolean (self->settings, "preview-visible"));

  self->autosaver = dl_autosaver_new (self->store);
  g_signal_connect_object (self->autosaver, "notify::state",
                           G_CALLBACK (update_save_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->autosaver, "notify::error-message",
                           G_CALLBACK (update_save_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dl_store_get_summaries (self->store), "items-changed",
                           G_CALLBACK (on_summaries_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dl_store_get_quarantined (self->store), "items-changed",
                           G_CALLBACK (update_quarantine), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed-outside",
                           G_CALLBACK (on_changed_outside_cb), self, G_CONNECT_SWAPPED);
  dl_store_watch (self->store);
  dl_library_view_set_store (self->library_view, self->store);
  dl_article_editor_set_context (self->editor, self->context);
  dl_article_editor_set_known_categories (self->editor, G_LIST_MODEL (self->known_categories));
  dl_article_editor_set_known_tags (self->editor, G_LIST_MODEL (self->site_tags));

  _dl_window_setup_publishing (self);

  update_save_state (self);
  _dl_window_update_page (self);
}

static void
dl_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  DlWindow *self = DL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_SIDEBAR_VISIBLE:
      g_value_set_boolean (value, self->sidebar != NULL && gtk_widget_get_visible (self->sidebar));
      break;

    case PROP_PREVIEW_VISIBLE:
      g_value_set_boolean (value, self->preview_visible);
      break;

    case PROP_FOCUS_MODE:
      g_value_set_boolean (value, self->focus_mode);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  DlWindow *self = DL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_SIDEBAR_VISIBLE:
      gtk_widget_set_visible (self->sidebar, g_value_get_boolean (value));
      break;

    case PROP_PREVIEW_VISIBLE:
      set_preview_visible (self, g_value_get_boolean (value));
      break;

    case PROP_FOCUS_MODE:
      set_focus_mode (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_window_dispose (GObject *object)
{
  DlWindow *self = DL_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->open_cancellable);
  if (self->article != NULL)
    g_clear_signal_handler (&self->article_changed_id, self->article);
  if (self->preview_position_id != 0)
    g_clear_signal_handler (&self->preview_position_id, self->preview_paned);
  if (self->sidebar_position_id != 0)
    g_clear_signal_handler (&self->sidebar_position_id, self->sidebar_paned);
  if (self->frame_clock != NULL)
    {
      /* A frame clock disposed with its surface has dropped its handlers. */
      if (g_signal_handler_is_connected (self->frame_clock, self->after_paint_id))
        g_signal_handler_disconnect (self->frame_clock, self->after_paint_id);
      self->after_paint_id = 0;
      g_clear_object (&self->frame_clock);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), DL_TYPE_WINDOW);

  g_clear_object (&self->autosaver);
  g_clear_object (&self->article);
  g_clear_object (&self->load_task);

  G_OBJECT_CLASS (dl_window_parent_class)->dispose (object);
}

static void
dl_window_finalize (GObject *object)
{
  DlWindow *self = DL_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->open_cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->known_categories);
  g_clear_pointer (&self->site_categories, g_strfreev);
  g_clear_object (&self->site_tags);
  g_clear_pointer (&self->recovered, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (dl_window_parent_class)->finalize (object);
}

static void
on_delete_requested_cb (DlWindow   *self,
                        const char *uuid)
{
  _dl_window_delete_article (self, uuid);
}

static void
dl_window_class_init (DlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = dl_window_constructed;
  object_class->dispose = dl_window_dispose;
  object_class->finalize = dl_window_finalize;
  object_class->get_property = dl_window_get_property;
  object_class->set_property = dl_window_set_property;
  window_class->close_request = dl_window_close_request;
  widget_class->map = dl_window_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, DL_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SIDEBAR_VISIBLE] =
    g_param_spec_boolean ("sidebar-visible", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PREVIEW_VISIBLE] =
    g_param_spec_boolean ("preview-visible", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FOCUS_MODE] =
    g_param_spec_boolean ("focus-mode", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (DL_TYPE_ARTICLE_EDITOR);
  g_type_ensure (DL_TYPE_LIBRARY_VIEW);
  g_type_ensure (DL_TYPE_OUTBOX_BANNER);

  /* Referencing the resource links it in from the static library. */
  (void) dl_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dateline/Dateline/dl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DlWindow, content_header);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, details_button);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, library_view);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, preview_bin);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, preview_paned);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, conflict_label);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, conflict_revealer);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, recovery_label);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, recovery_revealer);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, quarantine_details_label);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, quarantine_label);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, quarantine_revealer);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, save_error_label);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, save_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, save_icon);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, save_label);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, sidebar_paned);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, outbox_banner);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, window_title);
  gtk_widget_class_bind_template_callback (widget_class, on_article_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_article_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_requested_cb);

  _dl_window_class_init_actions (widget_class);
}

static void
dl_window_init (DlWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->known_categories = gtk_string_list_new (NULL);
  self->site_tags = gtk_string_list_new (NULL);

  g_signal_connect_swapped (self->sidebar, "notify::visible", G_CALLBACK (on_sidebar_visible_cb), self);
  on_sidebar_visible_cb (self);
  _dl_window_init_preview (self);
  g_object_bind_property (self->editor, "details-visible", self->details_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

/**
 * dl_window_new:
 * @application: the application
 * @context: the shared services; its store is the library this window
 *   edits, and it must have settings (the installed schema)
 *
 * Returns: (transfer full): a new window; call dl_window_load_async()
 */
DlWindow *
dl_window_new (GtkApplication *application,
               DlContext      *context)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (DL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (dl_context_get_settings (context) != NULL, NULL);

  return g_object_new (DL_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

/**
 * _dl_window_toast:
 * @message: a sentence, shown for a few seconds
 */
void
_dl_window_toast (DlWindow   *self,
                  const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

DlAutosaver *
dl_window_get_autosaver (DlWindow *self)
{
  g_return_val_if_fail (DL_IS_WINDOW (self), NULL);
  return self->autosaver;
}

DlArticleEditor *
dl_window_get_editor (DlWindow *self)
{
  g_return_val_if_fail (DL_IS_WINDOW (self), NULL);
  return self->editor;
}

DlLibraryView *
dl_window_get_library_view (DlWindow *self)
{
  g_return_val_if_fail (DL_IS_WINDOW (self), NULL);
  return self->library_view;
}

/**
 * dl_window_get_article:
 * @self: a window
 *
 * Returns: (nullable) (transfer none): the article in the editor
 */
DlArticle *
dl_window_get_article (DlWindow *self)
{
  g_return_val_if_fail (DL_IS_WINDOW (self), NULL);
  return self->article;
}

/**
 * dl_window_get_visible_page:
 * @self: a window
 *
 * Returns: "loading", "empty" (an empty library), "no-article" or "editor"
 */
const char *
dl_window_get_visible_page (DlWindow *self)
{
  g_return_val_if_fail (DL_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->content_stack);
}

static void
on_new_article_saved_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(DlWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  /* The article stays open with its text; the autosaver retries once it
   * is edited, and says so. */
  if (!dl_store_save_article_finish (DL_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _dl_window_toast (self, error->message);
    }
  else if (self->article != NULL)
    dl_library_view_select_uuid (self->library_view, dl_article_get_uuid (self->article));
}

/**
 * dl_window_new_article:
 * @self: a window
 *
 * Starts an empty article, lists it at once and puts the cursor in its
 * headline.
 */
void
dl_window_new_article (DlWindow *self)
{
  g_autoptr(DlArticle) article = NULL;
  g_autofree char *language = NULL;

  g_return_if_fail (DL_IS_WINDOW (self));

  article = dl_article_new ();
  language = g_settings_get_string (self->settings, "default-language");
  if (*language != '\0')
    dl_article_set_language (article, language);
  /* It must show in the list even if the search would hide it. */
  dl_library_view_set_search_text (self->library_view, NULL);
  dl_window_show_article (self, article);
  dl_store_save_article_async (self->store, article, self->cancellable,
                               on_new_article_saved_cb, g_object_ref (self));
  dl_library_view_select_uuid (self->library_view, dl_article_get_uuid (article));
  dl_article_editor_focus_headline (self->editor);
}

/**
 * dl_window_get_preview:
 *
 * Returns: (nullable) (transfer none): the DlPreview widget, or %NULL
 *   while the pane was never shown.
 */
GtkWidget *
dl_window_get_preview (DlWindow *self)
{
  g_return_val_if_fail (DL_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->preview);
}
