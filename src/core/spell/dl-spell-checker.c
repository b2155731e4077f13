/* dl-spell-checker.c: words checked against the article language's dictionary
 *
 * Enchant 2 with the Hunspell dictionaries Debian and the GNOME runtime
 * ship. The article's language (BCP 47: "ru", "en-GB") is mapped to a
 * dictionary tag ("ru_RU", "en_GB"): the exact region when there is one,
 * the language's main country, or any dictionary of that language. The
 * personal dictionary is Dateline's own, one file per dictionary in the
 * user's data folder, so a word added for Russian is not accepted in
 * English.
 *
 * Not thread-safe: Enchant's dictionaries are not. The editor checks on
 * the main thread in small idle slices (docs/EDITING.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-spell-checker"

#include "config.h"

#include <enchant.h>
#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "dl-spell-checker.h"

struct _DlSpellChecker
{
  GObject        parent_instance;

  EnchantBroker *broker;
  EnchantDict   *dict;       /* the language's, or NULL */
  EnchantDict   *personal;   /* Dateline's word list for that dictionary */
  char          *tag;        /* "en_US" */
  char          *language;   /* as asked for */
  char          *personal_dir;
  GHashTable    *ignored;    /* words, for this session */
};

G_DEFINE_FINAL_TYPE (DlSpellChecker, dl_spell_checker, G_TYPE_OBJECT)

/* The country whose spelling a bare language tag means. */
static const struct { const char *language; const char *tag; } main_regions[] = {
  { "en", "en_US" }, { "be", "be_BY" }, { "uk", "uk_UA" }, { "ru", "ru_RU" },
  { "de", "de_DE" }, { "fr", "fr_FR" }, { "es", "es_ES" }, { "pt", "pt_PT" },
  { "pl", "pl_PL" }, { "it", "it_IT" }, { "nl", "nl_NL" }, { "sv", "sv_SE" },
  { "kk", "kk_KZ" }, { "lt", "lt_LT" }, { "lv", "lv_LV" }, { "cs", "cs_CZ" },
};

static void
find_any_cb (const char * const tag,
             const char * const provider_name,
             const char * const provider_desc,
             const char * const provider_file,
             void              *user_data)
{
  char **found = user_data;
  const char *language = found[1];
  gsize n = strlen (language);

  if (found[0] == NULL && strncmp (tag, language, n) == 0 && (tag[n] == '\0' || tag[n] == '_'))
    found[0] = g_strdup (tag);
}

