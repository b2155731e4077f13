/* dl-limits.h: how much Dateline accepts from outside, in one place
 *
 * Every file, feed item and server answer Dateline reads is untrusted.
 * These bounds keep a hostile or broken one from exhausting memory, the
 * stack or the CPU; each is far above what a real article needs, and
 * each has a clear, translated error (docs/RELIABILITY.md lists them).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A 100,000-word article is about 700 KB; a library file or an imported
 * document larger than this is not an article. */
#define DL_LIMIT_FILE_BYTES          ((gsize) 32 * 1024 * 1024)
/* JSON nesting: Dateline's own files use 3 levels; ninjs items about 6. */
#define DL_LIMIT_JSON_DEPTH          64
/* Values (objects, arrays, strings, numbers…) in one JSON document. */
#define DL_LIMIT_JSON_NODES          200000
/* One string: the body is the longest one. */
#define DL_LIMIT_STRING_BYTES        ((gsize) 16 * 1024 * 1024)
/* One short field (headline, place, tag, credit name…). */
#define DL_LIMIT_FIELD_BYTES         ((gsize) 64 * 1024)
#define DL_LIMIT_TAGS                500
#define DL_LIMIT_CREDITS             500
#define DL_LIMIT_PUBLICATIONS        100
/* A local image used by the preview, an export or a publication. */
/* A site template (template.html): a page, not a library. */
#define DL_LIMIT_TEMPLATE_BYTES      ((gsize) 4 * 1024 * 1024)
#define DL_LIMIT_IMAGE_BYTES         ((gsize) 64 * 1024 * 1024)
#define DL_LIMIT_IMAGE_SIDE          30000
#define DL_LIMIT_IMAGE_PIXELS        (G_GUINT64_CONSTANT (250) * 1000 * 1000)

G_END_DECLS
