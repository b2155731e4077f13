/* dl-json-writer.h: JSON text written member by member
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _DlJsonWriter DlJsonWriter;

DlJsonWriter *dl_json_writer_new          (void);
void          dl_json_writer_free         (DlJsonWriter *self);
GBytes       *dl_json_writer_end          (DlJsonWriter *self);

void          dl_json_writer_begin_object (DlJsonWriter *self);
void          dl_json_writer_end_object   (DlJsonWriter *self);
void          dl_json_writer_begin_array  (DlJsonWriter *self);
void          dl_json_writer_end_array    (DlJsonWriter *self);
void          dl_json_writer_member       (DlJsonWriter *self,
                                           const char   *name);
void          dl_json_writer_string       (DlJsonWriter *self,
                                           const char   *value);
void          dl_json_writer_int          (DlJsonWriter *self,
                                           gint64        value);
void          dl_json_writer_boolean      (DlJsonWriter *self,
                                           gboolean      value);
void          dl_json_writer_null         (DlJsonWriter *self);
void          dl_json_writer_raw          (DlJsonWriter *self,
                                           const char   *json);

void          dl_json_append_string       (GString      *out,
                                           const char   *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlJsonWriter, dl_json_writer_free)

G_END_DECLS
