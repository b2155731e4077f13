/* dl-credits-section.c: the ordered credits of an article
 *
 * The list box is bound to the article's credits model, so rows are made
 * and dropped by the model; this section only turns row requests (add,
 * move, remove) into model calls and puts the keyboard focus back where
 * the user expects it afterwards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-credits-section"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-credit-row.h"
#include "dl-credits-section.h"

struct _DlCreditsSection
{
  DlEditorSection  parent_instance;

  GListModel      *credits;
  gulong           items_changed_handler;
  GtkSizeGroup    *role_group;

  GtkButton       *add_button;
  GtkListBox      *list_box;
};

G_DEFINE_FINAL_TYPE (DlCreditsSection, dl_credits_section, DL_TYPE_EDITOR_SECTION)

static DlCreditRow *
row_at (DlCreditsSection *self,
        guint             position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, (int) position);

  return DL_IS_CREDIT_ROW (row) ? DL_CREDIT_ROW (row) : NULL;
}

static void
update_move_actions (DlCreditsSection *self)
{
  guint n = self->credits ? g_list_model_get_n_items (self->credits) : 0;

  for (guint i = 0; i < n; i++)
    {
      DlCreditRow *row = row_at (self, i);

      if (row != NULL)
        dl_credit_row_set_can_move (row, i > 0, i + 1 < n);
    }
}

static void
on_credits_items_changed_cb (DlCreditsSection *self,
                             guint             position,
                             guint             removed,
                             guint             added,
                             GListModel       *model)
{
  update_move_actions (self);
}

static void
on_row_move_cb (DlCreditRow      *row,
                int               delta,
                DlCreditsSection *self)
{
  DlArticle *article = dl_editor_section_get_article (DL_EDITOR_SECTION (self));
  int from = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  int to = from + delta;
  DlCreditRowPart part;
  DlCreditRow *moved;

  if (article == NULL || from < 0 || to < 0 || to >= (int) g_list_model_get_n_items (self->credits))
    return;

  part = dl_credit_row_get_focus_part (row);
  if (!dl_article_move_credit (article, from, to))
    return;

  /* The model replaced the row; follow the credit to its new place. */
  moved = row_at (self, to);
  if (moved != NULL && part != DL_CREDIT_ROW_PART_NONE)
    dl_credit_row_focus_part (moved, part);
}

static void
on_row_remove_cb (DlCreditRow      *row,
                  DlCreditsSection *self)
{
  DlArticle *article = dl_editor_section_get_article (DL_EDITOR_SECTION (self));
  int position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  DlCreditRowPart part;
  guint n;

  if (article == NULL || position < 0)
    return;

  part = dl_credit_row_get_focus_part (row);
  dl_article_remove_credit (article, position);

  if (part == DL_CREDIT_ROW_PART_NONE)
    return;

  /* Stay on the same button of the credit that took this one's place,
   * or the one before it; with no credits left, "Add Credit". */
  n = g_list_model_get_n_items (self->credits);
  if (n > 0)
    dl_credit_row_focus_part (row_at (self, MIN ((guint) position, n - 1)), part);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  DlCreditsSection *self = user_data;
  GtkWidget *row = dl_credit_row_new (DL_CREDIT (item));

  dl_credit_row_add_to_size_group (DL_CREDIT_ROW (row), self->role_group);
  g_signal_connect_object (row, "move", G_CALLBACK (on_row_move_cb), self, 0);
  g_signal_connect_object (row, "remove", G_CALLBACK (on_row_remove_cb), self, 0);
  return row;
}

static void
add_credit_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DlCreditsSection *self = DL_CREDITS_SECTION (widget);
  DlArticle *article = dl_editor_section_get_article (DL_EDITOR_SECTION (self));
  g_autoptr(DlCredit) credit = NULL;
  guint n;

  if (article == NULL)
    return;

  credit = dl_credit_new (DL_CREDIT_ROLE_AUTHOR, "", "");
  dl_article_add_credit (article, credit);

  n = g_list_model_get_n_items (self->credits);
  dl_credit_row_focus_part (row_at (self, n - 1), DL_CREDIT_ROW_PART_NAME);
}

static void
dl_credits_section_set_article (DlEditorSection *section,
                                DlArticle       *article)
{
  DlCreditsSection *self = DL_CREDITS_SECTION (section);

  if (self->credits != NULL)
    g_clear_signal_handler (&self->items_changed_handler, self->credits);
  g_clear_object (&self->credits);

  if (article != NULL)
    self->credits = g_object_ref (dl_article_get_credits (article));

  gtk_list_box_bind_model (self->list_box, self->credits, create_row_cb, self, NULL);

  /* Connected after the list box's own handler, so rows exist by then. */
  if (self->credits != NULL)
    self->items_changed_handler =
      g_signal_connect_object (self->credits, "items-changed",
                               G_CALLBACK (on_credits_items_changed_cb), self,
                               G_CONNECT_SWAPPED);

  update_move_actions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "credits.add", article != NULL);
}

static void
dl_credits_section_dispose (GObject *object)
{
  DlCreditsSection *self = DL_CREDITS_SECTION (object);

  if (self->credits != NULL)
    {
      g_clear_signal_handler (&self->items_changed_handler, self->credits);
      gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
    }
  g_clear_object (&self->credits);
  g_clear_object (&self->role_group);
  gtk_widget_dispose_template (GTK_WIDGET (self), DL_TYPE_CREDITS_SECTION);

  G_OBJECT_CLASS (dl_credits_section_parent_class)->dispose (object);
}

static void
dl_credits_section_class_init (DlCreditsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DlEditorSectionClass *section_class = DL_EDITOR_SECTION_CLASS (klass);

  object_class->dispose = dl_credits_section_dispose;
  section_class->set_article = dl_credits_section_set_article;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dateline/Dateline/dl-credits-section.ui");
  gtk_widget_class_bind_template_child (widget_class, DlCreditsSection, add_button);
  gtk_widget_class_bind_template_child (widget_class, DlCreditsSection, list_box);

  gtk_widget_class_install_action (widget_class, "credits.add", NULL, add_credit_action);

  g_type_ensure (DL_TYPE_CREDIT_ROW);
}

static void
dl_credits_section_init (DlCreditsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->role_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "credits.add", FALSE);
}

/**
 * dl_credits_section_new:
 *
 * Returns: (transfer floating): a credits section with no article.
 */
GtkWidget *
dl_credits_section_new (void)
{
  return g_object_new (DL_TYPE_CREDITS_SECTION, NULL);
}
