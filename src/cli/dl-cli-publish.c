/* dl-cli-publish.c: `dateline-cli publish`, `posts`, `pull`
 *
 * `publish` goes through the same outbox as the application: the job file
 * is the journal that keeps a retried publish from making a second post.
 * A publish that fails stays in the outbox; running the command again
 * (or starting Dateline) sends it, updating the post it may have made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dateline-cli"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "dl-cli-command.h"
#include "dl-cli-output.h"
#include "dl-date-entry.h"
#include "dl-publish-checklist.h"
#include "dl-publish-error.h"
#include "dl-site-terms.h"
#include "dl-util.h"

/* EX_TEMPFAIL: the site could not be reached; trying later may work. */
#define DL_CLI_EXIT_TEMPORARY 75

static DlSite *
choose_site (DlContext  *context,
             const char *name)
{
  DlSiteList *sites = dl_context_get_sites (context);
  DlSite *site = name != NULL ? dl_site_list_lookup (sites, name) : dl_site_list_get_default (sites);

  if (site == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("There is no site “%s”. “dateline-cli sites” lists them."), name);
      dl_cli_print_error (message);
    }
  return site;
}

/* Prints the checklist; whether it lets the publish go. */
static gboolean
run_checklist (DlContext     *context,
               DlSite        *site,
               DlArticle     *article,
               DlRemoteStatus status,
               gboolean       force)
{
  g_auto(GStrv) categories = NULL;
  g_auto(GStrv) tags = NULL;
  DlChecklistContext checks = { 0, };
  g_autoptr(GPtrArray) items = NULL;
  gboolean blocked;

  if (dl_site_terms_load (dl_context_get_sites (context), site, &categories, &tags))
    checks.site_categories = (const char * const *) categories;
  checks.severities = dl_site_get_checklist (site);
  checks.headline_max_chars = dl_site_get_headline_max (site);
  checks.scheduling = status == DL_REMOTE_STATUS_FUTURE;
  items = dl_publish_checklist_run (article, &checks);
  blocked = dl_publish_checklist_blocks (items);
  for (guint i = 0; i < items->len; i++)
    {
      DlCheckItem *item = g_ptr_array_index (items, i);

      /* Translators: a checklist line: "error: The story has no headline. (headline)" */
      g_printerr (_("%s: %s (%s)\n"), item->severity == DL_CHECK_ERROR ? _("error") : _("warning"),
                  item->message, item->rule);
    }
  if (blocked)
    return FALSE;
  if (items->len > 0 && !force)
    {
      dl_cli_print_error (_("The checklist has warnings: fix them, or publish anyway with --force."));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  GMainLoop   *loop;
  DlOutboxJob *job;
  gboolean     finished;
} WaitData;

static void
on_job_changed (DlOutbox    *outbox,
                DlOutboxJob *job,
                WaitData    *wait)
{
  DlOutboxJobState state;
  guint position;

  if (job != wait->job)
    return;
  state = dl_outbox_job_get_state (job);
  /* Done means out of the list: the record is in the article. */
  if ((state == DL_OUTBOX_JOB_DONE && !g_list_store_find (G_LIST_STORE (dl_outbox_get_jobs (outbox)), job, &position))
      || state == DL_OUTBOX_JOB_FAILED || state == DL_OUTBOX_JOB_WAITING)
    {
      wait->finished = TRUE;
      g_main_loop_quit (wait->loop);
    }
}

/**
 * dl_cli_publish_main:
 *
 * `publish ID [--site NAME] [--status S] [--at DATE-TIME] [--force] [--overwrite]`
 */
int
dl_cli_publish_main (DlContext  *context,
                     int         argc,
                     char      **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (_("ID"));
  g_autofree char *site_name = NULL;
  g_autofree char *status_text = NULL;
  g_autofree char *at_text = NULL;
  gboolean force = FALSE;
  gboolean overwrite = FALSE;
  g_autoptr(DlArticle) article = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  DlRemoteStatus status = DL_REMOTE_STATUS_PUBLISH;
  DlOutbox *outbox;
  DlOutboxJob *job;
  DlPublishResult *result;
  DlSite *site;
  WaitData wait = { 0, };
  gulong handler;
  const GOptionEntry entries[] = {
    { "site", 0, 0, G_OPTION_ARG_STRING, &site_name, N_("The site (default: the default site)"), N_("NAME") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text, N_("draft, pending, publish (the default) or future"), N_("STATUS") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at_text, N_("When it goes live (with --status future)"), N_("DATE-TIME") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Publish despite the checklist’s warnings"), NULL },
    { "overwrite", 0, 0, G_OPTION_ARG_NONE, &overwrite, N_("Replace changes made to the post on the site"), NULL },
    { NULL }
  };

  g_option_context_set_summary (options,
                                _("Publish an article to a site and print the post’s id and address. An embargo that still holds is sent as a schedule."));
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!dl_cli_parse_options (options, &argc, &argv))
    return DL_CLI_EXIT_USAGE;
  if (argc != 2)
    return dl_cli_usage_error (argv[0], _("“publish” needs exactly one article ID."));
  if (status_text != NULL && !dl_remote_status_from_string (status_text, &status))
    {
      /* Translators: %s is what was typed after --status; draft, pending, publish and
       * future are WordPress's own values: keep them untranslated */
      g_autofree char *message = g_strdup_printf (_("Unknown status “%s”: use draft, pending, publish or future."),
                                                  status_text);
      return dl_cli_usage_error (argv[0], message);
    }
  if (at_text != NULL)
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_local ();

      at = dl_date_entry_parse (at_text, zone, dl_date_entry_locale_order (), 0, &error);
      if (at == NULL)
        return dl_cli_usage_error (argv[0], error->message);
    }
  if (status == DL_REMOTE_STATUS_FUTURE && at == NULL)
    return dl_cli_usage_error (argv[0], _("--status future needs --at DATE-TIME."));

  site = choose_site (context, site_name);
  if (site == NULL)
    return EXIT_FAILURE;
  article = dl_cli_open_article_arg (context, argv[1]);
  if (article == NULL)
    return EXIT_FAILURE;
  if (!run_checklist (context, site, article, status, force))
    return EXIT_FAILURE;

  outbox = dl_context_get_outbox (context);
  dl_outbox_set_auto_retry (outbox, FALSE);
  if (!dl_outbox_load_sync (outbox, &error))
    g_debug ("Outbox: %s", error->message);
  g_clear_error (&error);

  loop = g_main_loop_new (NULL, FALSE);
  wait.loop = loop;
  handler = g_signal_connect (outbox, "job-changed", G_CALLBACK (on_job_changed), &wait);
  job = dl_outbox_add (outbox, article, site, status, at, overwrite, &error);
  if (job == NULL)
    {
      g_signal_handler_disconnect (outbox, handler);
      dl_cli_print_error (error->message);
      return EXIT_FAILURE;
    }
  wait.job = g_object_ref (job);
  if (!wait.finished)
    g_main_loop_run (loop);
  g_signal_handler_disconnect (outbox, handler);

  result = dl_outbox_job_get_result (wait.job);
  if (dl_outbox_job_get_state (wait.job) != DL_OUTBOX_JOB_DONE || result == NULL)
    {
      const GError *job_error = dl_outbox_job_get_error (wait.job);
      gboolean transient = dl_publish_error_is_transient (job_error);

      dl_cli_print_error (job_error != NULL ? job_error->message : _("The publish did not finish."));
      g_printerr ("%s\n", _("The publish stays in the outbox: run the same command again to send it."));
      g_object_unref (wait.job);
      return transient ? DL_CLI_EXIT_TEMPORARY : EXIT_FAILURE;
    }
  g_print ("%s %s %s\n", result->publication->remote_id, dl_remote_status_to_string (result->status),
           result->publication->url != NULL ? result->publication->url : "");
  g_object_unref (wait.job);
  return EXIT_SUCCESS;
}

