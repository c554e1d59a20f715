/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The CSV importer on any bytes: detection, header matching, the check and
 * a dry run of the import, with every duplicate policy. Nothing may crash,
 * and the database must be exactly as before. */
#include "fuzz-common.h"
#include "hs-csv-import.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  HsDatabase *db = fuzz_database ();
  const char *path = fuzz_write_input (data, size, ".csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) preview = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  HsImportResult result = { 0 };
  HsCsvImport *import;

  import = hs_csv_import_new (db, path, &error);
  if (import == NULL)
    return 0;
  preview = hs_csv_import_preview (import, 5, NULL);
  if (hs_csv_import_check_columns (import, NULL))
    {
      /* The last byte picks the policy, so the fuzzer reaches all four. */
      HsImportDuplicates policy = size > 0 ? data[size - 1] % 4 : HS_IMPORT_DUPLICATES_REPORT;

      hs_csv_import_run (import, size % 2 == 0, policy, TRUE, NULL, NULL, NULL, &result,
                         &problems, NULL);
    }
  hs_csv_import_free (import);
  fuzz_assert_unchanged (db, "a dry-run CSV import");
  return 0;
}
