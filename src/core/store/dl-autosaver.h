/* dl-autosaver.h: saves the article being edited, soon and safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-article.h"
#include "dl-store.h"

G_BEGIN_DECLS

typedef enum
{
  DL_SAVE_STATE_SAVED,     /* what is on disk is what is in memory */
  DL_SAVE_STATE_PENDING,   /* edited; a save is scheduled */
  DL_SAVE_STATE_SAVING,
  DL_SAVE_STATE_ERROR,     /* the last save failed; the text is kept and a retry is scheduled */
  DL_SAVE_STATE_CONFLICT,  /* another program changed the file: the text goes to the recovery
                            * folder until the journalist chooses a version */
} DlSaveState;


#define DL_TYPE_AUTOSAVER (dl_autosaver_get_type ())
G_DECLARE_FINAL_TYPE (DlAutosaver, dl_autosaver, DL, AUTOSAVER, GObject)

/* Properties: "store", "article" (nullable; changing it flushes the old
 * one), "state" (DlSaveState), "error-message" (translated, or NULL). */
DlAutosaver *dl_autosaver_new               (DlStore             *store);
void         dl_autosaver_set_article       (DlAutosaver         *self,
                                             DlArticle           *article);
DlArticle   *dl_autosaver_get_article       (DlAutosaver         *self);
DlSaveState  dl_autosaver_get_state         (DlAutosaver         *self);
const char  *dl_autosaver_get_error_message (DlAutosaver         *self);
/* Saves now whatever is unsaved (on close/quit, before switching). */
void         dl_autosaver_flush_async       (DlAutosaver         *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean     dl_autosaver_flush_finish      (DlAutosaver         *self,
                                             GAsyncResult        *result,
                                             GError             **error);
/* Before quitting: every edit either reaches the library or, failing
 * that, the recovery folder; an error only when neither took it. */
void         dl_autosaver_save_or_recover_async  (DlAutosaver         *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean     dl_autosaver_save_or_recover_finish (DlAutosaver         *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
/* Conflicts (DL_SAVE_STATE_CONFLICT): keep the open text, the other
 * version going to the trash; or stop saving an article the journalist
 * replaces with the other version. */
void         dl_autosaver_keep_mine         (DlAutosaver         *self);
void         dl_autosaver_discard           (DlAutosaver         *self,
                                             DlArticle           *article);

/* Milliseconds after the last edit before saving; at most 2000. */
#define DL_AUTOSAVE_DELAY_MS 1000

G_END_DECLS
