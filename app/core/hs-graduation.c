/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-graduation"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "hs-domain-private.h"
#include "hs-graduation.h"
#include "hs-group.h"
#include "hs-membership.h"
#include "hs-schedule.h"

#define DEFAULT_MIN_SESSIONS 12

void
hs_member_standing_free (HsMemberStanding *standing)
{
  if (standing == NULL)
    return;
  g_free (standing->full_name);
  g_free (standing->sex);
  g_free (standing->outcome);
  g_free (standing->group_name);
  g_free (standing->explanation);
  g_free (standing);
}

void
hs_graduation_override_free (HsGraduationOverride *override)
{
  if (override == NULL)
    return;
  g_free (override->outcome);
  g_free (override->reason);
  g_free (override);
}

GHashTable *
hs_graduation_overrides_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                (GDestroyNotify) hs_graduation_override_free);
}

void
hs_graduation_overrides_add (GHashTable *overrides,
                             gint64      participant_id,
                             const char *outcome,
                             const char *reason)
{
  HsGraduationOverride *override = g_new0 (HsGraduationOverride, 1);

  override->outcome = g_strdup (outcome);
  override->reason = g_strdup (reason);
  g_hash_table_insert (overrides, g_memdup2 (&participant_id, sizeof participant_id), override);
}

HsGraduationRule
hs_graduation_rule_get_default (HsDatabase *db)
{
  g_autofree char *min = hs_database_get_setting (db, "rule.min_sessions");
  g_autofree char *excused = hs_database_get_setting (db, "rule.excused_counts");
  HsGraduationRule rule = { DEFAULT_MIN_SESSIONS, FALSE };

  if (min != NULL && atoi (min) >= 1)
    rule.min_sessions = atoi (min);
  rule.excused_counts = excused != NULL && atoi (excused) != 0;
  return rule;
}

gboolean
hs_graduation_rule_set_default (HsDatabase             *db,
                                const HsGraduationRule *rule,
                                GError                **error)
{
  g_autofree char *min = NULL;

  if (rule->min_sessions < 1 || rule->min_sessions > 100)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("The minimum number of sessions must be between 1 and 100."));
      return FALSE;
    }
  min = g_strdup_printf ("%d", rule->min_sessions);
  return hs_database_set_setting (db, "rule.min_sessions", min, error)
         && hs_database_set_setting (db, "rule.excused_counts",
                                     rule->excused_counts ? "1" : "0", error);
}

gboolean
hs_graduation_rule_for_group (HsDatabase        *db,
                              gint64             group_id,
                              HsGraduationRule  *rule,
                              GError           **error)
{
  g_autoptr(HsGroup) group = hs_group_load (db, group_id, error);

  if (group == NULL)
    return FALSE;
  *rule = hs_graduation_rule_get_default (db);
  if (hs_group_get_min_sessions (group) > 0)
    rule->min_sessions = hs_group_get_min_sessions (group);
  if (hs_group_get_excused_count (group) >= 0)
    rule->excused_counts = hs_group_get_excused_count (group) != 0;
  return TRUE;
}

HsStanding
hs_graduation_assess (const HsGraduationRule  *rule,
                      int                      present,
                      int                      excused,
                      int                      held,
                      int                      remaining,
                      char                   **explanation)
{
  int counted = present + (rule->excused_counts ? excused : 0);
  int slack = counted + remaining - rule->min_sessions;
  g_autofree char *so_far = NULL;
  HsStanding standing;
  const char *verdict;

  /* Once no session is left, "so far" would say the group is still meeting. */
  if (remaining > 0)
    /* Translators: "attended 9 of 11 so far"; the verdict follows after a dash. */
    so_far = g_strdup_printf (ngettext ("attended %d of %d session so far",
                                        "attended %d of %d sessions so far", held),
                              counted, held);
  else
    /* Translators: "attended 14 of 15", all sessions held; the verdict follows after a dash. */
    so_far = g_strdup_printf (ngettext ("attended %d of %d session",
                                        "attended %d of %d sessions", held),
                              counted, held);
  if (counted >= rule->min_sessions)
    {
      standing = HS_STANDING_REACHED;
      verdict = _("meets the rule");
    }
  else if (slack < 0)
    {
      standing = HS_STANDING_UNREACHABLE;
      verdict = _("cannot reach the minimum any more");
    }
  else if (slack == 0)
    {
      standing = HS_STANDING_AT_RISK;
      verdict = remaining > 0 ? _("must attend every remaining session")
                              : _("cannot reach the minimum any more");
    }
  else
    {
      standing = HS_STANDING_ON_TRACK;
      verdict = _("can still graduate");
    }

  if (explanation != NULL)
    {
      GString *out = g_string_new (so_far);

      g_string_append_printf (out, " — %s (", verdict);
      g_string_append_printf (out, ngettext ("needs %d", "needs %d", rule->min_sessions),
                              rule->min_sessions);
      if (excused > 0)
        {
          g_string_append (out, "; ");
          g_string_append_printf (out,
                                  rule->excused_counts
                                  ? ngettext ("%d excused absence counted",
                                              "%d excused absences counted", excused)
                                  : ngettext ("%d excused absence not counted",
                                              "%d excused absences not counted", excused),
                                  excused);
        }
      g_string_append_c (out, ')');
      *explanation = g_string_free (out, FALSE);
    }
  return standing;
}

