/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-cli"

#include <glib/gi18n.h>
#include <string.h>

#include "hs-cli-private.h"
#include "hs-livelihood.h"
#include "hs-target.h"

/* livelihoods tvet list [--format json|table]
 * livelihoods tvet add --participant ID --trade TRADE [--centre C] [--start D] [--end D]
 *     [--status enrolled|completed|dropped] [--expected-release D] [--release D]
 *     [--reintegration family|community] [--reintegration-date D] [--notes TEXT]
 * livelihoods targets list [--format json|table]
 * livelihoods targets set [--id ID] --name NAME [--metric people|graduates] --value N
 *     [--female N] [--male N] [--district D] [--from D] [--to D] [--past]
 * The core checks dates, choices and that a trainee graduated from a prison
 * group; this file only turns the command line into a record. */

typedef struct
{
  const char *name;
  char      **field;
} Option;

static int
unknown_option (const HsCliOptions *options,
                int                 i)
{
  g_autofree char *message = g_strdup_printf (_("Unknown option ‘%s’ for livelihoods %s %s."),
                                              options->args[i], options->args[0],
                                              options->args[1]);
  return _hs_cli_usage_error (message);
}

/* Reads --name VALUE or --name=VALUE for each of @fields into a fresh copy. */
static int
take_fields (const HsCliOptions *options,
             const Option       *fields,
             gboolean           *past,
             const char        **format)
{
  for (int i = 2; i < options->n_args; i++)
    {
      const char *value = NULL;
      gboolean taken = FALSE;

      if (past != NULL && g_str_equal (options->args[i], "--past"))
        {
          *past = TRUE;
          continue;
        }
      if (format != NULL && _hs_cli_take_value (options, &i, "--format", format))
        continue;
      for (const Option *f = fields; f != NULL && f->name != NULL && !taken; f++)
        if (_hs_cli_take_value (options, &i, f->name, &value))
          {
            g_free (*f->field);
            *f->field = g_strdup (value);
            taken = TRUE;
          }
      if (!taken)
        return unknown_option (options, i);
    }
  return 0;
}

static gboolean
parse_count (const char *option,
             const char *text,
             gint64      min,
             gint64     *value,
             int        *status)
{
  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_signed (text, 10, min, G_MAXINT32, value, NULL))
    {
      g_autofree char *message = g_strdup_printf (min > 0 ? _("%s takes a whole number of 1 or "
                                                              "more, not ‘%s’.")
                                                          : _("%s takes a whole number of 0 or "
                                                              "more, not ‘%s’."),
                                                  option, text);
      *status = _hs_cli_usage_error (message);
      return FALSE;
    }
  return TRUE;
}

