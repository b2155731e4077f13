/* dl-store.c
 *
 * The library: one <uuid>.dateline file per article in a folder, plus
 * an index of summaries so that opening a library of 10,000 articles
 * reads one small file and no article bodies.
 *
 * Threads: the summaries model, the entry table and everything that
 * emits signals live on the thread that created the store. Workers only
 * touch the file system, and every file move or write in the library
 * folder happens under io_lock, which is also where the save
 * generations are compared so that an older snapshot can never
 * overwrite a newer one, whatever order the workers run in.
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

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dl-article-file.h"
#include "dl-file-util.h"
#include "dl-limits.h"
#include "dl-ninjs.h"
#include "dl-quarantined-file.h"
#include "dl-store.h"
#include "dl-util.h"

#define INDEX_MAGIC        "dateline-index"
#define INDEX_VERSION      1
/* uuid, headline, status, category, place, tags, modified (µs since the
 * epoch), file mtime (ns since the epoch), file size */
#define INDEX_RECORD_TYPE  "(sssssasxxt)"
/* magic, version, number of records, the first page, the rest */
#define INDEX_TYPE         "(suua" INDEX_RECORD_TYPE "a" INDEX_RECORD_TYPE ")"
/* The newest records are stored apart and validated alone, so the first
 * page of the list is shown in a time that does not depend on the size
 * of the library: more than any window shows. */
#define FIRST_PAGE         100
#define INDEX_WRITE_DELAY_MS 500
#define STALE_TEMP_NS      (G_GINT64_CONSTANT (3600) * 1000000000)

typedef struct
{
  DlArticleSummary *summary;
  GVariant         *record;       /* cached index record; NULL when stale */
  gint64            modified_us;  /* sort key */
  gint64            mtime_ns;
  guint64           size;
  guint64           serial;       /* last local change, see mutation_serial */
  guint64           applied_gen;  /* generation of the last save applied */
} Entry;

struct _DlStore
{
  GObject       parent_instance;

  GFile        *directory;
  char         *path;
  GMainContext *context;

  GListStore   *summaries;
  GListStore   *quarantined;
  GHashTable   *entries;          /* uuid → Entry */

  guint64       next_gen;
  guint64       mutation_serial;
  guint64       load_serial;
  guint64       index_gen;
  GSource      *index_source;
  guint         ready : 1;
  guint         reconciled : 1;
  guint         index_dirty : 1;

  GFileMonitor *monitor;          /* the folder, for changes made outside */
  GHashTable   *pending_checks;   /* uuid → GSource: a file to look at again */

  /* Shared with workers. */
  GMutex        io_lock;
  GHashTable   *written_gen;      /* uuid → guint64 generation on disk */
  GHashTable   *trashed;          /* uuids trashed during this session */
  GHashTable   *disk_stamps;      /* uuid → KnownVersion: the file as this store last saw it */
  char         *recovery_path;
  guint64       written_index_gen;
};

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

static void schedule_index_write (DlStore *self);

/* ------------------------------------------------------------------ */
/* Entries                                                             */

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->summary);
  g_clear_pointer (&entry->record, g_variant_unref);
  g_free (entry);
}

static const char *
entry_uuid (Entry *entry)
{
  return dl_article_summary_get_uuid (entry->summary);
}

static gint64
date_time_to_us (GDateTime *dt)
{
  if (dt == NULL)
    return 0;
  return g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
}

/* UTC: converting 10,000 times to local time means 10,000 time zone
 * look-ups; whoever displays the time converts it. */
static GDateTime *
date_time_from_us (gint64 us)
{
  GDateTime *utc;
  GDateTime *exact;

  if (us == 0)
    return NULL;
  utc = g_date_time_new_from_unix_utc (us / G_USEC_PER_SEC);
  if (utc == NULL || us % G_USEC_PER_SEC == 0)
    return utc;
  exact = g_date_time_add (utc, us % G_USEC_PER_SEC);
  g_date_time_unref (utc);
  return exact;
}

static Entry *
entry_new_from_article (DlArticle *article,
                        gint64     mtime_ns,
                        guint64    size)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->summary = dl_article_summary_new_from_article (article);
  entry->modified_us = date_time_to_us (dl_article_get_modified (article));
  entry->mtime_ns = mtime_ns;
  entry->size = size;
  return entry;
}

/* Returns NULL when the record is not usable (a corrupt index). */
static Entry *
entry_new_from_record (GVariant *record)
{
  const char *uuid, *headline, *status_id, *category, *place;
  g_autofree const char **tags = NULL;
  gint64 modified_us, mtime_ns;
  guint64 size;
  DlArticleStatus status = DL_ARTICLE_STATUS_DRAFT;
  g_autoptr(GDateTime) modified = NULL;
  Entry *entry;

  g_variant_get (record, "(&s&s&s&s&s^a&sxxt)", &uuid, &headline, &status_id, &category,
                 &place, &tags, &modified_us, &mtime_ns, &size);
  if (!g_uuid_string_is_valid (uuid))
    return NULL;
  dl_article_status_from_string (status_id, &status);
  modified = date_time_from_us (modified_us);

  entry = g_new0 (Entry, 1);
  entry->summary = dl_article_summary_new (uuid, headline, status, category, place,
                                           (const char * const *) tags, modified);
  entry->record = g_variant_ref_sink (record);
  entry->modified_us = modified_us;
  entry->mtime_ns = mtime_ns;
  entry->size = size;
  return entry;
}

static GVariant *
entry_get_record (Entry *entry)
{
  if (entry->record == NULL)
    {
      DlArticleSummary *s = entry->summary;
      const char * const *tags = dl_article_summary_get_tags (s);

      entry->record = g_variant_ref_sink (
        g_variant_new ("(sssss^asxxt)",
                       dl_article_summary_get_uuid (s),
                       dl_article_summary_get_headline (s),
                       dl_article_status_to_string (dl_article_summary_get_status (s)),
                       dl_article_summary_get_category (s),
                       dl_article_summary_get_place (s),
                       tags,
                       entry->modified_us,
                       entry->mtime_ns,
                       entry->size));
    }
  return entry->record;
}

/* Newest first; the UUID breaks ties so the order is total and stable. */
static int
compare_keys (gint64      a_us,
              const char *a_uuid,
              gint64      b_us,
              const char *b_uuid)
{
  if (a_us != b_us)
    return a_us > b_us ? -1 : 1;
  return strcmp (a_uuid, b_uuid);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = *(const Entry * const *) a;
  const Entry *eb = *(const Entry * const *) b;

  return compare_keys (ea->modified_us, dl_article_summary_get_uuid (ea->summary),
                       eb->modified_us, dl_article_summary_get_uuid (eb->summary));
}

/* ------------------------------------------------------------------ */
/* Paths, errors and low-level file operations (any thread)            */

static char *
article_path (const char *dir,
              const char *uuid)
{
  g_autofree char *name = g_strconcat (uuid, DL_ARTICLE_FILE_EXTENSION, NULL);

  return g_build_filename (dir, name, NULL);
}

static char *
subdir_path (DlStore    *self,
             const char *subdir)
{
  return g_build_filename (self->path, subdir, NULL);
}

static void
set_io_error (GError     **error,
              int          code,
              const char  *format,
              const char  *path,
              int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  /* The format is one of our own translated literals. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_set_error (error, DL_STORE_ERROR, code, format, display, g_strerror (saved_errno));
#pragma GCC diagnostic pop
}

static gboolean
check_uuid (const char  *uuid,
            GError     **error)
{
  if (g_uuid_string_is_valid (uuid))
    return TRUE;
  g_set_error (error, DL_STORE_ERROR, DL_STORE_ERROR_NOT_FOUND,
               _("“%s” is not a valid article identifier."), uuid);
  return FALSE;
}

static void
set_write_error (GError     **error,
                 const char  *folder,
                 int          saved_errno)
{
  set_io_error (error, DL_STORE_ERROR_WRITE,
                _("Could not save the article in the folder “%s”: %s"), folder, saved_errno);
}

static gboolean
ensure_folder (const char  *folder,
               GError     **error)
{
  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      set_write_error (error, folder, errno);
      return FALSE;
    }
  return TRUE;
}

static void
fsync_folder (const char *folder)
{
  int fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  /* Makes the rename itself durable; failure only weakens durability. */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Writes @data to @final_path through a temporary file in the same
 * folder: after a crash either the old or the new file is there, whole. */
static gboolean
write_file_atomically (const char  *folder,
                       const char  *final_path,
                       const char  *data,
                       gsize        length,
                       GError     **error)
{
  g_autofree char *base = g_path_get_basename (final_path);
  g_autofree char *tmpl = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *tmp_path = g_build_filename (folder, tmpl, NULL);
  gsize written = 0;
  int fd;

  if (!ensure_folder (folder, error))
    return FALSE;

  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      set_write_error (error, folder, errno);
      return FALSE;
    }

  while (written < length)
    {
      gssize n = write (fd, data + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved_errno = n < 0 ? errno : ENOSPC;
          close (fd);
          g_unlink (tmp_path);
          set_write_error (error, folder, saved_errno);
          return FALSE;
        }
      written += n;
    }

  if (fsync (fd) != 0 || close (fd) != 0)
    {
      int saved_errno = errno;
      g_unlink (tmp_path);
      set_write_error (error, folder, saved_errno);
      return FALSE;
    }

  if (g_rename (tmp_path, final_path) != 0)
    {
      int saved_errno = errno;
      g_unlink (tmp_path);
      set_write_error (error, folder, saved_errno);
      return FALSE;
    }

  fsync_folder (folder);
  return TRUE;
}

