/* dl-outbox.c: the publish queue
 *
 * A publish is a job on a snapshot of the article, kept as a file in
 * $XDG_STATE_HOME/dateline/outbox/ID.json from the moment it is queued
 * until the publication record is in the article, so a job survives a
 * crash or a restart. Jobs go out one at a time, in order, each in a
 * worker. The job file is also its journal: the worker rewrites it the
 * moment a create may reach the server and again when the server says
 * which post it made, so that a retry updates that post, or looks for it,
 * instead of making a second one (dl-wordpress-publisher.c).
 *
 * A job that cannot reach its site waits, visibly, and goes out when
 * GNetworkMonitor says the network is back, or at the next retry (2 s,
 * doubling to a minute: a site on this computer, or a server restarted
 * on a working network, changes nothing GNetworkMonitor sees). A job the
 * site refused (a wrong password, a checklist error) waits for the user.
 *
 * When a job is done the outbox emits ::published. A handler that has the
 * article open (the window) applies the record to the live article and
 * returns TRUE; otherwise the outbox writes it through the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-outbox"

#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "dl-article-file.h"
#include "dl-json-member.h"
#include "dl-outbox.h"
#include "dl-publish-error.h"
#include "dl-util.h"

#define JOB_FILE_VERSION 1
#define FIRST_RETRY_SECONDS 2
#define LAST_RETRY_SECONDS 60

/* ---- DlOutboxJob --------------------------------------------------------------------------------- */

struct _DlOutboxJob
{
  GObject          parent_instance;

  char            *id;
  char            *site_id;
  char            *article_uuid;
  char            *headline;
  GBytes          *snapshot;      /* the article as a .dateline file */
  DlRemoteStatus   status;
  GDateTime       *at;
  gboolean         overwrite;
  GDateTime       *queued;

  /* The journal; written by the worker (under the outbox's mutex) */
  gboolean         create_sent;
  char            *remote_id;
  guint            attempts;

  DlOutboxJobState state;
  gboolean         persisted;     /* its file is on disk: it may go out */
  GError          *error;
  DlPublishResult *result;
  GFile           *file;
};

G_DEFINE_FINAL_TYPE (DlOutboxJob, dl_outbox_job, G_TYPE_OBJECT)

static void
dl_outbox_job_finalize (GObject *object)
{
  DlOutboxJob *self = DL_OUTBOX_JOB (object);

  g_free (self->id);
  g_free (self->site_id);
  g_free (self->article_uuid);
  g_free (self->headline);
  g_clear_pointer (&self->snapshot, g_bytes_unref);
  g_clear_pointer (&self->at, g_date_time_unref);
  g_clear_pointer (&self->queued, g_date_time_unref);
  g_free (self->remote_id);
  g_clear_error (&self->error);
  g_clear_pointer (&self->result, dl_publish_result_free);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (dl_outbox_job_parent_class)->finalize (object);
}

static void
dl_outbox_job_class_init (DlOutboxJobClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dl_outbox_job_finalize;
}

static void
dl_outbox_job_init (DlOutboxJob *self)
{
}

const char *dl_outbox_job_get_id (DlOutboxJob *self) { return self->id; }
const char *dl_outbox_job_get_article_uuid (DlOutboxJob *self) { return self->article_uuid; }
const char *dl_outbox_job_get_site_id (DlOutboxJob *self) { return self->site_id; }
const char *dl_outbox_job_get_headline (DlOutboxJob *self) { return self->headline; }
DlOutboxJobState dl_outbox_job_get_state (DlOutboxJob *self) { return self->state; }
const GError *dl_outbox_job_get_error (DlOutboxJob *self) { return self->error; }

/**
 * dl_outbox_job_get_result:
 *
 * Returns: (transfer none) (nullable): what the site answered, once done
 */
DlPublishResult *
dl_outbox_job_get_result (DlOutboxJob *self)
{
  return self->result;
}

/**
 * dl_outbox_job_dup_description:
 *
 * Returns: (transfer full): what the job is doing, for a banner or a row
 */
