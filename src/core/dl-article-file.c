/* dl-article-file.c
 *
 * The file is JSON so that people can read it, diff it and repair it.
 * Keys this version does not know are kept and written back, so a file
 * saved by a newer Dateline survives a round trip through an older one.
 * "body" is written last: it is by far the largest member, and tools
 * that only want the header can stop reading before it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-article-file"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-article-file.h"
#include "dl-util.h"

G_DEFINE_QUARK (dl-article-file-error-quark, dl_article_file_error)

/* Members of the top level and of the nested objects that this version
 * understands; everything else is preserved as unknown. */
static const char * const known_top_level[] = {
  "format", "version", "uuid", "created", "modified", "status", "headline",
  "standfirst", "slug", "dateline", "credits", "category", "tags", "image",
  "language", "embargo", "schedule", "publications", "body", NULL
};
static const char * const known_dateline[] = {
  "place", "region", "country", "date", "time_zone", "source", "style", NULL
};
static const char * const known_image[] = {
  "path", "caption", "credit", "alt", NULL
};
static const char * const known_credit[] = {
  "role", "name", "text", NULL
};
static const char * const known_publication[] = {
  "site_id", "remote_id", "url", "content_hash", "remote_modified", NULL
};

static void
set_date_member (JsonObject *object,
                 const char *member,
                 GDateTime  *dt)
{
  g_autofree char *iso = dl_date_time_to_iso8601 (dt);

  if (iso != NULL)
    json_object_set_string_member (object, member, iso);
}

/* Writes back the members of @extra (unknown when read) that @target
 * does not have. */
static void
add_missing_members (JsonObject *target,
                     JsonObject *extra)
{
  g_autoptr(GList) members = NULL;

  if (extra == NULL)
    return;
  members = json_object_get_members (extra);
  for (GList *l = members; l != NULL; l = l->next)
    if (!json_object_has_member (target, l->data))
      json_object_set_member (target, l->data, json_node_copy (json_object_get_member (extra, l->data)));
}

/* Members of the unknown-fields object stored under the name of a nested
 * object hold that nested object's own unknown members. */
static void
add_nested_unknowns (JsonObject *target,
                     JsonObject *unknown,
                     const char *nested_name)
{
  if (!json_object_has_member (unknown, nested_name))
    return;
  add_missing_members (target, json_object_get_object_member (unknown, nested_name));
}

