/* test-ninjs.c: IPTC ninjs export (validated against the official schemas), import and round trip
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "dl-html.h"
#include "dl-html-to-markdown.h"
#include "dl-ninjs.h"
#include "dl-renderer.h"
#include "dl-test-util.h"

#define PYTHON "/usr/bin/python3"

static char *image_path;

static DlArticle *
make_article (void)
{
  DlArticle *article = dl_article_new ();
  g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 ("2025-05-08T10:06:00+03:00", NULL);
  g_autoptr(GDateTime) embargo = g_date_time_new_from_iso8601 ("2025-05-09T06:00:00Z", NULL);
  g_autoptr(DlCredit) author = dl_credit_new (DL_CREDIT_ROLE_AUTHOR, "Anna Ivanova", "BelTA");
  g_autoptr(DlCredit) author2 = dl_credit_new (DL_CREDIT_ROLE_AUTHOR, "Frances d'Emilio", NULL);
  g_autoptr(DlCredit) photo = dl_credit_new (DL_CREDIT_ROLE_PHOTO, "", "courtesy of the BelCCI");
  const char *tags[] = { "Belarus", "China", NULL };

  dl_article_set_headline (article, "Belarus, China discuss \"business\" prospects & <more>");
  dl_article_set_standfirst (article, "A meeting in Minsk on economic partnership.");
  dl_article_set_place (article, "Minsk");
  dl_article_set_dateline_date (article, date);
  dl_article_set_time_zone (article, "Europe/Minsk");
  dl_article_set_source (article, "BelTA");
  dl_article_set_embargo (article, embargo);
  dl_article_add_credit (article, author);
  dl_article_add_credit (article, author2);
  dl_article_add_credit (article, photo);
  dl_article_set_category (article, "Economy");
  dl_article_set_tags (article, tags);
  dl_article_set_image_path (article, image_path);
  dl_article_set_image_caption (article, "Photo courtesy of the BelCCI");
  dl_article_set_image_credit (article, "BelCCI/Press office");
  dl_article_set_image_alt (article, "Delegates around a table");
  dl_article_set_language (article, "en");
  dl_article_set_slug (article, "belarus-china-business");
  dl_article_set_body (article,
                       "The Minsk Office of the **BelCCI** hosted a *meeting* with "
                       "[the mayor](https://example.org/dezhou?a=1&b=2) of Dezhou.\n\n"
                       "## What was agreed\n\n"
                       "- business missions\n"
                       "- exhibitions in Minsk and Shandong\n\n"
                       "1. first\n"
                       "2. second\n\n"
                       "> “Belarus is interested in the transfer of advanced technologies.”\n\n"
                       "Trade exceeds $2 billion & grows; 5 \\* 3 and snake\\_case stay literal.");
  return article;
}

static char *
write_temp (const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("dl-ninjs-XXXXXX.json", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static char *
schema_dir (void)
{
  /* ../shared/references/ninjs relative to the source root; never copied
   * into the repository. */
  g_autofree char *tests_dir = g_test_build_filename (G_TEST_DIST, ".", NULL);
  g_autofree char *root = g_path_get_dirname (tests_dir);
  g_autofree char *source_root = g_path_get_dirname (root);

  return g_build_filename (source_root, "..", "shared", "references", "ninjs", NULL);
}

static gboolean
validator_available (const char *schema)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { PYTHON, "-c", "import jsonschema", NULL };
  int status = 0;

  if (!g_file_test (schema, G_FILE_TEST_EXISTS))
    {
      g_autofree char *message = g_strdup_printf ("ninjs schema %s not found (../shared is absent)", schema);

      g_test_skip (message);
      return FALSE;
    }
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, NULL))
    {
      g_test_skip (PYTHON " with the jsonschema module (python3-jsonschema) is not installed");
      return FALSE;
    }
  return TRUE;
}