/* Keeps the version about to be replaced as backups/<uuid>.dateline. A
 * hard link costs no copy: the rename that follows leaves the old inode
 * reachable only through the backup. Failing to back up never stops a
 * save: the new text matters more than the old one. */
static void
backup_previous_version (DlStore    *self,
                         const char *current_path,
                         const char *uuid)
{
  g_autofree char *backups = subdir_path (self, DL_STORE_BACKUPS_DIR);
  g_autofree char *name = g_strconcat (uuid, DL_ARTICLE_FILE_EXTENSION, NULL);
  g_autofree char *tmp_name = g_strconcat (".", name, ".tmp", NULL);
  g_autofree char *backup_path = g_build_filename (backups, name, NULL);
  g_autofree char *tmp_path = g_build_filename (backups, tmp_name, NULL);

  if (g_mkdir_with_parents (backups, 0755) != 0)
    {
      g_warning ("Could not create %s: %s", backups, g_strerror (errno));
      return;
    }

  g_unlink (tmp_path);
  if (link (current_path, tmp_path) != 0)
    {
      g_autoptr(GFile) src = g_file_new_for_path (current_path);
      g_autoptr(GFile) dst = g_file_new_for_path (tmp_path);
      g_autoptr(GError) error = NULL;

      if (!g_file_copy (src, dst, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
        {
          g_warning ("Could not back up %s: %s", current_path, error->message);
          return;
        }
    }
  if (g_rename (tmp_path, backup_path) != 0)
    {
      g_warning ("Could not back up %s: %s", current_path, g_strerror (errno));
      g_unlink (tmp_path);
    }
}

static gboolean
stat_file (const char *path,
           gint64     *mtime_ns,
           guint64    *size)
{
  struct stat st;

  if (stat (path, &st) != 0)
    return FALSE;
  *mtime_ns = (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
  *size = st.st_size;
  return TRUE;
}

/* A copy of @article under a fresh UUID, so that nothing is overwritten. */
static DlArticle *
article_with_new_uuid (DlArticle *article)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return dl_article_copy_with_uuid (article, uuid);
}

/* Moves @path (a file in the library folder) into quarantine/ and writes
 * the reason beside it, so the report survives a restart. Call with
 * io_lock held. */
static DlQuarantinedFile *
quarantine_file_locked (DlStore    *self,
                        const char *path,
                        const char *reason)
{
  g_autofree char *folder = subdir_path (self, DL_STORE_QUARANTINE_DIR);
  g_autofree char *original_name = g_path_get_basename (path);
  g_autofree char *target = NULL;
  g_autofree char *reason_path = NULL;
  g_autofree char *now_str = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      g_warning ("Could not create %s: %s", folder, g_strerror (errno));
      return NULL;
    }

  target = g_build_filename (folder, original_name, NULL);
  for (guint i = 2; g_file_test (target, G_FILE_TEST_EXISTS); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.%u", original_name, i);
      g_free (target);
      target = g_build_filename (folder, name, NULL);
    }

  if (g_rename (path, target) != 0)
    {
      g_warning ("Could not move %s to quarantine: %s", path, g_strerror (errno));
      return NULL;
    }

  now_str = dl_date_time_to_iso8601 (now);
  g_key_file_set_string (key_file, "Quarantine", "OriginalName", original_name);
  g_key_file_set_string (key_file, "Quarantine", "Reason", reason);
  g_key_file_set_string (key_file, "Quarantine", "Date", now_str);
  reason_path = g_strconcat (target, DL_STORE_REASON_SUFFIX, NULL);
  if (!g_key_file_save_to_file (key_file, reason_path, &error))
    g_warning ("Could not write %s: %s", reason_path, error->message);

  g_message ("Quarantined %s: %s", original_name, reason);

  file = g_file_new_for_path (target);
  return dl_quarantined_file_new (file, original_name, reason);
}

static GPtrArray *
list_quarantine (DlStore *self)
{
  g_autofree char *folder = subdir_path (self, DL_STORE_QUARANTINE_DIR);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *reason_path = NULL;
      g_autofree char *original_name = NULL;
      g_autofree char *reason = NULL;
      g_autoptr(GKeyFile) key_file = g_key_file_new ();
      g_autoptr(GFile) file = NULL;

      if (g_str_has_suffix (name, DL_STORE_REASON_SUFFIX) || name[0] == '.')
        continue;

      path = g_build_filename (folder, name, NULL);
      reason_path = g_strconcat (path, DL_STORE_REASON_SUFFIX, NULL);
      if (g_key_file_load_from_file (key_file, reason_path, G_KEY_FILE_NONE, NULL))
        {
          original_name = g_key_file_get_string (key_file, "Quarantine", "OriginalName", NULL);
          reason = g_key_file_get_string (key_file, "Quarantine", "Reason", NULL);
        }
      file = g_file_new_for_path (path);
      g_ptr_array_add (files,
                       dl_quarantined_file_new (file,
                                                original_name != NULL ? original_name : name,
                                                reason != NULL ? reason
                                                               : _("The reason was not recorded.")));
    }

  return files;
}

/* Reads and parses one library file; *stamp and *content (optional) are
 * the version read. On a parse error the file is quarantined (*quarantined set) and
 * DL_STORE_ERROR_CORRUPT returned, unless it changed while it was read
 * (another program still writing it): then it stays, to be read again. */
static DlArticle *
read_library_file (DlStore            *self,
                   const char         *path,
                   DlFileStamp        *stamp,
                   GBytes            **content,
                   DlQuarantinedFile **quarantined,
                   GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  DlFileStamp read_stamp, now;
  const char *data;
  gsize length = 0;
  DlArticle *article;

  bytes = dl_path_load_bounded (path, DL_LIMIT_FILE_BYTES, &read_stamp, NULL, &local_error);
  if (bytes == NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    {
      g_set_error (error, DL_STORE_ERROR, DL_STORE_ERROR_NOT_FOUND,
                   _("Could not read the article: %s"), local_error->message);
      return NULL;
    }
  if (stamp != NULL)
    *stamp = read_stamp;

  if (bytes != NULL)
    {
      data = g_bytes_get_data (bytes, &length);
      article = dl_article_new_from_data (data != NULL ? data : "", length, &local_error);
      if (article != NULL)
        {
          if (content != NULL)
            *content = g_steal_pointer (&bytes);
          return article;
        }
    }

  {
    g_autofree char *name = g_path_get_basename (path);

    g_mutex_lock (&self->io_lock);
    if (dl_file_stamp_from_path (path, &now) && dl_file_stamp_equal (&read_stamp, &now))
      *quarantined = quarantine_file_locked (self, path, local_error->message);
    g_mutex_unlock (&self->io_lock);

    if (*quarantined == NULL)
      g_set_error (error, DL_STORE_ERROR, DL_STORE_ERROR_CORRUPT,
                   _("The file “%s” could not be read: %s"), name, local_error->message);
    else
      g_set_error (error, DL_STORE_ERROR, DL_STORE_ERROR_CORRUPT,
                   _("The file “%s” could not be read and was moved to the quarantine folder: %s"),
                   name, local_error->message);
    return NULL;
  }
}

/* A version of an article's file this store has seen whole: its stamp,
 * and the checksum of its content when the bytes went through the store. */
typedef struct
{
  DlFileStamp  stamp;
  char        *checksum;   /* SHA-256, or NULL when not known */
} KnownVersion;

static void
known_version_free (gpointer data)
{
  KnownVersion *known = data;

  g_free (known->checksum);
  g_free (known);
}

static char *
checksum_bytes (GBytes *bytes)
{
  return bytes != NULL ? g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes) : NULL;
}

/* Call with io_lock held. Takes @checksum. */
static void
remember_version_locked (DlStore           *self,
                         const char        *uuid,
                         const DlFileStamp *stamp,
                         char              *checksum)
{
  KnownVersion *known = g_new0 (KnownVersion, 1);

  known->stamp = *stamp;
  known->checksum = checksum;
  g_hash_table_replace (self->disk_stamps, g_strdup (uuid), known);
}

/* Records that this store now holds the version of @path it read, unless
 * the file was replaced meanwhile: a record always names a version this
 * store has seen whole. @only_if_new: keep an existing record (the
 * library list learning about files is not an article being opened). */
static void
remember_read_version (DlStore           *self,
                       const char        *uuid,
                       const char        *path,
                       const DlFileStamp *read,
                       GBytes            *content,
                       gboolean           only_if_new)
{
  DlFileStamp now;

  g_mutex_lock (&self->io_lock);
  if ((!only_if_new || !g_hash_table_contains (self->disk_stamps, uuid))
      && dl_file_stamp_from_path (path, &now) && dl_file_stamp_equal (read, &now))
    remember_version_locked (self, uuid, &now, checksum_bytes (content));
  g_mutex_unlock (&self->io_lock);
}

/* After this store wrote (@content) or moved (@content NULL) @path: the
 * new version is the one it knows. Call with io_lock held. */
static gboolean
record_written_locked (DlStore    *self,
                       const char *uuid,
                       const char *path,
                       GBytes     *content,
                       gint64     *mtime_ns,
                       guint64    *size)
{
  DlFileStamp stamp;

  if (!dl_file_stamp_from_path (path, &stamp))
    return FALSE;
  remember_version_locked (self, uuid, &stamp, checksum_bytes (content));
  if (mtime_ns != NULL)
    *mtime_ns = stamp.mtime_ns;
  if (size != NULL)
    *size = stamp.size;
  return TRUE;
}

