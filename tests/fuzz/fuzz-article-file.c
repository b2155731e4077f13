/* fuzz-article-file.c: the .dateline loader, with a round-trip oracle
 *
 * Whatever bytes arrive, the loader must return an article or an error,
 * never crash, hang or grow without bound; and an article it accepts
 * must save and load back to the same bytes (unknown members included).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "dl-article-file.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(DlArticle) article = NULL;
  g_autoptr(DlArticle) again = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;

  article = dl_article_new_from_data ((const char *) data, size, &error);
  if (article == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  if (dl_article_is_read_only (article))
    return 0;

  first = dl_article_serialize (article);
  again = dl_article_new_from_data (g_bytes_get_data (first, NULL), g_bytes_get_size (first), &error);
  if (again == NULL)
    {
      g_printerr ("A saved article does not load again: %s\n", error->message);
      abort ();
    }
  second = dl_article_serialize (again);
  g_assert_true (g_bytes_equal (first, second));
  return 0;
}
