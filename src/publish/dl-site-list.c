/* dl-site-list.c: sites.json, the list of publishing targets
 *
 * $XDG_CONFIG_HOME/dateline/sites.json holds every site's address, user
 * name and house style, never a password (libsecret has those). The
 * built-in local folder target is always there, first, so that a
 * newcomer can publish with no server; it is the default until the user
 * picks another. The file is small and read once at startup, where the
 * settings are read too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-site-list"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-publish-error.h"
#include "dl-site-list.h"

#define SITES_FILE_VERSION 1

struct _DlSiteList
{
  GObject     parent_instance;

  GFile      *file;
  GFile      *cache_root;   /* where each site's terms are cached */
  GListStore *sites;
  char       *default_id;
};

G_DEFINE_FINAL_TYPE (DlSiteList, dl_site_list, G_TYPE_OBJECT)

static void
dl_site_list_finalize (GObject *object)
{
  DlSiteList *self = DL_SITE_LIST (object);

  g_clear_object (&self->file);
  g_clear_object (&self->cache_root);
  g_clear_object (&self->sites);
  g_free (self->default_id);

  G_OBJECT_CLASS (dl_site_list_parent_class)->finalize (object);
}

static void
dl_site_list_class_init (DlSiteListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dl_site_list_finalize;
}

static char *
default_folder (void)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (documents == NULL)
    return g_build_filename (g_get_home_dir (), "Documents", "Dateline", NULL);
  return g_build_filename (documents, "Dateline", NULL);
}

static DlSite *
new_folder_site (void)
{
  DlSite *site = dl_site_new (DL_SITE_KIND_FOLDER, _("Local folder"));
  g_autofree char *folder = default_folder ();

  dl_site_set_folder (site, folder);
  return site;
}

static void
dl_site_list_init (DlSiteList *self)
{
  g_autoptr(DlSite) folder = new_folder_site ();

  self->sites = g_list_store_new (DL_TYPE_SITE);
  g_list_store_append (self->sites, folder);
}

/* $XDG_CONFIG_HOME/dateline/sites.json */
GFile *
dl_site_list_default_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "dateline", "sites.json", NULL);

  return g_file_new_for_path (path);
}

/**
 * dl_site_list_new:
 * @file: (nullable): the sites file; %NULL for the user's
 */
DlSiteList *
dl_site_list_new (GFile *file)
{
  DlSiteList *self = g_object_new (DL_TYPE_SITE_LIST, NULL);

  if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);

      /* A list of its own (a test, a script) keeps its cache beside it. */
      self->file = g_object_ref (file);
      self->cache_root = g_file_get_child (parent, "cache");
    }
  else
    {
      g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "dateline", "sites", NULL);

      self->file = dl_site_list_default_file ();
      self->cache_root = g_file_new_for_path (path);
    }
  return self;
}

/**
 * dl_site_list_load:
 *
 * Reads the file; a missing file is an empty list. A broken file is an
 * error and leaves the list as it was, so that a save cannot overwrite
 * what the user may still want back.
 */
gboolean
dl_site_list_load (DlSiteList  *self,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = g_file_get_path (self->file);
  g_autofree char *contents = NULL;
  g_autoptr(DlSite) folder = NULL;
  gsize length;
  JsonObject *root;
  JsonArray *sites;
  JsonNode *node;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!json_parser_load_from_data (parser, contents, length, &local_error)
      || json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_INVALID,
                   /* Translators: %s is a file path, the second %s why it cannot be read */
                   _("The list of sites in %s cannot be read: %s"), path,
                   /* Translators: the reason in "The list of sites in %s cannot be read: %s" */
                   local_error != NULL ? local_error->message : _("it is not a JSON object."));
      return FALSE;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  node = json_object_get_member (root, "version");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_int (node) > SITES_FILE_VERSION)
    {
      g_set_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_NOT_SUPPORTED,
                   /* Translators: %s is a file's path, "/home/anna/.config/dateline/sites.json" */
                   _("The list of sites in %s was written by a newer Dateline. Update Dateline to use it."), path);
      return FALSE;
    }

  g_list_store_remove_all (self->sites);
  folder = new_folder_site ();
  g_list_store_append (self->sites, folder);
  node = json_object_get_member (root, "sites");
  sites = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  for (guint i = 0; sites != NULL && i < json_array_get_length (sites); i++)
    {
      JsonNode *element = json_array_get_element (sites, i);
      g_autoptr(DlSite) site = NULL;
      g_autoptr(GError) site_error = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      site = dl_site_new_from_json (json_node_get_object (element), &site_error);
      if (site == NULL)
        {
          g_message ("%s", site_error->message);
          continue;
        }
      if (dl_site_get_kind (site) == DL_SITE_KIND_FOLDER)
        {
          /* The built-in one, with the user's folder. */
          if (dl_site_get_folder (site) != NULL)
            dl_site_set_folder (folder, dl_site_get_folder (site));
          continue;
        }
      g_list_store_append (self->sites, site);
    }
  g_free (self->default_id);
  node = json_object_get_member (root, "default");
  self->default_id = node != NULL && JSON_NODE_HOLDS_VALUE (node)
                     && json_node_get_value_type (node) == G_TYPE_STRING
                     ? g_strdup (json_node_get_string (node)) : NULL;
  return TRUE;
}

