/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-participant-list"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hs-participant-list.h"
#include "hs-participant-private.h"
#include "hs-participant.h"

/* Rows are read BLOCK_SIZE at a time with LIMIT/OFFSET; at most MAX_BLOCKS
 * stay in memory, enough for any window plus fast scrolling back. */
#define BLOCK_SIZE 128
#define MAX_BLOCKS 64

struct _HsParticipantList
{
  GObject            parent_instance;

  HsDatabase        *db;
  char              *match;
  gint64             district_id;
  char              *sex;
  char              *age_band;
  char              *setting;
  char              *outcome;
  char              *from;
  char              *to;
  char              *approach;
  gint64             facility_id;
  char              *category;
  HsParticipantSort  sort;
  gboolean           descending;

  gboolean           index_checked;
  guint              n_items;
  sqlite3_stmt      *page;
  GHashTable        *blocks;    /* block number → GPtrArray of HsParticipantRow */
};

static void hs_participant_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HsParticipantList, hs_participant_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      hs_participant_list_model_init))

/* Parameters: ?1 the FTS query, ?2 district, ?3 sex, ?4 age band, ?5 is
 * prisoner, ?6 outcome; ?7 and ?8 LIMIT and OFFSET; the scope: ?9 and ?10
 * the graduation dates, ?11 approach, ?12 facility, ?13 category. A condition is written
 * only when its filter is set, so that SQLite can use the right index. */
static const char select_columns[] =
  "SELECT p.id, p.full_name, p.sex, p.age_band, d.name, p.is_prisoner, g.id, g.name, m.outcome,"
  " p.consent_withdrawn IS NOT NULL";
static const char joins[] =
  " FROM participant p"
  " LEFT JOIN district d ON d.id = p.district_id"
  " LEFT JOIN membership m ON m.id ="
  "   (SELECT max (id) FROM membership WHERE participant_id = p.id)"
  " LEFT JOIN hgroup g ON g.id = m.group_id";

static const char * const sort_columns[] = {
  [HS_PARTICIPANT_SORT_NAME] = NULL,
  [HS_PARTICIPANT_SORT_SEX] = "p.sex",
  [HS_PARTICIPANT_SORT_AGE_BAND] = "p.age_band",
  /* District ids are in name order (hs-schema.c): an index scan, not a sort. */
  [HS_PARTICIPANT_SORT_DISTRICT] = "p.district_id",
  [HS_PARTICIPANT_SORT_SETTING] = "p.is_prisoner",
  [HS_PARTICIPANT_SORT_GROUP] = "g.name",
  [HS_PARTICIPANT_SORT_OUTCOME] = "m.outcome",
};

const char *
hs_participant_sex_label (const char *sex)
{
  if (g_strcmp0 (sex, "F") == 0)
    return C_("sex", "Female");
  if (g_strcmp0 (sex, "M") == 0)
    return C_("sex", "Male");
  return "";
}

const char *
hs_participant_outcome_label (const char *outcome)
{
  if (g_strcmp0 (outcome, "ongoing") == 0)
    return C_("outcome", "Ongoing");
  if (g_strcmp0 (outcome, "graduated") == 0)
    return C_("outcome", "Graduated");
  if (g_strcmp0 (outcome, "dropped") == 0)
    return C_("outcome", "Dropped out");
  if (g_strcmp0 (outcome, "transferred") == 0)
    return C_("outcome", "Transferred");
  return C_("outcome", "Not in a group");
}

static gboolean
all_digits (const char *word)
{
  return *word != '\0' && word[strspn (word, "0123456789")] == '\0';
}

/* Each word becomes a prefix query; phone numbers are stored as +2507…, so
 * a local 07… is looked for both ways, and so is 7… (the number typed
 * without its leading 0: "788123456"). Digits typed in groups ("0788 123
 * 456", an ID with spaces) are one number. Any bytes are accepted: the CLI
 * passes its argument as it came. */