static void
remember_stamp_if_new (DlStore           *self,
                       const char        *uuid,
                       const DlFileStamp *stamp)
{
  g_mutex_lock (&self->io_lock);
  if (!g_hash_table_contains (self->disk_stamps, uuid))
    remember_version_locked (self, uuid, stamp, NULL);
  g_mutex_unlock (&self->io_lock);
}

/* Whether @path (stamped @on_disk) still holds the version this store
 * knows for @uuid, if it knows one. A file rewritten with the same bytes (a sync tool, a
 * `touch`) is the same version; its new stamp is recorded. Call with
 * io_lock held. */
static gboolean
is_known_version_locked (DlStore           *self,
                         const char        *uuid,
                         const char        *path,
                         const DlFileStamp *on_disk)
{
  KnownVersion *known = g_hash_table_lookup (self->disk_stamps, uuid);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *checksum = NULL;
  DlFileStamp read_stamp;

  /* Never read nor written by this store (an article object from
   * elsewhere): there is nothing to compare with. */
  if (known == NULL)
    return TRUE;
  if (dl_file_stamp_equal (&known->stamp, on_disk))
    return TRUE;
  if (known->checksum == NULL)
    return FALSE;
  bytes = dl_path_load_bounded (path, DL_LIMIT_FILE_BYTES, &read_stamp, NULL, NULL);
  checksum = checksum_bytes (bytes);
  if (checksum == NULL || !g_str_equal (checksum, known->checksum))
    return FALSE;
  known->stamp = read_stamp;
  return TRUE;
}

static void
destroy_source (GSource *source)
{
  g_source_destroy (source);
  g_source_unref (source);
}

/* ------------------------------------------------------------------ */
/* The index                                                           */

/* Opens the index and returns its first page, validated; *rest is
 * validated by the caller (load_read_rest()), later. */
static GVariant *
read_index (DlStore   *self,
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
  return g_steal_pointer (&first);
}

/* Entries for records [from, to), their file stamps noted in @known.
 * NULL (and nothing added) if a record is unusable. */
static GPtrArray *
build_entries (GVariant   *records,
               gsize       from,
               gsize       to,
               GHashTable *known)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_full (to - from, entry_free);

  for (gsize i = from; i < to; i++)
    {
      g_autoptr(GVariant) record = g_variant_get_child_value (records, i);
      Entry *entry = entry_new_from_record (record);

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
      g_hash_table_replace (known, g_strdup (entry_uuid (entry)), stamp);
    }
  return g_steal_pointer (&entries);
}

static GVariant *
build_index (DlStore *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->summaries));
  g_autofree GVariant **records = g_new (GVariant *, MAX (n, 1));
  GVariant *index;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DlArticleSummary) summary = g_list_model_get_item (G_LIST_MODEL (self->summaries), i);
      Entry *entry = g_hash_table_lookup (self->entries, dl_article_summary_get_uuid (summary));

      records[i] = entry_get_record (entry);
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
      ok = write_file_atomically (self->path, path, g_variant_get_data (index),
                                  g_variant_get_size (index), error);
      if (ok)
        self->written_index_gen = gen;
    }
  g_mutex_unlock (&self->io_lock);
  return ok;
}

static void
write_index_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  DlStore *self = source_object;
  GVariant *index = task_data;
  g_autoptr(GError) error = NULL;

  if (!write_index (self, index, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (task), "gen")), &error))
    g_message ("Could not write the library index: %s", error->message);
  g_task_return_boolean (task, TRUE);
}

static gboolean
on_index_timeout_cb (gpointer user_data)
{
  DlStore *self = user_data;
  g_autoptr(GTask) task = NULL;

  g_clear_pointer (&self->index_source, g_source_unref);
  if (!self->index_dirty)
    return G_SOURCE_REMOVE;

  self->index_dirty = FALSE;
  self->index_gen++;
  task = g_task_new (self, NULL, NULL, NULL);
  g_task_set_source_tag (task, on_index_timeout_cb);
  g_object_set_data (G_OBJECT (task), "gen", GSIZE_TO_POINTER (self->index_gen));
  g_task_set_task_data (task, build_index (self), (GDestroyNotify) g_variant_unref);
  g_task_run_in_thread (task, write_index_thread);
  return G_SOURCE_REMOVE;
}

static void
schedule_index_write (DlStore *self)
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

/* ------------------------------------------------------------------ */
/* The summaries model (owner thread only)                             */

static Entry *
entry_at (DlStore *self,
          guint    position)
{
  g_autoptr(DlArticleSummary) summary = g_list_model_get_item (G_LIST_MODEL (self->summaries), position);

  return g_hash_table_lookup (self->entries, dl_article_summary_get_uuid (summary));
}

/* Where @entry belongs in the list, ignoring position @skip (G_MAXUINT
 * for none); the result counts positions without @skip. */
static guint
find_insert_position (DlStore *self,
                      Entry   *entry,
                      guint    skip)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->summaries));
  guint lo = 0, hi = (skip < n) ? n - 1 : n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      guint real = (skip < n && mid >= skip) ? mid + 1 : mid;
      Entry *other = entry_at (self, real);

      if (compare_keys (other->modified_us, entry_uuid (other),
                        entry->modified_us, entry_uuid (entry)) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
insert_entry (DlStore *self,
              Entry   *entry)
{
  guint position = find_insert_position (self, entry, G_MAXUINT);

  g_hash_table_replace (self->entries, (gpointer) entry_uuid (entry), entry);
  g_list_store_insert (self->summaries, position, entry->summary);
}

/* Moves @entry's summary to where its (changed) sort key puts it, in a
 * single items-changed so that a selection on it survives the move. */
static void
reposition_entry (DlStore *self,
                  Entry   *entry)
{
  guint old_pos, new_pos;
  g_autoptr(GPtrArray) items = NULL;

  if (!g_list_store_find (self->summaries, entry->summary, &old_pos))
    return;
  new_pos = find_insert_position (self, entry, old_pos);
  if (new_pos == old_pos)
    return;

  items = g_ptr_array_new_with_free_func (g_object_unref);
  if (new_pos < old_pos)
    {
      g_ptr_array_add (items, g_object_ref (entry->summary));
      for (guint i = new_pos; i < old_pos; i++)
        g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (self->summaries), i));
      g_list_store_splice (self->summaries, new_pos, items->len, items->pdata, items->len);
    }
  else
    {
      for (guint i = old_pos + 1; i <= new_pos; i++)
        g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (self->summaries), i));
      g_ptr_array_add (items, g_object_ref (entry->summary));
      g_list_store_splice (self->summaries, old_pos, items->len, items->pdata, items->len);
    }
}

static void
remove_entry (DlStore    *self,
              const char *uuid)
{
  Entry *entry = g_hash_table_lookup (self->entries, uuid);
  guint position;

  if (entry == NULL)
    return;
  if (g_list_store_find (self->summaries, entry->summary, &position))
    g_list_store_remove (self->summaries, position);
  g_hash_table_remove (self->entries, uuid);
}

/* Updates the entry of @article (creating it if needed) after its file
 * was written or re-read. */
static void
upsert_article (DlStore   *self,
                DlArticle *article,
                gint64     mtime_ns,
                guint64    size)
{
  Entry *entry = g_hash_table_lookup (self->entries, dl_article_get_uuid (article));

  if (entry == NULL)
    {
      insert_entry (self, entry_new_from_article (article, mtime_ns, size));
      return;
    }

  dl_article_summary_update (entry->summary, article);
  entry->modified_us = date_time_to_us (dl_article_get_modified (article));
  entry->mtime_ns = mtime_ns;
  entry->size = size;
  g_clear_pointer (&entry->record, g_variant_unref);
  reposition_entry (self, entry);
}

/* Adds many entries at once: one items-changed for the common case of an
 * empty list, so 10,000 rows do not mean 10,000 signals. */
static void
add_entries (DlStore   *self,
             GPtrArray *entries)
{
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();
  g_autoptr(GPtrArray) summaries = NULL;
  guint n;

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      if (g_hash_table_contains (self->entries, entry_uuid (entry)))
        {
          entry_free (entry);
          continue;
        }
      g_ptr_array_add (fresh, entry);
    }
  /* Ownership has moved to self->entries or been released above. */
  g_ptr_array_set_free_func (entries, NULL);

  g_ptr_array_sort (fresh, compare_entries);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->summaries));

  /* The rest of the index after its first page: all older than what is
   * shown, so one append. Anything else goes in one by one. */
  if (n > 0 && fresh->len > 0)
    {
      Entry *last = entry_at (self, n - 1);
      Entry *first = g_ptr_array_index (fresh, 0);

      if (compare_keys (last->modified_us, entry_uuid (last),
                        first->modified_us, entry_uuid (first)) >= 0)
        {
          for (guint i = 0; i < fresh->len; i++)
            insert_entry (self, g_ptr_array_index (fresh, i));
          return;
        }
    }

  summaries = g_ptr_array_sized_new (fresh->len);
  for (guint i = 0; i < fresh->len; i++)
    {
      Entry *entry = g_ptr_array_index (fresh, i);

      g_hash_table_replace (self->entries, (gpointer) entry_uuid (entry), entry);
      g_ptr_array_add (summaries, entry->summary);
    }
  if (summaries->len > 0)
    g_list_store_splice (self->summaries, n, 0, summaries->pdata, summaries->len);
}

