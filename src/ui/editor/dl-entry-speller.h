/* dl-entry-speller.h: misspelt words underlined in a one-line field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dl-spell-checker.h"

G_BEGIN_DECLS

#define DL_TYPE_ENTRY_SPELLER (dl_entry_speller_get_type ())
G_DECLARE_FINAL_TYPE (DlEntrySpeller, dl_entry_speller, DL, ENTRY_SPELLER, GObject)

/* For an entry or an AdwEntryRow (its GtkText is found); ::words-changed
 * as for DlSpellHighlighter. */
DlEntrySpeller *dl_entry_speller_new         (GtkEditable    *editable,
                                              DlSpellChecker *checker);
void            dl_entry_speller_set_enabled (DlEntrySpeller *self,
                                              gboolean        enabled);
void            dl_entry_speller_recheck     (DlEntrySpeller *self);
/* The misspelt words, "a|b", for tests. */
char           *dl_entry_speller_dup_misspelt (DlEntrySpeller *self);

G_END_DECLS
