/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-dhis2"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "hs-database-private.h"
#include "hs-dhis2.h"

G_DEFINE_QUARK (hs-dhis2-error-quark, hs_dhis2_error)

static const char * const kinds[] = { "orgunit", "dataelement", "coc", "dataset", NULL };

static gboolean
is_uid (const char *uid)
{
  if (uid == NULL || strlen (uid) != 11 || !g_ascii_isalpha (uid[0]))
    return FALSE;
  for (int i = 1; i < 11; i++)
    {
      if (!g_ascii_isalnum (uid[i]))
        return FALSE;
    }
  return TRUE;
}

gboolean
hs_dhis2_set_mapping (HsDatabase  *db,
                      const char  *kind,
                      const char  *key,
                      const char  *uid,
                      GError     **error)
{
  g_autofree char *setting = NULL;

  if (!g_strv_contains (kinds, kind))
    {
      g_set_error (error, HS_DHIS2_ERROR, HS_DHIS2_ERROR_MAPPING,
                   _("“%s” is not something to map: use orgunit, dataelement, coc or dataset."),
                   kind);
      return FALSE;
    }
  if (uid != NULL && !is_uid (uid))
    {
      g_set_error (error, HS_DHIS2_ERROR, HS_DHIS2_ERROR_MAPPING,
                   _("“%s” is not a DHIS2 UID: it has 11 letters and digits and starts with a "
                     "letter (copy it from DHIS2's maintenance app)."), uid);
      return FALSE;
    }
  if (g_str_equal (kind, "orgunit") && hs_database_find_district (db, key) == 0)
    {
      g_set_error (error, HS_DHIS2_ERROR, HS_DHIS2_ERROR_MAPPING,
                   _("“%s” is not one of Rwanda's 30 districts."), key);
      return FALSE;
    }
  setting = g_str_equal (kind, "dataset") ? g_strdup ("dhis2.dataset")
                                          : g_strdup_printf ("dhis2.%s.%s", kind, key);
  return hs_database_set_setting (db, setting, uid, error);
}

char *
hs_dhis2_list_mapping (HsDatabase *db)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = _hs_database_prepare (db,
                                             "SELECT key, value FROM setting WHERE key LIKE"
                                             " 'dhis2.%' AND value IS NOT NULL ORDER BY key",
                                             NULL);

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *key = g_strdup ((const char *) sqlite3_column_text (stmt, 0) + 6);
      char *dot = strchr (key, '.');

      if (dot != NULL)
        *dot = ' ';
      g_string_append_printf (out, "%s %s\n", key, sqlite3_column_text (stmt, 1));
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return g_string_free (out, FALSE);
}

/* Periods ------------------------------------------------------------------ */

typedef struct
{
  int         year, first_month, months;
  char       *start, *end;
} Period;

static gboolean
parse_period (const char  *text,
              Period      *period,
              GError     **error)
{
  unsigned year = 0, part = 0;
  char tail;
  GDate last;

  memset (period, 0, sizeof *period);
  if (text != NULL && strlen (text) == 4 && sscanf (text, "%4u%c", &year, &tail) == 1)
    {
      period->first_month = 1;
      period->months = 12;
    }
  else if (text != NULL && strlen (text) == 6 && sscanf (text, "%4uQ%1u%c", &year, &part, &tail)
           == 2 && part >= 1 && part <= 4)
    {
      period->first_month = 3 * (int) part - 2;
      period->months = 3;
    }
  else if (text != NULL && strlen (text) == 6 && text[4] != 'Q'
           && sscanf (text, "%4u%2u%c", &year, &part, &tail) == 2 && part >= 1 && part <= 12)
    {
      period->first_month = (int) part;
      period->months = 1;
    }
  if (period->months == 0 || year < 1900 || year > 9999)
    {
      g_set_error (error, HS_DHIS2_ERROR, HS_DHIS2_ERROR_PERIOD,
                   _("“%s” is not a DHIS2 period: write a year (2026), a quarter (2026Q3) or a "
                     "month (202607)."), text ? text : "");
      return FALSE;
    }
  period->year = (int) year;
  g_date_clear (&last, 1);
  g_date_set_dmy (&last, 1, period->first_month, period->year);
  g_date_add_months (&last, period->months);
  g_date_subtract_days (&last, 1);
  period->start = g_strdup_printf ("%04d-%02d-01", period->year, period->first_month);
  period->end = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&last),
                                 g_date_get_month (&last), g_date_get_day (&last));
  return TRUE;
}

