/* dl-body-format.c: bold, italic, heading, quote and lists in Markdown
 *
 * Each command works on the selection (or the word, or the lines, at
 * the cursor), toggles off again when the text is formatted already, and
 * is one step for Undo (a single user action). Bold and italic look at
 * the run of asterisks around the selection: one is italic, two bold,
 * three both, so each toggles independently of the other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-body-format"

#include "config.h"

#include <string.h>

#include "dl-body-format.h"

static guint
stars_before (const GtkTextIter *at)
{
  GtkTextIter iter = *at;
  guint n = 0;

  while (!gtk_text_iter_is_start (&iter))
    {
      gtk_text_iter_backward_char (&iter);
      if (gtk_text_iter_get_char (&iter) != '*')
        break;
      n++;
    }
  return n;
}

static guint
stars_after (const GtkTextIter *at)
{
  GtkTextIter iter = *at;
  guint n = 0;

  while (!gtk_text_iter_is_end (&iter) && gtk_text_iter_get_char (&iter) == '*')
    {
      n++;
      gtk_text_iter_forward_char (&iter);
    }
  return n;
}

static gboolean
has_format (guint          stars,
            DlInlineFormat format)
{
  return format == DL_INLINE_BOLD ? stars == 2 || stars >= 3 : stars == 1 || stars >= 3;
}

/**
 * dl_body_format_trim:
 *
 * Leaves out the spaces at the ends of a selection: "**news **" is not
 * bold in Markdown, and a word selected by Ctrl+Shift+arrows takes the
 * space after it.
 */
void
dl_body_format_trim (GtkTextIter *start,
                     GtkTextIter *end)
{
  while (gtk_text_iter_compare (start, end) < 0 && g_unichar_isspace (gtk_text_iter_get_char (start)))
    gtk_text_iter_forward_char (start);
  while (gtk_text_iter_compare (start, end) < 0)
    {
      GtkTextIter before = *end;

      gtk_text_iter_backward_char (&before);
      if (!g_unichar_isspace (gtk_text_iter_get_char (&before)))
        break;
      *end = before;
    }
}

/* The word at the cursor, when nothing is selected. */
static gboolean
select_word (GtkTextBuffer *buffer,
             GtkTextIter   *start,
             GtkTextIter   *end)
{
  if (!gtk_text_iter_inside_word (start) && !gtk_text_iter_ends_word (start))
    return FALSE;
  if (!gtk_text_iter_starts_word (start))
    gtk_text_iter_backward_word_start (start);
  if (!gtk_text_iter_ends_word (end))
    gtk_text_iter_forward_word_end (end);
  return TRUE;
}

