/* dl-publish-dialog.h: where, how and when a story goes out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dl-context.h"

G_BEGIN_DECLS

#define DL_TYPE_PUBLISH_DIALOG (dl_publish_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DlPublishDialog, dl_publish_dialog, DL, PUBLISH_DIALOG, AdwWindow)

GtkWidget *dl_publish_dialog_new (GtkWindow *parent,
                                  DlContext *context,
                                  DlArticle *article);

G_END_DECLS
