/* dl-cli-output.h: what dateline-cli prints, made safe for a terminal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

char  *dl_cli_escape        (const char *text);
char  *dl_cli_escape_lines  (const char *text);
char  *dl_cli_escape_json   (const char *json);
void   dl_cli_print_json    (JsonBuilder *builder);
void   dl_cli_print_error   (const char *message);

G_END_DECLS
