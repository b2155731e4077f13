/* dl-ninjs.c: IPTC ninjs 2.x (news in JSON) export and import
 *
 * The mapping between article fields and ninjs properties is documented in
 * docs/RENDERING.md. Exports validate against the official 2.0 and 2.1
 * schemas (additionalProperties is false there: no field outside the
 * spec). Imports are tolerant, but never silent: a member of the wrong
 * type or an unreadable date is left out with a warning that names it,
 * and an item with neither headline nor body text is refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-ninjs"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dl-html.h"
#include "dl-html-to-markdown.h"
#include "dl-file-util.h"
#include "dl-json-reader.h"
#include "dl-limits.h"
#include "dl-ninjs.h"
#include "dl-renderer.h"
#include "dl-util.h"

#define NINJS_SCHEMA_2_0 "http://www.iptc.org/std/ninjs/ninjs-schema_2.0.json"
#define NINJS_SCHEMA_2_1 "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json"

/* Subjects carry a relationship; these two tell the category and the tags
 * apart (ninjs has no keywords, see newsroom.md). */
#define SUBJECT_REL_CATEGORY "category"
#define SUBJECT_REL_TAG      "tag"

#define FEATURED_ASSOCIATION "featured"

G_DEFINE_QUARK (dl-ninjs-error-quark, dl_ninjs_error)

const char *
dl_ninjs_version_to_string (DlNinjsVersion version)
{
  return version == DL_NINJS_VERSION_2_1 ? "2.1" : "2.0";
}

static gboolean
str_empty (const char *str)
{
  return str == NULL || *str == '\0';
}

static void
add_date (JsonBuilder *builder,
          const char  *member,
          GDateTime   *date)
{
  g_autofree char *iso = NULL;

  if (date == NULL)
    return;
  /* RFC 3339, as JSON Schema's date-time wants it. */
  iso = dl_date_time_to_iso8601 (date);
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, iso);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (str_empty (value))
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_text_object (JsonBuilder *builder,
                 const char  *role,
                 const char  *contenttype,
                 const char  *value)
{
  json_builder_begin_object (builder);
  add_string (builder, "role", role);
  add_string (builder, "contenttype", contenttype);
  json_builder_set_member_name (builder, "value");
  json_builder_add_string_value (builder, value);
  json_builder_end_object (builder);
}

static char *
dup_author_names (DlArticle *article)
{
  GListModel *credits = dl_article_get_credits (article);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GString *by = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (credits); i++)
    {
      g_autoptr(DlCredit) credit = g_list_model_get_item (credits, i);

      if (dl_credit_get_role (credit) != DL_CREDIT_ROLE_AUTHOR || dl_credit_is_empty (credit))
        continue;
      g_ptr_array_add (names, (gpointer) (!str_empty (dl_credit_get_name (credit))
                                          ? dl_credit_get_name (credit) : dl_credit_get_text (credit)));
    }

  /* ninjs "by" is a natural-language statement; the IPTC examples write
   * "A and B", which the importer splits again. */
  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        g_string_append (by, i == names->len - 1 ? " and " : ", ");
      g_string_append (by, g_ptr_array_index (names, i));
    }
  return g_string_free (by, FALSE);
}

/* Every credit, in order, so that nothing of the credit line is lost:
 * its name in `people` and its text (the author's organisation,
 * "courtesy of the BelCCI") in `organisations`, both with the role as
 * `rel`. `by` stays the readable statement of the authors. */
