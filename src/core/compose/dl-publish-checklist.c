/* dl-publish-checklist.c: the pre-publish checklist
 *
 * Run locally, before anything is sent: an editor would rather hear
 * "the photo has no credit" from Dateline than from a reader. The rules
 * have stable names so that a site can make one stricter, milder or
 * turn it off (sites.json, docs/PUBLISHING.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-checklist"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dl-body-images.h"
#include "dl-publish-checklist.h"
#include "dl-release-times.h"

#define DEFAULT_HEADLINE_MAX_CHARS 110

static const struct
{
  const char      *name;
  DlCheckSeverity  severity;
} rules[] = {
  { "headline", DL_CHECK_ERROR },
  { "headline-length", DL_CHECK_WARNING },
  { "category", DL_CHECK_ERROR },
  { "category-known", DL_CHECK_ERROR },
  { "dateline", DL_CHECK_WARNING },
  { "body", DL_CHECK_ERROR },
  { "image-credit", DL_CHECK_WARNING },
  { "image-description", DL_CHECK_WARNING },
  { "release-time", DL_CHECK_ERROR },
};

static const char * const rule_names[] = {
  "headline", "headline-length", "category", "category-known", "dateline", "body",
  "image-credit", "image-description", "release-time", NULL
};

void
dl_check_item_free (DlCheckItem *item)
{
  if (item == NULL)
    return;
  g_free (item->rule);
  g_free (item->message);
  g_free (item);
}

/**
 * dl_publish_checklist_rules:
 *
 * Returns: (transfer none): the rule names, in the order they are checked
 */
const char * const *
dl_publish_checklist_rules (void)
{
  G_STATIC_ASSERT (G_N_ELEMENTS (rule_names) == G_N_ELEMENTS (rules) + 1);
  return rule_names;
}

DlCheckSeverity
dl_publish_checklist_default_severity (const char *rule)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (g_strcmp0 (rules[i].name, rule) == 0)
      return rules[i].severity;
  return DL_CHECK_OFF;
}

gboolean
dl_check_severity_from_string (const char      *str,
                               DlCheckSeverity *severity)
{
  if (g_strcmp0 (str, "error") == 0)
    *severity = DL_CHECK_ERROR;
  else if (g_strcmp0 (str, "warning") == 0)
    *severity = DL_CHECK_WARNING;
  else if (g_strcmp0 (str, "off") == 0)
    *severity = DL_CHECK_OFF;
  else
    return FALSE;
  return TRUE;
}

static gboolean
blank (const char *str)
{
  if (str == NULL)
    return TRUE;
  for (; *str != '\0'; str = g_utf8_next_char (str))
    if (!g_unichar_isspace (g_utf8_get_char (str)))
      return FALSE;
  return TRUE;
}

G_GNUC_PRINTF (4, 5)
static void
add_item (GPtrArray                *items,
          const DlChecklistContext *context,
          const char               *rule,
          const char               *format,
          ...)
{
  DlCheckSeverity severity = dl_publish_checklist_default_severity (rule);
  const char *override = context->severities != NULL ? g_hash_table_lookup (context->severities, rule) : NULL;
  DlCheckItem *item;
  va_list args;

  if (override != NULL)
    dl_check_severity_from_string (override, &severity);
  if (severity == DL_CHECK_OFF)
    return;

  item = g_new0 (DlCheckItem, 1);
  item->rule = g_strdup (rule);
  item->severity = severity;
  va_start (args, format);
  item->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (items, item);
}

