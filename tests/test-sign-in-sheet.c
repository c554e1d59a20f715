/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-sign-in-sheet"

#include <glib/gstdio.h>
#include <string.h>

#include "hs-graduation.h"
#include "hs-group-list.h"
#include "hs-i18n.h"
#include "hs-participant.h"
#include "hs-sample-data.h"
#include "hs-schedule.h"
#include "hs-sign-in-sheet.h"

/* The sheet of the next session of a running sample group: one page, its
 * members' names, both languages' headings. */
static void
test_pdf (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hs-test-sheet-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "test.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "sheet.pdf", NULL);
  g_autoptr(HsDatabase) db = hs_database_open (path, &error);
  g_autoptr(HsGroupList) list = NULL;
  g_autoptr(HsGroupRow) row = NULL;
  g_autoptr(HsAttendanceGrid) grid = NULL;
  g_autoptr(HsSignInSheet) sheet = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  HsMemberStanding *first;

  g_assert_no_error (error);
  g_assert_true (hs_sample_data_fill (db, NULL, &error));
  list = hs_group_list_new (db);
  hs_group_list_set_status (list, "running");
  row = g_list_model_get_item (G_LIST_MODEL (list), 0);
  grid = hs_attendance_grid_load (db, hs_group_row_get_id (row), &error);
  g_assert_no_error (error);
  /* The second member asked to be erased. */
  g_assert_cmpuint (grid->members->len, >=, 2);
  g_assert_true (hs_participant_erase (db, ((HsMemberStanding *)
                                            g_ptr_array_index (grid->members, 1))->participant_id,
                                       &error));
  g_assert_no_error (error);
  sheet = hs_sign_in_sheet_load (db, g_array_index (grid->sessions, HsGridSession,
                                                    hs_group_row_get_held (row)).id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hs_sign_in_sheet_get_n_pages (sheet), ==, 1);
  g_assert_true (hs_sign_in_sheet_write_pdf (sheet, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));

  if (pdftotext != NULL)
    {
      const char *argv[] = { pdftotext, pdf, "-", NULL };
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                                   NULL, &text, NULL, &status, &error));
      first = g_ptr_array_index (grid->members, 0);
      g_assert_nonnull (strstr (text, first->full_name));
      g_assert_nonnull (strstr (text, hs_group_row_get_name (row)));
      g_assert_nonnull (strstr (text, "Signature"));
      g_assert_nonnull (strstr (text, "Attendance sheet"));
      g_assert_nonnull (strstr (text, "Urutonde rw'ubwitabire"));
      /* The erased member's line says so in both languages, not "[erased]". */
      g_assert_nonnull (strstr (text, "Idosiye yasibwe burundu / Erased record"));
      g_assert_null (strstr (text, HS_PARTICIPANT_ERASED_NAME));

      /* A sheet in one language has none of the other's words. */
      for (guint i = 0; i < 2; i++)
        {
          const char *language = i == 0 ? "en" : "rw";
          const char *wanted = i == 0 ? "Attendance sheet" : "Urutonde rw'ubwitabire";
          const char *unwanted = i == 0 ? "Urutonde rw'ubwitabire" : "Attendance sheet";
          g_autofree char *one = NULL;

          hs_sign_in_sheet_set_language (sheet, language);
          g_assert_true (hs_sign_in_sheet_write_pdf (sheet, pdf, &error));
          g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                                       NULL, NULL, &one, NULL, &status, &error));
          g_assert_nonnull (strstr (one, wanted));
          g_assert_null (strstr (one, unwanted));
          g_assert_null (strstr (one, i == 0 ? "Umukono" : "Signature"));
          g_assert_nonnull (strstr (one, i == 0 ? "Erased record" : "Idosiye yasibwe burundu"));
          g_assert_null (strstr (one, i == 0 ? "Idosiye yasibwe" : "Erased record"));
        }
    }
  g_clear_object (&db);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_remove (file);
      }
  }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  hs_i18n_init (NULL);   /* the sheet reads the catalogue the build made */
  g_test_add_func ("/report/sign-in-sheet/pdf", test_pdf);
  return g_test_run ();
}
