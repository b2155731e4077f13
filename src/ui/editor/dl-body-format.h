/* dl-body-format.h: Markdown formatting commands on the body's buffer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  DL_INLINE_BOLD,     /* **text** */
  DL_INLINE_ITALIC,   /* *text* */
} DlInlineFormat;

typedef enum
{
  DL_LINE_HEADING,    /* "## " */
  DL_LINE_QUOTE,      /* "> " */
  DL_LINE_BULLET,     /* "- " */
  DL_LINE_NUMBER,     /* "1. ", "2. ", … */
} DlLineFormat;

void dl_body_format_toggle_inline (GtkTextBuffer  *buffer,
                                   DlInlineFormat  format);
void dl_body_format_toggle_lines  (GtkTextBuffer  *buffer,
                                   DlLineFormat    format);
void dl_body_format_trim          (GtkTextIter    *start,
                                   GtkTextIter    *end);
gboolean dl_body_format_remove_link (GtkTextBuffer *buffer);
void dl_body_format_add_link      (GtkTextBuffer  *buffer,
                                   GtkTextMark    *start,
                                   GtkTextMark    *end,
                                   const char     *address);

G_END_DECLS
