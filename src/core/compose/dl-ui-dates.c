/* dl-ui-dates.c: dates in the language of the interface
 *
 * The interface writes dates in the language its messages are shown in,
 * whatever the C library's LC_TIME says: a translator running
 * `LC_ALL=C.UTF-8 LANGUAGE=de` (a machine with no German locale) sees
 * "8. Mai 2025" beside German labels, not "8 May 2025". The article's
 * own dates (the dateline, the page) follow the article's language
 * instead (dl-dateline.c); the two never mix.
 *
 * Formats are ICU skeletons ("dMMMy": day, short month, year), which
 * each language orders and punctuates its own way, so translators do not
 * have to translate strftime formats.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-ui-dates"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <unicode/udat.h>

#include "dl-ui-dates.h"
#include "dl-icu-patterns.h"

/* The language of the catalogue gettext loaded for the messages (its
 * header's "Language:"), so dates never disagree with the labels. With
 * no catalogue the interface is English: LC_TIME's English variant when
 * it is one (en_US writes "May 8"), else British order, "8 May 2025",
 * as the interface's English strings are written. */
static char *
find_ui_locale (void)
{
  const char *header = dgettext (GETTEXT_PACKAGE, "");
  const char *language = header != NULL ? strstr (header, "Language: ") : NULL;
  const char *time_locale = setlocale (LC_TIME, NULL);

  if (language != NULL && header[0] != '\0')
    {
      const char *start = language + strlen ("Language: ");
      gsize length = strcspn (start, "\n");

      if (length > 0)
        return g_strndup (start, length);
    }
  if (time_locale != NULL && g_str_has_prefix (time_locale, "en_"))
    return g_strndup (time_locale, strcspn (time_locale, ".@"));
  return g_strdup ("en_GB");
}

/**
 * dl_ui_locale:
 *
 * Returns: (transfer none): the ICU locale of the interface, such as "de"
 *   or "zh_CN"; decided once, after the program bound its catalogue
 */
const char *
dl_ui_locale (void)
{
  static char *locale;

  if (g_once_init_enter (&locale))
    g_once_init_leave (&locale, find_ui_locale ());
  return locale;
}

/**
 * dl_ui_date_format_in:
 * @time: the moment, in the offset it is to be shown in
 * @skeleton: an ICU date skeleton: "EEEE" (Monday), "dMMM" (8 May),
 *   "dMMMy", "LLLLy" (May 2025), "dMMMMyHHmm"…
 * @locale: an ICU locale
 *
 * Returns: (transfer full): @time written in @locale's way for @skeleton
 */
char *
dl_ui_date_format_in (GDateTime  *time,
                      const char *skeleton,
                      const char *locale)
{
  g_autofree char *pattern = NULL;
  g_autofree gunichar2 *upattern = NULL;
  g_autofree gunichar2 *zone = NULL;
  g_autofree char *zone_id = NULL;
  UErrorCode status = U_ZERO_ERROR;
  UDateFormat *format;
  UChar buffer[256];
  int32_t length;
  gint64 offset;

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (skeleton != NULL, NULL);

  pattern = dl_icu_best_pattern (locale, skeleton);
  upattern = pattern != NULL ? g_utf8_to_utf16 (pattern, -1, NULL, NULL, NULL) : NULL;
  /* ICU knows fixed offsets by these names; the moment keeps its own. */
  offset = g_date_time_get_utc_offset (time) / G_TIME_SPAN_MINUTE;
  zone_id = g_strdup_printf ("GMT%c%02d:%02d", offset < 0 ? '-' : '+',
                             (int) (ABS (offset) / 60), (int) (ABS (offset) % 60));
  zone = g_utf8_to_utf16 (zone_id, -1, NULL, NULL, NULL);
  if (upattern == NULL || zone == NULL)
    return g_date_time_format (time, "%Y-%m-%d %H:%M");
  format = udat_open (UDAT_PATTERN, UDAT_PATTERN, locale, (const UChar *) zone, -1,
                      (const UChar *) upattern, -1, &status);
  if (U_FAILURE (status))
    return g_date_time_format (time, "%Y-%m-%d %H:%M");
  length = udat_format (format, (UDate) g_date_time_to_unix (time) * 1000.0, buffer,
                        G_N_ELEMENTS (buffer), NULL, &status);
  udat_close (format);
  if (U_FAILURE (status))
    return g_date_time_format (time, "%Y-%m-%d %H:%M");
  return g_utf16_to_utf8 ((const gunichar2 *) buffer, length, NULL, NULL, NULL);
}

/**
 * dl_ui_date_format:
 *
 * dl_ui_date_format_in() in the interface's locale (dl_ui_locale()).
 */
char *
dl_ui_date_format (GDateTime  *time,
                   const char *skeleton)
{
  return dl_ui_date_format_in (time, skeleton, dl_ui_locale ());
}
