/* dl-application.c: the application: windows, actions, opening files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-application"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-application.h"
#include "dl-context.h"
#include "dl-preferences-window.h"
#include "dl-window-private.h"

/* Showing the window with the last article already in it avoids a flash
 * of an empty editor; reading one small file takes a few milliseconds, and
 * past this the window shows anyway. */
#define PRESENT_TIMEOUT_MS 300

struct _DlApplication
{
  AdwApplication  parent_instance;

  DlContext      *context;   /* created in startup unless given */
  gboolean        new_article;
};

G_DEFINE_FINAL_TYPE (DlApplication, dl_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  DlWindow *window;
  guint     timeout_id;
  gboolean  new_article;
} PresentData;

static void
present_data_free (PresentData *data)
{
  g_clear_handle_id (&data->timeout_id, g_source_remove);
  g_clear_object (&data->window);
  g_free (data);
}

static void
present_now (PresentData *data)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (data->window)))
    gtk_window_present (GTK_WINDOW (data->window));
}

static gboolean
on_present_timeout_cb (gpointer user_data)
{
  PresentData *data = user_data;

  data->timeout_id = 0;
  present_now (data);
  return G_SOURCE_REMOVE;
}

static void
on_window_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  PresentData *data = user_data;
  g_autoptr(GError) error = NULL;

  if (!dl_window_load_finish (DL_WINDOW (object), result, &error))
    g_debug ("Opening the last article failed: %s", error->message);

  if (data->new_article)
    dl_window_new_article (data->window);
  present_now (data);
  present_data_free (data);
}

static DlWindow *
get_window (DlApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return DL_IS_WINDOW (window) ? DL_WINDOW (window) : NULL;
}

static DlWindow *
ensure_window (DlApplication *self,
               const char    *uuid,
               gboolean       new_article)
{
  DlWindow *window = get_window (self);
  PresentData *data;

  if (window != NULL)
    return window;
  if (dl_context_get_settings (self->context) == NULL)
    {
      /* A broken installation: say so once, plainly, instead of a window
       * that cannot keep its preferences. */
      g_printerr (/* Translators: %s is the schema's id, io.github.dateline.Dateline */
                  _("Dateline cannot start: its settings schema %s is not installed. Install Dateline (meson install), or run it from its build directory.\n"),
                  APP_ID_BASE);
      g_application_quit (G_APPLICATION (self));
      return NULL;
    }

  window = dl_window_new (GTK_APPLICATION (self), self->context);
  data = g_new0 (PresentData, 1);
  data->window = g_object_ref (window);
  data->new_article = new_article;
  data->timeout_id = g_timeout_add (PRESENT_TIMEOUT_MS, on_present_timeout_cb, data);
  dl_window_load_async (window, uuid, NULL, on_window_loaded_cb, data);
  return window;
}

static void
dl_application_activate (GApplication *application)
{
  DlApplication *self = DL_APPLICATION (application);
  DlWindow *window = get_window (self);
  gboolean new_article = self->new_article;

  self->new_article = FALSE;
  if (window != NULL)
    {
      if (new_article)
        dl_window_new_article (window);
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  ensure_window (self, NULL, new_article);
}

static void
on_imported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DlApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DlArticle) article = NULL;
  g_auto(GStrv) warnings = NULL;
  DlWindow *window;

  article = dl_store_import_file_finish (DL_STORE (object), result, &warnings, &error);
  g_application_release (G_APPLICATION (self));
  window = ensure_window (self, article != NULL ? dl_article_get_uuid (article) : "", FALSE);
  if (window == NULL)
    return;

  if (article == NULL)
    {
      GtkWidget *dialog;

      /* The store's message names the file and the problem. */
      dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Could Not Open the File"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (window));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* The window may exist already: show the imported article there. */
  dl_window_open_article (window, dl_article_get_uuid (article));
  gtk_window_present (GTK_WINDOW (window));

  /* Imported, but not whole: the journalist must know what to check. */
  if (warnings != NULL)
    {
      g_autofree char *body = g_strjoinv ("\n", warnings);
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (window),
                                                  _("Some Parts Could Not Be Imported"), body);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
show_sign_in_error (DlApplication *self,
                    const char    *message)
{
  DlWindow *window = ensure_window (self, NULL, FALSE);
  GtkWidget *dialog;

  if (window == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Could Not Sign In"), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_sites_saved_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!dl_site_list_save_finish (DL_SITE_LIST (object), result, &error))
    g_warning ("The list of sites cannot be saved: %s", error->message);
}

static void
on_browser_sign_in_done_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(DlApplication) self = user_data;
  DlBrowserSignIn *sign_in = DL_BROWSER_SIGN_IN (object);
  DlSite *site = dl_browser_sign_in_get_site (sign_in);
  DlSiteList *sites = dl_context_get_sites (self->context);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  DlWindow *window;

  g_application_release (G_APPLICATION (self));
  if (!dl_browser_sign_in_complete_finish (sign_in, result, &error)
      || !dl_site_list_add (sites, site, &error))
    {
      show_sign_in_error (self, error->message);
      return;
    }
  if (dl_site_get_kind (dl_site_list_get_default (sites)) == DL_SITE_KIND_FOLDER)
    dl_site_list_set_default (sites, site);
  dl_site_list_save_async (sites, NULL, on_sites_saved_cb, NULL);
  window = ensure_window (self, NULL, FALSE);
  if (window == NULL)
    return;
  /* Translators: %s is a site's name */
  message = g_strdup_printf (_("Signed in to %s"), dl_site_get_name (site));
  _dl_window_toast (window, message);
  gtk_window_present (GTK_WINDOW (window));
}

/* The browser comes back from WordPress's approval page
 * (dl-browser-sign-in.c): only to a sign-in this run started. */
static void
open_sign_in_uri (DlApplication *self,
                  const char    *uri)
{
  g_autofree char *nonce = dl_browser_sign_in_nonce_from_uri (uri);
  g_autoptr(DlBrowserSignIn) sign_in = dl_context_take_browser_sign_in (self->context, nonce);

  if (sign_in == NULL)
    {
      show_sign_in_error (self, _("This sign-in link was not started by Dateline just now. Start again from Preferences → Sites."));
      return;
    }
  g_application_hold (G_APPLICATION (self));
  dl_browser_sign_in_complete_async (sign_in, uri, NULL, on_browser_sign_in_done_cb, g_object_ref (self));
}

static void
dl_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  DlApplication *self = DL_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *uri = g_file_get_uri (files[i]);

      if (g_str_has_prefix (uri, DL_SIGN_IN_SCHEME ":"))
        {
          open_sign_in_uri (self, uri);
          continue;
        }
      /* Reading and parsing happen in a worker; the library is updated
       * here, on the main thread. No window exists yet, perhaps: keep
       * running until the import is done. */
      g_application_hold (application);
      dl_store_import_file_async (dl_context_get_store (self->context), files[i], NULL,
                                  on_imported_cb, g_object_ref (self));
    }
}

