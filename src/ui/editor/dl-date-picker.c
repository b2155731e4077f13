/* dl-date-picker.c
 *
 * The calendar button of the date rows (dateline date, embargo,
 * schedule): for those who would rather click than type. It proposes
 * the row's current moment (or now) and reports the moment chosen; the
 * row keeps the text, which stays the one place a date is edited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-date-picker"

#include "config.h"

#include "dl-date-picker.h"

#define RESOURCE_PREFIX "/io/github/dateline/Dateline"

struct _DlDatePicker
{
  GtkWidget       parent_instance;

  GtkMenuButton  *button;
  GtkPopover     *popover;
  GtkCalendar    *calendar;
  GtkSpinButton  *hour_spin;
  GtkSpinButton  *minute_spin;

  GTimeZone      *zone;
  GDateTime      *date_time;   /* proposed when the popover opens */
};

G_DEFINE_FINAL_TYPE (DlDatePicker, dl_date_picker, GTK_TYPE_WIDGET)

enum {
  PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_popover_show_cb (DlDatePicker *self)
{
  g_autoptr(GDateTime) shown = NULL;

  if (self->date_time != NULL)
    shown = g_date_time_to_timezone (self->date_time, self->zone);
  else
    shown = g_date_time_new_now (self->zone);
  gtk_calendar_select_day (self->calendar, shown);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (shown));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (shown));
  gtk_widget_grab_focus (GTK_WIDGET (self->calendar));
}

static void
on_day_selected_cb (DlDatePicker *self)
{
  /* A day is a first choice, not the last: the time comes next. */
  gtk_widget_grab_focus (GTK_WIDGET (self->hour_spin));
}

/* 9 → "09": times are read with two digits. */
static gboolean
on_spin_output_cb (GtkSpinButton *spin,
                   gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
on_set_clicked_cb (DlDatePicker *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDateTime) picked = NULL;

  gtk_spin_button_update (self->hour_spin);
  gtk_spin_button_update (self->minute_spin);
  picked = g_date_time_new (self->zone, g_date_time_get_year (day), g_date_time_get_month (day),
                            g_date_time_get_day_of_month (day), gtk_spin_button_get_value_as_int (self->hour_spin),
                            gtk_spin_button_get_value_as_int (self->minute_spin), 0);
  gtk_popover_popdown (self->popover);
  if (picked != NULL)
    g_signal_emit (self, signals[PICKED], 0, picked);
}

static void
dl_date_picker_dispose (GObject *object)
{
  DlDatePicker *self = DL_DATE_PICKER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DL_TYPE_DATE_PICKER);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->date_time, g_date_time_unref);

  G_OBJECT_CLASS (dl_date_picker_parent_class)->dispose (object);
}

static void
dl_date_picker_class_init (DlDatePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_date_picker_dispose;

  signals[PICKED] = g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DATE_TIME);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/dl-date-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, DlDatePicker, button);
  gtk_widget_class_bind_template_child (widget_class, DlDatePicker, popover);
  gtk_widget_class_bind_template_child (widget_class, DlDatePicker, calendar);
  gtk_widget_class_bind_template_child (widget_class, DlDatePicker, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, DlDatePicker, minute_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_set_clicked_cb);
}

static void
dl_date_picker_init (DlDatePicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->zone = g_time_zone_new_local ();
}

GtkWidget *
dl_date_picker_new (void)
{
  return g_object_new (DL_TYPE_DATE_PICKER, NULL);
}

/**
 * dl_date_picker_set_zone:
 * @zone: (nullable): the zone of the day and time shown (local if %NULL)
 */
void
dl_date_picker_set_zone (DlDatePicker *self,
                         GTimeZone    *zone)
{
  g_return_if_fail (DL_IS_DATE_PICKER (self));

  g_clear_pointer (&self->zone, g_time_zone_unref);
  self->zone = zone != NULL ? g_time_zone_ref (zone) : g_time_zone_new_local ();
}

/**
 * dl_date_picker_set_date:
 * @date_time: (nullable): what the calendar proposes (now if %NULL)
 */
void
dl_date_picker_set_date (DlDatePicker *self,
                         GDateTime    *date_time)
{
  g_return_if_fail (DL_IS_DATE_PICKER (self));

  g_clear_pointer (&self->date_time, g_date_time_unref);
  if (date_time != NULL)
    self->date_time = g_date_time_ref (date_time);
}

void
dl_date_picker_popup (DlDatePicker *self)
{
  g_return_if_fail (DL_IS_DATE_PICKER (self));
  gtk_menu_button_popup (self->button);
}
