/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-cli"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "hs-chart-export.h"
#include "hs-cli-private.h"

/* chart --kind K[,K…] [--split setting|sex|none] [--lang rw|en] [--theme light|dark]
 *       [--size WxH] [--from DATE] [--to DATE] [--district NAME] [--approach A]
 *       [--setting community|prison] [--report] --format png|svg|pdf -o FILE */
typedef struct
{
  const char *kinds;
  const char *split;
  const char *language;
  const char *theme;
  const char *size;
  const char *format;
  const char *output;
  const char *district;
  gboolean    report;
  HsChartFilter filter;
} ChartArgs;

static void
replace_str (char       **slot,
             const char  *value)
{
  g_free (*slot);
  *slot = g_strdup (value);
}

static int
parse_args (const HsCliOptions *options,
            ChartArgs          *args)
{
  for (int i = 0; i < options->n_args; i++)
    {
      const char *from = NULL, *to = NULL, *approach = NULL, *setting = NULL;

      if (_hs_cli_take_value (options, &i, "--kind", &args->kinds)
          || _hs_cli_take_value (options, &i, "--split", &args->split)
          || _hs_cli_take_value (options, &i, "--lang", &args->language)
          || _hs_cli_take_value (options, &i, "--theme", &args->theme)
          || _hs_cli_take_value (options, &i, "--size", &args->size)
          || _hs_cli_take_value (options, &i, "--format", &args->format)
          || _hs_cli_take_value (options, &i, "-o", &args->output)
          || _hs_cli_take_value (options, &i, "--output", &args->output)
          || _hs_cli_take_value (options, &i, "--district", &args->district))
        continue;
      if (_hs_cli_take_value (options, &i, "--from", &from))
        replace_str (&args->filter.from, from);
      else if (_hs_cli_take_value (options, &i, "--to", &to))
        replace_str (&args->filter.to, to);
      else if (_hs_cli_take_value (options, &i, "--approach", &approach))
        replace_str (&args->filter.approach, approach);
      else if (_hs_cli_take_value (options, &i, "--setting", &setting))
        replace_str (&args->filter.setting, setting);
      else if (g_str_equal (options->args[i], "--report"))
        args->report = TRUE;
      else
        {
          g_autofree char *message = g_strdup_printf (_("Unknown option ‘%s’ for chart."),
                                                      options->args[i]);
          return _hs_cli_usage_error (message);
        }
    }
  return 0;
}

static gboolean
parse_split (const char   *name,
             HsChartSplit *split)
{
  if (g_str_equal (name, "setting"))
    *split = HS_CHART_SPLIT_SETTING;
  else if (g_str_equal (name, "sex"))
    *split = HS_CHART_SPLIT_SEX;
  else if (g_str_equal (name, "none"))
    *split = HS_CHART_SPLIT_NONE;
  else
    return FALSE;
  return TRUE;
}

static gboolean
is_date (const char *text)
{
  int y, m, d;
  char end;

  return text == NULL || (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) == 3
                          && g_date_valid_dmy (d, m, y) && strlen (text) == 10);
}