static void
set_ready (DlStore *self)
{
  if (self->ready)
    return;
  self->ready = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

static void
add_quarantined (DlStore           *self,
                 DlQuarantinedFile *file)
{
  if (file != NULL)
    g_list_store_append (self->quarantined, file);
}

/* ------------------------------------------------------------------ */
/* Loading                                                             */

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
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_clear_pointer (&load->batches[0], g_ptr_array_unref);
  g_clear_pointer (&load->batches[1], g_ptr_array_unref);
  g_clear_pointer (&load->rest, g_variant_unref);
  g_clear_pointer (&load->known, g_hash_table_unref);
  g_clear_pointer (&load->changed, g_ptr_array_unref);
  g_clear_pointer (&load->removed, g_ptr_array_unref);
  g_clear_pointer (&load->quarantined, g_ptr_array_unref);
  g_free (load);
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
  first = read_index (self, &load->rest, &error);
  if (first != NULL)
    {
      load->batches[0] = build_entries (first, 0, g_variant_n_children (first), load->known);
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
      load->batches[0] = g_ptr_array_new_with_free_func (entry_free);
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
    load->batches[1] = build_entries (load->rest, 0, g_variant_n_children (load->rest), load->known);

  /* A damaged rest: the first page stays; reconciliation reads the
   * files it does not know. */
  if (load->batches[1] == NULL)
    {
      if (load->rest != NULL)
        {
          g_message ("Rebuilding the library index of %s: it is damaged", self->path);
          load->index_ok = FALSE;
        }
      load->batches[1] = g_ptr_array_new_with_free_func (entry_free);
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
  g_autofree char *target = article_path (self->path, dl_article_get_uuid (article));
  g_autoptr(GError) error = NULL;
  g_autoptr(DlArticle) fresh = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gboolean ok;

  g_mutex_lock (&self->io_lock);
  if (!g_hash_table_contains (seen, dl_article_get_uuid (article))
      && !g_file_test (target, G_FILE_TEST_EXISTS))
    {
      ok = g_rename (path, target) == 0
           && record_written_locked (self, dl_article_get_uuid (article), target, NULL, mtime_ns, size);
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
  fresh = article_with_new_uuid (article);
  g_free (target);
  target = article_path (self->path, dl_article_get_uuid (fresh));
  bytes = dl_article_serialize (fresh);
  ok = write_file_atomically (self->path, target, g_bytes_get_data (bytes, NULL),
                              g_bytes_get_size (bytes), &error)
       && record_written_locked (self, dl_article_get_uuid (fresh), target, bytes, mtime_ns, size);
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
              if (stat_file (path, &mtime_ns, &size)
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
          remember_stamp_if_new (self, stem, &file_stamp);
          g_hash_table_add (seen, g_steal_pointer (&stem));
          continue;
        }

      article = read_library_file (self, path, &file_stamp, &content, &quarantined, &error);
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
          remember_read_version (self, stem, path, &file_stamp, content, TRUE);
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
  load->quarantined = list_quarantine (self);
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
          add_entries (self, load->batches[i]);
          g_clear_pointer (&load->batches[i], g_ptr_array_unref);
        }
      if (i == 0)
        {
          self->load_serial = self->mutation_serial;
          set_ready (self);
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
          remove_entry (self, uuid);
          dirty = TRUE;
        }
    }

  for (guint i = 0; i < load->changed->len; i++)
    {
      Changed *changed = g_ptr_array_index (load->changed, i);
      Entry *entry = g_hash_table_lookup (self->entries, dl_article_get_uuid (changed->article));

      dirty = TRUE;
      if (entry == NULL)
        g_ptr_array_add (fresh, entry_new_from_article (changed->article, changed->mtime_ns,
                                                        changed->size));
      else if (entry->serial <= self->load_serial)
        upsert_article (self, changed->article, changed->mtime_ns, changed->size);
    }
  if (fresh->len > 0)
    add_entries (self, fresh);

  if (load->quarantined->len > 0 || g_list_model_get_n_items (G_LIST_MODEL (self->quarantined)) > 0)
    g_list_store_splice (self->quarantined, 0,
                         g_list_model_get_n_items (G_LIST_MODEL (self->quarantined)),
                         load->quarantined->pdata, load->quarantined->len);

  self->reconciled = TRUE;
  if (dirty || self->index_dirty)
    schedule_index_write (self);
}

typedef struct
{
  DlStore  *self;
  GTask    *task;   /* keeps the LoadData alive */
  guint     batch;
} BatchReady;

static gboolean
load_batch_ready_cb (gpointer user_data)
{
  BatchReady *ready = user_data;

  load_apply_batch (ready->self, g_task_get_task_data (ready->task), ready->batch);
  return G_SOURCE_REMOVE;
}

static void
batch_ready_free (gpointer data)
{
  BatchReady *ready = data;

  g_object_unref (ready->self);
  g_object_unref (ready->task);
  g_free (ready);
}

/* An explicit source, not g_main_context_invoke(), which would run the
 * callback right here in the worker when nobody iterates the context. */
static void
post_batch (GTask   *task,
            DlStore *self,
            guint    batch)
{
  g_autoptr(GSource) source = g_idle_source_new ();
  BatchReady *ready = g_new0 (BatchReady, 1);

  ready->self = g_object_ref (self);
  ready->task = g_object_ref (task);
  ready->batch = batch;
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, load_batch_ready_cb, ready, batch_ready_free);
  g_source_set_name (source, "[dateline] show library index");
  g_source_attach (source, g_task_get_context (task));
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  DlStore *self = source_object;
  LoadData *load = task_data;

  /* Show the first page now, the rest of the index next; the
   * reconciliation below may take a while and must not delay either. */
  load_read_index (self, load);
  post_batch (task, self, 0);
  load_read_rest (self, load);
  post_batch (task, self, 1);

  load_reconcile (self, load, cancellable);

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                               _("Loading the library was cancelled."));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  DlStore *self = DL_STORE (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  LoadData *load = g_task_get_task_data (G_TASK (result));

  load_apply_batch (self, load, 1);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  load_apply_reconcile (self, load);
  g_task_return_boolean (task, TRUE);
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
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) inner = NULL;

  g_return_if_fail (DL_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dl_store_load_async);

  inner = g_task_new (self, cancellable, load_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (inner, dl_store_load_async);
  g_task_set_task_data (inner, g_new0 (LoadData, 1), load_data_free);
  g_task_run_in_thread (inner, load_thread);
}

