/* dl-store-trash-list.c
 *
 * The trash as something a journalist can browse: what trash/ holds
 * (newest trashed first), deleting one article for good, emptying it,
 * and the purge of what has been there longer than
 * DL_STORE_TRASH_KEEP_DAYS. When an article went to the trash is its
 * file's modification time: trashing sets it (dl-store-trash.c), and
 * nothing else writes there except saves of an article trashed while
 * open, which are as good a "trashed" time. Deleting for good removes
 * the article's backup too: a deleted story leaves nothing behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-store"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dl-article-file.h"
#include "dl-limits.h"
#include "dl-store-private.h"

typedef struct
{
  GDateTime *older_than;  /* purge: only files trashed before this */
  char      *uuid;        /* delete: this one only */
  GPtrArray *items;       /* list: DlTrashedArticle */
  guint      n_deleted;
} TrashListData;

static void
trash_list_data_free (gpointer data)
{
  TrashListData *list = data;

  g_clear_pointer (&list->older_than, g_date_time_unref);
  g_free (list->uuid);
  g_clear_pointer (&list->items, g_ptr_array_unref);
  g_free (list);
}

static TrashListData *
trash_list_data_new (void)
{
  return g_new0 (TrashListData, 1);
}

/* "Everything trashed until now", this second included. */
static GDateTime *
end_of_this_second (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_add_seconds (now, 1);
}

/* The UUID of a trash/ file name, or NULL for anything else there. */
static char *
uuid_of_name (const char *name)
{
  g_autofree char *uuid = NULL;

  if (!g_str_has_suffix (name, DL_ARTICLE_FILE_EXTENSION))
    return NULL;
  uuid = g_strndup (name, strlen (name) - strlen (DL_ARTICLE_FILE_EXTENSION));
  return g_uuid_string_is_valid (uuid) ? g_steal_pointer (&uuid) : NULL;
}

static GDateTime *
trashed_time (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return NULL;
  return g_date_time_new_from_unix_utc (st.st_mtime);
}

static DlTrashedArticle *
describe (const char *path,
          const char *uuid)
{
  g_autoptr(GDateTime) trashed = trashed_time (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DlArticle) article = NULL;
  g_autofree char *title = NULL;

  if (trashed == NULL)
    return NULL;
  bytes = dl_path_load_bounded (path, DL_LIMIT_FILE_BYTES, NULL, NULL, NULL);
  if (bytes != NULL)
    article = dl_article_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
  if (article == NULL)
    return dl_trashed_article_new (uuid, _("Unreadable article"), NULL, trashed);
  title = dl_article_dup_display_title (article);
  return dl_trashed_article_new (uuid, title, dl_article_get_place (article), trashed);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  DlTrashedArticle *x = *(DlTrashedArticle **) a;
  DlTrashedArticle *y = *(DlTrashedArticle **) b;
  int order = g_date_time_compare (dl_trashed_article_get_trashed (y), dl_trashed_article_get_trashed (x));

  return order != 0 ? order : strcmp (dl_trashed_article_get_uuid (x), dl_trashed_article_get_uuid (y));
}

/* Deletes an article's trash file and its backup; io_lock held. */
static gboolean
delete_locked (DlStore     *self,
               const char  *trash,
               const char  *uuid,
               GError     **error)
{
  g_autofree char *path = _dl_store_article_path (trash, uuid);
  g_autofree char *backups = _dl_store_subdir_path (self, DL_STORE_BACKUPS_DIR);
  g_autofree char *backup = _dl_store_article_path (backups, uuid);
  g_autofree char *live = _dl_store_article_path (self->path, uuid);

  if (g_unlink (path) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        g_set_error (error, DL_STORE_ERROR, DL_STORE_ERROR_NOT_FOUND,
                     _("The article %s is not in the trash."), uuid);
      else
        _dl_store_set_io_error (error, DL_STORE_ERROR_WRITE,
                                /* Translators: %s is a file's path; the second %s is the system's reason,
                                 * such as "Permission denied" */
                                _("Could not delete “%s”: %s"), path, saved_errno);
      return FALSE;
    }
  /* The backup belongs to the library's copy if the article is back
   * there (an import of the same file, say): keep it then. */
  if (!g_file_test (live, G_FILE_TEST_EXISTS))
    {
      g_unlink (backup);
      _dl_store_delete_revisions (self, uuid);
    }
  g_hash_table_remove (self->trashed, uuid);
  return TRUE;
}

/* Lists trash/ into list->items; with older_than or uuid, deletes what
 * matches instead (all, for emptying). */
static gboolean
trash_list_work (DlStore       *self,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  TrashListData *list = data;
  g_autofree char *trash = _dl_store_subdir_path (self, DL_STORE_TRASH_DIR);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  list->items = g_ptr_array_new_with_free_func (g_object_unref);
  if (list->uuid != NULL)
    {
      gboolean ok;

      if (!_dl_store_check_uuid (list->uuid, error))
        return FALSE;
      g_mutex_lock (&self->io_lock);
      ok = delete_locked (self, trash, list->uuid, error);
      g_mutex_unlock (&self->io_lock);
      list->n_deleted = ok ? 1 : 0;
      return ok;
    }

  dir = g_dir_open (trash, 0, &local_error);
  if (dir == NULL)
    {
      /* No trash folder yet: nothing was ever trashed. (No library
       * folder either: the store reports that where it matters.) */
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
          || g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *uuid = uuid_of_name (name);
      g_autofree char *path = NULL;

      if (uuid == NULL)
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      path = g_build_filename (trash, name, NULL);

      if (list->older_than != NULL)
        {
          g_autoptr(GDateTime) trashed = trashed_time (path);
          g_autoptr(GError) delete_error = NULL;

          if (trashed == NULL || g_date_time_compare (trashed, list->older_than) >= 0)
            continue;
          g_mutex_lock (&self->io_lock);
          if (delete_locked (self, trash, uuid, &delete_error))
            list->n_deleted++;
          else
            g_warning ("Could not purge %s from the trash: %s", uuid, delete_error->message);
          g_mutex_unlock (&self->io_lock);
        }
      else
        {
          DlTrashedArticle *item = describe (path, uuid);

          if (item != NULL)
            g_ptr_array_add (list->items, item);
        }
    }
  g_ptr_array_sort (list->items, compare_newest_first);
  return TRUE;
}

