/* test-autosaver.c: edits reach the disk within two seconds, and survive
 * failures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>

#include <glib/gstdio.h>

#include "dl-article-file.h"
#include "dl-autosaver.h"
#include "dl-store.h"
#include "dl-test-util.h"

typedef struct
{
  char        *root;
  char        *library;
  char        *recovery;
  GFile       *dir;
  DlStore     *store;
  DlAutosaver *autosaver;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->root = g_dir_make_tmp ("dateline-autosave-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->library = g_build_filename (fixture->root, "library", NULL);
  g_assert_cmpint (g_mkdir (fixture->library, 0755), ==, 0);
  fixture->dir = g_file_new_for_path (fixture->library);
  fixture->recovery = g_build_filename (fixture->root, "recovery", NULL);
  {
    g_autoptr(GFile) recovery = g_file_new_for_path (fixture->recovery);

    fixture->store = g_object_new (DL_TYPE_STORE, "directory", fixture->dir,
                                   "recovery-directory", recovery, NULL);
  }
  dl_store_load_sync (fixture->store, NULL, &error);
  g_assert_no_error (error);
  fixture->autosaver = dl_autosaver_new (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->autosaver);
  g_clear_object (&fixture->store);
  dl_test_remove_recursively (fixture->root);
  g_clear_pointer (&fixture->root, g_free);
  g_clear_pointer (&fixture->library, g_free);
  g_clear_pointer (&fixture->recovery, g_free);
  g_clear_object (&fixture->dir);
}

/* The headline on disk, or NULL when there is no file yet. */
static char *
headline_on_disk (Fixture   *fixture,
                  DlArticle *article)
{
  g_autofree char *name = g_strconcat (dl_article_get_uuid (article), DL_ARTICLE_FILE_EXTENSION, NULL);
  g_autofree char *path = g_build_filename (fixture->library, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DlArticle) saved = dl_article_new_from_file (file, NULL, NULL);

  return saved != NULL ? g_strdup (dl_article_get_headline (saved)) : NULL;
}

static gboolean
on_tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until the headline on disk is @expected or
 * @timeout_ms has passed; returns the milliseconds it took, or -1. */
static gint64
wait_for_headline (Fixture    *fixture,
                   DlArticle  *article,
                   const char *expected,
                   guint       timeout_ms)
{
  gint64 start = g_get_monotonic_time ();
  guint tick = g_timeout_add (10, on_tick_cb, NULL);
  gint64 result = -1;

  while (g_get_monotonic_time () - start < (gint64) timeout_ms * 1000)
    {
      g_autofree char *headline = headline_on_disk (fixture, article);

      if (g_strcmp0 (headline, expected) == 0)
        {
          result = (g_get_monotonic_time () - start) / 1000;
          break;
        }
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
  return result;
}

static void
test_edit_saved_within_two_seconds (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(DlArticle) article = dl_article_new ();
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  g_autoptr(GDateTime) old = g_date_time_new_from_unix_utc (1600000000);
  gint64 took;

  dl_article_set_modified (article, old);
  dl_autosaver_set_article (fixture->autosaver, article);
  g_assert_cmpint (dl_autosaver_get_state (fixture->autosaver), ==, DL_SAVE_STATE_SAVED);

  dl_article_set_headline (article, "Belarus, China discuss business prospects");
  g_assert_cmpint (dl_autosaver_get_state (fixture->autosaver), ==, DL_SAVE_STATE_PENDING);
  /* The edit touched the modification time. */
  g_assert_cmpint (g_date_time_compare (dl_article_get_modified (article), old), >, 0);

  took = wait_for_headline (fixture, article, "Belarus, China discuss business prospects", 2000);
  g_test_message ("on disk after %" G_GINT64_FORMAT " ms", took);
  g_assert_cmpint (took, >=, 0);

  /* The state settles to SAVED once the callback has run. */
  while (dl_autosaver_get_state (fixture->autosaver) != DL_SAVE_STATE_SAVED)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (dl_autosaver_get_error_message (fixture->autosaver));
  g_assert_nonnull (dl_store_find_summary (fixture->store, dl_article_get_uuid (article)));
}

typedef struct
{
  Fixture   *fixture;
  DlArticle *article;
  guint      n_edits;
  gint64     edit_time[64];
  gint64     on_disk_time[64];
  guint      highest_on_disk;
} Typing;

static guint
version_on_disk (Typing *typing)
{
  g_autofree char *headline = headline_on_disk (typing->fixture, typing->article);
  guint version = 0;

  if (headline != NULL)
    sscanf (headline, "Typing %u", &version);
  return version;
}

static gboolean
on_keystroke_cb (gpointer user_data)
{
  Typing *typing = user_data;
  g_autofree char *headline = NULL;

  if (typing->n_edits + 1 >= G_N_ELEMENTS (typing->edit_time))
    return G_SOURCE_REMOVE;
  typing->n_edits++;
  headline = g_strdup_printf ("Typing %u", typing->n_edits);
  typing->edit_time[typing->n_edits] = g_get_monotonic_time ();
  dl_article_set_headline (typing->article, headline);
  return G_SOURCE_CONTINUE;
}

static void
test_continuous_typing_still_saves (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(DlArticle) article = dl_article_new ();
  Typing typing = { fixture, article, 0, { 0 }, { 0 }, 0 };
  guint keystrokes;
  gint64 worst = 0;

  dl_autosaver_set_article (fixture->autosaver, article);

  /* An edit every 80 ms for about 4.5 s: the debounce alone would never
   * fire. Poll the disk and note when each version first appears. */
  keystrokes = g_timeout_add (80, on_keystroke_cb, &typing);
  while (typing.n_edits < 56)
    {
      guint version;

      g_main_context_iteration (NULL, TRUE);
      version = version_on_disk (&typing);
      for (guint v = typing.highest_on_disk + 1; v <= version; v++)
        typing.on_disk_time[v] = g_get_monotonic_time ();
      typing.highest_on_disk = MAX (typing.highest_on_disk, version);
    }
  g_source_remove (keystrokes);

  g_assert_cmpuint (typing.highest_on_disk, >, 0);
  /* Every edit older than two seconds must have been on disk within two
   * seconds of being made. */
  for (guint v = 1; v <= typing.n_edits; v++)
    {
      gint64 lag;

      if (g_get_monotonic_time () - typing.edit_time[v] < 2 * G_USEC_PER_SEC)
        continue;
      g_assert_cmpint (typing.on_disk_time[v], >, 0);
      lag = typing.on_disk_time[v] - typing.edit_time[v];
      worst = MAX (worst, lag);
      g_assert_cmpint (lag, <=, 2 * G_USEC_PER_SEC);
    }
  g_test_message ("worst lag while typing: %" G_GINT64_FORMAT " ms", worst / 1000);
}

typedef struct
{
  GError   *error;
  gboolean  done;
} FlushResult;

static void
flush_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  FlushResult *flush = user_data;

  dl_autosaver_flush_finish (DL_AUTOSAVER (object), result, &flush->error);
  flush->done = TRUE;
}

