/* dl-markdown-html.h: an article body, Markdown, as HTML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <md4c.h>

#include "dl-html.h"

G_BEGIN_DECLS

/* Raw HTML is never interpreted (MD_FLAG_NOHTML): it shows as text. Every
 * parse of a body uses these flags, so all see the same blocks and images. */
#define DL_MARKDOWN_FLAGS (MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS \
                           | MD_FLAG_NOHTML)

/* One rendering: set the options, call dl_markdown_html_render(), read
 * the counts. */
typedef struct
{
  /* Options */
  const char          *dateline;        /* opens the first top-level paragraph; NULL once written */
  DlHtmlUrlKind        image_kind;
  const char          *article_uuid;    /* preview: for local image URIs */
  GPtrArray           *local_images;    /* local paths met so far, in order; NULL: none allowed */
  const char * const  *local_names;     /* export: the copied files' names, same order */
  gboolean             count;           /* count the visible text */
  gboolean             wp_blocks;       /* WordPress block markup (<!-- wp:… -->) */
  GArray              *block_ends;      /* gsize: where each top-level block ends in out; NULL: not asked */

  /* Results */
  guint                chars;
  guint                words;

  /* Private */
  GString             *out;
  guint                depth;
  guint                list_item_depth;
  GArray              *links;           /* gboolean: whether an <a> was opened */
  guint                image_nesting;
  gboolean             image_safe;
  gboolean             in_word;
} DlMarkdownHtml;

void  dl_markdown_html_render         (DlMarkdownHtml     *ctx,
                                       const char         *markdown,
                                       GString            *out);
void  dl_markdown_html_count          (DlMarkdownHtml     *ctx,
                                       const char         *text,
                                       gsize               size);
char *dl_markdown_attribute_to_string (const MD_ATTRIBUTE *attr);

G_END_DECLS
