/* dl-export-format.h: the formats an article can be exported in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  DL_EXPORT_FORMAT_HTML,       /* page.html + its images beside it */
  DL_EXPORT_FORMAT_MARKDOWN,   /* YAML front matter + Markdown body */
  DL_EXPORT_FORMAT_NINJS,      /* IPTC ninjs 2.0 */
  DL_EXPORT_FORMAT_NINJS_2_1,  /* IPTC ninjs 2.1 */
  DL_EXPORT_FORMAT_DATELINE,   /* the .dateline file itself */
} DlExportFormat;

/**
 * DlExportFormatInfo:
 * @format: the format
 * @id: stable name for the command line and settings ("html", "markdown", …)
 * @label: for menus, untranslated (dl_export_format_info_get_label())
 * @mime_type: of the written file
 * @extension: usual file name extension, with its dot
 */
typedef struct
{
  DlExportFormat  format;
  const char     *id;
  const char     *label;
  const char     *mime_type;
  const char     *extension;
} DlExportFormatInfo;

const DlExportFormatInfo *dl_export_format_list        (guint                    *n_formats);
const DlExportFormatInfo *dl_export_format_get_info    (DlExportFormat            format);
const DlExportFormatInfo *dl_export_format_lookup      (const char               *name);
const char               *dl_export_format_info_get_label (const DlExportFormatInfo *info);
char                     *dl_export_format_dup_names   (void);
char                     *dl_export_format_name_file   (const char               *name,
                                                        const DlExportFormatInfo *info);

G_END_DECLS
