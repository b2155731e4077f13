/* test-publish-wordpress.c: publishing to a real WordPress
 *
 * Run by tests/wordpress/with-wordpress.sh, which starts Debian's
 * WordPress with its own MariaDB on 127.0.0.1 and exports where it is
 * (DATELINE_TEST_WORDPRESS_*). meson runs it twice: with Dateline's
 * companion plugin and on a stock site. Everything is verified by reading
 * the posts back from the REST API.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "dl-browser-sign-in.h"
#include "dl-outbox.h"
#include "dl-site-secrets.h"
#include "dl-publish-error.h"
#include "dl-publisher.h"
#include "dl-renderer.h"
#include "dl-site-list.h"
#include "dl-store.h"
#include "dl-test-util.h"
#include "dl-wordpress-client.h"
#include "dl-wordpress-publisher.h"

static const char *wp_url;
static const char *wp_run_dir;
static gboolean wp_companion;

/* ---- reading back, with a client of its own --------------------------------------------------- */

static DlWordPressClient *
reader_client (void)
{
  static DlWordPressClient *client;

  if (client == NULL)
    {
      g_autoptr(DlSite) site = dl_site_new (DL_SITE_KIND_WORDPRESS, "Reader");
      g_autofree char *root = g_strconcat (wp_url, "/wp-json/", NULL);

      dl_site_set_url (site, wp_url);
      dl_site_set_rest_root (site, root);
      dl_site_set_user (site, g_getenv ("DATELINE_TEST_WORDPRESS_USER"));
      client = dl_wordpress_client_new (site);
      dl_wordpress_client_set_password (client, g_getenv ("DATELINE_TEST_WORDPRESS_APP_PASSWORD"));
    }
  return client;
}

static JsonNode *
rest (const char         *method,
      const char         *route,
      const char * const *query,
      const char         *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = json != NULL ? json_from_string (json, &error) : NULL;
  g_autoptr(DlWordPressReply) reply = NULL;

  g_assert_no_error (error);
  reply = dl_wordpress_client_call_sync (reader_client (), method, route, query, body, NULL, &error);
  g_assert_no_error (error);
  return json_node_ref (reply->body);
}

static JsonObject *
get_post (const char *id)
{
  g_autofree char *route = g_strconcat ("wp/v2/posts/", id, NULL);
  const char * const query[] = { "context", "edit", NULL };
  g_autoptr(JsonNode) node = rest ("GET", route, query, NULL);

  return json_object_ref (json_node_get_object (node));
}

static const char *
raw_of (JsonObject *post,
        const char *member)
{
  return json_object_get_string_member (json_object_get_object_member (post, member), "raw");
}

static guint
count_posts_with_slug (const char *slug)
{
  const char * const query[] = { "slug", slug, "status", "any", "context", "edit", NULL };
  g_autoptr(JsonNode) node = rest ("GET", "wp/v2/posts", query, NULL);

  return json_array_get_length (json_node_get_array (node));
}

static guint
count_terms (const char *taxonomy)
{
  g_autofree char *route = g_strconcat ("wp/v2/", taxonomy, NULL);
  const char * const query[] = { "per_page", "1", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(DlWordPressReply) reply = dl_wordpress_client_call_sync (reader_client (), "GET", route, query, NULL,
                                                                     NULL, &error);

  g_assert_no_error (error);
  /* X-WP-TotalPages at one per page is the total. */
  return reply->total_pages;
}

static void
ensure_category (const char *name)
{
  g_autofree char *json = g_strdup_printf ("{\"name\":\"%s\"}", name);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = json_from_string (json, NULL);
  g_autoptr(DlWordPressReply) reply = dl_wordpress_client_request_sync (reader_client (), "POST", "wp/v2/categories",
                                                                        NULL, body, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (reply->status == 201 || g_strcmp0 (dl_wordpress_reply_get_code (reply), "term_exists") == 0);
}

/* ---- the site under test ------------------------------------------------------------------------ */

static DlSite *
new_site (const char *user,
          const char *password_variable)
{
  DlSite *site = dl_site_new (DL_SITE_KIND_WORDPRESS, "Test site");
  g_autoptr(DlPublisher) publisher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  dl_site_set_url (site, wp_url);
  dl_site_set_user (site, user);
  publisher = dl_publisher_new_for_site (site);
  g_assert_true (dl_publisher_sign_in_sync (publisher, g_getenv (password_variable), &name, NULL, &error));
  g_assert_no_error (error);
  return site;
}

static DlArticle *
new_article (const char *headline)
{
  DlArticle *article = dl_test_belta_article ();

  dl_article_set_headline (article, headline);
  dl_article_set_standfirst (article, "Belarusian and Chinese business circles discussed cooperation.");
  dl_article_set_body (article, "The Minsk Office of the BelCCI hosted a meeting.\n\n"
                                "## Trade\n\n- industry\n- energy\n\n> We are interested.\n");
  return article;
}

static DlArticle *
new_article_with_typography (const char *headline)
{
  DlArticle *article = new_article (headline);

  dl_article_set_body (article, "The Minsk Office of the BelCCI hosted a meeting.\n\n"
                                "He said \"wait...\" - it's a 2x3 stand -- ok :)\n\n"
                                "## Trade\n\n- industry\n- energy\n\n> We are interested.\n");
  return article;
}

static DlPublishResult *
publish (DlSite          *site,
         DlArticle       *article,
         DlRemoteStatus   status,
         GDateTime       *at,
         DlPublication   *previous,
         GError         **error)
{
  g_autoptr(DlPublisher) publisher = dl_publisher_new_for_site (site);
  g_autoptr(DlPublishRequest) request = g_new0 (DlPublishRequest, 1);

  request->article = g_object_ref (article);
  request->status = status;
  request->at = at != NULL ? g_date_time_ref (at) : NULL;
  request->previous = previous != NULL ? dl_publication_copy (previous) : NULL;
  return dl_publisher_publish_sync (publisher, request, NULL, error);
}

/* ---- tests -------------------------------------------------------------------------------------- */

static void
test_sign_in (void)
{
  g_autoptr(DlSite) site = dl_site_new (DL_SITE_KIND_WORDPRESS, "Test site");
  g_autoptr(DlSite) contributor = NULL;
  g_autoptr(DlPublisher) publisher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  dl_site_set_url (site, wp_url);
  dl_site_set_user (site, "editor");
  publisher = dl_publisher_new_for_site (site);
  g_assert_true (dl_publisher_sign_in_sync (publisher, g_getenv ("DATELINE_TEST_WORDPRESS_APP_PASSWORD"), &name,
                                            NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "editor");
  {
    g_autofree char *root = g_strconcat (wp_url, "/wp-json/", NULL);

    g_assert_cmpstr (dl_site_get_rest_root (site), ==, root);
  }
  g_assert_cmpint (dl_site_get_has_companion (site), ==, wp_companion);
  g_clear_pointer (&name, g_free);

  /* A wrong application password, and the login password, which REST refuses. */
  g_assert_false (dl_publisher_sign_in_sync (publisher, "abcd efgh ijkl mnop qrst uvwx", &name, NULL, &error));
  g_assert_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_AUTH);
  dl_test_assert_contains (error->message, "HTTP 401");
  dl_test_assert_contains (error->message, "application password");
  g_clear_error (&error);
  g_assert_false (dl_publisher_sign_in_sync (publisher, g_getenv ("DATELINE_TEST_WORDPRESS_LOGIN_PASSWORD"), &name,
                                             NULL, &error));
  g_assert_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_AUTH);
  g_clear_error (&error);

  contributor = new_site ("contributor", "DATELINE_TEST_WORDPRESS_CONTRIBUTOR_APP_PASSWORD");

  /* Not a WordPress at all: the database socket's folder has no REST API. */
  dl_site_set_url (site, "http://127.0.0.1:9");
  g_assert_false (dl_publisher_sign_in_sync (publisher, "x", &name, NULL, &error));
  g_assert_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_UNREACHABLE);
}

