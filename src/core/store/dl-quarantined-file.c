/* dl-quarantined-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-quarantined-file"

#include "config.h"

#include "dl-quarantined-file.h"

struct _DlQuarantinedFile
{
  GObject  parent_instance;

  GFile   *file;
  char    *original_name;
  char    *reason;
};

G_DEFINE_FINAL_TYPE (DlQuarantinedFile, dl_quarantined_file, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_ORIGINAL_NAME,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dl_quarantined_file_finalize (GObject *object)
{
  DlQuarantinedFile *self = DL_QUARANTINED_FILE (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->original_name, g_free);
  g_clear_pointer (&self->reason, g_free);

  G_OBJECT_CLASS (dl_quarantined_file_parent_class)->finalize (object);
}

static void
dl_quarantined_file_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DlQuarantinedFile *self = DL_QUARANTINED_FILE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_ORIGINAL_NAME:
      g_value_set_string (value, self->original_name);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_quarantined_file_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DlQuarantinedFile *self = DL_QUARANTINED_FILE (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    case PROP_ORIGINAL_NAME:
      self->original_name = g_value_dup_string (value);
      break;
    case PROP_REASON:
      self->reason = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_quarantined_file_class_init (DlQuarantinedFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dl_quarantined_file_finalize;
  object_class->get_property = dl_quarantined_file_get_property;
  object_class->set_property = dl_quarantined_file_set_property;

  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, flags);
  properties[PROP_ORIGINAL_NAME] = g_param_spec_string ("original-name", NULL, NULL, NULL, flags);
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dl_quarantined_file_init (DlQuarantinedFile *self)
{
}

/**
 * dl_quarantined_file_new:
 * @file: where the file now lives, in the library's quarantine/ folder
 * @original_name: the name it had in the library
 * @reason: why it could not be read (translated)
 */
DlQuarantinedFile *
dl_quarantined_file_new (GFile      *file,
                         const char *original_name,
                         const char *reason)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (DL_TYPE_QUARANTINED_FILE,
                       "file", file,
                       "original-name", original_name,
                       "reason", reason,
                       NULL);
}

GFile *
dl_quarantined_file_get_file (DlQuarantinedFile *self)
{
  g_return_val_if_fail (DL_IS_QUARANTINED_FILE (self), NULL);
  return self->file;
}

const char *
dl_quarantined_file_get_original_name (DlQuarantinedFile *self)
{
  g_return_val_if_fail (DL_IS_QUARANTINED_FILE (self), NULL);
  return self->original_name;
}

const char *
dl_quarantined_file_get_reason (DlQuarantinedFile *self)
{
  g_return_val_if_fail (DL_IS_QUARANTINED_FILE (self), NULL);
  return self->reason;
}
