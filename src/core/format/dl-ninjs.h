/* dl-ninjs.h: IPTC ninjs 2.x (news in JSON) export and import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "dl-article.h"
#include "dl-house-style.h"

G_BEGIN_DECLS

typedef enum
{
  DL_NINJS_VERSION_2_0,
  DL_NINJS_VERSION_2_1,
} DlNinjsVersion;

#define DL_NINJS_ERROR (dl_ninjs_error_quark ())

typedef enum
{
  DL_NINJS_ERROR_PARSE,        /* not JSON */
  DL_NINJS_ERROR_NOT_NINJS,    /* JSON, but not a ninjs news item */
  DL_NINJS_ERROR_EMPTY,        /* a news item with nothing usable in it */
} DlNinjsError;

GQuark      dl_ninjs_error_quark     (void);

const char *dl_ninjs_version_to_string (DlNinjsVersion  version);
JsonNode   *dl_ninjs_export_node     (DlArticle      *article,
                                      DlNinjsVersion  version,
                                      DlHouseStyle   *house_style);
char       *dl_ninjs_export          (DlArticle      *article,
                                      DlNinjsVersion  version,
                                      DlHouseStyle   *house_style);

DlArticle  *dl_ninjs_import_node     (JsonNode       *node,
                                      GStrv          *warnings,
                                      GError        **error);
DlArticle  *dl_ninjs_import_data     (const char     *data,
                                      gssize          length,
                                      GStrv          *warnings,
                                      GError        **error);
DlArticle  *dl_ninjs_import_file     (GFile          *file,
                                      GCancellable   *cancellable,
                                      GStrv          *warnings,
                                      GError        **error);

G_END_DECLS
