/* dl-icu-patterns.c: a locale's own pattern for an ICU date skeleton
 *
 * One place for both users of skeletons: the dateline (the article's
 * language, dl-dateline.c) and the interface's dates (dl-ui-dates.c).
 * Opening a pattern generator loads locale data and takes milliseconds;
 * the preview composes the dateline on every update and the library asks
 * for a date per visible row, so patterns are remembered per locale and
 * skeleton (a bounded table, emptied when full). Thread-safe: the
 * preview renders in a worker.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-icu"

#include "config.h"

#include <unicode/udatpg.h>

#include "dl-icu-patterns.h"

#define CACHE_MAX 256

G_LOCK_DEFINE_STATIC (cache);
static GHashTable *cache;

G_STATIC_ASSERT (sizeof (UChar) == sizeof (gunichar2));

/**
 * dl_icu_best_pattern:
 * @locale: an ICU locale ("ru", "zh_CN")
 * @skeleton: an ICU skeleton ("MMMMd", "dMMMy")
 *
 * Returns: (transfer full) (nullable): the locale's pattern for
 *   @skeleton ("d MMMM" in Russian), or %NULL if ICU has none
 */
char *
dl_icu_best_pattern (const char *locale,
                     const char *skeleton)
{
  g_autofree char *key = g_strconcat (locale, "\x1f", skeleton, NULL);
  g_autofree gunichar2 *uskeleton = NULL;
  UErrorCode status = U_ZERO_ERROR;
  UDateTimePatternGenerator *generator;
  UChar buffer[128];
  int32_t length;
  char *pattern;

  G_LOCK (cache);
  pattern = cache != NULL ? g_strdup (g_hash_table_lookup (cache, key)) : NULL;
  G_UNLOCK (cache);
  if (pattern != NULL)
    return pattern;

  uskeleton = g_utf8_to_utf16 (skeleton, -1, NULL, NULL, NULL);
  if (uskeleton == NULL)
    return NULL;
  generator = udatpg_open (locale, &status);
  if (U_FAILURE (status))
    return NULL;
  length = udatpg_getBestPattern (generator, (const UChar *) uskeleton, -1, buffer, G_N_ELEMENTS (buffer),
                                  &status);
  udatpg_close (generator);
  if (U_FAILURE (status))
    return NULL;
  pattern = g_utf16_to_utf8 ((const gunichar2 *) buffer, length, NULL, NULL, NULL);
  if (pattern == NULL)
    return NULL;

  G_LOCK (cache);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (g_hash_table_size (cache) >= CACHE_MAX)
    g_hash_table_remove_all (cache);
  g_hash_table_replace (cache, g_steal_pointer (&key), g_strdup (pattern));
  G_UNLOCK (cache);
  return pattern;
}
