/* dl-release-times.h: the rules of the embargo and the schedule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-article.h"

G_BEGIN_DECLS

typedef enum
{
  DL_RELEASE_FINE,      /* nothing to say */
  DL_RELEASE_NOTE,      /* worth knowing; publishing still does the right thing */
  DL_RELEASE_CONFLICT,  /* publishing as set would break the embargo */
} DlReleaseVerdict;

DlReleaseVerdict dl_release_check_embargo   (GDateTime  *embargo,
                                             GDateTime  *schedule,
                                             GDateTime  *now,
                                             char      **message);
DlReleaseVerdict dl_release_check_schedule  (GDateTime  *embargo,
                                             GDateTime  *schedule,
                                             GDateTime  *now,
                                             char      **message);
gboolean         dl_release_is_embargoed    (GDateTime  *embargo,
                                             GDateTime  *now);

G_END_DECLS
