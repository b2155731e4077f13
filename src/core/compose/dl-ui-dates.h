/* dl-ui-dates.h: dates in the language of the interface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *dl_ui_locale           (void);
char       *dl_ui_date_format      (GDateTime  *time,
                                    const char *skeleton);
char       *dl_ui_date_format_in   (GDateTime  *time,
                                    const char *skeleton,
                                    const char *locale);

G_END_DECLS
