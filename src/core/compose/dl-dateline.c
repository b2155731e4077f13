/* dl-dateline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-dateline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <unicode/uloc.h>
#include <unicode/udat.h>
#include <unicode/ustring.h>

#include "dl-dateline.h"
#include "dl-icu-patterns.h"

/* How the day and the month are ordered by a built-in style. CJK
 * languages always use their own order ("5月8日"): a style's "8 May"
 * is an English and European convention, not something Xinhua or a
 * Japanese paper would print. */
typedef enum
{
  DATE_ORDER_NATURAL,
  DATE_ORDER_DAY_MONTH,
  DATE_ORDER_MONTH_DAY,
} DateOrder;

typedef struct
{
  const char *id;
  const char *name;   /* N_() */
} StyleInfo;

static const StyleInfo styles[] = {
  /* Translators: names of dateline styles, each after the news agency whose datelines
   * look so; BelTA is the Belarusian Telegraph Agency: use its usual name */
  { DL_DATELINE_STYLE_BELTA, N_("BelTA") },
  { DL_DATELINE_STYLE_REUTERS, N_("Reuters") },
  { DL_DATELINE_STYLE_AP, N_("Associated Press") },
  { DL_DATELINE_STYLE_AFP, N_("Agence France-Presse") },
  /* Translators: the dateline style of Russian-language agencies such as TASS or Interfax */
  { DL_DATELINE_STYLE_RU_AGENCY, N_("Russian-language agency") },
  { DL_DATELINE_STYLE_XINHUA, N_("Xinhua") },
  /* Translators: the dateline style whose pattern the newsroom writes itself in Preferences */
  { DL_DATELINE_STYLE_CUSTOM, N_("Custom") },
};

/* AP abbreviates only the long month names, with its own forms
 * ("Sept.", not "Sep"); CLDR has no such style, so this one list is a
 * house rule rather than locale data. */
static const char * const ap_months[12] = {
  "Jan.", "Feb.", "March", "April", "May", "June", "July",
  "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
};

static const char * const pattern_tokens[] = {
  "CITY", "city", "region", "country", "day", "month", "mon", "year",
  "date", "source", "SOURCE", "sep",
};

/* Resolved language of one formatting run. */
typedef struct
{
  char     icu_locale[ULOC_FULLNAME_CAPACITY];
  char     base[ULOC_LANG_CAPACITY];
  gboolean cjk;
} Lang;

G_DEFINE_QUARK (dl-dateline-error-quark, dl_dateline_error)

/* ICU helpers */

static UChar *
utf8_to_uchar (const char *str,
               GError    **error)
{
  glong len = 0;
  g_autoptr(GError) local_error = NULL;
  gunichar2 *out = g_utf8_to_utf16 (str, -1, NULL, &len, &local_error);

  G_STATIC_ASSERT (sizeof (UChar) == sizeof (gunichar2));

  if (out == NULL)
    g_set_error (error, DL_DATELINE_ERROR, DL_DATELINE_ERROR_FAILED,
                 /* Translators: %s is the system's reason, "Invalid byte sequence in conversion input" */
                 _("The text is not valid UTF-8: %s"), local_error->message);
  return (UChar *) out;
}

static char *
uchar_to_utf8 (const UChar *str,
               int32_t      len)
{
  return g_utf16_to_utf8 ((const gunichar2 *) str, len, NULL, NULL, NULL);
}

static void
set_icu_error (GError    **error,
               UErrorCode  code)
{
  g_set_error (error, DL_DATELINE_ERROR, DL_DATELINE_ERROR_FAILED,
               /* Translators: the locale library is ICU; %s is its error code, such as
                * "U_ILLEGAL_ARGUMENT_ERROR" (not translated) */
               _("The locale library failed to format the date (%s)."), u_errorName (code));
}

static GHashTable *
known_languages (void)
{
  static gsize table = 0;

  if (g_once_init_enter (&table))
    {
      GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      int32_t n = uloc_countAvailable ();

      for (int32_t i = 0; i < n; i++)
        {
          char lang[ULOC_LANG_CAPACITY];
          UErrorCode status = U_ZERO_ERROR;

          uloc_getLanguage (uloc_getAvailable (i), lang, sizeof lang, &status);
          if (U_SUCCESS (status) && lang[0] != '\0')
            g_hash_table_add (set, g_strdup (lang));
        }
      g_once_init_leave (&table, (gsize) set);
    }
  return (GHashTable *) table;
}

