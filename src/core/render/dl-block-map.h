/* dl-block-map.h: which block of the page a place in the Markdown is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The i-th top-level block of @markdown is `.dl-body > :nth-child(i + 1)`. */
guint dl_block_map_count            (const char *markdown);
guint dl_block_map_index_for_offset (const char *markdown,
                                     gsize       byte_offset);

G_END_DECLS
