/* dl-publisher.h: what every publishing target can do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-article.h"
#include "dl-house-style.h"
#include "dl-site.h"

G_BEGIN_DECLS

/* The status asked for on the site. */
typedef enum
{
  DL_REMOTE_STATUS_DRAFT,    /* a draft on the site */
  DL_REMOTE_STATUS_PENDING,  /* waiting for an editor's review */
  DL_REMOTE_STATUS_PUBLISH,  /* live now (or at the embargo, see below) */
  DL_REMOTE_STATUS_FUTURE,   /* live at a time */
} DlRemoteStatus;

const char *dl_remote_status_to_string   (DlRemoteStatus  status);
gboolean    dl_remote_status_from_string (const char     *str,
                                          DlRemoteStatus *status);
const char *dl_remote_status_get_label   (DlRemoteStatus  status);

/* Called from the worker the moment the server has a post for the job
 * (or is about to be asked to create one: @remote_id NULL), so that the
 * caller records it before anything else can go wrong. */
typedef void (*DlPublishJournalFunc) (const char *remote_id,
                                      gpointer    user_data);

typedef struct
{
  DlArticle            *article;        /* a snapshot the job owns */
  DlRemoteStatus        status;
  GDateTime            *at;             /* (nullable): the time asked for */
  DlPublication        *previous;       /* (nullable): the record for this site */
  gboolean              create_sent;    /* a create may have reached the server */
  gboolean              overwrite;      /* replace edits made on the server */
  DlHouseStyle         *house_style;    /* (nullable): the app's; the site's own over it */
  DlPublishJournalFunc  journal;
  gpointer              journal_data;
} DlPublishRequest;

void              dl_publish_request_free     (DlPublishRequest *request);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlPublishRequest, dl_publish_request_free)

/* When a publish goes live, given the article's embargo and schedule:
 * an embargo that still holds is sent as a schedule. */
DlRemoteStatus    dl_publish_resolve_release  (DlArticle       *article,
                                               DlRemoteStatus   status,
                                               GDateTime       *at,
                                               GDateTime       *now,
                                               GDateTime      **goes_live);

typedef struct
{
  DlPublication  *publication;   /* the new record for the site */
  DlRemoteStatus  status;        /* as the server has it now */
  guint           requests;      /* HTTP requests this publish made */
} DlPublishResult;

void              dl_publish_result_free      (DlPublishResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlPublishResult, dl_publish_result_free)

/* A post on the site, as listed */
typedef struct
{
  char      *id;
  char      *title;
  char      *status;
  char      *link;
  GDateTime *modified;
} DlRemotePost;

void              dl_remote_post_free         (DlRemotePost *post);

#define DL_TYPE_PUBLISHER (dl_publisher_get_type ())
G_DECLARE_DERIVABLE_TYPE (DlPublisher, dl_publisher, DL, PUBLISHER, GObject)

struct _DlPublisherClass
{
  GObjectClass parent_class;

  /* Each runs in a worker thread and may block. */
  DlPublishResult *(*publish)       (DlPublisher       *self,
                                     DlPublishRequest  *request,
                                     GCancellable      *cancellable,
                                     GError           **error);
  GPtrArray       *(*list_posts)    (DlPublisher       *self,
                                     GCancellable      *cancellable,
                                     GError           **error);
  DlArticle       *(*pull)          (DlPublisher       *self,
                                     const char        *remote_id,
                                     GCancellable      *cancellable,
                                     GError           **error);
  /* Categories and tags (names) the site has, for the editor */
  gboolean         (*fetch_terms)   (DlPublisher       *self,
                                     GStrv             *categories,
                                     GStrv             *tags,
                                     GCancellable      *cancellable,
                                     GError           **error);
  gboolean         (*sign_in)       (DlPublisher       *self,
                                     const char        *password,
                                     char             **user_name,
                                     GCancellable      *cancellable,
                                     GError           **error);
};

DlPublisher     *dl_publisher_new_for_site      (DlSite            *site);
DlSite          *dl_publisher_get_site          (DlPublisher       *self);

DlPublishResult *dl_publisher_publish_sync      (DlPublisher       *self,
                                                 DlPublishRequest  *request,
                                                 GCancellable      *cancellable,
                                                 GError           **error);
void             dl_publisher_publish_async     (DlPublisher       *self,
                                                 DlPublishRequest  *request,
                                                 GCancellable      *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer           user_data);
DlPublishResult *dl_publisher_publish_finish    (DlPublisher       *self,
                                                 GAsyncResult      *result,
                                                 GError           **error);
GPtrArray       *dl_publisher_list_posts_sync   (DlPublisher       *self,
                                                 GCancellable      *cancellable,
                                                 GError           **error);
DlArticle       *dl_publisher_pull_sync         (DlPublisher       *self,
                                                 const char        *remote_id,
                                                 GCancellable      *cancellable,
                                                 GError           **error);
gboolean         dl_publisher_fetch_terms_sync  (DlPublisher       *self,
                                                 GStrv             *categories,
                                                 GStrv             *tags,
                                                 GCancellable      *cancellable,
                                                 GError           **error);
gboolean         dl_publisher_sign_in_sync      (DlPublisher       *self,
                                                 const char        *password,
                                                 char             **user_name,
                                                 GCancellable      *cancellable,
                                                 GError           **error);
void             dl_publisher_sign_in_async     (DlPublisher       *self,
                                                 const char        *password,
                                                 GCancellable      *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer           user_data);
char            *dl_publisher_sign_in_finish    (DlPublisher       *self,
                                                 GAsyncResult      *result,
                                                 GError           **error);

G_END_DECLS
