/* dl-json-reader.h: a strict JSON reader for untrusted documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define DL_JSON_ERROR (dl_json_error_quark ())

typedef enum
{
  DL_JSON_ERROR_EMPTY,      /* nothing but white space */
  DL_JSON_ERROR_ENCODING,   /* not UTF-8 */
  DL_JSON_ERROR_SYNTAX,     /* not JSON */
  DL_JSON_ERROR_NUL,        /* a string holds U+0000, which no C string can keep */
  DL_JSON_ERROR_DUPLICATE,  /* an object names one member twice */
  DL_JSON_ERROR_LIMIT,      /* too large, too deep, too many values, too long a string */
} DlJsonError;

GQuark           dl_json_error_quark        (void);

typedef struct _DlJsonDocument DlJsonDocument;

DlJsonDocument  *dl_json_document_parse      (const char      *data,
                                              gsize            length,
                                              guint            source_depth,
                                              GError         **error);
JsonNode        *dl_json_document_get_root   (DlJsonDocument  *self);
char            *dl_json_document_dup_source (DlJsonDocument  *self,
                                              JsonNode        *node);
void             dl_json_document_free       (DlJsonDocument  *self);

char            *dl_json_compact             (const char      *json,
                                              gsize            length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlJsonDocument, dl_json_document_free)

G_END_DECLS
