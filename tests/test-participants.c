/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-participants"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "hs-chart-data.h"
#include "hs-database-private.h"
#include "hs-group.h"
#include "hs-membership.h"
#include "hs-participant-list.h"
#include "hs-participant-private.h"
#include "hs-participant.h"
#include "hs-sample-data.h"
#include "hs-session.h"
#include "hs-stats.h"

typedef struct
{
  char       *dir;
  char       *path;
  HsDatabase *db;
  gint64      musanze;
  gint64      ngoma;
  gint64      musanze_prison;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("hs-test-participants-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.db", NULL);
  f->db = hs_database_open (f->path, &error);
  g_assert_no_error (error);
  f->musanze = hs_database_find_district (f->db, "Musanze");
  f->ngoma = hs_database_find_district (f->db, "Ngoma");
  f->musanze_prison = hs_database_find_facility (f->db, "Musanze Prison");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_clear_object (&f->db);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (f->path, suffixes[i], NULL);
      g_remove (file);
    }
  g_assert_cmpint (g_rmdir (f->dir), ==, 0);
  g_free (f->path);
  g_free (f->dir);
}

static gint64
add_person (Fixture    *f,
            const char *name,
            const char *sex,
            int         birth_year,
            gint64      district_id,
            const char *phone)
{
  g_autoptr(HsParticipant) p = NULL;
  g_autoptr(GError) error = NULL;

  p = g_object_new (HS_TYPE_PARTICIPANT, "full-name", name, "sex", sex,
                    "birth-year", birth_year, "district-id", district_id, "phone", phone,
                    "village", "Kabeza", NULL);
  g_assert_true (hs_participant_save (p, f->db, &error));
  g_assert_no_error (error);
  return hs_participant_get_id (p);
}

/* Every problem for @p, joined as "property: message" lines. */
static char *
problems_of (Fixture       *f,
             HsParticipant *p)
{
  g_autoptr(GPtrArray) problems = hs_participant_validate (p, f->db);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      HsParticipantProblem *problem = g_ptr_array_index (problems, i);

      g_string_append_printf (out, "%s: %s\n", problem->property, problem->message);
    }
  return g_string_free (out, FALSE);
}

static void
test_phone_normalize (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "0788123456", "+250788123456" },
    { "078 812 3456", "+250788123456" },
    { "+250788123456", "+250788123456" },
    { "+250 788-123-456", "+250788123456" },
    { "250788123456", "+250788123456" },
    { "00250788123456", "+250788123456" },
    { "0288123456", NULL },          /* a landline prefix, not a mobile */
    { "078812345", NULL },           /* a digit short */
    { "07881234567", NULL },         /* a digit too many */
    { "0788l23456", NULL },          /* a letter */
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalized = NULL;
      gboolean ok = hs_phone_normalize (cases[i].in, &normalized);

      g_assert_cmpint (ok, ==, cases[i].out != NULL);
      g_assert_cmpstr (normalized, ==, cases[i].out);
    }
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(HsParticipant) p = hs_participant_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *tomorrow_text = g_date_time_format (tomorrow, "%Y-%m-%d");
  int year = g_date_time_get_year (now);
  g_autofree char *text = NULL;

  /* Empty: the name and the sex are missing, and nothing is written. */
  text = problems_of (f, p);
  g_assert_nonnull (strstr (text, "full-name: Enter the participant's full name."));
  g_assert_nonnull (strstr (text, "sex: Choose the participant's sex"));
  g_assert_false (hs_participant_save (p, f->db, &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&text, g_free);

  g_object_set (p, "full-name", "Uwase Aline", "sex", "X", "birth-year", year - 5,
                "national-id", "1199", "phone", "0288123456", "is-prisoner", TRUE,
                "consent-date", tomorrow_text, NULL);
  text = problems_of (f, p);
  g_assert_nonnull (strstr (text, "sex: The sex “X” is not F or M."));
  g_assert_nonnull (strstr (text, "birth-year: Born in"));
  g_assert_nonnull (strstr (text, "national-id: The national ID must be exactly 16 digits"));
  g_assert_nonnull (strstr (text, "phone: “0288123456” is not a Rwandan mobile number"));
  g_assert_nonnull (strstr (text, "facility-id: A prisoner needs a correctional facility"));
  g_assert_nonnull (strstr (text, "consent-date: The consent date"));
  g_assert_null (strstr (text, "full-name"));
  g_clear_pointer (&text, g_free);

  g_object_set (p, "birth-year", 1850, NULL);
  text = problems_of (f, p);
  g_assert_nonnull (strstr (text, "birth-year: The birth year 1850 is not between 1900"));
  g_clear_pointer (&text, g_free);

  /* A field's label is in the message of a failed check (translated only then). */
  {
    g_autofree char *long_village = g_strnfill (HS_NAME_MAX_CHARS + 1, 'a');

    g_object_set (p, "village", long_village, "trauma-level", "extreme", "screening-date",
                  "yesterday", NULL);
    text = problems_of (f, p);
    g_assert_nonnull (strstr (text, "village: Village: the text is"));
    g_assert_nonnull (strstr (text, "trauma-level: Trauma level: “extreme” is not one of"));
    g_assert_nonnull (strstr (text, "screening-date: Screening date: “yesterday” is not a date"));
    g_clear_pointer (&text, g_free);
    g_object_set (p, "village", NULL, "trauma-level", NULL, "screening-date", NULL, NULL);
  }

  /* Twelve at screening is old enough. */
  g_object_set (p, "sex", "F", "birth-year", 2010, "screening-date", "2022-05-01",
                "national-id", "1201070012345678", "phone", "078 812 3456",
                "facility-id", f->musanze_prison, "consent-date", "2022-05-01", NULL);
  text = problems_of (f, p);
  g_assert_cmpstr (text, ==, "");
  g_assert_true (hs_participant_save (p, f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (hs_participant_get_phone (p), ==, "+250788123456");

  /* The core refuses a duplicate national ID too, whatever the UI does. */
  {
    g_autoptr(HsParticipant) q = NULL;
    g_autofree char *q_text = NULL;

    q = g_object_new (HS_TYPE_PARTICIPANT, "full-name", "Someone Else", "sex", "M",
                      "national-id", "1201070012345678", NULL);
    q_text = problems_of (f, q);
    g_assert_nonnull (strstr (q_text, "national-id: The national ID 1201070012345678 is "
                                      "already recorded for Uwase Aline."));
    g_assert_false (hs_participant_save (q, f->db, &error));
    g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  }
}

static void
test_search_query (void)
{
  g_autofree char *a = hs_participant_search_query ("Théogène");
  g_autofree char *b = hs_participant_search_query ("  mukamana, ALICE ");
  g_autofree char *c = hs_participant_search_query ("0788 12 x");
  g_autofree char *d = hs_participant_search_query (" ,; ");
  g_autofree char *e = hs_participant_search_query ("\"x\" OR y*");
  g_autofree char *f = hs_participant_search_query ("788 123 456");
  g_autofree char *g = hs_participant_search_query ("+250 788-123");
  g_autofree char *h = hs_participant_search_query ("7 kigali");

  g_assert_cmpstr (a, ==, "\"theogene\"*");
  g_assert_cmpstr (b, ==, "\"mukamana\"* AND \"alice\"*");
  g_assert_cmpstr (c, ==, "(\"078812\"* OR \"25078812\"*) AND \"x\"*");
  g_assert_null (d);
  /* FTS5 syntax typed by the user is only words. */
  g_assert_cmpstr (e, ==, "\"x\"* AND \"or\"* AND \"y\"*");
  /* A number typed without its leading 0 is also looked for as a phone. */
  g_assert_cmpstr (f, ==, "(\"788123456\"* OR \"250788123456\"*)");
  g_assert_cmpstr (g, ==, "\"250788123\"*");
  /* One digit is too little to mean a phone. */
  g_assert_cmpstr (h, ==, "\"7\"* AND \"kigali\"*");
}

static char *
names_of (GListModel *list)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(HsParticipantRow) row = g_list_model_get_item (list, i);

      g_string_append_printf (out, "%s%s", i > 0 ? "|" : "",
                              hs_participant_row_get_full_name (row));
    }
  return g_string_free (out, FALSE);
}

