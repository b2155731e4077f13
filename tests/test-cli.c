/* test-cli.c: dateline-cli, run as a real program
 *
 * The binary's path comes from DATELINE_CLI (set by tests/meson.build).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "dl-article-file.h"
#include "dl-test-util.h"

static char *library;
static char *scratch;

/* Runs dateline-cli --library <library> ARGS...; returns the exit status. */
static int
run_cli_with_input (const char  *input,
                    char       **out,
                    char       **err,
                    ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  const char *cli = g_getenv ("DATELINE_CLI");
  const char *arg;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  g_ptr_array_add (argv, (gpointer) "--library");
  g_ptr_array_add (argv, library);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE
                               | G_SUBPROCESS_FLAGS_STDIN_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &stdout_text, &stderr_text, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_text);
  return g_subprocess_get_exit_status (process);
}

#define run_cli(out, err, ...) run_cli_with_input (NULL, out, err, __VA_ARGS__)

static char *
new_article (const char *headline)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (&out, &err, "new", "--headline", headline, NULL), ==, 0);
  g_strstrip (out);
  g_assert_true (g_uuid_string_is_valid (out));
  return g_steal_pointer (&out);
}

static char *
library_file (const char *uuid)
{
  g_autofree char *name = g_strconcat (uuid, DL_ARTICLE_FILE_EXTENSION, NULL);

  return g_build_filename (library, name, NULL);
}

static void
test_new_and_show (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *body_path = g_build_filename (scratch, "body.md", NULL);
  g_autofree char *uuid = NULL;
  g_autofree char *path = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(DlArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (body_path, "The Minsk Office of the BelCCI hosted a meeting.", -1, &error);
  g_assert_no_error (error);

  g_assert_cmpint (run_cli (&out, &err, "new", "--headline", "Belarus, China discuss prospects",
                            "--place", "Minsk", "--source", "BelTA", "--category", "Economy",
                            "--tag", "Belarus", "--tag", "China", "--body-file", body_path, NULL), ==, 0);
  uuid = g_strstrip (g_steal_pointer (&out));
  g_assert_true (g_uuid_string_is_valid (uuid));

  path = library_file (uuid);
  file = g_file_new_for_path (path);
  article = dl_article_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dl_article_get_headline (article), ==, "Belarus, China discuss prospects");
  g_assert_cmpstr (dl_article_get_place (article), ==, "Minsk");
  g_assert_cmpstr (dl_article_get_source (article), ==, "BelTA");
  g_assert_cmpstr (dl_article_get_category (article), ==, "Economy");
  g_assert_true (dl_article_has_tag (article, "China"));
  g_assert_cmpstr (dl_article_get_body (article), ==, "The Minsk Office of the BelCCI hosted a meeting.");

  /* show with a prefix of the UUID. */
  prefix = g_strndup (uuid, 8);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "show", prefix, NULL), ==, 0);
  dl_test_assert_contains (out, "Belarus, China discuss prospects");
  dl_test_assert_contains (out, "MINSK");
  dl_test_assert_contains (out, "BelCCI hosted a meeting");
  dl_test_assert_contains (out, uuid);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Body from the standard input. */
  g_assert_cmpint (run_cli_with_input ("Typed into a pipe.", &out, &err,
                                       "new", "--headline", "Piped", "--body-file", "-", NULL), ==, 0);
  g_clear_pointer (&uuid, g_free);
  uuid = g_strstrip (g_steal_pointer (&out));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "show", uuid, NULL), ==, 0);
  dl_test_assert_contains (out, "Typed into a pipe.");
}

static void
test_new_errors (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *missing = g_build_filename (scratch, "no-such-body.md", NULL);

  g_assert_cmpint (run_cli (&out, &err, "new", NULL), ==, 2);
  dl_test_assert_contains (err, "--headline");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "new", "--headline", "x", "--body-file", missing, NULL), ==, 1);
  dl_test_assert_contains (err, "no-such-body.md");
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "new", "--headline", "x", "--bogus", NULL), ==, 2);
  dl_test_assert_contains (err, "--bogus");
}

