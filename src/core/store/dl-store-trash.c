/* dl-store-trash.c
 *
 * Trashing and restoring: an article's file moves to trash/ and back (a
 * rename, so nothing is copied and nothing can be half done), and its
 * summary leaves the list and comes back. A save of an article trashed
 * while it was being edited goes to the trash too (dl-store-save.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-store"

#include "config.h"

#include <errno.h>
#include <utime.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dl-store-private.h"

/* Trash */

static gboolean
trash_work (DlStore       *self,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  const char *uuid = data;
  g_autofree char *trash = NULL;
  g_autofree char *src = NULL;
  g_autofree char *dst = NULL;

  if (!_dl_store_check_uuid (uuid, error))
    return FALSE;

  trash = _dl_store_subdir_path (self, DL_STORE_TRASH_DIR);
  src = _dl_store_article_path (self->path, uuid);
  dst = _dl_store_article_path (trash, uuid);

  g_mutex_lock (&self->io_lock);
  if (!g_file_test (src, G_FILE_TEST_IS_REGULAR))
    {
      g_mutex_unlock (&self->io_lock);
      g_set_error (error, DL_STORE_ERROR, DL_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is an article's identifier, 1b4e28ba-2fa1-11d2-883f-0016d3cca427 */
                   _("The article %s is not in the library."), uuid);
      return FALSE;
    }
  if (g_mkdir_with_parents (trash, 0755) != 0 || g_rename (src, dst) != 0)
    {
      int saved_errno = errno;
      g_mutex_unlock (&self->io_lock);
      _dl_store_set_io_error (error, DL_STORE_ERROR_WRITE,
                              /* Translators: %s is a folder, "/home/anna/.local/share/dateline/trash";
                               * the second %s is the system's reason, such as "Permission denied" */
                              _("Could not move the article to the trash folder “%s”: %s"), trash,
                              saved_errno);
      return FALSE;
    }
  /* Its modification time now says when it was trashed: the Trash view
   * shows it and the purge goes by it (dl-store-trash-list.c). */
  if (g_utime (dst, NULL) != 0)
    g_warning ("Could not note when %s was trashed: %s", uuid, g_strerror (errno));
  g_hash_table_add (self->trashed, g_strdup (uuid));
  g_hash_table_remove (self->disk_stamps, uuid);
  g_mutex_unlock (&self->io_lock);
  return TRUE;
}

static void
trash_apply (DlStore      *self,
             gpointer      data,
             const GError *error)
{
  const char *uuid = data;

  if (error != NULL)
    return;
  _dl_store_remove_entry (self, uuid);
  self->mutation_serial++;
  _dl_store_schedule_index_write (self);
}

/**
 * dl_store_trash_article_sync:
 *
 * Moves the article's file to trash/ (a rename: recoverable with
 * dl_store_restore_article_sync()) and removes it from the summaries, in
 * the calling thread: for the command line and tests; the application
 * uses dl_store_trash_article_async().
 */
