/* test-spell-checker.c: the article language's dictionary, through Enchant
 *
 * With Debian's Hunspell dictionaries (hunspell-en-us, hunspell-ru, …,
 * installed by .ci/install-deps): the language tag finds its dictionary,
 * words are checked and corrected, a word added to the personal
 * dictionary is kept for that language only, and a language without a
 * dictionary says so instead of passing silently.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "dl-spell-checker.h"
#include "dl-test-util.h"

static gboolean
strv_contains (char **strv,
               const char *word)
{
  return strv != NULL && g_strv_contains ((const char * const *) strv, word);
}

static void
test_spell_languages (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dl-spell-XXXXXX", NULL);
  g_autoptr(DlSpellChecker) checker = dl_spell_checker_new (dir);

  g_assert_true (dl_spell_checker_set_language (checker, "en"));
  g_assert_cmpstr (dl_spell_checker_get_dictionary (checker), ==, "en_US");
  g_assert_true (dl_spell_checker_set_language (checker, "en-GB"));
  g_assert_cmpstr (dl_spell_checker_get_dictionary (checker), ==, "en_GB");
  g_assert_true (dl_spell_checker_set_language (checker, "ru"));
  g_assert_cmpstr (dl_spell_checker_get_dictionary (checker), ==, "ru_RU");
  g_assert_true (dl_spell_checker_set_language (checker, "be"));
  g_assert_cmpstr (dl_spell_checker_get_dictionary (checker), ==, "be_BY");
  g_assert_true (dl_spell_checker_set_language (checker, "de-AT"));
  g_assert_true (g_str_has_prefix (dl_spell_checker_get_dictionary (checker), "de"));

  /* No Chinese dictionary: said, and nothing is marked wrong. */
  g_assert_false (dl_spell_checker_set_language (checker, "zh-Hans"));
  g_assert_null (dl_spell_checker_get_dictionary (checker));
  g_assert_true (dl_spell_checker_check (checker, "asdfgh", -1));
  g_assert_false (dl_spell_checker_set_language (checker, ""));
  g_assert_false (dl_spell_checker_set_language (checker, "../../etc/passwd"));
  dl_test_remove_recursively (dir);
}

static void
test_spell_check_and_suggest (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dl-spell-XXXXXX", NULL);
  g_autoptr(DlSpellChecker) checker = dl_spell_checker_new (dir);
  g_auto(GStrv) english = NULL;
  g_auto(GStrv) russian = NULL;

  g_assert_true (dl_spell_checker_set_language (checker, "en"));
  g_assert_true (dl_spell_checker_check (checker, "sentence", -1));
  g_assert_false (dl_spell_checker_check (checker, "sentense", -1));
  /* The typographic apostrophe is the dictionary's straight one. */
  g_assert_true (dl_spell_checker_check (checker, "don\u2019t", -1));
  g_assert_true (dl_spell_checker_check (checker, "don't", -1));
  /* A length limits the word. */
  g_assert_true (dl_spell_checker_check (checker, "sentencexyz", 8));
  english = dl_spell_checker_suggest (checker, "sentense", -1, 5);
  g_assert_true (strv_contains (english, "sentence"));
  g_assert_cmpuint (g_strv_length (english), <=, 5);

  g_assert_true (dl_spell_checker_set_language (checker, "ru"));
  g_assert_true (dl_spell_checker_check (checker, "предложение", -1));
  g_assert_false (dl_spell_checker_check (checker, "предлажение", -1));
  russian = dl_spell_checker_suggest (checker, "сабака", -1, 5);
  g_assert_true (strv_contains (russian, "собака"));

  /* Invalid UTF-8 is not a word to mark. */
  g_assert_true (dl_spell_checker_check (checker, "\xff\xfe", -1));
  dl_test_remove_recursively (dir);
}

static void
test_spell_personal_dictionary (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dl-spell-XXXXXX", NULL);
  g_autofree char *personal = g_build_filename (dir, "dictionaries", NULL);
  g_autofree char *file = g_build_filename (personal, "en_US.dic", NULL);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(DlSpellChecker) checker = dl_spell_checker_new (personal);

    g_assert_true (dl_spell_checker_set_language (checker, "en"));
    g_assert_false (dl_spell_checker_check (checker, "BelCCI", -1));
    g_assert_true (dl_spell_checker_add (checker, "BelCCI", &error));
    g_assert_no_error (error);
    g_assert_true (dl_spell_checker_check (checker, "BelCCI", -1));

    /* Ignored: for now only. */
    g_assert_false (dl_spell_checker_check (checker, "Nabeshko", -1));
    dl_spell_checker_ignore (checker, "Nabeshko");
    g_assert_true (dl_spell_checker_check (checker, "Nabeshko", -1));
  }
  g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));

  /* Another run: the added word is kept, the ignored one is not, and
   * the Russian dictionary does not take the English word. */
  {
    g_autoptr(DlSpellChecker) checker = dl_spell_checker_new (personal);

    g_assert_true (dl_spell_checker_set_language (checker, "en-US"));
    g_assert_true (dl_spell_checker_check (checker, "BelCCI", -1));
    g_assert_false (dl_spell_checker_check (checker, "Nabeshko", -1));
    g_assert_true (dl_spell_checker_set_language (checker, "ru"));
    g_assert_false (dl_spell_checker_check (checker, "BelCCI", -1));
  }

  /* A dictionary folder that cannot be made: an error, nothing lost. */
  {
    g_autofree char *blocker = g_build_filename (dir, "file", NULL);
    g_autofree char *below = g_build_filename (blocker, "dictionaries", NULL);
    g_autoptr(DlSpellChecker) checker = dl_spell_checker_new (below);

    g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
    g_assert_true (dl_spell_checker_set_language (checker, "en"));
    g_assert_false (dl_spell_checker_add (checker, "BelTA", &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "dictionar"));
  }
  dl_test_remove_recursively (dir);
}

/* Debian's dictionaries are installed by the test command; a runtime
 * without any (a Flatpak build sandbox) skips, unless they are required. */
static gboolean
have_dictionaries (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dl-spell-XXXXXX", NULL);
  g_autoptr(DlSpellChecker) checker = dl_spell_checker_new (dir);
  gboolean found = dl_spell_checker_set_language (checker, "en") && dl_spell_checker_set_language (checker, "ru");

  dl_test_remove_recursively (dir);
  if (!found && g_getenv ("DATELINE_REQUIRE_DICTIONARIES") != NULL)
    g_error ("DATELINE_REQUIRE_DICTIONARIES is set, but there is no en_US or ru_RU dictionary (hunspell-en-us, hunspell-ru)");
  return found;
}

static void
skip_without_dictionaries (void)
{
  g_test_skip ("No en_US and ru_RU spelling dictionaries (hunspell-en-us, hunspell-ru)");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!have_dictionaries ())
    {
      g_test_add_func ("/spell-checker/no-dictionaries", skip_without_dictionaries);
      return g_test_run ();
    }

  g_test_add_func ("/spell-checker/languages", test_spell_languages);
  g_test_add_func ("/spell-checker/check-and-suggest", test_spell_check_and_suggest);
  g_test_add_func ("/spell-checker/personal-dictionary", test_spell_personal_dictionary);
  return g_test_run ();
}
