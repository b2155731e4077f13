/* dl-hidden-characters.c
 *
 * Text pasted from a wire, a PDF or a web page often carries characters
 * nobody sees: zero-width spaces, byte-order marks, soft hyphens, and
 * bidi controls. The last are also a spoofing tool: U+202E (RIGHT-TO-LEFT
 * OVERRIDE) makes "gpj.exe" read "exe.jpg". Dateline shows them in the
 * editor (with a way to remove them), keeps them from leaking into the
 * rest of the page, and leaves them out of the page title.
 *
 * Left alone, because languages need them: ZERO WIDTH NON-JOINER and
 * JOINER (Persian, Indic scripts, emoji) and the LEFT-TO-RIGHT and
 * RIGHT-TO-LEFT MARKs of mixed-direction text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-hidden-characters.h"

#define LRE 0x202a
#define RLE 0x202b
#define PDF 0x202c
#define LRO 0x202d
#define RLO 0x202e
#define LRI 0x2066
#define RLI 0x2067
#define FSI 0x2068
#define PDI 0x2069

static const char *
character_name (gunichar c)
{
  switch (c)
    {
    case 0x00ad: return C_("character", "soft hyphen");
    case 0x180e: return C_("character", "Mongolian vowel separator");
    case 0x200b: return C_("character", "zero width space");
    case LRE: return C_("character", "left-to-right embedding");
    case RLE: return C_("character", "right-to-left embedding");
    case PDF: return C_("character", "pop directional formatting");
    case LRO: return C_("character", "left-to-right override");
    case RLO: return C_("character", "right-to-left override");
    case 0x2060: return C_("character", "word joiner");
    case 0x2061: case 0x2062: case 0x2063: case 0x2064:
      return C_("character", "invisible mathematical operator");
    case LRI: return C_("character", "left-to-right isolate");
    case RLI: return C_("character", "right-to-left isolate");
    case FSI: return C_("character", "first strong isolate");
    case PDI: return C_("character", "pop directional isolate");
    case 0xfeff: return C_("character", "zero width no-break space (byte order mark)");
    default: return NULL;
    }
}

/**
 * dl_hidden_character_is_one:
 *
 * Returns: whether @c is invisible or reorders text, and is not needed
 *   by any language's writing
 */
gboolean
dl_hidden_character_is_one (gunichar c)
{
  return character_name (c) != NULL;
}

/**
 * dl_hidden_characters_describe:
 *
 * Returns: (transfer full) (nullable): the hidden characters in @text,
 *   each once, named and numbered ("right-to-left override (U+202E)"),
 *   translated; %NULL when there are none
 */
char *
dl_hidden_characters_describe (const char *text)
{
  g_autoptr(GString) out = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *name = character_name (c);

      if (name == NULL || !g_hash_table_add (seen, GUINT_TO_POINTER (c)))
        continue;
      if (out == NULL)
        out = g_string_new (NULL);
      else
        /* Translators: separates the names of characters in a list */
        g_string_append (out, C_("list separator", ", "));
      /* Translators: a character's name, then its number */
      g_string_append_printf (out, C_("character", "%s (U+%04X)"), name, c);
    }
  return out != NULL ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/**
 * dl_hidden_characters_remove:
 *
 * Returns: (transfer full): @text without its hidden characters
 */
char *
dl_hidden_characters_remove (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!dl_hidden_character_is_one (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

/**
 * dl_hidden_characters_closing:
 *
 * An embedding, override or isolate opened in @text and not closed goes
 * on over whatever follows. This is what closes them, in order.
 *
 * Returns: (transfer full): the closing characters, often ""
 */
char *
dl_hidden_characters_closing (const char *text)
{
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (gunichar));
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case LRE: case RLE: case LRO: case RLO:
          {
            gunichar closer = PDF;
            g_array_append_val (open, closer);
          }
          break;
        case LRI: case RLI: case FSI:
          {
            gunichar closer = PDI;
            g_array_append_val (open, closer);
          }
          break;
        case PDF:
          /* Closes the innermost embedding, unless an isolate is in the way. */
          if (open->len > 0 && g_array_index (open, gunichar, open->len - 1) == PDF)
            g_array_set_size (open, open->len - 1);
          break;
        case PDI:
          /* Closes the innermost isolate and every embedding inside it. */
          for (guint i = open->len; i > 0; i--)
            if (g_array_index (open, gunichar, i - 1) == PDI)
              {
                g_array_set_size (open, i - 1);
                break;
              }
          break;
        default:
          break;
        }
    }
  for (guint i = open->len; i > 0; i--)
    g_string_append_unichar (out, g_array_index (open, gunichar, i - 1));
  return g_string_free (out, FALSE);
}
