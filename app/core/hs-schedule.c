/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-schedule"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hs-domain-private.h"
#include "hs-group.h"
#include "hs-schedule.h"
#include "hs-session.h"

/* The Rwanda Muslims' Association announces the Eid dates each year; these
 * are the astronomical estimates, corrected by the coordinator in the table. */
static const struct
{
  int         year;
  const char *fitr;
  const char *adha;
} eid_estimates[] = {
  { 2024, "2024-04-10", "2024-06-16" },
  { 2025, "2025-03-30", "2025-06-06" },
  { 2026, "2026-03-20", "2026-05-27" },
  { 2027, "2027-03-10", "2027-05-16" },
  { 2028, "2028-02-27", "2028-05-05" },
  { 2029, "2029-02-15", "2029-04-24" },
  { 2030, "2030-02-05", "2030-04-13" },
};

static const struct
{
  int         month;
  int         day;
  const char *name;
} fixed_holidays[] = {
  { 1, 1, N_("New Year's Day") },
  { 1, 2, N_("Day after New Year's Day") },
  { 2, 1, N_("National Heroes' Day") },
  { 4, 7, N_("Genocide against the Tutsi Memorial Day") },
  { 5, 1, N_("Labour Day") },
  { 7, 1, N_("Independence Day") },
  { 7, 4, N_("Liberation Day") },
  { 8, 15, N_("Assumption Day") },
  { 12, 25, N_("Christmas Day") },
  { 12, 26, N_("Boxing Day") },
};

#define GOOD_FRIDAY   N_("Good Friday")
#define EASTER_MONDAY N_("Easter Monday")
#define UMUGANURA     N_("Umuganura Day")
#define EID_FITR      N_("Eid al-Fitr")
#define EID_ADHA      N_("Eid al-Adha")
#define COMPENSATORY  N_("Compensatory holiday")

