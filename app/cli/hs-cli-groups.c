/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-cli"

#include <glib/gi18n.h>
#include <string.h>

#include "hs-cli-private.h"
#include "hs-graduation.h"
#include "hs-group-list.h"
#include "hs-participant.h"
#include "hs-schedule.h"

/* The holiday table of the database when there is one; a preview never
 * creates a database file, it falls back to the built-in calendar. */
static GHashTable *
load_holidays (const HsCliOptions  *options,
               GError             **error)
{
  g_autofree char *path = options->db_path ? g_strdup (options->db_path)
                                           : hs_database_default_path ();
  g_autoptr(HsDatabase) db = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return hs_schedule_default_holidays (HS_HOLIDAY_FIRST_YEAR, HS_HOLIDAY_LAST_YEAR);
  if ((db = hs_database_open (path, error)) == NULL)
    return NULL;
  return hs_schedule_load_holidays (db, error);
}

int
_hs_cli_schedule_preview (const HsCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) holidays = NULL;
  g_autoptr(GArray) sessions = NULL;
  const char *start = NULL, *weekday = NULL, *count = "15", *time = NULL;
  GDateWeekday day;
  GDate date;
  gint64 n = 0;

  for (int i = 0; i < options->n_args; i++)
    {
      if (!_hs_cli_take_value (options, &i, "--start", &start)
          && !_hs_cli_take_value (options, &i, "--weekday", &weekday)
          && !_hs_cli_take_value (options, &i, "--sessions", &count)
          && !_hs_cli_take_value (options, &i, "--time", &time))
        {
          g_autofree char *message = g_strdup_printf (_("Unknown option ‘%s’ for "
                                                        "schedule-preview."),
                                                      options->args[i]);
          return _hs_cli_usage_error (message);
        }
    }
  if (start == NULL || !hs_schedule_parse_date (start, &date))
    return _hs_cli_usage_error (_("schedule-preview needs --start YYYY-MM-DD, a real date."));
  if (weekday == NULL || (day = hs_schedule_parse_weekday (weekday)) == G_DATE_BAD_WEEKDAY)
    return _hs_cli_usage_error (_("schedule-preview needs --weekday, one of mon, tue, wed, "
                                  "thu, fri, sat, sun."));
  if (!g_ascii_string_to_signed (count, 10, 1, 100, &n, NULL))
    return _hs_cli_usage_error (_("--sessions takes a number from 1 to 100."));
  if (time != NULL && !hs_schedule_parse_time (time))
    return _hs_cli_usage_error (_("--time takes a time as HH:MM, for example 09:30."));

  if ((holidays = load_holidays (options, &error)) == NULL)
    return _hs_cli_fail (error->message);
  sessions = hs_schedule_generate (holidays, &date, day, (int) n, time);
  for (guint i = 0; i < sessions->len; i++)
    {
      HsScheduledSession *s = &g_array_index (sessions, HsScheduledSession, i);
      g_autofree char *iso = hs_schedule_format_date (&s->date);

      printf ("%d\t%s\t%s\n", s->number, iso, s->reason != NULL ? s->reason : "");
    }
  return 0;
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
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

