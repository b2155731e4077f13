/* dl-markdown-html.c: an article body, Markdown, as HTML: the md4c callbacks
 *
 * md4c parses; instead of md4c-html these callbacks write the HTML, so
 * that every element and attribute is decided here: raw HTML is text,
 * URLs pass an allowlist (dl-html.c), body headings move one level down
 * under the headline, the dateline opens the first paragraph, and each
 * top-level block becomes exactly one element (the preview's block map,
 * dl-block-map.c, relies on it). docs/RENDERING.md has the rules.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-renderer"

#include "config.h"

#include <string.h>

#include "dl-body-images.h"
#include "dl-markdown-html.h"
#include "dl-renderer.h"

void
dl_markdown_html_count (DlMarkdownHtml *ctx,
                        const char     *text,
                        gsize           size)
{
  const char *end = text + size;

  for (const char *p = text; p < end; p++)
    {
      guchar c = (guchar) *p;

      /* UTF-8 continuation bytes are not characters of their own. */
      if ((c & 0xC0) != 0x80)
        ctx->chars++;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
        ctx->in_word = FALSE;
      else if (!ctx->in_word)
        {
          ctx->in_word = TRUE;
          ctx->words++;
        }
    }
}

char *
dl_markdown_attribute_to_string (const MD_ATTRIBUTE *attr)
{
  GString *str;

  if (attr->text == NULL || attr->size == 0)
    return g_strdup ("");

  str = g_string_sized_new (attr->size);
  for (guint i = 0; attr->substr_offsets[i] < attr->size; i++)
    {
      MD_OFFSET off = attr->substr_offsets[i];
      MD_SIZE len = attr->substr_offsets[i + 1] - off;
      const char *text = attr->text + off;

      switch (attr->substr_types[i])
        {
        case MD_TEXT_NULLCHAR:
          g_string_append (str, "\xEF\xBF\xBD");
          break;
        case MD_TEXT_ENTITY:
          /* Decoded so that "java&#x09;script:" is seen for what it is. */
          if (!dl_html_decode_entity (text, len, str))
            g_string_append_len (str, text, len);
          break;
        case MD_TEXT_NORMAL:
        case MD_TEXT_BR:
        case MD_TEXT_SOFTBR:
        case MD_TEXT_CODE:
        case MD_TEXT_HTML:
        case MD_TEXT_LATEXMATH:
        default:
          g_string_append_len (str, text, len);
          break;
        }
    }
  return g_string_free (str, FALSE);
}

static void
append_dir_auto (DlMarkdownHtml *ctx)
{
  /* WordPress checks a block's HTML against what its editor would write,
   * which has no dir attribute: block markup goes without it. */
  g_string_append (ctx->out, ctx->wp_blocks ? ">" : " dir=\"auto\">");
}

static void
append_class_safe (GString    *out,
                   const char *text,
                   gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (g_ascii_isalnum (text[i]) || text[i] == '-' || text[i] == '_' || text[i] == '+')
      g_string_append_c (out, text[i]);
}

static const char *
align_class (MD_ALIGN align)
{
  switch (align)
    {
    case MD_ALIGN_LEFT: return " class=\"dl-align-left\"";
    case MD_ALIGN_CENTER: return " class=\"dl-align-center\"";
    case MD_ALIGN_RIGHT: return " class=\"dl-align-right\"";
    case MD_ALIGN_DEFAULT:
    default:
      return "";
    }
}

/* WordPress block delimiters (docs/PUBLISHING.md): each Markdown block
 * becomes the block WordPress's own editor would make of it, so that a
 * colleague who opens the post there edits blocks, not one Classic block.
 * The markup inside matches the block's save() output in WordPress 6.1. */
