/* test-renderer.c: the article page, its escaping, URL policy, templates and block mapping
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include <sys/stat.h>

#include <string.h>

#include <json-glib/json-glib.h>

#include "dl-html.h"
#include "dl-body-images.h"
#include "dl-block-map.h"
#include "dl-block-patch.h"
#include "dl-renderer.h"
#include "dl-test-util.h"

static DlArticle *
make_belta_article (void)
{
  DlArticle *article = dl_test_belta_article ();
  g_autoptr(DlCredit) author = dl_credit_new (DL_CREDIT_ROLE_AUTHOR, "Anna Ivanova", NULL);
  g_autoptr(DlCredit) author2 = dl_credit_new (DL_CREDIT_ROLE_AUTHOR, "Sergei Petrov", NULL);
  g_autoptr(DlCredit) photo = dl_credit_new (DL_CREDIT_ROLE_PHOTO, "", "courtesy of the BelCCI");

  dl_article_set_standfirst (article, "A meeting in Minsk on economic partnership.");
  dl_article_add_credit (article, author);
  dl_article_add_credit (article, author2);
  dl_article_add_credit (article, photo);
  dl_article_set_image_path (article, "/tmp/belcci photo.jpg");
  dl_article_set_image_credit (article, "BelCCI");
  dl_article_set_body (article,
                       "The Minsk Office of the Belarusian Chamber of Commerce and Industry (BelCCI) "
                       "hosted a meeting aimed at deepening the economic partnership between Belarus and China.\n\n"
                       "The Chinese delegation included heads of the leading enterprises of the region.\n\n"
                       "Sergei Nabeshko said: “Belarus is interested in the transfer of advanced technologies.”");
  return article;
}

/* ------------------------------------------------------------------ */
/* A small tag scanner over the renderer's output                      */
/* ------------------------------------------------------------------ */

typedef struct
{
  char       *name;      /* lower case; "/p" for end tags */
  GHashTable *attrs;     /* lower-case name → raw value */
  gsize       offset;
} Tag;

static void
tag_free (gpointer data)
{
  Tag *tag = data;

  g_free (tag->name);
  g_hash_table_unref (tag->attrs);
  g_free (tag);
}

/* Every '<' in the output starts a tag, because the renderer escapes all
 * text; the scanner reads tags the way a browser would (unquoted,
 * single- and double-quoted values). */
static GPtrArray *
scan_tags (const char *html)
{
  GPtrArray *tags = g_ptr_array_new_with_free_func (tag_free);
  const char *p = html;

  while ((p = strchr (p, '<')) != NULL)
    {
      Tag *tag;
      const char *start = p;
      gboolean closing;

      p++;
      if (*p == '!')
        {
          p = strchr (p, '>');
          if (p == NULL)
            break;
          continue;
        }
      closing = (*p == '/');
      if (closing)
        p++;
      tag = g_new0 (Tag, 1);
      tag->offset = start - html;
      tag->attrs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      {
        const char *name = p;
        g_autofree char *lower = NULL;

        while (*p != '\0' && !g_ascii_isspace (*p) && *p != '>' && *p != '/')
          p++;
        lower = g_ascii_strdown (name, p - name);
        tag->name = closing ? g_strconcat ("/", lower, NULL) : g_steal_pointer (&lower);
      }
      while (*p != '\0' && *p != '>')
        {
          const char *attr;
          char *attr_name;

          while (g_ascii_isspace (*p) || *p == '/')
            p++;
          if (*p == '>' || *p == '\0')
            break;
          attr = p;
          while (*p != '\0' && !g_ascii_isspace (*p) && *p != '=' && *p != '>')
            p++;
          attr_name = g_ascii_strdown (attr, p - attr);
          if (*p == '=')
            {
              const char *value;

              p++;
              if (*p == '"' || *p == '\'')
                {
                  char quote = *p++;

                  value = p;
                  while (*p != '\0' && *p != quote)
                    p++;
                  g_hash_table_replace (tag->attrs, attr_name, g_strndup (value, p - value));
                  if (*p != '\0')
                    p++;
                }
              else
                {
                  value = p;
                  while (*p != '\0' && !g_ascii_isspace (*p) && *p != '>')
                    p++;
                  g_hash_table_replace (tag->attrs, attr_name, g_strndup (value, p - value));
                }
            }
          else
            g_hash_table_replace (tag->attrs, attr_name, g_strdup (""));
        }
      g_ptr_array_add (tags, tag);
    }
  return tags;
}

/* An independent check of a URL attribute, decoding references the way
 * a browser does before it parses the URL. */
static gboolean
url_value_is_safe (const char *raw,
                   gboolean    image,
                   gboolean    preview)
{
  GString *decoded = g_string_new (NULL);
  g_autofree char *lower = NULL;
  gboolean safe;
  const char *p;
  gsize i;

  for (p = raw; *p != '\0'; p++)
    {
      if (*p == '&')
        {
          const char *semi = strchr (p, ';');

          if (semi != NULL && dl_html_decode_entity (p, semi - p + 1, decoded))
            {
              p = semi;
              continue;
            }
        }
      if ((guchar) *p > 0x20 || decoded->len > 0)
        if (*p != '\t' && *p != '\n' && *p != '\r')
          g_string_append_c (decoded, *p);
    }
  lower = g_ascii_strdown (decoded->str, -1);
  g_string_free (decoded, TRUE);

  for (i = 0; lower[i] != '\0'; i++)
    if (lower[i] == ':' || lower[i] == '/' || lower[i] == '?' || lower[i] == '#')
      break;
  if (lower[i] != ':')
    return !image;   /* relative: fine for links only */

  safe = g_str_has_prefix (lower, "http:") || g_str_has_prefix (lower, "https:");
  if (!image)
    safe = safe || g_str_has_prefix (lower, "mailto:");
  if (image && preview)
    safe = safe || g_str_has_prefix (lower, "dateline-image:");
  return safe;
}

