/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "healing-spaces"

#include <gtk/gtk.h>
#include <string.h>

#include "hs-application.h"
#include "hs-language.h"
#include "hs-settings.h"

/* --lang must act before GTK and gettext start, long before GApplication
 * parses the command line, so it is picked out here by hand. */
static char *
find_language_option (int    argc,
                      char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--") == 0)
        break;
      if (strcmp (argv[i], "--lang") == 0 && i + 1 < argc)
        return g_strdup (argv[i + 1]);
      if (g_str_has_prefix (argv[i], "--lang="))
        return g_strdup (argv[i] + strlen ("--lang="));
    }
  return NULL;
}

static char *
get_language (int    argc,
              char **argv)
{
  g_autofree char *option = find_language_option (argc, argv);
  g_autoptr(GSettings) settings = NULL;

  if (hs_language_is_valid (option))
    return g_steal_pointer (&option);

  settings = hs_settings_new ();
  return g_settings_get_string (settings, "language");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HsApplication) app = NULL;
  g_autofree char *language = NULL;

  /* The language is chosen here, not from the environment by GTK:
   * LANGUAGE, setlocale() and the text domain, see hs_i18n_init(). */
  gtk_disable_setlocale ();
  language = get_language (argc, argv);
  hs_language_apply (language);

  app = hs_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
