/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "hs-chart-data.h"
#include "hs-database-private.h"
#include "hs-livelihood.h"
#include "hs-sample-data.h"
#include "hs-target.h"

static char *tmp_dir;

static gint64
query_int (HsDatabase *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (_hs_database_get_handle (db), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
exec (HsDatabase *db,
      const char *sql)
{
  g_assert_cmpint (sqlite3_exec (_hs_database_get_handle (db), sql, NULL, NULL, NULL), ==,
                   SQLITE_OK);
}

static HsDatabase *
open_db (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  HsDatabase *db = hs_database_open (path, &error);

  g_assert_no_error (error);
  return db;
}

/* A community group (id 1) and a prison group (id 2, in the first of the
 * facilities every database has), both graduated:
 * 1 Alice graduated in the community, 2 Bosco dropped out, 3 Claudine
 * graduated in prison, 4 Didier never joined a group. */
static HsDatabase *
make_people (const char *name)
{
  HsDatabase *db = open_db (name);

  exec (db,
        "INSERT INTO hgroup (id, name, setting, age_band, district_id, status, created, updated)"
        " VALUES (1, 'Community', 'community', 'adult', 1, 'graduated', '2024-01-01', '2024-01-01');"
        "INSERT INTO hgroup (id, name, setting, age_band, district_id, facility_id, status,"
        " created, updated) VALUES (2, 'Prison', 'prison', 'adult', 1, (SELECT min (id) FROM facility), 'graduated',"
        " '2024-01-01', '2024-01-01');"
        "INSERT INTO participant (id, uuid, full_name, sex, age_band, district_id, created, updated)"
        " VALUES (1, 'u1', 'Alice Uwase', 'F', 'adult', 1, '2024-01-01', '2024-01-01'),"
        " (2, 'u2', 'Bosco Habimana', 'M', 'adult', 1, '2024-01-01', '2024-01-01'),"
        " (3, 'u3', 'Claudine Mukamana', 'F', 'adult', 2, '2024-01-01', '2024-01-01'),"
        " (4, 'u4', 'Didier Niyonzima', 'M', 'adult', 2, '2024-01-01', '2024-01-01');"
        "INSERT INTO membership (group_id, participant_id, outcome) VALUES"
        " (1, 1, 'graduated'), (1, 2, 'dropped'), (2, 3, 'graduated');");
  return db;
}

static gint64
make_group (HsDatabase *db,
            const char *name,
            const char *start)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsLivelihoodGroup) group = hs_livelihood_group_new ();

  group->name = g_strdup (name);
  group->district_id = 1;
  group->activity = g_strdup ("Tailoring");
  group->start_date = g_strdup (start);
  g_assert_true (hs_livelihood_group_save (group, db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (group->id, >, 0);
  return group->id;
}

static void
test_member_must_graduate (void)
{
  g_autoptr(HsDatabase) db = make_people ("members.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = NULL;
  gint64 group = make_group (db, "Twisungane", "2024-03-01");

  g_assert_true (hs_livelihood_add_member (db, group, 1, &error));
  g_assert_no_error (error);
  /* Prison graduates may join too once they are out. */
  g_assert_true (hs_livelihood_add_member (db, group, 3, &error));
  g_assert_no_error (error);
  /* Adding someone twice changes nothing. */
  g_assert_true (hs_livelihood_add_member (db, group, 1, &error));
  g_assert_no_error (error);

  g_assert_false (hs_livelihood_add_member (db, group, 2, &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Bosco Habimana has not graduated"));
  g_clear_error (&error);
  g_assert_false (hs_livelihood_add_member (db, group, 4, &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  members = hs_livelihood_list_members (db, group, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 2);
  g_assert_cmpstr (((HsLivelihoodMember *) members->pdata[0])->full_name, ==, "Alice Uwase");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM audit_log WHERE"
                                  " table_name = 'business_member' AND action = 'insert'"), ==, 2);

  /* Picking members: graduates not yet in the group, by a part of the name. */
  {
    g_autoptr(GPtrArray) found = hs_livelihood_find_graduates (db, "a", group, FALSE, 10, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 0);
    g_clear_pointer (&found, g_ptr_array_unref);
    found = hs_livelihood_find_graduates (db, "UWASE", 0, FALSE, 10, &error);
    g_assert_cmpuint (found->len, ==, 1);
    g_clear_pointer (&found, g_ptr_array_unref);
    found = hs_livelihood_find_graduates (db, "%", 0, FALSE, 10, &error);
    g_assert_cmpuint (found->len, ==, 0);
    g_clear_pointer (&found, g_ptr_array_unref);
    /* For TVET, prison graduates only: Claudine, not Alice. */
    found = hs_livelihood_find_graduates (db, "", 0, TRUE, 10, &error);
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpstr (((HsLivelihoodMember *) found->pdata[0])->full_name, ==,
                     "Claudine Mukamana");
  }

  g_assert_true (hs_livelihood_remove_member (db, group, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM business_member"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM audit_log WHERE"
                                  " table_name = 'business_member' AND action = 'delete'"), ==, 1);
}

static void
test_group_rules (void)
{
  g_autoptr(HsDatabase) db = make_people ("rules.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(HsLivelihoodGroup) group = hs_livelihood_group_new ();
  g_autoptr(HsLivelihoodGroup) loaded = NULL;

  group->name = g_strdup ("   ");
  g_assert_false (hs_livelihood_group_save (group, db, &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  g_free (group->name);
  group->name = g_strdup ("Ubumwe");
  group->training_start = g_strdup ("2024-05-10");
  group->training_end = g_strdup ("2024-05-01");
  g_assert_false (hs_livelihood_group_save (group, db, &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  g_free (group->training_end);
  group->training_end = g_strdup ("2024-05-14");
  g_free (group->status);
  group->status = g_strdup ("sleeping");
  g_assert_false (hs_livelihood_group_save (group, db, &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  g_free (group->status);
  group->status = g_strdup ("paused");
  g_assert_true (hs_livelihood_group_save (group, db, &error));
  g_assert_no_error (error);
  loaded = hs_livelihood_group_load (db, group->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->status, ==, "paused");
  g_assert_cmpstr (loaded->training_end, ==, "2024-05-14");

  /* Deleting takes members, capital and visits with it, each audited. */
  g_assert_true (hs_livelihood_add_member (db, group->id, 1, &error));
  g_assert_cmpint (hs_livelihood_add_capital (db, group->id, 100000, "2024-06-01", NULL, &error),
                   >, 0);
  g_assert_cmpint (hs_livelihood_add_visit (db, group->id, "2024-09-01", TRUE, 5, NULL, &error),
                   >, 0);
  g_assert_no_error (error);
  g_assert_true (hs_livelihood_group_delete (db, group->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM business_member"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM business_capital"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM audit_log WHERE action = 'delete'"), ==, 4);
  g_assert_false (hs_livelihood_group_delete (db, group->id, &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND);
}

static void
test_capital_totals (void)
{
  g_autoptr(HsDatabase) db = make_people ("capital.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 group = make_group (db, "Twisungane", "2024-03-01");
  gint64 other = make_group (db, "Abahuje", "2024-03-01");
  gint64 first;

  first = hs_livelihood_add_capital (db, group, 500000, "2024-03-01", "Seed fund", &error);
  g_assert_cmpint (first, >, 0);
  g_assert_cmpint (hs_livelihood_add_capital (db, group, 250000, "2024-10-01", "Sector", &error),
                   >, 0);
  g_assert_cmpint (hs_livelihood_add_capital (db, other, 300000, "2024-03-05", NULL, &error), >, 0);
  g_assert_no_error (error);

  g_assert_cmpint (hs_livelihood_add_capital (db, group, 0, "2024-10-01", NULL, &error), ==, 0);
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (hs_livelihood_add_capital (db, group, 1000, "1/10/2024", NULL, &error), ==, 0);
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (hs_livelihood_capital_total (db, group, &error), ==, 750000);
  g_assert_cmpint (hs_livelihood_capital_total (db, other, &error), ==, 300000);
  list = hs_livelihood_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((HsLivelihoodSummary *) list->pdata[1])->name, ==, "Twisungane");
  g_assert_cmpint (((HsLivelihoodSummary *) list->pdata[1])->capital_rwf, ==, 750000);

  g_assert_true (hs_livelihood_delete_capital (db, first, &error));
  g_assert_cmpint (hs_livelihood_capital_total (db, group, &error), ==, 250000);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM audit_log WHERE"
                                  " table_name = 'business_capital'"), ==, 4);
}

static void
test_activity_after_months (void)
{
  g_autoptr(HsDatabase) db = make_people ("activity.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(HsLivelihoodReport) report = NULL;
  gint64 lasting = make_group (db, "Lasting", "2024-01-15");
  gint64 stopped = make_group (db, "Stopped", "2024-01-15");
  gint64 young = make_group (db, "Young", "2024-10-01");
  gint64 unvisited = make_group (db, "Unvisited", "2024-01-15");
  gboolean active = TRUE;

  /* Lasting: active at 3, 7 and 13 months. */
  hs_livelihood_add_visit (db, lasting, "2024-04-15", TRUE, 10, NULL, &error);
  hs_livelihood_add_visit (db, lasting, "2024-08-20", TRUE, 9, NULL, &error);
  hs_livelihood_add_visit (db, lasting, "2025-02-20", TRUE, 9, "Good harvest", &error);
  /* Stopped: active at 7 months, closed by 12. A visit before 6 months does not count. */
  hs_livelihood_add_visit (db, stopped, "2024-07-01", TRUE, 8, NULL, &error);
  hs_livelihood_add_visit (db, stopped, "2024-07-15", TRUE, 8, NULL, &error);
  hs_livelihood_add_visit (db, stopped, "2025-01-16", FALSE, 0, NULL, &error);
  /* Young: only 4 months old on the report date. */
  hs_livelihood_add_visit (db, young, "2025-01-10", TRUE, 12, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (hs_livelihood_active_after (db, lasting, 6, &active, &error));
  g_assert_true (active);
  g_assert_true (hs_livelihood_active_after (db, lasting, 12, &active, &error));
  g_assert_true (active);
  g_assert_true (hs_livelihood_active_after (db, stopped, 12, &active, &error));
  g_assert_false (active);
  g_assert_true (hs_livelihood_active_after (db, unvisited, 6, &active, &error));
  g_assert_false (active);
  g_assert_true (hs_livelihood_active_after (db, young, 6, &active, &error));
  g_assert_false (active);
  g_assert_no_error (error);

  /* Stopped: its latest visit since the sixth month says it closed. */
  g_assert_true (hs_livelihood_active_after (db, stopped, 6, &active, &error));
  g_assert_false (active);
  exec (db, "DELETE FROM business_visit WHERE date = '2025-01-16'");
  g_assert_true (hs_livelihood_active_after (db, stopped, 6, &active, &error));
  g_assert_true (active);
  hs_livelihood_add_visit (db, stopped, "2025-01-16", FALSE, 0, NULL, &error);

  report = hs_livelihood_report_new (db, "2025-02-28", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->total.groups, ==, 4);
  g_assert_cmpuint (report->total.due_6, ==, 3);
  g_assert_cmpuint (report->total.active_6, ==, 1);
  g_assert_cmpuint (report->total.due_12, ==, 3);
  g_assert_cmpuint (report->total.active_12, ==, 1);
}

/* The clocks start at the first seed capital when there is one: a group
 * formed in January that got its capital in May is due in November, and a
 * visit in August (six months after forming, three after the capital) does
 * not count. A visit on the milestone day itself does. */
static void
test_activity_from_capital (void)
{
  g_autoptr(HsDatabase) db = make_people ("capital-clock.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(HsLivelihoodReport) early = NULL;
  g_autoptr(HsLivelihoodReport) due = NULL;
  gint64 group = make_group (db, "Late capital", "2024-01-15");
  gint64 undated = make_group (db, "Undated", NULL);
  gboolean active = TRUE;

  g_assert_cmpint (hs_livelihood_add_capital (db, group, 400000, "2024-05-01", NULL, &error),
                   >, 0);
  g_assert_cmpint (hs_livelihood_add_capital (db, group, 100000, "2024-09-01", NULL, &error),
                   >, 0);
  g_assert_cmpint (hs_livelihood_add_visit (db, group, "2024-08-01", TRUE, 9, NULL, &error),
                   >, 0);
  g_assert_cmpint (hs_livelihood_add_visit (db, undated, "2025-01-01", TRUE, 9, NULL, &error),
                   >, 0);
  g_assert_no_error (error);

  g_assert_true (hs_livelihood_active_after (db, group, 6, &active, &error));
  g_assert_false (active);
  g_assert_true (hs_livelihood_active_after (db, undated, 6, &active, &error));
  g_assert_false (active);
  g_assert_cmpint (hs_livelihood_add_visit (db, group, "2024-11-01", TRUE, 8, NULL, &error), >, 0);
  g_assert_true (hs_livelihood_active_after (db, group, 6, &active, &error));
  g_assert_true (active);
  g_assert_true (hs_livelihood_active_after (db, group, 12, &active, &error));
  g_assert_false (active);
  g_assert_no_error (error);

  early = hs_livelihood_report_new (db, "2024-10-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (early->total.due_6, ==, 0);
  due = hs_livelihood_report_new (db, "2024-11-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->total.groups, ==, 2);
  g_assert_cmpuint (due->total.due_6, ==, 1);
  g_assert_cmpuint (due->total.active_6, ==, 1);
  g_assert_cmpuint (due->total.due_12, ==, 0);
  g_assert_cmpint (due->total.capital_rwf, ==, 500000);
}

static void
test_tvet_prison_only (void)
{
  g_autoptr(HsDatabase) db = make_people ("tvet.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(HsTvet) tvet = hs_tvet_new ();
  g_autoptr(GPtrArray) list = NULL;

  tvet->trade = g_strdup ("Masonry");
  tvet->participant_id = 1;
  g_assert_false (hs_tvet_save (tvet, db, &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Alice Uwase did not graduate from a prison group"));
  g_clear_error (&error);
  tvet->participant_id = 4;
  g_assert_false (hs_tvet_save (tvet, db, &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  tvet->participant_id = 3;
  tvet->start_date = g_strdup ("2025-01-06");
  tvet->end_date = g_strdup ("2025-06-30");
  tvet->reintegration = g_strdup ("abroad");
  g_assert_false (hs_tvet_save (tvet, db, &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (tvet->reintegration);
  tvet->reintegration = g_strdup ("family");
  tvet->release_date = g_strdup ("2025-08-01");
  g_assert_true (hs_tvet_save (tvet, db, &error));
  g_assert_no_error (error);

  g_free (tvet->status);
  tvet->status = g_strdup ("completed");
  g_assert_true (hs_tvet_save (tvet, db, &error));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM audit_log WHERE table_name = 'tvet'"),
                   ==, 2);
  list = hs_tvet_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((HsTvet *) list->pdata[0])->full_name, ==, "Claudine Mukamana");
  g_assert_cmpstr (((HsTvet *) list->pdata[0])->status, ==, "completed");
  g_assert_true (hs_tvet_delete (db, tvet->id, &error));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM tvet"), ==, 0);
}

static void
test_targets (void)
{
  g_autoptr(HsDatabase) db = open_db ("targets.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(HsTarget) target = hs_target_new ();
  g_autoptr(GPtrArray) list = NULL;

  target->name = g_strdup ("Pilot");
  target->value = 100;
  target->female = 60;
  target->male = 50;
  g_assert_false (hs_target_save (target, db, &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  target->male = 40;
  target->past = TRUE;
  g_assert_true (hs_target_save (target, db, &error));
  g_assert_no_error (error);
  target->value = 120;
  g_assert_true (hs_target_save (target, db, &error));
  list = hs_target_list (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((HsTarget *) list->pdata[0])->value, ==, 120);
  g_assert_cmpint (((HsTarget *) list->pdata[0])->female, ==, 60);
  g_assert_true (((HsTarget *) list->pdata[0])->past);
  g_assert_true (hs_target_delete (db, target->id, &error));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM audit_log WHERE table_name = 'target'"),
                   ==, 3);

  /* A past programme's figures, saved first, never stand in for the
   * current target on the dashboard's target chart. */
  {
    g_autoptr(HsTarget) past = hs_target_new ();
    g_autoptr(HsTarget) current = hs_target_new ();
    g_autoptr(HsChartData) chart = NULL;

    past->name = g_strdup ("Pilot");
    g_free (past->metric);
    past->metric = g_strdup ("graduates");
    past->value = 700;
    past->past = TRUE;
    g_assert_true (hs_target_save (past, db, &error));
    current->name = g_strdup ("Phase 2");
    g_free (current->metric);
    current->metric = g_strdup ("graduates");
    current->value = 20000;
    g_assert_true (hs_target_save (current, db, &error));
    g_assert_no_error (error);
    chart = hs_chart_data_query (db, HS_CHART_KIND_TARGET, HS_CHART_SPLIT_NONE, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (chart->target, ==, 20000);
    g_assert_cmpstr (chart->target_name, ==, "Phase 2");
  }
}

/* The sample programme's figures, counted here independently of the report. */
static void
test_sample_report (void)
{
  g_autoptr(HsDatabase) db = open_db ("sample.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(HsLivelihoodReport) report = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autofree char *csv = NULL;
  const HsTarget *pilot;
  GDate today;

  g_date_set_dmy (&today, 26, G_DATE_NOVEMBER, 2026);
  g_assert_true (hs_sample_data_fill (db, &today, &error));
  g_assert_no_error (error);

  report = hs_livelihood_report_new (db, "2026-11-26", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->districts->len, ==, 5);
  g_assert_cmpuint (report->total.graduates, ==, 836);
  g_assert_cmpuint (report->total.groups, ==, 40);
  g_assert_cmpint (report->total.in_groups, ==,
                   query_int (db, "SELECT count(DISTINCT participant_id) FROM business_member"));
  g_assert_cmpuint (report->total.in_groups, >=, 8 * 40);
  g_assert_cmpint (report->total.in_tvet, ==, query_int (db, "SELECT count(*) FROM tvet"));
  g_assert_cmpuint (report->total.in_tvet, ==, 29);
  g_assert_cmpuint (report->total.in_either, ==, report->total.in_groups + report->total.in_tvet);
  g_assert_cmpint (report->total.capital_rwf, ==,
                   query_int (db, "SELECT sum(amount_rwf) FROM business_capital"));
  g_assert_cmpint (report->total.capital_rwf, ==, 27500000);
  /* Groups of the 2026 waves are not yet six or twelve months old. */
  g_assert_cmpuint (report->total.due_6, ==, 35);
  g_assert_cmpuint (report->total.due_12, ==, 30);
  g_assert_cmpuint (report->total.active_6, <=, report->total.due_6);
  g_assert_cmpuint (report->total.active_6, >, report->total.due_6 / 2);
  g_assert_cmpuint (report->total.active_12, <=, report->total.due_12);
  for (guint i = 0; i < report->districts->len; i++)
    {
      const HsLivelihoodReportRow *row = g_ptr_array_index (report->districts, i);

      g_assert_cmpuint (row->groups, ==, 8);
    }
  g_assert_cmpstr (((HsLivelihoodReportRow *) report->districts->pdata[0])->district, ==,
                   "Musanze");
  g_assert_cmpuint (((HsLivelihoodReportRow *) report->districts->pdata[0])->graduates, ==, 178);
  /* Community graduates only in groups, prison graduates only in TVET. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM business_member b JOIN membership m"
                                  " ON m.participant_id = b.participant_id JOIN hgroup g"
                                  " ON g.id = m.group_id WHERE g.setting = 'prison'"), ==, 0);

  csv = hs_livelihood_report_csv (report);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "district,graduates,"));
  g_assert_nonnull (strstr (csv, "\r\nTotal,836,"));
  g_assert_nonnull (strstr (csv, ",27500000,35,"));

  targets = hs_target_list (db, &error);
  g_assert_no_error (error);
  /* The programme's 20,000, its 4,000 in each of the five districts, then
   * the pilot. */
  g_assert_cmpuint (targets->len, ==, 7);
  g_assert_cmpint (((HsTarget *) targets->pdata[0])->value, ==, 20000);
  g_assert_cmpint (((HsTarget *) targets->pdata[0])->district_id, ==, 0);
  for (guint i = 1; i <= 5; i++)
    {
      g_assert_cmpint (((HsTarget *) targets->pdata[i])->value, ==, 4000);
      g_assert_cmpint (((HsTarget *) targets->pdata[i])->district_id, >, 0);
    }
  pilot = targets->pdata[6];
  g_assert_true (pilot->past);
  g_assert_cmpstr (pilot->district, ==, "Bugesera");
  g_assert_cmpint (pilot->value, ==, 7313);
  g_assert_cmpint (pilot->male, ==, 3323);
  g_assert_cmpint (pilot->female, ==, 3990);
  g_assert_cmpstr (pilot->start_date, ==, "2020-10-01");
}

static const HsChartItem *
chart_item (const HsChartData *chart,
            const char        *key)
{
  for (guint i = 0; i < chart->items->len; i++)
    if (g_str_equal (((HsChartItem *) chart->items->pdata[i])->key, key))
      return chart->items->pdata[i];
  return NULL;
}

/* The dashboard's progress by district and by sex: each district against
 * its own target (graduates, or people reached: everyone who joined a group
 * in the period), a district with a target and no one yet is there with 0,
 * women and men
 * against the programme target's split, and the Bugesera pilot's figures to
 * compare. */
static void
test_progress_charts (void)
{
  g_autoptr(HsDatabase) db = open_db ("progress.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(HsChartData) by_sex = NULL;
  g_autoptr(HsChartData) by_district = NULL;
  g_autoptr(HsChartData) none = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  const char *districts[] = { "Musanze", "Gasabo", "Ngoma" };
  const char *metrics[] = { "graduates", "graduates", "people" };
  HsTarget *programme;
  GDate today;

  g_date_set_dmy (&today, 26, G_DATE_NOVEMBER, 2026);
  g_assert_true (hs_sample_data_fill (db, &today, &error));
  g_assert_no_error (error);

  /* Before any split by sex or district target: counts, no targets. */
  none = hs_chart_data_query (db, HS_CHART_KIND_TARGET_SEX, HS_CHART_SPLIT_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->items->len, ==, 2);
  g_assert_cmpuint (chart_item (none, "F")->total, ==, 489);
  g_assert_cmpuint (chart_item (none, "F")->target, ==, 0);
  g_assert_cmpuint (chart_item (none, "F")->reference, ==, 3990);
  g_assert_cmpuint (chart_item (none, "M")->reference, ==, 3323);
  g_assert_cmpstr (none->reference_name, ==, "Bugesera pilot");

  targets = hs_target_list (db, &error);
  programme = targets->pdata[0];
  g_assert_false (programme->past);
  /* The sample's even 4,000 per district make way for targets of our own. */
  for (guint i = 0; i < targets->len; i++)
    {
      HsTarget *sample = targets->pdata[i];

      if (sample->district_id > 0 && !sample->past)
        g_assert_true (hs_target_delete (db, sample->id, &error));
    }
  programme->female = 11000;
  programme->male = 9000;
  g_assert_true (hs_target_save (programme, db, &error));
  for (guint i = 0; i < G_N_ELEMENTS (districts); i++)
    {
      g_autoptr(HsTarget) target = hs_target_new ();

      target->name = g_strdup (districts[i]);
      g_free (target->metric);
      target->metric = g_strdup (metrics[i]);
      target->value = 4000 + i;
      target->district_id = hs_database_find_district (db, districts[i]);
      g_assert_true (hs_target_save (target, db, &error));
    }
  g_assert_no_error (error);

  by_sex = hs_chart_data_query (db, HS_CHART_KIND_TARGET_SEX, HS_CHART_SPLIT_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((HsChartItem *) by_sex->items->pdata[0])->key, ==, "F");
  g_assert_cmpuint (chart_item (by_sex, "F")->target, ==, 11000);
  g_assert_cmpuint (chart_item (by_sex, "M")->target, ==, 9000);
  g_assert_cmpuint (chart_item (by_sex, "M")->total, ==, 347);

  by_district = hs_chart_data_query (db, HS_CHART_KIND_TARGET_DISTRICT, HS_CHART_SPLIT_NONE,
                                     NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (by_district->items->len, ==, 6);
  g_assert_cmpstr (((HsChartItem *) by_district->items->pdata[0])->key, ==, "Gasabo");
  g_assert_cmpuint (chart_item (by_district, "Gasabo")->total, ==, 0);
  g_assert_cmpuint (chart_item (by_district, "Gasabo")->target, ==, 4001);
  g_assert_cmpuint (chart_item (by_district, "Musanze")->total, ==, 178);
  g_assert_cmpuint (chart_item (by_district, "Musanze")->target, ==, 4000);
  g_assert_false (chart_item (by_district, "Musanze")->people_target);
  /* Ngoma's target counts people reached: everyone who joined a group in
   * the period, so at least its graduates. */
  g_assert_cmpuint (chart_item (by_district, "Ngoma")->target, ==, 4002);
  g_assert_true (chart_item (by_district, "Ngoma")->people_target);
  g_assert_cmpuint (chart_item (by_district, "Ngoma")->reached, >=, 135);
  g_assert_cmpint (chart_item (by_district, "Ngoma")->reached, ==,
                   query_int (db, "SELECT count (DISTINCT m.participant_id) FROM membership m"
                                  " JOIN hgroup g ON g.id = m.group_id JOIN district d"
                                  " ON d.id = g.district_id WHERE d.name = 'Ngoma'"
                                  " AND g.start_date BETWEEN '2024-01-01' AND '2026-12-31'"));
  g_assert_null (chart_item (by_district, "Bugesera"));
  g_assert_cmpuint (by_district->total, ==, 836);

  /* The programme's "20,000" as people reached: the one-bar chart counts
   * everyone who joined a group in its period. */
  g_free (programme->metric);
  programme->metric = g_strdup ("people");
  g_assert_true (hs_target_save (programme, db, &error));
  {
    g_autoptr(HsChartData) chart = hs_chart_data_query (db, HS_CHART_KIND_TARGET,
                                                        HS_CHART_SPLIT_NONE, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (chart->target_people);
    g_assert_cmpuint (chart->target, ==, 20000);
    g_assert_cmpuint (chart->total, ==, 836);
    g_assert_cmpint (chart->reached, ==,
                     query_int (db, "SELECT count (DISTINCT m.participant_id) FROM membership m"
                                    " JOIN hgroup g ON g.id = m.group_id"
                                    " WHERE g.start_date BETWEEN '2024-01-01' AND '2026-12-31'"));
    g_assert_cmpuint (chart->reached, >, 836);
  }
}

/* Runs the CLI on @db_path; its stdout in @out (may be NULL). */
static int
run_cli (const char  *db_path,
         char       **out,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  const char *arg;
  va_list args;
  int status = -1;

  g_ptr_array_add (argv, (char *) g_getenv ("HS_CLI"));
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db_path);
  va_start (args, out);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &stdout_text, &stderr_text, &status, &error));
  g_assert_no_error (error);
  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  return g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
}

/* livelihoods list and report, read back: the CSV's totals, the PDF's text. */
static void
test_cli (void)
{
  g_autoptr(HsDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "cli.db", NULL);
  g_autofree char *csv_path = g_build_filename (tmp_dir, "report.csv", NULL);
  g_autofree char *pdf_path = g_build_filename (tmp_dir, "report.pdf", NULL);
  g_autofree char *json = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  GDate today;

  if (g_getenv ("HS_CLI") == NULL)
    {
      g_test_skip ("HS_CLI is not set");
      return;
    }
  db = open_db ("cli.db");
  g_date_set_dmy (&today, 26, G_DATE_NOVEMBER, 2026);
  g_assert_true (hs_sample_data_fill (db, &today, &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  g_assert_cmpint (run_cli (path, &json, "livelihoods", "list", "--format", "json", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (json, "[\n  {\"id\": "));
  g_assert_nonnull (strstr (json, "\"name\": \"Abahuje (Musanze)\""));
  g_assert_nonnull (strstr (json, "\"capital_rwf\": "));

  g_assert_cmpint (run_cli (path, NULL, "livelihoods", "report", "--format", "csv", "-o", csv_path,
                            "--as-of", "2026-11-26", NULL), ==, 0);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (csv, "\r\nTotal,836,457,29,486,40,36,27500000,35,31,30,26\r\n"));

  g_assert_cmpint (run_cli (path, NULL, "livelihoods", "report", "--format", "pdf", NULL), ==, 2);
  g_assert_cmpint (run_cli (path, NULL, "livelihoods", "report", "--format", "pdf", "-o",
                            pdf_path, "--as-of", "26/11/2026", NULL), ==, 2);
  g_assert_cmpint (run_cli (path, NULL, "livelihoods", "report", "--format", "pdf", "-o",
                            pdf_path, "--as-of", "2026-11-26", NULL), ==, 0);
  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  {
    const char *argv[] = { pdftotext, pdf_path, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text,
                                 NULL, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_nonnull (strstr (text, "Follow-up after graduation"));
  g_assert_nonnull (strstr (text, "26 November 2026"));
  g_assert_nonnull (strstr (text, "27,500,000"));
  g_assert_nonnull (strstr (text, "31 of 35 (89%)"));
  g_assert_nonnull (strstr (text, "Bugesera pilot"));
  g_assert_nonnull (strstr (text, "7,313"));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("hs-livelihoods-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/livelihoods/member-must-graduate", test_member_must_graduate);
  g_test_add_func ("/livelihoods/group-rules", test_group_rules);
  g_test_add_func ("/livelihoods/capital-totals", test_capital_totals);
  g_test_add_func ("/livelihoods/activity-after-months", test_activity_after_months);
  g_test_add_func ("/livelihoods/activity-from-capital", test_activity_from_capital);
  g_test_add_func ("/livelihoods/tvet-prison-only", test_tvet_prison_only);
  g_test_add_func ("/livelihoods/targets", test_targets);
  g_test_add_func ("/livelihoods/sample-report", test_sample_report);
  g_test_add_func ("/livelihoods/progress-charts", test_progress_charts);
  g_test_add_func ("/livelihoods/cli", test_cli);
  status = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
        g_unlink (path);
      }
  }
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