char *
hs_participant_search_query (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *ascii = NULL;
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  GString *query;

  if (text == NULL)
    return NULL;
  valid = g_utf8_make_valid (text, -1);
  ascii = g_str_to_ascii (valid, "C");
  folded = g_ascii_strdown (ascii, -1);
  for (char *p = folded; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      *p = ' ';
  words = g_strsplit (folded, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      char *last = terms->len > 0 ? terms->pdata[terms->len - 1] : NULL;

      if (*words[i] == '\0')
        continue;
      if (last != NULL && all_digits (last) && all_digits (words[i]))
        {
          terms->pdata[terms->len - 1] = g_strconcat (last, words[i], NULL);
          g_free (last);
        }
      else
        g_ptr_array_add (terms, g_strdup (words[i]));
    }
  if (terms->len == 0)
    return NULL;

  query = g_string_new (NULL);
  for (guint i = 0; i < terms->len; i++)
    {
      const char *term = terms->pdata[i];

      /* FTS5 has an implicit AND between phrases only, not after a
       * parenthesised OR: "(…) \"123\"*" is a syntax error. */
      if (query->len > 0)
        g_string_append (query, " AND ");
      if (term[0] == '0' && term[1] != '\0' && all_digits (term))
        g_string_append_printf (query, "(\"%s\"* OR \"250%s\"*)", term, term + 1);
      else if (term[0] == '7' && term[1] != '\0' && all_digits (term))
        g_string_append_printf (query, "(\"%s\"* OR \"250%s\"*)", term, term);
      else
        g_string_append_printf (query, "\"%s\"*", term);
    }
  return g_string_free (query, FALSE);
}

static void
append_where (HsParticipantList *self,
              GString           *sql)
{
  const char *and = " WHERE ";

#define ADD(condition) G_STMT_START { g_string_append (sql, and); \
                                      g_string_append (sql, condition); and = " AND "; } G_STMT_END
  if (self->match != NULL)
    ADD ("p.id IN (SELECT rowid FROM participant_fts WHERE participant_fts MATCH ?1)");
  if (self->district_id != 0)
    ADD ("p.district_id = ?2");
  if (self->sex != NULL)
    ADD ("p.sex = ?3");
  if (self->age_band != NULL)
    ADD ("p.age_band = ?4");
  if (self->setting != NULL)
    ADD ("p.is_prisoner = ?5");
  if (g_strcmp0 (self->outcome, "none") == 0)
    ADD ("m.id IS NULL");
  else if (self->outcome != NULL)
    ADD ("m.outcome = ?6");
  if (self->from != NULL)
    ADD ("g.graduation_date >= ?9");
  if (self->to != NULL)
    ADD ("g.graduation_date <= ?10");
  if (self->approach != NULL)
    ADD ("g.approach = ?11");
  if (self->facility_id != 0)
    ADD ("g.facility_id = ?12");
  if (self->category != NULL)
    ADD ("p.category = ?13");
#undef ADD
}

static void
bind_filters (HsParticipantList *self,
              sqlite3_stmt      *stmt)
{
  /* Parameters a statement does not use are refused harmlessly (SQLITE_RANGE). */
  if (self->match != NULL)
    sqlite3_bind_text (stmt, 1, self->match, -1, SQLITE_TRANSIENT);
  if (self->district_id != 0)
    sqlite3_bind_int64 (stmt, 2, self->district_id);
  if (self->sex != NULL)
    sqlite3_bind_text (stmt, 3, self->sex, -1, SQLITE_TRANSIENT);
  if (self->age_band != NULL)
    sqlite3_bind_text (stmt, 4, self->age_band, -1, SQLITE_TRANSIENT);
  if (self->setting != NULL)
    sqlite3_bind_int (stmt, 5, g_str_equal (self->setting, "prison"));
  if (self->outcome != NULL)
    sqlite3_bind_text (stmt, 6, self->outcome, -1, SQLITE_TRANSIENT);
  if (self->from != NULL)
    sqlite3_bind_text (stmt, 9, self->from, -1, SQLITE_TRANSIENT);
  if (self->to != NULL)
    sqlite3_bind_text (stmt, 10, self->to, -1, SQLITE_TRANSIENT);
  if (self->approach != NULL)
    sqlite3_bind_text (stmt, 11, self->approach, -1, SQLITE_TRANSIENT);
  if (self->facility_id != 0)
    sqlite3_bind_int64 (stmt, 12, self->facility_id);
  if (self->category != NULL)
    sqlite3_bind_text (stmt, 13, self->category, -1, SQLITE_TRANSIENT);
}

