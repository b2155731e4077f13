/* dl-preview-loader.h: loads the WebKit preview module when first needed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void  dl_preview_loader_load_async  (GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
GType dl_preview_loader_load_finish (GAsyncResult        *result,
                                     GError             **error);

G_END_DECLS
