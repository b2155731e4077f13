/* dl-test-window.h: a real window on a real store, for UI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dl-window.h"

G_BEGIN_DECLS

/* As a g_test_add() fixture: dl_test_window_set_up/tear_down; the
 * window opens with dl_test_window_open(). */
typedef struct
{
  char           *dir;
  char           *publishing_dir; /* sites.json, outbox/, published/ (the folder target) */
  DlStore        *store;
  DlContext      *context;   /* owns the store; what the application gives a window */
  GtkApplication *app;
  DlWindow       *window;
} DlTestWindow;

/* Once, in main(), after gtk_test_init() and adw_init(). */
void        dl_test_window_init_app       (void);
void        dl_test_window_set_up         (DlTestWindow  *f,
                                           gconstpointer  data);
void        dl_test_window_tear_down      (DlTestWindow  *f,
                                           gconstpointer  data);
void        dl_test_window_open           (DlTestWindow  *f);
/* Saves an article modified @minutes_ago; its UUID in @uuid_out. */
DlArticle  *dl_test_window_write_article  (DlTestWindow  *f,
                                           const char    *headline,
                                           const char    *body,
                                           int            minutes_ago);
/* Opens the article in the window and waits until the editor shows it. */
void        dl_test_window_show_article   (DlTestWindow  *f,
                                           DlArticle     *article);
GtkWidget  *dl_test_find_label_containing (GtkWidget     *widget,
                                           const char    *text);
GtkWidget  *dl_test_find_by_name          (GtkWidget     *widget,
                                           const char    *name);
char       *dl_test_buffer_text           (GtkTextBuffer *buffer);
GtkWidget  *dl_test_find_by_type          (GtkWidget     *widget,
                                           GType          type);

G_END_DECLS
