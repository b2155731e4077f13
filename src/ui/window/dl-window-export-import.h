/* dl-window-export-import.h: File → Export and File → Import of the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-window.h"

G_BEGIN_DECLS

void dl_window_export_article       (DlWindow   *window);
void dl_window_export_article_to    (DlWindow   *window,
                                      GFile      *file,
                                      const char *format_id);
void dl_window_import_files       (DlWindow   *window);
void dl_window_show_exported      (DlWindow   *window,
                                   const char *uri);

G_END_DECLS
