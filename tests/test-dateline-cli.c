/* test-dateline-cli.c: the "dateline" command and the `show` text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "dl-cli-dateline.h"
#include "dl-dateline.h"
#include "dl-test-util.h"

/* Runs the command with @context's house style (a fresh context's when NULL). */
static int
run_with (DlContext  *context,
          const char *first,
          va_list     ap)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(DlContext) fresh = NULL;
  const char *arg;

  if (context == NULL)
    context = fresh = dl_context_new (NULL);
  g_ptr_array_add (args, (char *) "dateline");
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  g_ptr_array_add (args, NULL);
  return dl_cli_dateline_main (context, args->len - 1, (char **) args->pdata);
}

static int
run_in (DlContext  *context,
        const char *first,
        ...)
{
  va_list ap;
  int status;

  va_start (ap, first);
  status = run_with (context, first, ap);
  va_end (ap);
  return status;
}

static int
run (const char *first, ...)
{
  va_list ap;
  int status;

  va_start (ap, first);
  status = run_with (NULL, first, ap);
  va_end (ap);
  return status;
}

/* Without --style, --source or --pattern the context's house style
 * decides, and that follows the settings (the Preferences). */
static void
test_cli_house_style (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(DlContext) context = dl_context_new (NULL);
      GSettings *settings = dl_context_get_settings (context);

      g_assert_nonnull (settings);
      g_settings_set_string (settings, "default-dateline-style", "custom");
      g_settings_set_string (settings, "custom-dateline-pattern", "{CITY} ({source}) — ");
      g_settings_set_string (settings, "default-source", "Reuters");
      g_assert_cmpstr (dl_house_style_get_source (dl_context_get_house_style (context)), ==, "Reuters");
      g_assert_cmpint (run_in (context, "--place", "Minsk", "--date", "2025-05-08", NULL), ==, 0);
      /* An option still wins over the house. */
      g_assert_cmpint (run_in (context, "--place", "Minsk", "--date", "2025-05-08",
                               "--source", "BelTA", NULL), ==, 0);
      exit (run_in (context, "--place", "Minsk", "--date", "2025-05-08", "--style", "belta", NULL));
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("MINSK (Reuters) — \nMINSK (BelTA) — \nMINSK, 8 May (Reuters) - \n");
}

static void
test_cli_sample (void)
{
  if (g_test_subprocess ())
    {
      exit (run ("--style", "belta", "--place", "Minsk", "--date", "2025-05-08T10:06+03:00",
                 "--source", "BelTA", "--lang", "en", NULL));
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("MINSK, 8 May (BelTA) - \n");
}

static void
test_cli_time_zone_and_language (void)
{
  if (g_test_subprocess ())
    {
      exit (run ("--style", "ru-agency", "--place", "Минск", "--date", "2025-05-07T23:30:00Z",
                 "--tz", "Europe/Minsk", "--source", "БелТА", "--lang", "ru", NULL));
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("МИНСК, 8 мая (БЕЛТА) - \n");
}

static void
test_cli_pattern (void)
{
  if (g_test_subprocess ())
    {
      exit (run ("--pattern", "{city}, {country} [{SOURCE}]: ", "--place", "Minsk",
                 "--country", "Belarus", "--source", "BelTA", "--date", "2025-05-08", NULL));
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("Minsk, Belarus [BELTA]: \n");
}

typedef struct
{
  const char *args[6];
  const char *stderr_pattern;
} BadCase;

static const BadCase bad_cases[] = {
  { { "--place", "Minsk", "--style", "bbc" }, "*“bbc” is not a dateline style*" },
  { { "--place", "Minsk", "--date", "yesterday" }, "*“yesterday” is not a date*" },
  { { "--place", "Minsk", "--tz", "Mars/Olympus" }, "*“Mars/Olympus” is not a time zone*" },
  { { "--place", "Minsk", "--lang", "xx" }, "*“xx” is not a language*" },
  { { "--place", "Minsk", "--pattern", "{CITY} {when}" }, "*Unknown token “{when}”*" },
  { { "--source", "BelTA" }, "*needs a place*" },
};

static void
test_cli_bad_input (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/dateline-cli/bad-input/subprocess/%u", i);
      g_test_trap_subprocess (path, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_failed ();
      g_test_trap_assert_stdout ("");
      g_test_trap_assert_stderr (bad_cases[i].stderr_pattern);
    }
}

static void
bad_case_subprocess (gconstpointer data)
{
  const BadCase *c = data;
  exit (run (c->args[0], c->args[1], c->args[2], c->args[3], c->args[4], c->args[5], NULL));
}

static void
test_cli_show (void)
{
  g_autoptr(DlArticle) article = dl_article_new ();
  g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 ("2025-05-08T10:06:00+03:00", NULL);
  g_autoptr(DlCredit) author = dl_credit_new (DL_CREDIT_ROLE_AUTHOR, "Anna Ivanova", NULL);
  g_autoptr(DlCredit) photo = dl_credit_new (DL_CREDIT_ROLE_PHOTO, "", "courtesy of the BelCCI");
  g_autofree char *text = NULL;
  g_autofree char *bad = NULL;

  g_autoptr(DlHouseStyle) house_style = dl_house_style_new ();
  g_autoptr(DlHouseStyle) reuters = dl_house_style_new ();

  dl_house_style_set_dateline_style (house_style, "belta");
  dl_house_style_set_source (house_style, "");
  dl_article_set_place (article, "Minsk");
  dl_article_set_dateline_date (article, date);
  dl_article_set_time_zone (article, "Europe/Minsk");
  dl_article_set_source (article, "BelTA");
  dl_article_set_language (article, "en");
  dl_article_add_credit (article, author);
  dl_article_add_credit (article, photo);

  text = dl_cli_format_article_dateline_and_credits (article, house_style);
  g_assert_cmpstr (text, ==,
                   "Dateline: MINSK, 8 May (BelTA) - \n"
                   "Credits:\n"
                   "  By Anna Ivanova\n"
                   "  Photo courtesy of the BelCCI\n");

  /* A substitution is shown, not hidden */
  dl_article_set_time_zone (article, "Nowhere/Land");
  bad = dl_cli_format_article_dateline_and_credits (article, house_style);
  g_assert_true (g_str_has_prefix (bad, "Dateline: MINSK, 8 May (BelTA) - \n"));
  dl_test_assert_contains (bad, "Note: “Nowhere/Land” is not a time zone");

  /* The house style given is the one used: the article names no style. */
  dl_house_style_set_dateline_style (reuters, "reuters");
  g_free (text);
  text = dl_cli_format_article_dateline_and_credits (article, reuters);
  g_assert_true (g_str_has_prefix (text, "Dateline: MINSK, May 8 (BelTA) - \n"));
}

int
main (int   argc,
      char *argv[])
{
  /* Like dateline-cli's main(): GOption reads arguments in the locale's
   * charset, so the locale must be set for "Минск" to be accepted. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dateline-cli/sample", test_cli_sample);
  g_test_add_func ("/dateline-cli/time-zone-and-language", test_cli_time_zone_and_language);
  g_test_add_func ("/dateline-cli/pattern", test_cli_pattern);
  g_test_add_func ("/dateline-cli/bad-input", test_cli_bad_input);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/dateline-cli/bad-input/subprocess/%u", i);
      g_test_add_data_func (path, &bad_cases[i], bad_case_subprocess);
    }
  g_test_add_func ("/dateline-cli/show", test_cli_show);
  g_test_add_func ("/dateline-cli/house-style", test_cli_house_style);

  return g_test_run ();
}
