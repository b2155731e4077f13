/* dl-renderer.c: an article as the HTML page readers will see
 *
 * The page: the security policy, the built-in look or the site template
 * (dl-site-template.c), the header (kicker, headline, standfirst, credit
 * lines), the featured image, the body (dl-markdown-html.c, with the
 * dateline opening its first paragraph) and the tags. The same renderer
 * writes the preview, the HTML export and what a CMS receives, in
 * whatever house style it is given. docs/RENDERING.md has the rules.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-renderer"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dl-core-resources.h"
#include "dl-credit-lines.h"
#include "dl-dateline.h"
#include "dl-hidden-characters.h"
#include "dl-house-style.h"
#include "dl-html.h"
#include "dl-markdown-html.h"
#include "dl-renderer.h"
#include "dl-site-template.h"

#define CORE_RESOURCE_PATH "/io/github/dateline/Dateline/core/"

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

struct _DlRenderer
{
  GObject            parent_instance;

  GFile             *template_dir;
  GPtrArray         *template_parts;      /* DlTemplatePart */
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

/* @photo_in_figure: the photo credit is printed under the featured
 * image instead (render_featured_image()) */
static void
render_header (DlRenderer *self,
               DlArticle  *article,
               GPtrArray  *credit_lines,
               gboolean    photo_in_figure,
               GString    *out)
{
  const char *category = dl_article_get_category (article);
  const char *standfirst = dl_article_get_standfirst (article);
  g_autoptr(GDateTime) local = dup_local_dateline_date (article);
  guint n_lines = 0;

  for (guint i = 0; i < credit_lines->len; i++)
    if (!photo_in_figure || ((DlCreditLine *) g_ptr_array_index (credit_lines, i))->role != DL_CREDIT_ROLE_PHOTO)
      n_lines++;

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

  if (n_lines > 0)
    {
      g_string_append (out, "<div class=\"dl-credits\">\n");
      for (guint i = 0; i < credit_lines->len; i++)
        {
          DlCreditLine *line = g_ptr_array_index (credit_lines, i);

          if (photo_in_figure && line->role == DL_CREDIT_ROLE_PHOTO)
            continue;
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

static gboolean
folded_contains (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded_haystack = g_utf8_casefold (haystack, -1);
  g_autofree char *folded_needle = g_utf8_casefold (needle, -1);

  return strstr (folded_haystack, g_strstrip (folded_needle)) != NULL;
}

/* The line under the picture that says whose it is, as news sites print
 * it: the image's own credit field as "Photo: BelCCI", in the article's
 * language, else the photo credits of the credits list ("Photo courtesy
 * of the BelCCI"); NULL when the caption already says it, so that a
 * credit is never printed twice. */
static char *
dup_figure_credit (DlRenderer *self,
                   DlArticle  *article,
                   GPtrArray  *credit_lines)
{
  const char *caption = dl_article_get_image_caption (article);
  const char *credit = dl_article_get_image_credit (article);
  const char *line = dl_credit_lines_find (credit_lines, DL_CREDIT_ROLE_PHOTO);
  g_autofree char *composed = NULL;

  if (!str_empty (credit))
    {
      g_autoptr(GListStore) credits = g_list_store_new (DL_TYPE_CREDIT);
      g_autoptr(DlCredit) photo = dl_credit_new (DL_CREDIT_ROLE_PHOTO, credit, NULL);
      g_autoptr(GPtrArray) lines = NULL;

      g_list_store_append (credits, photo);
      lines = dl_credit_lines_compose (G_LIST_MODEL (credits), dl_article_get_language (article), NULL);
      composed = g_strdup (dl_credit_lines_find (lines, DL_CREDIT_ROLE_PHOTO));
      line = composed;
    }
  if (str_empty (line))
    return NULL;
  if (!str_empty (caption)
      && (folded_contains (caption, line) || (!str_empty (credit) && folded_contains (caption, credit))))
    return NULL;
  return g_strdup (line);
}

static void
render_featured_image (DlRenderer *self,
                       DlArticle  *article,
                       const char *uri,
                       GPtrArray  *credit_lines,
                       GString    *out)
{
  const char *caption = dl_article_get_image_caption (article);
  const char *alt = dl_article_get_image_alt (article);
  g_autofree char *credit = NULL;

  if (uri == NULL)
    return;
  credit = dup_figure_credit (self, article, credit_lines);

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
      /* A line of its own (article.css), not run on into the caption. */
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
                    DlMarkdownHtml  *ctx)
{
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
  dl_markdown_html_render (ctx, dl_article_get_body (article) != NULL ? dl_article_get_body (article) : "", out);
  g_clear_pointer (&ctx->local_images, g_ptr_array_unref);
}

/* @bounds (nullable): filled with where the body's top-level blocks are
 * in @out: the first block's start, then each block's end. */
static void
render_article_into (DlRenderer *self,
                     DlArticle  *article,
                     GString    *out,
                     GArray     *bounds)
{
  g_autofree char *dateline = dl_house_style_compose_dateline (self->house_style, article, NULL);
  const char * const *tags = dl_article_get_tags (article);
  DlMarkdownHtml ctx = { 0, };
  gsize body_pos;

  /* Composed in the article's language by the one credits API that the
   * exports and publishing use too. */
  g_autoptr(GPtrArray) credit_lines = dl_house_style_compose_credit_lines (self->house_style, article, NULL);
  g_autofree char *image_uri = dl_renderer_dup_image_uri (self, article);
  const char *photo_line = dl_credit_lines_find (credit_lines, DL_CREDIT_ROLE_PHOTO);
  const char *caption = dl_article_get_image_caption (article);
  const char *image_credit = dl_article_get_image_credit (article);
  /* The header's photo credit goes under the picture when it is the
   * picture's (no credit of its own), or is already said there. */
  gboolean photo_in_figure = image_uri != NULL && photo_line != NULL
    && (str_empty (image_credit)
        || (!str_empty (caption) && folded_contains (caption, photo_line))
        || folded_contains (photo_line, image_credit));

  render_header (self, article, credit_lines, photo_in_figure, out);
  render_featured_image (self, article, image_uri, credit_lines, out);

  body_pos = out->len;
  g_string_append (out, "<div class=\"dl-body\">\n");
  if (bounds != NULL)
    {
      gsize start = out->len;

      g_array_set_size (bounds, 0);
      g_array_append_val (bounds, start);
      ctx.block_ends = bounds;
    }
  render_body_blocks (self, article, out, dateline, &ctx);
  ctx.block_ends = NULL;
  g_string_append (out, "</div>\n");

  if (ctx.dateline != NULL)
    {
      /* No paragraph to open: the dateline stands alone, outside
       * .dl-body so that its children still match the Markdown blocks. */
      GString *alone = g_string_new ("<p class=\"dl-dateline-only\" dir=\"auto\"><span class=\"dateline\">");

      dl_html_append_text (alone, dateline, -1);
      g_string_append (alone, "</span></p>\n");
      g_string_insert_len (out, body_pos, alone->str, alone->len);
      for (guint i = 0; bounds != NULL && i < bounds->len; i++)
        g_array_index (bounds, gsize, i) += alone->len;
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

/* @inner (nullable): also gets the element's content, with @bounds as
 * render_article_into() gives them, for a caller that needs both the
 * page and the article (the preview loading a page it will patch). */
static void
append_article_element (DlRenderer *self,
                        DlArticle  *article,
                        GString    *out,
                        GString    *inner,
                        GArray     *bounds)
{
  g_autofree char *lang = sanitized_language (article);

  g_string_append (out, "<article id=\"" DL_RENDER_ARTICLE_ELEMENT_ID "\" class=\"dl-article\" lang=\"");
  g_string_append (out, lang);
  g_string_append (out, "\" dir=\"");
  g_string_append (out, dl_html_direction_for_language (lang));
  g_string_append (out, "\">\n");
  if (inner != NULL)
    {
      render_article_into (self, article, inner, bounds);
      g_string_append_len (out, inner->str, inner->len);
    }
  else
    render_article_into (self, article, out, NULL);
  g_string_append (out, "</article>\n");
}

static void
append_head (DlRenderer *self,
             GString    *out)
{
  gboolean preview = (self->image_mode == DL_RENDER_IMAGES_PREVIEW);
  gboolean base = preview && self->template_parts != NULL;

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
/* GObject                                                             */
/* ------------------------------------------------------------------ */

static void
dl_renderer_finalize (GObject *object)
{
  DlRenderer *self = DL_RENDERER (object);

  g_clear_object (&self->template_dir);
  g_clear_pointer (&self->template_parts, g_ptr_array_unref);
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
      copy->template_parts = g_ptr_array_ref (self->template_parts);
    }
  return copy;
}

/**
 * dl_renderer_set_template_dir:
 * @template_dir: (nullable): a folder holding template.html, or %NULL for
 *   the built-in look
 *
 * Reads and checks the folder's template.html (dl_site_template_load():
 * file I/O, so call it from a worker). On error the previous template
 * stays in use.
 *
 * Returns: %TRUE if the template is usable
 */
gboolean
dl_renderer_set_template_dir (DlRenderer  *self,
                              GFile       *template_dir,
                              GError     **error)
{
  g_autoptr(GPtrArray) segments = NULL;

  g_return_val_if_fail (DL_IS_RENDERER (self), FALSE);
  g_return_val_if_fail (template_dir == NULL || G_IS_FILE (template_dir), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (template_dir == NULL)
    {
      g_clear_pointer (&self->template_parts, g_ptr_array_unref);
      if (self->template_dir != NULL)
        {
          g_clear_object (&self->template_dir);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE_DIR]);
        }
      return TRUE;
    }

  segments = dl_site_template_load (template_dir, error);
  if (segments == NULL)
    return FALSE;

  g_clear_pointer (&self->template_parts, g_ptr_array_unref);
  self->template_parts = g_steal_pointer (&segments);
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

/* The page; with @inner, the article's content too (see
 * append_article_element()). */
static char *
render_page (DlRenderer *self,
             DlArticle  *article,
             GString    *inner,
             GArray     *bounds)
{
  GString *out;
  g_autofree char *lang = NULL;

  out = g_string_sized_new (estimate_size (article) + strlen (self->css));
  lang = sanitized_language (article);

  if (self->template_parts == NULL)
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
      append_article_element (self, article, out, inner, bounds);
      g_string_append (out, "</main>\n</body>\n</html>\n");
      return g_string_free (out, FALSE);
    }

  for (guint i = 0; i < self->template_parts->len; i++)
    {
      DlTemplatePart *part = g_ptr_array_index (self->template_parts, i);

      switch (part->kind)
        {
        case DL_TEMPLATE_LITERAL: g_string_append (out, part->literal); break;
        case DL_TEMPLATE_LANG: g_string_append (out, lang); break;
        case DL_TEMPLATE_DIR: g_string_append (out, dl_html_direction_for_language (lang)); break;
        case DL_TEMPLATE_TITLE: append_title (article, out); break;
        case DL_TEMPLATE_HEAD: append_head (self, out); break;
        case DL_TEMPLATE_CSS: g_string_append (out, self->css); break;
        case DL_TEMPLATE_THEME: g_string_append (out, self->dark ? "dark" : "light"); break;
        case DL_TEMPLATE_ARTICLE: append_article_element (self, article, out, inner, bounds); break;
        default: g_assert_not_reached ();
        }
    }
  return g_string_free (out, FALSE);
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
  g_return_val_if_fail (DL_IS_RENDERER (self), NULL);
  g_return_val_if_fail (DL_IS_ARTICLE (article), NULL);

  return render_page (self, article, NULL, NULL);
}

/**
 * dl_renderer_render_page_blocks:
 * @article_html: (out) (transfer full): the article element's content,
 *   as dl_renderer_render_article_blocks() gives it
 * @bounds: (out) (transfer full): its blocks' bounds, likewise
 *
 * dl_renderer_render_page() and the article in it with its blocks, from
 * one rendering: the preview loads the page and patches it afterwards.
 *
 * Returns: (transfer full): UTF-8 HTML of the page
 */
char *
dl_renderer_render_page_blocks (DlRenderer  *self,
                                DlArticle   *article,
                                char       **article_html,
                                GArray     **bounds)
{
  GString *inner;
  char *page;

  g_return_val_if_fail (DL_IS_RENDERER (self), NULL);
  g_return_val_if_fail (DL_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (article_html != NULL && bounds != NULL, NULL);

  inner = g_string_sized_new (estimate_size (article));
  *bounds = g_array_new (FALSE, FALSE, sizeof (gsize));
  page = render_page (self, article, inner, *bounds);
  *article_html = g_string_free (inner, FALSE);
  return page;
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
  render_article_into (self, article, out, NULL);
  return g_string_free (out, FALSE);
}

/**
 * dl_renderer_render_article_blocks:
 * @bounds: (out) (transfer full): where the body's top-level blocks are
 *   in the result (gsize offsets): the first block's start, then each
 *   block's end; block i is [bounds[i], bounds[i + 1]), one element and
 *   the newline after it
 *
 * dl_renderer_render_article(), and where each block of the body is in
 * it, so that a page can be patched block by block (the preview).
 *
 * Returns: (transfer full): UTF-8 HTML, as dl_renderer_render_article()
 */
char *
dl_renderer_render_article_blocks (DlRenderer  *self,
                                   DlArticle   *article,
                                   GArray     **bounds)
{
  GString *out;

  g_return_val_if_fail (DL_IS_RENDERER (self), NULL);
  g_return_val_if_fail (DL_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (bounds != NULL, NULL);

  out = g_string_sized_new (estimate_size (article));
  *bounds = g_array_new (FALSE, FALSE, sizeof (gsize));
  render_article_into (self, article, out, *bounds);
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
  DlMarkdownHtml ctx = { 0, };
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
        dl_markdown_html_count (&ctx, dateline, strlen (dateline));
    }

  if (char_count != NULL)
    *char_count = ctx.chars;
  if (word_count != NULL)
    *word_count = ctx.words;
  return g_string_free (out, FALSE);
}

static void
append_wp_paragraph (GString    *out,
                     const char *class_name,
                     const char *html)
{
  if (class_name != NULL)
    g_string_append_printf (out, "<!-- wp:paragraph {\"className\":\"%s\"} -->\n<p class=\"%s\">",
                            class_name, class_name);
  else
    g_string_append (out, "<!-- wp:paragraph -->\n<p>");
  g_string_append (out, html);
  g_string_append (out, "</p>\n<!-- /wp:paragraph -->\n\n");
}

/**
 * dl_renderer_render_blocks:
 *
 * The article's content as WordPress block markup (docs/PUBLISHING.md):
 * the credit lines as paragraphs (the photo credit is left to the
 * featured image's caption when it goes there on the page), then the
 * body's blocks with the composed dateline opening the first paragraph,
 * exactly as the preview has it. Headline, standfirst and the featured
 * image are fields of their own on the post.
 *
 * Returns: (transfer full): the block markup
 */
char *
dl_renderer_render_blocks (DlRenderer *self,
                           DlArticle  *article)
{
  g_autofree char *dateline = NULL;
  g_autoptr(GPtrArray) credit_lines = NULL;
  g_autofree char *figure_credit = NULL;
  DlMarkdownHtml ctx = { 0, };
  GString *out;
  gsize body_pos;

  g_return_val_if_fail (DL_IS_RENDERER (self), NULL);
  g_return_val_if_fail (DL_IS_ARTICLE (article), NULL);

  dateline = dl_house_style_compose_dateline (self->house_style, article, NULL);
  credit_lines = dl_house_style_compose_credit_lines (self->house_style, article, NULL);
  if (!str_empty (dl_article_get_image_path (article)))
    figure_credit = dup_figure_credit (self, article, credit_lines);
  out = g_string_sized_new (estimate_size (article) * 5 / 4);

  for (guint i = 0; i < credit_lines->len; i++)
    {
      DlCreditLine *line = g_ptr_array_index (credit_lines, i);
      g_autoptr(GString) text = g_string_new (NULL);

      /* Said under the picture already (dl_renderer_dup_figure_credit). */
      if (line->role == DL_CREDIT_ROLE_PHOTO && figure_credit != NULL
          && folded_contains (figure_credit, line->text))
        continue;
      dl_html_append_text_literal (text, line->text, -1);
      append_wp_paragraph (out, line->role == DL_CREDIT_ROLE_AUTHOR ? "dateline-byline" : "dateline-credit-line",
                           text->str);
    }

  body_pos = out->len;
  ctx.wp_blocks = TRUE;
  render_body_blocks (self, article, out, dateline, &ctx);
  if (ctx.dateline != NULL)
    {
      g_autoptr(GString) alone = g_string_new (NULL);
      g_autoptr(GString) span = g_string_new ("<span class=\"dateline\">");

      dl_html_append_text_literal (span, dateline, -1);
      g_string_append (span, "</span>");
      append_wp_paragraph (alone, NULL, span->str);
      g_string_insert_len (out, body_pos, alone->str, alone->len);
    }
  return g_string_free (out, FALSE);
}

/**
 * dl_renderer_dup_figure_credit:
 *
 * Returns: (transfer full) (nullable): the line that says whose the
 *   featured image is, as the page prints it under the picture, or %NULL
 *   when the caption says it already
 */
char *
dl_renderer_dup_figure_credit (DlRenderer *self,
                               DlArticle  *article)
{
  g_autoptr(GPtrArray) credit_lines = NULL;

  g_return_val_if_fail (DL_IS_RENDERER (self), NULL);
  g_return_val_if_fail (DL_IS_ARTICLE (article), NULL);

  credit_lines = dl_house_style_compose_credit_lines (self->house_style, article, NULL);
  return dup_figure_credit (self, article, credit_lines);
}

/**
 * dl_renderer_set_local_image_names:
 * @names: (nullable): for %DL_RENDER_IMAGES_FILE_NAME, the file names the
 *   body's local images were copied to, in dl_body_images_find_local()
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