char *
dl_outbox_job_dup_description (DlOutboxJob *self,
                               DlSiteList  *sites)
{
  DlSite *site = dl_site_list_lookup (sites, self->site_id);
  const char *name = site != NULL ? dl_site_get_name (site) : self->site_id;

  switch (self->state)
    {
    case DL_OUTBOX_JOB_QUEUED:
      /* Translators: %s is a site's name */
      return g_strdup_printf (_("Waiting to publish to %s"), name);
    case DL_OUTBOX_JOB_SENDING:
      /* Translators: %s is a site's name, such as "City News" */
      return g_strdup_printf (_("Publishing to %s…"), name);
    case DL_OUTBOX_JOB_WAITING:
      /* Translators: %s is a site's name, such as "City News"; the network is the
       * computer's connection */
      return g_strdup_printf (_("Waiting for network — will publish to %s"), name);
    case DL_OUTBOX_JOB_FAILED:
      /* Translators: %s is a site's name, the second %s the reason */
      return g_strdup_printf (_("Not published to %s: %s"), name,
                              self->error != NULL ? self->error->message : "");
    case DL_OUTBOX_JOB_DONE:
    default:
      /* Translators: %s is a site's name, such as "City News" */
      return g_strdup_printf (_("Published to %s"), name);
    }
}

/* ---- DlOutbox ------------------------------------------------------------------------------------ */

struct _DlOutbox
{
  GObject          parent_instance;

  GFile           *directory;
  DlSiteList      *sites;
  DlStore         *store;
  DlHouseStyle    *house_style;
  GListStore      *jobs;
  GHashTable      *publishers;     /* site id → DlPublisher: one HTTP session per site */
  GMutex           journal_mutex;
  GCancellable    *cancellable;
  DlOutboxJob     *sending;
  guint            retry_source;
  guint            retry_seconds;
  gboolean         auto_retry;
  gboolean         load_started;
  gulong           network_handler;
};

G_DEFINE_FINAL_TYPE (DlOutbox, dl_outbox, G_TYPE_OBJECT)

enum {
  JOB_CHANGED,
  PUBLISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void run_next    (DlOutbox    *self);
static void persist_job (DlOutbox    *self,
                         DlOutboxJob *job);

static void
dl_outbox_dispose (GObject *object)
{
  DlOutbox *self = DL_OUTBOX (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  if (self->network_handler != 0)
    g_clear_signal_handler (&self->network_handler, g_network_monitor_get_default ());

  G_OBJECT_CLASS (dl_outbox_parent_class)->dispose (object);
}

static void
dl_outbox_finalize (GObject *object)
{
  DlOutbox *self = DL_OUTBOX (object);

  g_clear_object (&self->directory);
  g_clear_object (&self->sites);
  g_clear_object (&self->store);
  g_clear_object (&self->house_style);
  g_clear_object (&self->jobs);
  g_clear_pointer (&self->publishers, g_hash_table_unref);
  g_clear_object (&self->cancellable);
  g_mutex_clear (&self->journal_mutex);

  G_OBJECT_CLASS (dl_outbox_parent_class)->finalize (object);
}

static void
dl_outbox_class_init (DlOutboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dl_outbox_dispose;
  object_class->finalize = dl_outbox_finalize;

  /**
   * DlOutbox::job-changed:
   *
   * A job changed state (or was added or removed).
   */
  signals[JOB_CHANGED] =
    g_signal_new ("job-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, DL_TYPE_OUTBOX_JOB);
  /**
   * DlOutbox::published:
   * @job: the job; its result holds the record and the status
   *
   * Returns: %TRUE when a handler applied the record to the article itself
   */
  signals[PUBLISHED] =
    g_signal_new ("published", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, DL_TYPE_OUTBOX_JOB);
}

static void
dl_outbox_init (DlOutbox *self)
{
  self->jobs = g_list_store_new (DL_TYPE_OUTBOX_JOB);
  self->publishers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->cancellable = g_cancellable_new ();
  self->retry_seconds = FIRST_RETRY_SECONDS;
  self->auto_retry = TRUE;
  g_mutex_init (&self->journal_mutex);
}

/* $XDG_STATE_HOME/dateline/outbox */
GFile *
dl_outbox_default_directory (void)
{
  g_autofree char *path = g_build_filename (g_get_user_state_dir (), "dateline", "outbox", NULL);

  return g_file_new_for_path (path);
}

static void
on_network_changed (GNetworkMonitor *monitor,
                    gboolean         available,
                    DlOutbox        *self)
{
  if (!available)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->jobs)); i++)
    {
      g_autoptr(DlOutboxJob) job = g_list_model_get_item (G_LIST_MODEL (self->jobs), i);

      if (job->state == DL_OUTBOX_JOB_WAITING)
        job->state = DL_OUTBOX_JOB_QUEUED;
    }
  self->retry_seconds = FIRST_RETRY_SECONDS;
  run_next (self);
}

/**
 * dl_outbox_new:
 * @directory: (nullable): where job files go; %NULL for the user's
 */
