/* dl-preview-view.h: the locked-down web view showing the rendered article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <webkit/webkit.h>

#include "dl-block-patch.h"

G_BEGIN_DECLS

/* The page's own address: a scheme nothing serves, so the page has no
 * origin with any rights (no file:, no network). */
#define DL_PREVIEW_BASE_URI "dateline-preview:///"
/* The script world our own JavaScript runs in: separate from the page's
 * (where no script runs at all) and not subject to the page's CSP. */
#define DL_PREVIEW_SCRIPT_WORLD "dateline-preview"

#define DL_TYPE_PREVIEW_VIEW (dl_preview_view_get_type ())
G_DECLARE_FINAL_TYPE (DlPreviewView, dl_preview_view, DL, PREVIEW_VIEW, WebKitWebView)

DlPreviewView *dl_preview_view_new                  (void);
void           dl_preview_view_load_page            (DlPreviewView        *self,
                                                     const char           *html);
gboolean       dl_preview_view_get_page_ready       (DlPreviewView        *self);
void           dl_preview_view_replace_article_async  (DlPreviewView      *self,
                                                       const char         *inner_html,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
gboolean       dl_preview_view_replace_article_finish (DlPreviewView      *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);
void           dl_preview_view_patch_article_async    (DlPreviewView      *self,
                                                       const DlBlockPatch *patch,
                                                       GCancellable       *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
gboolean       dl_preview_view_patch_article_finish   (DlPreviewView      *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);
void           dl_preview_view_reveal_block         (DlPreviewView        *self,
                                                     guint                 block_index);
void           dl_preview_view_set_featured_image   (DlPreviewView        *self,
                                                     const char           *article_uuid,
                                                     const char           *image_path);
void           dl_preview_view_set_template_dir     (DlPreviewView        *self,
                                                     GFile                *template_dir);

void           dl_preview_view_set_local_images     (DlPreviewView        *self,
                                                     const char * const   *local_images);

G_END_DECLS
