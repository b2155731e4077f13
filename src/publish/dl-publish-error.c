/* dl-publish-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dl-publish-error.h"

G_DEFINE_QUARK (dl-publish-error-quark, dl_publish_error)

/* Whether trying again later may work without the user doing anything:
 * the outbox waits for the network and retries these, and only these. */
gboolean
dl_publish_error_is_transient (const GError *error)
{
  return error != NULL && error->domain == DL_PUBLISH_ERROR
         && (error->code == DL_PUBLISH_ERROR_UNREACHABLE || error->code == DL_PUBLISH_ERROR_TIMEOUT);
}
