/* dl-release-times.c
 *
 * An embargo is the moment before which a story must not appear
 * anywhere; a schedule is the moment it should go live. The editor shows
 * these verdicts under the two fields and the publisher refuses a
 * conflict (docs/EDITING.md, "Status, embargo and schedule"):
 *
 * - an embargo in the past has lifted: a note, it no longer holds back;
 * - a schedule in the past publishes at once: a note;
 * - a schedule before the embargo would break it: a conflict.
 *
 * Both may be set: "embargoed until 10:00, publish at 10:00" is the
 * usual case. Times are compared as instants; messages show them in the
 * user's zone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-release-times"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-date-entry.h"
#include "dl-release-times.h"

static DlReleaseVerdict
verdict (DlReleaseVerdict   value,
         char             **message,
         char              *text)
{
  if (message != NULL)
    *message = text;
  else
    g_free (text);
  return value;
}

/**
 * dl_release_check_embargo:
 * @embargo: (nullable): the article's embargo
 * @schedule: (nullable): the article's schedule
 * @now: the current time
 * @message: (out) (optional) (transfer full): what to tell the user,
 *   %NULL when the verdict is %DL_RELEASE_FINE
 *
 * Returns: the verdict on the embargo field
 */
DlReleaseVerdict
dl_release_check_embargo (GDateTime  *embargo,
                          GDateTime  *schedule,
                          GDateTime  *now,
                          char      **message)
{
  g_autofree char *when = NULL;

  g_return_val_if_fail (now != NULL, DL_RELEASE_FINE);

  if (embargo == NULL)
    return verdict (DL_RELEASE_FINE, message, NULL);
  when = dl_date_entry_format_for_reading (embargo, NULL);
  if (g_date_time_compare (embargo, now) <= 0)
    return verdict (DL_RELEASE_NOTE, message,
                    /* Translators: %s is a date and time, "8 May 2025, 10:06 +03" */
                    g_strdup_printf (_("The embargo lifted on %s: it no longer holds the story back."), when));
  if (schedule != NULL && g_date_time_compare (schedule, embargo) < 0)
    return verdict (DL_RELEASE_CONFLICT, message,
                    /* Translators: %s is a date and time, "8 May 2025, 10:06 +03" */
                    g_strdup_printf (_("The story is scheduled before the embargo lifts on %s."), when));
  return verdict (DL_RELEASE_NOTE, message,
                  /* Translators: %s is a date and time, "8 May 2025, 10:06 +03" */
                  g_strdup_printf (_("Embargoed until %s: not to be published before then."), when));
}

/**
 * dl_release_check_schedule:
 * @message: (out) (optional) (transfer full): what to tell the user
 *
 * Returns: the verdict on the schedule field
 */
DlReleaseVerdict
dl_release_check_schedule (GDateTime  *embargo,
                           GDateTime  *schedule,
                           GDateTime  *now,
                           char      **message)
{
  g_autofree char *when = NULL;

  g_return_val_if_fail (now != NULL, DL_RELEASE_FINE);

  if (schedule == NULL)
    return verdict (DL_RELEASE_FINE, message, NULL);
  if (embargo != NULL && g_date_time_compare (schedule, embargo) < 0)
    {
      g_autofree char *lifts = dl_date_entry_format_for_reading (embargo, NULL);
      return verdict (DL_RELEASE_CONFLICT, message,
                      /* Translators: %s is a date and time, "8 May 2025, 10:06 +03" */
                      g_strdup_printf (_("This is before the embargo lifts on %s: publishing then would break it. Schedule it for the embargo time or later."),
                                       lifts));
    }
  if (g_date_time_compare (schedule, now) <= 0)
    return verdict (DL_RELEASE_NOTE, message,
                    g_strdup (_("This time has passed: publishing puts the story live at once.")));
  when = dl_date_entry_format_for_reading (schedule, NULL);
  return verdict (DL_RELEASE_NOTE, message,
                  /* Translators: %s is a date and time, "8 May 2025, 10:06 +03" */
                  g_strdup_printf (_("Goes live on %s when published to a site."), when));
}

/**
 * dl_release_is_embargoed:
 * @embargo: (nullable): the article's embargo
 *
 * Returns: whether the embargo still holds at @now
 */
gboolean
dl_release_is_embargoed (GDateTime *embargo,
                         GDateTime *now)
{
  g_return_val_if_fail (now != NULL, FALSE);
  return embargo != NULL && g_date_time_compare (embargo, now) > 0;
}