static void
replace_str (char       **field,
             const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static int
check_format (const char *format)
{
  if (!g_str_equal (format, "json") && !g_str_equal (format, "table"))
    return _hs_cli_usage_error (_("Unknown format: use json or table."));
  return 0;
}

static void
append_json_field (GString    *out,
                   const char *name,
                   const char *value)
{
  g_string_append_printf (out, ", \"%s\": ", name);
  _hs_cli_append_json_string (out, value);
}

static int
list_tvet (HsDatabase *db,
           gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = hs_tvet_list (db, &error);
  g_autoptr(GString) out = g_string_new (json ? "[" : NULL);

  if (rows == NULL)
    return _hs_cli_fail (error->message);
  for (guint i = 0; i < rows->len; i++)
    {
      const HsTvet *t = g_ptr_array_index (rows, i);

      if (!json)
        {
          g_string_append_printf (out, "%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", t->id,
                                  t->full_name, t->trade, t->centre ?: "", t->status,
                                  t->end_date ?: "", t->release_date ?: "",
                                  t->reintegration ?: "");
          continue;
        }
      g_string_append_printf (out, "%s  {\"id\": %" G_GINT64_FORMAT ", \"participant_id\": %"
                              G_GINT64_FORMAT, i > 0 ? ",\n" : "\n", t->id, t->participant_id);
      append_json_field (out, "name", t->full_name);
      append_json_field (out, "trade", t->trade);
      append_json_field (out, "centre", t->centre);
      append_json_field (out, "start_date", t->start_date);
      append_json_field (out, "end_date", t->end_date);
      append_json_field (out, "status", t->status);
      append_json_field (out, "expected_release", t->expected_release);
      append_json_field (out, "release_date", t->release_date);
      append_json_field (out, "reintegration", t->reintegration);
      append_json_field (out, "reintegration_date", t->reintegration_date);
      g_string_append_c (out, '}');
    }
  if (json)
    g_string_append (out, rows->len > 0 ? "\n]\n" : "]\n");
  fputs (out->str, stdout);
  return 0;
}

static int
add_tvet (const HsCliOptions *options,
          HsDatabase         *db)
{
  g_autoptr(HsTvet) tvet = hs_tvet_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *participant = NULL;
  const Option fields[] = {
    { "--participant", &participant }, { "--trade", &tvet->trade },
    { "--centre", &tvet->centre }, { "--start", &tvet->start_date },
    { "--end", &tvet->end_date }, { "--status", &tvet->status },
    { "--expected-release", &tvet->expected_release }, { "--release", &tvet->release_date },
    { "--reintegration", &tvet->reintegration },
    { "--reintegration-date", &tvet->reintegration_date }, { "--notes", &tvet->notes },
    { NULL, NULL }
  };
  int status;

  if ((status = take_fields (options, fields, NULL, NULL)) != 0)
    return status;
  if (participant == NULL || tvet->trade == NULL)
    return _hs_cli_usage_error (_("livelihoods tvet add needs --participant ID (a prison "
                                  "graduate) and --trade TRADE."));
  if (!parse_count ("--participant", participant, 1, &tvet->participant_id, &status))
    return status;
  if (!hs_tvet_save (tvet, db, &error))
    return _hs_cli_fail (error->message);
  printf ("%" G_GINT64_FORMAT "\n", tvet->id);
  return 0;
}

static void
append_target_json (GString        *out,
                    const HsTarget *t)
{
  g_string_append_printf (out, "  {\"id\": %" G_GINT64_FORMAT, t->id);
  append_json_field (out, "name", t->name);
  append_json_field (out, "metric", t->metric);
  g_string_append_printf (out, ", \"value\": %" G_GINT64_FORMAT, t->value);
  if (t->female >= 0)
    g_string_append_printf (out, ", \"female\": %" G_GINT64_FORMAT, t->female);
  else
    g_string_append (out, ", \"female\": null");
  if (t->male >= 0)
    g_string_append_printf (out, ", \"male\": %" G_GINT64_FORMAT, t->male);
  else
    g_string_append (out, ", \"male\": null");
  append_json_field (out, "district", t->district);
  append_json_field (out, "from", t->start_date);
  append_json_field (out, "to", t->end_date);
  g_string_append_printf (out, ", \"past\": %s}", t->past ? "true" : "false");
}

static int
list_targets (HsDatabase *db,
              gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = hs_target_list (db, &error);
  g_autoptr(GString) out = g_string_new (json ? "[" : NULL);

  if (rows == NULL)
    return _hs_cli_fail (error->message);
  for (guint i = 0; i < rows->len; i++)
    {
      const HsTarget *t = g_ptr_array_index (rows, i);

      if (json)
        {
          g_string_append (out, i > 0 ? ",\n" : "\n");
          append_target_json (out, t);
          continue;
        }
      g_string_append_printf (out, "%" G_GINT64_FORMAT "\t%s\t%s\t%" G_GINT64_FORMAT "\t%s\t%s\t%s"
                              "\t%s\n", t->id, t->name, t->metric, t->value,
                              t->district ?: "", t->start_date ?: "", t->end_date ?: "",
                              t->past ? "past" : "");
    }
  if (json)
    g_string_append (out, rows->len > 0 ? "\n]\n" : "]\n");
  fputs (out->str, stdout);
  return 0;
}

static HsTarget *
find_target (HsDatabase  *db,
             gint64       id,
             GError     **error)
{
  g_autoptr(GPtrArray) rows = hs_target_list (db, error);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      HsTarget *t = g_ptr_array_index (rows, i);

      if (t->id == id)
        return g_ptr_array_steal_index (rows, i);
    }
  if (rows != NULL)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND,
                   _("There is no target with id %s; see livelihoods targets list."), number);
    }
  return NULL;
}