static gboolean
lang_resolve (const char *language,
              Lang       *lang)
{
  UErrorCode status = U_ZERO_ERROR;
  g_autofree char *tag = g_strdup (language != NULL ? language : "");

  memset (lang, 0, sizeof *lang);
  g_strstrip (tag);
  /* Accept POSIX spellings too ("pt_BR"), as users paste them. */
  g_strdelimit (tag, "_", '-');
  if (tag[0] != '\0')
    uloc_forLanguageTag (tag, lang->icu_locale, sizeof lang->icu_locale, NULL, &status);
  if (tag[0] == '\0' || U_FAILURE (status))
    return FALSE;

  status = U_ZERO_ERROR;
  uloc_getLanguage (lang->icu_locale, lang->base, sizeof lang->base, &status);
  if (U_FAILURE (status) || !g_hash_table_contains (known_languages (), lang->base))
    return FALSE;

  lang->cjk = g_str_equal (lang->base, "zh") || g_str_equal (lang->base, "ja")
              || g_str_equal (lang->base, "ko");
  return TRUE;
}

static void
lang_english (Lang *lang)
{
  memset (lang, 0, sizeof *lang);
  g_strlcpy (lang->icu_locale, "en", sizeof lang->icu_locale);
  g_strlcpy (lang->base, "en", sizeof lang->base);
}

/* Formats the calendar day (and time) of @local, already in the place's
 * zone, with an ICU pattern. The wall clock is handed to ICU as UTC and
 * formatted in UTC, so ICU's own zone data can never shift the day. */
/* Opening an ICU formatter loads locale data and
 * costs far more than formatting; the preview composes the same dateline
 * on every update. Results are remembered per locale, pattern and day (a
 * bounded table, emptied when full). */
G_LOCK_DEFINE_STATIC (icu_cache);
static GHashTable *icu_cache;
#define ICU_CACHE_MAX 512

static char *
icu_cache_lookup (const char *key)
{
  char *value = NULL;

  G_LOCK (icu_cache);
  if (icu_cache != NULL)
    value = g_strdup (g_hash_table_lookup (icu_cache, key));
  G_UNLOCK (icu_cache);
  return value;
}

static void
icu_cache_store (char       *key,
                 const char *value)
{
  G_LOCK (icu_cache);
  if (icu_cache == NULL)
    icu_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (g_hash_table_size (icu_cache) >= ICU_CACHE_MAX)
    g_hash_table_remove_all (icu_cache);
  g_hash_table_replace (icu_cache, key, g_strdup (value));
  G_UNLOCK (icu_cache);
}

/* Where CLDR and newsroom usage disagree, newsrooms win. CLDR (ICU 72)
 * names May in Belarusian "май"/"мая", borrowed from Russian; Belarusian
 * agencies (BelTA's Belarusian service among them) and the literary norm
 * write "травень", genitive "траўня" ("МІНСК, 8 траўня (БЕЛТА) - "). Only
 * full month names are touched; everything else comes from ICU. */
static char *
apply_newsroom_usage (const Lang *lang,
                      GDateTime  *local,
                      char       *formatted)
{
  static const struct { const char *cldr; const char *usage; } be_may[] = {
    { "мая", "траўня" },
    { "май", "травень" },
    { "Май", "Травень" },
  };
  GString *out;

  if (g_strcmp0 (lang->base, "be") != 0 || g_date_time_get_month (local) != 5)
    return formatted;

  out = g_string_new (formatted);
  for (guint i = 0; i < G_N_ELEMENTS (be_may); i++)
    g_string_replace (out, be_may[i].cldr, be_may[i].usage, 0);
  g_free (formatted);
  return g_string_free (out, FALSE);
}

static char *icu_format_date_uncached (const Lang *lang,
                                       GDateTime  *local,
                                       const char *icu_pattern,
                                       GError    **error);

static char *
icu_format_date (const Lang *lang,
                 GDateTime  *local,
                 const char *icu_pattern,
                 GError    **error)
{
  g_autofree char *key = g_strdup_printf ("date\x1f%s\x1f%s\x1f%d-%d-%d %d:%d", lang->icu_locale, icu_pattern,
                                          g_date_time_get_year (local), g_date_time_get_month (local),
                                          g_date_time_get_day_of_month (local), g_date_time_get_hour (local),
                                          g_date_time_get_minute (local));
  char *result = icu_cache_lookup (key);

  if (result != NULL)
    return result;
  result = icu_format_date_uncached (lang, local, icu_pattern, error);
  if (result != NULL)
    {
      result = apply_newsroom_usage (lang, local, result);
      icu_cache_store (g_steal_pointer (&key), result);
    }
  return result;
}