gboolean
hs_dhis2_parse_period (const char  *text,
                       char       **start,
                       char       **end,
                       GError     **error)
{
  Period period;

  if (!parse_period (text, &period, error))
    return FALSE;
  *start = period.start;
  *end = period.end;
  return TRUE;
}

/* Export ------------------------------------------------------------------- */

typedef struct
{
  char *district;
  char *sex;
  char *age_band;
  char *org_unit;
  char *coc;
  gint64 value;
} Value;

static void
value_free (Value *value)
{
  g_free (value->district);
  g_free (value->sex);
  g_free (value->age_band);
  g_free (value->org_unit);
  g_free (value->coc);
  g_free (value);
}

static char *
mapped (HsDatabase *db,
        const char *kind,
        const char *key)
{
  g_autofree char *setting = key ? g_strdup_printf ("dhis2.%s.%s", kind, key)
                                 : g_strdup_printf ("dhis2.%s", kind);

  g_autofree char *uid = hs_database_get_setting (db, setting);

  /* Anything else (edited by hand) counts as not mapped: the UIDs go into
   * the documents unescaped. */
  return is_uid (uid) ? g_steal_pointer (&uid) : NULL;
}

char *
hs_dhis2_get_mapping (HsDatabase *db,
                      const char *kind,
                      const char *key)
{
  g_autofree char *setting = NULL;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  setting = key != NULL && !g_str_equal (kind, "dataset")
            ? g_strdup_printf ("dhis2.%s.%s", kind, key) : g_strdup_printf ("dhis2.%s", kind);
  return hs_database_get_setting (db, setting);
}

GStrv
hs_dhis2_dup_districts (HsDatabase *db)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  stmt = _hs_database_prepare (db, "SELECT name FROM district ORDER BY province, name", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return g_strv_builder_end (builder);
}

/* Every missing UID, so that one round of mapping is enough. */
static GPtrArray *
query_values (HsDatabase    *db,
              const Period  *period,
              GError       **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func ((GDestroyNotify) value_free);
  g_autoptr(GString) missing = g_string_new (NULL);
  sqlite3_stmt *stmt;

  stmt = _hs_database_prepare (db,
                               "SELECT d.name, p.sex, p.age_band, count(*)"
                               " FROM membership m JOIN participant p ON p.id = m.participant_id"
                               " JOIN hgroup g ON g.id = m.group_id"
                               " JOIN district d ON d.id = g.district_id"
                               " WHERE m.outcome = 'graduated'"
                               " AND COALESCE (m.left_date, g.graduation_date) BETWEEN ?1 AND ?2"
                               " GROUP BY d.name, p.sex, p.age_band ORDER BY 1, 2, 3", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, period->start, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, period->end, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Value *value = g_new0 (Value, 1);
      g_autofree char *combo = NULL;

      value->district = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      value->sex = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      value->age_band = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      value->value = sqlite3_column_int64 (stmt, 3);
      combo = g_strdup_printf ("%s.%s", value->sex, value->age_band);
      value->org_unit = mapped (db, "orgunit", value->district);
      value->coc = mapped (db, "coc", combo);
      if (value->org_unit == NULL && strstr (missing->str, value->district) == NULL)
        g_string_append_printf (missing, "\n  orgunit %s", value->district);
      if (value->coc == NULL && strstr (missing->str, combo) == NULL)
        g_string_append_printf (missing, "\n  coc %s", combo);
      g_ptr_array_add (values, value);
    }
  sqlite3_reset (stmt);
  if (missing->len > 0)
    {
      g_set_error (error, HS_DHIS2_ERROR, HS_DHIS2_ERROR_MAPPING,
                   _("These have no DHIS2 UID yet; map them first (healing-spaces-cli "
                     "dhis2-map KIND KEY UID):%s"), missing->str);
      return NULL;
    }
  return g_steal_pointer (&values);
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static char *
write_json (const char *period,
            const char *data_set,
            const char *element,
            GPtrArray  *values)
{
  GString *out = g_string_new ("{");

  if (data_set != NULL)
    {
      g_string_append (out, "\"dataSet\":");
      append_json_string (out, data_set);
      g_string_append_c (out, ',');
    }
  g_string_append (out, "\"period\":");
  append_json_string (out, period);
  g_string_append (out, ",\"dataValues\":[");
  for (guint i = 0; i < values->len; i++)
    {
      Value *value = g_ptr_array_index (values, i);

      g_string_append_printf (out, "%s{\"dataElement\":", i > 0 ? "," : "");
      append_json_string (out, element);
      g_string_append (out, ",\"period\":");
      append_json_string (out, period);
      g_string_append (out, ",\"orgUnit\":");
      append_json_string (out, value->org_unit);
      g_string_append (out, ",\"categoryOptionCombo\":");
      append_json_string (out, value->coc);
      g_string_append_printf (out, ",\"value\":\"%" G_GINT64_FORMAT "\"}", value->value);
    }
  g_string_append (out, "]}\n");
  return g_string_free (out, FALSE);
}

/* UIDs are letters and digits, so none needs escaping in an attribute. */
static char *
write_xml (const char *period,
           const char *data_set,
           const char *element,
           GPtrArray  *values)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<dataValueSet xmlns=\"http://dhis2.org/schema/dxf/2.0\"");

  if (data_set != NULL)
    g_string_append_printf (out, " dataSet=\"%s\"", data_set);
  g_string_append_printf (out, " period=\"%s\">\n", period);
  for (guint i = 0; i < values->len; i++)
    {
      Value *value = g_ptr_array_index (values, i);

      g_string_append_printf (out, "  <dataValue dataElement=\"%s\" period=\"%s\" orgUnit=\"%s\""
                              " categoryOptionCombo=\"%s\" value=\"%" G_GINT64_FORMAT "\"/>\n",
                              element, period, value->org_unit, value->coc, value->value);
    }
  g_string_append (out, "</dataValueSet>\n");
  return g_string_free (out, FALSE);
}

