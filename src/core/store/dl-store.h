/* dl-store.h: the local library of articles in $XDG_DATA_HOME/dateline/
 *
 * Every operation has an _async/_finish pair that does its file work in
 * a worker thread and updates the summaries on the thread that created
 * the store; the _sync variants do both in the calling thread (the
 * command line, tests, benchmarks). The code is in dl-store-*.c, one
 * file per concern (dl-store-private.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dl-article.h"
#include "dl-article-summary.h"
#include "dl-quarantined-file.h"
#include "dl-revision.h"
#include "dl-trashed-article.h"

G_BEGIN_DECLS

#define DL_STORE_ERROR (dl_store_error_quark ())

typedef enum
{
  DL_STORE_ERROR_NOT_FOUND,
  DL_STORE_ERROR_WRITE,      /* saving failed: disk full, read-only folder, ... */
  DL_STORE_ERROR_CORRUPT,    /* the file could not be parsed; it was quarantined */
  DL_STORE_ERROR_CONFLICT,   /* another program changed the file: nothing was overwritten */
  DL_STORE_ERROR_READ_ONLY,  /* an article from a newer Dateline is never written */
} DlStoreError;

typedef enum
{
  DL_CONFLICT_KEEP_MINE,     /* the open version stays; the other goes to the trash */
  DL_CONFLICT_USE_THEIRS,    /* the file's version stays; the open one goes to the trash */
} DlConflictChoice;

GQuark        dl_store_error_quark           (void);

/* The library folder's layout (docs/FILE-FORMAT.md). */
#define DL_STORE_INDEX_NAME       "index.gvariant"
#define DL_STORE_BACKUPS_DIR      "backups"
#define DL_STORE_TRASH_DIR        "trash"
#define DL_STORE_QUARANTINE_DIR   "quarantine"
#define DL_STORE_RECOVERY_DIR     "recovery"
#define DL_STORE_REASON_SUFFIX    ".reason"
#define DL_STORE_REVISIONS_DIR    "revisions"
/* Revisions kept per article (dl-store-revisions.c says which go). */
#define DL_STORE_MAX_REVISIONS    100

#define DL_TYPE_STORE (dl_store_get_type ())
G_DECLARE_FINAL_TYPE (DlStore, dl_store, DL, STORE, GObject)

/* @directory: (nullable): NULL for $XDG_DATA_HOME/dateline/ */
DlStore      *dl_store_new                   (GFile               *directory);
GFile        *dl_store_get_directory         (DlStore             *self);

/* Fills the summaries from the index without reading article bodies, then
 * checks the folder for files changed outside Dateline, all off the main
 * thread. */
