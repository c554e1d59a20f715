/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-sample-scale"

#include <glib/gi18n-lib.h>

#include "hs-database-private.h"
#include "hs-sample-data.h"

/* Synthetic people for benchmarks: a national programme's size (up to
 * millions) in realistic proportions — groups of 13, 15 weekly sessions,
 * attendance for everyone, most graduating. Rows are written with prepared
 * statements in one transaction, not through the audited domain API (that
 * would take minutes); one audit entry records the whole batch.
 *
 * A million people means ~14 million attendance rows and a 1.7 GB file, so
 * the batch does what a bulk load does: foreign keys are not checked row by
 * row (the rows are consistent by construction); the file leaves WAL mode for
 * the batch when no one else has it open, so pages that spill from the cache
 * are written once in place instead of again and again into the WAL and then
 * copied by the checkpoint, without an fsync until the end; UUIDs are
 * time-ordered, so every index but a few small ones grows at its end; a
 * group's people, sessions, memberships and attendance are one statement
 * each; the search index is filled in one statement at the end. (Dropping
 * the indexes and building them again afterwards was tried: slower, as most
 * keys arrive in order anyway.) What is left is mostly the b-tree work of
 * 14 million attendance rows in three b-trees (the table and its two
 * indexes). */

#define GROUP_SIZE 13
#define SESSIONS 15
#define N_NAMES (G_N_ELEMENTS (given) * G_N_ELEMENTS (family))

static const char * const given[] = {
  "Alice", "Claudine", "Jeanne", "Chantal", "Solange", "Immaculée", "Vestine", "Béatrice",
  "Jean", "Emmanuel", "Théogène", "Innocent", "Éric", "Patrick", "Fidèle", "Célestin",
};
static const char * const family[] = {
  "Mukamana", "Uwimana", "Nyirahabimana", "Ingabire", "Umutoni", "Habimana", "Niyonzima",
  "Hakizimana", "Nsengiyumva", "Bizimana", "Ndayisaba", "Mugabo", "Munyaneza", "Gasana",
};

typedef struct
{
  GRand *rand;
  GRand *uuid_rand;          /* seeded afresh: a second batch must not repeat UUIDs */
  guint64 uuid_time;         /* ms since 1970 at the start of the batch */
  guint64 uuid_serial;
  const char *now;
  char *names[N_NAMES];      /* given × family, and their search keys */
  char *keys[N_NAMES];
  sqlite3_stmt *participants[GROUP_SIZE + 1];  /* [k]: k people in one statement */
  sqlite3_stmt *group;
  sqlite3_stmt *membership;
  sqlite3_stmt *session;
  sqlite3_stmt *attendance;
} Batch;

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

/* A group's people, and its sessions, are one statement each: a statement
 * opens a cursor on its table and on each index and seeks each from the root,
 * which the rows after the first skip (6 % fewer instructions for the whole
 * batch). INTO is the INSERT up to VALUES; ROW has N_PARAMS parameters
 * ?1..?n, and row r of the statement gets ?(r * n + 1)..?(r * n + n). */
#define PARTICIPANT_INTO \
  "INSERT OR FAIL INTO participant (uuid, full_name, search_key, sex, birth_year, age_band," \
  " phone, national_id, district_id, sector, village, category, screening_date," \
  " trauma_level, consent_date, consent_given_by, created, updated) VALUES "
#define PARTICIPANT_ROW \
  "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'Synthetic', ?10, 'survivor', ?11, 'moderate', ?11," \
  " 'Participant', ?12, ?12)"
#define SESSION_INTO \
  "INSERT OR FAIL INTO session (uuid, group_id, number, date, time, status, updated) VALUES "
#define SESSION_ROW "(?1, ?2, ?3, ?4, '14:00', 'held', ?5)"

static sqlite3_stmt *
prepare_rows (HsDatabase  *db,
              const char  *into,
              const char  *row,
              guint        n_params,
              guint        n_rows,
              GError     **error)
{
  g_autoptr(GString) sql = g_string_new (into);

  for (guint r = 0; r < n_rows; r++)
    {
      if (r > 0)
        g_string_append (sql, ", ");
      for (const char *c = row; *c != '\0'; c++)
        if (*c == '?')
          {
            g_string_append_printf (sql, "?%u", r * n_params + (guint) g_ascii_strtoull (c + 1,
                                                                                     NULL, 10));
            while (g_ascii_isdigit (c[1]))
              c++;
          }
        else
          g_string_append_c (sql, *c);
    }
  return _hs_database_prepare (db, sql->str, error);
}

