/* dl-cli-set.c: `dateline-cli set ID --status ready --embargo …`
 *
 * Edits an article's fields for automation (a wire ingest script, a
 * desk's cron job). Every value is checked before anything is written:
 * one bad option changes nothing. The status a person may set is Draft
 * or Ready; Scheduled, Published and Changed belong to publishing
 * (docs/DECISIONS.md).
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
#include "dl-dateline.h"
#include "dl-release-times.h"

/* "none" (or an empty value) clears the date; *clear says so. */
static gboolean
parse_release_time (const char  *option,
                    const char  *text,
                    GTimeZone   *zone,
                    GDateTime  **date_time,
                    gboolean    *clear,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  *clear = FALSE;
  if (text == NULL)
    return TRUE;
  if (*text == '\0' || g_ascii_strcasecmp (text, "none") == 0)
    {
      *clear = TRUE;
      return TRUE;
    }
  *date_time = dl_date_entry_parse (text, zone, dl_date_entry_locale_order (), 0, &local_error);
  if (*date_time == NULL)
    {
      /* Translators: the option (--embargo), then what is wrong */
      g_set_error (error, local_error->domain, local_error->code, _("%s: %s"), option, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * dl_cli_set_main:
 *
 * `dateline-cli set ID [--status S] [--embargo DATE|none]
 * [--schedule DATE|none] [--tz ZONE] [--category C] [--tag T]…
 * [--place P] [--headline H]`
 */
int
dl_cli_set_main (DlContext  *context,
                 int         argc,
                 char      **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (_("ID"));
  g_autoptr(GError) error = NULL;
  g_autoptr(DlArticle) article = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) embargo = NULL;
  g_autoptr(GDateTime) schedule = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *status_text = NULL;
  g_autofree char *embargo_text = NULL;
  g_autofree char *schedule_text = NULL;
  g_autofree char *zone_text = NULL;
  g_autofree char *category = NULL;
  g_autofree char *place = NULL;
  g_autofree char *headline = NULL;
  g_auto(GStrv) tags = NULL;
  g_autofree char *warning = NULL;
  DlArticleStatus status = DL_ARTICLE_STATUS_DRAFT;
  gboolean clear_embargo, clear_schedule;
  GDateTime *new_embargo, *new_schedule;
  DlStore *store;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text, N_("The status: draft or ready"), N_("STATUS") },
    { "embargo", 0, 0, G_OPTION_ARG_STRING, &embargo_text, N_("Not to be published before DATE (“none” removes it)"), N_("DATE") },
    { "schedule", 0, 0, G_OPTION_ARG_STRING, &schedule_text, N_("Publish at DATE (“none” removes it)"), N_("DATE") },
    { "tz", 0, 0, G_OPTION_ARG_STRING, &zone_text, N_("The time zone of dates written without an offset (default: the local one)"), N_("ZONE") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &category, N_("The category"), N_("CATEGORY") },
    { "tag", 0, 0, G_OPTION_ARG_STRING_ARRAY, &tags, N_("Add a tag (repeat for more)"), N_("TAG") },
    { "place", 0, 0, G_OPTION_ARG_STRING, &place, N_("Where the story was filed, for the dateline"), N_("PLACE") },
    { "headline", 0, 0, G_OPTION_ARG_STRING, &headline, N_("The headline"), N_("TEXT") },
    { NULL }
  };

  g_option_context_set_summary (options,
                                _("Change fields of an article. ID is its UUID or the start of it. Dates are written as 2025-05-08 10:06, 08.05.2025 10:06 or in ISO 8601 with an offset."));
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!dl_cli_parse_options (options, &argc, &argv))
    return DL_CLI_EXIT_USAGE;
  if (argc != 2)
    return dl_cli_usage_error (argv[0], _("“set” needs exactly one article ID."));

  /* Every value is checked before the article is touched. */
  if (status_text != NULL)
    {
      if (!dl_article_status_from_string (status_text, &status))
        {
          /* Translators: %s is what was typed after --status; draft and ready are the
           * values it takes: keep them untranslated */
          g_autofree char *message = g_strdup_printf (_("Unknown status “%s”: use draft or ready."), status_text);
          return dl_cli_usage_error (argv[0], message);
        }
      if (status != DL_ARTICLE_STATUS_DRAFT && status != DL_ARTICLE_STATUS_READY)
        {
          g_autofree char *message =
            /* Translators: %s is the status as typed, such as "published"; draft and ready
             * are values of --status: keep them untranslated */
            g_strdup_printf (_("The status “%s” is set by publishing, not by hand: use draft or ready."), status_text);
          return dl_cli_usage_error (argv[0], message);
        }
    }
  if (zone_text != NULL)
    {
      zone = dl_dateline_time_zone_new (zone_text, &error);
      if (zone == NULL)
        return dl_cli_usage_error (argv[0], error->message);
    }
  else
    zone = g_time_zone_new_local ();
  if (!parse_release_time ("--embargo", embargo_text, zone, &embargo, &clear_embargo, &error)
      || !parse_release_time ("--schedule", schedule_text, zone, &schedule, &clear_schedule, &error))
    return dl_cli_usage_error (argv[0], error->message);
  if (headline != NULL && *g_strstrip (headline) == '\0')
    return dl_cli_usage_error (argv[0], _("The headline cannot be empty."));
  if (status_text == NULL && embargo_text == NULL && schedule_text == NULL && category == NULL
      && tags == NULL && place == NULL && headline == NULL)
    return dl_cli_usage_error (argv[0], _("Nothing to change: give at least one field, such as --status ready."));

  article = dl_cli_open_article_arg (context, argv[1]);
  if (article == NULL)
    return EXIT_FAILURE;

  /* Refused like the editor refuses: a schedule before the embargo. */
  new_embargo = clear_embargo ? NULL : embargo != NULL ? embargo : dl_article_get_embargo (article);
  new_schedule = clear_schedule ? NULL : schedule != NULL ? schedule : dl_article_get_schedule (article);
  if (dl_release_check_schedule (new_embargo, new_schedule, now, &warning) == DL_RELEASE_CONFLICT)
    {
      dl_cli_print_error (warning);
      return EXIT_FAILURE;
    }
  g_clear_pointer (&warning, g_free);

  if (embargo_text != NULL)
    dl_article_set_embargo (article, new_embargo);
  if (schedule_text != NULL)
    dl_article_set_schedule (article, new_schedule);
  if (category != NULL)
    dl_article_set_category (article, g_strstrip (category));
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    dl_article_add_tag (article, tags[i]);
  if (place != NULL)
    dl_article_set_place (article, g_strstrip (place));
  if (headline != NULL)
    dl_article_set_headline (article, headline);
  /* Last, so that a status given here wins over "Changed since
   * publishing", which the edits above set on a published article. */
  if (status_text != NULL)
    dl_article_set_status (article, status);

  store = dl_context_get_store (context);
  /* An explicit save, like Ctrl+S: kept as a revision too. */
  if (!dl_store_save_article_sync (store, article, NULL, &error)
      || !dl_store_add_revision_sync (store, article, DL_REVISION_CAUSE_SAVE, NULL, &error))
    {
      dl_cli_print_error (error->message);
      return EXIT_FAILURE;
    }

  /* What a journalist should know, not an error: an embargo that has
   * already lifted, a schedule in the past. */
  if (embargo_text != NULL && dl_release_check_embargo (new_embargo, new_schedule, now, &warning) == DL_RELEASE_NOTE
      && !dl_release_is_embargoed (new_embargo, now))
    {
      g_autofree char *safe = dl_cli_escape (warning);
      g_printerr (_("Note: %s\n"), safe);
    }
  g_clear_pointer (&warning, g_free);
  if (schedule_text != NULL && new_schedule != NULL && g_date_time_compare (new_schedule, now) <= 0
      && dl_release_check_schedule (new_embargo, new_schedule, now, &warning) == DL_RELEASE_NOTE)
    {
      g_autofree char *safe = dl_cli_escape (warning);
      g_printerr (_("Note: %s\n"), safe);
    }
  return EXIT_SUCCESS;
}