JsonNode *
dl_article_to_json_node (DlArticle *article)
{
  g_autoptr(JsonBuilder) unused = NULL;
  JsonObject *root;
  JsonObject *dateline;
  JsonObject *image;
  JsonArray *credits;
  JsonArray *tags;
  JsonArray *publications;
  JsonObject *unknown;
  GListModel *credit_model;
  GPtrArray *pubs;
  g_autoptr(GList) unknown_members = NULL;
  JsonNode *node;

  g_return_val_if_fail (DL_IS_ARTICLE (article), NULL);

  root = json_object_new ();
  json_object_set_string_member (root, "format", DL_ARTICLE_FILE_FORMAT);
  json_object_set_int_member (root, "version", DL_ARTICLE_FILE_VERSION);
  json_object_set_string_member (root, "uuid", dl_article_get_uuid (article));
  set_date_member (root, "created", dl_article_get_created (article));
  set_date_member (root, "modified", dl_article_get_modified (article));
  json_object_set_string_member (root, "status",
                                 dl_article_status_to_string (dl_article_get_status (article)));
  json_object_set_string_member (root, "headline", dl_article_get_headline (article));
  json_object_set_string_member (root, "standfirst", dl_article_get_standfirst (article));
  json_object_set_string_member (root, "slug", dl_article_get_slug (article));

  unknown = dl_article_get_unknown_fields (article);

  dateline = json_object_new ();
  json_object_set_string_member (dateline, "place", dl_article_get_place (article));
  json_object_set_string_member (dateline, "region", dl_article_get_region (article));
  json_object_set_string_member (dateline, "country", dl_article_get_country (article));
  set_date_member (dateline, "date", dl_article_get_dateline_date (article));
  json_object_set_string_member (dateline, "time_zone", dl_article_get_time_zone (article));
  json_object_set_string_member (dateline, "source", dl_article_get_source (article));
  json_object_set_string_member (dateline, "style", dl_article_get_dateline_style (article));
  add_nested_unknowns (dateline, unknown, "dateline");
  json_object_set_object_member (root, "dateline", dateline);

  credits = json_array_new ();
  credit_model = dl_article_get_credits (article);
  for (guint i = 0; i < g_list_model_get_n_items (credit_model); i++)
    {
      g_autoptr(DlCredit) credit = g_list_model_get_item (credit_model, i);
      JsonObject *entry = json_object_new ();

      json_object_set_string_member (entry, "role", dl_credit_role_to_string (dl_credit_get_role (credit)));
      json_object_set_string_member (entry, "name", dl_credit_get_name (credit));
      json_object_set_string_member (entry, "text", dl_credit_get_text (credit));
      add_missing_members (entry, dl_credit_get_unknown_fields (credit));
      json_array_add_object_element (credits, entry);
    }
  json_object_set_array_member (root, "credits", credits);

  json_object_set_string_member (root, "category", dl_article_get_category (article));
  tags = json_array_new ();
  for (const char * const *t = dl_article_get_tags (article); *t != NULL; t++)
    json_array_add_string_element (tags, *t);
  json_object_set_array_member (root, "tags", tags);

  image = json_object_new ();
  json_object_set_string_member (image, "path", dl_article_get_image_path (article));
  json_object_set_string_member (image, "caption", dl_article_get_image_caption (article));
  json_object_set_string_member (image, "credit", dl_article_get_image_credit (article));
  json_object_set_string_member (image, "alt", dl_article_get_image_alt (article));
  add_nested_unknowns (image, unknown, "image");
  json_object_set_object_member (root, "image", image);

  json_object_set_string_member (root, "language", dl_article_get_language (article));
  if (dl_article_get_embargo (article) != NULL)
    set_date_member (root, "embargo", dl_article_get_embargo (article));
  else
    json_object_set_null_member (root, "embargo");
  if (dl_article_get_schedule (article) != NULL)
    set_date_member (root, "schedule", dl_article_get_schedule (article));
  else
    json_object_set_null_member (root, "schedule");

  publications = json_array_new ();
  pubs = dl_article_get_publications (article);
  for (guint i = 0; i < pubs->len; i++)
    {
      DlPublication *pub = g_ptr_array_index (pubs, i);
      JsonObject *entry = json_object_new ();

      json_object_set_string_member (entry, "site_id", pub->site_id);
      json_object_set_string_member (entry, "remote_id", pub->remote_id ? pub->remote_id : "");
      json_object_set_string_member (entry, "url", pub->url ? pub->url : "");
      json_object_set_string_member (entry, "content_hash", pub->content_hash ? pub->content_hash : "");
      if (pub->remote_modified != NULL)
        set_date_member (entry, "remote_modified", pub->remote_modified);
      add_missing_members (entry, pub->unknown_fields);
      json_array_add_object_element (publications, entry);
    }
  json_object_set_array_member (root, "publications", publications);

  unknown_members = json_object_get_members (unknown);
  for (GList *l = unknown_members; l != NULL; l = l->next)
    if (!json_object_has_member (root, l->data) && !g_strv_contains (known_top_level, l->data))
      json_object_set_member (root, l->data, json_node_copy (json_object_get_member (unknown, l->data)));

  json_object_set_string_member (root, "body", dl_article_get_body (article));

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, root);
  return node;
}

GBytes *
dl_article_serialize (DlArticle *article)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  gsize length = 0;
  char *data;

  g_return_val_if_fail (DL_IS_ARTICLE (article), NULL);

  node = dl_article_to_json_node (article);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  data = json_generator_to_data (generator, &length);

  /* A final newline keeps the file friendly to diff and cat. */
  data = g_realloc (data, length + 2);
  data[length++] = '\n';
  data[length] = '\0';
  return g_bytes_new_take (data, length);
}

static gboolean
get_optional_string (JsonObject  *object,
                     const char  *member,
                     const char **out,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = "";
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_INVALID,
                   _("The field “%s” must be text."), member);
      return FALSE;
    }
  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
get_optional_date (JsonObject  *object,
                   const char  *member,
                   GDateTime  **out,
                   GError     **error)
{
  const char *str;

  *out = NULL;
  if (!get_optional_string (object, member, &str, error))
    return FALSE;
  if (*str == '\0')
    return TRUE;
  *out = dl_date_time_from_iso8601 (str);
  if (*out == NULL)
    {
      g_set_error (error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_INVALID,
                   _("The field “%s” is not a valid date and time: “%s”."), member, str);
      return FALSE;
    }
  return TRUE;
}

static JsonObject *
get_optional_object (JsonObject  *object,
                     const char  *member,
                     gboolean    *ok,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *ok = TRUE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_INVALID,
                   _("The field “%s” must be an object."), member);
      *ok = FALSE;
      return NULL;
    }
  return json_node_get_object (node);
}

