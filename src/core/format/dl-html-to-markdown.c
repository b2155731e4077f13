/* dl-html-to-markdown.c: a tolerant reader of pasted and imported HTML
 *
 * ninjs bodies from agency feeds and text pasted from web pages arrive as
 * HTML; the article keeps Markdown. This reader never builds a tree: one
 * pass over the text, a stack of open containers (quotes, lists), the
 * inline text of the block being read, and the open links and emphasis.
 * Anything it does not know becomes plain text; scripts, styles and
 * unsafe URLs are dropped (the rules: docs/RENDERING.md). Fuzzed by
 * tests/fuzz/fuzz-html-to-markdown.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-html"

#include "config.h"

#include <string.h>

#include "dl-html.h"
#include "dl-html-to-markdown.h"

typedef enum
{
  CONTAINER_QUOTE,
  CONTAINER_LIST,
} ContainerKind;

typedef struct
{
  ContainerKind kind;
  gboolean      ordered;
  guint         counter;
  guint         width;          /* width of the current item's marker */
  char         *marker;         /* not yet written for the current item */
  gboolean      item_open;
  gboolean      item_has_p;
} Container;

typedef struct
{
  gsize  start;                 /* where the link text begins in inline_buf */
  char  *href;                  /* NULL: an unsafe or missing link, kept as text */
} Link;

typedef struct
{
  gsize       start;            /* where the emphasised text begins */
  const char *marker;           /* "**" or "*" */
} Format;

typedef enum
{
  LAST_NONE,
  LAST_BLOCK,
  LAST_TIGHT_ITEM,
} LastKind;

typedef struct
{
  GString  *md;
  GString  *inline_buf;
  gboolean  pending_space;
  GArray   *containers;         /* Container */
  GArray   *links;              /* Link */
  GArray   *formats;            /* Format: open ** and * */
  guint     heading_level;
  LastKind  last;
  guint     pre_depth;
  guint     code_depth;
  gsize     code_start;
  char     *skip_name;          /* skipping an element with its content */
  guint     skip_depth;
} H2M;

/* Empties the inline buffer once its text has gone into a block. Every
 * position remembered in it (an open link, emphasis or code span) now
 * points at its start: a stale one could fall inside a multi-byte
 * character of later text, and markup inserted there would split it. */
static void
reset_inline (H2M *h)
{
  g_string_truncate (h->inline_buf, 0);
  h->code_start = 0;
  for (guint i = 0; i < h->links->len; i++)
    g_array_index (h->links, Link, i).start = 0;
  for (guint i = 0; i < h->formats->len; i++)
    g_array_index (h->formats, Format, i).start = 0;
}

static void
container_clear (gpointer data)
{
  Container *c = data;

  g_clear_pointer (&c->marker, g_free);
}

static void
link_clear (gpointer data)
{
  Link *l = data;

  g_clear_pointer (&l->href, g_free);
}

static Container *
innermost_list (H2M *h)
{
  for (guint i = h->containers->len; i > 0; i--)
    {
      Container *c = &g_array_index (h->containers, Container, i - 1);

      if (c->kind == CONTAINER_LIST)
        return c;
    }
  return NULL;
}

static void
append_line_start_escape (GString    *out,
                          const char *text)
{
  /* Text that would otherwise start a heading, quote, list or break. */
  if ((text[0] == '#' || text[0] == '-' || text[0] == '+' || text[0] == '=')
      && (text[1] == ' ' || text[1] == '\0' || text[1] == text[0]))
    g_string_append_c (out, '\\');
  else if (text[0] == '>' || text[0] == '|')
    g_string_append_c (out, '\\');
  else if (g_ascii_isdigit (text[0]))
    {
      const char *p = text;

      while (g_ascii_isdigit (*p))
        p++;
      if ((*p == '.' || *p == ')') && (p[1] == ' ' || p[1] == '\0'))
        {
          g_string_append_len (out, text, p - text);
          g_string_append_c (out, '\\');
          g_string_append (out, p);
          return;
        }
    }
  g_string_append (out, text);
}

static void
append_prefix (H2M      *h,
               gboolean  first_line)
{
  for (guint i = 0; i < h->containers->len; i++)
    {
      Container *c = &g_array_index (h->containers, Container, i);

      if (c->kind == CONTAINER_QUOTE)
        g_string_append (h->md, "> ");
      else if (first_line && c->marker != NULL)
        {
          g_string_append (h->md, c->marker);
          g_clear_pointer (&c->marker, g_free);
        }
      else
        {
          for (guint j = 0; j < c->width; j++)
            g_string_append_c (h->md, ' ');
        }
    }
}