static void
on_items_changed_cb (GListModel *list,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *count)
{
  (*count)++;
}

static void
test_list (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(HsParticipantList) list = NULL;
  GListModel *model;
  guint changes = 0;
  g_autofree char *names = NULL;

  add_person (f, "Théogène Habimana", "M", 1990, f->musanze, "0788000001");
  add_person (f, "MUKAMANA Alice", "F", 2001, f->ngoma, "0722000002");
  add_person (f, "Émilienne Uwase", "F", 1970, f->musanze, NULL);
  add_person (f, "Eric Nkusi", "M", 2000, f->ngoma, "+250 733 000 003");

  list = hs_participant_list_new (f->db);
  model = G_LIST_MODEL (list);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &changes);
  g_assert_cmpint (g_list_model_get_n_items (model), ==, 4);
  g_assert_true (g_list_model_get_item_type (model) == HS_TYPE_PARTICIPANT_ROW);
  /* Accents do not change the order: Émilienne sorts as Emilienne. */
  names = names_of (model);
  g_assert_cmpstr (names, ==, "Émilienne Uwase|Eric Nkusi|MUKAMANA Alice|Théogène Habimana");
  g_clear_pointer (&names, g_free);

  hs_participant_list_set_search (list, "theogene");
  g_assert_cmpint (changes, ==, 1);
  names = names_of (model);
  g_assert_cmpstr (names, ==, "Théogène Habimana");
  g_clear_pointer (&names, g_free);

  hs_participant_list_set_search (list, "mukamana");
  names = names_of (model);
  g_assert_cmpstr (names, ==, "MUKAMANA Alice");
  g_clear_pointer (&names, g_free);

  hs_participant_list_set_search (list, "alice muka");
  g_assert_cmpint (g_list_model_get_n_items (model), ==, 1);
  hs_participant_list_set_search (list, "emil");
  g_assert_cmpint (g_list_model_get_n_items (model), ==, 1);
  hs_participant_list_set_search (list, "0733");
  names = names_of (model);
  g_assert_cmpstr (names, ==, "Eric Nkusi");
  g_clear_pointer (&names, g_free);
  /* A phone typed in groups of digits (the search fuzzer found that FTS5
   * refused the query, and the list went empty). */
  hs_participant_list_set_search (list, "0733 000");
  names = names_of (model);
  g_assert_cmpstr (names, ==, "Eric Nkusi");
  g_clear_pointer (&names, g_free);
  /* The whole number as people write it: without its leading 0, with
   * spaces, with the country code. */
  {
    const char *typed[] = { "733000003", "733 000 003", "0733 000 003", "+250733000003",
                            "+250 733 000 003", "250733000003", "0733000003" };

    for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
      {
        hs_participant_list_set_search (list, typed[i]);
        names = names_of (model);
        g_assert_cmpstr (names, ==, "Eric Nkusi");
        g_clear_pointer (&names, g_free);
      }
  }
  hs_participant_list_set_search (list, "kabeza");
  g_assert_cmpint (g_list_model_get_n_items (model), ==, 4);
  hs_participant_list_set_search (list, "zzz");
  g_assert_cmpint (g_list_model_get_n_items (model), ==, 0);
  hs_participant_list_set_search (list, "");
  g_assert_cmpint (g_list_model_get_n_items (model), ==, 4);

  changes = 0;
  hs_participant_list_set_district (list, f->musanze);
  hs_participant_list_set_sex (list, "F");
  g_assert_cmpint (changes, ==, 2);
  names = names_of (model);
  g_assert_cmpstr (names, ==, "Émilienne Uwase");
  g_clear_pointer (&names, g_free);
  hs_participant_list_set_district (list, 0);
  hs_participant_list_set_sex (list, NULL);
  hs_participant_list_set_age_band (list, "youth");
  g_assert_cmpint (g_list_model_get_n_items (model), ==, 2);
  hs_participant_list_set_age_band (list, NULL);
  hs_participant_list_set_outcome (list, "none");
  g_assert_cmpint (g_list_model_get_n_items (model), ==, 4);
  hs_participant_list_set_outcome (list, "graduated");
  g_assert_cmpint (g_list_model_get_n_items (model), ==, 0);
  hs_participant_list_set_outcome (list, NULL);
  hs_participant_list_set_setting (list, "prison");
  g_assert_cmpint (g_list_model_get_n_items (model), ==, 0);
  hs_participant_list_set_setting (list, NULL);

  hs_participant_list_set_sort (list, HS_PARTICIPANT_SORT_DISTRICT, TRUE);
  {
    g_autoptr(HsParticipantRow) first = g_list_model_get_item (model, 0);
    g_autoptr(HsParticipantRow) last = g_list_model_get_item (model, 3);

    g_assert_cmpstr (hs_participant_row_get_district (first), ==, "Ngoma");
    g_assert_cmpstr (hs_participant_row_get_district (last), ==, "Musanze");
    g_assert_cmpstr (hs_participant_row_get_setting_label (first), ==, "Community");
    g_assert_cmpstr (hs_participant_row_get_outcome_label (first), ==, "Not in a group");
  }
  hs_participant_list_set_sort (list, HS_PARTICIPANT_SORT_NAME, TRUE);
  {
    g_autoptr(HsParticipantRow) first = g_list_model_get_item (model, 0);

    g_assert_cmpstr (hs_participant_row_get_full_name (first), ==, "Théogène Habimana");
  }
  g_assert_null (g_list_model_get_item (model, 4));
}