char *
hs_schedule_format_date (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static char *
format_display_date (const GDate *date)
{
  return g_strdup_printf ("%02d.%02d.%04d", g_date_get_day (date), g_date_get_month (date),
                          g_date_get_year (date));
}

char *
hs_schedule_display_date (const char *iso)
{
  static const char * const days[] = {
    NC_("weekday", "Mon"), NC_("weekday", "Tue"), NC_("weekday", "Wed"), NC_("weekday", "Thu"),
    NC_("weekday", "Fri"), NC_("weekday", "Sat"), NC_("weekday", "Sun"),
  };
  g_autofree char *shown = NULL;
  GDate date;

  if (!hs_schedule_parse_date (iso, &date))
    return g_strdup (iso != NULL ? iso : "");
  shown = format_display_date (&date);
  return g_strdup_printf ("%s %s", g_dpgettext2 (GETTEXT_PACKAGE, "weekday",
                                                 days[g_date_get_weekday (&date) - 1]), shown);
}

gboolean
hs_schedule_parse_date (const char *text,
                        GDate      *date)
{
  int y, m, d;
  char tail;

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10
      || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3
      || text[4] != '-' || text[7] != '-'
      || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

gboolean
hs_schedule_parse_time (const char *text)
{
  return text != NULL && strlen (text) == 5 && g_ascii_isdigit (text[0])
         && g_ascii_isdigit (text[1]) && text[2] == ':' && g_ascii_isdigit (text[3])
         && g_ascii_isdigit (text[4])
         && (text[0] - '0') * 10 + (text[1] - '0') < 24 && text[3] < '6';
}

GDateWeekday
hs_schedule_parse_weekday (const char *text)
{
  static const char * const names[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
  g_autofree char *folded = NULL;

  if (text == NULL || *text == '\0')
    return G_DATE_BAD_WEEKDAY;
  if (text[1] == '\0' && text[0] >= '1' && text[0] <= '7')
    return (GDateWeekday) (text[0] - '0');
  folded = g_ascii_strdown (text, -1);
  if (strlen (folded) < 3)
    return G_DATE_BAD_WEEKDAY;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_has_prefix (folded, names[i]))
      {
        static const char * const full[] = { "monday", "tuesday", "wednesday", "thursday",
                                             "friday", "saturday", "sunday" };
        if (strlen (folded) == 3 || g_str_equal (folded, full[i]))
          return (GDateWeekday) (i + 1);
      }
  return G_DATE_BAD_WEEKDAY;
}

/* Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
void
hs_schedule_easter (int    year,
                    GDate *easter)
{
  int a = year % 19, b = year / 100, c = year % 100;
  int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = (h + l - 7 * m + 114) % 31 + 1;

  g_date_clear (easter, 1);
  g_date_set_dmy (easter, day, month, year);
}

static void
add_holiday (GHashTable  *table,
             const GDate *date,
             const char  *name)
{
  char *key = hs_schedule_format_date (date);
  const char *old = g_hash_table_lookup (table, key);

  if (old != NULL)
    g_hash_table_insert (table, key, g_strdup_printf ("%s / %s", old, name));
  else
    g_hash_table_insert (table, key, g_strdup (name));
}

static void
add_dated (GHashTable *table,
           const char *iso,
           const char *name)
{
  GDate date;

  if (hs_schedule_parse_date (iso, &date))
    add_holiday (table, &date, name);
}

static void
add_year (GHashTable *table,
          int         year)
{
  GDate date;

  for (guint i = 0; i < G_N_ELEMENTS (fixed_holidays); i++)
    {
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, fixed_holidays[i].day, fixed_holidays[i].month, year);
      add_holiday (table, &date, fixed_holidays[i].name);
    }

  hs_schedule_easter (year, &date);
  g_date_subtract_days (&date, 2);
  add_holiday (table, &date, GOOD_FRIDAY);
  g_date_add_days (&date, 3);
  add_holiday (table, &date, EASTER_MONDAY);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_AUGUST, year);
  while (g_date_get_weekday (&date) != G_DATE_FRIDAY)
    g_date_add_days (&date, 1);
  add_holiday (table, &date, UMUGANURA);

  for (guint i = 0; i < G_N_ELEMENTS (eid_estimates); i++)
    if (eid_estimates[i].year == year)
      {
        add_dated (table, eid_estimates[i].fitr, EID_FITR);
        add_dated (table, eid_estimates[i].adha, EID_ADHA);
      }
}

static gboolean
is_weekend (const GDate *date)
{
  return g_date_get_weekday (date) >= G_DATE_SATURDAY;
}

/* Order N° 062/01: a holiday on a weekend, except 7 April, makes the next
 * working day a holiday; two on the same weekend give one working day. */
static void
add_compensations (GHashTable *table)
{
  g_autoptr(GHashTable) mondays = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GList) keys = g_hash_table_get_keys (table);

  for (GList *l = keys; l != NULL; l = l->next)
    {
      GDate date;

      if (!hs_schedule_parse_date (l->data, &date) || !is_weekend (&date)
          || (g_date_get_month (&date) == G_DATE_APRIL && g_date_get_day (&date) == 7))
        continue;
      /* Key the weekend by the Monday after it, so both of its days meet. */
      g_date_add_days (&date, 8 - g_date_get_weekday (&date));
      g_hash_table_add (mondays, hs_schedule_format_date (&date));
    }

  g_list_free (g_steal_pointer (&keys));
  keys = g_hash_table_get_keys (mondays);
  keys = g_list_sort (keys, (GCompareFunc) strcmp);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      GDate date;
      g_autofree char *key = NULL;

      hs_schedule_parse_date (l->data, &date);
      for (;;)
        {
          g_free (key);
          key = hs_schedule_format_date (&date);
          if (!is_weekend (&date) && !g_hash_table_contains (table, key))
            break;
          g_date_add_days (&date, 1);
        }
      add_holiday (table, &date, COMPENSATORY);
    }
}

GHashTable *
hs_schedule_default_holidays (int first_year,
                              int last_year)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (first_year >= 1583 && last_year <= 9998, table);

  /* The year before and after too, so that compensations crossing a year end
   * are found; only the requested years are kept. */
  for (int year = first_year - 1; year <= last_year + 1; year++)
    add_year (table, year);
  add_compensations (table);

  {
    GHashTableIter iter;
    const char *key;

    g_hash_table_iter_init (&iter, table);
    while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
      {
        int year = atoi (key);
        if (year < first_year || year > last_year)
          g_hash_table_iter_remove (&iter);
      }
  }
  return table;
}

