/* dl-dateline-section.h: the editor's "Dateline" group
 *
 * Place (with recent places), region, country, date and time with its
 * time zone, source and style of one article, and the composed dateline
 * shown live as any of them changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-editor-section.h"

G_BEGIN_DECLS

#define DL_TYPE_DATELINE_SECTION (dl_dateline_section_get_type ())
G_DECLARE_FINAL_TYPE (DlDatelineSection, dl_dateline_section, DL, DATELINE_SECTION, DlEditorSection)

GtkWidget *dl_dateline_section_new                 (void);
void       dl_dateline_section_remember_place      (DlDatelineSection *self);

G_END_DECLS
