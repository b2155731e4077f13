/* dl-renderer.c: an article as the HTML page readers will see
 *
 * The body is Markdown parsed by md4c; instead of md4c-html this file has
 * its own md4c callbacks, so that every element and attribute written is
 * decided here: raw HTML is text, URLs pass an allowlist, and each
 * top-level Markdown block becomes exactly one child of .dl-body (the
 * preview maps the edited paragraph to it). docs/RENDERING.md has the rules.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-renderer"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <md4c.h>

#include "dl-core-resources.h"
#include "dl-credit-lines.h"
#include "dl-dateline.h"
#include "dl-hidden-characters.h"
#include "dl-house-style.h"
#include "dl-html.h"
#include "dl-renderer.h"

#define CORE_RESOURCE_PATH "/io/github/dateline/Dateline/core/"

/* Raw HTML is never interpreted (MD_FLAG_NOHTML): it shows as text. */
#define DL_MARKDOWN_FLAGS (MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS \
                           | MD_FLAG_NOHTML)

/* No script ever; no network except images; styles and fonts only inline
 * or from the template folder. */
#define CSP_PREVIEW \
  "default-src 'none'; img-src " DL_RENDER_IMAGE_SCHEME ": " DL_RENDER_TEMPLATE_SCHEME ": https: http:; " \
  "style-src 'unsafe-inline' " DL_RENDER_TEMPLATE_SCHEME ":; font-src " DL_RENDER_TEMPLATE_SCHEME ":; " \
  "media-src 'none'; script-src 'none'; object-src 'none'; frame-src 'none'; child-src 'none'; " \
  "worker-src 'none'; connect-src 'none'; manifest-src 'none'; form-action 'none'; "
#define CSP_EXPORT \
  "default-src 'none'; img-src 'self' file: https: http:; style-src 'self' 'unsafe-inline'; " \
  "font-src 'self'; media-src 'none'; script-src 'none'; object-src 'none'; frame-src 'none'; " \
  "child-src 'none'; worker-src 'none'; connect-src 'none'; manifest-src 'none'; form-action 'none'; "

typedef enum
{
  SEGMENT_LITERAL,
  SEGMENT_LANG,
  SEGMENT_DIR,
  SEGMENT_TITLE,
  SEGMENT_HEAD,
  SEGMENT_CSS,
  SEGMENT_THEME,
  SEGMENT_ARTICLE,
} SegmentKind;

typedef struct
{
  SegmentKind  kind;
  char        *literal;
} Segment;

struct _DlRenderer
{
  GObject            parent_instance;

  GFile             *template_dir;
  GPtrArray         *template_segments;   /* Segment */
  gboolean           dark;
  DlRenderImageMode  image_mode;
  char              *image_file_name;
  GStrv              local_image_names;   /* export: file names of the body's local images */
  char              *css;                 /* built-in stylesheet for the current theme */
  DlHouseStyle      *house_style;         /* a copy of the newsroom's (or the site's) */
};

