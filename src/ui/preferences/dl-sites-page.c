/* dl-sites-page.c: Preferences → Sites
 *
 * The sites articles are published to: the built-in local folder and
 * any number of WordPress sites, one of them the default. Adding a site
 * signs in first (discovery, application passwords available, GET
 * users/me), in a worker; only then is the password put in the keyring
 * and the site in sites.json.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-sites-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-browser-sign-in.h"
#include "dl-publisher.h"
#include "dl-site-secrets.h"
#include "dl-sites-page.h"

struct _DlSitesPage
{
  AdwPreferencesPage  parent_instance;

  DlContext          *context;
  GCancellable       *cancellable;
  DlSite             *signing_in;        /* the site being added */
  char               *password;          /* until it is in the keyring */

  GtkListBox         *sites_list;
  AdwEntryRow        *name_row;
  AdwEntryRow        *url_row;
  AdwEntryRow        *user_row;
  AdwPasswordEntryRow *password_row;
  GtkSwitch          *allow_http_switch;
  GtkLabel           *status_label;
  GtkSpinner         *spinner;
  GtkButton          *sign_in_button;
  GtkButton          *browser_button;
};

G_DEFINE_FINAL_TYPE (DlSitesPage, dl_sites_page, ADW_TYPE_PREFERENCES_PAGE)

static void rebuild_rows (DlSitesPage *self);

static void
forget_password (DlSitesPage *self)
{
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_clear_pointer (&self->password, g_free);
}

static void
dl_sites_page_dispose (GObject *object)
{
  DlSitesPage *self = DL_SITES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), DL_TYPE_SITES_PAGE);

  G_OBJECT_CLASS (dl_sites_page_parent_class)->dispose (object);
}

static void
dl_sites_page_finalize (GObject *object)
{
  DlSitesPage *self = DL_SITES_PAGE (object);

  forget_password (self);
  g_clear_object (&self->signing_in);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (dl_sites_page_parent_class)->finalize (object);
}

static void
set_status (DlSitesPage *self,
            const char  *message,
            gboolean     is_error)
{
  gtk_label_set_text (self->status_label, message != NULL ? message : "");
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
set_busy (DlSitesPage *self,
          gboolean     busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->url_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->user_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->browser_button), !busy);
}

static gboolean
form_complete (DlSitesPage *self)
{
  return *gtk_editable_get_text (GTK_EDITABLE (self->name_row)) != '\0'
         && *gtk_editable_get_text (GTK_EDITABLE (self->url_row)) != '\0'
         && *gtk_editable_get_text (GTK_EDITABLE (self->user_row)) != '\0'
         && *gtk_editable_get_text (GTK_EDITABLE (self->password_row)) != '\0';
}

static void
on_form_changed_cb (DlSitesPage *self)
{
  gboolean named = *gtk_editable_get_text (GTK_EDITABLE (self->name_row)) != '\0'
                   && *gtk_editable_get_text (GTK_EDITABLE (self->url_row)) != '\0';

  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), self->signing_in == NULL && form_complete (self));
  /* The browser gives the user name and the password. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->browser_button), self->signing_in == NULL && named);
}

/* "news.example.org" means https. */
static char *
typed_address (DlSitesPage *self)
{
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row))));

  if (strstr (url, "://") == NULL)
    return g_strconcat ("https://", url, NULL);
  return g_steal_pointer (&url);
}

static void
approval_page_ready (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(DlSitesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = dl_browser_sign_in_start_finish (DL_BROWSER_SIGN_IN (source), result, &error);
  GtkRoot *root;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  g_clear_object (&self->signing_in);
  on_form_changed_cb (self);
  if (url == NULL)
    {
      set_status (self, error->message, TRUE);
      return;
    }
  dl_context_add_browser_sign_in (self->context, DL_BROWSER_SIGN_IN (source));
  set_status (self, _("Approve Dateline on the site, in your browser. The site is added here when you come back."), FALSE);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url, GDK_CURRENT_TIME);
}

static void
on_browser_sign_in_cb (DlSitesPage *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *url = typed_address (self);
  g_autoptr(DlBrowserSignIn) sign_in = NULL;
  g_autoptr(DlSite) site = NULL;

  if (self->signing_in != NULL || *name == '\0')
    return;
  if (dl_site_list_lookup (dl_context_get_sites (self->context), name) != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("There is a site named “%s” already. Choose another name, or remove that site first."), name);
      set_status (self, message, TRUE);
      return;
    }
  site = dl_site_new (DL_SITE_KIND_WORDPRESS, name);
  dl_site_set_url (site, url);
  dl_site_set_allow_http (site, gtk_switch_get_active (self->allow_http_switch));
  self->signing_in = g_object_ref (site);
  set_busy (self, TRUE);
  set_status (self, _("Finding the site’s approval page…"), FALSE);
  sign_in = dl_browser_sign_in_new (site);
  dl_browser_sign_in_start_async (sign_in, self->cancellable, approval_page_ready, g_object_ref (self));
}

