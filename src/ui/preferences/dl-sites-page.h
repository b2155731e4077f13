/* dl-sites-page.h: Preferences → Sites
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dl-context.h"

G_BEGIN_DECLS

#define DL_TYPE_SITES_PAGE (dl_sites_page_get_type ())
G_DECLARE_FINAL_TYPE (DlSitesPage, dl_sites_page, DL, SITES_PAGE, AdwPreferencesPage)

GtkWidget *dl_sites_page_new (DlContext *context);

G_END_DECLS