DlOutbox *
dl_outbox_new (GFile        *directory,
               DlSiteList   *sites,
               DlStore      *store,
               DlHouseStyle *house_style)
{
  DlOutbox *self = g_object_new (DL_TYPE_OUTBOX, NULL);

  self->directory = directory != NULL ? g_object_ref (directory) : dl_outbox_default_directory ();
  self->sites = g_object_ref (sites);
  self->store = g_object_ref (store);
  self->house_style = house_style != NULL ? g_object_ref (house_style) : NULL;
  self->network_handler = g_signal_connect (g_network_monitor_get_default (), "network-changed",
                                            G_CALLBACK (on_network_changed), self);
  return self;
}

/**
 * dl_outbox_set_auto_retry:
 *
 * Whether jobs that cannot reach their site are retried by themselves
 * (the application) or left for the next run (the command line).
 */
void
dl_outbox_set_auto_retry (DlOutbox *self,
                          gboolean  auto_retry)
{
  self->auto_retry = auto_retry;
}

GListModel *
dl_outbox_get_jobs (DlOutbox *self)
{
  return G_LIST_MODEL (self->jobs);
}

/**
 * dl_outbox_get_publisher:
 *
 * Returns: (transfer none): the site's publisher, one per site and
 *   outbox, so that its HTTP connections are re-used
 */
DlPublisher *
dl_outbox_get_publisher (DlOutbox *self,
                         DlSite   *site)
{
  DlPublisher *publisher = g_hash_table_lookup (self->publishers, dl_site_get_id (site));

  if (publisher == NULL || dl_publisher_get_site (publisher) != site)
    {
      publisher = dl_publisher_new_for_site (site);
      g_hash_table_replace (self->publishers, g_strdup (dl_site_get_id (site)), publisher);
    }
  return publisher;
}

/* ---- job files ----------------------------------------------------------------------------------- */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/* Called with journal_mutex held, or before the job is shared. */
static char *
job_to_json (DlOutboxJob *job)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *at = job->at != NULL ? dl_date_time_to_iso8601 (job->at) : NULL;
  g_autofree char *queued = dl_date_time_to_iso8601 (job->queued);
  g_autofree char *snapshot = g_strndup (g_bytes_get_data (job->snapshot, NULL), g_bytes_get_size (job->snapshot));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, JOB_FILE_VERSION);
  add_string (builder, "id", job->id);
  add_string (builder, "site_id", job->site_id);
  add_string (builder, "article_uuid", job->article_uuid);
  add_string (builder, "status", dl_remote_status_to_string (job->status));
  add_string (builder, "at", at);
  add_string (builder, "queued", queued);
  json_builder_set_member_name (builder, "overwrite");
  json_builder_add_boolean_value (builder, job->overwrite);
  json_builder_set_member_name (builder, "create_sent");
  json_builder_add_boolean_value (builder, job->create_sent);
  add_string (builder, "remote_id", job->remote_id);
  json_builder_set_member_name (builder, "attempts");
  json_builder_add_int_value (builder, job->attempts);
  if (job->state == DL_OUTBOX_JOB_FAILED && job->error != NULL)
    add_string (builder, "error", job->error->message);
  add_string (builder, "article", snapshot);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, TRUE);
}