static gboolean
prepare_all (HsDatabase  *db,
             Batch       *b,
             GError     **error)
{
  return (b->session = prepare_rows (db, SESSION_INTO, SESSION_ROW, 5, SESSIONS, error)) != NULL
         && (b->group = _hs_database_prepare (db,
            "INSERT OR FAIL INTO hgroup (name, setting, age_band, district_id, weekday, start_time,"
            " start_date, status, graduation_date, created, updated, uuid)"
            " VALUES (?, 'community', ?, ?, ?, '14:00', ?, 'graduated', ?, ?, ?, ?)",
            error)) != NULL
         /* A group's memberships and attendance in one statement each. Its
          * members are consecutive ids ?3..?4 and its sessions consecutive
          * ids ?1..?2; ?5 holds 7 digits a member: the sessions they stayed
          * for (15: graduated) and a bit mask of those they missed. Rows go
          * in key order, session by session, so that each index grows at its
          * end. OR FAIL: a statement that may abort after writing some rows
          * keeps a statement journal (the old content of every page it
          * touches); FAIL needs none, and any error rolls back the whole
          * batch anyway. */
         && (b->membership = _hs_database_prepare (db,
            "INSERT OR FAIL INTO membership (group_id, participant_id, joined, left_date,"
            " outcome) SELECT ?6, id, ?7, CASE WHEN substr (?5, (id - ?3) * 7 + 1, 2) = '15'"
            " THEN ?8 END, CASE WHEN substr (?5, (id - ?3) * 7 + 1, 2) = '15'"
            " THEN 'graduated' ELSE 'dropped' END"
            " FROM participant WHERE id BETWEEN ?3 AND ?4 ORDER BY id", error)) != NULL
         && (b->attendance = _hs_database_prepare (db,
            "INSERT OR FAIL INTO attendance (session_id, participant_id, mark)"
            " SELECT s.id, p.id, CASE (CAST (substr (?5, (p.id - ?3) * 7 + 3, 5) AS INTEGER)"
            " >> (s.id - ?1)) & 1 WHEN 1 THEN 'absent' ELSE 'present' END"
            " FROM session s CROSS JOIN participant p"
            " WHERE s.id BETWEEN ?1 AND ?2 AND p.id BETWEEN ?3 AND ?4"
            " AND s.id - ?1 < CAST (substr (?5, (p.id - ?3) * 7 + 1, 2) AS INTEGER)"
            " ORDER BY s.id, p.id", error)) != NULL;
}

static void
format_date (GDate *date,
             char   out[11])
{
  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
}

/* Time-ordered UUIDs (version 7, RFC 9562): the batch's start time in
 * milliseconds, then a serial number in the 42 bits that the RFC allows for a
 * counter, then 32 random bits. Each new key is larger than the last, so the
 * unique uuid indexes grow at their right edge. Random (version 4) keys land
 * on a random page of an index of two million keys each time: at 1M people
 * that index no longer stays in the cache and every insert reads and later
 * writes back a page. A later batch starts at a later time, so it cannot
 * repeat a key of this one. */
static void
format_uuid (Batch *b,
             char   out[37])
{
  guint64 serial = b->uuid_serial++;

  g_snprintf (out, 37, "%08x-%04x-7%03x-%04x-%04x%08x",
              (guint) (b->uuid_time >> 16), (guint) (b->uuid_time & 0xffff),
              (guint) ((serial >> 30) & 0xfff), (guint) (0x8000 | ((serial >> 16) & 0x3fff)),
              (guint) (serial & 0xffff), g_rand_int (b->uuid_rand));
}

/* Binds one person to row ROW of STMT (see prepare_rows()). */
static void
bind_person (Batch         *b,
             sqlite3_stmt  *stmt,
             guint          row,
             guint          serial,
             gint64         district_id,
             const char    *screened)
{
  int o = (int) row * 12;
  gboolean female = g_rand_int_range (b->rand, 0, 100) < 58;
  int year = g_ascii_strtoll (screened, NULL, 10);
  int age = g_rand_int_range (b->rand, 17, 70);
  guint name = (g_rand_int_range (b->rand, 0, 8) + (female ? 0 : 8)) * G_N_ELEMENTS (family)
               + g_rand_int_range (b->rand, 0, G_N_ELEMENTS (family));
  char uuid[37], phone[16], national_id[24], village[24];

  format_uuid (b, uuid);
  g_snprintf (phone, sizeof phone, "078%07u", (serial * 7919u) % 10000000u);
  g_snprintf (village, sizeof village, "Umudugudu %u", 1 + serial % 12);
  /* 16 digits: 1, birth year, sex, serial, issue (0), check. */
  g_snprintf (national_id, sizeof national_id, "1%04d%c%07u0%02u", year - age,
              female ? '7' : '8', 5000000 + serial, serial % 97);
  sqlite3_bind_text (stmt, o + 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, o + 2, b->names[name], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, o + 3, b->keys[name], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, o + 4, female ? "F" : "M", -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, o + 5, year - age);
  sqlite3_bind_text (stmt, o + 6, age <= 30 ? "youth" : "adult", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, o + 7, phone, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, o + 8, serial % 2 == 0 ? national_id : NULL, -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, o + 9, district_id);
  sqlite3_bind_text (stmt, o + 10, village, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, o + 11, screened, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, o + 12, b->now, -1, SQLITE_STATIC);
}

