/* dl-window-export-import.c
 *
 * Exporting and importing from the window. The work itself lives in the
 * core (dl-exporter.c, dl_store_import_file_async()); this file only asks
 * where, in which format (the core's table, dl-export-format.h), and tells
 * the journalist how it went.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-window-export-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-export-format.h"
#include "dl-exporter.h"
#include "dl-slug.h"
#include "dl-window-export-import.h"
#include "dl-window-private.h"

static void
add_toast (DlWindow   *window,
           const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (window->toast_overlay, toast);
}

typedef struct
{
  DlWindow *window;
  GFile    *file;
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_clear_object (&request->window);
  g_clear_object (&request->file);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportRequest, export_request_free)

static void
on_exported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ExportRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = g_file_get_basename (request->file);

  if (!dl_exporter_export_finish (result, &error))
    {
      /* Translators: the file name, then the reason */
      message = g_strdup_printf (_("Could not export to “%s”: %s"), name, error->message);
      add_toast (request->window, message);
      return;
    }

  /* Translators: the file name */
  message = g_strdup_printf (_("Exported to “%s”"), name);
  {
    AdwToast *toast = adw_toast_new (message);
    g_autofree char *uri = g_file_get_uri (request->file);

    adw_toast_set_timeout (toast, 8);
    adw_toast_set_button_label (toast, _("Show in _Folder"));
    adw_toast_set_action_name (toast, "win.show-exported");
    adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    adw_toast_overlay_add_toast (request->window->toast_overlay, toast);
  }
}

static void
on_shown_in_folder_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(DlWindow) window = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  const char *uri = g_object_get_data (G_OBJECT (window), "dl-exported-folder");

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  /* No file manager that can point at the file: open its folder. */
  if (reply == NULL && uri != NULL)
    gtk_show_uri (GTK_WINDOW (window), uri, GDK_CURRENT_TIME);
}

/**
 * dl_window_show_exported:
 * @uri: an exported file
 *
 * Shows the file in the file manager, selected (the FileManager1
 * interface, as GNOME Files and others offer it), or opens its folder.
 */
void
dl_window_show_exported (DlWindow   *window,
                         const char *uri)
{
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  GDBusConnection *bus = g_application_get_dbus_connection (g_application_get_default ());
  const char *uris[] = { uri, NULL };

  if (folder == NULL)
    return;
  g_object_set_data_full (G_OBJECT (window), "dl-exported-folder", g_file_get_uri (folder), g_free);
  if (bus == NULL)
    {
      gtk_show_uri (GTK_WINDOW (window), g_object_get_data (G_OBJECT (window), "dl-exported-folder"),
                    GDK_CURRENT_TIME);
      return;
    }
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1", "ShowItems",
                          g_variant_new ("(^ass)", uris, ""), NULL, G_DBUS_CALL_FLAGS_NONE, 5000,
                          NULL, on_shown_in_folder_cb, g_object_ref (window));
}

/**
 * dl_window_export_article_to:
 * @format_id: an id of the core's table ("html", "markdown", …); an
 *   unknown one exports HTML
 *
 * Exports the open article to @file in a worker thread; the result is
 * reported as a toast. The chooser calls this, and so do tests.
 */
void
dl_window_export_article_to (DlWindow   *window,
                              GFile      *file,
                              const char *format_id)
{
  const DlExportFormatInfo *info = dl_export_format_lookup (format_id);
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autofree char *template_path = NULL;
  g_autoptr(GFile) template_dir = NULL;
  ExportRequest *request;

  g_return_if_fail (DL_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));

  if (window->article == NULL)
    return;
  if (info == NULL)
    info = dl_export_format_get_info (DL_EXPORT_FORMAT_HTML);

  /* The exported page looks like the preview: the same house style and
   * site template (read by the worker; the body text comes from the
   * editor through the article's body source). */
  dl_renderer_set_house_style (renderer, dl_context_get_house_style (window->context));
  template_path = g_settings_get_string (window->settings, "preview-template");
  if (*template_path != '\0')
    template_dir = g_file_new_for_path (template_path);

  request = g_new0 (ExportRequest, 1);
  request->window = g_object_ref (window);
  request->file = g_object_ref (file);
  dl_exporter_export_async (window->article, info->format, renderer, template_dir, file, NULL,
                            on_exported_cb, request);
}

