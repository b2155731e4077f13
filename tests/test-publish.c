/* test-publish.c: the publishing layer without a WordPress
 *
 * Block markup, the checklist, release times, the site list, the local
 * folder target, the outbox and its journal across a restart, and the
 * faults a real WordPress cannot produce, served by a loopback fake
 * (malformed JSON, an error page, a connection cut mid-answer, a huge
 * answer, no answer at all). tests/test-publish-wordpress.c has the rest
 * against a real WordPress.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dl-article-file.h"
#include "dl-outbox.h"
#include "dl-publish-checklist.h"
#include "dl-publish-error.h"
#include "dl-publisher.h"
#include "dl-renderer.h"
#include "dl-site-list.h"
#include "dl-store.h"
#include "dl-test-util.h"
#include "dl-wordpress-client.h"
#include "dl-wordpress-publisher.h"

/* ---- block markup ------------------------------------------------------------------------------ */

/* Every <!-- wp:NAME --> has its <!-- /wp:NAME -->, properly nested. */
static void
assert_blocks_balanced (const char *markup)
{
  g_autoptr(GPtrArray) stack = g_ptr_array_new_with_free_func (g_free);
  const char *p = markup;

  while ((p = strstr (p, "<!-- ")) != NULL)
    {
      const char *end = strstr (p, " -->");
      g_autofree char *inside = NULL;

      g_assert_nonnull (end);
      inside = g_strndup (p + 5, end - (p + 5));
      if (g_str_has_prefix (inside, "/wp:"))
        {
          g_assert_cmpuint (stack->len, >, 0);
          g_assert_cmpstr (g_ptr_array_index (stack, stack->len - 1), ==, inside + 4);
          g_ptr_array_remove_index (stack, stack->len - 1);
        }
      else
        {
          char *name;
          char *space;

          g_assert_true (g_str_has_prefix (inside, "wp:"));
          name = g_strdup (inside + 3);
          space = strchr (name, ' ');
          if (space != NULL)
            *space = '\0';
          g_ptr_array_add (stack, name);
        }
      p = end;
    }
  g_assert_cmpuint (stack->len, ==, 0);
}

static void
test_blocks_markup (void)
{
  g_autoptr(DlArticle) article = dl_test_belta_article ();
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autoptr(DlCredit) photo = dl_credit_new (DL_CREDIT_ROLE_PHOTO, "BelCCI", NULL);
  g_autofree char *markup = NULL;

  dl_article_set_body (article,
                       "The Minsk Office hosted a meeting.\n\n"
                       "# Trade\n\n## Figures\n\n"
                       "- one\n- two\n\n"
                       "3. three\n4. four\n\n"
                       "> A quote.\n\n"
                       "| a | b |\n|:-:|--:|\n| 1 | 2 |\n\n"
                       "```c\nint x;\n```\n\n---\n\nThe end & more.\n");
  dl_article_add_credit (article, photo);
  markup = dl_renderer_render_blocks (renderer, article);

  assert_blocks_balanced (markup);
  /* The dateline opens the first paragraph, as in the preview. */
  g_assert_true (g_str_has_prefix (strstr (markup, "<!-- wp:paragraph -->"),
                                   "<!-- wp:paragraph -->\n<p><span class=\"dateline\">MINSK, 8 May (BelTA) &#45; </span>The Minsk Office"));
  dl_test_assert_contains (markup, "<!-- wp:paragraph {\"className\":\"dateline-credit-line\"} -->\n<p class=\"dateline-credit-line\">");
  /* Headings one level down, as on the page, whose h1 is the headline. */
  dl_test_assert_contains (markup, "<!-- wp:heading -->\n<h2>Trade</h2>");
  dl_test_assert_contains (markup, "<!-- wp:heading {\"level\":3} -->\n<h3>Figures</h3>");
  dl_test_assert_contains (markup, "<!-- wp:list -->\n<ul>\n<!-- wp:list-item -->\n<li>one</li>");
  dl_test_assert_contains (markup, "<!-- wp:list {\"ordered\":true,\"start\":3} -->\n<ol start=\"3\">");
  dl_test_assert_contains (markup, "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\">\n<!-- wp:paragraph -->");
  dl_test_assert_contains (markup, "<!-- wp:table -->\n<figure class=\"wp-block-table\"><table>");
  dl_test_assert_contains (markup, "<th class=\"has-text-align-center\" data-align=\"center\">a</th>");
  dl_test_assert_contains (markup, "<!-- wp:code -->\n<pre class=\"wp-block-code\"><code>int x;");
  dl_test_assert_contains (markup, "<!-- wp:separator -->\n<hr class=\"wp-block-separator has-alpha-channel-opacity\"/>");
  dl_test_assert_contains (markup, "<p>The end &amp; more.</p>");
  /* WordPress's editor would call a block with attributes of ours invalid. */
  dl_test_assert_not_contains (markup, "dir=\"auto\"");
  dl_test_assert_not_contains (markup, "language-c");
}

