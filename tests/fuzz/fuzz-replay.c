/* fuzz-replay.c: runs a fuzz target over its corpus without libFuzzer
 *
 * Every build (gcc, the ASan build) runs each fuzz target over the
 * inputs in its seed corpus, so what fuzzing found once stays fixed.
 * With -Dfuzzing=true and clang, libFuzzer's own main is used instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
main (int   argc,
      char *argv[])
{
  guint n = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (argv[i], 0, NULL);
      const char *name;

      if (dir == NULL)
        {
          g_printerr ("%s: cannot open %s\n", argv[0], argv[i]);
          return 1;
        }
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (argv[i], name, NULL);
          g_autofree char *contents = NULL;
          gsize length = 0;

          if (!g_file_get_contents (path, &contents, &length, NULL))
            continue;
          LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
          n++;
        }
    }
  printf ("%u inputs ran without a finding\n", n);
  return n > 0 ? 0 : 1;
}
