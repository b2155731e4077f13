/* dl-autosaver.c
 *
 * Saves DL_AUTOSAVE_DELAY_MS after the last edit, but never waits more
 * than DL_AUTOSAVE_MAX_WAIT_MS after the first unsaved one, so text typed
 * without pause still reaches the disk within two seconds.
 *
 * Each article with unsaved text has a tracker. Switching articles moves
 * the old tracker to the background, where it is saved at once and kept
 * (retrying after failures) until its text is on disk: an edit is never
 * dropped because the user looked at another article.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-autosaver"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-autosaver.h"

/* Leaves DL_AUTOSAVE_DELAY_MS..2000 ms for the write itself. */
#define DL_AUTOSAVE_MAX_WAIT_MS  1500
#define RETRY_FIRST_MS           1000
#define RETRY_MAX_MS             30000

typedef struct _Tracker Tracker;

struct _DlAutosaver
{
  GObject       parent_instance;

  DlStore      *store;
  GMainContext *context;
  Tracker      *current;
  GPtrArray    *background;   /* Tracker, saved and dropped when clean */

  DlSaveState   state;
  char         *error_message;
};

struct _Tracker
{
  DlAutosaver *self;          /* NULL once the autosaver is gone */
  DlArticle   *article;
  gulong       changed_id;

  guint64      change_serial;
  guint64      saving_serial;
  guint64      saved_serial;
  guint64      recovered_serial;  /* in the recovery folder, during a conflict */
  gboolean     conflict;          /* another program changed the file */
  gboolean     keep_mine;         /* the next save resolves the conflict */
  gint64       first_unsaved_us;
  gint64       last_change_us;
  gboolean     saving;

  GSource     *timer;
  guint        retry_ms;      /* 0 unless the last save failed */
  char        *error_message;

  GPtrArray   *flush_waiters; /* FlushOp */
};

typedef struct
{
  GTask  *task;
  guint   pending;
  GError *error;
} FlushOp;

