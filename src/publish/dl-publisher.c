/* dl-publisher.c: the publishing target interface and its async wrappers
 *
 * A subclass implements the blocking vfuncs; this class runs them in a
 * GTask worker, so that the UI never waits on the network. Adding a CMS
 * means a subclass and a line in dl_publisher_new_for_site(), nothing in
 * the UI (docs/PUBLISHING.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-publisher"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-folder-publisher.h"
#include "dl-publish-error.h"
#include "dl-publisher.h"
#include "dl-release-times.h"
#include "dl-wordpress-publisher.h"

typedef struct
{
  DlSite *site;
} DlPublisherPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (DlPublisher, dl_publisher, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SITE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const status_names[] = { "draft", "pending", "publish", "future" };

const char *
dl_remote_status_to_string (DlRemoteStatus status)
{
  g_return_val_if_fail (status <= DL_REMOTE_STATUS_FUTURE, NULL);
  return status_names[status];
}

gboolean
dl_remote_status_from_string (const char     *str,
                              DlRemoteStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (str, status_names[i]) == 0)
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}

const char *
dl_remote_status_get_label (DlRemoteStatus status)
{
  switch (status)
    {
    case DL_REMOTE_STATUS_DRAFT: return C_("remote status", "Draft on the site");
    case DL_REMOTE_STATUS_PENDING: return C_("remote status", "Pending review");
    case DL_REMOTE_STATUS_PUBLISH: return C_("remote status", "Publish now");
    case DL_REMOTE_STATUS_FUTURE: return C_("remote status", "Schedule");
    default: g_return_val_if_reached (NULL);
    }
}

void
dl_publish_request_free (DlPublishRequest *request)
{
  if (request == NULL)
    return;
  g_clear_object (&request->article);
  g_clear_pointer (&request->at, g_date_time_unref);
  g_clear_pointer (&request->previous, dl_publication_free);
  g_clear_object (&request->house_style);
  g_free (request);
}

void
dl_publish_result_free (DlPublishResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->publication, dl_publication_free);
  g_free (result);
}

void
dl_remote_post_free (DlRemotePost *post)
{
  if (post == NULL)
    return;
  g_free (post->id);
  g_free (post->title);
  g_free (post->status);
  g_free (post->link);
  g_clear_pointer (&post->modified, g_date_time_unref);
  g_free (post);
}

static GDateTime *
later_of (GDateTime *a,
          GDateTime *b)
{
  if (a == NULL)
    return b;
  if (b == NULL)
    return a;
  return g_date_time_compare (a, b) >= 0 ? a : b;
}

/**
 * dl_publish_resolve_release:
 * @at: (nullable): the time the user chose in the dialog
 * @goes_live: (out) (transfer full) (optional): when the post goes live;
 *   %NULL for now, or for a draft without a date
 *
 * "Publish" or "Schedule" go live at the latest of the chosen time, the
 * article's schedule and an embargo that still holds: an embargo is
 * never broken by publishing early, it becomes the site's schedule. A
 * time that has passed means now. Drafts and pending posts keep their
 * status and carry the time, if any, for the editor who publishes them.
 *
 * Returns: the status to send
 */
DlRemoteStatus
dl_publish_resolve_release (DlArticle       *article,
                            DlRemoteStatus   status,
                            GDateTime       *at,
                            GDateTime       *now,
                            GDateTime      **goes_live)
{
  GDateTime *embargo = dl_article_get_embargo (article);
  GDateTime *when;

  if (embargo != NULL && !dl_release_is_embargoed (embargo, now))
    embargo = NULL;
  when = later_of (later_of (at, dl_article_get_schedule (article)), embargo);
  if (when != NULL && g_date_time_compare (when, now) <= 0)
    when = NULL;

  if (goes_live != NULL)
    *goes_live = when != NULL ? g_date_time_ref (when) : NULL;
  if (status == DL_REMOTE_STATUS_DRAFT || status == DL_REMOTE_STATUS_PENDING)
    return status;
  return when != NULL ? DL_REMOTE_STATUS_FUTURE : DL_REMOTE_STATUS_PUBLISH;
}

static void
dl_publisher_finalize (GObject *object)
{
  DlPublisherPrivate *priv = dl_publisher_get_instance_private (DL_PUBLISHER (object));

  g_clear_object (&priv->site);

  G_OBJECT_CLASS (dl_publisher_parent_class)->finalize (object);
}

