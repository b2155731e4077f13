/* test-word-diff.c: word-level differences between two texts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dl-word-diff.h"

static const char *words[] = {
  "the", "a", "delegation", "met", "in", "Minsk", "on", "Monday", "and", "talks",
  "went", "well", "president", "said", "that", "trade", "grew", "by", "per", "cent",
  "of", "to", "with", "China", "Belarus", "agreement", "signed", "new", "plant", "will",
};

/* The chunks as "=same|-removed|+added", for compact asserts. */
static char *
describe (GPtrArray *chunks)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < chunks->len; i++)
    {
      const DlDiffChunk *chunk = g_ptr_array_index (chunks, i);

      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append_c (out, chunk->kind == DL_DIFF_SAME ? '=' : chunk->kind == DL_DIFF_REMOVED ? '-' : '+');
      g_string_append (out, chunk->text);
    }
  return g_string_free (out, FALSE);
}

#define assert_diff(old_text, new_text, expected) G_STMT_START {  \
    g_autoptr(GPtrArray) chunks_ = dl_word_diff ((old_text), (new_text)); \
    g_autofree char *got_ = describe (chunks_);                  \
    g_assert_cmpstr (got_, ==, (expected));                      \
  } G_STMT_END

/* Joins the chunks that are not of @skip: the old text without the added
 * ones, the new without the removed. Also checks the chunks' shape. */
static char *
rebuild (GPtrArray  *chunks,
         DlDiffKind  skip)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < chunks->len; i++)
    {
      const DlDiffChunk *chunk = g_ptr_array_index (chunks, i);

      g_assert_nonnull (chunk->text);
      g_assert_cmpuint (strlen (chunk->text), >, 0);
      if (i > 0)
        {
          const DlDiffChunk *prev = g_ptr_array_index (chunks, i - 1);

          g_assert_cmpint (prev->kind, !=, chunk->kind);
          /* Where text is replaced, the removed part comes first. */
          g_assert_false (prev->kind == DL_DIFF_ADDED && chunk->kind == DL_DIFF_REMOVED);
        }
      if (chunk->kind != skip)
        g_string_append (out, chunk->text);
    }
  return g_string_free (out, FALSE);
}

static void
assert_rebuilds (GPtrArray  *chunks,
                 const char *old_text,
                 const char *new_text)
{
  g_autofree char *old_again = rebuild (chunks, DL_DIFF_ADDED);
  g_autofree char *new_again = rebuild (chunks, DL_DIFF_REMOVED);

  g_assert_cmpstr (old_again, ==, old_text);
  g_assert_cmpstr (new_again, ==, new_text);
}

static void
test_word_diff_identical (void)
{
  g_autoptr(GPtrArray) chunks = dl_word_diff ("Same text,\nsame words.", "Same text,\nsame words.");
  g_autoptr(GPtrArray) empty = dl_word_diff ("", "");
  g_autoptr(GPtrArray) null = dl_word_diff (NULL, NULL);
  guint added = 99;
  guint removed = 99;

  g_assert_cmpuint (chunks->len, ==, 1);
  g_assert_cmpint (((DlDiffChunk *) g_ptr_array_index (chunks, 0))->kind, ==, DL_DIFF_SAME);
  g_assert_cmpstr (((DlDiffChunk *) g_ptr_array_index (chunks, 0))->text, ==, "Same text,\nsame words.");
  dl_word_diff_count (chunks, &added, &removed);
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (removed, ==, 0);

  /* Nothing to compare: no chunks. */
  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (null->len, ==, 0);
}

static void
test_word_diff_empty_side (void)
{
  assert_diff ("", "Brand new text.", "+Brand new text.");
  assert_diff ("Old text gone.", "", "-Old text gone.");
  assert_diff (NULL, "x", "+x");
  assert_diff ("x", NULL, "-x");
}

static void
test_word_diff_changes (void)
{
  guint added;
  guint removed;
  g_autoptr(GPtrArray) chunks = dl_word_diff ("the quick brown fox", "the quick red fox");

  /* One word changed in the middle. */
  assert_diff ("the quick brown fox", "the quick red fox", "=the quick |-brown|+red|= fox");
  dl_word_diff_count (chunks, &added, &removed);
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpuint (removed, ==, 1);

  /* Insertions at the start and the end, a deletion. */
  assert_diff ("fox jumps", "The fox jumps", "+The |=fox jumps");
  assert_diff ("fox jumps", "fox jumps high.", "=fox jumps|+ high.");
  assert_diff ("a very big deal", "a big deal", "=a |-very |=big deal");
  /* Two changes, and a phrase replaced. */
  assert_diff ("one two three four five", "one 2 three four six seven",
               "=one |-two|+2|= three four |-five|+six seven");
}