/* Fills the rows of the group, or of every running group when @group_id is 0. */
static gboolean
read_standings (HsDatabase  *db,
                gint64       group_id,
                GPtrArray   *out,
                GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _hs_database_prepare (db,
    "SELECT p.id, p.full_name, p.sex, m.outcome, g.id, g.name,"
    " (SELECT count(*) FROM attendance a JOIN session s ON s.id = a.session_id"
    "   WHERE s.group_id = g.id AND a.participant_id = p.id AND a.mark = 'present'),"
    " (SELECT count(*) FROM attendance a JOIN session s ON s.id = a.session_id"
    "   WHERE s.group_id = g.id AND a.participant_id = p.id AND a.mark = 'absent'),"
    " (SELECT count(*) FROM attendance a JOIN session s ON s.id = a.session_id"
    "   WHERE s.group_id = g.id AND a.participant_id = p.id AND a.mark = 'excused'),"
    " (SELECT count(*) FROM session s WHERE s.group_id = g.id AND s.status = 'held'),"
    " (SELECT count(*) FROM session s WHERE s.group_id = g.id"
    "   AND s.status IN ('planned', 'moved'))"
    " FROM membership m JOIN participant p ON p.id = m.participant_id"
    " JOIN hgroup g ON g.id = m.group_id"
    " WHERE (?1 = 0 AND g.status = 'running' AND m.outcome = 'ongoing') OR g.id = ?1"
    " ORDER BY g.name COLLATE NOCASE, p.full_name COLLATE NOCASE", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HsMemberStanding *s = g_new0 (HsMemberStanding, 1);

      s->participant_id = sqlite3_column_int64 (stmt, 0);
      s->full_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      s->sex = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      s->outcome = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      s->group_id = sqlite3_column_int64 (stmt, 4);
      s->group_name = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      s->present = sqlite3_column_int (stmt, 6);
      s->absent = sqlite3_column_int (stmt, 7);
      s->excused = sqlite3_column_int (stmt, 8);
      s->held = sqlite3_column_int (stmt, 9);
      s->remaining = sqlite3_column_int (stmt, 10);
      g_ptr_array_add (out, s);
    }
  if (rc != SQLITE_DONE)
    _hs_database_set_error (db, error, _("Reading the attendance"));
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

static gboolean
assess_all (HsDatabase  *db,
            GPtrArray   *standings,
            GError     **error)
{
  g_autoptr(GHashTable) rules = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       g_free);

  for (guint i = 0; i < standings->len; i++)
    {
      HsMemberStanding *s = g_ptr_array_index (standings, i);
      HsGraduationRule *rule = g_hash_table_lookup (rules, &s->group_id);

      if (rule == NULL)
        {
          rule = g_new0 (HsGraduationRule, 1);
          if (!hs_graduation_rule_for_group (db, s->group_id, rule, error))
            {
              g_free (rule);
              return FALSE;
            }
          g_hash_table_insert (rules, g_memdup2 (&s->group_id, sizeof s->group_id), rule);
        }
      s->standing = hs_graduation_assess (rule, s->present, s->excused, s->held, s->remaining,
                                          &s->explanation);
    }
  return TRUE;
}

GPtrArray *
hs_graduation_list_group (HsDatabase  *db,
                          gint64       group_id,
                          GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                             hs_member_standing_free);

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (group_id > 0, NULL);

  if (!read_standings (db, group_id, out, error) || !assess_all (db, out, error))
    return NULL;
  return g_steal_pointer (&out);
}

