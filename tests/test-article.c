/* test-article.c: the article model, its editing rules and its file format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "dl-article.h"
#include "dl-article-file.h"
#include "dl-test-util.h"

static DlArticle *
make_sample_article (void)
{
  DlArticle *article = dl_test_belta_article ();
  g_autoptr(DlCredit) photo = dl_credit_new (DL_CREDIT_ROLE_PHOTO, "", "courtesy of the BelCCI");
  g_autoptr(DlCredit) author = dl_credit_new (DL_CREDIT_ROLE_AUTHOR, "Anna Ivanova", "BelTA");

  dl_article_set_standfirst (article, "A meeting in Minsk.");
  dl_article_add_credit (article, author);
  dl_article_add_credit (article, photo);
  dl_article_set_image_path (article, "/tmp/photo.jpg");
  dl_article_set_body (article, "The Minsk Office of the BelCCI hosted a meeting.\n\n“Quotes” & <angles>.");
  return article;
}

static void
test_article_defaults (void)
{
  g_autoptr(DlArticle) article = dl_article_new ();
  g_autofree char *title = dl_article_dup_display_title (article);

  g_assert_true (g_uuid_string_is_valid (dl_article_get_uuid (article)));
  g_assert_cmpstr (dl_article_get_headline (article), ==, "");
  g_assert_cmpstr (title, ==, "Untitled article");
  g_assert_cmpint (dl_article_get_status (article), ==, DL_ARTICLE_STATUS_DRAFT);
  g_assert_nonnull (dl_article_get_dateline_date (article));
  g_assert_cmpstr (dl_article_get_language (article), !=, "");
  g_assert_null (dl_article_get_embargo (article));
}

static void
on_changed (DlArticle *article,
            guint     *count)
{
  (*count)++;
}

static void
test_article_changed_signal (void)
{
  g_autoptr(DlArticle) article = dl_article_new ();
  g_autoptr(DlCredit) credit = dl_credit_new (DL_CREDIT_ROLE_AUTHOR, "A", NULL);
  guint count = 0;

  g_signal_connect (article, "changed", G_CALLBACK (on_changed), &count);
  dl_article_set_headline (article, "One");
  g_assert_cmpuint (count, ==, 1);
  dl_article_set_headline (article, "One");   /* same value: no change */
  g_assert_cmpuint (count, ==, 1);
  dl_article_add_credit (article, credit);
  g_assert_cmpuint (count, ==, 2);
  dl_credit_set_name (credit, "Anna");        /* edits inside a credit count */
  g_assert_cmpuint (count, ==, 3);
  dl_article_touch (article);                 /* bookkeeping is not an edit */
  g_assert_cmpuint (count, ==, 3);
}

static void
test_tags_rules (void)
{
  g_autoptr(DlArticle) article = dl_article_new ();
  const char * const *tags;

  g_assert_true (dl_article_add_tag (article, "Economy"));
  g_assert_false (dl_article_add_tag (article, "economy"));
  g_assert_false (dl_article_add_tag (article, "  ECONOMY "));
  g_assert_false (dl_article_add_tag (article, "   "));
  g_assert_false (dl_article_add_tag (article, ","));
  g_assert_true (dl_article_add_tag (article, "  Belt   and Road, "));
  g_assert_true (dl_article_add_tag (article, "Минск"));
  g_assert_false (dl_article_add_tag (article, "МИНСК"));

  tags = dl_article_get_tags (article);
  g_assert_cmpuint (g_strv_length ((char **) tags), ==, 3);
  g_assert_cmpstr (tags[0], ==, "Economy");
  g_assert_cmpstr (tags[1], ==, "Belt and Road");
  g_assert_cmpstr (tags[2], ==, "Минск");

  g_assert_true (dl_article_remove_tag (article, "economy"));
  g_assert_false (dl_article_remove_tag (article, "economy"));
  tags = dl_article_get_tags (article);
  g_assert_cmpstr (tags[0], ==, "Belt and Road");
  g_assert_true (dl_article_has_tag (article, "belt and road"));
}

