/* dl-window.h: the main window: library sidebar, editor, preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dl-article-editor.h"
#include "dl-autosaver.h"
#include "dl-library-view.h"
#include "dl-store.h"

G_BEGIN_DECLS

#define DL_TYPE_WINDOW (dl_window_get_type ())
G_DECLARE_FINAL_TYPE (DlWindow, dl_window, DL, WINDOW, AdwApplicationWindow)

DlWindow        *dl_window_new_with_store     (GtkApplication      *application,
                                               DlStore             *store);
DlStore         *dl_window_get_store          (DlWindow            *self);
DlAutosaver     *dl_window_get_autosaver      (DlWindow            *self);
DlArticleEditor *dl_window_get_editor         (DlWindow            *self);
DlLibraryView   *dl_window_get_library_view   (DlWindow            *self);
DlArticle       *dl_window_get_article        (DlWindow            *self);
AdwToastOverlay *dl_window_get_toast_overlay  (DlWindow            *self);
GtkWidget       *dl_window_get_preview        (DlWindow            *self);
const char      *dl_window_get_visible_page   (DlWindow            *self);
/* Loads the library and opens @uuid (nullable: the last article from
 * GSettings); completes as soon as that article is shown, or at once when
 * there is none, so the caller can present a window with text in it. */
void             dl_window_load_async         (DlWindow            *self,
                                               const char          *uuid,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean         dl_window_load_finish        (DlWindow            *self,
                                               GAsyncResult        *result,
                                               GError             **error);
void             dl_window_open_article       (DlWindow            *self,
                                               const char          *uuid);
void             dl_window_show_article       (DlWindow            *self,
                                               DlArticle           *article);
void             dl_window_new_article        (DlWindow            *self);
/* Copies pending edits into the article and saves them now. */
void             dl_window_flush_async        (DlWindow            *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean         dl_window_flush_finish       (DlWindow            *self,
                                               GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
