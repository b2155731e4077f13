/* dl-article-file.c
 *
 * The file is JSON so that people can read it, diff it and repair it.
 * Keys this version does not know are kept, as the JSON text they were
 * read as, and written back, so a file saved by a newer Dateline that
 * only added keys survives a round trip through an older one. A file of
 * a newer format version is read but never written (read-only).
 * "body" is written last: it is by far the largest member, and tools
 * that only want the header can stop reading before it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-article-file"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dl-article-file.h"
#include "dl-file-util.h"
#include "dl-json-reader.h"
#include "dl-json-writer.h"
#include "dl-limits.h"
#include "dl-util.h"

G_DEFINE_QUARK (dl-article-file-error-quark, dl_article_file_error)

/* Members of the top level and of the nested objects that this version
 * understands; everything else is preserved as unknown. */
static const char * const known_top_level[] = {
  "format", "version", "uuid", "created", "modified", "status", "headline",
  "standfirst", "slug", "dateline", "credits", "category", "tags", "image",
  "language", "embargo", "schedule", "publications", "body", "spell_check",
  "target_words", NULL
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
  "site_id", "remote_id", "url", "content_hash", "remote_modified",
  "remote_status", "featured_media_id", "featured_media_hash", NULL
};


/* ------------------------------------------------------------------ */
/* Writing                                                             */

static void
write_date_member (DlJsonWriter *writer,
                   const char   *member,
                   GDateTime    *dt)
{
  g_autofree char *iso = dl_date_time_to_iso8601 (dt);

  if (iso == NULL)
    return;
  dl_json_writer_member (writer, member);
  dl_json_writer_string (writer, iso);
}

static void
write_string_member (DlJsonWriter *writer,
                     const char   *member,
                     const char   *value)
{
  dl_json_writer_member (writer, member);
  dl_json_writer_string (writer, value);
}

/* Members this version does not know, after the known ones of the same
 * object, skipping any name the object already has. */
static void
write_unknown_members (DlJsonWriter       *writer,
                       DlUnknownMembers   *members,
                       const char * const *known)
{
  for (guint i = 0; i < dl_unknown_members_get_size (members); i++)
    {
      const char *name = dl_unknown_members_get_name (members, i);

      if (g_strv_contains (known, name))
        continue;
      dl_json_writer_member (writer, name);
      dl_json_writer_raw (writer, dl_unknown_members_get_json (members, i));
    }
}

/**
 * dl_article_serialize:
 *
 * The article as a .dateline file (docs/FILE-FORMAT.md). A read-only
 * article (from a newer Dateline) is not written: its file is the only
 * faithful copy of it.
 *
 * Returns: (transfer full): UTF-8 JSON with a final newline
 */
