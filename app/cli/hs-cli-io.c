/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-cli"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "hs-backup.h"
#include "hs-cli-private.h"
#include "hs-csv-import.h"
#include "hs-dhis2.h"
#include "hs-export.h"
#include "hs-xml.h"

/* healing-spaces-cli import FILE.csv [--skip-bad-rows] [--dry-run]
 *                                    [--duplicates report|skip|merge|import]
 *                    backup -o FILE [--encrypt] [--passphrase-file FILE]
 *                    restore FILE [--passphrase-file FILE]
 *                    export --what participants|attendance|graduates --format csv|xlsx -o FILE
 *                    export --format xml -o FILE
 *                    merge FILE.xml [--dry-run]
 *                    dhis2 --period 2026Q3 --format xml|json|adx -o FILE
 *                    dhis2-map KIND KEY UID | dhis2-map --list
 * A passphrase never comes from the command line, where other users of the
 * computer could read it (ps, shell history). */

static int
unknown_option (const char *command,
                const char *arg)
{
  g_autofree char *message = g_strdup_printf (_("Unknown option ‘%s’ for %s."), arg, command);

  return _hs_cli_usage_error (message);
}

static gboolean
parse_duplicates (const char         *value,
                  HsImportDuplicates *duplicates)
{
  static const char * const names[] = { "report", "skip", "merge", "import" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_str_equal (value, names[i]))
        {
          *duplicates = (HsImportDuplicates) i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
print_problems (GPtrArray *problems)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      HsImportProblem *problem = g_ptr_array_index (problems, i);

      fprintf (stderr, _("line %u: %s\n"), problem->line, problem->message);
    }
}

int
_hs_cli_import (const HsCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = NULL;
  g_autoptr(HsCsvImport) import = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  HsImportDuplicates duplicates = HS_IMPORT_DUPLICATES_REPORT;
  HsImportResult result = { 0, };
  gboolean skip_bad_rows = FALSE, dry_run = FALSE;
  const char *path = NULL;

  for (int i = 0; i < options->n_args; i++)
    {
      const char *arg = options->args[i];

      if (g_str_equal (arg, "--skip-bad-rows"))
        skip_bad_rows = TRUE;
      else if (g_str_equal (arg, "--dry-run"))
        dry_run = TRUE;
      else if (g_str_equal (arg, "--duplicates") && i + 1 < options->n_args)
        {
          if (!parse_duplicates (options->args[++i], &duplicates))
            return _hs_cli_usage_error (_("--duplicates takes report, skip, merge or import."));
        }
      else if (arg[0] == '-' && arg[1] != '\0')
        return unknown_option ("import", arg);
      else if (path == NULL)
        path = arg;
      else
        return _hs_cli_usage_error (_("import takes one file."));
    }
  if (path == NULL)
    return _hs_cli_usage_error (_("Name the CSV file to import: import FILE.csv"));

  if ((db = _hs_cli_open_database (options, &error)) == NULL
      || (import = hs_csv_import_new (db, path, &error)) == NULL)
    return _hs_cli_fail (error->message);
  if (!hs_csv_import_run (import, skip_bad_rows, duplicates, dry_run, NULL, NULL, NULL,
                          &result, &problems, &error))
    {
      print_problems (problems);
      return _hs_cli_fail (error->message);
    }
  print_problems (problems);
  if (dry_run)
    printf (_("dry run, nothing written: would import %u, skip %u, merge %u\n"),
            result.imported, result.skipped, result.merged);
  else if (result.merged > 0)
    printf (_("imported %u, skipped %u, merged %u\n"),
            result.imported, result.skipped, result.merged);
  else
    printf (_("imported %u, skipped %u\n"), result.imported, result.skipped);
  return 0;
}

/* The first line of @path, without its line end. */
static char *
read_passphrase_file (const char  *path,
                      GError     **error)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  contents[strcspn (contents, "\r\n")] = '\0';
  if (*contents == '\0')
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("The passphrase file %s is empty."), path);
      return NULL;
    }
  return g_steal_pointer (&contents);
}

/* Asked on the terminal without echo. */
static char *
prompt_passphrase (const char  *prompt,
                   GError     **error)
{
  char line[1024];
  struct termios saved, quiet;
  FILE *tty = g_fopen ("/dev/tty", "r+e");
  gboolean got;

  if (tty == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("No terminal to ask the passphrase on: give --passphrase-file FILE."));
      return NULL;
    }
  fputs (prompt, tty);
  fflush (tty);
  tcgetattr (fileno (tty), &saved);
  quiet = saved;
  quiet.c_lflag &= ~(tcflag_t) ECHO;
  tcsetattr (fileno (tty), TCSAFLUSH, &quiet);
  got = fgets (line, sizeof line, tty) != NULL;
  tcsetattr (fileno (tty), TCSAFLUSH, &saved);
  fputc ('\n', tty);
  fclose (tty);
  if (got)
    line[strcspn (line, "\r\n")] = '\0';
  if (!got || *line == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("No passphrase was given."));
      return NULL;
    }
  return g_strdup (line);
}

