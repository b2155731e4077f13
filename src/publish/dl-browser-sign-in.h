/* dl-browser-sign-in.h: signing in through WordPress's approval page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-site.h"

G_BEGIN_DECLS

/* The URI scheme Dateline registers (the desktop file's MimeType):
 * WordPress sends the browser back to DL_SIGN_IN_SCHEME://authorized?… */
#define DL_SIGN_IN_SCHEME "io.github.dateline.dateline"
/* WordPress groups application passwords by app; this is Dateline's. */
#define DL_SIGN_IN_APP_ID "6f1b3c52-8a4e-4d0b-9a51-3f0c2d7e9b14"

#define DL_TYPE_BROWSER_SIGN_IN (dl_browser_sign_in_get_type ())
G_DECLARE_FINAL_TYPE (DlBrowserSignIn, dl_browser_sign_in, DL, BROWSER_SIGN_IN, GObject)

DlBrowserSignIn *dl_browser_sign_in_new          (DlSite            *site);
DlSite          *dl_browser_sign_in_get_site     (DlBrowserSignIn   *self);
const char      *dl_browser_sign_in_get_nonce    (DlBrowserSignIn   *self);
char            *dl_browser_sign_in_nonce_from_uri (const char      *uri);

void             dl_browser_sign_in_start_async  (DlBrowserSignIn   *self,
                                                  GCancellable      *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer           user_data);
char            *dl_browser_sign_in_start_finish (DlBrowserSignIn   *self,
                                                  GAsyncResult      *result,
                                                  GError           **error);
void             dl_browser_sign_in_complete_async  (DlBrowserSignIn *self,
                                                     const char      *uri,
                                                     GCancellable    *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer         user_data);
gboolean         dl_browser_sign_in_complete_finish (DlBrowserSignIn *self,
                                                     GAsyncResult    *result,
                                                     GError         **error);

G_END_DECLS
