/* dl-publish-error.h: why a publish or a sign-in failed, for people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DL_PUBLISH_ERROR (dl_publish_error_quark ())

typedef enum
{
  DL_PUBLISH_ERROR_UNREACHABLE,   /* no connection: waits and retries */
  DL_PUBLISH_ERROR_TIMEOUT,       /* no answer in time: waits and retries */
  DL_PUBLISH_ERROR_AUTH,          /* wrong user name or application password */
  DL_PUBLISH_ERROR_FORBIDDEN,     /* signed in, but not allowed */
  DL_PUBLISH_ERROR_NOT_FOUND,     /* the post or the site is not there */
  DL_PUBLISH_ERROR_SERVER,        /* the server failed (5xx) or refused (4xx) */
  DL_PUBLISH_ERROR_NOT_JSON,      /* an answer that is not the REST API's */
  DL_PUBLISH_ERROR_INSECURE,      /* plain http:// to a remote host */
  DL_PUBLISH_ERROR_TLS,           /* the certificate is not valid */
  DL_PUBLISH_ERROR_CONFLICT,      /* edited on the server since our last publish */
  DL_PUBLISH_ERROR_CHECKLIST,     /* the pre-publish checklist has errors */
  DL_PUBLISH_ERROR_NOT_SUPPORTED, /* the site lacks something needed */
  DL_PUBLISH_ERROR_INVALID,       /* bad settings or input */
  DL_PUBLISH_ERROR_VERIFY,        /* the server dropped what was sent */
} DlPublishError;

GQuark   dl_publish_error_quark      (void);
gboolean dl_publish_error_is_transient (const GError *error);

G_END_DECLS
