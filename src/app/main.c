/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "nb-application.h"
#include "nb-locale.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(NbApplication) app = NULL;

  nb_locale_init (argv[0]);
  app = nb_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