static void
test_list (void)
{
  g_autofree char *uuid = new_article ("Listed headline");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  gboolean found = FALSE;

  g_assert_cmpint (run_cli (&out, &err, "list", NULL), ==, 0);
  dl_test_assert_contains (out, uuid);
  dl_test_assert_contains (out, "Listed headline");
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (&out, &err, "list", "--json", NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (object, "uuid"), uuid) == 0)
        {
          found = TRUE;
          g_assert_cmpstr (json_object_get_string_member (object, "headline"), ==, "Listed headline");
          g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "draft");
        }
    }
  g_assert_true (found);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "list", "extra", NULL), ==, 2);
}

static DlArticle *
read_library_article (const char *uuid)
{
  g_autofree char *path = library_file (uuid);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DlArticle *article = dl_article_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return article;
}

/* `set` edits fields for automation; a bad value changes nothing. */
static void
test_set (void)
{
  g_autofree char *uuid = new_article ("Set by a script");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *path = library_file (uuid);
  g_autoptr(DlArticle) article = NULL;
  g_autoptr(GDateTime) embargo = g_date_time_new_utc (2031, 5, 8, 7, 6, 0);
  g_autoptr(GDateTime) schedule = g_date_time_new_utc (2031, 5, 8, 8, 0, 0);

  g_assert_cmpint (run_cli (&out, &err, "set", uuid, "--status", "ready", "--embargo", "08.05.2031 10:06",
                            "--schedule", "2031-05-08T08:00:00Z", "--tz", "Europe/Minsk", "--category", "Economy",
                            "--tag", "Belarus", "--tag", "China", "--place", "Minsk", "--headline", "New headline",
                            NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  article = read_library_article (uuid);
  g_assert_cmpint (dl_article_get_status (article), ==, DL_ARTICLE_STATUS_READY);
  g_assert_true (g_date_time_equal (dl_article_get_embargo (article), embargo));
  g_assert_true (g_date_time_equal (dl_article_get_schedule (article), schedule));
  g_assert_cmpstr (dl_article_get_category (article), ==, "Economy");
  g_assert_true (dl_article_has_tag (article, "Belarus"));
  g_assert_true (dl_article_has_tag (article, "China"));
  g_assert_cmpstr (dl_article_get_place (article), ==, "Minsk");
  g_assert_cmpstr (dl_article_get_headline (article), ==, "New headline");
  g_clear_object (&article);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* --tag adds to the tags already there. */
  g_assert_cmpint (run_cli (&out, &err, "set", uuid, "--tag", "Trade", NULL), ==, 0);
  article = read_library_article (uuid);
  g_assert_true (dl_article_has_tag (article, "Belarus"));
  g_assert_true (dl_article_has_tag (article, "Trade"));
  g_clear_object (&article);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Bad values: a clear message, exit 2, and the file untouched. */
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  {
    const char *bad[][3] = {
      { "--status", "sent", "Unknown status" },
      { "--status", "published", "set by publishing" },
      { "--embargo", "08.05.2031 25:00", "--embargo" },
      { "--schedule", "soon", "Write it as" },
      { "--tz", "Mars/Olympus", "Mars/Olympus" },
      { "--headline", "   ", "cannot be empty" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_test_message ("%s %s", bad[i][0], bad[i][1]);
        g_assert_cmpint (run_cli (&out, &err, "set", uuid, bad[i][0], bad[i][1], NULL), ==, 2);
        dl_test_assert_contains (err, bad[i][2]);
        g_clear_pointer (&out, g_free);
        g_clear_pointer (&err, g_free);
      }
  }
  g_assert_cmpint (run_cli (&out, &err, "set", uuid, NULL), ==, 2);
  dl_test_assert_contains (err, "Nothing to change");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A schedule before the embargo is refused, as in the editor. */
  g_assert_cmpint (run_cli (&out, &err, "set", uuid, "--schedule", "2031-05-08T06:00:00Z", NULL), ==, 1);
  dl_test_assert_contains (err, "before the embargo lifts");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  /* "none" removes a date; an embargo in the past is accepted with a note. */
  g_assert_cmpint (run_cli (&out, &err, "set", uuid, "--schedule", "none", "--embargo", "2020-01-01 00:00", NULL), ==, 0);
  dl_test_assert_contains (err, "lifted");
  article = read_library_article (uuid);
  g_assert_null (dl_article_get_schedule (article));
  g_assert_nonnull (dl_article_get_embargo (article));
}

/* `list` shows the status and a standing embargo, and filters by status. */
static void
test_list_status_and_embargo (void)
{
  g_autofree char *ready = new_article ("Ready for the desk");
  g_autofree char *draft = new_article ("Still a draft");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  JsonArray *array;

  g_assert_cmpint (run_cli (&out, &err, "set", ready, "--status", "ready", "--embargo", "2031-05-08T07:06:00Z",
                            NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "list", "--status", "ready", NULL), ==, 0);
  dl_test_assert_contains (out, ready);
  dl_test_assert_not_contains (out, draft);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], ready))
      {
        dl_test_assert_contains (lines[i], "ready");
        dl_test_assert_contains (lines[i], "embargo 2031-05-08");
      }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "list", "--status", "draft", "--json", NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), >, 0);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "draft");
      g_assert_cmpstr (json_object_get_string_member (object, "uuid"), !=, ready);
    }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "list", "--status", "ready", "--json", NULL), ==, 0);
  g_clear_object (&parser);
  parser = json_parser_new ();
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  {
    gboolean found = FALSE;

    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonObject *object = json_array_get_object_element (array, i);

        g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "ready");
        if (g_strcmp0 (json_object_get_string_member (object, "uuid"), ready) == 0)
          {
            found = TRUE;
            g_assert_cmpstr (json_object_get_string_member (object, "embargo"), ==, "2031-05-08T07:06:00Z");
            g_assert_true (json_object_get_null_member (object, "schedule"));
          }
      }
    g_assert_true (found);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "list", "--status", "embargoed", NULL), ==, 2);
  dl_test_assert_contains (err, "Unknown status");
}

