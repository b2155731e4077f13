/* test-store.c: the local library never loses a word
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/inotify.h>
#include <sys/mount.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "dl-article-file.h"
#include "dl-quarantined-file.h"
#include "dl-store.h"
#include "dl-test-util.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

typedef DlTestLibrary Library;

static DlArticle *
read_article (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  DlArticle *article = dl_article_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return article;
}

static DlArticle *
make_article (const char *headline,
              const char *body,
              gint64      modified_unix)
{
  DlArticle *article = dl_article_new ();
  g_autoptr(GDateTime) modified = g_date_time_new_from_unix_utc (modified_unix);

  dl_article_set_headline (article, headline);
  dl_article_set_body (article, body);
  dl_article_set_place (article, "Minsk");
  dl_article_set_modified (article, modified);
  return article;
}

/* Writes an article file directly, as another program would. */
static void
write_article_file (const char *path,
                    DlArticle  *article)
{
  g_autoptr(GBytes) bytes = dl_article_serialize (article);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

static DlStore *
load_store (Library *lib)
{
  g_autoptr(GError) error = NULL;
  DlStore *store = dl_store_new (lib->dir);

  dl_store_load_sync (store, NULL, &error);
  g_assert_no_error (error);
  return store;
}

static guint
n_summaries (DlStore *store)
{
  return g_list_model_get_n_items (dl_store_get_summaries (store));
}

static gboolean
has_hidden_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] == '.')
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Saving                                                              */

static void
test_save_atomic_with_backup (Library       *lib,
                              gconstpointer  data)
{
  g_autoptr(DlStore) store = NULL;
  g_autoptr(DlArticle) article = make_article ("First version", "Body one.", 1700000000);
  g_autoptr(DlArticle) on_disk = NULL;
  g_autoptr(DlArticle) backup = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *path = NULL;
  g_autofree char *backups = NULL;
  g_autofree char *backup_path = NULL;

  store = load_store (lib);
  path = dl_test_article_path (lib->path, dl_article_get_uuid (article));
  backups = g_build_filename (lib->path, DL_STORE_BACKUPS_DIR, NULL);
  backup_path = dl_test_article_path (backups, dl_article_get_uuid (article));

  dl_store_save_article_sync (store, article, NULL, &error);
  g_assert_no_error (error);
  on_disk = read_article (path);
  g_assert_cmpstr (dl_article_get_headline (on_disk), ==, "First version");
  g_assert_false (g_file_test (backup_path, G_FILE_TEST_EXISTS));

  /* The second save goes through the worker thread; the snapshot is taken
   * at call time, so the edit after the call is not part of it. */
  dl_article_set_headline (article, "Second version");
  dl_store_save_article_async (store, article, NULL, dl_test_keep_result_cb, &result);
  dl_article_set_headline (article, "Third version, not saved yet");
  dl_store_save_article_finish (store, dl_test_wait_for_result (&result), &error);
  g_assert_no_error (error);

  g_clear_object (&on_disk);
  on_disk = read_article (path);
  g_assert_cmpstr (dl_article_get_headline (on_disk), ==, "Second version");
  g_assert_cmpstr (dl_article_get_body (on_disk), ==, "Body one.");
  backup = read_article (backup_path);
  g_assert_cmpstr (dl_article_get_headline (backup), ==, "First version");

  /* No temporary file is left behind. */
  g_assert_false (has_hidden_files (lib->path));
  g_assert_cmpstr (dl_article_summary_get_headline (dl_store_find_summary (store, dl_article_get_uuid (article))),
                   ==, "Second version");

  g_clear_object (&store);
}

typedef struct
{
  guint pending;
  guint failures;
} Countdown;

static void
countdown_save_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Countdown *countdown = user_data;

  if (!dl_store_save_article_finish (DL_STORE (object), result, NULL))
    countdown->failures++;
  countdown->pending--;
}

