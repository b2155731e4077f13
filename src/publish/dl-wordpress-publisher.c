/* dl-wordpress-publisher.c: one article → one WordPress post
 *
 * The sequence (docs/PUBLISHING.md has it with the reasons):
 *   1. the category by name (GET categories?search=), an error if the
 *      site has none of that name: WordPress would drop an unknown id
 *      silently, and on an update clear the post's categories;
 *   2. each tag find-or-create in one call (POST tags; an existing one
 *      answers 400 term_exists with its id, whatever its case);
 *   3. the featured image, uploaded once (with caption and alt text in
 *      the same request) and re-used while the file is unchanged;
 *   4. the post: created once, updated afterwards. WordPress has no
 *      idempotency key, so the job's journal says when a create may have
 *      reached the server; a retry then looks for that post (by the
 *      companion plugin's client uuid, else by slug, headline and
 *      author) before creating anything. An update first compares the
 *      server's modified_gmt with the one last seen: a change made on
 *      the site is not overwritten unless the user says so;
 *   5. what came back is checked (ids, terms, media, meta), since
 *      WordPress silently drops what it does not know.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-wordpress"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dl-html-to-markdown.h"
#include "dl-json-member.h"
#include "dl-publish-error.h"
#include "dl-renderer.h"
#include "dl-site-secrets.h"
#include "dl-slug.h"
#include "dl-util.h"
#include "dl-wordpress-publisher.h"

struct _DlWordPressPublisher
{
  DlPublisher        parent_instance;

  DlWordPressClient *client;
};

G_DEFINE_FINAL_TYPE (DlWordPressPublisher, dl_wordpress_publisher, DL_TYPE_PUBLISHER)

static void
dl_wordpress_publisher_constructed (GObject *object)
{
  DlWordPressPublisher *self = DL_WORDPRESS_PUBLISHER (object);

  G_OBJECT_CLASS (dl_wordpress_publisher_parent_class)->constructed (object);
  self->client = dl_wordpress_client_new (dl_publisher_get_site (DL_PUBLISHER (self)));
}

static void
dl_wordpress_publisher_finalize (GObject *object)
{
  g_clear_object (&DL_WORDPRESS_PUBLISHER (object)->client);
  G_OBJECT_CLASS (dl_wordpress_publisher_parent_class)->finalize (object);
}

DlWordPressClient *
dl_wordpress_publisher_get_client (DlWordPressPublisher *self)
{
  return self->client;
}

/* ---- small helpers ----------------------------------------------------------------------------- */

static gboolean
str_empty (const char *str)
{
  return str == NULL || *str == '\0';
}

/* Server data may hold anything anywhere: these look before they take,
 * where json-glib's own getters would complain on a wrong type. */