static gboolean
write_job_file (DlOutbox     *self,
                DlOutboxJob  *job,
                GError      **error)
{
  g_autofree char *data = NULL;
  g_autofree char *dir = g_file_get_path (self->directory);

  g_mutex_lock (&self->journal_mutex);
  data = job_to_json (job);
  g_mutex_unlock (&self->journal_mutex);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   /* Translators: %s is a folder, the second %s why */
                   _("The outbox folder %s cannot be created: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  return g_file_set_contents_full (g_file_peek_path (job->file), data, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0600, error);
}

static DlOutboxJob *
job_from_file (DlOutbox  *self,
               GFile     *file,
               GError   **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(DlOutboxJob) job = NULL;
  g_autoptr(DlArticle) article = NULL;
  JsonObject *root;
  const char *snapshot, *at, *queued, *status;

  if (!json_parser_load_from_mapped_file (parser, g_file_peek_path (file), error))
    return NULL;
  /* An empty file parses to no root at all. */
  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    goto invalid;
  root = json_node_get_object (json_parser_get_root (parser));
  if (dl_json_member_int (root, "version") > JOB_FILE_VERSION)
    {
      g_set_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_NOT_SUPPORTED,
                   _("A publish in the outbox was queued by a newer Dateline; it is left alone."));
      return NULL;
    }
  snapshot = dl_json_member_string (root, "article");
  if (snapshot == NULL || (article = dl_article_new_from_data (snapshot, -1, error)) == NULL)
    {
      if (error != NULL && *error != NULL)
        return NULL;
      goto invalid;
    }

  job = g_object_new (DL_TYPE_OUTBOX_JOB, NULL);
  job->persisted = TRUE;
  job->file = g_object_ref (file);
  job->id = g_strdup (dl_json_member_string (root, "id"));
  job->site_id = g_strdup (dl_json_member_string (root, "site_id"));
  job->article_uuid = g_strdup (dl_article_get_uuid (article));
  job->headline = dl_article_dup_display_title (article);
  job->snapshot = g_bytes_new (snapshot, strlen (snapshot));
  status = (dl_json_member_string (root, "status") ?: "publish");
  if (!dl_remote_status_from_string (status, &job->status))
    goto invalid;
  at = dl_json_member_string (root, "at");
  job->at = at != NULL ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
  queued = dl_json_member_string (root, "queued");
  job->queued = queued != NULL ? g_date_time_new_from_iso8601 (queued, NULL) : NULL;
  if (job->queued == NULL)
    job->queued = g_date_time_new_now_utc ();
  job->overwrite = dl_json_member_bool (root, "overwrite");
  job->create_sent = dl_json_member_bool (root, "create_sent");
  job->remote_id = g_strdup (dl_json_member_string (root, "remote_id"));
  job->attempts = (guint) CLAMP (dl_json_member_int (root, "attempts"), 0, G_MAXINT);
  /* The id names the job's file when it is queued again: a UUID, never a path. */
  if (job->id == NULL || !g_uuid_string_is_valid (job->id) || job->site_id == NULL)
    goto invalid;
  if (json_object_has_member (root, "error"))
    {
      job->state = DL_OUTBOX_JOB_FAILED;
      job->error = g_error_new_literal (DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_SERVER,
                                        (dl_json_member_string (root, "error") ?: ""));
    }
  return g_steal_pointer (&job);

invalid:
  g_set_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_INVALID,
               /* Translators: %s is a file */
               _("The outbox file %s is damaged; it is left alone."), g_file_peek_path (file));
  return NULL;
}

static gint
compare_queued (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return g_date_time_compare (((DlOutboxJob *) a)->queued, ((DlOutboxJob *) b)->queued);
}

static GPtrArray *
read_job_files (GFile         *directory,
                DlOutbox      *self,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) local_error = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (directory, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                        cancellable, &local_error);
  if (children == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return g_steal_pointer (&jobs);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  while ((info = g_file_enumerator_next_file (children, cancellable, NULL)) != NULL)
    {
      g_autoptr(GFileInfo) owned = info;
      const char *name = g_file_info_get_name (info);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) job_error = NULL;
      DlOutboxJob *job;

      if (!g_str_has_suffix (name, ".json") || name[0] == '.')
        continue;
      file = g_file_get_child (directory, name);
      job = job_from_file (self, file, &job_error);
      if (job == NULL)
        g_message ("%s", job_error->message);
      else
        g_ptr_array_add (jobs, job);
    }
  g_ptr_array_sort_with_data (jobs, (GCompareDataFunc) compare_queued, NULL);
  return g_steal_pointer (&jobs);
}

static void
add_loaded (DlOutbox  *self,
            GPtrArray *jobs,
            gboolean   send)
{
  for (guint i = 0; i < jobs->len; i++)
    {
      DlOutboxJob *job = g_ptr_array_index (jobs, i);

      if (dl_outbox_find (self, job->article_uuid, job->site_id) != NULL)
        continue;
      if (!send && job->state == DL_OUTBOX_JOB_QUEUED)
        job->state = DL_OUTBOX_JOB_WAITING;
      g_list_store_append (self->jobs, job);
      g_signal_emit (self, signals[JOB_CHANGED], 0, job);
    }
}

/**
 * dl_outbox_load_sync:
 *
 * Reads the jobs left from an earlier run (the command line). They are
 * not sent: they wait, and a publish of the same article to the same
 * site takes over its job's journal (dl_outbox_add()).
 */
gboolean
dl_outbox_load_sync (DlOutbox  *self,
                     GError   **error)
{
  g_autoptr(GPtrArray) jobs = read_job_files (self->directory, self, NULL, error);

  if (jobs == NULL)
    return FALSE;
  add_loaded (self, jobs, FALSE);
  return TRUE;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *jobs = read_job_files (task_data, source_object, cancellable, &error);

  if (jobs == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, jobs, (GDestroyNotify) g_ptr_array_unref);
}

