/* dl-store-load.c
 *
 * Loading the library: the first page of the index is shown at once, the
 * rest of it next, then the folder is reconciled with it in the worker
 * (readdir + stat; only files that differ from the index are read, and a
 * file named after no UUID of its own is adopted).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dl-article-file.h"
#include "dl-store-private.h"

/* A temporary file this old was left by a crash, not a save in progress. */
#define STALE_TEMP_NS      (G_GINT64_CONSTANT (3600) * 1000000000)

typedef struct
{
  DlArticle *article;   /* body dropped: only the summary is needed */
  gint64     mtime_ns;
  guint64    size;
} Changed;

static void
changed_free (gpointer data)
{
  Changed *changed = data;

  g_clear_object (&changed->article);
  g_free (changed);
}

typedef struct
{
  /* Entries from the index, handed to the owner thread: the first page,
   * then the rest. */
  GPtrArray  *batches[2];
  gboolean    applied[2];
  GVariant   *rest;
  GHashTable *known;           /* uuid → gint64[2] {mtime_ns, size} from the index */
  gboolean    index_ok;

  GPtrArray  *changed;         /* Changed */
  GPtrArray  *removed;         /* uuid strings */
  GPtrArray  *quarantined;     /* every DlQuarantinedFile in quarantine/ */
} LoadData;

static void
load_data_clear (gpointer data)
{
  LoadData *load = data;

  g_clear_pointer (&load->batches[0], g_ptr_array_unref);
  g_clear_pointer (&load->batches[1], g_ptr_array_unref);
  g_clear_pointer (&load->rest, g_variant_unref);
  g_clear_pointer (&load->known, g_hash_table_unref);
  g_clear_pointer (&load->changed, g_ptr_array_unref);
  g_clear_pointer (&load->removed, g_ptr_array_unref);
  g_clear_pointer (&load->quarantined, g_ptr_array_unref);
}

/* Shared by the operation and the batches posted to the owner thread,
 * which may run after the operation is over. */
static LoadData *
load_data_new (void)
{
  return g_atomic_rc_box_new0 (LoadData);
}

static void
load_data_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, load_data_clear);
}

/* Reads the first page of the index; load_read_rest() does the rest. */
static void
load_read_index (DlStore  *self,
                 LoadData *load)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) first = NULL;
  gint64 start = g_get_monotonic_time ();

  load->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  first = _dl_store_read_index (self, &load->rest, &error);
  if (first != NULL)
    {
      load->batches[0] = _dl_store_build_entries (first, 0, g_variant_n_children (first), load->known);
      if (load->batches[0] == NULL)
        g_set_error_literal (&error, DL_STORE_ERROR, DL_STORE_ERROR_CORRUPT,
                             "The library index holds an invalid record");
    }

  load->index_ok = load->batches[0] != NULL;
  if (!load->index_ok)
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_message ("Rebuilding the library index of %s: %s", self->path, error->message);
      g_clear_pointer (&load->rest, g_variant_unref);
      load->batches[0] = g_ptr_array_new_with_free_func (_dl_store_entry_free);
    }
  g_debug ("First page of the index of %s read in %.2f ms", self->path,
           (g_get_monotonic_time () - start) / 1000.0);
}

static void
load_read_rest (DlStore  *self,
                LoadData *load)
{
  gint64 start = g_get_monotonic_time ();

  if (load->rest != NULL && g_variant_is_normal_form (load->rest))
    {
      g_autoptr(GVariant) trusted = _dl_store_trusted_records (load->rest);

      load->batches[1] = _dl_store_build_entries (trusted, 0, g_variant_n_children (trusted), load->known);
    }

  /* A damaged rest: the first page stays; reconciliation reads the
   * files it does not know. */
  if (load->batches[1] == NULL)
    {
      if (load->rest != NULL)
        {
          g_message ("Rebuilding the library index of %s: it is damaged", self->path);
          load->index_ok = FALSE;
        }
      load->batches[1] = g_ptr_array_new_with_free_func (_dl_store_entry_free);
    }
  g_clear_pointer (&load->rest, g_variant_unref);
  g_debug ("Rest of the index read in %.2f ms", (g_get_monotonic_time () - start) / 1000.0);
}

