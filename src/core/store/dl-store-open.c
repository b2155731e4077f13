/* dl-store-open.c
 *
 * Opening one article: its whole file is read in a worker. The version
 * read is remembered (dl-store-files.c), so that a later save can tell
 * whether another program changed the file meanwhile. A file that cannot
 * be parsed goes to the quarantine and leaves the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-store"

#include "config.h"

#include "dl-store-private.h"

OpenData *
_dl_store_open_data_new (const char *uuid)
{
  OpenData *data = g_new0 (OpenData, 1);

  data->uuid = g_strdup (uuid);
  return data;
}

void
_dl_store_open_data_free (gpointer data)
{
  OpenData *open_data = data;

  g_free (open_data->uuid);
  g_clear_object (&open_data->article);
  g_clear_object (&open_data->quarantined);
  g_free (open_data);
}

gboolean
_dl_store_open_work (DlStore       *self,
                     gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  OpenData *open_data = data;
  g_autofree char *path = _dl_store_article_path (self->path, open_data->uuid);
  g_autoptr(GBytes) content = NULL;
  DlFileStamp stamp;

  open_data->article = _dl_store_read_library_file (self, path, &stamp, &content, &open_data->quarantined,
                                                    error);
  if (open_data->article == NULL)
    return FALSE;
  open_data->mtime_ns = stamp.mtime_ns;
  open_data->size = stamp.size;
  /* The editor now holds this version: a save checks against it. */
  _dl_store_remember_read_version (self, open_data->uuid, path, &stamp, content, FALSE);
  return TRUE;
}

void
_dl_store_open_apply (DlStore      *self,
                      gpointer      data,
                      const GError *error)
{
  OpenData *open_data = data;

  if (open_data->quarantined != NULL)
    {
      _dl_store_add_quarantined (self, open_data->quarantined);
      _dl_store_remove_entry (self, open_data->uuid);
      _dl_store_schedule_index_write (self);
    }
}

/**
 * dl_store_open_article_async:
 *
 * Reads the whole article in a worker. A file that cannot be parsed is
 * quarantined and reported with DL_STORE_ERROR_CORRUPT.
 */
void
dl_store_open_article_async (DlStore             *self,
                             const char          *uuid,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GError *error = NULL;

  g_return_if_fail (DL_IS_STORE (self));
  g_return_if_fail (uuid != NULL);

  if (!_dl_store_check_uuid (uuid, &error))
    {
      g_task_report_error (self, callback, user_data, dl_store_open_article_async, error);
      return;
    }
  _dl_store_run_async (self, dl_store_open_article_async, _dl_store_open_data_new (uuid),
                       _dl_store_open_data_free, _dl_store_open_work, _dl_store_open_apply,
                       cancellable, callback, user_data);
}

/**
 * dl_store_open_article_finish:
 *
 * Returns: (transfer full): the article, or NULL with @error set.
 */
DlArticle *
dl_store_open_article_finish (DlStore       *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  OpenData *data = _dl_store_run_finish (self, result, dl_store_open_article_async, error);

  return data != NULL ? g_steal_pointer (&data->article) : NULL;
}

/**
 * dl_store_open_article_sync:
 *
 * Returns: (transfer full): the article, or NULL with @error set.
 */
DlArticle *
dl_store_open_article_sync (DlStore       *self,
                            const char    *uuid,
                            GCancellable  *cancellable,
                            GError       **error)
{
  OpenData *data;
  DlArticle *article = NULL;

  g_return_val_if_fail (DL_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (!_dl_store_check_uuid (uuid, error))
    return NULL;

  data = _dl_store_open_data_new (uuid);
  if (_dl_store_run_sync (self, data, _dl_store_open_work, _dl_store_open_apply, cancellable, error))
    article = g_steal_pointer (&data->article);
  _dl_store_open_data_free (data);
  return article;
}