static void
load_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  DlOutbox *self = DL_OUTBOX (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) jobs = g_task_propagate_pointer (G_TASK (result), &error);

  if (jobs == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("The outbox cannot be read: %s", error->message);
      return;
    }
  add_loaded (self, jobs, TRUE);
  run_next (self);
}

/**
 * dl_outbox_load_async:
 *
 * Reads the jobs left from an earlier run in a worker and sends those
 * that were waiting (the application, at startup).
 */
void
dl_outbox_load_async (DlOutbox *self)
{
  g_autoptr(GTask) task = NULL;

  /* Once per outbox, however many windows ask. */
  if (self->load_started)
    return;
  self->load_started = TRUE;
  task = g_task_new (self, self->cancellable, load_done, NULL);
  g_task_set_task_data (task, g_object_ref (self->directory), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * dl_outbox_find:
 *
 * Returns: (transfer none) (nullable): the job publishing the article to
 *   the site
 */
DlOutboxJob *
dl_outbox_find (DlOutbox   *self,
                const char *article_uuid,
                const char *site_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->jobs)); i++)
    {
      g_autoptr(DlOutboxJob) job = g_list_model_get_item (G_LIST_MODEL (self->jobs), i);

      if (g_strcmp0 (job->article_uuid, article_uuid) == 0 && g_strcmp0 (job->site_id, site_id) == 0)
        return job; /* the list keeps a reference */
    }
  return NULL;
}

/* ---- sending ------------------------------------------------------------------------------------- */

typedef struct
{
  DlOutbox    *outbox;
  DlOutboxJob *job;
} JournalData;

/* From the worker: the journal is the job file. */
static void
journal_cb (const char *remote_id,
            gpointer    user_data)
{
  JournalData *data = user_data;
  g_autoptr(GError) error = NULL;

  g_mutex_lock (&data->outbox->journal_mutex);
  if (remote_id == NULL)
    data->job->create_sent = TRUE;
  else
    {
      g_free (data->job->remote_id);
      data->job->remote_id = g_strdup (remote_id);
    }
  g_mutex_unlock (&data->outbox->journal_mutex);
  if (!write_job_file (data->outbox, data->job, &error))
    g_warning ("The outbox journal cannot be written: %s", error->message);
}

static void
set_state (DlOutbox         *self,
           DlOutboxJob      *job,
           DlOutboxJobState  state)
{
  job->state = state;
  g_signal_emit (self, signals[JOB_CHANGED], 0, job);
}

static void
job_file_deleted (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DlOutboxJob) job = user_data;
  g_autoptr(GError) error = NULL;
  DlOutbox *self = g_object_get_data (G_OBJECT (job), "dl-outbox-removing");
  guint position;

  if (!g_file_delete_finish (G_FILE (source), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_warning ("The outbox file %s cannot be removed: %s", g_file_peek_path (G_FILE (source)), error->message);
  if (self == NULL)
    return;
  if (g_list_store_find (self->jobs, job, &position))
    g_list_store_remove (self->jobs, position);
  g_signal_emit (self, signals[JOB_CHANGED], 0, job);
  g_object_unref (self);
}

/* The job leaves the list once its file is gone, so that what the list
 * shows is what a restart would find. */
static void
remove_job (DlOutbox    *self,
            DlOutboxJob *job)
{
  g_object_set_data (G_OBJECT (job), "dl-outbox-removing", g_object_ref (self));
  g_file_delete_async (job->file, G_PRIORITY_DEFAULT, NULL, job_file_deleted, g_object_ref (job));
}

static DlArticleStatus
local_status_for (DlRemoteStatus   remote,
                  DlArticleStatus  current)
{
  switch (remote)
    {
    case DL_REMOTE_STATUS_PUBLISH: return DL_ARTICLE_STATUS_PUBLISHED;
    case DL_REMOTE_STATUS_FUTURE: return DL_ARTICLE_STATUS_SCHEDULED;
    case DL_REMOTE_STATUS_DRAFT:
    case DL_REMOTE_STATUS_PENDING:
    default:
      return current;
    }
}

typedef struct
{
  DlOutbox    *outbox;
  DlOutboxJob *job;
} ApplyData;

static void
apply_data_free (ApplyData *data)
{
  g_object_unref (data->outbox);
  g_object_unref (data->job);
  g_free (data);
}

static void
record_saved (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ApplyData *data = user_data;
  g_autoptr(GError) error = NULL;

  if (!dl_store_save_article_finish (DL_STORE (source), result, &error))
    {
      /* The job file keeps the record: the next run tries again. */
      g_warning ("The publication record of %s cannot be saved: %s", data->job->article_uuid, error->message);
      apply_data_free (data);
      return;
    }
  remove_job (data->outbox, data->job);
  apply_data_free (data);
}

static void
article_opened (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ApplyData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DlArticle) article = dl_store_open_article_finish (DL_STORE (source), result, &error);

  if (article == NULL)
    {
      /* Deleted meanwhile: the post is out, nothing to record. */
      g_warning ("The article %s is gone; its publication record is dropped: %s", data->job->article_uuid,
                 error->message);
      remove_job (data->outbox, data->job);
      apply_data_free (data);
      return;
    }
  dl_outbox_apply_result (article, data->job);
  dl_store_save_article_async (DL_STORE (source), article, NULL, record_saved, data);
}