/* What WordPress would turn into typography is sent as references: the
 * page keeps the preview's characters (tests/test-publish-wordpress.c
 * checks the rendered page). */
static void
test_blocks_literal_text (void)
{
  g_autoptr(DlArticle) article = dl_test_belta_article ();
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autofree char *markup = NULL;
  g_autofree char *back = NULL;

  dl_article_set_body (article, "He said \"wait...\" - it's 2x3 -- see Belt-and-Road :) (tm)\n");
  markup = dl_renderer_render_blocks (renderer, article);
  dl_test_assert_contains (markup, "He said &quot;wait&#46;..&quot; &#45; it&#39;s 2&#120;3 &#45;&#45; see Belt-and-Road &#58;) &#40;tm)");
  back = dl_wordpress_blocks_to_markdown (markup);
  dl_test_assert_contains (back, "wait...");
  dl_test_assert_contains (back, "2x3");
  dl_test_assert_contains (back, "Belt-and-Road");
}

static void
test_blocks_dateline_alone (void)
{
  g_autoptr(DlArticle) article = dl_test_belta_article ();
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autofree char *markup = NULL;

  dl_article_set_body (article, "## Only a heading\n");
  markup = dl_renderer_render_blocks (renderer, article);
  assert_blocks_balanced (markup);
  g_assert_true (g_str_has_prefix (markup, "<!-- wp:paragraph -->\n<p><span class=\"dateline\">MINSK"));
}

/* Pulling a post gives back the Markdown that was published. */
static void
test_blocks_round_trip (void)
{
  g_autoptr(DlArticle) article = dl_test_belta_article ();
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autoptr(DlCredit) author = dl_credit_new (DL_CREDIT_ROLE_AUTHOR, "Anna Ivanova", NULL);
  const char *body = "First paragraph with **bold** and *italic*.\n\n## A heading\n\n- one\n- two\n\nLast words.";
  g_autofree char *markup = NULL;
  g_autofree char *back = NULL;

  dl_article_add_credit (article, author);
  dl_article_set_body (article, body);
  markup = dl_renderer_render_blocks (renderer, article);
  dl_test_assert_contains (markup, "dateline-byline");
  back = dl_wordpress_blocks_to_markdown (markup);
  g_strstrip (back);
  g_assert_cmpstr (back, ==, body);
}

/* ---- checklist ---------------------------------------------------------------------------------- */

static gboolean
has_rule (GPtrArray       *items,
          const char      *rule,
          DlCheckSeverity  severity)
{
  for (guint i = 0; i < items->len; i++)
    {
      DlCheckItem *item = g_ptr_array_index (items, i);

      if (g_strcmp0 (item->rule, rule) == 0 && item->severity == severity)
        {
          g_assert_cmpstr (item->message, !=, "");
          return TRUE;
        }
    }
  return FALSE;
}

static void
test_checklist (void)
{
  g_autoptr(DlArticle) article = dl_test_belta_article ();
  g_autoptr(GHashTable) severities = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const site_categories[] = { "Politics", "economy", NULL };
  DlChecklistContext context = { 0, };
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2025-05-08T09:00:00Z", NULL);
  g_autoptr(GDateTime) embargo = g_date_time_add_hours (now, 2);
  g_autoptr(GDateTime) schedule = g_date_time_add_hours (now, 1);

  context.now = now;
  dl_article_set_body (article, "Text.");
  items = dl_publish_checklist_run (article, &context);
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* The site's categories, without regard to case. */
  context.site_categories = site_categories;
  items = dl_publish_checklist_run (article, &context);
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);
  dl_article_set_category (article, "Sport");
  items = dl_publish_checklist_run (article, &context);
  g_assert_true (has_rule (items, "category-known", DL_CHECK_ERROR));
  g_assert_true (dl_publish_checklist_blocks (items));
  g_clear_pointer (&items, g_ptr_array_unref);

  dl_article_set_headline (article, "   ");
  dl_article_set_category (article, NULL);
  dl_article_set_place (article, NULL);
  dl_article_set_body (article, "![](photo.jpg)");
  dl_article_set_image_path (article, "/tmp/photo.jpg");
  dl_article_set_image_credit (article, NULL);
  dl_article_set_embargo (article, embargo);
  dl_article_set_schedule (article, schedule);
  items = dl_publish_checklist_run (article, &context);
  g_assert_true (has_rule (items, "headline", DL_CHECK_ERROR));
  g_assert_true (has_rule (items, "category", DL_CHECK_ERROR));
  g_assert_true (has_rule (items, "dateline", DL_CHECK_WARNING));
  g_assert_true (has_rule (items, "image-credit", DL_CHECK_WARNING));
  g_assert_true (has_rule (items, "image-description", DL_CHECK_WARNING));
  /* A schedule before the embargo would break it. */
  g_assert_true (has_rule (items, "release-time", DL_CHECK_ERROR));
  g_clear_pointer (&items, g_ptr_array_unref);

  /* A site may make a rule milder, stricter or turn it off. */
  dl_article_set_headline (article, "A headline that goes on and on, well past what a list of stories on the front page has room for");
  g_hash_table_insert (severities, (gpointer) "category", (gpointer) "warning");
  g_hash_table_insert (severities, (gpointer) "image-credit", (gpointer) "error");
  g_hash_table_insert (severities, (gpointer) "dateline", (gpointer) "off");
  context.severities = severities;
  context.headline_max_chars = 60;
  items = dl_publish_checklist_run (article, &context);
  g_assert_true (has_rule (items, "headline-length", DL_CHECK_WARNING));
  g_assert_true (has_rule (items, "category", DL_CHECK_WARNING));
  g_assert_true (has_rule (items, "image-credit", DL_CHECK_ERROR));
  g_assert_false (has_rule (items, "dateline", DL_CHECK_WARNING));
}

