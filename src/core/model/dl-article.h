/* dl-article.h: a news article and every field a newsroom needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dl-credit.h"
#include "dl-publication.h"
#include "dl-unknown-members.h"
#include "dl-core-enums.h"

G_BEGIN_DECLS

typedef enum
{
  DL_ARTICLE_STATUS_DRAFT,
  DL_ARTICLE_STATUS_READY,
  DL_ARTICLE_STATUS_SCHEDULED,
  DL_ARTICLE_STATUS_PUBLISHED,
  DL_ARTICLE_STATUS_CHANGED,   /* published, then edited locally */
  DL_ARTICLE_STATUS_N_STATUSES /*< skip >*/
} DlArticleStatus;

const char  *dl_article_status_to_string   (DlArticleStatus  status);
gboolean     dl_article_status_from_string (const char      *str,
                                            DlArticleStatus *status);
const char  *dl_article_status_get_label   (DlArticleStatus  status);
const char  *dl_article_status_get_short_label (DlArticleStatus status);

#define DL_TYPE_ARTICLE (dl_article_get_type ())
G_DECLARE_FINAL_TYPE (DlArticle, dl_article, DL, ARTICLE, GObject)

DlArticle       *dl_article_new                 (void);
DlArticle       *dl_article_new_with_uuid       (const char      *uuid);

const char      *dl_article_get_uuid            (DlArticle       *self);
GDateTime       *dl_article_get_created         (DlArticle       *self);
void             dl_article_set_created         (DlArticle       *self,
                                                 GDateTime       *created);
GDateTime       *dl_article_get_modified        (DlArticle       *self);
void             dl_article_set_modified        (DlArticle       *self,
                                                 GDateTime       *modified);
DlArticleStatus  dl_article_get_status          (DlArticle       *self);
void             dl_article_set_status          (DlArticle       *self,
                                                 DlArticleStatus  status);

const char      *dl_article_get_headline        (DlArticle       *self);
void             dl_article_set_headline        (DlArticle       *self,
                                                 const char      *headline);
char            *dl_article_dup_display_title   (DlArticle       *self);
const char      *dl_article_get_standfirst      (DlArticle       *self);
void             dl_article_set_standfirst      (DlArticle       *self,
                                                 const char      *standfirst);
const char      *dl_article_get_slug            (DlArticle       *self);
void             dl_article_set_slug            (DlArticle       *self,
                                                 const char      *slug);

/* Dateline */
const char      *dl_article_get_place           (DlArticle       *self);
void             dl_article_set_place           (DlArticle       *self,
                                                 const char      *place);
const char      *dl_article_get_region          (DlArticle       *self);
void             dl_article_set_region          (DlArticle       *self,
                                                 const char      *region);
const char      *dl_article_get_country         (DlArticle       *self);
void             dl_article_set_country         (DlArticle       *self,
                                                 const char      *country);
GDateTime       *dl_article_get_dateline_date   (DlArticle       *self);
void             dl_article_set_dateline_date   (DlArticle       *self,
                                                 GDateTime       *date);
const char      *dl_article_get_time_zone       (DlArticle       *self);
void             dl_article_set_time_zone       (DlArticle       *self,
                                                 const char      *tz_identifier);
const char      *dl_article_get_source          (DlArticle       *self);
void             dl_article_set_source          (DlArticle       *self,
                                                 const char      *source);
const char      *dl_article_get_dateline_style  (DlArticle       *self);
void             dl_article_set_dateline_style  (DlArticle       *self,
                                                 const char      *style_id);

/* Credits: an ordered list of DlCredit; edits inside an entry count as
 * changes of the article. */
GListModel      *dl_article_get_credits         (DlArticle       *self);
void             dl_article_add_credit          (DlArticle       *self,
                                                 DlCredit        *credit);
void             dl_article_remove_credit       (DlArticle       *self,
                                                 guint            position);
gboolean         dl_article_move_credit         (DlArticle       *self,
                                                 guint            from,
                                                 guint            to);

/* Classification */
const char      *dl_article_get_category        (DlArticle       *self);
void             dl_article_set_category        (DlArticle       *self,
                                                 const char      *category);