static void
list_saved (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!dl_site_list_save_finish (DL_SITE_LIST (source), result, &error))
    g_warning ("The list of sites cannot be saved: %s", error->message);
}

static void
save_sites (DlSitesPage *self)
{
  dl_site_list_save_async (dl_context_get_sites (self->context), NULL, list_saved, NULL);
}

static void
secret_stored (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(DlSitesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  DlSite *site = DL_SITE (source);
  DlSiteList *sites = dl_context_get_sites (self->context);
  g_autofree char *message = NULL;

  if (!dl_site_secrets_store_finish (site, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      g_clear_object (&self->signing_in);
      /* Translators: %s is why the keyring refused */
      message = g_strdup_printf (_("Signed in, but the password cannot be kept in your keyring (%s). The site was not added."),
                                 error->message);
      set_status (self, message, TRUE);
      forget_password (self);
      return;
    }
  forget_password (self);
  set_busy (self, FALSE);
  if (dl_site_list_add (sites, site, &error))
    {
      /* The first site of one's own becomes the default. */
      if (dl_site_get_kind (dl_site_list_get_default (sites)) == DL_SITE_KIND_FOLDER)
        dl_site_list_set_default (sites, site);
      save_sites (self);
      /* Translators: %s is a site's name */
      message = g_strdup_printf (_("%s is ready to publish to."), dl_site_get_name (site));
      set_status (self, message, FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->url_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->user_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
      rebuild_rows (self);
    }
  else
    set_status (self, error->message, TRUE);
  g_clear_object (&self->signing_in);
  on_form_changed_cb (self);
}

static void
signed_in (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(DlSitesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = dl_publisher_sign_in_finish (DL_PUBLISHER (source), result, &error);

  if (name == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      set_status (self, error->message, TRUE);
      g_clear_object (&self->signing_in);
      forget_password (self);
      on_form_changed_cb (self);
      return;
    }
  set_status (self, _("Signed in. Keeping the password in your keyring…"), FALSE);
  dl_site_secrets_store_async (self->signing_in, self->password, self->cancellable, secret_stored,
                               g_object_ref (self));
}

static void
on_sign_in_cb (DlSitesPage *self)
{
  g_autoptr(DlPublisher) publisher = NULL;
  g_autofree char *name = NULL;
  g_autofree char *url = NULL;
  g_autofree char *user = NULL;
  DlSite *site;

  if (self->signing_in != NULL || !form_complete (self))
    return;
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  url = typed_address (self);
  user = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->user_row))));
  if (dl_site_list_lookup (dl_context_get_sites (self->context), name) != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("There is a site named “%s” already. Choose another name, or remove that site first."), name);
      set_status (self, message, TRUE);
      return;
    }
  site = dl_site_new (DL_SITE_KIND_WORDPRESS, name);
  dl_site_set_url (site, url);
  dl_site_set_user (site, user);
  dl_site_set_allow_http (site, gtk_switch_get_active (self->allow_http_switch));
  self->signing_in = site;
  self->password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->password_row)));
  set_busy (self, TRUE);
  /* Translators: %s is a web address */
  {
    g_autofree char *message = g_strdup_printf (_("Signing in to %s…"), url);
    set_status (self, message, FALSE);
  }
  publisher = dl_publisher_new_for_site (site);
  dl_publisher_sign_in_async (publisher, self->password, self->cancellable, signed_in, g_object_ref (self));
}

static void
on_default_toggled (GtkCheckButton *button,
                    DlSitesPage    *self)
{
  DlSite *site = g_object_get_data (G_OBJECT (button), "dl-site");

  if (!gtk_check_button_get_active (button))
    return;
  dl_site_list_set_default (dl_context_get_sites (self->context), site);
  save_sites (self);
}

static void
on_remove_clicked (GtkButton   *button,
                   DlSitesPage *self)
{
  DlSite *site = g_object_get_data (G_OBJECT (button), "dl-site");
  g_autoptr(DlSite) keep = g_object_ref (site);
  g_autofree char *message = NULL;

  if (!dl_site_list_remove (dl_context_get_sites (self->context), site))
    return;
  dl_site_secrets_clear_async (site);
  save_sites (self);
  rebuild_rows (self);
  /* Translators: %s is a site's name */
  message = g_strdup_printf (_("%s was removed; its password is gone from your keyring."), dl_site_get_name (site));
  set_status (self, message, FALSE);
}