static void
test_statuses (void)
{
  g_autoptr(DlSite) site = new_site ("editor", "DATELINE_TEST_WORDPRESS_APP_PASSWORD");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) at = g_date_time_add_hours (now, 2);
  g_autoptr(GDateTime) embargo = g_date_time_add_hours (now, 5);
  const struct {
    const char     *headline;
    DlRemoteStatus  status;
    GDateTime      *at;
    GDateTime      *embargo;
    const char     *expected;
    GDateTime      *expected_date;
  } cases[] = {
    { "A draft on the site", DL_REMOTE_STATUS_DRAFT, NULL, NULL, "draft", NULL },
    { "Waiting for review", DL_REMOTE_STATUS_PENDING, NULL, NULL, "pending", NULL },
    { "Live at once", DL_REMOTE_STATUS_PUBLISH, NULL, NULL, "publish", NULL },
    { "Live later", DL_REMOTE_STATUS_FUTURE, at, NULL, "future", at },
    /* "Publish now" with an embargo that holds: scheduled for it. */
    { "Embargoed story", DL_REMOTE_STATUS_PUBLISH, NULL, embargo, "future", embargo },
  };

  ensure_category ("Economy");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DlArticle) article = new_article (cases[i].headline);
      g_autoptr(DlPublishResult) result = NULL;
      g_autoptr(JsonObject) post = NULL;
      g_autoptr(GError) error = NULL;

      dl_article_set_embargo (article, cases[i].embargo);
      result = publish (site, article, cases[i].status, cases[i].at, NULL, &error);
      g_assert_no_error (error);
      post = get_post (result->publication->remote_id);
      g_assert_cmpstr (json_object_get_string_member (post, "status"), ==, cases[i].expected);
      g_assert_cmpstr (result->publication->remote_status, ==, cases[i].expected);
      if (cases[i].expected_date != NULL)
        {
          g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
          g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 (json_object_get_string_member (post, "date_gmt"), utc);

          g_assert_cmpint (g_date_time_to_unix (date), ==, g_date_time_to_unix (cases[i].expected_date));
        }
      g_assert_cmpint (dl_publish_resolve_release (article, cases[i].status, cases[i].at, now, NULL), ==,
                       result->status);
    }
}

/* The content on the site is the preview's: the same block markup, and
 * the dateline opening the first paragraph of the rendered page. */
static void
test_content_as_previewed (void)
{
  g_autoptr(DlSite) site = new_site ("editor", "DATELINE_TEST_WORDPRESS_APP_PASSWORD");
  g_autoptr(DlArticle) article = new_article_with_typography ("Content as previewed");
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autoptr(DlCredit) author = dl_credit_new (DL_CREDIT_ROLE_AUTHOR, "Anna Ivanova", NULL);
  g_autoptr(DlPublishResult) result = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *preview = NULL;
  const char *rendered;

  dl_article_add_credit (article, author);
  ensure_category ("Economy");
  result = publish (site, article, DL_REMOTE_STATUS_PUBLISH, NULL, NULL, &error);
  g_assert_no_error (error);
  post = get_post (result->publication->remote_id);

  expected = dl_renderer_render_blocks (renderer, article);
  g_assert_cmpstr (raw_of (post, "content"), ==, expected);
  g_assert_cmpstr (raw_of (post, "title"), ==, "Content as previewed");
  g_assert_cmpstr (raw_of (post, "excerpt"), ==, "Belarusian and Chinese business circles discussed cooperation.");
  /* WordPress parsed it as blocks, not as one Classic block. */
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (post, "content"), "block_version"), ==, 1);

  rendered = json_object_get_string_member (json_object_get_object_member (post, "content"), "rendered");
  preview = dl_renderer_render_body (renderer, article, NULL, NULL);
  /* WordPress's typography (wptexturize, smilies) left the text alone:
   * the dateline keeps its hyphen, quotes stay straight. */
  dl_test_assert_contains (rendered, "<p><span class=\"dateline\">MINSK, 8 May (BelTA) &#45; </span>The Minsk Office of the BelCCI hosted a meeting.</p>");
  dl_test_assert_contains (preview, "<span class=\"dateline\">MINSK, 8 May (BelTA) - </span>The Minsk Office of the BelCCI hosted a meeting.</p>");
  dl_test_assert_contains (rendered, "He said &quot;wait&#46;..&quot; &#45; it&#39;s a 2&#120;3 stand &#45;&#45; ok &#58;)");
  dl_test_assert_contains (preview, "He said &quot;wait...&quot; - it&#39;s a 2x3 stand -- ok :)");
  dl_test_assert_not_contains (rendered, "&#8211;");
  dl_test_assert_not_contains (rendered, "&#8220;");
  dl_test_assert_not_contains (rendered, "&#8230;");
  dl_test_assert_not_contains (rendered, "<img");
  dl_test_assert_contains (rendered, "<p class=\"dateline-byline\">By Anna Ivanova</p>");
  dl_test_assert_contains (rendered, "<h3>Trade</h3>");

  if (wp_companion)
    {
      JsonObject *meta = json_object_get_object_member (post, "meta");

      g_assert_cmpstr (json_object_get_string_member (meta, "dateline_client_uuid"), ==, dl_article_get_uuid (article));
      g_assert_cmpstr (json_object_get_string_member (meta, "dateline_place"), ==, "Minsk");
      g_assert_cmpstr (json_object_get_string_member (meta, "dateline_text"), ==, "MINSK, 8 May (BelTA) - ");
      dl_test_assert_contains (json_object_get_string_member (meta, "dateline_credits"), "Anna Ivanova");
    }
}

