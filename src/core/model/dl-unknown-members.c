/* dl-unknown-members.c
 *
 * A file written by a newer Dateline (or edited by hand) may carry
 * members this version does not know. They are kept as the JSON text
 * they were read as (compact, numbers with every digit) and written back
 * in their order, so nothing is lost or changed by a round trip through
 * an older Dateline. Shared between copies of an article: it is never
 * changed once the file has been read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dl-unknown-members.h"

struct _DlUnknownMembers
{
  GPtrArray *names;
  GPtrArray *values;
};

G_DEFINE_BOXED_TYPE (DlUnknownMembers, dl_unknown_members, dl_unknown_members_ref, dl_unknown_members_unref)

DlUnknownMembers *
dl_unknown_members_new (void)
{
  DlUnknownMembers *self = g_atomic_rc_box_new0 (DlUnknownMembers);

  self->names = g_ptr_array_new_with_free_func (g_free);
  self->values = g_ptr_array_new_with_free_func (g_free);
  return self;
}

DlUnknownMembers *
dl_unknown_members_ref (DlUnknownMembers *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

static void
clear (gpointer data)
{
  DlUnknownMembers *self = data;

  g_ptr_array_unref (self->names);
  g_ptr_array_unref (self->values);
}

void
dl_unknown_members_unref (DlUnknownMembers *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, clear);
}

/**
 * dl_unknown_members_add:
 * @json: the member's value as compact JSON text
 *
 * Only while reading the file, before the members are shared.
 */
void
dl_unknown_members_add (DlUnknownMembers *self,
                        const char       *name,
                        const char       *json)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL && json != NULL);

  g_ptr_array_add (self->names, g_strdup (name));
  g_ptr_array_add (self->values, g_strdup (json));
}

guint
dl_unknown_members_get_size (DlUnknownMembers *self)
{
  return self != NULL ? self->names->len : 0;
}

const char *
dl_unknown_members_get_name (DlUnknownMembers *self,
                             guint             index)
{
  g_return_val_if_fail (self != NULL && index < self->names->len, NULL);
  return g_ptr_array_index (self->names, index);
}

const char *
dl_unknown_members_get_json (DlUnknownMembers *self,
                             guint             index)
{
  g_return_val_if_fail (self != NULL && index < self->values->len, NULL);
  return g_ptr_array_index (self->values, index);
}

/**
 * dl_unknown_members_lookup:
 *
 * Returns: (nullable): the JSON text of member @name
 */
const char *
dl_unknown_members_lookup (DlUnknownMembers *self,
                           const char       *name)
{
  if (self == NULL)
    return NULL;
  for (guint i = 0; i < self->names->len; i++)
    if (g_str_equal (g_ptr_array_index (self->names, i), name))
      return g_ptr_array_index (self->values, i);
  return NULL;
}
