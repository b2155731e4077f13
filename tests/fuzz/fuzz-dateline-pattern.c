/* fuzz-dateline-pattern.c: custom dateline patterns (Preferences, CLI)
 *
 * A pattern either validates or is refused with a message; a valid one
 * formats, in any language, without crashing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "dl-dateline.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char * const languages[] = { "en", "ru", "be", "zh", "de", "ar", "xx-Nowhere" };
  g_autofree char *pattern = g_utf8_make_valid ((const char *) data, size);
  g_autoptr(GDateTime) date = g_date_time_new_utc (2025, 5, 8, 7, 6, 0);
  g_autoptr(GError) error = NULL;
  DlDatelineFields fields = { "Minsk", "Minsk Region", "Belarus", date, "Europe/Minsk", "BelTA", NULL };

  if (!dl_dateline_pattern_validate (pattern, &error))
    {
      g_assert_nonnull (error);
      return 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *text = NULL;
      g_autoptr(GError) reason = NULL;

      fields.language = languages[i];
      text = dl_dateline_format_with_fallback (&fields, DL_DATELINE_STYLE_CUSTOM, pattern, &reason);
      g_assert_nonnull (text);
      g_assert_true (g_utf8_validate (text, -1, NULL));
    }
  return 0;
}
