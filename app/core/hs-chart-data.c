/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-chart-data"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "hs-chart-data.h"
#include "hs-database-private.h"

/* Trend charts switch from months to quarters beyond this many months. */
#define MAX_MONTHS 18

static const char * const kind_names[HS_CHART_N_KINDS] = {
  "district", "sex", "age", "category", "facility", "trend", "target", "target-district",
  "target-sex",
};

/* Display order and labels of the fixed keys. */
static const struct
{
  const char *key;
  const char *label;
} fixed_labels[] = {
  { "F", N_("Female") },
  { "M", N_("Male") },
  { "youth", N_("Youth") },
  { "adult", N_("Adults") },
  { "survivor", N_("Genocide survivors") },
  { "perpetrator", N_("Genocide perpetrators") },
  { "descendant", N_("Descendants of survivors or perpetrators") },
  { "convict", N_("Genocide convicts") },
  { "ex_combatant", N_("Ex-combatants") },
  { "returnee", N_("Returnees") },
  { "other", N_("Others") },
};

static const char from_where[] =
  " FROM membership m"
  " JOIN hgroup g ON g.id = m.group_id"
  " JOIN participant p ON p.id = m.participant_id"
  " JOIN district d ON d.id = g.district_id"
  " LEFT JOIN facility f ON f.id = g.facility_id"
  " WHERE m.outcome = 'graduated'"
  "  AND (?1 IS NULL OR g.graduation_date >= ?1)"
  "  AND (?2 IS NULL OR g.graduation_date <= ?2)"
  "  AND (?3 = 0 OR g.district_id = ?3)"
  "  AND (?4 IS NULL OR g.approach = ?4)"
  "  AND (?5 IS NULL OR g.setting = ?5)";

/* Per kind: the grouping key, the row id it stands for and extra
 * conditions. */
static const struct
{
  const char *key;
  const char *id;
  const char *where;
} kind_sql[HS_CHART_N_KINDS] = {
  [HS_CHART_KIND_DISTRICT] = { "d.name", "d.id", "" },
  [HS_CHART_KIND_SEX] = { "p.sex", "0", "" },
  [HS_CHART_KIND_AGE] = { "p.age_band", "0", "" },
  [HS_CHART_KIND_CATEGORY] = { "p.category", "0", "" },
  [HS_CHART_KIND_FACILITY] = { "f.name", "f.id", " AND g.setting = 'prison' AND f.id IS NOT NULL" },
  [HS_CHART_KIND_TREND] = { "substr (g.graduation_date, 1, 7)", "0",
                            " AND g.graduation_date IS NOT NULL" },
  [HS_CHART_KIND_TARGET] = { "'all'", "0", "" },
  [HS_CHART_KIND_TARGET_DISTRICT] = { "d.name", "d.id", "" },
  [HS_CHART_KIND_TARGET_SEX] = { "p.sex", "0", "" },
};

static const struct
{
  const char *sql[HS_CHART_MAX_SERIES];
  const char *labels[HS_CHART_MAX_SERIES];
  guint       n;
} split_sql[] = {
  [HS_CHART_SPLIT_NONE] = { { "0", "0" }, { N_("Graduates"), NULL }, 1 },
  [HS_CHART_SPLIT_SETTING] = { { "g.setting = 'community'", "g.setting = 'prison'" },
                               { N_("Community"), N_("Prison") }, 2 },
  [HS_CHART_SPLIT_SEX] = { { "p.sex = 'F'", "p.sex = 'M'" }, { N_("Female"), N_("Male") }, 2 },
};

const char *
hs_chart_kind_to_string (HsChartKind kind)
{
  g_return_val_if_fail (kind < HS_CHART_N_KINDS, NULL);
  return kind_names[kind];
}

