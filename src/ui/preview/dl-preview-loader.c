/* dl-preview-loader.c
 *
 * The preview is the only part of Dateline that needs WebKit, and linking
 * WebKit into the program means loading and relocating about a hundred
 * more shared libraries before the first frame (~40 ms here). So the
 * preview lives in a module (libdateline-preview.so) that is opened in a
 * worker thread the first time the pane is shown. The window then drives
 * the DlPreview widget through GObject properties and widget actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-preview-loader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gmodule.h>

#include "dl-preview-loader.h"
#include "dl-preview-pane.h"

typedef GType (*GetTypeFunc) (void);

/* Runs in a worker: dlopen() only maps and relocates; no GTK call here. */
static void
load_module_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  const char *override = g_getenv ("DATELINE_PREVIEW_MODULE");
  g_autofree char *path = NULL;
  GModule *module;
  gpointer symbol = NULL;

  /* From the build tree (`meson devenv`, tests) the module is not
   * installed yet: the environment says where it is. */
  if (override != NULL && *override != '\0')
    path = g_strdup (override);
  else
    path = g_module_build_path (PKGLIBDIR, "dateline-preview");

  module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);

  /* Run straight from a build tree (not installed, no `meson devenv`):
   * the module was built in src/ui/ beside the program's src/. */
  if (module == NULL && override == NULL)
    {
      g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
      g_autofree char *exe_dir = exe != NULL ? g_path_get_dirname (exe) : NULL;
      g_autofree char *ui_dir = exe_dir != NULL ? g_build_filename (exe_dir, "ui", NULL) : NULL;
      g_autofree char *beside = ui_dir != NULL ? g_module_build_path (ui_dir, "dateline-preview") : NULL;

      if (beside != NULL && g_file_test (beside, G_FILE_TEST_EXISTS))
        module = g_module_open (beside, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
    }

  if (module == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               /* Translators: the technical reason follows */
                               _("The preview component could not be loaded: %s"), g_module_error ());
      return;
    }
  if (!g_module_symbol (module, "dl_preview_get_type", &symbol) || symbol == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("The preview component could not be loaded: %s"), g_module_error ());
      g_module_close (module);
      return;
    }

  /* Its GTypes stay registered: the module must never be unloaded. */
  g_module_make_resident (module);
  g_task_return_pointer (task, symbol, NULL);
}

/**
 * dl_preview_loader_load_async:
 *
 * Makes the DlPreview type available, loading the preview module in a
 * worker thread unless the type is already there (a second window, or a
 * program linked with the preview).
 */
void
dl_preview_loader_load_async (GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, dl_preview_loader_load_async);

  if (g_type_from_name ("DlPreview") != G_TYPE_INVALID)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  g_task_run_in_thread (task, load_module_thread);
}

/**
 * dl_preview_loader_load_finish:
 *
 * Returns: the DlPreview type, a #DlPreviewPane widget, or
 *   %G_TYPE_INVALID with @error set.
 */
GType
dl_preview_loader_load_finish (GAsyncResult  *result,
                               GError       **error)
{
  GetTypeFunc get_type;
  GError *local_error = NULL;
  GType type;

  g_return_val_if_fail (g_task_is_valid (result, NULL), G_TYPE_INVALID);

  get_type = (GetTypeFunc) g_task_propagate_pointer (G_TASK (result), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return G_TYPE_INVALID;
    }
  /* Registering the type happens here, on the main thread. */
  type = get_type != NULL ? get_type () : g_type_from_name ("DlPreview");
  /* A module from another build of Dateline may not speak the interface. */
  if (!g_type_is_a (type, DL_TYPE_PREVIEW_PANE))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The preview component could not be loaded: %s"),
                   "DlPreview does not implement DlPreviewPane");
      return G_TYPE_INVALID;
    }
  return type;
}