/* trash, list --trash, restore: the same trash as the application. */
static void
test_trash_and_restore (void)
{
  g_autofree char *uuid = new_article ("Goes to the trash");
  g_autofree char *prefix = g_strndup (uuid, 12);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *path = library_file (uuid);

  g_assert_cmpint (run_cli (&out, &err, "trash", prefix, NULL), ==, 0);
  g_assert_cmpstr (g_strstrip (out), ==, uuid);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "list", NULL), ==, 0);
  dl_test_assert_not_contains (out, uuid);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "list", "--trash", NULL), ==, 0);
  dl_test_assert_contains (out, uuid);
  dl_test_assert_contains (out, "Goes to the trash");
  dl_test_assert_contains (out, "trashed");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Trashing twice, restoring what is not there: said, not crashed. */
  g_assert_cmpint (run_cli (&out, &err, "trash", uuid, NULL), ==, 1);
  dl_test_assert_contains (err, uuid);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "restore", prefix, NULL), ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "restore", uuid, NULL), ==, 1);
  dl_test_assert_contains (err, "No article in the trash");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "list", "--trash", "--json", NULL), ==, 0);
  dl_test_assert_not_contains (out, uuid);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "trash", NULL), ==, 2);
}

static void
test_show_errors (void)
{
  g_autoptr(GHashTable) by_first_char = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *shared = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* 17 UUIDs: two must share their first hex digit. */
  for (guint i = 0; i < 17 && shared == NULL; i++)
    {
      g_autofree char *uuid = new_article ("Crowd");
      g_autofree char *first = g_strndup (uuid, 1);

      if (g_hash_table_contains (by_first_char, first))
        shared = g_steal_pointer (&first);
      else
        g_hash_table_insert (by_first_char, g_steal_pointer (&first), g_steal_pointer (&uuid));
    }
  g_assert_nonnull (shared);

  g_assert_cmpint (run_cli (&out, &err, "show", shared, NULL), ==, 1);
  dl_test_assert_contains (err, "matches");
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "show", "zzzz", NULL), ==, 1);
  dl_test_assert_contains (err, "zzzz");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "show", NULL), ==, 2);
}

