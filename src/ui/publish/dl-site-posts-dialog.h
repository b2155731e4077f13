/* dl-site-posts-dialog.h: open a post from a site
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dl-context.h"

G_BEGIN_DECLS

#define DL_TYPE_SITE_POSTS_DIALOG (dl_site_posts_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DlSitePostsDialog, dl_site_posts_dialog, DL, SITE_POSTS_DIALOG, AdwWindow)

GtkWidget *dl_site_posts_dialog_new (GtkWindow *parent,
                                     DlContext *context);

G_END_DECLS
