/* dl-unknown-members.h: members of a file entry this version does not know
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _DlUnknownMembers DlUnknownMembers;

#define DL_TYPE_UNKNOWN_MEMBERS (dl_unknown_members_get_type ())
GType             dl_unknown_members_get_type  (void);

DlUnknownMembers *dl_unknown_members_new       (void);
DlUnknownMembers *dl_unknown_members_ref       (DlUnknownMembers *self);
void              dl_unknown_members_unref     (DlUnknownMembers *self);
void              dl_unknown_members_add       (DlUnknownMembers *self,
                                                const char       *name,
                                                const char       *json);
guint             dl_unknown_members_get_size  (DlUnknownMembers *self);
const char       *dl_unknown_members_get_name  (DlUnknownMembers *self,
                                                guint             index);
const char       *dl_unknown_members_get_json  (DlUnknownMembers *self,
                                                guint             index);
const char       *dl_unknown_members_lookup    (DlUnknownMembers *self,
                                                const char       *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlUnknownMembers, dl_unknown_members_unref)

G_END_DECLS
