/* dl-window-transfer.h: File → Export and File → Import of the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-window.h"

G_BEGIN_DECLS

void dl_window_transfer_export       (DlWindow   *window);
void dl_window_transfer_export_to    (DlWindow   *window,
                                      GFile      *file,
                                      const char *format_id);
void dl_window_transfer_import       (DlWindow   *window);

G_END_DECLS