static void
assert_valid (const char *schema,
              const char *document)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_temp (document);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = {
    PYTHON, "-c",
    "import json,sys,jsonschema\n"
    "schema = json.load(open(sys.argv[1]))\n"
    "doc = json.load(open(sys.argv[2]))\n"
    "cls = jsonschema.validators.validator_for(schema)\n"
    "cls.check_schema(schema)\n"
    "errors = list(cls(schema, format_checker=cls.FORMAT_CHECKER).iter_errors(doc))\n"
    "for e in errors: print(list(e.absolute_path), e.message)\n"
    "sys.exit(1 if errors else 0)\n",
    schema, path, NULL
  };
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s does not validate against %s:\n%s%s\n%s", path, schema, out, err, document);
  g_unlink (path);
}

static void
test_ninjs_schema (gconstpointer data)
{
  DlNinjsVersion version = GPOINTER_TO_INT (data);
  g_autofree char *dir = schema_dir ();
  g_autofree char *schema = g_build_filename (dir, version == DL_NINJS_VERSION_2_1 ? "ninjs-schema_2.1.json"
                                                                                  : "ninjs-schema_2.0.json", NULL);
  g_autoptr(DlArticle) article = make_article ();
  g_autoptr(DlArticle) bare = dl_article_new ();
  g_autofree char *json = NULL;
  g_autofree char *bare_json = NULL;

  if (!validator_available (schema))
    return;

  json = dl_ninjs_export (article, version, NULL);
  assert_valid (schema, json);
  /* an article with nothing filled in is valid too */
  bare_json = dl_ninjs_export (bare, version, NULL);
  assert_valid (schema, bare_json);
}

static void
test_ninjs_fields (void)
{
  g_autoptr(DlArticle) article = make_article ();
  g_autoptr(JsonNode) node = dl_ninjs_export_node (article, DL_NINJS_VERSION_2_0, NULL);
  g_autoptr(JsonNode) node21 = dl_ninjs_export_node (article, DL_NINJS_VERSION_2_1, NULL);
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autofree char *uri = g_strdup_printf ("urn:uuid:%s", dl_article_get_uuid (article));
  g_autofree char *body = NULL;
  g_autofree char *file_uri = g_filename_to_uri (image_path, NULL, NULL);
  JsonObject *root = json_node_get_object (node);
  JsonObject *standard = json_object_get_object_member (root, "standard");
  JsonObject *headline = json_array_get_object_element (json_object_get_array_member (root, "headlines"), 0);
  JsonObject *summary = json_array_get_object_element (json_object_get_array_member (root, "descriptions"), 0);
  JsonObject *text = json_array_get_object_element (json_object_get_array_member (root, "bodies"), 0);
  JsonArray *subjects = json_object_get_array_member (root, "subjects");
  JsonArray *associations = json_object_get_array_member (root, "associations");
  JsonObject *picture;
  JsonObject *rendition;
  guint chars = 0;
  guint words = 0;

  body = dl_renderer_render_body (renderer, article, &chars, &words);

  g_assert_cmpstr (json_object_get_string_member (root, "uri"), ==, uri);
  g_assert_cmpstr (json_object_get_string_member (root, "type"), ==, "text");
  g_assert_cmpstr (json_object_get_string_member (standard, "name"), ==, "ninjs");
  g_assert_cmpstr (json_object_get_string_member (standard, "version"), ==, "2.0");
  g_assert_cmpstr (json_object_get_string_member (standard, "schema"), ==,
                   "http://www.iptc.org/std/ninjs/ninjs-schema_2.0.json");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (node21), "standard"), "version"), ==, "2.1");
  g_assert_cmpstr (json_object_get_string_member (headline, "role"), ==, "main");
  g_assert_cmpstr (json_object_get_string_member (headline, "value"), ==, dl_article_get_headline (article));
  g_assert_cmpstr (json_object_get_string_member (summary, "role"), ==, "summary");
  g_assert_cmpstr (json_object_get_string_member (summary, "value"), ==, dl_article_get_standfirst (article));
  g_assert_cmpstr (json_object_get_string_member (text, "role"), ==, "text");
  g_assert_cmpstr (json_object_get_string_member (text, "contenttype"), ==, "text/html");
  g_assert_cmpstr (json_object_get_string_member (text, "value"), ==, body);
  g_assert_true (g_str_has_prefix (body, "<p dir=\"auto\"><span class=\"dateline\">MINSK, 8 May (BelTA) - </span>The Minsk Office"));
  g_assert_cmpint (json_object_get_int_member (text, "charcount"), ==, chars);
  g_assert_cmpint (json_object_get_int_member (text, "wordcount"), ==, words);
  g_assert_cmpuint (words, >, 40);
  g_assert_cmpstr (json_object_get_string_member (root, "by"), ==, "Anna Ivanova and Frances d'Emilio");
  g_assert_cmpstr (json_object_get_string_member (root, "located"), ==, "Minsk");
  g_assert_cmpstr (json_object_get_string_member (root, "language"), ==, "en");
  g_assert_cmpstr (json_object_get_string_member (root, "contentcreated"), ==, "2025-05-08T10:06:00+03:00");
  g_assert_cmpstr (json_object_get_string_member (root, "embargoed"), ==, "2025-05-09T06:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (root, "slugline"), ==, "belarus-china-business");
  g_assert_true (json_object_has_member (root, "firstcreated"));
  g_assert_true (json_object_has_member (root, "versioncreated"));
  g_assert_false (json_object_has_member (root, "keywords"));

  g_assert_cmpuint (json_array_get_length (subjects), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (subjects, 0), "name"), ==, "Economy");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (subjects, 0), "rel"), ==, "category");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (subjects, 2), "name"), ==, "China");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (subjects, 2), "rel"), ==, "tag");

  g_assert_cmpuint (json_array_get_length (associations), ==, 1);
  picture = json_array_get_object_element (associations, 0);
  g_assert_cmpstr (json_object_get_string_member (picture, "name"), ==, "featured");
  g_assert_cmpstr (json_object_get_string_member (picture, "type"), ==, "picture");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (picture, "uri"), uri));
  g_assert_cmpstr (json_object_get_string_member (picture, "by"), ==, "BelCCI/Press office");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (picture, "descriptions"), 0), "value"), ==,
                   "Photo courtesy of the BelCCI");
  rendition = json_array_get_object_element (json_object_get_array_member (picture, "renditions"), 0);
  g_assert_cmpstr (json_object_get_string_member (rendition, "href"), ==, file_uri);
  g_assert_cmpstr (json_object_get_string_member (rendition, "contenttype"), ==, "image/jpeg");
}