static sqlite3_stmt *
prepare (HsParticipantList *self,
         const char        *sql)
{
  sqlite3 *handle = _hs_database_get_handle (self->db);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v3 (handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      g_warning ("Could not list participants: %s", sqlite3_errmsg (handle));
      return NULL;
    }
  bind_filters (self, stmt);
  return stmt;
}

/* The membership join is only needed to filter on the outcome or the
 * latest group. */
static guint
count_rows (HsParticipantList *self)
{
  g_autoptr(GString) sql = g_string_new ("SELECT count(*)");
  sqlite3_stmt *stmt;
  guint n = 0;

  if (self->outcome != NULL || self->from != NULL || self->to != NULL || self->approach != NULL
      || self->facility_id != 0)
    g_string_append (sql, joins);
  else
    g_string_append (sql, " FROM participant p");
  append_where (self, sql);
  stmt = prepare (self, sql->str);
  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) MIN (sqlite3_column_int64 (stmt, 0), G_MAXUINT - 1);
  sqlite3_finalize (stmt);
  return n;
}

static sqlite3_stmt *
prepare_page (HsParticipantList *self)
{
  g_autoptr(GString) sql = g_string_new (select_columns);
  const char *direction = self->descending ? " DESC" : "";

  g_string_append (sql, joins);
  append_where (self, sql);
  g_string_append (sql, " ORDER BY ");
  if (sort_columns[self->sort] != NULL)
    g_string_append_printf (sql, "%s%s, p.search_key, p.id", sort_columns[self->sort], direction);
  else
    g_string_append_printf (sql, "p.search_key%s, p.id%s", direction, direction);
  g_string_append (sql, " LIMIT ?7 OFFSET ?8");
  return prepare (self, sql->str);
}

static HsParticipantRow *
read_row (sqlite3_stmt *stmt)
{
  const char *sex = (const char *) sqlite3_column_text (stmt, 2);
  const char *age_band = (const char *) sqlite3_column_text (stmt, 3);
  gboolean prisoner = sqlite3_column_int (stmt, 5) != 0;
  const char *outcome = (const char *) sqlite3_column_text (stmt, 8);

  return _hs_participant_row_new (sqlite3_column_int64 (stmt, 0),
                                  (const char *) sqlite3_column_text (stmt, 1),
                                  sex, hs_participant_sex_label (sex),
                                  age_band, hs_age_band_label (age_band),
                                  (const char *) sqlite3_column_text (stmt, 4),
                                  prisoner,
                                  prisoner ? C_("setting", "Prison") : C_("setting", "Community"),
                                  sqlite3_column_int64 (stmt, 6),
                                  (const char *) sqlite3_column_text (stmt, 7),
                                  outcome, hs_participant_outcome_label (outcome),
                                  sqlite3_column_int (stmt, 9) != 0);
}

static GPtrArray *
read_block (HsParticipantList *self,
            guint              block)
{
  GPtrArray *rows = g_ptr_array_new_full (BLOCK_SIZE, g_object_unref);
  int rc;

  if (self->page == NULL)
    self->page = prepare_page (self);
  if (self->page == NULL)
    return rows;
  sqlite3_reset (self->page);
  sqlite3_bind_int (self->page, 7, BLOCK_SIZE);
  sqlite3_bind_int64 (self->page, 8, (gint64) block * BLOCK_SIZE);
  while ((rc = sqlite3_step (self->page)) == SQLITE_ROW)
    g_ptr_array_add (rows, read_row (self->page));
  if (rc != SQLITE_DONE)
    g_warning ("Could not list participants: %s",
               sqlite3_errmsg (_hs_database_get_handle (self->db)));
  sqlite3_reset (self->page);
  return rows;
}

