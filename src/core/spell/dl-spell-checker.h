/* dl-spell-checker.h: words checked against the article language's dictionary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DL_TYPE_SPELL_CHECKER (dl_spell_checker_get_type ())
G_DECLARE_FINAL_TYPE (DlSpellChecker, dl_spell_checker, DL, SPELL_CHECKER, GObject)

/* @personal_dir: where the personal dictionaries are kept, one file per
 * dictionary ("en_US.dic"); created when a word is first added. */
DlSpellChecker *dl_spell_checker_new            (const char     *personal_dir);
/* Returns: whether there is a dictionary for @language (BCP 47). */
gboolean        dl_spell_checker_set_language   (DlSpellChecker *self,
                                                 const char     *language);
/* The dictionary in use ("ru_RU"), or NULL when there is none. */
const char     *dl_spell_checker_get_dictionary (DlSpellChecker *self);
/* TRUE for a correct word, and when there is no dictionary. */
gboolean        dl_spell_checker_check          (DlSpellChecker *self,
                                                 const char     *word,
                                                 gssize          length);
/* At most @max suggestions, best first; NULL-terminated. */
char          **dl_spell_checker_suggest        (DlSpellChecker *self,
                                                 const char     *word,
                                                 gssize          length,
                                                 guint           max);
/* Into the personal dictionary of the current language, kept. */
gboolean        dl_spell_checker_add            (DlSpellChecker *self,
                                                 const char     *word,
                                                 GError        **error);
/* Accepted until the program quits. */
void            dl_spell_checker_ignore         (DlSpellChecker *self,
                                                 const char     *word);

G_END_DECLS