G_DEFINE_FINAL_TYPE (DlAutosaver, dl_autosaver, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ARTICLE,
  PROP_STATE,
  PROP_ERROR_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void tracker_start_save (Tracker *tracker);

/* ------------------------------------------------------------------ */
/* Flush operations                                                    */

static void
flush_op_release (FlushOp *op,
                  const GError *error)
{
  if (error != NULL && op->error == NULL)
    op->error = g_error_copy (error);
  g_assert (op->pending > 0);
  if (--op->pending > 0)
    return;

  if (op->error != NULL)
    g_task_return_error (op->task, g_steal_pointer (&op->error));
  else
    g_task_return_boolean (op->task, TRUE);
  g_object_unref (op->task);
  g_free (op);
}

/* ------------------------------------------------------------------ */
/* Trackers                                                            */

static gboolean
tracker_is_dirty (Tracker *tracker)
{
  return tracker->change_serial != tracker->saved_serial;
}

static DlSaveState
tracker_get_state (Tracker *tracker)
{
  if (tracker->conflict)
    return DL_SAVE_STATE_CONFLICT;
  if (tracker->error_message != NULL)
    return DL_SAVE_STATE_ERROR;
  if (tracker->saving)
    return DL_SAVE_STATE_SAVING;
  if (tracker_is_dirty (tracker))
    return DL_SAVE_STATE_PENDING;
  return DL_SAVE_STATE_SAVED;
}

static Tracker *
tracker_new (DlAutosaver *self,
             DlArticle   *article)
{
  Tracker *tracker = g_rc_box_new0 (Tracker);

  tracker->self = self;
  tracker->article = g_object_ref (article);
  tracker->flush_waiters = g_ptr_array_new ();
  return tracker;
}

static void
tracker_cancel_timer (Tracker *tracker)
{
  if (tracker->timer != NULL)
    {
      g_source_destroy (tracker->timer);
      g_clear_pointer (&tracker->timer, g_source_unref);
    }
}

static void
tracker_clear (gpointer data)
{
  Tracker *tracker = data;

  tracker_cancel_timer (tracker);
  g_clear_object (&tracker->article);
  g_clear_pointer (&tracker->error_message, g_free);
  g_clear_pointer (&tracker->flush_waiters, g_ptr_array_unref);
}

static void
tracker_unref (gpointer data)
{
  g_rc_box_release_full (data, tracker_clear);
}

static void
tracker_disconnect (Tracker *tracker)
{
  g_clear_signal_handler (&tracker->changed_id, tracker->article);
}

static void update_state (DlAutosaver *self);

static gboolean
on_timer_cb (gpointer user_data)
{
  Tracker *tracker = user_data;
  gint64 now, due;

  g_clear_pointer (&tracker->timer, g_source_unref);

  if ((tracker->error_message != NULL && !tracker->conflict) || tracker->first_unsaved_us == 0)
    {
      tracker_start_save (tracker);
      return G_SOURCE_REMOVE;
    }

  /* Debounce, but cap the wait while typing goes on. */
  now = g_get_monotonic_time ();
  due = MIN (tracker->last_change_us + DL_AUTOSAVE_DELAY_MS * 1000,
             tracker->first_unsaved_us + DL_AUTOSAVE_MAX_WAIT_MS * 1000);
  if (now >= due)
    tracker_start_save (tracker);
  else
    {
      tracker->timer = g_timeout_source_new (MAX (1, (due - now + 999) / 1000));
      g_source_set_callback (tracker->timer, on_timer_cb, tracker, NULL);
      g_source_set_name (tracker->timer, "[dateline] autosave");
      g_source_attach (tracker->timer, tracker->self->context);
    }
  return G_SOURCE_REMOVE;
}

static void
tracker_schedule (Tracker *tracker,
                  guint    delay_ms)
{
  if (tracker->timer != NULL || tracker->self == NULL)
    return;

  tracker->timer = g_timeout_source_new (delay_ms);
  g_source_set_callback (tracker->timer, on_timer_cb, tracker, NULL);
  g_source_set_name (tracker->timer, "[dateline] autosave");
  g_source_attach (tracker->timer, tracker->self->context);
}

static void
on_article_changed_cb (DlArticle *article,
                       Tracker   *tracker)
{
  gint64 now = g_get_monotonic_time ();

  /* An article from a newer Dateline is never written (it cannot be
   * edited either; this is only a guard). */
  if (dl_article_is_read_only (article))
    return;

  /* "modified" alone does not emit "changed", so this cannot recurse. */
  dl_article_touch (article);

  tracker->change_serial++;
  tracker->last_change_us = now;
  if (tracker->first_unsaved_us == 0)
    tracker->first_unsaved_us = now;

  /* After a failure the retry timer (with backoff) saves the latest text;
   * typing must not turn it into one failing write per second. During a
   * conflict the text keeps going to the recovery folder as usual. */
  if ((tracker->error_message == NULL || tracker->conflict) && !tracker->saving)
    tracker_schedule (tracker, DL_AUTOSAVE_DELAY_MS);

  if (tracker->self != NULL)
    update_state (tracker->self);
}

static void
tracker_finish_waiters (Tracker      *tracker,
                        const GError *error)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&tracker->flush_waiters);

  tracker->flush_waiters = g_ptr_array_new ();
  for (guint i = 0; i < waiters->len; i++)
    flush_op_release (g_ptr_array_index (waiters, i), error);
}

static void
drop_background_tracker (DlAutosaver *self,
                         Tracker     *tracker)
{
  guint position;

  if (self != NULL && tracker != self->current
      && g_ptr_array_find (self->background, tracker, &position))
    g_ptr_array_remove_index (self->background, position);
}

static void
tracker_set_error (Tracker      *tracker,
                   const GError *error)
{
  g_free (tracker->error_message);
  tracker->error_message = g_strdup (error->message);
}

/* Finishes a save, a conflict resolution or (during a conflict) a write
 * to the recovery folder. */
