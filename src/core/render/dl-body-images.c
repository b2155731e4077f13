/* dl-body-images.c: the local image files an article body shows
 *
 * A body may show images from this computer (an absolute path or a
 * file: URI). The page never sees those paths: the preview serves each
 * by number through its own scheme, and the HTML export copies each
 * beside the page. Both number them in the order found here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-renderer"

#include "config.h"

#include <string.h>

#include "dl-body-images.h"
#include "dl-markdown-html.h"

/* A body image that points at a file on this computer: an absolute path
 * or a file: URI without a host. Returns its path, or NULL. */
char *
dl_body_image_local_path (const char *src)
{
  if (src == NULL)
    return NULL;
  if (g_str_has_prefix (src, "file://"))
    {
      g_autofree char *hostname = NULL;
      char *path = g_filename_from_uri (src, &hostname, NULL);

      if (path != NULL && hostname != NULL && *hostname != '\0')
        g_clear_pointer (&path, g_free);
      return path;
    }
  if (src[0] == '/' && src[1] != '/')
    return g_strdup (src);
  return NULL;
}

/* The number of @path among @images, added at the end if new: the
 * preview's dateline-image:///<uuid>/local/<n> and the export's copies
 * are numbered this way. */
guint
dl_body_images_index (GPtrArray  *images,
                      const char *path)
{
  for (guint i = 0; i < images->len; i++)
    if (g_str_equal (g_ptr_array_index (images, i), path))
      return i;
  g_ptr_array_add (images, g_strdup (path));
  return images->len - 1;
}

static int
collect_block_cb (MD_BLOCKTYPE type,
                  void        *detail,
                  void        *user_data)
{
  return 0;
}

static int
collect_span_cb (MD_SPANTYPE  type,
                 void        *detail,
                 void        *user_data)
{
  return 0;
}

static int
collect_text_cb (MD_TEXTTYPE    type,
                 const MD_CHAR *text,
                 MD_SIZE        size,
                 void          *user_data)
{
  return 0;
}

static int
collect_image_cb (MD_SPANTYPE  type,
                  void        *detail,
                  void        *user_data)
{
  if (type == MD_SPAN_IMG)
    {
      g_autofree char *raw = dl_markdown_attribute_to_string (&((MD_SPAN_IMG_DETAIL *) detail)->src);
      g_autofree char *path = dl_body_image_local_path (raw);

      if (path != NULL)
        dl_body_images_index (user_data, path);
    }
  return 0;
}

/**
 * dl_body_images_find_local:
 * @markdown: an article body
 *
 * The local image files the body shows (absolute paths and file: URIs),
 * each once, numbered in the order the preview's `dateline-image:///<uuid>/local/<n>`
 * addresses use. The preview serves only these.
 *
 * Returns: (transfer full): a %NULL-terminated array, possibly empty
 */
char **
dl_body_images_find_local (const char *markdown)
{
  g_autoptr(GPtrArray) images = g_ptr_array_new_with_free_func (g_free);
  /* The same flags as rendering, so both see the same images. */
  MD_PARSER parser = {
    0,
    DL_MARKDOWN_FLAGS,
    collect_block_cb,
    collect_block_cb,
    collect_image_cb,
    collect_span_cb,
    collect_text_cb,
    NULL,
    NULL,
  };

  /* Every image, inline or by reference, starts with "![": most bodies
   * have none and need no second parse. */
  if (markdown != NULL && strstr (markdown, "![") != NULL)
    md_parse (markdown, strlen (markdown), &parser, images);
  g_ptr_array_add (images, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&images), FALSE);
}

