/* dl-json-reader.c
 *
 * Every JSON document Dateline reads comes from outside: a library file
 * another program may have written, an agency feed item, a server's
 * answer. json-glib's parser is recursive (100,000 nested brackets
 * overflow the stack), returns no root and no error for a blank file,
 * cuts strings at an escaped NUL and wraps integers beyond 64 bits. This
 * reader is iterative, strict RFC 8259, and bounded by dl-limits.h; it
 * still builds json-glib nodes, so readers of known members keep using
 * the familiar API.
 *
 * It can also hand back the source text of any value down to a given
 * depth (dl_json_document_dup_source()): that is how members this
 * version does not know survive a round trip exactly, numbers included,
 * without being re-printed through a double.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-json-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dl-json-reader.h"
#include "dl-limits.h"

G_DEFINE_QUARK (dl-json-error-quark, dl_json_error)

typedef struct
{
  gsize start;
  gsize length;
} Span;

struct _DlJsonDocument
{
  char       *source;    /* a copy: spans point into it */
  gsize       length;
  JsonNode   *root;
  GHashTable *spans;     /* JsonNode * → Span *, for nodes up to source_depth */
};

typedef struct
{
  JsonNode *node;        /* an object or an array being filled */
  char     *key;         /* objects: the member whose value comes next */
  gsize     start;
} Frame;

typedef enum
{
  EXPECT_VALUE,
  EXPECT_KEY,
  EXPECT_AFTER_VALUE,
} Expect;

typedef struct
{
  const char *data;
  gsize       length;
  gsize       pos;
  guint       source_depth;
  guint       n_nodes;
  GArray     *stack;     /* Frame */
  GHashTable *spans;
  JsonNode   *root;
} Parser;

/* ------------------------------------------------------------------ */
/* Errors                                                              */