static void
test_resolve_release (void)
{
  g_autoptr(DlArticle) article = dl_test_belta_article ();
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2025-05-08T09:00:00Z", NULL);
  g_autoptr(GDateTime) later = g_date_time_add_hours (now, 3);
  g_autoptr(GDateTime) soon = g_date_time_add_hours (now, 1);
  g_autoptr(GDateTime) past = g_date_time_add_hours (now, -1);
  GDateTime *when = NULL;

  g_assert_cmpint (dl_publish_resolve_release (article, DL_REMOTE_STATUS_PUBLISH, NULL, now, &when), ==,
                   DL_REMOTE_STATUS_PUBLISH);
  g_assert_null (when);

  /* An embargo that holds becomes the schedule, even for "publish now". */
  dl_article_set_embargo (article, later);
  g_assert_cmpint (dl_publish_resolve_release (article, DL_REMOTE_STATUS_PUBLISH, NULL, now, &when), ==,
                   DL_REMOTE_STATUS_FUTURE);
  g_assert_true (g_date_time_equal (when, later));
  g_clear_pointer (&when, g_date_time_unref);
  /* A time before it is moved to it; a draft keeps its status. */
  g_assert_cmpint (dl_publish_resolve_release (article, DL_REMOTE_STATUS_FUTURE, soon, now, &when), ==,
                   DL_REMOTE_STATUS_FUTURE);
  g_assert_true (g_date_time_equal (when, later));
  g_clear_pointer (&when, g_date_time_unref);
  g_assert_cmpint (dl_publish_resolve_release (article, DL_REMOTE_STATUS_DRAFT, NULL, now, NULL), ==,
                   DL_REMOTE_STATUS_DRAFT);

  /* A lifted embargo and a time past: now. */
  dl_article_set_embargo (article, past);
  g_assert_cmpint (dl_publish_resolve_release (article, DL_REMOTE_STATUS_FUTURE, past, now, &when), ==,
                   DL_REMOTE_STATUS_PUBLISH);
  g_assert_null (when);
}

/* ---- sites ---------------------------------------------------------------------------------------- */

static void
test_site_list (DlTestLibrary *library,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (library->path, "sites.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DlSiteList) sites = dl_site_list_new (file);
  g_autoptr(DlSiteList) again = dl_site_list_new (file);
  g_autoptr(DlSite) site = dl_site_new (DL_SITE_KIND_WORDPRESS, "Newsroom");
  g_autoptr(DlSite) twin = dl_site_new (DL_SITE_KIND_WORDPRESS, "newsroom");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  DlSite *found;

  /* No file: only the folder target, the default. */
  g_assert_true (dl_site_list_load (sites, &error));
  g_assert_cmpuint (g_list_model_get_n_items (dl_site_list_get_model (sites)), ==, 1);
  g_assert_cmpint (dl_site_get_kind (dl_site_list_get_default (sites)), ==, DL_SITE_KIND_FOLDER);

  dl_site_set_url (site, "https://news.example.org");
  dl_site_set_user (site, "anna");
  dl_site_set_source (site, "BelTA");
  g_assert_true (dl_site_list_add (sites, site, &error));
  g_assert_false (dl_site_list_add (sites, twin, &error));
  g_assert_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_INVALID);
  g_clear_error (&error);
  dl_site_list_set_default (sites, site);
  g_assert_true (dl_site_list_save (sites, &error));
  g_assert_no_error (error);

  g_assert_true (dl_site_list_load (again, &error));
  found = dl_site_list_get_default (again);
  g_assert_cmpstr (dl_site_get_name (found), ==, "Newsroom");
  g_assert_cmpstr (dl_site_get_url (found), ==, "https://news.example.org");
  g_assert_cmpstr (dl_site_get_source (found), ==, "BelTA");
  g_assert_true (dl_site_list_lookup (again, "NEWSROOM") == found);
  g_assert_true (dl_site_list_lookup (again, dl_site_get_id (site)) == found);

  /* A hostile id (it names a cache folder) and an unknown kind are skipped. */
  g_assert_true (g_file_set_contents (path,
    "{\"version\":1,\"sites\":[{\"id\":\"../../x\",\"kind\":\"wordpress\",\"name\":\"Evil\"},"
    "{\"id\":\"a-1\",\"kind\":\"drupal\",\"name\":\"Other\"},"
    "{\"id\":\"b-2\",\"kind\":\"wordpress\",\"name\":\"Good\"}]}", -1, NULL));
  g_assert_true (dl_site_list_load (again, &error));
  g_assert_cmpuint (g_list_model_get_n_items (dl_site_list_get_model (again)), ==, 2);
  g_assert_nonnull (dl_site_list_lookup (again, "Good"));

  /* A newer file and a broken one are errors that keep the list. */
  g_assert_true (g_file_set_contents (path, "{\"version\":99,\"sites\":[]}", -1, NULL));
  g_assert_false (dl_site_list_load (again, &error));
  g_assert_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (path, "{\"version\":1,\"sites\":[", -1, NULL));
  g_assert_false (dl_site_list_load (again, &error));
  g_assert_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (path, "  ", -1, NULL));
  g_assert_false (dl_site_list_load (again, &error));
  g_assert_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_INVALID);
  g_assert_nonnull (dl_site_list_lookup (again, "Good"));
}

