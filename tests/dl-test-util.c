/* dl-test-util.c: what the tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "dl-article-file.h"
#include "dl-credit.h"
#include "dl-test-util.h"

void
dl_test_remove_recursively (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      /* A link to a folder is removed, never followed. */
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        dl_test_remove_recursively (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
dl_test_library_set_up (DlTestLibrary *library,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  library->path = g_dir_make_tmp ("dateline-test-XXXXXX", &error);
  g_assert_no_error (error);
  library->dir = g_file_new_for_path (library->path);
}

void
dl_test_library_tear_down (DlTestLibrary *library,
                           gconstpointer  data)
{
  dl_test_remove_recursively (library->path);
  g_clear_pointer (&library->path, g_free);
  g_clear_object (&library->dir);
}

char *
dl_test_article_path (const char *folder,
                      const char *uuid)
{
  g_autofree char *name = g_strconcat (uuid, DL_ARTICLE_FILE_EXTENSION, NULL);

  return g_build_filename (folder, name, NULL);
}

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
dl_test_wait_until (DlTestCondition condition,
                    gpointer        data,
                    guint           timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, on_timeout_cb, &timed_out);

  /* The timeout wakes the loop: no busy wait, no sleep. */
  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return condition (data);
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

void
dl_test_spin (guint ms)
{
  dl_test_wait_until (never, NULL, ms);
}

void
dl_test_keep_result_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      slot)
{
  *(GAsyncResult **) slot = g_object_ref (result);
}

GAsyncResult *
dl_test_wait_for_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

char *
dl_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

DlArticle *
dl_test_belta_article (void)
{
  DlArticle *article = dl_article_new ();
  g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 ("2025-05-08T10:06:00+03:00", NULL);
  const char *tags[] = { "Belarus", "China", NULL };

  dl_article_set_headline (article, "Belarus, China discuss business prospects");
  dl_article_set_place (article, "Minsk");
  dl_article_set_country (article, "Belarus");
  dl_article_set_dateline_date (article, date);
  dl_article_set_time_zone (article, "Europe/Minsk");
  dl_article_set_source (article, "BelTA");
  dl_article_set_category (article, "Economy");
  dl_article_set_tags (article, tags);
  dl_article_set_image_caption (article, "Photo courtesy of the BelCCI");
  dl_article_set_language (article, "en");
  return article;
}

void
dl_test_assert_contains_impl (const char *where,
                              const char *expression,
                              const char *haystack,
                              const char *needle,
                              gboolean    wanted)
{
  gboolean found = haystack != NULL && strstr (haystack, needle) != NULL;

  if (found == wanted)
    return;
  g_error ("%s: %s %s “%s”; it is:\n%s", where, expression,
           wanted ? "does not contain" : "contains", needle,
           haystack != NULL ? haystack : "(NULL)");
}

/**
 * dl_test_set_article_field:
 * @field: a field name of tests/data/hostile-corpus.json
 *
 * Puts @input where the hostile corpus says it goes.
 */
void
dl_test_set_article_field (DlArticle  *article,
                           const char *field,
                           const char *input)
{
  if (g_str_equal (field, "body"))
    dl_article_set_body (article, input);
  else if (g_str_equal (field, "headline"))
    dl_article_set_headline (article, input);
  else if (g_str_equal (field, "standfirst"))
    dl_article_set_standfirst (article, input);
  else if (g_str_equal (field, "caption"))
    dl_article_set_image_caption (article, input);
  else if (g_str_equal (field, "image-credit"))
    dl_article_set_image_credit (article, input);
  else if (g_str_equal (field, "image-alt"))
    dl_article_set_image_alt (article, input);
  else if (g_str_equal (field, "category"))
    dl_article_set_category (article, input);
  else if (g_str_equal (field, "place"))
    dl_article_set_place (article, input);
  else if (g_str_equal (field, "language"))
    dl_article_set_language (article, input);
  else if (g_str_equal (field, "tag"))
    {
      const char *tags[] = { input, NULL };

      dl_article_set_tags (article, tags);
    }
  else if (g_str_equal (field, "credit"))
    {
      g_autoptr(DlCredit) credit = dl_credit_new (DL_CREDIT_ROLE_AUTHOR, input, input);

      dl_article_add_credit (article, credit);
    }
  else
    g_error ("The hostile corpus names a field the tests do not know: %s", field);
}

/* A real 32×24 JPEG (made with ImageMagick), small enough to live here. */
static const char tiny_jpeg_base64[] =
  "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCAAYACADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAP/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAAAAX/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCIComAAAAAAP/Z";

/**
 * dl_test_write_jpeg:
 *
 * Returns: (transfer full): the path of a small real JPEG written in @folder
 */
char *
dl_test_write_jpeg (const char *folder,
                    const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  gsize length;
  g_autofree guchar *data = g_base64_decode (tiny_jpeg_base64, &length);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, (const char *) data, length, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}
