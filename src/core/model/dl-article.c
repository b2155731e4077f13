/* dl-article.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-article"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-article.h"
#include "dl-util.h"

struct _DlArticle
{
  GObject          parent_instance;

  char            *uuid;
  GDateTime       *created;
  GDateTime       *modified;
  DlArticleStatus  status;

  char            *headline;
  char            *standfirst;
  char            *slug;

  char            *place;
  char            *region;
  char            *country;
  GDateTime       *dateline_date;
  char            *time_zone;
  char            *source;
  char            *dateline_style;

  GListStore      *credits;

  char            *category;
  GStrv            tags;

  char            *image_path;
  char            *image_caption;
  char            *image_credit;
  char            *image_alt;

  char            *language;
  gboolean         spell_check;    /* underline misspellings while editing */
  guint            target_words;   /* the length asked for; 0 for none */
  char            *body;

  GDateTime       *embargo;
  GDateTime       *schedule;

  GPtrArray       *publications;
  DlUnknownMembers *unknown[DL_ARTICLE_N_PARTS];

  /* While an editor holds the body, it is copied out only when someone
   * reads it (dl_article_set_body_source()). */
  DlArticleBodyFunc body_func;
  gpointer         body_data;
  GDestroyNotify   body_destroy;
  guint            body_stale : 1;

  char            *read_only_reason;
  char            *unknown_status;
};