static JsonArray *
member_array (JsonObject *object,
              const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
member_object (JsonObject *object,
               const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonObject *
array_object (JsonArray *array,
              guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gint64
array_int (JsonArray *array,
           guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return json_node_get_int (node);
}

/* title / content / excerpt come as {raw, rendered}; raw in edit context */
static const char *
object_raw (JsonObject *object,
            const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      const char *raw = dl_json_member_string (json_node_get_object (node), "raw");
      return raw != NULL ? raw : dl_json_member_string (json_node_get_object (node), "rendered");
    }
  return dl_json_member_string (object, member);
}

static JsonObject *
reply_object (DlWordPressReply  *reply,
              GError           **error)
{
  if (reply->body == NULL || !JSON_NODE_HOLDS_OBJECT (reply->body))
    {
      g_set_error_literal (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_NOT_JSON,
                           _("The site’s answer is not what WordPress sends (an object was expected)."));
      return NULL;
    }
  return json_node_get_object (reply->body);
}

static JsonArray *
reply_array (DlWordPressReply  *reply,
             GError           **error)
{
  if (reply->body == NULL || !JSON_NODE_HOLDS_ARRAY (reply->body))
    {
      g_set_error_literal (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_NOT_JSON,
                           _("The site’s answer is not what WordPress sends (a list was expected)."));
      return NULL;
    }
  return json_node_get_array (reply->body);
}

/* WordPress returns term names HTML-escaped ("Trade &amp; Industry"). */
static char *
decode_entities (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0';)
    {
      if (*p == '&')
        {
          const char *semi = strchr (p, ';');
          static const struct { const char *name; const char *text; } named[] = {
            { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&apos;", "'" },
          };
          gboolean done = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (named) && !done; i++)
            if (g_str_has_prefix (p, named[i].name))
              {
                g_string_append (out, named[i].text);
                p += strlen (named[i].name);
                done = TRUE;
              }
          if (!done && semi != NULL && p[1] == '#' && semi - p < 12)
            {
              gunichar c = p[2] == 'x' || p[2] == 'X' ? (gunichar) g_ascii_strtoull (p + 3, NULL, 16)
                                                      : (gunichar) g_ascii_strtoull (p + 2, NULL, 10);
              if (c != 0 && g_unichar_validate (c))
                {
                  g_string_append_unichar (out, c);
                  p = semi + 1;
                  done = TRUE;
                }
            }
          if (done)
            continue;
        }
      g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

static gboolean
same_name (const char *escaped,
           const char *name)
{
  g_autofree char *decoded = decode_entities (escaped);
  g_autofree char *a = g_utf8_casefold (decoded, -1);
  g_autofree char *b = g_utf8_casefold (name, -1);

  return g_strcmp0 (a, b) == 0;
}

static GDateTime *
parse_gmt (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return text != NULL ? g_date_time_new_from_iso8601 (text, utc) : NULL;
}

static char *
format_gmt (GDateTime *date_time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (date_time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
}

static char *
id_string (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

/* ---- signing in -------------------------------------------------------------------------------- */

/* The password for a request: $DATELINE_APP_PASSWORD when it is set,
 * else the keyring's. The variable is an explicit instruction for this one
 * run (a script, CI, a server with no keyring), so it wins, and the keyring
 * is not asked at all: no unlock prompt in front of a script, and no D-Bus
 * call where there is no session bus (a Flatpak build sandbox). */
static gboolean
ensure_password (DlWordPressPublisher  *self,
                 GCancellable          *cancellable,
                 GError               **error)
{
  DlSite *site = dl_publisher_get_site (DL_PUBLISHER (self));
  g_autoptr(GError) keyring_error = NULL;
  g_autofree char *password = dl_site_secrets_from_environment ();

  if (password == NULL)
    password = dl_site_secrets_lookup_sync (site, cancellable, &keyring_error);
  if (password == NULL)
    {
      if (keyring_error != NULL)
        g_debug ("No keyring: %s", keyring_error->message);
      g_set_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_AUTH,
                   /* Translators: %s is a site's name, DATELINE_APP_PASSWORD a variable name */
                   _("Dateline has no application password for %s. Sign in again in Preferences → Sites (or set DATELINE_APP_PASSWORD)."),
                   dl_site_get_name (site));
      return FALSE;
    }
  dl_wordpress_client_set_password (self->client, password);
  memset (password, 0, strlen (password));
  return TRUE;
}

static gboolean
ensure_ready (DlWordPressPublisher  *self,
              GCancellable          *cancellable,
              GError               **error)
{
  DlSite *site = dl_publisher_get_site (DL_PUBLISHER (self));

  if (dl_site_get_rest_root (site) == NULL
      && !dl_wordpress_client_discover_sync (self->client, cancellable, error))
    return FALSE;
  return ensure_password (self, cancellable, error);
}

static gboolean
dl_wordpress_publisher_sign_in (DlPublisher   *publisher,
                                const char    *password,
                                char         **user_name,
                                GCancellable  *cancellable,
                                GError       **error)
{
  DlWordPressPublisher *self = DL_WORDPRESS_PUBLISHER (publisher);
  g_autoptr(JsonObject) me = NULL;

  if (!dl_wordpress_client_discover_sync (self->client, cancellable, error))
    return FALSE;
  dl_wordpress_client_set_password (self->client, password);
  me = dl_wordpress_client_verify_sync (self->client, cancellable, error);
  if (me == NULL)
    return FALSE;
  *user_name = g_strdup (dl_json_member_string (me, "name"));
  return TRUE;
}

/* ---- terms --------------------------------------------------------------------------------------- */

/* A term of @taxonomy named @name, whatever its case: *id is 0 when the
 * site has none (GET ?search= looks at names and slugs, case aside). */
static gboolean
search_term (DlWordPressPublisher  *self,
             const char            *taxonomy,
             const char            *name,
             gint64                *id,
             GCancellable          *cancellable,
             GError               **error)
{
  const char * const query[] = { "search", name, "per_page", "100", "_fields", "id,name", NULL };
  g_autofree char *route = g_strconcat ("wp/v2/", taxonomy, NULL);
  g_autoptr(DlWordPressReply) reply = dl_wordpress_client_call_sync (self->client, "GET", route, query, NULL,
                                                                     cancellable, error);
  JsonArray *array;

  *id = 0;
  if (reply == NULL || (array = reply_array (reply, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *term = array_object (array, i);

      if (term != NULL && same_name (dl_json_member_string (term, "name"), name))
        {
          *id = dl_json_member_int (term, "id");
          break;
        }
    }
  return TRUE;
}

static gboolean
find_category (DlWordPressPublisher  *self,
               const char            *name,
               gint64                *id,
               GCancellable          *cancellable,
               GError               **error)
{
  if (!search_term (self, "categories", name, id, cancellable, error))
    return FALSE;
  if (*id > 0)
    return TRUE;
  g_set_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_CHECKLIST,
               /* Translators: %s is a category name */
               _("The site has no category “%s”. Choose one of the site’s categories: WordPress would drop an unknown one without a word."),
               name);
  return FALSE;
}

static gboolean
search_tag (DlWordPressPublisher  *self,
            const char            *name,
            gint64                *id,
            GCancellable          *cancellable,
            GError               **error)
{
  if (!search_term (self, "tags", name, id, cancellable, error))
    return FALSE;
  if (*id > 0)
    return TRUE;
  g_set_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_FORBIDDEN,
               /* Translators: %s is a tag */
               _("The site has no tag “%s”, and your account may not create tags. Ask an editor to add it, or remove the tag."),
               name);
  return FALSE;
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

/* Find-or-create in one request: POST tags; an existing name answers
 * 400 term_exists with data.term_id. WordPress compares names with PHP's
 * strtolower(), which knows only ASCII: "экономика" would become a second
 * tag beside "Экономика". A name with other letters is looked for first
 * (the database's search ignores case in every script). */
static gboolean
find_or_create_tag (DlWordPressPublisher  *self,
                    const char            *name,
                    gint64                *id,
                    GCancellable          *cancellable,
                    GError               **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(DlWordPressReply) reply = NULL;
  const char *code;

  if (!is_ascii (name))
    {
      g_autoptr(GError) search_error = NULL;

      if (search_tag (self, name, id, cancellable, &search_error))
        return TRUE;
      if (search_error->code != DL_PUBLISH_ERROR_FORBIDDEN)
        {
          g_propagate_error (error, g_steal_pointer (&search_error));
          return FALSE;
        }
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  reply = dl_wordpress_client_request_sync (self->client, "POST", "wp/v2/tags", NULL, body, cancellable, error);
  if (reply == NULL)
    return FALSE;
  code = dl_wordpress_reply_get_code (reply);
  if (code == NULL)
    {
      JsonObject *term = reply_object (reply, error);

      if (term == NULL)
        return FALSE;
      *id = dl_json_member_int (term, "id");
      return *id > 0;
    }
  if (g_strcmp0 (code, "term_exists") == 0)
    {
      JsonObject *data = member_object (json_node_get_object (reply->body), "data");

      *id = dl_json_member_int (data, "term_id");
      if (*id > 0)
        return TRUE;
    }
  if (reply->status == 401 || reply->status == 403)
    return search_tag (self, name, id, cancellable, error); /* a contributor */
  g_set_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_SERVER,
               /* Translators: %s is a tag, then the server's code, %u the HTTP status */
               _("The tag “%s” could not be added on the site (%s, HTTP %u)."), name, code, reply->status);
  return FALSE;
}

/* ---- the featured image -------------------------------------------------------------------------- */

static char *
image_hash (GBytes     *data,
            const char *caption,
            const char *alt)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_checksum_update (checksum, g_bytes_get_data (data, NULL), g_bytes_get_size (data));
  g_checksum_update (checksum, (const guchar *) "\0", 1);
  g_checksum_update (checksum, (const guchar *) (caption ?: ""), -1);
  g_checksum_update (checksum, (const guchar *) "\0", 1);
  g_checksum_update (checksum, (const guchar *) (alt ?: ""), -1);
  return g_strdup (g_checksum_get_string (checksum));
}

static char *
compose_caption (DlArticle  *article,
                 DlRenderer *renderer)
{
  const char *caption = dl_article_get_image_caption (article);
  g_autofree char *credit = dl_renderer_dup_figure_credit (renderer, article);

  if (str_empty (caption))
    return g_strdup (credit ?: "");
  if (str_empty (credit))
    return g_strdup (caption);
  return g_strconcat (caption, " ", credit, NULL);
}

static gboolean
ensure_featured_image (DlWordPressPublisher  *self,
                       DlPublishRequest      *request,
                       DlRenderer            *renderer,
                       DlPublication         *record,
                       GCancellable          *cancellable,
                       GError               **error)
{
  DlArticle *article = request->article;
  const char *path = dl_article_get_image_path (article);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *mime = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(DlWordPressReply) reply = NULL;
  const char *alt = dl_article_get_image_alt (article);
  JsonObject *media;

  if (str_empty (path))
    return TRUE;
  file = g_file_new_for_path (path);
  data = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (data == NULL)
    {
      g_set_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_INVALID,
                   /* Translators: %s is a file, the second %s why */
                   _("The featured image %s cannot be read: %s"), path, local_error->message);
      return FALSE;
    }
  caption = compose_caption (article, renderer);
  hash = image_hash (data, caption, alt);
  if (request->previous != NULL && request->previous->featured_media_id != NULL
      && g_strcmp0 (request->previous->featured_media_hash, hash) == 0)
    {
      record->featured_media_id = g_strdup (request->previous->featured_media_id);
      record->featured_media_hash = g_steal_pointer (&hash);
      return TRUE;
    }

  content_type = g_content_type_guess (path, g_bytes_get_data (data, NULL), MIN (g_bytes_get_size (data), 4096), NULL);
  mime = g_content_type_get_mime_type (content_type);
  if (mime == NULL || !g_str_has_prefix (mime, "image/"))
    {
      g_set_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_INVALID,
                   /* Translators: %s is the image's path, "/home/anna/Pictures/minsk.jpg" */
                   _("The featured image %s is not a picture."), path);
      return FALSE;
    }
  {
    /* Caption and alt text ride along as parameters: one request. */
    const char * const query[] = { "caption", caption, "alt_text", alt ?: "", NULL };

    reply = dl_wordpress_client_upload_sync (self->client, data, mime, path, query, cancellable, error);
  }
  if (reply == NULL || (media = reply_object (reply, error)) == NULL)
    return FALSE;
  if (dl_json_member_int (media, "id") <= 0)
    {
      g_set_error_literal (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_VERIFY,
                           _("The site took the featured image but did not say which id it has."));
      return FALSE;
    }
  record->featured_media_id = id_string (dl_json_member_int (media, "id"));
  record->featured_media_hash = g_steal_pointer (&hash);
  return TRUE;
}

/* ---- the post ------------------------------------------------------------------------------------ */

static void
add_meta (JsonBuilder *builder,
          const char  *key,
          const char  *value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, value ?: "");
}

static char *
credits_json (DlArticle *article)
{
  GListModel *credits = dl_article_get_credits (article);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (credits); i++)
    {
      g_autoptr(DlCredit) credit = g_list_model_get_item (credits, i);

      json_builder_begin_object (builder);
      add_meta (builder, "role", dl_credit_role_to_string (dl_credit_get_role (credit)));
      add_meta (builder, "name", dl_credit_get_name (credit));
      add_meta (builder, "text", dl_credit_get_text (credit));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static void
build_meta (JsonBuilder  *builder,
            DlArticle    *article,
            DlHouseStyle *style)
{
  g_autofree char *date = dl_date_time_to_iso8601 (dl_article_get_dateline_date (article));
  g_autofree char *dateline = dl_house_style_compose_dateline (style, article, NULL);
  g_autofree char *credits = credits_json (article);

  json_builder_set_member_name (builder, "meta");
  json_builder_begin_object (builder);
  add_meta (builder, "dateline_client_uuid", dl_article_get_uuid (article));
  add_meta (builder, "dateline_place", dl_article_get_place (article));
  add_meta (builder, "dateline_region", dl_article_get_region (article));
  add_meta (builder, "dateline_country", dl_article_get_country (article));
  add_meta (builder, "dateline_date", date);
  add_meta (builder, "dateline_time_zone", dl_article_get_time_zone (article));
  add_meta (builder, "dateline_source", dl_article_get_source (article) != NULL && *dl_article_get_source (article)
                                        ? dl_article_get_source (article) : dl_house_style_get_source (style));
  add_meta (builder, "dateline_style", dl_house_style_get_dateline_style (style));
  add_meta (builder, "dateline_text", dateline);
  add_meta (builder, "dateline_credits", credits);
  add_meta (builder, "dateline_image_credit", dl_article_get_image_credit (article));
  json_builder_end_object (builder);
}

typedef struct
{
  gint64      category;
  GArray     *tags;       /* gint64 */
  char       *content;
  char       *slug;
  DlRemoteStatus status;
  GDateTime  *goes_live;
} PostFields;

static void
post_fields_clear (PostFields *fields)
{
  g_clear_pointer (&fields->tags, g_array_unref);
  g_clear_pointer (&fields->content, g_free);
  g_clear_pointer (&fields->slug, g_free);
  g_clear_pointer (&fields->goes_live, g_date_time_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PostFields, post_fields_clear)

static JsonNode *
build_post (DlWordPressPublisher *self,
            DlPublishRequest     *request,
            DlHouseStyle         *style,
            PostFields           *fields,
            DlPublication        *record)
{
  DlArticle *article = request->article;
  DlSite *site = dl_publisher_get_site (DL_PUBLISHER (self));
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, dl_article_get_headline (article) ?: "");
  json_builder_set_member_name (builder, "excerpt");
  json_builder_add_string_value (builder, dl_article_get_standfirst (article) ?: "");
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, fields->content);
  json_builder_set_member_name (builder, "slug");
  json_builder_add_string_value (builder, fields->slug);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, dl_remote_status_to_string (fields->status));
  if (fields->goes_live != NULL)
    {
      g_autofree char *gmt = format_gmt (fields->goes_live);

      json_builder_set_member_name (builder, "date_gmt");
      json_builder_add_string_value (builder, gmt);
    }
  json_builder_set_member_name (builder, "categories");
  json_builder_begin_array (builder);
  if (fields->category > 0)
    json_builder_add_int_value (builder, fields->category);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; i < fields->tags->len; i++)
    json_builder_add_int_value (builder, g_array_index (fields->tags, gint64, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "featured_media");
  json_builder_add_int_value (builder, record->featured_media_id != NULL
                                       ? g_ascii_strtoll (record->featured_media_id, NULL, 10) : 0);
  if (dl_site_get_has_companion (site))
    build_meta (builder, article, style);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static char *
content_hash (JsonNode *post)
{
  g_autofree char *text = json_to_string (post, FALSE);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

/* After a create whose answer was lost: the post it made, if any. */
static gint64
find_lost_post (DlWordPressPublisher  *self,
                DlPublishRequest      *request,
                const char            *slug,
                GCancellable          *cancellable,
                GError               **error)
{
  DlSite *site = dl_publisher_get_site (DL_PUBLISHER (self));
  g_autoptr(DlWordPressReply) reply = NULL;
  g_autoptr(JsonObject) me = NULL;
  JsonArray *array;

  if (dl_site_get_has_companion (site))
    {
      const char * const query[] = { "dateline_client_uuid", dl_article_get_uuid (request->article),
                                     "status", "any", "context", "edit", "_fields", "id", NULL };

      reply = dl_wordpress_client_call_sync (self->client, "GET", "wp/v2/posts", query, NULL, cancellable, error);
      if (reply == NULL || (array = reply_array (reply, error)) == NULL)
        return -1;
      return json_array_get_length (array) > 0 ? dl_json_member_int (array_object (array, 0), "id") : 0;
    }

  /* A stock site: the slug we sent, our headline, our user. Another
   * story of the same slug would have another headline or author. */
  me = dl_wordpress_client_verify_sync (self->client, cancellable, error);
  if (me == NULL)
    return -1;
  {
    const char * const query[] = { "slug", slug, "status", "any", "context", "edit",
                                   "_fields", "id,title,author", NULL };

    reply = dl_wordpress_client_call_sync (self->client, "GET", "wp/v2/posts", query, NULL, cancellable, error);
  }
  if (reply == NULL || (array = reply_array (reply, error)) == NULL)
    return -1;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *post = array_object (array, i);

      if (dl_json_member_int (post, "author") == dl_json_member_int (me, "id")
          && g_strcmp0 (object_raw (post, "title"), dl_article_get_headline (request->article)) == 0)
        return dl_json_member_int (post, "id");
    }
  return 0;
}

/* Whether the post changed on the site since our last publish. */
static gboolean
check_conflict (DlWordPressPublisher  *self,
                DlPublishRequest      *request,
                gboolean              *gone,
                GCancellable          *cancellable,
                GError               **error)
{
  g_autofree char *route = g_strconcat ("wp/v2/posts/", request->previous->remote_id, NULL);
  const char * const query[] = { "context", "edit", "_fields", "id,modified_gmt,status", NULL };
  g_autoptr(DlWordPressReply) reply = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) modified = NULL;
  JsonObject *post;

  *gone = FALSE;
  reply = dl_wordpress_client_call_sync (self->client, "GET", route, query, NULL, cancellable, &local_error);
  if (reply == NULL)
    {
      if (g_error_matches (local_error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_NOT_FOUND))
        {
          *gone = TRUE;
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if ((post = reply_object (reply, error)) == NULL)
    return FALSE;
  if (g_strcmp0 (dl_json_member_string (post, "status"), "trash") == 0)
    {
      *gone = TRUE;
      return TRUE;
    }
  modified = parse_gmt (dl_json_member_string (post, "modified_gmt"));
  if (request->overwrite || request->previous->remote_modified == NULL || modified == NULL
      || g_date_time_compare (modified, request->previous->remote_modified) <= 0)
    return TRUE;

  {
    g_autofree char *when = g_date_time_format (modified, "%Y-%m-%d %H:%M UTC");

    g_set_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_CONFLICT,
                 /* Translators: %s is a date and time */
                 _("Someone changed the post on the site (%s) since you last published it. Open it from the site to see their changes, or publish again and choose to replace them."),
                 when);
  }
  return FALSE;
}

static gboolean
int_array_contains (JsonArray *array,
                    gint64     value)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (array_int (array, i) == value)
      return TRUE;
  return FALSE;
}

/* WordPress drops unknown ids and meta without a word: check. */
static gboolean
verify_post (DlWordPressPublisher  *self,
             DlPublishRequest      *request,
             PostFields            *fields,
             DlPublication         *record,
             JsonObject            *post,
             GError               **error)
{
  DlSite *site = dl_publisher_get_site (DL_PUBLISHER (self));
  JsonArray *tags = member_array (post, "tags");
  JsonArray *categories = member_array (post, "categories");
  const char *missing = NULL;

  if (fields->category > 0 && !int_array_contains (categories, fields->category))
    /* Translators: the %s of "The post is on the site, but WordPress dropped %s." */
    missing = _("the category");
  for (guint i = 0; missing == NULL && i < fields->tags->len; i++)
    if (!int_array_contains (tags, g_array_index (fields->tags, gint64, i)))
      /* Translators: the %s of "The post is on the site, but WordPress dropped %s." */
      missing = _("a tag");
  if (missing == NULL && record->featured_media_id != NULL
      && dl_json_member_int (post, "featured_media") != g_ascii_strtoll (record->featured_media_id, NULL, 10))
    /* Translators: the %s of "The post is on the site, but WordPress dropped %s." */
    missing = _("the featured image");
  if (missing == NULL && dl_site_get_has_companion (site))
    {
      JsonNode *meta = json_object_get_member (post, "meta");

      if (meta == NULL || !JSON_NODE_HOLDS_OBJECT (meta)
          || g_strcmp0 (dl_json_member_string (json_node_get_object (meta), "dateline_client_uuid"),
                        dl_article_get_uuid (request->article)) != 0)
        /* Translators: the %s of "The post is on the site, but WordPress dropped %s.";
         * Dateline Companion is the name of a WordPress plugin */
        missing = _("the dateline fields (is the Dateline Companion plugin still active?)");
    }
  if (missing == NULL)
    return TRUE;
  g_set_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_VERIFY,
               /* Translators: %s is what is missing, e.g. "the featured image" */
               _("The post is on the site, but WordPress dropped %s. Publish again; if it happens again, tell the site’s administrator."),
               missing);
  return FALSE;
}

