/* dl-slug.h: an article's URL slug
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-article.h"

G_BEGIN_DECLS

char *dl_slug_from_text   (const char *text);
char *dl_slug_for_article (DlArticle  *article);

G_END_DECLS