G_DEFINE_FINAL_TYPE (DlArticle, dl_article, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_STATUS,
  PROP_HEADLINE,
  PROP_STANDFIRST,
  PROP_SLUG,
  PROP_PLACE,
  PROP_REGION,
  PROP_COUNTRY,
  PROP_DATELINE_DATE,
  PROP_TIME_ZONE,
  PROP_SOURCE,
  PROP_DATELINE_STYLE,
  PROP_CATEGORY,
  PROP_TAGS,
  PROP_IMAGE_PATH,
  PROP_IMAGE_CAPTION,
  PROP_IMAGE_CREDIT,
  PROP_IMAGE_ALT,
  PROP_LANGUAGE,
  PROP_BODY,
  PROP_EMBARGO,
  PROP_SCHEDULE,
  PROP_SPELL_CHECK,
  PROP_TARGET_WORDS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Stable identifiers written to files; never translate or reorder. */
static const char * const status_ids[DL_ARTICLE_STATUS_N_STATUSES] = {
  "draft", "ready", "scheduled", "published", "changed",
};

const char *
dl_article_status_to_string (DlArticleStatus status)
{
  g_return_val_if_fail (status < DL_ARTICLE_STATUS_N_STATUSES, "draft");
  return status_ids[status];
}

gboolean
dl_article_status_from_string (const char      *str,
                               DlArticleStatus *status)
{
  for (guint i = 0; str != NULL && i < DL_ARTICLE_STATUS_N_STATUSES; i++)
    {
      if (g_ascii_strcasecmp (str, status_ids[i]) == 0)
        {
          *status = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
dl_article_status_get_label (DlArticleStatus status)
{
  switch (status)
    {
    case DL_ARTICLE_STATUS_DRAFT: return C_("article status", "Draft");
    case DL_ARTICLE_STATUS_READY: return C_("article status", "Ready for the desk");
    case DL_ARTICLE_STATUS_SCHEDULED: return C_("article status", "Scheduled");
    case DL_ARTICLE_STATUS_PUBLISHED: return C_("article status", "Published");
    case DL_ARTICLE_STATUS_CHANGED: return C_("article status", "Changed since publishing");
    case DL_ARTICLE_STATUS_N_STATUSES:
    default:
      return "";
    }
}

/**
 * dl_article_status_get_short_label:
 *
 * Returns: one word for a narrow place (the library row's pill):
 *   "Ready", "Changed"; dl_article_status_get_label() says it in full
 */
const char *
dl_article_status_get_short_label (DlArticleStatus status)
{
  switch (status)
    {
    case DL_ARTICLE_STATUS_DRAFT: return C_("article status, short", "Draft");
    case DL_ARTICLE_STATUS_READY: return C_("article status, short", "Ready");
    case DL_ARTICLE_STATUS_SCHEDULED: return C_("article status, short", "Scheduled");
    case DL_ARTICLE_STATUS_PUBLISHED: return C_("article status, short", "Published");
    case DL_ARTICLE_STATUS_CHANGED: return C_("article status, short", "Changed");
    case DL_ARTICLE_STATUS_N_STATUSES:
    default:
      return C_("article status, short", "Draft");
    }
}

static char **
string_field (DlArticle *self,
              guint      prop_id)
{
  switch (prop_id)
    {
    case PROP_HEADLINE: return &self->headline;
    case PROP_STANDFIRST: return &self->standfirst;
    case PROP_SLUG: return &self->slug;
    case PROP_PLACE: return &self->place;
    case PROP_REGION: return &self->region;
    case PROP_COUNTRY: return &self->country;
    case PROP_TIME_ZONE: return &self->time_zone;
    case PROP_SOURCE: return &self->source;
    case PROP_DATELINE_STYLE: return &self->dateline_style;
    case PROP_CATEGORY: return &self->category;
    case PROP_IMAGE_PATH: return &self->image_path;
    case PROP_IMAGE_CAPTION: return &self->image_caption;
    case PROP_IMAGE_CREDIT: return &self->image_credit;
    case PROP_IMAGE_ALT: return &self->image_alt;
    case PROP_LANGUAGE: return &self->language;
    case PROP_BODY: return &self->body;
    default: return NULL;
    }
}

static GDateTime **
date_time_field (DlArticle *self,
                 guint      prop_id)
{
  switch (prop_id)
    {
    case PROP_CREATED: return &self->created;
    case PROP_MODIFIED: return &self->modified;
    case PROP_DATELINE_DATE: return &self->dateline_date;
    case PROP_EMBARGO: return &self->embargo;
    case PROP_SCHEDULE: return &self->schedule;
    default: return NULL;
    }
}

/* Every string field is kept non-NULL so callers never need to check. */
static void
set_string (DlArticle  *self,
            guint       prop_id,
            const char *value)
{
  if (dl_set_str (string_field (self, prop_id), value ? value : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_date_time (DlArticle *self,
               guint      prop_id,
               GDateTime *value)
{
  if (dl_set_date_time (date_time_field (self, prop_id), value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
emit_changed (DlArticle *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The copy on the site (or waiting there to go live) no longer matches
 * what the journalist has: say so, as docs/FILE-FORMAT.md promises. The
 * loader sets the status after every other field, so reading a file
 * never trips this; publishing sets Published again after it sends. */
static void
note_edit (DlArticle *self)
{
  if (self->status == DL_ARTICLE_STATUS_PUBLISHED || self->status == DL_ARTICLE_STATUS_SCHEDULED)
    dl_article_set_status (self, DL_ARTICLE_STATUS_CHANGED);
}

static void
on_credit_notify_cb (DlArticle  *self,
                     GParamSpec *pspec,
                     DlCredit   *credit)
{
  note_edit (self);
  emit_changed (self);
}

static void
on_credits_items_changed_cb (DlArticle  *self,
                             guint       position,
                             guint       removed,
                             guint       added,
                             GListModel *model)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(DlCredit) credit = g_list_model_get_item (model, i);
      g_signal_connect_object (credit, "notify", G_CALLBACK (on_credit_notify_cb), self,
                               G_CONNECT_SWAPPED);
    }
  note_edit (self);
  emit_changed (self);
}

static void
dl_article_dispatch_properties_changed (GObject     *object,
                                        guint        n_pspecs,
                                        GParamSpec **pspecs)
{
  G_OBJECT_CLASS (dl_article_parent_class)->dispatch_properties_changed (object, n_pspecs, pspecs);

  /* A change of "modified" alone is bookkeeping, not an edit; a change
   * of the status alone is not an edit of the story. */
  for (guint i = 0; i < n_pspecs; i++)
    {
      /* Nor are the writer's own aids (spelling, a target length). */
      if (pspecs[i] != properties[PROP_MODIFIED] && pspecs[i] != properties[PROP_STATUS]
          && pspecs[i] != properties[PROP_SPELL_CHECK] && pspecs[i] != properties[PROP_TARGET_WORDS])
        {
          note_edit (DL_ARTICLE (object));
          break;
        }
    }
  for (guint i = 0; i < n_pspecs; i++)
    {
      if (pspecs[i] != properties[PROP_MODIFIED])
        {
          emit_changed (DL_ARTICLE (object));
          break;
        }
    }
}

static void
dl_article_finalize (GObject *object)
{
  DlArticle *self = DL_ARTICLE (object);

  for (guint i = PROP_0 + 1; i < N_PROPS; i++)
    {
      char **str = string_field (self, i);
      GDateTime **dt = date_time_field (self, i);

      if (str != NULL)
        g_clear_pointer (str, g_free);
      if (dt != NULL)
        g_clear_pointer (dt, g_date_time_unref);
    }
  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_object (&self->credits);
  g_clear_pointer (&self->publications, g_ptr_array_unref);
  for (guint i = 0; i < DL_ARTICLE_N_PARTS; i++)
    g_clear_pointer (&self->unknown[i], dl_unknown_members_unref);
  dl_article_set_body_source (self, NULL, NULL, NULL);
  g_clear_pointer (&self->read_only_reason, g_free);
  g_clear_pointer (&self->unknown_status, g_free);

  G_OBJECT_CLASS (dl_article_parent_class)->finalize (object);
}

static void
dl_article_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  DlArticle *self = DL_ARTICLE (object);
  char **str = string_field (self, prop_id);
  GDateTime **dt = date_time_field (self, prop_id);

  if (prop_id == PROP_BODY)
    g_value_set_string (value, dl_article_get_body (self));
  else if (str != NULL)
    g_value_set_string (value, *str);
  else if (dt != NULL)
    g_value_set_boxed (value, *dt);
  else if (prop_id == PROP_UUID)
    g_value_set_string (value, self->uuid);
  else if (prop_id == PROP_STATUS)
    g_value_set_enum (value, self->status);
  else if (prop_id == PROP_TAGS)
    g_value_set_boxed (value, self->tags);
  else if (prop_id == PROP_SPELL_CHECK)
    g_value_set_boolean (value, self->spell_check);
  else if (prop_id == PROP_TARGET_WORDS)
    g_value_set_uint (value, self->target_words);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
dl_article_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  DlArticle *self = DL_ARTICLE (object);

  if (prop_id == PROP_BODY)
    dl_article_set_body (self, g_value_get_string (value));
  else if (string_field (self, prop_id) != NULL)
    set_string (self, prop_id, g_value_get_string (value));
  else if (date_time_field (self, prop_id) != NULL)
    set_date_time (self, prop_id, g_value_get_boxed (value));
  else if (prop_id == PROP_UUID)
    self->uuid = g_value_dup_string (value);
  else if (prop_id == PROP_STATUS)
    dl_article_set_status (self, g_value_get_enum (value));
  else if (prop_id == PROP_TAGS)
    dl_article_set_tags (self, g_value_get_boxed (value));
  else if (prop_id == PROP_SPELL_CHECK)
    dl_article_set_spell_check (self, g_value_get_boolean (value));
  else if (prop_id == PROP_TARGET_WORDS)
    dl_article_set_target_words (self, g_value_get_uint (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
dl_article_constructed (GObject *object)
{
  DlArticle *self = DL_ARTICLE (object);

  G_OBJECT_CLASS (dl_article_parent_class)->constructed (object);

  if (self->uuid == NULL || !g_uuid_string_is_valid (self->uuid))
    {
      g_free (self->uuid);
      self->uuid = dl_uuid_new ();
    }
}

static GParamSpec *
string_pspec (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, "",
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
date_time_pspec (const char *name)
{
  return g_param_spec_boxed (name, NULL, NULL, G_TYPE_DATE_TIME,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
dl_article_class_init (DlArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = dl_article_constructed;
  object_class->dispatch_properties_changed = dl_article_dispatch_properties_changed;
  object_class->finalize = dl_article_finalize;
  object_class->get_property = dl_article_get_property;
  object_class->set_property = dl_article_set_property;

  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED] = date_time_pspec ("created");
  properties[PROP_MODIFIED] = date_time_pspec ("modified");
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, DL_TYPE_ARTICLE_STATUS, DL_ARTICLE_STATUS_DRAFT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEADLINE] = string_pspec ("headline");
  properties[PROP_STANDFIRST] = string_pspec ("standfirst");
  properties[PROP_SLUG] = string_pspec ("slug");
  properties[PROP_PLACE] = string_pspec ("place");
  properties[PROP_REGION] = string_pspec ("region");
  properties[PROP_COUNTRY] = string_pspec ("country");
  properties[PROP_DATELINE_DATE] = date_time_pspec ("dateline-date");
  properties[PROP_TIME_ZONE] = string_pspec ("time-zone");
  properties[PROP_SOURCE] = string_pspec ("source");
  properties[PROP_DATELINE_STYLE] = string_pspec ("dateline-style");
  properties[PROP_CATEGORY] = string_pspec ("category");
  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IMAGE_PATH] = string_pspec ("image-path");
  properties[PROP_IMAGE_CAPTION] = string_pspec ("image-caption");
  properties[PROP_IMAGE_CREDIT] = string_pspec ("image-credit");
  properties[PROP_IMAGE_ALT] = string_pspec ("image-alt");
  properties[PROP_LANGUAGE] = string_pspec ("language");
  properties[PROP_BODY] = string_pspec ("body");
  properties[PROP_EMBARGO] = date_time_pspec ("embargo");
  properties[PROP_SCHEDULE] = date_time_pspec ("schedule");
  properties[PROP_SPELL_CHECK] =
    g_param_spec_boolean ("spell-check", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGET_WORDS] =
    g_param_spec_uint ("target-words", NULL, NULL, 0, DL_ARTICLE_MAX_TARGET_WORDS, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DlArticle::changed:
   *
   * Emitted after any edit of the article, including edits inside a
   * credit entry; autosave listens to this one signal.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static const char *
default_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_strcmp0 (names[i], "C") != 0 && g_strcmp0 (names[i], "POSIX") != 0
          && strchr (names[i], '.') == NULL && strchr (names[i], '@') == NULL)
        return names[i];
    }
  return "en";
}

static void
dl_article_init (DlArticle *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *language = g_strdup (default_language ());

  self->spell_check = TRUE;
  for (guint i = PROP_0 + 1; i < N_PROPS; i++)
    {
      char **str = string_field (self, i);
      if (str != NULL)
        *str = g_strdup ("");
    }

  /* BCP 47 uses '-', POSIX locales '_' (pt_BR → pt-BR). */
  g_strdelimit (language, "_", '-');
  g_free (self->language);
  self->language = g_steal_pointer (&language);

  self->created = g_date_time_ref (now);
  self->modified = g_date_time_ref (now);
  self->dateline_date = g_date_time_ref (now);
  self->tags = g_new0 (char *, 1);
  self->credits = g_list_store_new (DL_TYPE_CREDIT);
  self->publications = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_publication_free);

  g_signal_connect_object (self->credits, "items-changed",
                           G_CALLBACK (on_credits_items_changed_cb), self, G_CONNECT_SWAPPED);
}

DlArticle *
dl_article_new (void)
{
  return g_object_new (DL_TYPE_ARTICLE, NULL);
}

DlArticle *
dl_article_new_with_uuid (const char *uuid)
{
  return g_object_new (DL_TYPE_ARTICLE, "uuid", uuid, NULL);
}

const char *
dl_article_get_uuid (DlArticle *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), NULL);
  return self->uuid;
}

/* Plain fields: a getter, and a setter that notifies and emits "changed"
 * only when the value changes (set_string(), set_date_time()). */

GDateTime *
dl_article_get_created (DlArticle *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), NULL);
  return self->created;
}

void
dl_article_set_created (DlArticle *self,
                        GDateTime *value)
{
  g_return_if_fail (DL_IS_ARTICLE (self));
  set_date_time (self, PROP_CREATED, value);
}

GDateTime *
dl_article_get_modified (DlArticle *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), NULL);
  return self->modified;
}

void
dl_article_set_modified (DlArticle *self,
                         GDateTime *value)
{
  g_return_if_fail (DL_IS_ARTICLE (self));
  set_date_time (self, PROP_MODIFIED, value);
}

GDateTime *
dl_article_get_dateline_date (DlArticle *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), NULL);
  return self->dateline_date;
}

void
dl_article_set_dateline_date (DlArticle *self,
                              GDateTime *value)
{
  g_return_if_fail (DL_IS_ARTICLE (self));
  set_date_time (self, PROP_DATELINE_DATE, value);
}

GDateTime *
dl_article_get_embargo (DlArticle *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), NULL);
  return self->embargo;
}

