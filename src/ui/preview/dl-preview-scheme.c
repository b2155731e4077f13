/* dl-preview-scheme.c: the dateline-image: and dateline-template: URI schemes of the preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preview page has no file access. The two things it may show from
 * disk come through these schemes, and nothing else:
 *   dateline-image:///<article-uuid>/featured   the current article's featured image
 *   dateline-image:///<article-uuid>/local/<n>  the n-th local image its body shows
 *   dateline-template:///<relative/path>        a file inside the chosen template folder
 * Resolving a template path touches the disk (realpath() to catch symlinks
 * leading out of the folder), so it runs in a worker thread together with
 * opening the file; WebKit gets the stream when it is ready.
 */
#define G_LOG_DOMAIN "dl-preview-scheme"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>

#include "dl-file-util.h"
#include "dl-limits.h"
#include "dl-local-image.h"
#include "dl-preview-scheme.h"

typedef struct
{
  char  *uri;
  char  *scheme;
  char  *article_uuid;
  char  *image_path;
  char **local_images;
  GFile *template_dir;
} RequestData;

typedef struct
{
  GInputStream *stream;
  char         *content_type;
  gint64        size;
} OpenedFile;

static void
request_data_free (RequestData *data)
{
  g_free (data->uri);
  g_free (data->scheme);
  g_free (data->article_uuid);
  g_free (data->image_path);
  g_strfreev (data->local_images);
  g_clear_object (&data->template_dir);
  g_free (data);
}

static void
opened_file_free (OpenedFile *opened)
{
  g_clear_object (&opened->stream);
  g_free (opened->content_type);
  g_free (opened);
}

/* Splits the path of @uri into decoded segments, refusing anything that
 * could climb out of a folder or smuggle a separator. */
static GStrv
split_uri_path (const char  *uri,
                GError     **error)
{
  g_autoptr(GUri) parsed = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) raw = NULL;
  const char *host;

  parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED_PATH, NULL);
  if (parsed == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The preview asked for a malformed address."));
      return NULL;
    }

  host = g_uri_get_host (parsed);
  if (host != NULL && *host != '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("The preview may not load “%s”."), uri);
      return NULL;
    }

  builder = g_strv_builder_new ();
  raw = g_strsplit (g_uri_get_path (parsed), "/", -1);
  for (guint i = 0; raw[i] != NULL; i++)
    {
      g_autofree char *segment = NULL;

      /* A leading "/" gives an empty first segment: skip it. */
      if (i == 0 && raw[i][0] == '\0')
        continue;

      segment = g_uri_unescape_segment (raw[i], NULL, "/\\");
      if (segment == NULL || segment[0] == '\0'
          || g_str_equal (segment, ".") || g_str_equal (segment, ".."))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                       _("The preview may not load “%s”."), uri);
          return NULL;
        }
      g_strv_builder_add (builder, segment);
    }

  return g_strv_builder_end (builder);
}

/**
 * dl_preview_scheme_resolve_image:
 * @uri: a dateline-image: URI
 * @article_uuid: the article shown in the preview
 * @image_path: (nullable): its featured image
 * @local_images: (nullable): the local images its body shows, in order
 * @error: a location for a #GError
 *
 * Serves only `dateline-image:///<article_uuid>/featured` and
 * `dateline-image:///<article_uuid>/local/<n>` for the images the article
 * itself shows. Does no I/O.
 *
 * Returns: (transfer full): the file to read, or %NULL with @error set
 */
char *
dl_preview_scheme_resolve_image (const char          *uri,
                                 const char          *article_uuid,
                                 const char          *image_path,
                                 const char * const  *local_images,
                                 GError             **error)
{
  g_auto(GStrv) segments = NULL;

  g_return_val_if_fail (uri != NULL, NULL);

  if (!(segments = split_uri_path (uri, error)))
    return NULL;

  if (article_uuid != NULL
      && g_strv_length (segments) == 3
      && g_str_equal (segments[0], article_uuid)
      && g_str_equal (segments[1], "local"))
    {
      guint64 index = 0;

      if (local_images == NULL
          || !g_ascii_string_to_unsigned (segments[2], 10, 0, G_MAXUINT, &index, NULL)
          || index >= g_strv_length ((char **) local_images))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                       _("The preview may not load “%s”."), uri);
          return NULL;
        }
      return g_strdup (local_images[index]);
    }

  if (article_uuid == NULL
      || g_strv_length (segments) != 2
      || !g_str_equal (segments[0], article_uuid)
      || !g_str_equal (segments[1], "featured"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("The preview may not load “%s”."), uri);
      return NULL;
    }

  if (image_path == NULL || image_path[0] == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("This article has no featured image."));
      return NULL;
    }

  return g_strdup (image_path);
}

/**
 * dl_preview_scheme_resolve_template:
 * @uri: a dateline-template: URI
 * @template_dir: (nullable): the template folder
 * @error: a location for a #GError
 *
 * Maps @uri to a regular file inside @template_dir, following symlinks and
 * refusing any that lead out of it. Blocks on the disk: call it from a
 * worker thread.
 *
 * Returns: (transfer full): the real path of the file, or %NULL with @error set
 */
