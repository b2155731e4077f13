/* test-workflow.c: the newsroom workflow in the core: status, embargo,
 * schedule, and reading the dates people type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dl-article-file.h"
#include "dl-date-entry.h"
#include "dl-release-times.h"
#include "dl-test-util.h"

static GDateTime *
parse_in (const char  *text,
          const char  *zone_id,
          DlDateOrder  order,
          GError     **error)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zone_id);

  g_assert_nonnull (zone);
  return dl_date_entry_parse (text, zone, order, 0, error);
}

static void
assert_moment (GDateTime  *date_time,
               const char *expected_utc)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *text = NULL;

  g_assert_nonnull (date_time);
  utc = g_date_time_to_utc (date_time);
  text = g_date_time_format (utc, "%Y-%m-%d %H:%M:%S");
  g_assert_cmpstr (text, ==, expected_utc);
}

/* Every form a journalist types for 8 May 2025, 10:06 in Minsk. */
static void
test_date_entry_forms (void)
{
  const struct { const char *text; DlDateOrder order; const char *utc; } cases[] = {
    { "2025-05-08 10:06", DL_DATE_ORDER_DAY_MONTH_YEAR, "2025-05-08 07:06:00" },
    { "2025-05-08T10:06", DL_DATE_ORDER_DAY_MONTH_YEAR, "2025-05-08 07:06:00" },
    { "  2025-05-08 10:06:30  ", DL_DATE_ORDER_DAY_MONTH_YEAR, "2025-05-08 07:06:30" },
    { "2025-05-08T10:06:00+03:00", DL_DATE_ORDER_DAY_MONTH_YEAR, "2025-05-08 07:06:00" },
    { "2025-05-08T07:06:00Z", DL_DATE_ORDER_DAY_MONTH_YEAR, "2025-05-08 07:06:00" },
    { "2025-05-08 10:06 +0100", DL_DATE_ORDER_DAY_MONTH_YEAR, "2025-05-08 09:06:00" },
    /* The bug report: day-first dots, as Belarus and most of Europe write */
    { "08.05.2025 10:06", DL_DATE_ORDER_MONTH_DAY_YEAR, "2025-05-08 07:06:00" },
    { "8.5.2025 10:06", DL_DATE_ORDER_MONTH_DAY_YEAR, "2025-05-08 07:06:00" },
    { "08.05.2025. 10:06", DL_DATE_ORDER_DAY_MONTH_YEAR, "2025-05-08 07:06:00" },
    { "08.05.25 10:06", DL_DATE_ORDER_DAY_MONTH_YEAR, "2025-05-08 07:06:00" },
    /* Slashes follow the locale */
    { "05/08/2025 10:06", DL_DATE_ORDER_MONTH_DAY_YEAR, "2025-05-08 07:06:00" },
    { "08/05/2025 10:06", DL_DATE_ORDER_DAY_MONTH_YEAR, "2025-05-08 07:06:00" },
    { "2025/05/08 10:06", DL_DATE_ORDER_MONTH_DAY_YEAR, "2025-05-08 07:06:00" },
    /* A 12-hour clock */
    { "05/08/2025 10:06 am", DL_DATE_ORDER_MONTH_DAY_YEAR, "2025-05-08 07:06:00" },
    { "05/08/2025, 10:06 PM", DL_DATE_ORDER_MONTH_DAY_YEAR, "2025-05-08 19:06:00" },
    { "05/08/2025 12:30 a.m.", DL_DATE_ORDER_MONTH_DAY_YEAR, "2025-05-07 21:30:00" },
    /* A bare day: the start of it */
    { "08.05.2025", DL_DATE_ORDER_DAY_MONTH_YEAR, "2025-05-07 21:00:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) date_time = parse_in (cases[i].text, "Europe/Minsk", cases[i].order, &error);

      g_test_message ("%s", cases[i].text);
      g_assert_no_error (error);
      assert_moment (date_time, cases[i].utc);
    }
}

/* What cannot be read says why, in a sentence with an example. */
static void
test_date_entry_errors (void)
{
  const struct { const char *text; int code; const char *says; } cases[] = {
    { "", DL_DATE_ENTRY_ERROR_FORMAT, "2025-05-08 10:06" },
    { "tomorrow", DL_DATE_ENTRY_ERROR_FORMAT, "08.05.2025 10:06" },
    { "08.05.2025 10", DL_DATE_ENTRY_ERROR_FORMAT, "Write it as" },
    { "08.05.2025 10:06 and more", DL_DATE_ENTRY_ERROR_FORMAT, "Write it as" },
    { "2025-05-08 10:06+99:00", DL_DATE_ENTRY_ERROR_FORMAT, "Write it as" },
    { "25-05-08", DL_DATE_ENTRY_ERROR_FORMAT, "Write it as" },
    { "31.02.2025 10:06", DL_DATE_ENTRY_ERROR_RANGE, "has 28 days" },
    { "29.02.2024", -1, NULL },
    { "08.13.2025", DL_DATE_ENTRY_ERROR_RANGE, "no month 13" },
    { "08.05.2025 24:00", DL_DATE_ENTRY_ERROR_RANGE, "time of day" },
    { "08.05.2025 10:60", DL_DATE_ENTRY_ERROR_RANGE, "time of day" },
    { "05/08/2025 13:00 pm", DL_DATE_ENTRY_ERROR_RANGE, "time of day" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) date_time = parse_in (cases[i].text, "UTC", DL_DATE_ORDER_DAY_MONTH_YEAR, &error);

      g_test_message ("“%s”", cases[i].text);
      if (cases[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_nonnull (date_time);
          continue;
        }
      g_assert_null (date_time);
      g_assert_error (error, DL_DATE_ENTRY_ERROR, cases[i].code);
      dl_test_assert_contains (error->message, cases[i].says);
    }
}

/* What an entry shows reads back as the same moment. */
static void
test_date_entry_round_trip (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GDateTime) moment = g_date_time_new_utc (2025, 11, 2, 14, 45, 0);
  g_autoptr(GDateTime) back = NULL;
  g_autofree char *shown = dl_date_entry_format (moment, zone);
  g_autofree char *reading = dl_date_entry_format_for_reading (moment, zone);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (shown, ==, "2025-11-02 09:45");
  dl_test_assert_contains (reading, "2 November 2025 at 09:45 EST");
  back = dl_date_entry_parse (shown, zone, DL_DATE_ORDER_MONTH_DAY_YEAR, 0, &error);
  g_assert_no_error (error);
  g_assert_true (g_date_time_equal (back, moment));
}

static void
test_release_rules (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2025, 5, 8, 7, 0, 0);
  g_autoptr(GDateTime) past = g_date_time_add_hours (now, -2);
  g_autoptr(GDateTime) soon = g_date_time_add_hours (now, 1);
  g_autoptr(GDateTime) later = g_date_time_add_hours (now, 3);
  g_autofree char *message = NULL;

  g_assert_cmpint (dl_release_check_embargo (NULL, NULL, now, &message), ==, DL_RELEASE_FINE);
  g_assert_null (message);
  g_assert_cmpint (dl_release_check_schedule (NULL, NULL, now, &message), ==, DL_RELEASE_FINE);
  g_assert_null (message);

  /* An embargo still to lift says when. */
  g_assert_cmpint (dl_release_check_embargo (soon, NULL, now, &message), ==, DL_RELEASE_NOTE);
  dl_test_assert_contains (message, "Embargoed until");
  g_clear_pointer (&message, g_free);
  g_assert_true (dl_release_is_embargoed (soon, now));

  /* An embargo in the past has lifted. */
  g_assert_cmpint (dl_release_check_embargo (past, NULL, now, &message), ==, DL_RELEASE_NOTE);
  dl_test_assert_contains (message, "lifted");
  g_clear_pointer (&message, g_free);
  g_assert_false (dl_release_is_embargoed (past, now));

  /* Scheduled before the embargo lifts: a conflict, on both fields. */
  g_assert_cmpint (dl_release_check_schedule (later, soon, now, &message), ==, DL_RELEASE_CONFLICT);
  dl_test_assert_contains (message, "before the embargo lifts");
  g_clear_pointer (&message, g_free);
  g_assert_cmpint (dl_release_check_embargo (later, soon, now, &message), ==, DL_RELEASE_CONFLICT);
  g_clear_pointer (&message, g_free);

  /* At the embargo time, or after: the usual case, fine. */
  g_assert_cmpint (dl_release_check_schedule (soon, soon, now, &message), ==, DL_RELEASE_NOTE);
  dl_test_assert_contains (message, "Goes live");
  g_clear_pointer (&message, g_free);
  g_assert_cmpint (dl_release_check_embargo (soon, later, now, NULL), ==, DL_RELEASE_NOTE);

  /* A schedule in the past publishes at once. */
  g_assert_cmpint (dl_release_check_schedule (NULL, past, now, &message), ==, DL_RELEASE_NOTE);
  dl_test_assert_contains (message, "at once");
  g_clear_pointer (&message, g_free);
}

