/* dl-credit-lines.h: the credit lines printed with an article
 *
 * Turns the ordered credits list into one line per role, worded in the
 * article's language: the byline ("By Anna Ivanova and Li Wei"), the
 * photo credit ("Photo courtesy of the BelCCI", "Photo: Ivan Petrov/BelTA")
 * and the others (video, graphics, editing, translation, additional
 * reporting). The renderer places each line where its role belongs, so
 * the lines come back separately with their role rather than as one text.
 *
 * The wording is a small table of phrases per language (English, Russian,
 * Belarusian, Chinese); it deliberately does not go through gettext,
 * because it follows the article's language, not the user interface's.
 * Other languages get the English wording and the caller is told so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dl-credit.h"

G_BEGIN_DECLS

/**
 * DlCreditLine:
 * @role: the role all credits of this line share
 * @text: the composed line, e.g. "By Anna Ivanova and Li Wei"
 */
typedef struct
{
  DlCreditRole  role;
  char         *text;
} DlCreditLine;

void          dl_credit_line_free             (DlCreditLine       *line);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlCreditLine, dl_credit_line_free)

gboolean      dl_credit_language_is_supported (const char         *language);
char         *dl_credit_join_names            (const char * const *names,
                                               const char         *language);
GPtrArray    *dl_credit_lines_compose         (GListModel         *credits,
                                               const char         *language,
                                               GError            **fallback_reason);
const char   *dl_credit_lines_find            (GPtrArray          *lines,
                                               DlCreditRole        role);
char         *dl_credit_lines_to_text         (GPtrArray          *lines);

G_END_DECLS
