/* dl-dateline-section.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-dateline-section"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-date-entry.h"
#include "dl-date-picker.h"
#include "dl-dateline.h"
#include "dl-dateline-section.h"
#include "dl-house-style.h"

#define MAX_RECENT_PLACES 12

struct _DlDatelineSection
{
  DlEditorSection  parent_instance;

  GSettings       *settings;        /* the context's: recent places; NULL without one */
  DlHouseStyle    *house_style;     /* the context's; NULL: the built-in style */
  DlArticle       *article;
  GtkStringList   *style_model;
  char            *default_style;   /* to notice when the "Default (…)" label must change */

  /* Template widgets */
  AdwEntryRow     *place_row;
  AdwEntryRow     *region_row;
  AdwEntryRow     *country_row;
  AdwEntryRow     *date_row;
  DlDatePicker    *date_picker;
  AdwEntryRow     *time_zone_row;
  AdwEntryRow     *source_row;
  AdwComboRow     *style_row;
  GtkLabel        *dateline_label;
  GtkLabel        *error_label;
  GtkLabel        *note_label;
  GtkListBox      *recent_list;
  GtkPopover      *recent_popover;

  /* Set while rows are filled from the article, so that filling does
   * not write back into it. */
  guint            apply_source;   /* idle applying the date and zone rows */

  guint            updating : 1;
  guint            bad_date : 1;
  char            *date_error;     /* why the typed date was refused */
  guint            bad_time_zone : 1;
};

G_DEFINE_FINAL_TYPE (DlDatelineSection, dl_dateline_section, DL_TYPE_EDITOR_SECTION)

/* Helpers */

static GTimeZone *
article_zone (DlArticle *article)
{
  const char *id = dl_article_get_time_zone (article);
  GTimeZone *tz = NULL;

  if (id[0] != '\0')
    tz = dl_dateline_time_zone_new (id, NULL);
  return tz;
}

static char *
format_date_for_row (DlArticle *article)
{
  GDateTime *date = dl_article_get_dateline_date (article);
  g_autoptr(GTimeZone) tz = article_zone (article);
  g_autoptr(GDateTime) local = NULL;

  if (date == NULL)
    return g_strdup ("");
  /* In the place's zone (or the date's own offset), as dl_date_entry_parse() reads it back. */
  local = tz != NULL ? g_date_time_to_timezone (date, tz) : g_date_time_ref (date);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
update_messages (DlDatelineSection *self,
                 GError            *reason)
{
  GString *errors = g_string_new (NULL);

  if (self->bad_date)
    g_string_append (errors, self->date_error != NULL ? self->date_error : "");
  if (self->bad_time_zone)
    {
      g_autoptr(GError) error = NULL;
      dl_dateline_time_zone_validate (gtk_editable_get_text (GTK_EDITABLE (self->time_zone_row)),
                                      &error);
      if (errors->len > 0)
        g_string_append_c (errors, '\n');
      g_string_append (errors, error != NULL ? error->message : "");
    }
  gtk_label_set_text (self->error_label, errors->str);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), errors->len > 0);
  g_string_free (errors, TRUE);

  /* An empty place is obvious from the empty dateline; other
   * substitutions (unknown language, bad custom pattern) are explained. */
  if (reason != NULL && !g_error_matches (reason, DL_DATELINE_ERROR, DL_DATELINE_ERROR_EMPTY_PLACE))
    {
      gtk_label_set_text (self->note_label, reason->message);
      gtk_widget_set_visible (GTK_WIDGET (self->note_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->note_label), FALSE);
}

static void
update_dateline (DlDatelineSection *self)
{
  g_autoptr(GError) reason = NULL;
  g_autofree char *text = NULL;

  if (self->article != NULL)
    text = dl_house_style_compose_dateline (self->house_style, self->article, &reason);
  gtk_label_set_text (self->dateline_label, text != NULL ? text : "");
  update_messages (self, reason);
}

