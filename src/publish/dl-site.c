/* dl-site.c: one publishing target, as kept in sites.json
 *
 * A site holds no secret: the application password lives in libsecret
 * (dl-site-secrets.c), keyed by the site's id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-site"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-json-member.h"
#include "dl-publish-error.h"
#include "dl-site.h"

struct _DlSite
{
  GObject     parent_instance;

  char       *id;
  DlSiteKind  kind;
  char       *name;
  char       *url;
  char       *rest_root;
  char       *user;
  gboolean    allow_http;
  gboolean    has_companion;
  char       *folder;
  char       *dateline_style;
  char       *source;
  GHashTable *checklist;
  guint       headline_max;
};

G_DEFINE_FINAL_TYPE (DlSite, dl_site, G_TYPE_OBJECT)

static void
dl_site_finalize (GObject *object)
{
  DlSite *self = DL_SITE (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->url);
  g_free (self->rest_root);
  g_free (self->user);
  g_free (self->folder);
  g_free (self->dateline_style);
  g_free (self->source);
  g_hash_table_unref (self->checklist);

  G_OBJECT_CLASS (dl_site_parent_class)->finalize (object);
}

static void
dl_site_class_init (DlSiteClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dl_site_finalize;
}

static void
dl_site_init (DlSite *self)
{
  self->checklist = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

DlSite *
dl_site_new (DlSiteKind  kind,
             const char *name)
{
  DlSite *self = g_object_new (DL_TYPE_SITE, NULL);

  self->kind = kind;
  self->id = kind == DL_SITE_KIND_FOLDER ? g_strdup (DL_SITE_FOLDER_ID) : g_uuid_string_random ();
  self->name = g_strdup (name);
  return self;
}

static char *
dup_nonempty (const char *str)
{
  return str != NULL && *str != '\0' ? g_strdup (str) : NULL;
}

/**
 * dl_site_new_from_json:
 *
 * Returns: (transfer full) (nullable): the site an entry of sites.json
 *   describes, or %NULL with @error when it is not one
 */
DlSite *
dl_site_new_from_json (JsonObject  *object,
                       GError     **error)
{
  const char *kind = dl_json_member_string (object, "kind");
  const char *id = dl_json_member_string (object, "id");
  const char *name = dl_json_member_string (object, "name");
  JsonNode *checklist = json_object_get_member (object, "checklist");
  JsonNode *headline_max = json_object_get_member (object, "headline_max_chars");
  g_autoptr(DlSite) self = NULL;

  if (id == NULL || *id == '\0' || name == NULL || *name == '\0')
    {
      g_set_error_literal (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_INVALID,
                           _("A site in the list has no id or no name."));
      return NULL;
    }
  /* The id names the site's cache folder: never a path. */
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      {
        g_set_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_INVALID,
                     /* Translators: %s is a site's name; its id is the short name it is kept under in
                      * sites.json, such as "city-news" */
                     _("The site “%s” has an id that is not one: letters, digits and hyphens only."), name);
        return NULL;
      }
  if (g_strcmp0 (kind, "wordpress") == 0)
    self = dl_site_new (DL_SITE_KIND_WORDPRESS, name);
  else if (g_strcmp0 (kind, "folder") == 0)
    self = dl_site_new (DL_SITE_KIND_FOLDER, name);
  else
    {
      g_set_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_NOT_SUPPORTED,
                   /* Translators: %s is a site's name, %s a kind of CMS */
                   _("The site “%s” is of a kind this version does not know (“%s”)."), name,
                   kind != NULL ? kind : "");
      return NULL;
    }
  g_free (self->id);
  self->id = g_strdup (id);
  self->url = dup_nonempty (dl_json_member_string (object, "url"));
  self->rest_root = dup_nonempty (dl_json_member_string (object, "rest_root"));
  self->user = dup_nonempty (dl_json_member_string (object, "user"));
  self->allow_http = dl_json_member_bool (object, "allow_http");
  self->has_companion = dl_json_member_bool (object, "has_companion");
  self->folder = dup_nonempty (dl_json_member_string (object, "folder"));
  self->dateline_style = dup_nonempty (dl_json_member_string (object, "dateline_style"));
  self->source = dup_nonempty (dl_json_member_string (object, "source"));
  if (headline_max != NULL && JSON_NODE_HOLDS_VALUE (headline_max)
      && json_node_get_value_type (headline_max) == G_TYPE_INT64)
    self->headline_max = (guint) CLAMP (json_node_get_int (headline_max), 0, 10000);
  if (checklist != NULL && JSON_NODE_HOLDS_OBJECT (checklist))
    {
      JsonObject *rules = json_node_get_object (checklist);
      g_autoptr(GList) names = json_object_get_members (rules);

      for (GList *l = names; l != NULL; l = l->next)
        {
          const char *value = dl_json_member_string (rules, l->data);
          DlCheckSeverity severity;

          if (value != NULL && dl_check_severity_from_string (value, &severity))
            g_hash_table_insert (self->checklist, g_strdup (l->data), g_strdup (value));
        }
    }
  return g_steal_pointer (&self);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/**
 * dl_site_to_json:
 *
 * Returns: (transfer full): the entry for sites.json; never a secret
 */