char *
dl_preview_scheme_resolve_template (const char  *uri,
                                    GFile       *template_dir,
                                    GError     **error)
{
  g_auto(GStrv) segments = NULL;
  g_autofree char *dir_path = NULL;
  g_autofree char *real_dir = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *candidate = NULL;
  g_autofree char *real_file = NULL;
  g_autofree char *prefix = NULL;
  struct stat st;

  g_return_val_if_fail (uri != NULL, NULL);

  if (template_dir == NULL || !(dir_path = g_file_get_path (template_dir)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("No site template is chosen for the preview."));
      return NULL;
    }

  if (!(segments = split_uri_path (uri, error)))
    return NULL;

  if (segments[0] == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("The preview may not load “%s”."), uri);
      return NULL;
    }

  if (!(real_dir = realpath (dir_path, NULL)))
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The site template folder “%s” cannot be read: %s"),
                   dir_path, g_strerror (saved_errno));
      return NULL;
    }

  joined = g_strjoinv (G_DIR_SEPARATOR_S, segments);
  candidate = g_build_filename (real_dir, joined, NULL);
  real_file = realpath (candidate, NULL);
  prefix = g_str_has_suffix (real_dir, G_DIR_SEPARATOR_S)
           ? g_strdup (real_dir) : g_strconcat (real_dir, G_DIR_SEPARATOR_S, NULL);

  if (real_file == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The site template has no file “%s”."), joined);
      return NULL;
    }

  /* A symlink may point anywhere: only what really lives inside the
   * folder is served. */
  if (!g_str_has_prefix (real_file, prefix))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("“%s” leads outside the site template folder."), joined);
      return NULL;
    }

  if (stat (real_file, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("The site template has no file “%s”."), joined);
      return NULL;
    }

  return g_steal_pointer (&real_file);
}

static void
open_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RequestData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *mime = NULL;
  OpenedFile *opened;

  if (g_str_equal (data->scheme, DL_PREVIEW_SCHEME_IMAGE))
    path = dl_preview_scheme_resolve_image (data->uri, data->article_uuid, data->image_path,
                                            (const char * const *) data->local_images, &error);
  else
    path = dl_preview_scheme_resolve_template (data->uri, data->template_dir, &error);

  if (path == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_str_equal (data->scheme, DL_PREVIEW_SCHEME_IMAGE))
    {
      /* Images only, whatever the path says: a pasted ![](/etc/passwd)
       * or a FIFO shows nothing (dl-local-image.c). */
      g_autoptr(DlLocalImage) image = dl_local_image_load (path, cancellable, &error);

      if (image == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      bytes = g_bytes_ref (image->bytes);
      mime = g_strdup (image->mime_type);
    }
  else
    {
      g_autofree char *guessed = NULL;

      bytes = dl_path_load_bounded (path, DL_LIMIT_FILE_BYTES, NULL, cancellable, &error);
      if (bytes == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      guessed = g_content_type_guess (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
      mime = g_content_type_get_mime_type (guessed);
    }

  opened = g_new0 (OpenedFile, 1);
  opened->stream = g_memory_input_stream_new_from_bytes (bytes);
  opened->content_type = mime ? g_steal_pointer (&mime) : g_strdup ("application/octet-stream");
  opened->size = g_bytes_get_size (bytes);
  g_task_return_pointer (task, opened, (GDestroyNotify) opened_file_free);
}

static void
on_opened_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(WebKitURISchemeRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  OpenedFile *opened;
  g_autoptr(WebKitURISchemeResponse) response = NULL;
  SoupMessageHeaders *headers;

  opened = g_task_propagate_pointer (G_TASK (result), &error);
  if (opened == NULL)
    {
      g_debug ("Refused %s: %s", webkit_uri_scheme_request_get_uri (request), error->message);
      webkit_uri_scheme_request_finish_error (request, error);
      return;
    }

  response = webkit_uri_scheme_response_new (opened->stream, opened->size);
  webkit_uri_scheme_response_set_content_type (response, opened->content_type);
  /* The same address serves whichever image the article has now. */
  headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  soup_message_headers_append (headers, "Cache-Control", "no-store");
  webkit_uri_scheme_response_set_http_headers (response, headers);
  webkit_uri_scheme_request_finish_with_response (request, response);
  opened_file_free (opened);
}

/**
 * dl_preview_scheme_handle_request:
 * @request: a request for one of the preview's schemes
 * @scope: what the request may reach
 *
 * Answers @request asynchronously: the file is resolved and opened in a
 * worker thread, never on the main thread.
 */
void
dl_preview_scheme_handle_request (WebKitURISchemeRequest     *request,
                                  const DlPreviewSchemeScope *scope)
{
  g_autoptr(GTask) task = NULL;
  RequestData *data;

  g_return_if_fail (WEBKIT_IS_URI_SCHEME_REQUEST (request));
  g_return_if_fail (scope != NULL);

  data = g_new0 (RequestData, 1);
  data->uri = g_strdup (webkit_uri_scheme_request_get_uri (request));
  data->scheme = g_strdup (webkit_uri_scheme_request_get_scheme (request));
  data->article_uuid = g_strdup (scope->article_uuid);
  data->image_path = g_strdup (scope->image_path);
  data->local_images = g_strdupv (scope->local_images);
  data->template_dir = scope->template_dir ? g_object_ref (scope->template_dir) : NULL;

  task = g_task_new (NULL, NULL, on_opened_cb, g_object_ref (request));
  g_task_set_source_tag (task, dl_preview_scheme_handle_request);
  g_task_set_task_data (task, data, (GDestroyNotify) request_data_free);
  g_task_run_in_thread (task, open_in_thread);
}