GBytes *
dl_article_serialize (DlArticle *article)
{
  g_autoptr(DlJsonWriter) writer = NULL;
  GListModel *credit_model;
  GPtrArray *pubs;

  g_return_val_if_fail (DL_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (!dl_article_is_read_only (article), NULL);

  writer = dl_json_writer_new ();
  dl_json_writer_begin_object (writer);
  write_string_member (writer, "format", DL_ARTICLE_FILE_FORMAT);
  dl_json_writer_member (writer, "version");
  dl_json_writer_int (writer, DL_ARTICLE_FILE_VERSION);
  write_string_member (writer, "uuid", dl_article_get_uuid (article));
  write_date_member (writer, "created", dl_article_get_created (article));
  write_date_member (writer, "modified", dl_article_get_modified (article));
  write_string_member (writer, "status", dl_article_status_to_string (dl_article_get_status (article)));
  write_string_member (writer, "headline", dl_article_get_headline (article));
  write_string_member (writer, "standfirst", dl_article_get_standfirst (article));
  write_string_member (writer, "slug", dl_article_get_slug (article));

  dl_json_writer_member (writer, "dateline");
  dl_json_writer_begin_object (writer);
  write_string_member (writer, "place", dl_article_get_place (article));
  write_string_member (writer, "region", dl_article_get_region (article));
  write_string_member (writer, "country", dl_article_get_country (article));
  write_date_member (writer, "date", dl_article_get_dateline_date (article));
  write_string_member (writer, "time_zone", dl_article_get_time_zone (article));
  write_string_member (writer, "source", dl_article_get_source (article));
  write_string_member (writer, "style", dl_article_get_dateline_style (article));
  write_unknown_members (writer, dl_article_get_unknown_members (article, DL_ARTICLE_PART_DATELINE),
                         known_dateline);
  dl_json_writer_end_object (writer);

  dl_json_writer_member (writer, "credits");
  dl_json_writer_begin_array (writer);
  credit_model = dl_article_get_credits (article);
  for (guint i = 0; i < g_list_model_get_n_items (credit_model); i++)
    {
      g_autoptr(DlCredit) credit = g_list_model_get_item (credit_model, i);

      dl_json_writer_begin_object (writer);
      write_string_member (writer, "role", dl_credit_role_to_string (dl_credit_get_role (credit)));
      write_string_member (writer, "name", dl_credit_get_name (credit));
      write_string_member (writer, "text", dl_credit_get_text (credit));
      write_unknown_members (writer, dl_credit_get_unknown_members (credit), known_credit);
      dl_json_writer_end_object (writer);
    }
  dl_json_writer_end_array (writer);

  write_string_member (writer, "category", dl_article_get_category (article));
  dl_json_writer_member (writer, "tags");
  dl_json_writer_begin_array (writer);
  for (const char * const *t = dl_article_get_tags (article); *t != NULL; t++)
    dl_json_writer_string (writer, *t);
  dl_json_writer_end_array (writer);

  dl_json_writer_member (writer, "image");
  dl_json_writer_begin_object (writer);
  write_string_member (writer, "path", dl_article_get_image_path (article));
  write_string_member (writer, "caption", dl_article_get_image_caption (article));
  write_string_member (writer, "credit", dl_article_get_image_credit (article));
  write_string_member (writer, "alt", dl_article_get_image_alt (article));
  write_unknown_members (writer, dl_article_get_unknown_members (article, DL_ARTICLE_PART_IMAGE),
                         known_image);
  dl_json_writer_end_object (writer);

  write_string_member (writer, "language", dl_article_get_language (article));
  dl_json_writer_member (writer, "spell_check");
  dl_json_writer_boolean (writer, dl_article_get_spell_check (article));
  dl_json_writer_member (writer, "target_words");
  dl_json_writer_int (writer, dl_article_get_target_words (article));
  dl_json_writer_member (writer, "embargo");
  if (dl_article_get_embargo (article) != NULL)
    {
      g_autofree char *iso = dl_date_time_to_iso8601 (dl_article_get_embargo (article));
      dl_json_writer_string (writer, iso);
    }
  else
    dl_json_writer_null (writer);
  dl_json_writer_member (writer, "schedule");
  if (dl_article_get_schedule (article) != NULL)
    {
      g_autofree char *iso = dl_date_time_to_iso8601 (dl_article_get_schedule (article));
      dl_json_writer_string (writer, iso);
    }
  else
    dl_json_writer_null (writer);

  dl_json_writer_member (writer, "publications");
  dl_json_writer_begin_array (writer);
  pubs = dl_article_get_publications (article);
  for (guint i = 0; i < pubs->len; i++)
    {
      DlPublication *pub = g_ptr_array_index (pubs, i);

      dl_json_writer_begin_object (writer);
      write_string_member (writer, "site_id", pub->site_id);
      write_string_member (writer, "remote_id", pub->remote_id);
      write_string_member (writer, "url", pub->url);
      write_string_member (writer, "content_hash", pub->content_hash);
      write_date_member (writer, "remote_modified", pub->remote_modified);
      /* Added with publishing; left out when unset, as files had them. */
      if (pub->remote_status != NULL)
        write_string_member (writer, "remote_status", pub->remote_status);
      if (pub->featured_media_id != NULL)
        write_string_member (writer, "featured_media_id", pub->featured_media_id);
      if (pub->featured_media_hash != NULL)
        write_string_member (writer, "featured_media_hash", pub->featured_media_hash);
      write_unknown_members (writer, pub->unknown_members, known_publication);
      dl_json_writer_end_object (writer);
    }
  dl_json_writer_end_array (writer);

  write_unknown_members (writer, dl_article_get_unknown_members (article, DL_ARTICLE_PART_TOP),
                         known_top_level);

  write_string_member (writer, "body", dl_article_get_body (article));
  dl_json_writer_end_object (writer);

  return dl_json_writer_end (g_steal_pointer (&writer));
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

typedef struct
{
  DlJsonDocument  *document;
  /* A file format newer than this version: a member of an unexpected
   * kind or value is passed over instead of refusing the file, which is
   * shown read-only and never written. */
  gboolean         newer;
  GError         **error;
} Reader;

static gboolean
member_is_null (JsonObject *object,
                const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

static gboolean
wrong_kind (Reader     *reader,
            const char *format,
            const char *member)
{
  if (reader->newer)
    return TRUE;
  /* The format is one of ours, with one %s for the member's name. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_set_error (reader->error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_INVALID, format, member);
#pragma GCC diagnostic pop
  return FALSE;
}

/* spell_check and target_words: absent in files before they existed. */
static gboolean
read_writing_aids (Reader     *reader,
                   JsonObject *root,
                   DlArticle  *article)
{
  JsonNode *node;

  if (!member_is_null (root, "spell_check"))
    {
      node = json_object_get_member (root, "spell_check");
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        /* Translators: %s is the field's name in the file, "spell_check" (not translated) */
        return wrong_kind (reader, _("The field “%s” must be true or false."), "spell_check");
      dl_article_set_spell_check (article, json_node_get_boolean (node));
    }
  if (!member_is_null (root, "target_words"))
    {
      gint64 words;

      node = json_object_get_member (root, "target_words");
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64
          || (words = json_node_get_int (node)) < 0 || words > DL_ARTICLE_MAX_TARGET_WORDS)
        /* Translators: %s is the field's name in the file, "target_words" (not translated) */
        return wrong_kind (reader, _("The field “%s” must be a number of words from 0 to 100,000."),
                           "target_words");
      dl_article_set_target_words (article, (guint) words);
    }
  return TRUE;
}

static gboolean
read_string (Reader      *reader,
             JsonObject  *object,
             const char  *member,
             gsize        max_bytes,
             const char **out)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *value;

  *out = "";
  if (member_is_null (object, member))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    /* Translators: %s is the field's name in the file, such as "headline" (not translated) */
    return wrong_kind (reader, _("The field “%s” must be text."), member);
  value = json_node_get_string (node);
  if (strlen (value) > max_bytes)
    {
      g_autofree char *size = g_format_size_full (max_bytes, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (reader->error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_INVALID,
                   /* Translators: %s is the field's name in the file, such as "headline";
                    * the second %s is a size, "64.0 KiB" */
                   _("The field “%s” is longer than %s."), member, size);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

static gboolean
read_date (Reader      *reader,
           JsonObject  *object,
           const char  *member,
           GDateTime  **out)
{
  const char *str;

  *out = NULL;
  if (!read_string (reader, object, member, DL_LIMIT_FIELD_BYTES, &str))
    return FALSE;
  if (*str == '\0')
    return TRUE;
  *out = dl_date_time_from_iso8601 (str);
  if (*out == NULL && !reader->newer)
    {
      g_set_error (reader->error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_INVALID,
                   /* Translators: %s is the field's name in the file, such as "embargo";
                    * the second %s is the value found there, such as "2025-13-40T10:06" */
                   _("The field “%s” is not a valid date and time: “%s”."), member, str);
      return FALSE;
    }
  return TRUE;
}

/* *out is NULL for a missing member (or, in a newer file, one of another
 * kind). */
static gboolean
read_object (Reader      *reader,
             JsonObject  *object,
             const char  *member,
             JsonObject **out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (member_is_null (object, member))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    /* Translators: %s is the field's name in the file, "dateline" or "image" (not translated) */
    return wrong_kind (reader, _("The field “%s” must be an object."), member);
  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
read_array (Reader      *reader,
            JsonObject  *object,
            const char  *member,
            guint        max_length,
            const char  *too_long,
            JsonArray  **out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (member_is_null (object, member))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    /* Translators: %s is the field's name in the file, such as "credits" or "tags" (not translated) */
    return wrong_kind (reader, _("The field “%s” must be a list."), member);
  if (json_array_get_length (json_node_get_array (node)) > max_length)
    {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      g_set_error (reader->error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_INVALID,
                   too_long, max_length);
#pragma GCC diagnostic pop
      return FALSE;
    }
  *out = json_node_get_array (node);
  return TRUE;
}

/* The members of @source that this version does not know, as the JSON
 * text they were written as; NULL when there are none. */
static DlUnknownMembers *
collect_unknowns (Reader             *reader,
                  JsonObject         *source,
                  const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (source);
  g_autoptr(DlUnknownMembers) unknown = NULL;

  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *json = NULL;

      if (g_strv_contains (known, l->data))
        continue;
      json = dl_json_document_dup_source (reader->document, json_object_get_member (source, l->data));
      /* Every level a known member can be at is recorded (SOURCE_DEPTH). */
      g_assert (json != NULL);
      if (unknown == NULL)
        unknown = dl_unknown_members_new ();
      dl_unknown_members_add (unknown, l->data, json);
    }
  return g_steal_pointer (&unknown);
}

/* Root 0, its members 1, dateline members and credit entries 2, members
 * of credit entries 3. */
#define SOURCE_DEPTH 3

/* The plain members of one object of the file, in the order they are
 * read: a string member and the setter it goes to (or a date). */
typedef struct
{
  const char  *member;
  gsize        max_bytes;
  void       (*set) (DlArticle  *article,
                     const char *value);
} StringField;

typedef struct
{
  const char  *member;
  void       (*set) (DlArticle *article,
                     GDateTime *value);
} DateField;

static gboolean
read_string_fields (Reader            *reader,
                    JsonObject        *object,
                    DlArticle         *article,
                    const StringField *fields,
                    guint              n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const char *value;

      if (!read_string (reader, object, fields[i].member, fields[i].max_bytes, &value))
        return FALSE;
      fields[i].set (article, value);
    }
  return TRUE;
}

static gboolean
read_date_fields (Reader          *reader,
                  JsonObject      *object,
                  DlArticle       *article,
                  const DateField *fields,
                  guint            n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      g_autoptr(GDateTime) value = NULL;

      if (!read_date (reader, object, fields[i].member, &value))
        return FALSE;
      fields[i].set (article, value);
    }
  return TRUE;
}

static const DateField root_dates[] = {
  { "created", dl_article_set_created },
  { "modified", dl_article_set_modified },
};
static const StringField root_texts[] = {
  { "headline", DL_LIMIT_FIELD_BYTES, dl_article_set_headline },
  { "standfirst", DL_LIMIT_FIELD_BYTES, dl_article_set_standfirst },
  { "slug", DL_LIMIT_FIELD_BYTES, dl_article_set_slug },
};
static const StringField dateline_texts[] = {
  { "place", DL_LIMIT_FIELD_BYTES, dl_article_set_place },
  { "region", DL_LIMIT_FIELD_BYTES, dl_article_set_region },
  { "country", DL_LIMIT_FIELD_BYTES, dl_article_set_country },
  { "time_zone", DL_LIMIT_FIELD_BYTES, dl_article_set_time_zone },
  { "source", DL_LIMIT_FIELD_BYTES, dl_article_set_source },
  { "style", DL_LIMIT_FIELD_BYTES, dl_article_set_dateline_style },
};
static const DateField dateline_dates[] = {
  { "date", dl_article_set_dateline_date },
};
static const StringField category_text[] = {
  { "category", DL_LIMIT_FIELD_BYTES, dl_article_set_category },
};
static const StringField image_texts[] = {
  { "path", DL_LIMIT_FIELD_BYTES, dl_article_set_image_path },
  { "caption", DL_LIMIT_FIELD_BYTES, dl_article_set_image_caption },
  { "credit", DL_LIMIT_FIELD_BYTES, dl_article_set_image_credit },
  { "alt", DL_LIMIT_FIELD_BYTES, dl_article_set_image_alt },
};
static const DateField schedule_dates[] = {
  { "embargo", dl_article_set_embargo },
  { "schedule", dl_article_set_schedule },
};
static const StringField body_text[] = {
  { "body", DL_LIMIT_STRING_BYTES, dl_article_set_body },
};

static gboolean
read_credits (Reader    *reader,
              JsonObject *root,
              DlArticle *article)
{
  JsonArray *array;

  if (!read_array (reader, root, "credits", DL_LIMIT_CREDITS,
                   /* Translators: %u is the most credits an article file may hold, 500 */
                   _("The article has more than %u credits."), &array))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *entry;
      const char *role_str, *name, *text;
      DlCreditRole role = DL_CREDIT_ROLE_AUTHOR;
      g_autoptr(DlCredit) credit = NULL;
      g_autoptr(DlUnknownMembers) extra = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          if (reader->newer)
            continue;
          g_set_error (reader->error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_INVALID,
                       /* Translators: %u is the credit's place in the file's list, counting from 1 */
                       _("Credit number %u is not an object."), i + 1);
          return FALSE;
        }
      entry = json_node_get_object (element);
      if (!read_string (reader, entry, "role", DL_LIMIT_FIELD_BYTES, &role_str)
          || !read_string (reader, entry, "name", DL_LIMIT_FIELD_BYTES, &name)
          || !read_string (reader, entry, "text", DL_LIMIT_FIELD_BYTES, &text))
        return FALSE;
      if (*role_str != '\0' && !dl_credit_role_from_string (role_str, &role))
        {
          /* A role a newer Dateline added reads as a plain credit. */
          if (!reader->newer)
            {
              g_set_error (reader->error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_INVALID,
                           /* Translators: %u is the credit's place in the file's list, counting from 1;
                            * %s is the role as written in the file, such as "producer" (not translated) */
                           _("Credit number %u has an unknown role “%s”."), i + 1, role_str);
              return FALSE;
            }
          role = DL_CREDIT_ROLE_AUTHOR;
        }
      credit = dl_credit_new (role, name, text);
      extra = collect_unknowns (reader, entry, known_credit);
      dl_credit_set_unknown_members (credit, extra);
      dl_article_add_credit (article, credit);
    }
  return TRUE;
}

static gboolean
read_tags (Reader     *reader,
           JsonObject *root,
           DlArticle  *article)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) tags = NULL;
  JsonArray *array;

  /* Translators: %u is the most tags an article file may hold, 500 */
  if (!read_array (reader, root, "tags", DL_LIMIT_TAGS, _("The article has more than %u tags."), &array))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          if (reader->newer)
            continue;
          g_set_error_literal (reader->error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_INVALID,
                               _("Every tag must be text."));
          return FALSE;
        }
      if (strlen (json_node_get_string (element)) > DL_LIMIT_FIELD_BYTES)
        {
          g_set_error (reader->error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_INVALID,
                       /* Translators: %u is the tag's place in the file's list, counting from 1 */
                       _("Tag number %u is too long."), i + 1);
          return FALSE;
        }
      g_strv_builder_add (builder, json_node_get_string (element));
    }
  tags = g_strv_builder_end (builder);
  dl_article_set_tags (article, (const char * const *) tags);
  return TRUE;
}

