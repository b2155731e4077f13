/* dl-article-file.h: the .dateline file format (docs/FILE-FORMAT.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-article.h"

G_BEGIN_DECLS

#define DL_ARTICLE_FILE_FORMAT    "dateline-article"
#define DL_ARTICLE_FILE_VERSION   1
#define DL_ARTICLE_FILE_EXTENSION ".dateline"
#define DL_ARTICLE_MIME_TYPE      "application/x-dateline-article"

#define DL_ARTICLE_FILE_ERROR (dl_article_file_error_quark ())

typedef enum
{
  DL_ARTICLE_FILE_ERROR_PARSE,        /* not JSON at all, blank, or beyond the limits */
  DL_ARTICLE_FILE_ERROR_NOT_ARTICLE,  /* JSON, but not a Dateline article */
  DL_ARTICLE_FILE_ERROR_INVALID,      /* an article with a field of the wrong kind */
} DlArticleFileError;

GQuark      dl_article_file_error_quark  (void);

GBytes     *dl_article_serialize         (DlArticle   *article);
DlArticle  *dl_article_new_from_data     (const char  *data,
                                          gssize       length,
                                          GError    **error);
DlArticle  *dl_article_new_from_file     (GFile       *file,
                                          GCancellable *cancellable,
                                          GError    **error);

G_END_DECLS