static void
add_credits (JsonBuilder *builder,
             DlArticle   *article)
{
  GListModel *credits = dl_article_get_credits (article);
  const char *members[] = { "people", "organisations" };

  for (guint m = 0; m < G_N_ELEMENTS (members); m++)
    {
      gboolean open = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (credits); i++)
        {
          g_autoptr(DlCredit) credit = g_list_model_get_item (credits, i);
          const char *value = m == 0 ? dl_credit_get_name (credit) : dl_credit_get_text (credit);

          if (str_empty (value))
            continue;
          if (!open)
            {
              json_builder_set_member_name (builder, members[m]);
              json_builder_begin_array (builder);
              open = TRUE;
            }
          json_builder_begin_object (builder);
          add_string (builder, "name", value);
          add_string (builder, "rel", dl_credit_role_to_string (dl_credit_get_role (credit)));
          json_builder_end_object (builder);
        }
      if (open)
        json_builder_end_array (builder);
    }
}

/* ninjs has no "draft": an item that is not on the site yet is
 * "withheld" (not to be used), one that is, "usable". Receivers treat a
 * missing pubstatus as usable, so it is always written. */
static const char *
pubstatus_for (DlArticle *article)
{
  switch (dl_article_get_status (article))
    {
    case DL_ARTICLE_STATUS_PUBLISHED:
    case DL_ARTICLE_STATUS_CHANGED:
      return "usable";
    case DL_ARTICLE_STATUS_DRAFT:
    case DL_ARTICLE_STATUS_READY:
    case DL_ARTICLE_STATUS_SCHEDULED:
    case DL_ARTICLE_STATUS_N_STATUSES:
    default:
      return "withheld";
    }
}

static void
add_featured_image (JsonBuilder *builder,
                    DlArticle   *article)
{
  const char *path = dl_article_get_image_path (article);
  const char *caption = dl_article_get_image_caption (article);
  const char *alt = dl_article_get_image_alt (article);
  g_autofree char *uri = NULL;
  g_autofree char *href = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *mime = NULL;

  if (str_empty (path))
    return;

  uri = g_strdup_printf ("urn:uuid:%s:" FEATURED_ASSOCIATION, dl_article_get_uuid (article));
  href = g_path_is_absolute (path) ? g_filename_to_uri (path, NULL, NULL) : NULL;
  content_type = g_content_type_guess (path, NULL, 0, NULL);
  mime = g_content_type_get_mime_type (content_type);

  json_builder_set_member_name (builder, "associations");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "name", FEATURED_ASSOCIATION);
  add_string (builder, "uri", uri);
  add_string (builder, "type", "picture");
  add_string (builder, "representationtype", "partial");
  add_string (builder, "by", dl_article_get_image_credit (article));
  if (!str_empty (caption) || !str_empty (alt))
    {
      json_builder_set_member_name (builder, "descriptions");
      json_builder_begin_array (builder);
      if (!str_empty (caption))
        add_text_object (builder, "caption", "text/plain", caption);
      if (!str_empty (alt))
        add_text_object (builder, "alt", "text/plain", alt);
      json_builder_end_array (builder);
    }
  json_builder_set_member_name (builder, "renditions");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "name", "original");
  add_string (builder, "href", href);
  add_string (builder, "contenttype", mime);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
}

/**
 * dl_ninjs_export_node:
 * @version: 2.0 or 2.1; the layouts agree for what Dateline writes, only
 *   the declared standard differs
 * @house_style: (nullable): composes the dateline that opens the body
 *
 * Returns: (transfer full): the article as a ninjs news item
 */
