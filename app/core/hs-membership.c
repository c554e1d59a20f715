/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-membership"

#include <glib/gi18n-lib.h>

#include "hs-domain-private.h"
#include "hs-membership.h"

static const char * const outcomes[] = { "ongoing", "graduated", "dropped", "transferred", NULL };
static const char * const marks[] = { "present", "absent", "excused", NULL };

/* Nobody sits in two open healing spaces at once. Only an "ongoing" membership
 * holds a person: once marked dropped or transferred they may join another. */
static gboolean
check_open_groups (HsDatabase  *db,
                   gint64       group_id,
                   gint64       participant_id,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _hs_database_prepare (db,
                               "SELECT p.full_name, g.name FROM membership m"
                               " JOIN hgroup g ON g.id = m.group_id"
                               " JOIN participant p ON p.id = m.participant_id"
                               " WHERE m.participant_id = ?2 AND m.group_id <> ?1"
                               " AND m.outcome = 'ongoing' AND g.status IN ('planned', 'running')"
                               " AND (SELECT status FROM hgroup WHERE id = ?1)"
                               "     IN ('planned', 'running')"
                               " LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int64 (stmt, 2, participant_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                 _("%s is already in the group “%s”, which is planned or running. Record that "
                   "they dropped out of it or were transferred before adding them to another "
                   "open group."),
                 (const char *) sqlite3_column_text (stmt, 0),
                 (const char *) sqlite3_column_text (stmt, 1));
  else if (rc != SQLITE_DONE)
    _hs_database_set_error (db, error, _("Checking the participant's groups"));
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

/* Checks that group and participant exist and are not linked yet. */
static gboolean
check_can_join (HsDatabase  *db,
                gint64       group_id,
                gint64       participant_id,
                GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean has_group = FALSE, has_participant = FALSE, is_member = FALSE;
  int rc;

  stmt = _hs_database_prepare (db,
                               "SELECT EXISTS (SELECT 1 FROM hgroup WHERE id = ?1),"
                               " EXISTS (SELECT 1 FROM participant WHERE id = ?2),"
                               " EXISTS (SELECT 1 FROM membership"
                               "   WHERE group_id = ?1 AND participant_id = ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int64 (stmt, 2, participant_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      has_group = sqlite3_column_int (stmt, 0);
      has_participant = sqlite3_column_int (stmt, 1);
      is_member = sqlite3_column_int (stmt, 2);
    }
  else
    _hs_database_set_error (db, error, _("Checking the membership"));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    return FALSE;
  if (!has_group)
    g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND,
                 _("The group no longer exists; it may have been deleted."));
  else if (!has_participant)
    g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND,
                 _("The participant no longer exists; they may have been deleted."));
  else if (is_member)
    g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                 _("The participant is already a member of this group."));
  return has_group && has_participant && !is_member;
}

gint64
hs_membership_add (HsDatabase  *db,
                   gint64       group_id,
                   gint64       participant_id,
                   const char  *joined,
                   GError     **error)
{
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (HS_IS_DATABASE (db), 0);

  if (joined != NULL && *joined == '\0')
    joined = NULL;
  if (!_hs_check_date (joined, _("Joined"), error)
      || !check_can_join (db, group_id, participant_id, error)
      || !check_open_groups (db, group_id, participant_id, error))
    return 0;

  if (!_hs_database_write_begin (db, error))
    return 0;
  stmt = _hs_database_prepare (db,
                               "INSERT INTO membership (group_id, participant_id, joined)"
                               " VALUES (?1, ?2, ?3)", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, group_id);
      sqlite3_bind_int64 (stmt, 2, participant_id);
      sqlite3_bind_text (stmt, 3, joined, -1, SQLITE_STATIC);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      if (ok)
        id = sqlite3_last_insert_rowid (_hs_database_get_handle (db));
      else
        _hs_database_set_error (db, error, _("Adding the member"));
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
  if (ok)
    {
      after = _hs_database_row_json (db, "membership", id);
      ok = _hs_database_audit (db, HS_AUDIT_INSERT, "membership", id, NULL, after, error);
    }
  if (!_hs_database_write_end (db, ok, error))
    return 0;
  return id;
}

