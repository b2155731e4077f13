/* dl-summary-list.h: the library's articles as a list model, newest first,
 * whose summaries are made when asked for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The store's Entry (dl-store-private.h); the list borrows them. */
typedef GObject *(*DlSummaryListGetItem) (gpointer entry);

#define DL_TYPE_SUMMARY_LIST (dl_summary_list_get_type ())
G_DECLARE_FINAL_TYPE (DlSummaryList, dl_summary_list, DL, SUMMARY_LIST, GObject)

DlSummaryList *dl_summary_list_new         (GType                 item_type,
                                            DlSummaryListGetItem  get_item);
guint          dl_summary_list_get_length  (DlSummaryList        *self);
gpointer       dl_summary_list_get_entry   (DlSummaryList        *self,
                                            guint                 position);
gboolean       dl_summary_list_find        (DlSummaryList        *self,
                                            gpointer              entry,
                                            guint                *position);
void           dl_summary_list_insert      (DlSummaryList        *self,
                                            guint                 position,
                                            gpointer              entry);
void           dl_summary_list_remove      (DlSummaryList        *self,
                                            guint                 position);
void           dl_summary_list_move        (DlSummaryList        *self,
                                            guint                 from,
                                            guint                 to);
void           dl_summary_list_append      (DlSummaryList        *self,
                                            gpointer             *entries,
                                            guint                 n_entries);

G_END_DECLS
