/* dl-site-secrets.h: a site's application password, in the keyring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-site.h"

G_BEGIN_DECLS

#define DL_APP_PASSWORD_ENV "DATELINE_APP_PASSWORD"

gboolean  dl_site_secrets_store_sync   (DlSite        *site,
                                        const char    *password,
                                        GCancellable  *cancellable,
                                        GError       **error);
char     *dl_site_secrets_lookup_sync  (DlSite        *site,
                                        GCancellable  *cancellable,
                                        GError       **error);
gboolean  dl_site_secrets_clear_sync   (DlSite        *site,
                                        GCancellable  *cancellable,
                                        GError       **error);
char     *dl_site_secrets_from_environment (void);
void      dl_site_secrets_store_async  (DlSite              *site,
                                        const char          *password,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean  dl_site_secrets_store_finish (DlSite              *site,
                                        GAsyncResult        *result,
                                        GError             **error);
void      dl_site_secrets_clear_async  (DlSite              *site);
void      dl_site_secrets_shutdown     (void);

G_END_DECLS