static void
test_credits_rules (void)
{
  g_autoptr(DlArticle) article = dl_article_new ();
  GListModel *credits = dl_article_get_credits (article);
  const char *names[] = { "A", "B", "C" };
  g_autoptr(DlCredit) first = NULL;
  g_autoptr(DlCredit) last = NULL;
  DlCreditRole role;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(DlCredit) c = dl_credit_new (DL_CREDIT_ROLE_AUTHOR, names[i], NULL);
      dl_article_add_credit (article, c);
    }
  g_assert_true (dl_article_move_credit (article, 2, 0));
  g_assert_false (dl_article_move_credit (article, 3, 0));
  first = g_list_model_get_item (credits, 0);
  last = g_list_model_get_item (credits, 2);
  g_assert_cmpstr (dl_credit_get_name (first), ==, "C");
  g_assert_cmpstr (dl_credit_get_name (last), ==, "B");
  dl_article_remove_credit (article, 0);
  g_assert_cmpuint (g_list_model_get_n_items (credits), ==, 2);

  g_assert_true (dl_credit_role_from_string ("additional-reporting", &role));
  g_assert_cmpint (role, ==, DL_CREDIT_ROLE_ADDITIONAL_REPORTING);
  g_assert_false (dl_credit_role_from_string ("chef", &role));
}

static void
test_file_round_trip (void)
{
  g_autoptr(DlArticle) article = make_sample_article ();
  g_autoptr(DlArticle) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DlPublication) pub = dl_publication_new ("site-1");
  g_autoptr(GDateTime) embargo = g_date_time_new_from_iso8601 ("2025-05-09T06:00:00Z", NULL);
  g_autoptr(DlCredit) credit = NULL;
  const char *data;
  gsize size;

  pub->remote_id = g_strdup ("42");
  pub->url = g_strdup ("https://example.org/belarus-china/");
  pub->content_hash = g_strdup ("abc");
  pub->remote_modified = g_date_time_new_from_iso8601 ("2025-05-08T07:10:00Z", NULL);
  dl_article_set_publication (article, pub);
  dl_article_set_embargo (article, embargo);
  dl_article_set_status (article, DL_ARTICLE_STATUS_READY);
  dl_article_set_spell_check (article, FALSE);
  dl_article_set_target_words (article, 450);

  bytes = dl_article_serialize (article);
  data = g_bytes_get_data (bytes, &size);
  loaded = dl_article_new_from_data (data, size, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (dl_article_get_uuid (loaded), ==, dl_article_get_uuid (article));
  g_assert_cmpstr (dl_article_get_headline (loaded), ==, "Belarus, China discuss business prospects");
  g_assert_cmpstr (dl_article_get_body (loaded), ==, dl_article_get_body (article));
  g_assert_cmpstr (dl_article_get_place (loaded), ==, "Minsk");
  g_assert_cmpstr (dl_article_get_time_zone (loaded), ==, "Europe/Minsk");
  g_assert_true (g_date_time_equal (dl_article_get_dateline_date (loaded),
                                    dl_article_get_dateline_date (article)));
  g_assert_cmpint (g_date_time_get_utc_offset (dl_article_get_dateline_date (loaded)), ==,
                   3 * G_TIME_SPAN_HOUR);
  g_assert_true (g_date_time_equal (dl_article_get_embargo (loaded), embargo));
  g_assert_null (dl_article_get_schedule (loaded));
  g_assert_cmpint (dl_article_get_status (loaded), ==, DL_ARTICLE_STATUS_READY);
  g_assert_false (dl_article_get_spell_check (loaded));
  g_assert_cmpuint (dl_article_get_target_words (loaded), ==, 450);
  g_assert_cmpuint (g_list_model_get_n_items (dl_article_get_credits (loaded)), ==, 2);
  credit = g_list_model_get_item (dl_article_get_credits (loaded), 1);
  g_assert_cmpint (dl_credit_get_role (credit), ==, DL_CREDIT_ROLE_PHOTO);
  g_assert_cmpstr (dl_credit_get_text (credit), ==, "courtesy of the BelCCI");
  g_assert_cmpstr (dl_article_get_tags (loaded)[1], ==, "China");
  g_assert_cmpstr (dl_article_find_publication (loaded, "site-1")->url, ==,
                   "https://example.org/belarus-china/");

  /* Saving what was loaded gives the same bytes. */
  bytes_again = dl_article_serialize (loaded);
  g_assert_true (g_bytes_equal (bytes, bytes_again));
}