static gboolean
category_is_known (const char         *category,
                   const char * const *known)
{
  g_autofree char *folded = g_utf8_casefold (category, -1);

  for (guint i = 0; known[i] != NULL; i++)
    {
      g_autofree char *other = g_utf8_casefold (known[i], -1);

      if (g_strcmp0 (folded, other) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Body images written as ![](path) without a description. */
static guint
count_undescribed_images (const char *body)
{
  guint n = 0;

  for (const char *p = body; p != NULL && (p = strstr (p, "![")) != NULL; p += 2)
    if (p[2] == ']')
      n++;
  return n;
}

static void
check_release (GPtrArray                *items,
               DlArticle                *article,
               const DlChecklistContext *context,
               GDateTime                *now)
{
  GDateTime *embargo = dl_article_get_embargo (article);
  GDateTime *schedule = dl_article_get_schedule (article);
  g_autofree char *message = NULL;

  if (dl_release_check_schedule (embargo, schedule, now, &message) == DL_RELEASE_CONFLICT)
    {
      add_item (items, context, "release-time", "%s", message);
      return;
    }
  if (context->scheduling && schedule != NULL && g_date_time_compare (schedule, now) <= 0
      && !dl_release_is_embargoed (embargo, now))
    add_item (items, context, "release-time",
              "%s", _("The scheduled time has passed. Choose a time in the future, or publish now."));
}

/**
 * dl_publish_checklist_run:
 *
 * Returns: (transfer container) (element-type DlCheckItem): the findings,
 *   errors and warnings in rule order; empty when all is well
 */
GPtrArray *
dl_publish_checklist_run (DlArticle                *article,
                          const DlChecklistContext *context)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_check_item_free);
  g_autoptr(GDateTime) now = context->now != NULL ? g_date_time_ref (context->now)
                                                  : g_date_time_new_now_utc ();
  guint max_chars = context->headline_max_chars > 0 ? context->headline_max_chars
                                                    : DEFAULT_HEADLINE_MAX_CHARS;
  const char *headline = dl_article_get_headline (article);
  const char *category = dl_article_get_category (article);
  const char *image = dl_article_get_image_path (article);
  guint undescribed;

  g_return_val_if_fail (DL_IS_ARTICLE (article), NULL);

  if (blank (headline))
    add_item (items, context, "headline", "%s", _("The story has no headline."));
  else if (g_utf8_strlen (headline, -1) > (glong) max_chars)
    add_item (items, context, "headline-length",
              /* Translators: %u is a number of characters */
              ngettext ("The headline is longer than %u character: shorten it for the site’s lists.",
                        "The headline is longer than %u characters: shorten it for the site’s lists.",
                        max_chars),
              max_chars);

  if (blank (category))
    add_item (items, context, "category", "%s", _("Choose a category for the story."));
  else if (context->site_categories != NULL && !category_is_known (category, context->site_categories))
    add_item (items, context, "category-known",
              /* Translators: %s is a category name */
              _("The site has no category “%s”. Choose one of the site’s categories; it would otherwise be dropped."),
              category);

  if (blank (dl_article_get_place (article)) || dl_article_get_dateline_date (article) == NULL)
    add_item (items, context, "dateline", "%s",
              _("The dateline is incomplete: it needs a place and a date."));

  if (blank (dl_article_get_body (article)))
    add_item (items, context, "body", "%s", _("The story has no text."));

  if (!blank (image))
    {
      if (blank (dl_article_get_image_credit (article)))
        add_item (items, context, "image-credit", "%s", _("The picture has no credit: say whose it is."));
      if (blank (dl_article_get_image_alt (article)))
        add_item (items, context, "image-description", "%s",
                  _("The picture has no description for readers who cannot see it."));
    }
  undescribed = count_undescribed_images (dl_article_get_body (article));
  if (undescribed > 0)
    add_item (items, context, "image-description",
              /* Translators: %u is a number of pictures in the article's text that have no
               * description (alt text) for readers who cannot see them */
              ngettext ("%u picture in the text has no description.",
                        "%u pictures in the text have no description.", undescribed),
              undescribed);

  check_release (items, article, context, now);
  return g_steal_pointer (&items);
}

/* Whether any finding is an error: the publish must wait. */
gboolean
dl_publish_checklist_blocks (GPtrArray *items)
{
  for (guint i = 0; items != NULL && i < items->len; i++)
    if (((DlCheckItem *) g_ptr_array_index (items, i))->severity == DL_CHECK_ERROR)
      return TRUE;
  return FALSE;
}
