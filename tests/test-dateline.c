/* test-dateline.c: datelines in every house style and language, credits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dl-article.h"
#include "dl-credit-lines.h"
#include "dl-dateline.h"
#include "dl-house-style.h"
#include "dl-test-util.h"

typedef struct
{
  const char *style;
  const char *language;
  const char *place;
  const char *region;
  const char *country;
  const char *source;
  const char *expected;
} StyleCase;

/* 2025-05-08 10:06 in Minsk, the sample article's moment. */
static const StyleCase style_cases[] = {
  /* English */
  { "belta", "en", "Minsk", "", "Belarus", "BelTA", "MINSK, 8 May (BelTA) - " },
  { "reuters", "en", "Minsk", "", "Belarus", "Reuters", "MINSK, May 8 (Reuters) - " },
  { "ap", "en", "Minsk", "", "Belarus", "AP", "MINSK, Belarus (AP) — " },
  { "ap", "en", "Austin", "Texas", "United States", "AP", "AUSTIN, Texas (AP) — " },
  { "afp", "en", "Minsk", "", "Belarus", "AFP", "Minsk (AFP) - " },
  { "ru-agency", "en", "Minsk", "", "Belarus", "BelTA", "MINSK, 8 May (BELTA) - " },
  { "xinhua", "en", "Beijing", "", "China", "Xinhua", "BEIJING, May 8 (Xinhua) -- " },
  { "xinhua", "en-GB", "Beijing", "", "China", "", "BEIJING, May 8 (Xinhua) -- " },
  /* Russian: the genitive month comes from ICU */
  { "belta", "ru", "Минск", "", "Беларусь", "БелТА", "МИНСК, 8 мая (БелТА) - " },
  { "ru-agency", "ru-RU", "Минск", "", "Беларусь", "БелТА", "МИНСК, 8 мая (БЕЛТА) - " },
  { "reuters", "ru", "Москва", "", "Россия", "Рейтер", "МОСКВА, 8 мая (Рейтер) - " },
  { "ap", "ru", "Минск", "", "Беларусь", "AP", "МИНСК, Беларусь (AP) — " },
  { "afp", "ru", "Минск", "", "Беларусь", "AFP", "Минск (AFP) - " },
  { "xinhua", "ru", "Пекин", "", "Китай", "Синьхуа", "ПЕКИН, 8 мая (Синьхуа) -- " },
  /* Belarusian */
  { "belta", "be", "Мінск", "", "Беларусь", "БелТА", "МІНСК, 8 траўня (БелТА) - " },
  { "ru-agency", "be-BY", "Мінск", "", "Беларусь", "БелТА", "МІНСК, 8 траўня (БЕЛТА) - " },
  { "reuters", "be", "Мінск", "", "Беларусь", "Reuters", "МІНСК, 8 траўня (Reuters) - " },
  { "ap", "be", "Мінск", "", "Беларусь", "AP", "МІНСК, Беларусь (AP) — " },
  { "afp", "be", "Мінск", "", "Беларусь", "AFP", "Мінск (AFP) - " },
  { "xinhua", "be", "Пекін", "", "Кітай", "Сіньхуа", "ПЕКІН, 8 траўня (Сіньхуа) -- " },
  /* Chinese: the language's own day-month order in every style */
  { "xinhua", "zh", "北京", "", "中国", "新华社", "新华社北京5月8日电 " },
  { "xinhua", "zh-Hans-CN", "北京", "", "中国", "", "新华社北京5月8日电 " },
  { "belta", "zh", "明斯克", "", "白俄罗斯", "白俄通讯社", "明斯克, 5月8日 (白俄通讯社) - " },
  { "reuters", "zh", "明斯克", "", "白俄罗斯", "路透社", "明斯克, 5月8日 (路透社) - " },
  { "ap", "zh", "明斯克", "", "白俄罗斯", "美联社", "明斯克, 白俄罗斯 (美联社) — " },
  { "afp", "zh", "明斯克", "", "白俄罗斯", "法新社", "明斯克 (法新社) - " },
  { "ru-agency", "zh", "明斯克", "", "白俄罗斯", "白俄通讯社", "明斯克, 5月8日 (白俄通讯社) - " },
  /* Missing pieces leave no empty parentheses */
  { "belta", "en", "Minsk", "", "", "", "MINSK, 8 May - " },
  { "ap", "en", "Minsk", "", "", "AP", "MINSK (AP) — " },
};

