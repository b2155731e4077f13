/* bench-publish.c: publishing the sample article, against curl
 *
 * Run inside tests/wordpress/with-wordpress.sh (a real WordPress on
 * 127.0.0.1):
 *   tests/wordpress/with-wordpress.sh _build/bench/bench-publish [ROUNDS]
 *
 * Each round publishes the BelTA sample article (../shared/samples, found
 * from the source tree; a built-in copy otherwise) with a featured image
 * and five tags, three of them new, twice: once with Dateline's
 * publisher, once as the minimal sequence of the same requests made with
 * curl (the category looked up, five tag find-or-creates, the image with
 * its caption and alt text, the post). Rounds interleave the two, so that
 * load on the machine affects both alike. Prints the requests, the
 * connections opened and the medians; docs/PERFORMANCE.md has the figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dl-publisher.h"
#include "dl-renderer.h"
#include "dl-test-util.h"
#include "dl-wordpress-client.h"
#include "dl-wordpress-publisher.h"

static const char *url;
static const char *user;
static const char *password;

static char *
sample_body (void)
{
  g_autofree char *path = g_build_filename (DL_SOURCE_ROOT, "..", "shared", "samples",
                                            "belta-2025-05-08-belarus-china.txt", NULL);
  g_autofree char *text = NULL;
  const char *start;

  if (!g_file_get_contents (path, &text, NULL, NULL) || (start = strstr (text, "MINSK, 8 May (BelTA) - ")) == NULL)
    return g_strdup ("The Minsk Office of the Belarusian Chamber of Commerce and Industry hosted a meeting.");
  return g_strdup (start + strlen ("MINSK, 8 May (BelTA) - "));
}

static DlArticle *
round_article (guint       round,
               const char *prefix,
               const char *photo)
{
  DlArticle *article = dl_test_belta_article ();
  g_autofree char *body = sample_body ();
  g_autofree char *headline = g_strdup_printf ("%s %u: Belarus, China discuss business prospects", prefix, round);
  g_autofree char *a = g_strdup_printf ("%s %u new A", prefix, round);
  g_autofree char *b = g_strdup_printf ("%s %u new B", prefix, round);
  g_autofree char *c = g_strdup_printf ("%s %u new C", prefix, round);
  const char *tags[] = { "Belarus", "China", a, b, c, NULL };

  dl_article_set_headline (article, headline);
  dl_article_set_body (article, body);
  dl_article_set_tags (article, tags);
  dl_article_set_image_path (article, photo);
  dl_article_set_image_credit (article, "BelCCI");
  dl_article_set_image_alt (article, "The meeting at the BelCCI");
  return article;
}

/* ---- curl ---------------------------------------------------------------------------------------- */

static guint curl_requests;

static JsonNode *
curl (const char *method,
      const char *route,
      const char *content_type,
      const char *data_argument,
      const char *extra_header)
{
  g_autofree char *auth = g_strdup_printf ("%s:%s", user, password);
  g_autofree char *full = g_strconcat (url, "/wp-json/", route, NULL);
  g_autofree char *type = content_type != NULL ? g_strconcat ("Content-Type: ", content_type, NULL) : NULL;
  const char *argv[16];
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int n = 0, status;

  argv[n++] = "curl";
  argv[n++] = "-s";
  argv[n++] = "-X";
  argv[n++] = method;
  argv[n++] = "-u";
  argv[n++] = auth;
  if (type != NULL)
    {
      argv[n++] = "-H";
      argv[n++] = type;
    }
  if (extra_header != NULL)
    {
      argv[n++] = "-H";
      argv[n++] = extra_header;
    }
  if (data_argument != NULL)
    {
      argv[n++] = "--data-binary";
      argv[n++] = data_argument;
    }
  argv[n++] = full;
  argv[n] = NULL;
  curl_requests++;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error))
    g_error ("curl: %s", error->message);
  return json_from_string (out, NULL);
}

static gint64
id_of (JsonNode *node)
{
  JsonObject *object;

  if (node == NULL)
    return 0;
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_array_get_length (json_node_get_array (node)) > 0
           ? json_object_get_int_member (json_array_get_object_element (json_node_get_array (node), 0), "id") : 0;
  object = json_node_get_object (node);
  if (json_object_has_member (object, "id"))
    return json_object_get_int_member (object, "id");
  if (json_object_has_member (object, "data"))
    return json_object_get_int_member_with_default (json_object_get_object_member (object, "data"), "term_id", 0);
  return 0;
}

static void
publish_with_curl (DlArticle  *article,
                   const char *photo,
                   const char *content)
{
  const char * const *tags = dl_article_get_tags (article);
  g_autoptr(GString) post = g_string_new (NULL);
  g_autoptr(GString) tag_ids = g_string_new (NULL);
  g_autoptr(JsonNode) category = curl ("GET", "wp/v2/categories?search=Economy&per_page=100&_fields=id,name",
                                       NULL, NULL, NULL);
  g_autoptr(JsonNode) media = NULL;
  g_autoptr(JsonNode) created = NULL;
  g_autofree char *photo_argument = g_strconcat ("@", photo, NULL);
  g_autofree char *escaped_content = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *post_json = NULL;

  for (guint i = 0; tags[i] != NULL; i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"name\":\"%s\"}", tags[i]);
      g_autoptr(JsonNode) tag = curl ("POST", "wp/v2/tags", "application/json", json, NULL);

      g_string_append_printf (tag_ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", id_of (tag));
    }
  media = curl ("POST", "wp/v2/media?caption=Photo%3A%20BelCCI&alt_text=The%20meeting%20at%20the%20BelCCI",
                "image/jpeg", photo_argument, "Content-Disposition: attachment; filename=\"belcci.jpg\"");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, dl_article_get_headline (article));
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, content);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "publish");
  json_builder_set_member_name (builder, "featured_media");
  json_builder_add_int_value (builder, id_of (media));
  json_builder_set_member_name (builder, "categories");
  json_builder_begin_array (builder);
  json_builder_add_int_value (builder, id_of (category));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  post_json = json_to_string (body, FALSE);
  /* Tags as ids, spliced in: the order curl would send them. */
  g_string_assign (post, post_json);
  g_string_truncate (post, post->len - 1);
  g_string_append_printf (post, ",\"tags\":[%s]}", tag_ids->str);
  created = curl ("POST", "wp/v2/posts", "application/json", post->str, NULL);
  if (id_of (created) <= 0)
    g_error ("curl could not create the post");
}