static void
test_export (void)
{
  g_autofree char *uuid = new_article ("Exported");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *target = g_build_filename (scratch, "exported.dateline", NULL);
  g_autoptr(DlArticle) article = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run_cli (&out, &err, "export", uuid, "--format", "json", NULL), ==, 0);
  article = dl_article_new_from_data (out, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dl_article_get_uuid (article), ==, uuid);
  g_assert_cmpstr (dl_article_get_headline (article), ==, "Exported");
  g_clear_object (&article);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "export", uuid, "-o", target, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  file = g_file_new_for_path (target);
  article = dl_article_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dl_article_get_uuid (article), ==, uuid);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "export", uuid, "--format", "telex", NULL), ==, 2);
  dl_test_assert_contains (err, "telex");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "export", "00000000", NULL), ==, 1);
}

static void
test_import (void)
{
  g_autoptr(DlArticle) article = dl_article_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (scratch, "desk.dateline", NULL);
  g_autofree char *bad = g_build_filename (scratch, "broken.dateline", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *err = NULL;
  g_autofree char *stored = NULL;

  dl_article_set_headline (article, "From the desk");
  bytes = dl_article_serialize (article);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  g_assert_cmpint (run_cli (&first, &err, "import", path, NULL), ==, 0);
  g_strstrip (first);
  g_assert_cmpstr (first, ==, dl_article_get_uuid (article));
  stored = library_file (first);
  g_assert_true (g_file_test (stored, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  /* Same UUID again: a copy under a new one. */
  g_assert_cmpint (run_cli (&second, &err, "import", path, NULL), ==, 0);
  g_strstrip (second);
  g_assert_true (g_uuid_string_is_valid (second));
  g_assert_cmpstr (second, !=, first);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&second, g_free);

  g_file_set_contents (bad, "{\"format\": \"dateline-article\", \"version\": \"one\"}", -1, NULL);
  g_assert_cmpint (run_cli (&second, &err, "import", bad, NULL), ==, 1);
  dl_test_assert_contains (err, "broken.dateline");
  dl_test_assert_contains (err, "version");
}

static void
test_validate (void)
{
  g_autoptr(DlArticle) article = dl_article_new ();
  g_autoptr(GBytes) bytes = dl_article_serialize (article);
  g_autofree char *good = g_build_filename (scratch, "good.dateline", NULL);
  g_autofree char *bad = g_build_filename (scratch, "bad.dateline", NULL);
  g_autofree char *missing = g_build_filename (scratch, "missing.dateline", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_file_set_contents (good, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
  g_file_set_contents (bad, "{\"format\": \"dateline-article\", \"version\": 1, \"uuid\": \"6f1c9c4e-0a0b-4c1e-9f1e-2b3c4d5e6f70\", \"tags\": [1]}", -1, NULL);

  g_assert_cmpint (run_cli (&out, &err, "validate", good, NULL), ==, 0);
  dl_test_assert_contains (out, "valid");
  dl_test_assert_contains (out, "good.dateline");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "validate", bad, NULL), ==, 1);
  dl_test_assert_contains (err, "bad.dateline");
  dl_test_assert_contains (err, "tag");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "validate", missing, NULL), ==, 1);
  dl_test_assert_contains (err, "missing.dateline");
}

static void
test_help_and_usage (void)
{
  const char *commands[] = { "list", "show", "new", "set", "trash", "restore", "import", "export", "validate" };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_cli (&out, &err, "--help", NULL), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    dl_test_assert_contains (out, commands[i]);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *usage = g_strdup_printf ("dateline-cli %s", commands[i]);

      g_assert_cmpint (run_cli (&out, &err, commands[i], "--help", NULL), ==, 0);
      dl_test_assert_contains (out, usage);
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
    }

  g_assert_cmpint (run_cli (&out, &err, "frobnicate", NULL), ==, 2);
  dl_test_assert_contains (err, "frobnicate");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, NULL), ==, 2);
}

