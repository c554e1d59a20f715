/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-cli"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "hs-cli-private.h"
#include "hs-i18n.h"

/* healing-spaces-cli [--db FILE] [--lang rw|en] COMMAND [OPTIONS]
 * Exit 0 on success; otherwise a one-line reason on stderr and:
 *   1 the command failed, 2 the command line was wrong. */

/* One line each; the usage text is built from this table. */
static const struct
{
  const char *name;
  HsCliRun    run;
  const char *synopsis;
} commands[] = {
  { "sample-data", _hs_cli_sample_data,
    N_("sample-data [--scale N]          fill an empty database with the sample programme;\n"
       "                                   --scale N adds N synthetic people (benchmarks)") },
  { "stats", _hs_cli_stats,
    N_("stats [--format json|table|csv]  graduates by sex, age, setting and district") },
  { "check", _hs_cli_check,
    N_("check                            check the database file for damage") },
  { "certificates", _hs_cli_certificates,
    N_("certificates --group NAME|--ceremony YYYY-MM-DD [--participant ID]... [--lang rw|en|both]\n"
       "      [--portrait] [--issued YYYY-MM-DD] -o FILE.pdf  issue and draw graduation certificates") },
  { "verify", _hs_cli_verify,
    N_("verify SERIAL [CHECK]            whose certificate it is and whether it is valid") },
  { "chart", _hs_cli_chart,
    N_("chart --kind district|sex|age|category|facility|trend|target|target-district|target-sex\n"
       "      [--split setting|sex]\n"
       "      [--lang rw|en] [--theme light|dark] [--size WxH] [--report] --format png|svg|pdf\n"
       "      -o FILE                      draw a chart of graduates to a file") },
  { "schedule-preview", _hs_cli_schedule_preview,
    N_("schedule-preview --start YYYY-MM-DD --weekday mon..sun [--sessions N] [--time HH:MM]\n"
       "                                   the session dates, moved off holidays") },
  { "groups", _hs_cli_groups,
    N_("groups list [--format json|table]  the groups, their progress and status") },
  { "attendance", _hs_cli_attendance,
    N_("attendance show GROUP            who came to which session, and who can graduate") },
  { "participants", _hs_cli_participants,
    N_("participants list [--search TEXT] [--district D] [--format csv|json|table]\n"
       "             | show ID | export-person ID -o FILE.json | erase ID --yes\n"
       "             | duplicates\n"
       "                                   find, show, export, erase, de-duplicate people") },
  { "import", _hs_cli_import,
    N_("import FILE.csv [--skip-bad-rows] [--dry-run] [--duplicates report|skip|merge|import]\n"
       "                                   add participants (and groups) from a spreadsheet") },
  { "backup", _hs_cli_backup,
    N_("backup -o FILE [--encrypt [--passphrase-file FILE]]\n"
       "                                   copy the database to a checked (encrypted) backup") },
  { "restore", _hs_cli_restore,
    N_("restore FILE [--passphrase-file FILE]\n"
       "                                   replace the database by a backup, keeping the old one") },
  { "export", _hs_cli_export,
    N_("export --what participants|attendance|graduates --format csv|xlsx -o FILE\n"
       "      | --format xml -o FILE       write a table for a spreadsheet, or everything") },
  { "merge", _hs_cli_merge,
    N_("merge FILE.xml [--dry-run]       merge another office's XML export") },
  { "dhis2", _hs_cli_dhis2,
    N_("dhis2 --period 2026|2026Q3|202607 --format xml|json|adx -o FILE\n"
       "                                   graduates by district, sex and age band for DHIS2") },
  { "dhis2-map", _hs_cli_dhis2_map,
    N_("dhis2-map KIND KEY UID | --list  map districts, data element and combinations to UIDs") },
  { "livelihoods", _hs_cli_livelihoods,
    N_("livelihoods list [--format json|table]\n"
       "      | report --format csv|pdf -o FILE [--as-of YYYY-MM-DD] [--lang rw|en]\n"
       "      | tvet list | tvet add --participant ID --trade TRADE [--centre C] [--start D]\n"
       "        [--end D] [--status enrolled|completed|dropped] [--expected-release D]\n"
       "        [--release D] [--reintegration family|community] [--reintegration-date D]\n"
       "      | targets list | targets set [--id ID] --name NAME --value N\n"
       "        [--metric people|graduates] [--female N] [--male N] [--district D]\n"
       "        [--from D] [--to D] [--past]\n"
       "                                   livelihood groups, the follow-up report, vocational\n"
       "                                   training and programme targets") },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n%s\n",
           _("Usage: healing-spaces-cli [--db FILE] [--lang rw|en] COMMAND [OPTIONS]"),
           _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %s\n", _(commands[i].synopsis));
  fprintf (out, "\n%s\n  %s\n  %s\n  %s\n  %s\n",
           _("Options:"),
           _("--db FILE      the database (default: the one the app uses)"),
           _("--lang rw|en   the language of messages"),
           _("--version      print the version and exit"),
           _("--help         print this help and exit"));
}

