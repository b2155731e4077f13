/* dl-exporter.c: writing an article as a web page, Markdown or ninjs
 *
 * The formats are described in docs/RENDERING.md. The synchronous
 * functions block; the application uses dl_exporter_export_async(), which
 * works on a copy of the article in a worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-exporter"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dl-article-file.h"
#include "dl-body-images.h"
#include "dl-exporter.h"
#include "dl-local-image.h"
#include "dl-ninjs.h"
#include "dl-util.h"

static gboolean
str_empty (const char *str)
{
  return str == NULL || *str == '\0';
}

/* ------------------------------------------------------------------ */
/* Markdown                                                            */
/* ------------------------------------------------------------------ */

static void
append_yaml_string (GString    *out,
                    const char *value)
{
  /* Always double-quoted: no YAML reading of "no", "1.0", ": " or "#". */
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\x%02X", c);
          else if (c == 0xE2 && (guchar) p[1] == 0x80 && ((guchar) p[2] == 0xA8 || (guchar) p[2] == 0xA9))
            {
              /* U+2028 and U+2029 are line breaks to YAML. */
              g_string_append (out, (guchar) p[2] == 0xA8 ? "\\L" : "\\P");
              p += 2;
            }
          else
            g_string_append_c (out, (char) c);
          break;
        }
    }
  g_string_append_c (out, '"');
}

static void
append_yaml_field (GString    *out,
                   const char *indent,
                   const char *key,
                   const char *value)
{
  if (str_empty (value))
    return;
  g_string_append_printf (out, "%s%s: ", indent, key);
  append_yaml_string (out, value);
  g_string_append_c (out, '\n');
}

static void
append_yaml_date (GString    *out,
                  const char *key,
                  GDateTime  *date)
{
  g_autofree char *iso = NULL;

  if (date == NULL)
    return;
  /* RFC 3339 ("+03:00"), which YAML timestamps and most tools accept. */
  iso = g_date_time_get_utc_offset (date) == 0 ? g_date_time_format (date, "%Y-%m-%dT%H:%M:%SZ")
                                               : g_date_time_format (date, "%Y-%m-%dT%H:%M:%S%:z");
  append_yaml_field (out, "", key, iso);
}

/**
 * dl_exporter_markdown:
 *
 * The article as Markdown with YAML front matter: every field of the
 * article in the front matter (strings always double-quoted), then the body
 * exactly as written. The composed dateline is in the front matter, not in
 * the body, so that the body stays the author's text.
 *
 * Returns: (transfer full): UTF-8 text
 */
