/* dl-trashed-article.c
 *
 * What the Trash view and `dateline-cli list --trash` show of a file in
 * trash/: built in a worker (dl-store-trash-list.c), never changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-trashed-article"

#include "config.h"

#include "dl-trashed-article.h"

struct _DlTrashedArticle
{
  GObject    parent_instance;

  char      *uuid;
  char      *title;
  char      *place;
  GDateTime *trashed;
};

G_DEFINE_FINAL_TYPE (DlTrashedArticle, dl_trashed_article, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_TITLE,
  PROP_PLACE,
  PROP_TRASHED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dl_trashed_article_finalize (GObject *object)
{
  DlTrashedArticle *self = DL_TRASHED_ARTICLE (object);

  g_free (self->uuid);
  g_free (self->title);
  g_free (self->place);
  g_clear_pointer (&self->trashed, g_date_time_unref);

  G_OBJECT_CLASS (dl_trashed_article_parent_class)->finalize (object);
}

static void
dl_trashed_article_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DlTrashedArticle *self = DL_TRASHED_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_PLACE:
      g_value_set_string (value, self->place);
      break;
    case PROP_TRASHED:
      g_value_set_boxed (value, self->trashed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_trashed_article_class_init (DlTrashedArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dl_trashed_article_finalize;
  object_class->get_property = dl_trashed_article_get_property;

  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_PLACE] = g_param_spec_string ("place", NULL, NULL, NULL, flags);
  properties[PROP_TRASHED] = g_param_spec_boxed ("trashed", NULL, NULL, G_TYPE_DATE_TIME, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dl_trashed_article_init (DlTrashedArticle *self)
{
}

/**
 * dl_trashed_article_new:
 * @trashed: when the file went to the trash
 */
DlTrashedArticle *
dl_trashed_article_new (const char *uuid,
                        const char *title,
                        const char *place,
                        GDateTime  *trashed)
{
  DlTrashedArticle *self;

  g_return_val_if_fail (uuid != NULL, NULL);
  g_return_val_if_fail (trashed != NULL, NULL);

  self = g_object_new (DL_TYPE_TRASHED_ARTICLE, NULL);
  self->uuid = g_strdup (uuid);
  self->title = g_strdup (title != NULL ? title : "");
  self->place = g_strdup (place != NULL ? place : "");
  self->trashed = g_date_time_ref (trashed);
  return self;
}

const char *
dl_trashed_article_get_uuid (DlTrashedArticle *self)
{
  g_return_val_if_fail (DL_IS_TRASHED_ARTICLE (self), NULL);
  return self->uuid;
}

const char *
dl_trashed_article_get_title (DlTrashedArticle *self)
{
  g_return_val_if_fail (DL_IS_TRASHED_ARTICLE (self), NULL);
  return self->title;
}

const char *
dl_trashed_article_get_place (DlTrashedArticle *self)
{
  g_return_val_if_fail (DL_IS_TRASHED_ARTICLE (self), NULL);
  return self->place;
}

GDateTime *
dl_trashed_article_get_trashed (DlTrashedArticle *self)
{
  g_return_val_if_fail (DL_IS_TRASHED_ARTICLE (self), NULL);
  return self->trashed;
}