static void
open_wp_block (DlMarkdownHtml *ctx,
               MD_BLOCKTYPE    type,
               void           *detail)
{
  GString *out = ctx->out;

  switch (type)
    {
    case MD_BLOCK_P:
      /* A loose list item's paragraphs are the item's own text. */
      if (ctx->list_item_depth == 0)
        g_string_append (out, "<!-- wp:paragraph -->\n");
      break;
    case MD_BLOCK_H:
      {
        guint level = MIN (((MD_BLOCK_H_DETAIL *) detail)->level + 1, 6);

        if (level == 2)
          g_string_append (out, "<!-- wp:heading -->\n");
        else
          g_string_append_printf (out, "<!-- wp:heading {\"level\":%u} -->\n", level);
      }
      break;
    case MD_BLOCK_UL:
      g_string_append (out, "<!-- wp:list -->\n");
      break;
    case MD_BLOCK_OL:
      {
        MD_BLOCK_OL_DETAIL *ol = detail;

        if (ol->start != 1)
          g_string_append_printf (out, "<!-- wp:list {\"ordered\":true,\"start\":%u} -->\n", ol->start);
        else
          g_string_append (out, "<!-- wp:list {\"ordered\":true} -->\n");
      }
      break;
    case MD_BLOCK_LI:
      g_string_append (out, "<!-- wp:list-item -->\n");
      break;
    case MD_BLOCK_QUOTE:
      g_string_append (out, "<!-- wp:quote -->\n");
      break;
    case MD_BLOCK_CODE:
    case MD_BLOCK_HTML:
      g_string_append (out, "<!-- wp:code -->\n");
      break;
    case MD_BLOCK_HR:
      g_string_append (out, "<!-- wp:separator -->\n");
      break;
    case MD_BLOCK_TABLE:
      g_string_append (out, "<!-- wp:table -->\n<figure class=\"wp-block-table\">");
      break;
    case MD_BLOCK_DOC:
    case MD_BLOCK_THEAD:
    case MD_BLOCK_TBODY:
    case MD_BLOCK_TR:
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
    default:
      break;
    }
}

static void
close_wp_block (DlMarkdownHtml *ctx,
                MD_BLOCKTYPE    type)
{
  const char *name = NULL;

  switch (type)
    {
    case MD_BLOCK_P: name = ctx->list_item_depth == 0 ? "paragraph" : NULL; break;
    case MD_BLOCK_H: name = "heading"; break;
    case MD_BLOCK_UL:
    case MD_BLOCK_OL: name = "list"; break;
    case MD_BLOCK_LI: name = "list-item"; break;
    case MD_BLOCK_QUOTE: name = "quote"; break;
    case MD_BLOCK_CODE:
    case MD_BLOCK_HTML: name = "code"; break;
    case MD_BLOCK_HR: name = "separator"; break;
    case MD_BLOCK_TABLE:
      g_string_append (ctx->out, "</figure>\n");
      name = "table";
      break;
    case MD_BLOCK_DOC:
    case MD_BLOCK_THEAD:
    case MD_BLOCK_TBODY:
    case MD_BLOCK_TR:
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
    default:
      break;
    }
  if (name != NULL)
    g_string_append_printf (ctx->out, "<!-- /wp:%s -->\n\n", name);
}

static const char *
wp_align_attributes (MD_ALIGN align)
{
  switch (align)
    {
    case MD_ALIGN_LEFT: return " class=\"has-text-align-left\" data-align=\"left\"";
    case MD_ALIGN_CENTER: return " class=\"has-text-align-center\" data-align=\"center\"";
    case MD_ALIGN_RIGHT: return " class=\"has-text-align-right\" data-align=\"right\"";
    case MD_ALIGN_DEFAULT:
    default:
      return "";
    }
}

static const char *
cell_attributes (DlMarkdownHtml *ctx,
                 MD_ALIGN        align)
{
  return ctx->wp_blocks ? wp_align_attributes (align) : align_class (align);
}

