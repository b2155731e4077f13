/* dl-local-image.c
 *
 * An article names local files as images: the featured image's path,
 * and ![...](/path) or file:// URLs in the body. An article is untrusted
 * input (an import, a feed item, a colleague's file), so such a path may
 * name /etc/passwd, ~/.ssh/id_ed25519, a FIFO or /dev/zero. The preview,
 * the HTML export and (later) publishing all take a local image through
 * this one function: the file must be a regular file of a sane size
 * whose content is, by its signature and a well-formed header with sane
 * dimensions, a PNG, JPEG, GIF or WebP image. The content is read once,
 * checked and handed on as it was checked, so nothing can be swapped in
 * between the check and the use.
 *
 * Decoding itself is left to whoever shows the image (WebKit, in its
 * sandboxed web process; a browser for an export); what is checked here
 * is what a decoder needs to start: a known format and dimensions within
 * DL_LIMIT_IMAGE_SIDE and DL_LIMIT_IMAGE_PIXELS, so a "decompression
 * bomb" header is refused too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-local-image"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dl-file-util.h"
#include "dl-limits.h"
#include "dl-local-image.h"

G_DEFINE_QUARK (dl-local-image-error-quark, dl_local_image_error)

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static guint16
be16 (const guint8 *p)
{
  return (guint16) ((p[0] << 8) | p[1]);
}

static guint16
le16 (const guint8 *p)
{
  return (guint16) (p[0] | (p[1] << 8));
}

static guint32
le24 (const guint8 *p)
{
  return p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16);
}

static gboolean
sniff_png (const guint8 *d,
           gsize         n,
           guint        *w,
           guint        *h)
{
  /* Signature, then the IHDR chunk first: length 13, "IHDR", width, height. */
  if (n < 33 || memcmp (d, "\x89PNG\r\n\x1a\n", 8) != 0
      || be32 (d + 8) != 13 || memcmp (d + 12, "IHDR", 4) != 0)
    return FALSE;
  *w = be32 (d + 16);
  *h = be32 (d + 20);
  return TRUE;
}

static gboolean
sniff_jpeg (const guint8 *d,
            gsize         n,
            guint        *w,
            guint        *h)
{
  gsize i = 2;

  if (n < 4 || d[0] != 0xff || d[1] != 0xd8 || d[2] != 0xff)
    return FALSE;
  /* Walk the marker segments to the frame header (SOFn). */
  while (i + 4 <= n)
    {
      guint8 marker;
      guint16 length;

      if (d[i] != 0xff)
        return FALSE;
      marker = d[i + 1];
      if (marker == 0xff)
        {
          i++;   /* fill byte */
          continue;
        }
      if (marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7))
        {
          i += 2;
          continue;
        }
      if (marker == 0xd9 || marker == 0xda)
        return FALSE;   /* end of image or start of scan before any frame */
      length = be16 (d + i + 2);
      if (length < 2)
        return FALSE;
      if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc)
        {
          if (i + 9 > n || length < 7)
            return FALSE;
          *h = be16 (d + i + 5);
          *w = be16 (d + i + 7);
          return TRUE;
        }
      i += 2 + length;
    }
  return FALSE;
}

static gboolean
sniff_gif (const guint8 *d,
           gsize         n,
           guint        *w,
           guint        *h)
{
  if (n < 13 || (memcmp (d, "GIF87a", 6) != 0 && memcmp (d, "GIF89a", 6) != 0))
    return FALSE;
  *w = le16 (d + 6);
  *h = le16 (d + 8);
  return TRUE;
}

static gboolean
sniff_webp (const guint8 *d,
            gsize         n,
            guint        *w,
            guint        *h)
{
  if (n < 25 || memcmp (d, "RIFF", 4) != 0 || memcmp (d + 8, "WEBP", 4) != 0)
    return FALSE;
  if (memcmp (d + 12, "VP8 ", 4) == 0)
    {
      if (n < 30)
        return FALSE;
      /* A key frame: start code 9d 01 2a, then 14-bit width and height. */
      if (d[23] != 0x9d || d[24] != 0x01 || d[25] != 0x2a)
        return FALSE;
      *w = le16 (d + 26) & 0x3fff;
      *h = le16 (d + 28) & 0x3fff;
      return TRUE;
    }
  if (memcmp (d + 12, "VP8L", 4) == 0)
    {
      guint32 bits;

      if (d[20] != 0x2f)
        return FALSE;
      bits = d[21] | ((guint32) d[22] << 8) | ((guint32) d[23] << 16) | ((guint32) d[24] << 24);
      *w = (bits & 0x3fff) + 1;
      *h = ((bits >> 14) & 0x3fff) + 1;
      return TRUE;
    }
  if (memcmp (d + 12, "VP8X", 4) == 0)
    {
      if (n < 30)
        return FALSE;
      *w = le24 (d + 24) + 1;
      *h = le24 (d + 27) + 1;
      return TRUE;
    }
  return FALSE;
}