static void
assert_page_is_safe (const char *html,
                     gboolean    preview,
                     const char *context)
{
  g_autoptr(GPtrArray) tags = scan_tags (html);
  static const char * const forbidden[] = {
    "script", "iframe", "object", "embed", "svg", "math", "form", "frame", "frameset",
    "applet", "link", "button", "input", "textarea", "noscript", "template",
  };
  guint n_csp = 0;
  gboolean in_head = TRUE;

  if (strstr (html, "<script") != NULL || strstr (html, "<SCRIPT") != NULL)
    g_error ("%s: a script element in\n%s", context, html);

  for (guint i = 0; i < tags->len; i++)
    {
      Tag *tag = g_ptr_array_index (tags, i);
      GHashTableIter iter;
      gpointer key, value;

      if (g_str_equal (tag->name, "body"))
        in_head = FALSE;
      for (guint j = 0; j < G_N_ELEMENTS (forbidden); j++)
        if (g_str_equal (tag->name, forbidden[j]))
          g_error ("%s: forbidden element <%s> at %zu", context, tag->name, tag->offset);
      if (!in_head && (g_str_equal (tag->name, "meta") || g_str_equal (tag->name, "base")
                       || g_str_equal (tag->name, "style") || g_str_equal (tag->name, "title")))
        g_error ("%s: <%s> in the body", context, tag->name);
      if (g_str_equal (tag->name, "meta")
          && g_strcmp0 (g_hash_table_lookup (tag->attrs, "http-equiv"), "Content-Security-Policy") == 0)
        n_csp++;
      if (g_str_equal (tag->name, "meta") && g_hash_table_contains (tag->attrs, "http-equiv")
          && g_ascii_strcasecmp (g_hash_table_lookup (tag->attrs, "http-equiv"), "refresh") == 0)
        g_error ("%s: meta refresh", context);

      g_hash_table_iter_init (&iter, tag->attrs);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          const char *name = key;

          if (g_str_has_prefix (name, "on"))
            g_error ("%s: event handler attribute %s on <%s>", context, name, tag->name);
          if (g_str_equal (name, "style") || g_str_equal (name, "srcdoc") || g_str_equal (name, "action")
              || g_str_equal (name, "formaction") || g_str_has_suffix (name, ":href")
              || g_str_equal (name, "srcset") || g_str_equal (name, "data"))
            g_error ("%s: attribute %s on <%s>", context, name, tag->name);
          if (g_str_equal (name, "href") && !g_str_equal (tag->name, "base")
              && !url_value_is_safe (value, FALSE, preview))
            g_error ("%s: unsafe href “%s”", context, (const char *) value);
          /* exports refer to the featured image by its file name */
          if (g_str_equal (name, "src") && !url_value_is_safe (value, TRUE, preview)
              && !(!preview && g_strcmp0 (g_hash_table_lookup (tag->attrs, "class"), "dl-featured-image") == 0
                   && url_value_is_safe (value, FALSE, FALSE)))
            g_error ("%s: unsafe src “%s”", context, (const char *) value);
        }
    }
  g_assert_cmpuint (n_csp, ==, 1);
}

/* Asserts that @haystack contains the printf-formatted needle. */
static void G_GNUC_PRINTF (2, 3)
assert_contains (const char *haystack,
                 const char *format,
                 ...)
{
  g_autofree char *needle = NULL;
  va_list args;

  va_start (args, format);
  needle = g_strdup_vprintf (format, args);
  va_end (args);
  dl_test_assert_contains (haystack, needle);
}

/* ------------------------------------------------------------------ */

static void
test_renderer_sample_article (void)
{
  g_autoptr(DlArticle) article = make_belta_article ();
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autofree char *page = NULL;
  g_autofree char *inner = NULL;
  g_autofree char *dateline = dl_house_style_compose_dateline (dl_renderer_get_house_style (renderer), article, NULL);
  g_autofree char *expected_first = NULL;

  page = dl_renderer_render_page (renderer, article);
  inner = dl_renderer_render_article (renderer, article);

  g_assert_true (g_str_has_prefix (page, "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\""));
  dl_test_assert_contains (page, "<meta charset=\"utf-8\">");
  dl_test_assert_contains (page, "script-src 'none'");
  dl_test_assert_contains (page, "default-src 'none'");
  dl_test_assert_contains (page, "<meta name=\"viewport\"");
  dl_test_assert_contains (page, "<title>Belarus, China discuss business prospects</title>");
  dl_test_assert_contains (page, "<article id=\"" DL_RENDER_ARTICLE_ELEMENT_ID "\"");
  /* render_article is exactly the article element's content */
  dl_test_assert_contains (page, inner);

  /* The dateline opens the FIRST paragraph, inside it, as in the sample. */
  g_assert_cmpstr (dateline, ==, "MINSK, 8 May (BelTA) - ");
  expected_first = g_strdup_printf ("<div class=\"dl-body\">\n<p dir=\"auto\"><span class=\"dateline\">%s</span>The Minsk Office", dateline);
  dl_test_assert_contains (inner, expected_first);
  dl_test_assert_not_contains (strstr (inner, expected_first) + strlen (expected_first), "class=\"dateline\"");

  dl_test_assert_contains (inner, "<span class=\"dl-category\" dir=\"auto\">Economy</span>");
  dl_test_assert_contains (inner, "datetime=\"2025-05-08T10:06:00+03:00\">08 May 2025, 10:06</time>");
  dl_test_assert_contains (inner, "<h1 class=\"dl-headline\" dir=\"auto\">Belarus, China discuss business prospects</h1>");
  dl_test_assert_contains (inner, "<p class=\"dl-standfirst\" dir=\"auto\">A meeting in Minsk");
  dl_test_assert_contains (inner, "<p class=\"dl-byline\" dir=\"auto\">By Anna Ivanova and Sergei Petrov</p>");
  /* The photo credit once, under the picture: the caption already says
   * it, so neither the header's credit line nor the image credit repeats
   * it (it ran on as "…of the BelCCI BelCCI", and twice on the page). */
  dl_test_assert_contains (inner, "<figcaption dir=\"auto\"><span class=\"dl-caption\">Photo courtesy of the BelCCI</span></figcaption>");
  dl_test_assert_not_contains (inner, "<p class=\"dl-credit-line\"");
  dl_test_assert_not_contains (strstr (inner, "courtesy of the BelCCI") + 1, "courtesy of the BelCCI");
  dl_test_assert_contains (inner, "<li class=\"dl-tag\" dir=\"auto\">Belarus</li>");
  dl_test_assert_contains (inner, "<li class=\"dl-tag\" dir=\"auto\">China</li>");
  /* export mode: the image by its (escaped) file name */
  dl_test_assert_contains (inner, "src=\"belcci%20photo.jpg\"");
  dl_test_assert_contains (inner, "“Belarus is interested in the transfer of advanced technologies.”");

  assert_page_is_safe (page, FALSE, "sample");
}