JsonNode *
dl_ninjs_export_node (DlArticle      *article,
                      DlNinjsVersion  version,
                      DlHouseStyle   *house_style)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autofree char *uri = NULL;
  g_autofree char *body = NULL;
  g_autofree char *by = NULL;
  const char *category;
  const char * const *tags;
  guint chars = 0;
  guint words = 0;

  g_return_val_if_fail (DL_IS_ARTICLE (article), NULL);

  uri = g_strdup_printf ("urn:uuid:%s", dl_article_get_uuid (article));
  dl_renderer_set_house_style (renderer, house_style);
  body = dl_renderer_render_body (renderer, article, &chars, &words);
  by = dup_author_names (article);
  category = dl_article_get_category (article);
  tags = dl_article_get_tags (article);

  json_builder_begin_object (builder);
  add_string (builder, "uri", uri);
  add_string (builder, "type", "text");
  add_string (builder, "representationtype", "full");

  json_builder_set_member_name (builder, "standard");
  json_builder_begin_object (builder);
  add_string (builder, "name", "ninjs");
  add_string (builder, "version", dl_ninjs_version_to_string (version));
  add_string (builder, "schema", version == DL_NINJS_VERSION_2_1 ? NINJS_SCHEMA_2_1 : NINJS_SCHEMA_2_0);
  json_builder_end_object (builder);

  add_date (builder, "firstcreated", dl_article_get_created (article));
  add_date (builder, "versioncreated", dl_article_get_modified (article));
  add_date (builder, "contentcreated", dl_article_get_dateline_date (article));
  add_date (builder, "embargoed", dl_article_get_embargo (article));
  add_string (builder, "pubstatus", pubstatus_for (article));
  add_string (builder, "language", dl_article_get_language (article));
  add_string (builder, "slugline", dl_article_get_slug (article));

  json_builder_set_member_name (builder, "headlines");
  json_builder_begin_array (builder);
  add_text_object (builder, "main", "text/plain", dl_article_get_headline (article));
  json_builder_end_array (builder);

  if (!str_empty (dl_article_get_standfirst (article)))
    {
      json_builder_set_member_name (builder, "descriptions");
      json_builder_begin_array (builder);
      add_text_object (builder, "summary", "text/plain", dl_article_get_standfirst (article));
      json_builder_end_array (builder);
    }

  json_builder_set_member_name (builder, "bodies");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "role", "text");
  add_string (builder, "contenttype", "text/html");
  json_builder_set_member_name (builder, "charcount");
  json_builder_add_int_value (builder, chars);
  json_builder_set_member_name (builder, "wordcount");
  json_builder_add_int_value (builder, words);
  json_builder_set_member_name (builder, "value");
  json_builder_add_string_value (builder, body);
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  add_string (builder, "by", by);
  add_credits (builder, article);
  add_string (builder, "located", dl_article_get_place (article));

  if (!str_empty (dl_article_get_source (article)))
    {
      json_builder_set_member_name (builder, "infosources");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      add_string (builder, "name", dl_article_get_source (article));
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }

  if (!str_empty (category) || (tags != NULL && tags[0] != NULL))
    {
      json_builder_set_member_name (builder, "subjects");
      json_builder_begin_array (builder);
      if (!str_empty (category))
        {
          json_builder_begin_object (builder);
          add_string (builder, "name", category);
          add_string (builder, "rel", SUBJECT_REL_CATEGORY);
          json_builder_end_object (builder);
        }
      for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
        {
          json_builder_begin_object (builder);
          add_string (builder, "name", tags[i]);
          add_string (builder, "rel", SUBJECT_REL_TAG);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  add_featured_image (builder, article);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * dl_ninjs_export:
 *
 * Returns: (transfer full): the article as indented ninjs JSON
 */
char *
dl_ninjs_export (DlArticle      *article,
                 DlNinjsVersion  version,
                 DlHouseStyle   *house_style)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  g_return_val_if_fail (DL_IS_ARTICLE (article), NULL);

  node = dl_ninjs_export_node (article, version, house_style);
  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}

/* ------------------------------------------------------------------ */
/* Import                                                              */
/* ------------------------------------------------------------------ */

typedef struct
{
  GPtrArray *warnings;   /* translated sentences */
} Importer;

G_GNUC_PRINTF (2, 3)
static void
warn (Importer   *importer,
      const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (importer->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

/* @where names the member for a warning ("headlines[0].value"). */
/* The member's node, or NULL when it is missing or null. */
static JsonNode *
get_member (JsonObject *object,
            const char *member)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;
  node = json_object_get_member (object, member);
  return JSON_NODE_HOLDS_NULL (node) ? NULL : node;
}

static const char *
get_string (Importer   *importer,
            JsonObject *object,
            const char *member,
            const char *where)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      /* Translators: %s is a field of the imported ninjs file, such as "headlines[0].value"
       * (not translated) */
      warn (importer, _("“%s” is not text, so it was left out."), where != NULL ? where : member);
      return NULL;
    }
  if (strlen (json_node_get_string (node)) > DL_LIMIT_STRING_BYTES)
    {
      /* Translators: %s is a field of the imported ninjs file, such as "bodies[0].value"
       * (not translated) */
      warn (importer, _("“%s” is too long, so it was left out."), where != NULL ? where : member);
      return NULL;
    }
  return json_node_get_string (node);
}

