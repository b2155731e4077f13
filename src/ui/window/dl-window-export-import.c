/* dl-window-export-import.c
 *
 * Exporting and importing from the window. The work itself lives in the
 * core (dl-exporter.c, dl_store_import_file()); this file only asks where,
 * in which format, and tells the journalist how it went.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-window-export-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-exporter.h"
#include "dl-text-stats.h"
#include "dl-window-export-import.h"

typedef struct
{
  const char     *id;
  DlExportFormat  format;
  const char     *label;      /* N_() */
  const char     *mime_type;
} ExportChoice;

static const ExportChoice export_choices[] = {
  { "html", DL_EXPORT_FORMAT_HTML, N_("Web page (HTML)"), "text/html" },
  { "markdown", DL_EXPORT_FORMAT_MARKDOWN, N_("Markdown"), "text/markdown" },
  { "ninjs", DL_EXPORT_FORMAT_NINJS, N_("IPTC ninjs 2.0 (JSON)"), "application/json" },
  { "ninjs-2.1", DL_EXPORT_FORMAT_NINJS_2_1, N_("IPTC ninjs 2.1 (JSON)"), "application/json" },
};

static const ExportChoice *
find_choice (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (export_choices); i++)
    if (g_strcmp0 (export_choices[i].id, id) == 0)
      return &export_choices[i];
  return &export_choices[0];
}

static void
add_toast (DlWindow   *window,
           const char *message)
{
  AdwToastOverlay *overlay = dl_window_get_toast_overlay (window);
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (overlay, toast);
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
    /* Translators: the file name, then the reason */
    message = g_strdup_printf (_("Could not export to “%s”: %s"), name, error->message);
  else
    /* Translators: the file name */
    message = g_strdup_printf (_("Exported to “%s”"), name);
  add_toast (request->window, message);
}

/**
 * dl_window_export_article_to:
 * @format_id: "html", "markdown", "ninjs" or "ninjs-2.1"
 *
 * Exports the open article to @file in a worker thread; the result is
 * reported as a toast. The chooser calls this, and so do tests.
 */
void
dl_window_export_article_to (DlWindow   *window,
                              GFile      *file,
                              const char *format_id)
{
  DlArticle *article = dl_window_get_article (window);
  const ExportChoice *choice = find_choice (format_id);
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID_BASE);
  g_autofree char *template_path = g_settings_get_string (settings, "preview-template");
  ExportRequest *request;

  g_return_if_fail (DL_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));

  if (article == NULL)
    return;

  /* What is typed but not yet copied into the article goes with it. */

  /* The exported page looks like the preview: the same site template. A
   * template that no longer loads falls back to the built-in look. */
  if (*template_path != '\0')
    {
      g_autoptr(GFile) dir = g_file_new_for_path (template_path);
      g_autoptr(GError) error = NULL;

      if (!dl_renderer_set_template_dir (renderer, dir, &error))
        g_warning ("Site template not used for the export: %s", error->message);
    }

  request = g_new0 (ExportRequest, 1);
  request->window = g_object_ref (window);
  request->file = g_object_ref (file);
  dl_exporter_export_async (article, choice->format, renderer, file, NULL,
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
        dl_window_export_article_to (window, file, format_id);
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
  DlArticle *article = dl_window_get_article (window);
  GtkFileChooserNative *dialog;
  g_autofree char *slug = NULL;
  g_autofree char *name = NULL;
  const char *ids[G_N_ELEMENTS (export_choices) + 1] = { NULL };
  const char *labels[G_N_ELEMENTS (export_choices) + 1] = { NULL };

  g_return_if_fail (DL_IS_WINDOW (window));

  if (article == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Export Article"), GTK_WINDOW (window),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (export_choices); i++)
    {
      ids[i] = export_choices[i].id;
      labels[i] = _(export_choices[i].label);
    }
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "format", _("Format"), ids, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "format", "html");

  /* A name from the slug or the headline; the extension follows the
   * format the journalist picks only if they keep the suggestion. */
  slug = g_strstrip (g_strdup (dl_article_get_slug (article)));
  if (*slug == '\0')
    {
      g_free (slug);
      slug = dl_text_slugify (dl_article_get_headline (article));
    }
  name = g_strconcat (*slug != '\0' ? slug : "article", ".html", NULL);
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
