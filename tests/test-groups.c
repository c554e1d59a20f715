/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-groups"

#include <glib/gstdio.h>
#include <string.h>

#include "hs-facilitator.h"
#include "hs-graduation.h"
#include "hs-group-list.h"
#include "hs-group-plan.h"
#include "hs-group.h"
#include "hs-membership.h"
#include "hs-participant.h"
#include "hs-schedule.h"
#include "hs-session.h"

typedef struct
{
  char       *dir;
  char       *path;
  HsDatabase *db;
  gint64      musanze;
  gint64      group;
  gint64      people[4];
  gint64      sessions[15];
} Fixture;

static gint64
add_person (Fixture    *f,
            const char *name,
            const char *sex)
{
  g_autoptr(HsParticipant) p = NULL;
  g_autoptr(GError) error = NULL;

  p = g_object_new (HS_TYPE_PARTICIPANT, "full-name", name, "sex", sex, "birth-year", 1980,
                    "district-id", f->musanze, NULL);
  g_assert_true (hs_participant_save (p, f->db, &error));
  g_assert_no_error (error);
  return hs_participant_get_id (p);
}

static gint64
add_facilitator (Fixture    *f,
                 const char *name)
{
  g_autoptr(HsFacilitator) fa = NULL;
  g_autoptr(GError) error = NULL;

  fa = g_object_new (HS_TYPE_FACILITATOR, "full-name", name, "sex", "F", NULL);
  g_assert_true (hs_facilitator_save (fa, f->db, &error));
  g_assert_no_error (error);
  return hs_facilitator_get_id (fa);
}

static gint64
add_group (Fixture    *f,
           const char *name,
           const char *start,
           int         weekday,
           const char *time)
{
  g_autoptr(HsGroup) g = NULL;
  g_autoptr(GError) error = NULL;

  g = g_object_new (HS_TYPE_GROUP, "name", name, "setting", "community", "age-band", "adult",
                    "district-id", f->musanze, "status", "running", "start-date", start,
                    "weekday", weekday, "start-time", time, "venue", "Muhoza sector office",
                    NULL);
  g_assert_true (hs_group_save (g, f->db, &error));
  g_assert_no_error (error);
  return hs_group_get_id (g);
}

static gint64
session_id (Fixture *f,
            gint64   group_id,
            int      number)
{
  /* Sessions are written in order, so ids follow numbers within a group. */
  g_autoptr(GError) error = NULL;

  for (gint64 id = 1; id < 1000; id++)
    {
      g_autoptr(HsSession) s = hs_session_load (f->db, id, NULL);
      if (s != NULL && hs_session_get_group_id (s) == group_id
          && hs_session_get_number (s) == number)
        return id;
    }
  g_assert_not_reached ();
  return 0;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  static const char * const names[] = { "Alice Uwase", "Bosco Habimana", "Claudine Ingabire",
                                         "Damascene Nkurunziza" };
  static const char * const sexes[] = { "F", "M", "F", "M" };

  f->dir = g_dir_make_tmp ("hs-test-groups-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.db", NULL);
  f->db = hs_database_open (f->path, &error);
  g_assert_no_error (error);
  f->musanze = hs_database_find_district (f->db, "Musanze");

  f->group = add_group (f, "Musanze Adults A", "2025-03-31", 2, "09:00");
  g_assert_cmpint (hs_schedule_create_sessions (f->db, f->group, &error), ==, 15);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (f->people); i++)
    {
      f->people[i] = add_person (f, names[i], sexes[i]);
      g_assert_cmpint (hs_membership_add (f->db, f->group, f->people[i], "2025-03-31", &error),
                       >, 0);
      g_assert_no_error (error);
    }
  for (int n = 1; n <= 15; n++)
    f->sessions[n - 1] = session_id (f, f->group, n);
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

/* Marks person @who at sessions 1..@held: "p" present, "a" absent, "e" excused. */
static void
mark_all (Fixture    *f,
          guint       who,
          const char *marks)
{
  g_autoptr(GError) error = NULL;

  for (guint n = 0; marks[n] != '\0'; n++)
    {
      const char *mark = marks[n] == 'p' ? "present" : marks[n] == 'a' ? "absent" : "excused";
      g_assert_true (hs_attendance_set (f->db, f->sessions[n], f->people[who], mark, &error));
      g_assert_no_error (error);
    }
}

