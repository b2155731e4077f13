/* dl-store-watch.c
 *
 * Watching the library folder: an article file another program changed
 * is read again once its events settle, its summary follows, and
 * #DlStore::changed-outside tells the window (which reloads it, or lets
 * the next save meet the conflict). The store's own writes are told
 * apart by what it knows of each file (dl-store-files.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-store"

#include "config.h"

#include <string.h>

#include "dl-article-file.h"
#include "dl-store-private.h"

static gboolean
check_work (DlStore       *self,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  OpenData *check = data;
  g_autofree char *path = _dl_store_article_path (self->path, check->uuid);
  g_autoptr(GError) read_error = NULL;
  DlFileStamp on_disk;
  gboolean known;

  g_mutex_lock (&self->io_lock);
  known = !dl_file_stamp_from_path (path, &on_disk)
          || g_hash_table_contains (self->trashed, check->uuid)
          || _dl_store_is_known_version_locked (self, check->uuid, path, &on_disk);
  g_mutex_unlock (&self->io_lock);

  /* Our own save, a deletion (the next start reconciles it) or a file
   * rewritten with the same bytes: nothing to tell. */
  if (!known)
    {
      check->article = _dl_store_read_library_file (self, path, &on_disk, NULL, &check->quarantined,
                                                    &read_error);
      check->mtime_ns = on_disk.mtime_ns;
      check->size = on_disk.size;
    }
  return TRUE;
}

static void
check_apply (DlStore      *self,
             gpointer      data,
             const GError *error)
{
  OpenData *check = data;
  Entry *entry;

  /* Nothing read: the store's own change, or nothing to tell. */
  if (error != NULL || (check->article == NULL && check->quarantined == NULL))
    return;

  if (check->quarantined != NULL)
    {
      _dl_store_add_quarantined (self, check->quarantined);
      _dl_store_remove_entry (self, check->uuid);
    }
  else
    {
      entry = _dl_store_upsert_article (self, check->article, check->mtime_ns, check->size);
      entry->serial = ++self->mutation_serial;
    }
  _dl_store_schedule_index_write (self);
  _dl_store_emit_changed_outside (self, check->uuid, check->article);
}

typedef struct
{
  DlStore *self;   /* not a reference: the store destroys the source first */
  char    *uuid;
} PendingCheck;

static void
pending_check_free (gpointer data)
{
  PendingCheck *pending = data;

  g_free (pending->uuid);
  g_free (pending);
}

static gboolean
on_check_timeout_cb (gpointer user_data)
{
  PendingCheck *pending = user_data;
  DlStore *self = pending->self;
  OpenData *check = _dl_store_open_data_new (pending->uuid);

  _dl_store_run_async (self, on_check_timeout_cb, check, _dl_store_open_data_free, check_work, check_apply,
                       NULL, NULL, NULL);
  /* Removing the entry destroys this source (and frees @pending). */
  g_hash_table_remove (self->pending_checks, pending->uuid);
  return G_SOURCE_REMOVE;
}

/* Another program may still be writing: look once the events settle. */
#define CHECK_DELAY_MS 250

static void
on_folder_changed_cb (GFileMonitor      *monitor,
                      GFile             *file,
                      GFile             *other_file,
                      GFileMonitorEvent  event,
                      gpointer           user_data)
{
  DlStore *self = user_data;
  g_autofree char *name = NULL;
  g_autofree char *uuid = NULL;
  GSource *source;
  PendingCheck *pending;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
      if (event == G_FILE_MONITOR_EVENT_RENAMED)
        file = other_file;
      break;
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_CHANGED:
      break;
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    default:
      return;
    }
  if (file == NULL)
    return;

  name = g_file_get_basename (file);
  if (name == NULL || name[0] == '.' || !g_str_has_suffix (name, DL_ARTICLE_FILE_EXTENSION))
    return;
  uuid = g_strndup (name, strlen (name) - strlen (DL_ARTICLE_FILE_EXTENSION));
  if (!g_uuid_string_is_valid (uuid))
    return;

  /* One look per burst of events for a file. */
  pending = g_new0 (PendingCheck, 1);
  pending->self = self;
  pending->uuid = g_strdup (uuid);
  source = g_timeout_source_new (CHECK_DELAY_MS);
  g_source_set_callback (source, on_check_timeout_cb, pending, pending_check_free);
  g_source_set_name (source, "[dateline] look at a changed article file");
  g_source_attach (source, self->context);
  /* Replacing destroys the source of an earlier event, if any. */
  g_hash_table_replace (self->pending_checks, g_steal_pointer (&uuid), source);
}

/**
 * dl_store_watch:
 *
 * Watches the library folder: an article file another program changes
 * is read again (its summary follows) and reported with
 * #DlStore::changed-outside. The store's own saves are not reported.
 */
void
dl_store_watch (DlStore *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (DL_IS_STORE (self));

  if (self->monitor != NULL)
    return;
  if (!_dl_store_ensure_folder (self->path, &error))
    {
      g_message ("Not watching the library: %s", error->message);
      return;
    }
  self->monitor = g_file_monitor_directory (self->directory, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      g_message ("Not watching the library: %s", error->message);
      return;
    }
  g_signal_connect (self->monitor, "changed", G_CALLBACK (on_folder_changed_cb), self);
}

