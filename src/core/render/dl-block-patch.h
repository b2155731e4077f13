/* dl-block-patch.h: what changed between two renderings of an article,
 * block by block
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One rendering: dl_renderer_render_article_blocks()'s HTML and bounds.
 * Immutable once made, shared between threads by reference. */
typedef struct _DlRenderedArticle DlRenderedArticle;

DlRenderedArticle *dl_rendered_article_new       (char              *html,
                                                  GArray            *bounds);
DlRenderedArticle *dl_rendered_article_ref       (DlRenderedArticle *self);
void               dl_rendered_article_unref     (DlRenderedArticle *self);
const char        *dl_rendered_article_get_html  (DlRenderedArticle *self);
guint              dl_rendered_article_get_n_blocks (DlRenderedArticle *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlRenderedArticle, dl_rendered_article_unref)

/* Replace @remove blocks from block @start of a body that has @before
 * blocks with @html (zero or more whole blocks). */
typedef struct
{
  guint  start;
  guint  remove;
  guint  before;
  guint  insert;   /* blocks in html */
  char  *html;
} DlBlockPatch;

gboolean dl_block_patch_compute (DlRenderedArticle *old,
                                 DlRenderedArticle *new,
                                 DlBlockPatch      *patch);
void     dl_block_patch_clear   (DlBlockPatch      *patch);

G_END_DECLS