void
dl_article_set_embargo (DlArticle *self,
                        GDateTime *value)
{
  g_return_if_fail (DL_IS_ARTICLE (self));
  set_date_time (self, PROP_EMBARGO, value);
}

GDateTime *
dl_article_get_schedule (DlArticle *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), NULL);
  return self->schedule;
}

void
dl_article_set_schedule (DlArticle *self,
                         GDateTime *value)
{
  g_return_if_fail (DL_IS_ARTICLE (self));
  set_date_time (self, PROP_SCHEDULE, value);
}

const char *
dl_article_get_headline (DlArticle *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), NULL);
  return self->headline;
}

void
dl_article_set_headline (DlArticle  *self,
                         const char *value)
{
  g_return_if_fail (DL_IS_ARTICLE (self));
  set_string (self, PROP_HEADLINE, value);
}

const char *
dl_article_get_standfirst (DlArticle *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), NULL);
  return self->standfirst;
}

void
dl_article_set_standfirst (DlArticle  *self,
                           const char *value)
{
  g_return_if_fail (DL_IS_ARTICLE (self));
  set_string (self, PROP_STANDFIRST, value);
}

const char *
dl_article_get_slug (DlArticle *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), NULL);
  return self->slug;
}

void
dl_article_set_slug (DlArticle  *self,
                     const char *value)
{
  g_return_if_fail (DL_IS_ARTICLE (self));
  set_string (self, PROP_SLUG, value);
}