char *
dl_exporter_markdown (DlArticle    *article,
                      DlHouseStyle *house_style)
{
  g_autofree char *dateline = NULL;
  GListModel *credits;
  const char * const *tags;
  const char *body;
  GString *out;

  g_return_val_if_fail (DL_IS_ARTICLE (article), NULL);

  dateline = dl_house_style_compose_dateline (house_style, article, NULL);
  credits = dl_article_get_credits (article);
  tags = dl_article_get_tags (article);
  body = dl_article_get_body (article);
  out = g_string_sized_new (1024 + (body != NULL ? strlen (body) : 0));

  g_string_append (out, "---\n");
  /* "title" is what static site generators read; "headline" is the same. */
  append_yaml_field (out, "", "title", dl_article_get_headline (article));
  append_yaml_field (out, "", "headline", dl_article_get_headline (article));
  append_yaml_field (out, "", "standfirst", dl_article_get_standfirst (article));
  append_yaml_field (out, "", "dateline", dateline);
  append_yaml_field (out, "", "place", dl_article_get_place (article));
  append_yaml_field (out, "", "region", dl_article_get_region (article));
  append_yaml_field (out, "", "country", dl_article_get_country (article));
  append_yaml_date (out, "date", dl_article_get_dateline_date (article));
  append_yaml_field (out, "", "time_zone", dl_article_get_time_zone (article));
  append_yaml_field (out, "", "source", dl_article_get_source (article));

  if (g_list_model_get_n_items (credits) > 0)
    {
      g_string_append (out, "credits:\n");
      for (guint i = 0; i < g_list_model_get_n_items (credits); i++)
        {
          g_autoptr(DlCredit) credit = g_list_model_get_item (credits, i);

          g_string_append (out, "  - role: ");
          append_yaml_string (out, dl_credit_role_to_string (dl_credit_get_role (credit)));
          g_string_append_c (out, '\n');
          append_yaml_field (out, "    ", "name", dl_credit_get_name (credit));
          append_yaml_field (out, "    ", "text", dl_credit_get_text (credit));
        }
    }

  append_yaml_field (out, "", "category", dl_article_get_category (article));
  if (tags != NULL && tags[0] != NULL)
    {
      g_string_append (out, "tags:\n");
      for (guint i = 0; tags[i] != NULL; i++)
        {
          g_string_append (out, "  - ");
          append_yaml_string (out, tags[i]);
          g_string_append_c (out, '\n');
        }
    }
  append_yaml_field (out, "", "language", dl_article_get_language (article));

  if (!str_empty (dl_article_get_image_path (article)))
    {
      g_string_append (out, "image:\n");
      append_yaml_field (out, "  ", "path", dl_article_get_image_path (article));
      append_yaml_field (out, "  ", "caption", dl_article_get_image_caption (article));
      append_yaml_field (out, "  ", "credit", dl_article_get_image_credit (article));
      append_yaml_field (out, "  ", "alt", dl_article_get_image_alt (article));
    }

  append_yaml_date (out, "embargo", dl_article_get_embargo (article));
  append_yaml_field (out, "", "slug", dl_article_get_slug (article));
  append_yaml_field (out, "", "uuid", dl_article_get_uuid (article));
  append_yaml_date (out, "created", dl_article_get_created (article));
  append_yaml_date (out, "modified", dl_article_get_modified (article));
  g_string_append (out, "---\n\n");

  if (body != NULL)
    {
      g_string_append (out, body);
      if (out->len > 0 && out->str[out->len - 1] != '\n')
        g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* HTML                                                                */
/* ------------------------------------------------------------------ */

/* The image goes beside the page under its own name; if another file
 * already has that name, "photo-2.jpg" and so on: nothing is overwritten.
 * *already_there: a file with the same bytes is there already. */
static GFile *
choose_image_destination (const char    *source_path,
                          GBytes        *content,
                          GFile         *dir,
                          GCancellable  *cancellable,
                          gboolean      *already_there)
{
  g_autofree char *base = g_path_get_basename (source_path);
  const char *dot = strrchr (base, '.');
  g_autofree char *stem = dot != NULL && dot != base ? g_strndup (base, dot - base) : g_strdup (base);
  const char *extension = dot != NULL && dot != base ? dot : "";

  *already_there = FALSE;
  for (guint i = 1; ; i++)
    {
      g_autofree char *name = i == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u%s", stem, i, extension);
      g_autoptr(GFile) candidate = g_file_get_child (dir, name);
      g_autoptr(GBytes) existing = NULL;

      if (!g_file_query_exists (candidate, cancellable))
        return g_steal_pointer (&candidate);
      existing = g_file_load_bytes (candidate, cancellable, NULL, NULL);
      if (existing != NULL && g_bytes_equal (existing, content))
        {
          *already_there = TRUE;
          return g_steal_pointer (&candidate);
        }
    }
}

/* Copies a local image an article names beside the page, once it is
 * known to be one (dl_local_image_load()); returns its file name there. */
static char *
copy_local_image (const char    *path,
                  GFile         *dir,
                  const char    *failure,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(DlLocalImage) image = NULL;
  g_autoptr(GFile) destination = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean already_there = FALSE;
  gsize length;
  const void *data;

  image = dl_local_image_load (path, cancellable, &local_error);
  if (image != NULL)
    {
      destination = choose_image_destination (path, image->bytes, dir, cancellable, &already_there);
      data = g_bytes_get_data (image->bytes, &length);
      /* Created, never replaced: a file that appeared meanwhile stays. */
      if (!already_there
          && ((out = g_file_create (destination, G_FILE_CREATE_NONE, cancellable, &local_error)) == NULL
              || !g_output_stream_write_all (G_OUTPUT_STREAM (out), data, length, NULL, cancellable, &local_error)
              || !g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &local_error)))
        g_clear_pointer (&image, dl_local_image_free);
    }
  if (image == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);

      /* The format is one of ours, with a %s for the file and one for why. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      g_set_error (error, local_error->domain, local_error->code, failure, display, local_error->message);
#pragma GCC diagnostic pop
      return NULL;
    }
  return g_file_get_basename (destination);
}

static gboolean
write_text (GFile         *output,
            const char    *text,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_replace_contents (output, text, strlen (text), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, &local_error))
    {
      g_autofree char *where = g_file_get_parse_name (output);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not write “%s”: %s"), where, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Copies a site template's files (all but template.html) into @dest,
 * keeping their folders, so the exported page finds its CSS and images
 * by the same relative URLs. Symbolic links are skipped (they could lead
 * out of the template) and a file already at the destination is never
 * overwritten: if it differs, the page uses what is there. */
static gboolean
copy_template_assets (GFile         *source_dir,
                      GFile         *dest_dir,
                      gboolean       top,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (source_dir,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_STANDARD_IS_SYMLINK,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, error);
  if (children == NULL)
    return FALSE;

  while ((info = g_file_enumerator_next_file (children, cancellable, error)) != NULL)
    {
      g_autoptr(GFileInfo) owned = info;
      const char *name = g_file_info_get_name (info);
      g_autoptr(GFile) source = g_file_get_child (source_dir, name);
      g_autoptr(GFile) dest = g_file_get_child (dest_dir, name);
      g_autoptr(GError) local_error = NULL;

      if (g_file_info_get_is_symlink (info) || (top && g_str_equal (name, DL_RENDER_TEMPLATE_FILE)))
        continue;

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          if (!g_file_make_directory (dest, cancellable, &local_error)
              && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          if (!copy_template_assets (source, dest, FALSE, cancellable, error))
            return FALSE;
        }
      else if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR
               && !g_file_copy (source, dest, G_FILE_COPY_NONE, cancellable, NULL, NULL, &local_error)
               && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  return error == NULL || *error == NULL;
}

/**
 * dl_exporter_export_html:
 * @renderer: (nullable): the look to use; %NULL for the built-in light look
 * @output: the page to write, e.g. article.html
 *
 * Writes the page and copies the featured image into the same folder, the
 * page referring to it by file name. The renderer's image settings are
 * restored afterwards.
 *
 * Returns: %TRUE on success
 */
gboolean
dl_exporter_export_html (DlArticle     *article,
                         DlRenderer    *renderer,
                         GFile         *output,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(DlRenderer) own_renderer = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autofree char *image_name = NULL;
  g_autofree char *page = NULL;
  g_auto(GStrv) local_images = NULL;
  g_auto(GStrv) local_names = NULL;
  GFile *template_dir;
  const char *image_path;
  DlRenderImageMode mode;

  g_return_val_if_fail (DL_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (renderer == NULL || DL_IS_RENDERER (renderer), FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);

  if (renderer == NULL)
    renderer = own_renderer = dl_renderer_new ();
  dir = g_file_get_parent (output);
  image_path = dl_article_get_image_path (article);

  if (!str_empty (image_path) && dir != NULL)
    {
      image_name = copy_local_image (image_path, dir,
                                     _("Could not copy the featured image “%s” beside the page: %s"),
                                     cancellable, error);
      if (image_name == NULL)
        return FALSE;
    }

  /* A site template's CSS and images go beside the page, as the page
   * refers to them by relative URLs. */
  template_dir = dl_renderer_get_template_dir (renderer);
  if (template_dir != NULL && dir != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (!copy_template_assets (template_dir, dir, TRUE, cancellable, &local_error))
        {
          g_autofree char *template_path = g_file_get_parse_name (template_dir);

          g_set_error (error, local_error->domain, local_error->code,
                       _("Could not copy the site template’s files from “%s” beside the page: %s"),
                       template_path, local_error->message);
          return FALSE;
        }
    }

  /* Local images in the body go beside the page too, each once. */
  local_images = dl_body_images_find_local (dl_article_get_body (article));
  local_names = g_new0 (char *, g_strv_length (local_images) + 1);
  for (guint i = 0; local_images[i] != NULL && dir != NULL; i++)
    {
      local_names[i] = copy_local_image (local_images[i], dir,
                                         _("Could not copy the image “%s” beside the page: %s"),
                                         cancellable, error);
      if (local_names[i] == NULL)
        return FALSE;
    }

  mode = dl_renderer_get_image_mode (renderer);
  dl_renderer_set_image_mode (renderer, DL_RENDER_IMAGES_FILE_NAME);
  dl_renderer_set_image_file_name (renderer, image_name);
  dl_renderer_set_local_image_names (renderer, (const char * const *) local_names);
  page = dl_renderer_render_page (renderer, article);
  dl_renderer_set_local_image_names (renderer, NULL);
  dl_renderer_set_image_file_name (renderer, NULL);
  dl_renderer_set_image_mode (renderer, mode);

  return write_text (output, page, cancellable, error);
}

/**
 * dl_exporter_export:
 * @renderer: (nullable): for HTML, the look to use
 *
 * Returns: %TRUE on success
 */
gboolean
dl_exporter_export (DlArticle      *article,
                    DlExportFormat  format,
                    DlRenderer     *renderer,
                    GFile          *output,
                    GCancellable   *cancellable,
                    GError        **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (DL_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);

  if (format == DL_EXPORT_FORMAT_HTML)
    return dl_exporter_export_html (article, renderer, output, cancellable, error);

  text = dl_exporter_to_text (article, format, renderer, error);
  return text != NULL && write_text (output, text, cancellable, error);
}

/**
 * dl_exporter_to_text:
 * @format: a format that is a single text: Markdown, ninjs or the
 *   .dateline file
 * @renderer: (nullable): its house style composes the dateline
 *
 * Returns: (transfer full) (nullable): the export, or %NULL with @error
 *   set: for %DL_EXPORT_FORMAT_HTML, which is a page with files beside
 *   it, and for a read-only article as a .dateline file
 */
char *
dl_exporter_to_text (DlArticle       *article,
                     DlExportFormat   format,
                     DlRenderer      *renderer,
                     GError         **error)
{
  DlHouseStyle *house_style = renderer != NULL ? dl_renderer_get_house_style (renderer) : NULL;

  g_return_val_if_fail (DL_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (renderer == NULL || DL_IS_RENDERER (renderer), NULL);

  switch (format)
    {
    case DL_EXPORT_FORMAT_MARKDOWN:
      return dl_exporter_markdown (article, house_style);
    case DL_EXPORT_FORMAT_NINJS:
      return dl_ninjs_export (article, DL_NINJS_VERSION_2_0, house_style);
    case DL_EXPORT_FORMAT_NINJS_2_1:
      return dl_ninjs_export (article, DL_NINJS_VERSION_2_1, house_style);
    case DL_EXPORT_FORMAT_DATELINE:
      {
        g_autoptr(GBytes) bytes = NULL;

        /* Rewritten by this version, a newer Dateline's file would lose
         * what this version does not understand. */
        if (dl_article_is_read_only (article))
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         _("This article cannot be exported as a Dateline file: %s Copy its file from the library folder instead."),
                         dl_article_get_read_only_reason (article));
            return NULL;
          }
        bytes = dl_article_serialize (article);
        return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      }
    case DL_EXPORT_FORMAT_HTML:
    default:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("An HTML export needs a file name: its images are copied beside it."));
      return NULL;
    }
}

typedef struct
{
  DlArticle      *article;
  DlRenderer     *renderer;
  GFile          *template_dir;
  GFile          *output;
  DlExportFormat  format;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *export_data = data;

  g_clear_object (&export_data->article);
  g_clear_object (&export_data->renderer);
  g_clear_object (&export_data->template_dir);
  g_clear_object (&export_data->output);
  g_free (export_data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;

  /* Reading the template is file I/O: here, not on the caller's thread.
   * One that no longer loads leaves the built-in look. */
  if (data->template_dir != NULL)
    {
      g_autoptr(GError) template_error = NULL;

      if (data->renderer == NULL)
        data->renderer = dl_renderer_new ();
      if (!dl_renderer_set_template_dir (data->renderer, data->template_dir, &template_error))
        g_message ("Site template not used for the export: %s", template_error->message);
    }

  if (dl_exporter_export (data->article, data->format, data->renderer, data->output, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * dl_exporter_export_async:
 * @renderer: (nullable): copied; for HTML, the look to use
 * @template_dir: (nullable): for HTML, a site template folder to read in
 *   the worker (over @renderer's); if it cannot be used the page gets
 *   the built-in look
 *
 * Exports a copy of @article taken now, in a worker thread.
 */
void
dl_exporter_export_async (DlArticle           *article,
                          DlExportFormat       format,
                          DlRenderer          *renderer,
                          GFile               *template_dir,
                          GFile               *output,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (DL_IS_ARTICLE (article));
  g_return_if_fail (G_IS_FILE (output));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dl_exporter_export_async);
  data = g_new0 (ExportData, 1);
  /* GObjects are not thread-safe: the worker gets its own copies. */
  data->article = dl_article_copy (article);
  data->renderer = renderer != NULL ? dl_renderer_copy (renderer) : NULL;
  data->template_dir = template_dir != NULL ? g_object_ref (template_dir) : NULL;
  data->output = g_object_ref (output);
  data->format = format;
  g_task_set_task_data (task, data, export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
dl_exporter_export_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dl_exporter_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
