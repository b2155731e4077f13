/* dl-cli-render.c: the render and export commands of dateline-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "dl-cli-output.h"
#include "dl-cli-render.h"
#include "dl-exporter.h"
#include "dl-renderer.h"

static gboolean
write_stdout (const char  *text,
              GError     **error)
{
  gsize len = strlen (text);

  if (fwrite (text, 1, len, stdout) != len || fflush (stdout) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write to the standard output."));
      return FALSE;
    }
  return TRUE;
}

/**
 * dl_cli_render_article:
 * @argv: the command and its options: `render [-o FILE] [--dark]
 *   [--template DIR] [--preview-images]`
 *
 * `dateline-cli render ID -o page.html`: writes the article's page (and
 * copies its featured image beside it); without -o the page goes to the
 * standard output and the image is not copied.
 *
 * Returns: the exit status: 0 on success, 1 on failure, 2 on bad usage
 */
int
dl_cli_render_article (DlArticle     *article,
                       DlHouseStyle  *house_style,
                       int            argc,
                       char         **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *template_dir = NULL;
  gboolean dark = FALSE;
  gboolean preview_images = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the page to FILE and copy its image beside it"), N_("FILE") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, N_("Use the dark colours"), NULL },
    { "template", 't', 0, G_OPTION_ARG_FILENAME, &template_dir, N_("Use the site template in DIR"), N_("DIR") },
    { "preview-images", 0, 0, G_OPTION_ARG_NONE, &preview_images, N_("Refer to the image as the preview does"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("ID — render an article as an HTML page"));
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *page = NULL;

  g_return_val_if_fail (DL_IS_ARTICLE (article), 1);

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, TRUE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      dl_cli_print_error (error->message);
      return 2;
    }

  dl_renderer_set_house_style (renderer, house_style);
  dl_renderer_set_dark (renderer, dark);
  if (template_dir != NULL)
    {
      g_autoptr(GFile) dir = g_file_new_for_commandline_arg (template_dir);

      if (!dl_renderer_set_template_dir (renderer, dir, &error))
        {
          dl_cli_print_error (error->message);
          return 1;
        }
    }

  if (output != NULL && !preview_images)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      if (!dl_exporter_export_html (article, renderer, file, NULL, &error))
        {
          dl_cli_print_error (error->message);
          return 1;
        }
      return 0;
    }

  dl_renderer_set_image_mode (renderer, preview_images ? DL_RENDER_IMAGES_PREVIEW
                                                       : DL_RENDER_IMAGES_FILE_NAME);
  page = dl_renderer_render_page (renderer, article);
  if (output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      if (!g_file_replace_contents (file, page, strlen (page), NULL, FALSE,
                                    G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
        {
          dl_cli_print_error (error->message);
          return 1;
        }
      return 0;
    }
  if (!write_stdout (page, &error))
    {
      dl_cli_print_error (error->message);
      return 1;
    }
  return 0;
}

/**
 * dl_cli_export_article:
 * @house_style: (nullable): composes the dateline and credits
 * @format: a name from the core's table (dl_export_format_lookup())
 * @output_path: the file to write; "-" for the standard output (not for html)
 *
 * Returns: the exit status; on failure @error says why
 */
int
dl_cli_export_article (DlArticle     *article,
                       DlHouseStyle  *house_style,
                       const char    *format,
                       const char    *output_path,
                       GError       **error)
{
  const DlExportFormatInfo *info = dl_export_format_lookup (format);
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (DL_IS_ARTICLE (article), 1);
  g_return_val_if_fail (error == NULL || *error == NULL, 1);

  if (info == NULL)
    {
      g_autofree char *names = dl_export_format_dup_names ();

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: the first %s is what was typed, the second a list of format names */
                   _("Unknown export format “%s”: use one of %s."),
                   format != NULL ? format : "", names);
      return 2;
    }
  if (output_path == NULL || *output_path == '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Say where to write the export (a file name, or - for the standard output)."));
      return 2;
    }

  dl_renderer_set_house_style (renderer, house_style);
  if (g_str_equal (output_path, "-"))
    {
      g_autofree char *text = NULL;

      if (info->format == DL_EXPORT_FORMAT_HTML)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("An HTML export needs a file name: its image is copied beside it."));
          return 2;
        }
      text = dl_exporter_to_text (article, info->format, renderer, error);
      if (text == NULL)
        return 1;
      return write_stdout (text, error) ? 0 : 1;
    }

  file = g_file_new_for_commandline_arg (output_path);
  return dl_exporter_export (article, info->format, renderer, file, NULL, error) ? 0 : 1;
}
