/* dl-json-writer.c
 *
 * Writes the layout json-glib's pretty printer made for every file
 * saved so far (2-space indent, `"name" : value`), so files keep their
 * shape on the next save. Two things json-glib cannot do: a value kept
 * as JSON text (dl_json_writer_raw(): members this version does not
 * know, written exactly as they were read), and no indentation work
 * inside such a value, so a deeply nested one costs linear time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dl-json-writer.h"

typedef struct
{
  gboolean array;
  guint    count;
} Level;

struct _DlJsonWriter
{
  GString *out;
  GArray  *levels;     /* Level */
  gboolean after_member;
};

DlJsonWriter *
dl_json_writer_new (void)
{
  DlJsonWriter *self = g_new0 (DlJsonWriter, 1);

  self->out = g_string_sized_new (4096);
  self->levels = g_array_new (FALSE, FALSE, sizeof (Level));
  return self;
}

void
dl_json_writer_free (DlJsonWriter *self)
{
  if (self == NULL)
    return;
  if (self->out != NULL)
    g_string_free (self->out, TRUE);
  g_array_unref (self->levels);
  g_free (self);
}

/**
 * dl_json_writer_end:
 *
 * Consumes the writer.
 *
 * Returns: (transfer full): the document with a final newline
 */
GBytes *
dl_json_writer_end (DlJsonWriter *self)
{
  gsize length;
  char *data;

  g_return_val_if_fail (self->levels->len == 0, NULL);

  g_string_append_c (self->out, '\n');
  length = self->out->len;
  data = g_string_free (g_steal_pointer (&self->out), FALSE);
  dl_json_writer_free (self);
  return g_bytes_new_take (data, length);
}

static void
indent (DlJsonWriter *self)
{
  g_string_append_c (self->out, '\n');
  for (guint i = 0; i < self->levels->len; i++)
    g_string_append (self->out, "  ");
}

/* Before any value: the comma and line break an array element needs;
 * a member's value follows its name on the same line. */
static void
begin_value (DlJsonWriter *self)
{
  Level *level;

  if (self->after_member)
    {
      self->after_member = FALSE;
      return;
    }
  if (self->levels->len == 0)
    return;
  level = &g_array_index (self->levels, Level, self->levels->len - 1);
  g_assert (level->array);
  if (level->count++ > 0)
    g_string_append_c (self->out, ',');
  indent (self);
}

static void
open_level (DlJsonWriter *self,
            gboolean      array)
{
  Level level = { array, 0 };

  begin_value (self);
  g_string_append_c (self->out, array ? '[' : '{');
  g_array_append_val (self->levels, level);
}

static void
close_level (DlJsonWriter *self,
             gboolean      array)
{
  Level level;

  g_return_if_fail (self->levels->len > 0);
  level = g_array_index (self->levels, Level, self->levels->len - 1);
  g_return_if_fail (level.array == array);
  g_array_set_size (self->levels, self->levels->len - 1);
  if (level.count > 0)
    indent (self);
  else if (!array)
    g_string_append (self->out, "  ");
  g_string_append_c (self->out, array ? ']' : '}');
}

void
dl_json_writer_begin_object (DlJsonWriter *self)
{
  open_level (self, FALSE);
}

void
dl_json_writer_end_object (DlJsonWriter *self)
{
  close_level (self, FALSE);
}

void
dl_json_writer_begin_array (DlJsonWriter *self)
{
  open_level (self, TRUE);
}

void
dl_json_writer_end_array (DlJsonWriter *self)
{
  close_level (self, TRUE);
}

/**
 * dl_json_writer_member:
 *
 * Starts a member of the current object; its value is written next.
 */
void
dl_json_writer_member (DlJsonWriter *self,
                       const char   *name)
{
  Level *level;

  g_return_if_fail (self->levels->len > 0);
  level = &g_array_index (self->levels, Level, self->levels->len - 1);
  g_return_if_fail (!level->array && !self->after_member);

  if (level->count++ > 0)
    g_string_append_c (self->out, ',');
  indent (self);
  dl_json_append_string (self->out, name);
  g_string_append (self->out, " : ");
  self->after_member = TRUE;
}

void
dl_json_writer_string (DlJsonWriter *self,
                       const char   *value)
{
  begin_value (self);
  dl_json_append_string (self->out, value != NULL ? value : "");
}

void
dl_json_writer_int (DlJsonWriter *self,
                    gint64        value)
{
  begin_value (self);
  g_string_append_printf (self->out, "%" G_GINT64_FORMAT, value);
}

void
dl_json_writer_null (DlJsonWriter *self)
{
  begin_value (self);
  g_string_append (self->out, "null");
}

void
dl_json_writer_boolean (DlJsonWriter *self,
                        gboolean      value)
{
  begin_value (self);
  g_string_append (self->out, value ? "true" : "false");
}

/**
 * dl_json_writer_raw:
 * @json: a complete JSON value, compact (dl_json_compact())
 *
 * Writes @json as it is.
 */
void
dl_json_writer_raw (DlJsonWriter *self,
                    const char   *json)
{
  begin_value (self);
  g_string_append (self->out, json);
}

/**
 * dl_json_append_string:
 *
 * Appends @value as a JSON string: quotes, backslashes and control
 * characters escaped, everything else as UTF-8.
 */
void
dl_json_append_string (GString    *out,
                       const char *value)
{
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}
