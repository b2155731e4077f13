/* dl-cli.h: dateline-cli, the library from a terminal or a script
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int dl_cli_main (int    argc,
                 char **argv);

G_END_DECLS