const char *
dl_article_get_place (DlArticle *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), NULL);
  return self->place;
}

void
dl_article_set_place (DlArticle  *self,
                      const char *value)
{
  g_return_if_fail (DL_IS_ARTICLE (self));
  set_string (self, PROP_PLACE, value);
}

const char *
dl_article_get_region (DlArticle *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), NULL);
  return self->region;
}

void
dl_article_set_region (DlArticle  *self,
                       const char *value)
{
  g_return_if_fail (DL_IS_ARTICLE (self));
  set_string (self, PROP_REGION, value);
}

const char *
dl_article_get_country (DlArticle *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), NULL);
  return self->country;
}

void
dl_article_set_country (DlArticle  *self,
                        const char *value)
{
  g_return_if_fail (DL_IS_ARTICLE (self));
  set_string (self, PROP_COUNTRY, value);
}

const char *
dl_article_get_time_zone (DlArticle *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), NULL);
  return self->time_zone;
}

void
dl_article_set_time_zone (DlArticle  *self,
                          const char *value)
{
  g_return_if_fail (DL_IS_ARTICLE (self));
  set_string (self, PROP_TIME_ZONE, value);
}

const char *
dl_article_get_source (DlArticle *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), NULL);
  return self->source;
}

void
dl_article_set_source (DlArticle  *self,
                       const char *value)
{
  g_return_if_fail (DL_IS_ARTICLE (self));
  set_string (self, PROP_SOURCE, value);
}

