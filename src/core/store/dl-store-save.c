/* dl-store-save.c
 *
 * Saving one article: a snapshot taken at call time is written
 * atomically (temporary file, fsync, rename) in a worker, the previous
 * version kept as a backup. Saves of one article never reorder: each has
 * a generation, and one older than what is on disk is not written. A
 * file another program changed since the store last saw it is never
 * overwritten: the save fails with DL_STORE_ERROR_CONFLICT and the text
 * goes to the recovery folder (dl-store-conflicts.c resolves it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-article-file.h"
#include "dl-store-private.h"

void
_dl_store_save_data_free (gpointer data)
{
  SaveData *save = data;

  g_clear_object (&save->snapshot);
  g_free (save->recovery);
  g_clear_pointer (&save->raw, g_bytes_unref);
  g_free (save);
}

gboolean
_dl_store_save_work (DlStore       *self,
                     gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  SaveData *save = data;
  const char *uuid = dl_article_get_uuid (save->snapshot);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *trash = _dl_store_subdir_path (self, DL_STORE_TRASH_DIR);
  g_autofree char *final_path = NULL;
  DlFileStamp on_disk;
  gboolean exists;
  gboolean changed_outside;
  const char *folder;
  gpointer written;
  gboolean ok;

  /* Its file is the only faithful copy of an article from a newer
   * Dateline: nothing may replace it. */
  if (save->raw != NULL)
    bytes = g_bytes_ref (save->raw);
  else if (dl_article_is_read_only (save->snapshot))
    {
      g_set_error_literal (error, DL_STORE_ERROR, DL_STORE_ERROR_READ_ONLY,
                           dl_article_get_read_only_reason (save->snapshot));
      return FALSE;
    }
  else
    bytes = dl_article_serialize (save->snapshot);

  g_mutex_lock (&self->io_lock);

  written = g_hash_table_lookup (self->written_gen, uuid);
  if (written != NULL && *(guint64 *) written > save->gen)
    {
      save->superseded = TRUE;
      g_mutex_unlock (&self->io_lock);
      return TRUE;
    }

  /* Deleting an article while it is being edited must not bring it back
   * to the library, nor lose the last words typed: they go to the trash. */
  save->in_trash = g_hash_table_contains (self->trashed, uuid);
  folder = save->in_trash ? trash : self->path;
  final_path = _dl_store_article_path (folder, uuid);

  /* Another program (a second Dateline on a synced folder, a text
   * editor, git) replaced the file since this store last read or wrote
   * it: writing now would destroy that version. Both are kept instead,
   * ours in the recovery folder, and the journalist chooses. */
  exists = dl_file_stamp_from_path (final_path, &on_disk);
  changed_outside = exists && !save->in_trash && !_dl_store_is_known_version_locked (self, uuid, final_path, &on_disk);
  if (changed_outside && !save->keep_mine)
    {
      g_autoptr(GError) recovery_error = NULL;

      if (_dl_store_write_recovery_locked (self, save->snapshot, &save->recovery, &recovery_error))
        g_set_error (error, DL_STORE_ERROR, DL_STORE_ERROR_CONFLICT,
                     _("Another program changed this article’s file since Dateline last read it. "
                       "Nothing was overwritten: both versions are kept."));
      else
        g_set_error (error, DL_STORE_ERROR, DL_STORE_ERROR_CONFLICT,
                     /* Translators: %s is why the text could not be kept in the recovery folder either,
                      * a sentence such as "Could not keep the text in the recovery folder “…” either: …" */
                     _("Another program changed this article’s file since Dateline last read it. "
                       "Nothing was overwritten; your version is still open in Dateline. %s"),
                     recovery_error->message);
      g_mutex_unlock (&self->io_lock);
      return FALSE;
    }

  if (changed_outside)
    _dl_store_set_aside_locked (self, final_path, NULL);
  else if (!save->in_trash && exists)
    _dl_store_back_up_previous_version (self, final_path, uuid);

  ok = _dl_store_write_file_atomically (folder, final_path, g_bytes_get_data (bytes, NULL),
                                        g_bytes_get_size (bytes), error);
  if (ok)
    {
      guint64 *gen = g_new (guint64, 1);

      *gen = save->gen;
      g_hash_table_replace (self->written_gen, g_strdup (uuid), gen);
      if (save->in_trash)
        _dl_store_stat_file (final_path, &save->mtime_ns, &save->size);
      else if (!_dl_store_record_written_locked (self, uuid, final_path, bytes, &save->mtime_ns, &save->size))
        save->mtime_ns = save->size = 0;
      /* Whatever the recovery folder kept of it is older than this. */
      _dl_store_remove_recovery_locked (self, uuid);
    }

  g_mutex_unlock (&self->io_lock);
  return ok;
}

void
_dl_store_save_apply (DlStore      *self,
                      gpointer      data,
                      const GError *error)
{
  SaveData *save = data;
  Entry *entry;

  if (error != NULL || save->superseded || save->in_trash)
    return;

  entry = g_hash_table_lookup (self->entries, dl_article_get_uuid (save->snapshot));
  /* Completions can arrive in any order; the newest snapshot wins. */
  if (entry != NULL && entry->applied_gen > save->gen)
    return;

  entry = _dl_store_upsert_article (self, save->snapshot, save->mtime_ns, save->size);
  entry->applied_gen = save->gen;
  entry->serial = ++self->mutation_serial;
  _dl_store_schedule_index_write (self);
}

SaveData *
_dl_store_save_data_new (DlStore   *self,
                         DlArticle *article)
{
  SaveData *save = g_new0 (SaveData, 1);

  save->snapshot = dl_article_copy (article);
  save->gen = ++self->next_gen;
  return save;
}

/**
 * dl_store_save_article_async:
 *
 * Saves a snapshot of @article taken now; editing may go on at once.
 * Saves of one article never reorder: a snapshot older than one already
 * on disk is not written (and reported as success, its text being
 * included in the newer one).
 */
void
dl_store_save_article_async (DlStore             *self,
                             DlArticle           *article,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (DL_IS_STORE (self));
  g_return_if_fail (DL_IS_ARTICLE (article));

  _dl_store_run_async (self, dl_store_save_article_async, _dl_store_save_data_new (self, article),
                       _dl_store_save_data_free, _dl_store_save_work, _dl_store_save_apply,
                       cancellable, callback, user_data);
}

gboolean
dl_store_save_article_finish (DlStore       *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return _dl_store_run_finish (self, result, dl_store_save_article_async, error) != NULL;
}

/**
 * dl_store_save_article_sync:
 *
 * Like dl_store_save_article_async(), in the calling thread.
 */
gboolean
dl_store_save_article_sync (DlStore       *self,
                            DlArticle     *article,
                            GCancellable  *cancellable,
                            GError       **error)
{
  SaveData *save;
  gboolean ok;

  g_return_val_if_fail (DL_IS_STORE (self), FALSE);
  g_return_val_if_fail (DL_IS_ARTICLE (article), FALSE);

  save = _dl_store_save_data_new (self, article);
  ok = _dl_store_run_sync (self, save, _dl_store_save_work, _dl_store_save_apply, cancellable, error);
  _dl_store_save_data_free (save);
  return ok;
}
