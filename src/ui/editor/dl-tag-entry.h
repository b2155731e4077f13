/* dl-tag-entry.h: a token entry that edits an article's tags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dl-article.h"

G_BEGIN_DECLS

#define DL_TYPE_TAG_ENTRY (dl_tag_entry_get_type ())
G_DECLARE_FINAL_TYPE (DlTagEntry, dl_tag_entry, DL, TAG_ENTRY, GtkWidget)

GtkWidget  *dl_tag_entry_new              (void);
DlArticle  *dl_tag_entry_get_article      (DlTagEntry *self);
void        dl_tag_entry_set_article      (DlTagEntry *self,
                                           DlArticle  *article);
gboolean    dl_tag_entry_commit           (DlTagEntry *self);
void        dl_tag_entry_set_known_tags   (DlTagEntry *self,
                                           GListModel *tags);
GtkWidget  *dl_tag_entry_get_chip         (DlTagEntry *self,
                                           guint       position);
guint       dl_tag_entry_get_n_chips      (DlTagEntry *self);

G_END_DECLS
