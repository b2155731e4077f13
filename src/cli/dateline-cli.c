/* dateline-cli.c: the program; the commands are in dl-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n-lib.h>

#include "dl-cli.h"
#include "dl-util.h"

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, dl_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* Standard output is for results (IDs, JSON) that scripts read; every
   * log message, debug ones included, goes to standard error. */
  g_log_writer_default_set_use_stderr (TRUE);

  return dl_cli_main (argc, argv);
}
