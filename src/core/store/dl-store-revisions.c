/* dl-store-revisions.c: the kept versions of each article
 *
 * revisions/<uuid>/<revision id>.dateline in the library folder: whole
 * article files, written atomically like the article itself and never
 * rewritten, so no save, crash or full disk can lose one that was listed.
 * A revision is made on an explicit save, a publication and a restore,
 * and not when the text (headline, standfirst, body) is the same as the
 * newest revision's.
 *
 * Bounded: at most DL_STORE_MAX_REVISIONS per article. Past that the
 * oldest saves and restores go first; publications are kept longest,
 * since they are what readers saw (docs/FILE-FORMAT.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dl-article-file.h"
#include "dl-store-private.h"
#include "dl-text-stats.h"

static char *
revisions_folder (DlStore    *self,
                  const char *uuid)
{
  g_autofree char *root = _dl_store_subdir_path (self, DL_STORE_REVISIONS_DIR);

  return g_build_filename (root, uuid, NULL);
}

static char *
revision_path (const char *folder,
               const char *id)
{
  g_autofree char *name = g_strconcat (id, ".dateline", NULL);

  return g_build_filename (folder, name, NULL);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const DlRevision *ra = *(DlRevision * const *) a;
  const DlRevision *rb = *(DlRevision * const *) b;

  return -g_strcmp0 (ra->id, rb->id);
}

/**
 * dl_store_list_revisions_sync:
 *
 * Returns: (transfer container) (element-type DlRevision): newest first;
 *   empty when the article has none
 */
GPtrArray *
dl_store_list_revisions_sync (DlStore     *self,
                              const char  *uuid,
                              GError     **error)
{
  g_autofree char *folder = NULL;
  g_autoptr(GPtrArray) revisions = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_revision_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  g_return_val_if_fail (DL_IS_STORE (self), NULL);
  if (!_dl_store_check_uuid (uuid, error))
    return NULL;

  folder = revisions_folder (self, uuid);
  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&revisions);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *id = NULL;
      DlRevision *revision;

      /* Temporary files of a write in progress start with a dot. */
      if (!g_str_has_suffix (name, ".dateline") || name[0] == '.')
        continue;
      id = g_strndup (name, strlen (name) - strlen (".dateline"));
      revision = dl_revision_new_from_id (id);
      if (revision != NULL)
        g_ptr_array_add (revisions, revision);
    }
  g_ptr_array_sort (revisions, compare_newest_first);
  return g_steal_pointer (&revisions);
}

/**
 * dl_store_load_revision_sync:
 *
 * Returns: (transfer full): the article as it was then
 */
DlArticle *
dl_store_load_revision_sync (DlStore     *self,
                             const char  *uuid,
                             const char  *revision_id,
                             GError     **error)
{
  g_autoptr(DlRevision) revision = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr(GError) local_error = NULL;
  DlArticle *article;

  g_return_val_if_fail (DL_IS_STORE (self), NULL);
  if (!_dl_store_check_uuid (uuid, error))
    return NULL;
  /* A name, never a path. */
  revision = dl_revision_new_from_id (revision_id);
  if (revision == NULL)
    {
      g_set_error (error, DL_STORE_ERROR, DL_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is what was given as a revision's name; a real one looks like
                    * 20250508T100612.345Z-save-412 */
                   _("“%s” is not the name of a revision."), revision_id);
      return NULL;
    }
  folder = revisions_folder (self, uuid);
  path = revision_path (folder, revision->id);
  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (error, DL_STORE_ERROR, DL_STORE_ERROR_NOT_FOUND,
                     /* Translators: %s is a revision's name, such as 20250508T100612.345Z-save-412 */
                     _("The article has no revision %s."), revision_id);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  article = dl_article_new_from_data (data, length, &local_error);
  if (article == NULL)
    {
      g_set_error (error, DL_STORE_ERROR, DL_STORE_ERROR_CORRUPT,
                   /* Translators: %s is a revision's name, such as 20250508T100612.345Z-save-412;
                    * the second %s is why, such as "The file is not valid JSON: …" */
                   _("The revision %s is damaged: %s"), revision_id, local_error->message);
      return NULL;
    }
  return article;
}

