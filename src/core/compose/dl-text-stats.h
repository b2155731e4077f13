/* dl-text-stats.h: word count, character count and reading time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Newsroom style guides use 200–250 words a minute for news copy; 220 is
 * the middle of what readers of news sites are measured at. */
#define DL_READING_WORDS_PER_MINUTE 220

typedef struct
{
  guint words;        /* runs of non-space text holding a letter or a digit */
  guint characters;   /* Unicode characters, spaces included, line breaks not */
} DlTextStats;

void   dl_text_stats_count            (const char  *text,
                                       gssize       length,
                                       DlTextStats *stats);
guint  dl_text_stats_reading_minutes  (guint        words);

G_END_DECLS
