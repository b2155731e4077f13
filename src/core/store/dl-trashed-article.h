/* dl-trashed-article.h: an article in the library's trash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DL_TYPE_TRASHED_ARTICLE (dl_trashed_article_get_type ())
G_DECLARE_FINAL_TYPE (DlTrashedArticle, dl_trashed_article, DL, TRASHED_ARTICLE, GObject)

/* Properties (read-only): "uuid", "title" (the headline, or a phrase
 * when there is none or the file cannot be read), "place", "trashed"
 * (GDateTime: when it went to the trash). */
DlTrashedArticle *dl_trashed_article_new         (const char       *uuid,
                                                  const char       *title,
                                                  const char       *place,
                                                  GDateTime        *trashed);
const char       *dl_trashed_article_get_uuid    (DlTrashedArticle *self);
const char       *dl_trashed_article_get_title   (DlTrashedArticle *self);
const char       *dl_trashed_article_get_place   (DlTrashedArticle *self);
GDateTime        *dl_trashed_article_get_trashed (DlTrashedArticle *self);

G_END_DECLS