static void
test_renderer_escaping (void)
{
  g_autoptr(DlArticle) article = make_belta_article ();
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autoptr(DlCredit) credit = dl_credit_new (DL_CREDIT_ROLE_AUTHOR, "A <b>&\"'", NULL);
  const char *hostile = "<b>\"Q\" & 'A'</b>";
  const char *escaped = "&lt;b&gt;&quot;Q&quot; &amp; &#39;A&#39;&lt;/b&gt;";
  const char *tags[] = { hostile, NULL };
  g_autofree char *page = NULL;
  g_autofree char *in_attr = NULL;

  dl_article_set_headline (article, hostile);
  dl_article_set_standfirst (article, hostile);
  dl_article_set_image_caption (article, hostile);
  dl_article_set_image_credit (article, hostile);
  dl_article_set_image_alt (article, hostile);
  dl_article_set_category (article, hostile);
  dl_article_set_tags (article, tags);
  dl_article_set_place (article, hostile);
  dl_article_add_credit (article, credit);

  page = dl_renderer_render_page (renderer, article);
  dl_test_assert_not_contains (page, hostile);
  dl_test_assert_not_contains (page, "<b>");
  assert_contains (page, "<h1 class=\"dl-headline\" dir=\"auto\">%s</h1>", escaped);
  assert_contains (page, "<p class=\"dl-standfirst\" dir=\"auto\">%s</p>", escaped);
  assert_contains (page, "<span class=\"dl-caption\">%s</span>", escaped);
  /* The caption says the same as the credit here, so the credit is not
   * repeated (test_renderer_figure_credit()); alone, it is escaped too. */
  {
    g_autoptr(DlArticle) credited = make_belta_article ();
    g_autofree char *credited_page = NULL;

    dl_article_set_image_caption (credited, "");
    dl_article_set_image_credit (credited, hostile);
    credited_page = dl_renderer_render_page (renderer, credited);
    assert_contains (credited_page, "<span class=\"dl-image-credit\">Photo: %s</span>", escaped);
    dl_test_assert_not_contains (credited_page, hostile);
  }
  assert_contains (page, "<span class=\"dl-category\" dir=\"auto\">%s</span>", escaped);
  assert_contains (page, "<li class=\"dl-tag\" dir=\"auto\">%s</li>", escaped);
  dl_test_assert_contains (page, "and A &lt;b&gt;&amp;&quot;&#39;</p>");
  /* the place is upper-cased into the dateline, then escaped */
  dl_test_assert_contains (page, "<span class=\"dateline\">&lt;B&gt;&quot;Q&quot; &amp; &#39;A&#39;&lt;/B&gt;, 8 May (BelTA) - </span>");
  /* the alt attribute: quotes can never end it */
  in_attr = g_strdup_printf ("alt=\"%s\"", escaped);
  dl_test_assert_contains (page, in_attr);
  assert_contains (page, "<title>%s</title>", escaped);

  assert_page_is_safe (page, FALSE, "escaping");

  g_free (in_attr);
  in_attr = dl_html_escape_attr ("a`b");
  g_assert_cmpstr (in_attr, ==, "a&#96;b");
  g_free (in_attr);
  in_attr = dl_html_escape_text ("a`b<");
  g_assert_cmpstr (in_attr, ==, "a`b&lt;");
}

static void
test_renderer_direction (void)
{
  g_autoptr(DlArticle) article = make_belta_article ();
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autofree char *page = NULL;
  struct { const char *lang; const char *dir; } cases[] = {
    { "ar", "rtl" }, { "he-IL", "rtl" }, { "fa", "rtl" }, { "ur", "rtl" }, { "ku-Arab", "rtl" },
    { "en", "ltr" }, { "ru-BY", "ltr" }, { "zh-Hans-CN", "ltr" }, { "az-Latn", "ltr" }, { "", "ltr" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (dl_html_direction_for_language (cases[i].lang), ==, cases[i].dir);

  dl_article_set_language (article, "ar");
  dl_article_set_headline (article, "بيلاروسيا والصين تناقشان آفاق الأعمال (BelTA)");
  page = dl_renderer_render_page (renderer, article);
  g_assert_true (g_str_has_prefix (page, "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\""));
  dl_test_assert_contains (page, "lang=\"ar\" dir=\"rtl\">\n<header");
  dl_test_assert_contains (page, "<h1 class=\"dl-headline\" dir=\"auto\">بيلاروسيا");
  dl_test_assert_contains (page, "<p dir=\"auto\"><span class=\"dateline\">");
  dl_test_assert_contains (page, "<figcaption dir=\"auto\">");

  /* A language that is not a BCP 47 tag cannot break out of an attribute. */
  dl_article_set_language (article, "en\" onload=\"x");
  g_free (page);
  page = dl_renderer_render_page (renderer, article);
  g_assert_true (g_str_has_prefix (page, "<!DOCTYPE html>\n<html lang=\"und\" dir=\"ltr\""));
}

static void
test_renderer_hostile_corpus (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "hostile-corpus.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *entries;
  guint n;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  entries = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "entries");
  n = json_array_get_length (entries);
  g_assert_cmpuint (n, >=, 30);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      const char *id = json_object_get_string_member (entry, "id");
      const char *field = json_object_get_string_member (entry, "field");
      const char *input = json_object_get_string_member (entry, "input");
      const char *marker = json_object_get_string_member (entry, "marker");
      g_autoptr(DlArticle) article = make_belta_article ();

      g_assert_nonnull (marker);
      dl_test_set_article_field (article, field, input);
      for (guint mode = 0; mode < 2; mode++)
        {
          g_autoptr(DlRenderer) renderer = dl_renderer_new ();
          g_autofree char *page = NULL;
          g_autofree char *body = NULL;

          dl_renderer_set_image_mode (renderer, mode == 0 ? DL_RENDER_IMAGES_FILE_NAME
                                                          : DL_RENDER_IMAGES_PREVIEW);
          page = dl_renderer_render_page (renderer, article);
          assert_page_is_safe (page, mode == 1, id);
          body = dl_renderer_render_body (renderer, article, NULL, NULL);
          g_free (page);
          page = g_strconcat ("<head><meta http-equiv=\"Content-Security-Policy\"></head><body>", body, NULL);
          assert_page_is_safe (page, mode == 1, id);
        }
    }
}

