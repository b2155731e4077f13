/* dl-cli.c: the library from a terminal or a script
 *
 * No GTK, no display. Each subcommand is an
 * `int (DlContext *context, int argc, char **argv)` with its own
 * GOptionContext, listed once in `commands[]`: the small ones here as
 * `cmd_<name>`, larger ones in their own file (dl-cli-set.c,
 * dl-cli-trash.c, dl-cli-dateline.c); what they share is in
 * dl-cli-command.c. The export formats are the core's table
 * (dl-export-format.h). dl_cli_main() builds the context (the library
 * of --library, the house style from the settings) and runs a command.
 *
 * Exit status: 0 success, 1 failure (message on stderr), 2 bad usage.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dateline-cli"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gunixinputstream.h>
#include <json-glib/json-glib.h>

#include <glib/gi18n-lib.h>

#include "dl-article-file.h"
#include "dl-cli.h"
#include "dl-site-secrets.h"
#include "dl-cli-command.h"
#include "dl-cli-dateline.h"
#include "dl-cli-output.h"
#include "dl-cli-render.h"
#include "dl-context.h"
#include "dl-export-format.h"
#include "dl-store.h"
#include "dl-util.h"

#define PROGRAM    DL_CLI_PROGRAM

/* ------------------------------------------------------------------ */
/* list                                                                */

static int
cmd_list (DlContext  *context,
          int         argc,
          char      **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  DlStore *store = NULL;
  gboolean json = FALSE;
  gboolean trash = FALSE;
  g_autofree char *status_text = NULL;
  DlArticleStatus wanted = DL_ARTICLE_STATUS_DRAFT;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GListModel *summaries;
  guint n;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text,
      N_("Only articles with this status: draft, ready, scheduled, published or changed"), N_("STATUS") },
    { "trash", 0, 0, G_OPTION_ARG_NONE, &trash, N_("List the trash instead, most recently trashed first"), NULL },
    { NULL }
  };

  g_option_context_set_summary (options,
                                _("List the articles in the library, newest first: ID, last change, status, embargo and headline."));
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!dl_cli_parse_options (options, &argc, &argv))
    return DL_CLI_EXIT_USAGE;
  if (argc > 1)
    return dl_cli_usage_error (argv[0], _("“list” takes no arguments."));
  if (status_text != NULL && !dl_article_status_from_string (status_text, &wanted))
    {
      g_autofree char *message =
        /* Translators: %s is what was typed after --status; draft, ready, scheduled,
         * published and changed are the values it takes: keep them untranslated */
        g_strdup_printf (_("Unknown status “%s”: use draft, ready, scheduled, published or changed."), status_text);
      return dl_cli_usage_error (argv[0], message);
    }
  if (trash && status_text != NULL)
    return dl_cli_usage_error (argv[0], _("--trash and --status cannot be combined: trashed articles have no status here."));
  if (trash)
    return dl_cli_list_trash (context, json);

  store = dl_cli_open_store (context, TRUE, &error);
  if (store == NULL)
    {
      dl_cli_print_error (error->message);
      return EXIT_FAILURE;
    }

  summaries = dl_store_get_summaries (store);
  n = g_list_model_get_n_items (summaries);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(DlArticleSummary) summary = g_list_model_get_item (summaries, i);
          g_autofree char *modified = dl_article_summary_get_modified (summary) != NULL
            ? dl_date_time_to_iso8601 (dl_article_summary_get_modified (summary)) : NULL;
          const char * const *tags = dl_article_summary_get_tags (summary);
          GDateTime *release_times[] = { dl_article_summary_get_embargo (summary),
                                         dl_article_summary_get_schedule (summary) };
          const char *release_names[] = { "embargo", "schedule" };

          if (status_text != NULL && dl_article_summary_get_status (summary) != wanted)
            continue;

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "uuid");
          json_builder_add_string_value (builder, dl_article_summary_get_uuid (summary));
          json_builder_set_member_name (builder, "headline");
          json_builder_add_string_value (builder, dl_article_summary_get_headline (summary));
          json_builder_set_member_name (builder, "status");
          json_builder_add_string_value (builder,
                                         dl_article_status_to_string (dl_article_summary_get_status (summary)));
          json_builder_set_member_name (builder, "category");
          json_builder_add_string_value (builder, dl_article_summary_get_category (summary));
          json_builder_set_member_name (builder, "place");
          json_builder_add_string_value (builder, dl_article_summary_get_place (summary));
          json_builder_set_member_name (builder, "tags");
          json_builder_begin_array (builder);
          for (guint t = 0; tags != NULL && tags[t] != NULL; t++)
            json_builder_add_string_value (builder, tags[t]);
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "modified");
          if (modified != NULL)
            json_builder_add_string_value (builder, modified);
          else
            json_builder_add_null_value (builder);
          for (guint r = 0; r < G_N_ELEMENTS (release_times); r++)
            {
              g_autofree char *when = release_times[r] != NULL ? dl_date_time_to_iso8601 (release_times[r]) : NULL;

              json_builder_set_member_name (builder, release_names[r]);
              if (when != NULL)
                json_builder_add_string_value (builder, when);
              else
                json_builder_add_null_value (builder);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      dl_cli_print_json (builder);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DlArticleSummary) summary = g_list_model_get_item (summaries, i);
      g_autofree char *title = dl_article_summary_dup_display_title (summary);
      g_autofree char *safe_title = dl_cli_escape (title);
      g_autofree char *modified = dl_cli_format_date (dl_article_summary_get_modified (summary));
      GDateTime *embargo = dl_article_summary_get_embargo (summary);
      g_autofree char *embargo_text = NULL;

      if (status_text != NULL && dl_article_summary_get_status (summary) != wanted)
        continue;
      /* Only an embargo that still holds: one that has lifted changes
       * nothing for the desk. */
      if (embargo != NULL && g_date_time_compare (embargo, now) > 0)
        {
          g_autofree char *until = dl_cli_format_date (embargo);
          /* Translators: a column of `list`: "embargo 2025-05-08 10:06" */
          embargo_text = g_strdup_printf (C_("list column", "embargo %s"), until);
        }
      g_print ("%s  %-16s  %-10s  %-24s  %s\n", dl_article_summary_get_uuid (summary), modified,
               dl_article_status_to_string (dl_article_summary_get_status (summary)),
               embargo_text != NULL ? embargo_text : "", safe_title);
    }
  return EXIT_SUCCESS;
}

