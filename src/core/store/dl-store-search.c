/* dl-store-search.c
 *
 * Full-text search over every article of the library, in a worker: each
 * file is folded raw first (far cheaper than parsing), and only files
 * that hold every word somewhere are parsed and matched field by field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dl-article-file.h"
#include "dl-store-private.h"
#include "dl-util.h"
static gboolean
article_matches (DlArticle   *article,
                 GStrv        words)
{
  g_autoptr(GString) haystack = g_string_new (NULL);
  g_autofree char *folded = NULL;
  const char * const *tags = dl_article_get_tags (article);

  /* One folded text with a separator no query word can contain, so a
   * word never matches across two fields. */
  g_string_append (haystack, dl_article_get_headline (article));
  g_string_append_c (haystack, '\n');
  g_string_append (haystack, dl_article_get_standfirst (article));
  g_string_append_c (haystack, '\n');
  g_string_append (haystack, dl_article_get_place (article));
  g_string_append_c (haystack, '\n');
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_string_append (haystack, tags[i]);
      g_string_append_c (haystack, '\n');
    }
  g_string_append (haystack, dl_article_get_body (article));

  folded = dl_fold_text (haystack->str);
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (folded, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

typedef struct
{
  GStrv  words;
  GStrv  uuids;   /* to look in, then those found */
} SearchData;

static void
search_data_free (gpointer data)
{
  SearchData *search = data;

  g_strfreev (search->words);
  g_strfreev (search->uuids);
  g_free (search);
}

static gboolean
search_work (DlStore       *self,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  SearchData *search = data;
  g_autoptr(GStrvBuilder) found = g_strv_builder_new ();
  /* The raw JSON can only be pre-filtered when the words survive JSON
   * escaping unchanged. */
  gboolean prefilter = TRUE;

  for (guint i = 0; search->words[i] != NULL; i++)
    if (strpbrk (search->words[i], "\"\\/") != NULL)
      prefilter = FALSE;

  for (guint i = 0; search->uuids[i] != NULL; i++)
    {
      g_autofree char *path = _dl_store_article_path (self->path, search->uuids[i]);
      g_autofree char *contents = NULL;
      g_autoptr(DlArticle) article = NULL;
      gsize length;
      gboolean candidate = TRUE;

      if (g_cancellable_is_cancelled (cancellable))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The search was cancelled."));
          return FALSE;
        }
      if (!g_file_get_contents (path, &contents, &length, NULL))
        continue;

      /* Folding the raw file is far cheaper than parsing it; only files
       * that contain every word somewhere are parsed. */
      if (prefilter)
        {
          g_autofree char *folded = dl_fold_text (contents);

          for (guint w = 0; candidate && search->words[w] != NULL; w++)
            candidate = strstr (folded, search->words[w]) != NULL;
        }
      if (!candidate)
        continue;

      article = dl_article_new_from_data (contents, length, NULL);
      if (article != NULL && article_matches (article, search->words))
        g_strv_builder_add (found, search->uuids[i]);
    }

  g_strfreev (search->uuids);
  search->uuids = g_strv_builder_end (found);
  return TRUE;
}

/**
 * dl_store_search_async:
 * @query: words to find; every word must occur (casefolded, so
 *   "MINSK" finds "Minsk") in the headline, standfirst, body, tags or
 *   place
 *
 * Searches every article of the library in a worker thread. The result
 * (dl_store_search_finish()) lists UUIDs in the summaries' order.
 */
void
dl_store_search_async (DlStore             *self,
                       const char          *query,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) uuids = g_strv_builder_new ();
  g_autofree char *folded = NULL;
  g_auto(GStrv) split = NULL;
  SearchData *search;
  guint n;

  g_return_if_fail (DL_IS_STORE (self));
  g_return_if_fail (query != NULL);

  folded = dl_fold_text (query);
  split = g_strsplit_set (folded, " \t\n\r", -1);
  for (guint i = 0; split[i] != NULL; i++)
    if (*split[i] != '\0')
      g_strv_builder_add (words, split[i]);

  n = dl_summary_list_get_length (self->summaries);
  for (guint i = 0; i < n; i++)
    {
      Entry *entry = dl_summary_list_get_entry (self->summaries, i);

      g_strv_builder_add (uuids, _dl_store_entry_uuid (entry));
    }

  search = g_new0 (SearchData, 1);
  search->words = g_strv_builder_end (words);
  search->uuids = g_strv_builder_end (uuids);
  _dl_store_run_async (self, dl_store_search_async, search, search_data_free, search_work, NULL,
                       cancellable, callback, user_data);
}

/**
 * dl_store_search_finish:
 *
 * Returns: (transfer full): the matching UUIDs, or NULL with @error set.
 */
GStrv
dl_store_search_finish (DlStore       *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  SearchData *search = _dl_store_run_finish (self, result, dl_store_search_async, error);

  return search != NULL ? g_steal_pointer (&search->uuids) : NULL;
}

