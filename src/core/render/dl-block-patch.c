/* dl-block-patch.c: what changed between two renderings of an article,
 * block by block
 *
 * The preview shows a page that holds one rendering of the article.
 * After an edit, the new rendering and the one on the page are compared
 * by their top-level body blocks (each one element and its newline): the
 * blocks they share at the start and at the end stay, and only the run
 * between is replaced. Typing in one paragraph of 100,000 words sends one
 * paragraph to the web process, which lays out one paragraph, instead of
 * the whole article.
 *
 * Everything around the body (headline, standfirst, credits, tags) must be
 * equal; otherwise, or when most blocks changed anyway (a paste over the
 * whole text), there is no patch and the caller replaces the article.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-block-patch"

#include "config.h"

#include <string.h>

#include "dl-block-patch.h"

struct _DlRenderedArticle
{
  gatomicrefcount  ref_count;
  char            *html;
  gsize            length;
  GArray          *bounds;   /* gsize: first block's start, then each block's end */
};

/**
 * dl_rendered_article_new:
 * @html: (transfer full): dl_renderer_render_article_blocks()'s result
 * @bounds: (transfer full): its bounds
 */
DlRenderedArticle *
dl_rendered_article_new (char   *html,
                         GArray *bounds)
{
  DlRenderedArticle *self = g_new0 (DlRenderedArticle, 1);

  g_return_val_if_fail (html != NULL && bounds != NULL && bounds->len >= 1, NULL);

  g_atomic_ref_count_init (&self->ref_count);
  self->html = html;
  self->length = strlen (html);
  self->bounds = bounds;
  return self;
}

DlRenderedArticle *
dl_rendered_article_ref (DlRenderedArticle *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
dl_rendered_article_unref (DlRenderedArticle *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->html);
  g_array_unref (self->bounds);
  g_free (self);
}

const char *
dl_rendered_article_get_html (DlRenderedArticle *self)
{
  return self->html;
}

guint
dl_rendered_article_get_n_blocks (DlRenderedArticle *self)
{
  return self->bounds->len - 1;
}

static gsize
bound (DlRenderedArticle *self,
       guint              i)
{
  return g_array_index (self->bounds, gsize, i);
}

static gboolean
block_equal (DlRenderedArticle *a,
             guint              i,
             DlRenderedArticle *b,
             guint              j)
{
  gsize a_len = bound (a, i + 1) - bound (a, i);
  gsize b_len = bound (b, j + 1) - bound (b, j);

  return a_len == b_len && memcmp (a->html + bound (a, i), b->html + bound (b, j), a_len) == 0;
}

/**
 * dl_block_patch_compute:
 * @patch: (out caller-allocates): filled when %TRUE is returned;
 *   dl_block_patch_clear() it
 *
 * Returns: %TRUE if @old becomes @new by replacing a run of body blocks
 *   (possibly none: then @patch replaces nothing with nothing); %FALSE
 *   when the article around the body differs, or when most of the body
 *   changed, so that replacing the whole article is as cheap
 */
gboolean
dl_block_patch_compute (DlRenderedArticle *old,
                        DlRenderedArticle *new,
                        DlBlockPatch      *patch)
{
  guint old_n = dl_rendered_article_get_n_blocks (old);
  guint new_n = dl_rendered_article_get_n_blocks (new);
  gsize old_head = bound (old, 0), new_head = bound (new, 0);
  gsize old_tail = old->length - bound (old, old_n), new_tail = new->length - bound (new, new_n);
  guint prefix = 0, suffix = 0;
  guint changed;

  memset (patch, 0, sizeof *patch);

  if (old_head != new_head || memcmp (old->html, new->html, old_head) != 0
      || old_tail != new_tail || memcmp (old->html + bound (old, old_n), new->html + bound (new, new_n), old_tail) != 0)
    return FALSE;

  while (prefix < old_n && prefix < new_n && block_equal (old, prefix, new, prefix))
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix
         && block_equal (old, old_n - 1 - suffix, new, new_n - 1 - suffix))
    suffix++;

  patch->start = prefix;
  patch->before = old_n;
  patch->remove = old_n - prefix - suffix;
  patch->insert = new_n - prefix - suffix;

  /* A change over most of a long body: one replacement of the whole
   * article costs no more, and is simpler for the page. */
  changed = MAX (patch->remove, patch->insert);
  if (changed > 8 && changed * 2 > MAX (old_n, new_n))
    return FALSE;

  patch->html = g_strndup (new->html + bound (new, prefix), bound (new, new_n - suffix) - bound (new, prefix));
  return TRUE;
}

void
dl_block_patch_clear (DlBlockPatch *patch)
{
  g_clear_pointer (&patch->html, g_free);
}