/* ---- the round ------------------------------------------------------------------------------------ */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

int
main (int   argc,
      char *argv[])
{
  guint rounds = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 9;
  g_autofree char *dir = g_dir_make_tmp ("dateline-bench-publish-XXXXXX", NULL);
  g_autofree char *photo = NULL;
  g_autoptr(DlSite) site = dl_site_new (DL_SITE_KIND_WORDPRESS, "Bench");
  g_autoptr(DlPublisher) publisher = NULL;
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) theirs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  guint our_requests = 0, our_connections = 0;
  DlWordPressClient *client;

  url = g_getenv ("DATELINE_TEST_WORDPRESS_URL");
  user = g_getenv ("DATELINE_TEST_WORDPRESS_USER");
  password = g_getenv ("DATELINE_TEST_WORDPRESS_APP_PASSWORD");
  if (url == NULL || password == NULL)
    {
      g_printerr ("Run inside tests/wordpress/with-wordpress.sh\n");
      return 77;
    }
  g_setenv ("DATELINE_APP_PASSWORD", password, TRUE);
  photo = dl_test_write_jpeg (dir, "belcci.jpg");
  dl_site_set_url (site, url);
  dl_site_set_user (site, user);
  publisher = dl_publisher_new_for_site (site);
  if (!dl_publisher_sign_in_sync (publisher, password, &name, NULL, &error))
    g_error ("%s", error->message);
  client = dl_wordpress_publisher_get_client (DL_WORDPRESS_PUBLISHER (publisher));

  /* The category and the two known tags exist before the rounds. */
  {
    g_autoptr(JsonNode) economy = curl ("POST", "wp/v2/categories", "application/json", "{\"name\":\"Economy\"}", NULL);
    g_autoptr(JsonNode) belarus = curl ("POST", "wp/v2/tags", "application/json", "{\"name\":\"Belarus\"}", NULL);
    g_autoptr(JsonNode) china = curl ("POST", "wp/v2/tags", "application/json", "{\"name\":\"China\"}", NULL);
  }

  for (guint round = 0; round <= rounds; round++)
    {
      g_autoptr(DlArticle) mine = round_article (round, "Dateline", photo);
      g_autoptr(DlArticle) other = round_article (round, "curl", photo);
      g_autoptr(DlRenderer) renderer = dl_renderer_new ();
      g_autofree char *content = dl_renderer_render_blocks (renderer, other);
      g_autoptr(DlPublishRequest) request = g_new0 (DlPublishRequest, 1);
      g_autoptr(DlPublishResult) result = NULL;
      guint connections_before = dl_wordpress_client_get_connection_count (client);
      guint curl_before = curl_requests;
      gint64 start;
      double ms_ours, ms_theirs;

      request->article = g_object_ref (mine);
      request->status = DL_REMOTE_STATUS_PUBLISH;
      /* Alternate who goes first. */
      if (round % 2 == 0)
        {
          start = g_get_monotonic_time ();
          result = dl_publisher_publish_sync (publisher, request, NULL, &error);
          ms_ours = (g_get_monotonic_time () - start) / 1000.0;
          start = g_get_monotonic_time ();
          publish_with_curl (other, photo, content);
          ms_theirs = (g_get_monotonic_time () - start) / 1000.0;
        }
      else
        {
          start = g_get_monotonic_time ();
          publish_with_curl (other, photo, content);
          ms_theirs = (g_get_monotonic_time () - start) / 1000.0;
          start = g_get_monotonic_time ();
          result = dl_publisher_publish_sync (publisher, request, NULL, &error);
          ms_ours = (g_get_monotonic_time () - start) / 1000.0;
        }
      if (result == NULL)
        g_error ("%s", error->message);
      if (round == 0)
        continue; /* warm-up: PHP's opcode cache, MariaDB's buffers */
      g_array_append_val (ours, ms_ours);
      g_array_append_val (theirs, ms_theirs);
      our_requests = result->requests;
      our_connections = dl_wordpress_client_get_connection_count (client) - connections_before;
      g_print ("round %u: Dateline %.1f ms (%u requests, %u connections), curl %.1f ms (%u requests)\n",
               round, ms_ours, result->requests, our_connections, ms_theirs, curl_requests - curl_before);
    }
  g_print ("median: Dateline %.1f ms, curl %.1f ms, ratio %.2f; requests %u (curl 8); connections %u\n",
           median (ours), median (theirs), median (ours) / median (theirs), our_requests, our_connections);
  dl_test_remove_recursively (dir);
  return 0;
}
