/* dl-classification-section.h: category and tags of an article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-editor-section.h"

G_BEGIN_DECLS

#define DL_TYPE_CLASSIFICATION_SECTION (dl_classification_section_get_type ())
G_DECLARE_FINAL_TYPE (DlClassificationSection, dl_classification_section, DL, CLASSIFICATION_SECTION, DlEditorSection)

GtkWidget  *dl_classification_section_new                  (void);
void        dl_classification_section_set_known_tags (DlClassificationSection *self,
                                                      GListModel              *tags);
void        dl_classification_section_set_known_categories (DlClassificationSection *self,
                                                            GListModel              *categories);
GListModel *dl_classification_section_get_known_categories (DlClassificationSection *self);

G_END_DECLS