static char *
get_passphrase (const char  *file,
                gboolean     confirm,
                GError     **error)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  if (file != NULL)
    return read_passphrase_file (file, error);
  if ((first = prompt_passphrase (_("Passphrase: "), error)) == NULL)
    return NULL;
  if (!confirm)
    return g_steal_pointer (&first);
  if ((second = prompt_passphrase (_("The same passphrase again: "), error)) == NULL)
    return NULL;
  if (!g_str_equal (first, second))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The two passphrases differ; nothing was written."));
      return NULL;
    }
  return g_steal_pointer (&first);
}

int
_hs_cli_backup (const HsCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = NULL;
  g_autofree char *passphrase = NULL;
  const char *output = NULL, *passphrase_file = NULL;
  gboolean encrypt = FALSE;

  for (int i = 0; i < options->n_args; i++)
    {
      const char *arg = options->args[i];

      if (g_str_equal (arg, "-o") && i + 1 < options->n_args)
        output = options->args[++i];
      else if (g_str_equal (arg, "--encrypt"))
        encrypt = TRUE;
      else if (g_str_equal (arg, "--passphrase-file") && i + 1 < options->n_args)
        passphrase_file = options->args[++i];
      else
        return unknown_option ("backup", arg);
    }
  if (output == NULL)
    return _hs_cli_usage_error (_("Name the backup file: backup -o FILE"));
  if (passphrase_file != NULL && !encrypt)
    return _hs_cli_usage_error (_("--passphrase-file goes with --encrypt."));

  if (encrypt && (passphrase = get_passphrase (passphrase_file, TRUE, &error)) == NULL)
    return _hs_cli_fail (error->message);
  if ((db = _hs_cli_open_database (options, &error)) == NULL
      || !hs_backup_create (db, output, passphrase, &error))
    return _hs_cli_fail (error->message);
  printf (encrypt ? _("Encrypted backup written to %s and checked.\n")
                  : _("Backup written to %s and checked.\n"), output);
  return 0;
}

int
_hs_cli_restore (const HsCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *passphrase = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *db_path = options->db_path ? g_strdup (options->db_path)
                                              : hs_database_default_path ();
  const char *path = NULL, *passphrase_file = NULL;

  for (int i = 0; i < options->n_args; i++)
    {
      const char *arg = options->args[i];

      if (g_str_equal (arg, "--passphrase-file") && i + 1 < options->n_args)
        passphrase_file = options->args[++i];
      else if (arg[0] == '-' || path != NULL)
        return unknown_option ("restore", arg);
      else
        path = arg;
    }
  if (path == NULL)
    return _hs_cli_usage_error (_("Name the backup to restore: restore FILE"));

  if (hs_backup_is_encrypted (path)
      && (passphrase = get_passphrase (passphrase_file, FALSE, &error)) == NULL)
    return _hs_cli_fail (error->message);
  if (!hs_backup_restore (path, db_path, passphrase, &aside, &error))
    return _hs_cli_fail (error->message);
  printf (_("Restored %s from %s.\n"), db_path, path);
  if (aside != NULL)
    printf (_("The replaced database is kept as %s.\n"), aside);
  return 0;
}

int
_hs_cli_export (const HsCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = NULL;
  const char *what_name = "participants", *format_name = NULL, *output = NULL;
  HsExportWhat what;
  HsExportFormat format;
  guint rows = 0;

  for (int i = 0; i < options->n_args; i++)
    {
      const char *arg = options->args[i];

      if (g_str_equal (arg, "--what") && i + 1 < options->n_args)
        what_name = options->args[++i];
      else if (g_str_equal (arg, "--format") && i + 1 < options->n_args)
        format_name = options->args[++i];
      else if (g_str_equal (arg, "-o") && i + 1 < options->n_args)
        output = options->args[++i];
      else
        return unknown_option ("export", arg);
    }
  if (output == NULL)
    return _hs_cli_usage_error (_("Name the file to write: export … -o FILE"));
  if (format_name == NULL)
    format_name = g_str_has_suffix (output, ".xlsx") ? "xlsx"
                  : g_str_has_suffix (output, ".xml") ? "xml" : "csv";
  if (g_str_equal (format_name, "xml"))
    {
      if ((db = _hs_cli_open_database (options, &error)) == NULL
          || !hs_xml_export (db, output, &rows, &error))
        return _hs_cli_fail (error->message);
      printf (ngettext ("The whole database (%u participant) written to %s.\n",
                        "The whole database (%u participants) written to %s.\n", rows),
              rows, output);
      return 0;
    }
  if (!hs_export_what_from_string (what_name, &what))
    return _hs_cli_usage_error (_("--what takes participants, attendance or graduates."));
  if (g_str_equal (format_name, "csv"))
    format = HS_EXPORT_CSV;
  else if (g_str_equal (format_name, "xlsx"))
    format = HS_EXPORT_XLSX;
  else
    return _hs_cli_usage_error (_("--format takes csv, xlsx or xml."));

  if ((db = _hs_cli_open_database (options, &error)) == NULL
      || !hs_export_write (db, what, format, output, &rows, &error))
    return _hs_cli_fail (error->message);
  printf (ngettext ("%u row written to %s.\n", "%u rows written to %s.\n", rows), rows, output);
  return 0;
}