const char *
dl_article_get_dateline_style (DlArticle *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), NULL);
  return self->dateline_style;
}

void
dl_article_set_dateline_style (DlArticle  *self,
                               const char *value)
{
  g_return_if_fail (DL_IS_ARTICLE (self));
  set_string (self, PROP_DATELINE_STYLE, value);
}

const char *
dl_article_get_category (DlArticle *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), NULL);
  return self->category;
}

void
dl_article_set_category (DlArticle  *self,
                         const char *value)
{
  g_return_if_fail (DL_IS_ARTICLE (self));
  set_string (self, PROP_CATEGORY, value);
}

const char *
dl_article_get_image_path (DlArticle *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), NULL);
  return self->image_path;
}

void
dl_article_set_image_path (DlArticle  *self,
                           const char *value)
{
  g_return_if_fail (DL_IS_ARTICLE (self));
  set_string (self, PROP_IMAGE_PATH, value);
}

const char *
dl_article_get_image_caption (DlArticle *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), NULL);
  return self->image_caption;
}

void
dl_article_set_image_caption (DlArticle  *self,
                              const char *value)
{
  g_return_if_fail (DL_IS_ARTICLE (self));
  set_string (self, PROP_IMAGE_CAPTION, value);
}

const char *
dl_article_get_image_credit (DlArticle *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), NULL);
  return self->image_credit;
}

void
dl_article_set_image_credit (DlArticle  *self,
                             const char *value)
{
  g_return_if_fail (DL_IS_ARTICLE (self));
  set_string (self, PROP_IMAGE_CREDIT, value);
}

const char *
dl_article_get_image_alt (DlArticle *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), NULL);
  return self->image_alt;
}

void
dl_article_set_image_alt (DlArticle  *self,
                          const char *value)
{
  g_return_if_fail (DL_IS_ARTICLE (self));
  set_string (self, PROP_IMAGE_ALT, value);
}

const char *
dl_article_get_language (DlArticle *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), NULL);
  return self->language;
}

void
dl_article_set_language (DlArticle  *self,
                         const char *value)
{
  g_return_if_fail (DL_IS_ARTICLE (self));
  set_string (self, PROP_LANGUAGE, value);
}

gboolean
dl_article_get_spell_check (DlArticle *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), TRUE);
  return self->spell_check;
}

void
dl_article_set_spell_check (DlArticle *self,
                            gboolean   spell_check)
{
  g_return_if_fail (DL_IS_ARTICLE (self));

  if (self->spell_check == !!spell_check)
    return;
  self->spell_check = !!spell_check;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPELL_CHECK]);
}

guint
dl_article_get_target_words (DlArticle *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), 0);
  return self->target_words;
}

void
dl_article_set_target_words (DlArticle *self,
                             guint      words)
{
  g_return_if_fail (DL_IS_ARTICLE (self));

  words = MIN (words, DL_ARTICLE_MAX_TARGET_WORDS);
  if (self->target_words == words)
    return;
  self->target_words = words;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_WORDS]);
}

DlArticleStatus
dl_article_get_status (DlArticle *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), DL_ARTICLE_STATUS_DRAFT);
  return self->status;
}

void
dl_article_set_status (DlArticle       *self,
                       DlArticleStatus  status)
{
  g_return_if_fail (DL_IS_ARTICLE (self));
  g_return_if_fail (status < DL_ARTICLE_STATUS_N_STATUSES);

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/**
 * dl_article_dup_display_title:
 *
 * Returns: the headline, or a translated "Untitled article" when it is blank.
 */
char *
dl_article_dup_display_title (DlArticle *self)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (DL_IS_ARTICLE (self), NULL);

  stripped = g_strstrip (g_strdup (self->headline));
  if (*stripped == '\0')
    return g_strdup (_("Untitled article"));
  return g_steal_pointer (&stripped);
}