/* Many rows: the blocks are read on demand and a far row comes right. */
static void
test_list_paging (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(HsParticipantList) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (hs_database_begin (f->db, &error));
  for (int i = 0; i < 1000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %04d", i);

      add_person (f, name, i % 2 ? "F" : "M", 1980, f->musanze, NULL);
    }
  g_assert_true (hs_database_commit (f->db, &error));

  list = hs_participant_list_new (f->db);
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1000);
  for (guint i = 0; i < 1000; i += 97)
    {
      g_autoptr(HsParticipantRow) row = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *name = g_strdup_printf ("Person %04u", i);

      g_assert_cmpstr (hs_participant_row_get_full_name (row), ==, name);
    }
  g_assert_cmpint (hs_participant_list_find (list, 0), ==, G_MAXUINT);
}

/* Sort by district: the districts' name order (the list sorts by district id,
 * and ids are numbered in name order), people without one first; by name
 * within a district, also when the districts go the other way. */
static void
test_list_district_sort (Fixture       *f,
                         gconstpointer  data)
{
  const char * const districts[] = { "Rwamagana", "Gasabo", "Huye", "Bugesera", "Gasabo" };
  const char * const names[] = { "Ange Rwema", "Zawadi Uwera", "Bosco Hirwa", "Cyiza Mugabo",
                                 "Alice Keza" };
  g_autoptr(HsParticipantList) list = NULL;
  g_autofree char *up = NULL, *down = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    add_person (f, names[i], "F", 1990, hs_database_find_district (f->db, districts[i]), NULL);
  add_person (f, "Yvette Nowhere", "F", 1990, 0, NULL);
  list = hs_participant_list_new (f->db);

  hs_participant_list_set_sort (list, HS_PARTICIPANT_SORT_DISTRICT, FALSE);
  up = names_of (G_LIST_MODEL (list));
  hs_participant_list_set_sort (list, HS_PARTICIPANT_SORT_DISTRICT, TRUE);
  down = names_of (G_LIST_MODEL (list));
  g_assert_cmpstr (up, ==, "Yvette Nowhere|Cyiza Mugabo|Alice Keza|Zawadi Uwera|Bosco Hirwa|"
                   "Ange Rwema");
  g_assert_cmpstr (down, ==, "Ange Rwema|Bosco Hirwa|Alice Keza|Zawadi Uwera|Cyiza Mugabo|"
                   "Yvette Nowhere");
}