static gboolean
same_text (DlArticle *a,
           DlArticle *b)
{
  return g_strcmp0 (dl_article_get_headline (a), dl_article_get_headline (b)) == 0
         && g_strcmp0 (dl_article_get_standfirst (a), dl_article_get_standfirst (b)) == 0
         && g_strcmp0 (dl_article_get_body (a), dl_article_get_body (b)) == 0;
}

/* Over the bound: the oldest saves and restores first, then, if there
 * are still too many, the oldest publications. */
static void
prune (const char *folder,
       GPtrArray  *revisions)
{
  guint excess = revisions->len > DL_STORE_MAX_REVISIONS ? revisions->len - DL_STORE_MAX_REVISIONS : 0;

  for (int pass = 0; pass < 2 && excess > 0; pass++)
    for (guint i = revisions->len; i > 0 && excess > 0; i--)
      {
        DlRevision *revision = g_ptr_array_index (revisions, i - 1);

        if (revision->cause == DL_REVISION_CAUSE_PUBLISH && pass == 0)
          continue;
        {
          g_autofree char *path = revision_path (folder, revision->id);

          if (g_unlink (path) == 0)
            excess--;
          g_ptr_array_remove_index (revisions, i - 1);
        }
      }
}

/**
 * dl_store_add_revision_sync:
 * @revision_out: (out) (optional) (nullable): the revision made, or %NULL
 *   when the text is the newest revision's
 *
 * Keeps @article's current text as a revision.
 */
gboolean
dl_store_add_revision_sync (DlStore          *self,
                            DlArticle        *article,
                            DlRevisionCause   cause,
                            DlRevision      **revision_out,
                            GError          **error)
{
  const char *uuid;
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(DlRevision) revision = NULL;
  g_autoptr(GBytes) bytes = NULL;
  DlTextStats stats;

  g_return_val_if_fail (DL_IS_STORE (self), FALSE);
  g_return_val_if_fail (DL_IS_ARTICLE (article), FALSE);

  if (revision_out != NULL)
    *revision_out = NULL;
  uuid = dl_article_get_uuid (article);
  revisions = dl_store_list_revisions_sync (self, uuid, error);
  if (revisions == NULL)
    return FALSE;
  if (revisions->len > 0)
    {
      DlRevision *newest = g_ptr_array_index (revisions, 0);
      g_autoptr(DlArticle) previous = dl_store_load_revision_sync (self, uuid, newest->id, NULL);

      if (previous != NULL && same_text (previous, article))
        return TRUE;
      /* Names keep milliseconds: two in the same one, the later a
       * millisecond on, never the same name. */
      if (g_date_time_difference (now, newest->time) < 1000)
        {
          GDateTime *later = g_date_time_add (newest->time, 1000);

          g_date_time_unref (now);
          now = later;
        }
    }

  dl_text_stats_count (dl_article_get_body (article), -1, &stats);
  revision = dl_revision_new (now, cause, stats.words);
  folder = revisions_folder (self, uuid);
  path = revision_path (folder, revision->id);
  bytes = dl_article_serialize (article);
  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      /* Translators: %s is a folder; the second %s is the system's reason, such as
       * "Permission denied" */
      _dl_store_set_io_error (error, DL_STORE_ERROR_WRITE, _("Could not create “%s”: %s"), folder, errno);
      return FALSE;
    }
  if (!_dl_store_write_file_atomically (folder, path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                        error))
    return FALSE;

  g_ptr_array_insert (revisions, 0, dl_revision_copy (revision));
  prune (folder, revisions);
  if (revision_out != NULL)
    *revision_out = g_steal_pointer (&revision);
  return TRUE;
}