gboolean
dl_store_load_finish (DlStore       *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (DL_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
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

  g_return_val_if_fail (DL_IS_STORE (self), FALSE);

  load = g_new0 (LoadData, 1);
  load_read_index (self, load);
  load_read_rest (self, load);
  load_apply_batch (self, load, 1);
  load_reconcile (self, load, cancellable);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      load_data_free (load);
      return FALSE;
    }
  load_apply_reconcile (self, load);
  load_data_free (load);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Opening                                                             */

typedef struct
{
  char              *uuid;
  DlArticle         *article;
  DlQuarantinedFile *quarantined;
} OpenData;

static void
open_data_free (gpointer data)
{
  OpenData *open_data = data;

  g_free (open_data->uuid);
  g_clear_object (&open_data->article);
  g_clear_object (&open_data->quarantined);
  g_free (open_data);
}

static gboolean
open_article (DlStore       *self,
              OpenData      *data,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *path = article_path (self->path, data->uuid);
  g_autoptr(GBytes) content = NULL;
  DlFileStamp stamp;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  data->article = read_library_file (self, path, &stamp, &content, &data->quarantined, error);
  if (data->article == NULL)
    return FALSE;
  /* The editor now holds this version: a save checks against it. */
  remember_read_version (self, data->uuid, path, &stamp, content, FALSE);
  return TRUE;
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (!open_article (source_object, task_data, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
open_apply (DlStore  *self,
            OpenData *data)
{
  if (data->quarantined != NULL)
    {
      add_quarantined (self, data->quarantined);
      remove_entry (self, data->uuid);
      schedule_index_write (self);
    }
}

static void
open_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpenData *data = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  open_apply (DL_STORE (object), data);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&data->article), g_object_unref);
}

/**
 * dl_store_open_article_async:
 *
 * Reads the whole article in a worker. A file that cannot be parsed is
 * quarantined and reported with DL_STORE_ERROR_CORRUPT.
 */
void
dl_store_open_article_async (DlStore             *self,
                             const char          *uuid,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) inner = NULL;
  GError *error = NULL;
  OpenData *data;

  g_return_if_fail (DL_IS_STORE (self));
  g_return_if_fail (uuid != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dl_store_open_article_async);
  if (!check_uuid (uuid, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  data = g_new0 (OpenData, 1);
  data->uuid = g_strdup (uuid);
  inner = g_task_new (self, cancellable, open_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (inner, dl_store_open_article_async);
  g_task_set_task_data (inner, data, open_data_free);
  g_task_run_in_thread (inner, open_thread);
}

/**
 * dl_store_open_article_finish:
 *
 * Returns: (transfer full): the article, or NULL with @error set.
 */
DlArticle *
dl_store_open_article_finish (DlStore       *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (DL_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * dl_store_open_article_sync:
 *
 * Returns: (transfer full): the article, or NULL with @error set.
 */
DlArticle *
dl_store_open_article_sync (DlStore       *self,
                            const char    *uuid,
                            GCancellable  *cancellable,
                            GError       **error)
{
  OpenData data = { 0 };
  gboolean ok;

  g_return_val_if_fail (DL_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  if (!check_uuid (uuid, error))
    return NULL;

  data.uuid = g_strdup (uuid);
  ok = open_article (self, &data, cancellable, error);
  open_apply (self, &data);
  g_free (data.uuid);
  g_clear_object (&data.quarantined);
  if (!ok)
    return NULL;
  return data.article;
}

/* ------------------------------------------------------------------ */
/* Saving                                                              */

typedef struct
{
  DlArticle *snapshot;
  guint64    gen;
  gint64     mtime_ns;
  guint64    size;
  gboolean   superseded;   /* a newer save already reached the disk */
  gboolean   in_trash;     /* trashed meanwhile: saved there instead */
  gboolean   keep_mine;    /* resolving a conflict: the other version goes to the trash */
  char      *recovery;     /* where the snapshot was kept after a conflict */
  GBytes    *raw;          /* written instead of the snapshot (a newer Dateline's file) */
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_clear_object (&save->snapshot);
  g_free (save->recovery);
  g_clear_pointer (&save->raw, g_bytes_unref);
  g_free (save);
}

static char *
recovery_file (DlStore    *self,
               const char *uuid)
{
  return article_path (self->recovery_path, uuid);
}

/* Keeps @article where the library's own failures cannot reach it (the
 * recovery folder); the next start offers it back. Call with io_lock
 * held. */
static gboolean
write_recovery_locked (DlStore    *self,
                       DlArticle  *article,
                       char      **path_out,
                       GError    **error)
{
  g_autoptr(GBytes) bytes = dl_article_serialize (article);
  g_autofree char *path = recovery_file (self, dl_article_get_uuid (article));
  g_autoptr(GError) local_error = NULL;

  if (!write_file_atomically (self->recovery_path, path, g_bytes_get_data (bytes, NULL),
                              g_bytes_get_size (bytes), &local_error))
    {
      g_autofree char *display = g_filename_display_name (self->recovery_path);

      g_set_error (error, DL_STORE_ERROR, DL_STORE_ERROR_WRITE,
                   _("Could not keep the text in the recovery folder “%s” either: %s"),
                   display, local_error->message);
      return FALSE;
    }
  g_message ("Kept %s in %s", dl_article_get_uuid (article), path);
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return TRUE;
}

static void
remove_recovery_locked (DlStore    *self,
                        const char *uuid)
{
  g_autofree char *path = recovery_file (self, uuid);

  if (g_unlink (path) != 0 && errno != ENOENT)
    g_message ("Could not remove %s: %s", path, g_strerror (errno));
}

/* The version at @path, which the journalist chose not to keep, goes to
 * the trash as an article of its own (a fresh identity), so it can still
 * be restored; one that cannot be read goes to the quarantine. Call with
 * io_lock held. */
static void
set_aside_locked (DlStore    *self,
                  const char *path,
                  DlArticle  *known)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(DlArticle) article = NULL;
  g_autoptr(DlArticle) copy = NULL;
  g_autoptr(GBytes) copy_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *trash = subdir_path (self, DL_STORE_TRASH_DIR);
  g_autofree char *target = NULL;

  if (known == NULL)
    {
      g_autoptr(DlQuarantinedFile) quarantined = NULL;

      bytes = dl_path_load_bounded (path, DL_LIMIT_FILE_BYTES, NULL, NULL, &error);
      if (bytes == NULL)
        {
          if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
            quarantined = quarantine_file_locked (self, path, error->message);
          return;
        }
      article = dl_article_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
      if (article == NULL || dl_article_is_read_only (article))
        {
          quarantined = quarantine_file_locked (self, path,
                                                article == NULL ? error->message
                                                                : dl_article_get_read_only_reason (article));
          return;
        }
      known = article;
    }

  copy = article_with_new_uuid (known);
  copy_bytes = dl_article_serialize (copy);
  target = article_path (trash, dl_article_get_uuid (copy));
  if (!ensure_folder (trash, &error)
      || !write_file_atomically (trash, target, g_bytes_get_data (copy_bytes, NULL),
                                 g_bytes_get_size (copy_bytes), &error))
    g_warning ("Could not keep the other version of %s in the trash: %s",
               dl_article_get_uuid (known), error->message);
  else
    g_message ("The other version of %s is in the trash as %s", dl_article_get_uuid (known), target);
}

static gboolean
save_snapshot (DlStore   *self,
               SaveData  *save,
               GError   **error)
{
  const char *uuid = dl_article_get_uuid (save->snapshot);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *trash = subdir_path (self, DL_STORE_TRASH_DIR);
  g_autofree char *final_path = NULL;
  DlFileStamp on_disk;
  gboolean exists;
  gboolean changed_outside;
  const char *folder;
  gpointer written;
  gboolean ok;

  /* Its file is the only faithful copy of an article from a newer
   * Dateline: nothing may replace it. */
  if (save->raw != NULL)
    bytes = g_bytes_ref (save->raw);
  else if (dl_article_is_read_only (save->snapshot))
    {
      g_set_error_literal (error, DL_STORE_ERROR, DL_STORE_ERROR_READ_ONLY,
                           dl_article_get_read_only_reason (save->snapshot));
      return FALSE;
    }
  else
    bytes = dl_article_serialize (save->snapshot);

  g_mutex_lock (&self->io_lock);

  written = g_hash_table_lookup (self->written_gen, uuid);
  if (written != NULL && *(guint64 *) written > save->gen)
    {
      save->superseded = TRUE;
      g_mutex_unlock (&self->io_lock);
      return TRUE;
    }

  /* Deleting an article while it is being edited must not bring it back
   * to the library, nor lose the last words typed: they go to the trash. */
  save->in_trash = g_hash_table_contains (self->trashed, uuid);
  folder = save->in_trash ? trash : self->path;
  final_path = article_path (folder, uuid);

  /* Another program (a second Dateline on a synced folder, a text
   * editor, git) replaced the file since this store last read or wrote
   * it: writing now would destroy that version. Both are kept instead,
   * ours in the recovery folder, and the journalist chooses. */
  exists = dl_file_stamp_from_path (final_path, &on_disk);
  changed_outside = exists && !save->in_trash && !is_known_version_locked (self, uuid, final_path, &on_disk);
  if (changed_outside && !save->keep_mine)
    {
      g_autoptr(GError) recovery_error = NULL;

      if (write_recovery_locked (self, save->snapshot, &save->recovery, &recovery_error))
        g_set_error (error, DL_STORE_ERROR, DL_STORE_ERROR_CONFLICT,
                     _("Another program changed this article’s file since Dateline last read it. "
                       "Nothing was overwritten: both versions are kept."));
      else
        g_set_error (error, DL_STORE_ERROR, DL_STORE_ERROR_CONFLICT,
                     _("Another program changed this article’s file since Dateline last read it. "
                       "Nothing was overwritten; your version is still open in Dateline. %s"),
                     recovery_error->message);
      g_mutex_unlock (&self->io_lock);
      return FALSE;
    }

  if (changed_outside)
    set_aside_locked (self, final_path, NULL);
  else if (!save->in_trash && exists)
    backup_previous_version (self, final_path, uuid);

  ok = write_file_atomically (folder, final_path, g_bytes_get_data (bytes, NULL),
                              g_bytes_get_size (bytes), error);
  if (ok)
    {
      guint64 *gen = g_new (guint64, 1);

      *gen = save->gen;
      g_hash_table_replace (self->written_gen, g_strdup (uuid), gen);
      if (save->in_trash)
        stat_file (final_path, &save->mtime_ns, &save->size);
      else if (!record_written_locked (self, uuid, final_path, bytes, &save->mtime_ns, &save->size))
        save->mtime_ns = save->size = 0;
      /* Whatever the recovery folder kept of it is older than this. */
      remove_recovery_locked (self, uuid);
    }

  g_mutex_unlock (&self->io_lock);
  return ok;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, &error)
      || !save_snapshot (source_object, task_data, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
save_apply (DlStore  *self,
            SaveData *save)
{
  Entry *entry;

  if (save->superseded || save->in_trash)
    return;

  entry = g_hash_table_lookup (self->entries, dl_article_get_uuid (save->snapshot));
  /* Completions can arrive in any order; the newest snapshot wins. */
  if (entry != NULL && entry->applied_gen > save->gen)
    return;

  upsert_article (self, save->snapshot, save->mtime_ns, save->size);
  entry = g_hash_table_lookup (self->entries, dl_article_get_uuid (save->snapshot));
  entry->applied_gen = save->gen;
  entry->serial = ++self->mutation_serial;
  schedule_index_write (self);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SaveData *save = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  save_apply (DL_STORE (object), save);
  g_task_return_boolean (task, TRUE);
}

static SaveData *
save_data_new (DlStore   *self,
               DlArticle *article)
{
  SaveData *save = g_new0 (SaveData, 1);

  save->snapshot = dl_article_copy (article);
  save->gen = ++self->next_gen;
  return save;
}

/**
 * dl_store_save_article_async:
 *
 * Saves a snapshot of @article taken now; editing may go on at once.
 * Saves of one article never reorder: a snapshot older than one already
 * on disk is not written (and reported as success, its text being
 * included in the newer one).
 */
void
dl_store_save_article_async (DlStore             *self,
                             DlArticle           *article,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) inner = NULL;

  g_return_if_fail (DL_IS_STORE (self));
  g_return_if_fail (DL_IS_ARTICLE (article));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dl_store_save_article_async);

  inner = g_task_new (self, cancellable, save_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (inner, dl_store_save_article_async);
  g_task_set_task_data (inner, save_data_new (self, article), save_data_free);
  g_task_run_in_thread (inner, save_thread);
}

gboolean
dl_store_save_article_finish (DlStore       *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (DL_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * dl_store_save_article_sync:
 *
 * Like dl_store_save_article_async(), in the calling thread.
 */
gboolean
dl_store_save_article_sync (DlStore       *self,
                            DlArticle     *article,
                            GCancellable  *cancellable,
                            GError       **error)
{
  SaveData *save;
  gboolean ok;

  g_return_val_if_fail (DL_IS_STORE (self), FALSE);
  g_return_val_if_fail (DL_IS_ARTICLE (article), FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  save = save_data_new (self, article);
  ok = save_snapshot (self, save, error);
  if (ok)
    save_apply (self, save);
  save_data_free (save);
  return ok;
}

/* ------------------------------------------------------------------ */
/* Trash                                                               */

/* The file part of trashing: safe in a worker thread (io_lock). */
static gboolean
trash_file (DlStore     *self,
            const char  *uuid,
            GError     **error)
{
  g_autofree char *trash = NULL;
  g_autofree char *src = NULL;
  g_autofree char *dst = NULL;

  if (!check_uuid (uuid, error))
    return FALSE;

  trash = subdir_path (self, DL_STORE_TRASH_DIR);
  src = article_path (self->path, uuid);
  dst = article_path (trash, uuid);

  g_mutex_lock (&self->io_lock);
  if (!g_file_test (src, G_FILE_TEST_IS_REGULAR))
    {
      g_mutex_unlock (&self->io_lock);
      g_set_error (error, DL_STORE_ERROR, DL_STORE_ERROR_NOT_FOUND,
                   _("The article %s is not in the library."), uuid);
      return FALSE;
    }
  if (g_mkdir_with_parents (trash, 0755) != 0 || g_rename (src, dst) != 0)
    {
      int saved_errno = errno;
      g_mutex_unlock (&self->io_lock);
      set_io_error (error, DL_STORE_ERROR_WRITE,
                    _("Could not move the article to the trash folder “%s”: %s"), trash, saved_errno);
      return FALSE;
    }
  g_hash_table_add (self->trashed, g_strdup (uuid));
  g_hash_table_remove (self->disk_stamps, uuid);
  g_mutex_unlock (&self->io_lock);
  return TRUE;
}

/* The library part, on the store's own thread. */
static void
trash_apply (DlStore    *self,
             const char *uuid)
{
  remove_entry (self, uuid);
  self->mutation_serial++;
  schedule_index_write (self);
}

/**
 * dl_store_trash_article:
 *
 * Moves the article's file to trash/ (a rename: recoverable with
 * dl_store_restore_article()) and removes it from the summaries. Blocking:
 * for the command line and tests; the application uses the _async one.
 */
gboolean
dl_store_trash_article (DlStore     *self,
                        const char  *uuid,
                        GError     **error)
{
  g_return_val_if_fail (DL_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (!trash_file (self, uuid, error))
    return FALSE;
  trash_apply (self, uuid);
  return TRUE;
}

static void
trash_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  if (trash_file (DL_STORE (source_object), task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_trashed_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  trash_apply (DL_STORE (object), g_task_get_task_data (G_TASK (result)));
  g_task_return_boolean (task, TRUE);
}

/**
 * dl_store_trash_article_async:
 *
 * Like dl_store_trash_article(), with the file moved in a worker thread
 * and the summaries updated on the calling thread.
 */
void
dl_store_trash_article_async (DlStore             *self,
                              const char          *uuid,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) file_task = NULL;

  g_return_if_fail (DL_IS_STORE (self));
  g_return_if_fail (uuid != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dl_store_trash_article_async);
  file_task = g_task_new (self, cancellable, on_trashed_cb, g_steal_pointer (&task));
  g_task_set_task_data (file_task, g_strdup (uuid), g_free);
  g_task_run_in_thread (file_task, trash_thread);
}

gboolean
dl_store_trash_article_finish (DlStore       *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  char              *uuid;
  DlArticle         *article;
  DlQuarantinedFile *quarantined;
  gint64             mtime_ns;
  guint64            size;
} RestoreData;

static void
restore_data_free (gpointer data)
{
  RestoreData *restore = data;

  g_free (restore->uuid);
  g_clear_object (&restore->article);
  g_clear_object (&restore->quarantined);
  g_free (restore);
}

/* The file part of restoring (rename back, read the article): safe in a
 * worker thread. */
static gboolean
restore_file (DlStore      *self,
              RestoreData  *restore,
              GError      **error)
{
  g_autofree char *trash = NULL;
  g_autofree char *src = NULL;
  g_autofree char *dst = NULL;
  const char *uuid = restore->uuid;

  if (!check_uuid (uuid, error))
    return FALSE;

  trash = subdir_path (self, DL_STORE_TRASH_DIR);
  src = article_path (trash, uuid);
  dst = article_path (self->path, uuid);

  g_mutex_lock (&self->io_lock);
  if (!g_file_test (src, G_FILE_TEST_IS_REGULAR))
    {
      g_mutex_unlock (&self->io_lock);
      g_set_error (error, DL_STORE_ERROR, DL_STORE_ERROR_NOT_FOUND,
                   _("The article %s is not in the trash."), uuid);
      return FALSE;
    }
  if (g_file_test (dst, G_FILE_TEST_EXISTS))
    {
      g_mutex_unlock (&self->io_lock);
      g_set_error (error, DL_STORE_ERROR, DL_STORE_ERROR_WRITE,
                   _("An article with the identifier %s is already in the library."), uuid);
      return FALSE;
    }
  if (g_rename (src, dst) != 0)
    {
      int saved_errno = errno;
      g_mutex_unlock (&self->io_lock);
      set_io_error (error, DL_STORE_ERROR_WRITE,
                    _("Could not restore the article from the trash folder “%s”: %s"), trash,
                    saved_errno);
      return FALSE;
    }
  g_hash_table_remove (self->trashed, uuid);
  record_written_locked (self, uuid, dst, NULL, &restore->mtime_ns, &restore->size);
  g_mutex_unlock (&self->io_lock);

  restore->article = read_library_file (self, dst, NULL, NULL, &restore->quarantined, error);
  return restore->article != NULL;
}

/* The library part, on the store's own thread. */
static void
restore_apply (DlStore     *self,
               RestoreData *restore)
{
  Entry *entry;

  upsert_article (self, restore->article, restore->mtime_ns, restore->size);
  entry = g_hash_table_lookup (self->entries, restore->uuid);
  entry->serial = ++self->mutation_serial;
  schedule_index_write (self);
}

/**
 * dl_store_restore_article:
 *
 * Brings an article back from trash/ into the library and the summaries.
 * Blocking: the application uses dl_store_restore_article_async().
 */
gboolean
dl_store_restore_article (DlStore     *self,
                          const char  *uuid,
                          GError     **error)
{
  RestoreData *restore;
  gboolean ok;

  g_return_val_if_fail (DL_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  restore = g_new0 (RestoreData, 1);
  restore->uuid = g_strdup (uuid);
  ok = restore_file (self, restore, error);
  if (ok)
    restore_apply (self, restore);
  else if (restore->quarantined != NULL)
    add_quarantined (self, restore->quarantined);
  restore_data_free (restore);
  return ok;
}

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;

  if (restore_file (DL_STORE (source_object), task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_restored_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RestoreData *restore = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (restore->quarantined != NULL)
        add_quarantined (DL_STORE (object), restore->quarantined);
      g_task_return_error (task, error);
      return;
    }
  restore_apply (DL_STORE (object), restore);
  g_task_return_boolean (task, TRUE);
}

/**
 * dl_store_restore_article_async:
 *
 * Like dl_store_restore_article(), reading the file in a worker thread.
 */
void
dl_store_restore_article_async (DlStore             *self,
                                const char          *uuid,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) file_task = NULL;
  RestoreData *restore;

  g_return_if_fail (DL_IS_STORE (self));
  g_return_if_fail (uuid != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dl_store_restore_article_async);
  restore = g_new0 (RestoreData, 1);
  restore->uuid = g_strdup (uuid);
  file_task = g_task_new (self, cancellable, on_restored_cb, g_steal_pointer (&task));
  g_task_set_task_data (file_task, restore, restore_data_free);
  g_task_run_in_thread (file_task, restore_thread);
}

gboolean
dl_store_restore_article_finish (DlStore       *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* Import                                                              */

typedef struct
{
  GFile     *file;
  gboolean   file_clash;   /* its UUID has a file in the library or its trash */
  GBytes    *raw;          /* a newer Dateline's file: stored as it is */
  GStrv      warnings;
  DlArticle *article;
} ImportData;

static void
import_data_free (gpointer data)
{
  ImportData *import = data;

  g_clear_object (&import->file);
  g_clear_pointer (&import->raw, g_bytes_unref);
  g_clear_pointer (&import->warnings, g_strfreev);
  g_clear_object (&import->article);
  g_free (import);
}

/* Reads and parses a file to import; safe in a worker thread (it only
 * looks at files). */
static DlArticle *
read_import (DlStore       *self,
             ImportData    *import,
             GCancellable  *cancellable,
             GError       **error)
{
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
                   _("Could not import “%s”: %s"), display, local_error->message);
      return NULL;
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
                                  _("Could not import “%s”: "), display);
      return NULL;
    }
  if (dl_article_is_read_only (article))
    import->raw = g_bytes_ref (bytes);

  uuid = dl_article_get_uuid (article);
  trash = subdir_path (self, DL_STORE_TRASH_DIR);
  existing = article_path (self->path, uuid);
  trashed = article_path (trash, uuid);
  import->file_clash = g_file_test (existing, G_FILE_TEST_EXISTS) || g_file_test (trashed, G_FILE_TEST_EXISTS);
  return g_steal_pointer (&article);
}

/* On the store's own thread: an article whose UUID is taken becomes a
 * copy with a fresh UUID, so an import never overwrites anything. */
static DlArticle *
claim_import (DlStore     *self,
              DlArticle   *article,
              ImportData  *import,
              GError     **error)
{
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
  return article_with_new_uuid (article);
}

/**
 * dl_store_import_file:
 * @warnings: (out) (optional) (transfer full): what could not be
 *   imported and why (translated), or %NULL
 *
 * Imports a .dateline file or an IPTC ninjs 2.x document, blocking: for
 * the command line. The application uses dl_store_import_file_async().
 * A file from a newer Dateline is stored as it is (and is read-only).
 *
 * Returns: (transfer full): the article as stored in the library, or
 *   NULL with @error set (the message names the file and the problem).
 */
DlArticle *
dl_store_import_file (DlStore       *self,
                      GFile         *file,
                      GStrv         *warnings,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(DlArticle) read = NULL;
  g_autoptr(DlArticle) article = NULL;
  ImportData *import;
  SaveData *save;
  gboolean ok;

  g_return_val_if_fail (DL_IS_STORE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  import = g_new0 (ImportData, 1);
  import->file = g_object_ref (file);
  read = read_import (self, import, cancellable, error);
  if (read != NULL)
    article = claim_import (self, read, import, error);
  if (article == NULL)
    {
      import_data_free (import);
      return NULL;
    }

  save = save_data_new (self, article);
  save->raw = import->raw != NULL ? g_bytes_ref (import->raw) : NULL;
  ok = save_snapshot (self, save, error);
  if (ok)
    save_apply (self, save);
  save_data_free (save);
  if (ok && warnings != NULL)
    *warnings = g_steal_pointer (&import->warnings);
  import_data_free (import);
  return ok ? g_steal_pointer (&article) : NULL;
}

static void
import_read_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  ImportData *import = task_data;
  GError *error = NULL;
  DlArticle *article = read_import (DL_STORE (source_object), import, cancellable, &error);

  if (article == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, article, g_object_unref);
}

static void
on_import_saved_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ImportData *import = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_error (task, error);
  else
    {
      save_apply (DL_STORE (object), g_task_get_task_data (G_TASK (result)));
      g_task_return_pointer (task, g_object_ref (import->article), g_object_unref);
    }
}

static void
on_import_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GTask) save_task = NULL;
  DlStore *self = DL_STORE (object);
  ImportData *import = g_task_get_task_data (task);
  g_autoptr(DlArticle) read = NULL;
  GCancellable *cancellable;
  SaveData *save;
  GError *error = NULL;

  read = g_task_propagate_pointer (G_TASK (result), &error);
  if (read == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  import->article = claim_import (self, read, import, &error);
  if (import->article == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  save = save_data_new (self, import->article);
  save->raw = import->raw != NULL ? g_bytes_ref (import->raw) : NULL;
  cancellable = g_task_get_cancellable (task);
  save_task = g_task_new (self, cancellable, on_import_saved_cb, g_steal_pointer (&task));
  g_task_set_source_tag (save_task, dl_store_import_file_async);
  g_task_set_task_data (save_task, save, save_data_free);
  g_task_run_in_thread (save_task, save_thread);
}

/**
 * dl_store_import_file_async:
 *
 * Imports a .dateline file or an IPTC ninjs 2.x document: the file is
 * read and parsed in a worker thread, the library is updated on the
 * calling thread (which owns the store), and the article is saved as any
 * save is.
 */
void
dl_store_import_file_async (DlStore             *self,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) read_task = NULL;
  ImportData *import;

  g_return_if_fail (DL_IS_STORE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dl_store_import_file_async);
  import = g_new0 (ImportData, 1);
  import->file = g_object_ref (file);
  g_task_set_task_data (task, import, import_data_free);

  /* The read shares the import's data: the worker fills in file_clash. */
  read_task = g_task_new (self, cancellable, on_import_read_cb, g_object_ref (task));
  g_task_set_source_tag (read_task, dl_store_import_file_async);
  g_task_set_task_data (read_task, import, NULL);
  g_task_run_in_thread (read_task, import_read_thread);
}

/**
 * dl_store_import_file_finish:
 * @warnings: (out) (optional) (transfer full): see dl_store_import_file()
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

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  article = g_task_propagate_pointer (G_TASK (result), error);
  if (warnings != NULL)
    {
      ImportData *import = g_task_get_task_data (G_TASK (result));

      *warnings = article != NULL ? g_steal_pointer (&import->warnings) : NULL;
    }
  return article;
}

/* ------------------------------------------------------------------ */
/* Search                                                              */

static gboolean
article_matches (DlArticle   *article,
                 GStrv        words)
{
  g_autoptr(GString) haystack = g_string_new (NULL);
  g_autofree char *folded = NULL;
  const char * const *tags = dl_article_get_tags (article);

  /* One folded text with a separator no query word can contain, so a
   * word never matches across two fields. */
  g_string_append (haystack, dl_article_get_headline (article));
  g_string_append_c (haystack, '\n');
  g_string_append (haystack, dl_article_get_standfirst (article));
  g_string_append_c (haystack, '\n');
  g_string_append (haystack, dl_article_get_place (article));
  g_string_append_c (haystack, '\n');
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_string_append (haystack, tags[i]);
      g_string_append_c (haystack, '\n');
    }
  g_string_append (haystack, dl_article_get_body (article));

  folded = dl_fold_text (haystack->str);
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (folded, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

typedef struct
{
  GStrv  words;
  GStrv  uuids;
} SearchData;

static void
search_data_free (gpointer data)
{
  SearchData *search = data;

  g_strfreev (search->words);
  g_strfreev (search->uuids);
  g_free (search);
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  DlStore *self = source_object;
  SearchData *search = task_data;
  g_autoptr(GStrvBuilder) found = g_strv_builder_new ();
  /* The raw JSON can only be pre-filtered when the words survive JSON
   * escaping unchanged. */
  gboolean prefilter = TRUE;

  for (guint i = 0; search->words[i] != NULL; i++)
    if (strpbrk (search->words[i], "\"\\/") != NULL)
      prefilter = FALSE;

  for (guint i = 0; search->uuids[i] != NULL; i++)
    {
      g_autofree char *path = article_path (self->path, search->uuids[i]);
      g_autofree char *contents = NULL;
      g_autoptr(DlArticle) article = NULL;
      gsize length;
      gboolean candidate = TRUE;

      if (g_cancellable_is_cancelled (cancellable))
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                                   _("The search was cancelled."));
          return;
        }
      if (!g_file_get_contents (path, &contents, &length, NULL))
        continue;

      /* Folding the raw file is far cheaper than parsing it; only files
       * that contain every word somewhere are parsed. */
      if (prefilter)
        {
          g_autofree char *folded = dl_fold_text (contents);

          for (guint w = 0; candidate && search->words[w] != NULL; w++)
            candidate = strstr (folded, search->words[w]) != NULL;
        }
      if (!candidate)
        continue;

      article = dl_article_new_from_data (contents, length, NULL);
      if (article != NULL && article_matches (article, search->words))
        g_strv_builder_add (found, search->uuids[i]);
    }

  g_task_return_pointer (task, g_strv_builder_end (found), (GDestroyNotify) g_strfreev);
}

/**
 * dl_store_search_async:
 * @query: words to find; every word must occur (casefolded, so
 *   "MINSK" finds "Minsk") in the headline, standfirst, body, tags or
 *   place
 *
 * Searches every article of the library in a worker thread. The result
 * (dl_store_search_finish()) lists UUIDs in the summaries' order.
 */
void
dl_store_search_async (DlStore             *self,
                       const char          *query,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) uuids = g_strv_builder_new ();
  g_autofree char *folded = NULL;
  g_auto(GStrv) split = NULL;
  SearchData *search;
  guint n;

  g_return_if_fail (DL_IS_STORE (self));
  g_return_if_fail (query != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dl_store_search_async);

  folded = dl_fold_text (query);
  split = g_strsplit_set (folded, " \t\n\r", -1);
  for (guint i = 0; split[i] != NULL; i++)
    if (*split[i] != '\0')
      g_strv_builder_add (words, split[i]);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->summaries));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DlArticleSummary) summary = g_list_model_get_item (G_LIST_MODEL (self->summaries), i);
      g_strv_builder_add (uuids, dl_article_summary_get_uuid (summary));
    }

  search = g_new0 (SearchData, 1);
  search->words = g_strv_builder_end (words);
  search->uuids = g_strv_builder_end (uuids);
  g_task_set_task_data (task, search, search_data_free);
  g_task_run_in_thread (task, search_thread);
}

