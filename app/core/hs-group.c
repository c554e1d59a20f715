/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-group"

#include <glib/gi18n-lib.h>

#include "hs-domain-private.h"
#include "hs-group.h"
#include "hs-membership.h"

struct _HsGroup
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *approach;
  char    *setting;
  char    *age_band;
  gint64   district_id;
  gint64   facility_id;
  char    *sector;
  char    *venue;
  int      weekday;
  char    *start_time;
  char    *start_date;
  int      planned_sessions;
  char    *status;
  char    *graduation_date;
  char    *graduation_venue;
  int      min_sessions;
  int      excused_count;
  char    *created;
  char    *updated;
};

G_DEFINE_FINAL_TYPE (HsGroup, hs_group, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_APPROACH,
  PROP_SETTING,
  PROP_AGE_BAND,
  PROP_DISTRICT_ID,
  PROP_FACILITY_ID,
  PROP_SECTOR,
  PROP_VENUE,
  PROP_WEEKDAY,
  PROP_START_TIME,
  PROP_START_DATE,
  PROP_PLANNED_SESSIONS,
  PROP_STATUS,
  PROP_GRADUATION_DATE,
  PROP_GRADUATION_VENUE,
  PROP_MIN_SESSIONS,
  PROP_EXCUSED_COUNT,
  PROP_CREATED,
  PROP_UPDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const approaches[] = { "sociotherapy", "multifamily", "resilience", NULL };
static const char * const settings[] = { "community", "prison", NULL };
static const char * const age_bands[] = { "youth", "adult", NULL };
static const char * const statuses[] = { "planned", "running", "graduated", "closed", NULL };

static char **
string_field (HsGroup *self,
              guint    prop_id)
{
  switch (prop_id)
    {
    case PROP_NAME: return &self->name;
    case PROP_APPROACH: return &self->approach;
    case PROP_SETTING: return &self->setting;
    case PROP_AGE_BAND: return &self->age_band;
    case PROP_SECTOR: return &self->sector;
    case PROP_VENUE: return &self->venue;
    case PROP_START_TIME: return &self->start_time;
    case PROP_START_DATE: return &self->start_date;
    case PROP_STATUS: return &self->status;
    case PROP_GRADUATION_DATE: return &self->graduation_date;
    case PROP_GRADUATION_VENUE: return &self->graduation_venue;
    case PROP_CREATED: return &self->created;
    case PROP_UPDATED: return &self->updated;
    default: return NULL;
    }
}

static int *
int_field (HsGroup *self,
           guint    prop_id)
{
  switch (prop_id)
    {
    case PROP_WEEKDAY: return &self->weekday;
    case PROP_PLANNED_SESSIONS: return &self->planned_sessions;
    case PROP_MIN_SESSIONS: return &self->min_sessions;
    case PROP_EXCUSED_COUNT: return &self->excused_count;
    default: return NULL;
    }
}

static gint64 *
id_field (HsGroup *self,
          guint    prop_id)
{
  switch (prop_id)
    {
    case PROP_ID: return &self->id;
    case PROP_DISTRICT_ID: return &self->district_id;
    case PROP_FACILITY_ID: return &self->facility_id;
    default: return NULL;
    }
}

static void
set_string (HsGroup    *self,
            guint       prop_id,
            const char *value)
{
  _hs_object_set_string (self, string_field (self, prop_id), value, properties[prop_id]);
}

static void
set_id (HsGroup *self,
        guint    prop_id,
        gint64   value)
{
  _hs_object_set_int64 (self, id_field (self, prop_id), value, properties[prop_id]);
}

static void
hs_group_finalize (GObject *object)
{
  HsGroup *self = HS_GROUP (object);

  for (guint prop_id = PROP_0 + 1; prop_id < N_PROPS; prop_id++)
    {
      char **field = string_field (self, prop_id);

      if (field != NULL)
        g_free (*field);
    }

  G_OBJECT_CLASS (hs_group_parent_class)->finalize (object);
}

static void
hs_group_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  HsGroup *self = HS_GROUP (object);

  if (string_field (self, prop_id) != NULL)
    g_value_set_string (value, *string_field (self, prop_id));
  else if (int_field (self, prop_id) != NULL)
    g_value_set_int (value, *int_field (self, prop_id));
  else if (id_field (self, prop_id) != NULL)
    g_value_set_int64 (value, *id_field (self, prop_id));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
hs_group_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  HsGroup *self = HS_GROUP (object);
  int *number = int_field (self, prop_id);

  if (string_field (self, prop_id) != NULL)
    set_string (self, prop_id, g_value_get_string (value));
  else if (id_field (self, prop_id) != NULL)
    set_id (self, prop_id, g_value_get_int64 (value));
  else if (number != NULL)
    {
      if (*number != g_value_get_int (value))
        {
          *number = g_value_get_int (value);
          g_object_notify_by_pspec (object, pspec);
        }
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
install_string (guint       prop_id,
                const char *name,
                const char *default_value)
{
  properties[prop_id] = _hs_string_pspec (name, default_value, G_PARAM_READWRITE);
}

static void
install_int (guint       prop_id,
             const char *name,
             int         minimum,
             int         maximum,
             int         default_value)
{
  properties[prop_id] = g_param_spec_int (name, NULL, NULL, minimum, maximum, default_value,
                                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                          | G_PARAM_STATIC_STRINGS);
}

static void
install_id (guint       prop_id,
            const char *name)
{
  properties[prop_id] = g_param_spec_int64 (name, NULL, NULL, 0, G_MAXINT64, 0,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                            | G_PARAM_STATIC_STRINGS);
}

static void
hs_group_class_init (HsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hs_group_finalize;
  object_class->get_property = hs_group_get_property;
  object_class->set_property = hs_group_set_property;

  /* 0: not saved yet. */
  install_id (PROP_ID, "id");
  install_string (PROP_NAME, "name", NULL);
  install_string (PROP_APPROACH, "approach", "sociotherapy");
  install_string (PROP_SETTING, "setting", NULL);
  install_string (PROP_AGE_BAND, "age-band", NULL);
  /* 0 for a prison group: the facility's district. */
  install_id (PROP_DISTRICT_ID, "district-id");
  install_id (PROP_FACILITY_ID, "facility-id");
  install_string (PROP_SECTOR, "sector", NULL);
  install_string (PROP_VENUE, "venue", NULL);
  install_int (PROP_WEEKDAY, "weekday", 0, 7, 0);
  install_string (PROP_START_TIME, "start-time", NULL);
  install_string (PROP_START_DATE, "start-date", NULL);
  /* Wide ranges: save explains what is allowed, a warning would not. */
  install_int (PROP_PLANNED_SESSIONS, "planned-sessions", 0, G_MAXINT, 15);
  install_string (PROP_STATUS, "status", "planned");
  install_string (PROP_GRADUATION_DATE, "graduation-date", NULL);
  install_string (PROP_GRADUATION_VENUE, "graduation-venue", NULL);
  install_int (PROP_MIN_SESSIONS, "min-sessions", 0, G_MAXINT, 0);
  install_int (PROP_EXCUSED_COUNT, "excused-count", -1, 1, -1);
  /* Set on first save unless an import already knows them. */
  install_string (PROP_CREATED, "created", NULL);
  install_string (PROP_UPDATED, "updated", NULL);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hs_group_init (HsGroup *self)
{
  self->approach = g_strdup ("sociotherapy");
  self->status = g_strdup ("planned");
  self->planned_sessions = 15;
  self->excused_count = -1;
}

HsGroup *
hs_group_new (void)
{
  return g_object_new (HS_TYPE_GROUP, NULL);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static void
read_row (HsGroup      *self,
          sqlite3_stmt *stmt)
{
  self->id = sqlite3_column_int64 (stmt, 0);
  self->name = dup_column (stmt, 1);
  g_free (self->approach);
  self->approach = dup_column (stmt, 2);
  self->setting = dup_column (stmt, 3);
  self->age_band = dup_column (stmt, 4);
  self->district_id = sqlite3_column_int64 (stmt, 5);
  self->facility_id = sqlite3_column_int64 (stmt, 6);
  self->sector = dup_column (stmt, 7);
  self->venue = dup_column (stmt, 8);
  self->weekday = sqlite3_column_int (stmt, 9);
  self->start_time = dup_column (stmt, 10);
  self->start_date = dup_column (stmt, 11);
  self->planned_sessions = sqlite3_column_int (stmt, 12);
  g_free (self->status);
  self->status = dup_column (stmt, 13);
  self->graduation_date = dup_column (stmt, 14);
  self->graduation_venue = dup_column (stmt, 15);
  self->min_sessions = sqlite3_column_int (stmt, 16);
  if (sqlite3_column_type (stmt, 17) != SQLITE_NULL)
    self->excused_count = sqlite3_column_int (stmt, 17);
  self->created = dup_column (stmt, 18);
  self->updated = dup_column (stmt, 19);
}

HsGroup *
hs_group_load (HsDatabase  *db,
               gint64       id,
               GError     **error)
{
  g_autoptr(HsGroup) self = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  stmt = _hs_database_prepare (db,
                               "SELECT id, name, approach, setting, age_band, district_id,"
                               " facility_id, sector, venue, weekday, start_time, start_date,"
                               " planned_sessions, status, graduation_date, graduation_venue,"
                               " min_sessions, excused_count, created, updated"
                               " FROM hgroup WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      self = hs_group_new ();
      read_row (self, stmt);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND,
                 _("This group no longer exists; it may have been deleted."));
  else
    _hs_database_set_error (db, error, _("Reading the group"));
  sqlite3_reset (stmt);
  return g_steal_pointer (&self);
}

static gboolean
is_blank (const char *value)
{
  for (const char *p = value; p != NULL && *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p))
        return FALSE;
    }
  return TRUE;
}

static gboolean
fail (GError     **error,
      const char  *message)
{
  g_set_error_literal (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
check_fields (HsGroup  *self,
              GError  **error)
{
  if (is_blank (self->name))
    return fail (error, _("Enter a name for the group."));
  if (!_hs_check_length (self->name, _("Name"), HS_NAME_MAX_CHARS, error)
      || !_hs_check_length (self->sector, _("Sector"), HS_NAME_MAX_CHARS, error)
      || !_hs_check_length (self->venue, _("Venue"), HS_NAME_MAX_CHARS, error)
      || !_hs_check_length (self->graduation_venue, _("Graduation venue"), HS_NAME_MAX_CHARS,
                            error))
    return FALSE;
  if (self->approach == NULL)
    return fail (error, _("Choose the group's approach: sociotherapy, multifamily or resilience."));
  if (self->setting == NULL)
    return fail (error, _("Choose where the group meets: community or prison."));
  if (self->age_band == NULL)
    return fail (error, _("Choose the group's age band: youth or adult."));
  if (self->status == NULL)
    return fail (error, _("Choose the group's status: planned, running, graduated or closed."));
  if (self->planned_sessions < 1 || self->planned_sessions > 100)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("The number of planned sessions must be between 1 and 100; %d is not."),
                   self->planned_sessions);
      return FALSE;
    }
  if (self->min_sessions > self->planned_sessions)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("The sessions needed to graduate (%d) cannot be more than the planned "
                     "sessions (%d)."), self->min_sessions, self->planned_sessions);
      return FALSE;
    }
  return _hs_check_choice (self->approach, approaches, _("Approach"), error)
         && _hs_check_choice (self->setting, settings, _("Setting"), error)
         && _hs_check_choice (self->age_band, age_bands, _("Age band"), error)
         && _hs_check_choice (self->status, statuses, _("Status"), error)
         && _hs_check_time (self->start_time, _("Start time"), error)
         && _hs_check_date (self->start_date, _("Start date"), error)
         && _hs_check_date (self->graduation_date, _("Graduation date"), error);
}