static GStrv
author_names (DlArticle *article)
{
  GListModel *credits = dl_article_get_credits (article);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (credits); i++)
    {
      g_autoptr(DlCredit) credit = g_list_model_get_item (credits, i);

      if (dl_credit_get_role (credit) == DL_CREDIT_ROLE_AUTHOR)
        g_strv_builder_add (names, dl_credit_get_name (credit));
    }
  return g_strv_builder_end (names);
}

/* role|name|text of each credit, one per line */
static char *
credit_list (DlArticle *article)
{
  GListModel *credits = dl_article_get_credits (article);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (credits); i++)
    {
      g_autoptr(DlCredit) credit = g_list_model_get_item (credits, i);

      g_string_append_printf (text, "%s|%s|%s\n", dl_credit_role_to_string (dl_credit_get_role (credit)),
                              dl_credit_get_name (credit), dl_credit_get_text (credit));
    }
  return g_string_free (text, FALSE);
}

/* pubstatus says whether the item may be used: only what is on the site. */
static void
test_ninjs_pubstatus (void)
{
  const struct { DlArticleStatus status; const char *pubstatus; } cases[] = {
    { DL_ARTICLE_STATUS_DRAFT, "withheld" },
    { DL_ARTICLE_STATUS_READY, "withheld" },
    { DL_ARTICLE_STATUS_SCHEDULED, "withheld" },
    { DL_ARTICLE_STATUS_PUBLISHED, "usable" },
    { DL_ARTICLE_STATUS_CHANGED, "usable" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DlArticle) article = make_article ();
      g_autoptr(JsonNode) node = NULL;

      dl_article_set_status (article, cases[i].status);
      node = dl_ninjs_export_node (article, DL_NINJS_VERSION_2_0, NULL);
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "pubstatus"), ==,
                       cases[i].pubstatus);
      /* The embargo goes along whatever the status. */
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "embargoed"), ==,
                       "2025-05-09T06:00:00Z");
    }
}