static JsonArray *
get_optional_array (JsonObject  *object,
                    const char  *member,
                    gboolean    *ok,
                    GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *ok = TRUE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_INVALID,
                   _("The field “%s” must be a list."), member);
      *ok = FALSE;
      return NULL;
    }
  return json_node_get_array (node);
}

/* Unknown members of a known nested object go into @unknown under the
 * nested object's name (see add_nested_unknowns()). */
static void
collect_unknowns (JsonObject         *source,
                  const char * const *known,
                  JsonObject         *unknown,
                  const char         *nested_name)
{
  g_autoptr(GList) members = json_object_get_members (source);
  JsonObject *target = unknown;

  for (GList *l = members; l != NULL; l = l->next)
    {
      if (g_strv_contains (known, l->data))
        continue;
      if (nested_name != NULL && target == unknown)
        {
          target = json_object_new ();
          json_object_set_object_member (unknown, nested_name, target);
        }
      json_object_set_member (target, l->data, json_node_copy (json_object_get_member (source, l->data)));
    }
}

#define STRING_OR_FAIL(obj, member, setter)                     \
  G_STMT_START {                                                \
    const char *value_;                                         \
    if (!get_optional_string (obj, member, &value_, error))     \
      return NULL;                                              \
    setter (article, value_);                                   \
  } G_STMT_END

#define DATE_OR_FAIL(obj, member, setter)                       \
  G_STMT_START {                                                \
    g_autoptr(GDateTime) value_ = NULL;                         \
    if (!get_optional_date (obj, member, &value_, error))       \
      return NULL;                                              \
    setter (article, value_);                                   \
  } G_STMT_END

