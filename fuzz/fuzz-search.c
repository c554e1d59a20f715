/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a coordinator types in the search entry (or passes to
 * `participants list --search`), as any bytes: the normaliser must give a
 * query that SQLite's FTS5 accepts, and the list must answer it. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz-common.h"
#include "hs-database-private.h"
#include "hs-participant-list.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static HsParticipantList *list;
  HsDatabase *db = fuzz_database ();
  sqlite3 *handle = _hs_database_get_handle (db);
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *query = hs_participant_search_query (text);
  sqlite3_stmt *stmt;
  int rc;

  if (query != NULL)
    {
      if (sqlite3_prepare_v2 (handle, "SELECT count(*) FROM participant_fts "
                              "WHERE participant_fts MATCH ?", -1, &stmt, NULL) != SQLITE_OK)
        abort ();
      sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          fprintf (stderr, "fuzz: FTS5 refuses the query %s: %s\n", query,
                   sqlite3_errmsg (handle));
          abort ();
        }
      sqlite3_finalize (stmt);
    }

  if (list == NULL)
    list = hs_participant_list_new (db);
  hs_participant_list_set_search (list, text);
  if (g_list_model_get_n_items (G_LIST_MODEL (list)) > 0)
    {
      g_autoptr(GObject) first = g_list_model_get_item (G_LIST_MODEL (list), 0);

      if (first == NULL)
        {
          fprintf (stderr, "fuzz: the list has a count but no first row\n");
          abort ();
        }
    }
  return 0;
}
