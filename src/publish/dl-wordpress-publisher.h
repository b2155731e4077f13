/* dl-wordpress-publisher.h: publishing to WordPress over its REST API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-publisher.h"
#include "dl-wordpress-client.h"

G_BEGIN_DECLS

#define DL_TYPE_WORDPRESS_PUBLISHER (dl_wordpress_publisher_get_type ())
G_DECLARE_FINAL_TYPE (DlWordPressPublisher, dl_wordpress_publisher, DL, WORDPRESS_PUBLISHER, DlPublisher)

DlWordPressClient *dl_wordpress_publisher_get_client (DlWordPressPublisher *self);

/* Block markup back to the article's Markdown (for pulling a post) */
char      *dl_wordpress_blocks_to_markdown (const char *content);
DlArticle *dl_wordpress_post_to_article    (JsonObject *post,
                                            const char *site_id);

G_END_DECLS