static GDateTime *
sample_date (void)
{
  return g_date_time_new_from_iso8601 ("2025-05-08T10:06:00+03:00", NULL);
}

static void
test_styles_table (void)
{
  g_autoptr(GDateTime) date = sample_date ();

  for (guint i = 0; i < G_N_ELEMENTS (style_cases); i++)
    {
      const StyleCase *c = &style_cases[i];
      DlDatelineFields fields = { c->place, c->region, c->country, date, "Europe/Minsk",
                                  c->source, c->language };
      g_autoptr(GError) error = NULL;
      g_autofree char *text = dl_dateline_format (&fields, c->style, NULL, &error);

      g_test_message ("case %u: %s/%s", i, c->style, c->language);
      g_assert_no_error (error);
      g_assert_cmpstr (text, ==, c->expected);
    }
}

/* Belarusian months must come from Belarusian data, not Russian. */
static void
test_month_names_per_language (void)
{
  static const struct { const char *language; const char *iso; const char *expected; } cases[] = {
    { "en", "2025-08-15T12:00:00Z", "MINSK, 15 August - " },
    { "ru", "2025-08-15T12:00:00Z", "MINSK, 15 августа - " },
    { "be", "2025-08-15T12:00:00Z", "MINSK, 15 жніўня - " },
    { "be", "2025-05-08T12:00:00Z", "MINSK, 8 траўня - " },
    { "be", "2025-01-02T12:00:00Z", "MINSK, 2 студзеня - " },
    { "ru", "2025-01-02T12:00:00Z", "MINSK, 2 января - " },
    { "zh", "2025-12-31T12:00:00Z", "MINSK, 12月31日 - " },
    { "de", "2025-03-01T12:00:00Z", "MINSK, 1 März - " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 (cases[i].iso, NULL);
      DlDatelineFields fields = { "Minsk", NULL, NULL, date, "UTC", NULL, cases[i].language };
      g_autoptr(GError) error = NULL;
      g_autofree char *text = dl_dateline_format (&fields, "belta", NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* 23:30 UTC on 7 May is already 8 May in Minsk (UTC+3). */
static void
test_time_zone_edge (void)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 ("2025-05-07T23:30:00Z", NULL);
  DlDatelineFields fields = { "Minsk", NULL, "Belarus", date, "Europe/Minsk", "BelTA", "en" };
  g_autoptr(GError) error = NULL;
  g_autofree char *in_minsk = dl_dateline_format (&fields, "belta", NULL, &error);
  g_autofree char *own_offset = NULL;
  g_autofree char *in_new_york = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (in_minsk, ==, "MINSK, 8 May (BelTA) - ");

  /* No zone: the date's own offset (UTC here) decides. */
  fields.time_zone = "";
  own_offset = dl_dateline_format (&fields, "belta", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (own_offset, ==, "MINSK, 7 May (BelTA) - ");

  fields.place = "New York";
  fields.time_zone = "America/New_York";
  in_new_york = dl_dateline_format (&fields, "reuters", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (in_new_york, ==, "NEW YORK, May 7 (BelTA) - ");
}

typedef struct
{
  const char *pattern;
  const char *language;
  const char *iso;
  const char *expected;
} PatternCase;

static const PatternCase pattern_cases[] = {
  { DL_DATELINE_DEFAULT_PATTERN, "en", "2025-05-08T10:06:00+03:00", "MINSK, 8 May (BelTA) - " },
  { "{CITY}|{city}|{region}|{country}|{source}|{SOURCE}", "en", "2025-05-08T10:06:00+03:00",
    "MINSK|Minsk|Minsk Region|Belarus|BelTA|BELTA" },
  { "{day}.{month}.{year}", "en", "2025-05-08T10:06:00+03:00", "8.May.2025" },
  { "{mon} {day}", "en", "2025-09-08T10:06:00+03:00", "Sept. 8" },
  { "{mon} {day}", "en", "2025-03-08T10:06:00+03:00", "March 8" },
  { "{mon} {day}", "en", "2025-08-08T10:06:00+03:00", "Aug. 8" },
  { "{mon} {day}", "en", "2025-07-08T10:06:00+03:00", "July 8" },
  { "{mon} {day}", "en", "2025-02-08T10:06:00+03:00", "Feb. 8" },
  { "{day} {mon}", "ru", "2025-09-08T10:06:00+03:00", "8 сент." },
  { "{date}", "en", "2025-05-08T10:06:00+03:00", "May 8" },
  { "{date}", "ru", "2025-05-08T10:06:00+03:00", "8 мая" },
  { "{date}", "zh", "2025-05-08T10:06:00+03:00", "5月8日" },
  /* Next to a day the month is genitive; alone it is nominative. */
  { "{day} {month}", "ru", "2025-05-08T10:06:00+03:00", "8 мая" },
  { "{month} {year}", "ru", "2025-05-08T10:06:00+03:00", "май 2025" },
  { "{month} {year}", "be", "2025-08-08T10:06:00+03:00", "жнівень 2025" },
  { "{month} {year}", "be", "2025-05-08T10:06:00+03:00", "травень 2025" },
  { "{CITY} {sep} {{{source}}}", "en", "2025-05-08T10:06:00+03:00", "MINSK — {BelTA}" },
};

static void
test_custom_patterns (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (pattern_cases); i++)
    {
      const PatternCase *c = &pattern_cases[i];
      g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 (c->iso, NULL);
      DlDatelineFields fields = { "Minsk", "Minsk Region", "Belarus", date, "Europe/Minsk",
                                  "BelTA", c->language };
      g_autoptr(GError) error = NULL;
      g_autofree char *text = dl_dateline_format (&fields, "custom", c->pattern, &error);

      g_test_message ("pattern %s", c->pattern);
      g_assert_no_error (error);
      g_assert_cmpstr (text, ==, c->expected);
    }
}

static void
test_bad_patterns (void)
{
  static const char * const bad[] = { "{CITY} {nope}", "{CITY", "CITY}", "", "   " };
  g_autoptr(GDateTime) date = sample_date ();
  DlDatelineFields fields = { "Minsk", NULL, NULL, date, "Europe/Minsk", "BelTA", "en" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) reason = NULL;
      g_autofree char *text = dl_dateline_format (&fields, "custom", bad[i], &error);
      g_autofree char *fallback = NULL;

      g_assert_null (text);
      g_assert_error (error, DL_DATELINE_ERROR, DL_DATELINE_ERROR_BAD_PATTERN);
      g_assert_false (dl_dateline_pattern_validate (bad[i], NULL));

      /* The lenient path falls back to BelTA and says so. */
      fallback = dl_dateline_format_with_fallback (&fields, "custom", bad[i], &reason);
      g_assert_cmpstr (fallback, ==, "MINSK, 8 May (BelTA) - ");
      g_assert_error (reason, DL_DATELINE_ERROR, DL_DATELINE_ERROR_BAD_PATTERN);
    }

  {
    g_autoptr(GError) error = NULL;
    g_assert_false (dl_dateline_pattern_validate ("{CITY} {nope}", &error));
    dl_test_assert_contains (error->message, "{nope}");
    dl_test_assert_contains (error->message, "{CITY}");   /* lists the known tokens */
  }
}

static void
test_bad_input (void)
{
  g_autoptr(GDateTime) date = sample_date ();
  DlDatelineFields fields = { "  ", NULL, NULL, date, "Europe/Minsk", "BelTA", "en" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) reason = NULL;
  g_autofree char *text = NULL;
  g_autofree char *lenient = NULL;

  /* Empty place */
  text = dl_dateline_format (&fields, "belta", NULL, &error);
  g_assert_null (text);
  g_assert_error (error, DL_DATELINE_ERROR, DL_DATELINE_ERROR_EMPTY_PLACE);
  g_clear_error (&error);
  lenient = dl_dateline_format_with_fallback (&fields, "belta", NULL, &reason);
  g_assert_cmpstr (lenient, ==, "");
  g_assert_error (reason, DL_DATELINE_ERROR, DL_DATELINE_ERROR_EMPTY_PLACE);
  g_clear_error (&reason);
  g_clear_pointer (&lenient, g_free);

  /* Unknown language: strict error, lenient English with a reason */
  fields.place = "Minsk";
  fields.language = "xx";
  text = dl_dateline_format (&fields, "belta", NULL, &error);
  g_assert_null (text);
  g_assert_error (error, DL_DATELINE_ERROR, DL_DATELINE_ERROR_UNKNOWN_LANGUAGE);
  dl_test_assert_contains (error->message, "xx");
  g_clear_error (&error);
  lenient = dl_dateline_format_with_fallback (&fields, "belta", NULL, &reason);
  g_assert_cmpstr (lenient, ==, "MINSK, 8 May (BelTA) - ");
  g_assert_error (reason, DL_DATELINE_ERROR, DL_DATELINE_ERROR_UNKNOWN_LANGUAGE);
  g_clear_error (&reason);
  g_clear_pointer (&lenient, g_free);
  g_assert_false (dl_dateline_language_is_known ("xx"));
  g_assert_false (dl_dateline_language_is_known (""));
  g_assert_true (dl_dateline_language_is_known ("be-BY"));

  /* Unknown style */
  fields.language = "en";
  text = dl_dateline_format (&fields, "bbc", NULL, &error);
  g_assert_null (text);
  g_assert_error (error, DL_DATELINE_ERROR, DL_DATELINE_ERROR_UNKNOWN_STYLE);
  g_clear_error (&error);
  lenient = dl_dateline_format_with_fallback (&fields, "bbc", NULL, &reason);
  g_assert_cmpstr (lenient, ==, "MINSK, 8 May (BelTA) - ");
  g_assert_error (reason, DL_DATELINE_ERROR, DL_DATELINE_ERROR_UNKNOWN_STYLE);
  g_clear_error (&reason);
  g_clear_pointer (&lenient, g_free);

  /* Bad time zone: the date's own offset (+03:00 here) */
  fields.time_zone = "Europe/Atlantis";
  text = dl_dateline_format (&fields, "belta", NULL, &error);
  g_assert_null (text);
  g_assert_error (error, DL_DATELINE_ERROR, DL_DATELINE_ERROR_BAD_TIME_ZONE);
  g_clear_error (&error);
  lenient = dl_dateline_format_with_fallback (&fields, "belta", NULL, &reason);
  g_assert_cmpstr (lenient, ==, "MINSK, 8 May (BelTA) - ");
  g_assert_error (reason, DL_DATELINE_ERROR, DL_DATELINE_ERROR_BAD_TIME_ZONE);
}

static void
test_style_names (void)
{
  const char * const *ids = dl_dateline_style_list ();
  guint n = 0;

  for (; ids[n] != NULL; n++)
    {
      g_assert_true (dl_dateline_style_is_valid (ids[n]));
      g_assert_nonnull (dl_dateline_style_get_name (ids[n]));
      g_assert_cmpstr (dl_dateline_style_get_name (ids[n]), !=, "");
    }
  g_assert_cmpuint (n, ==, 7);
  g_assert_cmpstr (ids[n - 1], ==, DL_DATELINE_STYLE_CUSTOM);
  g_assert_false (dl_dateline_style_is_valid ("bbc"));
  g_assert_false (dl_dateline_style_is_valid (""));
  g_assert_null (dl_dateline_style_get_name ("bbc"));
}

static DlArticle *
make_sample_article (void)
{
  DlArticle *article = dl_article_new ();
  g_autoptr(GDateTime) date = sample_date ();
  g_autoptr(DlCredit) photo = dl_credit_new (DL_CREDIT_ROLE_PHOTO, "", "courtesy of the BelCCI");

  dl_article_set_place (article, "Minsk");
  dl_article_set_country (article, "Belarus");
  dl_article_set_dateline_date (article, date);
  dl_article_set_time_zone (article, "Europe/Minsk");
  dl_article_set_source (article, "BelTA");
  dl_article_set_language (article, "en");
  dl_article_add_credit (article, photo);
  return article;
}

static void
test_article_sample (void)
{
  g_autoptr(DlArticle) article = make_sample_article ();
  g_autofree char *dateline = NULL;
  g_autofree char *credits = NULL;
  g_autofree char *reuters = NULL;
  g_autofree char *custom = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(DlHouseStyle) house = dl_house_style_new ();

  dl_house_style_set_dateline_style (house, "belta");
  dateline = dl_house_style_compose_dateline (house, article, NULL);
  g_assert_cmpstr (dateline, ==, "MINSK, 8 May (BelTA) - ");

  credits = dl_house_style_compose_credits (house, article);
  g_assert_cmpstr (credits, ==, "Photo courtesy of the BelCCI");
  lines = dl_house_style_compose_credit_lines (house, article, NULL);
  g_assert_cmpstr (dl_credit_lines_find (lines, DL_CREDIT_ROLE_PHOTO), ==,
                   "Photo courtesy of the BelCCI");
  g_assert_null (dl_credit_lines_find (lines, DL_CREDIT_ROLE_AUTHOR));

  /* The article's own style wins over the default. */
  dl_article_set_dateline_style (article, "reuters");
  reuters = dl_house_style_compose_dateline (house, article, NULL);
  g_assert_cmpstr (reuters, ==, "MINSK, May 8 (BelTA) - ");

  /* "" follows the newsroom default, custom pattern included. */
  dl_article_set_dateline_style (article, "");
  dl_house_style_set_dateline_style (house, "custom");
  dl_house_style_set_custom_pattern (house, "{city} ({source}): ");
  custom = dl_house_style_compose_dateline (house, article, NULL);
  g_assert_cmpstr (custom, ==, "Minsk (BelTA): ");
}

static void
test_article_defaults (void)
{
  g_autoptr(DlArticle) article = make_sample_article ();
  g_autofree char *with_default = NULL;
  g_autofree char *style = NULL;
  g_autofree char *fallback = NULL;
  g_autoptr(GError) reason = NULL;
  g_autoptr(DlHouseStyle) house = dl_house_style_new ();
  g_autoptr(DlHouseStyle) copy = NULL;
  g_autofree char *builtin = NULL;

  dl_article_set_source (article, "");
  dl_house_style_set_dateline_style (house, "ap");
  dl_house_style_set_source (house, "  AP ");
  with_default = dl_house_style_compose_dateline (house, article, NULL);
  g_assert_cmpstr (with_default, ==, "MINSK, Belarus (AP) — ");

  /* A copy (for a worker thread) composes the same and is independent. */
  copy = dl_house_style_copy (house);
  g_assert_cmpstr (dl_house_style_get_source (copy), ==, "AP");
  dl_house_style_set_dateline_style (house, "belta");
  g_free (with_default);
  with_default = dl_house_style_compose_dateline (copy, article, NULL);
  g_assert_cmpstr (with_default, ==, "MINSK, Belarus (AP) — ");

  /* Without a house style: the built-in one (BelTA, no source). */
  builtin = dl_house_style_compose_dateline (NULL, article, NULL);
  g_assert_cmpstr (builtin, ==, "MINSK, 8 May - ");

  /* An unknown default style is replaced by the fallback style. */
  dl_house_style_set_dateline_style (house, "bbc");
  style = g_strdup (dl_house_style_get_dateline_style (house));
  g_assert_cmpstr (style, ==, DL_DATELINE_FALLBACK_STYLE);

  /* The article's language decides, and an unknown one is reported. */
  dl_article_set_source (article, "BelTA");
  dl_article_set_language (article, "qq");
  fallback = dl_house_style_compose_dateline (house, article, &reason);
  g_assert_cmpstr (fallback, ==, "MINSK, 8 May (BelTA) - ");
  g_assert_error (reason, DL_DATELINE_ERROR, DL_DATELINE_ERROR_UNKNOWN_LANGUAGE);
}

static void
test_defaults_from_settings (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(DlHouseStyle) house = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *style = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *source = NULL;

  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID_BASE, TRUE);
  if (schema == NULL)
    {
      g_test_skip ("schema not compiled for tests");
      return;
    }

  settings = g_settings_new_full (schema, NULL, NULL);
  house = dl_house_style_new ();
  dl_house_style_bind_settings (house, settings);
  g_settings_set_string (settings, "default-dateline-style", "afp");
  g_settings_set_string (settings, "custom-dateline-pattern", "{city}: ");
  g_settings_set_string (settings, "default-source", "AFP");

  style = g_strdup (dl_house_style_get_dateline_style (house));
  pattern = g_strdup (dl_house_style_get_custom_pattern (house));
  source = g_strdup (dl_house_style_get_source (house));
  g_assert_cmpstr (style, ==, "afp");
  g_assert_cmpstr (pattern, ==, "{city}: ");
  g_assert_cmpstr (source, ==, "AFP");
  g_settings_reset (settings, "default-dateline-style");
  g_settings_reset (settings, "custom-dateline-pattern");
  g_settings_reset (settings, "default-source");
  /* Back to the schema's defaults, followed at once. */
  g_assert_cmpstr (dl_house_style_get_dateline_style (house), ==, DL_DATELINE_FALLBACK_STYLE);
  g_assert_cmpstr (dl_house_style_get_source (house), ==, "");
}

/* Credits */

typedef struct
{
  const char *language;
  const char *names[3];
  const char *one;
  const char *two;
  const char *three;
} JoinCase;

static const JoinCase join_cases[] = {
  { "en", { "A", "B", "C" }, "A", "A and B", "A, B and C" },
  { "en-US", { "A", "B", "C" }, "A", "A and B", "A, B and C" },
  { "ru", { "А", "Б", "В" }, "А", "А и Б", "А, Б и В" },
  { "be", { "А", "Б", "В" }, "А", "А і Б", "А, Б і В" },
  { "zh", { "甲", "乙", "丙" }, "甲", "甲和乙", "甲、乙和丙" },
  { "zh-Hant-TW", { "甲", "乙", "丙" }, "甲", "甲和乙", "甲、乙和丙" },
  /* No wording for Swedish: English joining */
  { "sv", { "A", "B", "C" }, "A", "A and B", "A, B and C" },
};

static void
test_join_names (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (join_cases); i++)
    {
      const JoinCase *c = &join_cases[i];
      const char *expected[] = { c->one, c->two, c->three };

      for (guint n = 1; n <= 3; n++)
        {
          const char *names[4] = { NULL };
          g_autofree char *joined = NULL;

          memcpy (names, c->names, n * sizeof (char *));
          joined = dl_credit_join_names (names, c->language);
          g_assert_cmpstr (joined, ==, expected[n - 1]);
        }
    }
}

typedef struct
{
  const char  *language;
  DlCreditRole role;
  const char  *names[4];
  const char  *text;
  const char  *expected;
} CreditCase;

static const CreditCase credit_cases[] = {
  { "en", DL_CREDIT_ROLE_AUTHOR, { "Anna Ivanova" }, NULL, "By Anna Ivanova" },
  { "en", DL_CREDIT_ROLE_AUTHOR, { "Anna Ivanova", "Li Wei" }, NULL, "By Anna Ivanova and Li Wei" },
  { "en", DL_CREDIT_ROLE_AUTHOR, { "Anna Ivanova", "Li Wei", "Ivan Petrov" }, NULL,
    "By Anna Ivanova, Li Wei and Ivan Petrov" },
  { "ru", DL_CREDIT_ROLE_AUTHOR, { "Анна Иванова", "Ли Вэй" }, NULL, "Анна Иванова и Ли Вэй" },
  { "ru", DL_CREDIT_ROLE_AUTHOR, { "Анна Иванова", "Ли Вэй", "Иван Петров" }, NULL,
    "Анна Иванова, Ли Вэй и Иван Петров" },
  { "be", DL_CREDIT_ROLE_AUTHOR, { "Ганна Іванова", "Лі Вэй" }, NULL, "Ганна Іванова і Лі Вэй" },
  { "zh", DL_CREDIT_ROLE_AUTHOR, { "安娜", "李伟", "伊万" }, NULL, "作者：安娜、李伟和伊万" },
  { "en", DL_CREDIT_ROLE_PHOTO, { "" }, "courtesy of the BelCCI", "Photo courtesy of the BelCCI" },
  { "en", DL_CREDIT_ROLE_PHOTO, { "Ivan Petrov" }, "BelTA", "Photo: Ivan Petrov/BelTA" },
  { "en", DL_CREDIT_ROLE_PHOTO, { "" }, "BelTA", "Photo: BelTA" },
  { "ru", DL_CREDIT_ROLE_PHOTO, { "Иван Петров" }, "БЕЛТА", "Фото: Иван Петров/БЕЛТА" },
  { "ru", DL_CREDIT_ROLE_PHOTO, { "" }, "предоставлено БелТПП", "Фото предоставлено БелТПП" },
  { "be", DL_CREDIT_ROLE_PHOTO, { "Іван Пятроў" }, "БЕЛТА", "Фота: Іван Пятроў/БЕЛТА" },
  { "zh", DL_CREDIT_ROLE_PHOTO, { "伊万" }, "白俄通讯社", "图片：伊万/白俄通讯社" },
  { "en", DL_CREDIT_ROLE_VIDEO, { "Oleg K" }, NULL, "Video: Oleg K" },
  { "en", DL_CREDIT_ROLE_GRAPHICS, { "Oleg K" }, NULL, "Graphics: Oleg K" },
  { "en", DL_CREDIT_ROLE_EDITING, { "Oleg K", "Maria S" }, NULL, "Edited by Oleg K and Maria S" },
  { "en", DL_CREDIT_ROLE_TRANSLATION, { "Oleg K" }, NULL, "Translated by Oleg K" },
  { "en", DL_CREDIT_ROLE_ADDITIONAL_REPORTING, { "Oleg K" }, "Reuters",
    "Additional reporting by Oleg K (Reuters)" },
  { "ru", DL_CREDIT_ROLE_VIDEO, { "Олег К" }, NULL, "Видео: Олег К" },
  { "ru", DL_CREDIT_ROLE_EDITING, { "Олег К" }, NULL, "Редактирование: Олег К" },
  { "ru", DL_CREDIT_ROLE_TRANSLATION, { "Олег К" }, NULL, "Перевод: Олег К" },
  { "be", DL_CREDIT_ROLE_GRAPHICS, { "Алег К" }, NULL, "Графіка: Алег К" },
  { "be", DL_CREDIT_ROLE_ADDITIONAL_REPORTING, { "Алег К" }, NULL, "Дадатковыя матэрыялы: Алег К" },
  { "zh", DL_CREDIT_ROLE_TRANSLATION, { "李伟" }, NULL, "翻译：李伟" },
  { "zh", DL_CREDIT_ROLE_EDITING, { "李伟", "安娜" }, NULL, "编辑：李伟和安娜" },
};

static void
test_credit_lines (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (credit_cases); i++)
    {
      const CreditCase *c = &credit_cases[i];
      g_autoptr(GListStore) store = g_list_store_new (DL_TYPE_CREDIT);
      g_autoptr(GPtrArray) lines = NULL;
      g_autoptr(DlCredit) noise = dl_credit_new (DL_CREDIT_ROLE_AUTHOR, "", "");
      g_autoptr(GError) reason = NULL;

      g_list_store_append (store, noise);   /* empty entries are skipped */
      for (guint j = 0; c->names[j] != NULL; j++)
        {
          g_autoptr(DlCredit) credit = dl_credit_new (c->role, c->names[j], c->text);
          g_list_store_append (store, credit);
        }
      lines = dl_credit_lines_compose (G_LIST_MODEL (store), c->language, &reason);
      g_test_message ("credit case %u", i);
      g_assert_no_error (reason);
      g_assert_cmpuint (lines->len, ==, 1);
      g_assert_cmpstr (dl_credit_lines_find (lines, c->role), ==, c->expected);
    }
}

