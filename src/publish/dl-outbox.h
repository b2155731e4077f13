/* dl-outbox.h: publishes waiting to go out, surviving restarts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-publisher.h"
#include "dl-site-list.h"
#include "dl-store.h"

G_BEGIN_DECLS

typedef enum
{
  DL_OUTBOX_JOB_QUEUED,    /* next in line */
  DL_OUTBOX_JOB_SENDING,   /* talking to the site now */
  DL_OUTBOX_JOB_WAITING,   /* the site cannot be reached: waits for the network */
  DL_OUTBOX_JOB_FAILED,    /* the site refused: needs the user */
  DL_OUTBOX_JOB_DONE,      /* published; leaves the outbox */
} DlOutboxJobState;

#define DL_TYPE_OUTBOX_JOB (dl_outbox_job_get_type ())
G_DECLARE_FINAL_TYPE (DlOutboxJob, dl_outbox_job, DL, OUTBOX_JOB, GObject)

const char       *dl_outbox_job_get_id           (DlOutboxJob *self);
const char       *dl_outbox_job_get_article_uuid (DlOutboxJob *self);
const char       *dl_outbox_job_get_site_id      (DlOutboxJob *self);
const char       *dl_outbox_job_get_headline     (DlOutboxJob *self);
DlOutboxJobState  dl_outbox_job_get_state        (DlOutboxJob *self);
const GError     *dl_outbox_job_get_error        (DlOutboxJob *self);
DlPublishResult  *dl_outbox_job_get_result       (DlOutboxJob *self);
char             *dl_outbox_job_dup_description  (DlOutboxJob *self,
                                                  DlSiteList  *sites);

#define DL_TYPE_OUTBOX (dl_outbox_get_type ())
G_DECLARE_FINAL_TYPE (DlOutbox, dl_outbox, DL, OUTBOX, GObject)

DlOutbox    *dl_outbox_new           (GFile           *directory,
                                      DlSiteList      *sites,
                                      DlStore         *store,
                                      DlHouseStyle    *house_style);
GFile       *dl_outbox_default_directory (void);
gboolean     dl_outbox_load_sync     (DlOutbox        *self,
                                      GError         **error);
void         dl_outbox_load_async    (DlOutbox        *self);
/* The jobs (DlOutboxJob), oldest first */
GListModel  *dl_outbox_get_jobs      (DlOutbox        *self);
DlOutboxJob *dl_outbox_add           (DlOutbox        *self,
                                      DlArticle       *article,
                                      DlSite          *site,
                                      DlRemoteStatus   status,
                                      GDateTime       *at,
                                      gboolean         overwrite,
                                      GError         **error);
DlOutboxJob *dl_outbox_find          (DlOutbox        *self,
                                      const char      *article_uuid,
                                      const char      *site_id);
void         dl_outbox_retry         (DlOutbox        *self,
                                      DlOutboxJob     *job);
void         dl_outbox_retry_overwriting (DlOutbox    *self,
                                      DlOutboxJob     *job);
void         dl_outbox_discard       (DlOutbox        *self,
                                      DlOutboxJob     *job);
void         dl_outbox_set_auto_retry (DlOutbox       *self,
                                      gboolean         auto_retry);
void         dl_outbox_apply_result  (DlArticle       *article,
                                      DlOutboxJob     *job);
DlPublisher *dl_outbox_get_publisher (DlOutbox        *self,
                                      DlSite          *site);

G_END_DECLS
