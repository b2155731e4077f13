/* dl-article-editor.h: the form and the body of one article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dl-article.h"
#include "dl-context.h"
#include "dl-editor-section.h"
#include "dl-text-stats.h"

G_BEGIN_DECLS

#define DL_TYPE_ARTICLE_EDITOR (dl_article_editor_get_type ())
G_DECLARE_FINAL_TYPE (DlArticleEditor, dl_article_editor, DL, ARTICLE_EDITOR, GtkWidget)

/* Properties: "article" (nullable DlArticle), "details-visible" (the
 * story details beside or over the text; action editor.toggle-details). */
GtkWidget *dl_article_editor_new            (void);
DlArticle *dl_article_editor_get_article    (DlArticleEditor *self);
void       dl_article_editor_set_article    (DlArticleEditor *self,
                                             DlArticle       *article);
void       dl_article_editor_focus_headline (DlArticleEditor *self);
void       dl_article_editor_focus_body     (DlArticleEditor *self);
/* The body's counts as last shown in the footer. */
void       dl_article_editor_get_stats      (DlArticleEditor *self,
                                             DlTextStats     *stats);
GtkTextBuffer *dl_article_editor_get_body_buffer (DlArticleEditor *self);
/* Appends a form section after the built-in ones (those in the template's
 * sections_box come first); it gets the current article at once. */
void       dl_article_editor_add_section    (DlArticleEditor *self,
                                             DlEditorSection *section);
void       dl_article_editor_set_context    (DlArticleEditor *self,
                                             DlContext       *context);
void       dl_article_editor_set_details_visible (DlArticleEditor *self,
                                             gboolean         visible);
gboolean   dl_article_editor_get_details_visible (DlArticleEditor *self);

void             dl_article_editor_set_focus_mode (DlArticleEditor *self,
                                                   gboolean         focus_mode);
void             dl_article_editor_restore_text (DlArticleEditor *self,
                                                 DlArticle       *revision);
void             dl_article_editor_set_known_tags (DlArticleEditor *self,
                                                   GListModel      *tags);
void             dl_article_editor_set_known_categories (DlArticleEditor *self,
                                                         GListModel      *categories);

G_END_DECLS