static void close_inline (H2M *h);

static void
flush_block (H2M *h)
{
  Container *list = innermost_list (h);
  LastKind kind;
  g_auto(GStrv) lines = NULL;
  char *text;

  close_inline (h);
  h->pending_space = FALSE;
  text = g_strstrip (h->inline_buf->str);
  /* A hard break at the very end of a block means nothing. */
  while (g_str_has_suffix (text, "\\"))
    {
      text[strlen (text) - 1] = '\0';
      g_strchomp (text);
    }
  if (*text == '\0')
    {
      reset_inline (h);
      return;
    }

  kind = (list != NULL && list->item_open && !list->item_has_p) ? LAST_TIGHT_ITEM : LAST_BLOCK;
  if (h->md->len > 0)
    g_string_append (h->md, (kind == LAST_TIGHT_ITEM && h->last == LAST_TIGHT_ITEM) ? "\n" : "\n\n");

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (h->md, '\n');
      append_prefix (h, i == 0);
      if (i == 0 && h->heading_level > 0)
        {
          /* The renderer shifts body headings down one level (the page's
           * only h1 is the headline); undo that here. */
          guint level = MAX (h->heading_level, 2) - 1;

          for (guint j = 0; j < level; j++)
            g_string_append_c (h->md, '#');
          g_string_append_c (h->md, ' ');
          g_string_append (h->md, lines[i]);
        }
      else
        append_line_start_escape (h->md, g_strchug (lines[i]));
    }

  h->last = kind;
  reset_inline (h);
}

static void
append_inline_text (H2M        *h,
                    const char *text,
                    gsize       len)
{
  const char *end = text + len;

  if (h->pre_depth > 0)
    {
      g_string_append_len (h->inline_buf, text, len);
      return;
    }

  for (const char *p = text; p < end; p++)
    {
      char c = *p;

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
        {
          h->pending_space = TRUE;
          continue;
        }
      if (h->pending_space)
        {
          if (h->inline_buf->len > 0 && h->inline_buf->str[h->inline_buf->len - 1] != '\n')
            g_string_append_c (h->inline_buf, ' ');
          h->pending_space = FALSE;
        }
      if (h->code_depth == 0)
        {
          switch (c)
            {
            case '\\': case '*': case '_': case '`': case '[': case ']': case '~':
              g_string_append_c (h->inline_buf, '\\');
              break;
            case '<':
              /* Only where it could start an autolink. */
              if (p + 1 < end && g_ascii_isalpha (p[1]))
                g_string_append_c (h->inline_buf, '\\');
              break;
            case '&':
              {
                const char *q = p + 1;

                while (q < end && (g_ascii_isalnum (*q) || *q == '#'))
                  q++;
                if (q > p + 1 && q < end && *q == ';')
                  g_string_append_c (h->inline_buf, '\\');
              }
              break;
            default:
              break;
            }
        }
      g_string_append_c (h->inline_buf, c);
    }
}

static void
append_inline_markup (H2M        *h,
                      const char *markup)
{
  if (h->pending_space)
    {
      if (h->inline_buf->len > 0)
        g_string_append_c (h->inline_buf, ' ');
      h->pending_space = FALSE;
    }
  g_string_append (h->inline_buf, markup);
}