static void
test_word_diff_whitespace (void)
{
  g_autoptr(GPtrArray) chunks = dl_word_diff ("a b", "a  b");
  guint added;
  guint removed;

  assert_diff ("a b", "a  b", "=a|- |+  |=b");
  /* Spaces are not words. */
  dl_word_diff_count (chunks, &added, &removed);
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (removed, ==, 0);

  /* A line break is a token of its own: a paragraph break is one more. */
  assert_diff ("a\nb", "a\n\nb", "=a\n|+\n|=b");
  assert_diff ("a\r\nb", "a\r\n\r\nb", "=a\r\n|+\r\n|=b");
  assert_diff ("a b", "a\nb", "=a|- |+\n|=b");
  assert_diff ("end", "end\n", "=end|+\n");
  assert_diff ("a\tb ", "a\tb", "=a\tb|- ");
  /* A no-break space is a space. */
  assert_diff ("в\xc2\xa0Минске", "в Минске", "=в|-\xc2\xa0|+ |=Минске");
}

static void
test_word_diff_cyrillic (void)
{
  g_autoptr(GPtrArray) chunks = dl_word_diff ("Президент провёл переговоры в Минске. Ўсё добра.",
                                              "Президент провёл встречу в Минске. Усё добра!");
  guint added;
  guint removed;

  assert_diff ("Президент провёл переговоры в Минске. Ўсё добра.",
               "Президент провёл встречу в Минске. Усё добра!",
               "=Президент провёл |-переговоры|+встречу|= в Минске. |-Ўсё|+Усё|= |-добра.|+добра!");
  dl_word_diff_count (chunks, &added, &removed);
  g_assert_cmpuint (added, ==, 3);
  g_assert_cmpuint (removed, ==, 3);
}

static void
test_word_diff_count (void)
{
  g_autoptr(GPtrArray) dash = dl_word_diff ("a — b", "a b");
  g_autoptr(GPtrArray) chunks = dl_word_diff ("a", "a b. — d, e");
  guint added;
  guint removed;

  /* A dash alone is not a word; "b." and "d," are. */
  dl_word_diff_count (dash, &added, &removed);
  g_assert_cmpuint (removed, ==, 0);
  g_assert_cmpuint (added, ==, 0);
  dl_word_diff_count (chunks, &added, &removed);
  g_assert_cmpuint (removed, ==, 0);
  g_assert_cmpuint (added, ==, 3);
  dl_word_diff_count (chunks, NULL, NULL);
  dl_word_diff_count (NULL, &added, &removed);
  g_assert_cmpuint (added, ==, 0);
}

static void
test_word_diff_invalid_utf8 (void)
{
  const char *old_text = "a\xff b \xc3";
  const char *new_text = "a b \xe2\x82 c";
  g_autoptr(GPtrArray) chunks = dl_word_diff (old_text, new_text);

  assert_rebuilds (chunks, old_text, new_text);
}

static void
test_word_diff_chunk_free (void)
{
  g_autoptr(GPtrArray) chunks = dl_word_diff ("a", "b");
  g_autoptr(DlDiffChunk) chunk = g_ptr_array_steal_index (chunks, 0);

  g_assert_cmpint (chunk->kind, ==, DL_DIFF_REMOVED);
  g_assert_cmpstr (chunk->text, ==, "a");
  dl_diff_chunk_free (NULL);
}

/* The tokens of an ASCII @text, as dl-word-diff.c cuts them: runs of
 * non-space text, runs of spaces within a line, each line break alone. */
static GPtrArray *
tokens_of (const char *text)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  while (*p != '\0')
    {
      const char *start = p;

      if (*p == '\n')
        p++;
      else if (*p == '\r' && p[1] == '\n')
        p += 2;
      else if (g_ascii_isspace (*p))
        while (*p != '\0' && g_ascii_isspace (*p) && *p != '\n' && !(*p == '\r' && p[1] == '\n'))
          p++;
      else
        while (*p != '\0' && !g_ascii_isspace (*p))
          p++;
      g_ptr_array_add (tokens, g_strndup (start, p - start));
    }
  return tokens;
}

/* The length of a longest common subsequence of tokens, the slow way. */
static guint
lcs_length (GPtrArray *a,
            GPtrArray *b)
{
  g_autofree guint *row = g_new0 (guint, b->len + 1);

  for (guint i = 1; i <= a->len; i++)
    {
      guint diagonal = 0;

      for (guint j = 1; j <= b->len; j++)
        {
          guint above = row[j];

          if (g_str_equal (a->pdata[i - 1], b->pdata[j - 1]))
            row[j] = diagonal + 1;
          else
            row[j] = MAX (row[j], row[j - 1]);
          diagonal = above;
        }
    }
  return row[b->len];
}

