/* dl-exporter.h: writing an article as a web page, Markdown or ninjs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dl-article.h"
#include "dl-renderer.h"

G_BEGIN_DECLS

typedef enum
{
  DL_EXPORT_FORMAT_HTML,       /* page.html + the featured image beside it */
  DL_EXPORT_FORMAT_MARKDOWN,   /* YAML front matter + Markdown body */
  DL_EXPORT_FORMAT_NINJS,      /* IPTC ninjs 2.0 */
  DL_EXPORT_FORMAT_NINJS_2_1,  /* IPTC ninjs 2.1 */
} DlExportFormat;

gboolean    dl_export_format_from_string   (const char      *name,
                                            DlExportFormat  *format);
const char *dl_export_format_get_extension (DlExportFormat   format);

char       *dl_exporter_markdown           (DlArticle       *article);
char       *dl_exporter_to_text            (DlArticle       *article,
                                            DlExportFormat   format);

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
                                            GFile           *output,
                                            GCancellable    *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer         user_data);
gboolean    dl_exporter_export_finish      (GAsyncResult    *result,
                                            GError         **error);

G_END_DECLS
