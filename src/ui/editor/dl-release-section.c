/* dl-release-section.c
 *
 * Status, embargo and schedule: where a story is in the newsroom's
 * workflow and when it may go out. A journalist sets Draft or Ready for
 * the desk; Scheduled, Published and Changed since publishing are set by
 * publishing and by editing a published story (dl-article.c), and shown
 * here as they are. Times are typed in the user's zone, in any form
 * dl_date_entry_parse() reads, or picked from a calendar; the rules
 * (dl-release-times.c) are explained under the rows as soon as they
 * apply.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-release-section"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-date-entry.h"
#include "dl-date-picker.h"
#include "dl-release-section.h"
#include "dl-release-times.h"

#define RESOURCE_PREFIX "/io/github/dateline/Dateline"

struct _DlReleaseSection
{
  DlEditorSection  parent_instance;

  DlArticle       *article;
  GtkStringList   *status_model;
  DlArticleStatus  status_ids[3];   /* what each item of status_model sets */
  guint            n_status_ids;

  AdwComboRow     *status_row;
  AdwEntryRow     *embargo_row;
  AdwEntryRow     *schedule_row;
  DlDatePicker    *embargo_picker;
  DlDatePicker    *schedule_picker;
  GtkLabel        *embargo_note;
  GtkLabel        *schedule_note;

  char            *embargo_error;   /* what is wrong with the typed text */
  char            *schedule_error;
  guint            apply_source;
  guint            updating : 1;
};

G_DEFINE_FINAL_TYPE (DlReleaseSection, dl_release_section, DL_TYPE_EDITOR_SECTION)

static void
set_note (GtkLabel         *label,
          const char       *text,
          DlReleaseVerdict  verdict,
          gboolean          past)
{
  const char *classes[] = { "error", "warning", "dim-label" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), classes[i]);
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
  if (verdict == DL_RELEASE_CONFLICT)
    gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  else if (past)
    gtk_widget_add_css_class (GTK_WIDGET (label), "warning");
  else
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
}

/* The notes under the rows: a typing mistake first, else the rules. */
static void
update_notes (DlReleaseSection *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *embargo_text = NULL;
  g_autofree char *schedule_text = NULL;
  GDateTime *embargo = self->article != NULL ? dl_article_get_embargo (self->article) : NULL;
  GDateTime *schedule = self->article != NULL ? dl_article_get_schedule (self->article) : NULL;
  DlReleaseVerdict embargo_verdict = dl_release_check_embargo (embargo, schedule, now, &embargo_text);
  DlReleaseVerdict schedule_verdict = dl_release_check_schedule (embargo, schedule, now, &schedule_text);

  dl_editor_section_mark_error (self->embargo_row, self->embargo_error != NULL || embargo_verdict == DL_RELEASE_CONFLICT);
  dl_editor_section_mark_error (self->schedule_row, self->schedule_error != NULL || schedule_verdict == DL_RELEASE_CONFLICT);
  if (self->embargo_error != NULL)
    set_note (self->embargo_note, self->embargo_error, DL_RELEASE_CONFLICT, FALSE);
  else
    /* The conflict is said once, under the schedule. */
    set_note (self->embargo_note, embargo_verdict == DL_RELEASE_CONFLICT ? NULL : embargo_text, embargo_verdict,
              embargo != NULL && !dl_release_is_embargoed (embargo, now));
  if (self->schedule_error != NULL)
    set_note (self->schedule_note, self->schedule_error, DL_RELEASE_CONFLICT, FALSE);
  else
    set_note (self->schedule_note, schedule_text, schedule_verdict,
              schedule != NULL && g_date_time_compare (schedule, now) <= 0);
}

