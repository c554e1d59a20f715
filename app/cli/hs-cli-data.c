/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-cli"

#include <glib/gi18n.h>
#include <string.h>

#include "hs-cli-private.h"
#include "hs-sample-data.h"
#include "hs-stats.h"

int
_hs_cli_sample_data (const HsCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = NULL;

  guint64 scale = 0;

  for (int i = 0; i < options->n_args; i++)
    {
      const char *arg = options->args[i];
      const char *value = NULL;

      if (g_str_equal (arg, "--scale") && i + 1 < options->n_args)
        value = options->args[++i];
      else if (g_str_has_prefix (arg, "--scale="))
        value = arg + strlen ("--scale=");
      if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, 50000000, &scale, NULL))
        {
          g_autofree char *message = g_strdup_printf (_("sample-data takes only --scale N, a "
                                                        "number of people from 1 to 50000000; "
                                                        "not ‘%s’."), value ? value : arg);
          return _hs_cli_usage_error (message);
        }
    }

  if ((db = _hs_cli_open_database (options, &error)) == NULL)
    return _hs_cli_fail (error->message);
  /* --scale adds synthetic people on top of the seed programme; the seed is
   * only written into an empty file. */
  if ((scale == 0 || hs_database_is_empty (db)) && !hs_sample_data_fill (db, NULL, &error))
    return _hs_cli_fail (error->message);
  if (scale > 0 && !hs_sample_data_add_scale (db, (guint) scale, &error))
    return _hs_cli_fail (error->message);
  printf (_("Sample programme written to %s.\n"), hs_database_get_path (db));
  return 0;
}

int
_hs_cli_stats (const HsCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = NULL;
  g_autoptr(HsStats) stats = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = options->db_path ? g_strdup (options->db_path)
                                           : hs_database_default_path ();
  const char *format = "table";

  for (int i = 0; i < options->n_args; i++)
    {
      const char *arg = options->args[i];

      if (g_str_equal (arg, "--format") && i + 1 < options->n_args)
        format = options->args[++i];
      else if (g_str_has_prefix (arg, "--format="))
        format = arg + strlen ("--format=");
      else
        {
          g_autofree char *message = g_strdup_printf (_("Unknown option ‘%s’ for stats."), arg);
          return _hs_cli_usage_error (message);
        }
    }
  if (!g_str_equal (format, "json") && !g_str_equal (format, "table")
      && !g_str_equal (format, "csv"))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown format ‘%s’: use json, table or "
                                                    "csv."), format);
      return _hs_cli_usage_error (message);
    }

  /* Figures only read: a mistyped --db must not answer "0 graduates" from
   * a new, empty file it has just created. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *message = g_strdup_printf (_("%s does not exist."), path);
      return _hs_cli_fail (message);
    }
  if ((db = _hs_cli_open_database (options, &error)) == NULL
      || (stats = hs_stats_compute (db, &error)) == NULL)
    return _hs_cli_fail (error->message);

  if (g_str_equal (format, "json"))
    text = hs_stats_to_json (stats);
  else if (g_str_equal (format, "csv"))
    text = hs_stats_to_csv (stats);
  else
    text = hs_stats_to_table (stats);
  fputs (text, stdout);
  if (g_str_equal (format, "json"))
    fputc ('\n', stdout);
  return 0;
}

int
_hs_cli_check (const HsCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autofree char *path = options->db_path ? g_strdup (options->db_path)
                                           : hs_database_default_path ();

  if (options->n_args > 0)
    return _hs_cli_usage_error (_("check takes no options."));
  if (!hs_database_check_file (path, report, &error))
    {
      fputs (report->str, stderr);
      return _hs_cli_fail (error->message);
    }
  fputs (report->str, stdout);
  printf (_("%s: no problems found.\n"), path);
  return 0;
}
