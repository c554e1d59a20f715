/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-facilitator"

#include <glib/gi18n-lib.h>

#include "hs-domain-private.h"
#include "hs-facilitator.h"
#include "hs-membership.h"

struct _HsFacilitator
{
  GObject  parent_instance;

  gint64   id;
  char    *full_name;
  char    *sex;
  char    *phone;
  gint64   district_id;
  char    *trained_date;
  char    *created;
  char    *updated;
};

G_DEFINE_FINAL_TYPE (HsFacilitator, hs_facilitator, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_FULL_NAME,
  PROP_SEX,
  PROP_PHONE,
  PROP_DISTRICT_ID,
  PROP_TRAINED_DATE,
  PROP_CREATED,
  PROP_UPDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
string_field (HsFacilitator *self,
              guint          prop_id)
{
  switch (prop_id)
    {
    case PROP_FULL_NAME: return &self->full_name;
    case PROP_SEX: return &self->sex;
    case PROP_PHONE: return &self->phone;
    case PROP_TRAINED_DATE: return &self->trained_date;
    case PROP_CREATED: return &self->created;
    case PROP_UPDATED: return &self->updated;
    default: return NULL;
    }
}

static void
set_string (HsFacilitator *self,
            guint          prop_id,
            const char    *value)
{
  _hs_object_set_string (self, string_field (self, prop_id), value, properties[prop_id]);
}

static void
set_id (HsFacilitator *self,
        gint64        *field,
        guint          prop_id,
        gint64         value)
{
  _hs_object_set_int64 (self, field, value, properties[prop_id]);
}

static void
hs_facilitator_finalize (GObject *object)
{
  HsFacilitator *self = HS_FACILITATOR (object);

  for (guint prop_id = PROP_0 + 1; prop_id < N_PROPS; prop_id++)
    {
      char **field = string_field (self, prop_id);

      if (field != NULL)
        g_free (*field);
    }

  G_OBJECT_CLASS (hs_facilitator_parent_class)->finalize (object);
}

static void
hs_facilitator_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HsFacilitator *self = HS_FACILITATOR (object);
  char **field = string_field (self, prop_id);

  if (field != NULL)
    g_value_set_string (value, *field);
  else if (prop_id == PROP_ID)
    g_value_set_int64 (value, self->id);
  else if (prop_id == PROP_DISTRICT_ID)
    g_value_set_int64 (value, self->district_id);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
hs_facilitator_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HsFacilitator *self = HS_FACILITATOR (object);

  if (string_field (self, prop_id) != NULL)
    set_string (self, prop_id, g_value_get_string (value));
  else if (prop_id == PROP_ID)
    set_id (self, &self->id, prop_id, g_value_get_int64 (value));
  else if (prop_id == PROP_DISTRICT_ID)
    set_id (self, &self->district_id, prop_id, g_value_get_int64 (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
hs_facilitator_class_init (HsFacilitatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hs_facilitator_finalize;
  object_class->get_property = hs_facilitator_get_property;
  object_class->set_property = hs_facilitator_set_property;

  /* 0: not saved yet. */
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_FULL_NAME] = _hs_string_pspec ("full-name", NULL, G_PARAM_READWRITE);
  properties[PROP_SEX] = _hs_string_pspec ("sex", NULL, G_PARAM_READWRITE);
  properties[PROP_PHONE] = _hs_string_pspec ("phone", NULL, G_PARAM_READWRITE);
  properties[PROP_DISTRICT_ID] = g_param_spec_int64 ("district-id", NULL, NULL,
                                                     0, G_MAXINT64, 0, rw);
  properties[PROP_TRAINED_DATE] = _hs_string_pspec ("trained-date", NULL, G_PARAM_READWRITE);
  /* Set on first save unless an import already knows them. */
  properties[PROP_CREATED] = _hs_string_pspec ("created", NULL, G_PARAM_READWRITE);
  properties[PROP_UPDATED] = _hs_string_pspec ("updated", NULL, G_PARAM_READWRITE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hs_facilitator_init (HsFacilitator *self)
{
}

HsFacilitator *
hs_facilitator_new (void)
{
  return g_object_new (HS_TYPE_FACILITATOR, NULL);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

HsFacilitator *
hs_facilitator_load (HsDatabase  *db,
                     gint64       id,
                     GError     **error)
{
  g_autoptr(HsFacilitator) self = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  stmt = _hs_database_prepare (db,
                               "SELECT id, full_name, sex, phone, district_id, trained_date,"
                               " created, updated FROM facilitator WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      self = hs_facilitator_new ();
      self->id = sqlite3_column_int64 (stmt, 0);
      self->full_name = dup_column (stmt, 1);
      self->sex = dup_column (stmt, 2);
      self->phone = dup_column (stmt, 3);
      self->district_id = sqlite3_column_int64 (stmt, 4);
      self->trained_date = dup_column (stmt, 5);
      self->created = dup_column (stmt, 6);
      self->updated = dup_column (stmt, 7);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND,
                 _("This facilitator no longer exists; they may have been deleted."));
  else
    _hs_database_set_error (db, error, _("Reading the facilitator"));
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
validate (HsFacilitator  *self,
          GError        **error)
{
  if (is_blank (self->full_name))
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("Enter the facilitator's full name."));
      return FALSE;
    }
  if (self->sex == NULL)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("Choose the facilitator's sex: F or M."));
      return FALSE;
    }
  if (!g_str_equal (self->sex, "F") && !g_str_equal (self->sex, "M"))
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("The sex “%s” is not F or M."), self->sex);
      return FALSE;
    }
  return _hs_check_date (self->trained_date, _("Trained"), error);
}