static void
test_ninjs_round_trip (gconstpointer data)
{
  DlNinjsVersion version = GPOINTER_TO_INT (data);
  g_autoptr(DlArticle) article = make_article ();
  g_autoptr(DlArticle) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = dl_ninjs_export (article, version, NULL);
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) names_back = NULL;
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autofree char *html = NULL;
  g_autofree char *html_back = NULL;

  back = dl_ninjs_import_data (json, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);

  /* a new article, not the same identity */
  g_assert_cmpstr (dl_article_get_uuid (back), !=, dl_article_get_uuid (article));
  g_assert_cmpstr (dl_article_get_headline (back), ==, dl_article_get_headline (article));
  g_assert_cmpstr (dl_article_get_standfirst (back), ==, dl_article_get_standfirst (article));
  g_assert_cmpstr (dl_article_get_body (back), ==, dl_article_get_body (article));
  g_assert_cmpstr (dl_article_get_place (back), ==, "Minsk");
  g_assert_cmpstr (dl_article_get_language (back), ==, "en");
  g_assert_cmpstr (dl_article_get_category (back), ==, "Economy");
  g_assert_cmpstrv (dl_article_get_tags (back), dl_article_get_tags (article));
  g_assert_cmpstr (dl_article_get_source (back), ==, "BelTA");
  g_assert_cmpstr (dl_article_get_slug (back), ==, "belarus-china-business");
  g_assert_true (g_date_time_equal (dl_article_get_dateline_date (back), dl_article_get_dateline_date (article)));
  g_assert_true (g_date_time_equal (dl_article_get_embargo (back), dl_article_get_embargo (article)));
  names = author_names (article);
  names_back = author_names (back);
  g_assert_cmpstrv (names_back, names);
  /* Every credit, with its role and text: the author's organisation and
   * the photo credit were lost before. */
  {
    g_autofree char *credits = credit_list (article);
    g_autofree char *credits_back = credit_list (back);

    g_assert_cmpstr (credits_back, ==, credits);
    dl_test_assert_contains (credits_back, "author|Anna Ivanova|BelTA");
    dl_test_assert_contains (credits_back, "photo||courtesy of the BelCCI");
  }
  g_assert_cmpstr (dl_article_get_image_caption (back), ==, dl_article_get_image_caption (article));
  g_assert_cmpstr (dl_article_get_image_credit (back), ==, dl_article_get_image_credit (article));
  g_assert_cmpstr (dl_article_get_image_alt (back), ==, dl_article_get_image_alt (article));
  g_assert_cmpstr (dl_article_get_image_path (back), ==, image_path);

  /* and it renders the same */
  dl_article_set_time_zone (back, dl_article_get_time_zone (article));
  html = dl_renderer_render_body (renderer, article, NULL, NULL);
  html_back = dl_renderer_render_body (renderer, back, NULL, NULL);
  g_assert_cmpstr (html_back, ==, html);
}