static void
rebuild_status_model (DlReleaseSection *self)
{
  DlArticleStatus status = self->article != NULL ? dl_article_get_status (self->article) : DL_ARTICLE_STATUS_DRAFT;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint selected = 0;

  self->n_status_ids = 0;
  self->status_ids[self->n_status_ids++] = DL_ARTICLE_STATUS_DRAFT;
  self->status_ids[self->n_status_ids++] = DL_ARTICLE_STATUS_READY;
  /* A state publishing set is shown, not offered. */
  if (status != DL_ARTICLE_STATUS_DRAFT && status != DL_ARTICLE_STATUS_READY)
    self->status_ids[self->n_status_ids++] = status;
  for (guint i = 0; i < self->n_status_ids; i++)
    {
      g_ptr_array_add (labels, (gpointer) dl_article_status_get_label (self->status_ids[i]));
      if (self->status_ids[i] == status)
        selected = i;
    }
  g_ptr_array_add (labels, NULL);

  self->updating = TRUE;
  g_clear_object (&self->status_model);
  self->status_model = gtk_string_list_new ((const char * const *) labels->pdata);
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (self->status_model));
  adw_combo_row_set_selected (self->status_row, selected);
  self->updating = FALSE;
}

static void
sync_rows (DlReleaseSection *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self), self->article != NULL);
  rebuild_status_model (self);
  if (self->article == NULL)
    return;

  self->updating = TRUE;
  /* A text being corrected stays as typed. */
  if (self->embargo_error == NULL)
    {
      GDateTime *embargo = dl_article_get_embargo (self->article);
      g_autofree char *text = embargo != NULL ? dl_date_entry_format (embargo, NULL) : NULL;
      dl_editor_section_show_text (self->embargo_row, text);
    }
  if (self->schedule_error == NULL)
    {
      GDateTime *schedule = dl_article_get_schedule (self->article);
      g_autofree char *text = schedule != NULL ? dl_date_entry_format (schedule, NULL) : NULL;
      dl_editor_section_show_text (self->schedule_row, text);
    }
  dl_date_picker_set_date (self->embargo_picker, dl_article_get_embargo (self->article));
  dl_date_picker_set_date (self->schedule_picker,
                           dl_article_get_schedule (self->article) != NULL
                           ? dl_article_get_schedule (self->article) : dl_article_get_embargo (self->article));
  self->updating = FALSE;
  update_notes (self);
}

/* Reads a row: empty clears the time, a good text sets it, a bad one is
 * explained and leaves the article's time as it was. */
static void
apply_row (AdwEntryRow  *row,
           char        **error_text,
           DlArticle    *article,
           void        (*set) (DlArticle *, GDateTime *))
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) date_time = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (error_text, g_free);
  if (*text == '\0')
    {
      set (article, NULL);
      return;
    }
  date_time = dl_date_entry_parse (text, zone, dl_date_entry_locale_order (), 0, &error);
  if (date_time == NULL)
    *error_text = g_strdup (error->message);
  else
    set (article, date_time);
}

static gboolean
apply_idle_cb (gpointer user_data)
{
  DlReleaseSection *self = user_data;

  self->apply_source = 0;
  if (self->article == NULL)
    return G_SOURCE_REMOVE;
  self->updating = TRUE;
  apply_row (self->embargo_row, &self->embargo_error, self->article, dl_article_set_embargo);
  apply_row (self->schedule_row, &self->schedule_error, self->article, dl_article_set_schedule);
  self->updating = FALSE;
  update_notes (self);
  return G_SOURCE_REMOVE;
}

/* At idle, like the dateline date: a paste over a selection first
 * empties the row, and that transient "" must not clear the embargo. */
static void
on_time_changed_cb (DlReleaseSection *self)
{
  if (self->updating || self->article == NULL || self->apply_source != 0)
    return;
  self->apply_source = g_idle_add (apply_idle_cb, self);
}

static void
flush_pending (DlReleaseSection *self)
{
  if (self->apply_source != 0)
    {
      g_clear_handle_id (&self->apply_source, g_source_remove);
      apply_idle_cb (self);
    }
}

static void
on_embargo_picked_cb (DlReleaseSection *self,
                      GDateTime        *picked)
{
  g_autofree char *text = dl_date_entry_format (picked, NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->embargo_row), text);
  flush_pending (self);
}

