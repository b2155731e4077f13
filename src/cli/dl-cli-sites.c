/* dl-cli-sites.c: `dateline-cli sites [add|remove|refresh]`
 *
 * The same sites.json and keyring as Preferences → Sites. A password is
 * read from the standard input (or $DATELINE_APP_PASSWORD), checked with
 * the site, and stored in the keyring when there is one; without one
 * the site is remembered without it, and each later call needs
 * $DATELINE_APP_PASSWORD. It is never printed, logged or written to a file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dateline-cli"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json-glib/json-glib.h>
#include <glib/gi18n-lib.h>

#include "dl-cli-command.h"
#include "dl-cli-output.h"
#include "dl-dateline.h"
#include "dl-publisher.h"
#include "dl-site-secrets.h"
#include "dl-site-terms.h"

static const char *
kind_name (DlSite *site)
{
  return dl_site_get_kind (site) == DL_SITE_KIND_WORDPRESS ? "wordpress" : "folder";
}

static int
list_sites (DlContext *context,
            gboolean   json)
{
  DlSiteList *sites = dl_context_get_sites (context);
  GListModel *model = dl_site_list_get_model (sites);
  DlSite *default_site = dl_site_list_get_default (sites);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DlSite) site = g_list_model_get_item (model, i);
      g_autofree char *where = dl_site_dup_display_url (site);

      if (json)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, dl_site_get_name (site));
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, dl_site_get_id (site));
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, kind_name (site));
          json_builder_set_member_name (builder, "url");
          json_builder_add_string_value (builder, where ?: "");
          json_builder_set_member_name (builder, "user");
          json_builder_add_string_value (builder, dl_site_get_user (site) ?: "");
          json_builder_set_member_name (builder, "default");
          json_builder_add_boolean_value (builder, site == default_site);
          json_builder_end_object (builder);
        }
      else
        {
          g_autofree char *name = dl_cli_escape (dl_site_get_name (site));
          g_autofree char *address = dl_cli_escape (where ?: "");

          g_print ("%c %-20s %-9s %s%s%s\n", site == default_site ? '*' : ' ', name, kind_name (site), address,
                   dl_site_get_user (site) != NULL ? "  " : "", dl_site_get_user (site) ?: "");
        }
    }
  json_builder_end_array (builder);
  if (json)
    dl_cli_print_json (builder);
  return EXIT_SUCCESS;
}

/* The password: $DATELINE_APP_PASSWORD, else one line of standard input. */
static char *
read_password (void)
{
  char line[1024];
  char *password = dl_site_secrets_from_environment ();

  if (password != NULL)
    return password;
  if (isatty (STDIN_FILENO))
    g_printerr ("%s", _("Application password: "));
  if (fgets (line, sizeof line, stdin) == NULL)
    return NULL;
  g_strchomp (line);
  password = *line != '\0' ? g_strdup (line) : NULL;
  memset (line, 0, sizeof line);
  return password;
}

static int
add_site (DlContext  *context,
          const char *name,
          const char *url,
          const char *user,
          const char *source,
          const char *style,
          gboolean    allow_http,
          gboolean    make_default)
{
  DlSiteList *sites = dl_context_get_sites (context);
  g_autoptr(DlSite) site = dl_site_new (DL_SITE_KIND_WORDPRESS, name);
  g_autoptr(DlPublisher) publisher = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) keyring_error = NULL;
  g_autofree char *password = NULL;
  g_autofree char *user_name = NULL;

  if (dl_site_list_lookup (sites, name) != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("There is a site named “%s” already. Choose another name, or remove that site first."), name);
      dl_cli_print_error (message);
      return EXIT_FAILURE;
    }
  dl_site_set_url (site, url);
  dl_site_set_user (site, user);
  dl_site_set_allow_http (site, allow_http);
  /* The site's own house style, over the newsroom's. */
  dl_site_set_source (site, source);
  dl_site_set_dateline_style (site, style);
  password = read_password ();
  if (password == NULL)
    {
      dl_cli_print_error (_("No application password: type it on the standard input, or set DATELINE_APP_PASSWORD. Create one in the site’s profile page (Users → Profile → Application Passwords)."));
      return DL_CLI_EXIT_USAGE;
    }

  publisher = dl_publisher_new_for_site (site);
  if (!dl_publisher_sign_in_sync (publisher, password, &user_name, NULL, &error))
    {
      dl_cli_print_error (error->message);
      return EXIT_FAILURE;
    }
  if (!dl_site_secrets_store_sync (site, password, NULL, &keyring_error))
    {
      g_autofree char *message =
        /* Translators: %s is why, such as "Cannot autolaunch D-Bus without X11 $DISPLAY";
         * DATELINE_APP_PASSWORD is an environment variable: keep it as it is */
        g_strdup_printf (_("No keyring to keep the password in (%s). The site is added without it: set DATELINE_APP_PASSWORD for each command that publishes."),
                         keyring_error->message);
      dl_cli_print_error (message);
    }
  memset (password, 0, strlen (password));
  if (!dl_site_list_add (sites, site, &error))
    {
      dl_cli_print_error (error->message);
      return EXIT_FAILURE;
    }
  if (make_default)
    dl_site_list_set_default (sites, site);
  if (!dl_site_list_save (sites, &error))
    {
      dl_cli_print_error (error->message);
      return EXIT_FAILURE;
    }
  /* Translators: %s is a site's name, the second %s the user's name on it */
  g_print (_("Signed in to %s as %s.\n"), dl_site_get_name (site), user_name != NULL ? user_name : user);
  return EXIT_SUCCESS;
}

