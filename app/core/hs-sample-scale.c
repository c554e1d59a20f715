/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-sample-scale"

#include <glib/gi18n-lib.h>

#include "hs-database-private.h"
#include "hs-sample-data.h"

/* Synthetic people for benchmarks: a national programme's size (up to
 * millions) in realistic proportions — groups of 13, 15 weekly sessions,
 * attendance for everyone, most graduating. Rows are written with prepared
 * statements in one transaction, not through the audited domain API (that
 * would take minutes); one audit entry records the whole batch. */

#define GROUP_SIZE 13
#define SESSIONS 15

typedef struct
{
  sqlite3_stmt *participant;
  sqlite3_stmt *fts;
  sqlite3_stmt *group;
  sqlite3_stmt *membership;
  sqlite3_stmt *session;
  sqlite3_stmt *attendance;
} Statements;

static const char * const given[] = {
  "Alice", "Claudine", "Jeanne", "Chantal", "Solange", "Immaculée", "Vestine", "Béatrice",
  "Jean", "Emmanuel", "Théogène", "Innocent", "Éric", "Patrick", "Fidèle", "Célestin",
};
static const char * const family[] = {
  "Mukamana", "Uwimana", "Nyirahabimana", "Ingabire", "Umutoni", "Habimana", "Niyonzima",
  "Hakizimana", "Nsengiyumva", "Bizimana", "Ndayisaba", "Mugabo", "Munyaneza", "Gasana",
};

static gboolean
step (HsDatabase    *db,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  _hs_database_set_error (db, error, _("Adding synthetic participants"));
  return FALSE;
}

static gboolean
prepare_all (HsDatabase  *db,
             Statements  *s,
             GError     **error)
{
  return (s->participant = _hs_database_prepare (db,
            "INSERT INTO participant (uuid, full_name, search_key, sex, birth_year, age_band,"
            " phone, national_id, district_id, sector, village, category, screening_date,"
            " trauma_level, consent_date, consent_given_by, created, updated)"
            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'Synthetic', ?10, 'survivor', ?11,"
            " 'moderate', ?11, 'Participant', ?12, ?12)", error)) != NULL
         && (s->fts = _hs_database_prepare (db,
            "INSERT INTO participant_fts (rowid, full_name, phone, national_id, village)"
            " VALUES (?, ?, ?, ?, ?)", error)) != NULL
         && (s->group = _hs_database_prepare (db,
            "INSERT INTO hgroup (name, setting, age_band, district_id, weekday, start_time,"
            " start_date, status, graduation_date, created, updated)"
            " VALUES (?, 'community', ?, ?, ?, '14:00', ?, 'graduated', ?, ?, ?)", error)) != NULL
         && (s->membership = _hs_database_prepare (db,
            "INSERT INTO membership (group_id, participant_id, joined, left_date, outcome)"
            " VALUES (?, ?, ?, ?, ?)", error)) != NULL
         && (s->session = _hs_database_prepare (db,
            "INSERT INTO session (group_id, number, date, time, status)"
            " VALUES (?, ?, ?, '14:00', 'held')", error)) != NULL
         && (s->attendance = _hs_database_prepare (db,
            "INSERT INTO attendance (session_id, participant_id, mark) VALUES (?, ?, ?)",
            error)) != NULL;
}

