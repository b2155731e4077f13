/* dl-publication.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dl-publication.h"

G_DEFINE_BOXED_TYPE (DlPublication, dl_publication, dl_publication_copy, dl_publication_free)

DlPublication *
dl_publication_new (const char *site_id)
{
  DlPublication *self = g_new0 (DlPublication, 1);

  self->site_id = g_strdup (site_id);
  return self;
}

DlPublication *
dl_publication_copy (const DlPublication *self)
{
  DlPublication *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = dl_publication_new (self->site_id);
  copy->remote_id = g_strdup (self->remote_id);
  copy->url = g_strdup (self->url);
  copy->content_hash = g_strdup (self->content_hash);
  copy->remote_modified = self->remote_modified ? g_date_time_ref (self->remote_modified) : NULL;
  copy->remote_status = g_strdup (self->remote_status);
  copy->featured_media_id = g_strdup (self->featured_media_id);
  copy->featured_media_hash = g_strdup (self->featured_media_hash);
  copy->unknown_members = self->unknown_members ? dl_unknown_members_ref (self->unknown_members) : NULL;
  return copy;
}

void
dl_publication_free (DlPublication *self)
{
  if (self == NULL)
    return;
  g_free (self->site_id);
  g_free (self->remote_id);
  g_free (self->url);
  g_free (self->content_hash);
  g_clear_pointer (&self->remote_modified, g_date_time_unref);
  g_free (self->remote_status);
  g_free (self->featured_media_id);
  g_free (self->featured_media_hash);
  g_clear_pointer (&self->unknown_members, dl_unknown_members_unref);
  g_free (self);
}