static void
test_file_unknown_keys_survive (void)
{
  const char *newer =
    "{\"format\":\"dateline-article\",\"version\":1,"
    "\"uuid\":\"0b7e5a3c-6a57-4a43-9d56-5b1f0d3f2a11\","
    "\"headline\":\"From the future\","
    "\"sentiment\":{\"score\":0.5,\"labels\":[\"calm\"]},"
    "\"dateline\":{\"place\":\"Minsk\",\"geo\":[53.9,27.56]},"
    "\"image\":{\"path\":\"a.jpg\",\"focal_point\":\"center\"},"
    "\"credits\":[{\"role\":\"photo\",\"name\":\"Ivan\",\"email\":\"ivan@example.org\"}],"
    "\"publications\":[{\"site_id\":\"s1\",\"remote_id\":\"7\",\"revision\":3}],"
    "\"body\":\"Text\"}";
  g_autoptr(DlArticle) article = NULL;
  g_autoptr(DlArticle) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  gsize size;
  const char *data;

  article = dl_article_new_from_data (newer, -1, &error);
  g_assert_no_error (error);
  dl_article_set_headline (article, "Edited by an older Dateline");

  bytes = dl_article_serialize (article);
  data = g_bytes_get_data (bytes, &size);
  g_assert_true (json_parser_load_from_data (parser, data, size, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_has_member (root, "sentiment"));
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (root, "sentiment"), "score"), ==, 0.5);
  g_assert_true (json_object_has_member (json_object_get_object_member (root, "dateline"), "geo"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "image"), "focal_point"), ==, "center");
  g_assert_cmpstr (json_object_get_string_member (root, "headline"), ==, "Edited by an older Dateline");
  /* ... and inside list entries. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (root, "credits"), 0), "email"),
                   ==, "ivan@example.org");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (json_object_get_array_member (root, "publications"), 0), "revision"),
                   ==, 3);
  g_assert_true (g_str_has_suffix (data, "\"body\" : \"Text\"\n}\n"));

  /* And they survive a second round trip. */
  again = dl_article_new_from_data (data, size, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dl_unknown_members_lookup (dl_article_get_unknown_members (again, DL_ARTICLE_PART_TOP),
                                                "sentiment"));
}