static gboolean
add_group (HsDatabase  *db,
           Batch       *b,
           guint        index,
           guint        size,
           guint       *serial,
           gint64       district_id,
           GError     **error)
{
  char name[32], start[11], screened[11], graduated[11], uuid[37];
  g_autoptr(GString) members = g_string_sized_new (7 * GROUP_SIZE + 1);
  gint64 first_session = 0, first_person = 0;
  gint64 group_id;
  GDate date;

  g_snprintf (name, sizeof name, "Synthetic group %07u", index + 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2021);
  g_date_add_days (&date, (index * 7) % 2100);
  format_date (&date, screened);
  g_date_add_days (&date, 14);
  format_date (&date, start);
  g_date_add_days (&date, 7 * SESSIONS + 10);
  format_date (&date, graduated);

  sqlite3_bind_text (b->group, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (b->group, 2, index % 2 ? "youth" : "adult", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (b->group, 3, district_id);
  sqlite3_bind_int (b->group, 4, 1 + index % 5);
  sqlite3_bind_text (b->group, 5, start, -1, SQLITE_STATIC);
  sqlite3_bind_text (b->group, 6, graduated, -1, SQLITE_STATIC);
  sqlite3_bind_text (b->group, 7, b->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (b->group, 8, b->now, -1, SQLITE_STATIC);
  format_uuid (b, uuid);
  sqlite3_bind_text (b->group, 9, uuid, -1, SQLITE_STATIC);
  if (!step (db, b->group, error))
    return FALSE;
  group_id = sqlite3_last_insert_rowid (_hs_database_get_handle (db));

  g_date_subtract_days (&date, 7 * SESSIONS + 10);
  for (int n = 0; n < SESSIONS; n++, g_date_add_days (&date, 7))
    {
      char day[11];
      int o = n * 5;

      format_date (&date, day);
      format_uuid (b, uuid);
      sqlite3_bind_text (b->session, o + 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (b->session, o + 2, group_id);
      sqlite3_bind_int (b->session, o + 3, n + 1);
      sqlite3_bind_text (b->session, o + 4, day, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (b->session, o + 5, b->now, -1, SQLITE_STATIC);
    }
  if (!step (db, b->session, error))
    return FALSE;
  /* The rows of one INSERT get consecutive ids. */
  first_session = sqlite3_last_insert_rowid (_hs_database_get_handle (db)) - (SESSIONS - 1);

  if (b->participants[size] == NULL
      && (b->participants[size] = prepare_rows (db, PARTICIPANT_INTO, PARTICIPANT_ROW, 12, size,
                                                     error)) == NULL)
    return FALSE;
  for (guint m = 0; m < size; m++)
    {
      /* About one in eight drops out after a few sessions. */
      guint stays, absent = 0;

      bind_person (b, b->participants[size], m, (*serial)++, district_id, screened);
      stays = g_rand_int_range (b->rand, 0, 8) == 0 ? g_rand_int_range (b->rand, 2, 9)
                                                    : SESSIONS;
      for (guint n = 0; stays == SESSIONS && n < SESSIONS; n++)
        if (g_rand_int_range (b->rand, 0, 10) == 0)
          absent |= 1u << n;
      g_string_append_printf (members, "%02u%05u", stays, absent);
    }
  if (!step (db, b->participants[size], error))
    return FALSE;
  first_person = sqlite3_last_insert_rowid (_hs_database_get_handle (db)) - (size - 1);

  sqlite3_bind_int64 (b->membership, 3, first_person);
  sqlite3_bind_int64 (b->membership, 4, first_person + size - 1);
  sqlite3_bind_text (b->membership, 5, members->str, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (b->membership, 6, group_id);
  sqlite3_bind_text (b->membership, 7, start, -1, SQLITE_STATIC);
  sqlite3_bind_text (b->membership, 8, graduated, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (b->attendance, 1, first_session);
  sqlite3_bind_int64 (b->attendance, 2, first_session + SESSIONS - 1);
  sqlite3_bind_int64 (b->attendance, 3, first_person);
  sqlite3_bind_int64 (b->attendance, 4, first_person + size - 1);
  sqlite3_bind_text (b->attendance, 5, members->str, -1, SQLITE_STATIC);
  return step (db, b->membership, error) && step (db, b->attendance, error);
}

static gboolean
add_batch (HsDatabase  *db,
           Batch       *b,
           guint        n,
           GError     **error)
{
  g_autofree char *fts = NULL;
  gint64 districts[30];
  guint n_districts = 0, serial = 0, first_group = 0;
  gint64 last_id = 0;
  sqlite3_stmt *stmt;
  gboolean ok;

  if ((stmt = _hs_database_prepare (db, "SELECT id FROM district ORDER BY id", error)) == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW && n_districts < G_N_ELEMENTS (districts))
    districts[n_districts++] = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if ((stmt = _hs_database_prepare (db, "SELECT coalesce (max (id), 0) FROM participant",
                                    error)) == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    last_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  /* A later batch goes on numbering groups (their names are unique) and
   * people (their national IDs are) after the earlier ones. */
  if ((stmt = _hs_database_prepare (db, "SELECT count(*) FROM hgroup"
                                    " WHERE name GLOB 'Synthetic group *'", error)) == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    first_group = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  serial = first_group * GROUP_SIZE;

  ok = prepare_all (db, b, error);
  for (guint g = first_group, added = 0; ok && added < n; g++, added += GROUP_SIZE)
    ok = add_group (db, b, g, MIN (GROUP_SIZE, n - added), &serial,
                    districts[g % n_districts], error);
  fts = g_strdup_printf ("INSERT INTO participant_fts (rowid, full_name, phone, national_id,"
                         " village) SELECT id, full_name, phone, national_id, village"
                         " FROM participant WHERE id > %" G_GINT64_FORMAT, last_id);
  return ok && _hs_database_exec (db, fts, error);
}

gboolean
hs_sample_data_add_scale (HsDatabase  *db,
                          guint        n,
                          GError     **error)
{
  g_autofree char *now = _hs_database_now ();
  g_autofree char *summary = g_strdup_printf ("{\"synthetic_participants\":%u}", n);
  Batch b = { .rand = g_rand_new_with_seed (n), .uuid_rand = g_rand_new (),
              .uuid_time = (guint64) g_get_real_time () / 1000, .now = now };
  gboolean ok;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  for (guint i = 0; i < N_NAMES; i++)
    {
      g_autofree char *ascii = NULL;

      b.names[i] = g_strdup_printf ("%s %s", given[i / G_N_ELEMENTS (family)],
                                    family[i % G_N_ELEMENTS (family)]);
      ascii = g_str_to_ascii (b.names[i], "C");
      b.keys[i] = g_ascii_strdown (ascii, -1);
    }

  /* These can only change outside a transaction; journal_mode stays WAL when
   * another connection has the file open. A large page cache keeps the
   * recent pages of the indexes in memory.
   *
   * synchronous = OFF: no fsync while the batch's pages spill from the cache
   * or at its commit. The batch builds a benchmark's file, so the worst case
   * is building it again: a process that dies mid-batch leaves the journal,
   * and the next open rolls the batch back as usual (the journal's writes are
   * in the kernel's cache, an fsync adds nothing there). Only a power cut or
   * kernel crash mid-batch can leave the file damaged; it has then changed
   * since its last clean close, so the next open runs PRAGMA quick_check,
   * which refuses a damaged structure. synchronous goes back to FULL *before*
   * the file returns to WAL: that switch is a commit with FULL, whose fsync
   * puts the whole batch on disk before a clean close can be recorded.
   * temp_store = MEMORY: any statement journal stays in memory instead of a
   * temporary file written page by page (most of the system time at 1M).
   * secure_delete = OFF: the batch only adds rows, so there is nothing of a
   * person's to overwrite, only work zeroing the space cells move out of. */
  ok = _hs_database_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA foreign_keys = OFF;"
                          " PRAGMA synchronous = OFF; PRAGMA secure_delete = OFF;"
                          " PRAGMA temp_store = MEMORY; PRAGMA cache_size = -262144", error)
       && hs_database_begin (db, error);
  if (ok)
    {
      ok = add_batch (db, &b, n, error)
           && _hs_database_audit (db, HS_AUDIT_INSERT, "participant", 0, NULL, summary, error);
      if (!ok)
        hs_database_rollback (db);
      else
        ok = hs_database_commit (db, error);
    }
  _hs_database_exec (db, "PRAGMA foreign_keys = ON; PRAGMA cache_size = -2000;"
                      " PRAGMA secure_delete = ON; PRAGMA temp_store = DEFAULT;"
                      " PRAGMA synchronous = FULL; PRAGMA journal_mode = WAL", NULL);

  for (guint i = 0; i < N_NAMES; i++)
    {
      g_free (b.names[i]);
      g_free (b.keys[i]);
    }
  g_rand_free (b.rand);
  g_rand_free (b.uuid_rand);
  return ok;
}