/**
 * dl_store_search_finish:
 *
 * Returns: (transfer full): the matching UUIDs, or NULL with @error set.
 */
GStrv
dl_store_search_finish (DlStore       *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (DL_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* Conflicts and recovery                                              */

typedef struct
{
  DlArticle *mine;
  guint64    gen;
  OpenData  *theirs;
} UseTheirsData;

static void
use_theirs_data_free (gpointer data)
{
  UseTheirsData *use = data;

  g_clear_object (&use->mine);
  g_clear_pointer (&use->theirs, open_data_free);
  g_free (use);
}

static void
use_theirs_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  DlStore *self = source_object;
  UseTheirsData *use = task_data;
  const char *uuid = dl_article_get_uuid (use->mine);
  guint64 *gen = g_new (guint64, 1);
  GError *error = NULL;

  g_mutex_lock (&self->io_lock);
  /* Saves of our version still on their way must not land after this. */
  *gen = use->gen;
  g_hash_table_replace (self->written_gen, g_strdup (uuid), gen);
  if (!dl_article_is_read_only (use->mine))
    set_aside_locked (self, NULL, use->mine);
  remove_recovery_locked (self, uuid);
  g_mutex_unlock (&self->io_lock);

  if (!open_article (self, use->theirs, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_conflict_resolved_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DlStore *self = DL_STORE (object);
  GError *error = NULL;

  if (g_task_get_source_tag (G_TASK (result)) == dl_store_save_article_async)
    {
      SaveData *save = g_task_get_task_data (G_TASK (result));

      if (!g_task_propagate_boolean (G_TASK (result), &error))
        {
          g_task_return_error (task, error);
          return;
        }
      save_apply (self, save);
      g_task_return_pointer (task, g_object_ref (g_task_get_task_data (task)), g_object_unref);
    }
  else
    {
      UseTheirsData *use = g_task_get_task_data (G_TASK (result));
      OpenData *theirs = use->theirs;

      open_apply (self, theirs);
      if (!g_task_propagate_boolean (G_TASK (result), &error))
        {
          g_task_return_error (task, error);
          return;
        }
      {
        Entry *entry;
        g_autofree char *path = article_path (self->path, theirs->uuid);
        DlFileStamp stamp = { 0 };

        dl_file_stamp_from_path (path, &stamp);
        upsert_article (self, theirs->article, stamp.mtime_ns, stamp.size);
        entry = g_hash_table_lookup (self->entries, theirs->uuid);
        entry->serial = ++self->mutation_serial;
        schedule_index_write (self);
      }
      g_task_return_pointer (task, g_steal_pointer (&theirs->article), g_object_unref);
    }
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
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) inner = NULL;

  g_return_if_fail (DL_IS_STORE (self));
  g_return_if_fail (DL_IS_ARTICLE (mine));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dl_store_resolve_conflict_async);
  g_task_set_task_data (task, g_object_ref (mine), g_object_unref);

  if (choice == DL_CONFLICT_KEEP_MINE)
    {
      SaveData *save = save_data_new (self, mine);

      save->keep_mine = TRUE;
      inner = g_task_new (self, cancellable, on_conflict_resolved_cb, g_steal_pointer (&task));
      g_task_set_source_tag (inner, dl_store_save_article_async);
      g_task_set_task_data (inner, save, save_data_free);
      g_task_run_in_thread (inner, save_thread);
    }
  else
    {
      UseTheirsData *use = g_new0 (UseTheirsData, 1);

      use->mine = dl_article_copy (mine);
      use->gen = ++self->next_gen;
      use->theirs = g_new0 (OpenData, 1);
      use->theirs->uuid = g_strdup (dl_article_get_uuid (mine));
      inner = g_task_new (self, cancellable, on_conflict_resolved_cb, g_steal_pointer (&task));
      g_task_set_source_tag (inner, dl_store_resolve_conflict_async);
      g_task_set_task_data (inner, use, use_theirs_data_free);
      g_task_run_in_thread (inner, use_theirs_thread);
    }
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
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dl_store_resolve_conflict_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
keep_in_recovery_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  DlStore *self = source_object;
  GError *error = NULL;
  gboolean ok;

  g_mutex_lock (&self->io_lock);
  ok = write_recovery_locked (self, task_data, NULL, &error);
  g_mutex_unlock (&self->io_lock);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
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
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DL_IS_STORE (self));
  g_return_if_fail (DL_IS_ARTICLE (article));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dl_store_keep_in_recovery_async);
  g_task_set_task_data (task, dl_article_copy (article), g_object_unref);
  g_task_run_in_thread (task, keep_in_recovery_thread);
}

