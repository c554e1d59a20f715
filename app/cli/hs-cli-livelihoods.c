/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-cli"

#include <glib/gi18n.h>
#include <string.h>

#include "hs-cli-private.h"
#include "hs-livelihood.h"
#include "hs-livelihood-document.h"
#include "hs-target.h"

/* livelihoods list [--format json|table]
 * livelihoods report --format csv|pdf -o FILE [--as-of YYYY-MM-DD] [--lang rw|en]
 * livelihoods tvet …, livelihoods targets …: hs-cli-livelihoods-records.c */

typedef struct
{
  const char *format;
  const char *output;
  const char *as_of;
  const char *language;
} Args;

static void
append_summary_json (GString                   *out,
                     const HsLivelihoodSummary *row)
{
  g_string_append_printf (out, "  {\"id\": %" G_GINT64_FORMAT ", \"name\": ", row->id);
  _hs_cli_append_json_string (out, row->name);
  g_string_append (out, ", \"district\": ");
  _hs_cli_append_json_string (out, row->district);
  g_string_append (out, ", \"activity\": ");
  _hs_cli_append_json_string (out, row->activity);
  g_string_append (out, ", \"start_date\": ");
  _hs_cli_append_json_string (out, row->start_date);
  g_string_append_printf (out, ", \"members\": %u, \"capital_rwf\": %" G_GINT64_FORMAT
                          ", \"status\": ", row->members, row->capital_rwf);
  _hs_cli_append_json_string (out, row->status);
  g_string_append (out, ", \"last_visit\": ");
  _hs_cli_append_json_string (out, row->last_visit);
  g_string_append_printf (out, ", \"active_at_last_visit\": %s}",
                          row->last_visit == NULL ? "null"
                          : row->last_visit_active ? "true" : "false");
}

static int
list_groups (HsDatabase *db,
             const Args *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = hs_livelihood_list (db, &error);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean json = g_str_equal (args->format, "json");

  if (rows == NULL)
    return _hs_cli_fail (error->message);
  if (json)
    g_string_append_c (out, '[');
  for (guint i = 0; i < rows->len; i++)
    {
      const HsLivelihoodSummary *row = g_ptr_array_index (rows, i);

      if (json)
        {
          g_string_append (out, i > 0 ? ",\n" : "\n");
          append_summary_json (out, row);
          continue;
        }
      g_string_append_printf (out, "%s\t%s\t%s\t%u\t%" G_GINT64_FORMAT "\t%s\t%s\n", row->name,
                              row->district ?: "", row->activity ?: "", row->members,
                              row->capital_rwf, row->status, row->last_visit ?: "");
    }
  if (json)
    g_string_append (out, rows->len > 0 ? "\n]\n" : "]\n");
  fputs (out->str, stdout);
  return 0;
}

static int
write_report (HsDatabase *db,
              const Args *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsLivelihoodReport) report = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autofree char *organisation = NULL;

  if ((report = hs_livelihood_report_new (db, args->as_of, &error)) == NULL)
    return _hs_cli_fail (error->message);
  if (g_str_equal (args->format, "csv"))
    {
      g_autofree char *csv = hs_livelihood_report_csv (report);

      if (!g_file_set_contents (args->output, csv, -1, &error))
        return _hs_cli_fail (error->message);
      return 0;
    }
  if ((targets = hs_target_list (db, &error)) == NULL)
    return _hs_cli_fail (error->message);
  organisation = hs_database_get_setting (db, "organisation.name");
  if (!hs_livelihood_document_write_pdf (report, targets, organisation, args->language,
                                         args->output, &error))
    return _hs_cli_fail (error->message);
  return 0;
}

static int
check_args (const HsCliOptions *options,
            gboolean            report,
            const Args         *args)
{
  GDate date;

  if (!report)
    {
      if (!g_str_equal (args->format, "json") && !g_str_equal (args->format, "table"))
        return _hs_cli_usage_error (_("Unknown format: use json or table."));
      return 0;
    }
  if (!g_str_equal (args->format, "csv") && !g_str_equal (args->format, "pdf"))
    return _hs_cli_usage_error (_("livelihoods report needs --format csv or --format pdf."));
  if (args->output == NULL)
    return _hs_cli_usage_error (_("livelihoods report needs -o FILE, the file to write."));
  if (!g_str_equal (args->language, "rw") && !g_str_equal (args->language, "en"))
    {
      g_autofree char *message = g_strdup_printf (_("--lang must be rw or en, not ‘%s’."),
                                                  args->language);
      return _hs_cli_usage_error (message);
    }
  g_date_clear (&date, 1);
  if (args->as_of != NULL)
    g_date_set_parse (&date, args->as_of);
  if (args->as_of != NULL && (strlen (args->as_of) != 10 || !g_date_valid (&date)))
    return _hs_cli_usage_error (_("--as-of takes a date as YYYY-MM-DD, for example "
                                  "2026-06-30."));
  return 0;
}

int
_hs_cli_livelihoods (const HsCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = NULL;
  Args args = { NULL, NULL, NULL, NULL };
  gboolean report;
  int status;

  if (options->n_args >= 1
      && (g_str_equal (options->args[0], "tvet") || g_str_equal (options->args[0], "targets")))
    return _hs_cli_livelihoods_records (options);
  if (options->n_args < 1
      || (!g_str_equal (options->args[0], "list") && !g_str_equal (options->args[0], "report")))
    return _hs_cli_usage_error (_("Use: livelihoods list [--format json|table], or livelihoods "
                                  "report --format csv|pdf -o FILE."));
  report = g_str_equal (options->args[0], "report");
  for (int i = 1; i < options->n_args; i++)
    {
      if (_hs_cli_take_value (options, &i, "--format", &args.format)
          || (report && (_hs_cli_take_value (options, &i, "-o", &args.output)
                         || _hs_cli_take_value (options, &i, "--output", &args.output)
                         || _hs_cli_take_value (options, &i, "--as-of", &args.as_of)
                         || _hs_cli_take_value (options, &i, "--lang", &args.language))))
        continue;
      {
        g_autofree char *message = g_strdup_printf (_("Unknown option ‘%s’ for livelihoods %s."),
                                                    options->args[i], options->args[0]);
        return _hs_cli_usage_error (message);
      }
    }
  if (args.format == NULL)
    args.format = report ? "" : "table";
  if (args.language == NULL)
    args.language = options->language != NULL ? options->language : "en";
  if ((status = check_args (options, report, &args)) != 0)
    return status;

  if ((db = _hs_cli_open_database (options, &error)) == NULL)
    return _hs_cli_fail (error->message);
  return report ? write_report (db, &args) : list_groups (db, &args);
}
