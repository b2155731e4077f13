/* dl-house-style.c
 *
 * The newsroom's defaults for what is composed around an article: the
 * dateline style (BelTA, Reuters, AP…, or a custom pattern) and the
 * source used when an article names none. An article may override the
 * style and the source; everything else follows the house.
 *
 * One object per newsroom (the DlContext owns the application's, bound
 * to its settings; a site may later bring its own), handed to whatever
 * composes: the editor, the preview, the exports, the command line, the
 * publisher. Nothing here is process-wide. A worker gets a copy
 * (dl_house_style_copy()), so no lock is needed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-house-style"

#include "config.h"

#include "dl-credit-lines.h"
#include "dl-dateline.h"
#include "dl-house-style.h"
#include "dl-util.h"

struct _DlHouseStyle
{
  GObject  parent_instance;

  char    *dateline_style;
  char    *custom_pattern;
  char    *source;
};

G_DEFINE_FINAL_TYPE (DlHouseStyle, dl_house_style, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATELINE_STYLE,
  PROP_CUSTOM_PATTERN,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dl_house_style_finalize (GObject *object)
{
  DlHouseStyle *self = DL_HOUSE_STYLE (object);

  g_free (self->dateline_style);
  g_free (self->custom_pattern);
  g_free (self->source);

  G_OBJECT_CLASS (dl_house_style_parent_class)->finalize (object);
}

static void
dl_house_style_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DlHouseStyle *self = DL_HOUSE_STYLE (object);

  switch (prop_id)
    {
    case PROP_DATELINE_STYLE:
      g_value_set_string (value, self->dateline_style);
      break;
    case PROP_CUSTOM_PATTERN:
      g_value_set_string (value, self->custom_pattern);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_house_style_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DlHouseStyle *self = DL_HOUSE_STYLE (object);

  switch (prop_id)
    {
    case PROP_DATELINE_STYLE:
      dl_house_style_set_dateline_style (self, g_value_get_string (value));
      break;
    case PROP_CUSTOM_PATTERN:
      dl_house_style_set_custom_pattern (self, g_value_get_string (value));
      break;
    case PROP_SOURCE:
      dl_house_style_set_source (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_house_style_class_init (DlHouseStyleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dl_house_style_finalize;
  object_class->get_property = dl_house_style_get_property;
  object_class->set_property = dl_house_style_set_property;

  /* An unknown style reads as DL_DATELINE_FALLBACK_STYLE. */
  properties[PROP_DATELINE_STYLE] =
    g_param_spec_string ("dateline-style", NULL, NULL, DL_DATELINE_FALLBACK_STYLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CUSTOM_PATTERN] =
    g_param_spec_string ("custom-pattern", NULL, NULL, DL_DATELINE_DEFAULT_PATTERN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Used by articles that name no source; "" for none. */
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dl_house_style_init (DlHouseStyle *self)
{
  self->dateline_style = g_strdup (DL_DATELINE_FALLBACK_STYLE);
  self->custom_pattern = g_strdup (DL_DATELINE_DEFAULT_PATTERN);
  self->source = g_strdup ("");
}

/**
 * dl_house_style_new:
 *
 * Returns: (transfer full): the built-in house style: BelTA datelines,
 *   the default custom pattern, no default source
 */
DlHouseStyle *
dl_house_style_new (void)
{
  return g_object_new (DL_TYPE_HOUSE_STYLE, NULL);
}

/**
 * dl_house_style_copy:
 *
 * Returns: (transfer full): an unbound copy, e.g. for a worker thread
 */
DlHouseStyle *
dl_house_style_copy (DlHouseStyle *self)
{
  g_return_val_if_fail (DL_IS_HOUSE_STYLE (self), NULL);

  return g_object_new (DL_TYPE_HOUSE_STYLE,
                       "dateline-style", self->dateline_style,
                       "custom-pattern", self->custom_pattern,
                       "source", self->source,
                       NULL);
}

/**
 * dl_house_style_bind_settings:
 * @settings: of the io.github.dateline.Dateline schema
 *
 * Follows default-dateline-style, custom-dateline-pattern and
 * default-source from now on.
 */
void
dl_house_style_bind_settings (DlHouseStyle *self,
                              GSettings    *settings)
{
  g_return_if_fail (DL_IS_HOUSE_STYLE (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  g_settings_bind (settings, "default-dateline-style", self, "dateline-style", G_SETTINGS_BIND_GET);
  g_settings_bind (settings, "custom-dateline-pattern", self, "custom-pattern", G_SETTINGS_BIND_GET);
  g_settings_bind (settings, "default-source", self, "source", G_SETTINGS_BIND_GET);
}

const char *
dl_house_style_get_dateline_style (DlHouseStyle *self)
{
  g_return_val_if_fail (DL_IS_HOUSE_STYLE (self), NULL);
  return self->dateline_style;
}

void
dl_house_style_set_dateline_style (DlHouseStyle *self,
                                   const char   *style_id)
{
  g_return_if_fail (DL_IS_HOUSE_STYLE (self));

  if (!dl_dateline_style_is_valid (style_id))
    style_id = DL_DATELINE_FALLBACK_STYLE;
  if (dl_set_str (&self->dateline_style, style_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATELINE_STYLE]);
}

const char *
dl_house_style_get_custom_pattern (DlHouseStyle *self)
{
  g_return_val_if_fail (DL_IS_HOUSE_STYLE (self), NULL);
  return self->custom_pattern;
}

void
dl_house_style_set_custom_pattern (DlHouseStyle *self,
                                   const char   *pattern)
{
  g_return_if_fail (DL_IS_HOUSE_STYLE (self));

  if (dl_set_str (&self->custom_pattern, pattern != NULL ? pattern : DL_DATELINE_DEFAULT_PATTERN))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOM_PATTERN]);
}

const char *
dl_house_style_get_source (DlHouseStyle *self)
{
  g_return_val_if_fail (DL_IS_HOUSE_STYLE (self), NULL);
  return self->source;
}

void
dl_house_style_set_source (DlHouseStyle *self,
                           const char   *source)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (DL_IS_HOUSE_STYLE (self));

  stripped = g_strstrip (g_strdup (source != NULL ? source : ""));
  if (dl_set_str (&self->source, stripped))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

/**
 * dl_house_style_compose_dateline:
 * @self: (nullable): the house style; %NULL for the built-in one
 * @fallback_reason: (nullable): set when something had to be replaced
 *   (unknown language, bad time zone, bad custom pattern, no place) so
 *   the editor can say why
 *
 * The one place where an article's dateline text is composed; the
 * editor, the preview, exports, publishing and the command line all call
 * this. The article's own style and source win over the house's.
 *
 * Returns: (transfer full): e.g. "MINSK, 8 May (BelTA) - ", or "" without a place
 */
char *
dl_house_style_compose_dateline (DlHouseStyle  *self,
                                 DlArticle     *article,
                                 GError       **fallback_reason)
{
  DlDatelineFields fields = { 0 };
  const char *style;
  const char *source;

  g_return_val_if_fail (self == NULL || DL_IS_HOUSE_STYLE (self), NULL);
  g_return_val_if_fail (DL_IS_ARTICLE (article), NULL);

  /* The built-in style without making an object: this runs per render. */
  style = dl_article_get_dateline_style (article);
  if (style[0] == '\0')
    style = self != NULL ? self->dateline_style : DL_DATELINE_FALLBACK_STYLE;
  source = dl_article_get_source (article);
  if (source[0] == '\0')
    source = self != NULL ? self->source : "";

  fields.place = dl_article_get_place (article);
  fields.region = dl_article_get_region (article);
  fields.country = dl_article_get_country (article);
  fields.date = dl_article_get_dateline_date (article);
  fields.time_zone = dl_article_get_time_zone (article);
  fields.source = source;
  fields.language = dl_article_get_language (article);
  return dl_dateline_format_with_fallback (&fields, style,
                                           self != NULL ? self->custom_pattern : DL_DATELINE_DEFAULT_PATTERN,
                                           fallback_reason);
}

/**
 * dl_house_style_compose_credit_lines:
 * @self: (nullable): the house style; %NULL for the built-in one
 * @fallback_reason: (nullable): set when the article's language has no
 *   credit wording and English was used
 *
 * Returns: (transfer full) (element-type DlCreditLine): one line per role
 *   in the article's language, byline first; find a role's line with
 *   dl_credit_lines_find()
 */
GPtrArray *
dl_house_style_compose_credit_lines (DlHouseStyle  *self,
                                     DlArticle     *article,
                                     GError       **fallback_reason)
{
  g_return_val_if_fail (self == NULL || DL_IS_HOUSE_STYLE (self), NULL);
  g_return_val_if_fail (DL_IS_ARTICLE (article), NULL);

  return dl_credit_lines_compose (dl_article_get_credits (article), dl_article_get_language (article),
                                  fallback_reason);
}

/**
 * dl_house_style_compose_credits:
 * @self: (nullable): the house style; %NULL for the built-in one
 *
 * Returns: (transfer full): every credit line, one per line ("" for none)
 */
char *
dl_house_style_compose_credits (DlHouseStyle *self,
                                DlArticle    *article)
{
  g_autoptr(GPtrArray) lines = NULL;

  g_return_val_if_fail (self == NULL || DL_IS_HOUSE_STYLE (self), NULL);
  g_return_val_if_fail (DL_IS_ARTICLE (article), NULL);

  lines = dl_house_style_compose_credit_lines (self, article, NULL);
  return dl_credit_lines_to_text (lines);
}