static void
on_save_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Tracker *tracker = user_data;
  /* A flush waiter's callback may drop the last reference to the
   * autosaver (a window closing); keep it alive until we are done. */
  g_autoptr(DlAutosaver) self = tracker->self != NULL ? g_object_ref (tracker->self) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DlArticle) resolved = NULL;
  gboolean ok;

  tracker->saving = FALSE;

  if (g_task_get_source_tag (G_TASK (result)) == dl_store_keep_in_recovery_async)
    {
      /* The text is safe, but not in the library: still a conflict. */
      g_autoptr(GError) conflict = NULL;

      if (dl_store_keep_in_recovery_finish (DL_STORE (object), result, &error))
        tracker->recovered_serial = tracker->saving_serial;
      else
        g_message ("Keeping %s in the recovery folder failed: %s",
                   dl_article_get_uuid (tracker->article), error->message);
      conflict = g_error_new_literal (DL_STORE_ERROR, DL_STORE_ERROR_CONFLICT,
                                      tracker->error_message != NULL ? tracker->error_message : "");
      tracker_finish_waiters (tracker, conflict);
      if (tracker->keep_mine || tracker->change_serial != tracker->recovered_serial)
        tracker_schedule (tracker, tracker->keep_mine ? 1 : DL_AUTOSAVE_DELAY_MS);
      if (self != NULL)
        update_state (self);
      tracker_unref (tracker);
      return;
    }

  if (g_task_get_source_tag (G_TASK (result)) == dl_store_resolve_conflict_async)
    ok = (resolved = dl_store_resolve_conflict_finish (DL_STORE (object), result, &error)) != NULL;
  else
    ok = dl_store_save_article_finish (DL_STORE (object), result, &error);

  if (!ok && g_error_matches (error, DL_STORE_ERROR, DL_STORE_ERROR_CONFLICT))
    {
      /* Retrying cannot help: the journalist must choose. The store kept
       * this snapshot in the recovery folder. */
      g_message ("Not saving %s: %s", dl_article_get_uuid (tracker->article), error->message);
      tracker->conflict = TRUE;
      tracker->keep_mine = FALSE;
      tracker->recovered_serial = tracker->saving_serial;
      tracker->retry_ms = 0;
      tracker_set_error (tracker, error);
      tracker_cancel_timer (tracker);
      tracker_finish_waiters (tracker, error);
      if (tracker->change_serial != tracker->recovered_serial)
        tracker_schedule (tracker, DL_AUTOSAVE_DELAY_MS);
    }
  else if (!ok)
    {
      g_message ("Autosave of %s failed: %s", dl_article_get_uuid (tracker->article), error->message);
      tracker_set_error (tracker, error);
      tracker->keep_mine = FALSE;
      tracker->retry_ms = tracker->retry_ms == 0 ? RETRY_FIRST_MS
                                                  : MIN (tracker->retry_ms * 2, RETRY_MAX_MS);
      tracker_cancel_timer (tracker);
      tracker_schedule (tracker, tracker->retry_ms);
      tracker_finish_waiters (tracker, error);
    }
  else
    {
      tracker->saved_serial = tracker->saving_serial;
      tracker->retry_ms = 0;
      tracker->conflict = FALSE;
      tracker->keep_mine = FALSE;
      g_clear_pointer (&tracker->error_message, g_free);

      if (tracker_is_dirty (tracker))
        {
          /* Edits made during the write: a flush saves them right away,
           * otherwise the usual timing applies. */
          if (tracker->flush_waiters->len > 0)
            tracker_start_save (tracker);
          else
            tracker_schedule (tracker, 1);
        }
      else
        tracker_finish_waiters (tracker, NULL);
    }

  if (self != NULL)
    {
      if (!tracker_is_dirty (tracker) && !tracker->saving)
        drop_background_tracker (self, tracker);
      update_state (self);
    }
  tracker_unref (tracker);
}

static void
tracker_start_save (Tracker *tracker)
{
  DlAutosaver *self = tracker->self;

  if (tracker->saving || self == NULL)
    return;

  tracker_cancel_timer (tracker);

  /* During a conflict nothing goes to the library until the journalist
   * chooses; a flush says so at once, and the text is kept safe in the
   * recovery folder as typing goes on. */
  if (tracker->conflict && !tracker->keep_mine)
    {
      g_autoptr(GError) error = g_error_new_literal (DL_STORE_ERROR, DL_STORE_ERROR_CONFLICT,
                                                     tracker->error_message);

      tracker_finish_waiters (tracker, error);
      if (tracker->change_serial == tracker->recovered_serial)
        return;
      tracker->saving = TRUE;
      tracker->saving_serial = tracker->change_serial;
      tracker->first_unsaved_us = 0;
      dl_store_keep_in_recovery_async (self->store, tracker->article, NULL, on_save_done_cb,
                                       g_rc_box_acquire (tracker));
      update_state (self);
      return;
    }

  tracker->saving = TRUE;
  tracker->saving_serial = tracker->change_serial;
  tracker->first_unsaved_us = 0;
  /* The store snapshots the article now; editing goes on meanwhile. */
  if (tracker->keep_mine)
    dl_store_resolve_conflict_async (self->store, tracker->article, DL_CONFLICT_KEEP_MINE, NULL,
                                     on_save_done_cb, g_rc_box_acquire (tracker));
  else
    dl_store_save_article_async (self->store, tracker->article, NULL, on_save_done_cb,
                                 g_rc_box_acquire (tracker));
  update_state (self);
}

