/* dl-context.h: the newsroom's shared services, one per process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dl-browser-sign-in.h"
#include "dl-house-style.h"
#include "dl-outbox.h"
#include "dl-site-list.h"
#include "dl-store.h"

G_BEGIN_DECLS

#define DL_TYPE_CONTEXT (dl_context_get_type ())
G_DECLARE_FINAL_TYPE (DlContext, dl_context, DL, CONTEXT, GObject)

DlContext    *dl_context_new             (DlStore   *store);
DlContext    *dl_context_new_for_library (GFile     *library_dir);

GSettings    *dl_context_get_settings    (DlContext *self);
DlStore      *dl_context_get_store       (DlContext *self);
DlHouseStyle *dl_context_get_house_style (DlContext *self);
DlSiteList   *dl_context_get_sites       (DlContext *self);
DlOutbox     *dl_context_get_outbox      (DlContext *self);
void          dl_context_add_browser_sign_in (DlContext       *self,
                                              DlBrowserSignIn *sign_in);
DlBrowserSignIn *dl_context_take_browser_sign_in (DlContext  *self,
                                              const char *nonce);
void          dl_context_set_publishing_files (DlContext *self,
                                           GFile     *sites_file,
                                           GFile     *outbox_dir);

G_END_DECLS