/* ------------------------------------------------------------------ */
/* show                                                                */

static void
print_field (const char *label,
             const char *value)
{
  g_autofree char *safe = NULL;

  if (value == NULL || *value == '\0')
    return;
  safe = dl_cli_escape (value);
  g_print ("%s: %s\n", label, safe);
}

static int
cmd_show (DlContext  *context,
          int         argc,
          char      **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (_("ID"));
  g_autoptr(DlArticle) article = NULL;
  g_autofree char *title = NULL;
  g_autofree char *dateline_and_credits = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *modified = NULL;

  g_option_context_set_summary (options,
                                _("Show an article. ID is its UUID or the start of it, as long as only one article matches."));
  if (!dl_cli_parse_options (options, &argc, &argv))
    return DL_CLI_EXIT_USAGE;
  if (argc != 2)
    return dl_cli_usage_error (argv[0], _("“show” needs exactly one article ID."));

  article = dl_cli_open_article_arg (context, argv[1]);
  if (article == NULL)
    return EXIT_FAILURE;

  title = dl_article_dup_display_title (article);
  dateline_and_credits = dl_cli_format_article_dateline_and_credits (article, dl_context_get_house_style (context));
  tags = g_strjoinv (", ", (char **) dl_article_get_tags (article));
  modified = dl_cli_format_date (dl_article_get_modified (article));

  print_field (_("Headline"), title);
  print_field (_("Standfirst"), dl_article_get_standfirst (article));
  print_field (_("Status"), dl_article_get_unknown_status (article) != NULL
                            ? dl_article_get_unknown_status (article)
                            : dl_article_status_get_label (dl_article_get_status (article)));
  if (dl_article_get_embargo (article) != NULL)
    {
      g_autofree char *embargo = dl_cli_format_date (dl_article_get_embargo (article));
      print_field (_("Embargo"), embargo);
    }
  if (dl_article_get_schedule (article) != NULL)
    {
      g_autofree char *schedule = dl_cli_format_date (dl_article_get_schedule (article));
      print_field (_("Schedule"), schedule);
    }
  print_field (_("Category"), dl_article_get_category (article));
  print_field (_("Tags"), tags);
  /* The same composer as the preview, exports and publishing. */
  g_print ("%s", dateline_and_credits);
  print_field (_("Language"), dl_article_get_language (article));
  print_field (_("Modified"), modified);
  print_field (_("ID"), dl_article_get_uuid (article));
  print_field (_("Read-only"), dl_article_get_read_only_reason (article));
  if (*dl_article_get_body (article) != '\0')
    {
      g_autofree char *body = dl_cli_escape_lines (dl_article_get_body (article));

      g_print ("\n%s\n", body);
    }
  return EXIT_SUCCESS;
}

