/* dl-body-images.h: the local image files an article body shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char  *dl_body_image_local_path  (const char *src);
guint  dl_body_images_index      (GPtrArray  *images,
                                  const char *path);
char **dl_body_images_find_local (const char *markdown);

G_END_DECLS