/* Editing a published (or scheduled) story marks it "Changed since
 * publishing": any field, a credit, the body; not a status change. */
static void
test_edit_after_publishing (void)
{
  const DlArticleStatus live[] = { DL_ARTICLE_STATUS_PUBLISHED, DL_ARTICLE_STATUS_SCHEDULED };

  for (guint i = 0; i < G_N_ELEMENTS (live); i++)
    {
      g_autoptr(DlArticle) article = dl_test_belta_article ();
      g_autoptr(DlCredit) credit = dl_credit_new (DL_CREDIT_ROLE_AUTHOR, "Anna Ivanova", NULL);
      g_autoptr(GDateTime) when = g_date_time_new_now_utc ();

      dl_article_set_status (article, live[i]);
      g_assert_cmpint (dl_article_get_status (article), ==, live[i]);
      dl_article_set_modified (article, when);
      g_assert_cmpint (dl_article_get_status (article), ==, live[i]);

      dl_article_set_headline (article, "A corrected headline");
      g_assert_cmpint (dl_article_get_status (article), ==, DL_ARTICLE_STATUS_CHANGED);

      dl_article_set_status (article, live[i]);
      dl_article_add_credit (article, credit);
      g_assert_cmpint (dl_article_get_status (article), ==, DL_ARTICLE_STATUS_CHANGED);

      dl_article_set_status (article, live[i]);
      dl_credit_set_name (credit, "Anna Ivanova-Petrova");
      g_assert_cmpint (dl_article_get_status (article), ==, DL_ARTICLE_STATUS_CHANGED);

      dl_article_set_status (article, live[i]);
      dl_article_set_body (article, "A new paragraph.");
      g_assert_cmpint (dl_article_get_status (article), ==, DL_ARTICLE_STATUS_CHANGED);
    }

  /* A draft stays a draft. */
  {
    g_autoptr(DlArticle) article = dl_test_belta_article ();

    dl_article_set_headline (article, "Still a draft");
    g_assert_cmpint (dl_article_get_status (article), ==, DL_ARTICLE_STATUS_DRAFT);
    dl_article_set_status (article, DL_ARTICLE_STATUS_READY);
    dl_article_set_headline (article, "Ready, then edited");
    g_assert_cmpint (dl_article_get_status (article), ==, DL_ARTICLE_STATUS_READY);
  }
}

