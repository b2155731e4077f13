/* test-revisions.c: the kept versions of an article, in the library folder
 *
 * Made on request, not twice for the same text, listed newest first from
 * the folder alone, read back exactly, bounded with publications kept
 * longest, untouched by the article's own saves, safe against a revision
 * name that is really a path, and deleted with the article for good.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "dl-revision.h"
#include "dl-store.h"
#include "dl-test-util.h"

typedef DlTestLibrary Library;

static DlStore *
open_store (Library *library)
{
  DlStore *store = dl_store_new (library->dir);
  g_autoptr(GError) error = NULL;

  g_assert_true (dl_store_load_sync (store, NULL, &error));
  g_assert_no_error (error);
  return store;
}

static DlArticle *
saved_article (DlStore    *store,
               const char *body)
{
  DlArticle *article = dl_article_new ();
  g_autoptr(GError) error = NULL;

  dl_article_set_headline (article, "Revisions");
  dl_article_set_body (article, body);
  g_assert_true (dl_store_save_article_sync (store, article, NULL, &error));
  g_assert_no_error (error);
  return article;
}

static DlRevision *
add (DlStore         *store,
     DlArticle       *article,
     DlRevisionCause  cause)
{
  g_autoptr(GError) error = NULL;
  DlRevision *revision = NULL;

  g_assert_true (dl_store_add_revision_sync (store, article, cause, &revision, &error));
  g_assert_no_error (error);
  return revision;
}

static void
test_revisions_made_and_read (Library       *library,
                              gconstpointer  data)
{
  g_autoptr(DlStore) store = open_store (library);
  g_autoptr(DlArticle) article = saved_article (store, "One two three.");
  g_autoptr(DlRevision) first = NULL;
  g_autoptr(DlRevision) again = NULL;
  g_autoptr(DlRevision) second = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(DlArticle) then = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  revisions = dl_store_list_revisions_sync (store, dl_article_get_uuid (article), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 0);
  g_clear_pointer (&revisions, g_ptr_array_unref);

  first = add (store, article, DL_REVISION_CAUSE_SAVE);
  g_assert_nonnull (first);
  g_assert_cmpuint (first->words, ==, 3);
  /* The same text again: no second revision. */
  again = add (store, article, DL_REVISION_CAUSE_SAVE);
  g_assert_null (again);

  dl_article_set_body (article, "One two three four.");
  second = add (store, article, DL_REVISION_CAUSE_PUBLISH);
  g_assert_nonnull (second);
  g_assert_cmpstr (second->id, >, first->id);

  /* From the folder alone, newest first, with what caused each. */
  revisions = dl_store_list_revisions_sync (store, dl_article_get_uuid (article), &error);
  g_assert_cmpuint (revisions->len, ==, 2);
  g_assert_cmpstr (((DlRevision *) revisions->pdata[0])->id, ==, second->id);
  g_assert_cmpint (((DlRevision *) revisions->pdata[0])->cause, ==, DL_REVISION_CAUSE_PUBLISH);
  g_assert_cmpint (((DlRevision *) revisions->pdata[1])->cause, ==, DL_REVISION_CAUSE_SAVE);

  then = dl_store_load_revision_sync (store, dl_article_get_uuid (article), first->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dl_article_get_body (then), ==, "One two three.");
  text = dl_revision_dup_text (then);
  g_assert_cmpstr (text, ==, "Revisions\n\n\n\nOne two three.");

  /* The article's own saves leave the revisions alone. */
  dl_article_set_body (article, "Something else entirely.");
  g_assert_true (dl_store_save_article_sync (store, article, NULL, &error));
  g_clear_object (&then);
  then = dl_store_load_revision_sync (store, dl_article_get_uuid (article), first->id, &error);
  g_assert_cmpstr (dl_article_get_body (then), ==, "One two three.");

  /* Restoring puts the text back, the rest stays the article's. */
  dl_article_set_category (article, "Economy");
  dl_revision_apply_text (article, then);
  g_assert_cmpstr (dl_article_get_body (article), ==, "One two three.");
  g_assert_cmpstr (dl_article_get_category (article), ==, "Economy");

  /* Survives a restart: another store on the same folder. */
  {
    g_autoptr(DlStore) other = open_store (library);
    g_autoptr(GPtrArray) listed = dl_store_list_revisions_sync (other, dl_article_get_uuid (article), &error);

    g_assert_cmpuint (listed->len, ==, 2);
  }
}