static void
rebuild_style_model (DlDatelineSection *self)
{
  const char * const *ids = dl_dateline_style_list ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *default_style = self->house_style != NULL
    ? dl_house_style_get_dateline_style (self->house_style) : DL_DATELINE_FALLBACK_STYLE;
  guint selected = adw_combo_row_get_selected (self->style_row);

  if (self->style_model != NULL && g_strcmp0 (default_style, self->default_style) == 0)
    return;
  g_free (self->default_style);
  self->default_style = g_strdup (default_style);

  /* Translators: the dateline style of the newsroom's Preferences, e.g. "Default (BelTA)" */
  g_ptr_array_add (names, g_strdup_printf (_("Default (%s)"), dl_dateline_style_get_name (default_style)));
  for (guint i = 0; ids[i] != NULL; i++)
    g_ptr_array_add (names, g_strdup (dl_dateline_style_get_name (ids[i])));
  g_ptr_array_add (names, NULL);

  self->updating = TRUE;
  g_clear_object (&self->style_model);
  self->style_model = gtk_string_list_new ((const char * const *) names->pdata);
  adw_combo_row_set_model (self->style_row, G_LIST_MODEL (self->style_model));
  if (selected != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->style_row, selected);
  self->updating = FALSE;
}

static guint
style_position (const char *style_id)
{
  const char * const *ids = dl_dateline_style_list ();

  for (guint i = 0; style_id != NULL && style_id[0] != '\0' && ids[i] != NULL; i++)
    if (g_str_equal (ids[i], style_id))
      return i + 1;
  return 0;   /* "" or unknown: the default */
}

static void
sync_rows (DlDatelineSection *self)
{
  g_autofree char *date = NULL;
  gboolean has_article = self->article != NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self), has_article);
  if (!has_article)
    {
      update_dateline (self);
      return;
    }

  self->updating = TRUE;
  dl_editor_section_show_text (self->place_row, dl_article_get_place (self->article));
  dl_editor_section_show_text (self->region_row, dl_article_get_region (self->article));
  dl_editor_section_show_text (self->country_row, dl_article_get_country (self->article));
  if (!self->bad_time_zone)
    dl_editor_section_show_text (self->time_zone_row, dl_article_get_time_zone (self->article));
  if (!self->bad_date && !self->bad_time_zone)
    {
      g_autoptr(GTimeZone) zone = article_zone (self->article);

      date = format_date_for_row (self->article);
      dl_editor_section_show_text (self->date_row, date);
      /* The calendar proposes the place's wall-clock time. */
      dl_date_picker_set_zone (self->date_picker, zone);
      dl_date_picker_set_date (self->date_picker, dl_article_get_dateline_date (self->article));
    }
  dl_editor_section_show_text (self->source_row, dl_article_get_source (self->article));
  adw_combo_row_set_selected (self->style_row,
                              style_position (dl_article_get_dateline_style (self->article)));
  self->updating = FALSE;

  update_dateline (self);
}

/* Recent places */

static GtkWidget *
create_recent_row (const char *place,
                   const char *region,
                   const char *country,
                   const char *time_zone)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  for (const char * const *p = (const char * const[]) { region, country, time_zone, NULL }; *p; p++)
    if ((*p)[0] != '\0')
      g_ptr_array_add (parts, (gpointer) *p);
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **) parts->pdata);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), place);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "place", g_strdup (place), g_free);
  g_object_set_data_full (G_OBJECT (row), "region", g_strdup (region), g_free);
  g_object_set_data_full (G_OBJECT (row), "country", g_strdup (country), g_free);
  g_object_set_data_full (G_OBJECT (row), "time-zone", g_strdup (time_zone), g_free);
  return row;
}

static void
reload_recent_places (DlDatelineSection *self)
{
  g_autoptr(GVariant) places = NULL;
  GtkWidget *child;
  GVariantIter iter;
  const char *place, *region, *country, *time_zone;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);
  if (self->settings == NULL)
    return;
  places = g_settings_get_value (self->settings, "recent-places");

  g_variant_iter_init (&iter, places);
  while (g_variant_iter_next (&iter, "(&s&s&s&s)", &place, &region, &country, &time_zone))
    gtk_list_box_append (self->recent_list, create_recent_row (place, region, country, time_zone));
  gtk_list_box_invalidate_filter (self->recent_list);
}

/* Typing narrows the recent places to those starting with the text. */
static gboolean
recent_filter_func (GtkListBoxRow *row,
                    gpointer       user_data)
{
  DlDatelineSection *self = user_data;
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->place_row));
  g_autofree char *typed_folded = g_utf8_casefold (typed, -1);
  g_autofree char *place_folded = g_utf8_casefold (g_object_get_data (G_OBJECT (row), "place"), -1);

  return g_str_has_prefix (place_folded, g_strstrip (typed_folded));
}