/* The commands other modules provide, reached through the dispatcher. */
static void
test_render_and_formats (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *page = g_build_filename (scratch, "page.html", NULL);
  g_autofree char *ninjs = g_build_filename (scratch, "story.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *imported = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run_cli (&out, &err, "new", "--headline", "Rates <held> & steady",
                            "--place", "Minsk", "--source", "BelTA", NULL), ==, 0);
  uuid = g_strstrip (g_steal_pointer (&out));
  g_clear_pointer (&err, g_free);

  /* render to stdout and to a file: escaped headline, dateline in the body */
  g_assert_cmpint (run_cli (&out, &err, "render", uuid, NULL), ==, 0);
  dl_test_assert_contains (out, "<!DOCTYPE html>");
  dl_test_assert_contains (out, "Rates &lt;held&gt; &amp; steady");
  dl_test_assert_contains (out, "MINSK, ");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "render", uuid, "-o", page, NULL), ==, 0);
  g_assert_true (g_file_get_contents (page, &contents, NULL, &error));
  dl_test_assert_contains (contents, "Content-Security-Policy");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "render", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* markdown and ninjs exports; html needs a file */
  g_assert_cmpint (run_cli (&out, &err, "export", uuid, "--format", "markdown", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "---\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "export", uuid, "--format", "html", NULL), ==, 2);
  dl_test_assert_contains (err, "needs a file name");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "export", uuid, "--format", "ninjs", "-o", ninjs, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* a ninjs document imports as a new article with the same headline */
  g_assert_cmpint (run_cli (&out, &err, "import", ninjs, NULL), ==, 0);
  imported = g_strstrip (g_steal_pointer (&out));
  g_assert_true (g_uuid_string_is_valid (imported));
  g_assert_cmpstr (imported, !=, uuid);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "show", imported, NULL), ==, 0);
  dl_test_assert_contains (out, "Rates <held> & steady");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* show prints the composed dateline */
  g_assert_cmpint (run_cli (&out, &err, "show", uuid, NULL), ==, 0);
  dl_test_assert_contains (out, "Dateline: MINSK, ");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* the dateline command */
  g_assert_cmpint (run_cli (&out, &err, "dateline", "--style", "belta", "--place", "Minsk",
                            "--date", "2025-05-08T10:06+03:00", "--source", "BelTA", "--lang", "en",
                            NULL), ==, 0);
  g_assert_cmpstr (out, ==, "MINSK, 8 May (BelTA) - \n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* a file that is neither a .dateline nor ninjs */
  g_assert_true (g_file_set_contents (ninjs, "{\"hello\": 1}", -1, &error));
  g_assert_cmpint (run_cli (&out, &err, "import", ninjs, NULL), ==, 1);
  g_assert_cmpstr (err, !=, "");
}


/* A crafted field could retitle the terminal (OSC), clear it (CSI) and
 * print a fake "valid"; the CLI printed every value raw. */
