/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-group-list"

#include <glib/gi18n-lib.h>

#include "hs-database-private.h"
#include "hs-group-list.h"

struct _HsGroupRow
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *approach;
  char    *setting;
  char    *age_band;
  char    *place;
  char    *facilitators;
  int      n_facilitators;
  int      members;
  int      held;
  int      planned;
  char    *status;
};

G_DEFINE_FINAL_TYPE (HsGroupRow, hs_group_row, G_TYPE_OBJECT)

static void
hs_group_row_finalize (GObject *object)
{
  HsGroupRow *self = HS_GROUP_ROW (object);

  g_free (self->name);
  g_free (self->approach);
  g_free (self->setting);
  g_free (self->age_band);
  g_free (self->place);
  g_free (self->facilitators);
  g_free (self->status);
  G_OBJECT_CLASS (hs_group_row_parent_class)->finalize (object);
}

static void
hs_group_row_class_init (HsGroupRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hs_group_row_finalize;
}

static void
hs_group_row_init (HsGroupRow *self)
{
}

gint64      hs_group_row_get_id             (HsGroupRow *self) { return self->id; }
const char *hs_group_row_get_name           (HsGroupRow *self) { return self->name; }
const char *hs_group_row_get_approach       (HsGroupRow *self) { return self->approach; }
const char *hs_group_row_get_setting        (HsGroupRow *self) { return self->setting; }
const char *hs_group_row_get_age_band       (HsGroupRow *self) { return self->age_band; }
const char *hs_group_row_get_place          (HsGroupRow *self) { return self->place; }
const char *hs_group_row_get_facilitators   (HsGroupRow *self) { return self->facilitators; }
int         hs_group_row_get_n_facilitators (HsGroupRow *self) { return self->n_facilitators; }
int         hs_group_row_get_members        (HsGroupRow *self) { return self->members; }
int         hs_group_row_get_held           (HsGroupRow *self) { return self->held; }
int         hs_group_row_get_planned        (HsGroupRow *self) { return self->planned; }
const char *hs_group_row_get_status         (HsGroupRow *self) { return self->status; }

char *
hs_group_row_dup_progress (HsGroupRow *self)
{
  /* Translators: progress of a group, "session 6 of 15". */
  return g_strdup_printf (_("session %d of %d"), self->held, self->planned);
}

const char *
hs_group_approach_label (const char *approach)
{
  if (g_strcmp0 (approach, "sociotherapy") == 0)
    return C_("approach", "Sociotherapy");
  if (g_strcmp0 (approach, "multifamily") == 0)
    return C_("approach", "Multifamily");
  if (g_strcmp0 (approach, "resilience") == 0)
    return C_("approach", "Resilience");
  return "";
}

const char *
hs_group_setting_label (const char *setting)
{
  if (g_strcmp0 (setting, "community") == 0)
    return C_("setting", "Community");
  if (g_strcmp0 (setting, "prison") == 0)
    return C_("setting", "Prison");
  return "";
}

const char *
hs_group_status_label (const char *status)
{
  if (g_strcmp0 (status, "planned") == 0)
    return C_("group status", "Planned");
  if (g_strcmp0 (status, "running") == 0)
    return C_("group status", "Running");
  if (g_strcmp0 (status, "graduated") == 0)
    return C_("group status", "Graduated");
  if (g_strcmp0 (status, "closed") == 0)
    return C_("group status", "Closed");
  return "";
}

struct _HsGroupList
{
  GObject     parent_instance;

  HsDatabase *db;
  gint64      district_id;
  char       *setting;
  char       *status;
  GArray     *ids;
  GPtrArray  *rows;   /* HsGroupRow or NULL until asked for, by position */
};

static GType
hs_group_list_get_item_type (GListModel *model)
{
  return HS_TYPE_GROUP_ROW;
}

static guint
hs_group_list_get_n_items (GListModel *model)
{
  return HS_GROUP_LIST (model)->ids->len;
}

static HsGroupRow *
read_row (HsGroupList *self,
          gint64       id)
{
  HsGroupRow *row;
  sqlite3_stmt *stmt;

  stmt = _hs_database_prepare (self->db,
    "SELECT g.name, g.approach, g.setting, g.age_band,"
    " coalesce (f.name, d.name),"
    " (SELECT group_concat (name, ', ') FROM (SELECT t.full_name AS name"
    "   FROM group_facilitator gf JOIN facilitator t ON t.id = gf.facilitator_id"
    "   WHERE gf.group_id = g.id ORDER BY gf.id)),"
    " (SELECT count(*) FROM group_facilitator gf WHERE gf.group_id = g.id),"
    " (SELECT count(*) FROM membership m WHERE m.group_id = g.id"
    "   AND m.outcome IN ('ongoing', 'graduated')),"
    " (SELECT count(*) FROM session s WHERE s.group_id = g.id AND s.status = 'held'),"
    " g.planned_sessions, g.status"
    " FROM hgroup g JOIN district d ON d.id = g.district_id"
    " LEFT JOIN facility f ON f.id = g.facility_id WHERE g.id = ?1", NULL);
  row = g_object_new (HS_TYPE_GROUP_ROW, NULL);
  row->id = id;
  if (stmt == NULL)
    return row;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      row->name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row->approach = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->setting = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      row->age_band = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      row->place = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      row->facilitators = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      row->n_facilitators = sqlite3_column_int (stmt, 6);
      row->members = sqlite3_column_int (stmt, 7);
      row->held = sqlite3_column_int (stmt, 8);
      row->planned = sqlite3_column_int (stmt, 9);
      row->status = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
    }
  sqlite3_reset (stmt);
  return row;
}