static GPtrArray *
finish_items (TrashListData *list)
{
  return list != NULL ? g_ptr_array_ref (list->items) : NULL;
}

/**
 * dl_store_list_trash_sync:
 *
 * Returns: (transfer container) (element-type DlTrashedArticle): what
 *   the trash holds, most recently trashed first
 */
GPtrArray *
dl_store_list_trash_sync (DlStore  *self,
                          GError  **error)
{
  TrashListData *list;
  GPtrArray *items = NULL;

  g_return_val_if_fail (DL_IS_STORE (self), NULL);

  list = trash_list_data_new ();
  if (_dl_store_run_sync (self, list, trash_list_work, NULL, NULL, error))
    items = finish_items (list);
  trash_list_data_free (list);
  return items;
}

/**
 * dl_store_list_trash_async:
 *
 * Like dl_store_list_trash_sync(), reading the files in a worker thread.
 */
void
dl_store_list_trash_async (DlStore             *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (DL_IS_STORE (self));

  _dl_store_run_async (self, dl_store_list_trash_async, trash_list_data_new (), trash_list_data_free,
                       trash_list_work, NULL, cancellable, callback, user_data);
}

/**
 * dl_store_list_trash_finish:
 *
 * Returns: (transfer container) (element-type DlTrashedArticle)
 */
GPtrArray *
dl_store_list_trash_finish (DlStore       *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return finish_items (_dl_store_run_finish (self, result, dl_store_list_trash_async, error));
}

/**
 * dl_store_delete_trashed_sync:
 * @uuid: an article in the trash
 *
 * Deletes the article for good (its backup too). There is no undo: the
 * user interface asks first.
 */
gboolean
dl_store_delete_trashed_sync (DlStore     *self,
                              const char  *uuid,
                              GError     **error)
{
  TrashListData *list;
  gboolean ok;

  g_return_val_if_fail (DL_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  list = trash_list_data_new ();
  list->uuid = g_strdup (uuid);
  ok = _dl_store_run_sync (self, list, trash_list_work, NULL, NULL, error);
  trash_list_data_free (list);
  return ok;
}

/**
 * dl_store_delete_trashed_async:
 * @uuid: (nullable): an article in the trash, or %NULL to empty the
 *   whole trash
 *
 * Deletes for good, in a worker thread.
 */
void
dl_store_delete_trashed_async (DlStore             *self,
                               const char          *uuid,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  TrashListData *list;

  g_return_if_fail (DL_IS_STORE (self));

  list = trash_list_data_new ();
  list->uuid = g_strdup (uuid);
  if (uuid == NULL)
    list->older_than = end_of_this_second ();
  _dl_store_run_async (self, dl_store_delete_trashed_async, list, trash_list_data_free,
                       trash_list_work, NULL, cancellable, callback, user_data);
}

/**
 * dl_store_delete_trashed_finish:
 * @n_deleted: (out) (optional): how many articles were deleted
 */
gboolean
dl_store_delete_trashed_finish (DlStore       *self,
                                GAsyncResult  *result,
                                guint         *n_deleted,
                                GError       **error)
{
  TrashListData *list = _dl_store_run_finish (self, result, dl_store_delete_trashed_async, error);

  if (n_deleted != NULL)
    *n_deleted = list != NULL ? list->n_deleted : 0;
  return list != NULL;
}

/**
 * dl_store_purge_trash_sync:
 * @older_than: what was trashed before this moment goes; the
 *   application passes now minus DL_STORE_TRASH_KEEP_DAYS, and %NULL
 *   means now (empty the trash)
 * @n_deleted: (out) (optional): how many articles were deleted
 */
gboolean
dl_store_purge_trash_sync (DlStore    *self,
                           GDateTime  *older_than,
                           guint      *n_deleted,
                           GError    **error)
{
  TrashListData *list;
  gboolean ok;

  g_return_val_if_fail (DL_IS_STORE (self), FALSE);

  list = trash_list_data_new ();
  list->older_than = older_than != NULL ? g_date_time_ref (older_than) : end_of_this_second ();
  ok = _dl_store_run_sync (self, list, trash_list_work, NULL, NULL, error);
  if (n_deleted != NULL)
    *n_deleted = list->n_deleted;
  trash_list_data_free (list);
  return ok;
}

/**
 * dl_store_purge_trash_async:
 * @older_than: what was trashed before this moment goes
 *
 * Like dl_store_purge_trash_sync(), in a worker; finish with
 * dl_store_delete_trashed_finish().
 */
void
dl_store_purge_trash_async (DlStore             *self,
                            GDateTime           *older_than,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  TrashListData *list;

  g_return_if_fail (DL_IS_STORE (self));
  g_return_if_fail (older_than != NULL);

  list = trash_list_data_new ();
  list->older_than = g_date_time_ref (older_than);
  _dl_store_run_async (self, dl_store_delete_trashed_async, list, trash_list_data_free,
                       trash_list_work, NULL, cancellable, callback, user_data);
}