static DlPublishResult *
dl_wordpress_publisher_publish (DlPublisher       *publisher,
                                DlPublishRequest  *request,
                                GCancellable      *cancellable,
                                GError           **error)
{
  DlWordPressPublisher *self = DL_WORDPRESS_PUBLISHER (publisher);
  DlSite *site = dl_publisher_get_site (publisher);
  DlArticle *article = request->article;
  g_autoptr(DlHouseStyle) style = dl_site_dup_house_style (site, request->house_style);
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autoptr(DlPublication) record = dl_publication_new (dl_site_get_id (site));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(DlWordPressReply) reply = NULL;
  g_autofree char *remote_id = NULL;
  g_autofree char *route = NULL;
  g_auto(PostFields) fields = { 0, };
  const char * const *tags = dl_article_get_tags (article);
  const char *category = dl_article_get_category (article);
  guint requests_before = dl_wordpress_client_get_request_count (self->client);
  DlPublishResult *result;
  JsonObject *post;

  if (!ensure_ready (self, cancellable, error))
    return NULL;
  dl_renderer_set_house_style (renderer, style);

  fields.status = dl_publish_resolve_release (article, request->status, request->at, now, &fields.goes_live);
  fields.tags = g_array_new (FALSE, FALSE, sizeof (gint64));
  fields.slug = dl_slug_for_article (article);
  fields.content = dl_renderer_render_blocks (renderer, article);

  if (!str_empty (category) && !find_category (self, category, &fields.category, cancellable, error))
    return NULL;
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      gint64 id = 0;

      if (!find_or_create_tag (self, tags[i], &id, cancellable, error))
        return NULL;
      g_array_append_val (fields.tags, id);
    }
  if (!ensure_featured_image (self, request, renderer, record, cancellable, error))
    return NULL;

  if (request->previous != NULL && !str_empty (request->previous->remote_id))
    {
      gboolean gone = FALSE;

      if (!check_conflict (self, request, &gone, cancellable, error))
        return NULL;
      if (!gone)
        remote_id = g_strdup (request->previous->remote_id);
    }
  else if (request->create_sent)
    {
      gint64 found = find_lost_post (self, request, fields.slug, cancellable, error);

      if (found < 0)
        return NULL;
      if (found > 0)
        remote_id = id_string (found);
    }

  body = build_post (self, request, style, &fields, record);
  if (remote_id == NULL)
    {
      /* From here on, a retry must look before it creates. */
      if (request->journal != NULL)
        request->journal (NULL, request->journal_data);
      route = g_strdup ("wp/v2/posts");
    }
  else
    route = g_strconcat ("wp/v2/posts/", remote_id, NULL);

  reply = dl_wordpress_client_call_sync (self->client, "POST", route, NULL, body, cancellable, error);
  if (reply == NULL || (post = reply_object (reply, error)) == NULL)
    return NULL;
  if (dl_json_member_int (post, "id") <= 0)
    {
      g_set_error_literal (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_VERIFY,
                           _("The site did not say which post it made: check the site before publishing again."));
      return NULL;
    }
  g_free (remote_id);
  remote_id = id_string (dl_json_member_int (post, "id"));
  if (request->journal != NULL)
    request->journal (remote_id, request->journal_data);

  record->remote_id = g_strdup (remote_id);
  record->url = g_strdup (dl_json_member_string (post, "link"));
  record->remote_modified = parse_gmt (dl_json_member_string (post, "modified_gmt"));
  record->remote_status = g_strdup (dl_json_member_string (post, "status"));
  record->content_hash = content_hash (body);

  if (!verify_post (self, request, &fields, record, post, error))
    return NULL;

  result = g_new0 (DlPublishResult, 1);
  if (!dl_remote_status_from_string (record->remote_status, &result->status))
    result->status = fields.status;
  result->publication = g_steal_pointer (&record);
  result->requests = dl_wordpress_client_get_request_count (self->client) - requests_before;
  return result;
}