static void flush_pending (DlDatelineSection *self);

/**
 * dl_dateline_section_remember_place:
 *
 * Puts the article's place, with its region, country and time zone, at
 * the top of the recent places (GSettings recent-places). Called when
 * the place is confirmed with Enter and when the section moves to
 * another article.
 */
void
dl_dateline_section_remember_place (DlDatelineSection *self)
{
  g_autoptr(GVariant) old = NULL;
  g_autofree char *place = NULL;
  g_autofree char *folded = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *p, *r, *c, *z;
  const char *region, *country, *time_zone;
  guint n = 1;

  g_return_if_fail (DL_IS_DATELINE_SECTION (self));

  if (self->article == NULL || self->settings == NULL)
    return;
  flush_pending (self);
  place = g_strstrip (g_strdup (dl_article_get_place (self->article)));
  if (place[0] == '\0')
    return;
  folded = g_utf8_casefold (place, -1);
  region = dl_article_get_region (self->article);
  country = dl_article_get_country (self->article);
  time_zone = dl_article_get_time_zone (self->article);
  old = g_settings_get_value (self->settings, "recent-places");

  /* An article that names the place but not its country (or region, or
   * zone) must not wipe what was remembered of it: a blank keeps the
   * remembered value. */
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "(&s&s&s&s)", &p, &r, &c, &z))
    {
      g_autofree char *other = g_utf8_casefold (p, -1);
      if (!g_str_equal (other, folded))
        continue;
      if (*region == '\0')
        region = r;
      if (*country == '\0')
        country = c;
      if (*time_zone == '\0')
        time_zone = z;
      break;
    }

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ssss)"));
  g_variant_builder_add (&builder, "(ssss)", place, region, country, time_zone);
  g_variant_iter_init (&iter, old);
  while (n < MAX_RECENT_PLACES && g_variant_iter_next (&iter, "(&s&s&s&s)", &p, &r, &c, &z))
    {
      g_autofree char *other = g_utf8_casefold (p, -1);
      if (g_str_equal (other, folded))
        continue;
      g_variant_builder_add (&builder, "(ssss)", p, r, c, z);
      n++;
    }
  g_settings_set_value (self->settings, "recent-places", g_variant_builder_end (&builder));
}

/* Signal callbacks */

static void
on_place_changed_cb (DlDatelineSection *self)
{
  gtk_list_box_invalidate_filter (self->recent_list);
  if (self->updating || self->article == NULL)
    return;
  dl_article_set_place (self->article, gtk_editable_get_text (GTK_EDITABLE (self->place_row)));
}

static void
on_place_activated_cb (DlDatelineSection *self)
{
  dl_dateline_section_remember_place (self);
}

static void
on_region_changed_cb (DlDatelineSection *self)
{
  if (!self->updating && self->article != NULL)
    dl_article_set_region (self->article, gtk_editable_get_text (GTK_EDITABLE (self->region_row)));
}

static void
on_country_changed_cb (DlDatelineSection *self)
{
  if (!self->updating && self->article != NULL)
    dl_article_set_country (self->article, gtk_editable_get_text (GTK_EDITABLE (self->country_row)));
}

static void
on_source_changed_cb (DlDatelineSection *self)
{
  if (!self->updating && self->article != NULL)
    dl_article_set_source (self->article, gtk_editable_get_text (GTK_EDITABLE (self->source_row)));
}

/* The typed wall-clock time belongs to the place: read it in the zone
 * of the time zone row (or the date's current offset when that is
 * empty). A bad entry is shown and the article keeps its last good date. */
static void
apply_date (DlDatelineSection *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  g_autoptr(GTimeZone) tz = article_zone (self->article);
  g_autoptr(GDateTime) date = NULL;

  if (tz == NULL)
    {
      GDateTime *current = dl_article_get_dateline_date (self->article);
      tz = current != NULL ? g_time_zone_new_offset (g_date_time_get_utc_offset (current) / G_USEC_PER_SEC)
                           : g_time_zone_new_local ();
    }
  /* The forms of dl-date-entry.c: 2025-05-08 10:06, 08.05.2025 10:06, … */
  {
    g_autoptr(GError) error = NULL;

    date = dl_date_entry_parse (text, tz, dl_date_entry_locale_order (), 0, &error);
    g_clear_pointer (&self->date_error, g_free);
    if (date == NULL)
      self->date_error = g_strdup (error->message);
  }
  self->bad_date = date == NULL;
  dl_editor_section_mark_error (self->date_row, self->bad_date);
  if (date != NULL)
    {
      self->updating = TRUE;
      dl_article_set_dateline_date (self->article, date);
      self->updating = FALSE;
    }
  update_dateline (self);
}