GHashTable *
hs_schedule_load_holidays (HsDatabase  *db,
                           GError     **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  stmt = _hs_database_prepare (db, "SELECT date, name FROM holiday ORDER BY date, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GDate date;

      if (hs_schedule_parse_date ((const char *) sqlite3_column_text (stmt, 0), &date))
        add_holiday (table, &date, (const char *) sqlite3_column_text (stmt, 1));
    }
  if (rc != SQLITE_DONE)
    {
      _hs_database_set_error (db, error, _("Reading the public holidays"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&table);
}

static gboolean
has_text (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return TRUE;
  return FALSE;
}

static gboolean
check_holiday (const char  *date,
               const char  *name,
               GError     **error)
{
  if (date == NULL || !has_text (date))
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("A holiday needs a date; write it as YYYY-MM-DD."));
      return FALSE;
    }
  if (!_hs_check_date (date, _("Holiday date"), error))
    return FALSE;
  if (name == NULL || !has_text (name))
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("A holiday needs a name, for example “Eid al-Fitr”."));
      return FALSE;
    }
  return TRUE;
}

gint64
hs_schedule_add_holiday (HsDatabase  *db,
                         const char  *date,
                         const char  *name,
                         GError     **error)
{
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (HS_IS_DATABASE (db), 0);

  if (!check_holiday (date, name, error))
    return 0;
  if (!_hs_database_write_begin (db, error))
    return 0;
  stmt = _hs_database_prepare (db, "INSERT INTO holiday (date, name) VALUES (?1, ?2)", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      if (!ok)
        g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                     _("The holiday “%s” on %s is already in the table."), name, date);
      sqlite3_reset (stmt);
    }
  if (ok)
    {
      id = sqlite3_last_insert_rowid (_hs_database_get_handle (db));
      after = _hs_database_row_json (db, "holiday", id);
      ok = _hs_database_audit (db, HS_AUDIT_INSERT, "holiday", id, NULL, after, error);
    }
  if (!_hs_database_write_end (db, ok, error))
    return 0;
  return id;
}

gboolean
hs_schedule_remove_holiday (HsDatabase  *db,
                            gint64       id,
                            GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  if (!_hs_database_write_begin (db, error))
    return FALSE;
  ok = _hs_delete_audited (db, "holiday", "SELECT id FROM holiday WHERE id = ?1",
                           "DELETE FROM holiday WHERE id = ?", id, 0, error);
  return _hs_database_write_end (db, ok, error);
}

gboolean
hs_schedule_update_holiday (HsDatabase  *db,
                            gint64       id,
                            const char  *date,
                            const char  *name,
                            GError     **error)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  if (!check_holiday (date, name, error) || !_hs_database_write_begin (db, error))
    return FALSE;
  before = _hs_database_row_json (db, "holiday", id);
  ok = before != NULL;
  if (!ok)
    g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND,
                 _("This holiday is no longer in the table; someone may have deleted it."));
  stmt = ok ? _hs_database_prepare (db, "UPDATE holiday SET date = ?1, name = ?2 WHERE id = ?3",
                                    error) : NULL;
  ok = ok && stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, id);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      if (!ok)
        g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                     _("The holiday “%s” on %s is already in the table."), name, date);
      sqlite3_reset (stmt);
    }
  if (ok)
    {
      after = _hs_database_row_json (db, "holiday", id);
      ok = _hs_database_audit (db, HS_AUDIT_UPDATE, "holiday", id, before, after, error);
    }
  return _hs_database_write_end (db, ok, error);
}

void
hs_holiday_free (HsHoliday *holiday)
{
  if (holiday == NULL)
    return;
  g_free (holiday->date);
  g_free (holiday->name);
  g_free (holiday);
}