/* Removes an article's revisions (it was deleted for good). */
void
_dl_store_delete_revisions (DlStore    *self,
                            const char *uuid)
{
  g_autofree char *folder = revisions_folder (self, uuid);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_unlink (path);
    }
  g_rmdir (folder);
}

/* The async versions, for the window: the same work in a worker. */

typedef struct
{
  char            *uuid;
  char            *revision_id;
  DlArticle       *article;   /* a copy: the worker's own */
  DlRevisionCause  cause;
} RevisionTask;

static void
revision_task_free (gpointer data)
{
  RevisionTask *task = data;

  g_free (task->uuid);
  g_free (task->revision_id);
  g_clear_object (&task->article);
  g_free (task);
}

static void
add_revision_thread (GTask        *task,
                     gpointer      source,
                     gpointer      data,
                     GCancellable *cancellable)
{
  RevisionTask *work = data;
  DlRevision *revision = NULL;
  GError *error = NULL;

  if (!dl_store_add_revision_sync (source, work->article, work->cause, &revision, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, revision, (GDestroyNotify) dl_revision_free);
}

void
dl_store_add_revision_async (DlStore             *self,
                             DlArticle           *article,
                             DlRevisionCause      cause,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  RevisionTask *work = g_new0 (RevisionTask, 1);

  g_return_if_fail (DL_IS_STORE (self));
  g_return_if_fail (DL_IS_ARTICLE (article));

  g_task_set_source_tag (task, dl_store_add_revision_async);
  work->article = dl_article_copy (article);
  work->cause = cause;
  g_task_set_task_data (task, work, revision_task_free);
  g_task_run_in_thread (task, add_revision_thread);
}

/**
 * dl_store_add_revision_finish:
 * @revision_out: (out) (nullable): as for dl_store_add_revision_sync()
 */
gboolean
dl_store_add_revision_finish (DlStore       *self,
                              GAsyncResult  *result,
                              DlRevision   **revision_out,
                              GError       **error)
{
  GError *local_error = NULL;
  DlRevision *revision;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  revision = g_task_propagate_pointer (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (revision_out != NULL)
    *revision_out = revision;
  else
    dl_revision_free (revision);
  return TRUE;
}

static void
list_revisions_thread (GTask        *task,
                       gpointer      source,
                       gpointer      data,
                       GCancellable *cancellable)
{
  RevisionTask *work = data;
  GError *error = NULL;
  GPtrArray *revisions = dl_store_list_revisions_sync (source, work->uuid, &error);

  if (revisions == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, revisions, (GDestroyNotify) g_ptr_array_unref);
}

void
dl_store_list_revisions_async (DlStore             *self,
                               const char          *uuid,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  RevisionTask *work = g_new0 (RevisionTask, 1);

  g_task_set_source_tag (task, dl_store_list_revisions_async);
  work->uuid = g_strdup (uuid);
  g_task_set_task_data (task, work, revision_task_free);
  g_task_run_in_thread (task, list_revisions_thread);
}

GPtrArray *
dl_store_list_revisions_finish (DlStore       *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
load_revision_thread (GTask        *task,
                      gpointer      source,
                      gpointer      data,
                      GCancellable *cancellable)
{
  RevisionTask *work = data;
  GError *error = NULL;
  DlArticle *article = dl_store_load_revision_sync (source, work->uuid, work->revision_id, &error);

  if (article == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, article, g_object_unref);
}

void
dl_store_load_revision_async (DlStore             *self,
                              const char          *uuid,
                              const char          *revision_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  RevisionTask *work = g_new0 (RevisionTask, 1);

  g_task_set_source_tag (task, dl_store_load_revision_async);
  work->uuid = g_strdup (uuid);
  work->revision_id = g_strdup (revision_id);
  g_task_set_task_data (task, work, revision_task_free);
  g_task_run_in_thread (task, load_revision_thread);
}

DlArticle *
dl_store_load_revision_finish (DlStore       *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