static void
dl_publisher_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  DlPublisherPrivate *priv = dl_publisher_get_instance_private (DL_PUBLISHER (object));

  switch (prop_id)
    {
    case PROP_SITE:
      g_value_set_object (value, priv->site);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_publisher_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  DlPublisherPrivate *priv = dl_publisher_get_instance_private (DL_PUBLISHER (object));

  switch (prop_id)
    {
    case PROP_SITE:
      priv->site = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GPtrArray *
dl_publisher_real_list_posts (DlPublisher   *self,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_set_error_literal (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_NOT_SUPPORTED,
                       _("This kind of site cannot list its posts."));
  return NULL;
}

static DlArticle *
dl_publisher_real_pull (DlPublisher   *self,
                        const char    *remote_id,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_set_error_literal (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_NOT_SUPPORTED,
                       _("Posts cannot be opened from this kind of site."));
  return NULL;
}

static gboolean
dl_publisher_real_fetch_terms (DlPublisher   *self,
                               GStrv         *categories,
                               GStrv         *tags,
                               GCancellable  *cancellable,
                               GError       **error)
{
  /* No list of its own: any category and tag is fine. */
  *categories = NULL;
  *tags = NULL;
  return TRUE;
}

static gboolean
dl_publisher_real_sign_in (DlPublisher   *self,
                           const char    *password,
                           char         **user_name,
                           GCancellable  *cancellable,
                           GError       **error)
{
  *user_name = NULL;
  return TRUE;
}

static void
dl_publisher_class_init (DlPublisherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dl_publisher_finalize;
  object_class->get_property = dl_publisher_get_property;
  object_class->set_property = dl_publisher_set_property;

  klass->list_posts = dl_publisher_real_list_posts;
  klass->pull = dl_publisher_real_pull;
  klass->fetch_terms = dl_publisher_real_fetch_terms;
  klass->sign_in = dl_publisher_real_sign_in;

  properties[PROP_SITE] =
    g_param_spec_object ("site", NULL, NULL, DL_TYPE_SITE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dl_publisher_init (DlPublisher *self)
{
}

/**
 * dl_publisher_new_for_site:
 *
 * Returns: (transfer full): the publisher for the site's kind
 */
DlPublisher *
dl_publisher_new_for_site (DlSite *site)
{
  switch (dl_site_get_kind (site))
    {
    case DL_SITE_KIND_WORDPRESS:
      return g_object_new (DL_TYPE_WORDPRESS_PUBLISHER, "site", site, NULL);
    case DL_SITE_KIND_FOLDER:
    default:
      return g_object_new (DL_TYPE_FOLDER_PUBLISHER, "site", site, NULL);
    }
}

DlSite *
dl_publisher_get_site (DlPublisher *self)
{
  DlPublisherPrivate *priv = dl_publisher_get_instance_private (self);

  return priv->site;
}

DlPublishResult *
dl_publisher_publish_sync (DlPublisher       *self,
                           DlPublishRequest  *request,
                           GCancellable      *cancellable,
                           GError           **error)
{
  g_return_val_if_fail (DL_IS_PUBLISHER (self), NULL);
  g_return_val_if_fail (request != NULL && DL_IS_ARTICLE (request->article), NULL);

  return DL_PUBLISHER_GET_CLASS (self)->publish (self, request, cancellable, error);
}

static void
publish_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  DlPublishResult *result = dl_publisher_publish_sync (source_object, task_data, cancellable, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) dl_publish_result_free);
}

/**
 * dl_publisher_publish_async:
 * @request: (transfer full): what to publish; its journal is called from
 *   the worker
 */
void
dl_publisher_publish_async (DlPublisher         *self,
                            DlPublishRequest    *request,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, dl_publisher_publish_async);
  g_task_set_task_data (task, request, (GDestroyNotify) dl_publish_request_free);
  g_task_run_in_thread (task, publish_thread);
}

DlPublishResult *
dl_publisher_publish_finish (DlPublisher   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * dl_publisher_list_posts_sync:
 *
 * Returns: (transfer container) (element-type DlRemotePost): the site's
 *   recent posts and drafts, newest first
 */
GPtrArray *
dl_publisher_list_posts_sync (DlPublisher   *self,
                              GCancellable  *cancellable,
                              GError       **error)
{
  return DL_PUBLISHER_GET_CLASS (self)->list_posts (self, cancellable, error);
}

/**
 * dl_publisher_pull_sync:
 *
 * Returns: (transfer full): the post as a new local article, with the
 *   publication record that ties it to the post
 */
DlArticle *
dl_publisher_pull_sync (DlPublisher   *self,
                        const char    *remote_id,
                        GCancellable  *cancellable,
                        GError       **error)
{
  return DL_PUBLISHER_GET_CLASS (self)->pull (self, remote_id, cancellable, error);
}

gboolean
dl_publisher_fetch_terms_sync (DlPublisher   *self,
                               GStrv         *categories,
                               GStrv         *tags,
                               GCancellable  *cancellable,
                               GError       **error)
{
  return DL_PUBLISHER_GET_CLASS (self)->fetch_terms (self, categories, tags, cancellable, error);
}

/**
 * dl_publisher_sign_in_sync:
 * @password: the application password to check
 * @user_name: (out) (transfer full): the name the site knows the user by
 *
 * Discovers the site and checks the credentials; stores nothing.
 */
gboolean
dl_publisher_sign_in_sync (DlPublisher   *self,
                           const char    *password,
                           char         **user_name,
                           GCancellable  *cancellable,
                           GError       **error)
{
  return DL_PUBLISHER_GET_CLASS (self)->sign_in (self, password, user_name, cancellable, error);
}

static void
sign_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  char *user_name = NULL;

  if (!dl_publisher_sign_in_sync (source_object, task_data, &user_name, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, user_name != NULL ? user_name : g_strdup (""), g_free);
}

void
dl_publisher_sign_in_async (DlPublisher         *self,
                            const char          *password,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, dl_publisher_sign_in_async);
  g_task_set_task_data (task, g_strdup (password), g_free);
  g_task_run_in_thread (task, sign_in_thread);
}

/**
 * dl_publisher_sign_in_finish:
 *
 * Returns: (transfer full): the user's display name, or %NULL with @error
 */
char *
dl_publisher_sign_in_finish (DlPublisher   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