GPtrArray *
hs_graduation_list_at_risk (HsDatabase  *db,
                            gint64       group_id,
                            GError     **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                             hs_member_standing_free);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_member_standing_free);

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  if (!read_standings (db, group_id, all, error) || !assess_all (db, all, error))
    {
      g_ptr_array_unref (out);
      return NULL;
    }
  for (guint i = 0; i < all->len; i++)
    {
      HsMemberStanding *s = g_ptr_array_index (all, i);

      if (g_str_equal (s->outcome, "ongoing")
          && (s->standing == HS_STANDING_AT_RISK || s->standing == HS_STANDING_UNREACHABLE))
        g_ptr_array_add (out, g_ptr_array_steal_index (all, i--));
    }
  return out;
}

const char *
hs_graduation_proposed_outcome (const HsMemberStanding *standing)
{
  return standing->standing == HS_STANDING_REACHED ? "graduated" : "dropped";
}

static gboolean
close_member (HsDatabase             *db,
              gint64                  group_id,
              const HsMemberStanding *s,
              GHashTable             *overrides,
              const char             *date,
              GError                **error)
{
  HsGraduationOverride *override = overrides != NULL
                                   ? g_hash_table_lookup (overrides, &s->participant_id) : NULL;
  const char *proposed = hs_graduation_proposed_outcome (s);
  g_autofree char *reason = NULL;

  if (override == NULL || g_strcmp0 (override->outcome, proposed) == 0)
    return hs_membership_set_outcome (db, group_id, s->participant_id, proposed,
                                      g_str_equal (proposed, "graduated") ? NULL : date,
                                      s->explanation, error);

  if (override->reason == NULL || *g_strstrip (override->reason) == '\0')
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("%s: say why the proposed outcome is overridden."), s->full_name);
      return FALSE;
    }
  /* Translators: the first %s is the coordinator's reason, the second the rule's explanation. */
  reason = g_strdup_printf (_("Overridden: %s (rule: %s)"), override->reason, s->explanation);
  return hs_membership_set_outcome (db, group_id, s->participant_id, override->outcome,
                                    g_str_equal (override->outcome, "graduated") ? NULL : date,
                                    reason, error);
}

/* A closed group meets no more: its sessions still to come are cancelled,
 * or the calendar would go on showing them. */
static gboolean
cancel_remaining_sessions (HsDatabase  *db,
                           gint64       group_id,
                           GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = _hs_database_prepare (db, "SELECT id FROM session WHERE group_id = ?1"
                                   " AND status IN ('planned', 'moved')", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    _hs_database_set_error (db, error, _("Reading the sessions"));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (!hs_schedule_cancel_session (db, g_array_index (ids, gint64, i),
                                     _("The group was closed before this session."), error))
      return FALSE;
  return TRUE;
}

gboolean
hs_graduation_close_group (HsDatabase  *db,
                           gint64       group_id,
                           const char  *date,
                           const char  *venue,
                           GHashTable  *overrides,
                           GError     **error)
{
  g_autoptr(GPtrArray) standings = NULL;
  g_autoptr(HsGroup) group = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  if (date == NULL || *date == '\0')
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("Give the graduation date, as YYYY-MM-DD."));
      return FALSE;
    }
  if (!_hs_check_date (date, _("Graduation date"), error)
      || (group = hs_group_load (db, group_id, error)) == NULL
      || (standings = hs_graduation_list_group (db, group_id, error)) == NULL)
    return FALSE;
  if (g_str_equal (hs_group_get_status (group), "graduated")
      || g_str_equal (hs_group_get_status (group), "closed"))
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("The group “%s” is already closed."), hs_group_get_name (group));
      return FALSE;
    }

  if (!_hs_database_write_begin (db, error))
    return FALSE;
  for (guint i = 0; ok && i < standings->len; i++)
    {
      HsMemberStanding *s = g_ptr_array_index (standings, i);

      if (g_str_equal (s->outcome, "ongoing"))
        ok = close_member (db, group_id, s, overrides, date, error);
    }
  ok = ok && cancel_remaining_sessions (db, group_id, error);
  if (ok)
    {
      g_object_set (group, "status", "graduated", "graduation-date", date,
                    "graduation-venue", venue != NULL && *venue != '\0' ? venue : NULL, NULL);
      ok = hs_group_save (group, db, error);
    }
  return _hs_database_write_end (db, ok, error);
}

static void
clear_grid_session (gpointer data)
{
  HsGridSession *session = data;

  g_free (session->date);
  g_free (session->time);
  g_free (session->venue);
  g_free (session->status);
  g_free (session->reason);
}

void
hs_attendance_grid_free (HsAttendanceGrid *grid)
{
  if (grid == NULL)
    return;
  g_clear_pointer (&grid->sessions, g_array_unref);
  g_clear_pointer (&grid->members, g_ptr_array_unref);
  g_free (grid->marks);
  g_free (grid);
}