GPtrArray *
hs_schedule_list_holidays (HsDatabase  *db,
                           int          year,
                           GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_holiday_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  stmt = _hs_database_prepare (db, "SELECT id, date, name FROM holiday "
                                   "WHERE ?1 = 0 OR substr (date, 1, 4) = printf ('%04d', ?1) "
                                   "ORDER BY date, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HsHoliday *holiday = g_new0 (HsHoliday, 1);

      holiday->id = sqlite3_column_int64 (stmt, 0);
      holiday->date = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      holiday->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (list, holiday);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _hs_database_set_error (db, error, _("Reading the public holidays"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

static gboolean
is_last_saturday (const GDate *date)
{
  GDate next = *date;

  if (g_date_get_weekday (date) != G_DATE_SATURDAY)
    return FALSE;
  g_date_add_days (&next, 7);
  return g_date_get_month (&next) != g_date_get_month (date);
}

HsDayKind
hs_schedule_check_day (GHashTable  *holidays,
                       const GDate *date,
                       const char  *time,
                       const char **name)
{
  g_autofree char *key = hs_schedule_format_date (date);
  const char *holiday = holidays != NULL ? g_hash_table_lookup (holidays, key) : NULL;

  if (name != NULL)
    *name = holiday;
  if (holiday != NULL)
    return HS_DAY_HOLIDAY;
  if (g_date_get_month (date) == G_DATE_APRIL
      && g_date_get_day (date) >= 7 && g_date_get_day (date) <= 13)
    return HS_DAY_KWIBUKA;
  /* Umuganda runs in the morning; an afternoon session does not clash. */
  if (is_last_saturday (date) && (time == NULL || *time == '\0' || strcmp (time, "12:00") < 0))
    return HS_DAY_UMUGANDA;
  return HS_DAY_OPEN;
}

static char *
translate_names (const char *names)
{
  g_auto(GStrv) parts = g_strsplit (names, " / ", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, " / ");
      g_string_append (out, _(parts[i]));
    }
  return g_string_free (out, FALSE);
}

char *
hs_schedule_describe_day (GHashTable  *holidays,
                          const GDate *date,
                          const char  *time)
{
  const char *name = NULL;

  switch (hs_schedule_check_day (holidays, date, time, &name))
    {
    case HS_DAY_HOLIDAY:
      return translate_names (name);
    case HS_DAY_KWIBUKA:
      return g_strdup (_("Kwibuka commemoration week"));
    case HS_DAY_UMUGANDA:
      return g_strdup (_("Umuganda (last Saturday morning)"));
    case HS_DAY_OPEN:
    default:
      return NULL;
    }
}

static void
clear_scheduled (gpointer data)
{
  HsScheduledSession *session = data;

  g_clear_pointer (&session->reason, g_free);
}

/* The first open day after @regular in the same Monday–Saturday week. */
static gboolean
find_later_day (GHashTable  *holidays,
                const GDate *regular,
                const char  *time,
                GDate       *found)
{
  *found = *regular;
  while (g_date_get_weekday (found) < G_DATE_SATURDAY)
    {
      g_date_add_days (found, 1);
      if (hs_schedule_check_day (holidays, found, time, NULL) == HS_DAY_OPEN)
        return TRUE;
    }
  return FALSE;
}

GArray *
hs_schedule_generate (GHashTable  *holidays,
                      const GDate *start,
                      GDateWeekday weekday,
                      int          n_sessions,
                      const char  *time)
{
  GArray *out = g_array_sized_new (FALSE, TRUE, sizeof (HsScheduledSession), MAX (n_sessions, 0));
  GDate regular = *start;
  int guard = 0;

  g_array_set_clear_func (out, clear_scheduled);
  g_return_val_if_fail (g_date_valid (start), out);
  g_return_val_if_fail (g_date_valid_weekday (weekday), out);

  while (g_date_get_weekday (&regular) != weekday)
    g_date_add_days (&regular, 1);

  for (int n = 1; n <= n_sessions && guard < 1000; n++)
    {
      HsScheduledSession session = { .number = n };
      g_autofree char *why = NULL;
      gboolean skipped_week = FALSE;

      session.regular = regular;
      for (; guard < 1000; guard++, g_date_add_days (&regular, 7))
        {
          if (hs_schedule_check_day (holidays, &regular, time, NULL) == HS_DAY_OPEN)
            {
              session.date = regular;
              break;
            }
          if (why == NULL)
            why = hs_schedule_describe_day (holidays, &regular, time);
          if (find_later_day (holidays, &regular, time, &session.date))
            break;
          skipped_week = TRUE;
        }
      if (why != NULL)
        {
          g_autofree char *from = format_display_date (&session.regular);

          /* Translators: the first %s is a date (07.04.2025), the second why (Easter Monday). */
          session.reason = skipped_week
            ? g_strdup_printf (_("Moved from %s to a later week: %s"), from, why)
            : g_strdup_printf (_("Moved from %s: %s"), from, why);
        }
      g_array_append_val (out, session);
      g_date_add_days (&regular, 7);
    }
  return out;
}

static int
count_sessions (HsDatabase  *db,
                gint64       group_id,
                GError     **error)
{
  sqlite3_stmt *stmt;
  int n = -1;

  stmt = _hs_database_prepare (db, "SELECT count(*), coalesce (max (number), 0) FROM session"
                                   " WHERE group_id = ?1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, group_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 1);
  else
    _hs_database_set_error (db, error, _("Reading the sessions"));
  sqlite3_reset (stmt);
  return n;
}

int
hs_schedule_create_sessions (HsDatabase  *db,
                             gint64       group_id,
                             GError     **error)
{
  g_autoptr(HsGroup) group = NULL;
  g_autoptr(GHashTable) holidays = NULL;
  g_autoptr(GArray) sessions = NULL;
  GDate start;
  int existing;
  gboolean ok = TRUE;

  g_return_val_if_fail (HS_IS_DATABASE (db), -1);

  if ((group = hs_group_load (db, group_id, error)) == NULL
      || (existing = count_sessions (db, group_id, error)) < 0)
    return -1;
  if (existing > 0)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("The group “%s” has its sessions already; move, cancel or add them one "
                     "by one."), hs_group_get_name (group));
      return -1;
    }
  if (!hs_schedule_parse_date (hs_group_get_start_date (group), &start)
      || hs_group_get_weekday (group) < 1)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("Give the group a start date and a weekday before planning its sessions."));
      return -1;
    }
  if ((holidays = hs_schedule_load_holidays (db, error)) == NULL)
    return -1;
  sessions = hs_schedule_generate (holidays, &start, hs_group_get_weekday (group),
                                   hs_group_get_planned_sessions (group),
                                   hs_group_get_start_time (group));

  if (!_hs_database_write_begin (db, error))
    return -1;
  for (guint i = 0; ok && i < sessions->len; i++)
    {
      HsScheduledSession *it = &g_array_index (sessions, HsScheduledSession, i);
      g_autofree char *date = hs_schedule_format_date (&it->date);
      g_autoptr(HsSession) session = g_object_new (HS_TYPE_SESSION,
                                                   "group-id", group_id,
                                                   "number", it->number,
                                                   "date", date,
                                                   "time", hs_group_get_start_time (group),
                                                   "venue", hs_group_get_venue (group),
                                                   "status", it->reason ? "moved" : "planned",
                                                   "reason", it->reason,
                                                   NULL);
      ok = hs_session_save (session, db, error);
    }
  if (!_hs_database_write_end (db, ok, error))
    return -1;
  return (int) sessions->len;
}

