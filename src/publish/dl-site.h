/* dl-site.h: a place articles are published to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "dl-house-style.h"
#include "dl-publish-checklist.h"

G_BEGIN_DECLS

typedef enum
{
  DL_SITE_KIND_FOLDER,     /* the built-in local folder: page, images, ninjs */
  DL_SITE_KIND_WORDPRESS,  /* a WordPress site over its REST API */
} DlSiteKind;

#define DL_SITE_FOLDER_ID "local-folder"

#define DL_TYPE_SITE (dl_site_get_type ())
G_DECLARE_FINAL_TYPE (DlSite, dl_site, DL, SITE, GObject)

DlSite      *dl_site_new                 (DlSiteKind   kind,
                                          const char  *name);
DlSite      *dl_site_new_from_json       (JsonObject  *object,
                                          GError     **error);
JsonNode    *dl_site_to_json             (DlSite      *self);

const char  *dl_site_get_id              (DlSite      *self);
DlSiteKind   dl_site_get_kind            (DlSite      *self);
const char  *dl_site_get_name            (DlSite      *self);
void         dl_site_set_name            (DlSite      *self,
                                          const char  *name);
/* WordPress: the address people type, and the REST root found from it */
const char  *dl_site_get_url             (DlSite      *self);
void         dl_site_set_url             (DlSite      *self,
                                          const char  *url);
const char  *dl_site_get_rest_root       (DlSite      *self);
void         dl_site_set_rest_root       (DlSite      *self,
                                          const char  *rest_root);
const char  *dl_site_get_user            (DlSite      *self);
void         dl_site_set_user            (DlSite      *self,
                                          const char  *user);
gboolean     dl_site_get_allow_http      (DlSite      *self);
void         dl_site_set_allow_http      (DlSite      *self,
                                          gboolean     allow);
gboolean     dl_site_get_has_companion   (DlSite      *self);
void         dl_site_set_has_companion   (DlSite      *self,
                                          gboolean     has_companion);
/* The folder target: where pages go */
const char  *dl_site_get_folder          (DlSite      *self);
void         dl_site_set_folder          (DlSite      *self,
                                          const char  *folder);
/* The site's own house style over the application's; NULL: the app's */
const char  *dl_site_get_dateline_style  (DlSite      *self);
void         dl_site_set_dateline_style  (DlSite      *self,
                                          const char  *style);
const char  *dl_site_get_source          (DlSite      *self);
void         dl_site_set_source          (DlSite      *self,
                                          const char  *source);
DlHouseStyle *dl_site_dup_house_style    (DlSite      *self,
                                          DlHouseStyle *base);
/* Checklist: rule name → "error" | "warning" | "off" */
GHashTable  *dl_site_get_checklist       (DlSite      *self);
guint        dl_site_get_headline_max    (DlSite      *self);

char        *dl_site_dup_display_url     (DlSite      *self);

G_END_DECLS
