/* dl-test-util.h: what the tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dl-article.h"

G_BEGIN_DECLS

/* A temporary folder for a library (or anything), removed with all it
 * holds. As a g_test_add() fixture: dl_test_library_set_up/tear_down. */
typedef struct
{
  char  *path;
  GFile *dir;
} DlTestLibrary;

void        dl_test_library_set_up     (DlTestLibrary  *library,
                                        gconstpointer   data);
void        dl_test_library_tear_down  (DlTestLibrary  *library,
                                        gconstpointer   data);
/* <uuid>.dateline in @folder */
char       *dl_test_article_path       (const char     *folder,
                                        const char     *uuid);
void        dl_test_remove_recursively (const char     *path);

/* Waiting for the main loop: TRUE if @condition became true in time. */
typedef gboolean (*DlTestCondition) (gpointer data);

gboolean    dl_test_wait_until         (DlTestCondition condition,
                                        gpointer        data,
                                        guint           timeout_ms);
void        dl_test_spin               (guint           ms);
/* An async callback that keeps the result in a GAsyncResult * slot... */
void        dl_test_keep_result_cb     (GObject        *object,
                                        GAsyncResult   *result,
                                        gpointer        slot);
/* ...and what waits for it. */
GAsyncResult *dl_test_wait_for_result  (GAsyncResult  **slot);

char       *dl_test_read_file          (const char     *path);

/* The sample of ../shared/samples/: "Belarus, China discuss business
 * prospects", filed in Minsk by BelTA, in English; no credits or body. */
DlArticle  *dl_test_belta_article      (void);
char       *dl_test_write_jpeg         (const char     *folder,
                                        const char     *name);

void        dl_test_set_article_field  (DlArticle      *article,
                                        const char     *field,
                                        const char     *input);

/* Fails showing the text that was searched, not only that it failed. */
#define dl_test_assert_contains(haystack, needle) \
  dl_test_assert_contains_impl (G_STRLOC, #haystack, (haystack), (needle), TRUE)
#define dl_test_assert_not_contains(haystack, needle) \
  dl_test_assert_contains_impl (G_STRLOC, #haystack, (haystack), (needle), FALSE)

void        dl_test_assert_contains_impl (const char   *where,
                                          const char   *expression,
                                          const char   *haystack,
                                          const char   *needle,
                                          gboolean      wanted);

G_END_DECLS