/* ---- listing and pulling posts ------------------------------------------------------------------- */

static GPtrArray *
dl_wordpress_publisher_list_posts (DlPublisher   *publisher,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  DlWordPressPublisher *self = DL_WORDPRESS_PUBLISHER (publisher);
  const char * const query[] = { "status", "publish,future,draft,pending,private", "context", "edit",
                                 "per_page", "50", "orderby", "modified",
                                 "_fields", "id,title,status,link,modified_gmt", NULL };
  g_autoptr(DlWordPressReply) reply = NULL;
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_remote_post_free);
  JsonArray *array;

  if (!ensure_ready (self, cancellable, error))
    return NULL;
  reply = dl_wordpress_client_call_sync (self->client, "GET", "wp/v2/posts", query, NULL, cancellable, error);
  if (reply == NULL || (array = reply_array (reply, error)) == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = array_object (array, i);
      DlRemotePost *post;

      if (object == NULL || dl_json_member_int (object, "id") <= 0)
        continue;
      post = g_new0 (DlRemotePost, 1);
      post->id = id_string (dl_json_member_int (object, "id"));
      post->title = decode_entities (object_raw (object, "title"));
      post->status = g_strdup (dl_json_member_string (object, "status"));
      post->link = g_strdup (dl_json_member_string (object, "link"));
      post->modified = parse_gmt (dl_json_member_string (object, "modified_gmt"));
      g_ptr_array_add (posts, post);
    }
  return g_steal_pointer (&posts);
}