static DlSite *
find_site (DlContext  *context,
           const char *name)
{
  DlSite *site = dl_site_list_lookup (dl_context_get_sites (context), name);

  if (site == NULL)
    {
      /* Translators: %s is what the user typed as a site's name */
      g_autofree char *message = g_strdup_printf (_("There is no site “%s”. “dateline-cli sites” lists them."), name);
      dl_cli_print_error (message);
    }
  return site;
}

static int
remove_site (DlContext  *context,
             const char *name)
{
  DlSiteList *sites = dl_context_get_sites (context);
  DlSite *site = find_site (context, name);
  g_autoptr(DlSite) keep = site != NULL ? g_object_ref (site) : NULL;
  g_autoptr(GError) error = NULL;

  if (site == NULL)
    return EXIT_FAILURE;
  if (!dl_site_list_remove (sites, site))
    {
      dl_cli_print_error (_("The local folder target is built in and cannot be removed."));
      return EXIT_FAILURE;
    }
  if (!dl_site_secrets_clear_sync (site, NULL, &error))
    g_debug ("No keyring item removed: %s", error->message);
  g_clear_error (&error);
  if (!dl_site_list_save (sites, &error))
    {
      dl_cli_print_error (error->message);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}

static int
refresh_site (DlContext  *context,
              const char *name)
{
  DlSite *site = find_site (context, name);
  g_autoptr(DlPublisher) publisher = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) categories = NULL;
  g_auto(GStrv) tags = NULL;

  if (site == NULL)
    return EXIT_FAILURE;
  publisher = dl_publisher_new_for_site (site);
  if (!dl_publisher_fetch_terms_sync (publisher, &categories, &tags, NULL, &error)
      || !dl_site_terms_save (dl_context_get_sites (context), site, (const char * const *) categories,
                              (const char * const *) tags, &error))
    {
      dl_cli_print_error (error->message);
      return EXIT_FAILURE;
    }
  /* Translators: "12 categories, 140 tags" */
  g_print (_("%u categories, %u tags\n"), categories != NULL ? g_strv_length (categories) : 0,
           tags != NULL ? g_strv_length (tags) : 0);
  return EXIT_SUCCESS;
}

/**
 * dl_cli_sites_main:
 *
 * `sites`, `sites add NAME --url URL --user USER`, `sites remove NAME`,
 * `sites refresh NAME`
 */
int
dl_cli_sites_main (DlContext  *context,
                   int         argc,
                   char      **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (_("[add NAME | remove NAME | refresh NAME]"));
  g_autofree char *url = NULL;
  g_autofree char *user = NULL;
  g_autofree char *source = NULL;
  g_autofree char *style = NULL;
  gboolean json = FALSE;
  gboolean allow_http = FALSE;
  gboolean make_default = FALSE;
  const GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("The site’s address (add)"), N_("URL") },
    { "user", 0, 0, G_OPTION_ARG_STRING, &user, N_("Your user name on the site (add)"), N_("USER") },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source, N_("The agency in this site’s datelines, if not the newsroom’s (add)"), N_("SOURCE") },
    { "dateline-style", 0, 0, G_OPTION_ARG_STRING, &style, N_("This site’s dateline style, if not the newsroom’s (add)"), N_("STYLE") },
    { "allow-http", 0, 0, G_OPTION_ARG_NONE, &allow_http,
      N_("Allow an unencrypted http:// address that is not on this computer (add)"), NULL },
    { "default", 0, 0, G_OPTION_ARG_NONE, &make_default, N_("Publish to this site unless told otherwise (add)"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    { NULL }
  };

  g_option_context_set_summary (options,
                                _("List the sites articles are published to, add a WordPress site (the application password comes from the standard input or DATELINE_APP_PASSWORD), remove one, or refresh its categories and tags."));
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!dl_cli_parse_options (options, &argc, &argv))
    return DL_CLI_EXIT_USAGE;

  if (argc == 1)
    return list_sites (context, json);
  if (argc != 3)
    return dl_cli_usage_error (argv[0], _("Use “sites”, “sites add NAME”, “sites remove NAME” or “sites refresh NAME”."));
  if (g_strcmp0 (argv[1], "add") == 0)
    {
      if (url == NULL || user == NULL)
        return dl_cli_usage_error (argv[0], _("“sites add” needs --url and --user."));
      if (style != NULL && !dl_dateline_style_is_valid (style))
        {
          /* Translators: %s is what the user typed; "dateline-cli dateline --help" lists them */
          g_autofree char *message = g_strdup_printf (_("Unknown dateline style “%s”: “dateline-cli dateline --help” lists them."), style);
          return dl_cli_usage_error (argv[0], message);
        }
      return add_site (context, argv[2], url, user, source, style, allow_http, make_default);
    }
  if (g_strcmp0 (argv[1], "remove") == 0)
    return remove_site (context, argv[2]);
  if (g_strcmp0 (argv[1], "refresh") == 0)
    return refresh_site (context, argv[2]);
  return dl_cli_usage_error (argv[0], _("Use “sites”, “sites add NAME”, “sites remove NAME” or “sites refresh NAME”."));
}
