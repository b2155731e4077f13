/* dl-spell-highlighter.h: misspelt words underlined in a text view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dl-spell-checker.h"

G_BEGIN_DECLS

#define DL_TYPE_SPELL_HIGHLIGHTER (dl_spell_highlighter_get_type ())
G_DECLARE_FINAL_TYPE (DlSpellHighlighter, dl_spell_highlighter, DL, SPELL_HIGHLIGHTER, GObject)

/* Watches @view (weakly); its context menu offers corrections. The
 * checker is shared by the views of one editor. ::words-changed after
 * Add to Dictionary or Ignore, so the other views check again too. */
DlSpellHighlighter *dl_spell_highlighter_new        (GtkTextView        *view,
                                                     DlSpellChecker     *checker);
void                dl_spell_highlighter_set_enabled (DlSpellHighlighter *self,
                                                     gboolean            enabled);
/* Everything again: the language (the checker's) or the words changed. */
void                dl_spell_highlighter_recheck    (DlSpellHighlighter *self);
/* Whether words are still waiting to be checked (for tests, benches). */
gboolean            dl_spell_highlighter_is_busy    (DlSpellHighlighter *self);
/* The context menu's part for a misspelt @word: up to five corrections
 * (PREFIX.correct, a string), then PREFIX.add and PREFIX.ignore. Shared
 * with the one-line fields (dl-entry-speller.c). */
void                dl_spell_menu_fill              (GMenu              *menu,
                                                     DlSpellChecker     *checker,
                                                     const char         *word,
                                                     const char         *prefix);

G_END_DECLS
