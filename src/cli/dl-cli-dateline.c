/* dl-cli-dateline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-cli-dateline.h"
#include "dl-cli-output.h"
#include "dl-credit-lines.h"
#include "dl-dateline.h"

/* Exit statuses, as documented in docs/DATELINES.md. */
enum {
  EXIT_OK = 0,
  EXIT_BAD_INPUT = 1,
  EXIT_USAGE = 2,
};

/* GLib wants seconds; newsroom times rarely have them ("10:06+03:00"). */
static char *
normalize_iso8601 (const char *text)
{
  GString *out = g_string_new (text);
  char *t;

  g_strstrip (out->str);
  g_string_set_size (out, strlen (out->str));
  t = strpbrk (out->str, "T ");
  if (t != NULL)
    {
      *t = 'T';
      if (g_ascii_isdigit (t[1]) && g_ascii_isdigit (t[2]) && t[3] == ':'
          && g_ascii_isdigit (t[4]) && g_ascii_isdigit (t[5]) && t[6] != ':')
        g_string_insert (out, t + 6 - out->str, ":00");
    }
  return g_string_free (out, FALSE);
}

static GDateTime *
parse_date (const char *raw_text,
            const char *time_zone,
            GError    **error)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autofree char *text = normalize_iso8601 (raw_text);
  GDateTime *date;

  /* A date without an offset is read in --tz, else in the local zone. */
  if (time_zone != NULL && *time_zone != '\0')
    tz = dl_dateline_time_zone_new (time_zone, NULL);
  if (tz == NULL)
    tz = g_time_zone_new_local ();

  date = g_date_time_new_from_iso8601 (text, tz);
  if (date == NULL)
    {
      /* Allow a bare day too: 2025-05-08 */
      g_autofree char *noon = g_strconcat (text, "T12:00:00", NULL);
      date = g_date_time_new_from_iso8601 (noon, tz);
    }
  if (date == NULL)
    g_set_error (error, DL_DATELINE_ERROR, DL_DATELINE_ERROR_BAD_DATE,
                 /* Translators: %s is the date as typed after --date; keep the example date as it
                  * is: it shows the form the option takes */
                 _("“%s” is not a date; write it as 2025-05-08T10:06+03:00."), raw_text);
  return date;
}

/**
 * dl_cli_dateline_main:
 * @argv: the command's arguments, starting with the command name
 *   ("dateline"), like a main() after the dispatcher removed the program
 *
 * `dateline-cli dateline --place Minsk [--style belta] [--date ISO8601]
 * [--source BelTA] [--lang en] [--tz Europe/Minsk] [--region R]
 * [--country C] [--pattern P]`: prints the dateline on stdout. The style,
 * pattern and source default to the context's house style (the
 * Preferences, when the schema is installed). Bad input is reported on
 * stderr.
 *
 * Returns: 0 on success, 1 on bad input, 2 on a usage error
 */
