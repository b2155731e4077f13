/* dl-cli-revisions.c: `dateline-cli revisions ID [--diff REV]`, `revert ID REV`
 *
 * The same revisions as the application's Revisions view
 * (dl-store-revisions.c). REV is the number in the first column of the
 * list (1 is the newest) or the revision's full name. A revert keeps the
 * text it replaces as a revision first, then makes one of what it
 * brought back, so it can itself be reverted.
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
#include "dl-revision.h"
#include "dl-word-diff.h"

static DlRevision *
find_revision (GPtrArray   *revisions,
               const char  *rev,
               GError     **error)
{
  guint64 n = 0;

  if (g_ascii_string_to_unsigned (rev, 10, 1, G_MAXUINT, &n, NULL))
    {
      if (n <= revisions->len)
        return g_ptr_array_index (revisions, n - 1);
    }
  else
    {
      for (guint i = 0; i < revisions->len; i++)
        {
          DlRevision *revision = g_ptr_array_index (revisions, i);

          if (g_str_equal (revision->id, rev))
            return revision;
        }
    }
  g_set_error (error, DL_STORE_ERROR, DL_STORE_ERROR_NOT_FOUND,
               /* Translators: %s is the revision as typed, such as "12"; %u is how many revisions
                * the article has; "dateline-cli revisions" is a command: keep it as it is */
               ngettext ("No revision “%s”: the article has %u revision (dateline-cli revisions lists it).",
                         "No revision “%s”: the article has %u revisions (dateline-cli revisions lists them).",
                         revisions->len),
               rev, revisions->len);
  return NULL;
}

static void
print_revisions_json (GPtrArray *revisions)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < revisions->len; i++)
    {
      DlRevision *revision = g_ptr_array_index (revisions, i);
      g_autofree char *time = g_date_time_format_iso8601 (revision->time);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "number");
      json_builder_add_int_value (builder, i + 1);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, revision->id);
      json_builder_set_member_name (builder, "time");
      json_builder_add_string_value (builder, time);
      json_builder_set_member_name (builder, "cause");
      json_builder_add_string_value (builder, dl_revision_cause_to_string (revision->cause));
      json_builder_set_member_name (builder, "words");
      json_builder_add_int_value (builder, revision->words);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  dl_cli_print_json (builder);
}

int
dl_cli_revisions_main (DlContext  *context,
                       int         argc,
                       char      **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (_("ID"));
  g_autoptr(GError) error = NULL;
  g_autoptr(DlArticle) article = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autofree char *diff_rev = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "diff", 0, 0, G_OPTION_ARG_STRING, &diff_rev, N_("Show what changed between revision REV and the text now"), N_("REV") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  g_option_context_set_summary (options,
                                _("List the kept versions of an article, newest first: each explicit save, publication and restore makes one. REV is the number in the first column."));
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!dl_cli_parse_options (options, &argc, &argv))
    return DL_CLI_EXIT_USAGE;
  if (argc != 2)
    return dl_cli_usage_error (argv[0], _("“revisions” needs exactly one article ID."));

  article = dl_cli_open_article_arg (context, argv[1]);
  if (article == NULL)
    return EXIT_FAILURE;
  revisions = dl_store_list_revisions_sync (dl_context_get_store (context), dl_article_get_uuid (article), &error);
  if (revisions == NULL)
    {
      dl_cli_print_error (error->message);
      return EXIT_FAILURE;
    }

  if (diff_rev != NULL)
    {
      DlRevision *revision = find_revision (revisions, diff_rev, &error);
      g_autoptr(DlArticle) then = NULL;
      g_autoptr(GPtrArray) chunks = NULL;
      g_autofree char *old_text = NULL;
      g_autofree char *new_text = NULL;
      g_autofree char *plain = NULL;
      guint added = 0, removed = 0;

      if (revision != NULL)
        then = dl_store_load_revision_sync (dl_context_get_store (context), dl_article_get_uuid (article),
                                            revision->id, &error);
      if (then == NULL)
        {
          dl_cli_print_error (error->message);
          return EXIT_FAILURE;
        }
      old_text = dl_revision_dup_text (then);
      new_text = dl_revision_dup_text (article);
      chunks = dl_word_diff (old_text, new_text);
      dl_word_diff_count (chunks, &added, &removed);
      plain = dl_word_diff_format_plain (chunks, 1);
      if (added == 0 && removed == 0)
        g_print ("%s\n", _("The text is the same as in that revision."));
      else
        {
          /* Translators: a summary above a diff, e.g. "3 words added, 1 removed". */
          g_print (ngettext ("%u word added, %u removed since that revision:\n",
                             "%u words added, %u removed since that revision:\n", added), added, removed);
          g_print ("%s", plain);
        }
      return EXIT_SUCCESS;
    }

  if (json)
    {
      print_revisions_json (revisions);
      return EXIT_SUCCESS;
    }
  if (revisions->len == 0)
    {
      g_print ("%s\n", _("No revisions yet: an explicit save (Ctrl+S), a publication or a restore makes one."));
      return EXIT_SUCCESS;
    }
  for (guint i = 0; i < revisions->len; i++)
    {
      DlRevision *revision = g_ptr_array_index (revisions, i);
      g_autofree char *when = dl_cli_format_date (revision->time);

      const char *cause = dl_revision_cause_describe (revision->cause);
      /* Padded by characters, not bytes: «Опубликована» lines up too. */
      glong pad = MAX (0, 14 - g_utf8_strlen (cause, -1));

      g_print ("%3u  %s  %6u  %s%*s  %s\n", i + 1, when, revision->words, cause, (int) pad, "", revision->id);
    }
  return EXIT_SUCCESS;
}

int
dl_cli_revert_main (DlContext  *context,
                    int         argc,
                    char      **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (_("ID REV"));
  g_autoptr(GError) error = NULL;
  g_autoptr(DlArticle) article = NULL;
  g_autoptr(DlArticle) then = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  DlStore *store;
  DlRevision *revision;

  g_option_context_set_summary (options,
                                _("Bring back the headline, standfirst and text of revision REV (see “revisions”). The text it replaces is kept as a revision first."));
  if (!dl_cli_parse_options (options, &argc, &argv))
    return DL_CLI_EXIT_USAGE;
  if (argc != 3)
    return dl_cli_usage_error (argv[0], _("“revert” needs an article ID and a revision."));

  article = dl_cli_open_article_arg (context, argv[1]);
  if (article == NULL)
    return EXIT_FAILURE;
  store = dl_context_get_store (context);
  revisions = dl_store_list_revisions_sync (store, dl_article_get_uuid (article), &error);
  revision = revisions != NULL ? find_revision (revisions, argv[2], &error) : NULL;
  if (revision != NULL)
    then = dl_store_load_revision_sync (store, dl_article_get_uuid (article), revision->id, &error);
  /* The text now, kept before it is replaced; then the restored one. */
  if (then == NULL
      || !dl_store_add_revision_sync (store, article, DL_REVISION_CAUSE_SAVE, NULL, &error))
    {
      dl_cli_print_error (error->message);
      return EXIT_FAILURE;
    }
  dl_revision_apply_text (article, then);
  if (!dl_store_save_article_sync (store, article, NULL, &error)
      || !dl_store_add_revision_sync (store, article, DL_REVISION_CAUSE_RESTORE, NULL, &error))
    {
      dl_cli_print_error (error->message);
      return EXIT_FAILURE;
    }
  g_print ("%s\n", dl_article_get_uuid (article));
  return EXIT_SUCCESS;
}
