/* dl-outbox-banner.h: what the outbox is doing, above the editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dl-context.h"

G_BEGIN_DECLS

#define DL_TYPE_OUTBOX_BANNER (dl_outbox_banner_get_type ())
G_DECLARE_FINAL_TYPE (DlOutboxBanner, dl_outbox_banner, DL, OUTBOX_BANNER, AdwBin)

void dl_outbox_banner_set_context (DlOutboxBanner *self,
                                   DlContext      *context);

G_END_DECLS
