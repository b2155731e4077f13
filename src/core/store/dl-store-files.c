/* dl-store-files.c
 *
 * The store's file operations, safe in any thread: paths and error
 * messages, writing a file atomically, keeping the previous version as a
 * backup, moving an unreadable file to the quarantine, reading one
 * article file, and what the store knows of each file on disk (its
 * stamp and checksum), which is how a change by another program is told
 * from the store's own.
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
#include "dl-limits.h"
#include "dl-quarantined-file.h"
#include "dl-store-private.h"
#include "dl-util.h"

char *
_dl_store_article_path (const char *dir,
                        const char *uuid)
{
  g_autofree char *name = g_strconcat (uuid, DL_ARTICLE_FILE_EXTENSION, NULL);

  return g_build_filename (dir, name, NULL);
}

char *
_dl_store_subdir_path (DlStore    *self,
                       const char *subdir)
{
  return g_build_filename (self->path, subdir, NULL);
}

void
_dl_store_set_io_error (GError     **error,
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

gboolean
_dl_store_check_uuid (const char  *uuid,
                      GError     **error)
{
  if (g_uuid_string_is_valid (uuid))
    return TRUE;
  g_set_error (error, DL_STORE_ERROR, DL_STORE_ERROR_NOT_FOUND,
               /* Translators: %s is what was given as an article's identifier; a valid one looks
                * like 1b4e28ba-2fa1-11d2-883f-0016d3cca427 */
               _("“%s” is not a valid article identifier."), uuid);
  return FALSE;
}

static void
set_write_error (GError     **error,
                 const char  *folder,
                 int          saved_errno)
{
  _dl_store_set_io_error (error, DL_STORE_ERROR_WRITE,
                          /* Translators: %s is the library folder, "/home/anna/.local/share/dateline";
                           * the second %s is the system's reason, such as "No space left on device" */
                          _("Could not save the article in the folder “%s”: %s"), folder, saved_errno);
}

gboolean
_dl_store_ensure_folder (const char  *folder,
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
gboolean
_dl_store_write_file_atomically (const char  *folder,
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

  if (!_dl_store_ensure_folder (folder, error))
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
void
_dl_store_back_up_previous_version (DlStore    *self,
                                    const char *current_path,
                                    const char *uuid)
{
  g_autofree char *backups = _dl_store_subdir_path (self, DL_STORE_BACKUPS_DIR);
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

gboolean
_dl_store_stat_file (const char *path,
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
DlArticle *
_dl_store_article_with_new_uuid (DlArticle *article)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return dl_article_copy_with_uuid (article, uuid);
}

/* Moves @path (a file in the library folder) into quarantine/ and writes
 * the reason beside it, so the report survives a restart. Call with
 * io_lock held. */
DlQuarantinedFile *
_dl_store_quarantine_file_locked (DlStore    *self,
                                  const char *path,
                                  const char *reason)
{
  g_autofree char *folder = _dl_store_subdir_path (self, DL_STORE_QUARANTINE_DIR);
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

GPtrArray *
_dl_store_list_quarantine (DlStore *self)
{
  g_autofree char *folder = _dl_store_subdir_path (self, DL_STORE_QUARANTINE_DIR);
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
DlArticle *
_dl_store_read_library_file (DlStore            *self,
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
                   /* Translators: %s is why, a sentence naming the file, such as
                    * "Could not open “…”: Permission denied" */
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
      *quarantined = _dl_store_quarantine_file_locked (self, path, local_error->message);
    g_mutex_unlock (&self->io_lock);

    if (*quarantined == NULL)
      g_set_error (error, DL_STORE_ERROR, DL_STORE_ERROR_CORRUPT,
                   /* Translators: %s is the file's name, "1b4e28ba-2fa1-11d2-883f-0016d3cca427.dateline";
                    * the second %s is why, such as "The file is not valid JSON: …" */
                   _("The file “%s” could not be read: %s"), name, local_error->message);
    else
      g_set_error (error, DL_STORE_ERROR, DL_STORE_ERROR_CORRUPT,
                   /* Translators: %s is the file's name, "1b4e28ba-2fa1-11d2-883f-0016d3cca427.dateline";
                    * the second %s is why, such as "The file is not valid JSON: …" */
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

void
_dl_store_known_version_free (gpointer data)
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
void
_dl_store_remember_read_version (DlStore           *self,
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
gboolean
_dl_store_record_written_locked (DlStore    *self,
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

void
_dl_store_remember_stamp_if_new (DlStore           *self,
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
gboolean
_dl_store_is_known_version_locked (DlStore           *self,
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
