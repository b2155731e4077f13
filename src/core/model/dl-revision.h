/* dl-revision.h: one kept version of an article's text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dl-article.h"

G_BEGIN_DECLS

typedef enum
{
  DL_REVISION_CAUSE_SAVE,      /* Ctrl+S, dateline-cli set; the text a restore replaces */
  DL_REVISION_CAUSE_PUBLISH,   /* sent to a site */
  DL_REVISION_CAUSE_RESTORE,   /* an earlier revision brought back */
} DlRevisionCause;

typedef struct
{
  char            *id;      /* "20261202T012000.123Z-save-301": sortable, the file's name */
  GDateTime       *time;    /* UTC */
  DlRevisionCause  cause;
  guint            words;   /* in the body */
} DlRevision;

#define DL_TYPE_REVISION (dl_revision_get_type ())
GType        dl_revision_get_type        (void) G_GNUC_CONST;

DlRevision  *dl_revision_new             (GDateTime       *time,
                                          DlRevisionCause  cause,
                                          guint            words);
/* NULL unless @id is a revision's name, exactly as dl_revision_new() makes it. */
DlRevision  *dl_revision_new_from_id     (const char      *id);
DlRevision  *dl_revision_copy            (const DlRevision *revision);
void         dl_revision_free            (DlRevision      *revision);
const char  *dl_revision_cause_to_string (DlRevisionCause  cause);
/* For people: "Saved", "Published", "Restored". */
const char  *dl_revision_cause_describe  (DlRevisionCause  cause);

/* The text revisions are compared by: headline, standfirst and body,
 * a blank line between them. */
char        *dl_revision_dup_text        (DlArticle       *article);
/* Puts @revision's text (headline, standfirst, body) into @article; the
 * rest (status, publications, dateline) stays @article's own. */
void         dl_revision_apply_text      (DlArticle       *article,
                                          DlArticle       *revision);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlRevision, dl_revision_free)

G_END_DECLS
