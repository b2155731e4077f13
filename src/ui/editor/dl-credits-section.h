/* dl-credits-section.h: the ordered credits of an article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-editor-section.h"

G_BEGIN_DECLS

#define DL_TYPE_CREDITS_SECTION (dl_credits_section_get_type ())
G_DECLARE_FINAL_TYPE (DlCreditsSection, dl_credits_section, DL, CREDITS_SECTION, DlEditorSection)

GtkWidget *dl_credits_section_new (void);

G_END_DECLS