static char *
icu_format_date_uncached (const Lang *lang,
                          GDateTime  *local,
                          const char *icu_pattern,
                          GError    **error)
{
  g_autoptr(GDateTime) noon = NULL;
  g_autofree UChar *upattern = NULL;
  static const UChar utc[] = { 'U', 'T', 'C', 0 };
  UErrorCode status = U_ZERO_ERROR;
  UDateFormat *fmt;
  UChar buf[256];
  int32_t len;

  upattern = utf8_to_uchar (icu_pattern, error);
  if (upattern == NULL)
    return NULL;

  /* The wall clock of the place, formatted as if it were UTC. */
  noon = g_date_time_new_utc (g_date_time_get_year (local), g_date_time_get_month (local),
                              g_date_time_get_day_of_month (local), g_date_time_get_hour (local),
                              g_date_time_get_minute (local), 0);
  fmt = udat_open (UDAT_PATTERN, UDAT_PATTERN, lang->icu_locale, utc, -1, upattern, -1, &status);
  if (U_FAILURE (status))
    {
      set_icu_error (error, status);
      return NULL;
    }
  len = udat_format (fmt, (UDate) g_date_time_to_unix (noon) * 1000.0, buf, G_N_ELEMENTS (buf),
                     NULL, &status);
  udat_close (fmt);
  if (U_FAILURE (status))
    {
      set_icu_error (error, status);
      return NULL;
    }
  return uchar_to_utf8 (buf, len);
}

/* The locale's preferred pattern for a skeleton, or @fallback. */
static char *
icu_best_pattern (const Lang *lang,
                  const char *skeleton,
                  const char *fallback)
{
  char *pattern = dl_icu_best_pattern (lang->icu_locale, skeleton);

  return pattern != NULL ? pattern : g_strdup (fallback);
}

/* The language's own way of writing a day of a month, e.g. "MMMM d" in
 * English, "d MMMM" in Russian, "M月d日" in Chinese. */
static char *
icu_natural_day_month_pattern (const Lang *lang)
{
  return icu_best_pattern (lang, "MMMMd", "d MMMM");
}

static char *
day_month (const Lang *lang,
           GDateTime  *local,
           DateOrder   order,
           GError    **error)
{
  g_autofree char *natural = NULL;

  if (lang->cjk)
    order = DATE_ORDER_NATURAL;

  switch (order)
    {
    case DATE_ORDER_DAY_MONTH:
      return icu_format_date (lang, local, "d MMMM", error);
    case DATE_ORDER_MONTH_DAY:
      return icu_format_date (lang, local, "MMMM d", error);
    case DATE_ORDER_NATURAL:
    default:
      natural = icu_natural_day_month_pattern (lang);
      return icu_format_date (lang, local, natural, error);
    }
}

/* Upper case by the article language's rules (Turkish "i" → "İ"). */
static char *
to_upper (const Lang *lang,
          const char *text)
{
  g_autofree UChar *src = NULL;
  g_autofree UChar *dest = NULL;
  UErrorCode status = U_ZERO_ERROR;
  int32_t len;

  if (text == NULL || *text == '\0')
    return g_strdup ("");

  src = utf8_to_uchar (text, NULL);
  if (src == NULL)
    return g_utf8_strup (text, -1);
  len = u_strToUpper (NULL, 0, src, -1, lang->icu_locale, &status);
  dest = g_new0 (UChar, len + 1);
  status = U_ZERO_ERROR;
  u_strToUpper (dest, len + 1, src, -1, lang->icu_locale, &status);
  if (U_FAILURE (status))
    return g_utf8_strup (text, -1);
  return uchar_to_utf8 (dest, len);
}

static gboolean
is_blank (const char *str)
{
  if (str == NULL)
    return TRUE;
  for (; *str != '\0'; str++)
    if (!g_ascii_isspace (*str))
      return FALSE;
  return TRUE;
}

static char *
strip_dup (const char *str)
{
  return g_strstrip (g_strdup (str != NULL ? str : ""));
}

static GDateTime *
local_date (GDateTime  *date,
            const char *time_zone,
            GError    **error)
{
  g_autoptr(GTimeZone) tz = NULL;

  if (date == NULL)
    return NULL;
  if (is_blank (time_zone))
    return g_date_time_ref (date);
  tz = dl_dateline_time_zone_new (time_zone, error);
  if (tz == NULL)
    return NULL;
  return g_date_time_to_timezone (date, tz);
}

/* Custom patterns */

static gboolean
token_is_known (const char *token)
{
  for (guint i = 0; i < G_N_ELEMENTS (pattern_tokens); i++)
    if (g_str_equal (token, pattern_tokens[i]))
      return TRUE;
  return FALSE;
}

static char *
known_tokens_list (void)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (pattern_tokens); i++)
    g_string_append_printf (out, "%s{%s}", i > 0 ? ", " : "", pattern_tokens[i]);
  return g_string_free (out, FALSE);
}