static char *
random_text (guint n_words)
{
  static const char *separators[] = { " ", " ", " ", " ", "  ", "\n", "\n\n", "\t", " \n", "\r\n" };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      if (i > 0)
        g_string_append (text, separators[g_test_rand_int_range (0, G_N_ELEMENTS (separators))]);
      g_string_append (text, words[g_test_rand_int_range (0, G_N_ELEMENTS (words))]);
    }
  return g_string_free (text, FALSE);
}

/* Edits @text at random: words replaced, removed, inserted, spaces changed. */
static char *
random_edit (const char *text)
{
  g_autoptr(GPtrArray) tokens = tokens_of (text);
  GString *out = g_string_new (NULL);
  guint rate = g_test_rand_int_range (2, 30);

  for (guint i = 0; i < tokens->len; i++)
    {
      const char *token = tokens->pdata[i];

      switch (g_test_rand_int_range (0, rate))
        {
        case 0:   /* replaced */
          g_string_append (out, g_ascii_isspace (*token) ? "\n" : words[g_test_rand_int_range (0, G_N_ELEMENTS (words))]);
          break;
        case 1:   /* removed */
          break;
        case 2:   /* something inserted before it */
          g_string_append (out, words[g_test_rand_int_range (0, G_N_ELEMENTS (words))]);
          g_string_append (out, " ");
          g_string_append (out, token);
          break;
        default:
          g_string_append (out, token);
          break;
        }
    }
  if (g_test_rand_int_range (0, 4) == 0)
    g_string_append (out, " tail words");
  return g_string_free (out, FALSE);
}

/* Joining the chunks gives both texts back, and the unchanged tokens are
 * as many as the longest common subsequence's: the diff is minimal. */
static void
test_word_diff_random (void)
{
  for (guint round = 0; round < 500; round++)
    {
      g_autofree char *old_text = random_text (g_test_rand_int_range (0, 60));
      g_autofree char *new_text = round % 10 == 9 ? random_text (g_test_rand_int_range (0, 30))
                                                  : random_edit (old_text);
      g_autoptr(GPtrArray) chunks = dl_word_diff (old_text, new_text);
      g_autoptr(GPtrArray) old_tokens = tokens_of (old_text);
      g_autoptr(GPtrArray) new_tokens = tokens_of (new_text);
      guint same = 0;

      assert_rebuilds (chunks, old_text, new_text);
      for (guint i = 0; i < chunks->len; i++)
        {
          const DlDiffChunk *chunk = g_ptr_array_index (chunks, i);

          if (chunk->kind == DL_DIFF_SAME)
            {
              g_autoptr(GPtrArray) same_tokens = tokens_of (chunk->text);

              same += same_tokens->len;
            }
        }
      g_assert_cmpuint (same, ==, lcs_length (old_tokens, new_tokens));
    }
}

/* A 20,000-word text with 5 edits far apart (timed in bench, never here:
 * docs/PERFORMANCE.md). */
static void
test_word_diff_large (void)
{
  g_autoptr(GString) old_text = g_string_new (NULL);
  g_autoptr(GString) new_text = g_string_new (NULL);
  g_autoptr(GPtrArray) chunks = NULL;
  guint added;
  guint removed;
  guint changes = 0;

  for (guint i = 0; i < 20000; i++)
    {
      const char *word = words[g_test_rand_int_range (0, G_N_ELEMENTS (words))];
      const char *separator = i % 12 == 11 ? "\n\n" : " ";

      g_string_append (old_text, word);
      g_string_append (old_text, separator);
      if (i == 1000)
        g_string_append (new_text, "replaced");                  /* +1 -1 */
      else if (i == 5000)
        continue;                                                /* -1 */
      else if (i == 10000)
        g_string_append_printf (new_text, "two inserted %s", word); /* +2 */
      else if (i == 15000)
        g_string_append (new_text, "first second");              /* +2 -1 */
      else
        g_string_append (new_text, word);
      g_string_append (new_text, i == 18000 ? "   " : separator); /* spaces only */
    }

  chunks = dl_word_diff (old_text->str, new_text->str);
  assert_rebuilds (chunks, old_text->str, new_text->str);
  dl_word_diff_count (chunks, &added, &removed);
  g_assert_cmpuint (added, ==, 5);
  g_assert_cmpuint (removed, ==, 3);
  for (guint i = 0; i < chunks->len; i++)
    changes += ((DlDiffChunk *) g_ptr_array_index (chunks, i))->kind != DL_DIFF_SAME;
  g_assert_cmpuint (changes, <=, 10);
}

/* Two 5,000-word texts with no word in common: the work is capped, and
 * the chunks still rebuild both. */
