/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs a fuzz harness over files, without libFuzzer: the corpus and every
 * input that once crashed become regression tests of the normal suite (and
 * of its sanitizer run). Usage: fuzz-NAME-replay FILE|DIR...; prints TAP. */
#include <glib.h>
#include <stdio.h>

#include "fuzz-common.h"

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char **) a, *(char **) b);
}

static void
collect (const char *path,
         GPtrArray  *files)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        if (name[0] != '.')
          g_ptr_array_add (names, g_build_filename (path, name, NULL));
      g_ptr_array_sort (names, compare_paths);
      for (guint i = 0; i < names->len; i++)
        g_ptr_array_add (files, g_strdup (names->pdata[i]));
    }
  else if (g_file_test (path, G_FILE_TEST_EXISTS))
    g_ptr_array_add (files, g_strdup (path));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  for (int i = 1; i < argc; i++)
    collect (argv[i], files);
  printf ("1..%u\n", files->len);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = files->pdata[i];
      g_autofree char *data = NULL;
      gsize size;

      if (!g_file_get_contents (path, &data, &size, NULL))
        {
          printf ("not ok %u - %s cannot be read\n", i + 1, path);
          continue;
        }
      LLVMFuzzerTestOneInput ((const uint8_t *) data, size);
      printf ("ok %u - %s\n", i + 1, path);
      fflush (stdout);
    }
  return 0;
}