static gboolean
read_publications (Reader     *reader,
                   JsonObject *root,
                   DlArticle  *article)
{
  JsonArray *array;

  if (!read_array (reader, root, "publications", DL_LIMIT_PUBLICATIONS,
                   /* Translators: %u is the most publication records an article file may hold, 100;
                    * a publication record notes a site the article was published to */
                   _("The article has more than %u publication records."), &array))
    return FALSE;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *entry;
      const char *site_id, *remote_id, *url, *hash, *remote_status, *media_id, *media_hash;
      g_autoptr(DlPublication) pub = NULL;
      g_autoptr(GDateTime) remote_modified = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          if (reader->newer)
            continue;
          g_set_error (reader->error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_INVALID,
                       /* Translators: %u is the record's place in the file's list, counting from 1 */
                       _("Publication record number %u is not an object."), i + 1);
          return FALSE;
        }
      entry = json_node_get_object (element);
      if (!read_string (reader, entry, "site_id", DL_LIMIT_FIELD_BYTES, &site_id)
          || !read_string (reader, entry, "remote_id", DL_LIMIT_FIELD_BYTES, &remote_id)
          || !read_string (reader, entry, "url", DL_LIMIT_FIELD_BYTES, &url)
          || !read_string (reader, entry, "content_hash", DL_LIMIT_FIELD_BYTES, &hash)
          || !read_date (reader, entry, "remote_modified", &remote_modified)
          || !read_string (reader, entry, "remote_status", DL_LIMIT_FIELD_BYTES, &remote_status)
          || !read_string (reader, entry, "featured_media_id", DL_LIMIT_FIELD_BYTES, &media_id)
          || !read_string (reader, entry, "featured_media_hash", DL_LIMIT_FIELD_BYTES, &media_hash))
        return FALSE;
      if (*site_id == '\0')
        continue;
      pub = dl_publication_new (site_id);
      pub->remote_id = g_strdup (remote_id);
      pub->url = g_strdup (url);
      pub->content_hash = g_strdup (hash);
      pub->remote_modified = g_steal_pointer (&remote_modified);
      pub->remote_status = *remote_status != '\0' ? g_strdup (remote_status) : NULL;
      pub->featured_media_id = *media_id != '\0' ? g_strdup (media_id) : NULL;
      pub->featured_media_hash = *media_hash != '\0' ? g_strdup (media_hash) : NULL;
      pub->unknown_members = collect_unknowns (reader, entry, known_publication);
      g_ptr_array_add (dl_article_get_publications (article), g_steal_pointer (&pub));
    }
  return TRUE;
}

