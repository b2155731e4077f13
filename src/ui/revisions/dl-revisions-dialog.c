/* dl-revisions-dialog.c: an article's revisions, their differences, a restore
 *
 * The list (newest first: when, why, how many words) is read in a worker,
 * and so is each revision when it is selected; the word-level difference
 * from the text now is shown coloured: struck through in red what the
 * revision had and the text no longer has, in green what was written
 * since. "Restore This Version" hands the revision to the window, which
 * puts its text into the editor as one undoable step (dl-window.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-revisions-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-revision.h"
#include "dl-revisions-dialog.h"
#include "dl-ui-dates.h"
#include "dl-word-diff.h"

struct _DlRevisionsDialog
{
  AdwWindow      parent_instance;

  DlStore       *store;
  DlArticle     *article;
  GPtrArray     *revisions;     /* DlRevision, as listed */
  DlArticle     *shown;         /* the selected revision, once read */
  GCancellable  *cancellable;

  AdwWindowTitle *window_title;
  GtkStack      *stack;
  GtkListBox    *list;
  GtkLabel      *summary_label;
  GtkTextView   *diff_view;
};

G_DEFINE_FINAL_TYPE (DlRevisionsDialog, dl_revisions_dialog, ADW_TYPE_WINDOW)

enum {
  RESTORE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
describe_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (g_date_time_get_year (local) == g_date_time_get_year (now)
      && g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    /* Translators: a revision made today, at a time; see g_date_time_format() */
    return g_date_time_format (local, _("Today, %H:%M:%S"));
  /* "8 May 2025 at 10:06", in the interface's language */
  return dl_ui_date_format (local, "dMMMMyHHmm");
}

static GtkWidget *
make_row (DlRevision *revision)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *when = describe_time (revision->time);
  g_autofree char *words = g_strdup_printf (ngettext ("%'u word", "%'u words", revision->words), revision->words);
  /* Translators: why a revision was made, then its length: "Published · 301 words" */
  g_autofree char *details = g_strdup_printf (_("%s · %s"), dl_revision_cause_describe (revision->cause), words);
  g_autofree char *name = g_strdup_printf ("%s, %s", when, details);
  GtkWidget *title = gtk_label_new (when);
  GtkWidget *subtitle = gtk_label_new (details);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return row;
}

static void
show_difference (DlRevisionsDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->diff_view);
  g_autofree char *then = dl_revision_dup_text (self->shown);
  g_autofree char *now = dl_revision_dup_text (self->article);
  g_autoptr(GPtrArray) chunks = dl_word_diff (then, now);
  g_autofree char *summary = NULL;
  guint added = 0, removed = 0;
  GtkTextIter end;

  dl_word_diff_count (chunks, &added, &removed);
  gtk_text_buffer_set_text (buffer, "", -1);
  gtk_text_buffer_get_end_iter (buffer, &end);
  for (guint i = 0; i < chunks->len; i++)
    {
      DlDiffChunk *chunk = g_ptr_array_index (chunks, i);

      if (chunk->kind == DL_DIFF_SAME)
        gtk_text_buffer_insert (buffer, &end, chunk->text, -1);
      else
        gtk_text_buffer_insert_with_tags_by_name (buffer, &end, chunk->text, -1,
                                                  chunk->kind == DL_DIFF_ADDED ? "added" : "removed", NULL);
    }
  if (added == 0 && removed == 0)
    summary = g_strdup (_("The text is the same as now."));
  else
    /* Translators: above the differences; the two numbers are words */
    summary = g_strdup_printf (_("Since this version: %u added, %u removed (in green and struck through)"),
                               added, removed);
  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "revisions.restore", added > 0 || removed > 0);
}

static void
on_revision_loaded_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(DlRevisionsDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DlArticle) revision = dl_store_load_revision_finish (DL_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->shown);
  if (revision == NULL)
    {
      gtk_label_set_label (self->summary_label, error->message);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->diff_view), "", -1);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "revisions.restore", FALSE);
      return;
    }
  self->shown = g_steal_pointer (&revision);
  show_difference (self);
}

static void
on_row_selected_cb (DlRevisionsDialog *self,
                    GtkListBoxRow     *row)
{
  DlRevision *revision;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "revisions.restore", FALSE);
  if (row == NULL || self->revisions == NULL)
    return;
  revision = g_ptr_array_index (self->revisions, gtk_list_box_row_get_index (row));
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  dl_store_load_revision_async (self->store, dl_article_get_uuid (self->article), revision->id,
                                self->cancellable, on_revision_loaded_cb, g_object_ref (self));
}

static void
on_listed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(DlRevisionsDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *revisions = dl_store_list_revisions_finish (DL_STORE (source), result, &error);

  if (revisions == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      adw_window_title_set_subtitle (self->window_title, error->message);
      return;
    }
  self->revisions = revisions;
  for (guint i = 0; i < revisions->len; i++)
    gtk_list_box_append (self->list, make_row (g_ptr_array_index (revisions, i)));
  gtk_stack_set_visible_child_name (self->stack, revisions->len > 0 ? "list" : "empty");
  if (revisions->len > 0)
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->list, 0);

      gtk_list_box_select_row (self->list, first);
      gtk_widget_grab_focus (GTK_WIDGET (first));
    }
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  DlRevisionsDialog *self = DL_REVISIONS_DIALOG (widget);
  g_autoptr(DlArticle) revision = NULL;

  if (self->shown == NULL)
    return;
  revision = g_object_ref (self->shown);
  g_signal_emit (self, signals[RESTORE], 0, revision);
  gtk_window_close (GTK_WINDOW (self));
}

static void
dl_revisions_dialog_dispose (GObject *object)
{
  DlRevisionsDialog *self = DL_REVISIONS_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->article);
  g_clear_object (&self->shown);
  g_clear_pointer (&self->revisions, g_ptr_array_unref);

  G_OBJECT_CLASS (dl_revisions_dialog_parent_class)->dispose (object);
}

static void
dl_revisions_dialog_class_init (DlRevisionsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_revisions_dialog_dispose;

  signals[RESTORE] = g_signal_new ("restore", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, DL_TYPE_ARTICLE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dateline/Dateline/dl-revisions-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DlRevisionsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, DlRevisionsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, DlRevisionsDialog, list);
  gtk_widget_class_bind_template_child (widget_class, DlRevisionsDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, DlRevisionsDialog, diff_view);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "revisions.restore", NULL, restore_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dl_revisions_dialog_init (DlRevisionsDialog *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));
  buffer = gtk_text_view_get_buffer (self->diff_view);
  gtk_text_buffer_create_tag (buffer, "added", "background", "#c6efce", "foreground", "#0b5e1d", NULL);
  gtk_text_buffer_create_tag (buffer, "removed", "background", "#ffc7ce", "foreground", "#8b1a10",
                              "strikethrough", TRUE, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "revisions.restore", FALSE);
}

DlRevisionsDialog *
dl_revisions_dialog_new (GtkWindow *parent,
                         DlStore   *store,
                         DlArticle *article)
{
  DlRevisionsDialog *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (DL_IS_STORE (store), NULL);
  g_return_val_if_fail (DL_IS_ARTICLE (article), NULL);

  self = g_object_new (DL_TYPE_REVISIONS_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->article = g_object_ref (article);
  title = dl_article_dup_display_title (article);
  adw_window_title_set_subtitle (self->window_title, title);
  dl_store_list_revisions_async (store, dl_article_get_uuid (article), NULL, on_listed_cb, g_object_ref (self));
  return self;
}