static gboolean
require_reason (const char  *reason,
                GError     **error)
{
  if (reason != NULL && has_text (reason))
    return TRUE;
  g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
               _("Say why the session changes, for example “the venue is closed”."));
  return FALSE;
}

gboolean
hs_schedule_move_session (HsDatabase  *db,
                          gint64       session_id,
                          const char  *date,
                          const char  *time,
                          const char  *reason,
                          GError     **error)
{
  g_autoptr(HsSession) session = NULL;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  if (!require_reason (reason, error)
      || (session = hs_session_load (db, session_id, error)) == NULL)
    return FALSE;
  if (g_str_equal (hs_session_get_status (session), "held"))
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("Session %d was held already; its date can no longer change."),
                   hs_session_get_number (session));
      return FALSE;
    }
  g_object_set (session, "date", date, "status", "moved", "reason", reason, NULL);
  if (time != NULL)
    g_object_set (session, "time", *time != '\0' ? time : NULL, NULL);
  return hs_session_save (session, db, error);
}

gboolean
hs_schedule_cancel_session (HsDatabase  *db,
                            gint64       session_id,
                            const char  *reason,
                            GError     **error)
{
  g_autoptr(HsSession) session = NULL;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  if (!require_reason (reason, error)
      || (session = hs_session_load (db, session_id, error)) == NULL)
    return FALSE;
  g_object_set (session, "status", "cancelled", "reason", reason, NULL);
  return hs_session_save (session, db, error);
}

gint64
hs_schedule_add_session (HsDatabase  *db,
                         gint64       group_id,
                         const char  *date,
                         const char  *time,
                         GError     **error)
{
  g_autoptr(HsGroup) group = NULL;
  g_autoptr(HsSession) session = NULL;
  int last;

  g_return_val_if_fail (HS_IS_DATABASE (db), 0);

  if ((group = hs_group_load (db, group_id, error)) == NULL
      || (last = count_sessions (db, group_id, error)) < 0)
    return 0;
  session = g_object_new (HS_TYPE_SESSION,
                          "group-id", group_id,
                          "number", last + 1,
                          "date", date,
                          "time", time != NULL && *time != '\0' ? time
                                  : hs_group_get_start_time (group),
                          "venue", hs_group_get_venue (group),
                          "status", "planned",
                          NULL);
  if (!hs_session_save (session, db, error))
    return 0;
  return hs_session_get_id (session);
}