gboolean
dl_store_keep_in_recovery_finish (DlStore       *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
back_up_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  DlStore *self = source_object;
  DlArticle *article = task_data;
  g_autoptr(GBytes) bytes = dl_article_serialize (article);
  g_autofree char *backups = subdir_path (self, DL_STORE_BACKUPS_DIR);
  g_autofree char *path = article_path (backups, dl_article_get_uuid (article));
  GError *error = NULL;
  gboolean ok;

  g_mutex_lock (&self->io_lock);
  ok = write_file_atomically (backups, path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_mutex_unlock (&self->io_lock);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
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
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DL_IS_STORE (self));
  g_return_if_fail (DL_IS_ARTICLE (article));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dl_store_back_up_article_async);
  if (dl_article_is_read_only (article))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  g_task_set_task_data (task, dl_article_copy (article), g_object_unref);
  g_task_run_in_thread (task, back_up_thread);
}

gboolean
dl_store_back_up_article_finish (DlStore       *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
list_recovered_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  DlStore *self = source_object;
  g_autoptr(GDir) dir = g_dir_open (self->recovery_path, 0, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      DlArticle *article;

      if (name[0] == '.' || !g_str_has_suffix (name, DL_ARTICLE_FILE_EXTENSION))
        continue;
      path = g_build_filename (self->recovery_path, name, NULL);
      bytes = dl_path_load_bounded (path, DL_LIMIT_FILE_BYTES, NULL, cancellable, &error);
      article = bytes != NULL ? dl_article_new_from_data (g_bytes_get_data (bytes, NULL),
                                                          g_bytes_get_size (bytes), &error)
                              : NULL;
      if (article == NULL)
        {
          g_message ("Ignoring %s in the recovery folder: %s", path, error->message);
          continue;
        }
      g_ptr_array_add (found, article);
    }
  g_task_return_pointer (task, found, (GDestroyNotify) g_ptr_array_unref);
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
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DL_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dl_store_list_recovered_async);
  g_task_run_in_thread (task, list_recovered_thread);
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
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* Watching the folder                                                 */

