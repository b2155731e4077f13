/* dl-library-view.h: the library sidebar: search, status filter, list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dl-store.h"

G_BEGIN_DECLS

#define DL_TYPE_LIBRARY_VIEW (dl_library_view_get_type ())
G_DECLARE_FINAL_TYPE (DlLibraryView, dl_library_view, DL, LIBRARY_VIEW, GtkWidget)

/* Signals: "article-selected" (const char *uuid) when the user picks an
 * article; "article-activated" (const char *uuid) when it is opened with
 * Enter or a double click (the editor takes the focus);
 * "delete-requested" (const char *uuid) for the Delete key and the
 * context menu. The row's context menu uses the window's actions
 * win.duplicate-article, win.export-article and win.set-article-status
 * with the row's UUID. */
void        dl_library_view_set_store       (DlLibraryView *self,
                                             DlStore       *store);
DlStore    *dl_library_view_get_store       (DlLibraryView *self);
void        dl_library_view_select_uuid     (DlLibraryView *self,
                                             const char    *uuid);
const char *dl_library_view_get_selected_uuid (DlLibraryView *self);
void        dl_library_view_focus_search    (DlLibraryView *self);
void        dl_library_view_set_search_text (DlLibraryView *self,
                                             const char    *text);
/* The filtered list as shown, a GListModel of DlArticleSummary. */
GListModel *dl_library_view_get_model       (DlLibraryView *self);

G_END_DECLS
