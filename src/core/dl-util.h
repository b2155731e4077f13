/* dl-util.h: small helpers shared by the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  dl_set_str        (char      **str_pointer,
                             const char *new_str);
gboolean  dl_set_date_time  (GDateTime **dt_pointer,
                             GDateTime  *new_dt);
char     *dl_date_time_to_iso8601 (GDateTime *dt);
GDateTime *dl_date_time_from_iso8601 (const char *str);
char     *dl_uuid_new       (void);
char       *dl_build_tree_path (const char *name);
const char *dl_locale_dir   (void);
char     *dl_fold_text      (const char *text);

G_END_DECLS
