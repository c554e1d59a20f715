/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <string.h>

#include "hs-csv-import.h"
#include "hs-dhis2.h"
#include "hs-export.h"
#include "hs-participant.h"
#include "hs-xml.h"
#include "hs-sample-data.h"

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static HsDatabase *
open_fresh (const char *name)
{
  g_autofree char *path = tmp_path (name);
  g_autoptr(GError) error = NULL;
  HsDatabase *db;

  g_unlink (path);
  db = hs_database_open (path, &error);
  g_assert_no_error (error);
  return db;
}

static void
test_csv_cells (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "plain", "plain" },
    { "=1+2", "'=1+2" },
    { "+250788123456", "'+250788123456" },
    { "-3", "'-3" },
    { "@SUM(A1)", "'@SUM(A1)" },
    { "\tx", "\"'\tx\"" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "=HYPERLINK(\"x\";\"y\")", "\"'=HYPERLINK(\"\"x\"\";\"\"y\"\")\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      hs_export_append_csv_cell (out, cases[i].in);
      g_assert_cmpstr (out->str, ==, cases[i].out);
    }
}

/* The sample programme, filled once for every test (filling takes a while). */
static HsDatabase *
sample (void)
{
  static HsDatabase *db;
  g_autoptr(GError) error = NULL;

  if (db == NULL)
    {
      db = open_fresh ("sample.db");
      g_assert_true (hs_sample_data_fill (db, NULL, &error));
      g_assert_no_error (error);
    }
  return db;
}