/* The facility's district, or 0 with @error set. */
static gint64
facility_district (HsDatabase  *db,
                   gint64       facility_id,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 district_id = 0;
  int rc;

  stmt = _hs_database_prepare (db, "SELECT district_id FROM facility WHERE id = ?1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, facility_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    district_id = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    fail (error, _("The chosen correctional facility does not exist; choose another one."));
  else
    _hs_database_set_error (db, error, _("Reading the facility"));
  sqlite3_reset (stmt);
  return district_id;
}

/* Where the group meets decides its district: a prison group sits in the
 * district of its facility unless told otherwise. */
static gboolean
check_place (HsGroup     *self,
             HsDatabase  *db,
             gint64      *district_id,
             GError     **error)
{
  *district_id = self->district_id;
  if (g_str_equal (self->setting, "prison"))
    {
      gint64 facility_district_id;

      if (self->facility_id == 0)
        return fail (error, _("A prison group needs a correctional facility; choose one."));
      facility_district_id = facility_district (db, self->facility_id, error);
      if (facility_district_id == 0)
        return FALSE;
      if (*district_id == 0)
        *district_id = facility_district_id;
    }
  else if (self->facility_id != 0)
    return fail (error, _("A community group has no correctional facility: clear the facility, "
                          "or set the group's setting to prison."));
  if (*district_id == 0)
    return fail (error, _("Choose the district where the group meets."));
  return TRUE;
}

static gboolean
check_name_free (HsGroup     *self,
                 HsDatabase  *db,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _hs_database_prepare (db, "SELECT 1 FROM hgroup WHERE name = ?1 AND id <> ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, self->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                 _("There is already a group named “%s”; choose another name."), self->name);
  else if (rc != SQLITE_DONE)
    _hs_database_set_error (db, error, _("Checking the group's name"));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_DONE;
}

/* Binds ?1 … ?18, the columns that insert and update share. */
static void
bind_columns (HsGroup      *self,
              sqlite3_stmt *stmt,
              gint64        district_id,
              const char   *updated)
{
  _hs_bind_text (stmt, 1, self->name);
  _hs_bind_text (stmt, 2, self->approach);
  _hs_bind_text (stmt, 3, self->setting);
  _hs_bind_text (stmt, 4, self->age_band);
  sqlite3_bind_int64 (stmt, 5, district_id);
  _hs_bind_number (stmt, 6, self->facility_id, 0);
  _hs_bind_text (stmt, 7, self->sector);
  _hs_bind_text (stmt, 8, self->venue);
  _hs_bind_number (stmt, 9, self->weekday, 0);
  _hs_bind_text (stmt, 10, self->start_time);
  _hs_bind_text (stmt, 11, self->start_date);
  sqlite3_bind_int (stmt, 12, self->planned_sessions);
  _hs_bind_text (stmt, 13, self->status);
  _hs_bind_text (stmt, 14, self->graduation_date);
  _hs_bind_text (stmt, 15, self->graduation_venue);
  _hs_bind_number (stmt, 16, self->min_sessions, 0);
  _hs_bind_number (stmt, 17, self->excused_count, -1);
  _hs_bind_text (stmt, 18, updated);
}

static sqlite3_stmt *
prepare_write (HsGroup     *self,
               HsDatabase  *db,
               GError     **error)
{
  if (self->id != 0)
    return _hs_database_prepare (db,
                                 "UPDATE hgroup SET name = ?1, approach = ?2, setting = ?3,"
                                 " age_band = ?4, district_id = ?5, facility_id = ?6,"
                                 " sector = ?7, venue = ?8, weekday = ?9, start_time = ?10,"
                                 " start_date = ?11, planned_sessions = ?12, status = ?13,"
                                 " graduation_date = ?14, graduation_venue = ?15,"
                                 " min_sessions = ?16, excused_count = ?17, updated = ?18"
                                 " WHERE id = ?19", error);
  return _hs_database_prepare (db,
                               "INSERT INTO hgroup (name, approach, setting, age_band,"
                               " district_id, facility_id, sector, venue, weekday, start_time,"
                               " start_date, planned_sessions, status, graduation_date,"
                               " graduation_venue, min_sessions, excused_count, updated, created)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                               " ?14, ?15, ?16, ?17, ?18, ?19)", error);
}

static gboolean
write_row (HsGroup     *self,
           HsDatabase  *db,
           gint64       district_id,
           const char  *created,
           const char  *updated,
           gint64      *id,
           GError     **error)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  if (self->id != 0 && (before = _hs_database_row_json (db, "hgroup", self->id)) == NULL)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND,
                   _("This group no longer exists; it may have been deleted."));
      return FALSE;
    }
  stmt = prepare_write (self, db, error);
  if (stmt == NULL)
    return FALSE;
  bind_columns (self, stmt, district_id, updated);
  if (self->id != 0)
    sqlite3_bind_int64 (stmt, 19, self->id);
  else
    _hs_bind_text (stmt, 19, created);

  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    _hs_database_set_error (db, error, _("Saving the group"));
  else
    *id = self->id != 0 ? self->id : sqlite3_last_insert_rowid (_hs_database_get_handle (db));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (!ok)
    return FALSE;

  after = _hs_database_row_json (db, "hgroup", *id);
  return _hs_database_audit (db, self->id != 0 ? HS_AUDIT_UPDATE : HS_AUDIT_INSERT,
                             "hgroup", *id, before, after, error);
}