/* ------------------------------------------------------------------ */
/* new                                                                 */

static int
cmd_new (DlContext  *context,
         int         argc,
         char      **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  DlStore *store = NULL;
  g_autoptr(DlArticle) article = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *standfirst = NULL;
  g_autofree char *place = NULL;
  g_autofree char *source = NULL;
  g_autofree char *category = NULL;
  g_autofree char *body_file = NULL;
  g_auto(GStrv) tags = NULL;
  const GOptionEntry entries[] = {
    { "headline", 0, 0, G_OPTION_ARG_STRING, &headline, N_("The headline (required)"), N_("TEXT") },
    { "standfirst", 0, 0, G_OPTION_ARG_STRING, &standfirst, N_("The standfirst"), N_("TEXT") },
    { "place", 0, 0, G_OPTION_ARG_STRING, &place, N_("Where the story was filed, for the dateline"), N_("PLACE") },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source, N_("The news agency in the dateline"), N_("SOURCE") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &category, N_("The category"), N_("CATEGORY") },
    { "tag", 0, 0, G_OPTION_ARG_STRING_ARRAY, &tags, N_("A tag (repeat for more)"), N_("TAG") },
    { "body-file", 0, 0, G_OPTION_ARG_FILENAME, &body_file, N_("Read the body (Markdown) from FILE, or “-” for the standard input"), N_("FILE") },
    { NULL }
  };

  g_option_context_set_summary (options, _("Create an article in the library and print its ID."));
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!dl_cli_parse_options (options, &argc, &argv))
    return DL_CLI_EXIT_USAGE;
  if (argc > 1)
    return dl_cli_usage_error (argv[0], _("“new” takes no arguments; give the fields as options."));
  if (headline == NULL || *g_strstrip (headline) == '\0')
    return dl_cli_usage_error (argv[0], _("A headline is required (--headline)."));

  article = dl_article_new ();
  dl_article_set_headline (article, headline);
  if (standfirst != NULL)
    dl_article_set_standfirst (article, standfirst);
  if (place != NULL)
    dl_article_set_place (article, place);
  if (source != NULL)
    dl_article_set_source (article, source);
  if (category != NULL)
    dl_article_set_category (article, category);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    dl_article_add_tag (article, tags[i]);

  if (body_file != NULL)
    {
      g_autofree char *body = NULL;
      gsize length = 0;

      if (g_strcmp0 (body_file, "-") == 0)
        {
          g_autoptr(GInputStream) in = g_unix_input_stream_new (0, FALSE);
          g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

          if (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error) < 0)
            {
              dl_cli_print_error (error->message);
              return EXIT_FAILURE;
            }
          length = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out));
          body = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)), length);
        }
      else if (!g_file_get_contents (body_file, &body, &length, &error))
        {
          dl_cli_print_error (error->message);
          return EXIT_FAILURE;
        }
      if (!g_utf8_validate (body, length, NULL) || strlen (body) != length)
        {
          g_autofree char *message = g_strdup_printf (_("The body file “%s” is not UTF-8 text."), body_file);
          dl_cli_print_error (message);
          return EXIT_FAILURE;
        }
      dl_article_set_body (article, body);
    }

  store = dl_cli_open_store (context, FALSE, &error);
  if (store == NULL || !dl_store_save_article_sync (store, article, NULL, &error))
    {
      dl_cli_print_error (error->message);
      return EXIT_FAILURE;
    }
  g_print ("%s\n", dl_article_get_uuid (article));
  return EXIT_SUCCESS;
}

/* ------------------------------------------------------------------ */
/* import                                                              */

static int
cmd_import (DlContext  *context,
            int         argc,
            char      **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (_("FILE…"));
  DlStore *store = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_SUCCESS;

  g_option_context_set_summary (options,
                                _("Import .dateline files or IPTC ninjs 2.x documents into the library and print their IDs. An article whose ID is already in the library is imported as a copy with a new ID."));
  if (!dl_cli_parse_options (options, &argc, &argv))
    return DL_CLI_EXIT_USAGE;
  if (argc < 2)
    return dl_cli_usage_error (argv[0], _("“import” needs at least one file."));

  store = dl_cli_open_store (context, FALSE, &error);
  if (store == NULL)
    {
      dl_cli_print_error (error->message);
      return EXIT_FAILURE;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_auto(GStrv) warnings = NULL;
      g_autoptr(DlArticle) article = dl_store_import_file_sync (store, file, &warnings, NULL, &error);

      if (article == NULL)
        {
          dl_cli_print_error (error->message);
          g_clear_error (&error);
          status = EXIT_FAILURE;
          continue;
        }
      /* Imported, but not everything: say what was left out. */
      for (guint w = 0; warnings != NULL && warnings[w] != NULL; w++)
        {
          g_autofree char *name = dl_cli_escape (argv[i]);
          g_autofree char *warning = dl_cli_escape (warnings[w]);

          /* Translators: %s is an imported file as typed, "story.json"; the second %s is
           * what was left out, such as "“subjects” is not a list, so it was left out." */
          g_printerr (_("Warning: %s: %s\n"), name, warning);
        }
      g_print ("%s\n", dl_article_get_uuid (article));
    }
  return status;
}

