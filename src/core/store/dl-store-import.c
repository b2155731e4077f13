/* dl-store-import.c
 *
 * Importing a .dateline file or an IPTC ninjs 2.x document from anywhere:
 * read and parsed in a worker, claimed on the owner thread (a UUID
 * already in the library gets a fresh one, so an import never overwrites
 * anything), then saved as any save is. The library's own file of an
 * article is not imported: "importing" it opens the article. A newer Dateline's file is
 * stored byte for byte, read-only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "dl-article-file.h"
#include "dl-limits.h"
#include "dl-ninjs.h"
#include "dl-store-private.h"

typedef struct
{
  GFile     *file;
  gboolean   file_clash;   /* its UUID has a file in the library or its trash */
  gboolean   own_file;     /* it is that file: the library's own, opened, not imported
                            * (its entry may not be listed yet: the application opens
                            * a file given at start while the library loads) */
  GBytes    *raw;          /* a newer Dateline's file: stored as it is */
  GStrv      warnings;
  DlArticle *read;         /* as read from the file */
  DlArticle *article;      /* as stored: read, or a copy under a new UUID */
} ImportData;

static ImportData *
import_data_new (GFile *file)
{
  ImportData *import = g_new0 (ImportData, 1);

  import->file = g_object_ref (file);
  return import;
}

static void
import_data_free (gpointer data)
{
  ImportData *import = data;

  g_clear_object (&import->file);
  g_clear_pointer (&import->raw, g_bytes_unref);
  g_clear_pointer (&import->warnings, g_strfreev);
  g_clear_object (&import->read);
  g_clear_object (&import->article);
  g_free (import);
}

/* Reads and parses a file to import; safe in a worker thread (it only
 * looks at files). */
static gboolean
read_import_work (DlStore       *self,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  ImportData *import = data;
  g_autofree char *display = g_file_get_parse_name (import->file);
  g_autofree char *existing = NULL;
  g_autofree char *trashed = NULL;
  g_autofree char *trash = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DlArticle) article = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *contents;
  gsize length = 0;
  const char *uuid;

  bytes = dl_file_load_bounded (import->file, DL_LIMIT_FILE_BYTES, cancellable, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: %s is the imported file's path, "/home/anna/Downloads/story.json";
                    * the second %s is why */
                   _("Could not import “%s”: %s"), display, local_error->message);
      return FALSE;
    }
  contents = g_bytes_get_data (bytes, &length);
  if (contents == NULL)
    contents = "";
  article = dl_article_new_from_data (contents, length, &local_error);
  /* Not a Dateline article: it may be an IPTC ninjs document from an
   * agency feed or another newsroom system. */
  if (article == NULL
      && g_error_matches (local_error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_NOT_ARTICLE))
    {
      g_autoptr(GError) ninjs_error = NULL;

      article = dl_ninjs_import_data (contents, length, &import->warnings, &ninjs_error);
      if (article == NULL && !g_error_matches (ninjs_error, DL_NINJS_ERROR, DL_NINJS_ERROR_NOT_NINJS))
        {
          g_clear_error (&local_error);
          local_error = g_steal_pointer (&ninjs_error);
        }
    }
  if (article == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  /* Translators: %s is the imported file's path,
                                   * "/home/anna/Downloads/story.json"; the reason follows this text */
                                  _("Could not import “%s”: "), display);
      return FALSE;
    }
  if (dl_article_is_read_only (article))
    import->raw = g_bytes_ref (bytes);

  uuid = dl_article_get_uuid (article);
  trash = _dl_store_subdir_path (self, DL_STORE_TRASH_DIR);
  existing = _dl_store_article_path (self->path, uuid);
  trashed = _dl_store_article_path (trash, uuid);
  import->file_clash = g_file_test (existing, G_FILE_TEST_EXISTS) || g_file_test (trashed, G_FILE_TEST_EXISTS);
  /* A library file opened from the file manager (or given on the command
   * line) is the article itself, not a copy to make. */
  if (import->file_clash && g_file_is_native (import->file))
    {
      g_autofree char *given = g_file_get_path (import->file);
      g_autofree char *real_given = given != NULL ? realpath (given, NULL) : NULL;
      g_autofree char *real_existing = realpath (existing, NULL);

      import->own_file = real_given != NULL && g_strcmp0 (real_given, real_existing) == 0;
    }
  import->read = g_steal_pointer (&article);
  return TRUE;
}

/* On the owner thread, which knows the library: an article whose UUID
 * is taken becomes a copy with a fresh UUID, so an import never
 * overwrites anything. */
