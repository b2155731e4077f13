/* dl-tag-suggestions.c: completion for the tag entry
 *
 * A popover under the tag field listing up to eight tags the site has
 * (or the library used) that start as the typed text does, without
 * regard to case, leaving out the article's own. The keyboard stays in
 * the field: Down and Up choose a suggestion, Return takes it, Escape
 * closes the list (dl-tag-entry.c); a click takes one too. Choosing
 * emits ::chosen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-tag-suggestions"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-tag-suggestions.h"

#define MAX_SUGGESTIONS 8

struct _DlTagSuggestions
{
  GtkPopover  parent_instance;

  GListModel *known;      /* GtkStringObject */
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (DlTagSuggestions, dl_tag_suggestions, GTK_TYPE_POPOVER)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_row_activated (GtkListBox       *list,
                  GtkListBoxRow    *row,
                  DlTagSuggestions *self)
{
  const char *tag = g_object_get_data (G_OBJECT (row), "dl-tag");

  if (tag != NULL)
    g_signal_emit (self, signals[CHOSEN], 0, tag);
}

static void
dl_tag_suggestions_dispose (GObject *object)
{
  g_clear_object (&DL_TAG_SUGGESTIONS (object)->known);

  G_OBJECT_CLASS (dl_tag_suggestions_parent_class)->dispose (object);
}

static void
dl_tag_suggestions_class_init (DlTagSuggestionsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dl_tag_suggestions_dispose;

  /**
   * DlTagSuggestions::chosen:
   * @tag: the tag, as the site writes it
   */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
dl_tag_suggestions_init (DlTagSuggestions *self)
{
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_BROWSE);
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Tags the site has"), -1);
  gtk_widget_set_name (GTK_WIDGET (self->list), "tag-suggestions");
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  gtk_popover_set_child (GTK_POPOVER (self), GTK_WIDGET (self->list));
  /* The field keeps the keyboard: the list never takes the focus. */
  gtk_popover_set_autohide (GTK_POPOVER (self), FALSE);
  gtk_popover_set_has_arrow (GTK_POPOVER (self), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self), GTK_POS_BOTTOM);
  gtk_widget_set_can_focus (GTK_WIDGET (self), FALSE);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);
}

GtkWidget *
dl_tag_suggestions_new (void)
{
  return g_object_new (DL_TYPE_TAG_SUGGESTIONS, NULL);
}

/**
 * dl_tag_suggestions_set_known:
 * @tags: (nullable): the tags to suggest from (GtkStringObject)
 */
void
dl_tag_suggestions_set_known (DlTagSuggestions *self,
                              GListModel       *tags)
{
  g_set_object (&self->known, tags);
}

/**
 * dl_tag_suggestions_update:
 * @typed: what the field holds
 *
 * Returns: whether there is anything to suggest (the popover is shown)
 */
gboolean
dl_tag_suggestions_update (DlTagSuggestions *self,
                           const char       *typed,
                           DlArticle        *article)
{
  g_autofree char *prefix = NULL;
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  prefix = g_utf8_casefold (g_strstrip (g_strdup (typed != NULL ? typed : "")), -1);
  for (guint i = 0; *prefix != '\0' && self->known != NULL && i < g_list_model_get_n_items (self->known)
       && shown < MAX_SUGGESTIONS; i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (self->known, i);
      const char *tag = gtk_string_object_get_string (item);
      g_autofree char *folded = g_utf8_casefold (tag, -1);
      GtkWidget *row, *label;

      if (!g_str_has_prefix (folded, prefix) || g_strcmp0 (folded, prefix) == 0
          || (article != NULL && dl_article_has_tag (article, tag)))
        continue;
      label = gtk_label_new (tag);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_widget_set_can_focus (row, FALSE);
      g_object_set_data_full (G_OBJECT (row), "dl-tag", g_strdup (tag), g_free);
      gtk_list_box_append (self->list, row);
      shown++;
    }
  if (shown == 0)
    {
      gtk_popover_popdown (GTK_POPOVER (self));
      return FALSE;
    }
  gtk_list_box_unselect_all (self->list);
  gtk_popover_popup (GTK_POPOVER (self));
  return TRUE;
}

/* Down (+1) and Up (-1): the next or previous suggestion. */
void
dl_tag_suggestions_move (DlTagSuggestions *self,
                         int               step)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->list);
  int index = selected != NULL ? gtk_list_box_row_get_index (selected) + step : (step > 0 ? 0 : -1);
  GtkListBoxRow *row = index >= 0 ? gtk_list_box_get_row_at_index (self->list, index) : NULL;

  if (row != NULL)
    gtk_list_box_select_row (self->list, row);
}

/**
 * dl_tag_suggestions_get_selected:
 *
 * Returns: (nullable): the suggestion chosen with the arrow keys
 */
const char *
dl_tag_suggestions_get_selected (DlTagSuggestions *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);

  if (row == NULL || !gtk_widget_get_visible (GTK_WIDGET (self)))
    return NULL;
  return g_object_get_data (G_OBJECT (row), "dl-tag");
}