GListModel *
dl_article_get_credits (DlArticle *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), NULL);
  return G_LIST_MODEL (self->credits);
}

void
dl_article_add_credit (DlArticle *self,
                       DlCredit  *credit)
{
  g_return_if_fail (DL_IS_ARTICLE (self));
  g_return_if_fail (DL_IS_CREDIT (credit));
  g_list_store_append (self->credits, credit);
}

void
dl_article_remove_credit (DlArticle *self,
                          guint      position)
{
  g_return_if_fail (DL_IS_ARTICLE (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->credits)));
  g_list_store_remove (self->credits, position);
}

/**
 * dl_article_move_credit:
 *
 * Moves the entry at @from so that it ends up at index @to.
 *
 * Returns: %FALSE when either index is out of range.
 */
gboolean
dl_article_move_credit (DlArticle *self,
                        guint      from,
                        guint      to)
{
  guint n;
  g_autoptr(DlCredit) credit = NULL;

  g_return_val_if_fail (DL_IS_ARTICLE (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->credits));
  if (from >= n || to >= n)
    return FALSE;
  if (from == to)
    return TRUE;

  credit = g_list_model_get_item (G_LIST_MODEL (self->credits), from);
  g_list_store_remove (self->credits, from);
  g_list_store_insert (self->credits, to, credit);
  return TRUE;
}

const char * const *
dl_article_get_tags (DlArticle *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), NULL);
  return (const char * const *) self->tags;
}

/**
 * dl_tag_normalize:
 *
 * Trims white space, collapses inner runs of it to one space and drops
 * commas, since a comma is what separates tags when typing.
 *
 * Returns: (nullable): the tag to store, or %NULL when nothing is left.
 */
char *
dl_tag_normalize (const char *tag)
{
  GString *out;
  gboolean pending_space = FALSE;

  if (tag == NULL || !g_utf8_validate (tag, -1, NULL))
    return NULL;

  out = g_string_new (NULL);
  for (const char *p = tag; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == ',')
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static gint
find_tag (DlArticle  *self,
          const char *tag)
{
  g_autofree char *wanted = g_utf8_casefold (tag, -1);

  for (guint i = 0; self->tags[i] != NULL; i++)
    {
      g_autofree char *folded = g_utf8_casefold (self->tags[i], -1);
      if (g_strcmp0 (folded, wanted) == 0)
        return i;
    }
  return -1;
}

gboolean
dl_article_has_tag (DlArticle  *self,
                    const char *tag)
{
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (DL_IS_ARTICLE (self), FALSE);

  normalized = dl_tag_normalize (tag);
  return normalized != NULL && find_tag (self, normalized) >= 0;
}

/**
 * dl_article_add_tag:
 *
 * Adds @tag at the end unless it is blank or already present, compared
 * case-insensitively ("Economy" and "economy" are one tag).
 *
 * Returns: %TRUE if the tag was added.
 */
gboolean
dl_article_add_tag (DlArticle  *self,
                    const char *tag)
{
  g_autofree char *normalized = NULL;
  guint n;

  g_return_val_if_fail (DL_IS_ARTICLE (self), FALSE);

  normalized = dl_tag_normalize (tag);
  if (normalized == NULL || find_tag (self, normalized) >= 0)
    return FALSE;

  n = g_strv_length (self->tags);
  self->tags = g_renew (char *, self->tags, n + 2);
  self->tags[n] = g_steal_pointer (&normalized);
  self->tags[n + 1] = NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
  return TRUE;
}

gboolean
dl_article_remove_tag (DlArticle  *self,
                       const char *tag)
{
  g_autofree char *normalized = NULL;
  gint index;
  guint n;

  g_return_val_if_fail (DL_IS_ARTICLE (self), FALSE);

  normalized = dl_tag_normalize (tag);
  if (normalized == NULL || (index = find_tag (self, normalized)) < 0)
    return FALSE;

  n = g_strv_length (self->tags);
  g_free (self->tags[index]);
  memmove (&self->tags[index], &self->tags[index + 1], (n - index) * sizeof (char *));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
  return TRUE;
}

/**
 * dl_article_set_tags:
 *
 * Replaces the tags, applying the same rules as dl_article_add_tag().
 */
void
dl_article_set_tags (DlArticle          *self,
                     const char * const *tags)
{
  g_auto(GStrv) old = NULL;

  g_return_if_fail (DL_IS_ARTICLE (self));

  old = g_steal_pointer (&self->tags);
  self->tags = g_new0 (char *, 1);

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    dl_article_add_tag (self, tags[i]);
  if (!g_strv_equal ((const char * const *) old, (const char * const *) self->tags))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
  g_object_thaw_notify (G_OBJECT (self));
}

GPtrArray *
dl_article_get_publications (DlArticle *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), NULL);
  return self->publications;
}

