/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-cli"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "hs-database.h"
#include "hs-i18n.h"
#include "hs-sample-data.h"
#include "hs-stats.h"

/* healing-spaces-cli [--db FILE] [--lang rw|en] COMMAND [OPTIONS]
 * Exit 0 on success; otherwise a one-line reason on stderr and:
 *   1 the command failed, 2 the command line was wrong. */

typedef struct
{
  const char *db_path;
  const char *language;
  const char *command;
  char      **args;
  int         n_args;
} Options;

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n%s\n  %s\n  %s\n  %s\n\n%s\n  %s\n  %s\n  %s\n  %s\n",
           _("Usage: healing-spaces-cli [--db FILE] [--lang rw|en] COMMAND [OPTIONS]"),
           _("Commands:"),
           _("sample-data                      fill an empty database with the sample programme"),
           _("stats [--format json|table|csv]  graduates by sex, age, setting and district"),
           _("check                            check the database file for damage"),
           _("Options:"),
           _("--db FILE      the database (default: the one the app uses)"),
           _("--lang rw|en   the language of messages"),
           _("--version      print the version and exit"),
           _("--help         print this help and exit"));
}

static int
fail (const char *message)
{
  fprintf (stderr, "healing-spaces-cli: %s\n", message);
  return 1;
}

static int
usage_error (const char *message)
{
  fprintf (stderr, "healing-spaces-cli: %s\n", message);
  fprintf (stderr, "%s\n", _("Run healing-spaces-cli --help for usage."));
  return 2;
}

static HsDatabase *
open_database (const Options  *options,
               GError        **error)
{
  g_autofree char *path = options->db_path ? g_strdup (options->db_path)
                                           : hs_database_default_path ();

  return hs_database_open (path, error);
}

static int
run_sample_data (const Options *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = NULL;

  if (options->n_args > 0)
    return usage_error (_("sample-data takes no options."));
  if ((db = open_database (options, &error)) == NULL
      || !hs_sample_data_fill (db, NULL, &error))
    return fail (error->message);
  printf (_("Sample programme written to %s.\n"), hs_database_get_path (db));
  return 0;
}

static int
run_stats (const Options *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = NULL;
  g_autoptr(HsStats) stats = NULL;
  g_autofree char *text = NULL;
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
          return usage_error (message);
        }
    }
  if (!g_str_equal (format, "json") && !g_str_equal (format, "table")
      && !g_str_equal (format, "csv"))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown format ‘%s’: use json, table or "
                                                    "csv."), format);
      return usage_error (message);
    }

  if ((db = open_database (options, &error)) == NULL
      || (stats = hs_stats_compute (db, &error)) == NULL)
    return fail (error->message);

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

static int
run_check (const Options *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autofree char *path = options->db_path ? g_strdup (options->db_path)
                                           : hs_database_default_path ();

  if (options->n_args > 0)
    return usage_error (_("check takes no options."));
  if (!hs_database_check_file (path, report, &error))
    {
      fputs (report->str, stderr);
      return fail (error->message);
    }
  fputs (report->str, stdout);
  printf (_("%s: no problems found.\n"), path);
  return 0;
}

static gboolean
parse_global (int       argc,
              char    **argv,
              Options  *options,
              int      *status)
{
  int i;

  for (i = 1; i < argc && argv[i][0] == '-'; i++)
    {
      const char *arg = argv[i];

      if ((g_str_equal (arg, "--db") || g_str_equal (arg, "--lang")) && i + 1 >= argc)
        {
          g_autofree char *message = g_strdup_printf (_("%s needs a value."), arg);
          *status = usage_error (message);
          return FALSE;
        }
      if (g_str_equal (arg, "--db"))
        options->db_path = argv[++i];
      else if (g_str_has_prefix (arg, "--db="))
        options->db_path = arg + strlen ("--db=");
      else if (g_str_equal (arg, "--lang"))
        options->language = argv[++i];
      else if (g_str_has_prefix (arg, "--lang="))
        options->language = arg + strlen ("--lang=");
      else if (g_str_equal (arg, "--version"))
        {
          printf ("healing-spaces-cli %s\n", PACKAGE_VERSION);
          *status = 0;
          return FALSE;
        }
      else if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          print_usage (stdout);
          *status = 0;
          return FALSE;
        }
      else
        {
          g_autofree char *message = g_strdup_printf (_("Unknown option ‘%s’."), arg);
          *status = usage_error (message);
          return FALSE;
        }
    }
  if (i >= argc)
    {
      *status = usage_error (_("No command given."));
      return FALSE;
    }
  options->command = argv[i];
  options->args = argv + i + 1;
  options->n_args = argc - i - 1;
  return TRUE;
}

/* The language must be known before any message is translated, so --lang is
 * looked for before the real parse. */
static const char *
find_language (int    argc,
               char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--lang") && i + 1 < argc)
        return argv[i + 1];
      if (g_str_has_prefix (argv[i], "--lang="))
        return argv[i] + strlen ("--lang=");
    }
  return NULL;
}

int
main (int    argc,
      char **argv)
{
  static const struct { const char *name; int (*run) (const Options *); } commands[] = {
    { "sample-data", run_sample_data },
    { "stats", run_stats },
    { "check", run_check },
  };
  Options options = { NULL };
  const char *language = find_language (argc, argv);
  int status = 0;

  if (language != NULL && !g_str_equal (language, "rw") && !g_str_equal (language, "en"))
    {
      fprintf (stderr, "healing-spaces-cli: --lang must be rw or en, not ‘%s’.\n", language);
      return 2;
    }
  hs_i18n_init (language);

  if (!parse_global (argc, argv, &options, &status))
    return status;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (options.command, commands[i].name))
      return commands[i].run (&options);

  {
    g_autofree char *message = g_strdup_printf (_("Unknown command ‘%s’."), options.command);
    return usage_error (message);
  }
}
