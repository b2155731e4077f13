/* dl-release-section.h: the story's status, embargo and schedule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-editor-section.h"

G_BEGIN_DECLS

#define DL_TYPE_RELEASE_SECTION (dl_release_section_get_type ())
G_DECLARE_FINAL_TYPE (DlReleaseSection, dl_release_section, DL, RELEASE_SECTION, DlEditorSection)

GtkWidget *dl_release_section_new (void);

G_END_DECLS
