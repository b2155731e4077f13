/* dl-preview-pane.c
 *
 * The preview lives in a module loaded on first use (WebKit stays out of
 * startup: dl-preview-loader.c), so the window cannot call DlPreview's
 * functions. It drives the pane through this interface instead, which
 * the module's class implements: a vfunc with the wrong signature, or a
 * missing one, fails to compile or is refused by the loader, where a
 * property or action name in a string failed only at run time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dl-preview-pane.h"

G_DEFINE_INTERFACE (DlPreviewPane, dl_preview_pane, GTK_TYPE_WIDGET)

static void
dl_preview_pane_default_init (DlPreviewPaneInterface *iface)
{
}

/**
 * dl_preview_pane_set_context:
 * @context: (nullable): the shared services: the house style composes
 *   the dateline, the settings hold the device and the site template
 */
void
dl_preview_pane_set_context (DlPreviewPane *self,
                             DlContext     *context)
{
  g_return_if_fail (DL_IS_PREVIEW_PANE (self));
  g_return_if_fail (context == NULL || DL_IS_CONTEXT (context));

  DL_PREVIEW_PANE_GET_IFACE (self)->set_context (self, context);
}

/**
 * dl_preview_pane_set_article:
 * @article: (nullable): the article to show; the pane follows its changes
 */
void
dl_preview_pane_set_article (DlPreviewPane *self,
                             DlArticle     *article)
{
  g_return_if_fail (DL_IS_PREVIEW_PANE (self));
  g_return_if_fail (article == NULL || DL_IS_ARTICLE (article));

  DL_PREVIEW_PANE_GET_IFACE (self)->set_article (self, article);
}

/**
 * dl_preview_pane_reveal_offset:
 * @body_byte_offset: the editor's cursor, in bytes into the body
 *
 * Keeps the block holding the cursor in view; cheap on every cursor move.
 */
void
dl_preview_pane_reveal_offset (DlPreviewPane *self,
                               gsize          body_byte_offset)
{
  g_return_if_fail (DL_IS_PREVIEW_PANE (self));

  DL_PREVIEW_PANE_GET_IFACE (self)->reveal_offset (self, body_byte_offset);
}