static int
enter_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  DlMarkdownHtml *ctx = user_data;
  GString *out = ctx->out;
  gboolean top_level = (ctx->depth == 1);

  ctx->in_word = FALSE;
  ctx->depth++;
  if (ctx->wp_blocks)
    open_wp_block (ctx, type, detail);

  switch (type)
    {
    case MD_BLOCK_DOC:
      break;
    case MD_BLOCK_QUOTE:
      g_string_append (out, ctx->wp_blocks ? "<blockquote class=\"wp-block-quote\">\n" : "<blockquote>\n");
      break;
    case MD_BLOCK_UL:
      g_string_append (out, "<ul>\n");
      break;
    case MD_BLOCK_OL:
      {
        MD_BLOCK_OL_DETAIL *ol = detail;

        if (ol->start != 1)
          g_string_append_printf (out, "<ol start=\"%u\">\n", ol->start);
        else
          g_string_append (out, "<ol>\n");
      }
      break;
    case MD_BLOCK_LI:
      g_string_append (out, "<li");
      append_dir_auto (ctx);
      ctx->list_item_depth++;
      break;
    case MD_BLOCK_HR:
      g_string_append (out, ctx->wp_blocks ? "<hr class=\"wp-block-separator has-alpha-channel-opacity\"/>\n"
                                           : "<hr>\n");
      break;
    case MD_BLOCK_H:
      {
        /* The headline is the page's only h1: body headings move down one. */
        guint level = MIN (((MD_BLOCK_H_DETAIL *) detail)->level + 1, 6);

        g_string_append_printf (out, "<h%u", level);
        append_dir_auto (ctx);
      }
      break;
    case MD_BLOCK_CODE:
      {
        MD_BLOCK_CODE_DETAIL *code = detail;

        g_string_append (out, ctx->wp_blocks ? "<pre class=\"wp-block-code\"><code" : "<pre><code");
        if (code->lang.text != NULL && code->lang.size > 0 && !ctx->wp_blocks)
          {
            g_string_append (out, " class=\"language-");
            append_class_safe (out, code->lang.text, code->lang.size);
            g_string_append_c (out, '"');
          }
        g_string_append_c (out, '>');
      }
      break;
    case MD_BLOCK_HTML:
      /* Not produced with MD_FLAG_NOHTML; shown as text if it ever is. */
      g_string_append (out, ctx->wp_blocks ? "<pre class=\"wp-block-code\"><code>" : "<pre class=\"dl-raw-html\">");
      break;
    case MD_BLOCK_P:
      g_string_append (out, "<p");
      append_dir_auto (ctx);
      if (top_level && ctx->dateline != NULL)
        {
          g_string_append (out, "<span class=\"dateline\">");
          if (ctx->wp_blocks)
            dl_html_append_text_literal (out, ctx->dateline, -1);
          else
            dl_html_append_text (out, ctx->dateline, -1);
          g_string_append (out, "</span>");
          if (ctx->count)
            dl_markdown_html_count (ctx, ctx->dateline, strlen (ctx->dateline));
          ctx->dateline = NULL;
        }
      break;
    case MD_BLOCK_TABLE:
      g_string_append (out, "<table>\n");
      break;
    case MD_BLOCK_THEAD:
      g_string_append (out, "<thead>\n");
      break;
    case MD_BLOCK_TBODY:
      g_string_append (out, "<tbody>\n");
      break;
    case MD_BLOCK_TR:
      g_string_append (out, "<tr>\n");
      break;
    case MD_BLOCK_TH:
      g_string_append_printf (out, "<th%s>", cell_attributes (ctx, ((MD_BLOCK_TD_DETAIL *) detail)->align));
      break;
    case MD_BLOCK_TD:
      g_string_append_printf (out, "<td%s>", cell_attributes (ctx, ((MD_BLOCK_TD_DETAIL *) detail)->align));
      break;
    default:
      break;
    }
  return 0;
}

/* md4c 0.4.8 can enter an image span and never leave it (an image
 * nested in another's alt text, the outer one left unfinished): the
 * block ends inside alt="…". Whatever follows would be read as part of
 * the attribute, so the image is closed here, whatever md4c says. */
static void
close_unbalanced_image (DlMarkdownHtml *ctx)
{
  if (ctx->image_nesting == 0)
    return;
  ctx->image_nesting = 0;
  if (ctx->image_safe)
    g_string_append (ctx->out, "\">");
  else
    g_string_append (ctx->out, "</span>");
}

static int
leave_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  DlMarkdownHtml *ctx = user_data;
  GString *out = ctx->out;

  ctx->in_word = FALSE;
  ctx->depth--;
  close_unbalanced_image (ctx);

  switch (type)
    {
    case MD_BLOCK_DOC: break;
    case MD_BLOCK_QUOTE: g_string_append (out, "</blockquote>\n"); break;
    case MD_BLOCK_UL: g_string_append (out, "</ul>\n"); break;
    case MD_BLOCK_OL: g_string_append (out, "</ol>\n"); break;
    case MD_BLOCK_LI:
      g_string_append (out, "</li>\n");
      ctx->list_item_depth--;
      break;
    case MD_BLOCK_HR: break;
    case MD_BLOCK_H:
      g_string_append_printf (out, "</h%u>\n", MIN (((MD_BLOCK_H_DETAIL *) detail)->level + 1, 6));
      break;
    case MD_BLOCK_CODE: g_string_append (out, "</code></pre>\n"); break;
    case MD_BLOCK_HTML: g_string_append (out, ctx->wp_blocks ? "</code></pre>\n" : "</pre>\n"); break;
    case MD_BLOCK_P: g_string_append (out, "</p>\n"); break;
    case MD_BLOCK_TABLE: g_string_append (out, "</table>\n"); break;
    case MD_BLOCK_THEAD: g_string_append (out, "</thead>\n"); break;
    case MD_BLOCK_TBODY: g_string_append (out, "</tbody>\n"); break;
    case MD_BLOCK_TR: g_string_append (out, "</tr>\n"); break;
    case MD_BLOCK_TH: g_string_append (out, "</th>\n"); break;
    case MD_BLOCK_TD: g_string_append (out, "</td>\n"); break;
    default: break;
    }
  /* Back in the document: a top-level block ends here (the preview
   * patches the page block by block, dl-renderer.c). */
  if (ctx->block_ends != NULL && ctx->depth == 1 && type != MD_BLOCK_DOC)
    {
      gsize end = out->len;

      g_array_append_val (ctx->block_ends, end);
    }
  if (ctx->wp_blocks)
    close_wp_block (ctx, type);
  return 0;
}

