/* dl-site-terms.h: a site's categories and tags, cached for offline use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-site-list.h"

G_BEGIN_DECLS

gboolean dl_site_terms_save (DlSiteList          *sites,
                             DlSite              *site,
                             const char * const  *categories,
                             const char * const  *tags,
                             GError             **error);
gboolean dl_site_terms_load (DlSiteList          *sites,
                             DlSite              *site,
                             GStrv               *categories,
                             GStrv               *tags);

G_END_DECLS