static void
folder_chosen (GtkNativeDialog *dialog,
               int              response,
               gpointer         user_data)
{
  DlSitesPage *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      DlSite *site = dl_site_list_get_folder_site (dl_context_get_sites (self->context));

      if (folder != NULL && g_file_peek_path (folder) != NULL)
        {
          dl_site_set_folder (site, g_file_peek_path (folder));
          save_sites (self);
          rebuild_rows (self);
        }
    }
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
on_choose_folder_clicked (GtkButton   *button,
                          DlSitesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Publish Into Folder"),
                                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                                               _("_Choose"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (folder_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static GtkWidget *
new_site_row (DlSitesPage    *self,
              DlSite         *site,
              GtkCheckButton *group)
{
  DlSiteList *sites = dl_context_get_sites (self->context);
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *where = dl_site_dup_display_url (site);
  g_autofree char *subtitle = NULL;
  g_autofree char *check_name = NULL;
  GtkWidget *button;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), dl_site_get_name (site));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (dl_site_get_user (site) != NULL)
    /* Translators: "editor on https://news.example.org" */
    subtitle = g_strdup_printf (_("%s on %s"), dl_site_get_user (site), where);
  else
    subtitle = g_strdup (where != NULL ? where : "");
  adw_action_row_set_subtitle (row, subtitle);
  gtk_widget_set_name (GTK_WIDGET (row), dl_site_get_id (site));

  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), site == dl_site_list_get_default (sites));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  /* Translators: the accessible name of the radio button; %s is a site's name */
  check_name = g_strdup_printf (_("Publish to %s by default"), dl_site_get_name (site));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, check_name, -1);
  gtk_widget_set_tooltip_text (check, _("Default site"));
  g_object_set_data_full (G_OBJECT (check), "dl-site", g_object_ref (site), g_object_unref);
  g_signal_connect (check, "toggled", G_CALLBACK (on_default_toggled), self);
  adw_action_row_add_prefix (row, check);
  adw_action_row_set_activatable_widget (row, check);
  /* Alone, it would be a check box one could clear for nothing. */
  gtk_widget_set_sensitive (check, g_list_model_get_n_items (dl_site_list_get_model (sites)) > 1);

  if (dl_site_get_kind (site) == DL_SITE_KIND_FOLDER)
    {
      button = gtk_button_new_with_mnemonic (_("C_hoose Folder…"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Choose the folder to publish into"), -1);
      g_signal_connect (button, "clicked", G_CALLBACK (on_choose_folder_clicked), self);
    }
  else
    {
      g_autofree char *remove_name = g_strdup_printf (_("Remove %s"), dl_site_get_name (site));

      button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, remove_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
      g_signal_connect (button, "clicked", G_CALLBACK (on_remove_clicked), self);
    }
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "dl-site", g_object_ref (site), g_object_unref);
  adw_action_row_add_suffix (row, button);
  return GTK_WIDGET (row);
}

static void
rebuild_rows (DlSitesPage *self)
{
  GListModel *model = dl_site_list_get_model (dl_context_get_sites (self->context));
  GtkCheckButton *group = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sites_list))) != NULL)
    gtk_list_box_remove (self->sites_list, child);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DlSite) site = g_list_model_get_item (model, i);
      GtkWidget *row = new_site_row (self, site, group);

      if (group == NULL)
        group = GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
      gtk_list_box_append (self->sites_list, row);
    }
}

static void
dl_sites_page_class_init (DlSitesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_sites_page_dispose;
  object_class->finalize = dl_sites_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dateline/Dateline/dl-sites-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DlSitesPage, sites_list);
  gtk_widget_class_bind_template_child (widget_class, DlSitesPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, DlSitesPage, url_row);
  gtk_widget_class_bind_template_child (widget_class, DlSitesPage, user_row);
  gtk_widget_class_bind_template_child (widget_class, DlSitesPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, DlSitesPage, allow_http_switch);
  gtk_widget_class_bind_template_child (widget_class, DlSitesPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, DlSitesPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, DlSitesPage, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, DlSitesPage, browser_button);
  gtk_widget_class_bind_template_callback (widget_class, on_browser_sign_in_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_in_cb);
}

static void
dl_sites_page_init (DlSitesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

GtkWidget *
dl_sites_page_new (DlContext *context)
{
  DlSitesPage *self = g_object_new (DL_TYPE_SITES_PAGE, NULL);

  self->context = g_object_ref (context);
  /* A site approved in the browser is added by the application. */
  g_signal_connect_object (dl_site_list_get_model (dl_context_get_sites (context)), "items-changed",
                           G_CALLBACK (rebuild_rows), self, G_CONNECT_SWAPPED);
  rebuild_rows (self);
  return GTK_WIDGET (self);
}