static void
test_http_refused (void)
{
  g_autoptr(DlSite) site = dl_site_new (DL_SITE_KIND_WORDPRESS, "Site");
  g_autoptr(GError) error = NULL;

  g_assert_false (dl_wordpress_client_check_address (site, "http://news.example.org", &error));
  g_assert_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_INSECURE);
  g_clear_error (&error);
  g_assert_false (dl_wordpress_client_check_address (site, "ftp://news.example.org", &error));
  g_assert_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dl_wordpress_client_check_address (site, "/etc/passwd", &error));
  g_assert_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (dl_wordpress_client_check_address (site, "https://news.example.org", NULL));
  g_assert_true (dl_wordpress_client_check_address (site, "http://127.0.0.1:8080", NULL));
  g_assert_true (dl_wordpress_client_check_address (site, "http://[::1]:8080", NULL));
  g_assert_true (dl_wordpress_client_check_address (site, "http://localhost/", NULL));
  dl_site_set_allow_http (site, TRUE);
  g_assert_true (dl_wordpress_client_check_address (site, "http://news.example.org", NULL));
}

/* ---- the local folder target and the outbox ------------------------------------------------------- */

typedef struct
{
  DlTestLibrary  library;
  DlStore       *store;
  DlSiteList    *sites;
  GFile         *outbox_dir;
  char          *folder;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *library = NULL;
  g_autofree char *sites_path = NULL;
  g_autofree char *outbox = NULL;
  g_autoptr(GFile) library_dir = NULL;
  g_autoptr(GFile) sites_file = NULL;
  g_autoptr(GError) error = NULL;

  dl_test_library_set_up (&fixture->library, data);
  library = g_build_filename (fixture->library.path, "library", NULL);
  sites_path = g_build_filename (fixture->library.path, "sites.json", NULL);
  outbox = g_build_filename (fixture->library.path, "outbox", NULL);
  fixture->folder = g_build_filename (fixture->library.path, "published", NULL);
  g_mkdir_with_parents (library, 0700);
  library_dir = g_file_new_for_path (library);
  fixture->store = dl_store_new (library_dir);
  g_assert_true (dl_store_load_sync (fixture->store, NULL, &error));
  sites_file = g_file_new_for_path (sites_path);
  fixture->sites = dl_site_list_new (sites_file);
  dl_site_set_folder (dl_site_list_get_folder_site (fixture->sites), fixture->folder);
  fixture->outbox_dir = g_file_new_for_path (outbox);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->sites);
  g_clear_object (&fixture->outbox_dir);
  g_free (fixture->folder);
  dl_test_library_tear_down (&fixture->library, data);
}

