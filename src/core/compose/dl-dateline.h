/* dl-dateline.h: composing the dateline that opens an article's body
 *
 * A dateline is "MINSK, 8 May (BelTA) - ": the place, the date in the
 * place's time zone and the source, written in a house style and in the
 * article's language (never the user interface's). Month names and their
 * grammatical case come from ICU, so "8 мая" is genitive in Russian and
 * "5月8日" is right in Chinese without a hand-made table per language.
 *
 * Everything here is thread-safe and free of GTK so the editor preview,
 * the exports, CMS publication and the command line share one formatter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DL_DATELINE_ERROR (dl_dateline_error_quark ())

typedef enum
{
  DL_DATELINE_ERROR_EMPTY_PLACE,       /* nothing to write a dateline for */
  DL_DATELINE_ERROR_UNKNOWN_STYLE,     /* not a built-in style id nor "custom" */
  DL_DATELINE_ERROR_BAD_PATTERN,       /* custom pattern: unknown token, stray brace */
  DL_DATELINE_ERROR_UNKNOWN_LANGUAGE,  /* ICU has no data for the language */
  DL_DATELINE_ERROR_BAD_TIME_ZONE,     /* not an IANA time zone identifier */
  DL_DATELINE_ERROR_BAD_DATE,          /* command line: unparsable date */
  DL_DATELINE_ERROR_FAILED,            /* ICU failed */
} DlDatelineError;

GQuark dl_dateline_error_quark (void);

/* Stable style identifiers, stored in GSettings and article files. */
#define DL_DATELINE_STYLE_BELTA     "belta"
#define DL_DATELINE_STYLE_REUTERS   "reuters"
#define DL_DATELINE_STYLE_AP        "ap"
#define DL_DATELINE_STYLE_AFP       "afp"
#define DL_DATELINE_STYLE_RU_AGENCY "ru-agency"
#define DL_DATELINE_STYLE_XINHUA    "xinhua"
#define DL_DATELINE_STYLE_CUSTOM    "custom"

/* Used when the settings name no style or an unknown one. */
#define DL_DATELINE_FALLBACK_STYLE  DL_DATELINE_STYLE_BELTA
/* The GSettings default of custom-dateline-pattern. */
#define DL_DATELINE_DEFAULT_PATTERN "{CITY}, {day} {month} ({source}) - "

/**
 * DlDatelineFields:
 * @place: the city as typed ("Minsk"); required
 * @region: (nullable): state or province ("Shandong")
 * @country: (nullable): ("Belarus")
 * @date: (nullable): the moment; %NULL leaves the date out
 * @time_zone: (nullable): IANA id of the place ("Europe/Minsk"); empty
 *   or %NULL means "use @date's own UTC offset"
 * @source: (nullable): agency or outlet ("BelTA")
 * @language: (nullable): BCP 47 tag of the article ("en", "ru-RU", "zh-Hans")
 *
 * The raw material of a dateline; the caller owns every field.
 */
typedef struct
{
  const char *place;
  const char *region;
  const char *country;
  GDateTime  *date;
  const char *time_zone;
  const char *source;
  const char *language;
} DlDatelineFields;

const char * const *dl_dateline_style_list      (void);
gboolean     dl_dateline_style_is_valid          (const char  *style_id);
const char  *dl_dateline_style_get_name          (const char  *style_id);

gboolean     dl_dateline_pattern_validate        (const char  *pattern,
                                                  GError     **error);
gboolean     dl_dateline_language_is_known       (const char  *language);
gboolean     dl_dateline_time_zone_validate      (const char  *time_zone,
                                                  GError     **error);
GTimeZone   *dl_dateline_time_zone_new           (const char  *time_zone,
                                                  GError     **error);

char        *dl_dateline_format                  (const DlDatelineFields *fields,
                                                  const char  *style_id,
                                                  const char  *custom_pattern,
                                                  GError     **error);
char        *dl_dateline_format_with_fallback    (const DlDatelineFields *fields,
                                                  const char  *style_id,
                                                  const char  *custom_pattern,
                                                  GError     **fallback_reason);


char       *dl_dateline_format_timestamp       (GDateTime              *local,
                                               const char             *language);

G_END_DECLS