/* ADX names the period as start/duration and the disaggregation by
 * category attributes; one group per organisation unit. */
static char *
write_adx (const Period *period,
           const char   *data_set,
           const char   *element,
           GPtrArray    *values)
{
  g_autofree char *now = _hs_database_now ();
  g_autofree char *iso_period = g_strdup_printf ("%s/P%d%s", period->start,
                                                 period->months == 12 ? 1 : period->months,
                                                 period->months == 12 ? "Y" : "M");
  GString *out = g_string_new (NULL);
  const char *open_unit = NULL;

  g_string_append_printf (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<adx xmlns=\"urn:ihe:qrph:adx:2015\" exported=\"%s\">\n", now);
  for (guint i = 0; i < values->len; i++)
    {
      Value *value = g_ptr_array_index (values, i);

      if (g_strcmp0 (open_unit, value->org_unit) != 0)
        {
          if (open_unit != NULL)
            g_string_append (out, "  </group>\n");
          g_string_append_printf (out, "  <group orgUnit=\"%s\" period=\"%s\"", value->org_unit,
                                  iso_period);
          if (data_set != NULL)
            g_string_append_printf (out, " dataSet=\"%s\"", data_set);
          g_string_append (out, ">\n");
          open_unit = value->org_unit;
        }
      g_string_append_printf (out, "    <dataValue dataElement=\"%s\" sex=\"%s\" age_band=\"%s\""
                              " value=\"%" G_GINT64_FORMAT "\"/>\n",
                              element, value->sex, value->age_band, value->value);
    }
  if (open_unit != NULL)
    g_string_append (out, "  </group>\n");
  g_string_append (out, "</adx>\n");
  return g_string_free (out, FALSE);
}

char *
hs_dhis2_export (HsDatabase     *db,
                 const char     *period_text,
                 HsDhis2Format   format,
                 GError        **error)
{
  g_autoptr(GPtrArray) values = NULL;
  g_autofree char *element = NULL;
  g_autofree char *data_set = NULL;
  Period period;
  char *document = NULL;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  if (!parse_period (period_text, &period, error))
    return NULL;
  element = mapped (db, "dataelement", "graduates");
  data_set = mapped (db, "dataset", NULL);
  if (element == NULL)
    g_set_error (error, HS_DHIS2_ERROR, HS_DHIS2_ERROR_MAPPING,
                 _("The data element for graduates has no DHIS2 UID yet; map it first "
                   "(healing-spaces-cli dhis2-map dataelement graduates UID)."));
  else if ((values = query_values (db, &period, error)) != NULL)
    {
      if (format == HS_DHIS2_DATA_VALUE_SET_JSON)
        document = write_json (period_text, data_set, element, values);
      else if (format == HS_DHIS2_DATA_VALUE_SET_XML)
        document = write_xml (period_text, data_set, element, values);
      else
        document = write_adx (&period, data_set, element, values);
    }
  g_free (period.start);
  g_free (period.end);
  return document;
}