GPtrArray *
hs_schedule_find_clashes (HsDatabase  *db,
                          gint64       group_id,
                          GError     **error)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_DATABASE (db), out);

  stmt = _hs_database_prepare (db,
    "SELECT s.date, coalesce (s.time, ''), t.full_name, g.name, s.number, g2.name, s2.number"
    " FROM session s"
    " JOIN hgroup g ON g.id = s.group_id"
    " JOIN group_facilitator gf ON gf.group_id = s.group_id"
    " JOIN group_facilitator gf2 ON gf2.facilitator_id = gf.facilitator_id"
    "   AND gf2.group_id <> s.group_id"
    " JOIN session s2 ON s2.group_id = gf2.group_id AND s2.date = s.date"
    "   AND coalesce (s2.time, '') = coalesce (s.time, '')"
    " JOIN hgroup g2 ON g2.id = s2.group_id"
    " JOIN facilitator t ON t.id = gf.facilitator_id"
    " WHERE (?1 = 0 OR s.group_id = ?1) AND s.status <> 'cancelled'"
    "   AND s2.status <> 'cancelled' AND (?1 <> 0 OR s.group_id < s2.group_id)"
    " ORDER BY s.date, s.time, t.full_name", error);
  if (stmt == NULL)
    {
      g_ptr_array_unref (out);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, group_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GDate date;
      g_autofree char *shown = NULL;

      hs_schedule_parse_date ((const char *) sqlite3_column_text (stmt, 0), &date);
      shown = format_display_date (&date);
      /* Translators: "12.03.2025 09:00: Jean Bosco has “Musanze A” session 3 and
       * “Musanze B” session 5 at the same time." */
      g_ptr_array_add (out, g_strdup_printf (_("%s %s: %s has “%s” session %d and “%s” "
                                               "session %d at the same time."),
                                             shown,
                                             (const char *) sqlite3_column_text (stmt, 1),
                                             (const char *) sqlite3_column_text (stmt, 2),
                                             (const char *) sqlite3_column_text (stmt, 3),
                                             sqlite3_column_int (stmt, 4),
                                             (const char *) sqlite3_column_text (stmt, 5),
                                             sqlite3_column_int (stmt, 6)));
    }
  if (rc != SQLITE_DONE)
    {
      _hs_database_set_error (db, error, _("Reading the sessions"));
      g_clear_pointer (&out, g_ptr_array_unref);
    }
  sqlite3_reset (stmt);
  return out;
}

static void
append_ics_text (GString    *line,
                 const char *text)
{
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (*p == '\\' || *p == ';' || *p == ',')
        g_string_append_c (line, '\\');
      if (*p == '\n')
        g_string_append (line, "\\n");
      else if (*p != '\r')
        g_string_append_c (line, *p);
    }
}

/* RFC 5545 folds lines longer than 75 octets, never inside a UTF-8 character. */
static void
append_ics_line (GString *out,
                 GString *line)
{
  const char *p = line->str;
  gsize width = 0;

  while (*p != '\0')
    {
      const char *next = g_utf8_next_char (p);

      if (width + (gsize) (next - p) > 75)
        {
          g_string_append (out, "\r\n ");
          width = 1;
        }
      g_string_append_len (out, p, next - p);
      width += next - p;
      p = next;
    }
  g_string_append (out, "\r\n");
  g_string_truncate (line, 0);
}