/* Removes every <!-- wp:… --> and <!-- /wp:… --> delimiter. */
static char *
strip_block_delimiters (const char *content)
{
  GString *out = g_string_new (NULL);
  const char *p = content;

  while (p != NULL && *p != '\0')
    {
      const char *start = strstr (p, "<!-- ");
      const char *end;

      if (start == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, start - p);
      end = strstr (start, "-->");
      if ((g_str_has_prefix (start, "<!-- wp:") || g_str_has_prefix (start, "<!-- /wp:")) && end != NULL)
        p = end + 3;
      else
        {
          g_string_append (out, "<!-- ");
          p = start + 5;
        }
    }
  return g_string_free (out, FALSE);
}

/* Removes the first element that opens with @opening (up to @closing). */
static void
remove_element (GString    *html,
                const char *opening,
                const char *closing)
{
  char *start = strstr (html->str, opening);
  char *end = start != NULL ? strstr (start, closing) : NULL;

  if (end != NULL)
    g_string_erase (html, start - html->str, end + strlen (closing) - start);
}

/**
 * dl_wordpress_blocks_to_markdown:
 *
 * The body of a post back as Markdown: block delimiters dropped, the
 * composed dateline and Dateline's credit paragraphs taken out (they are
 * fields of the article), the rest through the HTML importer.
 *
 * Returns: (transfer full): Markdown
 */
