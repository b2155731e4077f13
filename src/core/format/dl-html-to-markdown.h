/* dl-html-to-markdown.h: HTML from outside, as the article's Markdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *dl_html_to_markdown (const char *html);

G_END_DECLS
