/* dl-test-keyboard.h: real key presses for UI tests, through the X server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean dl_test_keyboard_available (GtkWidget       *widget);
void     dl_test_keyboard_focus     (GtkWindow       *window);
void     dl_test_keyboard_press     (GtkWidget       *widget,
                                     guint            keyval,
                                     GdkModifierType  modifiers);
gboolean dl_test_keyboard_type_char (GtkWidget       *widget,
                                     gunichar         c);
void     dl_test_keyboard_type      (GtkWidget       *widget,
                                     const char      *text);
void     dl_test_keyboard_settle    (guint            ms);
void     dl_test_pointer_click      (GtkWidget       *widget);
void     dl_test_pointer_click_at   (GtkWidget       *widget,
                                     double           x,
                                     double           y,
                                     guint            button);

G_END_DECLS