static void
test_file_errors (void)
{
  struct { const char *data; int code; const char *fragment; } cases[] = {
    { "{not json", DL_ARTICLE_FILE_ERROR_PARSE, "not valid JSON" },
    { "[1,2]", DL_ARTICLE_FILE_ERROR_NOT_ARTICLE, "not a Dateline article" },
    { "{\"format\":\"other\"}", DL_ARTICLE_FILE_ERROR_NOT_ARTICLE, "dateline-article" },
    { "{\"format\":\"dateline-article\"}", DL_ARTICLE_FILE_ERROR_INVALID, "version" },
    { "{\"format\":\"dateline-article\",\"version\":1,\"uuid\":\"x\"}", DL_ARTICLE_FILE_ERROR_INVALID, "UUID" },
    { "{\"format\":\"dateline-article\",\"version\":1,\"uuid\":\"0b7e5a3c-6a57-4a43-9d56-5b1f0d3f2a11\",\"headline\":5}",
      DL_ARTICLE_FILE_ERROR_INVALID, "headline" },
    { "{\"format\":\"dateline-article\",\"version\":1,\"uuid\":\"0b7e5a3c-6a57-4a43-9d56-5b1f0d3f2a11\",\"created\":\"yesterday\"}",
      DL_ARTICLE_FILE_ERROR_INVALID, "yesterday" },
    { "{\"format\":\"dateline-article\",\"version\":1,\"uuid\":\"0b7e5a3c-6a57-4a43-9d56-5b1f0d3f2a11\",\"credits\":[{\"role\":\"chef\"}]}",
      DL_ARTICLE_FILE_ERROR_INVALID, "chef" },
    { "{\"format\":\"dateline-article\",\"version\":1,\"uuid\":\"0b7e5a3c-6a57-4a43-9d56-5b1f0d3f2a11\",\"tags\":[1]}",
      DL_ARTICLE_FILE_ERROR_INVALID, "tag" },
    { "\xff\xfe{}", DL_ARTICLE_FILE_ERROR_PARSE, "UTF-8" },
    { "{\"format\":\"dateline-article\",\"version\":1,\"uuid\":\"0b7e5a3c-6a57-4a43-9d56-5b1f0d3f2a11\",\"spell_check\":\"no\"}",
      DL_ARTICLE_FILE_ERROR_INVALID, "spell_check" },
    { "{\"format\":\"dateline-article\",\"version\":1,\"uuid\":\"0b7e5a3c-6a57-4a43-9d56-5b1f0d3f2a11\",\"target_words\":-5}",
      DL_ARTICLE_FILE_ERROR_INVALID, "target_words" },
    { "{\"format\":\"dateline-article\",\"version\":1,\"uuid\":\"0b7e5a3c-6a57-4a43-9d56-5b1f0d3f2a11\",\"target_words\":1e9}",
      DL_ARTICLE_FILE_ERROR_INVALID, "target_words" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DlArticle) article = dl_article_new_from_data (cases[i].data, -1, &error);

      g_assert_null (article);
      g_assert_error (error, DL_ARTICLE_FILE_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].fragment) == NULL)
        g_error ("case %u: “%s” does not mention “%s”", i, error->message, cases[i].fragment);
    }
}

static void
test_article_copy (void)
{
  g_autoptr(DlArticle) article = make_sample_article ();
  g_autoptr(DlArticle) copy = dl_article_copy (article);
  g_autoptr(GBytes) a = dl_article_serialize (article);
  g_autoptr(GBytes) b = dl_article_serialize (copy);

  g_assert_true (g_bytes_equal (a, b));
  dl_article_set_headline (copy, "Changed");
  g_assert_cmpstr (dl_article_get_headline (article), ==, "Belarus, China discuss business prospects");
}


/* ------------------------------------------------------------------ */
/* Hostile and unusual files (docs/RELIABILITY.md)                     */

#define UUID_A "0b7e5a3c-6a57-4a43-9d56-5b1f0d3f2a11"
#define HEAD   "{\"format\":\"dateline-article\",\"version\":1,\"uuid\":\"" UUID_A "\""

static void
assert_refused (const char *data,
                gssize      length,
                const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DlArticle) article = dl_article_new_from_data (data, length, &error);

  g_assert_null (article);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, fragment);
}

/* A 0-byte file, white space or only a comment: what a crash, a full
 * disk or a sync tool leaves behind. json-glib gave no root and no
 * error, and every caller crashed. */
static void
test_file_blank (void)
{
  assert_refused ("", 0, "empty");
  assert_refused ("   \n\t\r\n", -1, "only white space");
  assert_refused ("\xef\xbb\xbf  ", -1, "only white space");
  assert_refused ("// nothing here\n", -1, "comment");
  assert_refused ("/* nothing */", -1, "comment");
  assert_refused (HEAD ", \"body\": \"unfinished", -1, "not closed");
  assert_refused (HEAD, -1, "ends too early");
}