static void
test_unknown_category (void)
{
  g_autoptr(DlSite) site = new_site ("editor", "DATELINE_TEST_WORDPRESS_APP_PASSWORD");
  g_autoptr(DlArticle) article = new_article ("Unknown category");
  g_autoptr(GError) error = NULL;
  g_autoptr(DlPublishResult) result = NULL;

  dl_article_set_category (article, "No Such Desk");
  result = publish (site, article, DL_REMOTE_STATUS_PUBLISH, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_CHECKLIST);
  dl_test_assert_contains (error->message, "No Such Desk");
  g_assert_cmpuint (count_posts_with_slug ("unknown-category"), ==, 0);
}

static gboolean
array_has_int (JsonArray *array,
               gint64     value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (json_array_get_int_element (array, i) == value)
      return TRUE;
  return FALSE;
}

/* Tags are found or created once: no duplicates, whatever the case, for
 * Cyrillic too. */
static void
test_tags_once (void)
{
  g_autoptr(DlSite) site = new_site ("editor", "DATELINE_TEST_WORDPRESS_APP_PASSWORD");
  g_autoptr(DlArticle) first = new_article ("Tags, first story");
  g_autoptr(DlArticle) second = new_article ("Tags, second story");
  const char * const first_tags[] = { "Trade", "Экономика", NULL };
  const char * const second_tags[] = { "TRADE", "экономика", "Brand New Tag", NULL };
  g_autoptr(DlPublishResult) one = NULL;
  g_autoptr(DlPublishResult) two = NULL;
  g_autoptr(JsonObject) post_one = NULL;
  g_autoptr(JsonObject) post_two = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *tags_one, *tags_two;
  guint before, after_first;

  ensure_category ("Economy");
  dl_article_set_tags (first, first_tags);
  dl_article_set_tags (second, second_tags);
  before = count_terms ("tags");
  one = publish (site, first, DL_REMOTE_STATUS_PUBLISH, NULL, NULL, &error);
  g_assert_no_error (error);
  after_first = count_terms ("tags");
  g_assert_cmpuint (after_first, <=, before + 2);
  two = publish (site, second, DL_REMOTE_STATUS_PUBLISH, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_terms ("tags"), ==, after_first + 1);

  post_one = get_post (one->publication->remote_id);
  post_two = get_post (two->publication->remote_id);
  tags_one = json_object_get_array_member (post_one, "tags");
  tags_two = json_object_get_array_member (post_two, "tags");
  g_assert_cmpuint (json_array_get_length (tags_one), ==, 2);
  g_assert_cmpuint (json_array_get_length (tags_two), ==, 3);
  for (guint i = 0; i < json_array_get_length (tags_one); i++)
    g_assert_true (array_has_int (tags_two, json_array_get_int_element (tags_one, i)));
}

/* More than 100 tags: every page is fetched. */
static void
test_terms_pagination (void)
{
  g_autoptr(DlSite) site = new_site ("editor", "DATELINE_TEST_WORDPRESS_APP_PASSWORD");
  g_autoptr(DlPublisher) publisher = dl_publisher_new_for_site (site);
  g_auto(GStrv) categories = NULL;
  g_auto(GStrv) tags = NULL;
  g_autoptr(GError) error = NULL;
  guint total;

  for (guint i = 0; i < 130; i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"name\":\"Page test %03u\"}", i);
      g_autoptr(JsonNode) created = rest ("POST", "wp/v2/tags", NULL, json);
    }
  total = count_terms ("tags");
  g_assert_cmpuint (total, >, 100);
  g_assert_true (dl_publisher_fetch_terms_sync (publisher, &categories, &tags, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (tags), ==, total);
  g_assert_true (g_strv_contains ((const char * const *) tags, "Page test 000"));
  g_assert_true (g_strv_contains ((const char * const *) tags, "Page test 129"));
  g_assert_true (g_strv_contains ((const char * const *) categories, "Uncategorized"));
}

