/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The office-to-office XML merge on any bytes, as a dry run: the streaming
 * reader, the XSD check and the merge. Nothing may crash, no entity may be
 * expanded, and the database must be exactly as before. */
#include "fuzz-common.h"
#include "hs-xml.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  HsDatabase *db = fuzz_database ();
  const char *path = fuzz_write_input (data, size, ".xml");
  g_autoptr(GPtrArray) conflicts = NULL;
  HsMergeResult result = { 0 };

  hs_xml_merge (db, path, TRUE, &result, &conflicts, NULL);
  fuzz_assert_unchanged (db, "a dry-run XML merge");
  return 0;
}
