/* dl-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dl-util.h"

/* g_set_str() arrived in GLib 2.76; Debian 12 has 2.74. */
gboolean
dl_set_str (char       **str_pointer,
            const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;
  return TRUE;
}

gboolean
dl_set_date_time (GDateTime **dt_pointer,
                  GDateTime  *new_dt)
{
  if (*dt_pointer == new_dt)
    return FALSE;
  if (*dt_pointer != NULL && new_dt != NULL && g_date_time_equal (*dt_pointer, new_dt)
      && g_date_time_get_utc_offset (*dt_pointer) == g_date_time_get_utc_offset (new_dt))
    return FALSE;

  g_clear_pointer (dt_pointer, g_date_time_unref);
  if (new_dt != NULL)
    *dt_pointer = g_date_time_ref (new_dt);
  return TRUE;
}

/**
 * dl_date_time_to_iso8601:
 *
 * Like g_date_time_format_iso8601() but keeps whole seconds only, so that
 * files stay readable and round-trip exactly.
 */
char *
dl_date_time_to_iso8601 (GDateTime *dt)
{
  g_autoptr(GDateTime) whole = NULL;

  if (dt == NULL)
    return NULL;

  whole = g_date_time_add (dt, -(g_date_time_get_microsecond (dt)));
  return g_date_time_format_iso8601 (whole);
}

GDateTime *
dl_date_time_from_iso8601 (const char *str)
{
  if (str == NULL || *str == '\0')
    return NULL;
  return g_date_time_new_from_iso8601 (str, NULL);
}

char *
dl_uuid_new (void)
{
  return g_uuid_string_random ();
}

/**
 * dl_fold_text:
 *
 * Text for case-insensitive matching: normalised (composed) and
 * casefolded, so that "ÉCONOMIE" finds "économie" however either was
 * typed, and "STRASSE" finds "straße".
 *
 * Returns: (transfer full): never %NULL
 */
char *
dl_fold_text (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_ALL_COMPOSE);

  return g_utf8_casefold (normalized != NULL ? normalized : "", -1);
}