static void
test_featured_image (DlTestLibrary *library,
                     gconstpointer  data)
{
  g_autoptr(DlSite) site = new_site ("editor", "DATELINE_TEST_WORDPRESS_APP_PASSWORD");
  g_autoptr(DlArticle) article = new_article ("A story with a picture");
  g_autofree char *photo = dl_test_write_jpeg (library->path, "belcci.jpg");
  g_autoptr(DlPublishResult) first = NULL;
  g_autoptr(DlPublishResult) again = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(JsonNode) media = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *media_route = NULL;
  const char * const edit[] = { "context", "edit", NULL };
  JsonObject *object;
  guint media_before;

  ensure_category ("Economy");
  dl_article_set_image_path (article, photo);
  dl_article_set_image_caption (article, "Sergei Nabeshko meets the delegation");
  dl_article_set_image_credit (article, "BelCCI");
  dl_article_set_image_alt (article, "Two men shake hands at a table with flags");
  first = publish (site, article, DL_REMOTE_STATUS_PUBLISH, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first->publication->featured_media_id);

  post = get_post (first->publication->remote_id);
  g_assert_cmpint (json_object_get_int_member (post, "featured_media"), ==,
                   g_ascii_strtoll (first->publication->featured_media_id, NULL, 10));
  media_route = g_strconcat ("wp/v2/media/", first->publication->featured_media_id, NULL);
  media = rest ("GET", media_route, edit, NULL);
  object = json_node_get_object (media);
  g_assert_cmpstr (json_object_get_string_member (object, "alt_text"), ==, "Two men shake hands at a table with flags");
  g_assert_cmpstr (json_object_get_string_member (object, "mime_type"), ==, "image/jpeg");
  dl_test_assert_contains (raw_of (object, "caption"), "Sergei Nabeshko meets the delegation");
  dl_test_assert_contains (raw_of (object, "caption"), "Photo: BelCCI");

  /* Published again: the same picture, not a second upload. */
  media_before = count_terms ("media");
  again = publish (site, article, DL_REMOTE_STATUS_PUBLISH, NULL, first->publication, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->publication->remote_id, ==, first->publication->remote_id);
  g_assert_cmpstr (again->publication->featured_media_id, ==, first->publication->featured_media_id);
  g_assert_cmpuint (count_terms ("media"), ==, media_before);
}

static void
test_update_and_conflict (void)
{
  g_autoptr(DlSite) site = new_site ("editor", "DATELINE_TEST_WORDPRESS_APP_PASSWORD");
  g_autoptr(DlArticle) article = new_article ("Before the update");
  g_autoptr(DlPublishResult) first = NULL;
  g_autoptr(DlPublishResult) second = NULL;
  g_autoptr(DlPublishResult) third = NULL;
  g_autoptr(DlPublishResult) forced = NULL;
  g_autoptr(JsonObject) post = NULL;
  g_autoptr(JsonNode) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *route = NULL;
  g_autoptr(DlPublishRequest) request = g_new0 (DlPublishRequest, 1);
  g_autoptr(DlPublisher) publisher = dl_publisher_new_for_site (site);

  ensure_category ("Economy");
  first = publish (site, article, DL_REMOTE_STATUS_PUBLISH, NULL, NULL, &error);
  g_assert_no_error (error);
  dl_article_set_headline (article, "After the update");
  second = publish (site, article, DL_REMOTE_STATUS_PUBLISH, NULL, first->publication, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second->publication->remote_id, ==, first->publication->remote_id);
  post = get_post (second->publication->remote_id);
  g_assert_cmpstr (raw_of (post, "title"), ==, "After the update");

  /* A colleague edits the post in WordPress; WordPress's times have a
   * resolution of a second. */
  g_usleep (1100 * 1000);
  route = g_strconcat ("wp/v2/posts/", second->publication->remote_id, NULL);
  edited = rest ("POST", route, NULL, "{\"title\":\"Edited on the site\"}");
  dl_article_set_headline (article, "Our third version");
  third = publish (site, article, DL_REMOTE_STATUS_PUBLISH, NULL, second->publication, &error);
  g_assert_null (third);
  g_assert_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_CONFLICT);
  g_clear_error (&error);
  g_clear_pointer (&post, json_object_unref);
  post = get_post (second->publication->remote_id);
  g_assert_cmpstr (raw_of (post, "title"), ==, "Edited on the site");

  /* The user chooses to replace it. */
  request->article = g_object_ref (article);
  request->status = DL_REMOTE_STATUS_PUBLISH;
  request->previous = dl_publication_copy (second->publication);
  request->overwrite = TRUE;
  forced = dl_publisher_publish_sync (publisher, request, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&post, json_object_unref);
  post = get_post (forced->publication->remote_id);
  g_assert_cmpstr (raw_of (post, "title"), ==, "Our third version");
  g_assert_cmpuint (count_posts_with_slug (json_object_get_string_member (post, "slug")), ==, 1);
}

/* A create whose answer was lost (the journal says it may have reached
 * the server): the retry finds that post instead of making another. */