/* A file whose name is not <its uuid>.dateline (dropped in by hand, or a
 * copy of another article) is renamed, or given a fresh UUID when its
 * own is taken, so that every article keeps a file of its own. */
static DlArticle *
adopt_foreign_file (DlStore    *self,
                    const char *path,
                    DlArticle  *article,
                    GHashTable *seen,
                    gint64     *mtime_ns,
                    guint64    *size)
{
  g_autofree char *target = _dl_store_article_path (self->path, dl_article_get_uuid (article));
  g_autoptr(GError) error = NULL;
  g_autoptr(DlArticle) fresh = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gboolean ok;

  g_mutex_lock (&self->io_lock);
  if (!g_hash_table_contains (seen, dl_article_get_uuid (article))
      && !g_file_test (target, G_FILE_TEST_EXISTS))
    {
      ok = g_rename (path, target) == 0
           && _dl_store_record_written_locked (self, dl_article_get_uuid (article), target, NULL, mtime_ns, size);
      g_mutex_unlock (&self->io_lock);
      return ok ? g_object_ref (article) : NULL;
    }

  /* A newer Dateline's file cannot be rewritten with a new identity
   * without losing what this version does not understand: it stays as
   * it is, unlisted, until a newer Dateline opens the library. */
  if (dl_article_is_read_only (article))
    {
      g_mutex_unlock (&self->io_lock);
      g_message ("Not adopting %s: it is from a newer Dateline and its identifier is taken", path);
      return NULL;
    }
  fresh = _dl_store_article_with_new_uuid (article);
  g_free (target);
  target = _dl_store_article_path (self->path, dl_article_get_uuid (fresh));
  bytes = dl_article_serialize (fresh);
  ok = _dl_store_write_file_atomically (self->path, target, g_bytes_get_data (bytes, NULL),
                                        g_bytes_get_size (bytes), &error)
       && _dl_store_record_written_locked (self, dl_article_get_uuid (fresh), target, bytes, mtime_ns, size);
  if (ok)
    g_unlink (path);
  g_mutex_unlock (&self->io_lock);

  if (!ok)
    {
      g_warning ("Could not adopt %s: %s", path, error != NULL ? error->message : "stat failed");
      return NULL;
    }
  return g_steal_pointer (&fresh);
}