DlPublication *
dl_article_find_publication (DlArticle  *self,
                             const char *site_id)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), NULL);

  for (guint i = 0; i < self->publications->len; i++)
    {
      DlPublication *pub = g_ptr_array_index (self->publications, i);
      if (g_strcmp0 (pub->site_id, site_id) == 0)
        return pub;
    }
  return NULL;
}

/**
 * dl_article_set_publication:
 * @publication: (transfer none): replaces the record for the same site
 */
void
dl_article_set_publication (DlArticle     *self,
                            DlPublication *publication)
{
  g_return_if_fail (DL_IS_ARTICLE (self));
  g_return_if_fail (publication != NULL && publication->site_id != NULL);

  for (guint i = 0; i < self->publications->len; i++)
    {
      DlPublication *pub = g_ptr_array_index (self->publications, i);
      if (g_strcmp0 (pub->site_id, publication->site_id) == 0)
        {
          g_ptr_array_remove_index (self->publications, i);
          break;
        }
    }
  g_ptr_array_add (self->publications, dl_publication_copy (publication));
  emit_changed (self);
}

/**
 * dl_article_get_body:
 *
 * Returns: the body (Markdown); with a body source set, its current text
 */
const char *
dl_article_get_body (DlArticle *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), NULL);

  if (self->body_stale && self->body_func != NULL)
    {
      char *text = self->body_func (self->body_data);

      self->body_stale = FALSE;
      g_free (self->body);
      self->body = text != NULL ? text : g_strdup ("");
    }
  return self->body;
}

void
dl_article_set_body (DlArticle  *self,
                     const char *body)
{
  g_return_if_fail (DL_IS_ARTICLE (self));

  if (self->body_stale)
    {
      /* What the source held is replaced: no need to copy it out. */
      self->body_stale = FALSE;
      g_free (self->body);
      self->body = g_strdup (body != NULL ? body : "");
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
      return;
    }
  set_string (self, PROP_BODY, body);
}

/**
 * dl_article_set_body_source:
 * @func: (nullable): returns the body's current text, newly allocated
 * @user_data: for @func
 * @destroy: (nullable): frees @user_data
 *
 * Lets an editor keep the body in its own buffer. The editor calls
 * dl_article_body_source_changed() on every change, which costs nothing
 * but a signal; the text is copied out only when the body is read, so a
 * save, a preview, an export or a publication always gets what is on
 * screen, and nothing needs remembering to "sync" first. Main thread
 * only, like every edit: workers get copies (dl_article_copy()).
 */
void
dl_article_set_body_source (DlArticle         *self,
                            DlArticleBodyFunc  func,
                            gpointer           user_data,
                            GDestroyNotify     destroy)
{
  g_return_if_fail (DL_IS_ARTICLE (self));

  /* The old source's last text stays the body. */
  if (self->body_stale && self->body_func != NULL)
    dl_article_get_body (self);
  if (self->body_destroy != NULL)
    self->body_destroy (self->body_data);
  self->body_func = func;
  self->body_data = user_data;
  self->body_destroy = destroy;
  self->body_stale = FALSE;
}

/**
 * dl_article_body_source_changed:
 *
 * The body source's text changed: notifies "body" (and so "changed")
 * now, and reads the text when somebody asks for it.
 */
void
dl_article_body_source_changed (DlArticle *self)
{
  g_return_if_fail (DL_IS_ARTICLE (self));
  g_return_if_fail (self->body_func != NULL);

  self->body_stale = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}

/**
 * dl_article_get_unknown_members:
 * @part: the top level, the dateline or the image object
 *
 * Returns: (transfer none) (nullable): what the file held there that this
 *   version does not know; written back unchanged on save
 */
DlUnknownMembers *
dl_article_get_unknown_members (DlArticle     *self,
                                DlArticlePart  part)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), NULL);
  g_return_val_if_fail (part < DL_ARTICLE_N_PARTS, NULL);
  return self->unknown[part];
}

void
dl_article_set_unknown_members (DlArticle        *self,
                                DlArticlePart     part,
                                DlUnknownMembers *members)
{
  g_return_if_fail (DL_IS_ARTICLE (self));
  g_return_if_fail (part < DL_ARTICLE_N_PARTS);

  if (members != NULL)
    dl_unknown_members_ref (members);
  g_clear_pointer (&self->unknown[part], dl_unknown_members_unref);
  self->unknown[part] = members;
}

/**
 * dl_article_get_read_only_reason:
 *
 * Returns: (nullable): why this article must not be saved (it came from a
 *   newer Dateline), translated; %NULL when it can be edited
 */
