/* dl-article-row.h: one article in the library sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dl-article-summary.h"

G_BEGIN_DECLS

#define DL_TYPE_ARTICLE_ROW (dl_article_row_get_type ())
G_DECLARE_FINAL_TYPE (DlArticleRow, dl_article_row, DL, ARTICLE_ROW, GtkWidget)

GtkWidget        *dl_article_row_new              (void);
DlArticleSummary *dl_article_row_get_summary      (DlArticleRow     *self);
void              dl_article_row_set_summary      (DlArticleRow     *self,
                                                   DlArticleSummary *summary);
char             *dl_format_relative_time         (GDateTime        *time,
                                                   GDateTime        *now);

G_END_DECLS
