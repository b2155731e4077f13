/* dl-date-entry.c
 *
 * One reader for every date a journalist types (the dateline date, the
 * embargo, the schedule) and for the CLI's options: ISO 8601
 * (2025-05-08 10:06, with T, seconds or an offset), day-first dots
 * (08.05.2025 10:06, as written in most of Europe), slashes in the
 * locale's order (05/08/2025), a 12-hour clock (10:06 pm), and a bare
 * day. What it cannot read gets a sentence saying what is wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-date-entry"

#include "config.h"

#include <langinfo.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "dl-date-entry.h"
#include "dl-ui-dates.h"

G_DEFINE_QUARK (dl-date-entry-error-quark, dl_date_entry_error)

/**
 * dl_date_entry_locale_order:
 *
 * Returns: whether the current locale writes 05/08/2025 for 8 May
 *   (month first) or for 5 August (day first)
 */
DlDateOrder
dl_date_entry_locale_order (void)
{
  const char *format = nl_langinfo (D_FMT);
  const char *day = strstr (format, "%d");
  const char *month = strstr (format, "%m");

  if (day == NULL)
    day = strstr (format, "%e");
  if (day != NULL && month != NULL && day < month)
    return DL_DATE_ORDER_DAY_MONTH_YEAR;
  return DL_DATE_ORDER_MONTH_DAY_YEAR;
}