static char *
nested (const char *open,
        const char *close,
        guint       depth,
        const char *inner)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (out, open);
  g_string_append (out, inner);
  for (guint i = 0; i < depth; i++)
    g_string_append (out, close);
  return g_string_free (out, FALSE);
}

static void
test_file_deep_nesting (void)
{
  g_autofree char *brackets = nested ("[", "]", 100000, "");
  g_autofree char *objects = nested ("{\"a\":", "}", 10000, "1");
  g_autofree char *allowed = nested ("{\"a\":", "}", 60, "12345678901234567890");
  g_autofree char *doc1 = g_strconcat (HEAD, ",\"extra\":", brackets, "}", NULL);
  g_autofree char *doc2 = g_strconcat (HEAD, ",\"extra\":", objects, "}", NULL);
  g_autofree char *doc3 = g_strconcat (HEAD, ",\"extra\":", allowed, ",\"body\":\"Text\"}", NULL);
  g_autoptr(DlArticle) article = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize size;

  /* Refused before anything recursive sees them, and quickly: an
   * iterative reader stops at the limit. */
  assert_refused (doc1, -1, "nested more than 64 levels");
  assert_refused (doc2, -1, "nested more than 64 levels");

  /* Within the limit a nested unknown value round-trips, written
   * compactly: its size does not grow with the square of its depth. */
  article = dl_article_new_from_data (doc3, -1, &error);
  g_assert_no_error (error);
  bytes = dl_article_serialize (article);
  data = g_bytes_get_data (bytes, &size);
  dl_test_assert_contains (data, allowed);
  g_assert_cmpuint (size, <, strlen (doc3) + 1200);
}

/* "body": "x\u0000 after" was stored as "x", and called valid. */
static void
test_file_nul_refused (void)
{
  assert_refused (HEAD ",\"body\":\"x\\u0000 after\"}", -1, "U+0000");
  assert_refused (HEAD ",\"headline\":\"a\\u0000\"}", -1, "U+0000");
  assert_refused (HEAD ",\"extra\":{\"k\":\"\\u0000\"}}", -1, "U+0000");
  /* Raw control characters are not JSON either. */
  assert_refused (HEAD ",\"body\":\"tab\there\"}", -1, "U+0009");
  /* Nor are lone surrogates or duplicate names. */
  assert_refused (HEAD ",\"body\":\"\\ud800\"}", -1, "escape");
  assert_refused (HEAD ",\"body\":\"a\",\"body\":\"b\"}", -1, "appears twice");
}

/* Unknown values come back exactly: numbers beyond 64 bits (came back
 * negative), decimals (came back as 0.10000000000000001), escapes. */
