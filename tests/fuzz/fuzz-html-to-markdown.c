/* fuzz-html-to-markdown.c: the HTML reader of imports
 *
 * ninjs bodies are HTML from anywhere. The reader must turn any of it
 * into Markdown without crashing, and that Markdown must render into a
 * page that passes the renderer's oracle (fuzz-oracle.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "dl-html.h"
#include "dl-html-to-markdown.h"
#include "dl-renderer.h"
#include "fuzz-oracle.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* The reader gets UTF-8 (the JSON reader checked it). */
  g_autofree char *html = g_utf8_make_valid ((const char *) data, size);
  g_autofree char *markdown = dl_html_to_markdown (html);
  g_autoptr(DlArticle) article = dl_article_new ();
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autofree char *page = NULL;

  g_assert_nonnull (markdown);
  g_assert_true (g_utf8_validate (markdown, -1, NULL));
  dl_article_set_body (article, markdown);
  page = dl_renderer_render_article (renderer, article);
  dl_fuzz_oracle_check (page, DL_RENDER_IMAGES_FILE_NAME);
  return 0;
}