static void
flush_and_wait (DlAutosaver *autosaver,
                FlushResult *result)
{
  result->done = FALSE;
  g_clear_error (&result->error);
  dl_autosaver_flush_async (autosaver, NULL, flush_cb, result);
  while (!result->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_flush_saves_now (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(DlArticle) article = dl_article_new ();
  g_autofree char *headline = NULL;
  FlushResult result = { NULL, FALSE };
  gint64 start;

  dl_autosaver_set_article (fixture->autosaver, article);

  /* Nothing to save: completes at once. */
  flush_and_wait (fixture->autosaver, &result);
  g_assert_no_error (result.error);

  dl_article_set_headline (article, "Saved on quit");
  start = g_get_monotonic_time ();
  flush_and_wait (fixture->autosaver, &result);
  g_assert_no_error (result.error);
  /* Well before the autosave delay would have fired. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, DL_AUTOSAVE_DELAY_MS * 1000);
  headline = headline_on_disk (fixture, article);
  g_assert_cmpstr (headline, ==, "Saved on quit");
  g_assert_cmpint (dl_autosaver_get_state (fixture->autosaver), ==, DL_SAVE_STATE_SAVED);
}

static void
test_switching_saves_previous (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(DlArticle) first = dl_article_new ();
  g_autoptr(DlArticle) second = dl_article_new ();
  FlushResult result = { NULL, FALSE };
  gint64 took;

  dl_autosaver_set_article (fixture->autosaver, first);
  dl_article_set_headline (first, "Left behind");
  dl_autosaver_set_article (fixture->autosaver, second);
  g_assert_true (dl_autosaver_get_article (fixture->autosaver) == second);

  /* Switching started the save of the first article right away. */
  took = wait_for_headline (fixture, first, "Left behind", DL_AUTOSAVE_DELAY_MS / 2);
  g_assert_cmpint (took, >=, 0);

  /* The old article is no longer watched; the new one is. */
  dl_article_set_headline (first, "Not watched any more");
  dl_article_set_headline (second, "Now editing this");
  flush_and_wait (fixture->autosaver, &result);
  g_assert_no_error (result.error);
  g_assert_cmpint (wait_for_headline (fixture, second, "Now editing this", 100), >=, 0);
  g_assert_cmpint (wait_for_headline (fixture, first, "Left behind", 100), >=, 0);
}

static void
notify_state_cb (DlAutosaver *autosaver,
                 GParamSpec  *pspec,
                 GPtrArray   *states)
{
  g_ptr_array_add (states, GINT_TO_POINTER (dl_autosaver_get_state (autosaver)));
}

static void
test_failed_save_retries_until_it_succeeds (Fixture       *fixture,
                                            gconstpointer  data)
{
  g_autoptr(DlArticle) article = dl_article_new ();
  g_autoptr(GPtrArray) states = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  FlushResult result = { NULL, FALSE };
  gint64 start;
  gint64 took;

  g_signal_connect (fixture->autosaver, "notify::state", G_CALLBACK (notify_state_cb), states);
  dl_autosaver_set_article (fixture->autosaver, article);

  /* Tests run as root, where permissions stop nothing: a regular file in
   * place of the library folder makes every write fail for real. */
  dl_test_remove_recursively (fixture->library);
  g_file_set_contents (fixture->library, "in the way", -1, &error);
  g_assert_no_error (error);

  dl_article_set_headline (article, "Words that must not be lost");
  start = g_get_monotonic_time ();
  while (dl_autosaver_get_state (fixture->autosaver) != DL_SAVE_STATE_ERROR
         && g_get_monotonic_time () - start < 3 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (dl_autosaver_get_state (fixture->autosaver), ==, DL_SAVE_STATE_ERROR);
  g_assert_nonnull (dl_autosaver_get_error_message (fixture->autosaver));
  dl_test_assert_contains (dl_autosaver_get_error_message (fixture->autosaver), fixture->library);
  dl_test_assert_contains (dl_autosaver_get_error_message (fixture->autosaver), g_strerror (ENOTDIR));
  g_test_message ("%s", dl_autosaver_get_error_message (fixture->autosaver));

  /* A flush reports the failure; the text stays in memory. */
  flush_and_wait (fixture->autosaver, &result);
  g_assert_error (result.error, DL_STORE_ERROR, DL_STORE_ERROR_WRITE);
  g_clear_error (&result.error);
  g_assert_cmpstr (dl_article_get_headline (article), ==, "Words that must not be lost");

  /* More typing while the disk fails is kept too. */
  dl_article_set_headline (article, "Words that must not be lost, and more");

  /* Fault removed: a retry (with backoff) writes everything. */
  g_unlink (fixture->library);
  took = wait_for_headline (fixture, article, "Words that must not be lost, and more", 10000);
  g_test_message ("recovered after %" G_GINT64_FORMAT " ms", took);
  g_assert_cmpint (took, >=, 0);
  while (dl_autosaver_get_state (fixture->autosaver) != DL_SAVE_STATE_SAVED)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (dl_autosaver_get_error_message (fixture->autosaver));

  /* PENDING → SAVING → ERROR ... → SAVED */
  g_assert_cmpint (GPOINTER_TO_INT (g_ptr_array_index (states, 0)), ==, DL_SAVE_STATE_PENDING);
  g_assert_true (g_ptr_array_find (states, GINT_TO_POINTER (DL_SAVE_STATE_SAVING), NULL));
  g_assert_true (g_ptr_array_find (states, GINT_TO_POINTER (DL_SAVE_STATE_ERROR), NULL));
  g_assert_cmpint (GPOINTER_TO_INT (g_ptr_array_index (states, states->len - 1)), ==, DL_SAVE_STATE_SAVED);

  saved = headline_on_disk (fixture, article);
  g_assert_cmpstr (saved, ==, "Words that must not be lost, and more");
}


static char *
recovered_body (Fixture    *fixture,
                DlArticle  *article)
{
  g_autofree char *name = g_strconcat (dl_article_get_uuid (article), DL_ARTICLE_FILE_EXTENSION, NULL);
  g_autofree char *path = g_build_filename (fixture->recovery, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DlArticle) kept = dl_article_new_from_file (file, NULL, NULL);

  return kept != NULL ? g_strdup (dl_article_get_body (kept)) : NULL;
}

static void
wait_for_state (DlAutosaver *autosaver,
                DlSaveState  state)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (dl_autosaver_get_state (autosaver) != state && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (dl_autosaver_get_state (autosaver), ==, state);
}

/* Another program changes the open article's file: the autosaver must
 * not overwrite it, and what is typed meanwhile must still reach a safe
 * place within the usual two seconds. */
static void
test_conflict_keeps_typing_safe (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(DlArticle) created = dl_article_new ();
  g_autoptr(DlArticle) article = NULL;
  g_autoptr(DlArticle) theirs = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *on_disk = NULL;
  FlushResult result = { NULL, FALSE };
  gint64 start;

  dl_article_set_headline (created, "Mine");
  g_assert_true (dl_store_save_article_sync (fixture->store, created, NULL, &error));
  article = dl_store_open_article_sync (fixture->store, dl_article_get_uuid (created), NULL, &error);
  g_assert_no_error (error);
  dl_autosaver_set_article (fixture->autosaver, article);

  theirs = dl_article_copy (article);
  dl_article_set_headline (theirs, "Theirs");
  bytes = dl_article_serialize (theirs);
  name = g_strconcat (dl_article_get_uuid (article), DL_ARTICLE_FILE_EXTENSION, NULL);
  path = g_build_filename (fixture->library, name, NULL);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));

  dl_article_set_body (article, "Typed before the save");
  wait_for_state (fixture->autosaver, DL_SAVE_STATE_CONFLICT);
  g_test_message ("%s", dl_autosaver_get_error_message (fixture->autosaver));
  on_disk = headline_on_disk (fixture, article);
  g_assert_cmpstr (on_disk, ==, "Theirs");

  /* Typing goes on: within two seconds it is in the recovery folder. */
  dl_article_set_body (article, "Typed during the conflict");
  start = g_get_monotonic_time ();
  while (g_get_monotonic_time () - start < 2 * G_USEC_PER_SEC)
    {
      g_free (kept);
      kept = recovered_body (fixture, article);
      if (g_strcmp0 (kept, "Typed during the conflict") == 0)
        break;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  g_assert_cmpstr (kept, ==, "Typed during the conflict");
  g_assert_cmpint (dl_autosaver_get_state (fixture->autosaver), ==, DL_SAVE_STATE_CONFLICT);

  /* A flush (export, closing) hears of the conflict. */
  flush_and_wait (fixture->autosaver, &result);
  g_assert_error (result.error, DL_STORE_ERROR, DL_STORE_ERROR_CONFLICT);
  g_clear_error (&result.error);

  /* Keeping mine writes it; theirs goes to the trash. */
  dl_autosaver_keep_mine (fixture->autosaver);
  wait_for_state (fixture->autosaver, DL_SAVE_STATE_SAVED);
  g_free (on_disk);
  on_disk = headline_on_disk (fixture, article);
  g_assert_cmpstr (on_disk, ==, "Mine");
  g_free (kept);
  kept = recovered_body (fixture, article);
  g_assert_null (kept);
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} CloseResult;

static void
save_or_recover_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  CloseResult *close = user_data;

  close->ok = dl_autosaver_save_or_recover_finish (DL_AUTOSAVER (object), result, &close->error);
  close->done = TRUE;
}

/* Closing while saving fails: the text goes to the recovery folder; only
 * when that fails too does closing report an error (and the window asks). */
static void
test_close_while_saving_fails (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(DlArticle) article = dl_article_new ();
  g_autofree char *kept = NULL;
  CloseResult close = { 0 };

  dl_autosaver_set_article (fixture->autosaver, article);
  dl_test_remove_recursively (fixture->library);
  g_assert_true (g_file_set_contents (fixture->library, "in the way", -1, NULL));

  dl_article_set_body (article, "The last paragraph, written as the disk failed");
  dl_autosaver_save_or_recover_async (fixture->autosaver, NULL, save_or_recover_cb, &close);
  while (!close.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (close.error);
  g_assert_true (close.ok);
  kept = recovered_body (fixture, article);
  g_assert_cmpstr (kept, ==, "The last paragraph, written as the disk failed");

  /* With the recovery folder unwritable as well, closing says so. */
  dl_test_remove_recursively (fixture->recovery);
  g_assert_true (g_file_set_contents (fixture->recovery, "in the way too", -1, NULL));
  dl_article_set_body (article, "Even more");
  close.done = FALSE;
  dl_autosaver_save_or_recover_async (fixture->autosaver, NULL, save_or_recover_cb, &close);
  while (!close.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (close.ok);
  g_assert_error (close.error, DL_STORE_ERROR, DL_STORE_ERROR_WRITE);
  g_test_message ("%s", close.error->message);
  dl_test_assert_contains (close.error->message, "recovery folder");
  g_clear_error (&close.error);
  g_unlink (fixture->recovery);
  g_unlink (fixture->library);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/autosaver/edit-saved-within-two-seconds", test_edit_saved_within_two_seconds);
  ADD ("/autosaver/continuous-typing", test_continuous_typing_still_saves);
  ADD ("/autosaver/flush", test_flush_saves_now);
  ADD ("/autosaver/switching-saves-previous", test_switching_saves_previous);
  ADD ("/autosaver/retry-after-failure", test_failed_save_retries_until_it_succeeds);
  ADD ("/autosaver/conflict-keeps-typing-safe", test_conflict_keeps_typing_safe);
  ADD ("/autosaver/close-while-saving-fails", test_close_while_saving_fails);
#undef ADD

  return g_test_run ();
}
