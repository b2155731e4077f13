/* dl-typographer.h: the article language's typography, as the user types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dl-typography.h"

G_BEGIN_DECLS

#define DL_TYPE_TYPOGRAPHER (dl_typographer_get_type ())
G_DECLARE_FINAL_TYPE (DlTypographer, dl_typographer, DL, TYPOGRAPHER, GObject)

/* Watches @buffer (weakly) for characters the user types; @markdown:
 * fenced and indented code blocks are left alone. */
DlTypographer *dl_typographer_new          (GtkTextBuffer     *buffer,
                                            gboolean           markdown);
void           dl_typographer_set_language (DlTypographer     *self,
                                            const char        *language);
void           dl_typographer_set_flags    (DlTypographer     *self,
                                            DlTypographyFlags  flags);

G_END_DECLS