static int
check_args (ChartArgs     *args,
            HsChartFormat *format,
            double        *width,
            double        *height)
{
  g_autofree char *message = NULL;

  if (args->output == NULL)
    return _hs_cli_usage_error (_("chart needs -o FILE."));
  if (args->kinds == NULL && !args->report)
    return _hs_cli_usage_error (_("chart needs --kind district|sex|age|category|facility|trend|"
                                  "target."));
  if (args->format != NULL ? !hs_chart_format_from_string (args->format, format)
                           : !hs_chart_format_from_path (args->output, format))
    message = g_strdup_printf (_("Unknown format ‘%s’: use png, svg or pdf."),
                               args->format != NULL ? args->format : args->output);
  else if (args->report && *format != HS_CHART_FORMAT_PDF)
    message = g_strdup (_("--report writes a PDF: use --format pdf."));
  else if (args->language != NULL && !g_str_equal (args->language, "rw")
           && !g_str_equal (args->language, "en"))
    message = g_strdup_printf (_("--lang must be rw or en, not ‘%s’."), args->language);
  else if (args->theme != NULL && !g_str_equal (args->theme, "light")
           && !g_str_equal (args->theme, "dark"))
    message = g_strdup_printf (_("--theme must be light or dark, not ‘%s’."), args->theme);
  else if (!is_date (args->filter.from) || !is_date (args->filter.to))
    message = g_strdup (_("--from and --to take dates as YYYY-MM-DD."));
  else if (args->filter.setting != NULL && !g_str_equal (args->filter.setting, "community")
           && !g_str_equal (args->filter.setting, "prison"))
    message = g_strdup (_("--setting must be community or prison."));
  else if (args->filter.approach != NULL && !g_str_equal (args->filter.approach, "sociotherapy")
           && !g_str_equal (args->filter.approach, "multifamily")
           && !g_str_equal (args->filter.approach, "resilience"))
    message = g_strdup (_("--approach must be sociotherapy, multifamily or resilience."));
  if (message != NULL)
    return _hs_cli_usage_error (message);

  *width = *format == HS_CHART_FORMAT_PNG ? 1920 : 841.89;
  *height = *format == HS_CHART_FORMAT_PNG ? 1080 : 595.28;
  if (args->size != NULL)
    {
      int w = 0, h = 0;
      char end;

      if (sscanf (args->size, "%dx%d%c", &w, &h, &end) != 2 || w < 100 || h < 100 || w > 10000
          || h > 10000)
        return _hs_cli_usage_error (_("--size takes WIDTHxHEIGHT, e.g. 1920x1080, each from 100 "
                                      "to 10000."));
      *width = w;
      *height = h;
    }
  return 0;
}

static GPtrArray *
query_charts (HsDatabase          *db,
              const ChartArgs     *args,
              GError             **error,
              int                 *status)
{
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                  hs_chart_data_free);
  g_auto(GStrv) kinds = g_strsplit (args->kinds != NULL ? args->kinds
                                                        : "district,sex,age,facility", ",", -1);

  for (guint i = 0; kinds[i] != NULL; i++)
    {
      HsChartKind kind;
      HsChartSplit split;
      HsChartData *data;

      if (!hs_chart_kind_from_string (kinds[i], &kind))
        {
          g_autofree char *message = g_strdup_printf (_("Unknown chart kind ‘%s’: use district, "
                                                        "sex, age, category, facility, trend "
                                                        "or target."), kinds[i]);
          *status = _hs_cli_usage_error (message);
          return NULL;
        }
      split = hs_chart_kind_default_split (kind);
      if (args->split != NULL && !parse_split (args->split, &split))
        {
          *status = _hs_cli_usage_error (_("--split must be setting, sex or none."));
          return NULL;
        }
      if ((data = hs_chart_data_query (db, kind, split, &args->filter, error)) == NULL)
        {
          *status = _hs_cli_fail (error != NULL && *error != NULL ? (*error)->message : "");
          return NULL;
        }
      g_ptr_array_add (charts, data);
    }
  return g_steal_pointer (&charts);
}

int
_hs_cli_chart (const HsCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = NULL;
  g_autoptr(GPtrArray) charts = NULL;
  g_autofree char *organisation = NULL;
  ChartArgs args = { NULL };
  HsChartStyle style;
  HsChartFormat format = HS_CHART_FORMAT_PNG;
  double width = 0, height = 0;
  int status;

  if ((status = parse_args (options, &args)) != 0
      || (status = check_args (&args, &format, &width, &height)) != 0)
    goto out;
  if ((db = _hs_cli_open_database (options, &error)) == NULL)
    {
      status = _hs_cli_fail (error->message);
      goto out;
    }
  if (args.district != NULL
      && (args.filter.district_id = hs_database_find_district (db, args.district)) <= 0)
    {
      g_autofree char *message = g_strdup_printf (_("There is no district called ‘%s’."),
                                                  args.district);
      status = _hs_cli_usage_error (message);
      goto out;
    }
  if ((charts = query_charts (db, &args, &error, &status)) == NULL)
    goto out;

  organisation = hs_database_get_setting (db, "organisation.name");
  hs_chart_style_init (&style);
  style.language = args.language != NULL ? args.language : "en";
  style.theme = g_strcmp0 (args.theme, "dark") == 0 ? HS_CHART_DARK : HS_CHART_LIGHT;
  style.organisation = organisation;
  if (args.report ? !hs_chart_export_report (charts, &style, args.output, &error)
                  : !hs_chart_export (charts, &style, format, width, height, args.output,
                                      &error))
    status = _hs_cli_fail (error->message);

out:
  hs_chart_filter_clear (&args.filter);
  return status;
}
