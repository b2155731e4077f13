/* dl-folder-publisher.h: the built-in local folder target
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-publisher.h"

G_BEGIN_DECLS

#define DL_TYPE_FOLDER_PUBLISHER (dl_folder_publisher_get_type ())
G_DECLARE_FINAL_TYPE (DlFolderPublisher, dl_folder_publisher, DL, FOLDER_PUBLISHER, DlPublisher)

G_END_DECLS
