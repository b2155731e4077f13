/* dl-store.c
 *
 * The library: one <uuid>.dateline file per article in a folder, plus
 * an index of summaries so that opening a library of 10,000 articles
 * reads one small file and no article bodies.
 *
 * This file is the object itself and the one way an operation runs:
 * a work function in a worker thread (files only, under io_lock), then
 * an apply function on the owner thread (the summaries), then the
 * caller's callback. Each operation lives in a file of its own; see
 * dl-store-private.h for the map.
 *
 * Every file move or write in the library folder happens under io_lock,
 * which is also where the save generations are compared so that an
 * older snapshot can never overwrite a newer one, whatever order the
 * workers run in.
 *
 * The index is a cache: it is never the only copy of anything. A
 * missing, stale or corrupt index is rebuilt from the files, and the
 * background reconciliation (readdir + stat) re-reads only files whose
 * size or modification time differ from what the index recorded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-store"

#include "config.h"

#include "dl-quarantined-file.h"
#include "dl-store-private.h"

G_DEFINE_FINAL_TYPE (DlStore, dl_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (dl-store-error-quark, dl_store_error)

enum {
  PROP_0,
  PROP_DIRECTORY,
  PROP_RECOVERY_DIRECTORY,
  PROP_READY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED_OUTSIDE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Running an operation */

typedef struct
{
  gpointer          data;
  GDestroyNotify    data_free;
  DlStoreWorkFunc   work;
  DlStoreApplyFunc  apply;
} Operation;

static void
operation_free (gpointer data)
{
  Operation *op = data;

  if (op->data_free != NULL)
    op->data_free (op->data);
  g_free (op);
}