typedef gboolean (*TokenFunc) (const char *token,
                               GString    *out,
                               gpointer    user_data,
                               GError    **error);

/* Walks @pattern, copying literal text and handing each {token} to
 * @func; "{{" and "}}" are literal braces. */
static gboolean
pattern_walk (const char *pattern,
              GString    *out,
              TokenFunc   func,
              gpointer    user_data,
              GError    **error)
{
  const char *p = pattern;

  while (*p != '\0')
    {
      if (p[0] == '{' && p[1] == '{')
        {
          g_string_append_c (out, '{');
          p += 2;
        }
      else if (p[0] == '}' && p[1] == '}')
        {
          g_string_append_c (out, '}');
          p += 2;
        }
      else if (p[0] == '}')
        {
          g_set_error (error, DL_DATELINE_ERROR, DL_DATELINE_ERROR_BAD_PATTERN,
                       /* Translators: the dateline pattern is the custom dateline style written in
                        * Preferences, such as "{CITY}, {date} ({source}) {sep}"; braces mark its tokens */
                       _("The dateline pattern has a “}” without an opening “{”; write “}}” for a brace."));
          return FALSE;
        }
      else if (p[0] == '{')
        {
          const char *end = strchr (p, '}');
          g_autofree char *token = NULL;

          if (end == NULL)
            {
              g_set_error (error, DL_DATELINE_ERROR, DL_DATELINE_ERROR_BAD_PATTERN,
                           /* Translators: braces mark the tokens of a dateline pattern, such as {CITY} */
                           _("The dateline pattern has a “{” without a closing “}”."));
              return FALSE;
            }
          token = g_strndup (p + 1, end - p - 1);
          if (!token_is_known (token))
            {
              g_autofree char *known = known_tokens_list ();
              g_set_error (error, DL_DATELINE_ERROR, DL_DATELINE_ERROR_BAD_PATTERN,
                           /* Translators: %s is the unknown token's name as typed, such as "town";
                            * the second %s lists the known ones: "{CITY}, {city}, {region}, …";
                            * token names are not translated */
                           _("Unknown token “{%s}” in the dateline pattern. Known tokens: %s."),
                           token, known);
              return FALSE;
            }
          if (func != NULL && !func (token, out, user_data, error))
            return FALSE;
          p = end + 1;
        }
      else
        {
          g_string_append_c (out, *p);
          p++;
        }
    }
  return TRUE;
}

typedef struct
{
  const DlDatelineFields *fields;
  const Lang             *lang;
  GDateTime              *local;     /* nullable */
  gboolean                has_day;
} ExpandData;

static gboolean
find_day_cb (const char *token,
             GString    *out,
             gpointer    user_data,
             GError    **error)
{
  if (g_str_equal (token, "day") || g_str_equal (token, "date"))
    *(gboolean *) user_data = TRUE;
  return TRUE;
}

static gboolean
expand_cb (const char *token,
           GString    *out,
           gpointer    user_data,
           GError    **error)
{
  ExpandData *data = user_data;
  const DlDatelineFields *f = data->fields;
  g_autofree char *value = NULL;
  const char *icu_pattern = NULL;

  if (g_str_equal (token, "CITY"))
    value = to_upper (data->lang, f->place);
  else if (g_str_equal (token, "city"))
    value = strip_dup (f->place);
  else if (g_str_equal (token, "region"))
    value = strip_dup (f->region);
  else if (g_str_equal (token, "country"))
    value = strip_dup (f->country);
  else if (g_str_equal (token, "source"))
    value = strip_dup (f->source);
  else if (g_str_equal (token, "SOURCE"))
    value = to_upper (data->lang, f->source);
  else if (g_str_equal (token, "sep"))
    value = g_strdup ("—");
  else if (data->local == NULL)
    value = g_strdup ("");   /* a date token without a date */
  else if (g_str_equal (token, "date"))
    {
      value = day_month (data->lang, data->local, DATE_ORDER_NATURAL, error);
      if (value == NULL)
        return FALSE;
    }
  else if (g_str_equal (token, "day"))
    icu_pattern = "d";
  else if (g_str_equal (token, "year"))
    icu_pattern = "y";
  /* Next to a day the month takes its "format" form, which is the
   * genitive in Slavic languages ("8 мая"); alone it is the nominative
   * stand-alone form ("май 2025"). */
  else if (g_str_equal (token, "month"))
    icu_pattern = data->has_day ? "MMMM" : "LLLL";
  else if (g_str_equal (token, "mon"))
    {
      if (g_str_equal (data->lang->base, "en"))
        value = g_strdup (ap_months[g_date_time_get_month (data->local) - 1]);
      else
        icu_pattern = data->has_day ? "MMM" : "LLL";
    }

  if (icu_pattern != NULL)
    {
      value = icu_format_date (data->lang, data->local, icu_pattern, error);
      if (value == NULL)
        return FALSE;
    }
  g_string_append (out, value != NULL ? value : "");
  return TRUE;
}