void          dl_store_load_async            (DlStore             *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean      dl_store_load_finish           (DlStore             *self,
                                              GAsyncResult        *result,
                                              GError             **error);
gboolean      dl_store_load_sync             (DlStore             *self,
                                              GCancellable        *cancellable,
                                              GError             **error);

/* TRUE (and "ready" notified) once the summaries hold the first page of
 * the index (the newest articles): the list can be shown. The rest of the
 * index follows in one more items-changed, and dl_store_load_async()
 * completes when the folder has been reconciled with the index. */
gboolean      dl_store_is_ready              (DlStore             *self);

/* Writes the index now if it is out of date (it is otherwise written
 * shortly after changes, and when the store is disposed). */
gboolean      dl_store_write_index_sync      (DlStore             *self,
                                              GError             **error);

/* A GListModel of DlArticleSummary, newest modification first; kept up to
 * date by saves, trashing and restoring. Trashed articles are not in it. */
GListModel   *dl_store_get_summaries         (DlStore             *self);
DlArticleSummary *dl_store_find_summary      (DlStore             *self,
                                              const char          *uuid);

void          dl_store_open_article_async    (DlStore             *self,
                                              const char          *uuid,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
DlArticle    *dl_store_open_article_finish   (DlStore             *self,
                                              GAsyncResult        *result,
                                              GError             **error);
DlArticle    *dl_store_open_article_sync     (DlStore             *self,
                                              const char          *uuid,
                                              GCancellable        *cancellable,
                                              GError             **error);

/* Saves a snapshot (dl_article_copy()) taken at call time: atomic (temp
 * file, fsync, rename), keeps the previous version as a backup. */
void          dl_store_save_article_async    (DlStore             *self,
                                              DlArticle           *article,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean      dl_store_save_article_finish   (DlStore             *self,
                                              GAsyncResult        *result,
                                              GError             **error);
gboolean      dl_store_save_article_sync     (DlStore             *self,
                                              DlArticle           *article,
                                              GCancellable        *cancellable,
                                              GError             **error);

/* Moves the article to the store's trash folder (recoverable). */
gboolean      dl_store_trash_article_sync    (DlStore             *self,
                                              const char          *uuid,
                                              GError             **error);
gboolean      dl_store_restore_article_sync  (DlStore             *self,
                                              const char          *uuid,
                                              GError             **error);
void          dl_store_trash_article_async   (DlStore             *self,
                                              const char          *uuid,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean      dl_store_trash_article_finish  (DlStore             *self,
                                              GAsyncResult        *result,
                                              GError             **error);
void          dl_store_restore_article_async (DlStore             *self,
                                              const char          *uuid,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean      dl_store_restore_article_finish (DlStore            *self,
                                              GAsyncResult        *result,
                                              GError             **error);

/* The trash as a list (most recently trashed first), deleting for good
 * and the purge of old items. dl_store_delete_trashed_async() with a NULL
 * uuid empties the trash; the purge finishes with
 * dl_store_delete_trashed_finish(). */
#define DL_STORE_TRASH_KEEP_DAYS 30
GPtrArray    *dl_store_list_trash_sync       (DlStore             *self,
                                              GError             **error);
void          dl_store_list_trash_async      (DlStore             *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GPtrArray    *dl_store_list_trash_finish     (DlStore             *self,
                                              GAsyncResult        *result,
                                              GError             **error);
gboolean      dl_store_delete_trashed_sync   (DlStore             *self,
                                              const char          *uuid,
                                              GError             **error);
void          dl_store_delete_trashed_async  (DlStore             *self,
                                              const char          *uuid,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean      dl_store_delete_trashed_finish (DlStore             *self,
                                              GAsyncResult        *result,
                                              guint               *n_deleted,
                                              GError             **error);
gboolean      dl_store_purge_trash_sync      (DlStore             *self,
                                              GDateTime           *older_than,
                                              guint               *n_deleted,
                                              GError             **error);
void          dl_store_purge_trash_async     (DlStore             *self,
                                              GDateTime           *older_than,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);

/* Imports a .dateline file from anywhere; a UUID already in the library
 * gets a fresh one so nothing is overwritten. Returns the stored article. */
DlArticle    *dl_store_import_file_sync      (DlStore             *self,
                                              GFile               *file,
                                              GStrv               *warnings,
                                              GCancellable        *cancellable,
                                              GError             **error);
void          dl_store_import_file_async     (DlStore             *self,
                                              GFile               *file,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
DlArticle    *dl_store_import_file_finish    (DlStore             *self,
                                              GAsyncResult        *result,
                                              GStrv               *warnings,
                                              GError             **error);

/* Full-text search over headline, standfirst, body, tags and place, run
 * off the main thread. Returns a GStrv of matching UUIDs. */
void          dl_store_search_async          (DlStore             *self,
                                              const char          *query,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GStrv         dl_store_search_finish         (DlStore             *self,
                                              GAsyncResult        *result,
                                              GError             **error);

/* Files that could not be parsed and were moved to quarantine/: a
 * GListModel of DlQuarantinedFile. */
GListModel   *dl_store_get_quarantined       (DlStore             *self);

/* Outside changes: the folder is watched ("changed-outside"), and a save
 * over a file another program changed fails with CONFLICT instead. */
void          dl_store_watch                 (DlStore             *self);
void          dl_store_resolve_conflict_async (DlStore            *self,
                                              DlArticle           *mine,
                                              DlConflictChoice     choice,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
DlArticle    *dl_store_resolve_conflict_finish (DlStore           *self,
                                              GAsyncResult        *result,
                                              GError             **error);

void          dl_store_back_up_article_async (DlStore             *self,
                                              DlArticle           *article,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean      dl_store_back_up_article_finish (DlStore            *self,
                                              GAsyncResult        *result,
                                              GError             **error);

/* Text the library could not take, kept in the recovery folder. */
void          dl_store_keep_in_recovery_async (DlStore            *self,
                                              DlArticle           *article,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean      dl_store_keep_in_recovery_finish (DlStore           *self,
                                              GAsyncResult        *result,
                                              GError             **error);
void          dl_store_list_recovered_async  (DlStore             *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GPtrArray    *dl_store_list_recovered_finish (DlStore             *self,
                                              GAsyncResult        *result,
                                              GError             **error);

/* Revisions: kept versions of an article's text (dl-store-revisions.c). */
gboolean      dl_store_add_revision_sync     (DlStore             *self,
                                              DlArticle           *article,
                                              DlRevisionCause      cause,
                                              DlRevision         **revision_out,
                                              GError             **error);
void          dl_store_add_revision_async    (DlStore             *self,
                                              DlArticle           *article,
                                              DlRevisionCause      cause,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean      dl_store_add_revision_finish   (DlStore             *self,
                                              GAsyncResult        *result,
                                              DlRevision         **revision_out,
                                              GError             **error);
GPtrArray    *dl_store_list_revisions_sync   (DlStore             *self,
                                              const char          *uuid,
                                              GError             **error);
void          dl_store_list_revisions_async  (DlStore             *self,
                                              const char          *uuid,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GPtrArray    *dl_store_list_revisions_finish (DlStore             *self,
                                              GAsyncResult        *result,
                                              GError             **error);
DlArticle    *dl_store_load_revision_sync    (DlStore             *self,
                                              const char          *uuid,
                                              const char          *revision_id,
                                              GError             **error);
void          dl_store_load_revision_async   (DlStore             *self,
                                              const char          *uuid,
                                              const char          *revision_id,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
DlArticle    *dl_store_load_revision_finish  (DlStore             *self,
                                              GAsyncResult        *result,
                                              GError             **error);

G_END_DECLS