int
dl_cli_dateline_main (DlContext  *context,
                      int         argc,
                      char      **argv)
{
  DlHouseStyle *house_style = dl_context_get_house_style (context);
  g_autofree char *style = NULL;
  g_autofree char *place = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *source = NULL;
  g_autofree char *language = NULL;
  g_autofree char *time_zone = NULL;
  g_autofree char *region = NULL;
  g_autofree char *country = NULL;
  g_autofree char *pattern = NULL;
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *styles_help = NULL;
  g_auto(GStrv) args = NULL;
  DlDatelineFields fields = { 0 };
  GOptionEntry entries[] = {
    { "style", 's', 0, G_OPTION_ARG_STRING, &style, N_("Dateline style"), N_("STYLE") },
    { "place", 'p', 0, G_OPTION_ARG_STRING, &place, N_("City or place (required)"), N_("PLACE") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date_text, N_("Date and time, ISO 8601 (default: now)"), N_("DATE") },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source, N_("Agency or outlet"), N_("SOURCE") },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &language, N_("Language of the article, BCP 47 (default: en)"), N_("LANG") },
    { "tz", 0, 0, G_OPTION_ARG_STRING, &time_zone, N_("Time zone of the place, IANA identifier"), N_("ZONE") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &region, N_("Region or state"), N_("REGION") },
    { "country", 0, 0, G_OPTION_ARG_STRING, &country, N_("Country"), N_("COUNTRY") },
    { "pattern", 0, 0, G_OPTION_ARG_STRING, &pattern, N_("Pattern of the custom style"), N_("PATTERN") },
    { NULL }
  };

  g_return_val_if_fail (argc >= 1 && argv != NULL, EXIT_USAGE);

  styles_help = g_strjoinv (", ", (char **) dl_dateline_style_list ());
  options = g_option_context_new (NULL);
  g_option_context_set_summary (options, _("Print the dateline of a place and date in a house style."));
  {
    /* Translators: %s lists the style identifiers, "belta, reuters, ap, afp, ru-agency,
     * xinhua, custom" (not translated) */
    g_autofree char *description = g_strdup_printf (_("Styles: %s."), styles_help);
    g_option_context_set_description (options, description);
  }
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (options, GETTEXT_PACKAGE);

  /* GOptionContext edits the vector; work on a copy of the caller's. */
  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  if (!g_option_context_parse_strv (options, &args, &error))
    {
      dl_cli_print_error (error->message);
      return EXIT_USAGE;
    }
  if (g_strv_length (args) > 1)
    {
      g_autofree char *safe = dl_cli_escape (args[1]);

      /* Translators: %s is the command, "dateline"; the second %s is the extra
       * argument as typed */
      g_printerr (_("%s: unexpected argument “%s”\n"), argv[0], safe);
      return EXIT_USAGE;
    }

  /* The house style from the Preferences, unless an option says otherwise. */
  if (style == NULL)
    style = g_strdup (dl_house_style_get_dateline_style (house_style));
  if (source == NULL)
    source = g_strdup (dl_house_style_get_source (house_style));
  if (pattern == NULL)
    pattern = g_strdup (dl_house_style_get_custom_pattern (house_style));
  else if (g_strcmp0 (style, DL_DATELINE_STYLE_CUSTOM) != 0)
    {
      /* --pattern alone means "use this pattern" */
      g_free (style);
      style = g_strdup (DL_DATELINE_STYLE_CUSTOM);
    }

  if (date_text != NULL)
    {
      date = parse_date (date_text, time_zone, &error);
      if (date == NULL)
        {
          dl_cli_print_error (error->message);
          return EXIT_BAD_INPUT;
        }
    }
  else
    date = g_date_time_new_now_utc ();

  fields.place = place;
  fields.region = region;
  fields.country = country;
  fields.date = date;
  fields.time_zone = time_zone;
  fields.source = source;
  fields.language = language != NULL ? language : "en";

  text = dl_dateline_format (&fields, style, pattern, &error);
  if (text == NULL)
    {
      dl_cli_print_error (error->message);
      return EXIT_BAD_INPUT;
    }
  {
    g_autofree char *safe = dl_cli_escape (text);

    g_print ("%s\n", safe);
  }
  return EXIT_OK;
}

/**
 * dl_cli_format_article_dateline_and_credits:
 *
 * The dateline and credits part of `dateline-cli show ID`: a
 * "Dateline:" line, then "Credits:" with one indented line per role,
 * then a "Note:" line for every substitution (unknown language, bad
 * time zone or pattern).
 *
 * Returns: (transfer full): text ending in a newline
 */
char *
dl_cli_format_article_dateline_and_credits (DlArticle    *article,
                                            DlHouseStyle *house_style)
{
  g_autoptr(GError) dateline_reason = NULL;
  g_autoptr(GError) credits_reason = NULL;
  g_autofree char *dateline = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  GString *out;

  g_return_val_if_fail (DL_IS_ARTICLE (article), NULL);

  dateline = dl_house_style_compose_dateline (house_style, article, &dateline_reason);
  lines = dl_house_style_compose_credit_lines (house_style, article, &credits_reason);

  out = g_string_new (NULL);
  {
    g_autofree char *safe = dl_cli_escape (dateline);

    /* Translators: "Dateline" here is the line that opens a story, not the program;
     * %s is that line, "MINSK, 8 May (BelTA) —" */
    g_string_append_printf (out, _("Dateline: %s\n"), dateline[0] != '\0' ? safe : _("(none)"));
  }
  if (lines->len == 0)
    g_string_append_printf (out, "%s\n", _("Credits: (none)"));
  else
    {
      g_string_append_printf (out, "%s\n", _("Credits:"));
      for (guint i = 0; i < lines->len; i++)
        {
          g_autofree char *safe = dl_cli_escape (((DlCreditLine *) g_ptr_array_index (lines, i))->text);

          g_string_append_printf (out, "  %s\n", safe);
        }
    }
  /* A missing place is already visible as "(none)". */
  if (dateline_reason != NULL
      && !g_error_matches (dateline_reason, DL_DATELINE_ERROR, DL_DATELINE_ERROR_EMPTY_PLACE))
    {
      g_autofree char *safe = dl_cli_escape (dateline_reason->message);

      /* Translators: %s is a remark about the dateline, the credits or the dates,
       * such as "The BelTA style is used." */
      g_string_append_printf (out, _("Note: %s\n"), safe);
    }
  if (credits_reason != NULL)
    {
      g_autofree char *safe = dl_cli_escape (credits_reason->message);

      g_string_append_printf (out, _("Note: %s\n"), safe);
    }
  return g_string_free (out, FALSE);
}
