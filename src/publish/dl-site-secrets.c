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