typedef struct
{
  char *id, *name, *metric, *value, *female, *male, *district, *from, *to;
} TargetArgs;

static void
target_args_clear (TargetArgs *a)
{
  g_free (a->id); g_free (a->name); g_free (a->metric); g_free (a->value); g_free (a->female);
  g_free (a->male); g_free (a->district); g_free (a->from); g_free (a->to);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TargetArgs, target_args_clear)

static gboolean
parse_target_numbers (const TargetArgs *a,
                      HsTarget         *target,
                      int              *status)
{
  return parse_count ("--value", a->value, 0, &target->value, status)
         && parse_count ("--female", a->female, 0, &target->female, status)
         && parse_count ("--male", a->male, 0, &target->male, status);
}

static int
set_target (const HsCliOptions *options,
            HsDatabase         *db)
{
  g_auto(TargetArgs) a = { NULL };
  g_autoptr(HsTarget) target = NULL;
  g_autoptr(GError) error = NULL;
  const Option fields[] = {
    { "--id", &a.id }, { "--name", &a.name }, { "--metric", &a.metric },
    { "--value", &a.value }, { "--female", &a.female }, { "--male", &a.male },
    { "--district", &a.district }, { "--from", &a.from }, { "--to", &a.to }, { NULL, NULL }
  };
  gboolean past = FALSE;
  gint64 id = 0;
  int status;

  if ((status = take_fields (options, fields, &past, NULL)) != 0)
    return status;
  if (!parse_count ("--id", a.id, 1, &id, &status))
    return status;
  if (id == 0 && (a.name == NULL || a.value == NULL))
    return _hs_cli_usage_error (_("livelihoods targets set needs --name NAME and --value N "
                                  "(or --id ID to change a target)."));
  target = id != 0 ? find_target (db, id, &error) : hs_target_new ();
  if (target == NULL)
    return _hs_cli_fail (error->message);
  if (!parse_target_numbers (&a, target, &status))
    return status;
  if (a.name != NULL)
    replace_str (&target->name, a.name);
  if (a.metric != NULL)
    replace_str (&target->metric, a.metric);
  if (a.from != NULL)
    replace_str (&target->start_date, a.from);
  if (a.to != NULL)
    replace_str (&target->end_date, a.to);
  if (past)
    target->past = TRUE;
  if (a.district != NULL && *a.district == '\0')
    target->district_id = 0;
  else if (a.district != NULL
           && (target->district_id = hs_database_find_district (db, a.district)) == 0)
    {
      g_autofree char *message = g_strdup_printf (_("There is no district called ‘%s’."),
                                                  a.district);
      return _hs_cli_fail (message);
    }
  if (!hs_target_save (target, db, &error))
    return _hs_cli_fail (error->message);
  printf ("%" G_GINT64_FORMAT "\n", target->id);
  return 0;
}

/* livelihoods tvet|targets … */
int
_hs_cli_livelihoods_records (const HsCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = NULL;
  gboolean tvet = g_str_equal (options->args[0], "tvet");
  const char *verb = options->n_args > 1 ? options->args[1] : "";
  const char *format = "table";
  gboolean list = g_str_equal (verb, "list");
  int status;

  if (!list && !g_str_equal (verb, tvet ? "add" : "set"))
    return _hs_cli_usage_error (tvet ? _("Use: livelihoods tvet list, or livelihoods tvet add "
                                         "--participant ID --trade TRADE …")
                                     : _("Use: livelihoods targets list, or livelihoods targets "
                                         "set --name NAME --value N …"));
  if (list && ((status = take_fields (options, NULL, NULL, &format)) != 0
               || (status = check_format (format)) != 0))
    return status;

  if ((db = _hs_cli_open_database (options, &error)) == NULL)
    return _hs_cli_fail (error->message);
  if (list)
    return tvet ? list_tvet (db, g_str_equal (format, "json"))
                : list_targets (db, g_str_equal (format, "json"));
  return tvet ? add_tvet (options, db) : set_target (options, db);
}