static void
test_revision_names_are_names (Library       *library,
                               gconstpointer  data)
{
  g_autoptr(DlStore) store = open_store (library);
  g_autoptr(DlArticle) article = saved_article (store, "Text.");
  g_autoptr(DlRevision) revision = add (store, article, DL_REVISION_CAUSE_SAVE);
  const char *bad[] = { "../../index", "/etc/passwd", "", "20261202T012330.700Z-save-6/../x",
                        "20261302T012330.700Z-save-6", "20261202T012330.700Z-sav-6", "x" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DlArticle) loaded = dl_store_load_revision_sync (store, dl_article_get_uuid (article), bad[i], &error);

      g_assert_null (loaded);
      g_assert_error (error, DL_STORE_ERROR, DL_STORE_ERROR_NOT_FOUND);
    }
  /* An ID that is not an article's. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) listed = dl_store_list_revisions_sync (store, "../revisions", &error);

    g_assert_null (listed);
    g_assert_nonnull (error);
  }
  /* A damaged revision file: a clear error, not a crash. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *path = g_strdup_printf ("%s/revisions/%s/%s.dateline", library->path,
                                             dl_article_get_uuid (article), revision->id);
    g_autoptr(DlArticle) loaded = NULL;

    g_assert_true (g_file_set_contents (path, "{\"format\":", -1, NULL));
    loaded = dl_store_load_revision_sync (store, dl_article_get_uuid (article), revision->id, &error);
    g_assert_null (loaded);
    g_assert_error (error, DL_STORE_ERROR, DL_STORE_ERROR_CORRUPT);
  }
}

static void
test_revisions_bounded (Library       *library,
                        gconstpointer  data)
{
  g_autoptr(DlStore) store = open_store (library);
  g_autoptr(DlArticle) article = saved_article (store, "Version 0");
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;
  guint published = 0;

  /* The third is a publication: it outlives the saves around it. */
  for (guint i = 1; i <= DL_STORE_MAX_REVISIONS + 20; i++)
    {
      g_autofree char *body = g_strdup_printf ("Version %u", i);
      g_autoptr(DlRevision) revision = NULL;

      dl_article_set_body (article, body);
      revision = add (store, article, i == 3 ? DL_REVISION_CAUSE_PUBLISH : DL_REVISION_CAUSE_SAVE);
      g_assert_nonnull (revision);
    }
  revisions = dl_store_list_revisions_sync (store, dl_article_get_uuid (article), &error);
  g_assert_cmpuint (revisions->len, ==, DL_STORE_MAX_REVISIONS);
  for (guint i = 0; i < revisions->len; i++)
    if (((DlRevision *) revisions->pdata[i])->cause == DL_REVISION_CAUSE_PUBLISH)
      published++;
  g_assert_cmpuint (published, ==, 1);
  {
    g_autoptr(DlArticle) newest = dl_store_load_revision_sync (store, dl_article_get_uuid (article),
                                                               ((DlRevision *) revisions->pdata[0])->id, &error);
    g_autofree char *expected = g_strdup_printf ("Version %u", DL_STORE_MAX_REVISIONS + 20);

    g_assert_cmpstr (dl_article_get_body (newest), ==, expected);
  }
}

static void
test_revisions_deleted_with_article (Library       *library,
                                     gconstpointer  data)
{
  g_autoptr(DlStore) store = open_store (library);
  g_autoptr(DlArticle) article = saved_article (store, "Gone soon.");
  g_autoptr(DlRevision) revision = add (store, article, DL_REVISION_CAUSE_SAVE);
  g_autofree char *folder = g_build_filename (library->path, "revisions", dl_article_get_uuid (article), NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  /* In the trash, it keeps its revisions (it may come back)... */
  g_assert_true (dl_store_trash_article_sync (store, dl_article_get_uuid (article), &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  /* ...deleted for good, they go with it. */
  g_assert_true (dl_store_delete_trashed_sync (store, dl_article_get_uuid (article), &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

static void
test_revision_ids (void)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (2026, 12, 2, 1, 23, 30.7);
  g_autoptr(DlRevision) revision = dl_revision_new (time, DL_REVISION_CAUSE_RESTORE, 42);
  g_autoptr(DlRevision) parsed = dl_revision_new_from_id (revision->id);

  g_assert_cmpstr (revision->id, ==, "20261202T012330.700Z-restore-42");
  g_assert_nonnull (parsed);
  g_assert_cmpint (parsed->cause, ==, DL_REVISION_CAUSE_RESTORE);
  g_assert_cmpuint (parsed->words, ==, 42);
  g_assert_true (g_date_time_equal (parsed->time, revision->time));
  g_assert_null (dl_revision_new_from_id ("20261202T012330.700Z-restore-42 "));
  g_assert_null (dl_revision_new_from_id ("20261202T012330.7Z-restore-42"));
  g_assert_null (dl_revision_new_from_id (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/revisions/ids", test_revision_ids);
  g_test_add ("/revisions/made-and-read", Library, NULL, dl_test_library_set_up, test_revisions_made_and_read,
              dl_test_library_tear_down);
  g_test_add ("/revisions/names-are-names", Library, NULL, dl_test_library_set_up, test_revision_names_are_names,
              dl_test_library_tear_down);
  g_test_add ("/revisions/bounded", Library, NULL, dl_test_library_set_up, test_revisions_bounded,
              dl_test_library_tear_down);
  g_test_add ("/revisions/deleted-with-article", Library, NULL, dl_test_library_set_up,
              test_revisions_deleted_with_article, dl_test_library_tear_down);
  return g_test_run ();
}