int
_hs_cli_groups (const HsCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = NULL;
  g_autoptr(HsGroupList) list = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  const char *format = "table";
  guint n;

  if (options->n_args < 1 || !g_str_equal (options->args[0], "list"))
    return _hs_cli_usage_error (_("Use: groups list [--format json|table]."));
  for (int i = 1; i < options->n_args; i++)
    if (!_hs_cli_take_value (options, &i, "--format", &format))
      {
        g_autofree char *message = g_strdup_printf (_("Unknown option ‘%s’ for groups list."),
                                                    options->args[i]);
        return _hs_cli_usage_error (message);
      }
  if (!g_str_equal (format, "json") && !g_str_equal (format, "table"))
    return _hs_cli_usage_error (_("Unknown format: use json or table."));
  if ((db = _hs_cli_open_database (options, &error)) == NULL)
    return _hs_cli_fail (error->message);

  list = hs_group_list_new (db);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  if (g_str_equal (format, "json"))
    g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HsGroupRow) row = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *progress = hs_group_row_dup_progress (row);

      if (g_str_equal (format, "table"))
        {
          g_string_append_printf (out, "%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\n",
                                  hs_group_row_get_name (row),
                                  hs_group_approach_label (hs_group_row_get_approach (row)),
                                  hs_group_setting_label (hs_group_row_get_setting (row)),
                                  hs_age_band_label (hs_group_row_get_age_band (row)),
                                  hs_group_row_get_place (row),
                                  hs_group_row_get_members (row), progress,
                                  hs_group_status_label (hs_group_row_get_status (row)),
                                  hs_group_row_get_facilitators (row) ?: "");
          continue;
        }
      g_string_append_printf (out, "%s\n  {\"id\": %" G_GINT64_FORMAT ", \"name\": ",
                              i > 0 ? "," : "", hs_group_row_get_id (row));
      append_json_string (out, hs_group_row_get_name (row));
      g_string_append (out, ", \"approach\": ");
      append_json_string (out, hs_group_row_get_approach (row));
      g_string_append (out, ", \"setting\": ");
      append_json_string (out, hs_group_row_get_setting (row));
      g_string_append (out, ", \"age_band\": ");
      append_json_string (out, hs_group_row_get_age_band (row));
      g_string_append (out, ", \"place\": ");
      append_json_string (out, hs_group_row_get_place (row));
      g_string_append (out, ", \"facilitators\": ");
      append_json_string (out, hs_group_row_get_facilitators (row));
      g_string_append_printf (out, ", \"members\": %d, \"sessions_held\": %d,"
                              " \"sessions_planned\": %d, \"status\": ",
                              hs_group_row_get_members (row), hs_group_row_get_held (row),
                              hs_group_row_get_planned (row));
      append_json_string (out, hs_group_row_get_status (row));
      g_string_append_c (out, '}');
    }
  if (g_str_equal (format, "json"))
    g_string_append (out, n > 0 ? "\n]\n" : "]\n");
  fputs (out->str, stdout);
  return 0;
}

static gint64
find_group (HsDatabase *db,
            const char *text)
{
  g_autoptr(HsGroupList) list = hs_group_list_new (db);
  gint64 id = 0;

  if (g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &id, NULL))
    return id;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(HsGroupRow) row = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_utf8_collate (hs_group_row_get_name (row), text) == 0)
        return hs_group_row_get_id (row);
    }
  return 0;
}

int
_hs_cli_attendance (const HsCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = NULL;
  g_autoptr(HsAttendanceGrid) grid = NULL;
  gint64 group_id;

  if (options->n_args != 2 || !g_str_equal (options->args[0], "show"))
    return _hs_cli_usage_error (_("Use: attendance show GROUP (its name or number)."));
  if ((db = _hs_cli_open_database (options, &error)) == NULL)
    return _hs_cli_fail (error->message);
  if ((group_id = find_group (db, options->args[1])) == 0)
    {
      g_autofree char *message = g_strdup_printf (_("There is no group “%s”; "
                                                    "healing-spaces-cli groups list shows "
                                                    "them."), options->args[1]);
      return _hs_cli_fail (message);
    }
  if ((grid = hs_attendance_grid_load (db, group_id, &error)) == NULL)
    return _hs_cli_fail (error->message);

  printf ("%s", _("Member"));
  for (guint s = 0; s < grid->sessions->len; s++)
    printf ("\t%d", g_array_index (grid->sessions, HsGridSession, s).number);
  printf ("\t%s\n", _("Standing"));
  for (guint m = 0; m < grid->members->len; m++)
    {
      HsMemberStanding *member = g_ptr_array_index (grid->members, m);

      printf ("%s", member->full_name);
      for (guint s = 0; s < grid->sessions->len; s++)
        printf ("\t%s", hs_attendance_mark_letter (hs_attendance_grid_get (grid, m, s)));
      printf ("\t%s\n", member->explanation);
    }
  return 0;
}