static gboolean
read_article (Reader     *reader,
              JsonObject *root,
              DlArticle  *article)
{
  JsonObject *dateline;
  JsonObject *image;
  const char *str;

  if (!read_date_fields (reader, root, article, root_dates, G_N_ELEMENTS (root_dates)))
    return FALSE;
  if (!read_string_fields (reader, root, article, root_texts, G_N_ELEMENTS (root_texts)))
    return FALSE;

  if (!read_object (reader, root, "dateline", &dateline))
    return FALSE;
  if (dateline != NULL)
    {
      g_autoptr(DlUnknownMembers) extra = NULL;

      if (!read_string_fields (reader, dateline, article, dateline_texts, G_N_ELEMENTS (dateline_texts))
          || !read_date_fields (reader, dateline, article, dateline_dates, G_N_ELEMENTS (dateline_dates)))
        return FALSE;
      extra = collect_unknowns (reader, dateline, known_dateline);
      dl_article_set_unknown_members (article, DL_ARTICLE_PART_DATELINE, extra);
    }

  if (!read_credits (reader, root, article))
    return FALSE;

  if (!read_string_fields (reader, root, article, category_text, G_N_ELEMENTS (category_text)))
    return FALSE;
  if (!read_tags (reader, root, article))
    return FALSE;

  if (!read_object (reader, root, "image", &image))
    return FALSE;
  if (image != NULL)
    {
      g_autoptr(DlUnknownMembers) extra = NULL;

      if (!read_string_fields (reader, image, article, image_texts, G_N_ELEMENTS (image_texts)))
        return FALSE;
      extra = collect_unknowns (reader, image, known_image);
      dl_article_set_unknown_members (article, DL_ARTICLE_PART_IMAGE, extra);
    }

  if (!read_string (reader, root, "language", DL_LIMIT_FIELD_BYTES, &str))
    return FALSE;
  if (*str != '\0')
    dl_article_set_language (article, str);
  if (!read_writing_aids (reader, root, article))
    return FALSE;
  if (!read_date_fields (reader, root, article, schedule_dates, G_N_ELEMENTS (schedule_dates)))
    return FALSE;

  if (!read_publications (reader, root, article))
    return FALSE;

  if (!read_string_fields (reader, root, article, body_text, G_N_ELEMENTS (body_text)))
    return FALSE;

  /* Last: setting a field of a Published article marks it Changed. */
  if (!read_string (reader, root, "status", DL_LIMIT_FIELD_BYTES, &str))
    return FALSE;
  if (*str != '\0')
    {
      DlArticleStatus status;

      if (dl_article_status_from_string (str, &status))
        dl_article_set_status (article, status);
      else if (reader->newer)
        dl_article_set_unknown_status (article, str);
      else
        {
          g_set_error (reader->error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_INVALID,
                       /* Translators: %s is the status as written in the file, such as "archived" */
                       _("Unknown article status “%s”."), str);
          return FALSE;
        }
    }
  return TRUE;
}