/* readdir + stat; only files that differ from the index are read. */
static void
load_reconcile (DlStore      *self,
                LoadData     *load,
                GCancellable *cancellable)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;
  const char *name;

  load->changed = g_ptr_array_new_with_free_func (changed_free);
  load->removed = g_ptr_array_new_with_free_func (g_free);
  load->quarantined = g_ptr_array_new_with_free_func (g_object_unref);

  dir = g_dir_open (self->path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *stem = NULL;
      g_autoptr(DlArticle) article = NULL;
      g_autoptr(GError) error = NULL;
      DlQuarantinedFile *quarantined = NULL;
      g_autoptr(GBytes) content = NULL;
      DlFileStamp file_stamp;
      gint64 mtime_ns;
      guint64 size;
      gint64 *stamp;
      Changed *changed;

      if (g_cancellable_is_cancelled (cancellable))
        return;
      /* Hidden names are our own temporary files: one left by a crash is
       * an incomplete copy of a file that is still whole. Fresh ones may
       * belong to a save in progress. */
      if (name[0] == '.')
        {
          if (strstr (name, DL_ARTICLE_FILE_EXTENSION ".") != NULL)
            {
              path = g_build_filename (self->path, name, NULL);
              if (_dl_store_stat_file (path, &mtime_ns, &size)
                  && g_get_real_time () * 1000 - mtime_ns > STALE_TEMP_NS)
                g_unlink (path);
            }
          continue;
        }
      if (!g_str_has_suffix (name, DL_ARTICLE_FILE_EXTENSION))
        continue;

      path = g_build_filename (self->path, name, NULL);
      if (!dl_file_stamp_from_path (path, &file_stamp) || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      mtime_ns = file_stamp.mtime_ns;
      size = file_stamp.size;

      stem = g_strndup (name, strlen (name) - strlen (DL_ARTICLE_FILE_EXTENSION));
      stamp = g_hash_table_lookup (load->known, stem);
      if (stamp != NULL && stamp[0] == mtime_ns && stamp[1] == (gint64) size)
        {
          _dl_store_remember_stamp_if_new (self, stem, &file_stamp);
          g_hash_table_add (seen, g_steal_pointer (&stem));
          continue;
        }

      article = _dl_store_read_library_file (self, path, &file_stamp, &content, &quarantined, &error);
      if (article == NULL)
        {
          if (quarantined != NULL)
            g_object_unref (quarantined);
          continue;
        }

      if (g_strcmp0 (stem, dl_article_get_uuid (article)) != 0)
        {
          DlArticle *adopted = adopt_foreign_file (self, path, article, seen, &mtime_ns, &size);

          g_clear_object (&article);
          article = adopted;
          if (article == NULL)
            continue;
        }
      else
        {
          mtime_ns = file_stamp.mtime_ns;
          size = file_stamp.size;
          _dl_store_remember_read_version (self, stem, path, &file_stamp, content, TRUE);
        }

      /* Keeps only what the summary needs in memory. */
      dl_article_set_body (article, "");
      g_hash_table_add (seen, g_strdup (dl_article_get_uuid (article)));
      changed = g_new0 (Changed, 1);
      changed->article = g_steal_pointer (&article);
      changed->mtime_ns = mtime_ns;
      changed->size = size;
      g_ptr_array_add (load->changed, changed);
    }

  g_hash_table_iter_init (&iter, load->known);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (seen, key))
      g_ptr_array_add (load->removed, g_strdup (key));

  g_ptr_array_unref (load->quarantined);
  load->quarantined = _dl_store_list_quarantine (self);
}

/* Owner thread: shows what the index holds. */
static void
load_apply_batch (DlStore  *self,
                  LoadData *load,
                  guint     batch)
{
  gint64 start = g_get_monotonic_time ();

  /* Batches apply in order, whichever source runs first. */
  for (guint i = 0; i <= batch; i++)
    {
      if (load->applied[i])
        continue;
      load->applied[i] = TRUE;
      if (load->batches[i] != NULL)
        {
          _dl_store_add_entries (self, load->batches[i]);
          g_clear_pointer (&load->batches[i], g_ptr_array_unref);
        }
      if (i == 1)
        _dl_store_warm_summaries (self);
      if (i == 0)
        {
          self->load_serial = self->mutation_serial;
          _dl_store_set_ready (self);
        }
    }
  g_debug ("Summaries (batch %u) added in %.1f ms", batch, (g_get_monotonic_time () - start) / 1000.0);
}

/* Owner thread: applies what reconciliation found, except where the
 * store itself changed an article meanwhile (it knows better). */
