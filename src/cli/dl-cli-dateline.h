/* dl-cli-dateline.h: the "dateline" command of dateline-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-article.h"
#include "dl-context.h"
#include "dl-house-style.h"

G_BEGIN_DECLS

int   dl_cli_dateline_main                        (DlContext     *context,
                                                   int            argc,
                                                   char         **argv);
char *dl_cli_format_article_dateline_and_credits  (DlArticle     *article,
                                                   DlHouseStyle  *house_style);

G_END_DECLS
