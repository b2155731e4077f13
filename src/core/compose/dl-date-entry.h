/* dl-date-entry.h: reading the date and time a person types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DL_DATE_ENTRY_ERROR (dl_date_entry_error_quark ())

typedef enum
{
  DL_DATE_ENTRY_ERROR_FORMAT,   /* not a date in any accepted form */
  DL_DATE_ENTRY_ERROR_RANGE,    /* a form we know, but no such day or time */
} DlDateEntryError;

/* How the locale writes a numeric date with slashes: 05/08/2025 is
 * 8 May in the United States and 5 August in Britain. Dots are always
 * day first (08.05.2025), dashes always ISO (2025-05-08). */
typedef enum
{
  DL_DATE_ORDER_DAY_MONTH_YEAR,
  DL_DATE_ORDER_MONTH_DAY_YEAR,
} DlDateOrder;

GQuark       dl_date_entry_error_quark    (void);
DlDateOrder  dl_date_entry_locale_order   (void);
GDateTime   *dl_date_entry_parse          (const char   *text,
                                           GTimeZone    *zone,
                                           DlDateOrder   order,
                                           int           default_hour,
                                           GError      **error);
char        *dl_date_entry_format         (GDateTime    *date_time,
                                           GTimeZone    *zone);
char        *dl_date_entry_dup_example    (DlDateOrder   order);
char        *dl_date_entry_format_for_reading (GDateTime *date_time,
                                           GTimeZone    *zone);

G_END_DECLS