/* ------------------------------------------------------------------ */
/* State                                                               */

static int
state_rank (DlSaveState state)
{
  switch (state)
    {
    case DL_SAVE_STATE_CONFLICT:
      return 4;
    case DL_SAVE_STATE_ERROR:
      return 3;
    case DL_SAVE_STATE_PENDING:
      return 2;
    case DL_SAVE_STATE_SAVING:
      return 1;
    case DL_SAVE_STATE_SAVED:
    default:
      return 0;
    }
}

/* The worst state of all trackers: an error saving an article the user
 * has switched away from must still be shown. */
static void
update_state (DlAutosaver *self)
{
  DlSaveState state = DL_SAVE_STATE_SAVED;
  const char *message = NULL;
  Tracker *worst = self->current;

  if (self->current != NULL)
    state = tracker_get_state (self->current);
  for (guint i = 0; i < self->background->len; i++)
    {
      Tracker *tracker = g_ptr_array_index (self->background, i);
      DlSaveState other = tracker_get_state (tracker);

      if (state_rank (other) > state_rank (state))
        {
          state = other;
          worst = tracker;
        }
    }
  if ((state == DL_SAVE_STATE_ERROR || state == DL_SAVE_STATE_CONFLICT) && worst != NULL)
    message = worst->error_message;

  if (g_strcmp0 (message, self->error_message) != 0)
    {
      g_free (self->error_message);
      self->error_message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
    }
  if (state != self->state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
detach_tracker (DlAutosaver *self,
                Tracker     *tracker)
{
  tracker_disconnect (tracker);
  tracker_cancel_timer (tracker);
  /* Last chance: the store keeps itself alive until the write is done.
   * During a conflict the library's file is not ours to replace. */
  if (tracker_is_dirty (tracker) && !tracker->saving && self->store != NULL)
    {
      if (tracker->conflict)
        dl_store_keep_in_recovery_async (self->store, tracker->article, NULL, NULL, NULL);
      else
        dl_store_save_article_async (self->store, tracker->article, NULL, NULL, NULL);
    }
  tracker->self = NULL;
  tracker_finish_waiters (tracker, NULL);
}

static void
dl_autosaver_dispose (GObject *object)
{
  DlAutosaver *self = DL_AUTOSAVER (object);

  if (self->current != NULL)
    {
      detach_tracker (self, self->current);
      g_clear_pointer (&self->current, tracker_unref);
    }
  if (self->background != NULL)
    {
      for (guint i = 0; i < self->background->len; i++)
        detach_tracker (self, g_ptr_array_index (self->background, i));
      g_ptr_array_set_size (self->background, 0);
    }
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dl_autosaver_parent_class)->dispose (object);
}

static void
dl_autosaver_finalize (GObject *object)
{
  DlAutosaver *self = DL_AUTOSAVER (object);

  g_clear_pointer (&self->background, g_ptr_array_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (dl_autosaver_parent_class)->finalize (object);
}

static void
dl_autosaver_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  DlAutosaver *self = DL_AUTOSAVER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ARTICLE:
      g_value_set_object (value, dl_autosaver_get_article (self));
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_autosaver_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  DlAutosaver *self = DL_AUTOSAVER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_ARTICLE:
      dl_autosaver_set_article (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_autosaver_class_init (DlAutosaverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dl_autosaver_dispose;
  object_class->finalize = dl_autosaver_finalize;
  object_class->get_property = dl_autosaver_get_property;
  object_class->set_property = dl_autosaver_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, DL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL, DL_TYPE_ARTICLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, DL_TYPE_SAVE_STATE, DL_SAVE_STATE_SAVED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dl_autosaver_init (DlAutosaver *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->background = g_ptr_array_new_with_free_func (tracker_unref);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

/**
 * dl_autosaver_new:
 *
 * Creates an autosaver saving into @store. Its timers run on the
 * thread-default main context of the caller.
 */
DlAutosaver *
dl_autosaver_new (DlStore *store)
{
  g_return_val_if_fail (DL_IS_STORE (store), NULL);

  return g_object_new (DL_TYPE_AUTOSAVER, "store", store, NULL);
}

/**
 * dl_autosaver_set_article:
 * @article: (nullable): the article now being edited
 *
 * Watches @article; the previous one, if it has unsaved edits, is saved
 * at once and kept until its text is on disk.
 */
void
dl_autosaver_set_article (DlAutosaver *self,
                          DlArticle   *article)
{
  Tracker *old;

  g_return_if_fail (DL_IS_AUTOSAVER (self));
  g_return_if_fail (article == NULL || DL_IS_ARTICLE (article));

  if (dl_autosaver_get_article (self) == article)
    return;

  old = g_steal_pointer (&self->current);
  if (old != NULL)
    {
      tracker_disconnect (old);
      if (tracker_is_dirty (old) || old->saving)
        {
          g_ptr_array_add (self->background, old);
          if (old->error_message == NULL)
            tracker_start_save (old);
        }
      else
        tracker_unref (old);
    }

  if (article != NULL)
    {
      /* Switching back to an article still being saved resumes its tracker. */
      for (guint i = 0; i < self->background->len; i++)
        {
          Tracker *tracker = g_ptr_array_index (self->background, i);

          if (tracker->article == article)
            {
              self->current = g_ptr_array_steal_index (self->background, i);
              break;
            }
        }
      if (self->current == NULL)
        self->current = tracker_new (self, article);
      self->current->changed_id =
        g_signal_connect (article, "changed", G_CALLBACK (on_article_changed_cb), self->current);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
  update_state (self);
}

/**
 * dl_autosaver_get_article:
 *
 * Returns: (transfer none) (nullable): the article being watched.
 */
DlArticle *
dl_autosaver_get_article (DlAutosaver *self)
{
  g_return_val_if_fail (DL_IS_AUTOSAVER (self), NULL);
  return self->current != NULL ? self->current->article : NULL;
}

DlSaveState
dl_autosaver_get_state (DlAutosaver *self)
{
  g_return_val_if_fail (DL_IS_AUTOSAVER (self), DL_SAVE_STATE_SAVED);
  return self->state;
}

/**
 * dl_autosaver_get_error_message:
 *
 * Returns: (nullable): why the last save failed (translated, naming the
 *   folder and the system's reason), or NULL.
 */
const char *
dl_autosaver_get_error_message (DlAutosaver *self)
{
  g_return_val_if_fail (DL_IS_AUTOSAVER (self), NULL);
  return self->error_message;
}

/**
 * dl_autosaver_flush_async:
 *
 * Saves every unsaved edit now (current and previous articles) and
 * completes when it is on disk, or with the error of a failed save (the
 * text stays in memory and retries continue).
 */
void
dl_autosaver_flush_async (DlAutosaver         *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GPtrArray) trackers = g_ptr_array_new ();
  FlushOp *op;

  g_return_if_fail (DL_IS_AUTOSAVER (self));

  if (self->current != NULL)
    g_ptr_array_add (trackers, self->current);
  for (guint i = 0; i < self->background->len; i++)
    g_ptr_array_add (trackers, g_ptr_array_index (self->background, i));

  op = g_new0 (FlushOp, 1);
  op->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (op->task, dl_autosaver_flush_async);
  op->pending = 1;   /* released below, once every tracker is started */

  for (guint i = 0; i < trackers->len; i++)
    {
      Tracker *tracker = g_ptr_array_index (trackers, i);

      if (!tracker_is_dirty (tracker) && !tracker->saving)
        continue;
      op->pending++;
      g_ptr_array_add (tracker->flush_waiters, op);
      tracker_start_save (tracker);
    }

  flush_op_release (op, NULL);
}

gboolean
dl_autosaver_flush_finish (DlAutosaver   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (DL_IS_AUTOSAVER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */
/* Closing, conflicts                                                  */

typedef struct
{
  guint   pending;
  GError *error;
} RecoverOp;

static void
on_kept_in_recovery_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RecoverOp *op = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!dl_store_keep_in_recovery_finish (DL_STORE (object), result, &error) && op->error == NULL)
    op->error = g_steal_pointer (&error);
  if (--op->pending > 0)
    return;
  if (op->error != NULL)
    g_task_return_error (task, g_steal_pointer (&op->error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
recover_op_free (gpointer data)
{
  RecoverOp *op = data;

  g_clear_error (&op->error);
  g_free (op);
}

static void
on_flushed_before_close_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DlAutosaver *self = DL_AUTOSAVER (object);
  g_autoptr(GPtrArray) unsaved = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  RecoverOp *op;

  if (dl_autosaver_flush_finish (self, result, &error))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* The library did not take everything: whatever is still unsaved goes
   * to the recovery folder, which the next start offers back. */
  if (self->current != NULL && tracker_is_dirty (self->current))
    g_ptr_array_add (unsaved, self->current->article);
  for (guint i = 0; i < self->background->len; i++)
    {
      Tracker *tracker = g_ptr_array_index (self->background, i);

      if (tracker_is_dirty (tracker))
        g_ptr_array_add (unsaved, tracker->article);
    }
  if (unsaved->len == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  op = g_new0 (RecoverOp, 1);
  op->pending = unsaved->len;
  g_task_set_task_data (task, op, recover_op_free);
  for (guint i = 0; i < unsaved->len; i++)
    dl_store_keep_in_recovery_async (self->store, g_ptr_array_index (unsaved, i), NULL,
                                     on_kept_in_recovery_cb, g_object_ref (task));
}

/**
 * dl_autosaver_save_or_recover_async:
 *
 * For closing: saves every unsaved edit (dl_autosaver_flush_async()),
 * and what the library does not take (a full disk, a read-only folder, a
 * conflict) is written to the recovery folder instead. Fails only when
 * that failed too: then closing would lose text, and the journalist must
 * be asked.
 */
void
dl_autosaver_save_or_recover_async (DlAutosaver         *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DL_IS_AUTOSAVER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dl_autosaver_save_or_recover_async);
  dl_autosaver_flush_async (self, cancellable, on_flushed_before_close_cb, g_steal_pointer (&task));
}

gboolean
dl_autosaver_save_or_recover_finish (DlAutosaver   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (DL_IS_AUTOSAVER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * dl_autosaver_keep_mine:
 *
 * Resolves the open article's conflict in favour of the text on screen:
 * it is saved at once, and the version another program wrote goes to the
 * trash as an article of its own.
 */
void
dl_autosaver_keep_mine (DlAutosaver *self)
{
  Tracker *tracker;

  g_return_if_fail (DL_IS_AUTOSAVER (self));

  tracker = self->current;
  if (tracker == NULL || !tracker->conflict)
    return;
  tracker->keep_mine = TRUE;
  /* Even without new edits: resolving is a write. */
  if (!tracker_is_dirty (tracker))
    tracker->change_serial++;
  tracker_start_save (tracker);
}

/**
 * dl_autosaver_discard:
 * @article: an article being watched
 *
 * Stops watching @article without saving it: the journalist took the
 * other program's version (dl_store_resolve_conflict_async() keeps this
 * one in the trash). A save already under way finishes on its own.
 */
void
dl_autosaver_discard (DlAutosaver *self,
                      DlArticle   *article)
{
  Tracker *tracker = NULL;

  g_return_if_fail (DL_IS_AUTOSAVER (self));
  g_return_if_fail (DL_IS_ARTICLE (article));

  if (self->current != NULL && self->current->article == article)
    tracker = g_steal_pointer (&self->current);
  else
    for (guint i = 0; i < self->background->len; i++)
      if (((Tracker *) g_ptr_array_index (self->background, i))->article == article)
        tracker = g_ptr_array_steal_index (self->background, i);
  if (tracker == NULL)
    return;

  tracker_disconnect (tracker);
  tracker_cancel_timer (tracker);
  tracker->self = NULL;
  tracker_finish_waiters (tracker, NULL);
  tracker_unref (tracker);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
  update_state (self);
}