static void
bind_columns (HsFacilitator *self,
              sqlite3_stmt  *stmt,
              const char    *updated)
{
  sqlite3_bind_text (stmt, 1, self->full_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, self->sex, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, self->phone, -1, SQLITE_STATIC);
  if (self->district_id != 0)
    sqlite3_bind_int64 (stmt, 4, self->district_id);
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_text (stmt, 5, self->trained_date, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, updated, -1, SQLITE_STATIC);
}

static gboolean
write_row (HsFacilitator  *self,
           HsDatabase     *db,
           const char     *created,
           const char     *updated,
           gint64         *id,
           GError        **error)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  if (self->id != 0)
    {
      before = _hs_database_row_json (db, "facilitator", self->id);
      if (before == NULL)
        {
          g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND,
                       _("This facilitator no longer exists; they may have been deleted."));
          return FALSE;
        }
      stmt = _hs_database_prepare (db,
                                   "UPDATE facilitator SET full_name = ?1, sex = ?2, phone = ?3,"
                                   " district_id = ?4, trained_date = ?5, updated = ?6"
                                   " WHERE id = ?7", error);
    }
  else
    stmt = _hs_database_prepare (db,
                                 "INSERT INTO facilitator (full_name, sex, phone, district_id,"
                                 " trained_date, updated, created)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return FALSE;
  bind_columns (self, stmt, updated);
  if (self->id != 0)
    sqlite3_bind_int64 (stmt, 7, self->id);
  else
    sqlite3_bind_text (stmt, 7, created, -1, SQLITE_STATIC);

  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    _hs_database_set_error (db, error, _("Saving the facilitator"));
  else
    *id = self->id != 0 ? self->id : sqlite3_last_insert_rowid (_hs_database_get_handle (db));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (!ok)
    return FALSE;

  after = _hs_database_row_json (db, "facilitator", *id);
  return _hs_database_audit (db, self->id != 0 ? HS_AUDIT_UPDATE : HS_AUDIT_INSERT,
                             "facilitator", *id, before, after, error);
}

gboolean
hs_facilitator_save (HsFacilitator  *self,
                     HsDatabase     *db,
                     GError        **error)
{
  g_autofree char *now = NULL;
  const char *created;
  const char *updated;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (HS_IS_FACILITATOR (self), FALSE);
  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  if (!validate (self, error))
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
  ok = write_row (self, db, created, updated, &id, error);
  if (!_hs_database_write_end (db, ok, error))
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  set_id (self, &self->id, PROP_ID, id);
  set_string (self, PROP_CREATED, created);
  set_string (self, PROP_UPDATED, updated);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

static gboolean
check_no_groups (HsDatabase  *db,
                 gint64       id,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  int groups = 0;
  int rc;

  stmt = _hs_database_prepare (db,
                               "SELECT count(*) FROM group_facilitator WHERE facilitator_id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    groups = sqlite3_column_int (stmt, 0);
  else
    _hs_database_set_error (db, error, _("Deleting the facilitator"));
  sqlite3_reset (stmt);
  if (groups > 0)
    g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                 g_dngettext (GETTEXT_PACKAGE,
                              "This facilitator still runs %d group. Take them off the group "
                              "first, then delete them.",
                              "This facilitator still runs %d groups. Take them off those "
                              "groups first, then delete them.", groups), groups);
  return rc == SQLITE_ROW && groups == 0;
}

gboolean
hs_facilitator_delete (HsDatabase  *db,
                       gint64       id,
                       GError     **error)
{
  g_autofree char *before = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  before = _hs_database_row_json (db, "facilitator", id);
  if (before == NULL)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND,
                   _("This facilitator no longer exists; they may have been deleted."));
      return FALSE;
    }
  if (!check_no_groups (db, id, error) || !_hs_database_write_begin (db, error))
    return FALSE;

  stmt = _hs_database_prepare (db, "DELETE FROM facilitator WHERE id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      if (!ok)
        _hs_database_set_error (db, error, _("Deleting the facilitator"));
      sqlite3_reset (stmt);
    }
  ok = ok && _hs_database_audit (db, HS_AUDIT_DELETE, "facilitator", id, before, NULL, error);
  return _hs_database_write_end (db, ok, error);
}

gint64
hs_facilitator_get_id (HsFacilitator *self)
{
  g_return_val_if_fail (HS_IS_FACILITATOR (self), 0);
  return self->id;
}

const char *
hs_facilitator_get_full_name (HsFacilitator *self)
{
  g_return_val_if_fail (HS_IS_FACILITATOR (self), NULL);
  return self->full_name;
}

const char *
hs_facilitator_get_sex (HsFacilitator *self)
{
  g_return_val_if_fail (HS_IS_FACILITATOR (self), NULL);
  return self->sex;
}

const char *
hs_facilitator_get_phone (HsFacilitator *self)
{
  g_return_val_if_fail (HS_IS_FACILITATOR (self), NULL);
  return self->phone;
}

gint64
hs_facilitator_get_district_id (HsFacilitator *self)
{
  g_return_val_if_fail (HS_IS_FACILITATOR (self), 0);
  return self->district_id;
}

const char *
hs_facilitator_get_trained_date (HsFacilitator *self)
{
  g_return_val_if_fail (HS_IS_FACILITATOR (self), NULL);
  return self->trained_date;
}

const char *
hs_facilitator_get_created (HsFacilitator *self)
{
  g_return_val_if_fail (HS_IS_FACILITATOR (self), NULL);
  return self->created;
}

const char *
hs_facilitator_get_updated (HsFacilitator *self)
{
  g_return_val_if_fail (HS_IS_FACILITATOR (self), NULL);
  return self->updated;
}