static JsonArray *
get_array (Importer   *importer,
           JsonObject *object,
           const char *member)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      /* Translators: %s is a field of the imported ninjs file, such as "subjects" (not translated) */
      warn (importer, _("“%s” is not a list, so it was left out."), member);
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
array_get_object (Importer   *importer,
                  JsonArray  *array,
                  guint       index,
                  const char *member)
{
  JsonNode *node = json_array_get_element (array, index);

  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);
  /* Translators: %s is a list in the imported ninjs file, such as "bodies", and %u
   * an item's place in it, counting from 0: "bodies[2]" (not translated) */
  warn (importer, _("“%s[%u]” is not an object, so it was left out."), member, index);
  return NULL;
}

/* The value of the entry with @role, else of the first entry. */
static const char *
pick_value (Importer   *importer,
            JsonArray  *array,
            const char *member,
            const char *role,
            const char *avoid_role)
{
  const char *first = NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *entry = array_get_object (importer, array, i, member);
      g_autofree char *where = g_strdup_printf ("%s[%u].value", member, i);
      g_autofree char *role_where = g_strdup_printf ("%s[%u].role", member, i);
      const char *value = get_string (importer, entry, "value", where);
      const char *entry_role = get_string (importer, entry, "role", role_where);

      if (value == NULL)
        continue;
      if (role != NULL && g_strcmp0 (entry_role, role) == 0)
        return value;
      if (first == NULL && (avoid_role == NULL || g_strcmp0 (entry_role, avoid_role) != 0))
        first = value;
    }
  return first;
}

static GDateTime *
get_date (Importer   *importer,
          JsonObject *root,
          const char *member,
          const char *instead)
{
  const char *value = get_string (importer, root, member, NULL);
  GDateTime *date;

  if (str_empty (value))
    return NULL;
  date = dl_date_time_from_iso8601 (value);
  if (date == NULL)
    {
      /* The format has one %s for the member's name and one for its value. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      warn (importer, instead, member, value);
#pragma GCC diagnostic pop
    }
  return date;
}

static char *
plain_text_to_markdown (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *html = g_string_new (NULL);
  char *markdown;

  /* Through the HTML reader, so that escaping has one implementation. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*g_strstrip (lines[i]) == '\0')
        continue;
      g_string_append (html, "<p>");
      dl_html_append_text (html, lines[i], -1);
      g_string_append (html, "</p>");
    }
  markdown = dl_html_to_markdown (html->str);
  g_string_free (html, TRUE);
  return markdown;
}

static char *
import_body (Importer  *importer,
             JsonArray *bodies)
{
  const char *html = NULL;
  const char *plain = NULL;

  for (guint i = 0; bodies != NULL && i < json_array_get_length (bodies); i++)
    {
      JsonObject *body = array_get_object (importer, bodies, i, "bodies");
      g_autofree char *where = g_strdup_printf ("bodies[%u].value", i);
      g_autofree char *type_where = g_strdup_printf ("bodies[%u].contenttype", i);
      const char *value = get_string (importer, body, "value", where);
      const char *type = get_string (importer, body, "contenttype", type_where);

      if (value == NULL)
        continue;
      if (type != NULL && (g_str_has_prefix (type, "text/html")
                           || g_str_has_prefix (type, "application/xhtml+xml")))
        {
          if (html == NULL)
            html = value;
        }
      else if (type == NULL || g_str_has_prefix (type, "text/plain"))
        {
          if (plain == NULL)
            plain = value;
        }
      else
        /* Translators: %s is a field of the imported ninjs file, "bodies[0].value";
         * the second %s is its content type, such as "application/pdf" */
        warn (importer, _("“%s” is of the type “%s”, which Dateline cannot read, so it was left out."),
              where, type);
    }

  if (html != NULL)
    return dl_html_to_markdown (html);
  if (plain != NULL)
    return plain_text_to_markdown (plain);
  return g_strdup ("");
}