/**
 * dl_outbox_apply_result:
 * @article: the article as it is now
 *
 * Writes a finished job's record and status into the article. An article
 * edited since the snapshot was taken is Changed, not Published.
 */
void
dl_outbox_apply_result (DlArticle   *article,
                        DlOutboxJob *job)
{
  g_autoptr(DlArticle) snapshot = dl_article_new_from_data (g_bytes_get_data (job->snapshot, NULL),
                                                            g_bytes_get_size (job->snapshot), NULL);
  DlArticleStatus status = local_status_for (job->result->status, dl_article_get_status (article));
  /* Taken before the record goes in: a live article touches its
   * modification time on every change. */
  g_autoptr(GDateTime) modified = dl_article_get_modified (article) != NULL
                                  ? g_date_time_ref (dl_article_get_modified (article)) : NULL;

  dl_article_set_publication (article, job->result->publication);
  if (status == DL_ARTICLE_STATUS_PUBLISHED && snapshot != NULL && modified != NULL
      && dl_article_get_modified (snapshot) != NULL
      /* The file keeps whole seconds. */
      && g_date_time_to_unix (modified) > g_date_time_to_unix (dl_article_get_modified (snapshot)))
    status = DL_ARTICLE_STATUS_CHANGED;
  dl_article_set_status (article, status);
}

static void finish_success (DlOutbox    *self,
                            DlOutboxJob *job);

typedef struct
{
  DlOutbox    *outbox;
  DlOutboxJob *job;
} RevisionData;

static void
on_publish_revision_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  RevisionData *data = user_data;
  g_autoptr(DlOutbox) self = data->outbox;
  g_autoptr(DlOutboxJob) job = data->job;
  g_autoptr(GError) error = NULL;

  g_free (data);
  /* Not the publication's failure: only the history is the poorer. */
  if (!dl_store_add_revision_finish (DL_STORE (source), result, NULL, &error))
    g_message ("Could not keep the published text as a revision: %s", error->message);
  finish_success (self, job);
}

static void
job_succeeded (DlOutbox    *self,
               DlOutboxJob *job)
{
  DlRemoteStatus status = job->result != NULL ? job->result->status : DL_REMOTE_STATUS_DRAFT;

  /* What readers see (or will, when scheduled) is kept as a revision:
   * the snapshot that was sent, not the text edited since. The job is
   * done only once the revision is on disk: the store's operations run
   * side by side, and `dateline-cli publish` exits when the job is done,
   * which would otherwise lose a revision still being written. */
  if (status == DL_REMOTE_STATUS_PUBLISH || status == DL_REMOTE_STATUS_FUTURE)
    {
      g_autoptr(DlArticle) sent = dl_article_new_from_data (g_bytes_get_data (job->snapshot, NULL),
                                                            g_bytes_get_size (job->snapshot), NULL);

      if (sent != NULL)
        {
          RevisionData *data = g_new0 (RevisionData, 1);

          data->outbox = g_object_ref (self);
          data->job = g_object_ref (job);
          dl_store_add_revision_async (self->store, sent, DL_REVISION_CAUSE_PUBLISH, NULL,
                                       on_publish_revision_cb, data);
          return;
        }
    }
  finish_success (self, job);
}

static void
finish_success (DlOutbox    *self,
                DlOutboxJob *job)
{
  gboolean handled = FALSE;

  set_state (self, job, DL_OUTBOX_JOB_DONE);
  g_signal_emit (self, signals[PUBLISHED], 0, job, &handled);
  if (handled)
    remove_job (self, job);
  else
    {
      ApplyData *data = g_new0 (ApplyData, 1);

      data->outbox = g_object_ref (self);
      data->job = g_object_ref (job);
      dl_store_open_article_async (self->store, job->article_uuid, NULL, article_opened, data);
    }
}