/* ------------------------------------------------------------------ */
/* export                                                              */

static int
cmd_export (DlContext  *context,
            int         argc,
            char      **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (_("ID"));
  g_autoptr(GError) error = NULL;
  g_autoptr(DlArticle) article = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *names = dl_export_format_dup_names ();
  g_autofree char *description = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format (default: dateline, the article file; “json” is another name for it)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of the standard output"), N_("FILE") },
    { NULL }
  };

  /* Translators: %s is a list of format names, "html, markdown, …" */
  description = g_strdup_printf (_("Formats: %s"), names);
  g_option_context_set_summary (options, _("Export an article. ID is its UUID or the start of it."));
  g_option_context_set_description (options, description);
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!dl_cli_parse_options (options, &argc, &argv))
    return DL_CLI_EXIT_USAGE;
  if (argc != 2)
    return dl_cli_usage_error (argv[0], _("“export” needs exactly one article ID."));
  if (format == NULL)
    format = g_strdup ("dateline");
  if (dl_export_format_lookup (format) == NULL)
    {
      /* Translators: %s is the format as typed, such as "pdf"; the second %s is the
       * list of formats, "Formats: html, markdown, …" */
      g_autofree char *message = g_strdup_printf (_("Unknown format “%s”. %s"), format, description);
      return dl_cli_usage_error (argv[0], message);
    }

  article = dl_cli_open_article_arg (context, argv[1]);
  if (article == NULL)
    return EXIT_FAILURE;

  status = dl_cli_export_article (article, dl_context_get_house_style (context), format,
                                  output != NULL ? output : "-", &error);
  if (status == DL_CLI_EXIT_USAGE)
    return dl_cli_usage_error (argv[0], error->message);
  if (status != EXIT_SUCCESS)
    dl_cli_print_error (error->message);
  return status;
}

/* ------------------------------------------------------------------ */
/* render                                                              */

static int
cmd_render (DlContext  *context,
            int         argc,
            char      **argv)
{
  g_autoptr(DlArticle) article = NULL;
  g_autofree char **rest = NULL;

  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("%s\n", _("Usage: dateline-cli render ID [-o FILE] [--dark] [--template DIR]"));
      g_print ("%s\n", _("Render an article as the HTML page readers will see. Without -o the page goes to the standard output."));
      return EXIT_SUCCESS;
    }
  if (argc < 2 || argv[1][0] == '-')
    return dl_cli_usage_error (argv[0], _("“render” needs an article ID first."));

  article = dl_cli_open_article_arg (context, argv[1]);
  if (article == NULL)
    return EXIT_FAILURE;

  /* The renderer's own options follow the ID. */
  rest = g_new0 (char *, argc);
  rest[0] = argv[0];
  for (int i = 2; i < argc; i++)
    rest[i - 1] = argv[i];
  return dl_cli_render_article (article, dl_context_get_house_style (context), argc - 1, rest);
}

/* ------------------------------------------------------------------ */
/* validate                                                            */

static int
cmd_validate (DlContext  *context,
              int         argc,
              char      **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (_("FILE…"));
  int status = EXIT_SUCCESS;

  g_option_context_set_summary (options, _("Check that files are valid Dateline articles."));
  if (!dl_cli_parse_options (options, &argc, &argv))
    return DL_CLI_EXIT_USAGE;
  if (argc < 2)
    return dl_cli_usage_error (argv[0], _("“validate” needs at least one file."));

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(DlArticle) article = dl_article_new_from_file (file, NULL, &error);
      g_autofree char *name = dl_cli_escape (argv[i]);

      if (article == NULL)
        {
          g_autofree char *message = dl_cli_escape (error->message);

          /* Translators: %s is a file as typed, "story.dateline"; the second %s is why it
           * is not a valid article */
          g_printerr (_("%s: invalid: %s\n"), name, message);
          status = EXIT_FAILURE;
        }
      else if (dl_article_is_read_only (article))
        {
          g_autofree char *reason = dl_cli_escape (dl_article_get_read_only_reason (article));

          /* Translators: a file name, then why the article is read-only */
          g_print (_("%s: valid, read-only: %s\n"), name, reason);
        }
      else
        /* Translators: %s is a file as typed, "story.dateline" */
        g_print (_("%s: valid\n"), name);
    }
  return status;
}