/* The spans that are one element: its opening and closing tags, or NULL. */
static const char *
span_tag (MD_SPANTYPE type,
          gboolean    closing)
{
  switch (type)
    {
    case MD_SPAN_EM: return closing ? "</em>" : "<em>";
    case MD_SPAN_STRONG: return closing ? "</strong>" : "<strong>";
    case MD_SPAN_CODE: return closing ? "</code>" : "<code>";
    case MD_SPAN_DEL: return closing ? "</del>" : "<del>";
    case MD_SPAN_U: return closing ? "</u>" : "<u>";
    case MD_SPAN_A:
    case MD_SPAN_IMG:
    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY:
    case MD_SPAN_WIKILINK:
    default:
      return NULL;
    }
}

/* title="…" of a link or an image, when it has one. */
static void
append_title_attribute (GString            *out,
                        const MD_ATTRIBUTE *title)
{
  g_autofree char *text = NULL;

  if (title->text == NULL || title->size == 0)
    return;
  text = dl_markdown_attribute_to_string (title);
  g_string_append (out, " title=\"");
  dl_html_append_attr (out, text, -1);
  g_string_append_c (out, '"');
}

static int
enter_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  DlMarkdownHtml *ctx = user_data;
  GString *out = ctx->out;
  const char *tag;

  if (type == MD_SPAN_IMG)
    {
      if (ctx->image_nesting++ == 0)
        {
          MD_SPAN_IMG_DETAIL *img = detail;
          g_autofree char *raw = dl_markdown_attribute_to_string (&img->src);
          g_autofree char *local = ctx->local_images != NULL ? dl_body_image_local_path (raw) : NULL;
          g_autofree char *src = NULL;

          /* The preview shows local images through its own scheme, by
           * number, so the page never sees a path or gets file access. */
          if (local != NULL && ctx->local_names != NULL)
            {
              /* Exported: the copy beside the page, by its file name. */
              guint index = dl_body_images_index (ctx->local_images, local);

              if (index < g_strv_length ((char **) ctx->local_names))
                src = g_uri_escape_string (ctx->local_names[index], NULL, TRUE);
            }
          else if (local != NULL)
            src = g_strdup_printf ("%s:///%s/local/%u", DL_RENDER_IMAGE_SCHEME, ctx->article_uuid,
                                   dl_body_images_index (ctx->local_images, local));
          else
            src = dl_html_sanitize_url (raw, -1, ctx->image_kind);

          ctx->image_safe = (src != NULL);
          if (src != NULL)
            {
              g_string_append (out, "<img src=\"");
              dl_html_append_attr (out, src, -1);
              g_string_append (out, "\" alt=\"");
            }
          else
            g_string_append (out, "<span class=\"dl-blocked-image\">");
        }
      return 0;
    }

  /* Inside an image everything is alt text. */
  if (ctx->image_nesting > 0)
    return 0;
  if ((tag = span_tag (type, FALSE)) != NULL)
    {
      g_string_append (out, tag);
      return 0;
    }

  /* Links; math and wiki links (not enabled) write nothing. */
  if (type == MD_SPAN_A)
    {
      MD_SPAN_A_DETAIL *a = detail;
      g_autofree char *raw = dl_markdown_attribute_to_string (&a->href);
      g_autofree char *href = dl_html_sanitize_url (raw, -1, DL_HTML_URL_LINK);
      gboolean opened = (href != NULL);

      /* A refused link keeps its text, marked so the author can see it. */
      if (!opened)
        g_string_append (out, "<span class=\"dl-blocked-link\">");
      else
        {
          g_string_append (out, "<a href=\"");
          dl_html_append_attr (out, href, -1);
          g_string_append_c (out, '"');
          append_title_attribute (out, &a->title);
          g_string_append_c (out, '>');
        }
      g_array_append_val (ctx->links, opened);
    }
  return 0;
}