static void
test_lost_answer_no_duplicate (void)
{
  g_autoptr(DlSite) site = new_site ("editor", "DATELINE_TEST_WORDPRESS_APP_PASSWORD");
  g_autoptr(DlArticle) article = new_article ("The answer was lost");
  g_autoptr(DlArticle) other = new_article ("The answer was lost");
  g_autoptr(DlPublishResult) first = NULL;
  g_autoptr(DlPublishResult) retried = NULL;
  g_autoptr(DlPublishResult) unrelated = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DlPublisher) publisher = dl_publisher_new_for_site (site);
  g_autoptr(DlPublishRequest) request = g_new0 (DlPublishRequest, 1);

  ensure_category ("Economy");
  first = publish (site, article, DL_REMOTE_STATUS_PUBLISH, NULL, NULL, &error);
  g_assert_no_error (error);

  request->article = g_object_ref (article);
  request->status = DL_REMOTE_STATUS_PUBLISH;
  request->create_sent = TRUE;
  retried = dl_publisher_publish_sync (publisher, request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (retried->publication->remote_id, ==, first->publication->remote_id);
  g_assert_cmpuint (count_posts_with_slug ("the-answer-was-lost"), ==, 1);

  /* A story that never sent a create makes its own post, even with the
   * same headline (WordPress gives it another slug). */
  unrelated = publish (site, other, DL_REMOTE_STATUS_PUBLISH, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (unrelated->publication->remote_id, !=, first->publication->remote_id);
}

static void
run_script (const char *name)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "wordpress", name, NULL);
  const char *argv[] = { script, wp_run_dir, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

typedef struct
{
  DlOutbox    *outbox;
  DlOutboxJob *job;
} Watch;

static gboolean
job_is_waiting (gpointer data)
{
  return dl_outbox_job_get_state (((Watch *) data)->job) == DL_OUTBOX_JOB_WAITING;
}

static gboolean
outbox_empty (gpointer data)
{
  return g_list_model_get_n_items (dl_outbox_get_jobs (((Watch *) data)->outbox)) == 0;
}

/* The site goes down; the publish waits, visibly; the site comes back and
 * the outbox sends it by itself: one post, recorded in the library. */
static void
test_outbox_after_server_restart (DlTestLibrary *library,
                                  gconstpointer  data)
{
  g_autoptr(DlSite) site = new_site ("editor", "DATELINE_TEST_WORDPRESS_APP_PASSWORD");
  g_autoptr(DlArticle) article = new_article ("Sent when the site came back");
  g_autofree char *sites_path = g_build_filename (library->path, "sites.json", NULL);
  g_autofree char *outbox_path = g_build_filename (library->path, "outbox", NULL);
  g_autoptr(GFile) sites_file = g_file_new_for_path (sites_path);
  g_autoptr(GFile) outbox_dir = g_file_new_for_path (outbox_path);
  g_autoptr(DlStore) store = dl_store_new (library->dir);
  g_autoptr(DlSiteList) sites = dl_site_list_new (sites_file);
  g_autoptr(DlOutbox) outbox = NULL;
  g_autoptr(DlArticle) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  DlPublication *record;
  Watch watch = { 0, };

  ensure_category ("Economy");
  g_assert_true (dl_store_load_sync (store, NULL, &error));
  g_assert_true (dl_store_save_article_sync (store, article, NULL, &error));
  g_assert_true (dl_site_list_add (sites, site, &error));
  outbox = dl_outbox_new (outbox_dir, sites, store, NULL);

  run_script ("stop-server.sh");
  watch.outbox = outbox;
  watch.job = dl_outbox_add (outbox, article, site, DL_REMOTE_STATUS_PUBLISH, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (dl_test_wait_until (job_is_waiting, &watch, 20000));
  description = dl_outbox_job_dup_description (watch.job, sites);
  g_assert_cmpstr (description, ==, "Waiting for network — will publish to Test site");
  g_assert_error (dl_outbox_job_get_error (watch.job), DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_UNREACHABLE);

  run_script ("start-server.sh");
  g_assert_true (dl_test_wait_until (outbox_empty, &watch, 60000));
  g_assert_cmpuint (count_posts_with_slug ("sent-when-the-site-came-back"), ==, 1);

  reread = dl_store_open_article_sync (store, dl_article_get_uuid (article), NULL, &error);
  g_assert_no_error (error);
  record = dl_article_find_publication (reread, dl_site_get_id (site));
  g_assert_nonnull (record);
  g_assert_nonnull (record->remote_id);
  g_assert_cmpint (dl_article_get_status (reread), ==, DL_ARTICLE_STATUS_PUBLISHED);
  g_assert_nonnull (record->remote_modified);
}

static void
test_pull (void)
{
  g_autoptr(DlSite) site = new_site ("editor", "DATELINE_TEST_WORDPRESS_APP_PASSWORD");
  g_autoptr(DlArticle) article = new_article ("Opened from the site");
  g_autoptr(DlCredit) author = dl_credit_new (DL_CREDIT_ROLE_AUTHOR, "Anna Ivanova", NULL);
  const char * const tags[] = { "Trade", "Экономика", NULL };
  g_autoptr(DlPublishResult) result = NULL;
  g_autoptr(DlPublisher) publisher = dl_publisher_new_for_site (site);
  g_autoptr(DlArticle) pulled = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  gboolean listed = FALSE;
  DlPublication *record;

  ensure_category ("Economy");
  dl_article_add_credit (article, author);
  dl_article_set_tags (article, tags);
  result = publish (site, article, DL_REMOTE_STATUS_DRAFT, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Drafts are listed too. */
  posts = dl_publisher_list_posts_sync (publisher, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < posts->len; i++)
    {
      DlRemotePost *post = g_ptr_array_index (posts, i);

      if (g_strcmp0 (post->id, result->publication->remote_id) == 0)
        {
          g_assert_cmpstr (post->title, ==, "Opened from the site");
          g_assert_cmpstr (post->status, ==, "draft");
          listed = TRUE;
        }
    }
  g_assert_true (listed);

  pulled = dl_publisher_pull_sync (publisher, result->publication->remote_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dl_article_get_headline (pulled), ==, "Opened from the site");
  g_assert_cmpstr (dl_article_get_standfirst (pulled), ==, dl_article_get_standfirst (article));
  body = g_strstrip (g_strdup (dl_article_get_body (pulled)));
  g_assert_cmpstr (body, ==, "The Minsk Office of the BelCCI hosted a meeting.\n\n## Trade\n\n- industry\n- energy\n\n> We are interested.");
  g_assert_cmpstr (dl_article_get_category (pulled), ==, "Economy");
  g_assert_cmpuint (g_strv_length ((char **) dl_article_get_tags (pulled)), ==, 2);
  g_assert_true (dl_article_has_tag (pulled, "Экономика"));
  record = dl_article_find_publication (pulled, dl_site_get_id (site));
  g_assert_cmpstr (record->remote_id, ==, result->publication->remote_id);
  g_assert_cmpstr (record->remote_status, ==, "draft");
  if (wp_companion)
    {
      g_assert_cmpstr (dl_article_get_uuid (pulled), ==, dl_article_get_uuid (article));
      g_assert_cmpstr (dl_article_get_place (pulled), ==, "Minsk");
      g_assert_cmpstr (dl_article_get_source (pulled), ==, "BelTA");
      g_assert_cmpuint (g_list_model_get_n_items (dl_article_get_credits (pulled)), ==, 1);
    }

  g_clear_object (&pulled);
  pulled = dl_publisher_pull_sync (publisher, "../../users/1", NULL, &error);
  g_assert_null (pulled);
  g_assert_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_INVALID);
}

/* ---- the command line, and the secret ----------------------------------------------------------- */

static char *
run_cli (const char  *home,
         const char  *input,
         const char  *password,
         int         *exit_status,
         char       **err,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                                                       | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                                                       | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *state = g_build_filename (home, "state", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);
  g_autofree char *library = g_build_filename (home, "library", NULL);
  char *out = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("DATELINE_CLI"));
  g_ptr_array_add (argv, (gpointer) "--library");
  g_ptr_array_add (argv, library);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", state, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", cache, TRUE);
  g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "all", TRUE);
  if (password != NULL)
    g_subprocess_launcher_setenv (launcher, "DATELINE_APP_PASSWORD", password, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "DATELINE_APP_PASSWORD");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, input, NULL, &out, err, &error));
  g_assert_no_error (error);
  *exit_status = g_subprocess_get_exit_status (process);
  return out;
}

