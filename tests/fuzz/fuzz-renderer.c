/* fuzz-renderer.c: the page renderer, with an oracle on its output
 *
 * Any body, headline, standfirst, caption and credit, in the preview's
 * and the export's image modes: only the elements, attributes and URL
 * schemes the renderer is meant to write may come out (fuzz-oracle.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "dl-renderer.h"
#include "fuzz-oracle.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_utf8_make_valid ((const char *) data, size);
  g_auto(GStrv) parts = g_strsplit (text, "\x1e", 6);
  g_autoptr(DlArticle) article = dl_article_new ();
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  guint n = g_strv_length (parts);

  /* Fields are separated by U+001E (record separator) in the input. */
  dl_article_set_body (article, parts[0]);
  if (n > 1)
    dl_article_set_headline (article, parts[1]);
  if (n > 2)
    dl_article_set_standfirst (article, parts[2]);
  if (n > 3)
    dl_article_set_image_caption (article, parts[3]);
  if (n > 4)
    {
      g_autoptr(DlCredit) credit = dl_credit_new (DL_CREDIT_ROLE_PHOTO, parts[4], parts[4]);

      dl_article_set_image_credit (article, parts[4]);
      dl_article_add_credit (article, credit);
      dl_article_set_image_path (article, "/photos/a.jpg");
    }
  if (n > 5)
    dl_article_set_place (article, parts[5]);

  for (guint mode = 0; mode < 2; mode++)
    {
      DlRenderImageMode image_mode = mode == 0 ? DL_RENDER_IMAGES_PREVIEW : DL_RENDER_IMAGES_FILE_NAME;
      g_autofree char *inner = NULL;

      dl_renderer_set_image_mode (renderer, image_mode);
      inner = dl_renderer_render_article (renderer, article);
      dl_fuzz_oracle_check (inner, image_mode);
    }
  return 0;
}