typedef struct
{
  char              *uuid;
  DlArticle         *article;
  DlQuarantinedFile *quarantined;
  gint64             mtime_ns;
  guint64            size;
  gboolean           changed;
} CheckData;

static void
check_data_free (gpointer data)
{
  CheckData *check = data;

  g_free (check->uuid);
  g_clear_object (&check->article);
  g_clear_object (&check->quarantined);
  g_free (check);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  DlStore *self = source_object;
  CheckData *check = task_data;
  g_autofree char *path = article_path (self->path, check->uuid);
  g_autoptr(GError) error = NULL;
  DlFileStamp on_disk;
  gboolean known;

  g_mutex_lock (&self->io_lock);
  known = !dl_file_stamp_from_path (path, &on_disk)
          || g_hash_table_contains (self->trashed, check->uuid)
          || is_known_version_locked (self, check->uuid, path, &on_disk);
  g_mutex_unlock (&self->io_lock);

  /* Our own save, a deletion (the next start reconciles it) or a file
   * rewritten with the same bytes: nothing to tell. */
  if (!known)
    {
      check->article = read_library_file (self, path, &on_disk, NULL, &check->quarantined, &error);
      check->changed = check->article != NULL || check->quarantined != NULL;
      check->mtime_ns = on_disk.mtime_ns;
      check->size = on_disk.size;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_check_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  DlStore *self = DL_STORE (object);
  CheckData *check = g_task_get_task_data (G_TASK (result));
  Entry *entry;

  if (!check->changed)
    return;

  if (check->quarantined != NULL)
    {
      add_quarantined (self, check->quarantined);
      remove_entry (self, check->uuid);
    }
  else
    {
      upsert_article (self, check->article, check->mtime_ns, check->size);
      entry = g_hash_table_lookup (self->entries, check->uuid);
      entry->serial = ++self->mutation_serial;
    }
  schedule_index_write (self);
  g_signal_emit (self, signals[CHANGED_OUTSIDE], 0, check->uuid, check->article);
}

static gboolean
on_check_timeout_cb (gpointer user_data)
{
  GTask *task = user_data;
  DlStore *self = g_task_get_source_object (task);
  CheckData *check = g_task_get_task_data (task);

  /* Removing the entry destroys this source; the task lives on. */
  g_object_ref (task);
  g_hash_table_remove (self->pending_checks, check->uuid);
  g_task_run_in_thread (task, check_thread);
  g_object_unref (task);
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
  GTask *task;
  CheckData *check;

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
  g_hash_table_remove (self->pending_checks, uuid);
  check = g_new0 (CheckData, 1);
  check->uuid = g_strdup (uuid);
  task = g_task_new (self, NULL, on_check_done_cb, NULL);
  g_task_set_source_tag (task, on_folder_changed_cb);
  g_task_set_task_data (task, check, check_data_free);
  source = g_timeout_source_new (CHECK_DELAY_MS);
  g_source_set_callback (source, on_check_timeout_cb, task, g_object_unref);
  g_source_set_name (source, "[dateline] look at a changed article file");
  g_source_attach (source, self->context);
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
  if (!ensure_folder (self->path, &error))
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

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
dl_store_dispose (GObject *object)
{
  DlStore *self = DL_STORE (object);
  g_autoptr(GError) error = NULL;

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
  self->summaries = g_list_store_new (DL_TYPE_ARTICLE_SUMMARY);
  self->quarantined = g_list_store_new (DL_TYPE_QUARANTINED_FILE);
  /* Keys are owned by the entries' summaries. */
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, entry_free);
  self->written_gen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->trashed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->disk_stamps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, known_version_free);
  self->pending_checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) destroy_source);
  g_mutex_init (&self->io_lock);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

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
  return entry != NULL ? entry->summary : NULL;
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
