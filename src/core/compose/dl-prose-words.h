/* dl-prose-words.h: the words of a Markdown body a spell checker should check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gsize offset;   /* in bytes, from the start of the scanned text */
  gsize length;   /* in bytes */
} DlProseWord;

/* Called for each word in order; return FALSE to stop the scan. */
typedef gboolean (*DlProseWordFunc) (const char        *text,
                                     const DlProseWord *word,
                                     gpointer           user_data);

void      dl_prose_words_scan      (const char      *text,
                                    gssize           length,
                                    gboolean        *in_fence,
                                    DlProseWordFunc  func,
                                    gpointer         user_data);
gboolean  dl_prose_words_is_fence  (const char      *line,
                                    gssize           length);

G_END_DECLS
