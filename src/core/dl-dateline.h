/* dl-dateline.h: composing the dateline that opens an article's body
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *dl_dateline_compose_simple (const char *place,
                                  GDateTime  *date,
                                  const char *time_zone,
                                  const char *source);

G_END_DECLS