DlArticle *
dl_article_new_from_json_node (JsonNode  *node,
                               GError   **error)
{
  g_autoptr(DlArticle) article = NULL;
  g_autoptr(JsonObject) unknown = NULL;
  JsonObject *root;
  JsonObject *dateline;
  JsonObject *image;
  JsonArray *array;
  const char *str;
  gboolean ok;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_NOT_ARTICLE,
                           _("This is not a Dateline article: the file does not hold a JSON object."));
      return NULL;
    }
  root = json_node_get_object (node);

  if (!get_optional_string (root, "format", &str, NULL) || g_strcmp0 (str, DL_ARTICLE_FILE_FORMAT) != 0)
    {
      g_set_error_literal (error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_NOT_ARTICLE,
                           _("This is not a Dateline article: “format” is not “dateline-article”."));
      return NULL;
    }
  if (!json_object_has_member (root, "version")
      || json_node_get_value_type (json_object_get_member (root, "version")) != G_TYPE_INT64
      || json_object_get_int_member (root, "version") < 1)
    {
      g_set_error_literal (error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_INVALID,
                           _("The article has no valid format version."));
      return NULL;
    }

  if (!get_optional_string (root, "uuid", &str, error))
    return NULL;
  if (!g_uuid_string_is_valid (str))
    {
      g_set_error (error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_INVALID,
                   _("The article’s identifier “%s” is not a valid UUID."), str);
      return NULL;
    }
  article = dl_article_new_with_uuid (str);
  unknown = json_object_new ();

  DATE_OR_FAIL (root, "created", dl_article_set_created);
  DATE_OR_FAIL (root, "modified", dl_article_set_modified);
  if (!get_optional_string (root, "status", &str, error))
    return NULL;
  if (*str != '\0')
    {
      DlArticleStatus status;
      if (!dl_article_status_from_string (str, &status))
        {
          g_set_error (error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_INVALID,
                       _("Unknown article status “%s”."), str);
          return NULL;
        }
      dl_article_set_status (article, status);
    }
  STRING_OR_FAIL (root, "headline", dl_article_set_headline);
  STRING_OR_FAIL (root, "standfirst", dl_article_set_standfirst);
  STRING_OR_FAIL (root, "slug", dl_article_set_slug);

  dateline = get_optional_object (root, "dateline", &ok, error);
  if (!ok)
    return NULL;
  if (dateline != NULL)
    {
      STRING_OR_FAIL (dateline, "place", dl_article_set_place);
      STRING_OR_FAIL (dateline, "region", dl_article_set_region);
      STRING_OR_FAIL (dateline, "country", dl_article_set_country);
      DATE_OR_FAIL (dateline, "date", dl_article_set_dateline_date);
      STRING_OR_FAIL (dateline, "time_zone", dl_article_set_time_zone);
      STRING_OR_FAIL (dateline, "source", dl_article_set_source);
      STRING_OR_FAIL (dateline, "style", dl_article_set_dateline_style);
      collect_unknowns (dateline, known_dateline, unknown, "dateline");
    }

  array = get_optional_array (root, "credits", &ok, error);
  if (!ok)
    return NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *entry;
      const char *role_str, *name, *text;
      DlCreditRole role = DL_CREDIT_ROLE_AUTHOR;
      g_autoptr(DlCredit) credit = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_INVALID,
                       _("Credit number %u is not an object."), i + 1);
          return NULL;
        }
      entry = json_node_get_object (element);
      if (!get_optional_string (entry, "role", &role_str, error)
          || !get_optional_string (entry, "name", &name, error)
          || !get_optional_string (entry, "text", &text, error))
        return NULL;
      if (*role_str != '\0' && !dl_credit_role_from_string (role_str, &role))
        {
          g_set_error (error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_INVALID,
                       _("Credit number %u has an unknown role “%s”."), i + 1, role_str);
          return NULL;
        }
      credit = dl_credit_new (role, name, text);
      {
        g_autoptr(JsonObject) extra = json_object_new ();

        collect_unknowns (entry, known_credit, extra, NULL);
        if (json_object_get_size (extra) > 0)
          dl_credit_set_unknown_fields (credit, extra);
      }
      dl_article_add_credit (article, credit);
    }

  STRING_OR_FAIL (root, "category", dl_article_set_category);
  array = get_optional_array (root, "tags", &ok, error);
  if (!ok)
    return NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          g_set_error_literal (error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_INVALID,
                               _("Every tag must be text."));
          return NULL;
        }
      dl_article_add_tag (article, json_node_get_string (element));
    }

  image = get_optional_object (root, "image", &ok, error);
  if (!ok)
    return NULL;
  if (image != NULL)
    {
      STRING_OR_FAIL (image, "path", dl_article_set_image_path);
      STRING_OR_FAIL (image, "caption", dl_article_set_image_caption);
      STRING_OR_FAIL (image, "credit", dl_article_set_image_credit);
      STRING_OR_FAIL (image, "alt", dl_article_set_image_alt);
      collect_unknowns (image, known_image, unknown, "image");
    }

  if (!get_optional_string (root, "language", &str, error))
    return NULL;
  if (*str != '\0')
    dl_article_set_language (article, str);
  DATE_OR_FAIL (root, "embargo", dl_article_set_embargo);
  DATE_OR_FAIL (root, "schedule", dl_article_set_schedule);

  array = get_optional_array (root, "publications", &ok, error);
  if (!ok)
    return NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *entry;
      const char *site_id, *remote_id, *url, *hash;
      g_autoptr(DlPublication) pub = NULL;
      g_autoptr(GDateTime) remote_modified = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_INVALID,
                       _("Publication record number %u is not an object."), i + 1);
          return NULL;
        }
      entry = json_node_get_object (element);
      if (!get_optional_string (entry, "site_id", &site_id, error)
          || !get_optional_string (entry, "remote_id", &remote_id, error)
          || !get_optional_string (entry, "url", &url, error)
          || !get_optional_string (entry, "content_hash", &hash, error)
          || !get_optional_date (entry, "remote_modified", &remote_modified, error))
        return NULL;
      if (*site_id == '\0')
        continue;
      pub = dl_publication_new (site_id);
      pub->remote_id = g_strdup (remote_id);
      pub->url = g_strdup (url);
      pub->content_hash = g_strdup (hash);
      pub->remote_modified = g_steal_pointer (&remote_modified);
      pub->unknown_fields = json_object_new ();
      collect_unknowns (entry, known_publication, pub->unknown_fields, NULL);
      if (json_object_get_size (pub->unknown_fields) == 0)
        g_clear_pointer (&pub->unknown_fields, json_object_unref);
      g_ptr_array_add (dl_article_get_publications (article), g_steal_pointer (&pub));
    }

  STRING_OR_FAIL (root, "body", dl_article_set_body);

  collect_unknowns (root, known_top_level, unknown, NULL);
  dl_article_set_unknown_fields (article, unknown);

  return g_steal_pointer (&article);
}

DlArticle *
dl_article_new_from_data (const char  *data,
                          gssize       length,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;

  if (length < 0)
    length = strlen (data);
  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error_literal (error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_PARSE,
                           _("The file is not valid UTF-8 text."));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_PARSE,
                   _("The file is not valid JSON: %s"), local_error->message);
      return NULL;
    }
  return dl_article_new_from_json_node (json_parser_get_root (parser), error);
}

DlArticle *
dl_article_new_from_file (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;
  return dl_article_new_from_data (contents, length, error);
}