int
_hs_cli_merge (const HsCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  HsMergeResult result = { 0, };
  const char *path = NULL;
  gboolean dry_run = FALSE;

  for (int i = 0; i < options->n_args; i++)
    {
      const char *arg = options->args[i];

      if (g_str_equal (arg, "--dry-run"))
        dry_run = TRUE;
      else if (arg[0] == '-' || path != NULL)
        return unknown_option ("merge", arg);
      else
        path = arg;
    }
  if (path == NULL)
    return _hs_cli_usage_error (_("Name the export to merge: merge FILE.xml"));

  if ((db = _hs_cli_open_database (options, &error)) == NULL
      || !hs_xml_merge (db, path, dry_run, &result, &conflicts, &error))
    return _hs_cli_fail (error->message);
  for (guint i = 0; i < conflicts->len; i++)
    fprintf (stderr, _("conflict: %s\n"), (const char *) g_ptr_array_index (conflicts, i));
  printf (dry_run ? _("dry run, nothing written: would add %u, update %u; %u unchanged, "
                      "%u conflicts\n")
                  : _("added %u, updated %u; %u unchanged, %u conflicts\n"),
          result.added, result.updated, result.unchanged, result.conflicts);
  return 0;
}

int
_hs_cli_dhis2 (const HsCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = NULL;
  g_autofree char *document = NULL;
  const char *period = NULL, *format_name = "json", *output = NULL;
  HsDhis2Format format;

  for (int i = 0; i < options->n_args; i++)
    {
      const char *arg = options->args[i];

      if (g_str_equal (arg, "--period") && i + 1 < options->n_args)
        period = options->args[++i];
      else if (g_str_equal (arg, "--format") && i + 1 < options->n_args)
        format_name = options->args[++i];
      else if (g_str_equal (arg, "-o") && i + 1 < options->n_args)
        output = options->args[++i];
      else
        return unknown_option ("dhis2", arg);
    }
  if (period == NULL || output == NULL)
    return _hs_cli_usage_error (_("dhis2 needs --period (2026, 2026Q3 or 202607) and -o FILE."));
  if (g_str_equal (format_name, "xml"))
    format = HS_DHIS2_DATA_VALUE_SET_XML;
  else if (g_str_equal (format_name, "json"))
    format = HS_DHIS2_DATA_VALUE_SET_JSON;
  else if (g_str_equal (format_name, "adx"))
    format = HS_DHIS2_ADX;
  else
    return _hs_cli_usage_error (_("--format takes xml, json or adx."));

  if ((db = _hs_cli_open_database (options, &error)) == NULL
      || (document = hs_dhis2_export (db, period, format, &error)) == NULL
      || !g_file_set_contents (output, document, -1, &error))
    return _hs_cli_fail (error->message);
  printf (_("DHIS2 data for %s written to %s.\n"), period, output);
  return 0;
}

int
_hs_cli_dhis2_map (const HsCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = NULL;

  if (!(options->n_args == 1 && g_str_equal (options->args[0], "--list"))
      && !(options->n_args == 3)
      && !(options->n_args == 2 && g_str_equal (options->args[0], "dataset")))
    return _hs_cli_usage_error (_("dhis2-map takes KIND KEY UID (orgunit Musanze UID, "
                                  "dataelement graduates UID, coc F.youth UID, dataset UID) "
                                  "or --list."));
  if ((db = _hs_cli_open_database (options, &error)) == NULL)
    return _hs_cli_fail (error->message);
  if (options->n_args == 1)
    {
      g_autofree char *list = hs_dhis2_list_mapping (db);

      fputs (list, stdout);
      return 0;
    }
  if (!hs_dhis2_set_mapping (db, options->args[0], options->n_args == 3 ? options->args[1] : "",
                             options->args[options->n_args - 1], &error))
    return _hs_cli_fail (error->message);
  return 0;
}