static void
import_by (DlArticle  *article,
           const char *by)
{
  g_autofree char *copy = NULL;
  char *names;
  g_auto(GStrv) parts = NULL;

  if (str_empty (by))
    return;
  copy = g_strstrip (g_strdup (by));
  names = copy;
  if (g_ascii_strncasecmp (names, "by ", 3) == 0)
    names += 3;

  /* "A, B and C", "A & B", "A; B" */
  {
    GString *normal = g_string_new (NULL);

    for (const char *p = names; *p != '\0'; p++)
      {
        if (g_str_has_prefix (p, " and "))
          {
            g_string_append_c (normal, '\x1f');
            p += 4;
          }
        else if (*p == ',' || *p == ';' || *p == '&')
          g_string_append_c (normal, '\x1f');
        else
          g_string_append_c (normal, *p);
      }
    parts = g_strsplit (normal->str, "\x1f", -1);
    g_string_free (normal, TRUE);
  }

  for (guint i = 0; parts[i] != NULL && i < DL_LIMIT_CREDITS; i++)
    {
      g_autoptr(DlCredit) credit = NULL;

      if (*g_strstrip (parts[i]) == '\0')
        continue;
      credit = dl_credit_new (DL_CREDIT_ROLE_AUTHOR, parts[i], NULL);
      dl_article_add_credit (article, credit);
    }
}

/* people and organisations whose rel is a credit role (as Dateline
 * writes them): names become credits in order, and each organisation
 * joins the first credit of its role still without a text, else stands
 * as a credit of its own. Returns FALSE if there were none. */
static gboolean
import_credits (Importer   *importer,
                DlArticle  *article,
                JsonObject *root)
{
  const char *members[] = { "people", "organisations" };
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_texts = 0;

  for (guint m = 0; m < G_N_ELEMENTS (members); m++)
    {
      JsonArray *entries = get_array (importer, root, members[m]);

      for (guint i = 0; entries != NULL && i < json_array_get_length (entries); i++)
        {
          JsonNode *node = json_array_get_element (entries, i);
          JsonObject *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
          const char *name = get_string (importer, entry, "name", NULL);
          const char *rel = get_string (importer, entry, "rel", NULL);
          DlCreditRole role;
          DlCredit *joined = NULL;

          if (str_empty (name) || rel == NULL || !dl_credit_role_from_string (rel, &role)
              || added->len + n_texts >= DL_LIMIT_CREDITS)
            continue;
          if (m == 0)
            {
              g_ptr_array_add (added, dl_credit_new (role, name, NULL));
              continue;
            }
          for (guint c = 0; c < added->len && joined == NULL; c++)
            {
              DlCredit *credit = g_ptr_array_index (added, c);

              if (dl_credit_get_role (credit) == role && str_empty (dl_credit_get_text (credit)))
                joined = credit;
            }
          if (joined != NULL)
            dl_credit_set_text (joined, name);
          else
            g_ptr_array_add (added, dl_credit_new (role, NULL, name));
          n_texts++;
        }
    }

  for (guint c = 0; c < added->len; c++)
    dl_article_add_credit (article, g_ptr_array_index (added, c));
  return added->len > 0;
}