char *
dl_wordpress_blocks_to_markdown (const char *content)
{
  g_autofree char *plain = strip_block_delimiters (content ?: "");
  g_autoptr(GString) html = g_string_new (plain);

  remove_element (html, "<span class=\"dateline\">", "</span>");
  for (;;)
    {
      gsize before = html->len;

      remove_element (html, "<p class=\"dateline-byline\">", "</p>");
      remove_element (html, "<p class=\"dateline-credit-line\">", "</p>");
      if (html->len == before)
        break;
    }
  return dl_html_to_markdown (html->str);
}

static GStrv
term_names (DlWordPressPublisher  *self,
            const char            *taxonomy,
            JsonArray             *ids,
            GCancellable          *cancellable,
            GError               **error)
{
  g_autoptr(GString) include = g_string_new (NULL);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(DlWordPressReply) reply = NULL;
  g_autofree char *route = g_strconcat ("wp/v2/", taxonomy, NULL);
  JsonArray *array;

  for (guint i = 0; ids != NULL && i < json_array_get_length (ids) && i < 100; i++)
    {
      JsonNode *element = json_array_get_element (ids, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_INT64)
        g_string_append_printf (include, "%s%" G_GINT64_FORMAT, include->len > 0 ? "," : "",
                                json_node_get_int (element));
    }
  if (include->len == 0)
    return g_strv_builder_end (names);
  {
    const char * const query[] = { "include", include->str, "per_page", "100", "_fields", "id,name", NULL };

    reply = dl_wordpress_client_call_sync (self->client, "GET", route, query, NULL, cancellable, error);
  }
  if (reply == NULL || (array = reply_array (reply, error)) == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *term = array_object (array, i);

      if (term != NULL && dl_json_member_string (term, "name") != NULL)
        {
          g_autofree char *name = decode_entities (dl_json_member_string (term, "name"));

          g_strv_builder_add (names, name);
        }
    }
  return g_strv_builder_end (names);
}

