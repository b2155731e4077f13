/* dl-site-list.h: the sites the user publishes to (sites.json)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-site.h"

G_BEGIN_DECLS

#define DL_TYPE_SITE_LIST (dl_site_list_get_type ())
G_DECLARE_FINAL_TYPE (DlSiteList, dl_site_list, DL, SITE_LIST, GObject)

DlSiteList *dl_site_list_new              (GFile       *file);
GFile      *dl_site_list_default_file     (void);
gboolean    dl_site_list_load             (DlSiteList  *self,
                                           GError     **error);
gboolean    dl_site_list_save             (DlSiteList  *self,
                                           GError     **error);
void        dl_site_list_save_async       (DlSiteList          *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean    dl_site_list_save_finish      (DlSiteList          *self,
                                           GAsyncResult        *result,
                                           GError             **error);
/* The sites, the built-in folder target first */
GListModel *dl_site_list_get_model        (DlSiteList  *self);
DlSite     *dl_site_list_lookup           (DlSiteList  *self,
                                           const char  *name_or_id);
DlSite     *dl_site_list_get_default      (DlSiteList  *self);
void        dl_site_list_set_default      (DlSiteList  *self,
                                           DlSite      *site);
gboolean    dl_site_list_add              (DlSiteList  *self,
                                           DlSite      *site,
                                           GError     **error);
gboolean    dl_site_list_remove           (DlSiteList  *self,
                                           DlSite      *site);
DlSite     *dl_site_list_get_folder_site  (DlSiteList  *self);
GFile      *dl_site_list_get_cache_dir    (DlSiteList  *self,
                                           DlSite      *site);

G_END_DECLS