static void
import_subjects (Importer  *importer,
                 DlArticle *article,
                 JsonArray *subjects)
{
  g_autoptr(GStrvBuilder) tags = g_strv_builder_new ();
  g_auto(GStrv) tag_list = NULL;
  const char *category = NULL;
  const char *first = NULL;
  guint n_tags = 0;

  for (guint i = 0; subjects != NULL && i < json_array_get_length (subjects); i++)
    {
      JsonObject *subject = array_get_object (importer, subjects, i, "subjects");
      g_autofree char *where = g_strdup_printf ("subjects[%u].name", i);
      g_autofree char *rel_where = g_strdup_printf ("subjects[%u].rel", i);
      const char *name = get_string (importer, subject, "name", where);
      const char *rel = get_string (importer, subject, "rel", rel_where);

      if (str_empty (name))
        continue;
      if (g_strcmp0 (rel, SUBJECT_REL_TAG) == 0)
        {
          if (n_tags++ < DL_LIMIT_TAGS)
            g_strv_builder_add (tags, name);
        }
      else if (g_strcmp0 (rel, SUBJECT_REL_CATEGORY) == 0 && category == NULL)
        category = name;
      else if (first == NULL)
        first = name;
    }
  if (n_tags > DL_LIMIT_TAGS)
    /* Translators: the first %u is how many tags the imported item has, such as 620;
     * the second is how many were kept, 500 */
    warn (importer, _("The item has %u tags; the first %u were kept."), n_tags, (guint) DL_LIMIT_TAGS);

  if (category != NULL || first != NULL)
    dl_article_set_category (article, category != NULL ? category : first);
  tag_list = g_strv_builder_end (tags);
  if (tag_list[0] != NULL)
    dl_article_set_tags (article, (const char * const *) tag_list);
}

static JsonObject *
find_picture (Importer *importer,
              JsonNode *associations)
{
  g_autoptr(GList) values = NULL;
  JsonObject *first = NULL;

  /* 2.x: an array; 1.x: an object keyed by name. Both are accepted. */
  if (associations == NULL || JSON_NODE_HOLDS_NULL (associations))
    return NULL;
  if (JSON_NODE_HOLDS_ARRAY (associations))
    values = json_array_get_elements (json_node_get_array (associations));
  else if (JSON_NODE_HOLDS_OBJECT (associations))
    values = json_object_get_values (json_node_get_object (associations));
  else
    {
      warn (importer, _("“%s” is not a list, so it was left out."), "associations");
      return NULL;
    }

  for (GList *l = values; l != NULL; l = l->next)
    {
      JsonNode *node = l->data;
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *type = get_string (importer, object, "type", "associations[].type");

      if (object == NULL)
        continue;
      if (g_strcmp0 (get_string (importer, object, "name", "associations[].name"), FEATURED_ASSOCIATION) == 0)
        return object;
      if (first == NULL && (g_strcmp0 (type, "picture") == 0 || g_strcmp0 (type, "graphic") == 0))
        first = object;
    }
  return first;
}

static void
import_picture (Importer   *importer,
                DlArticle  *article,
                JsonObject *picture)
{
  JsonArray *descriptions = get_array (importer, picture, "descriptions");
  JsonArray *renditions = get_array (importer, picture, "renditions");
  const char *caption = pick_value (importer, descriptions, "associations[].descriptions", "caption", "alt");
  const char *alt = NULL;
  const char *by = get_string (importer, picture, "by", "associations[].by");

  for (guint i = 0; descriptions != NULL && i < json_array_get_length (descriptions); i++)
    {
      JsonNode *node = json_array_get_element (descriptions, i);
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (g_strcmp0 (get_string (importer, entry, "role", NULL), "alt") == 0)
        alt = get_string (importer, entry, "value", NULL);
    }

  if (caption != NULL)
    dl_article_set_image_caption (article, caption);
  if (alt != NULL)
    dl_article_set_image_alt (article, alt);
  if (by != NULL)
    dl_article_set_image_credit (article, by);

  /* Only a local file can become the featured image: importing never
   * touches the network. Whether it is really an image is checked when
   * it is used (dl-local-image.c). */
  for (guint i = 0; renditions != NULL && i < json_array_get_length (renditions); i++)
    {
      JsonNode *node = json_array_get_element (renditions, i);
      JsonObject *rendition = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *href = get_string (importer, rendition, "href", "associations[].renditions[].href");
      g_autofree char *path = NULL;

      if (href == NULL || !g_str_has_prefix (href, "file:"))
        continue;
      path = g_filename_from_uri (href, NULL, NULL);
      if (path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          dl_article_set_image_path (article, path);
          break;
        }
    }
}

