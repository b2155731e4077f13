/* dl-image-section.h: the featured image of an article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-editor-section.h"

G_BEGIN_DECLS

#define DL_TYPE_IMAGE_SECTION (dl_image_section_get_type ())
G_DECLARE_FINAL_TYPE (DlImageSection, dl_image_section, DL, IMAGE_SECTION, DlEditorSection)

GtkWidget *dl_image_section_new         (void);
void       dl_image_section_set_file    (DlImageSection *self,
                                         GFile          *file);
gboolean   dl_image_section_is_loading  (DlImageSection *self);

GtkEditable *dl_image_section_get_caption (DlImageSection *self);

G_END_DECLS
