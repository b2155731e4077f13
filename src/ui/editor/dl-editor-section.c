/* dl-editor-section.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dl-editor-section.h"

typedef struct
{
  DlArticle *article;
} DlEditorSectionPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (DlEditorSection, dl_editor_section, ADW_TYPE_PREFERENCES_GROUP)

static void
dl_editor_section_dispose (GObject *object)
{
  DlEditorSection *self = DL_EDITOR_SECTION (object);
  DlEditorSectionPrivate *priv = dl_editor_section_get_instance_private (self);

  g_clear_object (&priv->article);

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