static void
test_renderer_urls (void)
{
  struct { const char *url; DlHtmlUrlKind kind; const char *expected; } cases[] = {
    { "https://example.com/a?b#c", DL_HTML_URL_LINK, "https://example.com/a?b#c" },
    { "  http://example.com  ", DL_HTML_URL_LINK, "http://example.com" },
    { "mailto:desk@example.com", DL_HTML_URL_LINK, "mailto:desk@example.com" },
    { "/relative/path", DL_HTML_URL_LINK, "/relative/path" },
    { "#section", DL_HTML_URL_LINK, "#section" },
    { "page.html?x=a:b", DL_HTML_URL_LINK, "page.html?x=a:b" },
    { "javascript:alert(1)", DL_HTML_URL_LINK, NULL },
    { "JaVaScRiPt:alert(1)", DL_HTML_URL_LINK, NULL },
    { "java\tscript:alert(1)", DL_HTML_URL_LINK, NULL },
    { "java\nscript:alert(1)", DL_HTML_URL_LINK, NULL },
    { "\x01\x02 javascript:alert(1)", DL_HTML_URL_LINK, NULL },
    { "vbscript:msgbox(1)", DL_HTML_URL_LINK, NULL },
    { "data:text/html,<script>", DL_HTML_URL_LINK, NULL },
    { "file:///etc/passwd", DL_HTML_URL_LINK, NULL },
    { "java script:alert(1)", DL_HTML_URL_LINK, NULL },
    { "", DL_HTML_URL_LINK, NULL },
    { "https://img.example/a.png", DL_HTML_URL_IMAGE, "https://img.example/a.png" },
    { "a.png", DL_HTML_URL_IMAGE, NULL },
    { "data:image/png;base64,AAAA", DL_HTML_URL_IMAGE, NULL },
    { "dateline-image:///x/featured", DL_HTML_URL_IMAGE, NULL },
    { "dateline-image:///x/featured", DL_HTML_URL_IMAGE_PREVIEW, "dateline-image:///x/featured" },
    { "mailto:a@b.c", DL_HTML_URL_IMAGE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *clean = dl_html_sanitize_url (cases[i].url, -1, cases[i].kind);

      g_assert_cmpstr (clean, ==, cases[i].expected);
    }
}

static void
test_renderer_markdown (void)
{
  g_autoptr(DlArticle) article = make_belta_article ();
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autofree char *body = NULL;

  dl_article_set_body (article,
                       "First *em* **strong** ~~gone~~ `code` &copy; &bogus; <b>raw</b>\n\n"
                       "# Heading\n\n"
                       "| a | b |\n|:--|--:|\n| 1 | 2 |\n\n"
                       "```c\" onclick=\"x\nint x;\n```\n\n"
                       "See www.example.com and https://example.org/x and desk@example.com.\n\n"
                       "[ok](https://ok.example \"Title \\\"q\\\"\") [bad](javascript:x)\n\n"
                       "![pic](https://img.example/p.png) ![local](photo.png)");
  body = dl_renderer_render_body (renderer, article, NULL, NULL);

  dl_test_assert_contains (body, "First <em>em</em> <strong>strong</strong> <del>gone</del> <code>code</code> © &amp;bogus; &lt;b&gt;raw&lt;/b&gt;</p>");
  /* body headings move one level down: the headline is the h1 */
  dl_test_assert_contains (body, "<h2 dir=\"auto\">Heading</h2>");
  dl_test_assert_contains (body, "<th class=\"dl-align-left\">a</th>");
  dl_test_assert_contains (body, "<td class=\"dl-align-right\">2</td>");
  dl_test_assert_contains (body, "<pre><code class=\"language-c\">int x;\n</code></pre>");
  dl_test_assert_contains (body, "<a href=\"http://www.example.com\">www.example.com</a>");
  dl_test_assert_contains (body, "<a href=\"https://example.org/x\">https://example.org/x</a>");
  dl_test_assert_contains (body, "<a href=\"mailto:desk@example.com\">desk@example.com</a>");
  dl_test_assert_contains (body, "<a href=\"https://ok.example\" title=\"Title &quot;q&quot;\">ok</a>");
  dl_test_assert_contains (body, "<span class=\"dl-blocked-link\">bad</span>");
  dl_test_assert_contains (body, "<img src=\"https://img.example/p.png\" alt=\"pic\">");
  dl_test_assert_contains (body, "<span class=\"dl-blocked-image\">local</span>");
}

static void
test_renderer_images (void)
{
  g_autoptr(DlArticle) article = make_belta_article ();
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autofree char *preview_uri = NULL;
  g_autofree char *file_uri = NULL;
  g_autofree char *page = NULL;
  g_autofree char *expected = NULL;

  dl_article_set_image_path (article, "/photos/a:b c.jpg");
  file_uri = dl_renderer_dup_image_uri (renderer, article);
  g_assert_cmpstr (file_uri, ==, "a%3Ab%20c.jpg");

  dl_renderer_set_image_file_name (renderer, "renamed-2.jpg");
  g_free (file_uri);
  file_uri = dl_renderer_dup_image_uri (renderer, article);
  g_assert_cmpstr (file_uri, ==, "renamed-2.jpg");
  dl_renderer_set_image_file_name (renderer, NULL);

  dl_renderer_set_image_mode (renderer, DL_RENDER_IMAGES_PREVIEW);
  g_assert_cmpint (dl_renderer_get_image_mode (renderer), ==, DL_RENDER_IMAGES_PREVIEW);
  preview_uri = dl_renderer_dup_image_uri (renderer, article);
  expected = g_strdup_printf ("dateline-image:///%s/featured", dl_article_get_uuid (article));
  g_assert_cmpstr (preview_uri, ==, expected);

  dl_article_set_body (article, "![a](dateline-image:///other/featured) ![b](http://img.example/b.png)");
  page = dl_renderer_render_page (renderer, article);
  assert_contains (page, "src=\"%s\"", expected);
  dl_test_assert_contains (page, "<img src=\"dateline-image:///other/featured\" alt=\"a\">");
  dl_test_assert_contains (page, "img-src dateline-image: dateline-template: https: http:;");
  assert_page_is_safe (page, TRUE, "preview images");

  /* Outside the preview the internal scheme means nothing: refused. */
  dl_renderer_set_image_mode (renderer, DL_RENDER_IMAGES_FILE_NAME);
  g_free (page);
  page = dl_renderer_render_page (renderer, article);
  dl_test_assert_contains (page, "<span class=\"dl-blocked-image\">a</span>");

  /* No image path: no figure at all. */
  dl_article_set_image_path (article, "");
  g_free (page);
  page = dl_renderer_render_page (renderer, article);
  dl_test_assert_not_contains (page, "<figure");
}

/* Caption, then "Photo: …" on a line of its own, as news sites print it. */
static void
test_renderer_figure_credit (void)
{
  g_autoptr(DlArticle) article = dl_test_belta_article ();
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autoptr(DlCredit) photo = dl_credit_new (DL_CREDIT_ROLE_PHOTO, "Ivan Petrov", "BelTA");
  g_autofree char *inner = NULL;

  dl_article_set_image_path (article, "/tmp/meeting.jpg");
  dl_article_set_image_caption (article, "Delegates at the meeting in Minsk");
  dl_article_set_image_credit (article, "BelCCI");
  inner = dl_renderer_render_article (renderer, article);
  dl_test_assert_contains (inner, "<figcaption dir=\"auto\"><span class=\"dl-caption\">Delegates at the meeting in Minsk</span>"
                                  "<span class=\"dl-image-credit\">Photo: BelCCI</span></figcaption>");
  g_clear_pointer (&inner, g_free);

  /* Another photographer in the credits (for the other pictures) keeps
   * their line in the header. */
  dl_article_add_credit (article, photo);
  inner = dl_renderer_render_article (renderer, article);
  dl_test_assert_contains (inner, "<span class=\"dl-image-credit\">Photo: BelCCI</span>");
  dl_test_assert_contains (inner, "<p class=\"dl-credit-line\" dir=\"auto\">Photo: Ivan Petrov/BelTA</p>");
  g_clear_pointer (&inner, g_free);

  /* The picture without a credit of its own: the credits' photo line is
   * its credit, printed there and not in the header: one place for it. */
  dl_article_set_image_credit (article, "");
  inner = dl_renderer_render_article (renderer, article);
  dl_test_assert_contains (inner, "<span class=\"dl-image-credit\">Photo: Ivan Petrov/BelTA</span>");
  dl_test_assert_not_contains (inner, "<p class=\"dl-credit-line\"");
  g_clear_pointer (&inner, g_free);

  /* No picture: the photo credit stays with the other credits. */
  dl_article_set_image_path (article, "");
  inner = dl_renderer_render_article (renderer, article);
  dl_test_assert_contains (inner, "<p class=\"dl-credit-line\" dir=\"auto\">Photo: Ivan Petrov/BelTA</p>");
  dl_test_assert_not_contains (inner, "<figcaption");
}

static void
test_renderer_dark (void)
{
  g_autoptr(DlArticle) article = make_belta_article ();
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autofree char *light = dl_renderer_render_page (renderer, article);
  g_autofree char *dark = NULL;

  g_assert_false (dl_renderer_get_dark (renderer));
  dl_renderer_set_dark (renderer, TRUE);
  g_assert_true (dl_renderer_get_dark (renderer));
  dark = dl_renderer_render_page (renderer, article);

  dl_test_assert_contains (light, "<meta name=\"color-scheme\" content=\"light\">");
  dl_test_assert_contains (light, "--dl-bg: #ffffff;");
  dl_test_assert_contains (dark, "<meta name=\"color-scheme\" content=\"dark\">");
  dl_test_assert_contains (dark, "--dl-bg: #1c1c1e;");
  dl_test_assert_not_contains (dark, "--dl-bg: #ffffff;");
  dl_test_assert_contains (dark, ".dl-category");
}

static void
test_renderer_dateline_placement (void)
{
  g_autoptr(DlArticle) article = make_belta_article ();
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autofree char *inner = NULL;
  g_autofree char *body = NULL;

  /* The first paragraph, even when a heading comes before it. */
  dl_article_set_body (article, "## Background\n\n- a list\n\nFirst paragraph.\n\nSecond.");
  inner = dl_renderer_render_article (renderer, article);
  dl_test_assert_contains (inner, "<li dir=\"auto\">a list</li>");
  dl_test_assert_contains (inner, "<p dir=\"auto\"><span class=\"dateline\">MINSK, 8 May (BelTA) - </span>First paragraph.</p>");
  dl_test_assert_contains (inner, "<p dir=\"auto\">Second.</p>");

  /* No paragraph: the dateline stands alone, outside .dl-body. */
  dl_article_set_body (article, "");
  g_free (inner);
  inner = dl_renderer_render_article (renderer, article);
  dl_test_assert_contains (inner, "<p class=\"dl-dateline-only\" dir=\"auto\"><span class=\"dateline\">MINSK, 8 May (BelTA) - </span></p>\n<div class=\"dl-body\">\n</div>");
  body = dl_renderer_render_body (renderer, article, NULL, NULL);
  g_assert_cmpstr (body, ==, "<p dir=\"auto\"><span class=\"dateline\">MINSK, 8 May (BelTA) - </span></p>\n");

  /* No place: no dateline. */
  dl_article_set_place (article, "");
  dl_article_set_body (article, "Text.");
  g_free (inner);
  inner = dl_renderer_render_article (renderer, article);
  dl_test_assert_not_contains (inner, "dateline");
}

/* The dateline on the page is the renderer's house style's, and the
 * renderer keeps its own copy: a later change does not reach a render
 * already under way in a worker. */
static void
test_renderer_house_style (void)
{
  g_autoptr(DlArticle) article = make_belta_article ();
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autoptr(DlHouseStyle) house = dl_house_style_new ();
  g_autoptr(DlRenderer) copy = NULL;
  g_autofree char *page = NULL;
  g_autofree char *copied = NULL;

  page = dl_renderer_render_page (renderer, article);
  dl_test_assert_contains (page, "MINSK, 8 May (BelTA) - ");

  dl_house_style_set_dateline_style (house, "custom");
  dl_house_style_set_custom_pattern (house, "{CITY} [{source}] ");
  dl_renderer_set_house_style (renderer, house);
  g_free (page);
  page = dl_renderer_render_page (renderer, article);
  dl_test_assert_contains (page, "MINSK [BelTA] ");
  dl_test_assert_not_contains (page, "MINSK, 8 May");

  copy = dl_renderer_copy (renderer);
  dl_house_style_set_custom_pattern (house, "{city}: ");
  copied = dl_renderer_render_page (copy, article);
  dl_test_assert_contains (copied, "MINSK [BelTA] ");

  dl_renderer_set_house_style (renderer, NULL);
  g_free (page);
  page = dl_renderer_render_page (renderer, article);
  dl_test_assert_contains (page, "MINSK, 8 May (BelTA) - ");
}

static void
test_renderer_counts (void)
{
  g_autoptr(DlArticle) article = make_belta_article ();
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autofree char *dateline = dl_house_style_compose_dateline (dl_renderer_get_house_style (renderer), article, NULL);
  g_autofree char *body = NULL;
  const char *text = "Ünïcode words here.";
  guint chars = 0;
  guint words = 0;

  dl_article_set_body (article, "Ünïcode **words**\nhere.\n\n");
  body = dl_renderer_render_body (renderer, article, &chars, &words);
  g_assert_cmpuint (chars, ==, g_utf8_strlen (dateline, -1) + g_utf8_strlen (text, -1));
  g_assert_cmpuint (words, ==, 5 + 3);   /* "MINSK," "8" "May" "(BelTA)" "-" + three */
}

/* Children of .dl-body as the scanner sees them. */
static guint
count_body_children (const char *html)
{
  g_autoptr(GPtrArray) tags = scan_tags (strstr (html, "<div class=\"dl-body\">"));
  static const char * const void_elements[] = { "hr", "br", "img" };
  int depth = 0;
  guint children = 0;

  for (guint i = 1; i < tags->len; i++)
    {
      Tag *tag = g_ptr_array_index (tags, i);
      gboolean is_void = FALSE;

      if (tag->name[0] == '/')
        {
          if (--depth < 0)
            break;
          continue;
        }
      for (guint j = 0; j < G_N_ELEMENTS (void_elements); j++)
        is_void = is_void || g_str_equal (tag->name, void_elements[j]);
      if (depth == 0)
        children++;
      if (!is_void)
        depth++;
    }
  return children;
}

static void
test_renderer_block_index (void)
{
  const char *blocks[] = {
    "First para line one\nline two",
    "## Heading",
    "- item a\n- item b\n\n  still item b",
    "***",
    "> quoted\n> more",
    "```c\ncode\n```",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "Setext\n======",
    "Last para",
    NULL
  };
  const guint n_blocks = G_N_ELEMENTS (blocks) - 1;
  g_autofree char *markdown = g_strjoinv ("\n\n", (char **) blocks);
  g_autoptr(DlArticle) article = make_belta_article ();
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autofree char *inner = NULL;
  gsize offset = 0;

  dl_article_set_body (article, markdown);
  inner = dl_renderer_render_article (renderer, article);
  g_assert_cmpuint (dl_block_map_count (markdown), ==, n_blocks);
  g_assert_cmpuint (count_body_children (inner), ==, n_blocks);

  for (guint i = 0; i < n_blocks; i++)
    {
      gsize len = strlen (blocks[i]);

      /* every byte of a block, including its markers and closing lines */
      for (gsize j = 0; j < len; j++)
        g_assert_cmpuint (dl_block_map_index_for_offset (markdown, offset + j), ==, i);
      /* the blank line after it belongs to the next block */
      if (i + 1 < n_blocks)
        g_assert_cmpuint (dl_block_map_index_for_offset (markdown, offset + len + 1), ==, i + 1);
      offset += len + 2;
    }
  g_assert_cmpuint (dl_block_map_index_for_offset (markdown, strlen (markdown) + 100), ==,
                    n_blocks - 1);

  /* Starting a paragraph at the end: the end of the page, one past the
   * last block, not the paragraph before (where the preview scrolled
   * back to). A single newline still continues the last paragraph. */
  g_assert_cmpuint (dl_block_map_index_for_offset ("One.\n\nTwo.\n\n", 13), ==, 2);
  g_assert_cmpuint (dl_block_map_index_for_offset ("One.\n\nTwo.\n\n\n", 14), ==, 2);
  g_assert_cmpuint (dl_block_map_index_for_offset ("One.\n\nTwo.\n", 11), ==, 1);
  g_assert_cmpuint (dl_block_map_index_for_offset ("One.\n\nTwo.\n\nThree", 16), ==, 2);

  /* A thematic break right under a paragraph is its own block. */
  g_assert_cmpuint (dl_block_map_index_for_offset ("Para\n***\n\nNext", 6), ==, 1);
  g_assert_cmpuint (dl_block_map_index_for_offset ("Para\n***\n\nNext", 11), ==, 2);
  g_assert_cmpuint (dl_block_map_index_for_offset ("***\n\n***\n\nText", 0), ==, 0);
  g_assert_cmpuint (dl_block_map_index_for_offset ("***\n\n***\n\nText", 5), ==, 1);
  g_assert_cmpuint (dl_block_map_index_for_offset ("***\n\n***\n\nText", 11), ==, 2);
  g_assert_cmpuint (dl_block_map_index_for_offset ("", 0), ==, 0);
  g_assert_cmpuint (dl_block_map_count (""), ==, 0);
}

static GFile *
make_template_dir (const char *template_html)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dl-template-XXXXXX", &error);
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  if (template_html != NULL)
    {
      path = g_build_filename (dir, "template.html", NULL);
      g_file_set_contents (path, template_html, -1, &error);
      g_assert_no_error (error);
    }
  return g_file_new_for_path (dir);
}