static gboolean
contains_bytes (const char *data,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; n > 0 && i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
assert_secret_absent_in_tree (const char *path,
                              const char *secret,
                              const char *squashed)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (path, &contents, &length, NULL))
        return;
      if (contains_bytes (contents, length, secret) || contains_bytes (contents, length, squashed))
        g_error ("The application password is in %s", path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      assert_secret_absent_in_tree (child, secret, squashed);
    }
}

/* The command line adds the site, publishes and updates, with every debug
 * message on; the password shows up nowhere: not in its output, not in a
 * file it wrote. */
static void
test_cli_and_secret (DlTestLibrary *library,
                     gconstpointer  data)
{
  const char *password = g_getenv ("DATELINE_TEST_WORDPRESS_APP_PASSWORD");
  g_autoptr(GString) squashed = g_string_new (NULL);
  g_autofree char *input = g_strconcat (password, "\n", NULL);
  g_autoptr(GString) everything = g_string_new (NULL);
  g_autofree char *body_file = g_build_filename (library->path, "body.md", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *id = NULL;
  g_auto(GStrv) words = NULL;
  int status;

  for (const char *p = password; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (squashed, *p);
  g_assert_true (g_file_set_contents (body_file, "The Minsk Office hosted a meeting.\n", -1, NULL));
  ensure_category ("Economy");

  out = run_cli (library->path, input, NULL, &status, &err, "sites", "add", "Newsroom", "--url", wp_url,
                 "--user", "editor", "--default", NULL);
  g_string_append_printf (everything, "%s\n%s\n", out, err);
  if (status != 0)
    g_error ("sites add failed (%d): %s", status, err);
  dl_test_assert_contains (out, "Signed in to Newsroom as editor");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  id = run_cli (library->path, NULL, NULL, &status, &err, "new", "--headline", "From the command line", "--place",
                "Minsk", "--source", "BelTA", "--category", "Economy", "--body-file", body_file, NULL);
  g_assert_cmpint (status, ==, 0);
  g_strstrip (id);
  g_clear_pointer (&err, g_free);

  /* No keyring in the test session: the password comes with each call. */
  out = run_cli (library->path, NULL, password, &status, &err, "publish", id, "--force", NULL);
  g_string_append_printf (everything, "%s\n%s\n", out, err);
  if (status != 0)
    g_error ("publish failed: %s", err);
  words = g_strsplit (g_strstrip (out), " ", -1);
  g_assert_cmpuint (g_strv_length (words), ==, 3);
  g_assert_cmpstr (words[1], ==, "publish");
  dl_test_assert_contains (words[2], "/from-the-command-line/");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Again: an update of the same post. */
  out = run_cli (library->path, NULL, password, &status, &err, "publish", id, "--force", NULL);
  g_string_append_printf (everything, "%s\n%s\n", out, err);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (out, words[0]));
  g_assert_cmpuint (count_posts_with_slug ("from-the-command-line"), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = run_cli (library->path, NULL, password, &status, &err, "posts", NULL);
  g_string_append_printf (everything, "%s\n%s\n", out, err);
  g_assert_cmpint (status, ==, 0);
  dl_test_assert_contains (out, "From the command line");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = run_cli (library->path, NULL, password, &status, &err, "pull", words[0], NULL);
  g_string_append_printf (everything, "%s\n%s\n", out, err);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_uuid_string_is_valid (g_strstrip (out)));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Without it (and with none in a keyring, if the session has one): a
   * clear message, and a non-zero exit. */
  {
    g_autofree char *sites_path = g_build_filename (library->path, "config", "dateline", "sites.json", NULL);
    g_autoptr(GFile) sites_file = g_file_new_for_path (sites_path);
    g_autoptr(DlSiteList) sites = dl_site_list_new (sites_file);

    g_assert_true (dl_site_list_load (sites, NULL));
    dl_site_secrets_clear_sync (dl_site_list_lookup (sites, "Newsroom"), NULL, NULL);
  }
  out = run_cli (library->path, NULL, NULL, &status, &err, "publish", id, "--force", NULL);
  g_string_append_printf (everything, "%s\n%s\n", out, err);
  g_assert_cmpint (status, !=, 0);
  dl_test_assert_contains (err, "no application password");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A wrong one: the server's code in the message. */
  out = run_cli (library->path, NULL, "abcd efgh ijkl mnop qrst uvwx", &status, &err, "publish", id, "--force", NULL);
  g_assert_cmpint (status, ==, 1);
  dl_test_assert_contains (err, "HTTP 401");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Debug output was on (G_MESSAGES_DEBUG=all) and did say things. */
  dl_test_assert_contains (everything->str, "POST ");
  if (strstr (everything->str, password) != NULL || strstr (everything->str, squashed->str) != NULL)
    g_error ("The application password was printed:\n%s", everything->str);
  assert_secret_absent_in_tree (library->path, password, squashed->str);
}

/* ---- the keyring ------------------------------------------------------------------------------ */

/* tests/with-keyring.sh gives the test a keyring of its own. */
static gboolean
keyring_ready (void)
{
  g_autoptr(DlSite) probe = dl_site_new (DL_SITE_KIND_WORDPRESS, "Probe");
  g_autoptr(GError) error = NULL;

  if (dl_site_secrets_store_sync (probe, "probe", NULL, &error))
    {
      dl_site_secrets_clear_sync (probe, NULL, NULL);
      return TRUE;
    }
  if (g_strcmp0 (g_getenv ("DATELINE_REQUIRE_WORDPRESS"), "1") == 0)
    g_error ("No keyring (run through tests/with-keyring.sh): %s", error->message);
  g_test_skip_printf ("No keyring: %s", error->message);
  return FALSE;
}

/* The password given once goes into the keyring; later commands find it
 * there, with no variable set; removing the site removes it. */
static void
test_keyring (DlTestLibrary *library,
              gconstpointer  data)
{
  const char *password = g_getenv ("DATELINE_TEST_WORDPRESS_APP_PASSWORD");
  g_autofree char *input = g_strconcat (password, "\n", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *id = NULL;
  int status;

  if (!keyring_ready ())
    return;
  ensure_category ("Economy");
  /* With a house style of its own: its agency in the dateline. */
  out = run_cli (library->path, input, NULL, &status, &err, "sites", "add", "Keyed", "--url", wp_url,
                 "--user", "editor", "--source", "Keyed Agency", NULL);
  g_assert_cmpint (status, ==, 0);
  dl_test_assert_not_contains (err, "No keyring");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  {
    g_autofree char *body = g_build_filename (library->path, "body.md", NULL);

    g_assert_true (g_file_set_contents (body, "Text.", -1, NULL));
    id = run_cli (library->path, NULL, NULL, &status, &err, "new", "--headline", "Keyring publish", "--place",
                  "Minsk", "--category", "Economy", "--body-file", body, NULL);
    g_strstrip (id);
    g_clear_pointer (&err, g_free);
  }

  /* No DATELINE_APP_PASSWORD: the keyring's. */
  out = run_cli (library->path, NULL, NULL, &status, &err, "publish", id, "--site", "Keyed", "--force", NULL);
  if (status != 0)
    g_error ("publish with the keyring's password failed: %s", err);
  g_assert_cmpuint (count_posts_with_slug ("keyring-publish"), ==, 1);
  {
    g_auto(GStrv) words = g_strsplit (g_strstrip (out), " ", -1);
    g_autoptr(JsonObject) post = get_post (words[0]);

    dl_test_assert_contains (raw_of (post, "content"), "(Keyed Agency) &#45; </span>Text.");
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The text that went out is a revision, on disk before the command
   * returned (the outbox's job is done only then). */
  out = run_cli (library->path, NULL, NULL, &status, &err, "revisions", id, "--json", NULL);
  g_assert_cmpint (status, ==, 0);
  dl_test_assert_contains (out, "\"cause\" : \"publish\"");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A variable that is set wins over the keyring (which is not asked):
   * a wrong one is refused by the site, though the keyring's is right. */
  out = run_cli (library->path, NULL, "wrongpassword", &status, &err, "publish", id, "--site", "Keyed",
                 "--force", NULL);
  g_assert_cmpint (status, !=, 0);
  dl_test_assert_contains (err, "application password is wrong");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  out = run_cli (library->path, NULL, NULL, &status, &err, "sites", "remove", "Keyed", NULL);
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = run_cli (library->path, NULL, NULL, &status, &err, "sites", NULL);
  dl_test_assert_not_contains (out, "Keyed");
}

static char *
run_curl (const char * const *args,
          char              **headers)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *header_file = NULL;
  char *out = NULL;
  int status;
  int fd = g_file_open_tmp ("dateline-curl-XXXXXX", &header_file, &error);

  g_assert_no_error (error);
  close (fd);
  g_ptr_array_add (argv, (gpointer) "curl");
  g_ptr_array_add (argv, (gpointer) "-s");
  g_ptr_array_add (argv, (gpointer) "-D");
  g_ptr_array_add (argv, header_file);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                               &status, &error));
  g_assert_no_error (error);
  if (headers != NULL)
    g_assert_true (g_file_get_contents (header_file, headers, NULL, NULL));
  g_unlink (header_file);
  return out;
}

static char *
between (const char *text,
         const char *before,
         const char *after)
{
  const char *start = strstr (text, before);
  const char *end;

  if (start == NULL)
    return NULL;
  start += strlen (before);
  end = strstr (start, after);
  return end != NULL ? g_strndup (start, end - start) : NULL;
}

/* What a person does in the browser: signs in to wp-admin, sees the
 * approval page, presses "Yes, I approve of this connection". Returns
 * where WordPress sends the browser then. */
static char *
approve_in_browser (const char *approval_url,
                    const char *cookies,
                    gboolean    approve)
{
  g_autofree char *login_url = g_strconcat (wp_url, "/wp-login.php", NULL);
  g_autofree char *user = g_strconcat ("log=", g_getenv ("DATELINE_TEST_WORDPRESS_USER"), NULL);
  g_autofree char *pass = g_strconcat ("pwd=", g_getenv ("DATELINE_TEST_WORDPRESS_LOGIN_PASSWORD"), NULL);
  const char * const login[] = { "-c", cookies, "-b", "wordpress_test_cookie=WP%20Cookie%20check",
                                 "--data-urlencode", user, "--data-urlencode", pass,
                                 "--data", "testcookie=1", login_url, NULL };
  const char * const page_args[] = { "-b", cookies, "-c", cookies, approval_url, NULL };
  g_autofree char *ignored = run_curl (login, NULL);
  g_autofree char *page = run_curl (page_args, NULL);
  g_autofree char *nonce = between (page, "name=\"_wpnonce\" value=\"", "\"");
  g_autofree char *form_action = g_strconcat (wp_url, "/wp-admin/authorize-application.php", NULL);
  g_autofree char *headers = NULL;
  g_autofree char *answer = NULL;
  g_autoptr(GUri) uri = g_uri_parse (approval_url, G_URI_FLAGS_ENCODED_QUERY, NULL);
  g_autoptr(GHashTable) params = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_NONE, NULL);
  g_autofree char *f_nonce = NULL, *f_name = NULL, *f_id = NULL, *f_success = NULL, *f_reject = NULL;

  g_assert_nonnull (nonce);
  f_nonce = g_strconcat ("_wpnonce=", nonce, NULL);
  f_name = g_strconcat ("app_name=", (char *) g_hash_table_lookup (params, "app_name"), NULL);
  f_id = g_strconcat ("app_id=", (char *) g_hash_table_lookup (params, "app_id"), NULL);
  f_success = g_strconcat ("success_url=", (char *) g_hash_table_lookup (params, "success_url"), NULL);
  f_reject = g_strconcat ("reject_url=", (char *) g_hash_table_lookup (params, "reject_url"), NULL);
  {
    const char * const post[] = { "-b", cookies, "--data", "action=authorize_application_password",
                                  "--data-urlencode", f_nonce, "--data-urlencode", f_name,
                                  "--data-urlencode", f_id, "--data-urlencode", f_success,
                                  "--data-urlencode", f_reject,
                                  "--data", approve ? "approve=1" : "reject=1", form_action, NULL };

    answer = run_curl (post, &headers);
  }
  return between (headers, "Location: ", "\r");
}

