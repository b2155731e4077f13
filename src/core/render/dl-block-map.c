/* dl-block-map.c: which block of the page a place in the Markdown is
 *
 * The preview keeps the paragraph being edited in view: the editor's
 * cursor (a byte offset in the body) is mapped to the top-level block
 * that holds it, which is `.dl-body > :nth-child(index + 1)` because
 * dl-markdown-html.c writes one element per block.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-renderer"

#include "config.h"

#include <string.h>

#include "dl-block-map.h"
#include "dl-markdown-html.h"

typedef struct
{
  gssize start;   /* first byte of text in the block, -1 for none */
  gssize end;     /* one past its last byte */
} BlockRange;

typedef struct
{
  const char *doc;
  gsize       len;
  guint       depth;
  GArray     *ranges;
} RangeCtx;

static int
range_enter_block_cb (MD_BLOCKTYPE  type,
                      void         *detail,
                      void         *user_data)
{
  RangeCtx *ctx = user_data;

  if (ctx->depth == 1)
    {
      BlockRange range = { -1, -1 };

      g_array_append_val (ctx->ranges, range);
    }
  ctx->depth++;
  return 0;
}

static int
range_leave_block_cb (MD_BLOCKTYPE  type,
                      void         *detail,
                      void         *user_data)
{
  RangeCtx *ctx = user_data;

  ctx->depth--;
  return 0;
}

static int
range_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  return 0;
}

static int
range_text_cb (MD_TEXTTYPE    type,
               const MD_CHAR *text,
               MD_SIZE        size,
               void          *user_data)
{
  RangeCtx *ctx = user_data;
  BlockRange *range;
  gssize start;

  /* md4c hands out pointers into the document for real text; generated
   * strings (line breaks, padding) live elsewhere and are ignored. */
  if (ctx->ranges->len == 0 || text < ctx->doc || text + size > ctx->doc + ctx->len || size == 0)
    return 0;

  range = &g_array_index (ctx->ranges, BlockRange, ctx->ranges->len - 1);
  start = text - ctx->doc;
  if (range->start < 0 || start < range->start)
    range->start = start;
  if ((gssize) (start + size) > range->end)
    range->end = start + size;
  return 0;
}

static GArray *
collect_block_ranges (const char *markdown,
                      gsize       len)
{
  MD_PARSER parser = {
    0,
    DL_MARKDOWN_FLAGS,
    range_enter_block_cb,
    range_leave_block_cb,
    range_span_cb,
    range_span_cb,
    range_text_cb,
    NULL,
    NULL,
  };
  RangeCtx ctx = { markdown, len, 0, g_array_new (FALSE, FALSE, sizeof (BlockRange)) };

  md_parse (markdown, len, &parser, &ctx);
  return ctx.ranges;
}

/**
 * dl_block_map_count:
 *
 * Returns: how many children .dl-body has for @markdown
 */
guint
dl_block_map_count (const char *markdown)
{
  g_autoptr(GArray) ranges = NULL;

  g_return_val_if_fail (markdown != NULL, 0);

  ranges = collect_block_ranges (markdown, strlen (markdown));
  return ranges->len;
}

static gsize
line_begin (const char *doc,
            gsize       pos)
{
  while (pos > 0 && doc[pos - 1] != '\n')
    pos--;
  return pos;
}

static gsize
line_end (const char *doc,
          gsize       len,
          gsize       pos)
{
  while (pos < len && doc[pos] != '\n')
    pos++;
  return pos;
}

static gboolean
line_is_blank (const char *doc,
               gsize       begin,
               gsize       end)
{
  for (gsize i = begin; i < end; i++)
    if (doc[i] != ' ' && doc[i] != '\t' && doc[i] != '\r')
      return FALSE;
  return TRUE;
}

typedef struct
{
  gsize begin;   /* first byte of the group's first line */
  gsize end;     /* the newline (or end of text) ending its last line */
  guint owner;
} LineGroup;

/**
 * dl_block_map_index_for_offset:
 * @markdown: an article body
 * @byte_offset: a position in it, e.g. the editor's cursor
 *
 * Which top-level block (0-based; `.dl-body > :nth-child(index + 1)`) holds
 * @byte_offset. The rule (docs/RENDERING.md): a block owns the whole lines
 * its text is on, so list markers, "#" and "> " count; non-blank lines
 * directly after a block without a blank line (a closing fence, a setext
 * underline) belong to it; other lines without text go to the text-less
 * blocks (thematic breaks) between, in order; blank lines belong to what
 * follows them.
 *
 * Returns: the index, 0 for an empty body; the number of blocks (one
 *   past the last) when @byte_offset is on blank lines after the last
 *   block, where a new paragraph is being started
 */