static DlArticle *
import_item (Importer   *importer,
             JsonNode   *node,
             GError    **error)
{
  g_autoptr(DlArticle) article = NULL;
  g_autoptr(GDateTime) first_created = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) embargo = NULL;
  g_autofree char *body = NULL;
  g_autofree char *stripped = NULL;
  JsonObject *root;
  JsonArray *infosources;
  JsonObject *picture;
  const char *headline;
  const char *value;

  root = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  if (root == NULL
      || !(json_object_has_member (root, "uri") || json_object_has_member (root, "headlines")
           || json_object_has_member (root, "bodies")))
    {
      g_set_error (error, DL_NINJS_ERROR, DL_NINJS_ERROR_NOT_NINJS,
                   /* Translators: uri, headlines and bodies are names of fields of the ninjs format:
                    * keep them as they are */
                   _("This is not a ninjs news item: it has no uri, headlines or bodies."));
      return NULL;
    }

  article = dl_article_new ();

  headline = pick_value (importer, get_array (importer, root, "headlines"), "headlines", "main", NULL);
  if (headline == NULL)
    headline = get_string (importer, root, "title", NULL);
  if (headline != NULL)
    dl_article_set_headline (article, headline);
  value = pick_value (importer, get_array (importer, root, "descriptions"), "descriptions", "summary", NULL);
  if (value != NULL)
    dl_article_set_standfirst (article, value);

  body = import_body (importer, get_array (importer, root, "bodies"));
  dl_article_set_body (article, body);

  /* Nothing a journalist could work with: refuse rather than add an
   * empty article that looks like a successful import. */
  stripped = g_strstrip (g_strdup (headline != NULL ? headline : ""));
  if (str_empty (stripped) && str_empty (body))
    {
      g_autoptr(GString) message = g_string_new (_("Nothing could be imported: the item has no headline and no body text that Dateline can read."));

      for (guint i = 0; i < importer->warnings->len; i++)
        g_string_append_printf (message, " %s", (const char *) g_ptr_array_index (importer->warnings, i));
      g_set_error_literal (error, DL_NINJS_ERROR, DL_NINJS_ERROR_EMPTY, message->str);
      return NULL;
    }

  /* Dateline's own `people` and `organisations` hold every credit; a
   * ninjs item from elsewhere has only `by`. */
  if (!import_credits (importer, article, root))
    import_by (article, get_string (importer, root, "by", NULL));
  if ((value = get_string (importer, root, "located", NULL)) != NULL)
    dl_article_set_place (article, value);
  if ((value = get_string (importer, root, "language", NULL)) != NULL)
    dl_article_set_language (article, value);
  if ((value = get_string (importer, root, "slugline", NULL)) != NULL)
    dl_article_set_slug (article, value);

  infosources = get_array (importer, root, "infosources");
  if (infosources != NULL && json_array_get_length (infosources) > 0)
    {
      JsonObject *source = array_get_object (importer, infosources, 0, "infosources");

      if ((value = get_string (importer, source, "name", "infosources[0].name")) != NULL)
        dl_article_set_source (article, value);
    }

  /* contentcreated is when the news happened (Dateline writes the
   * dateline date there); versioncreated is the best guess otherwise. */
  created = get_date (importer, root, "contentcreated",
                      /* Translators: %s is a field of the imported ninjs file, such as "contentcreated";
                       * the second %s is its value, such as "yesterday" */
                      _("“%s” is not a date and time (“%s”), so it was left out."));
  if (created == NULL)
    created = get_date (importer, root, "versioncreated",
                        _("“%s” is not a date and time (“%s”), so it was left out."));
  if (created != NULL)
    dl_article_set_dateline_date (article, created);
  first_created = get_date (importer, root, "firstcreated",
                            /* Translators: %s is a field of the imported ninjs file, "firstcreated";
                             * the second %s is its value, such as "yesterday" */
                            _("“%s” is not a date and time (“%s”): the time of the import is used instead."));
  if (first_created != NULL)
    dl_article_set_created (article, first_created);
  embargo = get_date (importer, root, "embargoed",
                      /* Translators: %s is a field of the imported ninjs file, "embargoed";
                       * the second %s is its value, such as "tomorrow" */
                      _("“%s” is not a date and time (“%s”), so the article has no embargo: check it before publishing."));
  if (embargo != NULL)
    dl_article_set_embargo (article, embargo);

  import_subjects (importer, article, get_array (importer, root, "subjects"));

  picture = find_picture (importer, json_object_get_member (root, "associations"));
  if (picture != NULL)
    import_picture (importer, article, picture);

  return g_steal_pointer (&article);
}

