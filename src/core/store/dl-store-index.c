/* dl-store-index.c
 *
 * The index: every summary of the library in one GVariant file, the
 * newest first page apart, so that a library of 10,000 articles opens by
 * reading one small file and no article bodies. A cache: rebuilt from
 * the files when missing, stale or damaged. Written in a worker, shortly
 * after changes, and at the latest when the store is disposed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-store"

#include "config.h"

#include "dl-store-private.h"

#define INDEX_MAGIC        "dateline-index"
/* 2 added the embargo and the schedule; an index of another version is
 * rebuilt from the files, like a damaged one. */
#define INDEX_VERSION      2
/* uuid, headline, status, category, place, tags, modified, embargo,
 * schedule (µs since the epoch, 0 for none), file mtime (ns since the
 * epoch), file size */
#define INDEX_RECORD_TYPE  "(sssssasxxxxt)"
/* magic, version, number of records, the first page, the rest */
#define INDEX_TYPE         "(suua" INDEX_RECORD_TYPE "a" INDEX_RECORD_TYPE ")"
/* The newest records are stored apart and validated alone, so the first
 * page of the list is shown in a time that does not depend on the size
 * of the library: more than any window shows. */
#define FIRST_PAGE         100
#define INDEX_WRITE_DELAY_MS 500

/* Opens the index and returns its first page, validated; *rest is
 * validated by the caller (load_read_rest()), later. */
GVariant *
_dl_store_read_index (DlStore   *self,
                      GVariant **rest,
                      GError   **error)
{
  g_autofree char *path = g_build_filename (self->path, DL_STORE_INDEX_NAME, NULL);
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GVariant) index = NULL;
  g_autoptr(GVariant) magic = NULL;
  g_autoptr(GVariant) first = NULL;
  guint32 version, count;

  /* mmap: the records are read in place, and the mapping stays valid
   * even after a save replaces the file by rename. */
  mapped = g_mapped_file_new (path, FALSE, error);
  if (mapped == NULL)
    return NULL;
  bytes = g_mapped_file_get_bytes (mapped);
  index = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (INDEX_TYPE), bytes, FALSE));
  if (G_BYTE_ORDER == G_BIG_ENDIAN)
    {
      GVariant *swapped = g_variant_byteswap (index);
      g_variant_unref (index);
      index = swapped;
    }

  /* Untrusted data: GVariant returns empty values rather than reading
   * out of bounds, so a damaged header shows up as a wrong magic. */
  magic = g_variant_get_child_value (index, 0);
  g_variant_get_child (index, 1, "u", &version);
  g_variant_get_child (index, 2, "u", &count);
  first = g_variant_get_child_value (index, 3);
  *rest = g_variant_get_child_value (index, 4);

  /* is_normal_form() is one linear check that the records are well
   * formed (what we write always is; a torn file almost never is), and it
   * marks them trusted, which makes each access below O(1). */
  if (g_strcmp0 (g_variant_get_string (magic, NULL), INDEX_MAGIC) != 0
      || version != INDEX_VERSION
      || count != g_variant_n_children (first) + g_variant_n_children (*rest)
      || !g_variant_is_normal_form (first))
    {
      g_clear_pointer (rest, g_variant_unref);
      g_set_error_literal (error, DL_STORE_ERROR, DL_STORE_ERROR_CORRUPT,
                           "The library index is damaged or of another version");
      return NULL;
    }
  return _dl_store_trusted_records (first);
}

/**
 * _dl_store_trusted_records:
 * @records: records that passed g_variant_is_normal_form()
 *
 * The same records, made trusted from the start. GLib 2.74.6 (Debian 12,
 * with the fix for CVE-2023-32665) checks an untrusted array's offsets up
 * to the child asked for on every access, and forgets the result: reading
 * 10,000 records one by one cost 4.3 billion instructions (callgrind),
 * three quarters of opening the library. Data in normal form is safe to
 * trust, and a variant made trusted reads each child in O(1).
 *
 * Returns: (transfer full): the trusted records
 */
GVariant *
_dl_store_trusted_records (GVariant *records)
{
  g_autoptr(GBytes) bytes = g_variant_get_data_as_bytes (records);

  return g_variant_ref_sink (g_variant_new_from_bytes (g_variant_get_type (records), bytes, TRUE));
}

/* Entries for records [from, to), their file stamps noted in @known.
 * NULL (and nothing added) if a record is unusable. */
