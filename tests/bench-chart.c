/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <cairo.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "hs-chart.h"
#include "hs-sample-data.h"

/* How long redrawing the district chart at 1920×1080 takes, against half a
 * 60 Hz frame (8.3 ms). Prints the figures; it asserts nothing, as timings
 * depend on the machine. */
int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hs-bench-chart-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(HsDatabase) db = NULL;
  g_autoptr(HsChartData) data = NULL;
  cairo_surface_t *surface;
  HsChartStyle style;
  const int runs = 200;
  const double budget = 1000.0 / 60 / 2;
  gint64 start, end;

  setlocale (LC_ALL, "");
  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.db", NULL);
  db = hs_database_open (path, &error);
  if (db == NULL || !hs_sample_data_fill (db, NULL, &error)
      || (data = hs_chart_data_query (db, HS_CHART_KIND_DISTRICT, HS_CHART_SPLIT_SETTING, NULL,
                                      &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  hs_chart_style_init (&style);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  for (int pass = 0; pass < 2; pass++)
    {
      start = g_get_monotonic_time ();
      for (int i = 0; i < (pass == 0 ? 10 : runs); i++)
        {
          cairo_t *cr = cairo_create (surface);

          hs_chart_draw_district (cr, 1920, 1080, data, &style);
          cairo_destroy (cr);
          cairo_surface_flush (surface);
        }
      end = g_get_monotonic_time ();
    }
  cairo_surface_destroy (surface);

  {
    double ms = (end - start) / 1000.0 / runs;

    g_print ("district chart 1920x1080: %.2f ms per redraw; half a 60 Hz frame is %.2f ms; "
             "ratio %.2f (%s)\n", ms, budget, ms / budget, ms <= budget ? "within" : "OVER");
  }
  g_clear_object (&db);
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