static int
dl_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  DlApplication *self = DL_APPLICATION (application);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_contains (options, "new"))
    self->new_article = TRUE;

  return -1;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkApplication *application = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (application));

  /* Closing (not destroying) lets every window save before it goes; the
   * application quits when the last one is gone. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  DlApplication *self = user_data;
  GtkWidget *window = dl_preferences_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                                 self->context);

  gtk_window_present (GTK_WINDOW (window));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GtkApplication *application = user_data;
  static const char *developers[] = { "The Dateline developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (application),
                        /* Translators: the application's name, as in main.c */
                        "application-name", _("Dateline"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Dateline developers"),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/dateline/dateline",
                        "issue-url", "https://github.com/dateline/dateline/issues",
                        "copyright", "© 2026 The Dateline developers",
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "about", about_action },
};

static void
dl_application_startup (GApplication *application)
{
  DlApplication *self = DL_APPLICATION (application);
  GtkApplication *gtk_app = GTK_APPLICATION (application);
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
  };

  G_APPLICATION_CLASS (dl_application_parent_class)->startup (application);

  /* Only the primary instance gets here: a second `dateline` hands its
   * files to this one and never builds a context of its own. */
  if (self->context == NULL)
    self->context = dl_context_new (NULL);

  /* Window shortcuts live in DlWindow's class_init; only application-wide
   * ones are registered here. */
  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (gtk_app, accels[i].action, accels[i].accels);
}

static void
dl_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DlApplication *self = DL_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_application_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DlApplication *self = DL_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_application_finalize (GObject *object)
{
  DlApplication *self = DL_APPLICATION (object);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (dl_application_parent_class)->finalize (object);
}

static void
dl_application_class_init (DlApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = dl_application_finalize;
  object_class->get_property = dl_application_get_property;
  object_class->set_property = dl_application_set_property;

  app_class->activate = dl_application_activate;
  app_class->open = dl_application_open;
  app_class->startup = dl_application_startup;
  app_class->handle_local_options = dl_application_handle_local_options;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, DL_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dl_application_init (DlApplication *self)
{
  static const GOptionEntry entries[] = {
    { "new", 'n', 0, G_OPTION_ARG_NONE, NULL, N_("Start a new article"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE.dateline…]"));
}

DlApplication *
dl_application_new (void)
{
  return dl_application_new_with_context (NULL);
}

/**
 * dl_application_new_with_context:
 * @context: (nullable): the shared services to use; %NULL to create the
 *   usual ones (the user's library, the installed settings) at startup
 *
 * Returns: (transfer full): the application
 */
DlApplication *
dl_application_new_with_context (DlContext *context)
{
  g_return_val_if_fail (context == NULL || DL_IS_CONTEXT (context), NULL);

  return g_object_new (DL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/dateline/Dateline",
                       "context", context,
                       NULL);
}