static void
test_ninjs_import_examples (void)
{
  g_autofree char *dir = schema_dir ();
  g_autofree char *simple_path = g_build_filename (dir, "examples", "ninjsExSimpleText_2.json", NULL);
  g_autofree char *tt_path = g_build_filename (dir, "examples", "tt_text_image_2.json", NULL);
  g_autoptr(GFile) simple_file = g_file_new_for_path (simple_path);
  g_autoptr(GFile) tt_file = g_file_new_for_path (tt_path);
  g_autoptr(DlArticle) simple = NULL;
  g_autoptr(DlArticle) tt = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GDateTime) expected_date = NULL;
  const char *body;

  if (!g_file_test (simple_path, G_FILE_TEST_EXISTS) || !g_file_test (tt_path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the IPTC example documents in ../shared/references/ninjs/examples are absent");
      return;
    }

  simple = dl_ninjs_import_file (simple_file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dl_article_get_headline (simple), ==, "Captain of wrecked cruise ship on trial in Italy");
  names = author_names (simple);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
  g_assert_cmpstr (names[0], ==, "Paulo Santalucia");
  g_assert_cmpstr (names[1], ==, "Frances d'Emilio");
  body = dl_article_get_body (simple);
  /* the HTML body is preferred: four paragraphs */
  g_assert_true (g_str_has_prefix (body, "GROSSETO, Italy (AP) -- The trial"));
  dl_test_assert_contains (body, "tragedy.\n\nThe sole defendant");
  dl_test_assert_not_contains (body, "<");
  expected_date = g_date_time_new_from_iso8601 ("2013-07-09T10:37:00Z", NULL);
  g_assert_true (g_date_time_equal (dl_article_get_dateline_date (simple), expected_date));

  tt = dl_ninjs_import_file (tt_file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dl_article_get_headline (tt), ==, "Militärövning i jätteformat hålls 2023");
  g_assert_cmpstr (dl_article_get_language (tt), ==, "sv");
  g_assert_cmpstr (dl_article_get_slug (tt), ==, "militärövning");
  g_assert_cmpstr (dl_article_get_category (tt), ==, "Krig, konflikter och oroligheter");
  g_assert_true (g_str_has_prefix (dl_article_get_standfirst (tt), "Pandemin satte stopp"));
  g_assert_true (g_str_has_prefix (dl_article_get_image_caption (tt), "En stor internationell försvarsövning"));
  g_assert_cmpstr (dl_article_get_image_credit (tt), ==, "Karl Melander/TT");
  /* remote renditions are never downloaded */
  g_assert_cmpstr (dl_article_get_image_path (tt), ==, "");
  body = dl_article_get_body (tt);
  dl_test_assert_contains (body, "rapporterar [Sydöstran](https://www.sydostran.se/nyheter/");
  dl_test_assert_contains (body, "\n\n> Aurora 2023 kommer");
  dl_test_assert_not_contains (body, "<title>");
  dl_test_assert_not_contains (body, "TTNITF");
}

static void
test_ninjs_import_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DlArticle) article = NULL;

  article = dl_ninjs_import_data ("{ not json", -1, NULL, &error);
  g_assert_null (article);
  g_assert_error (error, DL_NINJS_ERROR, DL_NINJS_ERROR_PARSE);
  g_clear_error (&error);

  article = dl_ninjs_import_data ("[1, 2]", -1, NULL, &error);
  g_assert_null (article);
  g_assert_error (error, DL_NINJS_ERROR, DL_NINJS_ERROR_NOT_NINJS);
  g_clear_error (&error);

  article = dl_ninjs_import_data ("{\"name\": \"a WordPress post\"}", -1, NULL, &error);
  g_assert_null (article);
  g_assert_error (error, DL_NINJS_ERROR, DL_NINJS_ERROR_NOT_NINJS);
  g_clear_error (&error);

  /* Wrong types never crash; with nothing usable left the item is
   * refused, and the message says what was wrong. */
  article = dl_ninjs_import_data ("{\"uri\": \"x\", \"headlines\": 5, \"bodies\": [7, {\"value\": 3}],"
                                  " \"by\": [\"x\"], \"subjects\": {\"a\": 1}, \"associations\": \"no\"}", -1, NULL, &error);
  g_assert_null (article);
  g_assert_error (error, DL_NINJS_ERROR, DL_NINJS_ERROR_EMPTY);
  dl_test_assert_contains (error->message, "“headlines” is not a list");
  dl_test_assert_contains (error->message, "“bodies[0]” is not an object");
  dl_test_assert_contains (error->message, "“bodies[1].value” is not text");
  g_clear_error (&error);

  /* ninjs 1.x: associations as an object keyed by name */
  article = dl_ninjs_import_data ("{\"uri\": \"x\", \"headlines\": [{\"value\": \"H\"}],"
                                  " \"bodies\": [{\"value\": \"Line one\\nLine *two*\"}],"
                                  " \"associations\": {\"featureimage\": {\"type\": \"picture\","
                                  " \"by\": \"P\", \"descriptions\": [{\"value\": \"Cap\"}]}}}", -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dl_article_get_headline (article), ==, "H");
  g_assert_cmpstr (dl_article_get_body (article), ==, "Line one\n\nLine \\*two\\*");
  g_assert_cmpstr (dl_article_get_image_caption (article), ==, "Cap");
  g_assert_cmpstr (dl_article_get_image_credit (article), ==, "P");
}

