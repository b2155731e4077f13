/* dl-revisions-dialog.h: an article's revisions, their differences, a restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dl-article.h"
#include "dl-store.h"

G_BEGIN_DECLS

#define DL_TYPE_REVISIONS_DIALOG (dl_revisions_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DlRevisionsDialog, dl_revisions_dialog, DL, REVISIONS_DIALOG, AdwWindow)

/* Lists @article's revisions from @store; each is compared with the
 * article's text as it is now. ::restore (DlArticle *revision) when the
 * user restores one; the dialog closes itself. */
DlRevisionsDialog *dl_revisions_dialog_new (GtkWindow *parent,
                                            DlStore   *store,
                                            DlArticle *article);

G_END_DECLS