static void
position_of (const Parser *parser,
             gsize         pos,
             guint        *line,
             guint        *column)
{
  *line = 1;
  *column = 1;
  for (gsize i = 0; i < pos && i < parser->length; i++)
    {
      if (parser->data[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      /* Columns count characters, not bytes. */
      else if (((guchar) parser->data[i] & 0xc0) != 0x80)
        (*column)++;
    }
}

G_GNUC_PRINTF (5, 6)
static gboolean
fail_at (Parser      *parser,
         gsize        pos,
         int          code,
         GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *detail = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  position_of (parser, pos, &line, &column);
  /* Translators: where a problem is in a file, then the problem */
  g_set_error (error, DL_JSON_ERROR, code, _("line %u, column %u: %s"), line, column, detail);
  return FALSE;
}

static char *
describe_char (const char *p,
               const char *end)
{
  gunichar c;

  if (p >= end)
    return g_strdup ("");
  c = g_utf8_get_char (p);
  if (c < 0x20 || c == 0x7f)
    return g_strdup_printf ("U+%04X", c);
  return g_strndup (p, g_utf8_next_char (p) - p);
}

/* ------------------------------------------------------------------ */
/* Lexing                                                              */

static void
skip_white_space (Parser *parser)
{
  while (parser->pos < parser->length)
    {
      char c = parser->data[parser->pos];

      if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        break;
      parser->pos++;
    }
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Parser   *parser,
           gsize     at,
           gunichar *out)
{
  gunichar value = 0;

  if (at + 4 > parser->length)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      int digit = hex_value (parser->data[at + i]);

      if (digit < 0)
        return FALSE;
      value = value * 16 + digit;
    }
  *out = value;
  return TRUE;
}

/* Reads the string starting at the opening quote; *out gets its text. */
static gboolean
read_string (Parser   *parser,
             char    **out,
             GError  **error)
{
  gsize start = parser->pos;
  gsize run_start;
  GString *text = NULL;

  g_assert (parser->data[parser->pos] == '"');
  parser->pos++;
  run_start = parser->pos;

  for (;;)
    {
      guchar c;

      if (parser->pos >= parser->length)
        {
          if (text != NULL)
            g_string_free (text, TRUE);
          /* Translators: a problem in a JSON file; it follows "line 3, column 7: " */
          return fail_at (parser, start, DL_JSON_ERROR_SYNTAX, error, "%s", _("a text is not closed by a quotation mark"));
        }
      c = parser->data[parser->pos];

      if (c == '"')
        {
          gsize run = parser->pos - run_start;

          if (text == NULL)
            {
              if (run > DL_LIMIT_STRING_BYTES)
                goto too_long;
              *out = g_strndup (parser->data + run_start, run);
            }
          else
            {
              g_string_append_len (text, parser->data + run_start, run);
              if (text->len > DL_LIMIT_STRING_BYTES)
                goto too_long;
              *out = g_string_free (text, FALSE);
            }
          parser->pos++;
          return TRUE;
        }

      if (c < 0x20)
        {
          if (text != NULL)
            g_string_free (text, TRUE);
          return fail_at (parser, parser->pos, DL_JSON_ERROR_SYNTAX, error,
                          /* Translators: follows "line 3, column 7: "; U+%04X is the character's Unicode
                           * number, such as U+0009 (a tab) */
                          _("the control character U+%04X must be escaped inside a text"), c);
        }

      if (c != '\\')
        {
          parser->pos++;
          continue;
        }

      /* An escape: from here on the text is built. */
      if (text == NULL)
        text = g_string_new (NULL);
      g_string_append_len (text, parser->data + run_start, parser->pos - run_start);
      if (text->len > DL_LIMIT_STRING_BYTES)
        goto too_long;

      if (parser->pos + 1 >= parser->length)
        {
          /* A backslash ends the document: an unclosed text. */
          parser->pos = parser->length;
          continue;
        }

      switch (parser->data[parser->pos + 1])
        {
        case '"': g_string_append_c (text, '"'); parser->pos += 2; break;
        case '\\': g_string_append_c (text, '\\'); parser->pos += 2; break;
        case '/': g_string_append_c (text, '/'); parser->pos += 2; break;
        case 'b': g_string_append_c (text, '\b'); parser->pos += 2; break;
        case 'f': g_string_append_c (text, '\f'); parser->pos += 2; break;
        case 'n': g_string_append_c (text, '\n'); parser->pos += 2; break;
        case 'r': g_string_append_c (text, '\r'); parser->pos += 2; break;
        case 't': g_string_append_c (text, '\t'); parser->pos += 2; break;
        case 'u':
          {
            gunichar unit, low;
            gsize escape = parser->pos;

            if (!read_hex4 (parser, parser->pos + 2, &unit))
              goto bad_escape;
            parser->pos += 6;
            if (unit >= 0xdc00 && unit <= 0xdfff)
              goto bad_escape;
            if (unit >= 0xd800 && unit <= 0xdbff)
              {
                /* A character beyond the BMP: a surrogate pair. */
                if (parser->pos + 1 >= parser->length
                    || parser->data[parser->pos] != '\\'
                    || parser->data[parser->pos + 1] != 'u'
                    || !read_hex4 (parser, parser->pos + 2, &low)
                    || low < 0xdc00 || low > 0xdfff)
                  {
                    parser->pos = escape;
                    goto bad_escape;
                  }
                parser->pos += 6;
                unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
              }
            if (unit == 0)
              {
                g_string_free (text, TRUE);
                /* Translators: a problem in a JSON file; it follows "line 3, column 7: " */
                return fail_at (parser, escape, DL_JSON_ERROR_NUL, error, "%s", _("a text contains the character U+0000 (NUL), which Dateline cannot keep"));
              }
            g_string_append_unichar (text, unit);
          }
          break;
        default:
          goto bad_escape;
        }
      run_start = parser->pos;
    }

bad_escape:
  {
    g_string_free (text, TRUE);
    /* Translators: a problem in a JSON file; it follows "line 3, column 7: " */
    return fail_at (parser, parser->pos, DL_JSON_ERROR_SYNTAX, error, "%s", _("an invalid escape sequence in a text"));
  }

too_long:
  if (text != NULL)
    g_string_free (text, TRUE);
  {
    g_autofree char *size = g_format_size_full (DL_LIMIT_STRING_BYTES, G_FORMAT_SIZE_IEC_UNITS);
    /* Translators: follows "line 3, column 7: "; %s is a size, "16.0 MiB" */
    g_autofree char *detail = g_strdup_printf (_("a text is longer than %s"), size);

    return fail_at (parser, start, DL_JSON_ERROR_LIMIT, error, "%s", detail);
  }
}

static gboolean
read_number (Parser    *parser,
             JsonNode **out,
             GError   **error)
{
  gsize start = parser->pos;
  const char *p = parser->data;
  gsize i = parser->pos;
  gsize end = parser->length;
  gboolean integral = TRUE;
  g_autofree char *lexeme = NULL;
  JsonNode *node;

  if (i < end && p[i] == '-')
    i++;
  if (i < end && p[i] == '0')
    i++;
  else if (i < end && p[i] >= '1' && p[i] <= '9')
    while (i < end && g_ascii_isdigit (p[i]))
      i++;
  else
    /* Translators: a problem in a JSON file; it follows "line 3, column 7: " */
    return fail_at (parser, start, DL_JSON_ERROR_SYNTAX, error, "%s", _("an invalid number"));

  if (i < end && p[i] == '.')
    {
      integral = FALSE;
      i++;
      if (i >= end || !g_ascii_isdigit (p[i]))
        return fail_at (parser, start, DL_JSON_ERROR_SYNTAX, error, "%s", _("an invalid number"));
      while (i < end && g_ascii_isdigit (p[i]))
        i++;
    }
  if (i < end && (p[i] == 'e' || p[i] == 'E'))
    {
      integral = FALSE;
      i++;
      if (i < end && (p[i] == '+' || p[i] == '-'))
        i++;
      if (i >= end || !g_ascii_isdigit (p[i]))
        return fail_at (parser, start, DL_JSON_ERROR_SYNTAX, error, "%s", _("an invalid number"));
      while (i < end && g_ascii_isdigit (p[i]))
        i++;
    }

  lexeme = g_strndup (p + start, i - start);
  parser->pos = i;
  node = json_node_new (JSON_NODE_VALUE);
  if (integral)
    {
      gint64 value;

      /* Beyond 64 bits the value is read as a double; the exact digits
       * survive through the source text (dl_json_document_dup_source()). */
      if (g_ascii_string_to_signed (lexeme, 10, G_MININT64, G_MAXINT64, &value, NULL))
        {
          json_node_set_int (node, value);
          *out = node;
          return TRUE;
        }
    }
  json_node_set_double (node, g_ascii_strtod (lexeme, NULL));
  *out = node;
  return TRUE;
}

static gboolean
read_literal (Parser    *parser,
              JsonNode **out,
              GError   **error)
{
  static const struct { const char *word; int kind; } literals[] = {
    { "true", 1 }, { "false", 0 }, { "null", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize len = strlen (literals[i].word);

      if (parser->pos + len <= parser->length
          && memcmp (parser->data + parser->pos, literals[i].word, len) == 0)
        {
          parser->pos += len;
          if (literals[i].kind < 0)
            *out = json_node_new (JSON_NODE_NULL);
          else
            {
              *out = json_node_new (JSON_NODE_VALUE);
              json_node_set_boolean (*out, literals[i].kind);
            }
          return TRUE;
        }
    }
  {
    g_autofree char *what = describe_char (parser->data + parser->pos, parser->data + parser->length);

    if (parser->data[parser->pos] == '/')
      /* Translators: a problem in a JSON file; it follows "line 3, column 7: " */
      return fail_at (parser, parser->pos, DL_JSON_ERROR_SYNTAX, error, "%s", _("a comment, which JSON does not allow"));
    /* Translators: follows "line 3, column 7: "; %s is the character found there,
     * such as "x", or its Unicode number, such as "U+0007" */
    return fail_at (parser, parser->pos, DL_JSON_ERROR_SYNTAX, error, _("unexpected “%s”"), what);
  }
}

/* ------------------------------------------------------------------ */
/* Tree building                                                       */

static void
frame_clear (gpointer data)
{
  Frame *frame = data;

  g_clear_pointer (&frame->node, json_node_unref);
  g_clear_pointer (&frame->key, g_free);
}

static gboolean
count_node (Parser  *parser,
            GError **error)
{
  if (++parser->n_nodes <= DL_LIMIT_JSON_NODES)
    return TRUE;
  g_set_error (error, DL_JSON_ERROR, DL_JSON_ERROR_LIMIT,
               /* Translators: %u is the most values a document may hold, 200000 */
               _("The document holds more than %u values."), (guint) DL_LIMIT_JSON_NODES);
  return FALSE;
}

/* A value is complete: it becomes the root or goes into its container.
 * Takes @node. */
static gboolean
complete_value (Parser    *parser,
                JsonNode  *node,
                gsize      start,
                GError   **error)
{
  guint depth = parser->stack->len;

  if (parser->spans != NULL && depth <= parser->source_depth)
    {
      Span *span = g_new (Span, 1);

      span->start = start;
      span->length = parser->pos - start;
      g_hash_table_insert (parser->spans, node, span);
    }

  if (depth == 0)
    {
      parser->root = node;
      return TRUE;
    }

  {
    Frame *top = &g_array_index (parser->stack, Frame, depth - 1);

    if (JSON_NODE_HOLDS_OBJECT (top->node))
      {
        g_autofree char *key = g_steal_pointer (&top->key);

        json_object_set_member (json_node_get_object (top->node), key, node);
      }
    else
      json_array_add_element (json_node_get_array (top->node), node);
  }
  return TRUE;
}

static gboolean
push_container (Parser  *parser,
                gboolean object,
                GError **error)
{
  Frame frame = { 0 };

  if (parser->stack->len >= DL_LIMIT_JSON_DEPTH)
    {
      /* Translators: follows "line 3, column 7: "; %u is the most levels allowed, 64 */
      g_autofree char *detail = g_strdup_printf (_("the data is nested more than %u levels deep"),
                                                 (guint) DL_LIMIT_JSON_DEPTH);

      return fail_at (parser, parser->pos, DL_JSON_ERROR_LIMIT, error, "%s", detail);
    }
  if (!count_node (parser, error))
    return FALSE;

  frame.start = parser->pos;
  if (object)
    {
      frame.node = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (frame.node, json_object_new ());
    }
  else
    {
      frame.node = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (frame.node, json_array_new ());
    }
  g_array_append_val (parser->stack, frame);
  parser->pos++;
  return TRUE;
}

static gboolean
pop_container (Parser  *parser,
               GError **error)
{
  Frame *top = &g_array_index (parser->stack, Frame, parser->stack->len - 1);
  JsonNode *node = g_steal_pointer (&top->node);
  gsize start = top->start;

  parser->pos++;   /* the closing bracket */
  g_array_set_size (parser->stack, parser->stack->len - 1);
  return complete_value (parser, node, start, error);
}

static gboolean
parse (Parser  *parser,
       GError **error)
{
  Expect expect = EXPECT_VALUE;

  for (;;)
    {
      Frame *top = parser->stack->len > 0
                   ? &g_array_index (parser->stack, Frame, parser->stack->len - 1) : NULL;
      char c;

      skip_white_space (parser);

      if (expect == EXPECT_AFTER_VALUE && top == NULL)
        {
          if (parser->pos < parser->length)
            /* Translators: a problem in a JSON file; it follows "line 3, column 7: " */
            return fail_at (parser, parser->pos, DL_JSON_ERROR_SYNTAX, error, "%s", _("more text after the end of the document"));
          return TRUE;
        }

      if (parser->pos >= parser->length)
        /* Translators: a problem in a JSON file; it follows "line 3, column 7: " */
        return fail_at (parser, parser->pos, DL_JSON_ERROR_SYNTAX, error, "%s", _("the document ends too early"));
      c = parser->data[parser->pos];

      switch (expect)
        {
        case EXPECT_VALUE:
          {
            JsonNode *node = NULL;
            gsize start = parser->pos;

            if (c == '{' || c == '[')
              {
                if (!push_container (parser, c == '{', error))
                  return FALSE;
                skip_white_space (parser);
                if (parser->pos < parser->length && parser->data[parser->pos] == (c == '{' ? '}' : ']'))
                  {
                    if (!pop_container (parser, error))
                      return FALSE;
                    expect = EXPECT_AFTER_VALUE;
                  }
                else
                  expect = c == '{' ? EXPECT_KEY : EXPECT_VALUE;
                continue;
              }

            if (!count_node (parser, error))
              return FALSE;
            if (c == '"')
              {
                char *text = NULL;

                if (!read_string (parser, &text, error))
                  return FALSE;
                node = json_node_new (JSON_NODE_VALUE);
                json_node_set_string (node, text);
                g_free (text);
              }
            else if (c == '-' || g_ascii_isdigit (c))
              {
                if (!read_number (parser, &node, error))
                  return FALSE;
              }
            else if (!read_literal (parser, &node, error))
              return FALSE;

            if (!complete_value (parser, node, start, error))
              return FALSE;
            expect = EXPECT_AFTER_VALUE;
          }
          break;

        case EXPECT_KEY:
          {
            gsize start = parser->pos;
            char *key = NULL;

            if (c != '"')
              {
                g_autofree char *what = describe_char (parser->data + parser->pos,
                                                       parser->data + parser->length);
                return fail_at (parser, parser->pos, DL_JSON_ERROR_SYNTAX, error,
                                /* Translators: follows "line 3, column 7: "; %s is the character found
                                 * instead, such as "}"; a member is a name and its value in a JSON object */
                                _("expected the name of a member in quotation marks, found “%s”"), what);
              }
            if (!read_string (parser, &key, error))
              return FALSE;
            if (json_object_has_member (json_node_get_object (top->node), key))
              {
                /* Translators: follows "line 3, column 7: "; %s is a member's name in the
                 * document, such as "headline" */
                g_autofree char *detail = g_strdup_printf (_("the member “%s” appears twice in one object"), key);

                g_free (key);
                return fail_at (parser, start, DL_JSON_ERROR_DUPLICATE, error, "%s", detail);
              }
            g_free (top->key);
            top->key = key;
            skip_white_space (parser);
            if (parser->pos >= parser->length || parser->data[parser->pos] != ':')
              /* Translators: a problem in a JSON file; it follows "line 3, column 7: " */
              return fail_at (parser, parser->pos, DL_JSON_ERROR_SYNTAX, error, "%s", _("expected “:” after the name of a member"));
            parser->pos++;
            expect = EXPECT_VALUE;
          }
          break;

        case EXPECT_AFTER_VALUE:
          {
            gboolean object = JSON_NODE_HOLDS_OBJECT (top->node);

            if (c == ',')
              {
                parser->pos++;
                expect = object ? EXPECT_KEY : EXPECT_VALUE;
              }
            else if (c == (object ? '}' : ']'))
              {
                if (!pop_container (parser, error))
                  return FALSE;
              }
            else
              {
                g_autofree char *what = describe_char (parser->data + parser->pos,
                                                       parser->data + parser->length);
                return fail_at (parser, parser->pos, DL_JSON_ERROR_SYNTAX, error,
                                /* Translators: follows "line 3, column 7: "; %s is the character found
                                 * instead, such as "]" */
                                object ? _("expected “,” or “}”, found “%s”") : _("expected “,” or “]”, found “%s”"),
                                what);
              }
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

/**
 * dl_json_document_parse:
 * @data: the document
 * @length: its length in bytes
 * @source_depth: values nested up to this depth (0 = the root, 1 = its
 *   members or elements, …) keep their source text for
 *   dl_json_document_dup_source(); 0 with no root span keeps none
 * @error: DL_JSON_ERROR: a translated message with line and column
 *
 * Reads a UTF-8 JSON document (a leading byte-order mark is skipped)
 * within the limits of dl-limits.h, without recursion.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
DlJsonDocument *
dl_json_document_parse (const char  *data,
                        gsize        length,
                        guint        source_depth,
                        GError     **error)
{
  g_autoptr(GArray) stack = NULL;
  DlJsonDocument *self;
  Parser parser = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > DL_LIMIT_FILE_BYTES)
    {
      g_autofree char *limit = g_format_size_full (DL_LIMIT_FILE_BYTES, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, DL_JSON_ERROR, DL_JSON_ERROR_LIMIT,
                   /* Translators: %s is a size, "32.0 MiB" */
                   _("The document is larger than %s."), limit);
      return NULL;
    }
  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error_literal (error, DL_JSON_ERROR, DL_JSON_ERROR_ENCODING,
                           _("The file is not valid UTF-8 text."));
      return NULL;
    }

  self = g_new0 (DlJsonDocument, 1);
  self->source = g_strndup (data, length);
  self->length = length;
  self->spans = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  parser.data = self->source;
  parser.length = length;
  parser.source_depth = source_depth;
  parser.spans = self->spans;
  stack = g_array_new (FALSE, TRUE, sizeof (Frame));
  g_array_set_clear_func (stack, frame_clear);
  parser.stack = stack;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    parser.pos = 3;
  skip_white_space (&parser);
  if (parser.pos >= length)
    {
      g_set_error_literal (error, DL_JSON_ERROR, DL_JSON_ERROR_EMPTY,
                           length == 0 ? _("The file is empty.") : _("The file holds only white space."));
      dl_json_document_free (self);
      return NULL;
    }

  if (!parse (&parser, error))
    {
      g_clear_pointer (&parser.root, json_node_unref);
      /* The spans point at nodes the stack is about to free. */
      g_hash_table_remove_all (self->spans);
      g_array_set_size (stack, 0);
      dl_json_document_free (self);
      return NULL;
    }

  self->root = parser.root;
  return self;
}

/**
 * dl_json_document_get_root:
 *
 * Returns: (transfer none): the root value; never %NULL
 */
JsonNode *
dl_json_document_get_root (DlJsonDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->root;
}

/**
 * dl_json_document_dup_source:
 * @node: a value of the document, at most `source_depth` deep
 *
 * The value as written in the document, white space outside strings
 * removed: numbers keep every digit and strings their escapes.
 *
 * Returns: (transfer full) (nullable): compact JSON text, or %NULL if
 *   @node is deeper than the document recorded
 */
char *
dl_json_document_dup_source (DlJsonDocument *self,
                             JsonNode       *node)
{
  Span *span;

  g_return_val_if_fail (self != NULL, NULL);

  span = g_hash_table_lookup (self->spans, node);
  if (span == NULL)
    return NULL;
  return dl_json_compact (self->source + span->start, span->length);
}

void
dl_json_document_free (DlJsonDocument *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->spans, g_hash_table_unref);
  g_clear_pointer (&self->root, json_node_unref);
  g_free (self->source);
  g_free (self);
}

/**
 * dl_json_compact:
 * @json: well-formed JSON text
 *
 * Removes the white space between tokens; strings are copied byte for
 * byte. Linear in @length whatever the nesting.
 *
 * Returns: (transfer full): the compact text
 */
char *
dl_json_compact (const char *json,
                 gsize       length)
{
  GString *out = g_string_sized_new (length);
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = json[i];

      if (in_string)
        {
          g_string_append_c (out, c);
          if (c == '\\' && i + 1 < length)
            g_string_append_c (out, json[++i]);
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        continue;
      if (c == '"')
        in_string = TRUE;
      g_string_append_c (out, c);
    }
  return g_string_free (out, FALSE);
}
