/* dl-cli-render.h: the render and export commands of dateline-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-article.h"
#include "dl-house-style.h"

G_BEGIN_DECLS

int        dl_cli_render_article  (DlArticle     *article,
                                   DlHouseStyle  *house_style,
                                   int            argc,
                                   char         **argv);
int        dl_cli_export_article  (DlArticle     *article,
                                   DlHouseStyle  *house_style,
                                   const char    *format,
                                   const char    *output_path,
                                   GError       **error);

G_END_DECLS
