/* dl-browser-sign-in.c: WordPress's "Authorize Application" flow
 *
 * Instead of pasting an application password, the user approves
 * Dateline on the site, in their browser, where they are signed in
 * already. Dateline opens
 *   …/wp-admin/authorize-application.php?app_name=Dateline&app_id=…
 *     &success_url=io.github.dateline.dateline://authorized?request=NONCE
 *     &reject_url=io.github.dateline.dateline://authorized?request=NONCE&success=false
 * (the page comes from the REST index); after "Yes, I approve" WordPress
 * sends the browser to success_url with site_url, user_login and a new
 * password, and the desktop hands that URI to Dateline, which registers
 * the scheme. Only a URI with the nonce of a sign-in this run started is
 * taken: a link from anywhere else cannot add a site. The password is
 * checked with GET users/me and goes into the keyring, nowhere else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-browser-sign-in"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dl-browser-sign-in.h"
#include "dl-publish-error.h"
#include "dl-publisher.h"
#include "dl-site-secrets.h"
#include "dl-wordpress-publisher.h"

struct _DlBrowserSignIn
{
  GObject  parent_instance;

  DlSite  *site;
  char    *nonce;
};

G_DEFINE_FINAL_TYPE (DlBrowserSignIn, dl_browser_sign_in, G_TYPE_OBJECT)

static void
dl_browser_sign_in_finalize (GObject *object)
{
  DlBrowserSignIn *self = DL_BROWSER_SIGN_IN (object);

  g_clear_object (&self->site);
  g_free (self->nonce);

  G_OBJECT_CLASS (dl_browser_sign_in_parent_class)->finalize (object);
}

static void
dl_browser_sign_in_class_init (DlBrowserSignInClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dl_browser_sign_in_finalize;
}

static void
dl_browser_sign_in_init (DlBrowserSignIn *self)
{
  self->nonce = g_uuid_string_random ();
}

/**
 * dl_browser_sign_in_new:
 * @site: a WordPress site with its address; the user name comes back
 *   from WordPress
 */
DlBrowserSignIn *
dl_browser_sign_in_new (DlSite *site)
{
  DlBrowserSignIn *self = g_object_new (DL_TYPE_BROWSER_SIGN_IN, NULL);

  self->site = g_object_ref (site);
  return self;
}

DlSite *
dl_browser_sign_in_get_site (DlBrowserSignIn *self)
{
  return self->site;
}

const char *
dl_browser_sign_in_get_nonce (DlBrowserSignIn *self)
{
  return self->nonce;
}

static GHashTable *
query_of (const char *uri)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED_QUERY, NULL);
  const char *query;

  if (parsed == NULL || g_strcmp0 (g_uri_get_scheme (parsed), DL_SIGN_IN_SCHEME) != 0
      || (query = g_uri_get_query (parsed)) == NULL)
    return NULL;
  return g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL);
}

/**
 * dl_browser_sign_in_nonce_from_uri:
 *
 * Returns: (transfer full) (nullable): the request a callback URI answers
 */
char *
dl_browser_sign_in_nonce_from_uri (const char *uri)
{
  g_autoptr(GHashTable) params = query_of (uri);

  return params != NULL ? g_strdup (g_hash_table_lookup (params, "request")) : NULL;
}

static char *
callback_url (DlBrowserSignIn *self,
              gboolean         rejected)
{
  /* WordPress wants a host in it (authorized), and no http. */
  return g_strdup_printf ("%s://authorized?request=%s%s", DL_SIGN_IN_SCHEME, self->nonce,
                          rejected ? "&success=false" : "");
}