/* Reading a published article from its file keeps it Published. */
static void
test_loading_keeps_published (void)
{
  g_autoptr(DlArticle) article = dl_test_belta_article ();
  g_autoptr(DlArticle) loaded = NULL;
  g_autoptr(GDateTime) embargo = g_date_time_new_utc (2025, 5, 8, 7, 6, 0);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  dl_article_set_body (article, "Body text.");
  dl_article_set_embargo (article, embargo);
  dl_article_set_status (article, DL_ARTICLE_STATUS_PUBLISHED);
  bytes = dl_article_serialize (article);
  loaded = dl_article_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  g_assert_cmpint (dl_article_get_status (loaded), ==, DL_ARTICLE_STATUS_PUBLISHED);
  g_assert_true (g_date_time_equal (dl_article_get_embargo (loaded), embargo));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workflow/date-entry/forms", test_date_entry_forms);
  g_test_add_func ("/workflow/date-entry/errors", test_date_entry_errors);
  g_test_add_func ("/workflow/date-entry/round-trip", test_date_entry_round_trip);
  g_test_add_func ("/workflow/release-rules", test_release_rules);
  g_test_add_func ("/workflow/status/edit-after-publishing", test_edit_after_publishing);
  g_test_add_func ("/workflow/status/loading-keeps-published", test_loading_keeps_published);

  return g_test_run ();
}
