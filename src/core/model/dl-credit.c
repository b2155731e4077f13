/* dl-credit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-credit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-credit.h"
#include "dl-util.h"

struct _DlCredit
{
  GObject       parent_instance;
  DlCreditRole  role;
  char         *name;
  char         *text;
  DlUnknownMembers *unknown_members;
};

G_DEFINE_FINAL_TYPE (DlCredit, dl_credit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ROLE,
  PROP_NAME,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Stable identifiers written to files; never translate or reorder. */
static const char * const role_ids[DL_CREDIT_ROLE_N_ROLES] = {
  "author", "photo", "video", "graphics", "editing", "translation", "additional-reporting",
};

const char *
dl_credit_role_to_string (DlCreditRole role)
{
  g_return_val_if_fail (role < DL_CREDIT_ROLE_N_ROLES, "author");
  return role_ids[role];
}

gboolean
dl_credit_role_from_string (const char   *str,
                            DlCreditRole *role)
{
  for (guint i = 0; str != NULL && i < DL_CREDIT_ROLE_N_ROLES; i++)
    {
      if (g_ascii_strcasecmp (str, role_ids[i]) == 0)
        {
          *role = i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * dl_credit_role_get_label:
 *
 * Returns: the translated name of @role for the UI.
 */
const char *
dl_credit_role_get_label (DlCreditRole role)
{
  switch (role)
    {
    case DL_CREDIT_ROLE_AUTHOR: return _("Author");
    /* Translators: a credit's role: whoever took the photos, "Photo: Anna Ivanova" */
    case DL_CREDIT_ROLE_PHOTO: return _("Photo");
    /* Translators: a credit's role: whoever filmed the video, "Video: Anna Ivanova" */
    case DL_CREDIT_ROLE_VIDEO: return _("Video");
    /* Translators: a credit's role: whoever made the charts, maps or drawings */
    case DL_CREDIT_ROLE_GRAPHICS: return _("Graphics");
    /* Translators: a credit's role: whoever edited the story, "Editing: Anna Ivanova" */
    case DL_CREDIT_ROLE_EDITING: return _("Editing");
    /* Translators: a credit's role: whoever translated the story */
    case DL_CREDIT_ROLE_TRANSLATION: return _("Translation");
    case DL_CREDIT_ROLE_ADDITIONAL_REPORTING: return _("Additional reporting");
    case DL_CREDIT_ROLE_N_ROLES:
    default:
      return "";
    }
}

static void
dl_credit_finalize (GObject *object)
{
  DlCredit *self = DL_CREDIT (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->unknown_members, dl_unknown_members_unref);

  G_OBJECT_CLASS (dl_credit_parent_class)->finalize (object);
}

static void
dl_credit_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  DlCredit *self = DL_CREDIT (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_credit_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  DlCredit *self = DL_CREDIT (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      dl_credit_set_role (self, g_value_get_enum (value));
      break;
    case PROP_NAME:
      dl_credit_set_name (self, g_value_get_string (value));
      break;
    case PROP_TEXT:
      dl_credit_set_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_credit_class_init (DlCreditClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dl_credit_finalize;
  object_class->get_property = dl_credit_get_property;
  object_class->set_property = dl_credit_set_property;

  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, DL_TYPE_CREDIT_ROLE, DL_CREDIT_ROLE_AUTHOR,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dl_credit_init (DlCredit *self)
{
  self->name = g_strdup ("");
  self->text = g_strdup ("");
}

DlCredit *
dl_credit_new (DlCreditRole  role,
               const char   *name,
               const char   *text)
{
  return g_object_new (DL_TYPE_CREDIT,
                       "role", role,
                       "name", name ? name : "",
                       "text", text ? text : "",
                       NULL);
}

DlCredit *
dl_credit_copy (DlCredit *self)
{
  DlCredit *copy;

  g_return_val_if_fail (DL_IS_CREDIT (self), NULL);

  copy = dl_credit_new (self->role, self->name, self->text);
  dl_credit_set_unknown_members (copy, self->unknown_members);
  return copy;
}

DlCreditRole
dl_credit_get_role (DlCredit *self)
{
  g_return_val_if_fail (DL_IS_CREDIT (self), DL_CREDIT_ROLE_AUTHOR);
  return self->role;
}

void
dl_credit_set_role (DlCredit     *self,
                    DlCreditRole  role)
{
  g_return_if_fail (DL_IS_CREDIT (self));
  g_return_if_fail (role < DL_CREDIT_ROLE_N_ROLES);

  if (self->role == role)
    return;
  self->role = role;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

const char *
dl_credit_get_name (DlCredit *self)
{
  g_return_val_if_fail (DL_IS_CREDIT (self), NULL);
  return self->name;
}

void
dl_credit_set_name (DlCredit   *self,
                    const char *name)
{
  g_return_if_fail (DL_IS_CREDIT (self));

  if (dl_set_str (&self->name, name ? name : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
dl_credit_get_text (DlCredit *self)
{
  g_return_val_if_fail (DL_IS_CREDIT (self), NULL);
  return self->text;
}

void
dl_credit_set_text (DlCredit   *self,
                    const char *text)
{
  g_return_if_fail (DL_IS_CREDIT (self));

  if (dl_set_str (&self->text, text ? text : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/**
 * dl_credit_is_empty:
 *
 * Returns: %TRUE when the entry names nobody and credits nothing, so it
 *   can be skipped when composing credit lines.
 */
gboolean
dl_credit_is_empty (DlCredit *self)
{
  g_return_val_if_fail (DL_IS_CREDIT (self), TRUE);
  return self->name[0] == '\0' && self->text[0] == '\0';
}

DlUnknownMembers *
dl_credit_get_unknown_members (DlCredit *self)
{
  g_return_val_if_fail (DL_IS_CREDIT (self), NULL);
  return self->unknown_members;
}

/**
 * dl_credit_set_unknown_members:
 * @members: (nullable): kept by reference; never changed once read
 */
void
dl_credit_set_unknown_members (DlCredit         *self,
                               DlUnknownMembers *members)
{
  g_return_if_fail (DL_IS_CREDIT (self));

  if (members != NULL)
    dl_unknown_members_ref (members);
  g_clear_pointer (&self->unknown_members, dl_unknown_members_unref);
  self->unknown_members = members;
}