static void
append_url (GString    *out,
            const char *url)
{
  /* Percent-encode what would end or confuse a Markdown link destination. */
  for (const char *p = url; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '(' || *p == ')' || *p == '<' || *p == '>' || *p == '\\')
        g_string_append_printf (out, "%%%02X", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
}

static gboolean
tag_is (const char *name,
        const char *candidate)
{
  return g_str_equal (name, candidate);
}

static gboolean
is_heading (const char *name)
{
  return name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == '\0';
}

static gboolean
is_block_boundary (const char *name)
{
  static const char * const blocks[] = {
    "address", "article", "aside", "body", "center", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "header", "html", "main", "p", "section", "table", "tbody", "thead",
    "tfoot", "tr", "caption",
  };

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    if (g_str_equal (name, blocks[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_skipped_element (const char *name)
{
  static const char * const skipped[] = {
    "head", "iframe", "math", "noembed", "noframes", "noscript", "object", "script",
    "select", "style", "svg", "template", "textarea", "title", "xmp", "embed", "canvas",
    "audio", "video", "button",
  };

  for (guint i = 0; i < G_N_ELEMENTS (skipped); i++)
    if (g_str_equal (name, skipped[i]))
      return TRUE;
  return FALSE;
}

static gboolean
class_has_token (const char *klass,
                 const char *token)
{
  g_auto(GStrv) tokens = NULL;

  if (klass == NULL)
    return FALSE;
  tokens = g_strsplit_set (klass, " \t\n\r\f", -1);
  return g_strv_contains ((const char * const *) tokens, token);
}

static void
close_list_item (H2M       *h,
                 Container *list)
{
  if (list->item_open)
    {
      flush_block (h);
      list->item_open = FALSE;
      g_clear_pointer (&list->marker, g_free);
    }
}

static void
handle_start_tag (H2M        *h,
                  const char *name,
                  GHashTable *attrs)
{
  if (is_skipped_element (name)
      || (tag_is (name, "span") && class_has_token (g_hash_table_lookup (attrs, "class"), "dateline")))
    {
      /* Raw-text elements, embedded documents, and our own dateline, which
       * is composed again from the place, date and source. */
      h->skip_name = g_strdup (name);
      h->skip_depth = 1;
      return;
    }

  if (h->pre_depth > 0)
    {
      if (tag_is (name, "br"))
        g_string_append_c (h->inline_buf, '\n');
      if (tag_is (name, "pre"))
        h->pre_depth++;
      return;
    }

  if (is_block_boundary (name))
    {
      Container *list = innermost_list (h);

      flush_block (h);
      if (tag_is (name, "p") && list != NULL && list->item_open)
        list->item_has_p = TRUE;
    }
  else if (is_heading (name))
    {
      flush_block (h);
      h->heading_level = name[1] - '0';
    }
  else if (tag_is (name, "blockquote"))
    {
      Container c = { CONTAINER_QUOTE, };

      flush_block (h);
      g_array_append_val (h->containers, c);
    }
  else if (tag_is (name, "ul") || tag_is (name, "ol"))
    {
      Container c = { CONTAINER_LIST, };
      const char *start = g_hash_table_lookup (attrs, "start");

      flush_block (h);
      c.ordered = tag_is (name, "ol");
      c.counter = 1;
      if (c.ordered && start != NULL)
        c.counter = MIN (g_ascii_strtoull (start, NULL, 10), 999999999);
      c.width = 2;
      g_array_append_val (h->containers, c);
    }
  else if (tag_is (name, "li"))
    {
      Container *list = innermost_list (h);

      if (list == NULL)
        {
          Container c = { CONTAINER_LIST, FALSE, 1, 2, };

          flush_block (h);
          g_array_append_val (h->containers, c);
          list = innermost_list (h);
        }
      close_list_item (h, list);
      flush_block (h);
      if (list->ordered)
        list->marker = g_strdup_printf ("%u. ", list->counter++);
      else
        list->marker = g_strdup ("- ");
      list->width = strlen (list->marker);
      list->item_open = TRUE;
      list->item_has_p = FALSE;
    }
  else if (tag_is (name, "pre"))
    {
      flush_block (h);
      h->pre_depth = 1;
    }
  else if (tag_is (name, "hr"))
    {
      flush_block (h);
      /* Written directly: the line-start escape would turn it into text. */
      if (h->md->len > 0)
        g_string_append (h->md, "\n\n");
      append_prefix (h, FALSE);
      g_string_append (h->md, "---");
      h->last = LAST_BLOCK;
    }
  else if (tag_is (name, "br"))
    {
      append_inline_markup (h, "\\\n");
    }
  else if (tag_is (name, "strong") || tag_is (name, "b"))
    {
      Format format = { 0, "**" };

      append_inline_markup (h, "**");
      format.start = h->inline_buf->len;
      g_array_append_val (h->formats, format);
    }
  else if (tag_is (name, "em") || tag_is (name, "i"))
    {
      Format format = { 0, "*" };

      append_inline_markup (h, "*");
      format.start = h->inline_buf->len;
      g_array_append_val (h->formats, format);
    }
  else if (tag_is (name, "code") || tag_is (name, "kbd") || tag_is (name, "samp"))
    {
      if (h->code_depth++ == 0)
        {
          append_inline_markup (h, "");
          h->code_start = h->inline_buf->len;
        }
    }
  else if (tag_is (name, "a"))
    {
      Link link = { 0, };
      const char *href = g_hash_table_lookup (attrs, "href");

      link.href = dl_html_sanitize_url (href, -1, DL_HTML_URL_LINK);
      if (link.href != NULL)
        append_inline_markup (h, "[");
      link.start = h->inline_buf->len;
      g_array_append_val (h->links, link);
    }
  else if (tag_is (name, "img"))
    {
      g_autofree char *src = dl_html_sanitize_url (g_hash_table_lookup (attrs, "src"), -1,
                                                   DL_HTML_URL_IMAGE);
      const char *alt = g_hash_table_lookup (attrs, "alt");

      if (src != NULL)
        {
          append_inline_markup (h, "![");
          append_inline_text (h, alt != NULL ? alt : "", alt != NULL ? strlen (alt) : 0);
          g_string_append (h->inline_buf, "](");
          append_url (h->inline_buf, src);
          g_string_append_c (h->inline_buf, ')');
        }
    }
  else if (tag_is (name, "td") || tag_is (name, "th"))
    {
      h->pending_space = TRUE;
    }
}

static void
close_format (H2M *h)
{
  Format format;

  if (h->formats->len == 0)
    return;
  format = g_array_index (h->formats, Format, h->formats->len - 1);
  g_array_set_size (h->formats, h->formats->len - 1);

  if (format.start > h->inline_buf->len)
    return;
  if (format.start == h->inline_buf->len)
    {
      /* Empty emphasis would read as a thematic break or stray stars. */
      g_string_truncate (h->inline_buf, format.start - strlen (format.marker));
      return;
    }
  g_string_append (h->inline_buf, format.marker);
}

static void
close_link (H2M *h)
{
  Link *link;

  if (h->links->len == 0)
    return;
  link = &g_array_index (h->links, Link, h->links->len - 1);
  if (link->href != NULL && link->start <= h->inline_buf->len)
    {
      if (link->start == h->inline_buf->len)
        append_inline_text (h, link->href, strlen (link->href));
      g_string_append (h->inline_buf, "](");
      append_url (h->inline_buf, link->href);
      g_string_append_c (h->inline_buf, ')');
    }
  g_array_set_size (h->links, h->links->len - 1);
}

/* Markdown emphasis and links cannot span blocks: whatever the HTML left
 * open ends with the block. */
static void
close_inline (H2M *h)
{
  while (h->formats->len > 0)
    close_format (h);
  while (h->links->len > 0)
    close_link (h);
}

static void
handle_end_tag (H2M        *h,
                const char *name)
{
  if (h->pre_depth > 0)
    {
      if (tag_is (name, "pre") && --h->pre_depth == 0)
        {
          const char *fence = strstr (h->inline_buf->str, "```") != NULL ? "~~~~" : "```";
          g_autofree char *code = g_strdup (h->inline_buf->str);
          GString *block = g_string_new (NULL);

          g_strchomp (code);
          /* A leading newline right after <pre> is not content. */
          g_string_append_printf (block, "%s\n%s\n%s", fence,
                                  code[0] == '\n' ? code + 1 : code, fence);
          if (h->md->len > 0)
            g_string_append (h->md, "\n\n");
          g_string_append (h->md, block->str);
          g_string_free (block, TRUE);
          reset_inline (h);
          h->last = LAST_BLOCK;
        }
      return;
    }

  if (is_block_boundary (name))
    flush_block (h);
  else if (is_heading (name))
    {
      flush_block (h);
      h->heading_level = 0;
    }
  else if (tag_is (name, "blockquote") || tag_is (name, "ul") || tag_is (name, "ol"))
    {
      ContainerKind kind = tag_is (name, "blockquote") ? CONTAINER_QUOTE : CONTAINER_LIST;

      for (guint i = h->containers->len; i > 0; i--)
        {
          Container *c = &g_array_index (h->containers, Container, i - 1);

          if (c->kind != kind)
            continue;
          if (kind == CONTAINER_LIST)
            close_list_item (h, c);
          flush_block (h);
          /* Unclosed inner containers end with this one. */
          g_array_set_size (h->containers, i - 1);
          /* A nested list ends inside its item: a tight list goes on. */
          if (innermost_list (h) == NULL || !innermost_list (h)->item_open)
            h->last = LAST_BLOCK;
          break;
        }
    }
  else if (tag_is (name, "li"))
    {
      Container *list = innermost_list (h);

      if (list != NULL)
        close_list_item (h, list);
    }
  else if (tag_is (name, "strong") || tag_is (name, "b") || tag_is (name, "em") || tag_is (name, "i"))
    close_format (h);
  else if (tag_is (name, "code") || tag_is (name, "kbd") || tag_is (name, "samp"))
    {
      if (h->code_depth > 0 && --h->code_depth == 0 && h->code_start <= h->inline_buf->len)
        {
          g_autofree char *code = g_strdup (h->inline_buf->str + h->code_start);

          g_string_truncate (h->inline_buf, h->code_start);
          if (*code != '\0')
            {
              const char *fence = strchr (code, '`') != NULL ? "``" : "`";
              const char *pad = strchr (code, '`') != NULL ? " " : "";

              g_string_append_printf (h->inline_buf, "%s%s%s%s%s", fence, pad, code, pad, fence);
            }
        }
    }
  else if (tag_is (name, "a"))
    close_link (h);
}

static void
append_decoded_text (H2M        *h,
                     const char *text,
                     gsize       len)
{
  GString *decoded = g_string_sized_new (len);
  const char *end = text + len;
  const char *p = text;

  while (p < end)
    {
      const char *amp = memchr (p, '&', end - p);
      const char *q;

      if (amp == NULL)
        {
          g_string_append_len (decoded, p, end - p);
          break;
        }
      g_string_append_len (decoded, p, amp - p);
      q = amp + 1;
      while (q < end && q - amp < 40 && (g_ascii_isalnum (*q) || *q == '#'))
        q++;
      if (q < end && *q == ';' && dl_html_decode_entity (amp, q - amp + 1, decoded))
        p = q + 1;
      else
        {
          g_string_append_c (decoded, '&');
          p = amp + 1;
        }
    }

  append_inline_text (h, decoded->str, decoded->len);
  g_string_free (decoded, TRUE);
}

static char *
decode_attribute (const char *value,
                  gsize       len)
{
  GString *decoded = g_string_sized_new (len);
  const char *end = value + len;
  const char *p = value;

  while (p < end)
    {
      const char *q;

      if (*p != '&')
        {
          g_string_append_c (decoded, *p++);
          continue;
        }
      q = p + 1;
      while (q < end && q - p < 40 && (g_ascii_isalnum (*q) || *q == '#'))
        q++;
      if (q < end && *q == ';' && dl_html_decode_entity (p, q - p + 1, decoded))
        p = q + 1;
      else
        g_string_append_c (decoded, *p++);
    }
  return g_string_free (decoded, FALSE);
}

/* Parses the tag starting at @p (just after '<' and optional '/').
 * Returns where parsing should continue. */
static const char *
read_tag (const char  *p,
          const char  *end,
          char       **name_out,
          GHashTable  *attrs)
{
  const char *name_start = p;

  while (p < end && (g_ascii_isalnum (*p) || *p == '-' || *p == ':'))
    p++;
  *name_out = g_ascii_strdown (name_start, p - name_start);

  while (p < end)
    {
      const char *attr_start;
      char *attr_name;

      while (p < end && (g_ascii_isspace (*p) || *p == '/'))
        p++;
      if (p >= end)
        break;
      if (*p == '>')
        return p + 1;

      attr_start = p;
      while (p < end && !g_ascii_isspace (*p) && *p != '=' && *p != '>' && *p != '/')
        p++;
      if (p == attr_start)
        {
          p++;
          continue;
        }
      attr_name = g_ascii_strdown (attr_start, p - attr_start);
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p < end && *p == '=')
        {
          const char *value_start;
          const char *value_end;

          p++;
          while (p < end && g_ascii_isspace (*p))
            p++;
          if (p < end && (*p == '"' || *p == '\''))
            {
              char quote = *p++;

              value_start = p;
              while (p < end && *p != quote)
                p++;
              value_end = p;
              if (p < end)
                p++;
            }
          else
            {
              value_start = p;
              while (p < end && !g_ascii_isspace (*p) && *p != '>')
                p++;
              value_end = p;
            }
          if (!g_hash_table_contains (attrs, attr_name))
            g_hash_table_insert (attrs, attr_name, decode_attribute (value_start, value_end - value_start));
          else
            g_free (attr_name);
        }
      else if (!g_hash_table_contains (attrs, attr_name))
        g_hash_table_insert (attrs, attr_name, g_strdup (""));
      else
        g_free (attr_name);
    }
  return end;
}

static const char *
skip_raw_text (const char *p,
               const char *end,
               const char *name)
{
  gsize name_len = strlen (name);

  /* Raw-text elements end only at their own end tag. */
  while (p < end)
    {
      const char *lt = memchr (p, '<', end - p);

      if (lt == NULL)
        return end;
      if (lt + 2 + name_len <= end && lt[1] == '/'
          && g_ascii_strncasecmp (lt + 2, name, name_len) == 0
          && (lt + 2 + name_len == end || !g_ascii_isalnum (lt[2 + name_len])))
        return lt;
      p = lt + 1;
    }
  return end;
}

static gboolean
is_raw_text_element (const char *name)
{
  return g_str_equal (name, "script") || g_str_equal (name, "style")
         || g_str_equal (name, "textarea") || g_str_equal (name, "title")
         || g_str_equal (name, "xmp") || g_str_equal (name, "iframe")
         || g_str_equal (name, "noembed") || g_str_equal (name, "noframes")
         || g_str_equal (name, "noscript");
}

/**
 * dl_html_to_markdown:
 * @html: an HTML fragment or document from an untrusted source
 *
 * A tolerant, non-validating conversion of the elements a news body uses:
 * p, h1–h6, strong/b, em/i, code, pre, a (safe URLs only), img (http and
 * https only), ul/ol/li, blockquote, br and hr. Script, style, embedded
 * documents and the like are dropped with their content; every other tag
 * is dropped keeping its text. Markdown syntax characters in the text are
 * escaped so that the text reads the same after the round trip.
 *
 * Returns: (transfer full): Markdown
 */
char *
dl_html_to_markdown (const char *html)
{
  H2M h = { 0, };
  const char *p;
  const char *end;

  g_return_val_if_fail (html != NULL, NULL);

  h.md = g_string_sized_new (strlen (html));
  h.inline_buf = g_string_new (NULL);
  h.containers = g_array_new (FALSE, TRUE, sizeof (Container));
  g_array_set_clear_func (h.containers, container_clear);
  h.links = g_array_new (FALSE, TRUE, sizeof (Link));
  g_array_set_clear_func (h.links, link_clear);
  h.formats = g_array_new (FALSE, FALSE, sizeof (Format));

  p = html;
  end = html + strlen (html);
  while (p < end)
    {
      const char *lt = memchr (p, '<', end - p);
      g_autofree char *name = NULL;
      g_autoptr(GHashTable) attrs = NULL;
      gboolean closing;

      if (lt == NULL)
        lt = end;
      if (lt > p && h.skip_name == NULL)
        append_decoded_text (&h, p, lt - p);
      p = lt;
      if (p >= end)
        break;

      if (end - p >= 4 && strncmp (p, "<!--", 4) == 0)
        {
          const char *close = g_strstr_len (p + 4, end - p - 4, "-->");

          p = close != NULL ? close + 3 : end;
          continue;
        }
      if (p + 1 < end && (p[1] == '!' || p[1] == '?'))
        {
          const char *gt = memchr (p, '>', end - p);

          p = gt != NULL ? gt + 1 : end;
          continue;
        }

      closing = (p + 1 < end && p[1] == '/');
      if (p + 1 + closing >= end || !g_ascii_isalpha (p[1 + closing]))
        {
          /* A lone '<' is text. */
          if (h.skip_name == NULL)
            append_inline_text (&h, "<", 1);
          p++;
          continue;
        }

      attrs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      p = read_tag (p + 1 + closing, end, &name, attrs);

      if (h.skip_name != NULL)
        {
          if (g_str_equal (name, h.skip_name))
            {
              if (closing && --h.skip_depth == 0)
                g_clear_pointer (&h.skip_name, g_free);
              else if (!closing)
                h.skip_depth++;
            }
          continue;
        }

      if (closing)
        handle_end_tag (&h, name);
      else
        {
          handle_start_tag (&h, name, attrs);
          if (h.skip_name != NULL && is_raw_text_element (name))
            p = skip_raw_text (p, end, name);
        }
    }

  if (h.pre_depth > 0)
    {
      h.pre_depth = 1;
      handle_end_tag (&h, "pre");
    }
  flush_block (&h);

  g_clear_pointer (&h.skip_name, g_free);
  g_string_free (h.inline_buf, TRUE);
  g_array_unref (h.containers);
  g_array_unref (h.links);
  g_array_unref (h.formats);
  return g_string_free (h.md, FALSE);
}
