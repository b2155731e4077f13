/* dl-preview-scheme.h: the dateline-image: and dateline-template: URI schemes of the preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <webkit/webkit.h>

G_BEGIN_DECLS

#define DL_PREVIEW_SCHEME_IMAGE    "dateline-image"
#define DL_PREVIEW_SCHEME_TEMPLATE "dateline-template"

/* What a request may reach: copied when the request starts, so the
 * preview may change article or template while a file is being read. */
typedef struct
{
  char  *article_uuid;   /* the only article whose image is served */
  char  *image_path;     /* its featured image, or NULL */
  char **local_images;   /* local images its body shows (dl_body_images_find_local()) */
  GFile *template_dir;   /* the site template folder, or NULL */
} DlPreviewSchemeScope;

char     *dl_preview_scheme_resolve_image    (const char   *uri,
                                              const char   *article_uuid,
                                              const char   *image_path,
                                              const char * const *local_images,
                                              GError      **error);
char     *dl_preview_scheme_resolve_template (const char   *uri,
                                              GFile        *template_dir,
                                              GError      **error);
void      dl_preview_scheme_handle_request   (WebKitURISchemeRequest     *request,
                                              const DlPreviewSchemeScope *scope);

G_END_DECLS
