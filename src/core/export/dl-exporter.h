/* dl-exporter.h: writing an article as a web page, Markdown or ninjs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dl-article.h"
#include "dl-export-format.h"
#include "dl-renderer.h"

G_BEGIN_DECLS

char       *dl_exporter_markdown           (DlArticle       *article,
                                            DlHouseStyle    *house_style);
char       *dl_exporter_to_text            (DlArticle       *article,
                                            DlExportFormat   format,
                                            DlRenderer      *renderer,
                                            GError         **error);

gboolean    dl_exporter_export_html        (DlArticle       *article,
                                            DlRenderer      *renderer,
                                            GFile           *output,
                                            GCancellable    *cancellable,
                                            GError         **error);
gboolean    dl_exporter_export             (DlArticle       *article,
                                            DlExportFormat   format,
                                            DlRenderer      *renderer,
                                            GFile           *output,
                                            GCancellable    *cancellable,
                                            GError         **error);
void        dl_exporter_export_async       (DlArticle       *article,
                                            DlExportFormat   format,
                                            DlRenderer      *renderer,
                                            GFile           *template_dir,
                                            GFile           *output,
                                            GCancellable    *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer         user_data);
gboolean    dl_exporter_export_finish      (GAsyncResult    *result,
                                            GError         **error);

G_END_DECLS
