/* fuzz-oracle.c
 *
 * The renderer promises (docs/RENDERING.md): raw HTML in the body shows
 * as text; only its own elements and attributes come out; links are
 * http(s), mailto or relative; images http(s), relative or (in the
 * preview) dateline-image:. This checks a rendered article element
 * against that promise with a strict tokenizer of its own, and aborts on
 * anything else, so a fuzzer finds what slips through.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <stdlib.h>

#include "dl-html.h"
#include "fuzz-oracle.h"

/* abort(), not g_error()'s breakpoint: libFuzzer keeps the input of a
 * crash it sees as SIGABRT. */
#define fail(...) G_STMT_START { g_printerr (__VA_ARGS__); g_printerr ("\n"); abort (); } G_STMT_END

static const char * const elements[] = {
  "a", "article", "bdi", "blockquote", "br", "code", "del", "div", "em", "figcaption", "figure",
  "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "img", "li", "ol", "p", "pre",
  "span", "strong", "table", "tbody", "td", "th", "thead", "time", "tr", "u", "ul", NULL
};
static const char * const attributes[] = {
  "alt", "aria-label", "class", "datetime", "dir", "href", "id", "lang", "src", "start", "title", NULL
};

static char *
decode (const char *value)
{
  GString *out = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '&')
        {
          const char *semi = strchr (p, ';');

          g_assert_nonnull (semi);
          if (!dl_html_decode_entity (p, semi - p + 1, out))
            fail ("Unknown character reference in an attribute: %.*s", (int) (semi - p + 1), p);
          p = semi;
          continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Independent of dl-html.c's own URL policy: the scheme, as a browser
 * would read it (leading spaces and controls skipped, case ignored). */
static void
check_url (const char        *attribute,
           const char        *raw,
           DlRenderImageMode  mode)
{
  g_autofree char *url = decode (raw);
  g_autofree char *lower = NULL;
  const char *p = url;
  const char *colon;
  gboolean image = g_str_equal (attribute, "src");

  while (*p != '\0' && (guchar) *p <= ' ')
    p++;
  lower = g_ascii_strdown (p, -1);
  for (char *q = lower; *q != '\0'; q++)
    if (*q == '\t' || *q == '\n' || *q == '\r')
      fail ("A %s with a control character inside: %s", attribute, url);
  colon = strchr (lower, ':');
  if (colon != NULL && strcspn (lower, "/?#") > (gsize) (colon - lower))
    {
      g_autofree char *scheme = g_strndup (lower, colon - lower);

      if (!(g_str_equal (scheme, "http") || g_str_equal (scheme, "https")
            || (!image && g_str_equal (scheme, "mailto"))
            || (image && mode == DL_RENDER_IMAGES_PREVIEW && g_str_equal (scheme, "dateline-image"))))
        fail ("A %s with the scheme “%s”: %s", attribute, scheme, url);
    }
  /* An export refers to its images by file name, beside the page. */
  if (image && mode == DL_RENDER_IMAGES_FILE_NAME && colon == NULL)
    return;
  if (!dl_html_url_is_safe (url, image ? (mode == DL_RENDER_IMAGES_PREVIEW ? DL_HTML_URL_IMAGE_PREVIEW
                                                                          : DL_HTML_URL_IMAGE)
                                       : DL_HTML_URL_LINK))
    fail ("The renderer wrote a %s its own policy refuses: %s", attribute, url);
}

static const char *
read_name (const char *p,
           char      **name)
{
  const char *start = p;

  while (g_ascii_isalnum (*p) || *p == '-')
    p++;
  *name = g_strndup (start, p - start);
  return p;
}

void
dl_fuzz_oracle_check (const char        *html,
                      DlRenderImageMode  mode)
{
  const char *p = html;

  g_assert_nonnull (html);
  g_assert_true (g_utf8_validate (html, -1, NULL));

  while (*p != '\0')
    {
      g_autofree char *name = NULL;
      gboolean closing;

      if (*p == '>')
        fail ("A raw “>” in text at %ld", (long) (p - html));
      if (*p != '<')
        {
          p++;
          continue;
        }
      p++;
      closing = *p == '/';
      if (closing)
        p++;
      p = read_name (p, &name);
      if (!g_strv_contains (elements, name))
        fail ("The element <%s%s> is not one the renderer writes", closing ? "/" : "", name);

      while (*p == ' ')
        {
          g_autofree char *attribute = NULL;
          const char *value_start;
          g_autofree char *value = NULL;

          p = read_name (p + 1, &attribute);
          if (closing || !g_strv_contains (attributes, attribute))
            fail ("The attribute “%s” on <%s> is not one the renderer writes", attribute, name);
          if (p[0] != '=' || p[1] != '"')
            fail ("The attribute “%s” on <%s> is not quoted", attribute, name);
          value_start = p + 2;
          p = strchr (value_start, '"');
          g_assert_nonnull (p);
          value = g_strndup (value_start, p - value_start);
          if (strchr (value, '<') != NULL || strchr (value, '>') != NULL || strchr (value, '`') != NULL)
            fail ("An unescaped character in the attribute “%s”: %s", attribute, value);
          if (g_str_equal (attribute, "href") || g_str_equal (attribute, "src"))
            check_url (attribute, value, mode);
          p++;
        }
      if (*p != '>')
        fail ("Unexpected “%c” inside <%s>", *p, name);
      p++;
    }
}
