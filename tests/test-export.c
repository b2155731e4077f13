/* test-export.c: HTML and Markdown exports, and the CLI's render/export/import functions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "dl-cli-render.h"
#include "dl-export-format.h"
#include "dl-exporter.h"
#include "dl-local-image.h"
#include "dl-ninjs.h"
#include "dl-test-util.h"

typedef struct
{
  char *dir;
  char *image;
} Fixture;

/* A real 2 × 2 JPEG: exports copy only what is really an image. */
static const char image_bytes[] =
  "\xff\xd8\xff\xe0\x00\x10\x4a\x46\x49\x46\x00\x01\x01\x00\x00\x01"
  "\x00\x01\x00\x00\xff\xdb\x00\x43\x00\x10\x0b\x0c\x0e\x0c\x0a\x10"
  "\x0e\x0d\x0e\x12\x11\x10\x13\x18\x28\x1a\x18\x16\x16\x18\x31\x23"
  "\x25\x1d\x28\x3a\x33\x3d\x3c\x39\x33\x38\x37\x40\x48\x5c\x4e\x40"
  "\x44\x57\x45\x37\x38\x50\x6d\x51\x57\x5f\x62\x67\x68\x67\x3e\x4d"
  "\x71\x79\x70\x64\x78\x5c\x65\x67\x63\xff\xdb\x00\x43\x01\x11\x12"
  "\x12\x18\x15\x18\x2f\x1a\x1a\x2f\x63\x42\x38\x42\x63\x63\x63\x63"
  "\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63"
  "\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63"
  "\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\xff\xc0"
  "\x00\x11\x08\x00\x02\x00\x02\x03\x01\x22\x00\x02\x11\x01\x03\x11"
  "\x01\xff\xc4\x00\x15\x00\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00"
  "\x00\x00\x00\x00\x00\x00\x00\x05\xff\xc4\x00\x14\x10\x01\x00\x00"
  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\xff\xc4"
  "\x00\x15\x01\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
  "\x00\x00\x00\x05\x06\xff\xc4\x00\x14\x11\x01\x00\x00\x00\x00\x00"
  "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\xff\xda\x00\x0c\x03"
  "\x01\x00\x02\x11\x03\x11\x00\x3f\x00\x8a\x00\xb5\xe3\xff\xd9";

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *photos = NULL;

  fixture->dir = g_dir_make_tmp ("dl-export-XXXXXX", &error);
  g_assert_no_error (error);
  photos = g_build_filename (fixture->dir, "photos", NULL);
  g_mkdir (photos, 0700);
  fixture->image = g_build_filename (photos, "belcci photo.jpg", NULL);
  g_file_set_contents (fixture->image, image_bytes, sizeof image_bytes - 1, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->image);
}

static DlArticle *
make_article (Fixture *fixture)
{
  DlArticle *article = dl_test_belta_article ();
  g_autoptr(DlCredit) author = dl_credit_new (DL_CREDIT_ROLE_AUTHOR, "Anna Ivanova", "BelTA");
  g_autoptr(DlCredit) photo = dl_credit_new (DL_CREDIT_ROLE_PHOTO, "", "courtesy of the BelCCI");
  const char *tags[] = { "Belarus", "China: \"trade\"", NULL };

  /* Characters that YAML and JSON must escape. */
  dl_article_set_headline (article, "Belarus, China discuss \"business\" prospects: no # comment");
  dl_article_set_standfirst (article, "Line one\nline two\twith a tab \\ and a backslash");
  dl_article_add_credit (article, author);
  dl_article_add_credit (article, photo);
  dl_article_set_tags (article, tags);
  dl_article_set_image_path (article, fixture->image);
  dl_article_set_body (article, "The Minsk Office hosted a meeting.\n\n---\n\nSecond paragraph.");
  return article;
}

static void
assert_image_copy (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, image_bytes, sizeof image_bytes - 1);
}

