/* dl-site-secrets.c: application passwords in libsecret
 *
 * One item per site in the user's keyring (the Secret portal inside
 * Flatpak, which libsecret uses by itself), found by the site's id.
 * Without a keyring (CI, scripts, a server) the password may come from
 * $DATELINE_APP_PASSWORD at every call instead; it is then never
 * written anywhere. These calls block on D-Bus: they run in workers
 * (the publish job, the sign-in task) or in the command line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-secrets"

#include "config.h"

#include <string.h>

#include <libsecret/secret.h>
#include <glib/gi18n-lib.h>

#include "dl-site-secrets.h"

static const SecretSchema *
site_schema (void)
{
  static const SecretSchema schema = {
    "io.github.dateline.Dateline.SitePassword", SECRET_SCHEMA_NONE,
    {
      { "site-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "NULL", 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  };
  return &schema;
}

gboolean
dl_site_secrets_store_sync (DlSite        *site,
                            const char    *password,
                            GCancellable  *cancellable,
                            GError       **error)
{
  /* Translators: the keyring item's label; %s is a site's name */
  g_autofree char *label = g_strdup_printf (_("Dateline: application password for %s"), dl_site_get_name (site));

  return secret_password_store_sync (site_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                                     cancellable, error, "site-id", dl_site_get_id (site), NULL);
}

/**
 * dl_site_secrets_lookup_sync:
 *
 * Returns: (transfer full) (nullable): the site's password; %NULL without
 *   an error when the keyring has none for it
 */
char *
dl_site_secrets_lookup_sync (DlSite        *site,
                             GCancellable  *cancellable,
                             GError       **error)
{
  char *secret = secret_password_lookup_sync (site_schema (), cancellable, error,
                                              "site-id", dl_site_get_id (site), NULL);
  char *copy = g_strdup (secret);

  secret_password_free (secret);
  return copy;
}

gboolean
dl_site_secrets_clear_sync (DlSite        *site,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  secret_password_clear_sync (site_schema (), cancellable, &local_error, "site-id", dl_site_get_id (site), NULL);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* $DATELINE_APP_PASSWORD, or NULL */
char *
dl_site_secrets_from_environment (void)
{
  const char *value = g_getenv (DL_APP_PASSWORD_ENV);

  return value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

typedef struct
{
  DlSite *site;
  char   *password;
} StoreData;

static void
store_data_free (StoreData *data)
{
  g_object_unref (data->site);
  if (data->password != NULL)
    memset (data->password, 0, strlen (data->password));
  g_free (data->password);
  g_free (data);
}

static void
store_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  StoreData *data = task_data;
  GError *error = NULL;

  if (dl_site_secrets_store_sync (data->site, data->password, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * dl_site_secrets_store_async:
 *
 * dl_site_secrets_store_sync() in a worker, for the application.
 */
void
dl_site_secrets_store_async (DlSite              *site,
                             const char          *password,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (site, cancellable, callback, user_data);
  StoreData *data = g_new0 (StoreData, 1);

  data->site = g_object_ref (site);
  data->password = g_strdup (password);
  g_task_set_source_tag (task, dl_site_secrets_store_async);
  g_task_set_task_data (task, data, (GDestroyNotify) store_data_free);
  g_task_run_in_thread (task, store_thread);
}

gboolean
dl_site_secrets_store_finish (DlSite        *site,
                              GAsyncResult  *result,
                              GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
clear_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  if (dl_site_secrets_clear_sync (source_object, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Forgets the site's password, in a worker; errors are only logged. */
void
dl_site_secrets_clear_async (DlSite *site)
{
  g_autoptr(GTask) task = g_task_new (site, NULL, NULL, NULL);

  g_task_run_in_thread (task, clear_thread);
}

/**
 * dl_site_secrets_shutdown:
 *
 * At program exit (the command line): disconnects libsecret's shared
 * service proxy, freeing it and the messages still queued for it.
 */
void
dl_site_secrets_shutdown (void)
{
  secret_service_disconnect ();
}
