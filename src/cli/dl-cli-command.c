/* dl-cli-command.c
 *
 * The pieces every subcommand uses: option parsing with the usage hint,
 * the library (loaded, with quarantined files reported), and the
 * article an ID names (a unique prefix of its UUID, as with git).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dateline-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-cli-command.h"
#include "dl-cli-output.h"

/* Parses a subcommand's options; prints the problem and the usage hint
 * on stderr when they are wrong. */
gboolean
dl_cli_parse_options (GOptionContext   *options,
               int              *argc,
               char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (options, argc, argv, &error))
    {
      dl_cli_print_error (error->message);
      /* Translators: %s is the program, "dateline-cli"; the second %s is a command,
       * such as "list" */
      g_printerr (_("Run “%s %s --help” for usage.\n"), DL_CLI_PROGRAM, (*argv)[0]);
      return FALSE;
    }
  return TRUE;
}

int
dl_cli_usage_error (const char *command,
             const char *message)
{
  dl_cli_print_error (message);
  g_printerr (_("Run “%s %s --help” for usage.\n"), DL_CLI_PROGRAM, command);
  return DL_CLI_EXIT_USAGE;
}

/* Returns: (transfer none): the context's library, loaded if @load */
DlStore *
dl_cli_open_store (DlContext  *context,
            gboolean    load,
            GError    **error)
{
  DlStore *store = dl_context_get_store (context);

  if (load)
    {
      GListModel *quarantined;

      if (!dl_store_load_sync (store, NULL, error))
        return NULL;

      /* Files moved aside must not go unnoticed in scripts either. */
      quarantined = dl_store_get_quarantined (store);
      for (guint i = 0; i < g_list_model_get_n_items (quarantined); i++)
        {
          g_autoptr(DlQuarantinedFile) file = g_list_model_get_item (quarantined, i);
          g_autofree char *path = g_file_get_path (dl_quarantined_file_get_file (file));
          g_autofree char *name = dl_cli_escape (dl_quarantined_file_get_original_name (file));
          g_autofree char *safe_path = dl_cli_escape (path);
          g_autofree char *reason = dl_cli_escape (dl_quarantined_file_get_reason (file));

          /* Translators: %s is the file's original name, "1b4e28ba-….dateline"; the second
           * %s is where it is now; the third %s is why it could not be read */
          g_printerr (_("Warning: “%s” could not be read and is in quarantine (%s): %s\n"),
                      name, safe_path, reason);
        }
    }
  return store;
}

/**
 * dl_cli_match_id:
 * @uuids: the identifiers an ID may name
 * @in_trash: whether they are the trash's (for the message)
 *
 * An ID is a UUID or a unique prefix of one, as with git hashes.
 *
 * Returns: (transfer full) (nullable): the UUID, or %NULL with @error
 */
char *
dl_cli_match_id (GPtrArray   *uuids,
                 const char  *id,
                 gboolean     in_trash,
                 GError     **error)
{
  g_autofree char *lower = g_ascii_strdown (id, -1);
  const char *match = NULL;
  guint n_matches = 0;

  if (*id == '\0')
    {
      g_set_error_literal (error, DL_STORE_ERROR, DL_STORE_ERROR_NOT_FOUND,
                           _("The article identifier is empty."));
      return NULL;
    }

  for (guint i = 0; i < uuids->len; i++)
    {
      const char *uuid = g_ptr_array_index (uuids, i);

      if (g_strcmp0 (uuid, lower) == 0)
        return g_strdup (uuid);
      if (g_str_has_prefix (uuid, lower))
        {
          match = uuid;
          n_matches++;
        }
    }

  if (n_matches == 1)
    return g_strdup (match);
  if (n_matches == 0 && in_trash)
    g_set_error (error, DL_STORE_ERROR, DL_STORE_ERROR_NOT_FOUND,
                 /* Translators: %s is the start of an identifier as typed, such as "1b4e" */
                 _("No article in the trash has an identifier starting with “%s”."), id);
  else if (n_matches == 0)
    g_set_error (error, DL_STORE_ERROR, DL_STORE_ERROR_NOT_FOUND,
                 /* Translators: %s is the start of an identifier as typed, such as "1b4e" */
                 _("No article in the library has an identifier starting with “%s”."), id);
  else
    g_set_error (error, DL_STORE_ERROR, DL_STORE_ERROR_NOT_FOUND,
                 /* Translators: %s is the start of an identifier as typed, such as "1b4e";
                  * %u is how many articles it matches, always 2 or more */
                 ngettext ("“%s” matches %u articles; type more of the identifier.",
                           "“%s” matches %u articles; type more of the identifier.",
                           n_matches),
                 id, n_matches);
  return NULL;
}

/* An article of the library (its summaries). */
char *
dl_cli_resolve_id (DlStore     *store,
                   const char  *id,
                   GError     **error)
{
  GListModel *summaries = dl_store_get_summaries (store);
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (summaries); i++)
    {
      g_autoptr(DlArticleSummary) summary = g_list_model_get_item (summaries, i);

      g_ptr_array_add (uuids, g_strdup (dl_article_summary_get_uuid (summary)));
    }
  return dl_cli_match_id (uuids, id, FALSE, error);
}

static DlArticle *
open_article_by_id (DlStore     *store,
                    const char  *id,
                    GError     **error)
{
  g_autofree char *uuid = dl_cli_resolve_id (store, id, error);

  if (uuid == NULL)
    return NULL;
  return dl_store_open_article_sync (store, uuid, NULL, error);
}

/* The article a command names: loads the library, finds the ID, reads
 * the article; on failure says why on stderr and returns NULL. */
DlArticle *
dl_cli_open_article_arg (DlContext  *context,
                  const char *id)
{
  g_autoptr(GError) error = NULL;
  DlStore *store = dl_cli_open_store (context, TRUE, &error);
  DlArticle *article = store != NULL ? open_article_by_id (store, id, &error) : NULL;

  if (article == NULL)
    dl_cli_print_error (error->message);
  return article;
}

char *
dl_cli_format_date (GDateTime *dt)
{
  g_autoptr(GDateTime) local = NULL;

  if (dt == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (dt);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