static HsMemberStanding *
find_standing (GPtrArray *standings,
               gint64     participant_id)
{
  for (guint i = 0; i < standings->len; i++)
    {
      HsMemberStanding *s = g_ptr_array_index (standings, i);
      if (s->participant_id == participant_id)
        return s;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_sessions_created (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(HsSession) second = hs_session_load (f->db, f->sessions[1], NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (hs_session_get_date (second), ==, "2025-04-15");
  g_assert_cmpstr (hs_session_get_status (second), ==, "moved");
  g_assert_nonnull (strstr (hs_session_get_reason (second), "Kwibuka"));
  g_assert_cmpint (hs_schedule_create_sessions (f->db, f->group, &error), ==, -1);
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
}

static void
test_roll_call_holds_session (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(HsSession) before = hs_session_load (f->db, f->sessions[0], NULL);
  g_autoptr(HsSession) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (hs_session_get_status (before), ==, "planned");
  g_assert_true (hs_attendance_set (f->db, f->sessions[0], f->people[0], "present", &error));
  after = hs_session_load (f->db, f->sessions[0], NULL);
  g_assert_cmpstr (hs_session_get_status (after), ==, "held");
}

static void
test_rule_assess (void)
{
  HsGraduationRule rule = { 12, FALSE };
  g_autofree char *why = NULL;

  g_assert_cmpint (hs_graduation_assess (&rule, 9, 0, 11, 4, &why), ==, HS_STANDING_ON_TRACK);
  g_assert_cmpstr (why, ==, "attended 9 of 11 sessions so far — can still graduate (needs 12)");
  g_clear_pointer (&why, g_free);
  g_assert_cmpint (hs_graduation_assess (&rule, 8, 0, 11, 4, &why), ==, HS_STANDING_AT_RISK);
  g_assert_cmpstr (why, ==,
                   "attended 8 of 11 sessions so far — must attend every remaining session "
                   "(needs 12)");
  g_clear_pointer (&why, g_free);
  g_assert_cmpint (hs_graduation_assess (&rule, 9, 0, 12, 3, NULL), ==, HS_STANDING_AT_RISK);
  g_assert_cmpint (hs_graduation_assess (&rule, 7, 3, 11, 4, &why), ==,
                   HS_STANDING_UNREACHABLE);
  g_assert_nonnull (strstr (why, "cannot reach the minimum any more"));
  g_assert_nonnull (strstr (why, "3 excused absences not counted"));
  g_clear_pointer (&why, g_free);
  rule.excused_counts = TRUE;
  g_assert_cmpint (hs_graduation_assess (&rule, 7, 3, 11, 4, &why), ==, HS_STANDING_ON_TRACK);
  g_assert_nonnull (strstr (why, "attended 10 of 11"));
  g_clear_pointer (&why, g_free);
  g_assert_cmpint (hs_graduation_assess (&rule, 9, 3, 15, 0, &why), ==, HS_STANDING_REACHED);
  /* Every session held: no "so far". */
  g_assert_cmpstr (why, ==,
                   "attended 12 of 15 sessions — meets the rule (needs 12; "
                   "3 excused absences counted)");
  g_clear_pointer (&why, g_free);
  rule.excused_counts = FALSE;
  g_assert_cmpint (hs_graduation_assess (&rule, 9, 3, 15, 0, NULL), ==,
                   HS_STANDING_UNREACHABLE);
  g_assert_cmpint (hs_graduation_assess (&rule, 12, 0, 12, 3, NULL), ==, HS_STANDING_REACHED);
  g_assert_cmpint (hs_graduation_assess (&rule, 0, 0, 0, 15, NULL), ==, HS_STANDING_ON_TRACK);
}

static void
test_rule_settings (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsGroup) group = hs_group_load (f->db, f->group, NULL);
  HsGraduationRule rule = hs_graduation_rule_get_default (f->db);
  HsGraduationRule bad = { 0, FALSE };

  g_assert_cmpint (rule.min_sessions, ==, 12);
  g_assert_false (rule.excused_counts);
  rule.min_sessions = 11;
  rule.excused_counts = TRUE;
  g_assert_true (hs_graduation_rule_set_default (f->db, &rule, &error));
  g_assert_false (hs_graduation_rule_set_default (f->db, &bad, &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  g_object_set (group, "min-sessions", 10, "excused-count", 0, NULL);
  g_assert_true (hs_group_save (group, f->db, &error));
  g_assert_true (hs_graduation_rule_for_group (f->db, f->group, &rule, &error));
  g_assert_cmpint (rule.min_sessions, ==, 10);
  g_assert_false (rule.excused_counts);
}

static void
test_standings_and_close (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) standings = NULL;
  g_autoptr(GPtrArray) at_risk = NULL;
  g_autoptr(GHashTable) overrides = hs_graduation_overrides_new ();
  g_autoptr(HsGroup) group = NULL;
  g_autofree char *outcome = NULL;

  mark_all (f, 0, "ppppppppppppapp");   /* 14 */
  mark_all (f, 1, "pppppppppppaaae");   /* 11 + 1 excused */
  mark_all (f, 2, "ppppppppppppppp");   /* 15 */
  mark_all (f, 3, "pppaaaaaaaa");       /* 3 of 11 so far */

  at_risk = hs_graduation_list_at_risk (f->db, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (at_risk->len, ==, 2);

  standings = hs_graduation_list_group (f->db, f->group, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (standings->len, ==, 4);
  g_assert_cmpint (find_standing (standings, f->people[0])->standing, ==, HS_STANDING_REACHED);
  g_assert_cmpint (find_standing (standings, f->people[1])->standing, ==,
                   HS_STANDING_UNREACHABLE);
  g_assert_cmpint (find_standing (standings, f->people[3])->standing, ==,
                   HS_STANDING_UNREACHABLE);

  /* Bosco: the coordinator lets him graduate, but must say why. */
  hs_graduation_overrides_add (overrides, f->people[1], "graduated", " ");
  g_assert_false (hs_graduation_close_group (f->db, f->group, "2025-07-20", "Muhoza", overrides,
                                             &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  outcome = hs_membership_get_outcome (f->db, f->group, f->people[0], NULL);
  g_assert_cmpstr (outcome, ==, "ongoing");
  g_clear_pointer (&outcome, g_free);

  hs_graduation_overrides_add (overrides, f->people[1], "graduated",
                               "hospitalised for two sessions, made them up at home visits");
  g_assert_false (hs_graduation_close_group (f->db, f->group, "20/07/2025", NULL, overrides,
                                             &error));
  g_clear_error (&error);
  /* A session still to come when the group closes is cancelled with it. */
  g_assert_cmpint (hs_schedule_add_session (f->db, f->group, "2025-08-04", "10:00", &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (hs_graduation_close_group (f->db, f->group, "2025-07-20", "Muhoza", overrides,
                                            &error));
  g_assert_no_error (error);

  outcome = hs_membership_get_outcome (f->db, f->group, f->people[0], NULL);
  g_assert_cmpstr (outcome, ==, "graduated");
  g_clear_pointer (&outcome, g_free);
  outcome = hs_membership_get_outcome (f->db, f->group, f->people[1], NULL);
  g_assert_cmpstr (outcome, ==, "graduated");
  g_clear_pointer (&outcome, g_free);
  outcome = hs_membership_get_outcome (f->db, f->group, f->people[3], NULL);
  g_assert_cmpstr (outcome, ==, "dropped");

  group = hs_group_load (f->db, f->group, NULL);
  g_assert_cmpstr (hs_group_get_status (group), ==, "graduated");
  g_assert_cmpstr (hs_group_get_graduation_date (group), ==, "2025-07-20");
  g_assert_cmpstr (hs_group_get_graduation_venue (group), ==, "Muhoza");
  {
    g_autoptr(HsAttendanceGrid) grid = hs_attendance_grid_load (f->db, f->group, &error);
    HsGridSession *last;

    g_assert_no_error (error);
    g_assert_cmpuint (grid->sessions->len, ==, 16);
    last = &g_array_index (grid->sessions, HsGridSession, 15);
    g_assert_cmpstr (last->status, ==, "cancelled");
    g_assert_cmpstr (last->reason, ==, "The group was closed before this session.");
    for (guint i = 0; i < 15; i++)
      g_assert_cmpstr (g_array_index (grid->sessions, HsGridSession, i).status, ==, "held");
  }
  g_assert_false (hs_graduation_close_group (f->db, f->group, "2025-07-21", NULL, NULL, &error));
  g_assert_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID);
}

static void
test_clash_and_hand_edits (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) clashes = NULL;
  gint64 alice = add_facilitator (f, "Jeanne Mukamana");
  gint64 other = add_group (f, "Musanze Adults B", "2025-03-31", 2, "09:00");
  gint64 later = add_group (f, "Musanze Adults C", "2025-03-31", 2, "14:00");
  gint64 added;

  g_assert_cmpint (hs_schedule_create_sessions (f->db, other, &error), ==, 15);
  g_assert_cmpint (hs_schedule_create_sessions (f->db, later, &error), ==, 15);
  g_assert_true (hs_group_add_facilitator (f->db, f->group, alice, &error));
  g_assert_true (hs_group_add_facilitator (f->db, later, alice, &error));
  clashes = hs_schedule_find_clashes (f->db, f->group, &error);
  g_assert_cmpuint (clashes->len, ==, 0);
  g_clear_pointer (&clashes, g_ptr_array_unref);

  g_assert_true (hs_group_add_facilitator (f->db, other, alice, &error));
  clashes = hs_schedule_find_clashes (f->db, f->group, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clashes->len, ==, 15);
  g_assert_nonnull (strstr (g_ptr_array_index (clashes, 0), "Jeanne Mukamana"));
  g_clear_pointer (&clashes, g_ptr_array_unref);

  /* Cancelling one of the pair clears that clash; moving another too. */
  g_assert_false (hs_schedule_cancel_session (f->db, f->sessions[0], "", &error));
  g_clear_error (&error);
  g_assert_true (hs_schedule_cancel_session (f->db, f->sessions[0], "Funeral in the cell",
                                             &error));
  g_assert_true (hs_schedule_move_session (f->db, f->sessions[2], "2025-04-24", NULL,
                                           "Facilitator at a training", &error));
  g_assert_no_error (error);
  clashes = hs_schedule_find_clashes (f->db, 0, &error);
  g_assert_cmpuint (clashes->len, ==, 13);

  added = hs_schedule_add_session (f->db, f->group, "2025-07-15", NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(HsSession) s = hs_session_load (f->db, added, NULL);
    g_assert_cmpint (hs_session_get_number (s), ==, 16);
    g_assert_cmpstr (hs_session_get_time (s), ==, "09:00");
  }
}

static void
test_ics (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ics = NULL;
  g_auto(GStrv) lines = NULL;
  guint events = 0;

  g_assert_true (hs_schedule_cancel_session (f->db, f->sessions[14], "Rain", &error));
  ics = hs_schedule_to_ics (f->db, f->group, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  g_assert_true (g_str_has_suffix (ics, "END:VCALENDAR\r\n"));
  /* Session 1: Tuesday 1 April 2025, 09:00 in Kigali is 07:00 UTC. */
  g_assert_nonnull (strstr (ics, "DTSTART:20250401T070000Z\r\nDURATION:PT2H\r\n"));
  g_assert_nonnull (strstr (ics, "SUMMARY:Musanze Adults A: session 2\r\n"));
  g_assert_nonnull (strstr (ics, "DESCRIPTION:Moved from 08.04.2025 to a later week: Kwibuka"));
  lines = g_strsplit (ics, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      events += g_str_equal (lines[i], "BEGIN:VEVENT");
    }
  g_assert_cmpuint (events, ==, 14);
}

static void
test_calendar (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) week = hs_schedule_list_between (f->db, "2025-04-07", "2025-04-20",
                                                        &error);
  HsCalendarEntry *entry;

  g_assert_no_error (error);
  /* The Kwibuka week has none; the next week has session 2. */
  g_assert_cmpuint (week->len, ==, 1);
  entry = g_ptr_array_index (week, 0);
  g_assert_cmpstr (entry->date, ==, "2025-04-15");
  g_assert_cmpint (entry->number, ==, 2);
  g_assert_cmpstr (entry->group, ==, "Musanze Adults A");
  g_assert_cmpstr (entry->venue, ==, "Muhoza sector office");
}

static void
test_group_list (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(HsGroupList) list = hs_group_list_new (f->db);
  g_autoptr(HsGroupRow) row = NULL;
  g_autofree char *progress = NULL;
  g_autoptr(GError) error = NULL;

  mark_all (f, 0, "pppppa");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  hs_group_list_reload (list);
  row = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (hs_group_row_get_name (row), ==, "Musanze Adults A");
  g_assert_cmpstr (hs_group_row_get_place (row), ==, "Musanze");
  g_assert_cmpint (hs_group_row_get_members (row), ==, 4);
  progress = hs_group_row_dup_progress (row);
  g_assert_cmpstr (progress, ==, "session 6 of 15");

  hs_group_list_set_setting (list, "prison");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  hs_group_list_set_setting (list, NULL);
  hs_group_list_set_status (list, "running");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  hs_group_list_set_district (list, hs_database_find_district (f->db, "Ngoma"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
}

static void
test_plan_new_group (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GArray) facilitators = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(HsGroup) group = NULL;
  g_autoptr(HsGroupList) list = NULL;
  g_autofree char *warning = NULL;
  gint64 ids[3];

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(HsParticipant) p = NULL;
      g_autofree char *name = g_strdup_printf ("Screened Person %u", i);

      p = g_object_new (HS_TYPE_PARTICIPANT, "full-name", name, "sex", i == 0 ? "F" : "M",
                        "birth-year", 1980, "district-id", f->musanze,
                        "screening-date", "2025-08-01",
                        "consent-date", i == 2 ? NULL : "2025-08-01", NULL);
      g_assert_true (hs_participant_save (p, f->db, &error));
      g_assert_no_error (error);
      ids[i] = hs_participant_get_id (p);
    }
  /* The fixture's four people have no screening; the third has no consent. */
  candidates = hs_group_plan_candidates (f->db, "community", f->musanze, 0, "adult", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, ==, 2);
  g_assert_cmpint (((HsPick *) g_ptr_array_index (candidates, 0))->id, ==, ids[0]);

  warning = hs_group_plan_check_sizes (1, 2);
  g_assert_nonnull (strstr (warning, "two facilitators"));
  g_assert_nonnull (strstr (warning, "10 to 15"));
  g_clear_pointer (&warning, g_free);
  warning = hs_group_plan_check_sizes (3, 12);
  g_assert_nonnull (strstr (warning, "3 facilitators"));
  g_clear_pointer (&warning, g_free);
  g_assert_null (hs_group_plan_check_sizes (2, 15));

  g_array_append_val (facilitators, (gint64) { add_facilitator (f, "Jeanne Mukamana") });
  g_array_append_val (facilitators, (gint64) { add_facilitator (f, "Eric Habimana") });
  g_array_append_val (members, ids[0]);
  g_array_append_val (members, ids[1]);
  group = g_object_new (HS_TYPE_GROUP, "name", "Musanze adults 9", "setting", "community",
                        "age-band", "adult", "district-id", f->musanze, "weekday", 3,
                        "start-time", "09:00", "start-date", "2026-03-30", NULL);
  g_assert_true (hs_group_plan_create (f->db, group, facilitators, members, &error));
  g_assert_no_error (error);

  list = hs_group_list_new (f->db);
  hs_group_list_set_status (list, "planned");
  {
    g_autoptr(HsGroupRow) row = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_cmpstr (hs_group_row_get_name (row), ==, "Musanze adults 9");
    g_assert_cmpint (hs_group_row_get_members (row), ==, 2);
    g_assert_cmpint (hs_group_row_get_n_facilitators (row), ==, 2);
    g_assert_cmpint (hs_group_row_get_planned (row), ==, 15);
  }
  g_clear_pointer (&candidates, g_ptr_array_unref);
  candidates = hs_group_plan_candidates (f->db, "community", f->musanze, 0, "adult", &error);
  g_assert_cmpuint (candidates->len, ==, 0);
}

static void
assert_picks (GPtrArray          *picks,
              const char * const *names,
              guint               n_local)
{
  g_assert_cmpuint (picks->len, ==, g_strv_length ((char **) names));
  for (guint i = 0; i < picks->len; i++)
    {
      HsPick *pick = g_ptr_array_index (picks, i);

      g_assert_cmpstr (pick->name, ==, names[i]);
      g_assert_cmpint (pick->local, ==, i < n_local);
    }
}

/* The facilitators who already work in the group's district (or prison) come
 * first, so a coordinator finds them without reading the whole programme. */
static void
test_plan_facilitators_nearby (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) picks = NULL;
  g_autoptr(HsGroup) prison = NULL;
  gint64 ngoma = hs_database_find_district (f->db, "Ngoma");
  gint64 ngoma_prison = hs_database_find_facility (f->db, "Ngoma Prison");
  gint64 musanze_prison = hs_database_find_facility (f->db, "Musanze Prison");
  gint64 yves = add_facilitator (f, "Yves Ndayisaba");
  gint64 zawadi = add_facilitator (f, "Zawadi Uwera");
  const char * const by_name[] = { "alice Mutesi", "Bernard Kagame", "Yves Ndayisaba",
                                   "Zawadi Uwera", NULL };
  const char * const musanze[] = { "Yves Ndayisaba", "Zawadi Uwera", "alice Mutesi",
                                   "Bernard Kagame", NULL };
  const char * const in_prison[] = { "Zawadi Uwera", "alice Mutesi", "Bernard Kagame",
                                     "Yves Ndayisaba", NULL };

  add_facilitator (f, "alice Mutesi");
  add_facilitator (f, "Bernard Kagame");
  g_assert_true (hs_group_add_facilitator (f->db, f->group, yves, &error));
  g_assert_no_error (error);
  prison = g_object_new (HS_TYPE_GROUP, "name", "Ngoma Prison adults 1", "setting", "prison",
                         "age-band", "adult", "district-id", ngoma, "facility-id", ngoma_prison,
                         NULL);
  g_assert_true (hs_group_save (prison, f->db, &error));
  g_assert_no_error (error);
  g_assert_true (hs_group_add_facilitator (f->db, hs_group_get_id (prison), zawadi, &error));
  g_assert_no_error (error);
  g_assert_true (hs_group_add_facilitator (f->db, f->group, zawadi, &error));
  g_assert_no_error (error);

  /* Community in Musanze: Yves and Zawadi run the Musanze group. */
  picks = hs_group_plan_facilitators (f->db, "community", f->musanze, 0);
  assert_picks (picks, musanze, 2);
  g_clear_pointer (&picks, g_ptr_array_unref);

  /* Ngoma Prison: only Zawadi has worked there; the district's choice does not count. */
  picks = hs_group_plan_facilitators (f->db, "prison", f->musanze, ngoma_prison);
  assert_picks (picks, in_prison, 1);
  g_clear_pointer (&picks, g_ptr_array_unref);

  /* Her prison group counts for the Ngoma district too. */
  picks = hs_group_plan_facilitators (f->db, "community", ngoma, 0);
  assert_picks (picks, in_prison, 1);
  g_clear_pointer (&picks, g_ptr_array_unref);

  /* Nobody has worked in Musanze Prison: everyone by name, case aside. */
  picks = hs_group_plan_facilitators (f->db, "prison", 0, musanze_prison);
  assert_picks (picks, by_name, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/groups/sessions/created", test_sessions_created);
  ADD ("/groups/sessions/roll-call-holds", test_roll_call_holds_session);
  ADD ("/groups/sessions/clash-and-edits", test_clash_and_hand_edits);
  ADD ("/groups/rule/settings", test_rule_settings);
  ADD ("/groups/rule/close", test_standings_and_close);
  ADD ("/groups/list", test_group_list);
  ADD ("/groups/plan", test_plan_new_group);
  ADD ("/groups/plan/facilitators-nearby", test_plan_facilitators_nearby);
  ADD ("/groups/sessions/ics", test_ics);
  ADD ("/groups/sessions/calendar", test_calendar);
#undef ADD
  g_test_add_func ("/groups/rule/assess", test_rule_assess);

  return g_test_run ();
}
