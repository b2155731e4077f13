/* dl-file-util.c
 *
 * A path in an article, a file dropped into the library folder or one
 * chosen for import may name a FIFO (opening it blocks until a writer
 * comes, for ever), a device (/dev/zero never ends) or a huge file. The
 * file is opened without blocking, checked to be a regular file with
 * fstat() on the same descriptor (no window for a swap between check and
 * read), and read up to a bound.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-file-util"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dl-file-util.h"

static void
stamp_from_stat (const struct stat *st,
                 DlFileStamp       *stamp)
{
  stamp->device = st->st_dev;
  stamp->inode = st->st_ino;
  stamp->size = st->st_size;
  stamp->mtime_ns = (gint64) st->st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st->st_mtim.tv_nsec;
}

/**
 * dl_file_stamp_from_path:
 *
 * Returns: %FALSE when @path cannot be stat()ed (it is gone)
 */
gboolean
dl_file_stamp_from_path (const char  *path,
                         DlFileStamp *stamp)
{
  struct stat st;

  if (g_stat (path, &st) != 0)
    return FALSE;
  stamp_from_stat (&st, stamp);
  return TRUE;
}

/**
 * dl_file_stamp_equal:
 * @known: what was recorded (its inode may be unknown)
 * @current: what the file is now
 */
gboolean
dl_file_stamp_equal (const DlFileStamp *known,
                     const DlFileStamp *current)
{
  if (known->size != current->size || known->mtime_ns != current->mtime_ns)
    return FALSE;
  return known->inode == 0 || (known->inode == current->inode && known->device == current->device);
}

/**
 * dl_path_load_bounded:
 * @path: a local file
 * @max_bytes: refuse files larger than this
 * @stamp: (out) (optional): the stamp of the file that was read
 *
 * Blocking: for worker threads.
 *
 * Returns: (transfer full): the content, or %NULL with @error set (a
 *   G_IO_ERROR, the message naming the file)
 */
GBytes *
dl_path_load_bounded (const char    *path,
                      gsize          max_bytes,
                      DlFileStamp   *stamp,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *data = NULL;
  struct stat st;
  gsize done = 0;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: %s is a file's path; the second %s is the system's reason,
                    * such as "No such file or directory" */
                   _("Could not open “%s”: %s"), display, g_strerror (saved_errno));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   /* Translators: %s is a path; not a regular file means a folder, a device or the like */
                   _("“%s” is not a regular file."), display);
      return NULL;
    }
  if (stamp != NULL)
    stamp_from_stat (&st, stamp);
  if ((guint64) st.st_size > max_bytes)
    {
      g_autofree char *limit = g_format_size_full (max_bytes, G_FORMAT_SIZE_IEC_UNITS);

      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   /* Translators: %s is a file's path; the second %s is a size, "32.0 MiB" */
                   _("“%s” is larger than %s."), display, limit);
      return NULL;
    }

  /* The size may change while reading: never read past the bound. */
  data = g_malloc (MIN ((gsize) st.st_size, max_bytes) + 1);
  for (;;)
    {
      gsize room = MIN ((gsize) st.st_size, max_bytes) - done;
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          close (fd);
          return NULL;
        }
      if (room == 0)
        break;
      n = read (fd, data + done, room);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       /* Translators: %s is a file's path; the second %s is the system's reason,
                        * such as "Input/output error" */
                       _("Could not read “%s”: %s"), display, g_strerror (saved_errno));
          return NULL;
        }
      if (n == 0)
        break;
      done += n;
    }
  close (fd);
  data[done] = '\0';
  return g_bytes_new_take (g_steal_pointer (&data), done);
}

/**
 * dl_file_load_bounded:
 *
 * dl_path_load_bounded() for a #GFile, which must be local.
 */
GBytes *
dl_file_load_bounded (GFile         *file,
                      gsize          max_bytes,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   /* Translators: %s is an address that is not on this computer,
                    * such as "sftp://server.example.org/story.dateline" */
                   _("“%s” is not a local file."), uri);
      return NULL;
    }
  return dl_path_load_bounded (path, max_bytes, NULL, cancellable, error);
}