static DlArticle *
article_from_document (DlJsonDocument  *document,
                       GError         **error)
{
  g_autoptr(DlArticle) article = NULL;
  g_autoptr(DlUnknownMembers) extra = NULL;
  JsonNode *node = dl_json_document_get_root (document);
  Reader reader = { document, FALSE, error };
  JsonObject *root;
  JsonNode *version;
  const char *str;
  gint64 file_version;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_NOT_ARTICLE,
                           _("This is not a Dateline article: the file does not hold a JSON object."));
      return NULL;
    }
  root = json_node_get_object (node);

  if (!read_string (&reader, root, "format", DL_LIMIT_FIELD_BYTES, &str)
      || g_strcmp0 (str, DL_ARTICLE_FILE_FORMAT) != 0)
    {
      g_clear_error (error);
      g_set_error_literal (error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_NOT_ARTICLE,
                           _("This is not a Dateline article: “format” is not “dateline-article”."));
      return NULL;
    }
  version = json_object_get_member (root, "version");
  if (version == NULL || json_node_get_value_type (version) != G_TYPE_INT64
      || (file_version = json_node_get_int (version)) < 1)
    {
      g_set_error_literal (error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_INVALID,
                           _("The article has no valid format version."));
      return NULL;
    }
  reader.newer = file_version > DL_ARTICLE_FILE_VERSION;

  if (!read_string (&reader, root, "uuid", DL_LIMIT_FIELD_BYTES, &str))
    return NULL;
  if (!g_uuid_string_is_valid (str))
    {
      g_set_error (error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_INVALID,
                   /* Translators: %s is the identifier as written in the file; a valid one looks like
                    * 1b4e28ba-2fa1-11d2-883f-0016d3cca427 */
                   _("The article’s identifier “%s” is not a valid UUID."), str);
      return NULL;
    }
  article = dl_article_new_with_uuid (str);

  if (!read_article (&reader, root, article))
    return NULL;

  extra = collect_unknowns (&reader, root, known_top_level);
  dl_article_set_unknown_members (article, DL_ARTICLE_PART_TOP, extra);

  if (reader.newer)
    {
      /* The number as text: a G_GINT64_FORMAT inside the message would
       * cut it in two for xgettext, and no translation would ever match. */
      g_autofree char *format_version = g_strdup_printf ("%" G_GINT64_FORMAT, file_version);
      g_autofree char *reason =
        /* Translators: %s is the file format's version, a number */
        g_strdup_printf (_("This article was saved by a newer version of Dateline (file format %s). "
                           "It is shown read-only so that nothing this version does not understand is lost."),
                         format_version);
      dl_article_set_read_only_reason (article, reason);
    }
  return g_steal_pointer (&article);
}