gboolean
hs_group_save (HsGroup     *self,
               HsDatabase  *db,
               GError     **error)
{
  g_autofree char *now = NULL;
  const char *created;
  const char *updated;
  gint64 district_id = 0;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (HS_IS_GROUP (self), FALSE);
  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  if (!check_fields (self, error)
      || !check_place (self, db, &district_id, error)
      || !check_name_free (self, db, error))
    return FALSE;

  now = _hs_database_now ();
  if (self->id == 0)
    {
      created = self->created != NULL ? self->created : now;
      updated = self->updated != NULL ? self->updated : created;
    }
  else
    {
      created = self->created;
      updated = now;
    }

  if (!_hs_database_write_begin (db, error))
    return FALSE;
  ok = write_row (self, db, district_id, created, updated, &id, error);
  if (!_hs_database_write_end (db, ok, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  set_id (self, PROP_ID, id);
  set_id (self, PROP_DISTRICT_ID, district_id);
  set_string (self, PROP_CREATED, created);
  set_string (self, PROP_UPDATED, updated);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

static gboolean
check_no_members (HsDatabase  *db,
                  gint64       id,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int members = 0;
  int rc;

  stmt = _hs_database_prepare (db,
                               "SELECT name, (SELECT count(*) FROM membership WHERE group_id = ?1)"
                               " FROM hgroup WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      members = sqlite3_column_int (stmt, 1);
      if (members > 0)
        g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "The group “%s” still has %d member. Remove the member "
                                  "first, then delete the group.",
                                  "The group “%s” still has %d members. Remove the members "
                                  "first, then delete the group.", members),
                     (const char *) sqlite3_column_text (stmt, 0), members);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND,
                 _("This group no longer exists; it may have been deleted."));
  else
    _hs_database_set_error (db, error, _("Deleting the group"));
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW && members == 0;
}

/* Sessions and facilitator links would go with the group through ON DELETE
 * CASCADE, but unaudited: they are removed here one by one instead. */
gboolean
hs_group_delete (HsDatabase  *db,
                 gint64       id,
                 GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  if (!check_no_members (db, id, error) || !_hs_database_write_begin (db, error))
    return FALSE;
  ok = _hs_delete_audited (db, "attendance",
                           "SELECT a.id FROM attendance a JOIN session s ON s.id = a.session_id"
                           " WHERE s.group_id = ?1",
                           "DELETE FROM attendance WHERE id = ?", id, 0, error)
       && _hs_delete_audited (db, "session", "SELECT id FROM session WHERE group_id = ?1",
                              "DELETE FROM session WHERE id = ?", id, 0, error)
       && _hs_delete_audited (db, "group_facilitator",
                              "SELECT id FROM group_facilitator WHERE group_id = ?1",
                              "DELETE FROM group_facilitator WHERE id = ?", id, 0, error)
       && _hs_delete_audited (db, "hgroup", "SELECT id FROM hgroup WHERE id = ?1",
                              "DELETE FROM hgroup WHERE id = ?", id, 0, error);
  return _hs_database_write_end (db, ok, error);
}

static gboolean
check_can_link (HsDatabase  *db,
                gint64       group_id,
                gint64       facilitator_id,
                GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean has_group = FALSE, has_facilitator = FALSE, linked = FALSE;
  int rc;

  stmt = _hs_database_prepare (db,
                               "SELECT EXISTS (SELECT 1 FROM hgroup WHERE id = ?1),"
                               " EXISTS (SELECT 1 FROM facilitator WHERE id = ?2),"
                               " EXISTS (SELECT 1 FROM group_facilitator"
                               "   WHERE group_id = ?1 AND facilitator_id = ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int64 (stmt, 2, facilitator_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      has_group = sqlite3_column_int (stmt, 0);
      has_facilitator = sqlite3_column_int (stmt, 1);
      linked = sqlite3_column_int (stmt, 2);
    }
  else
    _hs_database_set_error (db, error, _("Checking the group's facilitators"));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    return FALSE;
  if (!has_group)
    g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND,
                 _("This group no longer exists; it may have been deleted."));
  else if (!has_facilitator)
    g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND,
                 _("This facilitator no longer exists; they may have been deleted."));
  else if (linked)
    fail (error, _("This facilitator already runs this group."));
  return has_group && has_facilitator && !linked;
}