static gboolean
retry_cb (gpointer user_data)
{
  DlOutbox *self = user_data;

  self->retry_source = 0;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->jobs)); i++)
    {
      g_autoptr(DlOutboxJob) job = g_list_model_get_item (G_LIST_MODEL (self->jobs), i);

      if (job->state == DL_OUTBOX_JOB_WAITING)
        job->state = DL_OUTBOX_JOB_QUEUED;
    }
  run_next (self);
  return G_SOURCE_REMOVE;
}

static void
publish_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(DlOutboxJob) job = user_data;
  g_autoptr(GError) error = NULL;
  DlPublishResult *published = dl_publisher_publish_finish (DL_PUBLISHER (source), result, &error);
  DlOutbox *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return; /* the outbox is going away; the job file stays */
  self = g_object_get_data (G_OBJECT (job), "dl-outbox");
  self->sending = NULL;

  if (published != NULL)
    {
      job->result = published;
      g_clear_error (&job->error);
      self->retry_seconds = FIRST_RETRY_SECONDS;
      job_succeeded (self, job);
    }
  else
    {
      g_clear_error (&job->error);
      job->error = g_steal_pointer (&error);
      if (dl_publish_error_is_transient (job->error))
        {
          set_state (self, job, DL_OUTBOX_JOB_WAITING);
          if (self->auto_retry && self->retry_source == 0)
            {
              self->retry_source = g_timeout_add_seconds (self->retry_seconds, retry_cb, self);
              self->retry_seconds = MIN (self->retry_seconds * 2, LAST_RETRY_SECONDS);
            }
        }
      else
        {
          /* Its file keeps the reason for the next run. */
          set_state (self, job, DL_OUTBOX_JOB_FAILED);
          persist_job (self, job);
        }
    }
  run_next (self);
}

static void
start_job (DlOutbox    *self,
           DlOutboxJob *job)
{
  DlSite *site = dl_site_list_lookup (self->sites, job->site_id);
  DlPublishRequest *request;
  JournalData *journal;
  g_autoptr(GError) error = NULL;
  g_autoptr(DlArticle) article = NULL;

  if (site == NULL)
    {
      job->error = g_error_new (DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_INVALID,
                                _("The site this story was to be published to has been removed."));
      set_state (self, job, DL_OUTBOX_JOB_FAILED);
      return;
    }
  article = dl_article_new_from_data (g_bytes_get_data (job->snapshot, NULL), g_bytes_get_size (job->snapshot),
                                      &error);
  if (article == NULL)
    {
      job->error = g_steal_pointer (&error);
      set_state (self, job, DL_OUTBOX_JOB_FAILED);
      return;
    }

  request = g_new0 (DlPublishRequest, 1);
  request->article = g_steal_pointer (&article);
  request->status = job->status;
  request->at = job->at != NULL ? g_date_time_ref (job->at) : NULL;
  request->overwrite = job->overwrite;
  request->house_style = self->house_style != NULL ? dl_house_style_copy (self->house_style) : NULL;
  {
    DlPublication *previous = dl_article_find_publication (request->article, job->site_id);

    g_mutex_lock (&self->journal_mutex);
    request->create_sent = job->create_sent;
    if (previous != NULL)
      request->previous = dl_publication_copy (previous);
    if (job->remote_id != NULL)
      {
        /* The journal knows better than the snapshot: the post exists. */
        if (request->previous == NULL)
          request->previous = dl_publication_new (job->site_id);
        g_free (request->previous->remote_id);
        request->previous->remote_id = g_strdup (job->remote_id);
      }
    job->attempts++;
    g_mutex_unlock (&self->journal_mutex);
  }
  journal = g_new0 (JournalData, 1);
  journal->outbox = self;
  journal->job = job;
  g_object_set_data_full (G_OBJECT (job), "dl-journal", journal, g_free);
  request->journal = journal_cb;
  request->journal_data = journal;

  g_object_set_data (G_OBJECT (job), "dl-outbox", self);
  self->sending = job;
  set_state (self, job, DL_OUTBOX_JOB_SENDING);
  dl_publisher_publish_async (dl_outbox_get_publisher (self, site), request, self->cancellable, publish_done,
                              g_object_ref (job));
}

static void
run_next (DlOutbox *self)
{
  if (self->sending != NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->jobs)); i++)
    {
      g_autoptr(DlOutboxJob) job = g_list_model_get_item (G_LIST_MODEL (self->jobs), i);

      if (job->state == DL_OUTBOX_JOB_QUEUED && job->persisted)
        {
          start_job (self, job);
          if (self->sending != NULL)
            return;
        }
    }
}

