/* dl-preferences-window.h: the application's Preferences
 *
 * The "Newsroom" page: default source, default dateline style, the
 * custom style's pattern (with a live example and an inline error) and
 * the default article language, all stored in GSettings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dl-context.h"

G_BEGIN_DECLS

#define DL_TYPE_PREFERENCES_WINDOW (dl_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (DlPreferencesWindow, dl_preferences_window, DL, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *dl_preferences_window_new (GtkWindow *parent,
                                      DlContext *context);

G_END_DECLS