static void
test_terminal_escapes (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *path = g_build_filename (scratch, "crafted.dateline", NULL);
  g_autofree char *uuid = NULL;
  const char *hostile =
    "{\"format\":\"dateline-article\",\"version\":1,"
    "\"uuid\":\"0b7e5a3c-6a57-4a43-9d56-5b1f0d3f2a42\","
    "\"headline\":\"Normal\\u001b]0;pwned\\u0007\\u001b[2J\\u009b31m\\u202eevil\","
    "\"category\":\"line\\nforged: valid\",\"body\":\"first\\n\\u001b[1Asecond\"}";
  const char *bad_status =
    "{\"format\":\"dateline-article\",\"version\":1,"
    "\"uuid\":\"0b7e5a3c-6a57-4a43-9d56-5b1f0d3f2a43\","
    "\"status\":\"\\u001b[2K\\rall files valid\"}";

  g_assert_true (g_file_set_contents (path, hostile, -1, NULL));
  g_assert_cmpint (run_cli (&out, &err, "import", path, NULL), ==, 0);
  uuid = g_strstrip (g_steal_pointer (&out));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "list", NULL), ==, 0);
  g_assert_null (strchr (out, '\x1b'));
  dl_test_assert_not_contains (out, "\xc2\x9b");
  dl_test_assert_not_contains (out, "\xe2\x80\xae");
  dl_test_assert_contains (out, "Normal\\x1b]0;pwned\\x07\\x1b[2J\\x9b31m\\u202eevil");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The same document in JSON: escaped the JSON way, still the same text. */
  g_assert_cmpint (run_cli (&out, &err, "list", "--json", NULL), ==, 0);
  g_assert_null (strchr (out, '\x1b'));
  dl_test_assert_not_contains (out, "\xc2\x9b");
  dl_test_assert_not_contains (out, "\xe2\x80\xae");
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonArray *array;
    const char *headline = NULL;

    g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
    array = json_node_get_array (json_parser_get_root (parser));
    for (guint i = 0; i < json_array_get_length (array); i++)
      if (g_str_equal (json_object_get_string_member (json_array_get_object_element (array, i), "uuid"), uuid))
        headline = json_object_get_string_member (json_array_get_object_element (array, i), "headline");
    g_assert_cmpstr (headline, ==, "Normal\x1b]0;pwned\x07\x1b[2J\xc2\x9b" "31m\xe2\x80\xae" "evil");
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "show", uuid, NULL), ==, 0);
  g_assert_null (strchr (out, '\x1b'));
  dl_test_assert_not_contains (out, "\nforged: valid");
  dl_test_assert_contains (out, "line\\x0aforged: valid");
  /* The body keeps its lines but not its escapes. */
  dl_test_assert_contains (out, "first\n\\x1b[1Asecond");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_true (g_file_set_contents (path, bad_status, -1, NULL));
  g_assert_cmpint (run_cli (&out, &err, "validate", path, NULL), ==, 1);
  g_assert_null (strchr (err, '\x1b'));
  g_assert_null (strchr (err, '\r'));
  dl_test_assert_contains (err, "\\x1b[2K\\x0dall files valid");
}

/* A blank file segfaulted validate, aborted import, and made list
 * crash at every start when it was in the library. */
static void
test_blank_files (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *blank = g_build_filename (scratch, "blank.dateline", NULL);
  g_autofree char *in_library = NULL;
  g_autofree char *kept = new_article ("Still listed");

  g_assert_true (g_uuid_string_is_valid (kept));
  g_assert_true (g_file_set_contents (blank, "", 0, NULL));
  g_assert_cmpint (run_cli (&out, &err, "validate", blank, NULL), ==, 1);
  dl_test_assert_contains (err, "invalid: The file is empty.");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "import", blank, NULL), ==, 1);
  dl_test_assert_contains (err, "The file is empty.");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  in_library = library_file ("88888888-8888-4888-8888-888888888888");
  g_assert_true (g_file_set_contents (in_library, "\n   \n", -1, NULL));
  g_assert_cmpint (run_cli (&out, &err, "list", NULL), ==, 0);
  dl_test_assert_contains (out, "Still listed");
  dl_test_assert_contains (err, "88888888-8888-4888-8888-888888888888.dateline");
  dl_test_assert_contains (err, "quarantine");
  dl_test_assert_contains (err, "only white space");
}

/* Wrong-typed ninjs fields were dropped silently with exit status 0. */
static void
test_import_ninjs_warnings (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *path = g_build_filename (scratch, "feed-item.json", NULL);
  g_autofree char *empty = g_build_filename (scratch, "empty-item.json", NULL);

  g_assert_true (g_file_set_contents (path,
                                      "{\"uri\":\"urn:x\",\"headlines\":[{\"value\":\"Feed item\"}],"
                                      "\"bodies\":[{\"value\":42}, {\"value\":\"Body text\"}],"
                                      "\"firstcreated\":\"yesterday\"}", -1, NULL));
  g_assert_cmpint (run_cli (&out, &err, "import", path, NULL), ==, 0);
  g_assert_true (g_uuid_string_is_valid (g_strstrip (out)));
  dl_test_assert_contains (err, "“bodies[0].value” is not text");
  dl_test_assert_contains (err, "“firstcreated” is not a date and time (“yesterday”)");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_true (g_file_set_contents (empty, "{\"uri\":\"urn:x\",\"headlines\":5,\"bodies\":[{\"value\":3}]}", -1, NULL));
  g_assert_cmpint (run_cli (&out, &err, "import", empty, NULL), ==, 1);
  dl_test_assert_contains (err, "Nothing could be imported");
  dl_test_assert_contains (err, "“headlines” is not a list");
}