gboolean
hs_group_add_facilitator (HsDatabase  *db,
                          gint64       group_id,
                          gint64       facilitator_id,
                          GError     **error)
{
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  if (!check_can_link (db, group_id, facilitator_id, error)
      || !_hs_database_write_begin (db, error))
    return FALSE;
  stmt = _hs_database_prepare (db,
                               "INSERT INTO group_facilitator (group_id, facilitator_id)"
                               " VALUES (?1, ?2)", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, group_id);
      sqlite3_bind_int64 (stmt, 2, facilitator_id);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      if (ok)
        id = sqlite3_last_insert_rowid (_hs_database_get_handle (db));
      else
        _hs_database_set_error (db, error, _("Adding the facilitator to the group"));
      sqlite3_reset (stmt);
    }
  if (ok)
    {
      after = _hs_database_row_json (db, "group_facilitator", id);
      ok = _hs_database_audit (db, HS_AUDIT_INSERT, "group_facilitator", id, NULL, after, error);
    }
  return _hs_database_write_end (db, ok, error);
}

gboolean
hs_group_remove_facilitator (HsDatabase  *db,
                             gint64       group_id,
                             gint64       facilitator_id,
                             GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean linked = FALSE;
  gboolean ok;
  int rc;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  stmt = _hs_database_prepare (db,
                               "SELECT 1 FROM group_facilitator"
                               " WHERE group_id = ?1 AND facilitator_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int64 (stmt, 2, facilitator_id);
  rc = sqlite3_step (stmt);
  linked = rc == SQLITE_ROW;
  if (rc == SQLITE_DONE)
    g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND,
                 _("This facilitator does not run this group."));
  else if (!linked)
    _hs_database_set_error (db, error, _("Removing the facilitator from the group"));
  sqlite3_reset (stmt);
  if (!linked || !_hs_database_write_begin (db, error))
    return FALSE;

  ok = _hs_delete_audited (db, "group_facilitator",
                           "SELECT id FROM group_facilitator"
                           " WHERE group_id = ?1 AND facilitator_id = ?2",
                           "DELETE FROM group_facilitator WHERE id = ?",
                           group_id, facilitator_id, error);
  return _hs_database_write_end (db, ok, error);
}