static gint64
query_int (Fixture    *f,
           const char *sql)
{
  sqlite3 *handle = _hs_database_get_handle (f->db);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
dump (Fixture    *f,
      const char *sql)
{
  sqlite3 *handle = _hs_database_get_handle (f->db);
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (out, "%s|", sqlite3_column_type (stmt, i) == SQLITE_NULL
                                ? "NULL" : (const char *) sqlite3_column_text (stmt, i));
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

/* Everything a delete touches, column by column. */
static char *
dump_all (Fixture *f)
{
  g_autofree char *participants = dump (f, "SELECT * FROM participant ORDER BY id");
  g_autofree char *memberships = dump (f, "SELECT * FROM membership ORDER BY id");
  g_autofree char *attendance = dump (f, "SELECT * FROM attendance ORDER BY id");

  return g_strconcat (participants, memberships, attendance, NULL);
}

static void
test_undo_delete (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsGroup) g = NULL;
  g_autoptr(HsSession) s = NULL;
  g_autoptr(HsParticipantSnapshot) snapshot = NULL;
  g_autoptr(HsParticipantList) list = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id, other;

  id = add_person (f, "Jean-Baptiste Ndayisaba", "M", 1985, f->musanze, "0788111222");
  other = add_person (f, "Claudine Mukeshimana", "F", 1992, f->musanze, NULL);
  g = g_object_new (HS_TYPE_GROUP, "name", "Musanze Adults 1", "setting", "community",
                    "age-band", "adult", "district-id", f->musanze, NULL);
  g_assert_true (hs_group_save (g, f->db, &error));
  s = g_object_new (HS_TYPE_SESSION, "group-id", hs_group_get_id (g), "number", 1,
                    "date", "2024-03-01", NULL);
  g_assert_true (hs_session_save (s, f->db, &error));
  g_assert_cmpint (hs_membership_add (f->db, hs_group_get_id (g), id, "2024-02-01", &error), >, 0);
  g_assert_cmpint (hs_membership_add (f->db, hs_group_get_id (g), other, NULL, &error), >, 0);
  g_assert_true (hs_membership_set_outcome (f->db, hs_group_get_id (g), id, "dropped",
                                            "2024-04-01", "Moved to Kigali", &error));
  g_assert_true (hs_attendance_set (f->db, hs_session_get_id (s), id, "excused", &error));
  g_assert_true (hs_attendance_set (f->db, hs_session_get_id (s), other, "present", &error));
  g_assert_no_error (error);

  before = dump_all (f);

  snapshot = hs_participant_snapshot (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hs_participant_snapshot_get_id (snapshot), ==, id);
  g_assert_true (hs_participant_delete (f->db, id, &error));
  g_assert_no_error (error);
  list = hs_participant_list_new (f->db);
  hs_participant_list_set_search (list, "ndayisaba");
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  g_assert_true (hs_participant_restore (f->db, snapshot, &error));
  g_assert_no_error (error);
  after = dump_all (f);
  g_assert_cmpstr (after, ==, before);
  /* Found again, and the restore is in the audit log. */
  hs_participant_list_reload (list);
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_clear_pointer (&after, g_free);
  after = dump (f, "SELECT action, table_name FROM audit_log ORDER BY id DESC LIMIT 4");
  g_assert_cmpstr (after, ==, "insert|attendance|\ninsert|membership|\ninsert|participant|\n"
                              "delete|participant|\n");

  /* A second restore would duplicate ids: refused, nothing changes. */
  g_assert_false (hs_participant_restore (f->db, snapshot, &error));
  g_assert_nonnull (error);
}

static char *
stats_json (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsStats) stats = hs_stats_compute (f->db, &error);

  g_assert_no_error (error);
  return hs_stats_to_json (stats);
}

/* Erasure takes the person out of every value and the audit log, and no
 * figure of the programme moves. */
static void
test_erase (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsParticipant) p = NULL;
  g_autoptr(HsParticipantList) list = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *name = NULL;
  g_autofree char *like = NULL;
  g_autofree char *sql = NULL;
  gint64 id;

  g_assert_true (hs_sample_data_fill (f->db, NULL, &error));
  g_assert_no_error (error);
  id = query_int (f, "SELECT participant_id FROM membership m JOIN participant p"
                     " ON p.id = m.participant_id WHERE outcome = 'graduated'"
                     " AND p.national_id IS NOT NULL AND p.phone IS NOT NULL LIMIT 1");
  p = hs_participant_load (f->db, id, &error);
  g_assert_no_error (error);
  name = g_strdup (hs_participant_get_full_name (p));
  g_object_set (p, "notes", "Talked about the family", NULL);
  g_assert_true (hs_participant_save (p, f->db, &error));
  before = stats_json (f);

  g_assert_true (hs_participant_erase (f->db, id, &error));
  g_assert_no_error (error);
  after = stats_json (f);
  g_assert_cmpstr (after, ==, before);

  g_clear_object (&p);
  p = hs_participant_load (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hs_participant_get_full_name (p), ==, HS_PARTICIPANT_ERASED_NAME);
  /* The stored marker is never what the UI shows; a real name is shown as stored. */
  g_assert_cmpstr (hs_participant_display_name (hs_participant_get_full_name (p)), ==,
                   "Erased record");
  g_assert_cmpstr (hs_participant_display_name ("Mukamana Alice"), ==, "Mukamana Alice");
  g_assert_cmpstr (hs_participant_display_name (NULL), ==, "");
  g_assert_null (hs_participant_get_phone (p));
  g_assert_null (hs_participant_get_national_id (p));
  g_assert_null (hs_participant_get_notes (p));
  g_assert_null (hs_participant_get_village (p));
  g_assert_nonnull (hs_participant_get_erased (p));
  g_assert_nonnull (hs_participant_get_sex (p));

  /* Not in the audit log, not in the search index. */
  like = g_strescape (name, NULL);
  sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE before LIKE '%%%s%%'"
                         " OR after LIKE '%%%s%%' OR after LIKE '%%Talked about%%'", like, like);
  g_assert_cmpint (query_int (f, sql), ==, 0);
  list = hs_participant_list_new (f->db);
  hs_participant_list_set_search (list, name);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(HsParticipantRow) row = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpint (hs_participant_row_get_id (row), !=, id);
    }
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log WHERE table_name = 'participant'"
                                 " AND before = '{\"erased\":true}' AND action = 'update'"), >=, 1);

  /* What was erased is not typed back in: the record refuses changes. */
  {
    g_autofree char *before = dump (f, "SELECT * FROM participant ORDER BY id");
    g_autofree char *after = NULL;
    int audits = query_int (f, "SELECT count(*) FROM audit_log");

    g_object_set (p, "full-name", name, "village", "Kabeza", NULL);
    g_assert_false (hs_participant_save (p, f->db, &error));
    g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
    after = dump (f, "SELECT * FROM participant ORDER BY id");
    g_assert_cmpstr (after, ==, before);
    g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log"), ==, audits);
  }
}