static DlArticle *
claim_import (DlStore     *self,
              ImportData  *import,
              GError     **error)
{
  DlArticle *article = import->read;

  if (!import->file_clash && !g_hash_table_contains (self->entries, dl_article_get_uuid (article)))
    return g_object_ref (article);
  if (dl_article_is_read_only (article))
    {
      g_autofree char *display = g_file_get_parse_name (import->file);

      g_set_error (error, DL_STORE_ERROR, DL_STORE_ERROR_READ_ONLY,
                   _("Could not import “%s”: it was saved by a newer version of Dateline, and an "
                     "article with its identifier is already in the library."), display);
      return NULL;
    }
  return _dl_store_article_with_new_uuid (article);
}

static SaveData *
import_save_data_new (DlStore    *self,
                      ImportData *import)
{
  SaveData *save = _dl_store_save_data_new (self, import->article);

  save->raw = import->raw != NULL ? g_bytes_ref (import->raw) : NULL;
  return save;
}

/**
 * dl_store_import_file_sync:
 * @warnings: (out) (optional) (transfer full): what could not be
 *   imported and why (translated), or %NULL
 *
 * Imports a .dateline file or an IPTC ninjs 2.x document in the calling
 * thread: for the command line. The application uses
 * dl_store_import_file_async(). A file from a newer Dateline is stored
 * as it is (and is read-only).
 *
 * Returns: (transfer full): the article as stored in the library, or
 *   NULL with @error set (the message names the file and the problem).
 */
DlArticle *
dl_store_import_file_sync (DlStore       *self,
                           GFile         *file,
                           GStrv         *warnings,
                           GCancellable  *cancellable,
                           GError       **error)
{
  ImportData *import;
  DlArticle *article = NULL;

  g_return_val_if_fail (DL_IS_STORE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  import = import_data_new (file);
  if (!_dl_store_run_sync (self, import, read_import_work, NULL, cancellable, error))
    ;
  else if (import->own_file)
    article = g_object_ref (import->read);
  else if ((import->article = claim_import (self, import, error)) != NULL)
    {
      SaveData *save = import_save_data_new (self, import);

      if (_dl_store_run_sync (self, save, _dl_store_save_work, _dl_store_save_apply, cancellable, error))
        {
          article = g_steal_pointer (&import->article);
          if (warnings != NULL)
            *warnings = g_steal_pointer (&import->warnings);
        }
      _dl_store_save_data_free (save);
    }
  import_data_free (import);
  return article;
}

/* Two operations in a row, with the claim on the owner thread between
 * them: the caller's task holds the ImportData throughout. */
static void
on_import_saved_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ImportData *import = g_task_get_task_data (task);
  GError *error = NULL;

  if (_dl_store_run_finish (DL_STORE (object), result, dl_store_import_file_async, &error) == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_object_ref (import->article), g_object_unref);
}

static void
on_import_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DlStore *self = DL_STORE (object);
  ImportData *import = g_task_get_task_data (task);
  GCancellable *cancellable;
  GError *error = NULL;

  if (_dl_store_run_finish (self, result, dl_store_import_file_async, &error) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (import->own_file)
    {
      g_task_return_pointer (task, g_object_ref (import->read), g_object_unref);
      return;
    }
  if ((import->article = claim_import (self, import, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  cancellable = g_task_get_cancellable (task);
  _dl_store_run_async (self, dl_store_import_file_async, import_save_data_new (self, import),
                       _dl_store_save_data_free, _dl_store_save_work, _dl_store_save_apply,
                       cancellable, on_import_saved_cb, g_steal_pointer (&task));
}

/**
 * dl_store_import_file_async:
 *
 * Imports a .dateline file or an IPTC ninjs 2.x document: the file is
 * read and parsed in a worker thread, the library is updated on the
 * owner thread, and the article is saved as any save is.
 */
void
dl_store_import_file_async (DlStore             *self,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *import;

  g_return_if_fail (DL_IS_STORE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dl_store_import_file_async);
  import = import_data_new (file);
  g_task_set_task_data (task, import, import_data_free);

  /* The read fills in the caller's ImportData (the task owns it). */
  _dl_store_run_async (self, dl_store_import_file_async, import, NULL, read_import_work, NULL,
                       cancellable, on_import_read_cb, g_steal_pointer (&task));
}

/**
 * dl_store_import_file_finish:
 * @warnings: (out) (optional) (transfer full): see dl_store_import_file_sync()
 *
 * Returns: (transfer full): the article as stored, or %NULL with @error set
 */
DlArticle *
dl_store_import_file_finish (DlStore       *self,
                             GAsyncResult  *result,
                             GStrv         *warnings,
                             GError       **error)
{
  DlArticle *article;

  g_return_val_if_fail (DL_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dl_store_import_file_async, NULL);

  article = g_task_propagate_pointer (G_TASK (result), error);
  if (warnings != NULL)
    {
      ImportData *import = g_task_get_task_data (G_TASK (result));

      *warnings = article != NULL ? g_steal_pointer (&import->warnings) : NULL;
    }
  return article;
}
