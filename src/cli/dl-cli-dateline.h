/* dl-cli-dateline.h: the "dateline" command of dateline-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-article.h"

G_BEGIN_DECLS

int   dl_cli_dateline_main                        (int         argc,
                                                   char      **argv);
char *dl_cli_format_article_dateline_and_credits  (DlArticle  *article);

G_END_DECLS
