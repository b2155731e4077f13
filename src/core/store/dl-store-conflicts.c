/* dl-store-conflicts.c
 *
 * Another program changed an article's file while Dateline had it open
 * (a second Dateline on a synced folder, a text editor, git): the save
 * that met the change failed with DL_STORE_ERROR_CONFLICT and wrote
 * nothing. Here the journalist's choice is carried out: the version kept
 * becomes the library's, and the other one goes to the trash as an
 * article of its own, so either can still be had.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-store"

#include "config.h"

#include "dl-article-file.h"
#include "dl-limits.h"
#include "dl-store-private.h"

/* The version at @path, which the journalist chose not to keep, goes to
 * the trash as an article of its own (a fresh identity), so it can still
 * be restored; one that cannot be read goes to the quarantine. Call with
 * io_lock held. */
void
_dl_store_set_aside_locked (DlStore    *self,
                            const char *path,
                            DlArticle  *known)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DlArticle) article = NULL;
  g_autoptr(DlArticle) copy = NULL;
  g_autoptr(GBytes) copy_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *trash = _dl_store_subdir_path (self, DL_STORE_TRASH_DIR);
  g_autofree char *target = NULL;

  if (known == NULL)
    {
      g_autoptr(DlQuarantinedFile) quarantined = NULL;

      bytes = dl_path_load_bounded (path, DL_LIMIT_FILE_BYTES, NULL, NULL, &error);
      if (bytes == NULL)
        {
          if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
            quarantined = _dl_store_quarantine_file_locked (self, path, error->message);
          return;
        }
      article = dl_article_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
      if (article == NULL || dl_article_is_read_only (article))
        {
          quarantined = _dl_store_quarantine_file_locked (self, path,
                                                          article == NULL ? error->message
                                                                          : dl_article_get_read_only_reason (article));
          return;
        }
      known = article;
    }

  copy = _dl_store_article_with_new_uuid (known);
  copy_bytes = dl_article_serialize (copy);
  target = _dl_store_article_path (trash, dl_article_get_uuid (copy));
  if (!_dl_store_ensure_folder (trash, &error)
      || !_dl_store_write_file_atomically (trash, target, g_bytes_get_data (copy_bytes, NULL),
                                           g_bytes_get_size (copy_bytes), &error))
    g_warning ("Could not keep the other version of %s in the trash: %s",
               dl_article_get_uuid (known), error->message);
  else
    g_message ("The other version of %s is in the trash as %s", dl_article_get_uuid (known), target);
}

typedef struct
{
  DlConflictChoice  choice;
  DlArticle        *mine;
  SaveData         *keep;      /* KEEP_MINE: our version, saved over theirs */
  guint64           gen;       /* USE_THEIRS: later saves of ours are older than this */
  OpenData         *theirs;    /* USE_THEIRS: their version, read */
} ResolveData;

static void
resolve_data_free (gpointer data)
{
  ResolveData *resolve = data;

  g_clear_object (&resolve->mine);
  g_clear_pointer (&resolve->keep, _dl_store_save_data_free);
  g_clear_pointer (&resolve->theirs, _dl_store_open_data_free);
  g_free (resolve);
}

static gboolean
resolve_work (DlStore       *self,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  ResolveData *resolve = data;
  const char *uuid = dl_article_get_uuid (resolve->mine);
  guint64 *gen;

  if (resolve->choice == DL_CONFLICT_KEEP_MINE)
    return _dl_store_save_work (self, resolve->keep, cancellable, error);

  g_mutex_lock (&self->io_lock);
  /* Saves of our version still on their way must not land after this. */
  gen = g_new (guint64, 1);
  *gen = resolve->gen;
  g_hash_table_replace (self->written_gen, g_strdup (uuid), gen);
  if (!dl_article_is_read_only (resolve->mine))
    _dl_store_set_aside_locked (self, NULL, resolve->mine);
  _dl_store_remove_recovery_locked (self, uuid);
  g_mutex_unlock (&self->io_lock);

  return _dl_store_open_work (self, resolve->theirs, cancellable, error);
}

static void
resolve_apply (DlStore      *self,
               gpointer      data,
               const GError *error)
{
  ResolveData *resolve = data;
  Entry *entry;

  if (resolve->choice == DL_CONFLICT_KEEP_MINE)
    {
      _dl_store_save_apply (self, resolve->keep, error);
      return;
    }

  _dl_store_open_apply (self, resolve->theirs, error);
  if (error != NULL)
    return;
  entry = _dl_store_upsert_article (self, resolve->theirs->article, resolve->theirs->mtime_ns,
                                    resolve->theirs->size);
  entry->serial = ++self->mutation_serial;
  _dl_store_schedule_index_write (self);
}

/**
 * dl_store_resolve_conflict_async:
 * @mine: the article as the journalist has it
 * @choice: which version stays in the library
 *
 * After a save failed with DL_STORE_ERROR_CONFLICT (another program
 * changed the file), or to put back a version from the recovery folder:
 * the chosen version becomes the library's, and the other one goes to
 * the trash as an article of its own, so either can still be had.
 * dl_store_resolve_conflict_finish() returns the article now in the
 * library: @mine, or the other program's version, read from the file.
 */
void
dl_store_resolve_conflict_async (DlStore             *self,
                                 DlArticle           *mine,
                                 DlConflictChoice     choice,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  ResolveData *resolve;

  g_return_if_fail (DL_IS_STORE (self));
  g_return_if_fail (DL_IS_ARTICLE (mine));

  resolve = g_new0 (ResolveData, 1);
  resolve->choice = choice;
  resolve->mine = g_object_ref (mine);
  if (choice == DL_CONFLICT_KEEP_MINE)
    {
      resolve->keep = _dl_store_save_data_new (self, mine);
      resolve->keep->keep_mine = TRUE;
    }
  else
    {
      /* The worker gets its own copy of ours, for the trash. */
      g_set_object (&resolve->mine, NULL);
      resolve->mine = dl_article_copy (mine);
      resolve->gen = ++self->next_gen;
      resolve->theirs = _dl_store_open_data_new (dl_article_get_uuid (mine));
    }
  _dl_store_run_async (self, dl_store_resolve_conflict_async, resolve, resolve_data_free,
                       resolve_work, resolve_apply, cancellable, callback, user_data);
}

/**
 * dl_store_resolve_conflict_finish:
 *
 * Returns: (transfer full): the article now in the library, or %NULL
 *   with @error set
 */
DlArticle *
dl_store_resolve_conflict_finish (DlStore       *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  ResolveData *resolve = _dl_store_run_finish (self, result, dl_store_resolve_conflict_async, error);

  if (resolve == NULL)
    return NULL;
  if (resolve->choice == DL_CONFLICT_KEEP_MINE)
    return g_object_ref (resolve->mine);
  return g_steal_pointer (&resolve->theirs->article);
}
