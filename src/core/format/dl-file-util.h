/* dl-file-util.h: reading files that come from outside, safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * DlFileStamp:
 *
 * What tells one version of a file from another without reading it:
 * an atomic save makes a new inode, an in-place edit a new size or
 * modification time. @inode 0 means "not known" (an old index entry).
 */
typedef struct
{
  guint64 device;
  guint64 inode;
  guint64 size;
  gint64  mtime_ns;
} DlFileStamp;

gboolean  dl_file_stamp_from_path (const char        *path,
                                   DlFileStamp       *stamp);
gboolean  dl_file_stamp_equal     (const DlFileStamp *known,
                                   const DlFileStamp *current);

GBytes   *dl_file_load_bounded   (GFile         *file,
                                  gsize          max_bytes,
                                  GCancellable  *cancellable,
                                  GError       **error);
GBytes   *dl_path_load_bounded   (const char    *path,
                                  gsize          max_bytes,
                                  DlFileStamp   *stamp,
                                  GCancellable  *cancellable,
                                  GError       **error);

G_END_DECLS
