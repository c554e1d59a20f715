/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-language"

#include "hs-i18n.h"
#include "hs-language.h"

/* The LANGUAGE the user started us with, restored when the preference goes
 * back to following the system. */
static char *system_language;
static gboolean system_language_saved;

gboolean
hs_language_is_valid (const char *language)
{
  return g_strcmp0 (language, "rw") == 0 || g_strcmp0 (language, "en") == 0;
}

/* @language is "rw", "en", or "" for the system's choice. Called before GTK
 * starts, and again when the preference changes: gettext rereads LANGUAGE
 * after setlocale, so windows built afterwards speak the new language. */
void
hs_language_apply (const char *language)
{
  if (!system_language_saved)
    {
      system_language = g_strdup (g_getenv ("LANGUAGE"));
      system_language_saved = TRUE;
    }

  if (!hs_language_is_valid (language))
    {
      if (system_language != NULL)
        g_setenv ("LANGUAGE", system_language, TRUE);
      else
        g_unsetenv ("LANGUAGE");
      language = NULL;
    }

  hs_i18n_init (language);
}