static void
test_credit_lines_order_and_fallback (void)
{
  g_autoptr(DlArticle) article = dl_article_new ();
  g_autoptr(DlCredit) photo = dl_credit_new (DL_CREDIT_ROLE_PHOTO, "Ivan Petrov", "BelTA");
  g_autoptr(DlCredit) author1 = dl_credit_new (DL_CREDIT_ROLE_AUTHOR, "Anna Ivanova", NULL);
  g_autoptr(DlCredit) author2 = dl_credit_new (DL_CREDIT_ROLE_AUTHOR, "Li Wei", NULL);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) reason = NULL;
  g_autofree char *text = NULL;
  g_autofree char *russian = NULL;

  dl_article_add_credit (article, photo);
  dl_article_add_credit (article, author1);
  dl_article_add_credit (article, author2);
  dl_article_set_language (article, "en");

  /* The byline comes first whatever the list order. */
  text = dl_house_style_compose_credits (NULL, article);
  g_assert_cmpstr (text, ==, "By Anna Ivanova and Li Wei\nPhoto: Ivan Petrov/BelTA");

  dl_article_set_language (article, "ru");
  dl_credit_set_name (author1, "Анна Иванова");
  dl_credit_set_name (author2, "Ли Вэй");
  russian = dl_house_style_compose_credits (NULL, article);
  g_assert_cmpstr (russian, ==, "Анна Иванова и Ли Вэй\nФото: Ivan Petrov/BelTA");

  /* German has no wording yet: English, and the caller is told. */
  dl_article_set_language (article, "de");
  lines = dl_house_style_compose_credit_lines (NULL, article, &reason);
  g_assert_error (reason, DL_DATELINE_ERROR, DL_DATELINE_ERROR_UNKNOWN_LANGUAGE);
  g_assert_cmpstr (dl_credit_lines_find (lines, DL_CREDIT_ROLE_AUTHOR), ==,
                   "By Анна Иванова and Ли Вэй");
  g_assert_false (dl_credit_language_is_supported ("de"));
  g_assert_true (dl_credit_language_is_supported ("be-BY"));
}

