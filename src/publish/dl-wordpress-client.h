/* dl-wordpress-client.h: WordPress's REST API (wp/v2), one site
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "dl-site.h"

G_BEGIN_DECLS

/* The largest answer read (a post list with content is well under it);
 * anything longer is refused rather than filling memory. */
#define DL_WORDPRESS_MAX_RESPONSE (16 * 1024 * 1024)

#define DL_TYPE_WORDPRESS_CLIENT (dl_wordpress_client_get_type ())
G_DECLARE_FINAL_TYPE (DlWordPressClient, dl_wordpress_client, DL, WORDPRESS_CLIENT, GObject)

/* The answer to one request */
typedef struct
{
  guint     status;
  JsonNode *body;          /* the parsed JSON */
  guint     total_pages;   /* X-WP-TotalPages, 0 when absent */
} DlWordPressReply;

void dl_wordpress_reply_free (DlWordPressReply *reply);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlWordPressReply, dl_wordpress_reply_free)

DlWordPressClient *dl_wordpress_client_new          (DlSite             *site);
DlSite            *dl_wordpress_client_get_site     (DlWordPressClient  *self);
void               dl_wordpress_client_set_password (DlWordPressClient  *self,
                                                     const char         *password);
void               dl_wordpress_client_set_timeout  (DlWordPressClient  *self,
                                                     guint               seconds);
guint              dl_wordpress_client_get_request_count (DlWordPressClient *self);
guint              dl_wordpress_client_get_connection_count (DlWordPressClient *self);

/* Blocking: these run in a worker thread (a publish job, a sign-in). */
gboolean           dl_wordpress_client_discover_sync (DlWordPressClient *self,
                                                      GCancellable      *cancellable,
                                                      GError           **error);
gboolean           dl_wordpress_client_check_address (DlSite            *site,
                                                      const char        *url,
                                                      GError           **error);
/* @query: (nullable): NULL-terminated name, value, name, value, … */
DlWordPressReply  *dl_wordpress_client_call_sync    (DlWordPressClient  *self,
                                                     const char         *method,
                                                     const char         *route,
                                                     const char * const *query,
                                                     JsonNode           *body,
                                                     GCancellable       *cancellable,
                                                     GError            **error);
DlWordPressReply  *dl_wordpress_client_request_sync (DlWordPressClient  *self,
                                                     const char         *method,
                                                     const char         *route,
                                                     const char * const *query,
                                                     JsonNode           *body,
                                                     GCancellable       *cancellable,
                                                     GError            **error);
/* The REST API's error code of an answer (>= 400), or NULL */
const char        *dl_wordpress_reply_get_code       (DlWordPressReply   *reply);
DlWordPressReply  *dl_wordpress_client_upload_sync  (DlWordPressClient  *self,
                                                     GBytes             *data,
                                                     const char         *content_type,
                                                     const char         *file_name,
                                                     const char * const *query,
                                                     GCancellable       *cancellable,
                                                     GError            **error);
const char        *dl_wordpress_client_get_authorize_endpoint (DlWordPressClient *self);
/* The signed-in user ("me"), with the REST API's answer */
JsonObject        *dl_wordpress_client_verify_sync  (DlWordPressClient  *self,
                                                     GCancellable       *cancellable,
                                                     GError            **error);

G_END_DECLS
