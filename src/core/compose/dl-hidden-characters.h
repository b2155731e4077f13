/* dl-hidden-characters.h: characters that hide or reorder text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  dl_hidden_character_is_one      (gunichar    c);
char     *dl_hidden_characters_describe   (const char *text);
char     *dl_hidden_characters_remove     (const char *text);
char     *dl_hidden_characters_closing    (const char *text);

G_END_DECLS