static char *
dictionary_for (EnchantBroker *broker,
                const char    *language)
{
  g_autofree char *tag = g_strdelimit (g_strdup (language), "-", '_');
  g_auto(GStrv) parts = NULL;
  char *found[2] = { NULL, NULL };

  if (*tag == '\0')
    return NULL;
  /* "pt_BR": the region as written; "zh_Hans_CN": without the script. */
  parts = g_strsplit (tag, "_", 3);
  for (char *p = parts[0]; *p; p++)
    *p = g_ascii_tolower (*p);
  if (parts[1] != NULL)
    {
      const char *region = strlen (parts[1]) == 2 ? parts[1] : parts[2];

      if (region != NULL && strlen (region) == 2)
        {
          g_autofree char *exact = g_strdup_printf ("%s_%c%c", parts[0], g_ascii_toupper (region[0]),
                                                    g_ascii_toupper (region[1]));
          if (enchant_broker_dict_exists (broker, exact))
            return g_steal_pointer (&exact);
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (main_regions); i++)
    if (g_str_equal (main_regions[i].language, parts[0])
        && enchant_broker_dict_exists (broker, main_regions[i].tag))
      return g_strdup (main_regions[i].tag);
  if (enchant_broker_dict_exists (broker, parts[0]))
    return g_strdup (parts[0]);
  found[1] = parts[0];
  enchant_broker_list_dicts (broker, find_any_cb, found);
  return found[0];
}

static void
close_dictionaries (DlSpellChecker *self)
{
  if (self->dict != NULL)
    enchant_broker_free_dict (self->broker, self->dict);
  if (self->personal != NULL)
    enchant_broker_free_dict (self->broker, self->personal);
  self->dict = NULL;
  self->personal = NULL;
  g_clear_pointer (&self->tag, g_free);
}

static char *
personal_path (DlSpellChecker *self)
{
  g_autofree char *name = g_strconcat (self->tag, ".dic", NULL);

  return g_build_filename (self->personal_dir, name, NULL);
}

/* The personal list, once its file exists (Enchant would create it in a
 * folder that may not be there yet). */
static void
open_personal (DlSpellChecker *self)
{
  g_autofree char *path = NULL;

  if (self->personal != NULL || self->tag == NULL)
    return;
  path = personal_path (self);
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    self->personal = enchant_broker_request_pwl_dict (self->broker, path);
}

gboolean
dl_spell_checker_set_language (DlSpellChecker *self,
                               const char     *language)
{
  g_autofree char *tag = NULL;

  g_return_val_if_fail (DL_IS_SPELL_CHECKER (self), FALSE);

  if (language == NULL)
    language = "";
  if (g_strcmp0 (self->language, language) == 0)
    return self->dict != NULL;
  g_free (self->language);
  self->language = g_strdup (language);

  tag = dictionary_for (self->broker, language);
  if (tag != NULL && g_strcmp0 (tag, self->tag) == 0)
    return TRUE;
  close_dictionaries (self);
  if (tag == NULL)
    return FALSE;
  self->dict = enchant_broker_request_dict (self->broker, tag);
  if (self->dict == NULL)
    {
      g_message ("No spelling dictionary %s: %s", tag, enchant_broker_get_error (self->broker));
      return FALSE;
    }
  self->tag = g_steal_pointer (&tag);
  open_personal (self);
  return TRUE;
}

const char *
dl_spell_checker_get_dictionary (DlSpellChecker *self)
{
  g_return_val_if_fail (DL_IS_SPELL_CHECKER (self), NULL);
  return self->tag;
}

/* Hunspell's dictionaries spell the apostrophe as ' ; writers type ’. */
static char *
normalize (const char *word,
           gssize      length)
{
  GString *out = g_string_sized_new (length < 0 ? 16 : (gsize) length);
  const char *end = word + (length < 0 ? (gssize) strlen (word) : length);

  for (const char *p = word; p < end;)
    {
      if (end - p >= 3 && memcmp (p, "\xe2\x80\x99", 3) == 0)
        {
          g_string_append_c (out, '\'');
          p += 3;
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

gboolean
dl_spell_checker_check (DlSpellChecker *self,
                        const char     *word,
                        gssize          length)
{
  g_autofree char *normal = NULL;
  gsize n;

  g_return_val_if_fail (DL_IS_SPELL_CHECKER (self), TRUE);

  if (self->dict == NULL || word == NULL)
    return TRUE;
  normal = normalize (word, length);
  n = strlen (normal);
  if (n == 0 || !g_utf8_validate (normal, n, NULL))
    return TRUE;
  if (g_hash_table_contains (self->ignored, normal))
    return TRUE;
  if (enchant_dict_check (self->dict, normal, n) == 0)
    return TRUE;
  if (self->personal != NULL && enchant_dict_check (self->personal, normal, n) == 0)
    return TRUE;
  return FALSE;
}

char **
dl_spell_checker_suggest (DlSpellChecker *self,
                          const char     *word,
                          gssize          length,
                          guint           max)
{
  g_autofree char *normal = NULL;
  GPtrArray *out = g_ptr_array_new ();
  char **suggestions;
  size_t n = 0;

  g_return_val_if_fail (DL_IS_SPELL_CHECKER (self), NULL);

  if (self->dict != NULL && word != NULL)
    {
      normal = normalize (word, length);
      suggestions = enchant_dict_suggest (self->dict, normal, strlen (normal), &n);
      for (size_t i = 0; i < n && out->len < max; i++)
        g_ptr_array_add (out, g_strdup (suggestions[i]));
      if (suggestions != NULL)
        enchant_dict_free_string_list (self->dict, suggestions);
    }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

gboolean
dl_spell_checker_add (DlSpellChecker *self,
                      const char     *word,
                      GError        **error)
{
  g_autofree char *normal = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (DL_IS_SPELL_CHECKER (self), FALSE);
  g_return_val_if_fail (word != NULL, FALSE);

  if (self->tag == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("There is no spelling dictionary for this language."));
      return FALSE;
    }
  normal = normalize (word, -1);
  if (self->personal == NULL)
    {
      path = personal_path (self);
      if (g_mkdir_with_parents (self->personal_dir, 0700) != 0
          || !g_file_set_contents (path, "", 0, error))
        {
          int saved = errno;

          if (error != NULL && *error == NULL)
            g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                         /* Translators: %s is a file's path, "~/.local/share/dateline/dictionaries/de_DE.dic";
                          * the second %s is the system's reason, such as "Permission denied" */
                         _("Could not create the personal dictionary “%s”: %s"), path, g_strerror (saved));
          return FALSE;
        }
      open_personal (self);
      if (self->personal == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       /* Translators: %s is a file's path, "~/.local/share/dateline/dictionaries/de_DE.dic" */
                       _("Could not open the personal dictionary “%s”."), path);
          return FALSE;
        }
    }
  enchant_dict_add (self->personal, normal, strlen (normal));
  return TRUE;
}

void
dl_spell_checker_ignore (DlSpellChecker *self,
                         const char     *word)
{
  g_return_if_fail (DL_IS_SPELL_CHECKER (self));
  g_return_if_fail (word != NULL);

  g_hash_table_add (self->ignored, normalize (word, -1));
}

static void
dl_spell_checker_finalize (GObject *object)
{
  DlSpellChecker *self = DL_SPELL_CHECKER (object);

  close_dictionaries (self);
  enchant_broker_free (self->broker);
  g_free (self->language);
  g_free (self->personal_dir);
  g_hash_table_unref (self->ignored);

  G_OBJECT_CLASS (dl_spell_checker_parent_class)->finalize (object);
}

static void
dl_spell_checker_class_init (DlSpellCheckerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dl_spell_checker_finalize;
}

static void
dl_spell_checker_init (DlSpellChecker *self)
{
  self->broker = enchant_broker_init ();
  self->ignored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

DlSpellChecker *
dl_spell_checker_new (const char *personal_dir)
{
  DlSpellChecker *self;

  g_return_val_if_fail (personal_dir != NULL, NULL);

  self = g_object_new (DL_TYPE_SPELL_CHECKER, NULL);
  self->personal_dir = g_strdup (personal_dir);
  return self;
}