/**
 * dl_cli_posts_main:
 *
 * `posts [--site NAME] [--json]`
 */
int
dl_cli_posts_main (DlContext  *context,
                   int         argc,
                   char      **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  g_autofree char *site_name = NULL;
  gboolean json = FALSE;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(DlPublisher) publisher = NULL;
  DlSite *site;
  const GOptionEntry entries[] = {
    { "site", 0, 0, G_OPTION_ARG_STRING, &site_name, N_("The site (default: the default site)"), N_("NAME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    { NULL }
  };

  g_option_context_set_summary (options, _("List a site’s recent posts and drafts, most recently changed first."));
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!dl_cli_parse_options (options, &argc, &argv))
    return DL_CLI_EXIT_USAGE;
  if (argc != 1)
    return dl_cli_usage_error (argv[0], _("“posts” takes no arguments."));
  site = choose_site (context, site_name);
  if (site == NULL)
    return EXIT_FAILURE;
  publisher = dl_publisher_new_for_site (site);
  posts = dl_publisher_list_posts_sync (publisher, NULL, &error);
  if (posts == NULL)
    {
      dl_cli_print_error (error->message);
      return dl_publish_error_is_transient (error) ? DL_CLI_EXIT_TEMPORARY : EXIT_FAILURE;
    }
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < posts->len; i++)
        {
          DlRemotePost *post = g_ptr_array_index (posts, i);
          g_autofree char *modified = dl_date_time_to_iso8601 (post->modified);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, post->id);
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, post->title ?: "");
          json_builder_set_member_name (builder, "status");
          json_builder_add_string_value (builder, post->status ?: "");
          json_builder_set_member_name (builder, "link");
          json_builder_add_string_value (builder, post->link ?: "");
          json_builder_set_member_name (builder, "modified");
          json_builder_add_string_value (builder, modified ?: "");
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      dl_cli_print_json (builder);
      return EXIT_SUCCESS;
    }
  for (guint i = 0; i < posts->len; i++)
    {
      DlRemotePost *post = g_ptr_array_index (posts, i);
      g_autofree char *modified = dl_cli_format_date (post->modified);
      g_autofree char *title = dl_cli_escape (post->title ?: "");

      g_print ("%-8s %-8s %-16s  %s\n", post->id, post->status ?: "", modified, title);
    }
  return EXIT_SUCCESS;
}