static void
load_apply_reconcile (DlStore  *self,
                      LoadData *load)
{
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();
  gboolean dirty = !load->index_ok;

  for (guint i = 0; i < load->removed->len; i++)
    {
      const char *uuid = g_ptr_array_index (load->removed, i);
      Entry *entry = g_hash_table_lookup (self->entries, uuid);

      if (entry != NULL && entry->serial <= self->load_serial)
        {
          _dl_store_remove_entry (self, uuid);
          dirty = TRUE;
        }
    }

  for (guint i = 0; i < load->changed->len; i++)
    {
      Changed *changed = g_ptr_array_index (load->changed, i);
      Entry *entry = g_hash_table_lookup (self->entries, dl_article_get_uuid (changed->article));

      dirty = TRUE;
      if (entry == NULL)
        g_ptr_array_add (fresh, _dl_store_entry_new_from_article (changed->article, changed->mtime_ns,
                                                                  changed->size));
      else if (entry->serial <= self->load_serial)
        _dl_store_upsert_article (self, changed->article, changed->mtime_ns, changed->size);
    }
  if (fresh->len > 0)
    _dl_store_add_entries (self, fresh);

  if (load->quarantined->len > 0 || g_list_model_get_n_items (G_LIST_MODEL (self->quarantined)) > 0)
    g_list_store_splice (self->quarantined, 0,
                         g_list_model_get_n_items (G_LIST_MODEL (self->quarantined)),
                         load->quarantined->pdata, load->quarantined->len);

  self->reconciled = TRUE;
  if (dirty || self->index_dirty)
    _dl_store_schedule_index_write (self);
}

typedef struct
{
  DlStore  *self;
  LoadData *load;
  guint     batch;
} BatchReady;

static gboolean
load_batch_ready_cb (gpointer user_data)
{
  BatchReady *ready = user_data;

  load_apply_batch (ready->self, ready->load, ready->batch);
  return G_SOURCE_REMOVE;
}

static void
batch_ready_free (gpointer data)
{
  BatchReady *ready = data;

  g_object_unref (ready->self);
  load_data_unref (ready->load);
  g_free (ready);
}

static void
post_batch (DlStore  *self,
            LoadData *load,
            guint     batch)
{
  BatchReady *ready = g_new0 (BatchReady, 1);

  ready->self = g_object_ref (self);
  ready->load = g_atomic_rc_box_acquire (load);
  ready->batch = batch;
  _dl_store_invoke_on_owner (self, "[dateline] show library index", load_batch_ready_cb, ready,
                             batch_ready_free);
}

static gboolean
load_work (DlStore       *self,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  LoadData *load = data;

  /* Show the first page now, the rest of the index next; the
   * reconciliation below may take a while and must not delay either. */
  load_read_index (self, load);
  post_batch (self, load, 0);
  load_read_rest (self, load);
  post_batch (self, load, 1);

  load_reconcile (self, load, cancellable);
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("Loading the library was cancelled."));
      return FALSE;
    }
  return TRUE;
}

static void
load_apply (DlStore      *self,
            gpointer      data,
            const GError *error)
{
  LoadData *load = data;

  /* Whatever the batches' sources did, all of the index shows now. */
  load_apply_batch (self, load, 1);
  if (error == NULL)
    load_apply_reconcile (self, load);
}

/**
 * dl_store_load_async:
 *
 * Reads the index in a worker thread and shows its first page (the
 * newest articles; "ready" becomes TRUE), then the rest, each in one
 * items-changed; then reconciles the folder with the index, also in the
 * worker. @callback runs when all is done.
 */
void
dl_store_load_async (DlStore             *self,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_return_if_fail (DL_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  _dl_store_run_async (self, dl_store_load_async, load_data_new (), load_data_unref,
                       load_work, load_apply, cancellable, callback, user_data);
}

gboolean
dl_store_load_finish (DlStore       *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  return _dl_store_run_finish (self, result, dl_store_load_async, error) != NULL;
}

/**
 * dl_store_load_sync:
 *
 * Loads in the calling thread (the command-line tool; tests).
 */
gboolean
dl_store_load_sync (DlStore       *self,
                    GCancellable  *cancellable,
                    GError       **error)
{
  LoadData *load;
  gboolean ok;

  g_return_val_if_fail (DL_IS_STORE (self), FALSE);

  /* The same steps, in order, without posting the batches. */
  load = load_data_new ();
  load_read_index (self, load);
  load_read_rest (self, load);
  load_apply_batch (self, load, 1);
  load_reconcile (self, load, cancellable);
  ok = !g_cancellable_set_error_if_cancelled (cancellable, error);
  if (ok)
    load_apply_reconcile (self, load);
  load_data_unref (load);
  return ok;
}
