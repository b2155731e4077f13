/* dl-store-private.h: what the store's files share
 *
 * DlStore is one object in several files, one concern each:
 *
 *   dl-store.c            the object, its lifetime, and the one helper
 *                         every operation uses (_dl_store_run_async())
 *   dl-store-files.c      paths, errors, atomic writes, backups, the
 *                         quarantine, reading a file, and what the store
 *                         knows of each file on disk (conflict checks)
 *   dl-store-summaries.c  the entry table and the summaries model
 *   dl-store-index.c      the index file: reading it, writing it
 *   dl-store-load.c       loading: the index first, then reconciliation
 *   dl-store-open.c       opening one article
 *   dl-store-save.c       saving one article
 *   dl-store-trash.c      trashing and restoring
 *   dl-store-trash-list.c the trash as a list; deleting for good; the purge
 *   dl-store-import.c     importing a .dateline file or a ninjs document
 *   dl-store-search.c     full-text search
 *   dl-store-conflicts.c  another program changed a file: keep mine, use theirs
 *   dl-store-recovery.c   the recovery folder and backups on request
 *   dl-store-watch.c      watching the folder for outside changes
 *
 * Threads: the summaries, the entry table and everything that emits
 * signals belong to the thread that created the store (the owner).
 * A worker only touches files, under io_lock. An operation is a work
 * function (any thread, files only) and an apply function (owner
 * thread, the model), run by _dl_store_run_async() or
 * _dl_store_run_sync(); nothing else starts a thread for the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-file-util.h"
#include "dl-summary-list.h"
#include "dl-store.h"

G_BEGIN_DECLS

/* One article of the library, as the store tracks it. */
typedef struct
{
  char             *uuid;
  DlArticleSummary *summary;      /* made from the record when first asked for */
  GVariant         *record;       /* cached index record; NULL when stale */
  gint64            modified_us;  /* sort key */
  gint64            mtime_ns;
  guint64           size;
  guint64           serial;       /* last local change, see mutation_serial */
  guint64           applied_gen;  /* generation of the last save applied */
} Entry;

struct _DlStore
{
  GObject       parent_instance;

  GFile        *directory;
  char         *path;
  GMainContext *context;          /* the owner thread's */

  DlSummaryList *summaries;
  GListStore   *quarantined;
  GHashTable   *entries;          /* uuid → Entry */

  guint64       next_gen;
  guint64       mutation_serial;
  guint64       load_serial;
  guint64       index_gen;
  GSource      *index_source;
  GSource      *warm_source;      /* making summaries in idle time */
  guint         warm_position;
  guint         ready : 1;
  guint         reconciled : 1;
  guint         index_dirty : 1;

  GFileMonitor *monitor;          /* the folder, for changes made outside */
  GHashTable   *pending_checks;   /* uuid → GSource: a file to look at again */

  /* Shared with workers. */
  GMutex        io_lock;
  GHashTable   *written_gen;      /* uuid → guint64 generation on disk */
  GHashTable   *trashed;          /* uuids trashed during this session */
  GHashTable   *disk_stamps;      /* uuid → KnownVersion: the file as this store last saw it */
  char         *recovery_path;
  guint64       written_index_gen;
};

/* dl-store.c: running an operation */

/* Any thread; touches files only (under io_lock where it moves or writes
 * one). Returns FALSE with @error set on failure. */
typedef gboolean (*DlStoreWorkFunc)  (DlStore       *self,
                                      gpointer       data,
                                      GCancellable  *cancellable,
                                      GError       **error);
/* The owner thread, after the work, whether it failed (@error) or not:
 * brings the summaries and the entry table up to date. */
typedef void     (*DlStoreApplyFunc) (DlStore       *self,
                                      gpointer       data,
                                      const GError  *error);