static void
apply_time_zone (DlDatelineSection *self)
{
  g_autofree char *text = NULL;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->time_zone_row))));
  self->bad_time_zone = text[0] != '\0' && !dl_dateline_time_zone_validate (text, NULL);
  dl_editor_section_mark_error (self->time_zone_row, self->bad_time_zone);
  if (!self->bad_time_zone)
    {
      self->updating = TRUE;
      dl_article_set_time_zone (self->article, text);
      self->updating = FALSE;
    }
  /* Same wall-clock time, now at the new place. */
  apply_date (self);
}

static gboolean
apply_idle_cb (gpointer user_data)
{
  DlDatelineSection *self = user_data;

  self->apply_source = 0;
  if (self->article != NULL)
    apply_time_zone (self);
  return G_SOURCE_REMOVE;
}

static void
flush_pending (DlDatelineSection *self)
{
  if (self->apply_source != 0)
    {
      g_clear_handle_id (&self->apply_source, g_source_remove);
      apply_time_zone (self);
    }
}

/* Replacing the text (paste over a selection, set_text) first empties
 * the row; applying at idle sees only the final text, so a transient ""
 * never wipes the article's time zone. */
static void
queue_apply (DlDatelineSection *self)
{
  if (self->updating || self->article == NULL || self->apply_source != 0)
    return;
  self->apply_source = g_idle_add (apply_idle_cb, self);
}

static void
on_date_picked_cb (DlDatelineSection *self,
                   GDateTime         *picked)
{
  g_autofree char *text = g_date_time_format (picked, "%Y-%m-%d %H:%M");

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
}

static void
on_date_changed_cb (DlDatelineSection *self)
{
  queue_apply (self);
}

static void
on_time_zone_changed_cb (DlDatelineSection *self)
{
  queue_apply (self);
}

static void
on_style_selected_cb (DlDatelineSection *self)
{
  const char * const *ids = dl_dateline_style_list ();
  guint selected = adw_combo_row_get_selected (self->style_row);

  if (self->updating || self->article == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  dl_article_set_dateline_style (self->article, selected == 0 ? "" : ids[selected - 1]);
}

static void
on_recent_row_activated_cb (DlDatelineSection *self,
                            GtkListBoxRow     *row)
{
  GObject *object = G_OBJECT (row);

  if (self->article == NULL)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->place_row), g_object_get_data (object, "place"));
  gtk_editable_set_text (GTK_EDITABLE (self->region_row), g_object_get_data (object, "region"));
  gtk_editable_set_text (GTK_EDITABLE (self->country_row), g_object_get_data (object, "country"));
  gtk_editable_set_text (GTK_EDITABLE (self->time_zone_row), g_object_get_data (object, "time-zone"));
  gtk_popover_popdown (self->recent_popover);
  dl_dateline_section_remember_place (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->place_row));
}

static void
on_article_changed_cb (DlDatelineSection *self)
{
  if (!self->updating)
    sync_rows (self);
  else
    update_dateline (self);
}

/* The house style followed the Preferences: the "Default (…)" entry and
 * the composed dateline change with it. */
static void
on_house_style_changed_cb (DlDatelineSection *self)
{
  rebuild_style_model (self);
  update_dateline (self);
}

static void
now_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  DlDatelineSection *self = DL_DATELINE_SECTION (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (self->article == NULL)
    return;
  self->bad_date = FALSE;
  dl_editor_section_mark_error (self->date_row, FALSE);
  dl_article_set_dateline_date (self->article, now);
}

/* Overrides */

static void
dl_dateline_section_set_article (DlEditorSection *section,
                                 DlArticle       *article)
{
  DlDatelineSection *self = DL_DATELINE_SECTION (section);

  if (self->article != NULL)
    {
      /* Edits pending for the old article belong to it. */
      dl_dateline_section_remember_place (self);
      g_signal_handlers_disconnect_by_data (self->article, self);
    }
  g_set_object (&self->article, article);
  self->bad_date = FALSE;
  self->bad_time_zone = FALSE;
  dl_editor_section_mark_error (self->date_row, FALSE);
  dl_editor_section_mark_error (self->time_zone_row, FALSE);
  if (article != NULL)
    g_signal_connect_object (article, "changed", G_CALLBACK (on_article_changed_cb), self,
                             G_CONNECT_SWAPPED);
  sync_rows (self);
}

