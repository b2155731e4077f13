/* dl-find-bar.h: find and replace in the story (Ctrl+F, Ctrl+H)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

#define DL_TYPE_FIND_BAR (dl_find_bar_get_type ())
G_DECLARE_FINAL_TYPE (DlFindBar, dl_find_bar, DL, FIND_BAR, GtkWidget)

/* The bar searches the headline, then the standfirst, then the body, in
 * reading order; ::closed asks the owner to hide it and give the focus
 * back to the text. */
GtkWidget *dl_find_bar_new          (void);
void       dl_find_bar_set_fields   (DlFindBar     *self,
                                     GtkEditable   *headline,
                                     GtkTextView   *standfirst,
                                     GtkSourceView *body);
/* Starts a search: @replace shows the replace row too; the selection in
 * the body (one line of it) becomes the text to find. */
void       dl_find_bar_start        (DlFindBar     *self,
                                     gboolean       replace);
void       dl_find_bar_stop         (DlFindBar     *self);
/* The next or previous match, while a search is open. */
void       dl_find_bar_go           (DlFindBar     *self,
                                     gboolean       forward);
/* "N of M" as shown; for tests and the accessible description. */
guint      dl_find_bar_get_count    (DlFindBar     *self);
int        dl_find_bar_get_position (DlFindBar     *self);

G_END_DECLS