guint
dl_block_map_index_for_offset (const char *markdown,
                               gsize       byte_offset)
{
  g_autoptr(GArray) ranges = NULL;
  g_autoptr(GArray) groups = NULL;
  gsize len;
  gsize offset;
  gsize gap_begin;
  gsize gap_end;
  gint a = -1;
  guint b;
  guint n;
  guint n_textless;
  guint first_free;
  guint last_free;
  guint next_textless;
  guint fallback;

  g_return_val_if_fail (markdown != NULL, 0);

  len = strlen (markdown);
  offset = MIN (byte_offset, len);
  ranges = collect_block_ranges (markdown, len);
  n = ranges->len;
  if (n == 0)
    return 0;

  for (guint k = 0; k < n; k++)
    {
      BlockRange *r = &g_array_index (ranges, BlockRange, k);

      if (r->start < 0)
        continue;
      r->start = line_begin (markdown, r->start);
      r->end = line_end (markdown, len, r->end > r->start ? r->end - 1 : r->end);
      if ((gsize) r->start <= offset && offset <= (gsize) r->end)
        return k;
    }

  b = n;
  for (guint k = 0; k < n; k++)
    {
      BlockRange *r = &g_array_index (ranges, BlockRange, k);

      if (r->start < 0)
        continue;
      if ((gsize) r->end < offset)
        a = k;
      else if ((gsize) r->start > offset && b == n)
        b = k;
    }

  /* A blank line after the last block, the cursor after it: a paragraph
   * is being started at the end, and is not in the page yet. Its place is
   * the end of the page, not the block before it. (One newline only
   * continues the last paragraph, as Markdown reads it.) */
  if (b == n && a == (gint) n - 1)
    {
      gsize last_end = (gsize) g_array_index (ranges, BlockRange, a).end;
      guint newlines = 0;

      if (strspn (markdown + last_end, " \t\r\n") == len - last_end)
        for (gsize i = last_end; i < offset; i++)
          newlines += markdown[i] == '\n';
      if (newlines >= 2)
        return n;
    }

  n_textless = b - (guint) (a + 1);
  gap_begin = a >= 0 ? (gsize) g_array_index (ranges, BlockRange, a).end + 1 : 0;
  gap_end = b < n ? (gsize) g_array_index (ranges, BlockRange, b).start : len;
  gap_begin = MIN (gap_begin, len);
  fallback = b < n ? b : (n_textless > 0 ? b - 1 : (guint) MAX (a, 0));

  groups = g_array_new (FALSE, FALSE, sizeof (LineGroup));
  for (gsize pos = gap_begin; pos < gap_end; )
    {
      gsize end = line_end (markdown, len, pos);

      if (!line_is_blank (markdown, pos, end))
        {
          LineGroup *last = groups->len > 0 ? &g_array_index (groups, LineGroup, groups->len - 1) : NULL;

          if (last != NULL && last->end + 1 == pos)
            last->end = end;
          else
            {
              LineGroup group = { pos, end, fallback };

              g_array_append_val (groups, group);
            }
        }
      pos = end + 1;
    }

  /* Groups touching the text blocks around the gap belong to them, unless
   * the text-less blocks in between need those lines. */
  first_free = 0;
  last_free = groups->len;
  if (a >= 0 && groups->len > 0 && g_array_index (groups, LineGroup, 0).begin == gap_begin)
    {
      g_array_index (groups, LineGroup, 0).owner = a;
      first_free = 1;
    }
  if (b < n && last_free > first_free
      && g_array_index (groups, LineGroup, last_free - 1).end + 1 >= gap_end)
    {
      g_array_index (groups, LineGroup, last_free - 1).owner = b;
      last_free--;
    }
  if (last_free - first_free < n_textless && last_free < groups->len)
    last_free++;
  if (last_free - first_free < n_textless && first_free > 0)
    first_free--;

  next_textless = a + 1;
  for (guint i = first_free; i < last_free; i++)
    {
      LineGroup *group = &g_array_index (groups, LineGroup, i);

      group->owner = next_textless < b ? next_textless++ : fallback;
    }

  for (guint i = 0; i < groups->len; i++)
    {
      LineGroup *group = &g_array_index (groups, LineGroup, i);

      if (offset <= group->end)
        return group->owner;
    }
  return fallback;
}