/* The membership's id; 0 with @error set when there is none or on failure. */
static gint64
find_membership (HsDatabase  *db,
                 gint64       group_id,
                 gint64       participant_id,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  stmt = _hs_database_prepare (db,
                               "SELECT id FROM membership WHERE group_id = ?1"
                               " AND participant_id = ?2", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int64 (stmt, 2, participant_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND,
                 _("The participant is not a member of this group."));
  else
    _hs_database_set_error (db, error, _("Finding the membership"));
  sqlite3_reset (stmt);
  return id;
}

static gboolean
update_outcome (HsDatabase  *db,
                gint64       id,
                const char  *outcome,
                const char  *left_date,
                const char  *reason,
                GError     **error)
{
  g_autofree char *before = _hs_database_row_json (db, "membership", id);
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  stmt = _hs_database_prepare (db,
                               "UPDATE membership SET outcome = ?1, left_date = ?2, reason = ?3"
                               " WHERE id = ?4", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, outcome, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, left_date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, reason, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, id);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    _hs_database_set_error (db, error, _("Saving the outcome"));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (!ok)
    return FALSE;

  after = _hs_database_row_json (db, "membership", id);
  return _hs_database_audit (db, HS_AUDIT_UPDATE, "membership", id, before, after, error);
}

gboolean
hs_membership_set_outcome (HsDatabase  *db,
                           gint64       group_id,
                           gint64       participant_id,
                           const char  *outcome,
                           const char  *left_date,
                           const char  *reason,
                           GError     **error)
{
  gint64 id;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  if (left_date != NULL && *left_date == '\0')
    left_date = NULL;
  if (reason != NULL && *reason == '\0')
    reason = NULL;
  if (outcome == NULL || *outcome == '\0')
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("Choose an outcome: ongoing, graduated, dropped or transferred."));
      return FALSE;
    }
  if (!_hs_check_choice (outcome, outcomes, _("Outcome"), error)
      || !_hs_check_date (left_date, _("Left"), error))
    return FALSE;

  id = find_membership (db, group_id, participant_id, error);
  if (id == 0)
    return FALSE;
  if (g_str_equal (outcome, "ongoing")
      && !check_open_groups (db, group_id, participant_id, error))
    return FALSE;

  if (!_hs_database_write_begin (db, error))
    return FALSE;
  return _hs_database_write_end (db,
                                 update_outcome (db, id, outcome, left_date, reason, error),
                                 error);
}

/* Removing a member also removes their marks at the group's sessions: a
 * mark without a membership would count nowhere and could not be edited. */
gboolean
hs_membership_remove (HsDatabase  *db,
                      gint64       group_id,
                      gint64       participant_id,
                      GError     **error)
{
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  id = find_membership (db, group_id, participant_id, error);
  if (id == 0)
    return FALSE;

  if (!_hs_database_write_begin (db, error))
    return FALSE;
  ok = _hs_delete_audited (db, "attendance",
                           "SELECT a.id FROM attendance a JOIN session s ON s.id = a.session_id"
                           " WHERE s.group_id = ?1 AND a.participant_id = ?2",
                           "DELETE FROM attendance WHERE id = ?", group_id, participant_id, error)
       && _hs_delete_audited (db, "membership",
                              "SELECT id FROM membership WHERE group_id = ?1"
                              " AND participant_id = ?2",
                              "DELETE FROM membership WHERE id = ?",
                              group_id, participant_id, error);
  return _hs_database_write_end (db, ok, error);
}

/* The one text column @sql ("SELECT … WHERE … = ?1 AND … = ?2") finds, or
 * NULL with no error when there is no such row. */
static char *
query_text (HsDatabase  *db,
            const char  *sql,
            gint64       key_a,
            gint64       key_b,
            const char  *what,
            GError     **error)
{
  sqlite3_stmt *stmt = _hs_database_prepare (db, sql, error);
  char *text = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, key_a);
  sqlite3_bind_int64 (stmt, 2, key_b);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    _hs_database_set_error (db, error, what);
  sqlite3_reset (stmt);
  return text;
}

char *
hs_membership_get_outcome (HsDatabase  *db,
                           gint64       group_id,
                           gint64       participant_id,
                           GError     **error)
{
  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  return query_text (db, "SELECT outcome FROM membership WHERE group_id = ?1"
                     " AND participant_id = ?2", group_id, participant_id,
                     _("Reading the membership"), error);
}

typedef struct
{
  gint64    id;
  gboolean  is_member;
  gboolean  same_mark;
} MarkState;

