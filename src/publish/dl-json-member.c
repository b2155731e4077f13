/* dl-json-member.c: one member of a JSON object, if it is what is expected
 *
 * Server answers, sites.json and outbox files may hold anything anywhere:
 * json-glib's own getters complain (a critical) on a member of the wrong
 * type. These look first and answer NULL, 0 or FALSE instead. A string
 * must be UTF-8: JSON's \ud800 escapes can make one that is not (found by
 * fuzz-wordpress-post).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dl-json-member.h"

static JsonNode *
value_of (JsonObject *object,
          const char *member,
          GType       type)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != type)
    return NULL;
  return node;
}

/* Returns: (nullable): the member if it is a UTF-8 string */
const char *
dl_json_member_string (JsonObject *object,
                       const char *member)
{
  JsonNode *node = value_of (object, member, G_TYPE_STRING);
  const char *value = node != NULL ? json_node_get_string (node) : NULL;

  return value != NULL && g_utf8_validate (value, -1, NULL) ? value : NULL;
}

/* Returns: the member if it is an integer, else 0 */
gint64
dl_json_member_int (JsonObject *object,
                    const char *member)
{
  JsonNode *node = value_of (object, member, G_TYPE_INT64);

  return node != NULL ? json_node_get_int (node) : 0;
}

/* Returns: the member if it is a boolean, else FALSE */
gboolean
dl_json_member_bool (JsonObject *object,
                     const char *member)
{
  JsonNode *node = value_of (object, member, G_TYPE_BOOLEAN);

  return node != NULL && json_node_get_boolean (node);
}