#define MAX_MESSAGE 400

/* One message on stderr; a value given by the user is quoted in it, so a
 * huge one (a 100 kB name) is cut to keep the message readable. */
static void
print_message (const char *message)
{
  if (g_utf8_validate (message, -1, NULL) && g_utf8_strlen (message, -1) > MAX_MESSAGE)
    {
      g_autofree char *cut = g_utf8_substring (message, 0, MAX_MESSAGE);

      fprintf (stderr, "healing-spaces-cli: %s…\n", cut);
    }
  else
    fprintf (stderr, "healing-spaces-cli: %s\n", message);
}

int
_hs_cli_fail (const char *message)
{
  print_message (message);
  return 1;
}

int
_hs_cli_usage_error (const char *message)
{
  print_message (message);
  fprintf (stderr, "%s\n", _("Run healing-spaces-cli --help for usage."));
  return 2;
}

HsDatabase *
_hs_cli_open_database (const HsCliOptions  *options,
                       GError             **error)
{
  g_autofree char *path = options->db_path ? g_strdup (options->db_path)
                                           : hs_database_default_path ();

  return hs_database_open (path, error);
}

gboolean
_hs_cli_take_value (const HsCliOptions  *options,
                    int                 *i,
                    const char          *name,
                    const char         **value)
{
  const char *arg = options->args[*i];
  gsize len = strlen (name);

  if (g_str_equal (arg, name) && *i + 1 < options->n_args)
    {
      *value = options->args[++*i];
      return TRUE;
    }
  if (g_str_has_prefix (arg, name) && arg[len] == '=')
    {
      *value = arg + len + 1;
      return TRUE;
    }
  return FALSE;
}

void
_hs_cli_append_json_string (GString    *out,
                            const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static gboolean
parse_global (int            argc,
              char         **argv,
              HsCliOptions  *options,
              int           *status)
{
  int i;

  for (i = 1; i < argc && argv[i][0] == '-'; i++)
    {
      const char *arg = argv[i];

      if ((g_str_equal (arg, "--db") || g_str_equal (arg, "--lang")) && i + 1 >= argc)
        {
          g_autofree char *message = g_strdup_printf (_("%s needs a value."), arg);
          *status = _hs_cli_usage_error (message);
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
          *status = _hs_cli_usage_error (message);
          return FALSE;
        }
    }
  if (i >= argc)
    {
      *status = _hs_cli_usage_error (_("No command given."));
      return FALSE;
    }
  options->command = argv[i];
  options->args = argv + i + 1;
  options->n_args = argc - i - 1;
  return TRUE;
}

/* The language must be known before any message is translated, so --lang is
 * looked for before the real parse. Only among the global options: after the
 * command, --lang is the command's own (certificates --lang both). */
static const char *
find_language (int    argc,
               char **argv)
{
  for (int i = 1; i < argc && argv[i][0] == '-'; i++)
    {
      if (g_str_equal (argv[i], "--db"))
        {
          i++;
          continue;
        }
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
  HsCliOptions options = { NULL };
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
    return _hs_cli_usage_error (message);
  }
}