static void
test_save_never_reorders (Library       *lib,
                          gconstpointer  data)
{
  g_autoptr(DlStore) store = NULL;
  g_autoptr(DlArticle) article = make_article ("v0", "", 1700000000);
  g_autoptr(DlArticle) on_disk = NULL;
  g_autofree char *path = NULL;
  Countdown countdown = { 0, 0 };

  store = load_store (lib);
  path = dl_test_article_path (lib->path, dl_article_get_uuid (article));

  /* 40 saves in flight at once on the thread pool: whatever order the
   * workers run in, the newest snapshot ends up on disk. */
  for (guint i = 1; i <= 40; i++)
    {
      g_autofree char *headline = g_strdup_printf ("v%u", i);
      g_autoptr(GString) body = g_string_new (NULL);

      /* Different sizes make the writes take different times. */
      for (guint j = 0; j < (i % 7) * 2000; j++)
        g_string_append (body, "word ");
      dl_article_set_headline (article, headline);
      dl_article_set_body (article, body->str);
      countdown.pending++;
      dl_store_save_article_async (store, article, NULL, countdown_save_cb, &countdown);
    }
  while (countdown.pending > 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (countdown.failures, ==, 0);
  on_disk = read_article (path);
  g_assert_cmpstr (dl_article_get_headline (on_disk), ==, "v40");
  g_assert_cmpstr (dl_article_summary_get_headline (dl_store_find_summary (store, dl_article_get_uuid (article))),
                   ==, "v40");

  g_clear_object (&store);
}

static void
test_save_fails_when_folder_is_a_file (Library       *lib,
                                       gconstpointer  data)
{
  g_autoptr(DlStore) store = NULL;
  g_autoptr(DlArticle) article = make_article ("Kept in memory", "Every word.", 1700000000);
  g_autoptr(DlArticle) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *library = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) dir = NULL;
  gboolean ok;

  /* Running as root, permissions do not stop a write; a regular file
   * where the folder should be does. */
  library = g_build_filename (lib->path, "library", NULL);
  dir = g_file_new_for_path (library);
  g_file_set_contents (library, "not a folder", -1, &error);
  g_assert_no_error (error);

  store = dl_store_new (dir);
  ok = dl_store_save_article_sync (store, article, NULL, &error);
  g_assert_false (ok);
  g_assert_error (error, DL_STORE_ERROR, DL_STORE_ERROR_WRITE);
  dl_test_assert_contains (error->message, library);
  dl_test_assert_contains (error->message, g_strerror (ENOTDIR));
  g_test_message ("Error: %s", error->message);
  g_clear_error (&error);

  /* Fault removed: the same article saves. */
  g_unlink (library);
  ok = dl_store_save_article_sync (store, article, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  path = dl_test_article_path (library, dl_article_get_uuid (article));
  on_disk = read_article (path);
  g_assert_cmpstr (dl_article_get_body (on_disk), ==, "Every word.");

  g_clear_object (&store);
}

static void
test_save_fails_when_disk_is_full (Library       *lib,
                                   gconstpointer  data)
{
  g_autoptr(DlStore) store = NULL;
  g_autoptr(DlArticle) article = make_article ("A long report", NULL, 1700000000);
  g_autoptr(DlArticle) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *path = NULL;
  gboolean ok;

  if (mount ("tmpfs", lib->path, "tmpfs", 0, "size=64k") != 0)
    {
      g_autofree char *message = g_strdup_printf ("cannot mount a small tmpfs here: %s",
                                                  g_strerror (errno));
      g_test_skip (message);
      return;
    }

  for (guint i = 0; i < 40000; i++)
    g_string_append (body, "word ");
  dl_article_set_body (article, body->str);

  store = load_store (lib);
  ok = dl_store_save_article_sync (store, article, NULL, &error);
  g_assert_false (ok);
  g_assert_error (error, DL_STORE_ERROR, DL_STORE_ERROR_WRITE);
  dl_test_assert_contains (error->message, lib->path);
  dl_test_assert_contains (error->message, g_strerror (ENOSPC));
  g_test_message ("Error: %s", error->message);
  g_clear_error (&error);
  g_assert_false (has_hidden_files (lib->path));

  /* Room made: the retry succeeds and the whole text is on disk. */
  g_assert_cmpint (mount ("tmpfs", lib->path, "tmpfs", MS_REMOUNT, "size=4m"), ==, 0);
  ok = dl_store_save_article_sync (store, article, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  path = dl_test_article_path (lib->path, dl_article_get_uuid (article));
  on_disk = read_article (path);
  g_assert_cmpstr (dl_article_get_body (on_disk), ==, body->str);

  g_clear_object (&store);
  g_assert_cmpint (umount (lib->path), ==, 0);
}

/* ------------------------------------------------------------------ */
/* Loading                                                             */

static void
test_corrupt_file_is_quarantined (Library       *lib,
                                  gconstpointer  data)
{
  g_autoptr(DlStore) store = NULL;
  g_autoptr(DlStore) again = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *wrong = NULL;
  g_autofree char *quarantine = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *reason_file = NULL;
  GListModel *quarantined;
  gboolean saw_broken = FALSE, saw_wrong = FALSE;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *headline = g_strdup_printf ("Good %u", i);
      g_autoptr(DlArticle) article = make_article (headline, "text", 1700000000 + i);
      g_autofree char *path = dl_test_article_path (lib->path, dl_article_get_uuid (article));

      write_article_file (path, article);
    }
  broken = g_build_filename (lib->path, "broken.dateline", NULL);
  g_file_set_contents (broken, "{ \"format\": \"dateline-article\", \"headline\": ", -1, NULL);
  wrong = g_build_filename (lib->path, "shopping.dateline", NULL);
  g_file_set_contents (wrong, "{ \"eggs\": 12 }", -1, NULL);

  store = load_store (lib);
  g_assert_cmpuint (n_summaries (store), ==, 3);

  quarantined = dl_store_get_quarantined (store);
  g_assert_cmpuint (g_list_model_get_n_items (quarantined), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(DlQuarantinedFile) file = g_list_model_get_item (quarantined, i);
      const char *name = dl_quarantined_file_get_original_name (file);
      const char *reason = dl_quarantined_file_get_reason (file);

      g_test_message ("%s: %s", name, reason);
      g_assert_true (g_file_query_exists (dl_quarantined_file_get_file (file), NULL));
      if (g_strcmp0 (name, "broken.dateline") == 0)
        {
          saw_broken = TRUE;
          dl_test_assert_contains (reason, "not valid JSON");
        }
      else if (g_strcmp0 (name, "shopping.dateline") == 0)
        {
          saw_wrong = TRUE;
          dl_test_assert_contains (reason, "not a Dateline article");
        }
    }
  g_assert_true (saw_broken && saw_wrong);

  quarantine = g_build_filename (lib->path, DL_STORE_QUARANTINE_DIR, NULL);
  moved = g_build_filename (quarantine, "broken.dateline", NULL);
  reason_file = g_strconcat (moved, DL_STORE_REASON_SUFFIX, NULL);
  g_assert_false (g_file_test (broken, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (moved, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (reason_file, G_FILE_TEST_EXISTS));

  /* The report survives a restart. */
  g_clear_object (&store);
  again = load_store (lib);
  g_assert_cmpuint (n_summaries (again), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (dl_store_get_quarantined (again)), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(DlQuarantinedFile) file = g_list_model_get_item (dl_store_get_quarantined (again), i);
      if (g_strcmp0 (dl_quarantined_file_get_original_name (file), "broken.dateline") == 0)
        dl_test_assert_contains (dl_quarantined_file_get_reason (file), "not valid JSON");
    }

  g_clear_object (&again);
}

static void
test_open_corrupt_file (Library       *lib,
                        gconstpointer  data)
{
  g_autoptr(DlStore) store = NULL;
  g_autoptr(DlArticle) article = make_article ("Soon broken", "text", 1700000000);
  g_autoptr(DlArticle) opened = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *uuid = dl_article_get_uuid (article);

  store = load_store (lib);
  dl_store_save_article_sync (store, article, NULL, &error);
  g_assert_no_error (error);

  dl_store_open_article_async (store, uuid, NULL, dl_test_keep_result_cb, &result);
  opened = dl_store_open_article_finish (store, dl_test_wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dl_article_get_body (opened), ==, "text");
  g_clear_object (&result);

  path = dl_test_article_path (lib->path, uuid);
  g_file_set_contents (path, "garbage", -1, NULL);
  dl_store_open_article_async (store, uuid, NULL, dl_test_keep_result_cb, &result);
  g_assert_null (dl_store_open_article_finish (store, dl_test_wait_for_result (&result), &error));
  g_assert_error (error, DL_STORE_ERROR, DL_STORE_ERROR_CORRUPT);
  g_assert_null (dl_store_find_summary (store, uuid));
  g_assert_cmpuint (g_list_model_get_n_items (dl_store_get_quarantined (store)), ==, 1);
  g_clear_error (&error);

  g_assert_null (dl_store_open_article_sync (store, uuid, NULL, &error));
  g_assert_error (error, DL_STORE_ERROR, DL_STORE_ERROR_NOT_FOUND);

  g_clear_object (&store);
}

static void
save_many (DlStore *store,
           guint    n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *headline = g_strdup_printf ("Article %u", i);
      g_autoptr(DlArticle) article = make_article (headline, "Some body text.", 1700000000 + i);
      g_autoptr(GError) error = NULL;

      dl_store_save_article_sync (store, article, NULL, &error);
      g_assert_no_error (error);
    }
}

static void
test_index_rebuilt_when_missing_or_corrupt (Library       *lib,
                                            gconstpointer  data)
{
  g_autoptr(DlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *index = NULL;
  g_autoptr(DlArticleSummary) first = NULL;

  index = g_build_filename (lib->path, DL_STORE_INDEX_NAME, NULL);
  store = load_store (lib);
  save_many (store, 5);
  dl_store_write_index_sync (store, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (index, G_FILE_TEST_EXISTS));
  g_clear_object (&store);

  g_assert_cmpint (g_unlink (index), ==, 0);
  store = load_store (lib);
  g_assert_cmpuint (n_summaries (store), ==, 5);
  first = g_list_model_get_item (dl_store_get_summaries (store), 0);
  g_assert_cmpstr (dl_article_summary_get_headline (first), ==, "Article 4");
  dl_store_write_index_sync (store, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (index, G_FILE_TEST_EXISTS));
  g_clear_object (&store);

  /* Truncated, then garbage. */
  g_assert_cmpint (truncate (index, 100), ==, 0);
  store = load_store (lib);
  g_assert_cmpuint (n_summaries (store), ==, 5);
  g_clear_object (&store);

  g_file_set_contents (index, "this is not an index at all, not even close", -1, NULL);
  store = load_store (lib);
  g_assert_cmpuint (n_summaries (store), ==, 5);
  g_clear_object (&store);

}

static void
test_external_changes_picked_up (Library       *lib,
                                 gconstpointer  data)
{
  g_autoptr(DlStore) store = NULL;
  g_autoptr(DlArticle) article = make_article ("Original headline", "text", 1700000000);
  g_autoptr(DlArticle) edited = NULL;
  g_autoptr(DlArticle) dropped = make_article ("Dropped in by hand", "text", 1700000500);
  g_autoptr(DlArticle) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dropped_path = NULL;
  g_autofree char *copy_path = NULL;
  g_autofree char *adopted_path = NULL;
  DlArticleSummary *summary;

  store = load_store (lib);
  save_many (store, 3);
  dl_store_save_article_sync (store, article, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&store);   /* writes the index */

  /* Another program edits one file, drops a new one under a name of its
   * own, and copies an existing one (same UUID inside). */
  path = dl_test_article_path (lib->path, dl_article_get_uuid (article));
  edited = read_article (path);
  dl_article_set_headline (edited, "Edited outside Dateline");
  write_article_file (path, edited);
  dropped_path = g_build_filename (lib->path, "from-a-colleague.dateline", NULL);
  write_article_file (dropped_path, dropped);
  copy_path = g_build_filename (lib->path, "copy of original.dateline", NULL);
  write_article_file (copy_path, edited);

  store = load_store (lib);
  g_assert_cmpuint (n_summaries (store), ==, 6);
  summary = dl_store_find_summary (store, dl_article_get_uuid (article));
  g_assert_cmpstr (dl_article_summary_get_headline (summary), ==, "Edited outside Dateline");
  g_assert_nonnull (dl_store_find_summary (store, dl_article_get_uuid (dropped)));

  /* Renamed to <uuid>.dateline; the copy got a UUID of its own. */
  adopted_path = dl_test_article_path (lib->path, dl_article_get_uuid (dropped));
  g_assert_true (g_file_test (adopted_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dropped_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (copy_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A file deleted outside Dateline disappears from the list. */
  g_clear_object (&store);
  g_unlink (adopted_path);
  store = load_store (lib);
  g_assert_cmpuint (n_summaries (store), ==, 5);
  g_assert_null (dl_store_find_summary (store, dl_article_get_uuid (dropped)));

  g_clear_object (&store);
}

/* Counts the article files opened while loading, through inotify: the
 * kernel reports every open, so this is what really happened. */
static GHashTable *
collect_opened (int fd)
{
  GHashTable *opened = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  char buffer[64 * 1024] __attribute__ ((aligned (__alignof__ (struct inotify_event))));
  gssize len;

  while ((len = read (fd, buffer, sizeof buffer)) > 0)
    {
      for (char *p = buffer; p < buffer + len;)
        {
          struct inotify_event *event = (struct inotify_event *) p;

          if (event->len > 0 && g_str_has_suffix (event->name, DL_ARTICLE_FILE_EXTENSION))
            g_hash_table_add (opened, g_strdup (event->name));
          p += sizeof (struct inotify_event) + event->len;
        }
    }
  return opened;
}

static void
test_load_does_not_read_bodies (Library       *lib,
                                gconstpointer  data)
{
  g_autoptr(DlStore) store = NULL;
  g_autoptr(GHashTable) opened = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(DlArticle) changed = NULL;
  g_autofree char *changed_path = NULL;
  g_autofree char *changed_name = NULL;
  g_autoptr(DlArticleSummary) first = NULL;
  int fd;

  for (guint i = 0; i < 20000; i++)
    g_string_append (body, "heavy ");

  store = load_store (lib);
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *headline = g_strdup_printf ("Big article %u", i);
      g_autoptr(DlArticle) article = make_article (headline, body->str, 1700000000 + i);
      g_autoptr(GError) error = NULL;

      dl_store_save_article_sync (store, article, NULL, &error);
      g_assert_no_error (error);
      if (i == 10)
        changed = g_object_ref (article);
    }
  g_clear_object (&store);

  fd = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (inotify_add_watch (fd, lib->path, IN_OPEN | IN_ACCESS), >=, 0);

  store = load_store (lib);
  g_assert_cmpuint (n_summaries (store), ==, 50);
  first = g_list_model_get_item (dl_store_get_summaries (store), 0);
  g_assert_cmpstr (dl_article_summary_get_headline (first), ==, "Big article 49");
  opened = collect_opened (fd);
  g_assert_cmpuint (g_hash_table_size (opened), ==, 0);
  g_clear_pointer (&opened, g_hash_table_unref);
  g_clear_object (&store);
  g_hash_table_unref (collect_opened (fd));   /* drain the index write */

  /* Changed outside Dateline: exactly that file is read. */
  changed_path = dl_test_article_path (lib->path, dl_article_get_uuid (changed));
  changed_name = g_path_get_basename (changed_path);
  dl_article_set_headline (changed, "Changed by hand");
  write_article_file (changed_path, changed);
  g_hash_table_unref (collect_opened (fd));

  store = load_store (lib);
  opened = collect_opened (fd);
  g_assert_cmpuint (g_hash_table_size (opened), ==, 1);
  g_assert_true (g_hash_table_contains (opened, changed_name));
  g_assert_cmpstr (dl_article_summary_get_headline (dl_store_find_summary (store, dl_article_get_uuid (changed))),
                   ==, "Changed by hand");

  close (fd);
  g_clear_object (&store);
}

static void
count_items_changed (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *count)
{
  g_test_message ("items-changed %u -%u +%u", position, removed, added);
  (*count)++;
}

typedef struct
{
  guint             n_items;
  DlArticleSummary *last;
} ReadyState;

static void
notify_ready (DlStore    *store,
              GParamSpec *pspec,
              ReadyState *state)
{
  state->n_items = n_summaries (store);
  if (state->n_items > 0)
    state->last = g_list_model_get_item (dl_store_get_summaries (store), state->n_items - 1);
}

static void
test_ten_thousand_articles (Library       *lib,
                            gconstpointer  data)
{
  g_autoptr(DlStore) store = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) opened = NULL;
  GListModel *summaries;
  guint signals = 0;
  ReadyState ready = { 0, NULL };
  g_autoptr(DlArticleSummary) at_same_place = NULL;
  int fd;

  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *headline = g_strdup_printf ("Article %u", i);
      g_autoptr(DlArticle) article = make_article (headline, "A short body.", 1600000000 + (i * 7919) % 10000 * 60);
      g_autofree char *path = dl_test_article_path (lib->path, dl_article_get_uuid (article));

      write_article_file (path, article);
    }

  /* No index yet: built from the files, in one items-changed. */
  store = dl_store_new (lib->dir);
  g_signal_connect (dl_store_get_summaries (store), "items-changed", G_CALLBACK (count_items_changed), &signals);
  dl_store_load_async (store, NULL, dl_test_keep_result_cb, &result);
  dl_store_load_finish (store, dl_test_wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_summaries (store), ==, 10000);
  g_assert_cmpuint (signals, ==, 1);
  g_clear_object (&store);
  g_clear_object (&result);

  /* From the index: ready as soon as the first page of the index (the
   * newest articles) is shown, the rest appended after it in a second
   * signal, and no article file opened. */
  fd = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);
  g_assert_cmpint (inotify_add_watch (fd, lib->path, IN_OPEN), >=, 0);
  signals = 0;
  store = dl_store_new (lib->dir);
  summaries = dl_store_get_summaries (store);
  g_signal_connect (summaries, "items-changed", G_CALLBACK (count_items_changed), &signals);
  g_signal_connect (store, "notify::ready", G_CALLBACK (notify_ready), &ready);
  dl_store_load_async (store, NULL, dl_test_keep_result_cb, &result);
  dl_store_load_finish (store, dl_test_wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_true (dl_store_is_ready (store));
  g_assert_cmpuint (ready.n_items, >, 0);
  g_assert_cmpuint (ready.n_items, <, 10000);
  at_same_place = g_list_model_get_item (summaries, ready.n_items - 1);
  g_assert_true (at_same_place == ready.last);
  g_clear_object (&ready.last);
  g_assert_cmpuint (n_summaries (store), ==, 10000);
  g_assert_cmpuint (signals, ==, 2);
  opened = collect_opened (fd);
  g_assert_cmpuint (g_hash_table_size (opened), ==, 0);
  close (fd);

  /* Newest first. */
  for (guint i = 1; i < 10000; i++)
    {
      g_autoptr(DlArticleSummary) a = g_list_model_get_item (summaries, i - 1);
      g_autoptr(DlArticleSummary) b = g_list_model_get_item (summaries, i);

      g_assert_cmpint (g_date_time_compare (dl_article_summary_get_modified (a),
                                            dl_article_summary_get_modified (b)), >=, 0);
    }

  g_clear_object (&store);
}

static void
test_save_during_load (Library       *lib,
                       gconstpointer  data)
{
  g_autoptr(DlStore) store = NULL;
  g_autoptr(DlArticle) article = make_article ("Before", "", 1700000000);
  g_autoptr(DlArticle) on_disk = NULL;
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *stale = NULL;
  g_autofree char *fresh = NULL;
  struct timespec old_times[2] = { { 1000000000, 0 }, { 1000000000, 0 } };

  store = load_store (lib);
  save_many (store, 300);
  dl_store_save_article_sync (store, article, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Temporary files: one left by a crash long ago, one "in progress". */
  stale = g_build_filename (lib->path, ".dead.dateline.AbC123", NULL);
  fresh = g_build_filename (lib->path, ".live.dateline.XyZ789", NULL);
  g_file_set_contents (stale, "half a file", -1, NULL);
  g_file_set_contents (fresh, "half a file", -1, NULL);
  g_assert_cmpint (utimensat (AT_FDCWD, stale, old_times, 0), ==, 0);

  /* The editor saves while the library is still loading: the
   * reconciliation must not put the older summary back. */
  store = dl_store_new (lib->dir);
  dl_store_load_async (store, NULL, dl_test_keep_result_cb, &loaded);
  dl_article_set_headline (article, "Saved while loading");
  dl_article_touch (article);
  dl_store_save_article_async (store, article, NULL, dl_test_keep_result_cb, &saved);
  dl_store_save_article_finish (store, dl_test_wait_for_result (&saved), &error);
  g_assert_no_error (error);
  dl_store_load_finish (store, dl_test_wait_for_result (&loaded), &error);
  g_assert_no_error (error);

  g_assert_cmpuint (n_summaries (store), ==, 301);
  g_assert_cmpstr (dl_article_summary_get_headline (dl_store_find_summary (store, dl_article_get_uuid (article))),
                   ==, "Saved while loading");
  path = dl_test_article_path (lib->path, dl_article_get_uuid (article));
  on_disk = read_article (path);
  g_assert_cmpstr (dl_article_get_headline (on_disk), ==, "Saved while loading");

  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));

  g_clear_object (&store);
}

static void
test_save_moves_summary_to_top (Library       *lib,
                                gconstpointer  data)
{
  g_autoptr(DlStore) store = NULL;
  g_autoptr(DlArticle) oldest = make_article ("Oldest", "", 1600000000);
  g_autoptr(DlArticleSummary) top = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  DlArticleSummary *summary;
  guint signals = 0;

  store = load_store (lib);
  dl_store_save_article_sync (store, oldest, NULL, &error);
  g_assert_no_error (error);
  save_many (store, 5);
  summary = dl_store_find_summary (store, dl_article_get_uuid (oldest));
  top = g_list_model_get_item (dl_store_get_summaries (store), 5);
  g_assert_true (top == summary);
  g_clear_object (&top);

  g_signal_connect (dl_store_get_summaries (store), "items-changed", G_CALLBACK (count_items_changed), &signals);
  dl_article_set_headline (oldest, "Edited just now");
  dl_article_set_modified (oldest, now);
  dl_store_save_article_sync (store, oldest, NULL, &error);
  g_assert_no_error (error);

  /* The same object, updated in place, moved in one signal. */
  top = g_list_model_get_item (dl_store_get_summaries (store), 0);
  g_assert_true (top == summary);
  g_assert_cmpstr (dl_article_summary_get_headline (top), ==, "Edited just now");
  g_assert_cmpuint (signals, ==, 1);
  g_assert_cmpuint (n_summaries (store), ==, 6);

  g_clear_object (&store);
}

/* ------------------------------------------------------------------ */
/* Trash, import, search                                               */

static void
test_trash_and_restore (Library       *lib,
                        gconstpointer  data)
{
  g_autoptr(DlStore) store = NULL;
  g_autoptr(DlArticle) keep = make_article ("Keep", "", 1700000000);
  g_autoptr(DlArticle) bin = make_article ("Bin", "the text", 1700000100);
  g_autoptr(DlArticle) from_trash = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *trash = NULL;
  g_autofree char *trashed = NULL;
  const char *uuid = dl_article_get_uuid (bin);

  store = load_store (lib);
  dl_store_save_article_sync (store, keep, NULL, &error);
  g_assert_no_error (error);
  dl_store_save_article_sync (store, bin, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_summaries (store), ==, 2);

  path = dl_test_article_path (lib->path, uuid);
  trash = g_build_filename (lib->path, DL_STORE_TRASH_DIR, NULL);
  trashed = dl_test_article_path (trash, uuid);

  g_assert_true (dl_store_trash_article_sync (store, uuid, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_summaries (store), ==, 1);
  g_assert_null (dl_store_find_summary (store, uuid));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  from_trash = read_article (trashed);
  g_assert_cmpstr (dl_article_get_body (from_trash), ==, "the text");

  /* Still gone after a restart. */
  g_clear_object (&store);
  store = load_store (lib);
  g_assert_cmpuint (n_summaries (store), ==, 1);

  g_assert_false (dl_store_trash_article_sync (store, uuid, &error));
  g_assert_error (error, DL_STORE_ERROR, DL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (dl_store_restore_article_sync (store, uuid, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_summaries (store), ==, 2);
  g_assert_cmpstr (dl_article_summary_get_headline (dl_store_find_summary (store, uuid)), ==, "Bin");
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (trashed, G_FILE_TEST_EXISTS));

  g_assert_false (dl_store_restore_article_sync (store, uuid, &error));
  g_assert_error (error, DL_STORE_ERROR, DL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A save of an article trashed meanwhile lands in the trash, not back
   * in the library. */
  g_assert_true (dl_store_trash_article_sync (store, uuid, &error));
  dl_article_set_body (bin, "last words");
  g_assert_true (dl_store_save_article_sync (store, bin, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_object (&from_trash);
  from_trash = read_article (trashed);
  g_assert_cmpstr (dl_article_get_body (from_trash), ==, "last words");
  g_assert_cmpuint (n_summaries (store), ==, 1);

  g_clear_object (&store);
}

static void
test_import_with_uuid_clash (Library       *lib,
                             gconstpointer  data)
{
  g_autoptr(DlStore) store = NULL;
  g_autoptr(DlArticle) original = make_article ("From the desk", "Imported body", 1700000000);
  g_autoptr(DlArticle) first = NULL;
  g_autoptr(DlArticle) second = NULL;
  g_autoptr(DlArticle) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *outside = NULL;
  g_autofree char *outside_path = NULL;
  g_autofree char *bad_path = NULL;
  g_autofree char *first_path = NULL;
  g_autoptr(GFile) outside_file = NULL;
  g_autoptr(GFile) bad_file = NULL;

  outside = g_dir_make_tmp ("dateline-outside-XXXXXX", &error);
  g_assert_no_error (error);
  outside_path = g_build_filename (outside, "report.dateline", NULL);
  write_article_file (outside_path, original);
  outside_file = g_file_new_for_path (outside_path);

  store = load_store (lib);
  first = dl_store_import_file_sync (store, outside_file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dl_article_get_uuid (first), ==, dl_article_get_uuid (original));

  second = dl_store_import_file_sync (store, outside_file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dl_article_get_uuid (second), !=, dl_article_get_uuid (original));
  g_assert_true (g_uuid_string_is_valid (dl_article_get_uuid (second)));
  g_assert_cmpstr (dl_article_get_body (second), ==, "Imported body");
  g_assert_cmpuint (n_summaries (store), ==, 2);

  /* The first import was not overwritten. */
  first_path = dl_test_article_path (lib->path, dl_article_get_uuid (first));
  on_disk = read_article (first_path);
  g_assert_cmpstr (dl_article_get_headline (on_disk), ==, "From the desk");

  bad_path = g_build_filename (outside, "notes.dateline", NULL);
  g_file_set_contents (bad_path, "[1, 2, 3]", -1, NULL);
  bad_file = g_file_new_for_path (bad_path);
  g_assert_null (dl_store_import_file_sync (store, bad_file, NULL, NULL, &error));
  g_assert_error (error, DL_ARTICLE_FILE_ERROR, DL_ARTICLE_FILE_ERROR_NOT_ARTICLE);
  dl_test_assert_contains (error->message, "notes.dateline");
  g_test_message ("Error: %s", error->message);
  g_assert_cmpuint (n_summaries (store), ==, 2);

  g_clear_object (&store);
  dl_test_remove_recursively (outside);
}

static GStrv
search (DlStore    *store,
        const char *query)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GStrv found;

  dl_store_search_async (store, query, NULL, dl_test_keep_result_cb, &result);
  found = dl_store_search_finish (store, dl_test_wait_for_result (&result), &error);
  g_assert_no_error (error);
  return found;
}

static void
test_search (Library       *lib,
             gconstpointer  data)
{
  g_autoptr(DlStore) store = NULL;
  g_autoptr(DlArticle) fox = make_article ("Animals", "The quick brown fox jumps over the lazy dog.", 1700000000);
  g_autoptr(DlArticle) economy = make_article ("Trade talks", "Die Straße der ÉCONOMIE.", 1700000100);
  g_autoptr(DlArticle) tagged = make_article ("Weather", "Rain.", 1700000200);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) found = NULL;

  store = load_store (lib);
  dl_article_set_standfirst (economy, "Ministers met on Tuesday.");
  dl_article_add_tag (tagged, "Climate");
  dl_article_set_place (tagged, "Brest");
  dl_store_save_article_sync (store, fox, NULL, NULL);
  dl_store_save_article_sync (store, economy, NULL, NULL);
  dl_store_save_article_sync (store, tagged, NULL, NULL);

  found = search (store, "QUICK fox");
  g_assert_cmpuint (g_strv_length (found), ==, 1);
  g_assert_cmpstr (found[0], ==, dl_article_get_uuid (fox));
  g_clear_pointer (&found, g_strfreev);

  /* Unicode casefolding: "STRASSE" finds "Straße", "économie" finds "ÉCONOMIE". */
  found = search (store, "économie strasse");
  g_assert_cmpuint (g_strv_length (found), ==, 1);
  g_assert_cmpstr (found[0], ==, dl_article_get_uuid (economy));
  g_clear_pointer (&found, g_strfreev);

  found = search (store, "tuesday");
  g_assert_cmpuint (g_strv_length (found), ==, 1);
  g_clear_pointer (&found, g_strfreev);

  found = search (store, "climate brest");
  g_assert_cmpuint (g_strv_length (found), ==, 1);
  g_assert_cmpstr (found[0], ==, dl_article_get_uuid (tagged));
  g_clear_pointer (&found, g_strfreev);

  /* Every article has the place "Minsk" but one. */
  found = search (store, "minsk");
  g_assert_cmpuint (g_strv_length (found), ==, 2);
  g_clear_pointer (&found, g_strfreev);

  /* Words split across fields do not count; nor do key names. */
  found = search (store, "fox headline");
  g_assert_cmpuint (g_strv_length (found), ==, 0);
  g_clear_pointer (&found, g_strfreev);

  g_cancellable_cancel (cancellable);
  dl_store_search_async (store, "fox", cancellable, dl_test_keep_result_cb, &result);
  g_assert_null (dl_store_search_finish (store, dl_test_wait_for_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_clear_object (&store);
}

static void
on_imported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;
  *out = g_object_ref (result);
}

static DlArticle *
import_async (DlStore  *store,
              GFile    *file,
              GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  dl_store_import_file_async (store, file, NULL, on_imported_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return dl_store_import_file_finish (store, result, NULL, error);
}

/* The library's own file, opened from the file manager or given on the
 * command line, opens the article: no copy, nothing written. Through a
 * symbolic link too; a copy of the file elsewhere is still imported. */
static void
test_import_own_file_opens_it (Library       *lib,
                               gconstpointer  data)
{
  g_autoptr(DlStore) store = load_store (lib);
  g_autoptr(DlArticle) article = make_article ("In the library", "Its body", 1700000000);
  g_autoptr(DlArticle) opened = NULL;
  g_autoptr(DlArticle) opened_async = NULL;
  g_autoptr(DlArticle) via_link = NULL;
  g_autoptr(DlArticle) copied = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *outside = g_dir_make_tmp ("dateline-outside-XXXXXX", NULL);
  g_autofree char *link = g_build_filename (outside, "link.dateline", NULL);
  g_autofree char *copy = g_build_filename (outside, "copy.dateline", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autoptr(GFile) copy_file = g_file_new_for_path (copy);
  GStatBuf before, after;

  dl_store_save_article_sync (store, article, NULL, &error);
  g_assert_no_error (error);
  path = dl_test_article_path (lib->path, dl_article_get_uuid (article));
  file = g_file_new_for_path (path);
  g_assert_cmpint (g_stat (path, &before), ==, 0);

  opened = dl_store_import_file_sync (store, file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dl_article_get_uuid (opened), ==, dl_article_get_uuid (article));
  opened_async = import_async (store, file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dl_article_get_uuid (opened_async), ==, dl_article_get_uuid (article));
  g_assert_cmpint (symlink (path, link), ==, 0);
  via_link = dl_store_import_file_sync (store, link_file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dl_article_get_uuid (via_link), ==, dl_article_get_uuid (article));
  g_assert_cmpuint (n_summaries (store), ==, 1);
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpint (after.st_mtime, ==, before.st_mtime);
  g_assert_cmpint (after.st_ino, ==, before.st_ino);

  write_article_file (copy, article);
  copied = dl_store_import_file_sync (store, copy_file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dl_article_get_uuid (copied), !=, dl_article_get_uuid (article));
  g_assert_cmpuint (n_summaries (store), ==, 2);

  g_clear_object (&store);
  dl_test_remove_recursively (outside);
}

/* The application's import: read in a worker, applied to the library on
 * the calling thread; a UUID clash gives a copy; a ninjs document works. */
static void
test_import_async (Library       *lib,
                   gconstpointer  data)
{
  g_autoptr(DlStore) store = NULL;
  g_autoptr(DlArticle) original = make_article ("Wire copy", "Body from the wire", 1700000000);
  g_autoptr(DlArticle) first = NULL;
  g_autoptr(DlArticle) second = NULL;
  g_autoptr(DlArticle) from_ninjs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *outside = NULL;
  g_autofree char *path = NULL;
  g_autofree char *ninjs_path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) ninjs_file = NULL;
  g_autoptr(GFile) missing = NULL;

  outside = g_dir_make_tmp ("dateline-outside-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (outside, "wire.dateline", NULL);
  write_article_file (path, original);
  file = g_file_new_for_path (path);

  store = load_store (lib);
  first = import_async (store, file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dl_article_get_uuid (first), ==, dl_article_get_uuid (original));
  second = import_async (store, file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dl_article_get_uuid (second), !=, dl_article_get_uuid (original));
  g_assert_cmpuint (n_summaries (store), ==, 2);
  g_assert_nonnull (dl_store_find_summary (store, dl_article_get_uuid (second)));

  ninjs_path = g_build_filename (outside, "story.json", NULL);
  g_assert_true (g_file_set_contents (ninjs_path,
                                      "{\"uri\":\"urn:example:1\",\"type\":\"text\","
                                      "\"headlines\":[{\"role\":\"main\",\"value\":\"From a feed\"}],"
                                      "\"bodies\":[{\"role\":\"text\",\"contenttype\":\"text/html\","
                                      "\"value\":\"<p>Feed body</p>\"}]}", -1, &error));
  ninjs_file = g_file_new_for_path (ninjs_path);
  from_ninjs = import_async (store, ninjs_file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dl_article_get_headline (from_ninjs), ==, "From a feed");
  g_assert_cmpuint (n_summaries (store), ==, 3);

  missing = g_file_new_for_path ("/nonexistent/dateline/none.dateline");
  g_assert_null (import_async (store, missing, &error));
  g_assert_nonnull (error);
  dl_test_assert_contains (error->message, "none.dateline");

  g_clear_object (&store);
  dl_test_remove_recursively (outside);
}

static void
on_async_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GAsyncResult **out = user_data;
  *out = g_object_ref (result);
}

/* What the window does: the file moves in a worker, the summaries change
 * on this thread, and restoring reads the article back. */
static void
test_trash_restore_async (Library       *lib,
                          gconstpointer  data)
{
  g_autoptr(DlStore) store = NULL;
  g_autoptr(DlArticle) article = make_article ("To the trash", "Body kept", 1700000000);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *uuid = dl_article_get_uuid (article);

  store = load_store (lib);
  g_assert_true (dl_store_save_article_sync (store, article, NULL, &error));
  g_assert_no_error (error);
  path = dl_test_article_path (lib->path, uuid);

  dl_store_trash_article_async (store, uuid, NULL, on_async_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (dl_store_trash_article_finish (store, result, &error));
  g_assert_no_error (error);
  g_assert_null (dl_store_find_summary (store, uuid));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_object (&result);

  /* Trashing it again is a clear error. */
  dl_store_trash_article_async (store, uuid, NULL, on_async_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (dl_store_trash_article_finish (store, result, &error));
  g_assert_error (error, DL_STORE_ERROR, DL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&result);

  dl_store_restore_article_async (store, uuid, NULL, on_async_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (dl_store_restore_article_finish (store, result, &error));
  g_assert_no_error (error);
  g_assert_nonnull (dl_store_find_summary (store, uuid));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  g_clear_object (&store);
}


/* ------------------------------------------------------------------ */
/* Hostile files, outside changes, recovery (docs/RELIABILITY.md)      */

static guint
count_files (const char *folder,
             const char *suffix)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.' && g_str_has_suffix (name, suffix))
      n++;
  return n;
}

/* A blank <uuid>.dateline crashed `list`, `show` and the app at every
 * start; it is quarantined like any unreadable file now, and so is one
 * nested too deeply for any parser. */
static void
test_blank_and_deep_files_quarantined (Library       *lib,
                                       gconstpointer  data)
{
  g_autoptr(DlStore) store = NULL;
  g_autoptr(DlArticle) good = make_article ("Good", "text", 1700000000);
  g_autofree char *good_path = NULL;
  g_autoptr(GString) deep = g_string_new ("{\"format\":\"dateline-article\",\"x\":");
  struct { const char *uuid; const char *content; const char *reason; } cases[] = {
    { "11111111-1111-4111-8111-111111111111", "", "empty" },
    { "22222222-2222-4222-8222-222222222222", "  \n\n  \t", "white space" },
    { "33333333-3333-4333-8333-333333333333", "// only a comment\n", "comment" },
    { "44444444-4444-4444-8444-444444444444", NULL, "nested" },
  };
  GListModel *quarantined;
  g_autoptr(GError) error = NULL;
  g_autoptr(DlArticle) opened = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');

  good_path = dl_test_article_path (lib->path, dl_article_get_uuid (good));
  write_article_file (good_path, good);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = dl_test_article_path (lib->path, cases[i].uuid);
      const char *content = cases[i].content != NULL ? cases[i].content : deep->str;

      g_assert_true (g_file_set_contents (path, content, -1, NULL));
    }

  store = load_store (lib);
  g_assert_cmpuint (n_summaries (store), ==, 1);
  quarantined = dl_store_get_quarantined (store);
  g_assert_cmpuint (g_list_model_get_n_items (quarantined), ==, G_N_ELEMENTS (cases));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strconcat (cases[i].uuid, DL_ARTICLE_FILE_EXTENSION, NULL);
      gboolean found = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (quarantined); j++)
        {
          g_autoptr(DlQuarantinedFile) file = g_list_model_get_item (quarantined, j);

          if (g_str_equal (dl_quarantined_file_get_original_name (file), name))
            {
              g_test_message ("%s: %s", name, dl_quarantined_file_get_reason (file));
              dl_test_assert_contains (dl_quarantined_file_get_reason (file), cases[i].reason);
              found = TRUE;
            }
        }
      g_assert_true (found);
    }

  /* Opening one by its identifier (the app's last article) is an error
   * to show, not a crash. */
  {
    g_autofree char *path = dl_test_article_path (lib->path, cases[0].uuid);

    g_assert_true (g_file_set_contents (path, "", 0, NULL));
    opened = dl_store_open_article_sync (store, cases[0].uuid, NULL, &error);
    g_assert_null (opened);
    g_assert_error (error, DL_STORE_ERROR, DL_STORE_ERROR_CORRUPT);
  }

  g_clear_object (&store);
}

/* A FIFO or a device in the library, or chosen for import, would block
 * for ever (or never end). */
static void
test_fifo_neither_hangs_nor_imports (Library       *lib,
                                     gconstpointer  data)
{
  g_autoptr(DlStore) store = NULL;
  g_autofree char *fifo = NULL;
  g_autofree char *outside = NULL;
  g_autoptr(GFile) outside_file = NULL;
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr(GError) error = NULL;
  g_autoptr(DlArticle) imported = NULL;

  fifo = dl_test_article_path (lib->path, "55555555-5555-4555-8555-555555555555");
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  store = load_store (lib);
  g_assert_cmpuint (n_summaries (store), ==, 0);

  outside = g_build_filename (lib->path, "pipe.json", NULL);
  g_assert_cmpint (mkfifo (outside, 0600), ==, 0);
  outside_file = g_file_new_for_path (outside);
  imported = dl_store_import_file_sync (store, outside_file, NULL, NULL, &error);
  g_assert_null (imported);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);

  imported = dl_store_import_file_sync (store, zero, NULL, NULL, &error);
  g_assert_null (imported);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);

  g_clear_object (&store);
}

static char *
newer_file (const char *uuid)
{
  return g_strdup_printf ("{\"format\":\"dateline-article\",\"version\":7,\"uuid\":\"%s\","
                          "\"status\":\"syndicated\",\"headline\":\"Newer\","
                          "\"credits\":[{\"role\":\"drone-pilot\",\"name\":\"A\"}],"
                          "\"hologram\":{\"depth\":3},\"body\":\"From a newer Dateline\"}\n", uuid);
}

/* A newer file was moved to quarantine (a new status) or written back
 * as version 1 after an edit. It is listed, readable, and never
 * written. */
static void
test_newer_file_listed_never_written (Library       *lib,
                                      gconstpointer  data)
{
  g_autoptr(DlStore) store = NULL;
  const char *uuid = "66666666-6666-4666-8666-666666666666";
  g_autofree char *path = NULL;
  g_autofree char *content = newer_file (uuid);
  g_autofree char *after = NULL;
  g_autoptr(DlArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *import_dir = NULL;
  g_autofree char *import_path = NULL;
  g_autoptr(GFile) import_file = NULL;
  g_autoptr(DlArticle) imported = NULL;
  g_autofree char *imported_content = NULL;

  path = dl_test_article_path (lib->path, uuid);
  g_assert_true (g_file_set_contents (path, content, -1, NULL));

  store = load_store (lib);
  g_assert_cmpuint (n_summaries (store), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (dl_store_get_quarantined (store)), ==, 0);
  g_assert_cmpstr (dl_article_summary_get_headline (dl_store_find_summary (store, uuid)), ==, "Newer");

  article = dl_store_open_article_sync (store, uuid, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (dl_article_is_read_only (article));
  g_assert_cmpstr (dl_article_get_body (article), ==, "From a newer Dateline");

  dl_article_set_headline (article, "Edited by an older Dateline");
  g_assert_false (dl_store_save_article_sync (store, article, NULL, &error));
  g_assert_error (error, DL_STORE_ERROR, DL_STORE_ERROR_READ_ONLY);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, content);

  /* Imported, it is stored byte for byte. */
  g_clear_object (&store);
  import_dir = g_dir_make_tmp ("dateline-newer-XXXXXX", NULL);
  import_path = g_build_filename (import_dir, "from-a-colleague.dateline", NULL);
  g_free (content);
  content = newer_file ("77777777-7777-4777-8777-777777777777");
  g_assert_true (g_file_set_contents (import_path, content, -1, NULL));
  import_file = g_file_new_for_path (import_path);
  store = load_store (lib);
  g_clear_error (&error);
  imported = dl_store_import_file_sync (store, import_file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&path, g_free);
  path = dl_test_article_path (lib->path, dl_article_get_uuid (imported));
  g_assert_true (g_file_get_contents (path, &imported_content, NULL, NULL));
  g_assert_cmpstr (imported_content, ==, content);
  g_assert_cmpuint (n_summaries (store), ==, 2);

  g_unlink (import_path);
  g_rmdir (import_dir);
  g_clear_object (&store);
}

/* Rewrites @path the way another program would (a new file, then a
 * rename, or in place). */
static void
write_outside (const char *path,
               const char *headline,
               const char *uuid)
{
  g_autoptr(DlArticle) theirs = dl_article_new_with_uuid (uuid);
  g_autoptr(GBytes) bytes = NULL;

  dl_article_set_headline (theirs, headline);
  dl_article_set_body (theirs, "Their text");
  bytes = dl_article_serialize (theirs);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
}

static DlArticle *
first_in_trash (Library *lib)
{
  g_autofree char *trash = g_build_filename (lib->path, DL_STORE_TRASH_DIR, NULL);
  g_autoptr(GDir) dir = g_dir_open (trash, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, DL_ARTICLE_FILE_EXTENSION))
      {
        g_autofree char *path = g_build_filename (trash, name, NULL);
        return read_article (path);
      }
  return NULL;
}

/* Another program rewrote the open article's file: the next save
 * replaced it, and the outside version was not even in backups/. Now
 * nothing is overwritten, both versions are kept, and either can be
 * chosen. */
static void
test_outside_change_is_a_conflict (Library       *lib,
                                   gconstpointer  data)
{
  gboolean keep_mine = GPOINTER_TO_INT (data);
  g_autoptr(DlStore) store = NULL;
  g_autoptr(DlArticle) article = make_article ("Mine", "My text", 1700000000);
  g_autoptr(DlArticle) open = NULL;
  g_autoptr(DlArticle) on_disk = NULL;
  g_autoptr(DlArticle) in_trash = NULL;
  g_autoptr(DlArticle) resolved = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) recovered = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) recovery_dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *recovery_path = NULL;
  const char *uuid = dl_article_get_uuid (article);

  recovery_path = g_build_filename (lib->path, "..", "recovery-for-test", NULL);
  recovery_dir = g_file_new_for_path (recovery_path);
  store = g_object_new (DL_TYPE_STORE, "directory", lib->dir, "recovery-directory", recovery_dir, NULL);
  dl_store_load_sync (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (dl_store_save_article_sync (store, article, NULL, &error));
  path = dl_test_article_path (lib->path, uuid);

  open = dl_store_open_article_sync (store, uuid, NULL, &error);
  g_assert_no_error (error);

  /* The same bytes written again (a sync tool, touch) are no change. */
  {
    g_autofree char *same = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (path, &same, &length, NULL));
    g_assert_true (g_file_set_contents (path, same, length, NULL));
    dl_article_set_body (open, "My text, edited");
    g_assert_true (dl_store_save_article_sync (store, open, NULL, &error));
    g_assert_no_error (error);
  }

  write_outside (path, "Theirs", uuid);
  dl_article_set_body (open, "My text, edited again");
  g_assert_false (dl_store_save_article_sync (store, open, NULL, &error));
  g_assert_error (error, DL_STORE_ERROR, DL_STORE_ERROR_CONFLICT);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  /* Theirs is untouched, ours is in the recovery folder. */
  on_disk = read_article (path);
  g_assert_cmpstr (dl_article_get_headline (on_disk), ==, "Theirs");
  g_clear_object (&on_disk);
  dl_store_list_recovered_async (store, NULL, dl_test_keep_result_cb, &result);
  recovered = dl_store_list_recovered_finish (store, dl_test_wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (recovered->len, ==, 1);
  g_assert_cmpstr (dl_article_get_body (g_ptr_array_index (recovered, 0)), ==, "My text, edited again");

  dl_store_resolve_conflict_async (store, open, keep_mine ? DL_CONFLICT_KEEP_MINE : DL_CONFLICT_USE_THEIRS,
                                   NULL, dl_test_keep_result_cb, &result);
  resolved = dl_store_resolve_conflict_finish (store, dl_test_wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  on_disk = read_article (path);
  in_trash = first_in_trash (lib);
  g_assert_nonnull (in_trash);
  g_assert_cmpstr (dl_article_get_uuid (in_trash), !=, uuid);
  if (keep_mine)
    {
      g_assert_cmpstr (dl_article_get_body (resolved), ==, "My text, edited again");
      g_assert_cmpstr (dl_article_get_body (on_disk), ==, "My text, edited again");
      g_assert_cmpstr (dl_article_get_headline (in_trash), ==, "Theirs");
    }
  else
    {
      g_assert_cmpstr (dl_article_get_headline (resolved), ==, "Theirs");
      g_assert_cmpstr (dl_article_get_headline (on_disk), ==, "Theirs");
      g_assert_cmpstr (dl_article_get_body (in_trash), ==, "My text, edited again");
      g_assert_cmpstr (dl_article_summary_get_headline (dl_store_find_summary (store, uuid)), ==, "Theirs");
    }
  g_assert_cmpuint (count_files (recovery_path, DL_ARTICLE_FILE_EXTENSION), ==, 0);

  /* Saving what was chosen works again. */
  dl_article_set_standfirst (resolved, "Resolved");
  g_assert_true (dl_store_save_article_sync (store, resolved, NULL, &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  dl_test_remove_recursively (recovery_path);
}

typedef struct
{
  guint      count;
  char      *uuid;
  char      *headline;
} Outside;

static void
on_changed_outside_cb (DlStore    *store,
                       const char *uuid,
                       DlArticle  *article,
                       Outside    *outside)
{
  outside->count++;
  g_free (outside->uuid);
  outside->uuid = g_strdup (uuid);
  g_free (outside->headline);
  outside->headline = g_strdup (article != NULL ? dl_article_get_headline (article) : NULL);
}

static gboolean
quiet_period_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, quiet_period_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The folder is watched: a change made by another program is reported
 * (and the list follows); the store's own saves are not. */
static void
test_watch_reports_outside_changes (Library       *lib,
                                    gconstpointer  data)
{
  g_autoptr(DlStore) store = NULL;
  g_autoptr(DlArticle) article = make_article ("Ours", "text", 1700000000);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  Outside outside = { 0 };
  gint64 deadline;

  store = load_store (lib);
  g_signal_connect (store, "changed-outside", G_CALLBACK (on_changed_outside_cb), &outside);
  dl_store_watch (store);

  g_assert_true (dl_store_save_article_sync (store, article, NULL, &error));
  dl_article_set_body (article, "more text");
  g_assert_true (dl_store_save_article_sync (store, article, NULL, &error));
  spin_for (800);
  g_assert_cmpuint (outside.count, ==, 0);

  path = dl_test_article_path (lib->path, dl_article_get_uuid (article));
  write_outside (path, "Changed by git", dl_article_get_uuid (article));
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (outside.count == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (outside.count, ==, 1);
  g_assert_cmpstr (outside.uuid, ==, dl_article_get_uuid (article));
  g_assert_cmpstr (outside.headline, ==, "Changed by git");
  g_assert_cmpstr (dl_article_summary_get_headline (dl_store_find_summary (store, dl_article_get_uuid (article))),
                   ==, "Changed by git");

  g_signal_handlers_disconnect_by_data (store, &outside);
  g_free (outside.uuid);
  g_free (outside.headline);
  g_clear_object (&store);
}

/* What the library cannot take goes to the recovery folder; the next
 * save that succeeds removes it. */
static void
test_recovery_folder (Library       *lib,
                      gconstpointer  data)
{
  g_autoptr(DlStore) store = NULL;
  g_autoptr(DlArticle) article = make_article ("Kept", "Text not yet in the library", 1700000000);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) recovered = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) recovery_dir = NULL;
  g_autofree char *recovery_path = NULL;

  recovery_path = g_build_filename (lib->path, "..", "recovery-for-test-2", NULL);
  recovery_dir = g_file_new_for_path (recovery_path);
  store = g_object_new (DL_TYPE_STORE, "directory", lib->dir, "recovery-directory", recovery_dir, NULL);
  dl_store_load_sync (store, NULL, &error);

  dl_store_keep_in_recovery_async (store, article, NULL, dl_test_keep_result_cb, &result);
  g_assert_true (dl_store_keep_in_recovery_finish (store, dl_test_wait_for_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (count_files (recovery_path, DL_ARTICLE_FILE_EXTENSION), ==, 1);

  g_clear_object (&store);
  store = g_object_new (DL_TYPE_STORE, "directory", lib->dir, "recovery-directory", recovery_dir, NULL);
  dl_store_list_recovered_async (store, NULL, dl_test_keep_result_cb, &result);
  recovered = dl_store_list_recovered_finish (store, dl_test_wait_for_result (&result), &error);
  g_clear_object (&result);
  g_assert_cmpuint (recovered->len, ==, 1);
  g_assert_cmpstr (dl_article_get_body (g_ptr_array_index (recovered, 0)), ==, "Text not yet in the library");

  g_assert_true (dl_store_save_article_sync (store, article, NULL, &error));
  g_assert_cmpuint (count_files (recovery_path, DL_ARTICLE_FILE_EXTENSION), ==, 0);

  g_clear_object (&store);
  dl_test_remove_recursively (recovery_path);
}


/* The library row shows the embargo: it survives the index, and an index
 * of version 1 (no embargo in it) is rebuilt from the files. */
static void
test_index_keeps_release_times (Library       *lib,
                                gconstpointer  data)
{
  g_autoptr(DlStore) store = NULL;
  g_autoptr(DlArticle) article = make_article ("Embargoed", "text", 1700000000);
  g_autoptr(GDateTime) embargo = g_date_time_new_utc (2031, 5, 8, 7, 6, 0);
  g_autoptr(GDateTime) schedule = g_date_time_new_utc (2031, 5, 8, 7, 30, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *index = g_build_filename (lib->path, DL_STORE_INDEX_NAME, NULL);
  g_autoptr(GVariant) old_index = NULL;
  DlArticleSummary *summary;
  const char *uuid = dl_article_get_uuid (article);

  dl_article_set_embargo (article, embargo);
  dl_article_set_schedule (article, schedule);
  dl_article_set_status (article, DL_ARTICLE_STATUS_READY);
  store = load_store (lib);
  g_assert_true (dl_store_save_article_sync (store, article, NULL, &error));
  summary = dl_store_find_summary (store, uuid);
  g_assert_true (g_date_time_equal (dl_article_summary_get_embargo (summary), embargo));
  g_assert_true (dl_store_write_index_sync (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* A fresh store: the summary comes from the index record. */
  store = load_store (lib);
  summary = dl_store_find_summary (store, uuid);
  g_assert_nonnull (summary);
  g_assert_cmpint (dl_article_summary_get_status (summary), ==, DL_ARTICLE_STATUS_READY);
  g_assert_true (g_date_time_equal (dl_article_summary_get_embargo (summary), embargo));
  g_assert_true (g_date_time_equal (dl_article_summary_get_schedule (summary), schedule));
  g_clear_object (&store);

  /* A version 1 index, as the previous release wrote it, listing the
   * article with a stale headline and no embargo. */
  {
    GVariantBuilder first;
    const char *no_tags[] = { NULL };
    g_autoptr(GBytes) bytes = NULL;

    g_variant_builder_init (&first, G_VARIANT_TYPE ("a(sssssasxxt)"));
    g_variant_builder_add (&first, "(sssss^asxxt)", uuid, "Stale headline", "draft", "", "", no_tags,
                           (gint64) 1700000000 * G_USEC_PER_SEC, (gint64) 0, (guint64) 0);
    old_index = g_variant_ref_sink (g_variant_new ("(suua(sssssasxxt)a(sssssasxxt))", "dateline-index", 1, 1,
                                                   &first, NULL));
    bytes = g_variant_get_data_as_bytes (old_index);
    g_assert_true (g_file_set_contents (index, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  }
  store = load_store (lib);
  summary = dl_store_find_summary (store, uuid);
  g_assert_nonnull (summary);
  g_assert_cmpstr (dl_article_summary_get_headline (summary), ==, "Embargoed");
  g_assert_true (g_date_time_equal (dl_article_summary_get_embargo (summary), embargo));
  g_clear_object (&store);
}

static gboolean
trash_holds (GPtrArray  *items,
             const char *uuid)
{
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (dl_trashed_article_get_uuid (g_ptr_array_index (items, i)), uuid) == 0)
      return TRUE;
  return FALSE;
}

static void
set_file_time (const char *path,
               gint64      unix_time)
{
  struct utimbuf times = { unix_time, unix_time };

  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

/* The Trash view's list: titles and when each was trashed, newest
 * first; deleting for good (with the backup); the 30-day purge; empty. */
static void
test_trash_list_delete_and_purge (Library       *lib,
                                  gconstpointer  data)
{
  g_autoptr(DlStore) store = load_store (lib);
  g_autoptr(DlArticle) old = make_article ("Trashed long ago", "", 1700000000);
  g_autoptr(DlArticle) recent = make_article ("Trashed this week", "", 1700000100);
  g_autoptr(DlArticle) now_trashed = make_article ("Trashed now", "", 1700000200);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) cutoff = g_date_time_add_days (now, -DL_STORE_TRASH_KEEP_DAYS);
  g_autofree char *trash = g_build_filename (lib->path, DL_STORE_TRASH_DIR, NULL);
  g_autofree char *backups = g_build_filename (lib->path, DL_STORE_BACKUPS_DIR, NULL);
  g_autofree char *old_path = dl_test_article_path (trash, dl_article_get_uuid (old));
  g_autofree char *recent_path = dl_test_article_path (trash, dl_article_get_uuid (recent));
  g_autofree char *backup = dl_test_article_path (backups, dl_article_get_uuid (recent));
  g_autofree char *notes = g_build_filename (trash, "notes.txt", NULL);
  DlArticle *articles[] = { old, recent, now_trashed };
  guint n_deleted = 0;

  /* Nothing trashed yet: an empty list, not an error. */
  items = dl_store_list_trash_sync (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    {
      /* Saved twice, so that it has a backup. */
      g_assert_true (dl_store_save_article_sync (store, articles[i], NULL, &error));
      dl_article_set_body (articles[i], "second version");
      g_assert_true (dl_store_save_article_sync (store, articles[i], NULL, &error));
      g_assert_true (dl_store_trash_article_sync (store, dl_article_get_uuid (articles[i]), &error));
      g_assert_no_error (error);
    }
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  set_file_time (old_path, g_date_time_to_unix (now) - (DL_STORE_TRASH_KEEP_DAYS + 1) * 86400);
  set_file_time (recent_path, g_date_time_to_unix (now) - 7 * 86400);
  /* Something that is not an article is not listed, nor deleted. */
  g_assert_true (g_file_set_contents (notes, "mine", -1, NULL));

  items = dl_store_list_trash_sync (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 3);
  g_assert_cmpstr (dl_trashed_article_get_title (g_ptr_array_index (items, 0)), ==, "Trashed now");
  g_assert_cmpstr (dl_trashed_article_get_title (g_ptr_array_index (items, 1)), ==, "Trashed this week");
  g_assert_cmpstr (dl_trashed_article_get_title (g_ptr_array_index (items, 2)), ==, "Trashed long ago");
  g_assert_cmpint (g_date_time_to_unix (dl_trashed_article_get_trashed (g_ptr_array_index (items, 1))), ==,
                   g_date_time_to_unix (now) - 7 * 86400);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* The purge takes only what is older than 30 days. */
  g_assert_true (dl_store_purge_trash_sync (store, cutoff, &n_deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_deleted, ==, 1);
  g_assert_false (g_file_test (old_path, G_FILE_TEST_EXISTS));
  items = dl_store_list_trash_sync (store, &error);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_false (trash_holds (items, dl_article_get_uuid (old)));
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Deleting for good takes the backup with it, and cannot be repeated. */
  g_assert_true (dl_store_delete_trashed_sync (store, dl_article_get_uuid (recent), &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (recent_path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_false (dl_store_delete_trashed_sync (store, dl_article_get_uuid (recent), &error));
  g_assert_error (error, DL_STORE_ERROR, DL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* A path where a UUID belongs deletes nothing. */
  g_assert_false (dl_store_delete_trashed_sync (store, "../notes", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Emptying, in a worker, as the application does it. */
  {
    g_autoptr(GAsyncResult) result = NULL;

    dl_store_delete_trashed_async (store, NULL, NULL, dl_test_keep_result_cb, &result);
    g_assert_true (dl_store_delete_trashed_finish (store, dl_test_wait_for_result (&result), &n_deleted, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_deleted, ==, 1);
  }
  g_clear_pointer (&items, g_ptr_array_unref);
  items = dl_store_list_trash_sync (store, &error);
  g_assert_cmpuint (items->len, ==, 0);
  g_assert_true (g_file_test (notes, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (n_summaries (store), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Library, NULL, dl_test_library_set_up, func, dl_test_library_tear_down)
  ADD ("/store/save/atomic-with-backup", test_save_atomic_with_backup);
  ADD ("/store/save/never-reorders", test_save_never_reorders);
  ADD ("/store/save/folder-is-a-file", test_save_fails_when_folder_is_a_file);
  ADD ("/store/save/disk-full", test_save_fails_when_disk_is_full);
  ADD ("/store/save/moves-summary-to-top", test_save_moves_summary_to_top);
  ADD ("/store/save/during-load", test_save_during_load);
  ADD ("/store/load/corrupt-file-quarantined", test_corrupt_file_is_quarantined);
  ADD ("/store/load/open-corrupt-file", test_open_corrupt_file);
  ADD ("/store/load/index-rebuilt", test_index_rebuilt_when_missing_or_corrupt);
  ADD ("/store/load/external-changes", test_external_changes_picked_up);
  ADD ("/store/load/no-bodies-read", test_load_does_not_read_bodies);
  ADD ("/store/load/ten-thousand", test_ten_thousand_articles);
  ADD ("/store/trash-and-restore", test_trash_and_restore);
  ADD ("/store/trash/list-delete-and-purge", test_trash_list_delete_and_purge);
  ADD ("/store/load/index-keeps-release-times", test_index_keeps_release_times);
  ADD ("/store/import/uuid-clash", test_import_with_uuid_clash);
  ADD ("/store/import-async", test_import_async);
  ADD ("/store/import/own-file-opens-it", test_import_own_file_opens_it);
  ADD ("/store/trash-restore-async", test_trash_restore_async);
  ADD ("/store/search", test_search);
  ADD ("/store/load/blank-and-deep-files-quarantined", test_blank_and_deep_files_quarantined);
  ADD ("/store/load/fifo-neither-hangs-nor-imports", test_fifo_neither_hangs_nor_imports);
  ADD ("/store/load/newer-file-listed-never-written", test_newer_file_listed_never_written);
  g_test_add ("/store/save/outside-change/keep-mine", Library, GINT_TO_POINTER (TRUE), dl_test_library_set_up,
              test_outside_change_is_a_conflict, dl_test_library_tear_down);
  g_test_add ("/store/save/outside-change/use-theirs", Library, GINT_TO_POINTER (FALSE), dl_test_library_set_up,
              test_outside_change_is_a_conflict, dl_test_library_tear_down);
  ADD ("/store/watch/outside-changes-reported", test_watch_reports_outside_changes);
  ADD ("/store/recovery-folder", test_recovery_folder);

  return g_test_run ();
}