gboolean
dl_store_trash_article_sync (DlStore     *self,
                             const char  *uuid,
                             GError     **error)
{
  g_autofree char *data = NULL;

  g_return_val_if_fail (DL_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  data = g_strdup (uuid);
  return _dl_store_run_sync (self, data, trash_work, trash_apply, NULL, error);
}

/**
 * dl_store_trash_article_async:
 *
 * Like dl_store_trash_article_sync(), with the file moved in a worker
 * thread and the summaries updated on the owner thread.
 */
void
dl_store_trash_article_async (DlStore             *self,
                              const char          *uuid,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (DL_IS_STORE (self));
  g_return_if_fail (uuid != NULL);

  _dl_store_run_async (self, dl_store_trash_article_async, g_strdup (uuid), g_free,
                       trash_work, trash_apply, cancellable, callback, user_data);
}

gboolean
dl_store_trash_article_finish (DlStore       *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return _dl_store_run_finish (self, result, dl_store_trash_article_async, error) != NULL;
}

/* Restore */

/* The article, read once its file is back: an OpenData. */

/* Renames the file back and reads the article. */
static gboolean
restore_work (DlStore       *self,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  OpenData *restore = data;
  g_autofree char *trash = NULL;
  g_autofree char *src = NULL;
  g_autofree char *dst = NULL;
  const char *uuid = restore->uuid;

  if (!_dl_store_check_uuid (uuid, error))
    return FALSE;

  trash = _dl_store_subdir_path (self, DL_STORE_TRASH_DIR);
  src = _dl_store_article_path (trash, uuid);
  dst = _dl_store_article_path (self->path, uuid);

  g_mutex_lock (&self->io_lock);
  if (!g_file_test (src, G_FILE_TEST_IS_REGULAR))
    {
      g_mutex_unlock (&self->io_lock);
      g_set_error (error, DL_STORE_ERROR, DL_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is an article's identifier, 1b4e28ba-2fa1-11d2-883f-0016d3cca427 */
                   _("The article %s is not in the trash."), uuid);
      return FALSE;
    }
  if (g_file_test (dst, G_FILE_TEST_EXISTS))
    {
      g_mutex_unlock (&self->io_lock);
      g_set_error (error, DL_STORE_ERROR, DL_STORE_ERROR_WRITE,
                   /* Translators: %s is an article's identifier, 1b4e28ba-2fa1-11d2-883f-0016d3cca427 */
                   _("An article with the identifier %s is already in the library."), uuid);
      return FALSE;
    }
  if (g_rename (src, dst) != 0)
    {
      int saved_errno = errno;
      g_mutex_unlock (&self->io_lock);
      _dl_store_set_io_error (error, DL_STORE_ERROR_WRITE,
                              /* Translators: %s is a folder, "/home/anna/.local/share/dateline/trash";
                               * the second %s is the system's reason, such as "Permission denied" */
                              _("Could not restore the article from the trash folder “%s”: %s"), trash,
                              saved_errno);
      return FALSE;
    }
  g_hash_table_remove (self->trashed, uuid);
  _dl_store_record_written_locked (self, uuid, dst, NULL, &restore->mtime_ns, &restore->size);
  g_mutex_unlock (&self->io_lock);

  restore->article = _dl_store_read_library_file (self, dst, NULL, NULL, &restore->quarantined, error);
  return restore->article != NULL;
}

static void
restore_apply (DlStore      *self,
               gpointer      data,
               const GError *error)
{
  OpenData *restore = data;
  Entry *entry;

  if (error != NULL)
    {
      _dl_store_add_quarantined (self, restore->quarantined);
      return;
    }
  entry = _dl_store_upsert_article (self, restore->article, restore->mtime_ns, restore->size);
  entry->serial = ++self->mutation_serial;
  _dl_store_schedule_index_write (self);
}

/**
 * dl_store_restore_article_sync:
 *
 * Brings an article back from trash/ into the library and the summaries,
 * in the calling thread: the application uses
 * dl_store_restore_article_async().
 */
gboolean
dl_store_restore_article_sync (DlStore     *self,
                               const char  *uuid,
                               GError     **error)
{
  OpenData *restore;
  gboolean ok;

  g_return_val_if_fail (DL_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  restore = _dl_store_open_data_new (uuid);
  ok = _dl_store_run_sync (self, restore, restore_work, restore_apply, NULL, error);
  _dl_store_open_data_free (restore);
  return ok;
}

/**
 * dl_store_restore_article_async:
 *
 * Like dl_store_restore_article_sync(), reading the file in a worker
 * thread.
 */
void
dl_store_restore_article_async (DlStore             *self,
                                const char          *uuid,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (DL_IS_STORE (self));
  g_return_if_fail (uuid != NULL);

  _dl_store_run_async (self, dl_store_restore_article_async, _dl_store_open_data_new (uuid), _dl_store_open_data_free,
                       restore_work, restore_apply, cancellable, callback, user_data);
}

gboolean
dl_store_restore_article_finish (DlStore       *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _dl_store_run_finish (self, result, dl_store_restore_article_async, error) != NULL;
}