GPtrArray *
_dl_store_build_entries (GVariant   *records,
                         gsize       from,
                         gsize       to,
                         GHashTable *known)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_full (to - from, _dl_store_entry_free);

  for (gsize i = from; i < to; i++)
    {
      g_autoptr(GVariant) record = g_variant_get_child_value (records, i);
      Entry *entry = _dl_store_entry_new_from_record (record);

      if (entry == NULL)
        return NULL;
      g_ptr_array_add (entries, entry);
    }

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      gint64 *stamp = g_new (gint64, 2);

      stamp[0] = entry->mtime_ns;
      stamp[1] = (gint64) entry->size;
      g_hash_table_replace (known, g_strdup (_dl_store_entry_uuid (entry)), stamp);
    }
  return g_steal_pointer (&entries);
}

static GVariant *
build_index (DlStore *self)
{
  guint n = dl_summary_list_get_length (self->summaries);
  g_autofree GVariant **records = g_new (GVariant *, MAX (n, 1));
  GVariant *index;

  for (guint i = 0; i < n; i++)
    {
      Entry *entry = dl_summary_list_get_entry (self->summaries, i);

      records[i] = _dl_store_entry_get_record (entry);
    }

  index = g_variant_new ("(suu@a" INDEX_RECORD_TYPE "@a" INDEX_RECORD_TYPE ")",
                         INDEX_MAGIC, INDEX_VERSION, n,
                         g_variant_new_array (G_VARIANT_TYPE (INDEX_RECORD_TYPE), records, MIN (n, FIRST_PAGE)),
                         g_variant_new_array (G_VARIANT_TYPE (INDEX_RECORD_TYPE), records + MIN (n, FIRST_PAGE),
                                              n - MIN (n, FIRST_PAGE)));
  index = g_variant_ref_sink (index);
  if (G_BYTE_ORDER == G_BIG_ENDIAN)
    {
      GVariant *swapped = g_variant_byteswap (index);
      g_variant_unref (index);
      index = swapped;
    }
  return index;
}

static gboolean
write_index (DlStore   *self,
             GVariant  *index,
             guint64    gen,
             GError   **error)
{
  g_autofree char *path = g_build_filename (self->path, DL_STORE_INDEX_NAME, NULL);
  gboolean ok = TRUE;

  g_mutex_lock (&self->io_lock);
  /* A slower, older index write must not replace a newer one. */
  if (gen > self->written_index_gen)
    {
      ok = _dl_store_write_file_atomically (self->path, path, g_variant_get_data (index),
                                            g_variant_get_size (index), error);
      if (ok)
        self->written_index_gen = gen;
    }
  g_mutex_unlock (&self->io_lock);
  return ok;
}

typedef struct
{
  GVariant *index;
  guint64   gen;
} IndexWrite;

static void
index_write_free (gpointer data)
{
  IndexWrite *write = data;

  g_variant_unref (write->index);
  g_free (write);
}

static gboolean
write_index_work (DlStore       *self,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  IndexWrite *write = data;
  g_autoptr(GError) local_error = NULL;

  /* A cache: failing to write it is worth a note, not an error. */
  if (!write_index (self, write->index, write->gen, &local_error))
    g_message ("Could not write the library index: %s", local_error->message);
  return TRUE;
}

static gboolean
on_index_timeout_cb (gpointer user_data)
{
  DlStore *self = user_data;
  IndexWrite *write;

  g_clear_pointer (&self->index_source, g_source_unref);
  if (!self->index_dirty)
    return G_SOURCE_REMOVE;

  self->index_dirty = FALSE;
  write = g_new0 (IndexWrite, 1);
  write->index = build_index (self);
  write->gen = ++self->index_gen;
  _dl_store_run_async (self, on_index_timeout_cb, write, index_write_free, write_index_work, NULL,
                       NULL, NULL, NULL);
  return G_SOURCE_REMOVE;
}

void
_dl_store_schedule_index_write (DlStore *self)
{
  self->index_dirty = TRUE;

  /* Before reconciliation the model may not hold every article: writing
   * it then would drop the others from the index. */
  if (!self->reconciled || self->index_source != NULL)
    return;

  self->index_source = g_timeout_source_new (INDEX_WRITE_DELAY_MS);
  g_source_set_callback (self->index_source, on_index_timeout_cb, self, NULL);
  g_source_set_name (self->index_source, "[dateline] write library index");
  g_source_attach (self->index_source, self->context);
}

/**
 * dl_store_write_index_sync:
 *
 * Writes the index now if it is out of date. Returns FALSE with @error
 * set if writing failed; the library itself is unaffected.
 */
gboolean
dl_store_write_index_sync (DlStore  *self,
                           GError  **error)
{
  g_autoptr(GVariant) index = NULL;

  g_return_val_if_fail (DL_IS_STORE (self), FALSE);

  if (self->index_source != NULL)
    {
      g_source_destroy (self->index_source);
      g_clear_pointer (&self->index_source, g_source_unref);
    }
  if (!self->index_dirty || !self->reconciled)
    return TRUE;

  self->index_dirty = FALSE;
  index = build_index (self);
  return write_index (self, index, ++self->index_gen, error);
}