GArray *
hs_group_list_facilitators (HsDatabase  *db,
                            gint64       group_id,
                            GError     **error)
{
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  stmt = _hs_database_prepare (db,
                               "SELECT facilitator_id FROM group_facilitator"
                               " WHERE group_id = ?1 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_bind_int64 (stmt, 1, group_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      _hs_database_set_error (db, error, _("Reading the group's facilitators"));
      g_clear_pointer (&ids, g_array_unref);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&ids);
}

gint64
hs_group_get_id (HsGroup *self)
{
  g_return_val_if_fail (HS_IS_GROUP (self), 0);
  return self->id;
}

const char *
hs_group_get_name (HsGroup *self)
{
  g_return_val_if_fail (HS_IS_GROUP (self), NULL);
  return self->name;
}

const char *
hs_group_get_approach (HsGroup *self)
{
  g_return_val_if_fail (HS_IS_GROUP (self), NULL);
  return self->approach;
}

const char *
hs_group_get_setting (HsGroup *self)
{
  g_return_val_if_fail (HS_IS_GROUP (self), NULL);
  return self->setting;
}

const char *
hs_group_get_age_band (HsGroup *self)
{
  g_return_val_if_fail (HS_IS_GROUP (self), NULL);
  return self->age_band;
}

gint64
hs_group_get_district_id (HsGroup *self)
{
  g_return_val_if_fail (HS_IS_GROUP (self), 0);
  return self->district_id;
}