static gboolean
read_mark_state (HsDatabase  *db,
                 gint64       session_id,
                 gint64       participant_id,
                 const char  *mark,
                 MarkState   *state,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _hs_database_prepare (db,
                               "SELECT EXISTS (SELECT 1 FROM membership m"
                               "   WHERE m.group_id = s.group_id AND m.participant_id = ?2),"
                               " a.id, a.mark"
                               " FROM session s LEFT JOIN attendance a"
                               "   ON a.session_id = s.id AND a.participant_id = ?2"
                               " WHERE s.id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, participant_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      state->is_member = sqlite3_column_int (stmt, 0);
      state->id = sqlite3_column_int64 (stmt, 1);
      state->same_mark = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), mark) == 0;
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND,
                 _("The session no longer exists; it may have been deleted."));
  else
    _hs_database_set_error (db, error, _("Reading the attendance"));
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

static gboolean
write_mark (HsDatabase  *db,
            gint64       id,
            gint64       session_id,
            gint64       participant_id,
            const char  *mark,
            GError     **error)
{
  g_autofree char *before = id != 0 ? _hs_database_row_json (db, "attendance", id) : NULL;
  g_autofree char *after = NULL;
  HsAuditAction action = id != 0 ? HS_AUDIT_UPDATE : HS_AUDIT_INSERT;
  sqlite3_stmt *stmt;
  gboolean ok;

  if (id != 0)
    {
      stmt = _hs_database_prepare (db, "UPDATE attendance SET mark = ?1 WHERE id = ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, mark, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, id);
    }
  else
    {
      stmt = _hs_database_prepare (db,
                                   "INSERT INTO attendance (session_id, participant_id, mark)"
                                   " VALUES (?1, ?2, ?3)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, session_id);
      sqlite3_bind_int64 (stmt, 2, participant_id);
      sqlite3_bind_text (stmt, 3, mark, -1, SQLITE_STATIC);
    }
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    _hs_database_set_error (db, error, _("Saving the attendance"));
  else if (id == 0)
    id = sqlite3_last_insert_rowid (_hs_database_get_handle (db));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (!ok)
    return FALSE;

  after = _hs_database_row_json (db, "attendance", id);
  return _hs_database_audit (db, action, "attendance", id, before, after, error);
}

/* Taking attendance is what shows that a session took place. */
static gboolean
mark_session_held (HsDatabase  *db,
                   gint64       session_id,
                   GError     **error)
{
  g_autofree char *before = _hs_database_row_json (db, "session", session_id);
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  stmt = _hs_database_prepare (db,
                               "UPDATE session SET status = 'held'"
                               " WHERE id = ?1 AND status IN ('planned', 'moved')", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    _hs_database_set_error (db, error, _("Saving the attendance"));
  sqlite3_reset (stmt);
  if (!ok || sqlite3_changes (_hs_database_get_handle (db)) == 0)
    return ok;
  after = _hs_database_row_json (db, "session", session_id);
  return _hs_database_audit (db, HS_AUDIT_UPDATE, "session", session_id, before, after, error);
}

/* A NULL @mark takes back a mark that was set by mistake. */
gboolean
hs_attendance_set (HsDatabase  *db,
                   gint64       session_id,
                   gint64       participant_id,
                   const char  *mark,
                   GError     **error)
{
  MarkState state = { 0, };
  gboolean ok;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  if (mark != NULL && *mark == '\0')
    mark = NULL;
  if (!_hs_check_choice (mark, marks, _("Attendance"), error)
      || !read_mark_state (db, session_id, participant_id, mark, &state, error))
    return FALSE;
  if (!state.is_member)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("The participant is not a member of this session's group; add them to "
                     "the group before taking their attendance."));
      return FALSE;
    }
  if (state.same_mark)
    return TRUE;

  if (!_hs_database_write_begin (db, error))
    return FALSE;
  if (mark == NULL)
    ok = _hs_delete_audited (db, "attendance",
                             "SELECT id FROM attendance WHERE session_id = ?1"
                             " AND participant_id = ?2",
                             "DELETE FROM attendance WHERE id = ?",
                             session_id, participant_id, error);
  else
    ok = write_mark (db, state.id, session_id, participant_id, mark, error)
         && mark_session_held (db, session_id, error);
  return _hs_database_write_end (db, ok, error);
}

char *
hs_attendance_get (HsDatabase  *db,
                   gint64       session_id,
                   gint64       participant_id,
                   GError     **error)
{
  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  return query_text (db, "SELECT mark FROM attendance WHERE session_id = ?1"
                     " AND participant_id = ?2", session_id, participant_id,
                     _("Reading the attendance"), error);
}
