/* test-ui-dates.c: dates in the interface's language, whatever LC_TIME says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>

#include "dl-ui-dates.h"

/* Each language's own order, words and punctuation, from one skeleton. */
static void
test_languages (void)
{
  static const struct { const char *locale, *skeleton, *expected; } cases[] = {
    { "en_GB", "dMMMy", "8 May 2025" },
    { "en_US", "dMMMy", "May 8, 2025" },
    { "de", "dMMMy", "8. Mai 2025" },
    { "de", "EEEE", "Donnerstag" },
    { "ru", "dMMM", "8 мая" },
    { "ru", "LLLLy", "май 2025\u202Fг." },   /* a narrow no-break space */
    { "zh_CN", "dMMMy", "2025年5月8日" },
    { "de", "dMMMMyHHmm", "8. Mai 2025 um 10:06" },
  };
  g_autoptr(GDateTime) moment = g_date_time_new_from_iso8601 ("2025-05-08T10:06:00+03:00", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = dl_ui_date_format_in (moment, cases[i].skeleton, cases[i].locale);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* Shown in the moment's own offset, not the machine's zone or UTC. */
static void
test_offset_kept (void)
{
  g_autoptr(GDateTime) late = g_date_time_new_from_iso8601 ("2025-05-08T23:30:00-05:00", NULL);
  g_autofree char *text = dl_ui_date_format_in (late, "dMMMMyHHmm", "en_GB");

  g_assert_cmpstr (text, ==, "8 May 2025 at 23:30");
}

/* With no catalogue (LC_ALL=C.UTF-8, as the tests run) the interface is
 * English, and dates are written the British way its strings are. */
static void
test_untranslated_is_english (void)
{
  g_autoptr(GDateTime) moment = g_date_time_new_from_iso8601 ("2025-05-08T10:06:00+03:00", NULL);
  g_autofree char *text = dl_ui_date_format (moment, "dMMMy");

  g_assert_cmpstr (dl_ui_locale (), ==, "en_GB");
  g_assert_cmpstr (text, ==, "8 May 2025");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ui-dates/languages", test_languages);
  g_test_add_func ("/ui-dates/offset-kept", test_offset_kept);
  g_test_add_func ("/ui-dates/untranslated-is-english", test_untranslated_is_english);
  return g_test_run ();
}