static char *
serialize (DlSiteList *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, SITES_FILE_VERSION);
  if (self->default_id != NULL)
    {
      json_builder_set_member_name (builder, "default");
      json_builder_add_string_value (builder, self->default_id);
    }
  json_builder_set_member_name (builder, "sites");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->sites)); i++)
    {
      g_autoptr(DlSite) site = g_list_model_get_item (G_LIST_MODEL (self->sites), i);

      json_builder_add_value (builder, dl_site_to_json (site));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static gboolean
write_file (GFile       *file,
            const char  *data,
            GError     **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_make_directory_with_parents (parent, NULL, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return g_file_set_contents_full (path, data, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

/**
 * dl_site_list_save:
 *
 * Writes the file atomically, readable by the user only (addresses and
 * user names are nobody else's business).
 */
gboolean
dl_site_list_save (DlSiteList  *self,
                   GError     **error)
{
  g_autofree char *data = serialize (self);

  return write_file (self->file, data, error);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_file (DL_SITE_LIST (source_object)->file, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * dl_site_list_save_async:
 *
 * The list as it is now, written in a worker (the application).
 */
void
dl_site_list_save_async (DlSiteList          *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, dl_site_list_save_async);
  g_task_set_task_data (task, serialize (self), g_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
dl_site_list_save_finish (DlSiteList    *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * dl_site_list_get_model:
 *
 * Returns: (transfer none): the sites (#DlSite), the folder target first
 */
GListModel *
dl_site_list_get_model (DlSiteList *self)
{
  return G_LIST_MODEL (self->sites);
}

/**
 * dl_site_list_lookup:
 * @name_or_id: a site's name (case does not matter) or id
 *
 * Returns: (transfer none) (nullable): the site
 */
DlSite *
dl_site_list_lookup (DlSiteList *self,
                     const char *name_or_id)
{
  GListModel *model = G_LIST_MODEL (self->sites);
  g_autofree char *folded = name_or_id != NULL ? g_utf8_casefold (name_or_id, -1) : NULL;

  if (name_or_id == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DlSite) site = g_list_model_get_item (model, i);
      g_autofree char *name = g_utf8_casefold (dl_site_get_name (site), -1);

      if (g_strcmp0 (dl_site_get_id (site), name_or_id) == 0 || g_strcmp0 (name, folded) == 0)
        return site; /* the store keeps its reference */
    }
  return NULL;
}

DlSite *
dl_site_list_get_folder_site (DlSiteList *self)
{
  return dl_site_list_lookup (self, DL_SITE_FOLDER_ID);
}

/**
 * dl_site_list_get_default:
 *
 * Returns: (transfer none): the site chosen as default; the folder target
 *   until one is
 */
DlSite *
dl_site_list_get_default (DlSiteList *self)
{
  DlSite *site = dl_site_list_lookup (self, self->default_id);

  return site != NULL ? site : dl_site_list_get_folder_site (self);
}

void
dl_site_list_set_default (DlSiteList *self,
                          DlSite     *site)
{
  g_free (self->default_id);
  self->default_id = g_strdup (dl_site_get_id (site));
}

/**
 * dl_site_list_add:
 *
 * Adds @site; names are unique (they are what the command line takes).
 */
gboolean
dl_site_list_add (DlSiteList  *self,
                  DlSite      *site,
                  GError     **error)
{
  if (dl_site_list_lookup (self, dl_site_get_name (site)) != NULL)
    {
      g_set_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_INVALID,
                   /* Translators: %s is a site's name */
                   _("There is a site named “%s” already. Choose another name, or remove that site first."),
                   dl_site_get_name (site));
      return FALSE;
    }
  g_list_store_append (self->sites, site);
  return TRUE;
}

gboolean
dl_site_list_remove (DlSiteList *self,
                     DlSite     *site)
{
  guint position;

  if (dl_site_get_kind (site) == DL_SITE_KIND_FOLDER)
    return FALSE;
  if (!g_list_store_find (self->sites, site, &position))
    return FALSE;
  if (g_strcmp0 (self->default_id, dl_site_get_id (site)) == 0)
    g_clear_pointer (&self->default_id, g_free);
  g_list_store_remove (self->sites, position);
  return TRUE;
}

/**
 * dl_site_list_get_cache_dir:
 *
 * Returns: (transfer full): $XDG_CACHE_HOME/dateline/sites/ID (for a list
 *   in a file of its own, cache/ID beside it), where the site's categories
 *   and tags are kept for offline use
 */
GFile *
dl_site_list_get_cache_dir (DlSiteList *self,
                            DlSite     *site)
{
  return g_file_get_child (self->cache_root, dl_site_get_id (site));
}