static void
on_export_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       gpointer         user_data)
{
  g_autoptr(DlWindow) window = user_data;
  g_autoptr(GFile) file = NULL;
  const char *format_id;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      format_id = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "format");
      if (file != NULL)
        {
          const DlExportFormatInfo *info = dl_export_format_lookup (format_id);
          g_autoptr(GFile) folder = g_file_get_parent (file);
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *fixed = NULL;
          g_autoptr(GFile) target = NULL;

          if (info == NULL)
            info = dl_export_format_get_info (DL_EXPORT_FORMAT_HTML);
          /* The suggested name was made before the format was picked. */
          fixed = dl_export_format_name_file (name, info);
          target = folder != NULL ? g_file_get_child (folder, fixed) : g_object_ref (file);
          /* The next export starts where this one went, in this format. */
          {
            g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;
            if (path != NULL)
              g_settings_set_string (window->settings, "export-folder", path);
          }
          g_settings_set_string (window->settings, "export-format", info->id);
          dl_window_export_article_to (window, target, info->id);
        }
    }
  g_object_unref (dialog);
}

/**
 * dl_window_export_article:
 *
 * Asks where and in which format to export the open article.
 */
void
dl_window_export_article (DlWindow *window)
{
  DlArticle *article = window->article;
  GtkFileChooserNative *dialog;
  g_autofree char *slug = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  const DlExportFormatInfo *formats;
  const DlExportFormatInfo *last_format;
  g_autofree char *last_format_id = NULL;
  g_autofree char *last_folder = NULL;
  guint n_formats = 0;

  g_return_if_fail (DL_IS_WINDOW (window));

  last_format_id = g_settings_get_string (window->settings, "export-format");
  last_folder = g_settings_get_string (window->settings, "export-folder");

  if (article == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Export Article"), GTK_WINDOW (window),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  formats = dl_export_format_list (&n_formats);
  for (guint i = 0; i < n_formats; i++)
    {
      /* A newer Dateline's article cannot be written back as a file. */
      if (formats[i].format == DL_EXPORT_FORMAT_DATELINE && dl_article_is_read_only (article))
        continue;
      g_ptr_array_add (ids, (gpointer) formats[i].id);
      g_ptr_array_add (labels, (gpointer) dl_export_format_info_get_label (&formats[i]));
    }
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (labels, NULL);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "format", _("Format"),
                               (const char **) ids->pdata, (const char **) labels->pdata);
  /* The last format and folder: a journalist exports the same way each time. */
  last_format = dl_export_format_lookup (last_format_id);
  if (last_format == NULL || (last_format->format == DL_EXPORT_FORMAT_DATELINE && dl_article_is_read_only (article)))
    last_format = dl_export_format_get_info (DL_EXPORT_FORMAT_HTML);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "format", last_format->id);
  if (*last_folder != '\0' && g_file_test (last_folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (last_folder);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
    }

  /* A name from the slug or the headline, with the extension of the
   * format proposed; if another format is picked, the response fixes the
   * extension (dl_export_format_name_file()). */
  slug = dl_slug_for_article (article);
  name = g_strconcat (*slug != '\0' ? slug : "article", last_format->extension, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);

  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response_cb), g_object_ref (window));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_import_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       gpointer         user_data)
{
  g_autoptr(DlWindow) window = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      guint n = g_list_model_get_n_items (files);
      g_autofree GFile **array = g_new0 (GFile *, n + 1);

      for (guint i = 0; i < n; i++)
        array[i] = g_list_model_get_item (files, i);
      /* The same path as opening files from the file manager: import in
       * a worker, then show the article. */
      if (n > 0)
        g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))),
                            array, n, "");
      for (guint i = 0; i < n; i++)
        g_object_unref (array[i]);
    }
  g_object_unref (dialog);
}

/**
 * dl_window_import_files:
 *
 * Asks for .dateline files or IPTC ninjs documents and imports them into
 * the library.
 */
void
dl_window_import_files (DlWindow *window)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) dateline = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) ninjs = gtk_file_filter_new ();

  g_return_if_fail (DL_IS_WINDOW (window));

  dialog = gtk_file_chooser_native_new (_("Import Articles"), GTK_WINDOW (window),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);

  gtk_file_filter_set_name (all, _("Articles"));
  gtk_file_filter_add_suffix (all, "dateline");
  gtk_file_filter_add_suffix (all, "json");
  gtk_file_filter_set_name (dateline, _("Dateline articles"));
  gtk_file_filter_add_suffix (dateline, "dateline");
  gtk_file_filter_set_name (ninjs, _("IPTC ninjs documents"));
  gtk_file_filter_add_suffix (ninjs, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), dateline);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), ninjs);

  g_signal_connect (dialog, "response", G_CALLBACK (on_import_response_cb), g_object_ref (window));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