static void
test_ninjs_hostile_html (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DlArticle) article = NULL;
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autofree char *html = NULL;
  const char *doc =
    "{\"uri\": \"urn:x\", \"bodies\": [{\"contenttype\": \"text/html\", \"value\":"
    " \"<p onclick='x()'>Hi<script>alert('PWNED')</script> <a href=' JaVa&#x09;Script:alert(1)'>link</a>"
    " <b>bold</b><img src=x onerror=alert(2)><style>p{color:red}</style></p>"
    "<iframe src='https://evil.example'>inside</iframe><svg><text>svg text</text></svg>"
    "<p>a &lt;b&gt; tag &amp; [brackets] *stars* # not heading</p><pre>keep  <b>spacing</b>\\n</pre>"
    "<p>unclosed <a href='https://ok.example/x y'>ok <i>link\"}]}";
  const char *body;

  article = dl_ninjs_import_data (doc, -1, NULL, &error);
  g_assert_no_error (error);
  body = dl_article_get_body (article);
  dl_test_assert_not_contains (body, "alert");
  dl_test_assert_not_contains (body, "PWNED");
  dl_test_assert_not_contains (body, "color:red");
  dl_test_assert_not_contains (body, "inside");
  dl_test_assert_not_contains (body, "svg text");
  dl_test_assert_not_contains (body, "Script");
  g_assert_true (g_str_has_prefix (body, "Hi link **bold**\n\n"));
  dl_test_assert_contains (body, "a \\<b> tag & \\[brackets\\] \\*stars\\* # not heading");
  dl_test_assert_contains (body, "```\nkeep  spacing\n```");
  dl_test_assert_contains (body, "unclosed [ok *link*](https://ok.example/x%20y)");

  html = dl_renderer_render_body (renderer, article, NULL, NULL);
  dl_test_assert_contains (html, "a &lt;b&gt; tag &amp; [brackets] *stars* # not heading");
}

