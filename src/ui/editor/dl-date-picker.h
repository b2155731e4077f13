/* dl-date-picker.h: a calendar and a time, in a popover, for a date row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DL_TYPE_DATE_PICKER (dl_date_picker_get_type ())
G_DECLARE_FINAL_TYPE (DlDatePicker, dl_date_picker, DL, DATE_PICKER, GtkWidget)

/* Signal "picked" (GDateTime *picked): the user chose a day and time,
 * a moment in the picker's zone. */
GtkWidget *dl_date_picker_new      (void);
void       dl_date_picker_set_zone (DlDatePicker *self,
                                    GTimeZone    *zone);
void       dl_date_picker_set_date (DlDatePicker *self,
                                    GDateTime    *date_time);
void       dl_date_picker_popup    (DlDatePicker *self);

G_END_DECLS