void          _dl_store_run_async              (DlStore             *self,
                                                gpointer             source_tag,
                                                gpointer             data,
                                                GDestroyNotify       data_free,
                                                DlStoreWorkFunc      work,
                                                DlStoreApplyFunc     apply,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gpointer      _dl_store_run_finish             (DlStore             *self,
                                                GAsyncResult        *result,
                                                gpointer             source_tag,
                                                GError             **error);
gboolean      _dl_store_run_sync               (DlStore             *self,
                                                gpointer             data,
                                                DlStoreWorkFunc      work,
                                                DlStoreApplyFunc     apply,
                                                GCancellable        *cancellable,
                                                GError             **error);
void          _dl_store_invoke_on_owner        (DlStore             *self,
                                                const char          *name,
                                                GSourceFunc          func,
                                                gpointer             data,
                                                GDestroyNotify       data_free);
void          _dl_store_set_ready              (DlStore             *self);
void          _dl_store_emit_changed_outside   (DlStore             *self,
                                                const char          *uuid,
                                                DlArticle           *article);

/* dl-store-files.c: any thread */
char         *_dl_store_article_path           (const char          *dir,
                                                const char          *uuid);
char         *_dl_store_subdir_path            (DlStore             *self,
                                                const char          *subdir);
void          _dl_store_set_io_error           (GError             **error,
                                                int                  code,
                                                const char          *format,
                                                const char          *path,
                                                int                  saved_errno);
gboolean      _dl_store_check_uuid             (const char          *uuid,
                                                GError             **error);
gboolean      _dl_store_ensure_folder          (const char          *folder,
                                                GError             **error);
gboolean      _dl_store_write_file_atomically  (const char          *folder,
                                                const char          *final_path,
                                                const char          *data,
                                                gsize                length,
                                                GError             **error);
void          _dl_store_back_up_previous_version (DlStore           *self,
                                                const char          *current_path,
                                                const char          *uuid);
gboolean      _dl_store_stat_file              (const char          *path,
                                                gint64              *mtime_ns,
                                                guint64             *size);
DlArticle    *_dl_store_article_with_new_uuid  (DlArticle           *article);
DlQuarantinedFile *_dl_store_quarantine_file_locked (DlStore        *self,
                                                const char          *path,
                                                const char          *reason);
GPtrArray    *_dl_store_list_quarantine        (DlStore             *self);
DlArticle    *_dl_store_read_library_file      (DlStore             *self,
                                                const char          *path,
                                                DlFileStamp         *stamp,
                                                GBytes             **content,
                                                DlQuarantinedFile  **quarantined,
                                                GError             **error);
void          _dl_store_known_version_free     (gpointer             data);
void          _dl_store_remember_read_version  (DlStore             *self,
                                                const char          *uuid,
                                                const char          *path,
                                                const DlFileStamp   *read,
                                                GBytes              *content,
                                                gboolean             only_if_new);
gboolean      _dl_store_record_written_locked  (DlStore             *self,
                                                const char          *uuid,
                                                const char          *path,
                                                GBytes              *content,
                                                gint64              *mtime_ns,
                                                guint64             *size);
void          _dl_store_remember_stamp_if_new  (DlStore             *self,
                                                const char          *uuid,
                                                const DlFileStamp   *stamp);
gboolean      _dl_store_is_known_version_locked (DlStore            *self,
                                                const char          *uuid,
                                                const char          *path,
                                                const DlFileStamp   *on_disk);

/* dl-store-summaries.c: the owner thread, except the Entry constructors */
void          _dl_store_entry_free             (gpointer             data);
const char   *_dl_store_entry_uuid             (Entry               *entry);
DlArticleSummary *_dl_store_entry_get_summary  (Entry               *entry);
void          _dl_store_warm_summaries         (DlStore             *self);
void          _dl_store_stop_warming           (DlStore             *self);
Entry        *_dl_store_entry_new_from_article (DlArticle           *article,
                                                gint64               mtime_ns,
                                                guint64              size);
Entry        *_dl_store_entry_new_from_record  (GVariant            *record);
GVariant     *_dl_store_entry_get_record       (Entry               *entry);
void          _dl_store_remove_entry           (DlStore             *self,
                                                const char          *uuid);
Entry        *_dl_store_upsert_article         (DlStore             *self,
                                                DlArticle           *article,
                                                gint64               mtime_ns,
                                                guint64              size);
void          _dl_store_add_entries            (DlStore             *self,
                                                GPtrArray           *entries);
void          _dl_store_add_quarantined        (DlStore             *self,
                                                DlQuarantinedFile   *file);

/* dl-store-index.c */
GVariant     *_dl_store_read_index             (DlStore             *self,
                                                GVariant           **rest,
                                                GError             **error);
GVariant     *_dl_store_trusted_records        (GVariant            *records);
GPtrArray    *_dl_store_build_entries          (GVariant            *records,
                                                gsize                from,
                                                gsize                to,
                                                GHashTable          *known);
void          _dl_store_schedule_index_write   (DlStore             *self);

/* dl-store-open.c: one article read from its file, by opening it, by
 * "use theirs", by a restore from the trash or after an outside change */
typedef struct
{
  char              *uuid;
  DlArticle         *article;       /* NULL when it could not be read */
  DlQuarantinedFile *quarantined;   /* set when it was moved aside instead */
  gint64             mtime_ns;      /* the file as read */
  guint64            size;
} OpenData;

OpenData     *_dl_store_open_data_new          (const char          *uuid);
void          _dl_store_open_data_free         (gpointer             data);
gboolean      _dl_store_open_work              (DlStore             *self,
                                                gpointer             data,
                                                GCancellable        *cancellable,
                                                GError             **error);
void          _dl_store_open_apply             (DlStore             *self,
                                                gpointer             data,
                                                const GError        *error);

/* dl-store-save.c: import and "keep mine" save as any save does */
typedef struct
{
  DlArticle *snapshot;
  guint64    gen;
  gint64     mtime_ns;
  guint64    size;
  gboolean   superseded;   /* a newer save already reached the disk */
  gboolean   in_trash;     /* trashed meanwhile: saved there instead */
  gboolean   keep_mine;    /* resolving a conflict: the other version goes to the trash */
  char      *recovery;     /* where the snapshot was kept after a conflict */
  GBytes    *raw;          /* written instead of the snapshot (a newer Dateline's file) */
} SaveData;

SaveData     *_dl_store_save_data_new          (DlStore             *self,
                                                DlArticle           *article);
void          _dl_store_save_data_free         (gpointer             data);
gboolean      _dl_store_save_work              (DlStore             *self,
                                                gpointer             data,
                                                GCancellable        *cancellable,
                                                GError             **error);
void          _dl_store_save_apply             (DlStore             *self,
                                                gpointer             data,
                                                const GError        *error);

/* dl-store-recovery.c: call with io_lock held */
gboolean      _dl_store_write_recovery_locked  (DlStore             *self,
                                                DlArticle           *article,
                                                char               **path_out,
                                                GError             **error);
void          _dl_store_remove_recovery_locked (DlStore             *self,
                                                const char          *uuid);

/* dl-store-conflicts.c: call with io_lock held */
void          _dl_store_set_aside_locked       (DlStore             *self,
                                                const char          *path,
                                                DlArticle           *known);

void          _dl_store_delete_revisions       (DlStore             *self,
                                                const char          *uuid);

G_END_DECLS
