/* dl-cli-output.c
 *
 * Article fields and error messages come from files anybody may have
 * written. Printed raw, an ESC or a C1 control in a headline or a status
 * can retitle the terminal, move the cursor or clear lines, and print a
 * fake "valid" over a real error; a bidi override can reorder what is
 * shown. Every such character is written as a visible escape instead
 * (\x1b, \u202e). Values on one line also escape their line breaks, so
 * no field can forge a line of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dl-cli-output.h"

static gboolean
needs_escape (gunichar c,
              gboolean keep_lines)
{
  if (keep_lines && (c == '\n' || c == '\t'))
    return FALSE;
  return c < 0x20 || c == 0x7f
         || (c >= 0x80 && c <= 0x9f)          /* C1 controls: 8-bit CSI, OSC… */
         || (c >= 0x202a && c <= 0x202e)      /* bidi embeddings and overrides */
         || (c >= 0x2066 && c <= 0x2069);     /* bidi isolates */
}

static char *
escape (const char *text,
        gboolean    keep_lines)
{
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not UTF-8: show the byte. */
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      if (needs_escape (c, keep_lines))
        {
          if (c < 0x100)
            g_string_append_printf (out, "\\x%02x", c);
          else
            g_string_append_printf (out, "\\u%04x", c);
        }
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

/**
 * dl_cli_escape:
 *
 * For a value printed on one line: every control character, line breaks
 * included, becomes a visible escape.
 *
 * Returns: (transfer full): text safe to print
 */
char *
dl_cli_escape (const char *text)
{
  return escape (text, FALSE);
}

/**
 * dl_cli_escape_lines:
 *
 * For text printed as lines (the body): keeps line breaks and tabs.
 *
 * Returns: (transfer full): text safe to print
 */
char *
dl_cli_escape_lines (const char *text)
{
  return escape (text, TRUE);
}

/**
 * dl_cli_print_error:
 *
 * "dateline-cli COMMAND: message" on the standard error, escaped.
 */
void
dl_cli_print_error (const char *message)
{
  g_autofree char *safe = dl_cli_escape (message);

  g_printerr ("%s: %s\n", g_get_prgname (), safe);
}

/**
 * dl_cli_escape_json:
 * @json: JSON text, as json-glib wrote it
 *
 * json-glib escapes C0 controls but writes C1 controls and bidi
 * overrides as they are. Outside strings JSON has none of them, so
 * writing each as \uXXXX keeps the document the same, and the terminal
 * safe.
 *
 * Returns: (transfer full): the JSON, safe to print
 */
char *
dl_cli_escape_json (const char *json)
{
  GString *out = g_string_sized_new (strlen (json));

  for (const char *p = json; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x20 && needs_escape (c, TRUE))
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

/**
 * dl_cli_print_json:
 * @builder: a complete document
 *
 * Prints it pretty, escaped for a terminal the JSON way, with a newline.
 */
void
dl_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;
  g_autofree char *safe = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  safe = dl_cli_escape_json (text);
  g_print ("%s\n", safe);
}
