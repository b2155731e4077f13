/* dl-local-image.h: a local file that an article uses as an image
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DL_LOCAL_IMAGE_ERROR (dl_local_image_error_quark ())

typedef enum
{
  DL_LOCAL_IMAGE_ERROR_UNREADABLE,   /* not a full path (unreadable files are G_IO_ERRORs) */
  DL_LOCAL_IMAGE_ERROR_NOT_IMAGE,    /* not a PNG, JPEG, GIF or WebP image */
  DL_LOCAL_IMAGE_ERROR_TOO_LARGE,    /* too many bytes or pixels */
} DlLocalImageError;

GQuark      dl_local_image_error_quark (void);

/**
 * DlLocalImage:
 * @bytes: the file's content, as it was checked
 * @mime_type: "image/png", "image/jpeg", "image/gif" or "image/webp"
 * @extension: the usual file name extension for it, with the dot
 * @width: in pixels
 * @height: in pixels
 */
typedef struct
{
  GBytes     *bytes;
  const char *mime_type;
  const char *extension;
  guint       width;
  guint       height;
} DlLocalImage;

DlLocalImage *dl_local_image_load      (const char    *path,
                                        GCancellable  *cancellable,
                                        GError       **error);
gboolean      dl_local_image_sniff     (const guint8  *data,
                                        gsize          length,
                                        const char   **mime_type,
                                        guint         *width,
                                        guint         *height);
void          dl_local_image_free      (DlLocalImage  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlLocalImage, dl_local_image_free)

G_END_DECLS
