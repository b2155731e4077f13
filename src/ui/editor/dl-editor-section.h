/* dl-editor-section.h: one group of fields in the article editor
 *
 * Like GNOME Calendar's event editor, each part of the form (dateline,
 * credits, classification, featured image) is a section that edits the
 * article given to it with set_article.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dl-article.h"
#include "dl-context.h"

G_BEGIN_DECLS

#define DL_TYPE_EDITOR_SECTION (dl_editor_section_get_type ())
G_DECLARE_DERIVABLE_TYPE (DlEditorSection, dl_editor_section, DL, EDITOR_SECTION, AdwPreferencesGroup)

struct _DlEditorSectionClass
{
  AdwPreferencesGroupClass parent_class;

  /* @article: (nullable): the article to show and edit, or NULL to detach */
  void (*set_article) (DlEditorSection *self,
                       DlArticle       *article);
  /* @context: (nullable): the shared services (house style, settings);
   * NULL until the editor is given one, and in tests that need none */
  void (*set_context) (DlEditorSection *self,
                       DlContext       *context);
};

void       dl_editor_section_set_article (DlEditorSection *self,
                                          DlArticle       *article);
DlArticle *dl_editor_section_get_article (DlEditorSection *self);
void       dl_editor_section_set_context (DlEditorSection *self,
                                          DlContext       *context);
DlContext *dl_editor_section_get_context (DlEditorSection *self);

/* For the sections' rows: shows @text unless it is already there (setting
 * it again would move the cursor), and marks a row whose text is wrong. */
void       dl_editor_section_show_text   (AdwEntryRow     *row,
                                          const char      *text);
void       dl_editor_section_mark_error  (AdwEntryRow     *row,
                                          gboolean         error);

G_END_DECLS
