/* dl-editor-section.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dl-editor-section.h"

typedef struct
{
  DlArticle *article;
  DlContext *context;
} DlEditorSectionPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (DlEditorSection, dl_editor_section, ADW_TYPE_PREFERENCES_GROUP)

static void
dl_editor_section_dispose (GObject *object)
{
  DlEditorSection *self = DL_EDITOR_SECTION (object);
  DlEditorSectionPrivate *priv = dl_editor_section_get_instance_private (self);

  g_clear_object (&priv->article);
  g_clear_object (&priv->context);

  G_OBJECT_CLASS (dl_editor_section_parent_class)->dispose (object);
}

static void
dl_editor_section_class_init (DlEditorSectionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dl_editor_section_dispose;
}

static void
dl_editor_section_init (DlEditorSection *self)
{
}

void
dl_editor_section_set_article (DlEditorSection *self,
                               DlArticle       *article)
{
  DlEditorSectionPrivate *priv = dl_editor_section_get_instance_private (self);

  g_return_if_fail (DL_IS_EDITOR_SECTION (self));
  g_return_if_fail (article == NULL || DL_IS_ARTICLE (article));

  if (priv->article == article)
    return;

  g_set_object (&priv->article, article);
  if (DL_EDITOR_SECTION_GET_CLASS (self)->set_article != NULL)
    DL_EDITOR_SECTION_GET_CLASS (self)->set_article (self, article);
}

DlArticle *
dl_editor_section_get_article (DlEditorSection *self)
{
  DlEditorSectionPrivate *priv = dl_editor_section_get_instance_private (self);

  g_return_val_if_fail (DL_IS_EDITOR_SECTION (self), NULL);
  return priv->article;
}

void
dl_editor_section_set_context (DlEditorSection *self,
                               DlContext       *context)
{
  DlEditorSectionPrivate *priv = dl_editor_section_get_instance_private (self);

  g_return_if_fail (DL_IS_EDITOR_SECTION (self));
  g_return_if_fail (context == NULL || DL_IS_CONTEXT (context));

  if (priv->context == context)
    return;

  g_set_object (&priv->context, context);
  if (DL_EDITOR_SECTION_GET_CLASS (self)->set_context != NULL)
    DL_EDITOR_SECTION_GET_CLASS (self)->set_context (self, context);
}

/**
 * dl_editor_section_get_context:
 *
 * Returns: (transfer none) (nullable): the shared services, if given
 */
DlContext *
dl_editor_section_get_context (DlEditorSection *self)
{
  DlEditorSectionPrivate *priv = dl_editor_section_get_instance_private (self);

  g_return_val_if_fail (DL_IS_EDITOR_SECTION (self), NULL);
  return priv->context;
}

void
dl_editor_section_show_text (AdwEntryRow *row,
                             const char  *text)
{
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

void
dl_editor_section_mark_error (AdwEntryRow *row,
                              gboolean     error)
{
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}
