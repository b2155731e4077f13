/* main.c: the dateline program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "dl-application.h"
#include "dl-util.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DlApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, dl_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Translators: the application's name (the word for a story's opening
   * line has the context "editor section"); most languages keep it */
  g_set_application_name (_("Dateline"));

  app = dl_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
