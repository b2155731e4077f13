/* dl-renderer.h: an article as the HTML page readers will see
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dl-article.h"

G_BEGIN_DECLS

typedef enum
{
  DL_RENDER_IMAGES_FILE_NAME,    /* export: the image's file name, copied beside the page */
  DL_RENDER_IMAGES_PREVIEW,      /* preview: dateline-image:///… served by the preview */
} DlRenderImageMode;

#define DL_RENDER_ARTICLE_ELEMENT_ID "dl-article"

#define DL_TYPE_RENDERER (dl_renderer_get_type ())
G_DECLARE_FINAL_TYPE (DlRenderer, dl_renderer, DL, RENDERER, GObject)

DlRenderer *dl_renderer_new                (void);
/* @template_dir: (nullable): a site template folder; NULL for the built-in look */
gboolean    dl_renderer_set_template_dir   (DlRenderer        *self,
                                            GFile             *template_dir,
                                            GError           **error);
void        dl_renderer_set_dark           (DlRenderer        *self,
                                            gboolean           dark);
void        dl_renderer_set_image_mode     (DlRenderer        *self,
                                            DlRenderImageMode  mode);

/* The complete page: <!DOCTYPE html>, CSP, lang, styles, and an element
 * with id DL_RENDER_ARTICLE_ELEMENT_ID holding dl_renderer_render_article(). */
char       *dl_renderer_render_page        (DlRenderer        *self,
                                            DlArticle         *article);
/* Only what goes inside that element, for updating a loaded page in place. */
char       *dl_renderer_render_article     (DlRenderer        *self,
                                            DlArticle         *article);

G_END_DECLS