/**
 * dl_article_new_from_data:
 * @length: in bytes, or -1 for a NUL-terminated @data
 *
 * Reads a .dateline file's content. Blank, truncated, deeply nested,
 * oversized or otherwise hostile data is refused with a translated
 * message; a file of a newer format version is read as far as this
 * version understands it and marked read-only.
 *
 * Returns: (transfer full): the article, or %NULL with @error set
 */
DlArticle *
dl_article_new_from_data (const char  *data,
                          gssize       length,
                          GError     **error)
{
  g_autoptr(DlJsonDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (data);
  document = dl_json_document_parse (data, length, SOURCE_DEPTH, &local_error);
  if (document == NULL)
    {
      if (g_error_matches (local_error, DL_JSON_ERROR, DL_JSON_ERROR_SYNTAX))
        g_set_error (error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_PARSE,
                     /* Translators: %s is where the file goes wrong and how:
                      * "line 3, column 7: expected “,” or “}”, found “]”" */
                     _("The file is not valid JSON: %s"), local_error->message);
      else if (g_error_matches (local_error, DL_JSON_ERROR, DL_JSON_ERROR_EMPTY)
               || g_error_matches (local_error, DL_JSON_ERROR, DL_JSON_ERROR_ENCODING))
        g_set_error_literal (error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_PARSE,
                             local_error->message);
      else
        g_set_error (error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_PARSE,
                     /* Translators: %s is why, such as "The document is larger than 32.0 MiB." or
                      * "line 9, column 3: the member “headline” appears twice in one object" */
                     _("The file cannot be read safely: %s"), local_error->message);
      return NULL;
    }
  return article_from_document (document, error);
}

/**
 * dl_article_new_from_file:
 *
 * Blocking: call it from a worker thread in the application. Refuses
 * anything but a regular file of at most DL_LIMIT_FILE_BYTES without
 * reading it (a FIFO or a device would never end).
 */
DlArticle *
dl_article_new_from_file (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = dl_file_load_bounded (file, DL_LIMIT_FILE_BYTES, cancellable, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  return dl_article_new_from_data (data != NULL ? data : "", length, error);
}