gboolean
hs_chart_kind_from_string (const char  *name,
                           HsChartKind *kind)
{
  for (guint i = 0; i < HS_CHART_N_KINDS; i++)
    if (g_strcmp0 (name, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

HsChartSplit
hs_chart_kind_default_split (HsChartKind kind)
{
  return kind == HS_CHART_KIND_DISTRICT ? HS_CHART_SPLIT_SETTING : HS_CHART_SPLIT_NONE;
}

void
hs_chart_filter_clear (HsChartFilter *filter)
{
  g_clear_pointer (&filter->from, g_free);
  g_clear_pointer (&filter->to, g_free);
  g_clear_pointer (&filter->approach, g_free);
  g_clear_pointer (&filter->setting, g_free);
  filter->district_id = 0;
}

void
hs_chart_filter_copy (HsChartFilter       *dest,
                      const HsChartFilter *src)
{
  dest->from = g_strdup (src->from);
  dest->to = g_strdup (src->to);
  dest->district_id = src->district_id;
  dest->approach = g_strdup (src->approach);
  dest->setting = g_strdup (src->setting);
}

static void
chart_item_free (HsChartItem *item)
{
  g_free (item->key);
  g_free (item->label);
  g_free (item);
}

void
hs_chart_data_free (HsChartData *data)
{
  if (data == NULL)
    return;
  hs_chart_filter_clear (&data->filter);
  g_clear_pointer (&data->items, g_ptr_array_unref);
  g_free (data->district_name);
  g_free (data->first_date);
  g_free (data->last_date);
  g_free (data->target_name);
  g_free (data->target_start);
  g_free (data->target_end);
  g_free (data->reference_name);
  g_free (data);
}

guint
hs_chart_data_max (const HsChartData *data)
{
  guint max = 0;

  for (guint i = 0; i < data->items->len; i++)
    max = MAX (max, ((HsChartItem *) g_ptr_array_index (data->items, i))->total);
  return max;
}

static int
fixed_rank (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixed_labels); i++)
    if (g_strcmp0 (key, fixed_labels[i].key) == 0)
      return i;
  return G_N_ELEMENTS (fixed_labels);
}

static int
compare_fixed (gconstpointer a,
               gconstpointer b)
{
  const HsChartItem *x = *(HsChartItem **) a, *y = *(HsChartItem **) b;

  return fixed_rank (x->key) - fixed_rank (y->key);
}

static void
bind_filter (sqlite3_stmt        *stmt,
             const HsChartFilter *filter)
{
  sqlite3_bind_text (stmt, 1, filter->from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, filter->to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, filter->district_id);
  sqlite3_bind_text (stmt, 4, filter->approach, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, filter->setting, -1, SQLITE_TRANSIENT);
}

static void
set_str (char       **slot,
         const char  *value)
{
  g_free (*slot);
  *slot = g_strdup (value);
}

static void
widen_period (HsChartData *data,
              const char  *first,
              const char  *last)
{
  if (first != NULL && (data->first_date == NULL || strcmp (first, data->first_date) < 0))
    set_str (&data->first_date, first);
  if (last != NULL && (data->last_date == NULL || strcmp (last, data->last_date) > 0))
    set_str (&data->last_date, last);
}

void
hs_chart_data_item_scope (const HsChartData  *data,
                          guint               index,
                          char              **from,
                          char              **to,
                          gint64             *facility_id,
                          const char        **category)
{
  const HsChartItem *item;
  int year = 0, month = 0, quarter = 0, last_month;

  g_return_if_fail (data != NULL && index < data->items->len);

  item = g_ptr_array_index (data->items, index);
  *from = g_strdup (data->filter.from);
  *to = g_strdup (data->filter.to);
  *facility_id = data->kind == HS_CHART_KIND_FACILITY ? item->id : 0;
  *category = data->kind == HS_CHART_KIND_CATEGORY ? item->key : NULL;
  if (data->kind != HS_CHART_KIND_TREND)
    return;

  if (sscanf (item->key, "%4d-Q%1d", &year, &quarter) == 2 && quarter >= 1 && quarter <= 4)
    {
      month = quarter * 3 - 2;
      last_month = month + 2;
    }
  else if (sscanf (item->key, "%4d-%2d", &year, &month) == 2 && month >= 1 && month <= 12)
    last_month = month;
  else
    return;
  {
    g_autofree char *first = g_strdup_printf ("%04d-%02d-01", year, month);
    g_autofree char *last = g_strdup_printf ("%04d-%02d-%02d", year, last_month,
                                             g_date_get_days_in_month (last_month, year));

    if (*from == NULL || strcmp (first, *from) > 0)
      set_str (from, first);
    if (*to == NULL || strcmp (last, *to) < 0)
      set_str (to, last);
  }
}

static gboolean
query_items (HsDatabase           *db,
             HsChartData          *data,
             const HsChartFilter  *filter,
             GError              **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  sql = g_strdup_printf ("SELECT %s, %s, count (*), sum (%s), sum (%s),"
                         " min (g.graduation_date), max (g.graduation_date)%s%s"
                         " GROUP BY 1 ORDER BY 1",
                         kind_sql[data->kind].key, kind_sql[data->kind].id,
                         split_sql[data->split].sql[0], split_sql[data->split].sql[1],
                         from_where, kind_sql[data->kind].where);
  if ((stmt = _hs_database_prepare (db, sql, error)) == NULL)
    return FALSE;
  bind_filter (stmt, filter);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HsChartItem *item = g_new0 (HsChartItem, 1);
      const char *key = (const char *) sqlite3_column_text (stmt, 0);

      item->key = g_strdup (key != NULL ? key : "");
      item->id = sqlite3_column_int64 (stmt, 1);
      item->total = sqlite3_column_int (stmt, 2);
      if (data->n_series > 1)
        for (guint s = 0; s < HS_CHART_MAX_SERIES; s++)
          item->values[s] = sqlite3_column_int (stmt, 3 + s);
      else
        item->values[0] = item->total;
      widen_period (data, (const char *) sqlite3_column_text (stmt, 5),
                    (const char *) sqlite3_column_text (stmt, 6));
      data->total += item->total;
      g_ptr_array_add (data->items, item);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _hs_database_set_error (db, error, _("Counting graduates for a chart"));
      return FALSE;
    }
  return TRUE;
}