static gpointer
hs_group_list_get_item (GListModel *model,
                        guint       position)
{
  HsGroupList *self = HS_GROUP_LIST (model);

  if (position >= self->ids->len)
    return NULL;
  if (g_ptr_array_index (self->rows, position) == NULL)
    g_ptr_array_index (self->rows, position) = read_row (self, g_array_index (self->ids, gint64,
                                                                              position));
  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
hs_group_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = hs_group_list_get_item_type;
  iface->get_n_items = hs_group_list_get_n_items;
  iface->get_item = hs_group_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (HsGroupList, hs_group_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, hs_group_list_model_init))

static void
hs_group_list_dispose (GObject *object)
{
  HsGroupList *self = HS_GROUP_LIST (object);

  g_clear_object (&self->db);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (hs_group_list_parent_class)->dispose (object);
}

static void
hs_group_list_finalize (GObject *object)
{
  HsGroupList *self = HS_GROUP_LIST (object);

  g_free (self->setting);
  g_free (self->status);
  g_array_unref (self->ids);
  G_OBJECT_CLASS (hs_group_list_parent_class)->finalize (object);
}

static void
hs_group_list_class_init (HsGroupListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hs_group_list_dispose;
  object_class->finalize = hs_group_list_finalize;
}

/* Rows not read yet are NULL. */
static void
clear_row (gpointer row)
{
  if (row != NULL)
    g_object_unref (row);
}

static void
hs_group_list_init (HsGroupList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->rows = g_ptr_array_new_with_free_func (clear_row);
}

static void
read_ids (HsGroupList *self)
{
  sqlite3_stmt *stmt;

  g_array_set_size (self->ids, 0);
  g_ptr_array_set_size (self->rows, 0);
  stmt = _hs_database_prepare (self->db,
                               "SELECT id FROM hgroup"
                               " WHERE (?1 = 0 OR district_id = ?1)"
                               " AND (?2 IS NULL OR setting = ?2)"
                               " AND (?3 IS NULL OR status = ?3)"
                               " ORDER BY status = 'running' DESC, status = 'planned' DESC,"
                               " name COLLATE NOCASE", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, self->district_id);
  sqlite3_bind_text (stmt, 2, self->setting, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, self->status, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (self->ids, id);
    }
  sqlite3_reset (stmt);
  g_ptr_array_set_size (self->rows, self->ids->len);
}

void
hs_group_list_reload (HsGroupList *self)
{
  guint before;

  g_return_if_fail (HS_IS_GROUP_LIST (self));

  before = self->ids->len;
  read_ids (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, before, self->ids->len);
}

HsGroupList *
hs_group_list_new (HsDatabase *db)
{
  HsGroupList *self = g_object_new (HS_TYPE_GROUP_LIST, NULL);

  self->db = g_object_ref (db);
  read_ids (self);
  return self;
}

void
hs_group_list_set_district (HsGroupList *self,
                            gint64       district_id)
{
  g_return_if_fail (HS_IS_GROUP_LIST (self));
  if (self->district_id == district_id)
    return;
  self->district_id = district_id;
  hs_group_list_reload (self);
}

static void
set_string (HsGroupList  *self,
            char        **field,
            const char   *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  hs_group_list_reload (self);
}

void
hs_group_list_set_setting (HsGroupList *self,
                           const char  *setting)
{
  g_return_if_fail (HS_IS_GROUP_LIST (self));
  set_string (self, &self->setting, setting);
}

void
hs_group_list_set_status (HsGroupList *self,
                          const char  *status)
{
  g_return_if_fail (HS_IS_GROUP_LIST (self));
  set_string (self, &self->status, status);
}

GStrv
hs_group_list_districts (HsDatabase  *db,
                         GArray     **ids)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  GArray *found = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  stmt = _hs_database_prepare (db,
                               "SELECT id, name FROM district WHERE id IN"
                               " (SELECT district_id FROM hgroup) ORDER BY name", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (found, id);
      g_strv_builder_add (names, (const char *) sqlite3_column_text (stmt, 1));
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
  if (ids != NULL)
    *ids = found;
  else
    g_array_unref (found);
  return g_strv_builder_end (names);
}
