/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-settings"

#include "hs-settings.h"

/* Uses the installed schema when there is one, so that an installed build
 * behaves as users expect; otherwise the one compiled into the build tree,
 * so that the app and its tests run uninstalled. */
GSettings *
hs_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchemaSource) build_source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GError) error = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      build_source = g_settings_schema_source_new_from_directory (HS_BUILD_SCHEMA_DIR, source,
                                                                  FALSE, &error);
      if (build_source != NULL)
        schema = g_settings_schema_source_lookup (build_source, APP_ID, FALSE);
    }

  if (schema == NULL)
    g_error ("The settings schema %s is neither installed nor compiled in %s%s%s. "
             "Reinstall Healing Spaces.",
             APP_ID, HS_BUILD_SCHEMA_DIR,
             error != NULL ? ": " : "", error != NULL ? error->message : "");

  return g_settings_new_full (schema, NULL, NULL);
}
