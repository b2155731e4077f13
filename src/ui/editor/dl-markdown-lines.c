/* dl-markdown-lines.c: what a Markdown line of a text buffer is part of
 *
 * Typography and spelling leave code alone; within a line the core knows
 * (dl-typography.c, dl-prose-words.c), but a fenced block spans lines,
 * and only the buffer knows those.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-markdown-lines"

#include "config.h"

#include "dl-markdown-lines.h"
#include "dl-prose-words.h"

gboolean
dl_markdown_lines_in_fence (const GtkTextIter *iter)
{
  GtkTextIter line = *iter;
  gboolean inside = FALSE;
  int target = gtk_text_iter_get_line (iter);

  /* A body has hundreds of lines, not millions, and only a line that
   * starts with a space, ` or ~ is read. */
  gtk_text_iter_set_line (&line, 0);
  while (gtk_text_iter_get_line (&line) < target)
    {
      gunichar c = gtk_text_iter_get_char (&line);

      if (c == '`' || c == '~' || c == ' ')
        {
          GtkTextIter end = line;
          g_autofree char *text = NULL;

          if (!gtk_text_iter_ends_line (&end))
            gtk_text_iter_forward_to_line_end (&end);
          text = gtk_text_iter_get_slice (&line, &end);
          if (dl_prose_words_is_fence (text, -1))
            inside = !inside;
        }
      if (!gtk_text_iter_forward_line (&line))
        break;
    }
  return inside;
}