void
dl_body_format_toggle_inline (GtkTextBuffer  *buffer,
                              DlInlineFormat  format)
{
  const char *marker = format == DL_INLINE_BOLD ? "**" : "*";
  int length = (int) strlen (marker);
  GtkTextIter start, end;
  GtkTextMark *start_mark, *end_mark;
  guint before, after;

  g_return_if_fail (GTK_IS_TEXT_BUFFER (buffer));

  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    dl_body_format_trim (&start, &end);
  if (gtk_text_iter_equal (&start, &end) && !select_word (buffer, &start, &end))
    {
      /* Nothing to format: a pair to type into. */
      gtk_text_buffer_begin_user_action (buffer);
      gtk_text_buffer_insert_at_cursor (buffer, marker, -1);
      gtk_text_buffer_insert_at_cursor (buffer, marker, -1);
      gtk_text_buffer_get_iter_at_mark (buffer, &start, gtk_text_buffer_get_insert (buffer));
      gtk_text_iter_backward_chars (&start, length);
      gtk_text_buffer_place_cursor (buffer, &start);
      gtk_text_buffer_end_user_action (buffer);
      return;
    }

  start_mark = gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE);
  end_mark = gtk_text_buffer_create_mark (buffer, NULL, &end, FALSE);
  before = stars_before (&start);
  after = stars_after (&end);

  gtk_text_buffer_begin_user_action (buffer);
  if (has_format (MIN (before, after), format))
    {
      /* On: take the markers away from both sides. The inner ones of a
       * run are the other format's, so italic removes the outermost
       * star of "***x***" and bold the two next to the text. */
      GtkTextIter a, b;

      gtk_text_buffer_get_iter_at_mark (buffer, &a, end_mark);
      b = a;
      if (format == DL_INLINE_ITALIC && after >= 3)
        gtk_text_iter_forward_chars (&a, 2);
      gtk_text_iter_forward_chars (&b, (format == DL_INLINE_ITALIC && after >= 3 ? 2 : 0) + length);
      gtk_text_buffer_delete (buffer, &a, &b);

      gtk_text_buffer_get_iter_at_mark (buffer, &b, start_mark);
      if (format == DL_INLINE_ITALIC && before >= 3)
        gtk_text_iter_backward_chars (&b, 2);
      a = b;
      gtk_text_iter_backward_chars (&a, length);
      gtk_text_buffer_delete (buffer, &a, &b);
    }
  else
    {
      GtkTextIter at;

      gtk_text_buffer_get_iter_at_mark (buffer, &at, end_mark);
      gtk_text_buffer_insert (buffer, &at, marker, -1);
      gtk_text_buffer_get_iter_at_mark (buffer, &at, start_mark);
      gtk_text_buffer_insert (buffer, &at, marker, -1);
    }
  gtk_text_buffer_end_user_action (buffer);

  /* The same text stays selected, without the markers. */
  gtk_text_buffer_get_iter_at_mark (buffer, &start, start_mark);
  gtk_text_buffer_get_iter_at_mark (buffer, &end, end_mark);
  if (!has_format (MIN (before, after), format))
    {
      /* The start mark (left gravity) stayed before the inserted marker. */
      gtk_text_iter_forward_chars (&start, length);
      gtk_text_iter_backward_chars (&end, length);
    }
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_text_buffer_delete_mark (buffer, start_mark);
  gtk_text_buffer_delete_mark (buffer, end_mark);
}

static char *
line_prefix (DlLineFormat format,
             guint        number)
{
  switch (format)
    {
    case DL_LINE_HEADING: return g_strdup ("## ");
    case DL_LINE_QUOTE: return g_strdup ("> ");
    case DL_LINE_BULLET: return g_strdup ("- ");
    case DL_LINE_NUMBER: return g_strdup_printf ("%u. ", number);
    default: g_return_val_if_reached (NULL);
    }
}

/* The length of @format's prefix at the start of @line, or 0. */
static int
prefix_length (const char   *line,
               DlLineFormat  format)
{
  const char *p = line;

  switch (format)
    {
    case DL_LINE_HEADING:
      while (*p == '#')
        p++;
      return p > line && *p == ' ' ? (int) (p - line) + 1 : 0;
    case DL_LINE_QUOTE:
      return g_str_has_prefix (line, "> ") ? 2 : 0;
    case DL_LINE_BULLET:
      return g_str_has_prefix (line, "- ") || g_str_has_prefix (line, "* ") ? 2 : 0;
    case DL_LINE_NUMBER:
      while (g_ascii_isdigit (*p))
        p++;
      return p > line && p[0] == '.' && p[1] == ' ' ? (int) (p - line) + 2 : 0;
    default:
      return 0;
    }
}

static char *
line_text (GtkTextBuffer *buffer,
           int            line)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_line (buffer, &start, line);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
