/* dl-typography.h: typographic substitutions as the journalist types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  DL_TYPOGRAPHY_NONE   = 0,
  DL_TYPOGRAPHY_QUOTES = 1 << 0,  /* straight " and ' become the language's quotes and apostrophe */
  DL_TYPOGRAPHY_DASHES = 1 << 1,  /* " - " becomes a dash, "--" an en dash, "---" an em dash, "..." an ellipsis */
  DL_TYPOGRAPHY_NBSP   = 1 << 2,  /* non-breaking spaces where the language wants them */
} DlTypographyFlags;

/* Called after the user typed one character. @line is the text of the current line from its
 * start up to and including the character just typed (UTF-8, nul-terminated). @language is
 * the article's BCP 47 tag ("ru", "be", "de-AT", "en-GB", "zh-Hans", NULL or "" = English).
 * Returns TRUE when something should change: then the last *n_replace characters (Unicode
 * characters, not bytes, counted back from the end of @line) are to be replaced by
 * *replacement (newly allocated). Returns FALSE (and leaves the outputs alone) when nothing
 * changes, or when the cursor is in a place where substitution must never happen. */
gboolean dl_typography_substitute (const char        *language,
                                   DlTypographyFlags  flags,
                                   const char        *line,
                                   guint             *n_replace,
                                   char             **replacement);

/* The quotes the language uses: outer opening/closing (e.g. « » for ru), as static strings. */
void dl_typography_get_quotes (const char *language, const char **open, const char **close);

G_END_DECLS
