/* dl-context.c
 *
 * What the whole program shares, in one object instead of process
 * globals (after GNOME Calendar's GcalContext): the library (DlStore),
 * the application's settings and the newsroom's house style bound to
 * them; the site list and the publish queue join it with publishing.
 *
 * DlApplication creates one and hands it to every window; the command
 * line creates its own. Whatever needs a service gets the context (or
 * the one service) passed in; nothing looks it up.
 *
 * The settings are created here and nowhere else. Without the schema
 * installed (the command line run from a build tree) there are none and
 * the house style keeps its built-in values.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-context"

#include "config.h"

#include "dl-context.h"
#include "dl-util.h"

struct _DlContext
{
  GObject       parent_instance;

  GSettings    *settings;
  DlStore      *store;
  DlHouseStyle *house_style;
  DlSiteList   *sites;
  DlOutbox     *outbox;
  GHashTable   *sign_ins;     /* nonce → DlBrowserSignIn waiting for the browser */
  GFile        *sites_file;   /* NULL: the user's */
  GFile        *outbox_dir;   /* NULL: the user's */
};

G_DEFINE_FINAL_TYPE (DlContext, dl_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_STORE,
  PROP_HOUSE_STYLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* NULL when the schema is not installed, rather than the abort that
 * g_settings_new() gives. Run from the build tree, the schema compiled
 * there is used (as the catalogues are: dl_locale_dir()), so that
 * `_build/src/dateline` starts without installing or `meson devenv`;
 * an installed schema with the same id does not hide the fresher one. */
static GSettings *
new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autofree char *build_schemas = dl_build_tree_path ("data" G_DIR_SEPARATOR_S "gschemas.compiled");
  g_autoptr(GSettingsSchemaSource) build_source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;

  if (build_schemas != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (build_schemas);
      g_autoptr(GError) error = NULL;

      build_source = g_settings_schema_source_new_from_directory (dir, source, FALSE, &error);
      if (build_source == NULL)
        g_debug ("The build tree's schemas are unreadable: %s", error->message);
      else
        source = build_source;
    }
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID_BASE, TRUE);
  if (schema == NULL)
    {
      g_debug ("Schema %s is not installed: built-in settings", APP_ID_BASE);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static void
dl_context_constructed (GObject *object)
{
  DlContext *self = DL_CONTEXT (object);

  G_OBJECT_CLASS (dl_context_parent_class)->constructed (object);

  if (self->store == NULL)
    self->store = dl_store_new (NULL);
  self->settings = new_settings ();
  self->house_style = dl_house_style_new ();
  if (self->settings != NULL)
    dl_house_style_bind_settings (self->house_style, self->settings);
}

/**
 * dl_context_get_sites:
 *
 * The publishing targets, read from sites.json the first time they are
 * needed (a small file, like the settings).
 *
 * Returns: (transfer none): the site list
 */
DlSiteList *
dl_context_get_sites (DlContext *self)
{
  g_return_val_if_fail (DL_IS_CONTEXT (self), NULL);

  if (self->sites == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->sites = dl_site_list_new (self->sites_file);
      if (!dl_site_list_load (self->sites, &error))
        g_warning ("%s", error->message);
    }
  return self->sites;
}

/**
 * dl_context_get_outbox:
 *
 * Returns: (transfer none): the publish queue; jobs left from an earlier
 *   run are not read until the caller loads them
 */
DlOutbox *
dl_context_get_outbox (DlContext *self)
{
  g_return_val_if_fail (DL_IS_CONTEXT (self), NULL);

  if (self->outbox == NULL)
    self->outbox = dl_outbox_new (self->outbox_dir, dl_context_get_sites (self), self->store, self->house_style);
  return self->outbox;
}

static void
dl_context_finalize (GObject *object)
{
  DlContext *self = DL_CONTEXT (object);

  if (self->outbox != NULL)
    g_object_run_dispose (G_OBJECT (self->outbox));
  g_clear_object (&self->outbox);
  g_clear_object (&self->sites);
  g_clear_object (&self->sites_file);
  g_clear_pointer (&self->sign_ins, g_hash_table_unref);
  g_clear_object (&self->outbox_dir);
  g_clear_object (&self->house_style);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dl_context_parent_class)->finalize (object);
}

