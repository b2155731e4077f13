/* dl-site-terms.c: $XDG_CACHE_HOME/dateline/sites/ID/terms.json
 *
 * What a site's categories and tags were when last fetched (every page),
 * so that the editor's category chooser, the tag completion and the
 * checklist work offline. A cache: losing it costs one refresh.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-site-terms"

#include "config.h"

#include <errno.h>

#include <json-glib/json-glib.h>

#include "dl-site-terms.h"

static void
add_names (JsonBuilder        *builder,
           const char         *member,
           const char * const *names)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    json_builder_add_string_value (builder, names[i]);
  json_builder_end_array (builder);
}

gboolean
dl_site_terms_save (DlSiteList          *sites,
                    DlSite              *site,
                    const char * const  *categories,
                    const char * const  *tags,
                    GError             **error)
{
  g_autoptr(GFile) dir = dl_site_list_get_cache_dir (sites, site);
  g_autoptr(GFile) file = g_file_get_child (dir, "terms.json");
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *data = NULL;

  json_builder_begin_object (builder);
  add_names (builder, "categories", categories);
  add_names (builder, "tags", tags);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  data = json_to_string (root, FALSE);
  if (g_mkdir_with_parents (g_file_peek_path (dir), 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", g_file_peek_path (dir), g_strerror (errno));
      return FALSE;
    }
  return g_file_set_contents (g_file_peek_path (file), data, -1, error);
}

static GStrv
read_names (JsonObject *root,
            const char *member)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = json_object_get_member (root, member);
  JsonArray *array = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (element));
    }
  return g_strv_builder_end (builder);
}

/**
 * dl_site_terms_load:
 * @categories: (out) (transfer full): the cached categories
 * @tags: (out) (transfer full): the cached tags
 *
 * Returns: whether the site's terms were ever fetched
 */
gboolean
dl_site_terms_load (DlSiteList  *sites,
                    DlSite      *site,
                    GStrv       *categories,
                    GStrv       *tags)
{
  g_autoptr(GFile) dir = dl_site_list_get_cache_dir (sites, site);
  g_autoptr(GFile) file = g_file_get_child (dir, "terms.json");
  g_autoptr(JsonParser) parser = json_parser_new ();

  *categories = NULL;
  *tags = NULL;
  if (!json_parser_load_from_file (parser, g_file_peek_path (file), NULL)
      || json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return FALSE;
  *categories = read_names (json_node_get_object (json_parser_get_root (parser)), "categories");
  *tags = read_names (json_node_get_object (json_parser_get_root (parser)), "tags");
  return TRUE;
}