static void
start_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  DlBrowserSignIn *self = source_object;
  g_autoptr(DlPublisher) publisher = dl_publisher_new_for_site (self->site);
  DlWordPressClient *client = dl_wordpress_publisher_get_client (DL_WORDPRESS_PUBLISHER (publisher));
  g_autofree char *success = callback_url (self, FALSE);
  g_autofree char *reject = callback_url (self, TRUE);
  GError *error = NULL;
  const char *endpoint;
  GString *url;

  if (!dl_wordpress_client_discover_sync (client, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  endpoint = dl_wordpress_client_get_authorize_endpoint (client);
  if (endpoint == NULL || !dl_wordpress_client_check_address (self->site, endpoint, &error))
    {
      if (error == NULL)
        error = g_error_new_literal (DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_NOT_SUPPORTED,
                                     _("The site does not offer approval in the browser. Paste an application password instead."));
      g_task_return_error (task, error);
      return;
    }
  url = g_string_new (endpoint);
  g_string_append (url, strchr (endpoint, '?') != NULL ? "&" : "?");
  g_string_append (url, "app_name=Dateline&app_id=" DL_SIGN_IN_APP_ID "&success_url=");
  g_string_append_uri_escaped (url, success, NULL, FALSE);
  g_string_append (url, "&reject_url=");
  g_string_append_uri_escaped (url, reject, NULL, FALSE);
  g_task_return_pointer (task, g_string_free (url, FALSE), g_free);
}

/**
 * dl_browser_sign_in_start_async:
 *
 * Discovers the site and makes the address of its approval page.
 */
void
dl_browser_sign_in_start_async (DlBrowserSignIn     *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_run_in_thread (task, start_thread);
}

/**
 * dl_browser_sign_in_start_finish:
 *
 * Returns: (transfer full): the page to open in the browser
 */
char *
dl_browser_sign_in_start_finish (DlBrowserSignIn  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
same_host (const char *a,
           const char *b)
{
  g_autoptr(GUri) ua = a != NULL ? g_uri_parse (a, G_URI_FLAGS_NONE, NULL) : NULL;
  g_autoptr(GUri) ub = b != NULL ? g_uri_parse (b, G_URI_FLAGS_NONE, NULL) : NULL;

  return ua != NULL && ub != NULL && g_ascii_strcasecmp (g_uri_get_host (ua) ?: "", g_uri_get_host (ub) ?: "") == 0
         && g_uri_get_port (ua) == g_uri_get_port (ub);
}

static void
complete_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  DlBrowserSignIn *self = source_object;
  g_autoptr(GHashTable) params = query_of (task_data);
  g_autoptr(DlPublisher) publisher = NULL;
  g_autofree char *name = NULL;
  const char *password, *user, *site_url;
  GError *error = NULL;

  if (params == NULL || g_strcmp0 (g_hash_table_lookup (params, "request"), self->nonce) != 0)
    {
      g_task_return_new_error (task, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_INVALID, "%s",
                               _("This sign-in link was not started by Dateline just now. Start again from Preferences → Sites."));
      return;
    }
  if (g_strcmp0 (g_hash_table_lookup (params, "success"), "false") == 0)
    {
      g_task_return_new_error (task, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_AUTH, "%s",
                               _("Dateline was not approved on the site. Nothing was added."));
      return;
    }
  password = g_hash_table_lookup (params, "password");
  user = g_hash_table_lookup (params, "user_login");
  site_url = g_hash_table_lookup (params, "site_url");
  if (password == NULL || *password == '\0' || user == NULL || *user == '\0')
    {
      g_task_return_new_error (task, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_INVALID, "%s",
                               _("The site sent Dateline back without a password. Try again, or paste an application password."));
      return;
    }
  /* The password is for the site we asked, not for one a link names. */
  if (site_url != NULL && !same_host (site_url, dl_site_get_url (self->site)))
    {
      g_task_return_new_error (task, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_INVALID, "%s",
                               _("The approval came back from another site than the one asked. Nothing was added."));
      return;
    }
  dl_site_set_user (self->site, user);
  publisher = dl_publisher_new_for_site (self->site);
  if (!dl_publisher_sign_in_sync (publisher, password, &name, cancellable, &error)
      || !dl_site_secrets_store_sync (self->site, password, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * dl_browser_sign_in_complete_async:
 * @uri: what the browser was sent back to
 *
 * Checks the approval, the password (GET users/me) and keeps it in the
 * keyring. The site's user name is set from it.
 */
void
dl_browser_sign_in_complete_async (DlBrowserSignIn     *self,
                                   const char          *uri,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_task_data (task, g_strdup (uri), g_free);
  g_task_run_in_thread (task, complete_thread);
}

gboolean
dl_browser_sign_in_complete_finish (DlBrowserSignIn  *self,
                                    GAsyncResult     *result,
                                    GError          **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