static void
apply_companion_meta (DlArticle  *article,
                      JsonObject *meta)
{
  const char *date = dl_json_member_string (meta, "dateline_date");

  if (!str_empty (dl_json_member_string (meta, "dateline_place")))
    dl_article_set_place (article, dl_json_member_string (meta, "dateline_place"));
  if (!str_empty (dl_json_member_string (meta, "dateline_region")))
    dl_article_set_region (article, dl_json_member_string (meta, "dateline_region"));
  if (!str_empty (dl_json_member_string (meta, "dateline_country")))
    dl_article_set_country (article, dl_json_member_string (meta, "dateline_country"));
  if (!str_empty (dl_json_member_string (meta, "dateline_time_zone")))
    dl_article_set_time_zone (article, dl_json_member_string (meta, "dateline_time_zone"));
  if (!str_empty (dl_json_member_string (meta, "dateline_source")))
    dl_article_set_source (article, dl_json_member_string (meta, "dateline_source"));
  if (!str_empty (dl_json_member_string (meta, "dateline_image_credit")))
    dl_article_set_image_credit (article, dl_json_member_string (meta, "dateline_image_credit"));
  if (!str_empty (date))
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (date, NULL);

      if (when != NULL)
        dl_article_set_dateline_date (article, when);
    }
  if (!str_empty (dl_json_member_string (meta, "dateline_credits")))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonArray *credits;

      if (json_parser_load_from_data (parser, dl_json_member_string (meta, "dateline_credits"), -1, NULL)
          && JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
        {
          credits = json_node_get_array (json_parser_get_root (parser));
          for (guint i = 0; i < json_array_get_length (credits) && i < 100; i++)
            {
              JsonObject *entry = array_object (credits, i);
              DlCreditRole role = DL_CREDIT_ROLE_AUTHOR;
              g_autoptr(DlCredit) credit = NULL;

              if (entry == NULL)
                continue;
              dl_credit_role_from_string (dl_json_member_string (entry, "role"), &role);
              credit = dl_credit_new (role, dl_json_member_string (entry, "name"), dl_json_member_string (entry, "text"));
              dl_article_add_credit (article, credit);
            }
        }
    }
}

/**
 * dl_wordpress_post_to_article:
 * @post: a post as GET /wp/v2/posts/ID?context=edit answers it
 * @site_id: the site it came from
 *
 * Everything of the article that the post itself says (no requests):
 * headline, standfirst, body back to Markdown, slug, the companion's
 * fields and the publication record. Categories and tags are ids here;
 * the caller names them. Anything may be in @post: it comes from a server.
 *
 * Returns: (transfer full): a new article
 */
DlArticle *
dl_wordpress_post_to_article (JsonObject *post,
                              const char *site_id)
{
  g_autoptr(DlArticle) article = NULL;
  g_autoptr(DlPublication) record = dl_publication_new (site_id);
  g_autofree char *body = NULL;
  g_autofree char *excerpt = NULL;
  JsonNode *meta = json_object_get_member (post, "meta");
  JsonObject *meta_object = meta != NULL && JSON_NODE_HOLDS_OBJECT (meta) ? json_node_get_object (meta) : NULL;
  const char *uuid = dl_json_member_string (meta_object, "dateline_client_uuid");
  gint64 id = dl_json_member_int (post, "id");

  article = uuid != NULL && g_uuid_string_is_valid (uuid) ? dl_article_new_with_uuid (uuid) : dl_article_new ();
  dl_article_set_headline (article, object_raw (post, "title"));
  excerpt = dl_html_to_markdown (object_raw (post, "excerpt") ?: "");
  dl_article_set_standfirst (article, g_strstrip (excerpt));
  body = dl_wordpress_blocks_to_markdown (object_raw (post, "content"));
  dl_article_set_body (article, body);
  dl_article_set_slug (article, dl_json_member_string (post, "slug"));
  if (meta_object != NULL)
    apply_companion_meta (article, meta_object);

  record->remote_id = id > 0 ? id_string (id) : NULL;
  record->url = g_strdup (dl_json_member_string (post, "link"));
  record->remote_modified = parse_gmt (dl_json_member_string (post, "modified_gmt"));
  record->remote_status = g_strdup (dl_json_member_string (post, "status"));
  if (record->remote_id != NULL)
    dl_article_set_publication (article, record);
  dl_article_set_status (article, g_strcmp0 (record->remote_status, "publish") == 0 ? DL_ARTICLE_STATUS_PUBLISHED
                                  : g_strcmp0 (record->remote_status, "future") == 0 ? DL_ARTICLE_STATUS_SCHEDULED
                                  : DL_ARTICLE_STATUS_DRAFT);
  return g_steal_pointer (&article);
}