static void
test_word_diff_unrelated (void)
{
  g_autoptr(GString) old_text = g_string_new (NULL);
  g_autoptr(GString) new_text = g_string_new (NULL);
  g_autoptr(GPtrArray) chunks = NULL;
  guint added;
  guint removed;

  for (guint i = 0; i < 5000; i++)
    {
      g_string_append_printf (old_text, "%s%s", words[g_test_rand_int_range (0, G_N_ELEMENTS (words))],
                              i % 12 == 11 ? "\n\n" : " ");
      g_string_append_printf (new_text, "%c%s%s", 'A' + g_test_rand_int_range (0, 26),
                              words[g_test_rand_int_range (0, G_N_ELEMENTS (words))],
                              i % 10 == 9 ? "\n" : " ");
    }

  chunks = dl_word_diff (old_text->str, new_text->str);
  assert_rebuilds (chunks, old_text->str, new_text->str);
  dl_word_diff_count (chunks, &added, &removed);
  g_assert_cmpuint (added, ==, 5000);
  g_assert_cmpuint (removed, ==, 5000);
}

static char *
format (const char *old_text,
        const char *new_text,
        guint       context)
{
  g_autoptr(GPtrArray) chunks = dl_word_diff (old_text, new_text);

  return dl_word_diff_format_plain (chunks, context);
}

#define assert_format(old_text, new_text, context, expected) G_STMT_START { \
    g_autofree char *plain_ = format ((old_text), (new_text), (context));   \
    g_assert_cmpstr (plain_, ==, (expected));                                \
  } G_STMT_END

static void
test_word_diff_format_plain (void)
{
  const char *old_text = "The quick brown fox\njumps over\nthe lazy dog.\nThe end.\n";
  const char *new_text = "The quick red fox\njumps over\nthe lazy cat.\nThe end.\n";
  g_autoptr(GString) long_old = g_string_new (NULL);
  g_autoptr(GString) long_new = NULL;

  assert_format (old_text, new_text, 0,
                 "1: The quick [-brown-]{+red+} fox\n"
                 "--\n"
                 "3: the lazy [-dog.-]{+cat.+}\n");
  assert_format (old_text, new_text, 1,
                 "1: The quick [-brown-]{+red+} fox\n"
                 "2: jumps over\n"
                 "3: the lazy [-dog.-]{+cat.+}\n"
                 "4: The end.\n");
  assert_format (old_text, old_text, 3, "");
  assert_format ("", "", 3, "");

  /* Lines removed whole come before the line that took their place;
   * added lines are marked one by one. */
  assert_format ("Title\n\nFirst para.\n\nSecond para.\n", "Title\n\nSecond para.\n", 1,
                 "2:\n"
                 "   [-First para.-]\n"
                 "\n"
                 "3: Second para.\n");
  assert_format ("a\n", "a\nb c\nd\n", 0, "2: {+b c+}\n3: {+d+}\n");
  assert_format ("a\nb\n", "a\n", 1, "1: a\n   [-b-]\n");
  assert_format ("a\nb", "", 0, "   [-a-]\n1: [-b-]\n");
  /* A line break removed within a line: the rest of it goes on below. */
  assert_format ("a\nb", "a b", 0, "1: a\n   {+ +}b\n");

  /* Line numbers are aligned. */
  for (guint i = 1; i <= 12; i++)
    g_string_append_printf (long_old, "line %u\n", i);
  long_new = g_string_new (long_old->str);
  g_string_replace (long_new, "line 9\n", "line nine\n", 1);
  g_string_replace (long_new, "line 11\n", "line eleven\n", 1);
  {
    g_autofree char *plain = format (long_old->str, long_new->str, 1);

    g_assert_cmpstr (plain, ==,
                     " 8: line 8\n"
                     " 9: line [-9-]{+nine+}\n"
                     "10: line 10\n"
                     "11: line [-11-]{+eleven+}\n"
                     "12: line 12\n");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/word-diff/identical", test_word_diff_identical);
  g_test_add_func ("/word-diff/empty-side", test_word_diff_empty_side);
  g_test_add_func ("/word-diff/changes", test_word_diff_changes);
  g_test_add_func ("/word-diff/whitespace", test_word_diff_whitespace);
  g_test_add_func ("/word-diff/cyrillic", test_word_diff_cyrillic);
  g_test_add_func ("/word-diff/count", test_word_diff_count);
  g_test_add_func ("/word-diff/invalid-utf8", test_word_diff_invalid_utf8);
  g_test_add_func ("/word-diff/chunk-free", test_word_diff_chunk_free);
  g_test_add_func ("/word-diff/random", test_word_diff_random);
  g_test_add_func ("/word-diff/large", test_word_diff_large);
  g_test_add_func ("/word-diff/unrelated", test_word_diff_unrelated);
  g_test_add_func ("/word-diff/format-plain", test_word_diff_format_plain);

  return g_test_run ();
}