/* ------------------------------------------------------------------ */
/* Dispatch                                                            */

static const struct
{
  const char *name;
  int       (*run) (DlContext *context, int argc, char **argv);
  const char *summary;
} commands[] = {
  { "list", cmd_list, N_("List the articles in the library") },
  { "show", cmd_show, N_("Show an article") },
  { "new", cmd_new, N_("Create an article") },
  { "set", dl_cli_set_main, N_("Change fields of an article: status, embargo, schedule, …") },
  { "trash", dl_cli_trash_main, N_("Move an article to the trash") },
  { "restore", dl_cli_restore_main, N_("Bring an article back from the trash") },
  { "revisions", dl_cli_revisions_main, N_("List an article’s revisions, or show what changed since one") },
  { "revert", dl_cli_revert_main, N_("Bring back an earlier revision of an article") },
  { "import", cmd_import, N_("Import .dateline files into the library") },
  { "export", cmd_export, N_("Export an article") },
  { "validate", cmd_validate, N_("Check .dateline files") },
  { "render", cmd_render, N_("Render an article as an HTML page") },
  { "dateline", dl_cli_dateline_main, N_("Compose a dateline in a house style") },
  { "sites", dl_cli_sites_main, N_("List, add or remove the sites articles are published to") },
  { "publish", dl_cli_publish_main, N_("Publish an article to a site") },
  { "posts", dl_cli_posts_main, N_("List a site’s recent posts") },
  { "pull", dl_cli_pull_main, N_("Open a post from a site as an article") },
};

static char *
describe_commands (void)
{
  GString *text = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "\n  %-10s %s", commands[i].name, _(commands[i].summary));
  g_string_append_printf (text, "\n\n");
  /* Translators: %s is the program, "dateline-cli"; COMMAND stands for a
   * command's name, such as "list" */
  g_string_append_printf (text, _("Run “%s COMMAND --help” for the options of a command."), PROGRAM);
  return g_string_free (text, FALSE);
}

/**
 * dl_cli_main:
 * @argv: the program's arguments: global options, a command, its own
 *
 * Runs `dateline-cli`; the caller has set up the locale and gettext.
 *
 * Returns: the exit status: 0 success, 1 failure, 2 bad usage
 */
int
dl_cli_main (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *library_dir = NULL;
  gboolean version = FALSE;
  const GOptionEntry entries[] = {
    { "library", 'L', 0, G_OPTION_ARG_FILENAME, &library_dir,
      N_("Use the library in DIR (default: $XDG_DATA_HOME/dateline)"), N_("DIR") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version"), NULL },
    { NULL }
  };

  g_set_prgname (PROGRAM);

  options = g_option_context_new (_("COMMAND [ARGUMENT…]"));
  description = describe_commands ();
  g_option_context_set_summary (options, _("Work with the Dateline article library."));
  g_option_context_set_description (options, description);
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  /* Stop at the command: what follows belongs to it. */
  g_option_context_set_strict_posix (options, TRUE);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      dl_cli_print_error (error->message);
      /* Translators: %s is the program, "dateline-cli" */
      g_printerr (_("Run “%s --help” for usage.\n"), PROGRAM);
      return DL_CLI_EXIT_USAGE;
    }

  if (version)
    {
      g_print ("%s %s\n", g_get_prgname (), PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }
  if (argc < 2)
    {
      dl_cli_print_error (_("No command given."));
      g_printerr ("%s\n", description);
      return DL_CLI_EXIT_USAGE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_strcmp0 (argv[1], commands[i].name) == 0)
        {
          g_autofree char *prgname = g_strdup_printf ("%s %s", PROGRAM, commands[i].name);
          g_autoptr(GFile) dir = library_dir != NULL ? g_file_new_for_commandline_arg (library_dir) : NULL;
          g_autoptr(DlContext) context = dl_context_new_for_library (dir);

          int status;

          /* GOptionContext prints "Usage: <prgname> ..." in --help. */
          g_set_prgname (prgname);
          status = commands[i].run (context, argc - 1, argv + 1);
          /* Let go of the keyring's D-Bus connection before exit, with what
           * is still arriving on it. */
          dl_site_secrets_shutdown ();
          return status;
        }
    }

  {
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”."), argv[1]);
    dl_cli_print_error (message);
    g_printerr ("%s\n", description);
  }
  return DL_CLI_EXIT_USAGE;
}
