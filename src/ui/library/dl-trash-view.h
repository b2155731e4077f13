/* dl-trash-view.h: the library's trash: restore, delete for good, empty
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dl-store.h"

G_BEGIN_DECLS

#define DL_TYPE_TRASH_VIEW (dl_trash_view_get_type ())
G_DECLARE_FINAL_TYPE (DlTrashView, dl_trash_view, DL, TRASH_VIEW, GtkWidget)

/* Signal "restored" (const char *uuid): an article is back in the
 * library (the window opens it). */
void dl_trash_view_set_store (DlTrashView *self,
                              DlStore     *store);
/* Reads the trash again (in a worker); done each time the view is shown. */
void dl_trash_view_reload    (DlTrashView *self);

G_END_DECLS