static void
on_schedule_picked_cb (DlReleaseSection *self,
                       GDateTime        *picked)
{
  g_autofree char *text = dl_date_entry_format (picked, NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->schedule_row), text);
  flush_pending (self);
}

static void
on_embargo_clear_cb (DlReleaseSection *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->embargo_row), "");
  flush_pending (self);
}

static void
on_schedule_clear_cb (DlReleaseSection *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->schedule_row), "");
  flush_pending (self);
}

static void
on_status_selected_cb (DlReleaseSection *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);

  if (self->updating || self->article == NULL || selected >= self->n_status_ids)
    return;
  dl_article_set_status (self->article, self->status_ids[selected]);
}

static void
on_article_changed_cb (DlReleaseSection *self)
{
  if (!self->updating)
    sync_rows (self);
}

static void
dl_release_section_set_article (DlEditorSection *section,
                                DlArticle       *article)
{
  DlReleaseSection *self = DL_RELEASE_SECTION (section);

  /* A time typed for the old article belongs to it. */
  flush_pending (self);
  if (self->article != NULL)
    g_signal_handlers_disconnect_by_data (self->article, self);
  g_set_object (&self->article, article);
  g_clear_pointer (&self->embargo_error, g_free);
  g_clear_pointer (&self->schedule_error, g_free);
  if (article != NULL)
    {
      /* Only what this section shows: "changed" comes with every
       * keystroke in the body, and rebuilding the status list then was
       * work on the typing path. */
      const char *shown[] = { "notify::status", "notify::embargo", "notify::schedule" };

      for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
        g_signal_connect_object (article, shown[i], G_CALLBACK (on_article_changed_cb), self, G_CONNECT_SWAPPED);
    }
  sync_rows (self);
}

static void
dl_release_section_dispose (GObject *object)
{
  DlReleaseSection *self = DL_RELEASE_SECTION (object);

  g_clear_handle_id (&self->apply_source, g_source_remove);
  if (self->article != NULL)
    g_signal_handlers_disconnect_by_data (self->article, self);
  g_clear_object (&self->article);
  g_clear_object (&self->status_model);
  g_clear_pointer (&self->embargo_error, g_free);
  g_clear_pointer (&self->schedule_error, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), DL_TYPE_RELEASE_SECTION);

  G_OBJECT_CLASS (dl_release_section_parent_class)->dispose (object);
}

static void
dl_release_section_class_init (DlReleaseSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DlEditorSectionClass *section_class = DL_EDITOR_SECTION_CLASS (klass);

  object_class->dispose = dl_release_section_dispose;
  section_class->set_article = dl_release_section_set_article;

  g_type_ensure (DL_TYPE_DATE_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/dl-release-section.ui");
  gtk_widget_class_bind_template_child (widget_class, DlReleaseSection, status_row);
  gtk_widget_class_bind_template_child (widget_class, DlReleaseSection, embargo_row);
  gtk_widget_class_bind_template_child (widget_class, DlReleaseSection, schedule_row);
  gtk_widget_class_bind_template_child (widget_class, DlReleaseSection, embargo_picker);
  gtk_widget_class_bind_template_child (widget_class, DlReleaseSection, schedule_picker);
  gtk_widget_class_bind_template_child (widget_class, DlReleaseSection, embargo_note);
  gtk_widget_class_bind_template_child (widget_class, DlReleaseSection, schedule_note);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_time_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_embargo_picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_schedule_picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_embargo_clear_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_schedule_clear_cb);
}

static void
dl_release_section_init (DlReleaseSection *self)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autofree char *description = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Translators: %s is a time zone, "Europe/Minsk" */
  description = g_strdup_printf (_("Times are in your time zone, %s."), g_time_zone_get_identifier (local));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), description);
  sync_rows (self);
}

GtkWidget *
dl_release_section_new (void)
{
  return g_object_new (DL_TYPE_RELEASE_SECTION, NULL);
}
