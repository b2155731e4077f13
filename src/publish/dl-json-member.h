/* dl-json-member.h: typed members of JSON from outside, looked at first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

const char *dl_json_member_string (JsonObject *object,
                                   const char *member);
gint64      dl_json_member_int    (JsonObject *object,
                                   const char *member);
gboolean    dl_json_member_bool   (JsonObject *object,
                                   const char *member);

G_END_DECLS