static void
operation_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Operation *op = task_data;
  GError *error = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, &error)
      || !op->work (DL_STORE (source_object), op->data, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* On the owner thread: the work is done, whatever its outcome. */
static void
operation_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Operation *op = g_task_get_task_data (task);
  GError *error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  if (op->apply != NULL)
    op->apply (DL_STORE (object), op->data, error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * _dl_store_run_async:
 * @source_tag: the public function, checked by _dl_store_run_finish()
 * @data: the operation's own state, freed with @data_free when the
 *   caller's result is gone; _dl_store_run_finish() returns it
 * @work: run in a worker thread
 * @apply: (nullable): run on the owner thread after @work, before
 *   @callback
 *
 * The one way the store runs an operation in the background.
 */
void
_dl_store_run_async (DlStore             *self,
                     gpointer             source_tag,
                     gpointer             data,
                     GDestroyNotify       data_free,
                     DlStoreWorkFunc      work,
                     DlStoreApplyFunc     apply,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  Operation *op;

  g_assert (DL_IS_STORE (self));
  g_assert (work != NULL);

  op = g_new0 (Operation, 1);
  op->data = data;
  op->data_free = data_free;
  op->work = work;
  op->apply = apply;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, op, operation_free);

  /* The worker's outcome is applied even if the caller cancelled
   * meanwhile: a file that was written must show in the summaries. */
  worker = g_task_new (self, cancellable, operation_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (worker, source_tag);
  g_task_set_check_cancellable (worker, FALSE);
  g_task_set_task_data (worker, op, NULL);
  g_task_run_in_thread (worker, operation_thread);
}

/**
 * _dl_store_run_finish:
 *
 * The checks every _finish() of the store makes, in one place.
 *
 * Returns: (transfer none) (nullable): the operation's data, or %NULL
 *   with @error set
 */
gpointer
_dl_store_run_finish (DlStore       *self,
                      GAsyncResult  *result,
                      gpointer       source_tag,
                      GError       **error)
{
  Operation *op;

  g_return_val_if_fail (DL_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  op = g_task_get_task_data (G_TASK (result));
  return op->data;
}

/**
 * _dl_store_run_sync:
 *
 * The same operation in the calling thread, which must be the owner's
 * (the command line, tests): work, then apply.
 */
gboolean
_dl_store_run_sync (DlStore           *self,
                    gpointer           data,
                    DlStoreWorkFunc    work,
                    DlStoreApplyFunc   apply,
                    GCancellable      *cancellable,
                    GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  ok = !g_cancellable_set_error_if_cancelled (cancellable, &local_error)
       && work (self, data, cancellable, &local_error);
  if (apply != NULL)
    apply (self, data, local_error);
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

/**
 * _dl_store_invoke_on_owner:
 *
 * Runs @func on the owner thread soon, from a worker. An explicit
 * source, not g_main_context_invoke(), which would run @func right there
 * in the worker when nobody iterates the owner's context.
 */
void
_dl_store_invoke_on_owner (DlStore        *self,
                           const char     *name,
                           GSourceFunc     func,
                           gpointer        data,
                           GDestroyNotify  data_free)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, data, data_free);
  g_source_set_name (source, name);
  g_source_attach (source, self->context);
}

void
_dl_store_set_ready (DlStore *self)
{
  if (self->ready)
    return;
  self->ready = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

void
_dl_store_emit_changed_outside (DlStore    *self,
                                const char *uuid,
                                DlArticle  *article)
{
  g_signal_emit (self, signals[CHANGED_OUTSIDE], 0, uuid, article);
}

static void
destroy_source (GSource *source)
{
  g_source_destroy (source);
  g_source_unref (source);
}

/* GObject */

static void
dl_store_dispose (GObject *object)
{
  DlStore *self = DL_STORE (object);
  g_autoptr(GError) error = NULL;

  _dl_store_stop_warming (self);
  /* The index is a cache, but a current one saves a re-read next time. */
  if (self->summaries != NULL && !dl_store_write_index_sync (self, &error))
    g_message ("Could not write the library index: %s", error->message);

  if (self->monitor != NULL)
    {
      g_file_monitor_cancel (self->monitor);
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_clear_object (&self->monitor);
    }
  if (self->pending_checks != NULL)
    g_hash_table_remove_all (self->pending_checks);

  G_OBJECT_CLASS (dl_store_parent_class)->dispose (object);
}

static void
dl_store_finalize (GObject *object)
{
  DlStore *self = DL_STORE (object);

  g_clear_object (&self->directory);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_object (&self->summaries);
  g_clear_object (&self->quarantined);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->written_gen, g_hash_table_unref);
  g_clear_pointer (&self->trashed, g_hash_table_unref);
  g_clear_pointer (&self->disk_stamps, g_hash_table_unref);
  g_clear_pointer (&self->pending_checks, g_hash_table_unref);
  g_clear_pointer (&self->recovery_path, g_free);
  g_mutex_clear (&self->io_lock);

  G_OBJECT_CLASS (dl_store_parent_class)->finalize (object);
}

static void
dl_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  DlStore *self = DL_STORE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_value_set_object (value, self->directory);
      break;
    case PROP_READY:
      g_value_set_boolean (value, self->ready);
      break;
    case PROP_RECOVERY_DIRECTORY:
      g_value_take_object (value, g_file_new_for_path (self->recovery_path));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_store_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  DlStore *self = DL_STORE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      self->directory = g_value_dup_object (value);
      break;
    case PROP_RECOVERY_DIRECTORY:
      {
        GFile *dir = g_value_get_object (value);
        self->recovery_path = dir != NULL ? g_file_get_path (dir) : NULL;
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_store_constructed (GObject *object)
{
  DlStore *self = DL_STORE (object);

  G_OBJECT_CLASS (dl_store_parent_class)->constructed (object);

  if (self->directory == NULL)
    {
      g_autofree char *path = g_build_filename (g_get_user_data_dir (), "dateline", NULL);
      self->directory = g_file_new_for_path (path);
    }
  self->path = g_file_get_path (self->directory);
  if (self->path == NULL)
    {
      g_critical ("The library folder must be a local path");
      self->path = g_strdup (".");
    }

  /* Text that could not be written to the library goes elsewhere: the
   * library's own disk may be the one that is full or read-only. One
   * folder per library, named after its path. */
  if (self->recovery_path == NULL)
    {
      g_autofree char *id = g_compute_checksum_for_string (G_CHECKSUM_SHA256, self->path, -1);

      id[16] = '\0';
      self->recovery_path = g_build_filename (g_get_user_state_dir (), "dateline", "recovery", id, NULL);
    }
}

static void
dl_store_class_init (DlStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = dl_store_constructed;
  object_class->dispose = dl_store_dispose;
  object_class->finalize = dl_store_finalize;
  object_class->get_property = dl_store_get_property;
  object_class->set_property = dl_store_set_property;

  properties[PROP_DIRECTORY] =
    g_param_spec_object ("directory", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Where unsaved text goes when the library cannot take it (NULL: in
   * $XDG_STATE_HOME/dateline/recovery/, one folder per library). */
  properties[PROP_RECOVERY_DIRECTORY] =
    g_param_spec_object ("recovery-directory", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DlStore::changed-outside:
   * @uuid: the article
   * @article: (nullable): the new version, %NULL when the file could not
   *   be read (it was quarantined)
   *
   * Another program changed an article's file (dl_store_watch()). The
   * summaries already show the new version.
   */
  signals[CHANGED_OUTSIDE] =
    g_signal_new ("changed-outside", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, DL_TYPE_ARTICLE);
}

static void
dl_store_init (DlStore *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->summaries = dl_summary_list_new (DL_TYPE_ARTICLE_SUMMARY,
                                        (DlSummaryListGetItem) _dl_store_entry_get_summary);
  self->quarantined = g_list_store_new (DL_TYPE_QUARANTINED_FILE);
  /* Keys are owned by the entries' summaries. */
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, _dl_store_entry_free);
  self->written_gen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->trashed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->disk_stamps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, _dl_store_known_version_free);
  self->pending_checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) destroy_source);
  g_mutex_init (&self->io_lock);
}

/* Public API */

/**
 * dl_store_new:
 * @directory: (nullable): the library folder; NULL for
 *   $XDG_DATA_HOME/dateline/ (inside Flatpak, the app's own data folder)
 *
 * Creates the store; nothing is read until dl_store_load_async().
 */
DlStore *
dl_store_new (GFile *directory)
{
  g_return_val_if_fail (directory == NULL || G_IS_FILE (directory), NULL);

  return g_object_new (DL_TYPE_STORE, "directory", directory, NULL);
}

GFile *
dl_store_get_directory (DlStore *self)
{
  g_return_val_if_fail (DL_IS_STORE (self), NULL);
  return self->directory;
}

gboolean
dl_store_is_ready (DlStore *self)
{
  g_return_val_if_fail (DL_IS_STORE (self), FALSE);
  return self->ready;
}

/**
 * dl_store_get_summaries:
 *
 * Returns: (transfer none): a GListModel of DlArticleSummary, newest
 *   modification first. A save updates its summary in place and, when
 *   the article becomes the newest, moves it with one items-changed.
 */
GListModel *
dl_store_get_summaries (DlStore *self)
{
  g_return_val_if_fail (DL_IS_STORE (self), NULL);
  return G_LIST_MODEL (self->summaries);
}

/**
 * dl_store_find_summary:
 *
 * Returns: (transfer none) (nullable): the summary of @uuid.
 */
DlArticleSummary *
dl_store_find_summary (DlStore    *self,
                       const char *uuid)
{
  Entry *entry;

  g_return_val_if_fail (DL_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  entry = g_hash_table_lookup (self->entries, uuid);
  return entry != NULL ? _dl_store_entry_get_summary (entry) : NULL;
}

/**
 * dl_store_get_quarantined:
 *
 * Returns: (transfer none): a GListModel of DlQuarantinedFile.
 */
GListModel *
dl_store_get_quarantined (DlStore *self)
{
  g_return_val_if_fail (DL_IS_STORE (self), NULL);
  return G_LIST_MODEL (self->quarantined);
}