JsonNode *
dl_site_to_json (DlSite *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string (builder, "id", self->id);
  add_string (builder, "kind", self->kind == DL_SITE_KIND_WORDPRESS ? "wordpress" : "folder");
  add_string (builder, "name", self->name);
  add_string (builder, "url", self->url);
  add_string (builder, "rest_root", self->rest_root);
  add_string (builder, "user", self->user);
  if (self->allow_http)
    {
      json_builder_set_member_name (builder, "allow_http");
      json_builder_add_boolean_value (builder, TRUE);
    }
  if (self->has_companion)
    {
      json_builder_set_member_name (builder, "has_companion");
      json_builder_add_boolean_value (builder, TRUE);
    }
  add_string (builder, "folder", self->folder);
  add_string (builder, "dateline_style", self->dateline_style);
  add_string (builder, "source", self->source);
  if (self->headline_max > 0)
    {
      json_builder_set_member_name (builder, "headline_max_chars");
      json_builder_add_int_value (builder, self->headline_max);
    }
  if (g_hash_table_size (self->checklist) > 0)
    {
      GHashTableIter iter;
      gpointer key, value;

      json_builder_set_member_name (builder, "checklist");
      json_builder_begin_object (builder);
      g_hash_table_iter_init (&iter, self->checklist);
      while (g_hash_table_iter_next (&iter, &key, &value))
        add_string (builder, key, value);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

#define STRING_ACCESSORS(field)                                   \
  const char *dl_site_get_##field (DlSite *self)                  \
  {                                                               \
    g_return_val_if_fail (DL_IS_SITE (self), NULL);               \
    return self->field;                                           \
  }                                                               \
  void dl_site_set_##field (DlSite *self, const char *value)      \
  {                                                               \
    g_return_if_fail (DL_IS_SITE (self));                         \
    g_free (self->field);                                         \
    self->field = dup_nonempty (value);                           \
  }

STRING_ACCESSORS (name)
STRING_ACCESSORS (url)
STRING_ACCESSORS (rest_root)
STRING_ACCESSORS (user)
STRING_ACCESSORS (folder)
STRING_ACCESSORS (dateline_style)
STRING_ACCESSORS (source)

const char *
dl_site_get_id (DlSite *self)
{
  g_return_val_if_fail (DL_IS_SITE (self), NULL);
  return self->id;
}

DlSiteKind
dl_site_get_kind (DlSite *self)
{
  g_return_val_if_fail (DL_IS_SITE (self), DL_SITE_KIND_FOLDER);
  return self->kind;
}

gboolean
dl_site_get_allow_http (DlSite *self)
{
  return self->allow_http;
}

void
dl_site_set_allow_http (DlSite   *self,
                        gboolean  allow)
{
  self->allow_http = allow;
}

gboolean
dl_site_get_has_companion (DlSite *self)
{
  return self->has_companion;
}

void
dl_site_set_has_companion (DlSite   *self,
                           gboolean  has_companion)
{
  self->has_companion = has_companion;
}

GHashTable *
dl_site_get_checklist (DlSite *self)
{
  return self->checklist;
}

guint
dl_site_get_headline_max (DlSite *self)
{
  return self->headline_max;
}

/**
 * dl_site_dup_house_style:
 * @base: the application's house style
 *
 * Returns: (transfer full): @base with the site's own dateline style and
 *   source, where it has them
 */
DlHouseStyle *
dl_site_dup_house_style (DlSite       *self,
                         DlHouseStyle *base)
{
  DlHouseStyle *style = base != NULL ? dl_house_style_copy (base) : dl_house_style_new ();

  if (self->dateline_style != NULL)
    dl_house_style_set_dateline_style (style, self->dateline_style);
  if (self->source != NULL)
    dl_house_style_set_source (style, self->source);
  return style;
}

/* What to show for the site: its address, or its folder. */
char *
dl_site_dup_display_url (DlSite *self)
{
  if (self->kind == DL_SITE_KIND_FOLDER)
    return g_strdup (self->folder);
  return g_strdup (self->url);
}