/* Reads up to @max digits; returns how many were read. */
static guint
read_number (const char **p,
             guint        max,
             int         *value)
{
  guint n = 0;

  *value = 0;
  while (n < max && g_ascii_isdigit (**p))
    {
      *value = *value * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  return n;
}

static void
skip_spaces (const char **p)
{
  while (**p == ' ' || **p == '\t')
    (*p)++;
}

static gboolean
format_error (const char  *text,
              DlDateOrder  order,
              GError     **error)
{
  g_autofree char *example = dl_date_entry_dup_example (order);

  g_set_error (error, DL_DATE_ENTRY_ERROR, DL_DATE_ENTRY_ERROR_FORMAT,
               /* Translators: %s are what was typed and examples like
                * "2025-05-08 10:06 or 08.05.2025 10:06" */
               _("“%s” is not a date and time. Write it as %s."), text, example);
  return FALSE;
}

/* The date part: Y-M-D, D.M.Y (or Y.M.D), A/B/Y in @order (or Y/M/D). */
static gboolean
read_date (const char  **p,
           DlDateOrder   order,
           int          *year,
           int          *month,
           int          *day)
{
  int a, b, c;
  guint a_digits, c_digits;
  char sep;

  a_digits = read_number (p, 4, &a);
  if (a_digits == 0)
    return FALSE;
  sep = **p;
  if (sep != '-' && sep != '.' && sep != '/')
    return FALSE;
  (*p)++;
  if (read_number (p, 2, &b) == 0 || **p != sep)
    return FALSE;
  (*p)++;
  c_digits = read_number (p, 4, &c);
  if (c_digits == 0)
    return FALSE;
  /* "08.05.2025." (a trailing dot, as some write it) */
  if (sep == '.' && **p == '.')
    (*p)++;

  if (a_digits == 4)
    {
      if (c_digits > 2)
        return FALSE;
      *year = a, *month = b, *day = c;
      return TRUE;
    }
  if (sep == '-' || a_digits > 2 || (c_digits != 4 && c_digits != 2))
    return FALSE;
  *year = c_digits == 2 ? 2000 + c : c;
  if (sep == '/' && order == DL_DATE_ORDER_MONTH_DAY_YEAR)
    *month = a, *day = b;
  else
    *day = a, *month = b;
  return TRUE;
}

/* The time part: H:MM[:SS] and an optional am/pm. */
static gboolean
read_time (const char **p,
           int         *hour,
           int         *minute,
           int         *second,
           gboolean    *twelve_hour)
{
  const char *q;

  if (read_number (p, 2, hour) == 0 || **p != ':')
    return FALSE;
  (*p)++;
  if (read_number (p, 2, minute) != 2)
    return FALSE;
  *second = 0;
  if (**p == ':')
    {
      (*p)++;
      if (read_number (p, 2, second) != 2)
        return FALSE;
      /* Fractions of a second, as ISO 8601 allows, are dropped. */
      if (**p == '.' || **p == ',')
        {
          int ignored;
          (*p)++;
          if (read_number (p, 9, &ignored) == 0)
            return FALSE;
        }
    }

  q = *p;
  skip_spaces (&q);
  *twelve_hour = FALSE;
  if ((g_ascii_tolower (q[0]) == 'a' || g_ascii_tolower (q[0]) == 'p'))
    {
      gboolean pm = g_ascii_tolower (q[0]) == 'p';
      const char *m = q + 1;

      if (*m == '.')
        m++;
      if (g_ascii_tolower (*m) == 'm')
        {
          m++;
          if (*m == '.')
            m++;
          if (*hour < 1 || *hour > 12)
            *hour = 99;  /* reported as not a time of day */
          else
            *hour = (*hour % 12) + (pm ? 12 : 0);
          *twelve_hour = TRUE;
          *p = m;
        }
    }
  return TRUE;
}

/* Z, ±HH:MM or ±HHMM; NULL with *ok FALSE when malformed. */
static GTimeZone *
read_offset (const char **p,
             gboolean    *ok)
{
  const char *q = *p;
  int hours, minutes = 0;
  char sign;
  g_autofree char *id = NULL;

  *ok = TRUE;
  skip_spaces (&q);
  if (*q == 'Z' || *q == 'z')
    {
      *p = q + 1;
      return g_time_zone_new_utc ();
    }
  if (*q != '+' && *q != '-')
    return NULL;
  sign = *q++;
  if (read_number (&q, 2, &hours) != 2)
    {
      *ok = FALSE;
      return NULL;
    }
  if (*q == ':')
    q++;
  if (g_ascii_isdigit (*q) && read_number (&q, 2, &minutes) != 2)
    {
      *ok = FALSE;
      return NULL;
    }
  if (hours > 14 || minutes > 59)
    {
      *ok = FALSE;
      return NULL;
    }
  *p = q;
  id = g_strdup_printf ("%c%02d:%02d", sign, hours, minutes);
  return g_time_zone_new_identifier (id);
}

/**
 * dl_date_entry_parse:
 * @text: what was typed
 * @zone: the zone of a time written without an offset
 * @order: how to read a date with slashes (dl_date_entry_locale_order())
 * @default_hour: the hour of a bare day (0 for the start of the day)
 *
 * Returns: (transfer full) (nullable): the moment, or %NULL with @error
 *   saying what is wrong in words a journalist understands
 */
GDateTime *
dl_date_entry_parse (const char   *text,
                     GTimeZone    *zone,
                     DlDateOrder   order,
                     int           default_hour,
                     GError      **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(GTimeZone) offset = NULL;
  const char *p;
  int year, month, day;
  int hour = default_hour, minute = 0, second = 0;
  gboolean twelve_hour = FALSE;
  gboolean has_time = FALSE;
  gboolean offset_ok = TRUE;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (zone != NULL, NULL);

  trimmed = g_strstrip (g_strdup (text));
  p = trimmed;
  if (!read_date (&p, order, &year, &month, &day))
    return (format_error (trimmed, order, error), NULL);

  /* "2025-05-08T10:06", "08.05.2025 10:06", "05/08/2025, 10:06 pm" */
  if (*p == 'T' || *p == 't' || *p == ' ' || *p == ',')
    {
      const char *q = p + 1;

      skip_spaces (&q);
      if (g_ascii_isdigit (*q))
        {
          if (!read_time (&q, &hour, &minute, &second, &twelve_hour))
            return (format_error (trimmed, order, error), NULL);
          has_time = TRUE;
          p = q;
        }
    }
  if (has_time)
    {
      offset = read_offset (&p, &offset_ok);
      if (!offset_ok)
        return (format_error (trimmed, order, error), NULL);
    }
  skip_spaces (&p);
  if (*p != '\0')
    return (format_error (trimmed, order, error), NULL);

  if (month < 1 || month > 12)
    {
      g_set_error (error, DL_DATE_ENTRY_ERROR, DL_DATE_ENTRY_ERROR_RANGE,
                   /* Translators: %s is the date as typed, %d the month number */
                   _("“%s”: there is no month %d."), trimmed, month);
      return NULL;
    }
  if (year < 1 || year > 9999 || day < 1 || day > g_date_get_days_in_month (month, year))
    {
      g_autoptr(GDateTime) first = g_date_time_new_utc (CLAMP (year, 1, 9999), month, 1, 0, 0, 0);
      /* "February 2025", in the interface's language */
      g_autofree char *month_name = dl_ui_date_format (first, "LLLLy");

      g_set_error (error, DL_DATE_ENTRY_ERROR, DL_DATE_ENTRY_ERROR_RANGE,
                   /* Translators: "“31.02.2025”: February 2025 has 28 days." */
                   _("“%s”: %s has %d days."), trimmed, month_name,
                   g_date_get_days_in_month (month, CLAMP (year, 1, 9999)));
      return NULL;
    }
  if (hour > 23 || minute > 59 || second > 59)
    {
      g_set_error (error, DL_DATE_ENTRY_ERROR, DL_DATE_ENTRY_ERROR_RANGE,
                   /* Translators: %s is the date and time as typed, such as "08.05.2025 25:10" */
                   _("“%s”: the time of day is not a real one (00:00 to 23:59)."), trimmed);
      return NULL;
    }

  return g_date_time_new (offset != NULL ? offset : zone, year, month, day, hour, minute, second);
}

/**
 * dl_date_entry_format:
 * @zone: (nullable): shown in this zone (the local one if %NULL)
 *
 * Returns: the form a date entry shows, "2025-05-08 10:06": the same in
 *   every language, and read back by dl_date_entry_parse()
 */
char *
dl_date_entry_format (GDateTime *date_time,
                      GTimeZone *zone)
{
  g_autoptr(GDateTime) shown = NULL;

  g_return_val_if_fail (date_time != NULL, NULL);

  shown = zone != NULL ? g_date_time_to_timezone (date_time, zone) : g_date_time_to_local (date_time);
  return g_date_time_format (shown, "%Y-%m-%d %H:%M");
}

/**
 * dl_date_entry_format_for_reading:
 * @zone: (nullable): the zone to show it in (the user's if %NULL)
 *
 * Returns: the moment as a sentence shows it, "8 May 2025, 10:06 +03"
 */
char *
dl_date_entry_format_for_reading (GDateTime *date_time,
                                  GTimeZone *zone)
{
  g_autoptr(GDateTime) shown = NULL;

  g_return_val_if_fail (date_time != NULL, NULL);

  shown = zone != NULL ? g_date_time_to_timezone (date_time, zone) : g_date_time_to_local (date_time);
  /* "8 May 2025 at 10:06 +03": the interface's language writes the date
   * and time; the zone's abbreviation ("CEST", "+03") follows. */
  {
    g_autofree char *when = dl_ui_date_format (shown, "dMMMMyHHmm");
    g_autofree char *zone_name = g_date_time_format (shown, "%Z");

    return g_strdup_printf ("%s %s", when, zone_name);
  }
}

/**
 * dl_date_entry_dup_example:
 *
 * Returns: the accepted forms as examples, for a message
 */
char *
dl_date_entry_dup_example (DlDateOrder order)
{
  const char *local_form = order == DL_DATE_ORDER_MONTH_DAY_YEAR ? "05/08/2025 10:06" : "08.05.2025 10:06";

  /* Translators: two ways of writing the same date and time, e.g.
   * "2025-05-08 10:06 or 08.05.2025 10:06" */
  return g_strdup_printf (_("%s or %s"), "2025-05-08 10:06", local_form);
}
