/* dl-tag-suggestions.h: the site's tags that start like what is typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dl-article.h"

G_BEGIN_DECLS

#define DL_TYPE_TAG_SUGGESTIONS (dl_tag_suggestions_get_type ())
G_DECLARE_FINAL_TYPE (DlTagSuggestions, dl_tag_suggestions, DL, TAG_SUGGESTIONS, GtkPopover)

GtkWidget  *dl_tag_suggestions_new       (void);
void        dl_tag_suggestions_set_known (DlTagSuggestions *self,
                                          GListModel       *tags);
gboolean    dl_tag_suggestions_update    (DlTagSuggestions *self,
                                          const char       *typed,
                                          DlArticle        *article);
void        dl_tag_suggestions_move      (DlTagSuggestions *self,
                                          int               step);
const char *dl_tag_suggestions_get_selected (DlTagSuggestions *self);

G_END_DECLS