static char *
format_date (GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static gint64
add_person (HsDatabase  *db,
            Statements  *s,
            GRand       *rand,
            guint        serial,
            gint64       district_id,
            const char  *screened,
            const char  *now,
            GError     **error)
{
  gboolean female = g_rand_int_range (rand, 0, 100) < 58;
  int year = g_ascii_strtoll (screened, NULL, 10);
  int age = g_rand_int_range (rand, 17, 70);
  const char *first = given[g_rand_int_range (rand, 0, 8) + (female ? 0 : 8)];
  g_autofree char *name = g_strdup_printf ("%s %s", first,
                                           family[g_rand_int_range (rand, 0,
                                                                    G_N_ELEMENTS (family))]);
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  g_autofree char *key = g_ascii_strdown (ascii, -1);
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *phone = g_strdup_printf ("078%07u", (serial * 7919u) % 10000000u);
  g_autofree char *national_id = NULL;
  g_autofree char *village = g_strdup_printf ("Umudugudu %u", 1 + serial % 12);
  gint64 id;

  if (serial % 2 == 0)
    /* 16 digits: 1, birth year, sex, serial, issue (0), check. */
    national_id = g_strdup_printf ("1%04d%c%07u0%02u", year - age, female ? '7' : '8',
                                   5000000 + serial, serial % 97);
  sqlite3_bind_text (s->participant, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (s->participant, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (s->participant, 3, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (s->participant, 4, female ? "F" : "M", -1, SQLITE_STATIC);
  sqlite3_bind_int (s->participant, 5, year - age);
  sqlite3_bind_text (s->participant, 6, age <= 30 ? "youth" : "adult", -1, SQLITE_STATIC);
  sqlite3_bind_text (s->participant, 7, phone, -1, SQLITE_STATIC);
  sqlite3_bind_text (s->participant, 8, national_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (s->participant, 9, district_id);
  sqlite3_bind_text (s->participant, 10, village, -1, SQLITE_STATIC);
  sqlite3_bind_text (s->participant, 11, screened, -1, SQLITE_STATIC);
  sqlite3_bind_text (s->participant, 12, now, -1, SQLITE_STATIC);
  if (!step (db, s->participant, error))
    return 0;
  id = sqlite3_last_insert_rowid (_hs_database_get_handle (db));

  sqlite3_bind_int64 (s->fts, 1, id);
  sqlite3_bind_text (s->fts, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (s->fts, 3, phone, -1, SQLITE_STATIC);
  sqlite3_bind_text (s->fts, 4, national_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (s->fts, 5, village, -1, SQLITE_STATIC);
  return step (db, s->fts, error) ? id : 0;
}

static gboolean
add_group (HsDatabase  *db,
           Statements  *s,
           GRand       *rand,
           guint        index,
           guint        size,
           guint       *serial,
           gint64       district_id,
           const char  *now,
           GError     **error)
{
  g_autofree char *name = g_strdup_printf ("Synthetic group %07u", index + 1);
  g_autofree char *start = NULL;
  g_autofree char *screened = NULL;
  g_autofree char *graduated = NULL;
  gint64 sessions[SESSIONS];
  gint64 group_id;
  GDate date;

  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2021);
  g_date_add_days (&date, (index * 7) % 2100);
  screened = format_date (&date);
  g_date_add_days (&date, 14);
  start = format_date (&date);
  g_date_add_days (&date, 7 * SESSIONS + 10);
  graduated = format_date (&date);

  sqlite3_bind_text (s->group, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (s->group, 2, index % 2 ? "youth" : "adult", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (s->group, 3, district_id);
  sqlite3_bind_int (s->group, 4, 1 + index % 5);
  sqlite3_bind_text (s->group, 5, start, -1, SQLITE_STATIC);
  sqlite3_bind_text (s->group, 6, graduated, -1, SQLITE_STATIC);
  sqlite3_bind_text (s->group, 7, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (s->group, 8, now, -1, SQLITE_STATIC);
  if (!step (db, s->group, error))
    return FALSE;
  group_id = sqlite3_last_insert_rowid (_hs_database_get_handle (db));

  g_date_subtract_days (&date, 7 * SESSIONS + 10);
  for (int n = 0; n < SESSIONS; n++, g_date_add_days (&date, 7))
    {
      g_autofree char *day = format_date (&date);

      sqlite3_bind_int64 (s->session, 1, group_id);
      sqlite3_bind_int (s->session, 2, n + 1);
      sqlite3_bind_text (s->session, 3, day, -1, SQLITE_STATIC);
      if (!step (db, s->session, error))
        return FALSE;
      sessions[n] = sqlite3_last_insert_rowid (_hs_database_get_handle (db));
    }

  for (guint m = 0; m < size; m++)
    {
      gint64 person = add_person (db, s, rand, (*serial)++, district_id, screened, now, error);
      /* About one in eight drops out after a few sessions. */
      guint stays = g_rand_int_range (rand, 0, 8) == 0 ? g_rand_int_range (rand, 2, 9) : SESSIONS;

      if (person == 0)
        return FALSE;
      sqlite3_bind_int64 (s->membership, 1, group_id);
      sqlite3_bind_int64 (s->membership, 2, person);
      sqlite3_bind_text (s->membership, 3, start, -1, SQLITE_STATIC);
      sqlite3_bind_text (s->membership, 4, stays == SESSIONS ? graduated : NULL, -1,
                         SQLITE_STATIC);
      sqlite3_bind_text (s->membership, 5, stays == SESSIONS ? "graduated" : "dropped", -1,
                         SQLITE_STATIC);
      if (!step (db, s->membership, error))
        return FALSE;
      for (guint n = 0; n < stays; n++)
        {
          sqlite3_bind_int64 (s->attendance, 1, sessions[n]);
          sqlite3_bind_int64 (s->attendance, 2, person);
          sqlite3_bind_text (s->attendance, 3,
                             stays < SESSIONS || g_rand_int_range (rand, 0, 10) ? "present"
                             : "absent", -1, SQLITE_STATIC);
          if (!step (db, s->attendance, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
hs_sample_data_add_scale (HsDatabase  *db,
                          guint        n,
                          GError     **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (n);
  g_autofree char *now = _hs_database_now ();
  g_autofree char *summary = g_strdup_printf ("{\"synthetic_participants\":%u}", n);
  Statements s;
  gint64 districts[30];
  guint n_districts = 0, serial = 0;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  if ((stmt = _hs_database_prepare (db, "SELECT id FROM district ORDER BY id", error)) == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW && n_districts < G_N_ELEMENTS (districts))
    districts[n_districts++] = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  /* Random keys (uuid, national ID) touch pages all over their indexes: a
   * large page cache for the batch keeps that in memory. */
  if (!_hs_database_exec (db, "PRAGMA cache_size = -262144", error)
      || !hs_database_begin (db, error))
    return FALSE;
  ok = prepare_all (db, &s, error);
  for (guint g = 0; ok && serial < n; g++)
    ok = add_group (db, &s, rand, g, MIN (GROUP_SIZE, n - serial), &serial,
                    districts[g % n_districts], now, error);
  ok = ok && _hs_database_audit (db, HS_AUDIT_INSERT, "participant", 0, NULL, summary, error);
  if (!ok)
    hs_database_rollback (db);
  else
    ok = hs_database_commit (db, error);
  _hs_database_exec (db, "PRAGMA cache_size = -2000", NULL);
  return ok;
}