/**
 * dl_local_image_sniff:
 * @mime_type: (out) (optional): the format found
 * @width: (out) (optional): in pixels
 * @height: (out) (optional): in pixels
 *
 * Recognises a PNG, JPEG, GIF or WebP image by its signature and reads
 * its dimensions from its header.
 *
 * Returns: %TRUE if @data starts like one of those images
 */
gboolean
dl_local_image_sniff (const guint8  *data,
                      gsize          length,
                      const char   **mime_type,
                      guint         *width,
                      guint         *height)
{
  static const struct
  {
    const char *mime_type;
    gboolean  (*sniff) (const guint8 *d, gsize n, guint *w, guint *h);
  } formats[] = {
    { "image/png", sniff_png },
    { "image/jpeg", sniff_jpeg },
    { "image/gif", sniff_gif },
    { "image/webp", sniff_webp },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      guint w = 0, h = 0;

      if (formats[i].sniff (data, length, &w, &h))
        {
          if (mime_type != NULL)
            *mime_type = formats[i].mime_type;
          if (width != NULL)
            *width = w;
          if (height != NULL)
            *height = h;
          return TRUE;
        }
    }
  return FALSE;
}

static const char *
extension_for (const char *mime_type)
{
  if (g_str_equal (mime_type, "image/png"))
    return ".png";
  if (g_str_equal (mime_type, "image/jpeg"))
    return ".jpg";
  if (g_str_equal (mime_type, "image/gif"))
    return ".gif";
  return ".webp";
}

/**
 * dl_local_image_load:
 * @path: a local file an article names as an image
 *
 * Reads @path if, and only if, it is a regular file of at most
 * DL_LIMIT_IMAGE_BYTES holding a PNG, JPEG, GIF or WebP image of sane
 * dimensions. Blocking: for worker threads.
 *
 * Returns: (transfer full): the checked image, or %NULL with @error set:
 *   a G_IO_ERROR when the file cannot be read (G_IO_ERROR_NOT_FOUND,
 *   G_IO_ERROR_NOT_REGULAR_FILE…), else DL_LOCAL_IMAGE_ERROR; the
 *   translated message names the file
 */
DlLocalImage *
dl_local_image_load (const char    *path,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  DlLocalImage *image;
  const char *mime_type = NULL;
  const guint8 *data;
  guint width = 0, height = 0;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);
  if (!g_path_is_absolute (path))
    {
      g_set_error (error, DL_LOCAL_IMAGE_ERROR, DL_LOCAL_IMAGE_ERROR_UNREADABLE,
                   /* Translators: %s is what was given as the image's path, such as "photos/minsk.jpg" */
                   _("“%s” is not a full path to an image file."), display);
      return NULL;
    }
  bytes = dl_path_load_bounded (path, DL_LIMIT_IMAGE_BYTES, NULL, cancellable, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        {
          g_autofree char *limit = g_format_size_full (DL_LIMIT_IMAGE_BYTES, G_FORMAT_SIZE_IEC_UNITS);

          g_set_error (error, DL_LOCAL_IMAGE_ERROR, DL_LOCAL_IMAGE_ERROR_TOO_LARGE,
                       /* Translators: %s is the image's path; the second %s is a size, "64.0 MiB" */
                       _("The image “%s” is larger than %s."), display, limit);
        }
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  data = g_bytes_get_data (bytes, &length);
  if (data == NULL || !dl_local_image_sniff (data, length, &mime_type, &width, &height))
    {
      g_set_error (error, DL_LOCAL_IMAGE_ERROR, DL_LOCAL_IMAGE_ERROR_NOT_IMAGE,
                   _("“%s” is not a PNG, JPEG, GIF or WebP image."), display);
      return NULL;
    }
  if (width == 0 || height == 0)
    {
      g_set_error (error, DL_LOCAL_IMAGE_ERROR, DL_LOCAL_IMAGE_ERROR_NOT_IMAGE,
                   _("The image “%s” is damaged: it has no size."), display);
      return NULL;
    }
  if (width > DL_LIMIT_IMAGE_SIDE || height > DL_LIMIT_IMAGE_SIDE
      || (guint64) width * height > DL_LIMIT_IMAGE_PIXELS)
    {
      g_set_error (error, DL_LOCAL_IMAGE_ERROR, DL_LOCAL_IMAGE_ERROR_TOO_LARGE,
                   /* Translators: %s is the image's path; the two %u are its width and height
                    * in pixels: "40000 × 30000 pixels" */
                   _("The image “%s” is %u × %u pixels, more than Dateline accepts."),
                   display, width, height);
      return NULL;
    }

  image = g_new0 (DlLocalImage, 1);
  image->bytes = g_steal_pointer (&bytes);
  image->mime_type = mime_type;
  image->extension = extension_for (mime_type);
  image->width = width;
  image->height = height;
  return image;
}

void
dl_local_image_free (DlLocalImage *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self);
}
