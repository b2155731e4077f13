/* dl-quarantined-file.h: a library file that could not be read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DL_TYPE_QUARANTINED_FILE (dl_quarantined_file_get_type ())
G_DECLARE_FINAL_TYPE (DlQuarantinedFile, dl_quarantined_file, DL, QUARANTINED_FILE, GObject)

/* Properties: "file" (GFile, where it now lives in quarantine/),
 * "original-name" (file name it had in the library), "reason" (translated). */
DlQuarantinedFile *dl_quarantined_file_new               (GFile             *file,
                                                          const char        *original_name,
                                                          const char        *reason);
GFile             *dl_quarantined_file_get_file          (DlQuarantinedFile *self);
const char        *dl_quarantined_file_get_original_name (DlQuarantinedFile *self);
const char        *dl_quarantined_file_get_reason        (DlQuarantinedFile *self);

G_END_DECLS
