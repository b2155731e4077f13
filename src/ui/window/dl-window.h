/* dl-window.h: the main window: library sidebar, editor, preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dl-article.h"
#include "dl-context.h"

G_BEGIN_DECLS

#define DL_TYPE_WINDOW (dl_window_get_type ())
G_DECLARE_FINAL_TYPE (DlWindow, dl_window, DL, WINDOW, AdwApplicationWindow)

DlWindow        *dl_window_new                (GtkApplication      *application,
                                               DlContext           *context);
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

G_END_DECLS
