/* dl-cli-trash.c: `dateline-cli trash ID`, `restore ID`, `list --trash`
 *
 * The same trash as the application's Trash view (dl-store-trash.c,
 * dl-store-trash-list.c): trashing is a move, restoring moves back.
 * Deleting for good is left to the application, which asks first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dateline-cli"

#include "config.h"

#include <stdlib.h>

#include <json-glib/json-glib.h>
#include <glib/gi18n-lib.h>

#include "dl-cli-command.h"
#include "dl-cli-output.h"
#include "dl-util.h"

/* A trashed article's ID, a unique prefix as elsewhere. */
static char *
resolve_trashed_id (GPtrArray   *items,
                    const char  *id,
                    GError     **error)
{
  g_autoptr(GPtrArray) uuids = g_ptr_array_new ();

  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (uuids, (gpointer) dl_trashed_article_get_uuid (g_ptr_array_index (items, i)));
  return dl_cli_match_id (uuids, id, TRUE, error);
}

int
dl_cli_trash_main (DlContext  *context,
                   int         argc,
                   char      **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (_("ID"));
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  DlStore *store;

  g_option_context_set_summary (options,
                                _("Move an article to the trash. “restore” brings it back; the application deletes trashed articles after 30 days."));
  if (!dl_cli_parse_options (options, &argc, &argv))
    return DL_CLI_EXIT_USAGE;
  if (argc != 2)
    return dl_cli_usage_error (argv[0], _("“trash” needs exactly one article ID."));

  store = dl_cli_open_store (context, TRUE, &error);
  if (store != NULL)
    uuid = dl_cli_resolve_id (store, argv[1], &error);
  if (uuid == NULL || !dl_store_trash_article_sync (store, uuid, &error))
    {
      dl_cli_print_error (error->message);
      return EXIT_FAILURE;
    }
  g_print ("%s\n", uuid);
  return EXIT_SUCCESS;
}

int
dl_cli_restore_main (DlContext  *context,
                     int         argc,
                     char      **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (_("ID"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *uuid = NULL;
  DlStore *store;

  g_option_context_set_summary (options,
                                _("Bring an article back from the trash. ID is its UUID or the start of it (see “list --trash”)."));
  if (!dl_cli_parse_options (options, &argc, &argv))
    return DL_CLI_EXIT_USAGE;
  if (argc != 2)
    return dl_cli_usage_error (argv[0], _("“restore” needs exactly one article ID."));

  store = dl_cli_open_store (context, TRUE, &error);
  if (store != NULL)
    items = dl_store_list_trash_sync (store, &error);
  if (items != NULL)
    uuid = resolve_trashed_id (items, argv[1], &error);
  if (uuid == NULL || !dl_store_restore_article_sync (store, uuid, &error))
    {
      dl_cli_print_error (error->message);
      return EXIT_FAILURE;
    }
  g_print ("%s\n", uuid);
  return EXIT_SUCCESS;
}

/**
 * dl_cli_list_trash:
 * @json: print JSON instead of a table
 *
 * `list --trash`: what the trash holds, most recently trashed first.
 */
int
dl_cli_list_trash (DlContext *context,
                   gboolean   json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  DlStore *store = dl_cli_open_store (context, FALSE, &error);

  if (store != NULL)
    items = dl_store_list_trash_sync (store, &error);
  if (items == NULL)
    {
      dl_cli_print_error (error->message);
      return EXIT_FAILURE;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < items->len; i++)
        {
          DlTrashedArticle *item = g_ptr_array_index (items, i);
          g_autofree char *trashed = dl_date_time_to_iso8601 (dl_trashed_article_get_trashed (item));

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "uuid");
          json_builder_add_string_value (builder, dl_trashed_article_get_uuid (item));
          json_builder_set_member_name (builder, "headline");
          json_builder_add_string_value (builder, dl_trashed_article_get_title (item));
          json_builder_set_member_name (builder, "trashed");
          json_builder_add_string_value (builder, trashed);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      dl_cli_print_json (builder);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < items->len; i++)
    {
      DlTrashedArticle *item = g_ptr_array_index (items, i);
      g_autofree char *trashed = dl_cli_format_date (dl_trashed_article_get_trashed (item));
      g_autofree char *title = dl_cli_escape (dl_trashed_article_get_title (item));

      /* Translators: the column of `list --trash`, before the time */
      g_print ("%s  %s %-16s  %s\n", dl_trashed_article_get_uuid (item), C_("trashed at", "trashed"),
               trashed, title);
    }
  return EXIT_SUCCESS;
}
