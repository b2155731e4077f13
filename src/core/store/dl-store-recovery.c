/* dl-store-recovery.c
 *
 * Where text goes when the library cannot take it: the recovery folder,
 * $XDG_STATE_HOME/dateline/recovery/<library>/, on whatever disk that is
 * (the library's own may be the full or read-only one). The next start
 * offers it back. Also a backup written on request (the version that was
 * open when another program replaced the file).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-store"

#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dl-article-file.h"
#include "dl-limits.h"
#include "dl-store-private.h"

static char *
recovery_file (DlStore    *self,
               const char *uuid)
{
  return _dl_store_article_path (self->recovery_path, uuid);
}

/* Keeps @article where the library's own failures cannot reach it (the
 * recovery folder); the next start offers it back. Call with io_lock
 * held. */
gboolean
_dl_store_write_recovery_locked (DlStore    *self,
                                 DlArticle  *article,
                                 char      **path_out,
                                 GError    **error)
{
  g_autoptr(GBytes) bytes = dl_article_serialize (article);
  g_autofree char *path = recovery_file (self, dl_article_get_uuid (article));
  g_autoptr(GError) local_error = NULL;

  if (!_dl_store_write_file_atomically (self->recovery_path, path, g_bytes_get_data (bytes, NULL),
                                        g_bytes_get_size (bytes), &local_error))
    {
      g_autofree char *display = g_filename_display_name (self->recovery_path);

      g_set_error (error, DL_STORE_ERROR, DL_STORE_ERROR_WRITE,
                   /* Translators: %s is a folder, "/home/anna/.local/share/dateline/recovery"; the second
                    * %s is why. "Either": saving the article in the library had failed first */
                   _("Could not keep the text in the recovery folder “%s” either: %s"),
                   display, local_error->message);
      return FALSE;
    }
  g_message ("Kept %s in %s", dl_article_get_uuid (article), path);
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return TRUE;
}

void
_dl_store_remove_recovery_locked (DlStore    *self,
                                  const char *uuid)
{
  g_autofree char *path = recovery_file (self, uuid);

  if (g_unlink (path) != 0 && errno != ENOENT)
    g_message ("Could not remove %s: %s", path, g_strerror (errno));
}

static gboolean
keep_in_recovery_work (DlStore       *self,
                       gpointer       data,
                       GCancellable  *cancellable,
                       GError       **error)
{
  gboolean ok;

  g_mutex_lock (&self->io_lock);
  ok = _dl_store_write_recovery_locked (self, data, NULL, error);
  g_mutex_unlock (&self->io_lock);
  return ok;
}

/**
 * dl_store_keep_in_recovery_async:
 *
 * Writes a snapshot of @article to the recovery folder (not the
 * library), for when the library cannot take it: the next start offers
 * it back (dl_store_list_recovered_async()). A later successful save of
 * the article removes it.
 */
void
dl_store_keep_in_recovery_async (DlStore             *self,
                                 DlArticle           *article,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (DL_IS_STORE (self));
  g_return_if_fail (DL_IS_ARTICLE (article));

  _dl_store_run_async (self, dl_store_keep_in_recovery_async, dl_article_copy (article), g_object_unref,
                       keep_in_recovery_work, NULL, cancellable, callback, user_data);
}

gboolean
dl_store_keep_in_recovery_finish (DlStore       *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return _dl_store_run_finish (self, result, dl_store_keep_in_recovery_async, error) != NULL;
}

static gboolean
back_up_work (DlStore       *self,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  DlArticle *article = data;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *backups = _dl_store_subdir_path (self, DL_STORE_BACKUPS_DIR);
  g_autofree char *path = _dl_store_article_path (backups, dl_article_get_uuid (article));
  gboolean ok;

  /* A newer Dateline's article cannot be written faithfully. */
  if (dl_article_is_read_only (article))
    return TRUE;
  bytes = dl_article_serialize (article);
  g_mutex_lock (&self->io_lock);
  ok = _dl_store_write_file_atomically (backups, path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                        error);
  g_mutex_unlock (&self->io_lock);
  return ok;
}

/**
 * dl_store_back_up_article_async:
 *
 * Writes @article as backups/<uuid>.dateline, the version a restore from
 * backup brings back: used when another program replaced the file of an
 * article open without unsaved edits, so the version that was open is
 * not lost when the new one is loaded.
 */
void
dl_store_back_up_article_async (DlStore             *self,
                                DlArticle           *article,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (DL_IS_STORE (self));
  g_return_if_fail (DL_IS_ARTICLE (article));

  _dl_store_run_async (self, dl_store_back_up_article_async, dl_article_copy (article), g_object_unref,
                       back_up_work, NULL, cancellable, callback, user_data);
}

gboolean
dl_store_back_up_article_finish (DlStore       *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _dl_store_run_finish (self, result, dl_store_back_up_article_async, error) != NULL;
}

static void
recovered_free (gpointer data)
{
  GPtrArray **found = data;

  g_clear_pointer (found, g_ptr_array_unref);
  g_free (found);
}

static gboolean
list_recovered_work (DlStore       *self,
                     gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  GPtrArray **found = data;
  g_autoptr(GDir) dir = g_dir_open (self->recovery_path, 0, NULL);
  const char *name;

  *found = g_ptr_array_new_with_free_func (g_object_unref);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) local_error = NULL;
      DlArticle *article;

      if (name[0] == '.' || !g_str_has_suffix (name, DL_ARTICLE_FILE_EXTENSION))
        continue;
      path = g_build_filename (self->recovery_path, name, NULL);
      bytes = dl_path_load_bounded (path, DL_LIMIT_FILE_BYTES, NULL, cancellable, &local_error);
      article = bytes != NULL ? dl_article_new_from_data (g_bytes_get_data (bytes, NULL),
                                                          g_bytes_get_size (bytes), &local_error)
                              : NULL;
      if (article == NULL)
        {
          g_message ("Ignoring %s in the recovery folder: %s", path, local_error->message);
          continue;
        }
      g_ptr_array_add (*found, article);
    }
  return TRUE;
}

/**
 * dl_store_list_recovered_async:
 *
 * Reads what the recovery folder holds: text that could not be written
 * to the library last time (a failed save at quit, a conflict not
 * resolved). Put one back with dl_store_resolve_conflict_async()
 * (DL_CONFLICT_KEEP_MINE).
 */
void
dl_store_list_recovered_async (DlStore             *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (DL_IS_STORE (self));

  _dl_store_run_async (self, dl_store_list_recovered_async, g_new0 (GPtrArray *, 1), recovered_free,
                       list_recovered_work, NULL, cancellable, callback, user_data);
}

/**
 * dl_store_list_recovered_finish:
 *
 * Returns: (transfer full) (element-type DlArticle): the recovered
 *   articles, perhaps none
 */
GPtrArray *
dl_store_list_recovered_finish (DlStore       *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  GPtrArray **found = _dl_store_run_finish (self, result, dl_store_list_recovered_async, error);

  return found != NULL ? g_steal_pointer (found) : NULL;
}