/* Exported participants import into an empty database as the same people. */
static void
test_csv_round_trip (void)
{
  HsDatabase *db = sample ();
  g_autoptr(HsDatabase) copy = open_fresh ("copy.db");
  g_autofree char *path = tmp_path ("participants.csv");
  g_autofree char *contents = NULL;
  g_autoptr(HsCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  HsImportResult result;
  guint rows = 0;

  g_assert_true (hs_export_write (db, HS_EXPORT_PARTICIPANTS, HS_EXPORT_CSV, path, &rows,
                                  &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows, >, 800);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBFname,sex,birth_year,"));
  g_assert_nonnull (strstr (contents, "\r\n"));
  g_assert_null (strstr (contents, ",+250"));

  import = hs_csv_import_new (copy, path, &error);
  g_assert_no_error (error);
  g_assert_true (hs_csv_import_run (import, FALSE, HS_IMPORT_DUPLICATES_REPORT, FALSE, NULL,
                                    NULL, NULL, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.imported, ==, rows);
}

static char *
read_zip_member (const char *zip,
                 const char *member)
{
  const char *argv[] = { "/usr/bin/python3", "-c",
                         "import sys, zipfile; "
                         "sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2])"
                         ".decode())", zip, member, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_xlsx (void)
{
  HsDatabase *db = sample ();
  g_autofree char *path = tmp_path ("graduates.xlsx");
  g_autofree char *sheet = NULL;
  g_autofree char *styles = NULL;
  g_autoptr(GError) error = NULL;
  guint rows = 0;

  g_assert_true (hs_export_write (db, HS_EXPORT_GRADUATES, HS_EXPORT_XLSX, path, &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows, ==, 836);
  sheet = read_zip_member (path, "xl/worksheets/sheet1.xml");
  g_assert_nonnull (strstr (sheet, "state=\"frozen\""));
  g_assert_nonnull (strstr (sheet, "<autoFilter ref=\"A1:J837\"/>"));
  g_assert_nonnull (strstr (sheet, "customWidth=\"1\""));
  /* Birth years are numbers, not text. */
  g_assert_nonnull (strstr (sheet, "<c r=\"C2\"><v>"));
  styles = read_zip_member (path, "xl/styles.xml");
  g_assert_nonnull (strstr (styles, "formatCode=\"dd/mm/yyyy\""));
  g_assert_nonnull (strstr (styles, "<b/>"));
}

/* A person who withdrew consent is in none of the exports (Law 058/2021). */
static void
test_withdrawn_consent_not_exported (void)
{
  g_autoptr(HsDatabase) db = open_fresh ("consent.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(HsParticipant) person = NULL;
  g_autofree char *csv = tmp_path ("consent-participants.csv");
  g_autofree char *grads = tmp_path ("consent-graduates.csv");
  g_autofree char *xml = tmp_path ("consent.xml");
  g_autofree char *contents = NULL;
  guint rows = 0, graduates = 0;

  g_assert_true (hs_sample_data_fill (db, NULL, &error));
  person = hs_participant_load (db, 1, &error);
  g_assert_no_error (error);
  g_object_set (person, "consent-withdrawn", "2026-11-01", NULL);
  g_assert_true (hs_participant_save (person, db, &error));
  g_assert_no_error (error);

  g_assert_true (hs_export_write (db, HS_EXPORT_PARTICIPANTS, HS_EXPORT_CSV, csv, &rows, &error));
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_null (strstr (contents, hs_participant_get_uuid (person)));
  g_clear_pointer (&contents, g_free);

  /* Person 1 is a Musanze graduate: one fewer graduate in the file. */
  g_assert_true (hs_export_write (db, HS_EXPORT_GRADUATES, HS_EXPORT_CSV, grads, &graduates,
                                  &error));
  g_assert_cmpuint (graduates, ==, 835);

  g_assert_true (hs_xml_export (db, xml, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (xml, &contents, NULL, NULL));
  g_assert_null (strstr (contents, hs_participant_get_uuid (person)));
  g_assert_nonnull (strstr (contents, "<participant"));
}

static void
test_attendance_csv (void)
{
  HsDatabase *db = sample ();
  g_autofree char *path = tmp_path ("attendance.csv");
  g_autofree char *missing = tmp_path ("no/such/dir/a.csv");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  guint rows = 0;

  g_assert_true (hs_export_write (db, HS_EXPORT_ATTENDANCE, HS_EXPORT_CSV, path, &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows, >, 1000);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBFgroup,session,date,status,name,"));
  g_assert_false (hs_export_write (db, HS_EXPORT_ATTENDANCE, HS_EXPORT_CSV, missing, NULL,
                                   &error));
  g_assert_nonnull (error);
}

static void
test_dhis2_periods (void)
{
  static const struct { const char *period; const char *start; const char *end; } cases[] = {
    { "2026", "2026-01-01", "2026-12-31" },
    { "2026Q3", "2026-07-01", "2026-09-30" },
    { "2024Q1", "2024-01-01", "2024-03-31" },
    { "202402", "2024-02-01", "2024-02-29" },
    { "202612", "2026-12-01", "2026-12-31" },
  };
  static const char * const bad[] = { "2026Q5", "202613", "26Q1", "2026-07", "", "2026Q3x" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;

      g_assert_true (hs_dhis2_parse_period (cases[i].period, &start, &end, NULL));
      g_assert_cmpstr (start, ==, cases[i].start);
      g_assert_cmpstr (end, ==, cases[i].end);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      char *start = NULL, *end = NULL;

      g_assert_false (hs_dhis2_parse_period (bad[i], &start, &end, &error));
      g_assert_error (error, HS_DHIS2_ERROR, HS_DHIS2_ERROR_PERIOD);
    }
}

static gint64
sum_values (const char *document,
            const char *marker)
{
  gint64 total = 0;

  for (const char *p = strstr (document, marker); p != NULL; p = strstr (p + 1, marker))
    total += g_ascii_strtoll (p + strlen (marker), NULL, 10);
  return total;
}

static void
test_dhis2 (void)
{
  HsDatabase *db = sample ();
  static const char * const districts[] = { "Musanze", "Nyabihu", "Ngoma", "Nyagatare",
                                            "Nyamagabe" };
  static const char * const combos[] = { "F.youth", "F.adult", "M.youth", "M.adult" };
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *adx = NULL;
  g_autofree char *list = NULL;
  char *none;

  none = hs_dhis2_export (db, "2024", HS_DHIS2_DATA_VALUE_SET_JSON, &error);
  g_assert_null (none);
  g_assert_error (error, HS_DHIS2_ERROR, HS_DHIS2_ERROR_MAPPING);
  g_clear_error (&error);
  g_assert_false (hs_dhis2_set_mapping (db, "orgunit", "Musanze", "x\"/><evil", &error));
  g_clear_error (&error);
  g_assert_false (hs_dhis2_set_mapping (db, "orgunit", "Atlantis", "Ab345678901", &error));
  g_clear_error (&error);

  g_assert_true (hs_dhis2_set_mapping (db, "dataelement", "graduates", "Gradu000001", &error));
  for (guint i = 0; i < G_N_ELEMENTS (districts); i++)
    {
      g_autofree char *uid = g_strdup_printf ("OrgUnit%04u", i);
      g_assert_true (hs_dhis2_set_mapping (db, "orgunit", districts[i], uid, &error));
    }
  /* A combination left out is named in the error. */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *uid = g_strdup_printf ("Combo%06u", i);
      g_assert_true (hs_dhis2_set_mapping (db, "coc", combos[i], uid, &error));
    }
  none = hs_dhis2_export (db, "2024", HS_DHIS2_DATA_VALUE_SET_XML, &error);
  g_assert_null (none);
  g_assert_nonnull (strstr (error->message, "coc M.adult"));
  g_clear_error (&error);
  g_assert_true (hs_dhis2_set_mapping (db, "coc", "M.adult", "Combo000003", &error));
  g_assert_no_error (error);

  json = hs_dhis2_export (db, "2024", HS_DHIS2_DATA_VALUE_SET_JSON, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sum_values (json, "\"value\":\""), ==, 836);
  xml = hs_dhis2_export (db, "2024", HS_DHIS2_DATA_VALUE_SET_XML, &error);
  g_assert_cmpint (sum_values (xml, "value=\""), ==, 836);
  g_assert_nonnull (strstr (xml, "<dataValueSet xmlns=\"http://dhis2.org/schema/dxf/2.0\""));
  adx = hs_dhis2_export (db, "2024", HS_DHIS2_ADX, &error);
  g_assert_cmpint (sum_values (adx, "value=\""), ==, 836);
  g_assert_nonnull (strstr (adx, "period=\"2024-01-01/P1Y\""));
  list = hs_dhis2_list_mapping (db);
  g_assert_nonnull (strstr (list, "orgunit Musanze OrgUnit0000\n"));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("hs-export-XXXXXX", NULL);

  g_test_add_func ("/export/csv-cells", test_csv_cells);
  g_test_add_func ("/export/csv-round-trip", test_csv_round_trip);
  g_test_add_func ("/export/xlsx", test_xlsx);
  g_test_add_func ("/export/attendance-csv", test_attendance_csv);
  g_test_add_func ("/export/withdrawn-consent", test_withdrawn_consent_not_exported);
  g_test_add_func ("/export/dhis2/periods", test_dhis2_periods);
  g_test_add_func ("/export/dhis2", test_dhis2);

  status = g_test_run ();
  {
    const char *argv_rm[] = { "rm", "-rf", tmp_dir, NULL };
    g_spawn_sync (NULL, (char **) argv_rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                  NULL, NULL);
  }
  return status;
}
