/* dl-preview-pane.h: what the window asks of the preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dl-article.h"
#include "dl-context.h"

G_BEGIN_DECLS

#define DL_TYPE_PREVIEW_PANE (dl_preview_pane_get_type ())
G_DECLARE_INTERFACE (DlPreviewPane, dl_preview_pane, DL, PREVIEW_PANE, GtkWidget)

struct _DlPreviewPaneInterface
{
  GTypeInterface parent_iface;

  void (*set_context)   (DlPreviewPane *self,
                         DlContext     *context);
  void (*set_article)   (DlPreviewPane *self,
                         DlArticle     *article);
  void (*reveal_offset) (DlPreviewPane *self,
                         gsize          body_byte_offset);
};

void dl_preview_pane_set_context   (DlPreviewPane *self,
                                    DlContext     *context);
void dl_preview_pane_set_article   (DlPreviewPane *self,
                                    DlArticle     *article);
void dl_preview_pane_reveal_offset (DlPreviewPane *self,
                                    gsize          body_byte_offset);

G_END_DECLS