static DlArticle *
saved_belta_article (Fixture *fixture)
{
  g_autoptr(DlArticle) article = dl_test_belta_article ();
  g_autoptr(GError) error = NULL;

  dl_article_set_body (article, "The Minsk Office hosted a meeting.");
  g_assert_true (dl_store_save_article_sync (fixture->store, article, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&article);
}

static gboolean
job_gone (gpointer data)
{
  DlOutbox *outbox = data;

  return g_list_model_get_n_items (dl_outbox_get_jobs (outbox)) == 0;
}

static void
test_folder_target (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(DlArticle) article = saved_belta_article (fixture);
  g_autoptr(DlOutbox) outbox = dl_outbox_new (fixture->outbox_dir, fixture->sites, fixture->store, NULL);
  g_autoptr(DlArticle) reread = NULL;
  g_autoptr(GError) error = NULL;
  DlSite *site = dl_site_list_get_default (fixture->sites);
  g_autofree char *page_path = g_build_filename (fixture->folder, "belarus-china-discuss-business-prospects",
                                                 "index.html", NULL);
  g_autofree char *ninjs_path = g_build_filename (fixture->folder, "belarus-china-discuss-business-prospects",
                                                  "belarus-china-discuss-business-prospects.ninjs.json", NULL);
  g_autofree char *page = NULL;
  DlPublication *record;

  /* With no site configured, the folder target is where publishing goes. */
  g_assert_cmpint (dl_site_get_kind (site), ==, DL_SITE_KIND_FOLDER);
  g_assert_nonnull (dl_outbox_add (outbox, article, site, DL_REMOTE_STATUS_PUBLISH, NULL, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (dl_test_wait_until (job_gone, outbox, 10000));

  page = dl_test_read_file (page_path);
  dl_test_assert_contains (page, "<span class=\"dateline\">MINSK, 8 May (BelTA) - </span>The Minsk Office");
  g_assert_true (g_file_test (ninjs_path, G_FILE_TEST_IS_REGULAR));

  /* The record went into the library's article through the store. */
  reread = dl_store_open_article_sync (fixture->store, dl_article_get_uuid (article), NULL, &error);
  g_assert_no_error (error);
  record = dl_article_find_publication (reread, DL_SITE_FOLDER_ID);
  g_assert_nonnull (record);
  g_assert_cmpstr (record->remote_id, ==, "belarus-china-discuss-business-prospects");
  g_assert_true (g_str_has_prefix (record->url, "file://"));
  g_assert_cmpint (dl_article_get_status (reread), ==, DL_ARTICLE_STATUS_PUBLISHED);
  /* No job file is left. */
  {
    g_autoptr(GFileEnumerator) left = g_file_enumerate_children (fixture->outbox_dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                  G_FILE_QUERY_INFO_NONE, NULL, NULL);
    g_autoptr(GFileInfo) info = left != NULL ? g_file_enumerator_next_file (left, NULL, NULL) : NULL;

    g_assert_null (info);
  }
}

/* A record that came back from a file is never a path. */
static void
test_folder_target_hostile_record (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(DlArticle) article = saved_belta_article (fixture);
  DlSite *site = dl_site_list_get_folder_site (fixture->sites);
  g_autoptr(DlPublisher) publisher = dl_publisher_new_for_site (site);
  g_autoptr(DlPublishRequest) request = g_new0 (DlPublishRequest, 1);
  g_autoptr(DlPublishResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = g_build_filename (fixture->library.path, "evil", NULL);

  request->article = g_object_ref (article);
  request->status = DL_REMOTE_STATUS_PUBLISH;
  request->previous = dl_publication_new (DL_SITE_FOLDER_ID);
  request->previous->remote_id = g_strdup ("../evil");
  result = dl_publisher_publish_sync (publisher, request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (result->publication->remote_id, ==, "belarus-china-discuss-business-prospects");
  g_assert_false (g_file_test (escaped, G_FILE_TEST_EXISTS));
}

static DlSite *
add_unreachable_site (Fixture *fixture)
{
  g_autoptr(DlSite) site = dl_site_new (DL_SITE_KIND_WORDPRESS, "Unreachable");

  /* Port 9 (discard) on loopback: nothing listens there in a test sandbox. */
  dl_site_set_url (site, "http://127.0.0.1:9");
  dl_site_set_rest_root (site, "http://127.0.0.1:9/wp-json/");
  dl_site_set_user (site, "anna");
  g_assert_true (dl_site_list_add (fixture->sites, site, NULL));
  return site;
}

static gboolean
job_waiting (gpointer data)
{
  DlOutbox *outbox = data;
  g_autoptr(DlOutboxJob) job = g_list_model_get_item (dl_outbox_get_jobs (outbox), 0);

  return job != NULL && dl_outbox_job_get_state (job) == DL_OUTBOX_JOB_WAITING;
}

/* A job that cannot go out waits, says so, and is still there after a restart. */
static void
test_outbox_survives_restart (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(DlArticle) article = saved_belta_article (fixture);
  DlSite *site = add_unreachable_site (fixture);
  g_autoptr(DlOutbox) outbox = dl_outbox_new (fixture->outbox_dir, fixture->sites, fixture->store, NULL);
  g_autoptr(DlOutbox) restarted = NULL;
  g_autoptr(DlOutboxJob) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *job_id = NULL;
  DlOutboxJob *job;

  g_setenv ("DATELINE_APP_PASSWORD", "abcd efgh ijkl mnop qrst uvwx", TRUE);
  dl_outbox_set_auto_retry (outbox, FALSE);
  job = dl_outbox_add (outbox, article, site, DL_REMOTE_STATUS_PUBLISH, NULL, FALSE, &error);
  g_assert_no_error (error);
  job_id = g_strdup (dl_outbox_job_get_id (job));
  g_assert_true (dl_test_wait_until (job_waiting, outbox, 20000));
  g_assert_error (dl_outbox_job_get_error (job), DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_UNREACHABLE);
  description = dl_outbox_job_dup_description (job, fixture->sites);
  g_assert_cmpstr (description, ==, "Waiting for network — will publish to Unreachable");
  g_clear_object (&outbox);

  restarted = dl_outbox_new (fixture->outbox_dir, fixture->sites, fixture->store, NULL);
  g_assert_true (dl_outbox_load_sync (restarted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (dl_outbox_get_jobs (restarted)), ==, 1);
  loaded = g_list_model_get_item (dl_outbox_get_jobs (restarted), 0);
  g_assert_cmpstr (dl_outbox_job_get_id (loaded), ==, job_id);
  g_assert_cmpstr (dl_outbox_job_get_article_uuid (loaded), ==, dl_article_get_uuid (article));
  /* The article itself was not touched by the failed publish. */
  {
    g_autoptr(DlArticle) reread = dl_store_open_article_sync (fixture->store, dl_article_get_uuid (article),
                                                              NULL, &error);
    g_assert_null (dl_article_find_publication (reread, dl_site_get_id (site)));
    g_assert_cmpint (dl_article_get_status (reread), ==, DL_ARTICLE_STATUS_DRAFT);
  }
  dl_outbox_discard (restarted, loaded);
  g_assert_true (dl_test_wait_until (job_gone, restarted, 10000));
  g_assert_false (g_file_query_exists (fixture->outbox_dir, NULL) && dl_outbox_load_sync (restarted, NULL)
                  && g_list_model_get_n_items (dl_outbox_get_jobs (restarted)) > 0);
  g_unsetenv ("DATELINE_APP_PASSWORD");
}

static void
test_outbox_damaged_files (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(DlOutbox) outbox = dl_outbox_new (fixture->outbox_dir, fixture->sites, fixture->store, NULL);
  g_autofree char *dir = g_file_get_path (fixture->outbox_dir);
  g_autofree char *broken = g_build_filename (dir, "broken.json", NULL);
  g_autofree char *newer = g_build_filename (dir, "newer.json", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.json", NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (broken, "{\"version\":1,\"article\":\"{", -1, NULL));
  g_assert_true (g_file_set_contents (newer, "{\"version\":7}", -1, NULL));
  g_assert_true (g_file_set_contents (empty, "", -1, NULL));
  g_assert_true (dl_outbox_load_sync (outbox, &error));
  g_assert_cmpuint (g_list_model_get_n_items (dl_outbox_get_jobs (outbox)), ==, 0);
  /* Left alone for a newer version or a human to look at. */
  g_assert_true (g_file_test (broken, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (newer, G_FILE_TEST_EXISTS));
}

/* ---- faults a real WordPress cannot produce ------------------------------------------------------- */

/* The fake serves from a thread of its own (the client under test blocks
 * the main thread while it waits), one connection at a time, and is
 * joined when it stops: no thread of it outlives the test, which
 * LeakSanitizer's check at exit would trip over. */
typedef struct
{
  GSocketListener *listener;
  GCancellable    *cancellable;
  GThread         *thread;
  guint16          port;
} FakeServer;

static gboolean fake_run (GSocketConnection *connection);

static gpointer
fake_server_thread (gpointer data)
{
  FakeServer *fake = data;

  for (;;)
    {
      g_autoptr(GSocketConnection) connection = g_socket_listener_accept (fake->listener, NULL, fake->cancellable,
                                                                           NULL);

      if (connection == NULL)
        return NULL;
      fake_run (connection);
    }
}

static void
reply (GOutputStream *out,
       const char    *text)
{
  g_output_stream_write_all (out, text, strlen (text), NULL, NULL, NULL);
}

/* The path of the request says what goes wrong. */
static gboolean
fake_run (GSocketConnection *connection)
{
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autoptr(GDataInputStream) lines = g_data_input_stream_new (in);
  char *request = g_data_input_stream_read_line (lines, NULL, NULL, NULL);
  char *line;

  if (request == NULL)
    return TRUE;
  while ((line = g_data_input_stream_read_line (lines, NULL, NULL, NULL)) != NULL && *g_strchomp (line) != '\0')
    g_free (line);
  g_free (line);

  /* A well-behaved HTTP/1.1 server: answers on the same connection for as
   * long as the client sends requests on it. */
  while (strstr (request, "/keep-alive") != NULL)
    {
      reply (out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"ok\":true}");
      g_free (request);
      request = g_data_input_stream_read_line (lines, NULL, NULL, NULL);
      if (request == NULL)
        return TRUE;
      while ((line = g_data_input_stream_read_line (lines, NULL, NULL, NULL)) != NULL && *g_strchomp (line) != '\0')
        g_free (line);
      g_free (line);
    }

  if (strstr (request, "/bad-json") != NULL)
    reply (out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 9\r\nConnection: close\r\n\r\n{\"id\": 4,");
  else if (strstr (request, "/error-page") != NULL)
    reply (out, "HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nContent-Length: 22\r\nConnection: close\r\n\r\n<h1>Bad Gateway</h1>\r\n");
  else if (strstr (request, "/wrong-password") != NULL)
    {
      const char *body = "{\"code\":\"rest_not_logged_in\",\"message\":\"You are not currently logged in.\",\"data\":{\"status\":401}}";
      g_autofree char *head = g_strdup_printf ("HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: %zu\r\nConnection: close\r\n\r\n", strlen (body));

      reply (out, head);
      reply (out, body);
    }
  else if (strstr (request, "/cut") != NULL)
    /* A promise of 1000 bytes, ten of them, then the connection closes. */
    reply (out, "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"id\": 12,");
  else if (strstr (request, "/huge") != NULL)
    {
      g_autofree char *chunk = g_strnfill (65536, ' ');

      reply (out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n[");
      for (guint i = 0; i < (DL_WORDPRESS_MAX_RESPONSE / 65536) + 8; i++)
        if (!g_output_stream_write_all (out, chunk, 65536, NULL, NULL, NULL))
          break;
    }
  else if (strstr (request, "/silent") != NULL)
    g_usleep (3 * G_USEC_PER_SEC);
  else
    reply (out, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  g_free (request);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static void
fake_server_start (FakeServer *fake)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  fake->listener = g_socket_listener_new ();
  fake->cancellable = g_cancellable_new ();
  g_assert_true (g_socket_listener_add_address (fake->listener, address, G_SOCKET_TYPE_STREAM,
                                                G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error));
  g_assert_no_error (error);
  fake->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  fake->thread = g_thread_new ("fake-server", fake_server_thread, fake);
}

static void
fake_server_stop (FakeServer *fake)
{
  g_cancellable_cancel (fake->cancellable);
  g_thread_join (fake->thread);
  g_socket_listener_close (fake->listener);
  g_clear_object (&fake->listener);
  g_clear_object (&fake->cancellable);
}

static void
assert_fault (DlWordPressClient *client,
              const char        *route,
              int                code,
              const char        *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DlWordPressReply) answer = dl_wordpress_client_call_sync (client, "GET", route, NULL, NULL, NULL, &error);

  g_assert_null (answer);
  g_assert_error (error, DL_PUBLISH_ERROR, code);
  dl_test_assert_contains (error->message, words);
}

static void
test_faults (void)
{
  FakeServer fake = { 0, };
  g_autoptr(DlSite) site = dl_site_new (DL_SITE_KIND_WORDPRESS, "Fake");
  g_autoptr(DlWordPressClient) client = NULL;
  g_autofree char *root = NULL;

  fake_server_start (&fake);
  root = g_strdup_printf ("http://127.0.0.1:%u/wp-json/", fake.port);
  dl_site_set_rest_root (site, root);
  dl_site_set_user (site, "anna");
  client = dl_wordpress_client_new (site);
  dl_wordpress_client_set_password (client, "abcd efgh ijkl mnop qrst uvwx");
  dl_wordpress_client_set_timeout (client, 1);

  assert_fault (client, "bad-json", DL_PUBLISH_ERROR_NOT_JSON, "not valid JSON");
  assert_fault (client, "error-page", DL_PUBLISH_ERROR_NOT_JSON, "HTTP 502, text/html");
  assert_fault (client, "wrong-password", DL_PUBLISH_ERROR_AUTH, "(rest_not_logged_in, HTTP 401)");
  assert_fault (client, "cut", DL_PUBLISH_ERROR_UNREACHABLE, "127.0.0.1");
  assert_fault (client, "huge", DL_PUBLISH_ERROR_NOT_JSON, "larger than 16 MB");

  /* Where the server keeps connections open, requests share one. */
  {
    guint before = dl_wordpress_client_get_connection_count (client);

    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(DlWordPressReply) answer = dl_wordpress_client_call_sync (client, "GET", "keep-alive", NULL, NULL,
                                                                            NULL, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (answer->status, ==, 200);
      }
    g_assert_cmpuint (dl_wordpress_client_get_connection_count (client) - before, ==, 1);
  }
  /* Last: the fake serves one connection at a time, and this one sleeps. */
  assert_fault (client, "silent", DL_PUBLISH_ERROR_TIMEOUT, "did not answer in time");
  {
    g_autoptr(GError) timeout = g_error_new_literal (DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_TIMEOUT, "");
    g_autoptr(GError) auth = g_error_new_literal (DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_AUTH, "");

    g_assert_true (dl_publish_error_is_transient (timeout));
    g_assert_false (dl_publish_error_is_transient (auth));
  }

  fake_server_stop (&fake);
}

/* ---- TLS: a certificate nobody vouches for --------------------------------------------------------- */

typedef struct
{
  GSocketListener *listener;
  GTlsCertificate *certificate;
  GThread         *thread;
} TlsFake;

static gpointer
tls_fake_thread (gpointer data)
{
  TlsFake *fake = data;
  g_autoptr(GSocketConnection) connection = g_socket_listener_accept (fake->listener, NULL, NULL, NULL);
  g_autoptr(GIOStream) tls = NULL;

  if (connection == NULL)
    return NULL;
  tls = g_tls_server_connection_new (G_IO_STREAM (connection), fake->certificate, NULL);
  if (tls != NULL)
    g_tls_connection_handshake (G_TLS_CONNECTION (tls), NULL, NULL); /* the client gives up */
  return NULL;
}

/* A self-signed certificate is refused and said to be, never accepted. */
static void
test_tls_error (DlTestLibrary *library,
                gconstpointer  data)
{
  g_autofree char *key = g_build_filename (library->path, "key.pem", NULL);
  g_autofree char *cert = g_build_filename (library->path, "cert.pem", NULL);
  const char *argv[] = { "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                         "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", cert, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(DlSite) site = dl_site_new (DL_SITE_KIND_WORDPRESS, "Self-signed");
  g_autoptr(DlWordPressClient) client = NULL;
  g_autoptr(DlWordPressReply) answer = NULL;
  g_autofree char *root = NULL;
  TlsFake fake = { 0, };
  int status;

#if defined(__SANITIZE_ADDRESS__)
  /* LeakSanitizer (GCC 12) crashes at exit scanning the dynamic
   * thread-local storage of GnuTLS, which glib-networking's module loads
   * ("Tracer caught signal 11"): the plain build runs this test. */
  g_test_skip ("LeakSanitizer cannot scan GnuTLS's thread-local storage; run in the plain build");
  return;
#endif
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL
                     | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    {
      g_test_skip ("openssl cannot make a test certificate");
      return;
    }
  fake.certificate = g_tls_certificate_new_from_files (cert, key, &error);
  g_assert_no_error (error);
  fake.listener = g_socket_listener_new ();
  g_assert_true (g_socket_listener_add_address (fake.listener, address, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                                NULL, &bound, &error));
  fake.thread = g_thread_new ("tls-fake", tls_fake_thread, &fake);

  root = g_strdup_printf ("https://127.0.0.1:%u/wp-json/", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  dl_site_set_rest_root (site, root);
  dl_site_set_user (site, "anna");
  client = dl_wordpress_client_new (site);
  dl_wordpress_client_set_password (client, "abcd efgh ijkl mnop qrst uvwx");
  dl_wordpress_client_set_timeout (client, 10);
  answer = dl_wordpress_client_call_sync (client, "GET", "wp/v2/users/me", NULL, NULL, NULL, &error);
  g_assert_null (answer);
  g_assert_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_TLS);
  dl_test_assert_contains (error->message, "cannot be trusted");
  dl_test_assert_contains (error->message, "Nothing was sent");

  g_thread_join (fake.thread);
  g_socket_listener_close (fake.listener);
  g_object_unref (fake.listener);
  g_object_unref (fake.certificate);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/publish/blocks/markup", test_blocks_markup);
  g_test_add_func ("/publish/blocks/dateline-alone", test_blocks_dateline_alone);
  g_test_add_func ("/publish/blocks/literal-text", test_blocks_literal_text);
  g_test_add_func ("/publish/blocks/round-trip", test_blocks_round_trip);
  g_test_add_func ("/publish/checklist", test_checklist);
  g_test_add_func ("/publish/resolve-release", test_resolve_release);
  g_test_add ("/publish/site-list", DlTestLibrary, NULL, dl_test_library_set_up, test_site_list,
              dl_test_library_tear_down);
  g_test_add_func ("/publish/http-refused", test_http_refused);
  g_test_add ("/publish/folder-target", Fixture, NULL, fixture_set_up, test_folder_target, fixture_tear_down);
  g_test_add ("/publish/folder-target-hostile-record", Fixture, NULL, fixture_set_up,
              test_folder_target_hostile_record, fixture_tear_down);
  g_test_add ("/publish/outbox/survives-restart", Fixture, NULL, fixture_set_up, test_outbox_survives_restart,
              fixture_tear_down);
  g_test_add ("/publish/outbox/damaged-files", Fixture, NULL, fixture_set_up, test_outbox_damaged_files,
              fixture_tear_down);
  g_test_add_func ("/publish/faults", test_faults);
  g_test_add ("/publish/tls-error", DlTestLibrary, NULL, dl_test_library_set_up, test_tls_error,
              dl_test_library_tear_down);
  return g_test_run ();
}
