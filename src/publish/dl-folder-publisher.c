/* dl-folder-publisher.c: publishing into a folder, with no server
 *
 * FOLDER/SLUG/index.html (the page as previewed, its images beside it)
 * and FOLDER/SLUG/SLUG.ninjs.json (IPTC ninjs 2.0, for agencies and
 * scripts). Publishing again replaces both. The "remote id" is the
 * folder's name, kept across publishes so that a changed headline does
 * not leave the old page behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-folder-publisher"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-exporter.h"
#include "dl-folder-publisher.h"
#include "dl-publish-error.h"
#include "dl-slug.h"

struct _DlFolderPublisher
{
  DlPublisher parent_instance;
};

G_DEFINE_FINAL_TYPE (DlFolderPublisher, dl_folder_publisher, DL_TYPE_PUBLISHER)

/* A name made by Dateline, never a path: the remote id comes back from
 * the article file, which anyone may have edited. */
static gboolean
is_plain_name (const char *name)
{
  if (name == NULL || *name == '\0' || name[0] == '.')
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

static DlPublishResult *
dl_folder_publisher_publish (DlPublisher       *publisher,
                             DlPublishRequest  *request,
                             GCancellable      *cancellable,
                             GError           **error)
{
  DlSite *site = dl_publisher_get_site (publisher);
  DlArticle *article = request->article;
  g_autoptr(DlHouseStyle) style = dl_site_dup_house_style (site, request->house_style);
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  g_autofree char *name = NULL;
  g_autofree char *ninjs_name = NULL;
  g_autoptr(GFile) root = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) page = NULL;
  g_autoptr(GFile) ninjs = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  DlPublishResult *result;

  if (dl_site_get_folder (site) == NULL)
    {
      g_set_error_literal (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_INVALID,
                           _("No folder is set for publishing. Choose one in Preferences."));
      return NULL;
    }
  if (request->previous != NULL && is_plain_name (request->previous->remote_id))
    name = g_strdup (request->previous->remote_id);
  else
    {
      name = dl_slug_for_article (article);
      if (!is_plain_name (name))
        {
          g_free (name);
          name = g_strdup (dl_article_get_uuid (article));
        }
    }

  root = g_file_new_for_path (dl_site_get_folder (site));
  dir = g_file_get_child (root, name);
  if (!g_file_make_directory_with_parents (dir, cancellable, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_set_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_INVALID,
                   /* Translators: %s is a folder, the second %s why */
                   _("Could not create the folder %s: %s"), g_file_peek_path (dir), local_error->message);
      return NULL;
    }

  dl_renderer_set_house_style (renderer, style);
  page = g_file_get_child (dir, "index.html");
  if (!dl_exporter_export_html (article, renderer, page, cancellable, error))
    return NULL;
  ninjs_name = g_strconcat (name, ".ninjs.json", NULL);
  ninjs = g_file_get_child (dir, ninjs_name);
  if (!dl_exporter_export (article, DL_EXPORT_FORMAT_NINJS, renderer, ninjs, cancellable, error))
    return NULL;

  if (request->journal != NULL)
    request->journal (name, request->journal_data);

  result = g_new0 (DlPublishResult, 1);
  result->status = dl_publish_resolve_release (article, request->status, request->at, now, NULL);
  result->publication = dl_publication_new (dl_site_get_id (site));
  result->publication->remote_id = g_steal_pointer (&name);
  result->publication->url = g_file_get_uri (page);
  result->publication->remote_modified = g_date_time_ref (now);
  result->publication->remote_status = g_strdup (dl_remote_status_to_string (result->status));
  return result;
}

static void
dl_folder_publisher_class_init (DlFolderPublisherClass *klass)
{
  DL_PUBLISHER_CLASS (klass)->publish = dl_folder_publisher_publish;
}

static void
dl_folder_publisher_init (DlFolderPublisher *self)
{
}