/**
 * dl_cli_pull_main:
 *
 * `pull [--site NAME] POST_ID`: the post as a new local article (or, when
 * the article it came from is in the library, a new copy of it).
 */
int
dl_cli_pull_main (DlContext  *context,
                  int         argc,
                  char      **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (_("POST_ID"));
  g_autofree char *site_name = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DlPublisher) publisher = NULL;
  g_autoptr(DlArticle) article = NULL;
  DlStore *store;
  DlSite *site;
  const GOptionEntry entries[] = {
    { "site", 0, 0, G_OPTION_ARG_STRING, &site_name, N_("The site (default: the default site)"), N_("NAME") },
    { NULL }
  };

  g_option_context_set_summary (options,
                                _("Open a post from a site as an article in the library, to edit and publish again. Prints the article’s ID."));
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!dl_cli_parse_options (options, &argc, &argv))
    return DL_CLI_EXIT_USAGE;
  if (argc != 2)
    return dl_cli_usage_error (argv[0], _("“pull” needs exactly one post ID."));
  site = choose_site (context, site_name);
  if (site == NULL)
    return EXIT_FAILURE;
  publisher = dl_publisher_new_for_site (site);
  article = dl_publisher_pull_sync (publisher, argv[1], NULL, &error);
  store = article != NULL ? dl_cli_open_store (context, TRUE, &error) : NULL;
  if (store != NULL && dl_store_find_summary (store, dl_article_get_uuid (article)) != NULL)
    {
      /* The library has the article already: a copy, never an overwrite. */
      g_autofree char *uuid = g_uuid_string_random ();
      g_autoptr(DlArticle) copy = dl_article_copy_with_uuid (article, uuid);

      g_set_object (&article, copy);
    }
  if (store == NULL || !dl_store_save_article_sync (store, article, NULL, &error))
    {
      dl_cli_print_error (error->message);
      return EXIT_FAILURE;
    }
  g_print ("%s\n", dl_article_get_uuid (article));
  return EXIT_SUCCESS;
}