static void
test_ninjs_html_to_markdown (void)
{
  struct { const char *html; const char *markdown; } cases[] = {
    { "<ul><li>a</li><li>b<ul><li>c</li></ul></li><li>d</li></ul>", "- a\n- b\n  - c\n- d" },
    { "<ol start=\"3\"><li>x</li><li>y</li></ol><p>after</p>", "3. x\n4. y\n\nafter" },
    { "<ul><li><p>loose</p></li><li><p>items</p></li></ul>", "- loose\n\n- items" },
    { "<blockquote><p>one</p><p>two</p></blockquote>", "> one\n\n> two" },
    { "<p>line<br>break</p>", "line\\\nbreak" },
    { "<h1>Top</h1><h3>Sub</h3>", "# Top\n\n## Sub" },
    { "<p>1. not a list</p><p>- nor this</p><p>+ or this</p>", "1\\. not a list\n\n\\- nor this\n\n\\+ or this" },
    { "<p><code>a*b</code> and <code>x`y</code></p>", "`a*b` and `` x`y ``" },
    { "<p>&copy; &unknown; &#x41;&#66; &amp;amp;</p>", "© \\&unknown; AB \\&amp;" },
    { "<p><b></b>empty<em> </em>marks</p>", "empty marks" },
    { "<hr><p>x</p><p>- - -</p>", "---\n\nx\n\n\\- - -" },
    { "text <!-- comment <p> --> more", "text more" },
    { "<p><a href=\"#frag\">in page</a> <a>no href</a></p>", "[in page](#frag) no href" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *markdown = dl_html_to_markdown (cases[i].html);

      g_assert_cmpstr (markdown, ==, cases[i].markdown);
    }
}


/* Wrong types and unreadable dates were dropped without a word. */
static void
test_ninjs_import_warnings (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autoptr(DlArticle) article = NULL;

  article = dl_ninjs_import_data ("{\"uri\":\"x\",\"headlines\":[{\"value\":\"Headline\"}],"
                                  "\"bodies\":[{\"value\":\"Text\"}],\"by\":7,"
                                  "\"firstcreated\":\"yesterday\",\"embargoed\":\"soon\","
                                  "\"subjects\":[\"Economy\",{\"name\":\"Trade\",\"rel\":\"tag\"}]}",
                                  -1, &warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dl_article_get_headline (article), ==, "Headline");
  g_assert_cmpstr (dl_article_get_tags (article)[0], ==, "Trade");
  g_assert_nonnull (warnings);
  g_assert_cmpuint (g_strv_length (warnings), ==, 4);
  g_assert_cmpstr (warnings[0], ==, "“by” is not text, so it was left out.");
  dl_test_assert_contains (warnings[1], "“firstcreated” is not a date and time (“yesterday”): the time of the import is used instead");
  dl_test_assert_contains (warnings[2], "“embargoed”");
  dl_test_assert_contains (warnings[2], "no embargo");
  g_assert_cmpstr (warnings[3], ==, "“subjects[0]” is not an object, so it was left out.");
  g_clear_pointer (&warnings, g_strfreev);
  g_clear_object (&article);

  /* A clean item has none. */
  article = dl_ninjs_import_data ("{\"uri\":\"x\",\"headlines\":[{\"value\":\"H\"}]}", -1, &warnings, &error);
  g_assert_no_error (error);
  g_assert_null (warnings);

  /* Too deep for the reader: refused like an article file. */
  {
    GString *deep = g_string_new ("{\"uri\":\"x\",\"a\":");
    g_autoptr(DlArticle) none = NULL;

    for (guint i = 0; i < 100000; i++)
      g_string_append_c (deep, '[');
    g_clear_error (&error);
    none = dl_ninjs_import_data (deep->str, -1, NULL, &error);
    g_assert_null (none);
    g_assert_error (error, DL_NINJS_ERROR, DL_NINJS_ERROR_PARSE);
    dl_test_assert_contains (error->message, "nested");
    g_string_free (deep, TRUE);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int fd;
  int status;

  g_test_init (&argc, &argv, NULL);

  fd = g_file_open_tmp ("dl-ninjs-photo-XXXXXX.jpg", &image_path, &error);
  g_assert_no_error (error);
  close (fd);

  g_test_add_func ("/ninjs/fields", test_ninjs_fields);
  g_test_add_func ("/ninjs/pubstatus", test_ninjs_pubstatus);
  g_test_add_data_func ("/ninjs/schema-2.0", GINT_TO_POINTER (DL_NINJS_VERSION_2_0), test_ninjs_schema);
  g_test_add_data_func ("/ninjs/schema-2.1", GINT_TO_POINTER (DL_NINJS_VERSION_2_1), test_ninjs_schema);
  g_test_add_data_func ("/ninjs/round-trip-2.0", GINT_TO_POINTER (DL_NINJS_VERSION_2_0), test_ninjs_round_trip);
  g_test_add_data_func ("/ninjs/round-trip-2.1", GINT_TO_POINTER (DL_NINJS_VERSION_2_1), test_ninjs_round_trip);
  g_test_add_func ("/ninjs/import-examples", test_ninjs_import_examples);
  g_test_add_func ("/ninjs/import-errors", test_ninjs_import_errors);
  g_test_add_func ("/ninjs/import-warnings", test_ninjs_import_warnings);
  g_test_add_func ("/ninjs/hostile-html", test_ninjs_hostile_html);
  g_test_add_func ("/ninjs/html-to-markdown", test_ninjs_html_to_markdown);

  status = g_test_run ();
  g_unlink (image_path);
  g_free (image_path);
  return status;
}
