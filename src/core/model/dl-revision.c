/* dl-revision.c: one kept version of an article's text
 *
 * A revision's identity is its file name in the library's revisions
 * folder (docs/FILE-FORMAT.md): the time to the millisecond, what caused
 * it and the body's word count, so the list of revisions is read from
 * the folder alone, without opening a file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-revision"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "dl-revision.h"

G_DEFINE_BOXED_TYPE (DlRevision, dl_revision, dl_revision_copy, dl_revision_free)

static const char * const cause_ids[] = { "save", "publish", "restore" };

const char *
dl_revision_cause_to_string (DlRevisionCause cause)
{
  g_return_val_if_fail (cause < G_N_ELEMENTS (cause_ids), "save");
  return cause_ids[cause];
}

const char *
dl_revision_cause_describe (DlRevisionCause cause)
{
  switch (cause)
    {
    case DL_REVISION_CAUSE_PUBLISH:
      return C_("revision cause", "Published");
    case DL_REVISION_CAUSE_RESTORE:
      return C_("revision cause", "Restored");
    case DL_REVISION_CAUSE_SAVE:
    default:
      return C_("revision cause", "Saved");
    }
}

static char *
make_id (GDateTime       *time,
         DlRevisionCause  cause,
         guint            words)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  g_autofree char *stamp = g_date_time_format (utc, "%Y%m%dT%H%M%S");

  return g_strdup_printf ("%s.%03dZ-%s-%u", stamp, g_date_time_get_microsecond (utc) / 1000,
                          dl_revision_cause_to_string (cause), words);
}

DlRevision *
dl_revision_new (GDateTime       *time,
                 DlRevisionCause  cause,
                 guint            words)
{
  DlRevision *revision = g_new0 (DlRevision, 1);

  g_return_val_if_fail (time != NULL, NULL);

  revision->time = g_date_time_to_utc (time);
  revision->cause = cause;
  revision->words = words;
  revision->id = make_id (revision->time, cause, words);
  return revision;
}

DlRevision *
dl_revision_new_from_id (const char *id)
{
  int year, month, day, hour, minute, second, ms, consumed = 0;
  char cause[16];
  unsigned int words;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(DlRevision) revision = NULL;

  if (id == NULL || strlen (id) > 64
      || sscanf (id, "%4d%2d%2dT%2d%2d%2d.%3dZ-%15[a-z]-%u%n", &year, &month, &day, &hour, &minute,
                 &second, &ms, cause, &words, &consumed) != 9
      || id[consumed] != '\0')
    return NULL;
  {
    g_autoptr(GDateTime) whole = g_date_time_new_utc (year, month, day, hour, minute, second);

    if (whole == NULL || ms < 0 || ms > 999)
      return NULL;
    time = g_date_time_add (whole, (GTimeSpan) ms * 1000);
  }
  for (guint i = 0; i < G_N_ELEMENTS (cause_ids); i++)
    if (g_str_equal (cause, cause_ids[i]))
      {
        revision = dl_revision_new (time, i, words);
        /* The name must be the one this revision would be given. */
        if (!g_str_equal (revision->id, id))
          return NULL;
        return g_steal_pointer (&revision);
      }
  return NULL;
}

DlRevision *
dl_revision_copy (const DlRevision *revision)
{
  DlRevision *copy = g_new0 (DlRevision, 1);

  copy->id = g_strdup (revision->id);
  copy->time = g_date_time_ref (revision->time);
  copy->cause = revision->cause;
  copy->words = revision->words;
  return copy;
}

void
dl_revision_free (DlRevision *revision)
{
  if (revision == NULL)
    return;
  g_free (revision->id);
  g_clear_pointer (&revision->time, g_date_time_unref);
  g_free (revision);
}

char *
dl_revision_dup_text (DlArticle *article)
{
  g_return_val_if_fail (DL_IS_ARTICLE (article), NULL);

  return g_strconcat (dl_article_get_headline (article), "\n\n", dl_article_get_standfirst (article), "\n\n",
                      dl_article_get_body (article), NULL);
}

void
dl_revision_apply_text (DlArticle *article,
                        DlArticle *revision)
{
  g_return_if_fail (DL_IS_ARTICLE (article));
  g_return_if_fail (DL_IS_ARTICLE (revision));

  dl_article_set_headline (article, dl_article_get_headline (revision));
  dl_article_set_standfirst (article, dl_article_get_standfirst (revision));
  dl_article_set_body (article, dl_article_get_body (revision));
}