gint64
hs_group_get_facility_id (HsGroup *self)
{
  g_return_val_if_fail (HS_IS_GROUP (self), 0);
  return self->facility_id;
}

const char *
hs_group_get_sector (HsGroup *self)
{
  g_return_val_if_fail (HS_IS_GROUP (self), NULL);
  return self->sector;
}

const char *
hs_group_get_venue (HsGroup *self)
{
  g_return_val_if_fail (HS_IS_GROUP (self), NULL);
  return self->venue;
}

int
hs_group_get_weekday (HsGroup *self)
{
  g_return_val_if_fail (HS_IS_GROUP (self), 0);
  return self->weekday;
}

const char *
hs_group_get_start_time (HsGroup *self)
{
  g_return_val_if_fail (HS_IS_GROUP (self), NULL);
  return self->start_time;
}

const char *
hs_group_get_start_date (HsGroup *self)
{
  g_return_val_if_fail (HS_IS_GROUP (self), NULL);
  return self->start_date;
}

int
hs_group_get_planned_sessions (HsGroup *self)
{
  g_return_val_if_fail (HS_IS_GROUP (self), 0);
  return self->planned_sessions;
}

const char *
hs_group_get_status (HsGroup *self)
{
  g_return_val_if_fail (HS_IS_GROUP (self), NULL);
  return self->status;
}

const char *
hs_group_get_graduation_date (HsGroup *self)
{
  g_return_val_if_fail (HS_IS_GROUP (self), NULL);
  return self->graduation_date;
}

const char *
hs_group_get_graduation_venue (HsGroup *self)
{
  g_return_val_if_fail (HS_IS_GROUP (self), NULL);
  return self->graduation_venue;
}

int
hs_group_get_min_sessions (HsGroup *self)
{
  g_return_val_if_fail (HS_IS_GROUP (self), 0);
  return self->min_sessions;
}

int
hs_group_get_excused_count (HsGroup *self)
{
  g_return_val_if_fail (HS_IS_GROUP (self), -1);
  return self->excused_count;
}

const char *
hs_group_get_created (HsGroup *self)
{
  g_return_val_if_fail (HS_IS_GROUP (self), NULL);
  return self->created;
}

const char *
hs_group_get_updated (HsGroup *self)
{
  g_return_val_if_fail (HS_IS_GROUP (self), NULL);
  return self->updated;
}
