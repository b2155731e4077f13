/* dl-preview.h: the live preview pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dl-article.h"
#include "dl-preview-view.h"

G_BEGIN_DECLS

#define DL_PREVIEW_DEVICE_DESKTOP "desktop"
#define DL_PREVIEW_DEVICE_PHONE   "phone"
/* The width of the phone column, in CSS pixels. */
#define DL_PREVIEW_PHONE_WIDTH    390

#define DL_TYPE_PREVIEW (dl_preview_get_type ())
G_DECLARE_FINAL_TYPE (DlPreview, dl_preview, DL, PREVIEW, AdwBin)

DlPreview     *dl_preview_new               (void);
DlArticle     *dl_preview_get_article       (DlPreview  *self);
void           dl_preview_set_article       (DlPreview  *self,
                                             DlArticle  *article);
void           dl_preview_reveal_offset     (DlPreview  *self,
                                             gsize       body_byte_offset);
const char    *dl_preview_get_device        (DlPreview  *self);
void           dl_preview_set_device        (DlPreview  *self,
                                             const char *device);
GFile         *dl_preview_get_template_dir  (DlPreview  *self);
void           dl_preview_set_template_dir  (DlPreview  *self,
                                             GFile      *template_dir);
const char    *dl_preview_get_template_error (DlPreview *self);
DlPreviewView *dl_preview_get_view          (DlPreview  *self);
guint          dl_preview_get_update_delay  (DlPreview  *self);
void           dl_preview_get_update_counts (DlPreview  *self,
                                             guint      *patches,
                                             guint      *replacements);

void           dl_preview_reload            (DlPreview  *self);
void           dl_preview_refresh            (DlPreview     *self);

G_END_DECLS