const char * const *dl_article_get_tags         (DlArticle       *self);
void             dl_article_set_tags            (DlArticle       *self,
                                                 const char * const *tags);
gboolean         dl_article_add_tag             (DlArticle       *self,
                                                 const char      *tag);
gboolean         dl_article_remove_tag          (DlArticle       *self,
                                                 const char      *tag);
gboolean         dl_article_has_tag             (DlArticle       *self,
                                                 const char      *tag);
char            *dl_tag_normalize               (const char      *tag);

/* Featured image */
const char      *dl_article_get_image_path      (DlArticle       *self);
void             dl_article_set_image_path      (DlArticle       *self,
                                                 const char      *path);
const char      *dl_article_get_image_caption   (DlArticle       *self);
void             dl_article_set_image_caption   (DlArticle       *self,
                                                 const char      *caption);
const char      *dl_article_get_image_credit    (DlArticle       *self);
void             dl_article_set_image_credit    (DlArticle       *self,
                                                 const char      *credit);
const char      *dl_article_get_image_alt       (DlArticle       *self);
void             dl_article_set_image_alt       (DlArticle       *self,
                                                 const char      *alt);

/* A target length beyond this is a typo, not a story. */
#define DL_ARTICLE_MAX_TARGET_WORDS 100000

gboolean         dl_article_get_spell_check     (DlArticle       *self);
void             dl_article_set_spell_check     (DlArticle       *self,
                                                 gboolean         spell_check);
guint            dl_article_get_target_words    (DlArticle       *self);
void             dl_article_set_target_words    (DlArticle       *self,
                                                 guint            words);
const char      *dl_article_get_language        (DlArticle       *self);
void             dl_article_set_language        (DlArticle       *self,
                                                 const char      *language);
const char      *dl_article_get_body            (DlArticle       *self);
void             dl_article_set_body            (DlArticle       *self,
                                                 const char      *body);

/* Scheduling */
GDateTime       *dl_article_get_embargo         (DlArticle       *self);
void             dl_article_set_embargo         (DlArticle       *self,
                                                 GDateTime       *embargo);
GDateTime       *dl_article_get_schedule        (DlArticle       *self);
void             dl_article_set_schedule        (DlArticle       *self,
                                                 GDateTime       *schedule);

/* Publication records, one per site */
GPtrArray       *dl_article_get_publications    (DlArticle       *self);
DlPublication   *dl_article_find_publication    (DlArticle       *self,
                                                 const char      *site_id);
void             dl_article_set_publication     (DlArticle       *self,
                                                 DlPublication   *publication);

/* The body kept in an editor's buffer, read when needed. */
typedef char *(*DlArticleBodyFunc) (gpointer user_data);
void             dl_article_set_body_source     (DlArticle       *self,
                                                 DlArticleBodyFunc func,
                                                 gpointer         user_data,
                                                 GDestroyNotify   destroy);
void             dl_article_body_source_changed (DlArticle       *self);

/* Where in the file members this version does not know were found. */
typedef enum
{
  DL_ARTICLE_PART_TOP,
  DL_ARTICLE_PART_DATELINE,
  DL_ARTICLE_PART_IMAGE,
  DL_ARTICLE_N_PARTS
} DlArticlePart;

DlUnknownMembers *dl_article_get_unknown_members (DlArticle       *self,
                                                  DlArticlePart    part);
void             dl_article_set_unknown_members (DlArticle       *self,
                                                 DlArticlePart    part,
                                                 DlUnknownMembers *members);

/* A file from a newer Dateline is shown but never saved. */
const char      *dl_article_get_read_only_reason (DlArticle      *self);
void             dl_article_set_read_only_reason (DlArticle      *self,
                                                  const char     *reason);
gboolean         dl_article_is_read_only        (DlArticle       *self);
const char      *dl_article_get_unknown_status  (DlArticle       *self);
void             dl_article_set_unknown_status  (DlArticle       *self,
                                                 const char      *status_id);

DlArticle       *dl_article_copy                (DlArticle       *self);
DlArticle       *dl_article_duplicate           (DlArticle       *self);
DlArticle       *dl_article_copy_with_uuid      (DlArticle       *self,
                                                 const char      *uuid);
void             dl_article_touch               (DlArticle       *self);


G_END_DECLS
