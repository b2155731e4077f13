/* dl-word-diff.h: word-level differences between two texts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  DL_DIFF_SAME,
  DL_DIFF_REMOVED,
  DL_DIFF_ADDED,
} DlDiffKind;

typedef struct
{
  DlDiffKind  kind;
  char       *text;
} DlDiffChunk;

void        dl_diff_chunk_free          (DlDiffChunk *chunk);

GPtrArray  *dl_word_diff                (const char  *old_text,
                                         const char  *new_text);
void        dl_word_diff_count          (GPtrArray   *chunks,
                                         guint       *words_added,
                                         guint       *words_removed);
char       *dl_word_diff_format_plain   (GPtrArray   *chunks,
                                         guint        context);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlDiffChunk, dl_diff_chunk_free)

G_END_DECLS