static void
append_ics_event (GString    *out,
                  gint64      id,
                  const char *group,
                  int         number,
                  const char *date,
                  const char *time,
                  const char *venue,
                  const char *reason,
                  const char *stamp)
{
  g_autoptr(GString) line = g_string_new (NULL);
  GDate day;

  if (!hs_schedule_parse_date (date, &day))
    return;
  append_ics_line (out, g_string_append (line, "BEGIN:VEVENT"));
  g_string_printf (line, "UID:session-%" G_GINT64_FORMAT "@healing-spaces", id);
  append_ics_line (out, line);
  g_string_printf (line, "DTSTAMP:%s", stamp);
  append_ics_line (out, line);
  if (time != NULL && hs_schedule_parse_time (time))
    {
      /* Rwanda keeps UTC+2 all year. */
      g_autoptr(GTimeZone) kigali = g_time_zone_new_offset (2 * 3600);
      g_autoptr(GDateTime) start = g_date_time_new (kigali, g_date_get_year (&day),
                                                    g_date_get_month (&day),
                                                    g_date_get_day (&day),
                                                    atoi (time), atoi (time + 3), 0);
      g_autoptr(GDateTime) utc = g_date_time_to_utc (start);
      g_autofree char *text = g_date_time_format (utc, "%Y%m%dT%H%M%SZ");

      g_string_printf (line, "DTSTART:%s", text);
      append_ics_line (out, line);
      append_ics_line (out, g_string_append (line, "DURATION:PT2H"));
    }
  else
    {
      g_string_printf (line, "DTSTART;VALUE=DATE:%04d%02d%02d", g_date_get_year (&day),
                       g_date_get_month (&day), g_date_get_day (&day));
      append_ics_line (out, line);
    }
  g_string_append (line, "SUMMARY:");
  /* Translators: an event in a calendar, "Musanze adults 6: session 3". */
  {
    g_autofree char *summary = g_strdup_printf (_("%s: session %d"), group, number);
    append_ics_text (line, summary);
  }
  append_ics_line (out, line);
  if (venue != NULL)
    {
      g_string_append (line, "LOCATION:");
      append_ics_text (line, venue);
      append_ics_line (out, line);
    }
  if (reason != NULL)
    {
      g_string_append (line, "DESCRIPTION:");
      append_ics_text (line, reason);
      append_ics_line (out, line);
    }
  append_ics_line (out, g_string_append (line, "END:VEVENT"));
}

char *
hs_schedule_to_ics (HsDatabase  *db,
                    gint64       group_id,
                    GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  stmt = _hs_database_prepare (db,
                               "SELECT s.id, g.name, s.number, s.date, s.time, s.venue, s.reason"
                               " FROM session s JOIN hgroup g ON g.id = s.group_id"
                               " WHERE s.group_id = ?1 AND s.status <> 'cancelled'"
                               " ORDER BY s.number", error);
  if (stmt == NULL)
    return NULL;
  append_ics_line (out, g_string_append (line, "BEGIN:VCALENDAR"));
  append_ics_line (out, g_string_append (line, "VERSION:2.0"));
  append_ics_line (out, g_string_append (line, "PRODID:-//Healing Spaces//Sessions//EN"));
  append_ics_line (out, g_string_append (line, "CALSCALE:GREGORIAN"));
  sqlite3_bind_int64 (stmt, 1, group_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    append_ics_event (out, sqlite3_column_int64 (stmt, 0),
                      (const char *) sqlite3_column_text (stmt, 1),
                      sqlite3_column_int (stmt, 2),
                      (const char *) sqlite3_column_text (stmt, 3),
                      (const char *) sqlite3_column_text (stmt, 4),
                      (const char *) sqlite3_column_text (stmt, 5),
                      (const char *) sqlite3_column_text (stmt, 6),
                      stamp);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _hs_database_set_error (db, error, _("Reading the sessions"));
      return NULL;
    }
  append_ics_line (out, g_string_append (line, "END:VCALENDAR"));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
hs_calendar_entry_free (HsCalendarEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->date);
  g_free (entry->time);
  g_free (entry->group);
  g_free (entry->status);
  g_free (entry->venue);
  g_free (entry);
}

GPtrArray *
hs_schedule_list_between (HsDatabase  *db,
                          const char  *first,
                          const char  *last,
                          GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                             hs_calendar_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  stmt = _hs_database_prepare (db,
                               "SELECT s.id, g.id, s.date, s.time, g.name, s.number, s.status,"
                               " coalesce (s.venue, g.venue)"
                               " FROM session s JOIN hgroup g ON g.id = s.group_id"
                               " WHERE s.date BETWEEN ?1 AND ?2"
                               " ORDER BY s.date, s.time, g.name COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HsCalendarEntry *entry = g_new0 (HsCalendarEntry, 1);

      entry->session_id = sqlite3_column_int64 (stmt, 0);
      entry->group_id = sqlite3_column_int64 (stmt, 1);
      entry->date = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entry->time = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      entry->group = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      entry->number = sqlite3_column_int (stmt, 5);
      entry->status = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      entry->venue = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      g_ptr_array_add (out, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _hs_database_set_error (db, error, _("Reading the sessions"));
      return NULL;
    }
  return g_steal_pointer (&out);
}
