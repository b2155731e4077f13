/* dl-icu-patterns.h: a locale's own pattern for an ICU date skeleton
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *dl_icu_best_pattern (const char *locale,
                           const char *skeleton);

G_END_DECLS
