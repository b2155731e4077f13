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
 * An RFC 3339 date and time with whole seconds, as every file and
 * export Dateline writes dates: "2025-05-08T10:06:00+03:00", or with "Z"
 * at UTC. (g_date_time_format_iso8601() writes "+03", which RFC 3339,
 * JSON Schema and JavaScript's Date all reject.) An offset with seconds
 * (local mean time before 1900) cannot be written: such a moment is
 * written in UTC.
 *
 * Returns: (transfer full) (nullable): %NULL for a %NULL @dt
 */
char *
dl_date_time_to_iso8601 (GDateTime *dt)
{
  g_autoptr(GDateTime) whole = NULL;
  GTimeSpan offset;
  gint64 minutes;

  if (dt == NULL)
    return NULL;

  whole = g_date_time_add (dt, -(g_date_time_get_microsecond (dt)));
  offset = g_date_time_get_utc_offset (whole);
  if (offset % G_TIME_SPAN_MINUTE != 0)
    {
      GDateTime *utc = g_date_time_to_utc (whole);

      g_date_time_unref (whole);
      whole = utc;
      offset = 0;
    }
  if (offset == 0)
    return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                            g_date_time_get_year (whole), g_date_time_get_month (whole),
                            g_date_time_get_day_of_month (whole), g_date_time_get_hour (whole),
                            g_date_time_get_minute (whole), g_date_time_get_second (whole));
  minutes = ABS (offset) / G_TIME_SPAN_MINUTE;
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
                          g_date_time_get_year (whole), g_date_time_get_month (whole),
                          g_date_time_get_day_of_month (whole), g_date_time_get_hour (whole),
                          g_date_time_get_minute (whole), g_date_time_get_second (whole),
                          offset < 0 ? '-' : '+', (int) (minutes / 60), (int) (minutes % 60));
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

/**
 * dl_build_tree_path:
 * @name: a file or folder inside the build directory, such as "po"
 *
 * Where @name is in the build tree this program was built in, when the
 * program runs from that tree (not installed) and @name exists there: so
 * that running `_build/src/dateline` finds the freshly built catalogues
 * and settings schema without installing anything.
 *
 * Returns: (transfer full) (nullable): the path, or %NULL
 */
char *
dl_build_tree_path (const char *name)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *path = g_build_filename (DL_BUILD_ROOT, name, NULL);

  if (exe == NULL || !g_str_has_prefix (exe, DL_BUILD_ROOT G_DIR_SEPARATOR_S)
      || !g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  return g_steal_pointer (&path);
}

/**
 * dl_locale_dir:
 *
 * Where the programs' message catalogues are: $DATELINE_LOCALEDIR when
 * set; the build tree's po/ when the program runs from the build tree it
 * was built in (so a translator sees a language without installing it);
 * otherwise the installed LOCALEDIR.
 *
 * Returns: (transfer none): a folder for bindtextdomain()
 */
const char *
dl_locale_dir (void)
{
  static char *dir;

  if (g_once_init_enter (&dir))
    {
      const char *override = g_getenv ("DATELINE_LOCALEDIR");
      char *found;

      if (override != NULL && *override != '\0')
        found = g_strdup (override);
      else if ((found = dl_build_tree_path ("po")) == NULL)
        found = g_strdup (LOCALEDIR);
      g_once_init_leave (&dir, found);
    }
  return dir;
}
