/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-i18n"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "hs-i18n.h"

/* The catalogues of an installed build, else those meson compiled in the
 * build tree, so that an uninstalled build speaks Kinyarwanda too. */
static const char *
find_locale_dir (void)
{
  g_autofree char *installed = g_build_filename (LOCALEDIR, "rw", "LC_MESSAGES",
                                                 GETTEXT_PACKAGE ".mo", NULL);

#ifdef HS_BUILD_LOCALEDIR
  if (!g_file_test (installed, G_FILE_TEST_EXISTS))
    return HS_BUILD_LOCALEDIR;
#endif
  return LOCALEDIR;
}

void
hs_i18n_init (const char *language)
{
  if (language != NULL && *language != '\0')
    g_setenv ("LANGUAGE", language, TRUE);

  /* A language other than English needs a non-C locale for gettext to
   * translate at all; rw_RW is rarely generated, C.UTF-8 always is. */
  if (setlocale (LC_ALL, "") == NULL || g_strcmp0 (setlocale (LC_MESSAGES, NULL), "C") == 0)
    setlocale (LC_ALL, "C.UTF-8");

  bindtextdomain (GETTEXT_PACKAGE, find_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

const char *
hs_i18n_get_language (void)
{
  const char * const *names = g_get_language_names ();
  const char *language = g_getenv ("LANGUAGE");

  if (language != NULL && g_str_has_prefix (language, "rw"))
    return "rw";
  if (language != NULL && *language != '\0')
    return "en";
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_has_prefix (names[i], "rw"))
      return "rw";
  return "en";
}