const char *
dl_article_get_read_only_reason (DlArticle *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), NULL);
  return self->read_only_reason;
}

void
dl_article_set_read_only_reason (DlArticle  *self,
                                 const char *reason)
{
  g_return_if_fail (DL_IS_ARTICLE (self));
  dl_set_str (&self->read_only_reason, reason);
}

gboolean
dl_article_is_read_only (DlArticle *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), FALSE);
  return self->read_only_reason != NULL;
}

/**
 * dl_article_get_unknown_status:
 *
 * Returns: (nullable): the status written in the file when this version
 *   does not know it (the article is then read-only and its status reads
 *   as Draft)
 */
const char *
dl_article_get_unknown_status (DlArticle *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), NULL);
  return self->unknown_status;
}

void
dl_article_set_unknown_status (DlArticle  *self,
                               const char *status_id)
{
  g_return_if_fail (DL_IS_ARTICLE (self));
  dl_set_str (&self->unknown_status, status_id);
}

/**
 * dl_article_copy:
 *
 * Returns: (transfer full): a deep copy with the same UUID, e.g. a
 *   snapshot to save off the main thread while editing goes on.
 */
DlArticle *
dl_article_copy (DlArticle *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE (self), NULL);

  return dl_article_copy_with_uuid (self, self->uuid);
}

/**
 * dl_article_duplicate:
 *
 * The start of a follow-up story: the same text and details under a new
 * identity, a Draft created now, with no publication records (it is on
 * no site) and no schedule (it goes out when it is ready, not with the
 * original). The slug is cleared, so the copy does not claim the
 * original's web address; the embargo stays, since the copy holds the
 * same embargoed facts.
 *
 * Returns: (transfer full): the new article
 */
DlArticle *
dl_article_duplicate (DlArticle *self)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  DlArticle *copy;

  g_return_val_if_fail (DL_IS_ARTICLE (self), NULL);

  copy = dl_article_copy_with_uuid (self, uuid);
  g_ptr_array_set_size (copy->publications, 0);
  copy->status = DL_ARTICLE_STATUS_DRAFT;
  dl_set_str (&copy->slug, "");
  g_clear_pointer (&copy->schedule, g_date_time_unref);
  dl_set_date_time (&copy->created, now);
  dl_set_date_time (&copy->modified, now);
  return copy;
}

/**
 * dl_article_copy_with_uuid:
 * @uuid: the copy's identity
 *
 * Like dl_article_copy(), as another article.
 *
 * Returns: (transfer full): the copy
 */
DlArticle *
dl_article_copy_with_uuid (DlArticle  *self,
                           const char *uuid)
{
  DlArticle *copy;
  guint n_credits;

  g_return_val_if_fail (DL_IS_ARTICLE (self), NULL);
  g_return_val_if_fail (g_uuid_string_is_valid (uuid), NULL);

  /* A body still in its editor is read now: the copy is a snapshot. */
  dl_article_get_body (self);

  copy = dl_article_new_with_uuid (uuid);
  for (guint i = PROP_0 + 1; i < N_PROPS; i++)
    {
      char **src = string_field (self, i);
      GDateTime **dt = date_time_field (self, i);

      if (src != NULL)
        dl_set_str (string_field (copy, i), *src);
      else if (dt != NULL)
        dl_set_date_time (date_time_field (copy, i), *dt);
    }
  copy->status = self->status;
  copy->spell_check = self->spell_check;
  copy->target_words = self->target_words;
  g_strfreev (copy->tags);
  copy->tags = g_strdupv (self->tags);

  n_credits = g_list_model_get_n_items (G_LIST_MODEL (self->credits));
  for (guint i = 0; i < n_credits; i++)
    {
      g_autoptr(DlCredit) credit = g_list_model_get_item (G_LIST_MODEL (self->credits), i);
      g_autoptr(DlCredit) credit_copy = dl_credit_copy (credit);
      g_list_store_append (copy->credits, credit_copy);
    }
  for (guint i = 0; i < self->publications->len; i++)
    g_ptr_array_add (copy->publications,
                     dl_publication_copy (g_ptr_array_index (self->publications, i)));

  /* Unknown members are never changed once read, so sharing is safe. */
  for (guint i = 0; i < DL_ARTICLE_N_PARTS; i++)
    dl_article_set_unknown_members (copy, i, self->unknown[i]);
  copy->read_only_reason = g_strdup (self->read_only_reason);
  copy->unknown_status = g_strdup (self->unknown_status);
  return copy;
}

/**
 * dl_article_touch:
 *
 * Sets the modification time to now.
 */
void
dl_article_touch (DlArticle *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_if_fail (DL_IS_ARTICLE (self));
  dl_article_set_modified (self, now);
}