G_DEFINE_FINAL_TYPE (DlRenderer, dl_renderer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DARK,
  PROP_IMAGE_MODE,
  PROP_TEMPLATE_DIR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (dl-renderer-error-quark, dl_renderer_error)

static const struct {
  const char  *name;
  SegmentKind  kind;
} placeholders[] = {
  { "lang", SEGMENT_LANG },
  { "dir", SEGMENT_DIR },
  { "title", SEGMENT_TITLE },
  { "head", SEGMENT_HEAD },
  { "css", SEGMENT_CSS },
  { "theme", SEGMENT_THEME },
  { "article", SEGMENT_ARTICLE },
};

static void
segment_free (gpointer data)
{
  Segment *segment = data;

  g_free (segment->literal);
  g_free (segment);
}

static char *
load_resource_text (const char *name)
{
  g_autofree char *path = g_strconcat (CORE_RESOURCE_PATH, name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  /* Looked up in the core's own resource rather than the global
   * namespace: the linker keeps it because this file references it. */
  bytes = g_resource_lookup_data (dl_core_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("Built-in resource %s is missing: %s", path, error->message);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
update_css (DlRenderer *self)
{
  g_autofree char *base = load_resource_text ("article.css");
  g_autofree char *theme = load_resource_text (self->dark ? "dark.css" : "light.css");

  g_free (self->css);
  self->css = g_strconcat (theme, "\n", base, NULL);
}

/* ------------------------------------------------------------------ */
/* Body: md4c callbacks                                                 */
/* ------------------------------------------------------------------ */

typedef struct
{
  GString       *out;
  const char    *dateline;        /* still to be written; NULL once written */
  DlHtmlUrlKind  image_kind;
  const char    *article_uuid;    /* preview: for local image URIs */
  GPtrArray     *local_images;    /* local paths met so far, in order; NULL: none allowed */
  const char * const *local_names; /* export: the copied files' names, same order */
  guint          depth;
  GArray        *links;           /* gboolean: whether an <a> was opened */
  guint          image_nesting;
  gboolean       image_safe;
  gboolean       count;
  guint          chars;
  guint          words;
  gboolean       in_word;
} RenderCtx;

static void
count_text (RenderCtx  *ctx,
            const char *text,
            gsize       size)
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

static char *
attribute_to_string (const MD_ATTRIBUTE *attr)
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
append_dir_auto (GString *out)
{
  g_string_append (out, " dir=\"auto\">");
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

static int
enter_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  RenderCtx *ctx = user_data;
  GString *out = ctx->out;
  gboolean top_level = (ctx->depth == 1);

  ctx->in_word = FALSE;
  ctx->depth++;

  switch (type)
    {
    case MD_BLOCK_DOC:
      break;
    case MD_BLOCK_QUOTE:
      g_string_append (out, "<blockquote>\n");
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
      append_dir_auto (out);
      break;
    case MD_BLOCK_HR:
      g_string_append (out, "<hr>\n");
      break;
    case MD_BLOCK_H:
      {
        /* The headline is the page's only h1: body headings move down one. */
        guint level = MIN (((MD_BLOCK_H_DETAIL *) detail)->level + 1, 6);

        g_string_append_printf (out, "<h%u", level);
        append_dir_auto (out);
      }
      break;
    case MD_BLOCK_CODE:
      {
        MD_BLOCK_CODE_DETAIL *code = detail;

        g_string_append (out, "<pre><code");
        if (code->lang.text != NULL && code->lang.size > 0)
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
      g_string_append (out, "<pre class=\"dl-raw-html\">");
      break;
    case MD_BLOCK_P:
      g_string_append (out, "<p");
      append_dir_auto (out);
      if (top_level && ctx->dateline != NULL)
        {
          g_string_append (out, "<span class=\"dateline\">");
          dl_html_append_text (out, ctx->dateline, -1);
          g_string_append (out, "</span>");
          if (ctx->count)
            count_text (ctx, ctx->dateline, strlen (ctx->dateline));
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
      g_string_append_printf (out, "<th%s>", align_class (((MD_BLOCK_TD_DETAIL *) detail)->align));
      break;
    case MD_BLOCK_TD:
      g_string_append_printf (out, "<td%s>", align_class (((MD_BLOCK_TD_DETAIL *) detail)->align));
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
close_unbalanced_image (RenderCtx *ctx)
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
  RenderCtx *ctx = user_data;
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
    case MD_BLOCK_LI: g_string_append (out, "</li>\n"); break;
    case MD_BLOCK_HR: break;
    case MD_BLOCK_H:
      g_string_append_printf (out, "</h%u>\n", MIN (((MD_BLOCK_H_DETAIL *) detail)->level + 1, 6));
      break;
    case MD_BLOCK_CODE: g_string_append (out, "</code></pre>\n"); break;
    case MD_BLOCK_HTML: g_string_append (out, "</pre>\n"); break;
    case MD_BLOCK_P: g_string_append (out, "</p>\n"); break;
    case MD_BLOCK_TABLE: g_string_append (out, "</table>\n"); break;
    case MD_BLOCK_THEAD: g_string_append (out, "</thead>\n"); break;
    case MD_BLOCK_TBODY: g_string_append (out, "</tbody>\n"); break;
    case MD_BLOCK_TR: g_string_append (out, "</tr>\n"); break;
    case MD_BLOCK_TH: g_string_append (out, "</th>\n"); break;
    case MD_BLOCK_TD: g_string_append (out, "</td>\n"); break;
    default: break;
    }
  return 0;
}

/* A body image that points at a file on this computer: an absolute path
 * or a file: URI without a host. Returns its path, or NULL. */
static char *
local_image_path (const char *src)
{
  if (src == NULL)
    return NULL;
  if (g_str_has_prefix (src, "file://"))
    {
      g_autofree char *hostname = NULL;
      char *path = g_filename_from_uri (src, &hostname, NULL);

      if (path != NULL && hostname != NULL && *hostname != '\0')
        g_clear_pointer (&path, g_free);
      return path;
    }
  if (src[0] == '/' && src[1] != '/')
    return g_strdup (src);
  return NULL;
}

static guint
local_image_index (GPtrArray  *images,
                   const char *path)
{
  for (guint i = 0; i < images->len; i++)
    if (g_str_equal (g_ptr_array_index (images, i), path))
      return i;
  g_ptr_array_add (images, g_strdup (path));
  return images->len - 1;
}

static int
enter_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  RenderCtx *ctx = user_data;
  GString *out = ctx->out;

  if (type == MD_SPAN_IMG)
    {
      if (ctx->image_nesting++ == 0)
        {
          MD_SPAN_IMG_DETAIL *img = detail;
          g_autofree char *raw = attribute_to_string (&img->src);
          g_autofree char *local = ctx->local_images != NULL ? local_image_path (raw) : NULL;
          g_autofree char *src = NULL;

          /* The preview shows local images through its own scheme, by
           * number, so the page never sees a path or gets file access. */
          if (local != NULL && ctx->local_names != NULL)
            {
              /* Exported: the copy beside the page, by its file name. */
              guint index = local_image_index (ctx->local_images, local);

              if (index < g_strv_length ((char **) ctx->local_names))
                src = g_uri_escape_string (ctx->local_names[index], NULL, TRUE);
            }
          else if (local != NULL)
            src = g_strdup_printf ("%s:///%s/local/%u", DL_RENDER_IMAGE_SCHEME, ctx->article_uuid,
                                   local_image_index (ctx->local_images, local));
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

  switch (type)
    {
    case MD_SPAN_EM: g_string_append (out, "<em>"); break;
    case MD_SPAN_STRONG: g_string_append (out, "<strong>"); break;
    case MD_SPAN_CODE: g_string_append (out, "<code>"); break;
    case MD_SPAN_DEL: g_string_append (out, "<del>"); break;
    case MD_SPAN_U: g_string_append (out, "<u>"); break;
    case MD_SPAN_A:
      {
        MD_SPAN_A_DETAIL *a = detail;
        g_autofree char *raw = attribute_to_string (&a->href);
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
            if (a->title.text != NULL && a->title.size > 0)
              {
                g_autofree char *title = attribute_to_string (&a->title);

                g_string_append (out, " title=\"");
                dl_html_append_attr (out, title, -1);
                g_string_append_c (out, '"');
              }
            g_string_append_c (out, '>');
          }
        g_array_append_val (ctx->links, opened);
      }
      break;
    case MD_SPAN_IMG:
    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY:
    case MD_SPAN_WIKILINK:
    default:
      break;
    }
  return 0;
}

static int
leave_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  RenderCtx *ctx = user_data;
  GString *out = ctx->out;

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
              if (img->title.text != NULL && img->title.size > 0)
                {
                  g_autofree char *title = attribute_to_string (&img->title);

                  g_string_append (out, " title=\"");
                  dl_html_append_attr (out, title, -1);
                  g_string_append_c (out, '"');
                }
              g_string_append_c (out, '>');
            }
          else
            g_string_append (out, "</span>");
        }
      return 0;
    }

  if (ctx->image_nesting > 0)
    return 0;

  switch (type)
    {
    case MD_SPAN_EM: g_string_append (out, "</em>"); break;
    case MD_SPAN_STRONG: g_string_append (out, "</strong>"); break;
    case MD_SPAN_CODE: g_string_append (out, "</code>"); break;
    case MD_SPAN_DEL: g_string_append (out, "</del>"); break;
    case MD_SPAN_U: g_string_append (out, "</u>"); break;
    case MD_SPAN_A:
      if (ctx->links->len > 0)
        {
          gboolean opened = g_array_index (ctx->links, gboolean, ctx->links->len - 1);

          g_array_set_size (ctx->links, ctx->links->len - 1);
          g_string_append (out, opened ? "</a>" : "</span>");
        }
      break;
    case MD_SPAN_IMG:
    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY:
    case MD_SPAN_WIKILINK:
    default:
      break;
    }
  return 0;
}

static int
text_cb (MD_TEXTTYPE    type,
         const MD_CHAR *text,
         MD_SIZE        size,
         void          *user_data)
{
  RenderCtx *ctx = user_data;
  GString *out = ctx->out;

  switch (type)
    {
    case MD_TEXT_NULLCHAR:
      g_string_append (out, "\xEF\xBF\xBD");
      if (ctx->count)
        count_text (ctx, "\xEF\xBF\xBD", 3);
      break;
    case MD_TEXT_BR:
      g_string_append (out, ctx->image_nesting > 0 ? " " : "<br>\n");
      if (ctx->count)
        count_text (ctx, " ", 1);
      break;
    case MD_TEXT_SOFTBR:
      g_string_append_c (out, ctx->image_nesting > 0 ? ' ' : '\n');
      if (ctx->count)
        count_text (ctx, " ", 1);
      break;
    case MD_TEXT_ENTITY:
      {
        GString *decoded = g_string_new (NULL);

        if (!dl_html_decode_entity (text, size, decoded))
          g_string_append_len (decoded, text, size);
        dl_html_append_attr (out, decoded->str, decoded->len);
        if (ctx->count)
          count_text (ctx, decoded->str, decoded->len);
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
      else
        dl_html_append_text (out, text, size);
      if (ctx->count)
        count_text (ctx, text, size);
      break;
    }
  return 0;
}

static void
render_markdown (RenderCtx  *ctx,
                 const char *markdown)
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

  ctx->links = g_array_new (FALSE, FALSE, sizeof (gboolean));
  md_parse (markdown, strlen (markdown), &parser, ctx);
  g_array_unref (ctx->links);
  ctx->links = NULL;
}

/* ------------------------------------------------------------------ */
/* Block index mapping                                                 */
/* ------------------------------------------------------------------ */

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
 * dl_renderer_count_blocks:
 *
 * Returns: how many children .dl-body has for @markdown
 */
guint
dl_renderer_count_blocks (const char *markdown)
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
 * dl_renderer_block_index_for_offset:
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
 * Returns: the index, 0 for an empty body
 */
guint
dl_renderer_block_index_for_offset (const char *markdown,
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

/* ------------------------------------------------------------------ */
/* Article parts                                                        */
/* ------------------------------------------------------------------ */

static gboolean
str_empty (const char *str)
{
  return str == NULL || *str == '\0';
}

static char *
sanitized_language (DlArticle *article)
{
  const char *language = dl_article_get_language (article);

  /* BCP 47 only has letters, digits and hyphens; anything else could
   * escape an unquoted attribute in a site template. */
  if (str_empty (language) || strlen (language) > 64)
    return g_strdup ("und");
  for (const char *p = language; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return g_strdup ("und");
  return g_strdelimit (g_strdup (language), "_", '-');
}

static GDateTime *
dup_local_dateline_date (DlArticle *article)
{
  GDateTime *date = dl_article_get_dateline_date (article);
  const char *zone = dl_article_get_time_zone (article);
  g_autoptr(GTimeZone) tz = NULL;

  if (date == NULL)
    return NULL;
  if (!str_empty (zone))
    tz = dl_dateline_time_zone_new (zone, NULL);
  return tz != NULL ? g_date_time_to_timezone (date, tz) : g_date_time_ref (date);
}

/**
 * dl_renderer_dup_image_uri:
 *
 * The URI the page uses for the featured image: in the preview
 * `dateline-image:///<uuid>/featured`, in exports the (percent-encoded)
 * file name beside the page.
 *
 * Returns: (transfer full) (nullable): %NULL when the article has no image
 */
char *
dl_renderer_dup_image_uri (DlRenderer *self,
                           DlArticle  *article)
{
  const char *path;

  g_return_val_if_fail (DL_IS_RENDERER (self), NULL);
  g_return_val_if_fail (DL_IS_ARTICLE (article), NULL);

  path = dl_article_get_image_path (article);
  if (str_empty (path))
    return NULL;

  if (self->image_mode == DL_RENDER_IMAGES_PREVIEW)
    {
      g_autofree char *uuid = g_uri_escape_string (dl_article_get_uuid (article), NULL, TRUE);

      return g_strdup_printf (DL_RENDER_IMAGE_SCHEME ":///%s/featured", uuid);
    }
  else
    {
      g_autofree char *base = str_empty (self->image_file_name) ? g_path_get_basename (path)
                                                                : g_strdup (self->image_file_name);

      /* Every reserved character escaped: a name like "a:b.jpg" must not
       * read as a URL scheme. */
      return g_uri_escape_string (base, NULL, TRUE);
    }
}

/* Text pasted with a bidi override (U+202E makes "gpj.exe" read
 * "exe.jpg") must not reorder anything around it: such text is isolated
 * in <bdi>, and whatever it left open is closed. Plain text goes as it
 * is: its block already ends any embedding. */
static void
append_isolated_text (GString    *out,
                      const char *text)
{
  g_autofree char *closing = dl_hidden_characters_closing (text);
  gboolean reorders = FALSE;

  for (const char *p = text; *p != '\0' && !reorders; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      reorders = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }
  if (!reorders)
    {
      dl_html_append_text (out, text, -1);
      return;
    }
  g_string_append (out, "<bdi>");
  dl_html_append_text (out, text, -1);
  g_string_append (out, closing);
  g_string_append (out, "</bdi>");
}

static void
render_header (DlRenderer *self,
               DlArticle  *article,
               GString    *out)
{
  const char *category = dl_article_get_category (article);
  const char *standfirst = dl_article_get_standfirst (article);
  g_autoptr(GDateTime) local = dup_local_dateline_date (article);
  /* Composed in the article's language by the one credits API that the
   * exports and publishing use too. */
  g_autoptr(GPtrArray) credit_lines = dl_house_style_compose_credit_lines (self->house_style, article, NULL);

  g_string_append (out, "<header class=\"dl-header\">\n");
  if (!str_empty (category) || local != NULL)
    {
      g_string_append (out, "<p class=\"dl-kicker\">");
      if (!str_empty (category))
        {
          g_string_append (out, "<span class=\"dl-category\" dir=\"auto\">");
          dl_html_append_text (out, category, -1);
          g_string_append (out, "</span>");
        }
      if (local != NULL)
        {
          g_autofree char *iso = g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z");
          /* In the article's language, not the user interface's. */
          g_autofree char *shown = dl_dateline_format_timestamp (local, dl_article_get_language (article));

          g_string_append (out, "<time class=\"dl-date\" datetime=\"");
          dl_html_append_attr (out, iso, -1);
          g_string_append (out, "\">");
          dl_html_append_text (out, shown, -1);
          g_string_append (out, "</time>");
        }
      g_string_append (out, "</p>\n");
    }

  g_string_append (out, "<h1 class=\"dl-headline\" dir=\"auto\">");
  append_isolated_text (out, dl_article_get_headline (article));
  g_string_append (out, "</h1>\n");

  if (!str_empty (standfirst))
    {
      g_string_append (out, "<p class=\"dl-standfirst\" dir=\"auto\">");
      append_isolated_text (out, standfirst);
      g_string_append (out, "</p>\n");
    }

  if (credit_lines->len > 0)
    {
      g_string_append (out, "<div class=\"dl-credits\">\n");
      for (guint i = 0; i < credit_lines->len; i++)
        {
          DlCreditLine *line = g_ptr_array_index (credit_lines, i);

          g_string_append (out, line->role == DL_CREDIT_ROLE_AUTHOR
                                ? "<p class=\"dl-byline\" dir=\"auto\">"
                                : "<p class=\"dl-credit-line\" dir=\"auto\">");
          dl_html_append_text (out, line->text, -1);
          g_string_append (out, "</p>\n");
        }
      g_string_append (out, "</div>\n");
    }
  g_string_append (out, "</header>\n");
}

static void
render_featured_image (DlRenderer *self,
                       DlArticle  *article,
                       GString    *out)
{
  g_autofree char *uri = dl_renderer_dup_image_uri (self, article);
  const char *caption = dl_article_get_image_caption (article);
  const char *credit = dl_article_get_image_credit (article);
  const char *alt = dl_article_get_image_alt (article);

  if (uri == NULL)
    return;

  g_string_append (out, "<figure class=\"dl-featured\">\n<img class=\"dl-featured-image\" src=\"");
  dl_html_append_attr (out, uri, -1);
  g_string_append (out, "\" alt=\"");
  dl_html_append_attr (out, alt, -1);
  g_string_append (out, "\">\n");
  if (!str_empty (caption) || !str_empty (credit))
    {
      g_string_append (out, "<figcaption dir=\"auto\">");
      if (!str_empty (caption))
        {
          g_string_append (out, "<span class=\"dl-caption\">");
          dl_html_append_text (out, caption, -1);
          g_string_append (out, "</span>");
        }
      if (!str_empty (caption) && !str_empty (credit))
        g_string_append_c (out, ' ');
      if (!str_empty (credit))
        {
          g_string_append (out, "<span class=\"dl-image-credit\">");
          dl_html_append_text (out, credit, -1);
          g_string_append (out, "</span>");
        }
      g_string_append (out, "</figcaption>\n");
    }
  g_string_append (out, "</figure>\n");
}

static void
render_body_blocks (DlRenderer *self,
                    DlArticle  *article,
                    GString    *out,
                    const char *dateline,
                    RenderCtx  *ctx)
{
  ctx->out = out;
  ctx->dateline = str_empty (dateline) ? NULL : dateline;
  ctx->image_kind = self->image_mode == DL_RENDER_IMAGES_PREVIEW ? DL_HTML_URL_IMAGE_PREVIEW
                                                                  : DL_HTML_URL_IMAGE;
  if (self->image_mode == DL_RENDER_IMAGES_PREVIEW)
    {
      ctx->article_uuid = dl_article_get_uuid (article);
      ctx->local_images = g_ptr_array_new_with_free_func (g_free);
    }
  else if (self->local_image_names != NULL)
    {
      ctx->local_names = (const char * const *) self->local_image_names;
      ctx->local_images = g_ptr_array_new_with_free_func (g_free);
    }
  render_markdown (ctx, dl_article_get_body (article) != NULL ? dl_article_get_body (article) : "");
  g_clear_pointer (&ctx->local_images, g_ptr_array_unref);
}

static void
render_article_into (DlRenderer *self,
                     DlArticle  *article,
                     GString    *out)
{
  g_autofree char *dateline = dl_house_style_compose_dateline (self->house_style, article, NULL);
  const char * const *tags = dl_article_get_tags (article);
  RenderCtx ctx = { 0, };
  gsize body_pos;

  render_header (self, article, out);
  render_featured_image (self, article, out);

  body_pos = out->len;
  g_string_append (out, "<div class=\"dl-body\">\n");
  render_body_blocks (self, article, out, dateline, &ctx);
  g_string_append (out, "</div>\n");

  if (ctx.dateline != NULL)
    {
      /* No paragraph to open: the dateline stands alone, outside
       * .dl-body so that its children still match the Markdown blocks. */
      GString *alone = g_string_new ("<p class=\"dl-dateline-only\" dir=\"auto\"><span class=\"dateline\">");

      dl_html_append_text (alone, dateline, -1);
      g_string_append (alone, "</span></p>\n");
      g_string_insert_len (out, body_pos, alone->str, alone->len);
      g_string_free (alone, TRUE);
    }

  if (tags != NULL && tags[0] != NULL)
    {
      g_string_append (out, "<footer class=\"dl-footer\">\n<ul class=\"dl-tags\" aria-label=\"");
      dl_html_append_attr (out, C_("page", "Tags"), -1);
      g_string_append (out, "\">\n");
      for (guint i = 0; tags[i] != NULL; i++)
        {
          g_string_append (out, "<li class=\"dl-tag\" dir=\"auto\">");
          dl_html_append_text (out, tags[i], -1);
          g_string_append (out, "</li>\n");
        }
      g_string_append (out, "</ul>\n</footer>\n");
    }
}

static gsize
estimate_size (DlArticle *article)
{
  const char *body = dl_article_get_body (article);

  /* Markup and escapes add roughly a fifth to the text. */
  return 4096 + (body != NULL ? strlen (body) * 5 / 4 : 0);
}

static void
append_article_element (DlRenderer *self,
                        DlArticle  *article,
                        GString    *out)
{
  g_autofree char *lang = sanitized_language (article);

  g_string_append (out, "<article id=\"" DL_RENDER_ARTICLE_ELEMENT_ID "\" class=\"dl-article\" lang=\"");
  g_string_append (out, lang);
  g_string_append (out, "\" dir=\"");
  g_string_append (out, dl_html_direction_for_language (lang));
  g_string_append (out, "\">\n");
  render_article_into (self, article, out);
  g_string_append (out, "</article>\n");
}

static void
append_head (DlRenderer *self,
             GString    *out)
{
  gboolean preview = (self->image_mode == DL_RENDER_IMAGES_PREVIEW);
  gboolean base = preview && self->template_segments != NULL;

  g_string_append (out, "<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"");
  g_string_append (out, preview ? CSP_PREVIEW : CSP_EXPORT);
  g_string_append (out, base ? "base-uri " DL_RENDER_TEMPLATE_SCHEME ":\">\n" : "base-uri 'none'\">\n");
  g_string_append (out, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
  g_string_append_printf (out, "<meta name=\"color-scheme\" content=\"%s\">\n", self->dark ? "dark" : "light");
  g_string_append (out, "<meta name=\"generator\" content=\"Dateline\">\n");
  if (base)
    g_string_append (out, "<base href=\"" DL_RENDER_TEMPLATE_BASE "\">\n");
}

/* The browser shows the title outside the page, where nothing can be
 * isolated: hidden and reordering characters are left out. */
static void
append_title (DlArticle *article,
              GString   *out)
{
  g_autofree char *title = dl_article_dup_display_title (article);
  g_autofree char *plain = dl_hidden_characters_remove (title);

  dl_html_append_text (out, plain, -1);
}

/* ------------------------------------------------------------------ */
/* Site templates                                                      */
/* ------------------------------------------------------------------ */

static gboolean
check_head_position (const char  *text,
                     gsize        len,
                     GError     **error)
{
  const char *p = text;
  const char *end = text + len;

  /* The CSP only governs what follows it: nothing that loads or runs may
   * come before {{head}}. */
  while (p < end)
    {
      const char *lt = memchr (p, '<', end - p);
      const char *name;
      gsize name_len;

      if (lt == NULL)
        break;
      if (end - lt >= 4 && strncmp (lt, "<!--", 4) == 0)
        {
          const char *close = g_strstr_len (lt + 4, end - lt - 4, "-->");

          p = close != NULL ? close + 3 : end;
          continue;
        }
      name = lt + 1;
      if (name < end && *name == '!')
        {
          p = name;
          continue;   /* <!DOCTYPE html> */
        }
      name_len = 0;
      while (name + name_len < end && g_ascii_isalpha (name[name_len]))
        name_len++;
      if (!((name_len == 4 && g_ascii_strncasecmp (name, "html", 4) == 0)
            || (name_len == 4 && g_ascii_strncasecmp (name, "head", 4) == 0)))
        {
          g_set_error (error, DL_RENDERER_ERROR, DL_RENDERER_ERROR_TEMPLATE_INVALID,
                       _("In the site template, {{head}} must come right after <head>, before any other element."));
          return FALSE;
        }
      p = name;
    }
  return TRUE;
}

static GPtrArray *
parse_template (const char  *text,
                gsize        len,
                GError     **error)
{
  g_autoptr(GPtrArray) segments = g_ptr_array_new_with_free_func (segment_free);
  const char *p = text;
  const char *end = text + len;
  guint n_head = 0;
  guint n_article = 0;

  if (!g_utf8_validate (text, len, NULL))
    {
      g_set_error (error, DL_RENDERER_ERROR, DL_RENDERER_ERROR_TEMPLATE_INVALID,
                   _("The site template is not UTF-8 text."));
      return NULL;
    }

  while (p < end)
    {
      const char *open = g_strstr_len (p, end - p, "{{");
      const char *close;
      g_autofree char *name = NULL;
      Segment *segment;
      gboolean known = FALSE;

      if (open == NULL)
        open = end;
      if (open > p)
        {
          segment = g_new0 (Segment, 1);
          segment->kind = SEGMENT_LITERAL;
          segment->literal = g_strndup (p, open - p);
          g_ptr_array_add (segments, segment);
        }
      if (open == end)
        break;

      close = g_strstr_len (open + 2, end - open - 2, "}}");
      if (close == NULL)
        {
          g_set_error (error, DL_RENDERER_ERROR, DL_RENDERER_ERROR_TEMPLATE_INVALID,
                       _("The site template has a “{{” without a closing “}}”."));
          return NULL;
        }
      name = g_strstrip (g_strndup (open + 2, close - open - 2));
      segment = g_new0 (Segment, 1);
      for (guint i = 0; i < G_N_ELEMENTS (placeholders); i++)
        {
          if (g_str_equal (name, placeholders[i].name))
            {
              segment->kind = placeholders[i].kind;
              known = TRUE;
            }
        }
      if (!known)
        {
          g_free (segment);
          g_set_error (error, DL_RENDERER_ERROR, DL_RENDERER_ERROR_TEMPLATE_INVALID,
                       _("The site template uses an unknown placeholder “{{%s}}”."), name);
          return NULL;
        }
      if (segment->kind == SEGMENT_HEAD)
        {
          if (n_head == 0 && !check_head_position (text, open - text, error))
            {
              g_free (segment);
              return NULL;
            }
          n_head++;
        }
      if (segment->kind == SEGMENT_ARTICLE)
        n_article++;
      g_ptr_array_add (segments, segment);
      p = close + 2;
    }

  if (n_article != 1)
    {
      g_set_error (error, DL_RENDERER_ERROR, DL_RENDERER_ERROR_TEMPLATE_INVALID,
                   n_article == 0 ? _("The site template has no {{article}} placeholder, so the article would not appear.")
                                  : _("The site template has {{article}} more than once."));
      return NULL;
    }
  if (n_head != 1)
    {
      g_set_error (error, DL_RENDERER_ERROR, DL_RENDERER_ERROR_TEMPLATE_INVALID,
                   n_head == 0 ? _("The site template has no {{head}} placeholder inside <head>; it carries the security policy.")
                               : _("The site template has {{head}} more than once."));
      return NULL;
    }
  return g_steal_pointer (&segments);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */
/* ------------------------------------------------------------------ */

static void
dl_renderer_finalize (GObject *object)
{
  DlRenderer *self = DL_RENDERER (object);

  g_clear_object (&self->template_dir);
  g_clear_pointer (&self->template_segments, g_ptr_array_unref);
  g_clear_pointer (&self->image_file_name, g_free);
  g_clear_pointer (&self->local_image_names, g_strfreev);
  g_clear_pointer (&self->css, g_free);
  g_clear_object (&self->house_style);

  G_OBJECT_CLASS (dl_renderer_parent_class)->finalize (object);
}

static void
dl_renderer_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DlRenderer *self = DL_RENDERER (object);

  switch (prop_id)
    {
    case PROP_DARK:
      g_value_set_boolean (value, self->dark);
      break;
    case PROP_IMAGE_MODE:
      g_value_set_uint (value, self->image_mode);
      break;
    case PROP_TEMPLATE_DIR:
      g_value_set_object (value, self->template_dir);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_renderer_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  DlRenderer *self = DL_RENDERER (object);

  switch (prop_id)
    {
    case PROP_DARK:
      dl_renderer_set_dark (self, g_value_get_boolean (value));
      break;
    case PROP_IMAGE_MODE:
      dl_renderer_set_image_mode (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_renderer_class_init (DlRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dl_renderer_finalize;
  object_class->get_property = dl_renderer_get_property;
  object_class->set_property = dl_renderer_set_property;

  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IMAGE_MODE] =
    g_param_spec_uint ("image-mode", NULL, NULL,
                       DL_RENDER_IMAGES_FILE_NAME, DL_RENDER_IMAGES_PREVIEW, DL_RENDER_IMAGES_FILE_NAME,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEMPLATE_DIR] =
    g_param_spec_object ("template-dir", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dl_renderer_init (DlRenderer *self)
{
  self->image_mode = DL_RENDER_IMAGES_FILE_NAME;
  update_css (self);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

/**
 * dl_renderer_new:
 *
 * A renderer with the built-in light look, exporting image file names.
 */
DlRenderer *
dl_renderer_new (void)
{
  return g_object_new (DL_TYPE_RENDERER, NULL);
}

/**
 * dl_renderer_set_house_style:
 * @house_style: (nullable): how datelines and credit lines are written;
 *   %NULL for the built-in style
 *
 * The renderer keeps a copy: a later change to @house_style (in
 * Preferences) needs another call.
 */
void
dl_renderer_set_house_style (DlRenderer   *self,
                             DlHouseStyle *house_style)
{
  g_return_if_fail (DL_IS_RENDERER (self));
  g_return_if_fail (house_style == NULL || DL_IS_HOUSE_STYLE (house_style));

  g_clear_object (&self->house_style);
  if (house_style != NULL)
    self->house_style = dl_house_style_copy (house_style);
}

/**
 * dl_renderer_get_house_style:
 *
 * Returns: (transfer none) (nullable): the renderer's copy of the house style
 */
DlHouseStyle *
dl_renderer_get_house_style (DlRenderer *self)
{
  g_return_val_if_fail (DL_IS_RENDERER (self), NULL);
  return self->house_style;
}

/**
 * dl_renderer_copy:
 *
 * A renderer with the same settings and template, for rendering in a
 * worker thread while the original stays with the user interface.
 *
 * Returns: (transfer full): a new renderer
 */
DlRenderer *
dl_renderer_copy (DlRenderer *self)
{
  DlRenderer *copy;

  g_return_val_if_fail (DL_IS_RENDERER (self), NULL);

  copy = dl_renderer_new ();
  copy->dark = self->dark;
  copy->image_mode = self->image_mode;
  copy->image_file_name = g_strdup (self->image_file_name);
  copy->local_image_names = g_strdupv (self->local_image_names);
  /* Already a snapshot, never changed in place: sharing is safe. */
  g_set_object (&copy->house_style, self->house_style);
  update_css (copy);
  if (self->template_dir != NULL)
    {
      /* Parsed segments never change after parsing: sharing is safe. */
      copy->template_dir = g_object_ref (self->template_dir);
      copy->template_segments = g_ptr_array_ref (self->template_segments);
    }
  return copy;
}

/**
 * dl_renderer_set_template_dir:
 * @template_dir: (nullable): a folder holding template.html, or %NULL for
 *   the built-in look
 *
 * Reads and checks the folder's template.html (a small local file, read
 * synchronously). On error the previous template stays in use.
 *
 * Returns: %TRUE if the template is usable
 */
gboolean
dl_renderer_set_template_dir (DlRenderer  *self,
                              GFile       *template_dir,
                              GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  gsize len = 0;

  g_return_val_if_fail (DL_IS_RENDERER (self), FALSE);
  g_return_val_if_fail (template_dir == NULL || G_IS_FILE (template_dir), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (template_dir == NULL)
    {
      g_clear_pointer (&self->template_segments, g_ptr_array_unref);
      if (self->template_dir != NULL)
        {
          g_clear_object (&self->template_dir);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE_DIR]);
        }
      return TRUE;
    }

  file = g_file_get_child (template_dir, DL_RENDER_TEMPLATE_FILE);
  if (!g_file_load_contents (file, NULL, &contents, &len, NULL, &local_error))
    {
      g_autofree char *where = g_file_get_parse_name (template_dir);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, DL_RENDERER_ERROR, DL_RENDERER_ERROR_TEMPLATE_MISSING,
                     _("The folder “%s” is not a site template: it has no template.html."), where);
      else
        g_set_error (error, DL_RENDERER_ERROR, DL_RENDERER_ERROR_TEMPLATE_MISSING,
                     _("Could not read the site template in “%s”: %s"), where, local_error->message);
      return FALSE;
    }

  segments = parse_template (contents, len, error);
  if (segments == NULL)
    return FALSE;

  g_clear_pointer (&self->template_segments, g_ptr_array_unref);
  self->template_segments = g_steal_pointer (&segments);
  g_set_object (&self->template_dir, template_dir);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE_DIR]);
  return TRUE;
}

/**
 * dl_renderer_get_template_dir:
 *
 * Returns: (transfer none) (nullable): the site template folder in use
 */
GFile *
dl_renderer_get_template_dir (DlRenderer *self)
{
  g_return_val_if_fail (DL_IS_RENDERER (self), NULL);

  return self->template_dir;
}

void
dl_renderer_set_dark (DlRenderer *self,
                      gboolean    dark)
{
  g_return_if_fail (DL_IS_RENDERER (self));

  dark = !!dark;
  if (self->dark == dark)
    return;
  self->dark = dark;
  update_css (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
}

gboolean
dl_renderer_get_dark (DlRenderer *self)
{
  g_return_val_if_fail (DL_IS_RENDERER (self), FALSE);

  return self->dark;
}

void
dl_renderer_set_image_mode (DlRenderer        *self,
                            DlRenderImageMode  mode)
{
  g_return_if_fail (DL_IS_RENDERER (self));
  g_return_if_fail (mode == DL_RENDER_IMAGES_FILE_NAME || mode == DL_RENDER_IMAGES_PREVIEW);

  if (self->image_mode == mode)
    return;
  self->image_mode = mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMAGE_MODE]);
}

DlRenderImageMode
dl_renderer_get_image_mode (DlRenderer *self)
{
  g_return_val_if_fail (DL_IS_RENDERER (self), DL_RENDER_IMAGES_FILE_NAME);

  return self->image_mode;
}

void
dl_renderer_set_image_file_name (DlRenderer *self,
                                 const char *file_name)
{
  g_return_if_fail (DL_IS_RENDERER (self));

  g_free (self->image_file_name);
  self->image_file_name = g_strdup (file_name);
}

/**
 * dl_renderer_render_page:
 *
 * The complete page, in the built-in look or the site template.
 *
 * Returns: (transfer full): UTF-8 HTML
 */
char *
dl_renderer_render_page (DlRenderer *self,
                         DlArticle  *article)
{
  GString *out;
  g_autofree char *lang = NULL;

  g_return_val_if_fail (DL_IS_RENDERER (self), NULL);
  g_return_val_if_fail (DL_IS_ARTICLE (article), NULL);

  out = g_string_sized_new (estimate_size (article) + strlen (self->css));
  lang = sanitized_language (article);

  if (self->template_segments == NULL)
    {
      g_string_append (out, "<!DOCTYPE html>\n<html lang=\"");
      g_string_append (out, lang);
      g_string_append (out, "\" dir=\"");
      g_string_append (out, dl_html_direction_for_language (lang));
      g_string_append_printf (out, "\" class=\"dl-theme-%s\">\n<head>\n", self->dark ? "dark" : "light");
      append_head (self, out);
      g_string_append (out, "<title>");
      append_title (article, out);
      g_string_append (out, "</title>\n<style>\n");
      g_string_append (out, self->css);
      g_string_append (out, "</style>\n</head>\n<body>\n<main class=\"dl-page\">\n");
      append_article_element (self, article, out);
      g_string_append (out, "</main>\n</body>\n</html>\n");
      return g_string_free (out, FALSE);
    }

  for (guint i = 0; i < self->template_segments->len; i++)
    {
      Segment *segment = g_ptr_array_index (self->template_segments, i);

      switch (segment->kind)
        {
        case SEGMENT_LITERAL: g_string_append (out, segment->literal); break;
        case SEGMENT_LANG: g_string_append (out, lang); break;
        case SEGMENT_DIR: g_string_append (out, dl_html_direction_for_language (lang)); break;
        case SEGMENT_TITLE: append_title (article, out); break;
        case SEGMENT_HEAD: append_head (self, out); break;
        case SEGMENT_CSS: g_string_append (out, self->css); break;
        case SEGMENT_THEME: g_string_append (out, self->dark ? "dark" : "light"); break;
        case SEGMENT_ARTICLE: append_article_element (self, article, out); break;
        default: g_assert_not_reached ();
        }
    }
  return g_string_free (out, FALSE);
}

/**
 * dl_renderer_render_article:
 *
 * What goes inside the element with id DL_RENDER_ARTICLE_ELEMENT_ID, for
 * replacing its content in a loaded page.
 *
 * Returns: (transfer full): UTF-8 HTML
 */
char *
dl_renderer_render_article (DlRenderer *self,
                            DlArticle  *article)
{
  GString *out;

  g_return_val_if_fail (DL_IS_RENDERER (self), NULL);
  g_return_val_if_fail (DL_IS_ARTICLE (article), NULL);

  out = g_string_sized_new (estimate_size (article));
  render_article_into (self, article, out);
  return g_string_free (out, FALSE);
}

/**
 * dl_renderer_render_body:
 * @char_count: (out) (optional): characters of visible text
 * @word_count: (out) (optional): words of visible text
 *
 * Returns: (transfer full): the body's blocks with the dateline in the
 *   first paragraph (or a paragraph of its own if there is none)
 */
char *
dl_renderer_render_body (DlRenderer *self,
                         DlArticle  *article,
                         guint      *char_count,
                         guint      *word_count)
{
  g_autofree char *dateline = NULL;
  RenderCtx ctx = { 0, };
  GString *out;

  g_return_val_if_fail (DL_IS_RENDERER (self), NULL);
  g_return_val_if_fail (DL_IS_ARTICLE (article), NULL);

  dateline = dl_house_style_compose_dateline (self->house_style, article, NULL);
  out = g_string_sized_new (estimate_size (article));
  ctx.count = (char_count != NULL || word_count != NULL);
  render_body_blocks (self, article, out, dateline, &ctx);
  if (ctx.dateline != NULL)
    {
      GString *alone = g_string_new ("<p dir=\"auto\"><span class=\"dateline\">");

      dl_html_append_text (alone, dateline, -1);
      g_string_append (alone, "</span></p>\n");
      g_string_prepend (out, alone->str);
      g_string_free (alone, TRUE);
      if (ctx.count)
        count_text (&ctx, dateline, strlen (dateline));
    }

  if (char_count != NULL)
    *char_count = ctx.chars;
  if (word_count != NULL)
    *word_count = ctx.words;
  return g_string_free (out, FALSE);
}

static int
collect_block_cb (MD_BLOCKTYPE type,
                  void        *detail,
                  void        *user_data)
{
  return 0;
}

static int
collect_span_cb (MD_SPANTYPE  type,
                 void        *detail,
                 void        *user_data)
{
  return 0;
}

static int
collect_text_cb (MD_TEXTTYPE    type,
                 const MD_CHAR *text,
                 MD_SIZE        size,
                 void          *user_data)
{
  return 0;
}

static int
collect_image_cb (MD_SPANTYPE  type,
                  void        *detail,
                  void        *user_data)
{
  if (type == MD_SPAN_IMG)
    {
      g_autofree char *raw = attribute_to_string (&((MD_SPAN_IMG_DETAIL *) detail)->src);
      g_autofree char *path = local_image_path (raw);

      if (path != NULL)
        local_image_index (user_data, path);
    }
  return 0;
}

/**
 * dl_renderer_dup_local_images:
 * @markdown: an article body
 *
 * The local image files the body shows (absolute paths and file: URIs),
 * each once, numbered in the order the preview's `dateline-image:///<uuid>/local/<n>`
 * addresses use. The preview serves only these.
 *
 * Returns: (transfer full): a %NULL-terminated array, possibly empty
 */
char **
dl_renderer_dup_local_images (const char *markdown)
{
  g_autoptr(GPtrArray) images = g_ptr_array_new_with_free_func (g_free);
  /* The same flags as rendering, so both see the same images. */
  MD_PARSER parser = {
    0,
    DL_MARKDOWN_FLAGS,
    collect_block_cb,
    collect_block_cb,
    collect_image_cb,
    collect_span_cb,
    collect_text_cb,
    NULL,
    NULL,
  };

  /* Every image, inline or by reference, starts with "![": most bodies
   * have none and need no second parse. */
  if (markdown != NULL && strstr (markdown, "![") != NULL)
    md_parse (markdown, strlen (markdown), &parser, images);
  g_ptr_array_add (images, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&images), FALSE);
}

/**
 * dl_renderer_set_local_image_names:
 * @names: (nullable): for %DL_RENDER_IMAGES_FILE_NAME, the file names the
 *   body's local images were copied to, in dl_renderer_dup_local_images()
 *   order; %NULL leaves local images out
 *
 * Used by the HTML export, which copies the images beside the page.
 */
void
dl_renderer_set_local_image_names (DlRenderer         *self,
                                   const char * const *names)
{
  g_return_if_fail (DL_IS_RENDERER (self));

  g_strfreev (self->local_image_names);
  self->local_image_names = g_strdupv ((char **) names);
}
