/* dl-classification-section.c: category and tags of an article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-classification-section"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-classification-section.h"
#include "dl-tag-entry.h"

struct _DlClassificationSection
{
  DlEditorSection     parent_instance;

  GBinding           *category_binding;

  /* GtkEntryCompletion only takes a GtkTreeModel, so the list of known
   * categories is mirrored into a one-column GtkListStore. */
  GListModel         *known_categories;
  gulong              known_categories_handler;
  GtkListStore       *completion_store;
  GtkEntryCompletion *completion;

  GtkEntry           *category_entry;
  DlTagEntry         *tag_entry;
};

G_DEFINE_FINAL_TYPE (DlClassificationSection, dl_classification_section, DL_TYPE_EDITOR_SECTION)

enum {
  PROP_0,
  PROP_KNOWN_CATEGORIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_known_categories_changed_cb (DlClassificationSection *self,
                                guint                    position,
                                guint                    removed,
                                guint                    added,
                                GListModel              *model)
{
  GtkTreeIter iter;

  for (guint i = 0; i < removed; i++)
    {
      if (gtk_tree_model_iter_nth_child (GTK_TREE_MODEL (self->completion_store), &iter, NULL, (int) position))
        gtk_list_store_remove (self->completion_store, &iter);
    }

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, position + i);

      /* Not checked up front: GtkStringList in GTK 4.8 reports its item
       * type as GObject. Rows are kept one per item to keep positions. */
      gtk_list_store_insert_with_values (self->completion_store, NULL, (int) (position + i),
                                         0, GTK_IS_STRING_OBJECT (item)
                                              ? gtk_string_object_get_string (GTK_STRING_OBJECT (item))
                                              : "",
                                         -1);
    }
}

static void
dl_classification_section_set_article (DlEditorSection *section,
                                       DlArticle       *article)
{
  DlClassificationSection *self = DL_CLASSIFICATION_SECTION (section);

  g_clear_pointer (&self->category_binding, g_binding_unbind);
  if (article != NULL)
    self->category_binding =
      g_object_bind_property (article, "category", self->category_entry, "text",
                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->category_entry), "");

  gtk_widget_set_sensitive (GTK_WIDGET (self->category_entry), article != NULL);
  dl_tag_entry_set_article (self->tag_entry, article);
}

static void
dl_classification_section_dispose (GObject *object)
{
  DlClassificationSection *self = DL_CLASSIFICATION_SECTION (object);

  g_clear_pointer (&self->category_binding, g_binding_unbind);
  if (self->known_categories != NULL)
    g_clear_signal_handler (&self->known_categories_handler, self->known_categories);
  g_clear_object (&self->known_categories);
  gtk_widget_dispose_template (GTK_WIDGET (self), DL_TYPE_CLASSIFICATION_SECTION);
  g_clear_object (&self->completion);
  g_clear_object (&self->completion_store);

  G_OBJECT_CLASS (dl_classification_section_parent_class)->dispose (object);
}

static void
dl_classification_section_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  DlClassificationSection *self = DL_CLASSIFICATION_SECTION (object);

  switch (prop_id)
    {
    case PROP_KNOWN_CATEGORIES:
      g_value_set_object (value, self->known_categories);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_classification_section_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  DlClassificationSection *self = DL_CLASSIFICATION_SECTION (object);

  switch (prop_id)
    {
    case PROP_KNOWN_CATEGORIES:
      dl_classification_section_set_known_categories (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_classification_section_class_init (DlClassificationSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DlEditorSectionClass *section_class = DL_EDITOR_SECTION_CLASS (klass);

  object_class->dispose = dl_classification_section_dispose;
  object_class->get_property = dl_classification_section_get_property;
  object_class->set_property = dl_classification_section_set_property;
  section_class->set_article = dl_classification_section_set_article;

  /**
   * DlClassificationSection:known-categories:
   *
   * Categories offered as completions, a list of GtkStringObject.
   */
  properties[PROP_KNOWN_CATEGORIES] =
    g_param_spec_object ("known-categories", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dateline/Dateline/dl-classification-section.ui");
  gtk_widget_class_bind_template_child (widget_class, DlClassificationSection, category_entry);
  gtk_widget_class_bind_template_child (widget_class, DlClassificationSection, tag_entry);

  g_type_ensure (DL_TYPE_TAG_ENTRY);
}

static void
dl_classification_section_init (DlClassificationSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->completion_store = gtk_list_store_new (1, G_TYPE_STRING);
  self->completion = gtk_entry_completion_new ();
  gtk_entry_completion_set_model (self->completion, GTK_TREE_MODEL (self->completion_store));
  gtk_entry_completion_set_text_column (self->completion, 0);
  gtk_entry_completion_set_inline_completion (self->completion, TRUE);
  gtk_entry_completion_set_popup_single_match (self->completion, FALSE);
  gtk_entry_set_completion (self->category_entry, self->completion);

  gtk_widget_set_sensitive (GTK_WIDGET (self->category_entry), FALSE);
}

/**
 * dl_classification_section_new:
 *
 * Returns: (transfer floating): a classification section with no article.
 */
GtkWidget *
dl_classification_section_new (void)
{
  return g_object_new (DL_TYPE_CLASSIFICATION_SECTION, NULL);
}

/**
 * dl_classification_section_set_known_categories:
 * @categories: (nullable): a list of GtkStringObject
 *
 * Sets the categories offered while typing a category. The list is
 * followed: categories added to it later are offered too.
 */
void
dl_classification_section_set_known_categories (DlClassificationSection *self,
                                                GListModel              *categories)
{
  g_return_if_fail (DL_IS_CLASSIFICATION_SECTION (self));
  g_return_if_fail (categories == NULL || G_IS_LIST_MODEL (categories));

  if (self->known_categories == categories)
    return;

  if (self->known_categories != NULL)
    g_clear_signal_handler (&self->known_categories_handler, self->known_categories);
  g_set_object (&self->known_categories, categories);
  gtk_list_store_clear (self->completion_store);

  if (categories != NULL)
    {
      self->known_categories_handler =
        g_signal_connect_object (categories, "items-changed",
                                 G_CALLBACK (on_known_categories_changed_cb), self,
                                 G_CONNECT_SWAPPED);
      on_known_categories_changed_cb (self, 0, 0, g_list_model_get_n_items (categories), categories);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KNOWN_CATEGORIES]);
}

/**
 * dl_classification_section_get_known_categories:
 *
 * Returns: (nullable) (transfer none): the categories offered as completions.
 */
GListModel *
dl_classification_section_get_known_categories (DlClassificationSection *self)
{
  g_return_val_if_fail (DL_IS_CLASSIFICATION_SECTION (self), NULL);
  return self->known_categories;
}

/**
 * dl_classification_section_set_known_tags:
 * @tags: (nullable): a list of GtkStringObject, followed
 *
 * The tags suggested while typing a tag: the default site's.
 */
void
dl_classification_section_set_known_tags (DlClassificationSection *self,
                                          GListModel              *tags)
{
  g_return_if_fail (DL_IS_CLASSIFICATION_SECTION (self));

  dl_tag_entry_set_known_tags (self->tag_entry, tags);
}