/**
 * dl_ninjs_import_node:
 * @warnings: (out) (optional) (transfer full): what was left out and why,
 *   translated; %NULL when nothing was
 *
 * A ninjs 2.x (or 1.x) news item as a new article with a new identity.
 *
 * Returns: (transfer full): the article, or %NULL with @error set
 */
DlArticle *
dl_ninjs_import_node (JsonNode   *node,
                      GStrv      *warnings,
                      GError    **error)
{
  Importer importer = { g_ptr_array_new_with_free_func (g_free) };
  DlArticle *article;

  g_return_val_if_fail (node != NULL, NULL);

  article = import_item (&importer, node, error);
  if (warnings != NULL)
    {
      if (article != NULL && importer.warnings->len > 0)
        {
          g_ptr_array_add (importer.warnings, NULL);
          *warnings = (GStrv) g_ptr_array_free (g_steal_pointer (&importer.warnings), FALSE);
        }
      else
        *warnings = NULL;
    }
  g_clear_pointer (&importer.warnings, g_ptr_array_unref);
  return article;
}

/**
 * dl_ninjs_import_data:
 *
 * Reads the item with the same bounded JSON reader as article files
 * (UTF-8 check, depth and size limits).
 */
DlArticle *
dl_ninjs_import_data (const char  *data,
                      gssize       length,
                      GStrv       *warnings,
                      GError     **error)
{
  g_autoptr(DlJsonDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (warnings != NULL)
    *warnings = NULL;
  if (length < 0)
    length = strlen (data);
  document = dl_json_document_parse (data, length, 0, &local_error);
  if (document == NULL)
    {
      if (g_error_matches (local_error, DL_JSON_ERROR, DL_JSON_ERROR_SYNTAX))
        g_set_error (error, DL_NINJS_ERROR, DL_NINJS_ERROR_PARSE,
                     /* Translators: %s is where the file goes wrong and how:
                      * "line 3, column 7: expected “,” or “}”, found “]”" */
                     _("This file is not valid JSON: %s"), local_error->message);
      else
        g_set_error_literal (error, DL_NINJS_ERROR, DL_NINJS_ERROR_PARSE, local_error->message);
      return NULL;
    }
  return dl_ninjs_import_node (dl_json_document_get_root (document), warnings, error);
}

/**
 * dl_ninjs_import_file:
 *
 * Blocking: call it from a worker thread in the application.
 */
DlArticle *
dl_ninjs_import_file (GFile         *file,
                      GCancellable  *cancellable,
                      GStrv         *warnings,
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
  return dl_ninjs_import_data (data != NULL ? data : "", length, warnings, error);
}
