/* dl-publication.h: where and how an article was last published on one site
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include "dl-unknown-members.h"

G_BEGIN_DECLS

/**
 * DlPublication:
 * @site_id: the Dateline id of the configured site
 * @remote_id: the post's id on the server (a string: not every CMS uses numbers)
 * @url: the public URL the server reported
 * @content_hash: hash of what was last sent, to tell "Changed since publishing"
 * @remote_modified: the server's last-seen modification time, to detect
 *   edits made on the server by someone else before overwriting them
 * @remote_status: the post's status on the server as last seen ("draft",
 *   "pending", "publish", "future"; a folder target: "publish")
 * @featured_media_id: the featured image's id on the server, uploaded once
 * @featured_media_hash: hash of the image file it was uploaded from, so a
 *   later publish uploads again only when the picture changed
 * @unknown_members: (nullable): members of the file entry this version does
 *   not know, written back on save
 */
typedef struct
{
  char      *site_id;
  char      *remote_id;
  char      *url;
  char      *content_hash;
  GDateTime *remote_modified;
  char      *remote_status;
  char      *featured_media_id;
  char      *featured_media_hash;
  DlUnknownMembers *unknown_members;
} DlPublication;

#define DL_TYPE_PUBLICATION (dl_publication_get_type ())
GType          dl_publication_get_type (void);
DlPublication *dl_publication_new      (const char          *site_id);
DlPublication *dl_publication_copy     (const DlPublication *self);
void           dl_publication_free     (DlPublication       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlPublication, dl_publication_free)

G_END_DECLS