static int
leave_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  DlMarkdownHtml *ctx = user_data;
  GString *out = ctx->out;
  const char *tag;

  if (type == MD_SPAN_IMG)
    {
      /* md4c 0.4.8 can also leave an image it never entered. */
      if (ctx->image_nesting == 0)
        return 0;
      if (--ctx->image_nesting == 0)
        {
          MD_SPAN_IMG_DETAIL *img = detail;

          if (ctx->image_safe)
            {
              g_string_append_c (out, '"');
              append_title_attribute (out, &img->title);
              g_string_append_c (out, '>');
            }
          else
            g_string_append (out, "</span>");
        }
      return 0;
    }

  if (ctx->image_nesting > 0)
    return 0;
  if ((tag = span_tag (type, TRUE)) != NULL)
    {
      g_string_append (out, tag);
      return 0;
    }

  if (type == MD_SPAN_A && ctx->links->len > 0)
    {
      gboolean opened = g_array_index (ctx->links, gboolean, ctx->links->len - 1);

      g_array_set_size (ctx->links, ctx->links->len - 1);
      g_string_append (out, opened ? "</a>" : "</span>");
    }
  return 0;
}

static int
text_cb (MD_TEXTTYPE    type,
         const MD_CHAR *text,
         MD_SIZE        size,
         void          *user_data)
{
  DlMarkdownHtml *ctx = user_data;
  GString *out = ctx->out;

  switch (type)
    {
    case MD_TEXT_NULLCHAR:
      g_string_append (out, "\xEF\xBF\xBD");
      if (ctx->count)
        dl_markdown_html_count (ctx, "\xEF\xBF\xBD", 3);
      break;
    case MD_TEXT_BR:
      g_string_append (out, ctx->image_nesting > 0 ? " " : "<br>\n");
      if (ctx->count)
        dl_markdown_html_count (ctx, " ", 1);
      break;
    case MD_TEXT_SOFTBR:
      g_string_append_c (out, ctx->image_nesting > 0 ? ' ' : '\n');
      if (ctx->count)
        dl_markdown_html_count (ctx, " ", 1);
      break;
    case MD_TEXT_ENTITY:
      {
        GString *decoded = g_string_new (NULL);

        if (!dl_html_decode_entity (text, size, decoded))
          g_string_append_len (decoded, text, size);
        dl_html_append_attr (out, decoded->str, decoded->len);
        if (ctx->count)
          dl_markdown_html_count (ctx, decoded->str, decoded->len);
        g_string_free (decoded, TRUE);
      }
      break;
    case MD_TEXT_NORMAL:
    case MD_TEXT_CODE:
    case MD_TEXT_HTML:
    case MD_TEXT_LATEXMATH:
    default:
      /* Attribute escaping is a superset of text escaping, so alt text
       * inside <img alt="…"> and plain text share one path. */
      if (ctx->image_nesting > 0)
        dl_html_append_attr (out, text, size);
      else if (ctx->wp_blocks)
        dl_html_append_text_literal (out, text, size);
      else
        dl_html_append_text (out, text, size);
      if (ctx->count)
        dl_markdown_html_count (ctx, text, size);
      break;
    }
  return 0;
}

/**
 * dl_markdown_html_render:
 * @ctx: the options, zeroed but for what is set; on return the counts
 * @markdown: an article body
 * @out: where the HTML goes
 *
 * Every top-level Markdown block becomes exactly one element.
 */
void
dl_markdown_html_render (DlMarkdownHtml *ctx,
                         const char     *markdown,
                         GString        *out)
{
  MD_PARSER parser = {
    0,
    DL_MARKDOWN_FLAGS,
    enter_block_cb,
    leave_block_cb,
    enter_span_cb,
    leave_span_cb,
    text_cb,
    NULL,
    NULL,
  };

  ctx->out = out;
  ctx->depth = 0;
  ctx->list_item_depth = 0;
  ctx->links = g_array_new (FALSE, FALSE, sizeof (gboolean));
  md_parse (markdown, strlen (markdown), &parser, ctx);
  g_array_unref (ctx->links);
  ctx->links = NULL;
}

