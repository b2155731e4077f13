/* fuzz-ninjs-import.c: the IPTC ninjs importer
 *
 * An agency feed item is outside data: the importer returns an article
 * (perhaps with warnings) or an error, and what it imports renders.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "dl-ninjs.h"
#include "dl-renderer.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(DlArticle) article = NULL;
  g_autoptr(DlRenderer) renderer = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autofree char *page = NULL;

  article = dl_ninjs_import_data ((const char *) data, size, &warnings, &error);
  if (article == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  renderer = dl_renderer_new ();
  page = dl_renderer_render_article (renderer, article);
  g_assert_nonnull (page);
  return 0;
}