static void
test_export_html (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(DlArticle) article = make_article (fixture);
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autofree char *out_dir = g_build_filename (fixture->dir, "site", NULL);
  g_autofree char *page_path = g_build_filename (out_dir, "article.html", NULL);
  g_autofree char *copied = g_build_filename (out_dir, "belcci photo.jpg", NULL);
  g_autofree char *renamed = g_build_filename (out_dir, "belcci photo-2.jpg", NULL);
  g_autoptr(GFile) page_file = g_file_new_for_path (page_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *page = NULL;

  g_mkdir (out_dir, 0700);
  dl_renderer_set_image_mode (renderer, DL_RENDER_IMAGES_PREVIEW);
  g_assert_true (dl_exporter_export (article, DL_EXPORT_FORMAT_HTML, renderer, page_file, NULL, &error));
  g_assert_no_error (error);
  /* the caller's renderer is left as it was */
  g_assert_cmpint (dl_renderer_get_image_mode (renderer), ==, DL_RENDER_IMAGES_PREVIEW);

  assert_image_copy (copied);
  page = dl_test_read_file (page_path);
  g_assert_true (g_str_has_prefix (page, "<!DOCTYPE html>"));
  dl_test_assert_contains (page, "<img class=\"dl-featured-image\" src=\"belcci%20photo.jpg\"");
  dl_test_assert_not_contains (page, "dateline-image:");
  dl_test_assert_contains (page, "script-src 'none'");
  dl_test_assert_contains (page, "<span class=\"dateline\">MINSK, 8 May (BelTA) - </span>The Minsk Office");

  /* Exporting again beside an identical copy reuses it. */
  g_assert_true (dl_exporter_export_html (article, NULL, page_file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (renamed, G_FILE_TEST_EXISTS));
}

static void
test_export_html_name_clash (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(DlArticle) article = make_article (fixture);
  g_autofree char *page_path = g_build_filename (fixture->dir, "article.html", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "belcci photo.jpg", NULL);
  g_autofree char *renamed = g_build_filename (fixture->dir, "belcci photo-2.jpg", NULL);
  g_autoptr(GFile) page_file = g_file_new_for_path (page_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *page = NULL;
  g_autofree char *kept = NULL;

  /* Another file with the image's name is already there: never overwritten. */
  g_file_set_contents (other, "someone else's photo", -1, &error);
  g_assert_no_error (error);
  g_assert_true (dl_exporter_export_html (article, NULL, page_file, NULL, &error));
  g_assert_no_error (error);

  kept = dl_test_read_file (other);
  g_assert_cmpstr (kept, ==, "someone else's photo");
  assert_image_copy (renamed);
  page = dl_test_read_file (page_path);
  dl_test_assert_contains (page, "src=\"belcci%20photo-2.jpg\"");
}

static void
test_export_html_missing_image (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(DlArticle) article = make_article (fixture);
  g_autofree char *page_path = g_build_filename (fixture->dir, "article.html", NULL);
  g_autoptr(GFile) page_file = g_file_new_for_path (page_path);
  g_autoptr(GError) error = NULL;

  dl_article_set_image_path (article, "/nonexistent/dl-photo.jpg");
  g_assert_false (dl_exporter_export_html (article, NULL, page_file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  dl_test_assert_contains (error->message, "/nonexistent/dl-photo.jpg");
  g_assert_false (g_file_test (page_path, G_FILE_TEST_EXISTS));
}

static void
test_export_markdown (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(DlArticle) article = make_article (fixture);
  g_autofree char *markdown = dl_exporter_markdown (article, NULL);
  g_autofree char *expected_image = g_strdup_printf ("image:\n  path: \"%s\"\n  caption: \"Photo courtesy of the BelCCI\"\n", fixture->image);
  g_autofree char *path = g_build_filename (fixture->dir, "article.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *body_start;
  int status = 0;

  g_assert_true (g_str_has_prefix (markdown, "---\ntitle: \"Belarus, China discuss \\\"business\\\" prospects: no # comment\"\n"));
  dl_test_assert_contains (markdown, "\nheadline: \"Belarus, China discuss \\\"business\\\" prospects: no # comment\"\n");
  dl_test_assert_contains (markdown, "\nstandfirst: \"Line one\\nline two\\twith a tab \\\\ and a backslash\"\n");
  dl_test_assert_contains (markdown, "\ndateline: \"MINSK, 8 May (BelTA) - \"\n");
  dl_test_assert_contains (markdown, "\nplace: \"Minsk\"\n");
  dl_test_assert_contains (markdown, "\ndate: \"2025-05-08T10:06:00+03:00\"\n");
  dl_test_assert_contains (markdown, "\ncredits:\n  - role: \"author\"\n    name: \"Anna Ivanova\"\n    text: \"BelTA\"\n"
                                      "  - role: \"photo\"\n    text: \"courtesy of the BelCCI\"\n");
  dl_test_assert_contains (markdown, "\ncategory: \"Economy\"\n");
  dl_test_assert_contains (markdown, "\ntags:\n  - \"Belarus\"\n  - \"China: \\\"trade\\\"\"\n");
  dl_test_assert_contains (markdown, "\nlanguage: \"en\"\n");
  dl_test_assert_contains (markdown, expected_image);
  dl_test_assert_not_contains (markdown, "embargo:");   /* empty fields are left out */

  /* front matter, a blank line, then the body exactly as written */
  body_start = strstr (markdown + 4, "\n---\n\n");
  g_assert_nonnull (body_start);
  g_assert_cmpstr (body_start + 6, ==, "The Minsk Office hosted a meeting.\n\n---\n\nSecond paragraph.\n");

  g_assert_true (dl_exporter_export (article, DL_EXPORT_FORMAT_MARKDOWN, NULL, file, NULL, &error));
  g_assert_no_error (error);
  written = dl_test_read_file (path);
  g_assert_cmpstr (written, ==, markdown);

  /* A real YAML parser reads the same values back, when one is installed. */
  {
    const char *argv[] = {
      "/usr/bin/python3", "-c",
      "import sys,yaml\n"
      "text = open(sys.argv[1], encoding='utf-8').read()\n"
      "front = yaml.safe_load(text.split('---\\n')[1])\n"
      "assert front['headline'] == 'Belarus, China discuss \"business\" prospects: no # comment', front\n"
      "assert front['standfirst'] == 'Line one\\nline two\\twith a tab \\\\ and a backslash', front\n"
      "assert front['tags'] == ['Belarus', 'China: \"trade\"'], front\n"
      "assert front['credits'][1] == {'role': 'photo', 'text': 'courtesy of the BelCCI'}, front\n",
      path, NULL
    };

    if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE))
      return;
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
    if (strstr (err, "No module named 'yaml'") != NULL)
      {
        g_test_message ("python3-yaml is not installed; YAML parse check skipped");
        return;
      }
    if (!g_spawn_check_wait_status (status, NULL))
      g_error ("front matter does not parse as expected:\n%s%s", out, err);
  }
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;

  dl_exporter_export_finish (result, error);
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");   /* marks completion */
}

static void
test_export_async (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(DlArticle) article = make_article (fixture);
  g_autofree char *path = g_build_filename (fixture->dir, "article.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DlArticle) back = NULL;
  g_autofree char *json = NULL;

  dl_exporter_export_async (article, DL_EXPORT_FORMAT_NINJS_2_1, NULL, NULL, file, NULL, on_export_done, &error);
  /* edits after the call do not reach the export: it works on a copy */
  dl_article_set_headline (article, "Changed later");
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);

  json = dl_test_read_file (path);
  dl_test_assert_contains (json, "\"version\" : \"2.1\"");
  g_clear_error (&error);
  back = dl_ninjs_import_data (json, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dl_article_get_headline (back), ==, "Belarus, China discuss \"business\" prospects: no # comment");
}

static void
test_export_formats (void)
{
  const DlExportFormatInfo *list;
  g_autofree char *names = dl_export_format_dup_names ();
  guint n = 0;

  g_assert_cmpint (dl_export_format_lookup ("HTML")->format, ==, DL_EXPORT_FORMAT_HTML);
  g_assert_cmpint (dl_export_format_lookup ("md")->format, ==, DL_EXPORT_FORMAT_MARKDOWN);
  g_assert_cmpint (dl_export_format_lookup ("ninjs")->format, ==, DL_EXPORT_FORMAT_NINJS);
  g_assert_cmpint (dl_export_format_lookup ("ninjs-2.0")->format, ==, DL_EXPORT_FORMAT_NINJS);
  g_assert_cmpint (dl_export_format_lookup ("ninjs-2.1")->format, ==, DL_EXPORT_FORMAT_NINJS_2_1);
  g_assert_cmpint (dl_export_format_lookup ("json")->format, ==, DL_EXPORT_FORMAT_DATELINE);
  g_assert_null (dl_export_format_lookup ("pdf"));
  g_assert_null (dl_export_format_lookup (NULL));
  g_assert_cmpstr (dl_export_format_get_info (DL_EXPORT_FORMAT_MARKDOWN)->extension, ==, ".md");

  /* One table: every entry is complete and found under its own id. */
  list = dl_export_format_list (&n);
  g_assert_cmpuint (n, ==, 5);
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (dl_export_format_lookup (list[i].id) == &list[i]);
      g_assert_true (dl_export_format_get_info (list[i].format) == &list[i]);
      g_assert_true (g_str_has_prefix (list[i].extension, "."));
      g_assert_nonnull (strchr (list[i].mime_type, '/'));
      g_assert_cmpstr (dl_export_format_info_get_label (&list[i]), !=, "");
      dl_test_assert_contains (names, list[i].id);
    }
}

static void
test_cli_export_and_import (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(DlArticle) article = make_article (fixture);
  g_autofree char *ninjs_path = g_build_filename (fixture->dir, "out.json", NULL);
  g_autofree char *html_path = g_build_filename (fixture->dir, "out.html", NULL);
  g_autofree char *md_path = g_build_filename (fixture->dir, "out.md", NULL);
  g_autofree char *copied = g_build_filename (fixture->dir, "belcci photo.jpg", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DlArticle) back = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *markdown = NULL;
  g_autoptr(GFile) ninjs_file = NULL;
  g_autoptr(GFile) md_file = NULL;
  g_autoptr(GFile) missing = NULL;

  g_assert_cmpint (dl_cli_export_article (article, NULL, "ninjs-2.1", ninjs_path, &error), ==, 0);
  g_assert_no_error (error);
  json_parser_load_from_file (parser, ninjs_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "standard"), "version"), ==, "2.1");

  g_assert_cmpint (dl_cli_export_article (article, NULL, "html", html_path, &error), ==, 0);
  g_assert_no_error (error);
  assert_image_copy (copied);

  g_assert_cmpint (dl_cli_export_article (article, NULL, "markdown", md_path, &error), ==, 0);
  g_assert_no_error (error);
  markdown = dl_test_read_file (md_path);
  g_assert_true (g_str_has_prefix (markdown, "---\ntitle: "));

  g_assert_cmpint (dl_cli_export_article (article, NULL, "pdf", md_path, &error), ==, 2);
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  dl_test_assert_contains (error->message, "pdf");
  g_clear_error (&error);
  g_assert_cmpint (dl_cli_export_article (article, NULL, "html", "-", &error), ==, 2);
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_cmpint (dl_cli_export_article (article, NULL, "ninjs", "", &error), ==, 2);
  g_clear_error (&error);
  g_assert_cmpint (dl_cli_export_article (article, NULL, "ninjs", "/nonexistent-dir/x.json", &error), ==, 1);
  g_assert_nonnull (error);
  g_clear_error (&error);

  ninjs_file = g_file_new_for_path (ninjs_path);
  back = dl_ninjs_import_file (ninjs_file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dl_article_get_headline (back), ==, dl_article_get_headline (article));
  g_assert_cmpstr (dl_article_get_body (back), ==, dl_article_get_body (article));
  g_assert_cmpstr (dl_article_get_image_path (back), ==, fixture->image);

  md_file = g_file_new_for_path (md_path);
  g_assert_null (dl_ninjs_import_file (md_file, NULL, NULL, &error));
  g_assert_error (error, DL_NINJS_ERROR, DL_NINJS_ERROR_PARSE);
  g_clear_error (&error);
  missing = g_file_new_for_path ("/nonexistent/x.json");
  g_assert_null (dl_ninjs_import_file (missing, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_cli_render (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(DlArticle) article = make_article (fixture);
  g_autofree char *page_path = g_build_filename (fixture->dir, "page.html", NULL);
  g_autofree char *page = NULL;
  g_autofree char *template_dir = g_build_filename (fixture->dir, "tpl", NULL);
  g_autofree char *template_file = g_build_filename (template_dir, "template.html", NULL);
  g_autofree char *copied = g_build_filename (fixture->dir, "belcci photo.jpg", NULL);
  g_autoptr(GError) error = NULL;

  {
    char *argv[] = { (char *) "render", (char *) "-o", page_path, (char *) "--dark", NULL };

    g_assert_cmpint (dl_cli_render_article (article, NULL, G_N_ELEMENTS (argv) - 1, argv), ==, 0);
  }
  page = dl_test_read_file (page_path);
  dl_test_assert_contains (page, "<meta name=\"color-scheme\" content=\"dark\">");
  dl_test_assert_contains (page, "src=\"belcci%20photo.jpg\"");
  assert_image_copy (copied);

  /* a folder without template.html */
  g_mkdir (template_dir, 0700);
  {
    char *argv[] = { (char *) "render", (char *) "--template", template_dir, (char *) "-o", page_path, NULL };

    g_assert_cmpint (dl_cli_render_article (article, NULL, G_N_ELEMENTS (argv) - 1, argv), ==, 1);
  }
  g_file_set_contents (template_file, "<html><head>{{head}}</head><body><h1>SITE</h1>{{article}}</body></html>", -1, &error);
  g_assert_no_error (error);
  {
    char *argv[] = { (char *) "render", (char *) "--template", template_dir, (char *) "-o", page_path, NULL };

    g_assert_cmpint (dl_cli_render_article (article, NULL, G_N_ELEMENTS (argv) - 1, argv), ==, 0);
  }
  g_free (page);
  page = dl_test_read_file (page_path);
  g_assert_true (g_str_has_prefix (page, "<html><head><meta charset=\"utf-8\">"));
  dl_test_assert_contains (page, "<h1>SITE</h1><article id=\"dl-article\"");

  {
    char *argv[] = { (char *) "render", (char *) "--no-such-option", NULL };

    g_assert_cmpint (dl_cli_render_article (article, NULL, G_N_ELEMENTS (argv) - 1, argv), ==, 2);
  }
}

/* A local image in the body is copied beside the page too, and the page
 * refers to the copy by its file name, never to the original path. */
static void
test_export_html_body_images (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(DlArticle) article = make_article (fixture);
  g_autofree char *out_dir = g_build_filename (fixture->dir, "site", NULL);
  g_autofree char *page_path = g_build_filename (out_dir, "article.html", NULL);
  g_autofree char *chart = g_build_filename (fixture->dir, "photos", "trade chart.jpg", NULL);
  g_autofree char *copied = g_build_filename (out_dir, "trade chart.jpg", NULL);
  g_autofree char *body = NULL;
  g_autofree char *page = NULL;
  g_autoptr(GFile) page_file = g_file_new_for_path (page_path);
  g_autoptr(GError) error = NULL;

  g_mkdir (out_dir, 0700);
  g_assert_true (g_file_set_contents (chart, image_bytes, sizeof image_bytes - 1, &error));
  body = g_strdup_printf ("Trade grew.\n\n![The chart](<%s>)\n", chart);
  dl_article_set_body (article, body);

  g_assert_true (dl_exporter_export_html (article, NULL, page_file, NULL, &error));
  g_assert_no_error (error);
  assert_image_copy (copied);
  page = dl_test_read_file (page_path);
  dl_test_assert_contains (page, "src=\"trade%20chart.jpg\" alt=\"The chart\"");
  dl_test_assert_not_contains (page, fixture->dir);

  /* A body image that does not exist: nothing written, a clear error. */
  g_clear_pointer (&body, g_free);
  body = g_strdup_printf ("![Gone](%s/photos/missing.jpg)\n", fixture->dir);
  dl_article_set_body (article, body);
  g_assert_false (dl_exporter_export_html (article, NULL, page_file, NULL, &error));
  g_assert_nonnull (error);
  dl_test_assert_contains (error->message, "missing.jpg");
}

/* With a site template, the exported page brings the template's CSS and
 * images along (same folders), without template.html and without
 * overwriting anything already beside the page. */
static void
test_export_html_template_assets (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(DlArticle) article = make_article (fixture);
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autofree char *template_dir = g_build_filename (fixture->dir, "site-template", NULL);
  g_autofree char *css_dir = g_build_filename (template_dir, "css", NULL);
  g_autofree char *template_html = g_build_filename (template_dir, "template.html", NULL);
  g_autofree char *css = g_build_filename (css_dir, "site.css", NULL);
  g_autofree char *logo = g_build_filename (template_dir, "logo.svg", NULL);
  g_autofree char *out_dir = g_build_filename (fixture->dir, "out-site", NULL);
  g_autofree char *page_path = g_build_filename (out_dir, "story.html", NULL);
  g_autofree char *copied_css = g_build_filename (out_dir, "css", "site.css", NULL);
  g_autofree char *copied_logo = g_build_filename (out_dir, "logo.svg", NULL);
  g_autofree char *copied_template = g_build_filename (out_dir, "template.html", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) dir = g_file_new_for_path (template_dir);
  g_autoptr(GFile) page_file = g_file_new_for_path (page_path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (css_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (out_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (template_html,
                                      "<!DOCTYPE html><html lang=\"{{lang}}\"><head>{{head}}"
                                      "<link rel=\"stylesheet\" href=\"css/site.css\"></head>"
                                      "<body><img src=\"logo.svg\" alt=\"\">{{article}}</body></html>", -1, &error));
  g_assert_true (g_file_set_contents (css, "body { color: #123; }", -1, &error));
  g_assert_true (g_file_set_contents (logo, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", -1, &error));
  /* Someone's own logo is already there. */
  g_assert_true (g_file_set_contents (copied_logo, "mine", -1, &error));
  g_assert_true (dl_renderer_set_template_dir (renderer, dir, &error));
  g_assert_no_error (error);

  g_assert_true (dl_exporter_export_html (article, renderer, page_file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (copied_css, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "body { color: #123; }");
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (copied_logo, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "mine");
  g_assert_false (g_file_test (copied_template, G_FILE_TEST_EXISTS));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (page_path, &contents, NULL, NULL));
  dl_test_assert_contains (contents, "href=\"css/site.css\"");

  /* Exporting again works: what is there is left alone. */
  g_assert_true (dl_exporter_export_html (article, renderer, page_file, NULL, &error));
  g_assert_no_error (error);
}


/* ------------------------------------------------------------------ */
/* Local files that are not images (docs/RELIABILITY.md)               */

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* An imported article could set image.path to /etc/passwd or put
 * ![x](/etc/shadow) in its body, and the export copied them beside the
 * page. Now only what really is an image of a sane size leaves. */
static void
test_export_html_refuses_non_images (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *out_dir = g_build_filename (fixture->dir, "out", NULL);
  g_autofree char *page_path = g_build_filename (out_dir, "page.html", NULL);
  g_autofree char *secret = g_build_filename (fixture->dir, "secret.png", NULL);
  g_autofree char *fifo = g_build_filename (fixture->dir, "pipe.jpg", NULL);
  g_autofree char *bomb = g_build_filename (fixture->dir, "bomb.png", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "passwd.jpg", NULL);
  g_autoptr(GFile) page = g_file_new_for_path (page_path);
  g_autofree char *secret_uri = g_filename_to_uri (secret, NULL, NULL);
  g_autofree char *secret_uri_body = g_strdup_printf ("![x](%s)", secret_uri);
  /* A PNG signature and an IHDR of 100,000 × 100,000 pixels. */
  static const char bomb_header[] =
    "\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x01\x86\xa0\x00\x01\x86\xa0\x08\x06\x00\x00\x00\x00\x00\x00\x00";
  struct { const char *image; const char *body; const char *reason; } cases[] = {
    { "/etc/passwd", "", "not a PNG, JPEG, GIF or WebP image" },
    { NULL, "Text\n\n![x](/etc/shadow)\n", "/etc/shadow" },
    { NULL, secret_uri_body, "secret.png" },
    { secret, "", "not a PNG, JPEG, GIF or WebP image" },
    { link, "", "not a PNG, JPEG, GIF or WebP image" },
    { fifo, "", "not a regular file" },
    { "/dev/zero", "", "not a regular file" },
    { bomb, "", "more than Dateline accepts" },
    { "relative/photo.jpg", "", "not a full path" },
  };

  g_mkdir (out_dir, 0700);
  g_assert_true (g_file_set_contents (secret, "password=hunter2\n", -1, NULL));
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_true (g_file_set_contents (bomb, bomb_header, sizeof bomb_header - 1, NULL));
  g_assert_cmpint (symlink ("/etc/passwd", link), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DlArticle) article = make_article (fixture);
      g_autoptr(GError) error = NULL;

      dl_article_set_image_path (article, cases[i].image != NULL ? cases[i].image : "");
      dl_article_set_body (article, cases[i].body);
      g_assert_false (dl_exporter_export (article, DL_EXPORT_FORMAT_HTML, NULL, page, NULL, &error));
      g_assert_nonnull (error);
      g_test_message ("case %u: %s", i, error->message);
      if (strstr (error->message, cases[i].reason) == NULL)
        g_error ("case %u: “%s” does not mention “%s”", i, error->message, cases[i].reason);
      /* Nothing was written beside the page, not even the page. */
      g_assert_cmpuint (count_entries (out_dir), ==, 0);
    }
}

/* The file dialog suggests "slug.html" before the format is chosen: the
 * name follows the format (the bug: Markdown and ninjs kept ".html"). */
static void
test_export_file_name_follows_format (void)
{
  const struct { const char *name; DlExportFormat format; const char *expected; } cases[] = {
    { "belarus-china.html", DL_EXPORT_FORMAT_MARKDOWN, "belarus-china.md" },
    { "belarus-china.html", DL_EXPORT_FORMAT_NINJS, "belarus-china.json" },
    { "belarus-china.html", DL_EXPORT_FORMAT_DATELINE, "belarus-china.dateline" },
    { "belarus-china.md", DL_EXPORT_FORMAT_HTML, "belarus-china.html" },
    { "belarus-china.HTML", DL_EXPORT_FORMAT_HTML, "belarus-china.HTML" },
    { "belarus-china", DL_EXPORT_FORMAT_MARKDOWN, "belarus-china.md" },
    { "notes.txt", DL_EXPORT_FORMAT_MARKDOWN, "notes.txt" },
    { "v1.2 draft.json", DL_EXPORT_FORMAT_NINJS_2_1, "v1.2 draft.json" },
    { ".hidden", DL_EXPORT_FORMAT_HTML, ".hidden.html" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = dl_export_format_name_file (cases[i].name, dl_export_format_get_info (cases[i].format));

      g_assert_cmpstr (name, ==, cases[i].expected);
    }
}

static void
test_local_image_sniff (void)
{
  static const struct { const char *data; gsize length; const char *mime; guint w, h; } cases[] = {
    { "\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x00\x40\x00\x00\x00\x30\x08\x06\x00\x00\x00", 33, "image/png", 64, 48 },
    { "GIF89a\x10\x00\x20\x00\x00\x00\x00", 13, "image/gif", 16, 32 },
    { "RIFF\x00\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x00\x00\x00\x00\x3f\x00\x00\x1f\x00\x00", 30, "image/webp", 64, 32 },
    { "RIFF\x00\x00\x00\x00WEBPVP8L\x00\x00\x00\x00\x2f\x0f\xc0\x07\x00", 25, "image/webp", 16, 32 },
  };
  const char *mime = NULL;
  guint w = 0, h = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (dl_local_image_sniff ((const guint8 *) cases[i].data, cases[i].length, &mime, &w, &h));
      g_assert_cmpstr (mime, ==, cases[i].mime);
      g_assert_cmpuint (w, ==, cases[i].w);
      g_assert_cmpuint (h, ==, cases[i].h);
    }
  g_assert_true (dl_local_image_sniff ((const guint8 *) image_bytes, sizeof image_bytes - 1, &mime, &w, &h));
  g_assert_cmpstr (mime, ==, "image/jpeg");
  g_assert_cmpuint (w, ==, 2);
  g_assert_cmpuint (h, ==, 2);

  /* Truncated or lying headers are not images. */
  g_assert_false (dl_local_image_sniff ((const guint8 *) "\x89PNG\r\n\x1a\n", 8, NULL, NULL, NULL));
  g_assert_false (dl_local_image_sniff ((const guint8 *) "\xff\xd8\xff\xe0\x00\x10JFIF", 10, NULL, NULL, NULL));
  g_assert_false (dl_local_image_sniff ((const guint8 *) "GIF89", 5, NULL, NULL, NULL));
  g_assert_false (dl_local_image_sniff ((const guint8 *) "<svg onload=alert(1)>", 21, NULL, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/export/html", Fixture, NULL, fixture_set_up, test_export_html, fixture_tear_down);
  g_test_add ("/export/html-name-clash", Fixture, NULL, fixture_set_up, test_export_html_name_clash, fixture_tear_down);
  g_test_add ("/export/html-missing-image", Fixture, NULL, fixture_set_up, test_export_html_missing_image, fixture_tear_down);
  g_test_add ("/export/html-body-images", Fixture, NULL, fixture_set_up, test_export_html_body_images, fixture_tear_down);
  g_test_add ("/export/html-template-assets", Fixture, NULL, fixture_set_up, test_export_html_template_assets, fixture_tear_down);
  g_test_add ("/export/markdown", Fixture, NULL, fixture_set_up, test_export_markdown, fixture_tear_down);
  g_test_add ("/export/async", Fixture, NULL, fixture_set_up, test_export_async, fixture_tear_down);
  g_test_add_func ("/export/formats", test_export_formats);
  g_test_add_func ("/export/file-name-follows-format", test_export_file_name_follows_format);
  g_test_add ("/export/html-refuses-non-images", Fixture, NULL, fixture_set_up,
              test_export_html_refuses_non_images, fixture_tear_down);
  g_test_add_func ("/export/local-image-sniff", test_local_image_sniff);
  g_test_add ("/export/cli-export-import", Fixture, NULL, fixture_set_up, test_cli_export_and_import, fixture_tear_down);
  g_test_add ("/export/cli-render", Fixture, NULL, fixture_set_up, test_cli_render, fixture_tear_down);

  return g_test_run ();
}
