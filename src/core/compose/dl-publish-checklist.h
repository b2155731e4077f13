/* dl-publish-checklist.h: what is checked before a story goes to a site
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-article.h"

G_BEGIN_DECLS

typedef enum
{
  DL_CHECK_OFF,      /* the site does not want this rule */
  DL_CHECK_WARNING,  /* shown; the journalist may publish anyway */
  DL_CHECK_ERROR,    /* publishing is refused until it is fixed */
} DlCheckSeverity;

/* One finding: which rule (a stable name, docs/PUBLISHING.md), how bad,
 * and what to do about it, translated. */
typedef struct
{
  char            *rule;
  DlCheckSeverity  severity;
  char            *message;
} DlCheckItem;

void dl_check_item_free (DlCheckItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlCheckItem, dl_check_item_free)

/* What the checklist knows about the target and the moment. */
typedef struct
{
  /* (nullable): the category names the site has; NULL when not known
   * (a folder target, or never fetched), then any category is fine */
  const char * const *site_categories;
  /* (nullable): rule name → "error", "warning" or "off", the site's own
   * severities over the defaults */
  GHashTable         *severities;
  guint               headline_max_chars;   /* 0: the default, 110 */
  gboolean            scheduling;           /* the publish asks for a time */
  GDateTime          *now;                  /* (nullable): the real time */
} DlChecklistContext;

const char * const *dl_publish_checklist_rules         (void);
DlCheckSeverity     dl_publish_checklist_default_severity (const char *rule);
gboolean            dl_check_severity_from_string      (const char      *str,
                                                        DlCheckSeverity *severity);
GPtrArray          *dl_publish_checklist_run           (DlArticle                *article,
                                                        const DlChecklistContext *context);
gboolean            dl_publish_checklist_blocks        (GPtrArray                *items);

G_END_DECLS
