/* dl-link-popover.h: the address of a link (Ctrl+K)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DL_TYPE_LINK_POPOVER (dl_link_popover_get_type ())
G_DECLARE_FINAL_TYPE (DlLinkPopover, dl_link_popover, DL, LINK_POPOVER, GtkPopover)

GtkWidget *dl_link_popover_new        (void);
void       dl_link_popover_ask        (DlLinkPopover *self);
char      *dl_link_popover_normalize  (const char    *typed);

G_END_DECLS
