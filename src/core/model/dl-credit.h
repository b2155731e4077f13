/* dl-credit.h: one entry in an article's ordered credits list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include "dl-unknown-members.h"
#include "dl-core-enums.h"

G_BEGIN_DECLS

typedef enum
{
  DL_CREDIT_ROLE_AUTHOR,
  DL_CREDIT_ROLE_PHOTO,
  DL_CREDIT_ROLE_VIDEO,
  DL_CREDIT_ROLE_GRAPHICS,
  DL_CREDIT_ROLE_EDITING,
  DL_CREDIT_ROLE_TRANSLATION,
  DL_CREDIT_ROLE_ADDITIONAL_REPORTING,
  DL_CREDIT_ROLE_N_ROLES /*< skip >*/
} DlCreditRole;

const char  *dl_credit_role_to_string     (DlCreditRole role);
gboolean     dl_credit_role_from_string   (const char   *str,
                                           DlCreditRole *role);
const char  *dl_credit_role_get_label     (DlCreditRole role);

#define DL_TYPE_CREDIT (dl_credit_get_type ())
G_DECLARE_FINAL_TYPE (DlCredit, dl_credit, DL, CREDIT, GObject)

DlCredit    *dl_credit_new                (DlCreditRole  role,
                                           const char   *name,
                                           const char   *text);
DlCredit    *dl_credit_copy               (DlCredit     *self);
DlCreditRole dl_credit_get_role           (DlCredit     *self);
void         dl_credit_set_role           (DlCredit     *self,
                                           DlCreditRole  role);
const char  *dl_credit_get_name           (DlCredit     *self);
void         dl_credit_set_name           (DlCredit     *self,
                                           const char   *name);
const char  *dl_credit_get_text           (DlCredit     *self);
void         dl_credit_set_text           (DlCredit     *self,
                                           const char   *text);
gboolean     dl_credit_is_empty           (DlCredit     *self);
/* Members of the credit's file entry this version does not know; written
 * back on save (not edited, so not a property). */
DlUnknownMembers *dl_credit_get_unknown_members (DlCredit         *self);
void         dl_credit_set_unknown_members (DlCredit         *self,
                                            DlUnknownMembers *members);

G_END_DECLS
