/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A writer for the crash test: it does what a coordinator's day does —
 * enrol people, put them in a group, take attendance, edit records — one
 * transaction at a time, and prints "P <id>" only after COMMIT has returned.
 * The test kills it with SIGKILL at random moments. */
#include <stdio.h>

#include "hs-group.h"
#include "hs-membership.h"
#include "hs-participant.h"
#include "hs-session.h"

static gint64
ensure_group (HsDatabase  *db,
              gint64      *sessions,
              GError     **error)
{
  g_autoptr(HsGroup) group = NULL;
  g_autoptr(HsSession) first = hs_session_load (db, 1, NULL);

  /* The group and its sessions 1–15 were made by an earlier round. */
  if (first != NULL)
    {
      for (int n = 0; n < 15; n++)
        sessions[n] = n + 1;
      return hs_session_get_group_id (first);
    }

  if (!hs_database_begin (db, error))
    return 0;
  group = g_object_new (HS_TYPE_GROUP, "name", "Bugesera crash test", "setting", "community",
                        "age-band", "adult",
                        "district-id", hs_database_find_district (db, "Bugesera"), "status", "running",
                        "start-date", "2026-01-05", "start-time", "14:00", NULL);
  if (!hs_group_save (group, db, error))
    return 0;
  for (int n = 0; n < 15; n++)
    {
      g_autofree char *date = g_strdup_printf ("2026-%02d-%02d", 1 + n / 4, 5 + 7 * (n % 4));
      g_autoptr(HsSession) session = g_object_new (HS_TYPE_SESSION,
                                                   "group-id", hs_group_get_id (group),
                                                   "number", n + 1, "date", date, NULL);
      if (!hs_session_save (session, db, error))
        return 0;
      sessions[n] = hs_session_get_id (session);
    }
  if (!hs_database_commit (db, error))
    return 0;
  return hs_group_get_id (group);
}

static gboolean
write_one (HsDatabase    *db,
           gint64         group_id,
           const gint64  *sessions,
           GRand         *rand,
           gint64        *id,
           GError       **error)
{
  static const char * const marks[] = { "present", "absent", "excused" };
  g_autofree char *name = g_strdup_printf ("Uwimana Immaculée %u", g_rand_int (rand));
  g_autoptr(HsParticipant) p = g_object_new (HS_TYPE_PARTICIPANT, "full-name", name,
                                             "sex", g_rand_boolean (rand) ? "F" : "M",
                                             "birth-year", g_rand_int_range (rand, 1950, 2005),
                                             "district-id",
                                             hs_database_find_district (db, "Bugesera"),
                                             "screening-date", "2025-12-01",
                                             "consent-date", "2025-12-01", NULL);

  if (!hs_database_begin (db, error)
      || !hs_participant_save (p, db, error)
      || hs_membership_add (db, group_id, hs_participant_get_id (p), "2026-01-05", error) == 0)
    return FALSE;
  for (int n = 0; n < 15; n++)
    if (!hs_attendance_set (db, sessions[n], hs_participant_get_id (p),
                            marks[g_rand_int_range (rand, 0, 3)], error))
      return FALSE;
  g_object_set (p, "notes", "Attended every session of the first phase.", NULL);
  if (!hs_participant_save (p, db, error) || !hs_database_commit (db, error))
    return FALSE;
  *id = hs_participant_get_id (p);
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = NULL;
  g_autoptr(GRand) rand = NULL;
  gint64 sessions[15];
  gint64 group_id;

  if (argc != 3)
    {
      fprintf (stderr, "usage: crash-writer DB SEED\n");
      return 2;
    }
  rand = g_rand_new_with_seed (g_ascii_strtoull (argv[2], NULL, 10));
  if ((db = hs_database_open (argv[1], &error)) == NULL
      || (group_id = ensure_group (db, sessions, &error)) == 0)
    {
      fprintf (stderr, "crash-writer: %s\n", error->message);
      return 1;
    }
  for (;;)
    {
      gint64 id;

      if (!write_one (db, group_id, sessions, rand, &id, &error))
        {
          fprintf (stderr, "crash-writer: %s\n", error->message);
          return 1;
        }
      printf ("P %" G_GINT64_FORMAT "\n", id);
      fflush (stdout);
    }
}