static void
dl_context_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  DlContext *self = DL_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_HOUSE_STYLE:
      g_value_set_object (value, self->house_style);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_context_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  DlContext *self = DL_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_context_class_init (DlContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = dl_context_constructed;
  object_class->finalize = dl_context_finalize;
  object_class->get_property = dl_context_get_property;
  object_class->set_property = dl_context_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, DL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOUSE_STYLE] =
    g_param_spec_object ("house-style", NULL, NULL, DL_TYPE_HOUSE_STYLE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dl_context_init (DlContext *self)
{
}

/**
 * dl_context_new:
 * @store: (nullable): the library; %NULL for the user's own
 *   ($XDG_DATA_HOME/dateline/)
 *
 * Returns: (transfer full): a new context, with the settings of the
 *   installed schema when there is one
 */
DlContext *
dl_context_new (DlStore *store)
{
  g_return_val_if_fail (store == NULL || DL_IS_STORE (store), NULL);

  return g_object_new (DL_TYPE_CONTEXT, "store", store, NULL);
}

/**
 * dl_context_new_for_library:
 * @library_dir: (nullable): the library folder; %NULL for the user's own
 *
 * Returns: (transfer full): a new context whose store is not loaded yet
 */
DlContext *
dl_context_new_for_library (GFile *library_dir)
{
  g_autoptr(DlStore) store = NULL;

  g_return_val_if_fail (library_dir == NULL || G_IS_FILE (library_dir), NULL);

  store = dl_store_new (library_dir);
  return dl_context_new (store);
}

/**
 * dl_context_get_settings:
 *
 * Returns: (transfer none) (nullable): the application's settings;
 *   %NULL when the schema is not installed (never in the application,
 *   which cannot start without it)
 */
GSettings *
dl_context_get_settings (DlContext *self)
{
  g_return_val_if_fail (DL_IS_CONTEXT (self), NULL);
  return self->settings;
}

/**
 * dl_context_get_store:
 *
 * Returns: (transfer none): the library
 */
DlStore *
dl_context_get_store (DlContext *self)
{
  g_return_val_if_fail (DL_IS_CONTEXT (self), NULL);
  return self->store;
}

/**
 * dl_context_get_house_style:
 *
 * Returns: (transfer none): the newsroom's house style, following the
 *   Preferences; give a worker thread a dl_house_style_copy()
 */
DlHouseStyle *
dl_context_get_house_style (DlContext *self)
{
  g_return_val_if_fail (DL_IS_CONTEXT (self), NULL);
  return self->house_style;
}

/**
 * dl_context_set_publishing_files:
 * @sites_file: (nullable): sites.json; %NULL for the user's
 * @outbox_dir: (nullable): the outbox folder; %NULL for the user's
 *
 * Before the sites or the outbox are first asked for: tests keep them in
 * their own folders.
 */
void
dl_context_set_publishing_files (DlContext *self,
                                 GFile     *sites_file,
                                 GFile     *outbox_dir)
{
  g_return_if_fail (DL_IS_CONTEXT (self));
  g_return_if_fail (self->sites == NULL && self->outbox == NULL);

  g_set_object (&self->sites_file, sites_file);
  g_set_object (&self->outbox_dir, outbox_dir);
}

/**
 * dl_context_add_browser_sign_in:
 *
 * Remembers a sign-in waiting for the browser to come back, for this
 * run only: an approval link is taken only if this run started it.
 */
void
dl_context_add_browser_sign_in (DlContext       *self,
                                DlBrowserSignIn *sign_in)
{
  g_return_if_fail (DL_IS_CONTEXT (self));

  if (self->sign_ins == NULL)
    self->sign_ins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_hash_table_replace (self->sign_ins, g_strdup (dl_browser_sign_in_get_nonce (sign_in)), g_object_ref (sign_in));
}

/**
 * dl_context_take_browser_sign_in:
 *
 * Returns: (transfer full) (nullable): the sign-in that @nonce belongs to,
 *   no longer waiting
 */
DlBrowserSignIn *
dl_context_take_browser_sign_in (DlContext  *self,
                                 const char *nonce)
{
  gpointer sign_in = NULL;
  gpointer key = NULL;

  g_return_val_if_fail (DL_IS_CONTEXT (self), NULL);

  if (self->sign_ins == NULL || nonce == NULL
      || !g_hash_table_steal_extended (self->sign_ins, nonce, &key, &sign_in))
    return NULL;
  g_free (key);
  return sign_in;
}