/* The date above a headline follows the article's language, from ICU,
 * whatever the process locale is. */
static void
test_timestamp_languages (void)
{
  static const struct { const char *lang; const char *expected; } cases[] = {
    { "en", "08 May 2025, 10:06" },
    { "ru", "08 мая 2025, 10:06" },
    { "be", "08 траўня 2025, 10:06" },
    { "zh", "2025年5月8日 10:06" },
    { "ko", "2025년 5월 8일 10:06" },
    { "xx-unknown", "08 May 2025, 10:06" },
  };
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 ("2025-05-08T07:06:00Z", NULL);
  g_autoptr(GTimeZone) minsk = g_time_zone_new_identifier ("Europe/Minsk");
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, minsk);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = dl_dateline_format_timestamp (local, cases[i].lang);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}


/* Only IANA identifiers and fixed offsets: whatever
 * g_time_zone_new_identifier() was given, it loaded as a file. */
static void
test_time_zone_not_a_path (void)
{
  const char *refused[] = {
    "../../../../etc/passwd", "/etc/passwd", "/dev/zero", "Europe/../../etc/passwd",
    "Europe/Minsk/", "Europe//Minsk", ".hidden", "Europe/.Minsk", "+3", "+03:0", "Mars/Olympus",
    "A/B/C/D", "Europe/Minsk\nEurope/Kyiv", "",
  };
  const char *accepted[] = {
    "Europe/Minsk", "America/Argentina/Buenos_Aires", "America/Port-au-Prince", "Etc/GMT+3",
    "UTC", "Z", "+03:00", "-0500", "+05", " Asia/Kolkata ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GTimeZone) tz = dl_dateline_time_zone_new (refused[i], &error);

      if (tz != NULL)
        g_error ("“%s” was accepted as a time zone", refused[i]);
      g_assert_error (error, DL_DATELINE_ERROR, DL_DATELINE_ERROR_BAD_TIME_ZONE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GTimeZone) tz = dl_dateline_time_zone_new (accepted[i], &error);

      if (tz == NULL)
        g_error ("“%s” was refused: %s", accepted[i], error->message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dateline/styles", test_styles_table);
  g_test_add_func ("/dateline/timestamp-languages", test_timestamp_languages);
  g_test_add_func ("/dateline/month-names", test_month_names_per_language);
  g_test_add_func ("/dateline/time-zone-edge", test_time_zone_edge);
  g_test_add_func ("/dateline/time-zone-not-a-path", test_time_zone_not_a_path);
  g_test_add_func ("/dateline/custom-patterns", test_custom_patterns);
  g_test_add_func ("/dateline/bad-patterns", test_bad_patterns);
  g_test_add_func ("/dateline/bad-input", test_bad_input);
  g_test_add_func ("/dateline/style-names", test_style_names);
  g_test_add_func ("/dateline/article-sample", test_article_sample);
  g_test_add_func ("/dateline/article-defaults", test_article_defaults);
  g_test_add_func ("/dateline/defaults-from-settings", test_defaults_from_settings);
  g_test_add_func ("/credits/join-names", test_join_names);
  g_test_add_func ("/credits/lines", test_credit_lines);
  g_test_add_func ("/credits/order-and-fallback", test_credit_lines_order_and_fallback);

  return g_test_run ();
}