static void
test_file_unknown_values_exact (void)
{
  const char *doc =
    HEAD ",\"numbers\":{\"big\":12345678901234567890,\"bigger\":-123456789012345678901234567890,"
    "\"tenth\":0.1,\"huge\":1e400,\"zero\":-0.0,\"exp\":6.02E+23},"
    "\"text\":\"\\u00e9\\ud83d\\ude00 \\\"q\\\" \\/\",\"list\":[true,false,null,[],{}],"
    "\"dateline\":{\"place\":\"Minsk\",\"geo\":[53.9000000000000001,27.56]},\"body\":\"B\"}";
  g_autoptr(GError) error = NULL;
  g_autoptr(DlArticle) article = dl_article_new_from_data (doc, -1, &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again_bytes = NULL;
  g_autoptr(DlArticle) again = NULL;
  const char *data;

  g_assert_no_error (error);
  bytes = dl_article_serialize (article);
  data = g_bytes_get_data (bytes, NULL);
  dl_test_assert_contains (data, "\"numbers\" : {\"big\":12345678901234567890,"
                                  "\"bigger\":-123456789012345678901234567890,\"tenth\":0.1,"
                                  "\"huge\":1e400,\"zero\":-0.0,\"exp\":6.02E+23}");
  dl_test_assert_contains (data, "\"text\" : \"\\u00e9\\ud83d\\ude00 \\\"q\\\" \\/\"");
  dl_test_assert_contains (data, "\"list\" : [true,false,null,[],{}]");
  dl_test_assert_contains (data, "\"geo\" : [53.9000000000000001,27.56]");

  /* And a second round trip changes nothing. */
  again = dl_article_new_from_data (data, -1, &error);
  g_assert_no_error (error);
  again_bytes = dl_article_serialize (again);
  g_assert_true (g_bytes_equal (bytes, again_bytes));
}

/* A newer Dateline's file is read, not refused, and never written back
 * as version 1. */
static void
test_file_newer_version (void)
{
  const char *doc =
    "{\"format\":\"dateline-article\",\"version\":2,\"uuid\":\"" UUID_A "\","
    "\"status\":\"embargoed\",\"headline\":\"From the future\","
    "\"credits\":[{\"role\":\"producer\",\"name\":\"Olga\"},{\"role\":\"photo\",\"name\":\"Ivan\"}],"
    "\"tags\":{\"now\":\"an object\"},\"created\":\"next Tuesday\",\"body\":\"Text\"}";
  g_autoptr(GError) error = NULL;
  g_autoptr(DlArticle) article = dl_article_new_from_data (doc, -1, &error);
  g_autoptr(DlArticle) copy = NULL;
  g_autoptr(DlCredit) credit = NULL;

  g_assert_no_error (error);
  g_assert_true (dl_article_is_read_only (article));
  dl_test_assert_contains (dl_article_get_read_only_reason (article), "newer version of Dateline");
  g_assert_cmpstr (dl_article_get_headline (article), ==, "From the future");
  g_assert_cmpstr (dl_article_get_body (article), ==, "Text");
  g_assert_cmpstr (dl_article_get_unknown_status (article), ==, "embargoed");
  g_assert_cmpuint (g_list_model_get_n_items (dl_article_get_credits (article)), ==, 2);
  credit = g_list_model_get_item (dl_article_get_credits (article), 0);
  g_assert_cmpstr (dl_credit_get_name (credit), ==, "Olga");

  /* Copies (a save's snapshot) stay read-only. */
  copy = dl_article_copy (article);
  g_assert_true (dl_article_is_read_only (copy));

  /* The same unknown status in a version 1 file is an error, as
   * docs/FILE-FORMAT.md says. */
  assert_refused (HEAD ",\"status\":\"embargoed\"}", -1, "embargoed");
}

static void
test_file_dates_rfc3339 (void)
{
  g_autoptr(DlArticle) article = dl_article_new ();
  g_autoptr(GTimeZone) minsk = g_time_zone_new_identifier ("Europe/Minsk");
  g_autoptr(GTimeZone) kolkata = g_time_zone_new_identifier ("Asia/Kolkata");
  g_autoptr(GDateTime) created = g_date_time_new (minsk, 2025, 5, 8, 10, 6, 0);
  g_autoptr(GDateTime) embargo = g_date_time_new_utc (2025, 5, 9, 6, 0, 0);
  g_autoptr(GDateTime) schedule = g_date_time_new (kolkata, 2025, 5, 9, 8, 30, 15.5);
  g_autoptr(GBytes) bytes = NULL;
  const char *data;

  dl_article_set_created (article, created);
  dl_article_set_embargo (article, embargo);
  dl_article_set_schedule (article, schedule);
  bytes = dl_article_serialize (article);
  data = g_bytes_get_data (bytes, NULL);
  dl_test_assert_contains (data, "\"created\" : \"2025-05-08T10:06:00+03:00\"");
  dl_test_assert_contains (data, "\"embargo\" : \"2025-05-09T06:00:00Z\"");
  dl_test_assert_contains (data, "\"schedule\" : \"2025-05-09T08:30:15+05:30\"");
  dl_test_assert_not_contains (data, "+03\"");
}

static void
test_file_limits (void)
{
  GString *tags = g_string_new (HEAD ",\"tags\":[");
  GString *credits = g_string_new (HEAD ",\"credits\":[");
  g_autofree char *long_text = g_strnfill (64 * 1024 + 1, 'x');
  g_autofree char *long_headline = g_strconcat (HEAD ",\"headline\":\"", long_text, "\"}", NULL);
  g_autofree char *tags_doc = NULL;
  g_autofree char *credits_doc = NULL;

  for (guint i = 0; i < 501; i++)
    {
      g_string_append_printf (tags, "%s\"t%u\"", i > 0 ? "," : "", i);
      g_string_append_printf (credits, "%s{\"name\":\"n%u\"}", i > 0 ? "," : "", i);
    }
  g_string_append (tags, "]}");
  g_string_append (credits, "]}");
  tags_doc = g_string_free (tags, FALSE);
  credits_doc = g_string_free (credits, FALSE);

  assert_refused (tags_doc, -1, "more than 500 tags");
  assert_refused (credits_doc, -1, "more than 500 credits");
  assert_refused (long_headline, -1, "“headline” is longer than");
}

static char *
body_from_buffer_cb (gpointer user_data)
{
  (*(guint *) user_data)++;
  return g_strdup ("typed in the editor");
}

static void
count_cb (DlArticle *article,
          guint     *count)
{
  (*count)++;
}

/* An editor's buffer is the body source: every change is heard at once
 * (autosave, the header), and the text is read only when needed. */
static void
test_article_body_source (void)
{
  g_autoptr(DlArticle) article = dl_article_new ();
  g_autoptr(DlArticle) copy = NULL;
  guint reads = 0, changes = 0;

  dl_article_set_body (article, "old");
  g_signal_connect (article, "changed", G_CALLBACK (count_cb), &changes);
  dl_article_set_body_source (article, body_from_buffer_cb, &reads, NULL);
  g_assert_cmpuint (reads, ==, 0);

  dl_article_body_source_changed (article);
  dl_article_body_source_changed (article);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpuint (reads, ==, 0);

  copy = dl_article_copy (article);
  g_assert_cmpuint (reads, ==, 1);
  g_assert_cmpstr (dl_article_get_body (copy), ==, "typed in the editor");
  g_assert_cmpstr (dl_article_get_body (article), ==, "typed in the editor");
  g_assert_cmpuint (reads, ==, 1);

  /* Detaching keeps the last text. */
  dl_article_body_source_changed (article);
  dl_article_set_body_source (article, NULL, NULL, NULL);
  g_assert_cmpuint (reads, ==, 2);
  g_assert_cmpstr (dl_article_get_body (article), ==, "typed in the editor");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/article/defaults", test_article_defaults);
  g_test_add_func ("/article/changed-signal", test_article_changed_signal);
  g_test_add_func ("/article/copy", test_article_copy);
  g_test_add_func ("/article/tags-rules", test_tags_rules);
  g_test_add_func ("/article/credits-rules", test_credits_rules);
  g_test_add_func ("/article/file/round-trip", test_file_round_trip);
  g_test_add_func ("/article/file/unknown-keys-survive", test_file_unknown_keys_survive);
  g_test_add_func ("/article/file/errors", test_file_errors);
  g_test_add_func ("/article/file/blank", test_file_blank);
  g_test_add_func ("/article/file/deep-nesting", test_file_deep_nesting);
  g_test_add_func ("/article/file/nul-refused", test_file_nul_refused);
  g_test_add_func ("/article/file/unknown-values-exact", test_file_unknown_values_exact);
  g_test_add_func ("/article/file/newer-version", test_file_newer_version);
  g_test_add_func ("/article/file/dates-rfc3339", test_file_dates_rfc3339);
  g_test_add_func ("/article/file/limits", test_file_limits);
  g_test_add_func ("/article/body-source", test_article_body_source);

  return g_test_run ();
}