static gboolean
result_ready (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/* Sign in through WordPress's own approval page (authorize-application.php),
 * the way back being Dateline's URI scheme; a refusal, a link Dateline
 * did not start and one from another site add nothing. */
static void
test_browser_sign_in (DlTestLibrary *library,
                      gconstpointer  data)
{
  g_autoptr(DlSite) site = dl_site_new (DL_SITE_KIND_WORDPRESS, "Approved");
  g_autoptr(DlBrowserSignIn) sign_in = NULL;
  g_autoptr(DlBrowserSignIn) other = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cookies = g_build_filename (library->path, "cookies.txt", NULL);
  g_autofree char *approval = NULL;
  g_autofree char *back = NULL;
  g_autofree char *refused = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *forged = NULL;

  if (!keyring_ready ())
    return;
  dl_site_set_url (site, wp_url);
  sign_in = dl_browser_sign_in_new (site);
  dl_browser_sign_in_start_async (sign_in, NULL, dl_test_keep_result_cb, &result);
  g_assert_true (dl_test_wait_until (result_ready, &result, 20000));
  approval = dl_browser_sign_in_start_finish (sign_in, result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  dl_test_assert_contains (approval, "/wp-admin/authorize-application.php?");
  dl_test_assert_contains (approval, "app_id=" DL_SIGN_IN_APP_ID);

  /* Refused in the browser. */
  refused = approve_in_browser (approval, cookies, FALSE);
  g_assert_nonnull (refused);
  g_assert_true (g_str_has_prefix (refused, DL_SIGN_IN_SCHEME "://authorized?"));
  dl_browser_sign_in_complete_async (sign_in, refused, NULL, dl_test_keep_result_cb, &result);
  g_assert_true (dl_test_wait_until (result_ready, &result, 20000));
  g_assert_false (dl_browser_sign_in_complete_finish (sign_in, result, &error));
  g_assert_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_AUTH);
  g_clear_error (&error);
  g_clear_object (&result);

  /* Approved: the password comes back, is checked and kept. */
  back = approve_in_browser (approval, cookies, TRUE);
  g_assert_nonnull (back);
  {
    g_autofree char *nonce = dl_browser_sign_in_nonce_from_uri (back);

    g_assert_cmpstr (nonce, ==, dl_browser_sign_in_get_nonce (sign_in));
  }
  dl_test_assert_contains (back, "password=");

  /* Another sign-in cannot take it. */
  other = dl_browser_sign_in_new (site);
  dl_browser_sign_in_complete_async (other, back, NULL, dl_test_keep_result_cb, &result);
  g_assert_true (dl_test_wait_until (result_ready, &result, 20000));
  g_assert_false (dl_browser_sign_in_complete_finish (other, result, &error));
  g_assert_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&result);

  /* The same answer, claiming to come from another site. */
  forged = g_strdup_printf ("%s://authorized?request=%s&site_url=https%%3A%%2F%%2Fevil.example&user_login=editor&password=x",
                            DL_SIGN_IN_SCHEME, dl_browser_sign_in_get_nonce (sign_in));
  dl_browser_sign_in_complete_async (sign_in, forged, NULL, dl_test_keep_result_cb, &result);
  g_assert_true (dl_test_wait_until (result_ready, &result, 20000));
  g_assert_false (dl_browser_sign_in_complete_finish (sign_in, result, &error));
  g_assert_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&result);

  dl_browser_sign_in_complete_async (sign_in, back, NULL, dl_test_keep_result_cb, &result);
  g_assert_true (dl_test_wait_until (result_ready, &result, 20000));
  g_assert_true (dl_browser_sign_in_complete_finish (sign_in, result, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dl_site_get_user (site), ==, "editor");
  stored = dl_site_secrets_lookup_sync (site, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  g_assert_cmpuint (strlen (stored), >=, 24);
  dl_site_secrets_clear_sync (site, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  wp_url = g_getenv ("DATELINE_TEST_WORDPRESS_URL");
  wp_run_dir = g_getenv ("DATELINE_TEST_WORDPRESS_RUN_DIR");
  wp_companion = g_strcmp0 (g_getenv ("DATELINE_TEST_WORDPRESS_COMPANION"), "1") == 0;
  if (wp_url == NULL || wp_run_dir == NULL)
    {
      g_printerr ("Run through tests/wordpress/with-wordpress.sh: DATELINE_TEST_WORDPRESS_URL is not set.\n");
      return 77;
    }
  /* The publisher reads the password from here (no keyring in tests). */
  g_setenv ("DATELINE_APP_PASSWORD", g_getenv ("DATELINE_TEST_WORDPRESS_APP_PASSWORD"), TRUE);

  g_test_add_func ("/wordpress/sign-in", test_sign_in);
  g_test_add_func ("/wordpress/statuses", test_statuses);
  g_test_add_func ("/wordpress/content-as-previewed", test_content_as_previewed);
  g_test_add_func ("/wordpress/unknown-category", test_unknown_category);
  g_test_add_func ("/wordpress/tags-once", test_tags_once);
  g_test_add_func ("/wordpress/terms-pagination", test_terms_pagination);
  g_test_add ("/wordpress/featured-image", DlTestLibrary, NULL, dl_test_library_set_up, test_featured_image,
              dl_test_library_tear_down);
  g_test_add_func ("/wordpress/update-and-conflict", test_update_and_conflict);
  g_test_add_func ("/wordpress/lost-answer-no-duplicate", test_lost_answer_no_duplicate);
  g_test_add ("/wordpress/outbox-after-server-restart", DlTestLibrary, NULL, dl_test_library_set_up,
              test_outbox_after_server_restart, dl_test_library_tear_down);
  g_test_add_func ("/wordpress/pull", test_pull);
  g_test_add ("/wordpress/cli-and-secret", DlTestLibrary, NULL, dl_test_library_set_up, test_cli_and_secret,
              dl_test_library_tear_down);
  g_test_add ("/wordpress/keyring", DlTestLibrary, NULL, dl_test_library_set_up, test_keyring,
              dl_test_library_tear_down);
  g_test_add ("/wordpress/browser-sign-in", DlTestLibrary, NULL, dl_test_library_set_up, test_browser_sign_in,
              dl_test_library_tear_down);
  return g_test_run ();
}