static GType
hs_participant_list_get_item_type (GListModel *model)
{
  return HS_TYPE_PARTICIPANT_ROW;
}

static guint
hs_participant_list_get_n_items (GListModel *model)
{
  return HS_PARTICIPANT_LIST (model)->n_items;
}

static gpointer
hs_participant_list_get_item (GListModel *model,
                              guint       position)
{
  HsParticipantList *self = HS_PARTICIPANT_LIST (model);
  guint block = position / BLOCK_SIZE;
  GPtrArray *rows;

  if (position >= self->n_items)
    return NULL;
  rows = g_hash_table_lookup (self->blocks, GUINT_TO_POINTER (block));
  if (rows == NULL)
    {
      if (g_hash_table_size (self->blocks) >= MAX_BLOCKS)
        g_hash_table_remove_all (self->blocks);
      rows = read_block (self, block);
      g_hash_table_insert (self->blocks, GUINT_TO_POINTER (block), rows);
    }
  /* The table changed behind our back (another program); the next reload
   * brings the count in line. */
  if (position % BLOCK_SIZE >= rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (rows, position % BLOCK_SIZE));
}

static void
hs_participant_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = hs_participant_list_get_item_type;
  iface->get_n_items = hs_participant_list_get_n_items;
  iface->get_item = hs_participant_list_get_item;
}

static void
hs_participant_list_dispose (GObject *object)
{
  HsParticipantList *self = HS_PARTICIPANT_LIST (object);

  g_clear_pointer (&self->page, sqlite3_finalize);
  g_clear_pointer (&self->blocks, g_hash_table_unref);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (hs_participant_list_parent_class)->dispose (object);
}

static void
hs_participant_list_finalize (GObject *object)
{
  HsParticipantList *self = HS_PARTICIPANT_LIST (object);

  g_free (self->match);
  g_free (self->sex);
  g_free (self->age_band);
  g_free (self->setting);
  g_free (self->outcome);
  g_free (self->from);
  g_free (self->to);
  g_free (self->approach);
  g_free (self->category);

  G_OBJECT_CLASS (hs_participant_list_parent_class)->finalize (object);
}

static void
hs_participant_list_class_init (HsParticipantListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hs_participant_list_dispose;
  object_class->finalize = hs_participant_list_finalize;
}

static void
hs_participant_list_init (HsParticipantList *self)
{
  self->blocks = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

HsParticipantList *
hs_participant_list_new (HsDatabase *db)
{
  HsParticipantList *self;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  self = g_object_new (HS_TYPE_PARTICIPANT_LIST, NULL);
  self->db = g_object_ref (db);
  self->n_items = count_rows (self);
  return self;
}

HsDatabase *
hs_participant_list_get_database (HsParticipantList *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT_LIST (self), NULL);
  return self->db;
}

void
hs_participant_list_reload (HsParticipantList *self)
{
  g_autoptr(GError) error = NULL;
  guint removed;

  g_return_if_fail (HS_IS_PARTICIPANT_LIST (self));

  removed = self->n_items;
  /* An import since may have left people out of the search index. */
  if (self->match != NULL && !_hs_participant_index_catch_up (self->db, &error))
    g_warning ("The participant search index could not be completed: %s", error->message);
  g_clear_pointer (&self->page, sqlite3_finalize);
  g_hash_table_remove_all (self->blocks);
  self->n_items = count_rows (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->n_items);
}

