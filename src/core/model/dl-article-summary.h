/* dl-article-summary.h: what the library list shows of an article
 *
 * Summaries come from the store's index, so listing the library never
 * reads article bodies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-article.h"

G_BEGIN_DECLS

#define DL_TYPE_ARTICLE_SUMMARY (dl_article_summary_get_type ())
G_DECLARE_FINAL_TYPE (DlArticleSummary, dl_article_summary, DL, ARTICLE_SUMMARY, GObject)

/* Properties (all with notify): "uuid", "headline", "display-title"
 * (headline or "Untitled article"), "status" (DlArticleStatus),
 * "category", "place", "tags" (GStrv), "modified", "embargo" and
 * "schedule" (GDateTime). */
DlArticleSummary   *dl_article_summary_new              (const char         *uuid,
                                                         const char         *headline,
                                                         DlArticleStatus     status,
                                                         const char         *category,
                                                         const char         *place,
                                                         const char * const *tags,
                                                         GDateTime          *modified);
void                dl_article_summary_set_release_times (DlArticleSummary *self,
                                                          GDateTime        *embargo,
                                                          GDateTime        *schedule);
DlArticleSummary   *dl_article_summary_new_from_article (DlArticle        *article);
void                dl_article_summary_update           (DlArticleSummary *self,
                                                         DlArticle        *article);
const char         *dl_article_summary_get_uuid         (DlArticleSummary *self);
const char         *dl_article_summary_get_headline     (DlArticleSummary *self);
char               *dl_article_summary_dup_display_title (DlArticleSummary *self);
DlArticleStatus     dl_article_summary_get_status       (DlArticleSummary *self);
const char         *dl_article_summary_get_category     (DlArticleSummary *self);
const char         *dl_article_summary_get_place        (DlArticleSummary *self);
const char * const *dl_article_summary_get_tags         (DlArticleSummary *self);
GDateTime          *dl_article_summary_get_modified     (DlArticleSummary *self);
GDateTime          *dl_article_summary_get_embargo      (DlArticleSummary *self);
GDateTime          *dl_article_summary_get_schedule     (DlArticleSummary *self);
/* Case-insensitive match of @query against headline, category, tags and
 * place (not the body: see dl_store_search_async()). */
gboolean            dl_article_summary_matches          (DlArticleSummary *self,
                                                         const char       *query);
void                dl_article_summary_prepare_search   (DlArticleSummary *self);

G_END_DECLS
