/* dl-renderer.h: an article as the HTML page readers will see
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dl-article.h"
#include "dl-house-style.h"

G_BEGIN_DECLS

typedef enum
{
  DL_RENDER_IMAGES_FILE_NAME,    /* export: the image's file name, copied beside the page */
  DL_RENDER_IMAGES_PREVIEW,      /* preview: dateline-image:///… served by the preview */
} DlRenderImageMode;

#define DL_RENDER_ARTICLE_ELEMENT_ID "dl-article"

/* Custom URI schemes the preview serves (docs/RENDERING.md):
 * dateline-image:///<article uuid>/featured  the article's featured image
 * dateline-template:///<relative path>       a file of the site template folder */
#define DL_RENDER_IMAGE_SCHEME    "dateline-image"
#define DL_RENDER_TEMPLATE_SCHEME "dateline-template"
#define DL_RENDER_TEMPLATE_BASE   "dateline-template:///"
#define DL_RENDER_TEMPLATE_FILE   "template.html"

#define DL_RENDERER_ERROR (dl_renderer_error_quark ())

typedef enum
{
  DL_RENDERER_ERROR_TEMPLATE_MISSING,  /* no template.html in the folder */
  DL_RENDERER_ERROR_TEMPLATE_INVALID,  /* placeholders missing, unknown or misplaced */
} DlRendererError;

GQuark      dl_renderer_error_quark        (void);

#define DL_TYPE_RENDERER (dl_renderer_get_type ())
G_DECLARE_FINAL_TYPE (DlRenderer, dl_renderer, DL, RENDERER, GObject)

DlRenderer *dl_renderer_new                (void);
/* @template_dir: (nullable): a site template folder; NULL for the built-in look */
gboolean    dl_renderer_set_template_dir   (DlRenderer        *self,
                                            GFile             *template_dir,
                                            GError           **error);
void        dl_renderer_set_dark           (DlRenderer        *self,
                                            gboolean           dark);
void        dl_renderer_set_house_style    (DlRenderer        *self,
                                            DlHouseStyle      *house_style);
DlHouseStyle *dl_renderer_get_house_style  (DlRenderer        *self);
void        dl_renderer_set_image_mode     (DlRenderer        *self,
                                            DlRenderImageMode  mode);

/* The complete page: <!DOCTYPE html>, CSP, lang, styles, and an element
 * with id DL_RENDER_ARTICLE_ELEMENT_ID holding dl_renderer_render_article(). */
char       *dl_renderer_render_page        (DlRenderer        *self,
                                            DlArticle         *article);
/* Only what goes inside that element, for updating a loaded page in place. */
char       *dl_renderer_render_article     (DlRenderer        *self,
                                            DlArticle         *article);
char       *dl_renderer_render_page_blocks (DlRenderer    *self,
                                            DlArticle     *article,
                                            char         **article_html,
                                            GArray       **bounds);
char       *dl_renderer_render_article_blocks (DlRenderer    *self,
                                               DlArticle     *article,
                                               GArray       **bounds);

/* Additions beyond the first agreed API */
DlRenderer *dl_renderer_copy               (DlRenderer        *self);
GFile      *dl_renderer_get_template_dir   (DlRenderer        *self);
gboolean    dl_renderer_get_dark           (DlRenderer        *self);
DlRenderImageMode dl_renderer_get_image_mode (DlRenderer      *self);
/* @file_name: (nullable): in DL_RENDER_IMAGES_FILE_NAME mode, the name to
 * use instead of the image's own base name (the exporter renames on clashes) */
void        dl_renderer_set_image_file_name (DlRenderer       *self,
                                            const char        *file_name);
char       *dl_renderer_dup_image_uri      (DlRenderer        *self,
                                            DlArticle         *article);
/* Only the body's blocks, dateline included (no wrapper element): what a
 * CMS or a ninjs body receives. Counts are of the visible text. */
char       *dl_renderer_render_body        (DlRenderer        *self,
                                            DlArticle         *article,
                                            guint             *char_count,
                                            guint             *word_count);

/* The content as WordPress block markup: credit lines and the body's
 * blocks, dateline included (docs/PUBLISHING.md). */
char       *dl_renderer_render_blocks      (DlRenderer        *self,
                                            DlArticle         *article);
char       *dl_renderer_dup_figure_credit  (DlRenderer        *self,
                                            DlArticle         *article);
void        dl_renderer_set_local_image_names (DlRenderer       *self,
                                               const char * const *names);

G_END_DECLS
