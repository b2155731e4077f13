/* fuzz-wordpress-post.c: a post as a WordPress server sends it
 *
 * "Open a post from the site" maps whatever the server answers into an
 * article: the JSON, the block markup back to Markdown, the companion's
 * meta. Any of it must give an article that renders into a page passing
 * the renderer's oracle (fuzz-oracle.c), and block markup that renders
 * again (a post opened, edited and published back).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "dl-renderer.h"
#include "dl-wordpress-publisher.h"
#include "fuzz-oracle.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autoptr(DlArticle) article = NULL;
  g_autofree char *page = NULL;
  g_autofree char *blocks = NULL;
  g_autofree char *text = g_utf8_make_valid ((const char *) data, size);
  g_autofree char *markdown = NULL;
  JsonNode *root;

  /* The content alone, as the body of a post. */
  markdown = dl_wordpress_blocks_to_markdown (text);
  g_assert_true (g_utf8_validate (markdown, -1, NULL));

  if (size > 1024 * 1024 || !json_parser_load_from_data (parser, (const char *) data, size, NULL))
    return 0;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return 0;
  article = dl_wordpress_post_to_article (json_node_get_object (root), "site");
  page = dl_renderer_render_article (renderer, article);
  dl_fuzz_oracle_check (page, DL_RENDER_IMAGES_FILE_NAME);
  blocks = dl_renderer_render_blocks (renderer, article);
  g_assert_true (g_utf8_validate (blocks, -1, NULL));
  return 0;
}