static void
label_items (HsChartData *data)
{
  for (guint i = 0; i < data->items->len; i++)
    {
      HsChartItem *item = g_ptr_array_index (data->items, i);
      int rank = fixed_rank (item->key);

      if (data->kind == HS_CHART_KIND_TREND)
        continue;
      if (rank < (int) G_N_ELEMENTS (fixed_labels) && data->kind != HS_CHART_KIND_DISTRICT
          && data->kind != HS_CHART_KIND_FACILITY
          && data->kind != HS_CHART_KIND_TARGET_DISTRICT)
        {
          item->label = g_strdup (fixed_labels[rank].label);
          item->translatable = TRUE;
        }
      else
        item->label = g_strdup (item->key);
    }
  if (data->kind == HS_CHART_KIND_SEX || data->kind == HS_CHART_KIND_AGE
      || data->kind == HS_CHART_KIND_CATEGORY || data->kind == HS_CHART_KIND_TARGET_SEX)
    g_ptr_array_sort (data->items, compare_fixed);
}

static int
month_index (const char *key)
{
  int year = 0, month = 0;

  if (sscanf (key, "%d-%d", &year, &month) != 2)
    return -1;
  return year * 12 + month - 1;
}

/* A time axis has no holes: months (or quarters) without graduations are
 * there with zero. */
static void
fill_periods (HsChartData *data)
{
  g_autoptr(GPtrArray) months = data->items;
  int first, last;

  data->items = g_ptr_array_new_with_free_func ((GDestroyNotify) chart_item_free);
  if (months->len == 0)
    return;
  first = month_index (((HsChartItem *) g_ptr_array_index (months, 0))->key);
  last = month_index (((HsChartItem *) g_ptr_array_index (months, months->len - 1))->key);
  if (first < 0 || last < first)
    return;
  data->by_quarter = last - first + 1 > MAX_MONTHS;
  if (data->by_quarter)
    {
      first -= first % 3;
      last -= last % 3;
    }
  for (int m = first, step = data->by_quarter ? 3 : 1; m <= last; m += step)
    {
      HsChartItem *item = g_new0 (HsChartItem, 1);

      item->key = data->by_quarter ? g_strdup_printf ("%04d-Q%d", m / 12, m % 12 / 3 + 1)
                                   : g_strdup_printf ("%04d-%02d", m / 12, m % 12 + 1);
      for (guint i = 0; i < months->len; i++)
        {
          const HsChartItem *month = g_ptr_array_index (months, i);
          int index = month_index (month->key);

          if (index < m || index >= m + step)
            continue;
          item->total += month->total;
          for (guint s = 0; s < HS_CHART_MAX_SERIES; s++)
            item->values[s] += month->values[s];
        }
      g_ptr_array_add (data->items, item);
    }
}