static gboolean
read_grid_sessions (HsDatabase        *db,
                    gint64             group_id,
                    HsAttendanceGrid  *grid,
                    GError           **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _hs_database_prepare (db, "SELECT id, number, date, time, venue, status, reason"
                                   " FROM session WHERE group_id = ?1 ORDER BY number", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HsGridSession session = {
        .id = sqlite3_column_int64 (stmt, 0),
        .number = sqlite3_column_int (stmt, 1),
        .date = g_strdup ((const char *) sqlite3_column_text (stmt, 2)),
        .time = g_strdup ((const char *) sqlite3_column_text (stmt, 3)),
        .venue = g_strdup ((const char *) sqlite3_column_text (stmt, 4)),
        .status = g_strdup ((const char *) sqlite3_column_text (stmt, 5)),
        .reason = g_strdup ((const char *) sqlite3_column_text (stmt, 6)),
      };
      g_array_append_val (grid->sessions, session);
    }
  if (rc != SQLITE_DONE)
    _hs_database_set_error (db, error, _("Reading the sessions"));
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

static gboolean
read_grid_marks (HsDatabase        *db,
                 gint64             group_id,
                 HsAttendanceGrid  *grid,
                 GError           **error)
{
  g_autoptr(GHashTable) member_index = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                              g_free, NULL);
  g_autoptr(GHashTable) session_index = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                               g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  for (guint m = 0; m < grid->members->len; m++)
    {
      HsMemberStanding *member = g_ptr_array_index (grid->members, m);
      g_hash_table_insert (member_index, g_memdup2 (&member->participant_id, sizeof (gint64)),
                           GUINT_TO_POINTER (m + 1));
    }
  for (guint s = 0; s < grid->sessions->len; s++)
    g_hash_table_insert (session_index,
                         g_memdup2 (&g_array_index (grid->sessions, HsGridSession, s).id,
                                    sizeof (gint64)),
                         GUINT_TO_POINTER (s + 1));

  stmt = _hs_database_prepare (db, "SELECT a.session_id, a.participant_id, a.mark"
                                   " FROM attendance a JOIN session s ON s.id = a.session_id"
                                   " WHERE s.group_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 session_id = sqlite3_column_int64 (stmt, 0);
      gint64 participant_id = sqlite3_column_int64 (stmt, 1);
      guint s = GPOINTER_TO_UINT (g_hash_table_lookup (session_index, &session_id));
      guint m = GPOINTER_TO_UINT (g_hash_table_lookup (member_index, &participant_id));

      if (s > 0 && m > 0)
        grid->marks[(m - 1) * grid->sessions->len + (s - 1)] =
          ((const char *) sqlite3_column_text (stmt, 2))[0];
    }
  if (rc != SQLITE_DONE)
    _hs_database_set_error (db, error, _("Reading the attendance"));
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

HsAttendanceGrid *
hs_attendance_grid_load (HsDatabase  *db,
                         gint64       group_id,
                         GError     **error)
{
  g_autoptr(HsAttendanceGrid) grid = g_new0 (HsAttendanceGrid, 1);

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  grid->sessions = g_array_new (FALSE, TRUE, sizeof (HsGridSession));
  g_array_set_clear_func (grid->sessions, clear_grid_session);
  if ((grid->members = hs_graduation_list_group (db, group_id, error)) == NULL
      || !read_grid_sessions (db, group_id, grid, error))
    return NULL;
  grid->marks = g_malloc0 (MAX (1, grid->members->len * grid->sessions->len));
  if (!read_grid_marks (db, group_id, grid, error))
    return NULL;
  return g_steal_pointer (&grid);
}

const char *
hs_attendance_grid_get (HsAttendanceGrid *grid,
                        guint             member,
                        guint             session)
{
  g_return_val_if_fail (member < grid->members->len && session < grid->sessions->len, NULL);

  switch (grid->marks[member * grid->sessions->len + session])
    {
    case 'p': return "present";
    case 'a': return "absent";
    case 'e': return "excused";
    default: return NULL;
    }
}

const char *
hs_attendance_mark_letter (const char *mark)
{
  if (g_strcmp0 (mark, "present") == 0)
    return C_("attendance mark, one letter", "P");
  if (g_strcmp0 (mark, "absent") == 0)
    return C_("attendance mark, one letter", "A");
  if (g_strcmp0 (mark, "excused") == 0)
    return C_("attendance mark, one letter", "E");
  return "·";
}