/**
 * dl_outbox_add:
 * @article: the article as it is now; the job takes a snapshot
 * @at: (nullable): the time chosen for a schedule
 * @overwrite: replace changes made on the site since the last publish
 *
 * Queues a publish and starts it when nothing else is going out, once
 * its file is written.
 *
 * Returns: (transfer none) (nullable): the job, or %NULL with @error
 */
DlOutboxJob *
dl_outbox_add (DlOutbox        *self,
               DlArticle       *article,
               DlSite          *site,
               DlRemoteStatus   status,
               GDateTime       *at,
               gboolean         overwrite,
               GError         **error)
{
  DlOutboxJob *existing = dl_outbox_find (self, dl_article_get_uuid (article), dl_site_get_id (site));
  g_autoptr(DlOutboxJob) job = NULL;
  g_autofree char *name = NULL;

  if (existing != NULL && existing->state == DL_OUTBOX_JOB_SENDING)
    {
      g_set_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_INVALID,
                   /* Translators: %s is a site's name, such as "City News" */
                   _("This story is being published to %s right now. Wait for it to finish, then publish again."),
                   dl_site_get_name (site));
      return NULL;
    }

  job = g_object_new (DL_TYPE_OUTBOX_JOB, NULL);
  job->id = existing != NULL ? g_strdup (existing->id) : g_uuid_string_random ();
  job->site_id = g_strdup (dl_site_get_id (site));
  job->article_uuid = g_strdup (dl_article_get_uuid (article));
  job->headline = dl_article_dup_display_title (article);
  job->snapshot = dl_article_serialize (article);
  job->status = status;
  job->at = at != NULL ? g_date_time_ref (at) : NULL;
  job->overwrite = overwrite;
  job->queued = g_date_time_new_now_utc ();
  /* A job replaced before it finished keeps its journal: the post it may
   * have made is still the one to update. */
  if (existing != NULL)
    {
      job->create_sent = existing->create_sent;
      job->remote_id = g_strdup (existing->remote_id);
      job->attempts = existing->attempts;
    }
  name = g_strconcat (job->id, ".json", NULL);
  job->file = g_file_get_child (self->directory, name);

  if (existing != NULL)
    {
      guint position;

      if (g_list_store_find (self->jobs, existing, &position))
        g_list_store_remove (self->jobs, position);
    }
  g_list_store_append (self->jobs, job);
  set_state (self, job, DL_OUTBOX_JOB_QUEUED);
  persist_job (self, job);
  return job;
}

static void
persist_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_job_file (source_object, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
persisted (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  DlOutbox *self = DL_OUTBOX (source);
  DlOutboxJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Not on disk, so not promised: say so rather than send it. */
      g_clear_error (&job->error);
      job->error = g_steal_pointer (&error);
      set_state (self, job, DL_OUTBOX_JOB_FAILED);
      return;
    }
  job->persisted = TRUE;
  run_next (self);
}

/* The job file is written in a worker (it is synced to disk: the promise
 * that the publish survives a crash); the job goes out after that. */
static void
persist_job (DlOutbox    *self,
             DlOutboxJob *job)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, persisted, NULL);

  job->persisted = FALSE;
  g_task_set_task_data (task, g_object_ref (job), g_object_unref);
  g_task_run_in_thread (task, persist_thread);
}

/**
 * dl_outbox_retry:
 *
 * Sends a waiting or failed job now.
 */
void
dl_outbox_retry (DlOutbox    *self,
                 DlOutboxJob *job)
{
  if (job->state == DL_OUTBOX_JOB_SENDING || job->state == DL_OUTBOX_JOB_DONE)
    return;
  g_clear_error (&job->error);
  set_state (self, job, DL_OUTBOX_JOB_QUEUED);
  run_next (self);
}

/**
 * dl_outbox_retry_overwriting:
 *
 * Sends a job that failed on a conflict again, replacing what was changed
 * on the site: the user has chosen to.
 */
void
dl_outbox_retry_overwriting (DlOutbox    *self,
                             DlOutboxJob *job)
{
  if (job->state == DL_OUTBOX_JOB_SENDING || job->state == DL_OUTBOX_JOB_DONE)
    return;
  job->overwrite = TRUE;
  g_clear_error (&job->error);
  set_state (self, job, DL_OUTBOX_JOB_QUEUED);
  persist_job (self, job);
}

/**
 * dl_outbox_discard:
 *
 * Gives up a job that is not going out right now. The article is not
 * touched.
 */
void
dl_outbox_discard (DlOutbox    *self,
                   DlOutboxJob *job)
{
  if (job->state == DL_OUTBOX_JOB_SENDING)
    return;
  remove_job (self, job);
}