static void
drop_context (DlDatelineSection *self)
{
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->house_style != NULL)
    g_signal_handlers_disconnect_by_data (self->house_style, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->house_style);
}

static void
dl_dateline_section_set_context (DlEditorSection *section,
                                 DlContext       *context)
{
  DlDatelineSection *self = DL_DATELINE_SECTION (section);

  drop_context (self);

  if (context != NULL)
    {
      GSettings *settings = dl_context_get_settings (context);

      self->house_style = g_object_ref (dl_context_get_house_style (context));
      g_signal_connect_object (self->house_style, "notify", G_CALLBACK (on_house_style_changed_cb), self,
                               G_CONNECT_SWAPPED);
      if (settings != NULL)
        {
          self->settings = g_object_ref (settings);
          g_signal_connect_object (self->settings, "changed::recent-places",
                                   G_CALLBACK (reload_recent_places), self, G_CONNECT_SWAPPED);
        }
    }
  rebuild_style_model (self);
  reload_recent_places (self);
  update_dateline (self);
}

static void
dl_dateline_section_dispose (GObject *object)
{
  DlDatelineSection *self = DL_DATELINE_SECTION (object);

  g_clear_handle_id (&self->apply_source, g_source_remove);
  if (self->article != NULL)
    g_signal_handlers_disconnect_by_data (self->article, self);
  g_clear_object (&self->article);
  drop_context (self);
  g_clear_object (&self->style_model);
  g_clear_pointer (&self->default_style, g_free);
  g_clear_pointer (&self->date_error, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), DL_TYPE_DATELINE_SECTION);

  G_OBJECT_CLASS (dl_dateline_section_parent_class)->dispose (object);
}

static void
dl_dateline_section_class_init (DlDatelineSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DlEditorSectionClass *section_class = DL_EDITOR_SECTION_CLASS (klass);

  object_class->dispose = dl_dateline_section_dispose;
  section_class->set_article = dl_dateline_section_set_article;
  section_class->set_context = dl_dateline_section_set_context;

  g_type_ensure (DL_TYPE_DATE_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/dl-dateline-section.ui");
  gtk_widget_class_bind_template_child (widget_class, DlDatelineSection, country_row);
  gtk_widget_class_bind_template_child (widget_class, DlDatelineSection, date_row);
  gtk_widget_class_bind_template_child (widget_class, DlDatelineSection, dateline_label);
  gtk_widget_class_bind_template_child (widget_class, DlDatelineSection, error_label);
  gtk_widget_class_bind_template_child (widget_class, DlDatelineSection, note_label);
  gtk_widget_class_bind_template_child (widget_class, DlDatelineSection, place_row);
  gtk_widget_class_bind_template_child (widget_class, DlDatelineSection, recent_list);
  gtk_widget_class_bind_template_child (widget_class, DlDatelineSection, recent_popover);
  gtk_widget_class_bind_template_child (widget_class, DlDatelineSection, region_row);
  gtk_widget_class_bind_template_child (widget_class, DlDatelineSection, source_row);
  gtk_widget_class_bind_template_child (widget_class, DlDatelineSection, style_row);
  gtk_widget_class_bind_template_child (widget_class, DlDatelineSection, time_zone_row);
  gtk_widget_class_bind_template_callback (widget_class, on_place_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_place_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_region_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_country_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_picked_cb);
  gtk_widget_class_bind_template_child (widget_class, DlDatelineSection, date_picker);
  gtk_widget_class_bind_template_callback (widget_class, on_time_zone_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_source_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_style_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "dateline.now", NULL, now_action);
  /* Alt+N, like a mnemonic for "Now", while focus is in the section. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_ALT_MASK, "dateline.now", NULL);
}

static void
dl_dateline_section_init (DlDatelineSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_filter_func (self->recent_list, recent_filter_func, self, NULL);
  rebuild_style_model (self);
  reload_recent_places (self);
  sync_rows (self);
}

GtkWidget *
dl_dateline_section_new (void)
{
  return g_object_new (DL_TYPE_DATELINE_SECTION, NULL);
}
