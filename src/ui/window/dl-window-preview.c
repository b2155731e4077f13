/* dl-window-preview.c: the window's preview pane
 *
 * The preview (WebKit) is a module loaded the first time the pane is
 * shown, in a worker thread, so the first frame never waits for it
 * (dl-preview-loader.c); the window drives it through DlPreviewPane.
 * The pane's width is remembered from the end of the paned.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-window"

#include "config.h"

#include "dl-preview-loader.h"
#include "dl-window-private.h"

/* The panes are remembered as proportions of the space they share, so a
 * size saved in a small window comes back sensibly in a large one (and
 * the other way round): the library as a fraction of the window, the
 * preview as a fraction of what the library leaves. */

#define SIDEBAR_MIN_WIDTH 220

void
_dl_window_save_pane_fractions (DlWindow *self)
{
  int window_width = gtk_widget_get_width (GTK_WIDGET (self->sidebar_paned));
  int preview_total = gtk_widget_get_width (GTK_WIDGET (self->preview_paned));

  if (gtk_widget_get_visible (self->sidebar) && window_width > 0)
    g_settings_set_double (self->settings, "sidebar-fraction",
                           CLAMP ((double) gtk_paned_get_position (self->sidebar_paned) / window_width, 0.1, 0.6));
  if (self->preview_visible && preview_total > 0 && gtk_widget_get_width (GTK_WIDGET (self->preview_bin)) > 0)
    g_settings_set_double (self->settings, "preview-fraction",
                           CLAMP ((double) gtk_widget_get_width (GTK_WIDGET (self->preview_bin)) / preview_total,
                                  0.15, 0.85));
}

/* @window_width: the width the sidebar's paned has, or will have */
void
_dl_window_apply_sidebar_fraction (DlWindow *self,
                                   int       window_width)
{
  double fraction = g_settings_get_double (self->settings, "sidebar-fraction");
  int position = (int) (fraction * window_width + 0.5);

  if (window_width <= 0)
    return;
  gtk_paned_set_position (self->sidebar_paned, CLAMP (position, SIDEBAR_MIN_WIDTH, MAX (SIDEBAR_MIN_WIDTH, window_width / 2)));
}

/* "max-position" is the paned's width less the preview's minimum, not
 * its width: the position that leaves the preview its remembered share
 * is the allocated width less that share, kept within what both panes
 * can take. */
void
_dl_window_apply_preview_width (DlWindow *self)
{
  int max_position = 0;
  int total = gtk_widget_get_width (GTK_WIDGET (self->preview_paned));
  int width = (int) (g_settings_get_double (self->settings, "preview-fraction") * total + 0.5);

  g_object_get (self->preview_paned, "max-position", &max_position, NULL);
  if (max_position > 0 && total > 0)
    gtk_paned_set_position (self->preview_paned, CLAMP (total - width, MIN (360, max_position), max_position));
}

static void
on_preview_max_position_cb (DlWindow *self)
{
  int max_position = 0;

  g_object_get (self->preview_paned, "max-position", &max_position, NULL);
  if (max_position <= 0 || !self->preview_visible)
    return;

  _dl_window_apply_preview_width (self);
  g_clear_signal_handler (&self->preview_position_id, self->preview_paned);
}

static void
on_preview_loaded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(DlWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GType type = dl_preview_loader_load_finish (result, &error);

  self->preview_loading = FALSE;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (type == G_TYPE_INVALID)
    {
      g_warning ("%s", error->message);
      _dl_window_toast (self, error->message);
      return;
    }

  /* The loader checked that the type is a DlPreviewPane. */
  self->preview = g_object_new (type, NULL);
  dl_preview_pane_set_context (self->preview, self->context);
  dl_preview_pane_set_article (self->preview, self->article);
  adw_bin_set_child (self->preview_bin, GTK_WIDGET (self->preview));
}

/* The preview's module (and WebKit with it) is loaded the first time the
 * pane is shown, in a worker thread: the first frame never waits for it. */
void
_dl_window_ensure_preview (DlWindow *self)
{
  if (self->preview != NULL || self->preview_loading)
    return;
  self->preview_loading = TRUE;
  dl_preview_loader_load_async (self->cancellable, on_preview_loaded_cb, g_object_ref (self));
}

/* Returns: whether it changed; the window notifies "preview-visible". */
gboolean
_dl_window_set_preview_visible (DlWindow *self,
                                gboolean  visible)
{
  visible = !!visible;
  if (self->preview_visible == (guint) visible)
    return FALSE;

  if (!visible)
    _dl_window_save_pane_fractions (self);

  self->preview_visible = visible;
  gtk_widget_set_visible (GTK_WIDGET (self->preview_bin), visible);
  if (!self->focus_mode)
    g_settings_set_boolean (self->settings, "preview-visible", visible);
  if (visible)
    {
      /* Before the first frame, start_library_load() does it after paint. */
      if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->frame_clock == NULL)
        _dl_window_ensure_preview (self);
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        _dl_window_apply_preview_width (self);
      else if (self->preview_position_id == 0)
        self->preview_position_id =
          g_signal_connect_swapped (self->preview_paned, "notify::max-position",
                                    G_CALLBACK (on_preview_max_position_cb), self);
    }
  return TRUE;
}

static void
on_body_cursor_moved_cb (DlWindow *self,
                         guint64   byte_offset)
{
  if (self->preview != NULL && self->preview_visible)
    dl_preview_pane_reveal_offset (self->preview, byte_offset);
}

/* Called from the window's init: the preview follows the editor's cursor. */
void
_dl_window_init_preview (DlWindow *self)
{
  g_signal_connect_object (self->editor, "body-cursor-moved",
                           G_CALLBACK (on_body_cursor_moved_cb), self, G_CONNECT_SWAPPED);
}