static void
test_name_key (void)
{
  static const struct { const char *a; const char *b; gboolean alike; } cases[] = {
    { "MUKAMANA Alice", "Alice Mukamana", TRUE },        /* swapped order, case */
    { "Théogène Habimana", "Theogene Habimana", TRUE },  /* missing accent */
    { "Theogene Habimana", "Theogene Habimaba", TRUE },  /* one typo */
    { "Theogene Habimana", "Theogene Habimna", TRUE },   /* one letter missing */
    { "Theogene Habimana", "Theogene Hbimna", FALSE },   /* two */
    { "Alice Mukamana", "Aline Mukamana", TRUE },
    { "Mukamana Alice", "Mukamana Plice", TRUE },        /* a typo that reorders the words */
    { "Mukamana Alice", "Mukamana Plice Uwase", FALSE }, /* and a word more */
    { "Alice Mukamana", "Plice Nukamana", FALSE },       /* two typos, two words */
    { "Alice Mukamana", "Eric Nkusi", FALSE },
    { "", "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (_hs_participant_names_alike (cases[i].a, cases[i].b), ==, cases[i].alike);
}

static void
test_duplicates_merge (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsParticipant) fresh = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(HsGroup) g1 = NULL;
  g_autoptr(HsGroup) g2 = NULL;
  g_autoptr(HsSession) s = NULL;
  g_autoptr(GPtrArray) history = NULL;
  gint64 first, second;

  first = add_person (f, "MUKAMANA Alice", "F", 1990, f->musanze, NULL);
  add_person (f, "Alice Mukamana", "F", 1990, f->ngoma, NULL);   /* another district: not her */

  fresh = g_object_new (HS_TYPE_PARTICIPANT, "full-name", "Alice Mukamanna", "sex", "F",
                        "birth-year", 1991, "district-id", f->musanze, NULL);
  matches = hs_participant_find_similar (f->db, fresh, &error);
  g_assert_no_error (error);
  g_assert_cmpint (matches->len, ==, 1);
  g_assert_cmpint (((HsParticipantMatch *) g_ptr_array_index (matches, 0))->id, ==, first);
  g_clear_pointer (&matches, g_ptr_array_unref);

  g_assert_true (hs_participant_save (fresh, f->db, &error));
  second = hs_participant_get_id (fresh);

  /* The same pair, found across the database. */
  matches = hs_participant_find_duplicate_pairs (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (matches->len, ==, 2);
  g_assert_cmpint (((HsParticipantMatch *) g_ptr_array_index (matches, 0))->id, ==, first);
  g_assert_cmpint (((HsParticipantMatch *) g_ptr_array_index (matches, 1))->id, ==, second);
  g_clear_pointer (&matches, g_ptr_array_unref);

  /* "Not the same person" is remembered. */
  g_assert_true (hs_participant_mark_distinct (f->db, second, first, &error));
  matches = hs_participant_find_similar (f->db, fresh, &error);
  g_assert_cmpint (matches->len, ==, 0);
  g_clear_pointer (&matches, g_ptr_array_unref);
  matches = hs_participant_find_duplicate_pairs (f->db, &error);
  g_assert_cmpint (matches->len, ==, 0);
  g_clear_pointer (&matches, g_ptr_array_unref);
  g_assert_cmpint (query_int (f, "DELETE FROM participant_distinct RETURNING 1"), ==, 1);

  /* Merge: memberships and attendance move, a shared group is kept once. */
  g1 = g_object_new (HS_TYPE_GROUP, "name", "Musanze Adults 1", "setting", "community",
                     "age-band", "adult", "district-id", f->musanze, NULL);
  g2 = g_object_new (HS_TYPE_GROUP, "name", "Musanze Adults 2", "setting", "community",
                     "age-band", "adult", "district-id", f->musanze, NULL);
  g_assert_true (hs_group_save (g1, f->db, &error));
  g_assert_true (hs_group_save (g2, f->db, &error));
  s = g_object_new (HS_TYPE_SESSION, "group-id", hs_group_get_id (g2), "number", 1,
                    "date", "2024-03-01", NULL);
  g_assert_true (hs_session_save (s, f->db, &error));
  g_assert_cmpint (hs_membership_add (f->db, hs_group_get_id (g1), first, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (hs_membership_add (f->db, hs_group_get_id (g1), second, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (hs_membership_set_outcome (f->db, hs_group_get_id (g1), second, "transferred",
                                            "2024-02-01", NULL, &error));
  g_assert_cmpint (hs_membership_add (f->db, hs_group_get_id (g2), second, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (hs_attendance_set (f->db, hs_session_get_id (s), second, "present", &error));
  g_assert_no_error (error);

  g_assert_true (hs_participant_merge (f->db, first, second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM participant"), ==, 2);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM membership"
                                            " WHERE participant_id = %" G_GINT64_FORMAT, first);
    g_autofree char *att = g_strdup_printf ("SELECT count(*) FROM attendance"
                                            " WHERE participant_id = %" G_GINT64_FORMAT, first);

    g_assert_cmpint (query_int (f, sql), ==, 2);
    g_assert_cmpint (query_int (f, att), ==, 1);
  }
  /* The merged record's history shows under the kept one, and the merge is audited. */
  history = hs_participant_get_history (f->db, first, &error);
  g_assert_cmpint (history->len, ==, 3);   /* first's insert, second's insert and delete */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log"
                                 " WHERE table_name = 'participant_merge'"), ==, 1);
}

/* The reason the pair finder gives for @a and @b, or NULL when they are
 * not offered as a pair. */
static const char *
pair_reason (GPtrArray *pairs,
             gint64     a,
             gint64     b)
{
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    {
      HsParticipantMatch *x = g_ptr_array_index (pairs, i);
      HsParticipantMatch *y = g_ptr_array_index (pairs, i + 1);

      if ((x->id == a && y->id == b) || (x->id == b && y->id == a))
        return x->reason;
    }
  return NULL;
}

/* A new record warned about on save, merged into the recorded person: the
 * values the recorded person lacked are added, none of theirs is replaced,
 * no second person appears, and the change is audited. */
static void
test_duplicates_merge_new (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsParticipant) fresh = NULL;
  g_autoptr(HsParticipant) kept = NULL;
  g_autoptr(HsParticipant) twin = NULL;
  g_autoptr(HsParticipant) probe = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 first;
  int people, audits;

  first = add_person (f, "MUKAMANA Alice", "F", 1990, f->musanze, NULL);
  /* Someone recorded after her with the national ID typed: the certain
   * match comes first, the name-alike after. */
  twin = g_object_new (HS_TYPE_PARTICIPANT, "full-name", "Jeanne Uwase", "sex", "F",
                       "national-id", "1199080012345678", NULL);
  g_assert_true (hs_participant_save (twin, f->db, &error));
  probe = g_object_new (HS_TYPE_PARTICIPANT, "full-name", "Alice Mukamana", "birth-year", 1991,
                        "district-id", f->musanze, "national-id", "1199080012345678", NULL);
  matches = hs_participant_find_similar (f->db, probe, &error);
  g_assert_no_error (error);
  g_assert_cmpint (matches->len, ==, 2);
  g_assert_cmpint (((HsParticipantMatch *) g_ptr_array_index (matches, 0))->id, ==,
                   hs_participant_get_id (twin));
  g_assert_true (((HsParticipantMatch *) g_ptr_array_index (matches, 0))->same_national_id);
  g_assert_cmpint (((HsParticipantMatch *) g_ptr_array_index (matches, 1))->id, ==, first);
  g_assert_false (((HsParticipantMatch *) g_ptr_array_index (matches, 1))->same_national_id);

  people = query_int (f, "SELECT count(*) FROM participant");
  audits = query_int (f, "SELECT count(*) FROM audit_log");
  fresh = g_object_new (HS_TYPE_PARTICIPANT, "full-name", "Alice Mukamana", "sex", "F",
                        "birth-year", 1991, "district-id", f->musanze, "village", "Gacaca",
                        "phone", "0788 555 111", "category", "survivor", NULL);
  g_assert_true (hs_participant_merge_new (f->db, first, fresh, &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (f, "SELECT count(*) FROM participant"), ==, people);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM audit_log"), ==, audits + 1);
  kept = hs_participant_load (f->db, first, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hs_participant_get_full_name (kept), ==, "MUKAMANA Alice");
  g_assert_cmpint (hs_participant_get_birth_year (kept), ==, 1990);
  g_assert_cmpstr (hs_participant_get_village (kept), ==, "Kabeza");
  g_assert_cmpstr (hs_participant_get_phone (kept), ==, "+250788555111");
  g_assert_cmpstr (hs_participant_get_category (kept), ==, "survivor");

  /* A saved record is merged with hs_participant_merge(), and an invalid
   * value is refused by the same rules as a save: nothing changes. */
  g_assert_false (hs_participant_merge_new (f->db, first, kept, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_object (&kept);
  before = dump (f, "SELECT * FROM participant");
  kept = g_object_new (HS_TYPE_PARTICIPANT, "full-name", "Alice Mukamana", "sex", "F",
                       "national-id", "123", NULL);
  g_assert_false (hs_participant_merge_new (f->db, first, kept, &error));
  g_assert_nonnull (error);
  after = dump (f, "SELECT * FROM participant");
  g_assert_cmpstr (after, ==, before);
}

static void
test_duplicate_pairs (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  gint64 swapped_a, swapped_b, accent_a, accent_b, typo_a, typo_b;
  gint64 far_a, far_b, away_a, away_b, moved_a, moved_b;

  swapped_a = add_person (f, "MUKAMANA Alice", "F", 1990, f->musanze, NULL);
  swapped_b = add_person (f, "Alice Mukamana", "F", 1991, f->musanze, NULL);
  accent_a = add_person (f, "Théogène Habimana", "M", 1980, f->musanze, NULL);
  accent_b = add_person (f, "Theogene Habimana", "M", 1980, f->musanze, NULL);
  typo_a = add_person (f, "Eric Nkusi", "M", 1985, f->musanze, NULL);
  typo_b = add_person (f, "Eric Nkusu", "M", 1984, f->musanze, NULL);
  /* The typo moves "Plice" after "Mukamana" in the sorted key. */
  moved_a = add_person (f, "Mukamana Alice", "F", 1970, f->musanze, NULL);
  moved_b = add_person (f, "Mukamana Plice", "F", 1970, f->musanze, NULL);
  far_a = add_person (f, "Jean Bosco Ndayisaba", "M", 1970, f->musanze, NULL);
  far_b = add_person (f, "Jean Bosco Ndayisaba", "M", 1972, f->musanze, NULL);  /* two years */
  away_a = add_person (f, "Jeanne Uwase", "F", 1995, f->musanze, NULL);
  away_b = add_person (f, "Jeanne Uwase", "F", 1995, f->ngoma, NULL);   /* another district */

  pairs = hs_participant_find_duplicate_pairs (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pairs->len, ==, 8);
  g_assert_cmpstr (pair_reason (pairs, swapped_a, swapped_b), ==, "Same names in another order");
  g_assert_cmpstr (pair_reason (pairs, moved_a, moved_b), ==, "Names one letter apart");
  g_assert_cmpstr (pair_reason (pairs, accent_a, accent_b), ==,
                   "Same name apart from accents or capitals");
  g_assert_cmpstr (pair_reason (pairs, typo_a, typo_b), ==, "Names one letter apart");
  g_assert_null (pair_reason (pairs, far_a, far_b));
  g_assert_null (pair_reason (pairs, away_a, away_b));
  g_clear_pointer (&pairs, g_ptr_array_unref);

  g_assert_true (hs_participant_mark_distinct (f->db, typo_b, typo_a, &error));
  g_assert_no_error (error);
  pairs = hs_participant_find_duplicate_pairs (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pairs->len, ==, 6);
  g_assert_null (pair_reason (pairs, typo_a, typo_b));
  g_assert_nonnull (pair_reason (pairs, swapped_a, swapped_b));
}

/* Runs the CLI on the fixture's file; returns its exit status. */
static int
run_cli (Fixture     *f,
         char       **out,
         const char  *first,
         ...)
{
  const char *cli = g_getenv ("HS_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = -1;
  va_list args;

  g_ptr_array_add (argv, (char *) cli);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, f->path);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, &err, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *json_path = g_build_filename (f->dir, "person.json", NULL);
  g_autofree char *json = NULL;
  gint64 id;

  if (g_getenv ("HS_CLI") == NULL)
    {
      g_test_skip ("HS_CLI is not set");
      return;
    }
  id = add_person (f, "Théogène Habimana", "M", 1990, f->musanze, "0788000001");
  add_person (f, "MUKAMANA Alice", "F", 2001, f->ngoma, NULL);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_assert_cmpint (run_cli (f, &out, "participants", "list", "--search", "theogene",
                            "--format", "csv", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "\xEF\xBB\xBFid,name,sex,age_band,district,setting"));
  g_assert_nonnull (strstr (out, ",Théogène Habimana,M,adult,Musanze,community,,,given\r\n"));
  g_assert_null (strstr (out, "MUKAMANA"));
  g_clear_pointer (&out, g_free);

  /* A withdrawn consent is flagged in every format of the list. */
  {
    g_autoptr(HsParticipant) p = hs_participant_load (f->db, id, NULL);
    g_autoptr(GError) error = NULL;

    g_object_set (p, "consent-date", "2024-01-10", "consent-withdrawn", "2024-02-01", NULL);
    g_assert_true (hs_participant_save (p, f->db, &error));
    g_assert_no_error (error);
    g_assert_cmpint (run_cli (f, &out, "participants", "list", "--search", "theogene",
                              "--format", "csv", NULL), ==, 0);
    g_assert_nonnull (strstr (out, ",community,,,withdrawn\r\n"));
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (run_cli (f, &out, "participants", "list", "--search", "theogene",
                              "--format", "json", NULL), ==, 0);
    g_assert_nonnull (strstr (out, "\"consent\": \"withdrawn\"}"));
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (run_cli (f, &out, "participants", "list", "--search", "theogene", NULL),
                     ==, 0);
    g_assert_nonnull (strstr (out, "(consent withdrawn)\n"));
    g_clear_pointer (&out, g_free);
    g_object_set (p, "consent-withdrawn", NULL, NULL);
    g_assert_true (hs_participant_save (p, f->db, &error));
    g_assert_no_error (error);
  }

  g_assert_cmpint (run_cli (f, &out, "participants", "list", "--district", "Ngoma",
                            "--format", "json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"name\": \"MUKAMANA Alice\", \"sex\": \"F\""));
  g_assert_null (strstr (out, "Habimana"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (f, &out, "participants", "show", id_text, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Théogène Habimana"));
  g_assert_nonnull (strstr (out, "+250788000001"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (f, &out, "participants", "export-person", id_text, "-o", json_path,
                            NULL), ==, 0);
  g_assert_true (g_file_get_contents (json_path, &json, NULL, NULL));
  g_assert_nonnull (strstr (json, "\"full_name\":\"Théogène Habimana\""));
  g_assert_nonnull (strstr (json, "\"history\": ["));
  g_remove (json_path);
  g_clear_pointer (&out, g_free);

  /* A .pdf output is the printable record: name, national ID and groups. */
  {
    g_autoptr(HsParticipant) p = NULL;
    g_autoptr(HsGroup) group = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *pdf_path = g_build_filename (f->dir, "person.pdf", NULL);
    g_autofree char *pdf_id = NULL;
    g_autofree char *text = NULL;
    const char *pdftotext[] = { "pdftotext", pdf_path, "-", NULL };

    p = g_object_new (HS_TYPE_PARTICIPANT, "full-name", "Uwamahoro Claudine", "sex", "F",
                      "birth-year", 1988, "district-id", f->musanze,
                      "national-id", "1198870012345678", NULL);
    g_assert_true (hs_participant_save (p, f->db, &error));
    group = g_object_new (HS_TYPE_GROUP, "name", "Kinigi Healing Space", "setting", "community",
                          "age-band", "adult", "district-id", f->musanze, NULL);
    g_assert_true (hs_group_save (group, f->db, &error));
    g_assert_cmpint (hs_membership_add (f->db, hs_group_get_id (group),
                                        hs_participant_get_id (p), NULL, &error), >, 0);
    g_assert_no_error (error);
    pdf_id = g_strdup_printf ("%" G_GINT64_FORMAT, hs_participant_get_id (p));
    g_assert_cmpint (run_cli (f, &out, "participants", "export-person", pdf_id, "-o", pdf_path,
                              NULL), ==, 0);
    g_clear_pointer (&out, g_free);
    g_assert_true (g_spawn_sync (NULL, (char **) pdftotext, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &text, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (text, "Uwamahoro Claudine"));
    g_assert_nonnull (strstr (text, "1198870012345678"));
    g_assert_nonnull (strstr (text, "Kinigi Healing Space"));
    g_assert_null (strstr (text, "Habimana"));
    g_remove (pdf_path);
  }

  g_assert_cmpint (run_cli (f, &out, "participants", "show", "999", NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (f, &out, "participants", "list", "--colour", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (f, &out, "participants", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (f, &out, "participants", "erase", id_text, NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (f, &out, "participants", "erase", id_text, "--yes", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (f, &out, "participants", "list", "--search", "theogene", NULL), ==, 0);
  g_assert_null (strstr (out, "Habimana"));
}

/* A file whose search index lost people (written by hand, or by an older
 * build) gets it rebuilt before the list's first search (not when the list
 * opens: the check counts every row): search finds everyone. */
static void
test_list_index_rebuilt (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsParticipantList) list = NULL;

  add_person (f, "Théogène Habimana", "M", 1990, f->musanze, "0788000001");
  add_person (f, "MUKAMANA Alice", "F", 2001, f->ngoma, "0722000002");
  g_assert_true (_hs_database_exec (f->db, "DELETE FROM participant_fts", &error));
  g_assert_no_error (error);

  list = hs_participant_list_new (f->db);
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  hs_participant_list_set_search (list, "");
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  hs_participant_list_set_search (list, "mukamana");
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  hs_participant_list_set_search (list, "theogene");
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  /* A second list on the same file searches the rebuilt index, and an
   * unsearched one still counts everyone. */
  g_clear_object (&list);
  list = hs_participant_list_new (f->db);
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  hs_participant_list_set_search (list, "habimana");
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
}

/* A bar of a chart leads to the list of its people: for every item of the
 * category, facility and trend charts, under a period and an approach, the
 * list narrowed to the item's scope counts exactly the bar's graduates. */
static void
check_chart_scope (Fixture             *f,
                   HsChartKind          kind,
                   const HsChartFilter *filter)
{
  g_autoptr(GError) error = NULL;
  HsChartData *data = hs_chart_data_query (f->db, kind, HS_CHART_SPLIT_NONE, filter, &error);
  g_autoptr(HsParticipantList) list = hs_participant_list_new (f->db);
  guint sum = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (data->items->len, >, 1);
  hs_participant_list_set_outcome (list, "graduated");
  hs_participant_list_set_setting (list, kind == HS_CHART_KIND_FACILITY ? "prison"
                                                                        : filter->setting);
  for (guint i = 0; i < data->items->len; i++)
    {
      const HsChartItem *item = g_ptr_array_index (data->items, i);
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      const char *category;
      gint64 facility;

      hs_chart_data_item_scope (data, i, &from, &to, &facility, &category);
      hs_participant_list_set_scope (list, from, to, filter->approach, facility, category);
      g_test_message ("%s %s: %u", hs_chart_kind_to_string (kind), item->key, item->total);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, item->total);
      sum += item->total;
    }
  g_assert_cmpuint (sum, >, 0);
  hs_participant_list_set_scope (list, NULL, NULL, NULL, 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >=, sum);
  hs_chart_data_free (data);
}

static void
test_list_chart_scope (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  HsChartFilter all = { 0 };
  HsChartFilter narrow = { .from = (char *) "2024-05-01", .to = (char *) "2024-06-30",
                           .approach = (char *) "sociotherapy" };

  g_assert_true (hs_sample_data_fill (f->db, NULL, &error));
  g_assert_no_error (error);
  for (HsChartKind kind = HS_CHART_KIND_CATEGORY; kind <= HS_CHART_KIND_TREND; kind++)
    {
      check_chart_scope (f, kind, &all);
      if (kind != HS_CHART_KIND_FACILITY)
        check_chart_scope (f, kind, &narrow);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/participants/phone/normalize", test_phone_normalize);
  g_test_add_func ("/participants/search/query", test_search_query);
  g_test_add ("/participants/validate", Fixture, NULL,
              fixture_set_up, test_validation, fixture_tear_down);
  g_test_add ("/participants/list/search-filter-sort", Fixture, NULL,
              fixture_set_up, test_list, fixture_tear_down);
  g_test_add ("/participants/list/index-rebuilt", Fixture, NULL,
              fixture_set_up, test_list_index_rebuilt, fixture_tear_down);
  g_test_add ("/participants/list/paging", Fixture, NULL,
              fixture_set_up, test_list_paging, fixture_tear_down);
  g_test_add ("/participants/list/district-sort", Fixture, NULL,
              fixture_set_up, test_list_district_sort, fixture_tear_down);
  g_test_add ("/participants/list/chart-scope", Fixture, NULL,
              fixture_set_up, test_list_chart_scope, fixture_tear_down);
  g_test_add ("/participants/delete/undo", Fixture, NULL,
              fixture_set_up, test_undo_delete, fixture_tear_down);
  g_test_add_func ("/participants/duplicates/names", test_name_key);
  g_test_add ("/participants/duplicates/merge", Fixture, NULL,
              fixture_set_up, test_duplicates_merge, fixture_tear_down);
  g_test_add ("/participants/duplicates/merge-new", Fixture, NULL,
              fixture_set_up, test_duplicates_merge_new, fixture_tear_down);
  g_test_add ("/participants/duplicates/pairs", Fixture, NULL,
              fixture_set_up, test_duplicate_pairs, fixture_tear_down);
  g_test_add ("/participants/erase", Fixture, NULL,
              fixture_set_up, test_erase, fixture_tear_down);
  g_test_add ("/participants/cli", Fixture, NULL,
              fixture_set_up, test_cli, fixture_tear_down);

  return g_test_run ();
}