static gboolean
query_target (HsDatabase   *db,
              HsChartData  *data,
              GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _hs_database_prepare (db,
                               "SELECT name, value, start_date, end_date, metric = 'people'"
                               " FROM target WHERE past = 0"
                               "  AND (district_id IS NULL OR district_id = ?1)"
                               " ORDER BY district_id IS NULL, id LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->filter.district_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      data->target_name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      data->target = sqlite3_column_int (stmt, 1);
      data->target_start = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      data->target_end = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      data->target_people = sqlite3_column_int (stmt, 4) != 0;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _hs_database_set_error (db, error, _("Reading the programme target"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_district_name (HsDatabase   *db,
                     HsChartData  *data,
                     GError      **error)
{
  sqlite3_stmt *stmt = _hs_database_prepare (db, "SELECT name FROM district WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->filter.district_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    data->district_name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return TRUE;
}

/* Only graduations inside the target's period count towards it. */
static void
narrow_to_target (const HsChartData *data,
                  HsChartFilter     *filter)
{
  if (data->target_start != NULL
      && (filter->from == NULL || strcmp (data->target_start, filter->from) > 0))
    set_str (&filter->from, data->target_start);
  if (data->target_end != NULL
      && (filter->to == NULL || strcmp (data->target_end, filter->to) < 0))
    set_str (&filter->to, data->target_end);
}

static gboolean
is_progress (HsChartKind kind)
{
  return kind == HS_CHART_KIND_TARGET || kind == HS_CHART_KIND_TARGET_DISTRICT
         || kind == HS_CHART_KIND_TARGET_SEX;
}

static HsChartItem *
find_item (HsChartData *data,
           const char  *key)
{
  for (guint i = 0; i < data->items->len; i++)
    {
      HsChartItem *item = g_ptr_array_index (data->items, i);

      if (g_strcmp0 (item->key, key) == 0)
        return item;
    }
  return NULL;
}

static HsChartItem *
find_or_add_item (HsChartData *data,
                  const char  *key,
                  gint64       id)
{
  HsChartItem *item = find_item (data, key);

  if (item != NULL)
    return item;
  item = g_new0 (HsChartItem, 1);
  item->key = g_strdup (key);
  item->id = id;
  g_ptr_array_add (data->items, item);
  return item;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const HsChartItem *x = *(HsChartItem **) a;
  const HsChartItem *y = *(HsChartItem **) b;

  return g_utf8_collate (x->key, y->key);
}

/* People reached: everyone who joined a group that started in the period
 * (graduated, still in it or not), by the chart's key. */
static gboolean
query_reached (HsDatabase           *db,
               HsChartData          *data,
               const HsChartFilter  *filter,
               GError              **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  sql = g_strdup_printf ("SELECT %s, %s, count (DISTINCT m.participant_id) FROM membership m"
                         " JOIN hgroup g ON g.id = m.group_id"
                         " JOIN participant p ON p.id = m.participant_id"
                         " JOIN district d ON d.id = g.district_id"
                         " WHERE (?1 IS NULL OR g.start_date >= ?1)"
                         "  AND (?2 IS NULL OR g.start_date <= ?2)"
                         "  AND (?3 = 0 OR g.district_id = ?3)"
                         "  AND (?4 IS NULL OR g.approach = ?4)"
                         "  AND (?5 IS NULL OR g.setting = ?5)"
                         " GROUP BY 1", kind_sql[data->kind].key, kind_sql[data->kind].id);
  if ((stmt = _hs_database_prepare (db, sql, error)) == NULL)
    return FALSE;
  bind_filter (stmt, filter);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);

      find_or_add_item (data, key != NULL ? key : "", sqlite3_column_int64 (stmt, 1))->reached =
        sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _hs_database_set_error (db, error, _("Counting the people reached"));
      return FALSE;
    }
  return TRUE;
}

/* Each district's own current target (the newest if several),
 * and a past programme's figure in the same district. A district with a
 * target but no graduates yet is there with 0. */
static gboolean
fill_district_targets (HsDatabase   *db,
                       HsChartData  *data,
                       GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _hs_database_prepare (db,
                               "SELECT d.name, d.id, t.past, t.value, t.name,"
                               " t.metric = 'people' FROM target t"
                               " JOIN district d ON d.id = t.district_id"
                               " WHERE (?1 = 0 OR t.district_id = ?1)"
                               " ORDER BY t.past, t.start_date, t.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->filter.district_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      gboolean past = sqlite3_column_int (stmt, 2) != 0;
      HsChartItem *item;

      /* Current targets come first; a past programme in a district with
       * neither graduates nor a target is no yardstick for this chart. */
      item = past ? find_item (data, key)
                  : find_or_add_item (data, key, sqlite3_column_int64 (stmt, 1));
      if (item == NULL)
        continue;
      if (past)
        {
          item->reference = sqlite3_column_int (stmt, 3);
          set_str (&data->reference_name, (const char *) sqlite3_column_text (stmt, 4));
        }
      else
        {
          item->target = sqlite3_column_int (stmt, 3);
          item->people_target = sqlite3_column_int (stmt, 5) != 0;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _hs_database_set_error (db, error, _("Reading the programme target"));
      return FALSE;
    }
  g_ptr_array_sort (data->items, compare_keys);
  return TRUE;
}

/* Women and men against the current target's split by sex (the
 * district's own before the programme's, the newest first), and the
 * latest past programme that counted them (the Bugesera pilot). */
static gboolean
fill_sex_targets (HsDatabase   *db,
                  HsChartData  *data,
                  GError      **error)
{
  HsChartItem *female = find_or_add_item (data, "F", 0);
  HsChartItem *male = find_or_add_item (data, "M", 0);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _hs_database_prepare (db,
                               "SELECT past, female, male, name, metric = 'people' FROM target"
                               " WHERE female IS NOT NULL AND male IS NOT NULL"
                               "  AND (past = 1 OR district_id IS NULL OR district_id = ?1)"
                               " ORDER BY past, district_id IS NULL, start_date DESC, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->filter.district_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean past = sqlite3_column_int (stmt, 0) != 0;

      if (past && data->reference_name == NULL)
        {
          female->reference = sqlite3_column_int (stmt, 1);
          male->reference = sqlite3_column_int (stmt, 2);
          data->reference_name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
        }
      else if (!past && female->target == 0 && male->target == 0)
        {
          female->target = sqlite3_column_int (stmt, 1);
          male->target = sqlite3_column_int (stmt, 2);
          female->people_target = male->people_target = sqlite3_column_int (stmt, 4) != 0;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _hs_database_set_error (db, error, _("Reading the programme target"));
      return FALSE;
    }
  return TRUE;
}

HsChartData *
hs_chart_data_query (HsDatabase           *db,
                     HsChartKind           kind,
                     HsChartSplit          split,
                     const HsChartFilter  *filter,
                     GError              **error)
{
  g_autoptr(HsChartData) data = g_new0 (HsChartData, 1);
  HsChartFilter counted = { NULL };
  gboolean ok;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (kind < HS_CHART_N_KINDS, NULL);
  g_return_val_if_fail (split <= HS_CHART_SPLIT_SEX, NULL);

  if (is_progress (kind))
    split = HS_CHART_SPLIT_NONE;
  data->kind = kind;
  data->split = split;
  if (filter != NULL)
    hs_chart_filter_copy (&data->filter, filter);
  data->n_series = split_sql[split].n;
  for (guint s = 0; s < data->n_series; s++)
    data->series[s] = split_sql[split].labels[s];
  data->items = g_ptr_array_new_with_free_func ((GDestroyNotify) chart_item_free);

  if (data->filter.district_id > 0 && !query_district_name (db, data, error))
    return NULL;
  if (is_progress (kind) && !query_target (db, data, error))
    return NULL;
  hs_chart_filter_copy (&counted, &data->filter);
  if (is_progress (kind))
    narrow_to_target (data, &counted);
  ok = query_items (db, data, &counted, error)
       && (!is_progress (kind) || query_reached (db, data, &counted, error));
  for (guint i = 0; ok && is_progress (kind) && i < data->items->len; i++)
    data->reached += ((HsChartItem *) g_ptr_array_index (data->items, i))->reached;
  hs_chart_filter_clear (&counted);
  if (!ok
      || (kind == HS_CHART_KIND_TARGET_DISTRICT && !fill_district_targets (db, data, error))
      || (kind == HS_CHART_KIND_TARGET_SEX && !fill_sex_targets (db, data, error)))
    return NULL;

  if (kind == HS_CHART_KIND_TREND)
    fill_periods (data);
  else
    label_items (data);
  return g_steal_pointer (&data);
}

static void
append_csv_cell (GString    *out,
                 const char *text)
{
  gboolean quote = strpbrk (text, ",\"\r\n") != NULL;
  gboolean formula = text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;

  if (!quote)
    {
      g_string_append (out, formula ? "'" : "");
      g_string_append (out, text);
      return;
    }
  g_string_append (out, formula ? "\"'" : "\"");
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
breakdown_row_free (HsBreakdownRow *row)
{
  g_free (row->district);
  g_free (row->setting);
  g_free (row->sex);
  g_free (row->age_band);
  g_free (row);
}

GPtrArray *
hs_chart_data_breakdown (HsDatabase           *db,
                         const HsChartFilter  *filter,
                         GError              **error)
{
  static const HsChartFilter no_filter = { NULL };
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                breakdown_row_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  sql = g_strconcat ("SELECT d.name, g.setting, p.sex, p.age_band, count (*)", from_where,
                     " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4", NULL);
  if ((stmt = _hs_database_prepare (db, sql, error)) == NULL)
    return NULL;
  bind_filter (stmt, filter != NULL ? filter : &no_filter);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HsBreakdownRow *row = g_new0 (HsBreakdownRow, 1);

      row->district = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row->setting = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->sex = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      row->age_band = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      row->graduates = sqlite3_column_int (stmt, 4);
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _hs_database_set_error (db, error, _("Counting graduates for a table"));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

char *
hs_chart_data_breakdown_csv (HsDatabase           *db,
                             const HsChartFilter  *filter,
                             GError              **error)
{
  g_autoptr(GPtrArray) rows = hs_chart_data_breakdown (db, filter, error);
  GString *out;

  if (rows == NULL)
    return NULL;
  out = g_string_new ("\xef\xbb\xbf" "district,setting,sex,age_band,graduates\r\n");
  for (guint i = 0; i < rows->len; i++)
    {
      const HsBreakdownRow *row = g_ptr_array_index (rows, i);
      const char *cells[] = { row->district, row->setting, row->sex, row->age_band };

      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        {
          append_csv_cell (out, cells[c] != NULL ? cells[c] : "");
          g_string_append_c (out, ',');
        }
      g_string_append_printf (out, "%u\r\n", row->graduates);
    }
  return g_string_free (out, FALSE);
}

static char *
target_json (HsDatabase *db,
             gint64      id)
{
  return _hs_database_row_json (db, "target", id);
}

gboolean
hs_target_add (HsDatabase  *db,
               const char  *name,
               const char  *metric,
               guint        value,
               gint64       district_id,
               const char  *start_date,
               const char  *end_date,
               GError     **error)
{
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;
  gint64 id = 0;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (name != NULL && metric != NULL, FALSE);

  if (!_hs_database_write_begin (db, error))
    return FALSE;
  stmt = _hs_database_prepare (db,
                               "INSERT INTO target (name, metric, value, district_id, start_date,"
                               " end_date) VALUES (?, ?, ?, ?, ?, ?)", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, metric, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, value);
      if (district_id > 0)
        sqlite3_bind_int64 (stmt, 4, district_id);
      sqlite3_bind_text (stmt, 5, start_date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, end_date, -1, SQLITE_TRANSIENT);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      if (!ok)
        _hs_database_set_error (db, error, _("Saving a programme target"));
      sqlite3_reset (stmt);
      id = sqlite3_last_insert_rowid (_hs_database_get_handle (db));
    }
  if (ok)
    {
      after = target_json (db, id);
      ok = _hs_database_audit (db, HS_AUDIT_INSERT, "target", id, NULL, after, error);
    }
  return _hs_database_write_end (db, ok, error);
}