static DlArticle *
dl_wordpress_publisher_pull (DlPublisher   *publisher,
                             const char    *remote_id,
                             GCancellable  *cancellable,
                             GError       **error)
{
  DlWordPressPublisher *self = DL_WORDPRESS_PUBLISHER (publisher);
  DlSite *site = dl_publisher_get_site (publisher);
  const char * const query[] = { "context", "edit", NULL };
  g_autofree char *route = NULL;
  g_autoptr(DlWordPressReply) reply = NULL;
  g_autoptr(DlArticle) article = NULL;
  g_auto(GStrv) categories = NULL;
  g_auto(GStrv) tags = NULL;
  JsonObject *post;

  for (const char *p = remote_id; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      remote_id = NULL;
  if (str_empty (remote_id) || strlen (remote_id) > 19)
    {
      g_set_error_literal (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_INVALID,
                           _("A WordPress post id is a number."));
      return NULL;
    }
  if (!ensure_ready (self, cancellable, error))
    return NULL;
  route = g_strconcat ("wp/v2/posts/", remote_id, NULL);
  reply = dl_wordpress_client_call_sync (self->client, "GET", route, query, NULL, cancellable, error);
  if (reply == NULL || (post = reply_object (reply, error)) == NULL)
    return NULL;

  article = dl_wordpress_post_to_article (post, dl_site_get_id (site));
  categories = term_names (self, "categories", member_array (post, "categories"), cancellable, error);
  if (categories == NULL)
    return NULL;
  tags = term_names (self, "tags", member_array (post, "tags"), cancellable, error);
  if (tags == NULL)
    return NULL;
  if (categories[0] != NULL)
    dl_article_set_category (article, categories[0]);
  dl_article_set_tags (article, (const char * const *) tags);
  return g_steal_pointer (&article);
}

/* Every page of a taxonomy (per_page is at most 100). */
static GStrv
fetch_all_terms (DlWordPressPublisher  *self,
                 const char            *taxonomy,
                 GCancellable          *cancellable,
                 GError               **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autofree char *route = g_strconcat ("wp/v2/", taxonomy, NULL);
  guint pages = 1;

  for (guint page = 1; page <= pages && page <= 1000; page++)
    {
      g_autofree char *number = g_strdup_printf ("%u", page);
      const char * const query[] = { "per_page", "100", "page", number, "_fields", "id,name",
                                     "orderby", "id", NULL };
      g_autoptr(DlWordPressReply) reply = dl_wordpress_client_call_sync (self->client, "GET", route, query, NULL,
                                                                         cancellable, error);
      JsonArray *array;

      if (reply == NULL || (array = reply_array (reply, error)) == NULL)
        return NULL;
      pages = MAX (reply->total_pages, 1);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *term = array_object (array, i);

          if (term != NULL && dl_json_member_string (term, "name") != NULL)
            {
          g_autofree char *name = decode_entities (dl_json_member_string (term, "name"));

          g_strv_builder_add (names, name);
        }
        }
    }
  return g_strv_builder_end (names);
}

static gboolean
dl_wordpress_publisher_fetch_terms (DlPublisher   *publisher,
                                    GStrv         *categories,
                                    GStrv         *tags,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  DlWordPressPublisher *self = DL_WORDPRESS_PUBLISHER (publisher);

  if (!ensure_ready (self, cancellable, error))
    return FALSE;
  *categories = fetch_all_terms (self, "categories", cancellable, error);
  if (*categories == NULL)
    return FALSE;
  *tags = fetch_all_terms (self, "tags", cancellable, error);
  if (*tags == NULL)
    {
      g_clear_pointer (categories, g_strfreev);
      return FALSE;
    }
  return TRUE;
}

static void
dl_wordpress_publisher_class_init (DlWordPressPublisherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  DlPublisherClass *publisher_class = DL_PUBLISHER_CLASS (klass);

  object_class->constructed = dl_wordpress_publisher_constructed;
  object_class->finalize = dl_wordpress_publisher_finalize;

  publisher_class->publish = dl_wordpress_publisher_publish;
  publisher_class->list_posts = dl_wordpress_publisher_list_posts;
  publisher_class->pull = dl_wordpress_publisher_pull;
  publisher_class->fetch_terms = dl_wordpress_publisher_fetch_terms;
  publisher_class->sign_in = dl_wordpress_publisher_sign_in;
}

static void
dl_wordpress_publisher_init (DlWordPressPublisher *self)
{
}
