/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-session"

#include <glib/gi18n-lib.h>

#include "hs-domain-private.h"
#include "hs-membership.h"
#include "hs-session.h"

struct _HsSession
{
  GObject  parent_instance;

  gint64   id;
  gint64   group_id;
  int      number;
  char    *date;
  char    *time;
  char    *venue;
  char    *topic;
  char    *status;
  char    *reason;
};

G_DEFINE_FINAL_TYPE (HsSession, hs_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_GROUP_ID,
  PROP_NUMBER,
  PROP_DATE,
  PROP_TIME,
  PROP_VENUE,
  PROP_TOPIC,
  PROP_STATUS,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const statuses[] = { "planned", "held", "cancelled", "moved", NULL };

static char **
string_field (HsSession *self,
              guint      prop_id)
{
  switch (prop_id)
    {
    case PROP_DATE: return &self->date;
    case PROP_TIME: return &self->time;
    case PROP_VENUE: return &self->venue;
    case PROP_TOPIC: return &self->topic;
    case PROP_STATUS: return &self->status;
    case PROP_REASON: return &self->reason;
    default: return NULL;
    }
}

static void
set_string (HsSession  *self,
            guint       prop_id,
            const char *value)
{
  _hs_object_set_string (self, string_field (self, prop_id), value, properties[prop_id]);
}

static void
set_id (HsSession *self,
        gint64    *field,
        guint      prop_id,
        gint64     value)
{
  _hs_object_set_int64 (self, field, value, properties[prop_id]);
}

static void
hs_session_finalize (GObject *object)
{
  HsSession *self = HS_SESSION (object);

  for (guint prop_id = PROP_0 + 1; prop_id < N_PROPS; prop_id++)
    {
      char **field = string_field (self, prop_id);

      if (field != NULL)
        g_free (*field);
    }

  G_OBJECT_CLASS (hs_session_parent_class)->finalize (object);
}

static void
hs_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HsSession *self = HS_SESSION (object);
  char **field = string_field (self, prop_id);

  if (field != NULL)
    g_value_set_string (value, *field);
  else if (prop_id == PROP_ID)
    g_value_set_int64 (value, self->id);
  else if (prop_id == PROP_GROUP_ID)
    g_value_set_int64 (value, self->group_id);
  else if (prop_id == PROP_NUMBER)
    g_value_set_int (value, self->number);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
hs_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  HsSession *self = HS_SESSION (object);

  if (string_field (self, prop_id) != NULL)
    set_string (self, prop_id, g_value_get_string (value));
  else if (prop_id == PROP_ID)
    set_id (self, &self->id, prop_id, g_value_get_int64 (value));
  else if (prop_id == PROP_GROUP_ID)
    set_id (self, &self->group_id, prop_id, g_value_get_int64 (value));
  else if (prop_id == PROP_NUMBER)
    {
      if (self->number != g_value_get_int (value))
        {
          self->number = g_value_get_int (value);
          g_object_notify_by_pspec (object, pspec);
        }
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
hs_session_class_init (HsSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hs_session_finalize;
  object_class->get_property = hs_session_get_property;
  object_class->set_property = hs_session_set_property;

  /* 0: not saved yet. */
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_GROUP_ID] = g_param_spec_int64 ("group-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  /* 1 for the group's first meeting; 0 until set, which save refuses. */
  properties[PROP_NUMBER] = g_param_spec_int ("number", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_DATE] = _hs_string_pspec ("date", NULL, G_PARAM_READWRITE);
  properties[PROP_TIME] = _hs_string_pspec ("time", NULL, G_PARAM_READWRITE);
  properties[PROP_VENUE] = _hs_string_pspec ("venue", NULL, G_PARAM_READWRITE);
  properties[PROP_TOPIC] = _hs_string_pspec ("topic", NULL, G_PARAM_READWRITE);
  properties[PROP_STATUS] = _hs_string_pspec ("status", "planned", G_PARAM_READWRITE);
  properties[PROP_REASON] = _hs_string_pspec ("reason", NULL, G_PARAM_READWRITE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hs_session_init (HsSession *self)
{
  self->status = g_strdup ("planned");
}

HsSession *
hs_session_new (void)
{
  return g_object_new (HS_TYPE_SESSION, NULL);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

HsSession *
hs_session_load (HsDatabase  *db,
                 gint64       id,
                 GError     **error)
{
  g_autoptr(HsSession) self = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  stmt = _hs_database_prepare (db,
                               "SELECT id, group_id, number, date, time, venue, topic, status,"
                               " reason FROM session WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      self = hs_session_new ();
      self->id = sqlite3_column_int64 (stmt, 0);
      self->group_id = sqlite3_column_int64 (stmt, 1);
      self->number = sqlite3_column_int (stmt, 2);
      self->date = dup_column (stmt, 3);
      self->time = dup_column (stmt, 4);
      self->venue = dup_column (stmt, 5);
      self->topic = dup_column (stmt, 6);
      g_free (self->status);
      self->status = dup_column (stmt, 7);
      self->reason = dup_column (stmt, 8);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND,
                 _("This session no longer exists; it may have been deleted."));
  else
    _hs_database_set_error (db, error, _("Reading the session"));
  sqlite3_reset (stmt);
  return g_steal_pointer (&self);
}

static gboolean
check_fields (HsSession  *self,
              GError    **error)
{
  const char *message = NULL;

  if (self->group_id == 0)
    message = _("Choose the group this session belongs to.");
  else if (self->number < 1)
    message = _("Give the session its number in the group's programme, starting at 1.");
  else if (self->date == NULL)
    message = _("Enter the date of the session.");
  else if (self->status == NULL)
    message = _("Choose the session's status: planned, held, cancelled or moved.");
  if (message != NULL)
    {
      g_set_error_literal (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID, message);
      return FALSE;
    }
  return _hs_check_date (self->date, _("Date"), error)
         && _hs_check_time (self->time, _("Time"), error)
         && _hs_check_choice (self->status, statuses, _("Status"), error);
}

static gboolean
check_group (HsSession   *self,
             HsDatabase  *db,
             GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean has_group = FALSE, taken = FALSE;
  int rc;

  stmt = _hs_database_prepare (db,
                               "SELECT EXISTS (SELECT 1 FROM hgroup WHERE id = ?1),"
                               " EXISTS (SELECT 1 FROM session"
                               "   WHERE group_id = ?1 AND number = ?2 AND id <> ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->group_id);
  sqlite3_bind_int (stmt, 2, self->number);
  sqlite3_bind_int64 (stmt, 3, self->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      has_group = sqlite3_column_int (stmt, 0);
      taken = sqlite3_column_int (stmt, 1);
    }
  else
    _hs_database_set_error (db, error, _("Checking the session"));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    return FALSE;
  if (!has_group)
    g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                 _("The session's group does not exist; choose another group."));
  else if (taken)
    g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                 _("The group already has a session number %d; choose another number."),
                 self->number);
  return has_group && !taken;
}

static sqlite3_stmt *
prepare_write (HsSession   *self,
               HsDatabase  *db,
               GError     **error)
{
  sqlite3_stmt *stmt;

  if (self->id != 0)
    stmt = _hs_database_prepare (db,
                                 "UPDATE session SET group_id = ?1, number = ?2, date = ?3,"
                                 " time = ?4, venue = ?5, topic = ?6, status = ?7, reason = ?8"
                                 " WHERE id = ?9", error);
  else
    stmt = _hs_database_prepare (db,
                                 "INSERT INTO session (group_id, number, date, time, venue,"
                                 " topic, status, reason)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, self->group_id);
  sqlite3_bind_int (stmt, 2, self->number);
  sqlite3_bind_text (stmt, 3, self->date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, self->time, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, self->venue, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, self->topic, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, self->status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, self->reason, -1, SQLITE_STATIC);
  if (self->id != 0)
    sqlite3_bind_int64 (stmt, 9, self->id);
  return stmt;
}

static gboolean
write_row (HsSession   *self,
           HsDatabase  *db,
           gint64      *id,
           GError     **error)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  if (self->id != 0 && (before = _hs_database_row_json (db, "session", self->id)) == NULL)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND,
                   _("This session no longer exists; it may have been deleted."));
      return FALSE;
    }
  stmt = prepare_write (self, db, error);
  if (stmt == NULL)
    return FALSE;
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    _hs_database_set_error (db, error, _("Saving the session"));
  else
    *id = self->id != 0 ? self->id : sqlite3_last_insert_rowid (_hs_database_get_handle (db));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (!ok)
    return FALSE;

  after = _hs_database_row_json (db, "session", *id);
  return _hs_database_audit (db, self->id != 0 ? HS_AUDIT_UPDATE : HS_AUDIT_INSERT,
                             "session", *id, before, after, error);
}

gboolean
hs_session_save (HsSession   *self,
                 HsDatabase  *db,
                 GError     **error)
{
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (HS_IS_SESSION (self), FALSE);
  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  if (!check_fields (self, error)
      || !check_group (self, db, error)
      || !_hs_database_write_begin (db, error))
    return FALSE;
  ok = write_row (self, db, &id, error);
  if (!_hs_database_write_end (db, ok, error))
    return FALSE;

  set_id (self, &self->id, PROP_ID, id);
  return TRUE;
}

/* Attendance would go with the session through ON DELETE CASCADE, but
 * unaudited: it is removed here mark by mark instead. */
gboolean
hs_session_delete (HsDatabase  *db,
                   gint64       id,
                   GError     **error)
{
  g_autoptr(HsSession) session = NULL;
  gboolean ok;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  session = hs_session_load (db, id, error);
  if (session == NULL || !_hs_database_write_begin (db, error))
    return FALSE;
  ok = _hs_delete_audited (db, "attendance", "SELECT id FROM attendance WHERE session_id = ?1",
                           "DELETE FROM attendance WHERE id = ?", id, 0, error)
       && _hs_delete_audited (db, "session", "SELECT id FROM session WHERE id = ?1",
                              "DELETE FROM session WHERE id = ?", id, 0, error);
  return _hs_database_write_end (db, ok, error);
}

gint64
hs_session_get_id (HsSession *self)
{
  g_return_val_if_fail (HS_IS_SESSION (self), 0);
  return self->id;
}

gint64
hs_session_get_group_id (HsSession *self)
{
  g_return_val_if_fail (HS_IS_SESSION (self), 0);
  return self->group_id;
}

int
hs_session_get_number (HsSession *self)
{
  g_return_val_if_fail (HS_IS_SESSION (self), 0);
  return self->number;
}

const char *
hs_session_get_date (HsSession *self)
{
  g_return_val_if_fail (HS_IS_SESSION (self), NULL);
  return self->date;
}

const char *
hs_session_get_time (HsSession *self)
{
  g_return_val_if_fail (HS_IS_SESSION (self), NULL);
  return self->time;
}

const char *
hs_session_get_venue (HsSession *self)
{
  g_return_val_if_fail (HS_IS_SESSION (self), NULL);
  return self->venue;
}

const char *
hs_session_get_topic (HsSession *self)
{
  g_return_val_if_fail (HS_IS_SESSION (self), NULL);
  return self->topic;
}

const char *
hs_session_get_status (HsSession *self)
{
  g_return_val_if_fail (HS_IS_SESSION (self), NULL);
  return self->status;
}

const char *
hs_session_get_reason (HsSession *self)
{
  g_return_val_if_fail (HS_IS_SESSION (self), NULL);
  return self->reason;
}
