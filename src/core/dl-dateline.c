/* dl-dateline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dl-dateline.h"

static const char * const english_months[12] = {
  "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December",
};

/**
 * dl_dateline_compose_simple:
 * @time_zone: (nullable): IANA zone of the place; the date is shown there
 *
 * The default form "MINSK, 8 May (BelTA) - ".
 */
char *
dl_dateline_compose_simple (const char *place,
                            GDateTime  *date,
                            const char *time_zone,
                            const char *source)
{
  g_autofree char *city = NULL;
  g_autoptr(GDateTime) local = NULL;
  GString *out;

  if (place == NULL || *place == '\0')
    return g_strdup ("");

  city = g_utf8_strup (place, -1);
  out = g_string_new (g_strstrip (city));

  if (date != NULL)
    {
      g_autoptr(GTimeZone) tz = NULL;

      if (time_zone != NULL && *time_zone != '\0')
        tz = g_time_zone_new_identifier (time_zone);
      local = tz != NULL ? g_date_time_to_timezone (date, tz) : g_date_time_ref (date);
      g_string_append_printf (out, ", %d %s", g_date_time_get_day_of_month (local),
                              english_months[g_date_time_get_month (local) - 1]);
    }
  if (source != NULL && *source != '\0')
    g_string_append_printf (out, " (%s)", source);
  g_string_append (out, " - ");
  return g_string_free (out, FALSE);
}