/* Sets *@field to @value ("" counts as NULL); whether it changed. */
static gboolean
set_string (char       **field,
            const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
replace_string (HsParticipantList  *self,
                char              **field,
                const char         *value)
{
  if (set_string (field, value))
    hs_participant_list_reload (self);
}

void
hs_participant_list_set_search (HsParticipantList *self,
                                const char        *text)
{
  g_autofree char *match = NULL;

  g_return_if_fail (HS_IS_PARTICIPANT_LIST (self));

  match = hs_participant_search_query (text);
  /* The index is checked before the first search that uses it, not when
   * the list is made: two counts of a million rows (the docsize table read
   * from disk on a cold start) that an unsearched list never needs. */
  if (match != NULL && !self->index_checked)
    {
      g_autoptr(GError) error = NULL;

      if (!_hs_participant_index_check (self->db, &error))
        g_warning ("The participant search index could not be rebuilt: %s", error->message);
      self->index_checked = TRUE;
    }
  replace_string (self, &self->match, match);
}

void
hs_participant_list_set_district (HsParticipantList *self,
                                  gint64             district_id)
{
  g_return_if_fail (HS_IS_PARTICIPANT_LIST (self));

  if (self->district_id == district_id)
    return;
  self->district_id = district_id;
  hs_participant_list_reload (self);
}

void
hs_participant_list_set_sex (HsParticipantList *self,
                             const char        *sex)
{
  g_return_if_fail (HS_IS_PARTICIPANT_LIST (self));
  replace_string (self, &self->sex, sex);
}

void
hs_participant_list_set_age_band (HsParticipantList *self,
                                  const char        *age_band)
{
  g_return_if_fail (HS_IS_PARTICIPANT_LIST (self));
  replace_string (self, &self->age_band, age_band);
}

void
hs_participant_list_set_setting (HsParticipantList *self,
                                 const char        *setting)
{
  g_return_if_fail (HS_IS_PARTICIPANT_LIST (self));
  replace_string (self, &self->setting, setting);
}

void
hs_participant_list_set_outcome (HsParticipantList *self,
                                 const char        *outcome)
{
  g_return_if_fail (HS_IS_PARTICIPANT_LIST (self));
  replace_string (self, &self->outcome, outcome);
}

void
hs_participant_list_set_scope (HsParticipantList *self,
                               const char        *from,
                               const char        *to,
                               const char        *approach,
                               gint64             facility_id,
                               const char        *category)
{
  gboolean changed = FALSE;

  g_return_if_fail (HS_IS_PARTICIPANT_LIST (self));

  /* One count for the whole scope, and none when it stays as it was (a
   * bar of the district chart clears a scope that is already clear). */
  changed |= set_string (&self->from, from);
  changed |= set_string (&self->to, to);
  changed |= set_string (&self->approach, approach);
  changed |= set_string (&self->category, category);
  changed |= self->facility_id != facility_id;
  self->facility_id = facility_id;
  if (changed)
    hs_participant_list_reload (self);
}

void
hs_participant_list_set_sort (HsParticipantList *self,
                              HsParticipantSort  sort,
                              gboolean           descending)
{
  g_return_if_fail (HS_IS_PARTICIPANT_LIST (self));
  g_return_if_fail (sort <= HS_PARTICIPANT_SORT_OUTCOME);

  if (self->sort == sort && self->descending == descending)
    return;
  self->sort = sort;
  self->descending = descending;
  /* The same rows in another order: no need to count a million of them
   * again (that took 10 ms of the 11 a sort cost at 1M people). */
  g_clear_pointer (&self->page, sqlite3_finalize);
  g_hash_table_remove_all (self->blocks);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, self->n_items, self->n_items);
}

/* Reads positions block by block, so it costs what scrolling there would. */
guint
hs_participant_list_find (HsParticipantList *self,
                          gint64             id)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->n_items; i++)
    {
      g_autoptr(HsParticipantRow) row = g_list_model_get_item (G_LIST_MODEL (self), i);

      if (row != NULL && hs_participant_row_get_id (row) == id)
        return i;
    }
  return G_MAXUINT;
}