/* A missing source or region must not leave "()" or doubled spaces in
 * the house style; everything else the newsroom typed is kept. */
static char *
tidy (GString *out)
{
  char *p;

  while ((p = strstr (out->str, "()")) != NULL)
    g_string_erase (out, p - out->str, 2);
  while ((p = strstr (out->str, "  ")) != NULL)
    g_string_erase (out, p - out->str, 1);
  while ((p = strstr (out->str, " ,")) != NULL)
    g_string_erase (out, p - out->str, 1);
  while ((p = strstr (out->str, ",,")) != NULL)
    g_string_erase (out, p - out->str, 1);
  return g_string_free (out, FALSE);
}

/* Built-in styles */

static char *
format_builtin (const DlDatelineFields *f,
                const char             *style_id,
                const Lang             *lang,
                GDateTime              *local,
                GError                **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *city = strip_dup (f->place);
  g_autofree char *source = strip_dup (f->source);
  g_autofree char *date = NULL;
  DateOrder order = DATE_ORDER_DAY_MONTH;
  const char *separator = " - ";

  if (g_str_equal (style_id, DL_DATELINE_STYLE_REUTERS))
    order = g_str_equal (lang->base, "en") ? DATE_ORDER_MONTH_DAY : DATE_ORDER_NATURAL;
  else if (g_str_equal (style_id, DL_DATELINE_STYLE_XINHUA))
    {
      order = g_str_equal (lang->base, "en") ? DATE_ORDER_MONTH_DAY : DATE_ORDER_NATURAL;
      separator = " -- ";
    }

  if (local != NULL && !g_str_equal (style_id, DL_DATELINE_STYLE_AP)
      && !g_str_equal (style_id, DL_DATELINE_STYLE_AFP))
    {
      date = day_month (lang, local, order, error);
      if (date == NULL)
        return NULL;
    }

  /* Xinhua's Chinese service: 新华社北京5月8日电 — agency first, no
   * spaces, "电" (cable) closes it. */
  if (g_str_equal (style_id, DL_DATELINE_STYLE_XINHUA) && g_str_equal (lang->base, "zh"))
    {
      g_string_append_printf (out, "%s%s%s电 ", source[0] != '\0' ? source : "新华社",
                              city, date != NULL ? date : "");
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  if (g_str_equal (style_id, DL_DATELINE_STYLE_AFP))
    g_string_append (out, city);
  else
    {
      g_autofree char *upper_city = to_upper (lang, city);
      g_string_append (out, upper_city);
    }

  if (g_str_equal (style_id, DL_DATELINE_STYLE_AP))
    {
      g_autofree char *region = strip_dup (f->region);
      g_autofree char *country = strip_dup (f->country);
      const char *where = country;

      /* AP names the US state, and the country everywhere else. */
      if (region[0] != '\0'
          && (country[0] == '\0' || g_ascii_strcasecmp (country, "United States") == 0
              || g_ascii_strcasecmp (country, "USA") == 0 || g_ascii_strcasecmp (country, "US") == 0
              || g_ascii_strcasecmp (country, "U.S.") == 0))
        where = region;
      if (where[0] != '\0')
        g_string_append_printf (out, ", %s", where);
      separator = " — ";
    }
  else if (date != NULL)
    g_string_append_printf (out, ", %s", date);

  if (source[0] == '\0' && g_str_equal (style_id, DL_DATELINE_STYLE_XINHUA))
    g_string_append (out, " (Xinhua)");
  else if (source[0] != '\0' && g_str_equal (style_id, DL_DATELINE_STYLE_RU_AGENCY))
    {
      /* Russian-language agencies write their own name in capitals: БЕЛТА, ТАСС. */
      g_autofree char *upper_source = to_upper (lang, source);
      g_string_append_printf (out, " (%s)", upper_source);
    }
  else if (source[0] != '\0')
    g_string_append_printf (out, " (%s)", source);

  g_string_append (out, separator);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
format_custom (const DlDatelineFields *f,
               const char             *pattern,
               const Lang             *lang,
               GDateTime              *local,
               GError                **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  ExpandData data = { f, lang, local, FALSE };

  if (!dl_dateline_pattern_validate (pattern, error))
    return NULL;
  pattern_walk (pattern, out, find_day_cb, &data.has_day, NULL);
  g_string_truncate (out, 0);
  if (!pattern_walk (pattern, out, expand_cb, &data, error))
    return NULL;
  return tidy (g_steal_pointer (&out));
}

/* Public API */

/**
 * dl_dateline_style_list:
 *
 * Returns: (transfer none): the style identifiers in the order the UI
 *   offers them, built-in styles first and "custom" last.
 */
const char * const *
dl_dateline_style_list (void)
{
  static const char * const ids[] = {
    DL_DATELINE_STYLE_BELTA, DL_DATELINE_STYLE_REUTERS, DL_DATELINE_STYLE_AP,
    DL_DATELINE_STYLE_AFP, DL_DATELINE_STYLE_RU_AGENCY, DL_DATELINE_STYLE_XINHUA,
    DL_DATELINE_STYLE_CUSTOM, NULL,
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (ids) == G_N_ELEMENTS (styles) + 1);
  return ids;
}

/**
 * dl_dateline_style_is_valid:
 *
 * Returns: %TRUE if @style_id names a built-in style or "custom".
 */
gboolean
dl_dateline_style_is_valid (const char *style_id)
{
  for (guint i = 0; style_id != NULL && i < G_N_ELEMENTS (styles); i++)
    if (g_str_equal (style_id, styles[i].id))
      return TRUE;
  return FALSE;
}

/**
 * dl_dateline_style_get_name:
 *
 * Returns: the translated name of the style for the UI, or %NULL for an
 *   unknown identifier.
 */
const char *
dl_dateline_style_get_name (const char *style_id)
{
  for (guint i = 0; style_id != NULL && i < G_N_ELEMENTS (styles); i++)
    if (g_str_equal (style_id, styles[i].id))
      return _(styles[i].name);
  return NULL;
}

/**
 * dl_dateline_pattern_validate:
 *
 * Checks a custom pattern: every {token} must be known, braces balanced
 * ("{{" and "}}" are literal braces) and the pattern not blank.
 *
 * Returns: %TRUE if @pattern can be used; otherwise @error says why.
 */
gboolean
dl_dateline_pattern_validate (const char *pattern,
                              GError    **error)
{
  g_autoptr(GString) scratch = g_string_new (NULL);

  if (is_blank (pattern))
    {
      g_set_error (error, DL_DATELINE_ERROR, DL_DATELINE_ERROR_BAD_PATTERN,
                   _("The dateline pattern is empty."));
      return FALSE;
    }
  if (!g_utf8_validate (pattern, -1, NULL))
    {
      g_set_error (error, DL_DATELINE_ERROR, DL_DATELINE_ERROR_BAD_PATTERN,
                   _("The dateline pattern is not valid UTF-8 text."));
      return FALSE;
    }
  return pattern_walk (pattern, scratch, NULL, NULL, error);
}

/**
 * dl_dateline_format_timestamp:
 * @local: a date and time, already in the place's time zone
 * @language: the article's language (BCP 47); unknown ones read as English
 *
 * The publication date and time shown above a headline, in the article's
 * language, as news sites print it: "08 May 2025, 10:06",
 * "08 мая 2025, 10:06", "2025年5月8日 10:06".
 *
 * Returns: (transfer full): never %NULL
 */
char *
dl_dateline_format_timestamp (GDateTime  *local,
                              const char *language)
{
  Lang lang;
  char *text;

  g_return_val_if_fail (local != NULL, NULL);

  if (!lang_resolve (language, &lang))
    lang_english (&lang);
  /* The news-site order everywhere but in Chinese, Japanese and Korean,
   * which have their own (from ICU). */
  if (lang.cjk)
    {
      g_autofree char *pattern = icu_best_pattern (&lang, "yMMMdHHmm", "y-MM-dd HH:mm");
      text = icu_format_date (&lang, local, pattern, NULL);
    }
  else
    text = icu_format_date (&lang, local, "dd MMMM y, HH:mm", NULL);
  if (text == NULL)
    text = g_date_time_format (local, "%Y-%m-%d %H:%M");
  return text;
}

/**
 * dl_dateline_language_is_known:
 *
 * Returns: %TRUE if the locale library has month names for @language
 *   (a BCP 47 tag such as "ru-RU").
 */
gboolean
dl_dateline_language_is_known (const char *language)
{
  Lang lang;
  return lang_resolve (language, &lang);
}

/* An IANA identifier ("Europe/Minsk", "America/Argentina/Buenos_Aires",
 * "Etc/GMT+3") or a fixed offset ("+03:00", "UTC"). Never a path: GLib
 * loads whatever file an identifier names, so "../../etc/passwd" or a
 * FIFO (which blocks for ever) must not reach it. */
static gboolean
time_zone_is_well_formed (const char *id)
{
  gsize length = strlen (id);
  guint components = 0;

  if (length == 0 || length > 64)
    return FALSE;
  if (g_str_equal (id, "UTC") || g_str_equal (id, "Z"))
    return TRUE;
  if (id[0] == '+' || id[0] == '-')
    {
      /* ±HH, ±HHMM or ±HH:MM */
      const char *p = id + 1;

      if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
        return FALSE;
      p += 2;
      if (*p == ':')
        p++;
      if (*p == '\0')
        return p == id + 3;
      return g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && p[2] == '\0';
    }
  for (const char *p = id; *p != '\0'; p++)
    {
      /* Each component starts with a letter: no "..", no "/" at either end. */
      if (p == id || p[-1] == '/')
        {
          if (!g_ascii_isalpha (*p))
            return FALSE;
          if (++components > 3)
            return FALSE;
        }
      if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '+' && *p != '/')
        return FALSE;
    }
  return id[length - 1] != '/';
}

/**
 * dl_dateline_time_zone_new:
 * @time_zone: an article's time zone
 *
 * The one place an article's time zone is loaded.
 *
 * Returns: (transfer full) (nullable): the zone, or %NULL with @error set
 *   when @time_zone is not an IANA identifier or a fixed offset
 */
GTimeZone *
dl_dateline_time_zone_new (const char  *time_zone,
                           GError     **error)
{
  g_autofree char *id = g_strstrip (g_strdup (time_zone != NULL ? time_zone : ""));
  GTimeZone *tz = NULL;

  if (time_zone_is_well_formed (id))
    tz = g_time_zone_new_identifier (g_str_equal (id, "Z") ? "UTC" : id);
  if (tz == NULL)
    g_set_error (error, DL_DATELINE_ERROR, DL_DATELINE_ERROR_BAD_TIME_ZONE,
                 /* Translators: %s is what was given as the time zone, such as "Minsk";
                  * keep Europe/Minsk as it is: it is an identifier */
                 _("“%s” is not a time zone; use an identifier such as “Europe/Minsk”."),
                 time_zone != NULL ? time_zone : "");
  return tz;
}

/**
 * dl_dateline_time_zone_validate:
 *
 * Returns: %TRUE if @time_zone is an IANA identifier ("Europe/Minsk") or
 *   a fixed offset ("+03:00") that GLib understands.
 */
gboolean
dl_dateline_time_zone_validate (const char *time_zone,
                                GError    **error)
{
  g_autoptr(GTimeZone) tz = dl_dateline_time_zone_new (time_zone, error);

  return tz != NULL;
}

static char *
format_internal (const DlDatelineFields *fields,
                 const char             *style_id,
                 const char             *custom_pattern,
                 const Lang             *lang,
                 GDateTime              *local,
                 GError                **error)
{
  if (g_strcmp0 (style_id, DL_DATELINE_STYLE_CUSTOM) == 0)
    return format_custom (fields, custom_pattern, lang, local, error);
  return format_builtin (fields, style_id, lang, local, error);
}

/**
 * dl_dateline_format:
 * @fields: place, date, source and language
 * @style_id: a built-in style id or "custom"
 * @custom_pattern: (nullable): the pattern used when @style_id is "custom"
 * @error: the reason when nothing can be composed
 *
 * Composes the dateline strictly: an empty place, an unknown style or
 * language, a bad pattern or time zone are errors. Editors and exports
 * want dl_dateline_format_with_fallback() instead.
 *
 * Returns: (transfer full) (nullable): e.g. "MINSK, 8 May (BelTA) - "
 */
char *
dl_dateline_format (const DlDatelineFields *fields,
                    const char             *style_id,
                    const char             *custom_pattern,
                    GError                **error)
{
  g_autoptr(GDateTime) local = NULL;
  Lang lang;

  g_return_val_if_fail (fields != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (is_blank (fields->place))
    {
      g_set_error (error, DL_DATELINE_ERROR, DL_DATELINE_ERROR_EMPTY_PLACE,
                   /* Translators: the dateline opens a story with where and when it was filed,
                    * "MINSK, 8 May (BelTA) —"; the place is the city or town */
                   _("The dateline needs a place."));
      return NULL;
    }
  if (!dl_dateline_style_is_valid (style_id))
    {
      g_set_error (error, DL_DATELINE_ERROR, DL_DATELINE_ERROR_UNKNOWN_STYLE,
                   /* Translators: %s is a style's identifier as given, such as "tass"; the known ones
                    * are belta, reuters, ap, afp, ru-agency, xinhua and custom */
                   _("“%s” is not a dateline style."), style_id != NULL ? style_id : "");
      return NULL;
    }
  if (!lang_resolve (fields->language, &lang))
    {
      g_set_error (error, DL_DATELINE_ERROR, DL_DATELINE_ERROR_UNKNOWN_LANGUAGE,
                   /* Translators: %s is the article's language tag as entered, such as "xx-Latn" */
                   _("“%s” is not a language the locale library knows."),
                   fields->language != NULL ? fields->language : "");
      return NULL;
    }
  if (fields->date != NULL)
    {
      local = local_date (fields->date, fields->time_zone, error);
      if (local == NULL)
        return NULL;
    }
  return format_internal (fields, style_id, custom_pattern, &lang, local, error);
}

static void
add_reason (GError     **reason,
            GError      *cause,
            const char  *consequence)
{
  if (reason == NULL)
    return;
  if (*reason == NULL)
    g_set_error (reason, cause->domain, cause->code, "%s %s", cause->message, consequence);
  else
    {
      /* Several substitutions: keep them in the order they happened. */
      char *message = g_strdup_printf ("%s %s %s", (*reason)->message, cause->message, consequence);
      g_free ((*reason)->message);
      (*reason)->message = message;
    }
}

/**
 * dl_dateline_format_with_fallback:
 * @fallback_reason: (nullable): set when anything was replaced, so the
 *   caller can show why the dateline is not what was asked for
 *
 * Like dl_dateline_format(), but always gives a usable dateline: an
 * unknown language is written in English, a bad time zone falls back to
 * the date's own UTC offset, an unknown style or a bad custom pattern to
 * the BelTA style. Every substitution is reported in @fallback_reason,
 * never done silently. Without a place the result is "" (still reported).
 *
 * Returns: (transfer full): the dateline, never %NULL
 */
char *
dl_dateline_format_with_fallback (const DlDatelineFields *fields,
                                  const char             *style_id,
                                  const char             *custom_pattern,
                                  GError                **fallback_reason)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GError) error = NULL;
  char *result;
  Lang lang;

  g_return_val_if_fail (fields != NULL, g_strdup (""));
  g_return_val_if_fail (fallback_reason == NULL || *fallback_reason == NULL, g_strdup (""));

  if (is_blank (fields->place))
    {
      g_set_error (fallback_reason, DL_DATELINE_ERROR, DL_DATELINE_ERROR_EMPTY_PLACE,
                   _("The dateline needs a place."));
      return g_strdup ("");
    }

  if (!lang_resolve (fields->language, &lang))
    {
      g_autofree char *msg = g_strdup_printf (_("“%s” is not a language the locale library knows."),
                                              fields->language != NULL ? fields->language : "");
      g_autoptr(GError) cause = g_error_new_literal (DL_DATELINE_ERROR,
                                                     DL_DATELINE_ERROR_UNKNOWN_LANGUAGE, msg);
      add_reason (fallback_reason, cause, _("The dateline is written in English."));
      lang_english (&lang);
    }

  if (fields->date != NULL)
    {
      local = local_date (fields->date, fields->time_zone, &error);
      if (local == NULL)
        {
          add_reason (fallback_reason, error, _("The date’s own UTC offset is used."));
          g_clear_error (&error);
          local = g_date_time_ref (fields->date);
        }
    }

  if (!dl_dateline_style_is_valid (style_id))
    {
      g_autofree char *msg = g_strdup_printf (_("“%s” is not a dateline style."),
                                              style_id != NULL ? style_id : "");
      g_autoptr(GError) cause = g_error_new_literal (DL_DATELINE_ERROR,
                                                     DL_DATELINE_ERROR_UNKNOWN_STYLE, msg);
      add_reason (fallback_reason, cause, _("The BelTA style is used."));
      style_id = DL_DATELINE_FALLBACK_STYLE;
    }
  else if (g_str_equal (style_id, DL_DATELINE_STYLE_CUSTOM)
           && !dl_dateline_pattern_validate (custom_pattern, &error))
    {
      add_reason (fallback_reason, error, _("The BelTA style is used."));
      g_clear_error (&error);
      style_id = DL_DATELINE_FALLBACK_STYLE;
    }

  result = format_internal (fields, style_id, custom_pattern, &lang, local, &error);
  if (result == NULL)
    {
      /* Only ICU itself can fail here; keep the place and source at least. */
      DlDatelineFields no_date = *fields;
      add_reason (fallback_reason, error, _("The date is left out."));
      no_date.date = NULL;
      result = format_builtin (&no_date, DL_DATELINE_FALLBACK_STYLE, &lang, NULL, NULL);
    }
  return result;
}

