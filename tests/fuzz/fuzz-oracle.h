/* fuzz-oracle.h: what the renderer may write, checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-renderer.h"

G_BEGIN_DECLS

void dl_fuzz_oracle_check (const char        *html,
                           DlRenderImageMode  mode);

G_END_DECLS