dl_body_format_toggle_lines (GtkTextBuffer *buffer,
                             DlLineFormat   format)
{
  GtkTextIter start, end;
  int first, last;
  gboolean all_have = TRUE;
  guint number = 1;

  g_return_if_fail (GTK_IS_TEXT_BUFFER (buffer));

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  first = gtk_text_iter_get_line (&start);
  last = gtk_text_iter_get_line (&end);
  /* A selection that ends at the start of a line does not take it in. */
  if (last > first && gtk_text_iter_starts_line (&end))
    last--;

  for (int line = first; line <= last; line++)
    {
      g_autofree char *text = line_text (buffer, line);

      if (*g_strstrip (g_strdup (text)) != '\0' && prefix_length (text, format) == 0)
        {
          all_have = FALSE;
          break;
        }
    }

  gtk_text_buffer_begin_user_action (buffer);
  for (int line = first; line <= last; line++)
    {
      g_autofree char *text = line_text (buffer, line);
      g_autofree char *blank_check = g_strstrip (g_strdup (text));
      int existing = prefix_length (text, format);
      GtkTextIter at, to;

      /* A bulleted list becomes a numbered one, and back. */
      if (existing == 0 && format == DL_LINE_NUMBER)
        existing = prefix_length (text, DL_LINE_BULLET);
      else if (existing == 0 && format == DL_LINE_BULLET)
        existing = prefix_length (text, DL_LINE_NUMBER);

      if (*blank_check == '\0')
        continue;
      gtk_text_buffer_get_iter_at_line (buffer, &at, line);
      if (existing > 0)
        {
          to = at;
          gtk_text_iter_forward_chars (&to, existing);
          gtk_text_buffer_delete (buffer, &at, &to);
        }
      if (!all_have)
        {
          g_autofree char *prefix = line_prefix (format, number++);

          gtk_text_buffer_get_iter_at_line (buffer, &at, line);
          gtk_text_buffer_insert (buffer, &at, prefix, -1);
        }
    }
  gtk_text_buffer_end_user_action (buffer);
}

/* The [text](address) around @at on its line, if any. */
static gboolean
find_link (GtkTextBuffer     *buffer,
           const GtkTextIter *at,
           GtkTextIter       *open,
           GtkTextIter       *close)
{
  GtkTextIter line_start = *at, line_end = *at;
  g_autofree char *line = NULL;
  int offset;

  gtk_text_iter_set_line_offset (&line_start, 0);
  if (!gtk_text_iter_ends_line (&line_end))
    gtk_text_iter_forward_to_line_end (&line_end);
  line = gtk_text_buffer_get_text (buffer, &line_start, &line_end, FALSE);
  offset = gtk_text_iter_get_line_offset (at);

  /* Character offsets: the line may hold any script. */
  for (const char *p = line; (p = strchr (p, '[')) != NULL; p++)
    {
      const char *middle = strstr (p, "](");
      const char *end = middle != NULL ? strchr (middle, ')') : NULL;
      long start_chars, end_chars;

      if (end == NULL)
        break;
      start_chars = g_utf8_pointer_to_offset (line, p);
      end_chars = g_utf8_pointer_to_offset (line, end) + 1;
      if (offset >= start_chars && offset <= end_chars)
        {
          *open = line_start;
          gtk_text_iter_forward_chars (open, (int) start_chars);
          *close = line_start;
          gtk_text_iter_forward_chars (close, (int) end_chars);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * dl_body_format_remove_link:
 *
 * Returns: whether the cursor was in a link, which is now its text
 */
gboolean
dl_body_format_remove_link (GtkTextBuffer *buffer)
{
  GtkTextIter cursor, open, close;
  g_autofree char *link = NULL;
  g_autofree char *text = NULL;
  const char *middle;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  if (!find_link (buffer, &cursor, &open, &close))
    return FALSE;
  link = gtk_text_buffer_get_text (buffer, &open, &close, FALSE);
  middle = strstr (link, "](");
  text = g_strndup (link + 1, middle - (link + 1));
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &open, &close);
  gtk_text_buffer_insert (buffer, &open, text, -1);
  gtk_text_buffer_end_user_action (buffer);
  return TRUE;
}

/**
 * dl_body_format_add_link:
 * @start: (inout): the text to link (moved past the new markup)
 *
 * Writes [text](address) around the range, in one step.
 */
void
dl_body_format_add_link (GtkTextBuffer *buffer,
                         GtkTextMark   *start,
                         GtkTextMark   *end,
                         const char    *address)
{
  g_autofree char *tail = g_strdup_printf ("](%s)", address);
  GtkTextIter at;

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_iter_at_mark (buffer, &at, end);
  gtk_text_buffer_insert (buffer, &at, tail, -1);
  gtk_text_buffer_place_cursor (buffer, &at);
  gtk_text_buffer_get_iter_at_mark (buffer, &at, start);
  gtk_text_buffer_insert (buffer, &at, "[", -1);
  gtk_text_buffer_end_user_action (buffer);
}
