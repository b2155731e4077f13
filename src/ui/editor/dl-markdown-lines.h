/* dl-markdown-lines.h: what a Markdown line of a text buffer is part of
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Whether the line of @iter is inside a fenced code block (the fences
 * before it, counted from the start of the buffer). */
gboolean dl_markdown_lines_in_fence (const GtkTextIter *iter);

G_END_DECLS