static void
assert_template_error (const char *template_html,
                       gint        code)
{
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autoptr(GFile) dir = make_template_dir (template_html);
  g_autoptr(GError) error = NULL;

  g_assert_false (dl_renderer_set_template_dir (renderer, dir, &error));
  g_assert_error (error, DL_RENDERER_ERROR, code);
  g_assert_nonnull (error->message);
  g_assert_null (dl_renderer_get_template_dir (renderer));
}

static void
test_renderer_template (void)
{
  const char *template_html =
    "<!DOCTYPE html>\n<!-- site: {{ not a placeholder inside? no: placeholders count everywhere }} -->\n";
  g_autoptr(DlArticle) article = make_belta_article ();
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *page = NULL;
  const char *csp;
  const char *link;

  /* Unknown placeholder, even inside a comment */
  assert_template_error (template_html, DL_RENDERER_ERROR_TEMPLATE_INVALID);
  assert_template_error (NULL, DL_RENDERER_ERROR_TEMPLATE_MISSING);
  assert_template_error ("<html><head>{{head}}</head><body>no article</body></html>",
                         DL_RENDERER_ERROR_TEMPLATE_INVALID);
  assert_template_error ("<html><head></head><body>{{article}}</body></html>",
                         DL_RENDERER_ERROR_TEMPLATE_INVALID);
  assert_template_error ("<html><head><script src=x.js></script>{{head}}</head><body>{{article}}</body></html>",
                         DL_RENDERER_ERROR_TEMPLATE_INVALID);
  assert_template_error ("<html><head>{{head}}</head><body>{{article}}{{article}}</body></html>",
                         DL_RENDERER_ERROR_TEMPLATE_INVALID);
  assert_template_error ("<html><head>{{head}}</head><body>{{article}}{{title</body></html>",
                         DL_RENDERER_ERROR_TEMPLATE_INVALID);

  dir = make_template_dir ("<!DOCTYPE html>\n<!-- Example News -->\n<html lang=\"{{lang}}\" dir=\"{{dir}}\">\n"
                           "<head>\n{{ head }}\n<title>{{title}} | Example</title>\n<style>{{css}}</style>\n"
                           "<link rel=\"stylesheet\" href=\"site.css\">\n<script src=\"site.js\"></script>\n</head>\n"
                           "<body class=\"{{theme}}\"><img src=\"logo.png\" alt=\"\">{{article}}</body>\n</html>\n");
  g_assert_true (dl_renderer_set_template_dir (renderer, dir, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (dl_renderer_get_template_dir (renderer), dir));

  dl_renderer_set_image_mode (renderer, DL_RENDER_IMAGES_PREVIEW);
  dl_article_set_headline (article, "A <b> & \"headline\"");
  page = dl_renderer_render_page (renderer, article);
  g_assert_true (g_str_has_prefix (page, "<!DOCTYPE html>\n<!-- Example News -->\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">"));
  dl_test_assert_contains (page, "<title>A &lt;b&gt; &amp; &quot;headline&quot; | Example</title>");
  dl_test_assert_contains (page, "<base href=\"dateline-template:///\">");
  dl_test_assert_contains (page, "base-uri dateline-template:");
  dl_test_assert_contains (page, "--dl-bg: #ffffff;");
  dl_test_assert_contains (page, "<body class=\"light\"><img src=\"logo.png\" alt=\"\"><article id=\"dl-article\"");
  /* The policy comes before anything the template loads, so it governs it */
  csp = strstr (page, "Content-Security-Policy");
  link = strstr (page, "<link rel=\"stylesheet\"");
  g_assert_nonnull (csp);
  g_assert_nonnull (link);
  g_assert_true (csp < link);
  dl_test_assert_contains (page, "script-src 'none'");

  /* Back to the built-in look */
  g_assert_true (dl_renderer_set_template_dir (renderer, NULL, &error));
  g_assert_null (dl_renderer_get_template_dir (renderer));
  g_free (page);
  page = dl_renderer_render_page (renderer, article);
  dl_test_assert_not_contains (page, "<base");
  dl_test_assert_contains (page, "base-uri 'none'");
}

static void
test_renderer_copy (void)
{
  g_autoptr(DlArticle) article = make_belta_article ();
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autoptr(DlRenderer) copy = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  dl_renderer_set_dark (renderer, TRUE);
  dl_renderer_set_image_mode (renderer, DL_RENDER_IMAGES_PREVIEW);
  copy = dl_renderer_copy (renderer);
  a = dl_renderer_render_page (renderer, article);
  b = dl_renderer_render_page (copy, article);
  g_assert_cmpstr (a, ==, b);
}

/* Local images in the body: the preview addresses them by number through
 * its scheme (and dl_body_images_find_local() lists the same numbers);
 * exports and remote hosts in file: URIs get no local file. */
static void
test_renderer_local_images (void)
{
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autoptr(DlArticle) article = dl_article_new ();
  g_autofree char *preview = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *expected0 = NULL;
  g_autofree char *expected1 = NULL;
  g_auto(GStrv) local = NULL;

  dl_article_set_body (article,
                       "![a](/photos/a.jpg) ![b](file:///photos/b%20c.png) ![again](/photos/a.jpg)\n\n"
                       "![remote host](file://server/share/x.png) ![relative](photos/d.png)\n");
  local = dl_body_images_find_local (dl_article_get_body (article));
  g_assert_cmpuint (g_strv_length (local), ==, 2);
  g_assert_cmpstr (local[0], ==, "/photos/a.jpg");
  g_assert_cmpstr (local[1], ==, "/photos/b c.png");

  dl_renderer_set_image_mode (renderer, DL_RENDER_IMAGES_PREVIEW);
  preview = dl_renderer_render_article (renderer, article);
  expected0 = g_strdup_printf ("src=\"dateline-image:///%s/local/0\"", dl_article_get_uuid (article));
  expected1 = g_strdup_printf ("src=\"dateline-image:///%s/local/1\"", dl_article_get_uuid (article));
  dl_test_assert_contains (preview, expected0);
  dl_test_assert_contains (strstr (preview, expected0) + 1, expected0);   /* the same file, the same number */
  dl_test_assert_contains (preview, expected1);
  dl_test_assert_not_contains (preview, "/photos/");
  dl_test_assert_not_contains (preview, "server/share");

  dl_renderer_set_image_mode (renderer, DL_RENDER_IMAGES_FILE_NAME);
  exported = dl_renderer_render_article (renderer, article);
  dl_test_assert_not_contains (exported, "dateline-image:");
  dl_test_assert_not_contains (exported, "src=\"/photos");
}


/* A pasted U+202E (RIGHT-TO-LEFT OVERRIDE) reached <title> and <h1> as
 * it was: display spoofing. */
static void
test_renderer_hidden_characters (void)
{
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autoptr(DlArticle) article = dl_article_new ();
  g_autofree char *page = NULL;
  const char *title_start;

  dl_article_set_headline (article, "Invoice \xe2\x80\xae" "fdp.exe\xe2\x80\x8b for you");
  dl_article_set_standfirst (article, "Lead \xe2\x81\xa7isolated");
  dl_article_set_body (article, "Body text.");
  page = dl_renderer_render_page (renderer, article);

  /* In the page: isolated, and the override closed before </h1>. */
  dl_test_assert_contains (page, "<h1 class=\"dl-headline\" dir=\"auto\"><bdi>Invoice \xe2\x80\xae" "fdp.exe"
                                  "\xe2\x80\x8b for you\xe2\x80\xac</bdi></h1>");
  dl_test_assert_contains (page, "<bdi>Lead \xe2\x81\xa7isolated\xe2\x81\xa9</bdi>");
  /* In the title, which nothing can isolate: left out. */
  title_start = strstr (page, "<title>");
  g_assert_nonnull (title_start);
  g_assert_true (g_str_has_prefix (title_start, "<title>Invoice fdp.exe for you</title>"));

  /* Plain text is not wrapped. */
  dl_article_set_headline (article, "Belarus, China discuss business prospects");
  g_free (page);
  page = dl_renderer_render_page (renderer, article);
  dl_test_assert_not_contains (page, "<bdi>Belarus");
}

/* An article's time zone was loaded as a file path: a FIFO hung the
 * render for ever, "../../etc/passwd" was read. */
static void
test_renderer_time_zone_not_a_path (void)
{
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autoptr(DlArticle) article = dl_article_new ();
  g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 ("2025-05-08T07:06:00Z", NULL);
  g_autofree char *dir = g_dir_make_tmp ("dl-tz-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "zone", NULL);
  g_autofree char *page = NULL;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  dl_article_set_place (article, "Minsk");
  dl_article_set_dateline_date (article, date);
  dl_article_set_time_zone (article, fifo);
  /* Returns (the test would hang otherwise), in the date's own offset. */
  page = dl_renderer_render_page (renderer, article);
  dl_test_assert_contains (page, "MINSK, 8 May");
  g_unlink (fifo);
  g_rmdir (dir);
}

static DlRenderedArticle *
render_blocks (DlRenderer *renderer,
               DlArticle  *article,
               const char *body)
{
  GArray *bounds = NULL;
  char *html;

  dl_article_set_body (article, body);
  html = dl_renderer_render_article_blocks (renderer, article, &bounds);
  return dl_rendered_article_new (html, bounds);
}

/* The blocks are where the bounds say (each one element, the dateline
 * in the first); the patch between two renderings is the run that
 * differs; anything around the body changed, or most of a long body,
 * means no patch. */
static void
test_renderer_block_patch (void)
{
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autoptr(DlArticle) article = dl_test_belta_article ();
  g_autoptr(DlRenderedArticle) a = render_blocks (renderer, article, "One.\n\n## Two\n\n- three\n- four\n\nFive.");
  g_autoptr(DlRenderedArticle) b = render_blocks (renderer, article, "One.\n\n## Two\n\n- three\n- four, more\n\nFive.");
  g_autoptr(DlRenderedArticle) c = render_blocks (renderer, article, "One.\n\nFive.");
  g_autoptr(DlRenderedArticle) d = NULL;
  g_autoptr(GString) many = g_string_new ("");
  g_autoptr(GString) others = g_string_new ("");
  g_autoptr(DlRenderedArticle) e = NULL;
  g_autoptr(DlRenderedArticle) f = NULL;
  g_autofree char *whole = dl_renderer_render_article (renderer, article);
  DlBlockPatch patch;

  g_assert_cmpuint (dl_rendered_article_get_n_blocks (a), ==, 4);
  g_assert_cmpuint (dl_rendered_article_get_n_blocks (c), ==, 2);
  /* The same HTML as the plain rendering (c is the article's body now). */
  g_assert_cmpstr (dl_rendered_article_get_html (c), ==, whole);

  g_assert_true (dl_block_patch_compute (a, b, &patch));
  g_assert_cmpuint (patch.start, ==, 2);
  g_assert_cmpuint (patch.remove, ==, 1);
  g_assert_cmpuint (patch.insert, ==, 1);
  g_assert_cmpuint (patch.before, ==, 4);
  g_assert_cmpstr (patch.html, ==, "<ul>\n<li dir=\"auto\">three</li>\n<li dir=\"auto\">four, more</li>\n</ul>\n");
  dl_block_patch_clear (&patch);

  /* Deleting blocks: nothing to insert. */
  g_assert_true (dl_block_patch_compute (a, c, &patch));
  g_assert_cmpuint (patch.start, ==, 1);
  g_assert_cmpuint (patch.remove, ==, 2);
  g_assert_cmpuint (patch.insert, ==, 0);
  g_assert_cmpstr (patch.html, ==, "");
  dl_block_patch_clear (&patch);

  /* The first paragraph holds the dateline: editing it patches block 0. */
  {
    g_autoptr(DlRenderedArticle) g = render_blocks (renderer, article, "One, edited.\n\nFive.");

    g_assert_true (dl_block_patch_compute (c, g, &patch));
    g_assert_cmpuint (patch.start, ==, 0);
    g_assert_cmpuint (patch.remove, ==, 1);
    dl_test_assert_contains (patch.html, "MINSK");
    dl_block_patch_clear (&patch);
  }

  /* A page and its article from one rendering: the same article as
   * rendered alone, with the same blocks, inside the same page. */
  {
    g_autofree char *alone = dl_renderer_render_article (renderer, article);
    g_autofree char *page_alone = dl_renderer_render_page (renderer, article);
    g_autofree char *inner = NULL;
    g_autoptr(GArray) bounds = NULL;
    g_autofree char *page = dl_renderer_render_page_blocks (renderer, article, &inner, &bounds);

    g_autoptr(GArray) alone_bounds = NULL;
    g_autofree char *alone_blocks = dl_renderer_render_article_blocks (renderer, article, &alone_bounds);

    g_assert_cmpstr (inner, ==, alone);
    g_assert_cmpstr (inner, ==, alone_blocks);
    g_assert_cmpstr (page, ==, page_alone);
    g_assert_cmpuint (bounds->len, ==, 3);
    g_assert_cmpmem (bounds->data, bounds->len * sizeof (gsize), alone_bounds->data, alone_bounds->len * sizeof (gsize));
  }

  /* The headline is outside the body: no patch. */
  dl_article_set_headline (article, "Another headline");
  d = render_blocks (renderer, article, "One.\n\nFive.");
  g_assert_false (dl_block_patch_compute (c, d, &patch));

  /* Most of a long body replaced: no patch either. */
  for (guint i = 0; i < 40; i++)
    {
      g_string_append_printf (many, "Paragraph %u.\n\n", i);
      g_string_append_printf (others, "%s %u.\n\n", i < 30 ? "Other" : "Paragraph", i);
    }
  e = render_blocks (renderer, article, many->str);
  f = render_blocks (renderer, article, others->str);
  g_assert_false (dl_block_patch_compute (e, f, &patch));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/renderer/sample-article", test_renderer_sample_article);
  g_test_add_func ("/renderer/house-style", test_renderer_house_style);
  g_test_add_func ("/renderer/local-images", test_renderer_local_images);
  g_test_add_func ("/renderer/escaping", test_renderer_escaping);
  g_test_add_func ("/renderer/direction", test_renderer_direction);
  g_test_add_func ("/renderer/hostile-corpus", test_renderer_hostile_corpus);
  g_test_add_func ("/renderer/urls", test_renderer_urls);
  g_test_add_func ("/renderer/markdown", test_renderer_markdown);
  g_test_add_func ("/renderer/images", test_renderer_images);
  g_test_add_func ("/renderer/figure-credit", test_renderer_figure_credit);
  g_test_add_func ("/renderer/dark", test_renderer_dark);
  g_test_add_func ("/renderer/dateline-placement", test_renderer_dateline_placement);
  g_test_add_func ("/renderer/counts", test_renderer_counts);
  g_test_add_func ("/renderer/block-index", test_renderer_block_index);
  g_test_add_func ("/renderer/block-patch", test_renderer_block_patch);
  g_test_add_func ("/renderer/template", test_renderer_template);
  g_test_add_func ("/renderer/copy", test_renderer_copy);
  g_test_add_func ("/renderer/hidden-characters", test_renderer_hidden_characters);
  g_test_add_func ("/renderer/time-zone-not-a-path", test_renderer_time_zone_not_a_path);

  return g_test_run ();
}