/* revisions, revisions --diff, revert: as a journalist at a terminal. */
static void
test_revisions_and_revert (void)
{
  g_autofree char *uuid = new_article ("First headline");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run_cli (&out, &err, "revisions", uuid, NULL), ==, 0);
  dl_test_assert_contains (out, "No revisions yet");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Each set is an explicit save: a revision each. */
  g_assert_cmpint (run_cli (&out, &err, "set", uuid, "--headline", "Second headline", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "set", uuid, "--headline", "Third headline", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "revisions", uuid, NULL), ==, 0);
  lines = g_strsplit (g_strstrip (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  dl_test_assert_contains (lines[0], "Saved");
  g_assert_true (g_str_has_prefix (g_strchug (lines[0]), "1 "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* What changed since revision 2 (the second headline). */
  g_assert_cmpint (run_cli (&out, &err, "revisions", uuid, "--diff", "2", NULL), ==, 0);
  dl_test_assert_contains (out, "1 word added, 1 removed");
  dl_test_assert_contains (out, "[-Second-]{+Third+}");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Revert to it: the headline is back, and three revisions now... */
  g_assert_cmpint (run_cli (&out, &err, "revert", uuid, "2", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "show", uuid, NULL), ==, 0);
  dl_test_assert_contains (out, "Second headline");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "revisions", uuid, "--json", NULL), ==, 0);
  dl_test_assert_contains (out, "\"cause\" : \"restore\"");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* ...and the revert itself can be reverted: the third headline is revision 2. */
  g_assert_cmpint (run_cli (&out, &err, "revert", uuid, "2", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "show", uuid, NULL), ==, 0);
  dl_test_assert_contains (out, "Third headline");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Wrong revisions: said, exit 1, nothing changed. */
  g_assert_cmpint (run_cli (&out, &err, "revisions", uuid, "--diff", "99", NULL), ==, 1);
  dl_test_assert_contains (err, "No revision “99”");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "revert", uuid, "../../etc/passwd", NULL), ==, 1);
  dl_test_assert_contains (err, "No revision");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (&out, &err, "revert", uuid, NULL), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DATELINE_CLI") == NULL)
    {
      g_printerr ("DATELINE_CLI is not set; run through meson test.\n");
      return 77;
    }

  scratch = g_dir_make_tmp ("dateline-cli-XXXXXX", &error);
  g_assert_no_error (error);
  library = g_build_filename (scratch, "library", NULL);

  g_test_add_func ("/cli/new-and-show", test_new_and_show);
  g_test_add_func ("/cli/new-errors", test_new_errors);
  g_test_add_func ("/cli/list", test_list);
  g_test_add_func ("/cli/set", test_set);
  g_test_add_func ("/cli/list-status-and-embargo", test_list_status_and_embargo);
  g_test_add_func ("/cli/trash-and-restore", test_trash_and_restore);
  g_test_add_func ("/cli/revisions-and-revert", test_revisions_and_revert);
  g_test_add_func ("/cli/show-errors", test_show_errors);
  g_test_add_func ("/cli/export", test_export);
  g_test_add_func ("/cli/import", test_import);
  g_test_add_func ("/cli/validate", test_validate);
  g_test_add_func ("/cli/help-and-usage", test_help_and_usage);
  g_test_add_func ("/cli/render-and-formats", test_render_and_formats);
  g_test_add_func ("/cli/terminal-escapes", test_terminal_escapes);
  g_test_add_func ("/cli/blank-files", test_blank_files);
  g_test_add_func ("/cli/import-ninjs-warnings", test_import_ninjs_warnings);

  status = g_test_run ();
  dl_test_remove_recursively (scratch);
  g_free (library);
  g_free (scratch);
  return status;
}
