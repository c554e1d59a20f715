/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <cairo.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "hs-chart-export.h"
#include "hs-report-i18n.h"
#include "hs-sample-data.h"

/* Rendering tests without a display: the sample programme drawn to PNG,
 * SVG and PDF, measured in pixels and read back as text. */

static char *tmp_dir;
static HsDatabase *sample_db;
static gboolean have_catalog;

static const struct
{
  const char *name;
  guint       graduates;
  guint       community;
  guint       prison;
} districts[] = {
  { "Musanze", 178, 132, 46 },
  { "Ngoma", 135, 90, 45 },
  { "Nyabihu", 147, 147, 0 },
  { "Nyagatare", 186, 146, 40 },
  { "Nyamagabe", 190, 148, 42 },
};

static HsChartData *
query (HsChartKind          kind,
       HsChartSplit         split,
       const HsChartFilter *filter)
{
  g_autoptr(GError) error = NULL;
  HsChartData *data = hs_chart_data_query (sample_db, kind, split, filter, &error);

  g_assert_no_error (error);
  g_assert_nonnull (data);
  return data;
}

static const HsChartItem *
find_item (const HsChartData *data,
           const char        *key)
{
  for (guint i = 0; i < data->items->len; i++)
    if (g_str_equal (((HsChartItem *) g_ptr_array_index (data->items, i))->key, key))
      return g_ptr_array_index (data->items, i);
  return NULL;
}

static void
test_data_district (void)
{
  g_autoptr(HsChartData) data = query (HS_CHART_KIND_DISTRICT, HS_CHART_SPLIT_SETTING, NULL);

  g_assert_cmpuint (data->total, ==, 836);
  g_assert_cmpuint (data->items->len, ==, G_N_ELEMENTS (districts));
  g_assert_cmpuint (data->n_series, ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (districts); i++)
    {
      const HsChartItem *item = g_ptr_array_index (data->items, i);

      g_assert_cmpstr (item->label, ==, districts[i].name);
      g_assert_cmpuint (item->total, ==, districts[i].graduates);
      g_assert_cmpuint (item->values[0], ==, districts[i].community);
      g_assert_cmpuint (item->values[1], ==, districts[i].prison);
      g_assert_cmpint (item->id, >, 0);
    }
}

static void
test_data_kinds (void)
{
  g_autoptr(HsChartData) sex = query (HS_CHART_KIND_SEX, HS_CHART_SPLIT_NONE, NULL);
  g_autoptr(HsChartData) age = query (HS_CHART_KIND_AGE, HS_CHART_SPLIT_NONE, NULL);
  g_autoptr(HsChartData) category = query (HS_CHART_KIND_CATEGORY, HS_CHART_SPLIT_SEX, NULL);
  g_autoptr(HsChartData) facility = query (HS_CHART_KIND_FACILITY, HS_CHART_SPLIT_SEX, NULL);
  g_autoptr(HsChartData) trend = query (HS_CHART_KIND_TREND, HS_CHART_SPLIT_SETTING, NULL);
  g_autoptr(HsChartData) target = query (HS_CHART_KIND_TARGET, HS_CHART_SPLIT_NONE, NULL);
  guint sum = 0;

  g_assert_cmpstr (((HsChartItem *) g_ptr_array_index (sex->items, 0))->key, ==, "F");
  g_assert_cmpuint (find_item (sex, "F")->total, ==, 489);
  g_assert_cmpuint (find_item (sex, "M")->total, ==, 347);
  g_assert_cmpstr (((HsChartItem *) g_ptr_array_index (age->items, 0))->key, ==, "youth");
  g_assert_cmpuint (find_item (age, "youth")->total, ==, 327);
  g_assert_cmpuint (find_item (age, "adult")->total, ==, 509);
  g_assert_cmpuint (category->total, ==, 836);
  for (guint i = 0; i < category->items->len; i++)
    {
      const HsChartItem *item = g_ptr_array_index (category->items, i);

      g_assert_true (item->translatable);
      g_assert_cmpuint (item->values[0] + item->values[1], ==, item->total);
    }
  g_assert_cmpuint (facility->total, ==, 173);
  g_assert_cmpuint (facility->items->len, ==, 4);
  g_assert_cmpuint (find_item (facility, "Musanze Prison")->total, ==, 46);
  for (guint i = 0; i < facility->items->len; i++)
    {
      const HsChartItem *item = g_ptr_array_index (facility->items, i);
      sum += item->values[0];
    }
  g_assert_cmpuint (sum, ==, 119);
  g_assert_cmpuint (trend->total, ==, 836);
  g_assert_false (trend->by_quarter);
  g_assert_cmpstr (trend->first_date, <=, trend->last_date);
  g_assert_true (g_str_has_prefix (trend->first_date, "2024-"));
  /* Months without graduations are on the axis too. */
  sum = 0;
  for (guint i = 0; i < trend->items->len; i++)
    sum += ((HsChartItem *) g_ptr_array_index (trend->items, i))->total;
  g_assert_cmpuint (sum, ==, 836);
  g_assert_cmpuint (target->target, ==, 20000);
  g_assert_cmpuint (target->total, ==, 836);
  g_assert_cmpstr (target->target_start, ==, "2024-01-01");
  /* Screen readers and SVG descriptions: the figure once, against the goal. */
  {
    g_autofree char *words = hs_chart_describe (target, "en");

    g_assert_cmpstr (words, ==, "836 / 20,000");
  }
}

static void
test_data_filter (void)
{
  HsChartFilter filter = { NULL };
  g_autoptr(HsChartData) musanze = NULL;
  g_autoptr(HsChartData) prison = NULL;
  g_autoptr(HsChartData) none = NULL;

  filter.district_id = hs_database_find_district (sample_db, "Musanze");
  musanze = query (HS_CHART_KIND_SEX, HS_CHART_SPLIT_SETTING, &filter);
  g_assert_cmpuint (musanze->total, ==, 178);
  g_assert_cmpstr (musanze->district_name, ==, "Musanze");

  filter.district_id = 0;
  filter.setting = g_strdup ("prison");
  prison = query (HS_CHART_KIND_DISTRICT, HS_CHART_SPLIT_SETTING, &filter);
  g_assert_cmpuint (prison->total, ==, 173);
  g_assert_cmpuint (prison->items->len, ==, 4);

  filter.from = g_strdup ("2030-01-01");
  none = query (HS_CHART_KIND_TREND, HS_CHART_SPLIT_NONE, &filter);
  g_assert_cmpuint (none->total, ==, 0);
  g_assert_cmpuint (none->items->len, ==, 0);
  hs_chart_filter_clear (&filter);
}

static void
test_breakdown_csv (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = hs_chart_data_breakdown_csv (sample_db, NULL, &error);
  g_auto(GStrv) lines = NULL;
  guint sum = 0;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv, "\xef\xbb\xbf"
                                        "district,setting,sex,age_band,graduates\r\n"));
  lines = g_strsplit (csv, "\r\n", -1);
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    sum += atoi (strrchr (lines[i], ',') + 1);
  g_assert_cmpuint (sum, ==, 836);
}

static void
test_tables (void)
{
  g_autoptr(HsChartData) data = query (HS_CHART_KIND_DISTRICT, HS_CHART_SPLIT_SETTING, NULL);
  g_autoptr(GPtrArray) rows = hs_chart_data_breakdown (sample_db, NULL, NULL);
  g_autofree char *csv = hs_chart_to_table (data, "en", HS_CHART_TABLE_CSV);
  g_autofree char *tsv = hs_chart_to_table (data, "en", HS_CHART_TABLE_TSV);
  g_autofree char *breakdown = hs_breakdown_to_table (rows, "en", HS_CHART_TABLE_CSV);
  HsChartItem *first = g_ptr_array_index (data->items, 0);

  g_assert_true (g_str_has_prefix (csv, "\xef\xbb\xbf" "District,Community,Prison,Graduates\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nMusanze,132,46,178\r\n"));
  g_assert_true (g_str_has_suffix (csv, "\r\nTotal,663,173,836\r\n"));
  g_assert_true (g_str_has_prefix (tsv, "District\tCommunity\tPrison\tGraduates\n"));
  g_assert_nonnull (strstr (breakdown, "\r\nMusanze,Prison,Female,Adults,32\r\n"));
  g_assert_true (g_str_has_suffix (breakdown, "Total,,,,836\r\n"));

  /* A name that a spreadsheet would run as a formula is kept as text. */
  g_free (first->label);
  first->label = g_strdup ("=HYPERLINK(\"x\",\"y\")");
  g_clear_pointer (&csv, g_free);
  csv = hs_chart_to_table (data, "en", HS_CHART_TABLE_CSV);
  g_assert_nonnull (strstr (csv, "\r\n\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\",132,46,178\r\n"));
}

static void
test_i18n (void)
{
  g_autofree char *rw = hs_report_format_count ("rw", 20000);
  g_autofree char *en = hs_report_format_count ("en", 20000);
  g_autofree char *small = hs_report_format_count ("rw", 836);
  g_autofree char *date_en = hs_report_format_date ("en", "2024-03-15");
  const char *before = g_getenv ("LANGUAGE");

  g_assert_cmpstr (rw, ==, "20\u00a0000");
  g_assert_cmpstr (en, ==, "20,000");
  g_assert_cmpstr (small, ==, "836");
  g_assert_cmpstr (date_en, ==, "15 March 2024");
  g_assert_cmpstr (hs_report_gettext ("en", "Graduates by district"), ==,
                   "Graduates by district");
  if (!have_catalog)
    {
      g_test_skip ("msgfmt is not installed");
      return;
    }
  {
    g_autofree char *date_rw = hs_report_format_date ("rw", "2024-03-15");

    g_assert_cmpstr (date_rw, ==, "15 Werurwe 2024");
  }
  g_assert_cmpstr (hs_report_month_name ("rw", 1), ==, "Mutarama");
  g_assert_cmpstr (hs_report_gettext ("rw", "Graduates"), ==, "Abasoje");
  g_assert_cmpstr (hs_report_gettext ("rw", "Graduates by district"), !=,
                   "Graduates by district");
  /* The window's language is left as it was. */
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, before);
  g_assert_cmpstr (_("Graduates"), ==, "Graduates");
}

static cairo_surface_t *
render_png (const HsChartData  *data,
            const HsChartStyle *style,
            int                 width,
            int                 height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  hs_chart_draw (cr, width, height, data, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static gboolean
is_bar_pixel (const guint8 *row,
              int           x)
{
  guint32 pixel = ((const guint32 *) row)[x];
  int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

  /* Okabe–Ito blue (community) and orange (prison). */
  return (abs (r - 0) < 40 && abs (g - 114) < 40 && abs (b - 178) < 40)
         || (abs (r - 230) < 40 && abs (g - 159) < 40 && abs (b - 0) < 40);
}

/* Finds the bars from the pixels alone: the lowest row with bar colour is
 * the baseline; runs of bar colour on it are the bars; each is followed up
 * along its left side (the value labels are in the middle). */
static guint
measure_bars (cairo_surface_t *surface,
              double          *heights,
              guint            max_bars)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *pixels = cairo_image_surface_get_data (surface);
  int base = -1;
  guint n = 0;

  for (int y = height - 1; y >= 0 && base < 0; y--)
    {
      int count = 0;

      for (int x = 0; x < width; x++)
        count += is_bar_pixel (pixels + y * stride, x);
      if (count > 100)
        base = y;
    }
  g_assert_cmpint (base, >, 0);
  for (int x = 0; x < width; x++)
    {
      int start = x, y;

      if (!is_bar_pixel (pixels + base * stride, x))
        continue;
      while (x < width && is_bar_pixel (pixels + base * stride, x))
        x++;
      if (x - start < 10 || n >= max_bars)
        continue;
      /* A row where two segments meet is a blend of both colours. */
      for (y = base; y >= 1 && (is_bar_pixel (pixels + y * stride, start + 4)
                                || is_bar_pixel (pixels + (y - 1) * stride, start + 4)); y--)
        ;
      heights[n++] = base - y;
    }
  return n;
}

static void
test_png_bar_heights (void)
{
  g_autoptr(HsChartData) data = query (HS_CHART_KIND_DISTRICT, HS_CHART_SPLIT_SETTING, NULL);
  HsChartStyle style;
  cairo_surface_t *surface;
  double heights[8] = { 0 };
  guint n;

  hs_chart_style_init (&style);
  surface = render_png (data, &style, 1920, 1080);
  n = measure_bars (surface, heights, G_N_ELEMENTS (heights));
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (districts));
  /* Nyamagabe (190) against Nyabihu (147), within a pixel or so. */
  g_assert_cmpfloat (fabs (heights[4] / heights[2] - 190.0 / 147.0), <, 0.01);
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat (fabs (heights[i] / heights[4] - districts[i].graduates / 190.0), <, 0.01);
  if (g_getenv ("HS_CHART_DUMP") != NULL)
    cairo_surface_write_to_png (surface, g_getenv ("HS_CHART_DUMP"));
  cairo_surface_destroy (surface);
}

/* Draws with no background on an unbounded surface, so that anything
 * outside the page would show in the ink extents. */
static void
assert_inside (const HsChartData  *data,
               const HsChartStyle *style,
               double              width,
               double              height)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  HsChartStyle clear = *style;
  double x, y, w, h, margin = MIN (width, height) / 200;

  clear.transparent = TRUE;
  hs_chart_draw (cr, width, height, data, &clear);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (surface, &x, &y, &w, &h);
  cairo_surface_destroy (surface);
  if (x < margin || y < margin || x + w > width - margin || y + h > height - margin)
    g_error ("%s (%s, %s) at %.0f×%.0f draws from (%.1f, %.1f) to (%.1f, %.1f)",
             hs_chart_kind_to_string (data->kind), style->language,
             style->theme == HS_CHART_DARK ? "dark" : "light", width, height, x, y, x + w, y + h);
}

/* HS_CHART_DUMP_DIR=dir writes every chart there as PNG, to look at. */
static void
dump_png (const HsChartData  *data,
          const HsChartStyle *style,
          double              width,
          double              height)
{
  cairo_surface_t *surface = render_png (data, style, (int) width, (int) height);
  g_autofree char *name = g_strdup_printf ("%s-%s-%s-%.0fx%.0f.png",
                                           hs_chart_kind_to_string (data->kind), style->language,
                                           style->theme == HS_CHART_DARK ? "dark" : "light",
                                           width, height);
  g_autofree char *path = g_build_filename (g_getenv ("HS_CHART_DUMP_DIR"), name, NULL);

  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static void
test_inside_surface (void)
{
  static const double sizes[][2] = { { 1920, 1080 }, { 841.89, 595.28 }, { 595.28, 841.89 },
                                     { 480, 320 } };
  static const char * const languages[] = { "en", "rw" };

  for (HsChartKind kind = 0; kind < HS_CHART_N_KINDS; kind++)
    {
      g_autoptr(HsChartData) data = query (kind, hs_chart_kind_default_split (kind), NULL);

      for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
        for (guint t = 0; t < 2; t++)
          for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
            {
              HsChartStyle style;

              hs_chart_style_init (&style);
              style.language = languages[l];
              style.theme = t;
              style.organisation = "Interpeace";
              style.date = "2026-11-26";
              assert_inside (data, &style, sizes[s][0], sizes[s][1]);
              if (g_getenv ("HS_CHART_DUMP_DIR") != NULL && s < 2)
                dump_png (data, &style, sizes[s][0], sizes[s][1]);
            }
    }
}

static HsChartData *
make_long_labels (void)
{
  static const char * const labels[] = {
    "Abakomoka ku barokotse cyangwa ku bakoze Jenoside bo mu murenge wa Kinigi",
    "Abahoze ari abarwanyi batahutse bavuye mu mashyamba ya Kongo",
    "Abakatiwe ibyaha bya Jenoside barangije ibihano byabo",
    "Abarokotse Jenoside yakorewe Abatutsi mu 1994",
    "Abandi",
    "Abatahutse",
    "Urubyiruko rw'abanyeshuri",
  };
  HsChartData *data = g_new0 (HsChartData, 1);

  data->kind = HS_CHART_KIND_CATEGORY;
  data->n_series = 1;
  data->series[0] = "Graduates";
  data->items = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      HsChartItem *item = g_new0 (HsChartItem, 1);

      item->key = g_strdup_printf ("k%u", i);
      item->label = g_strdup (labels[i]);
      item->total = item->values[0] = 100 + 37 * i;
      data->total += item->total;
      g_ptr_array_add (data->items, item);
    }
  g_ptr_array_set_free_func (data->items, NULL);
  return data;
}

static void
free_long_labels (HsChartData *data)
{
  for (guint i = 0; i < data->items->len; i++)
    {
      HsChartItem *item = g_ptr_array_index (data->items, i);

      g_free (item->key);
      g_free (item->label);
      g_free (item);
    }
  g_ptr_array_set_size (data->items, 0);
  hs_chart_data_free (data);
}

static char *
pdf_text (const char *path)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-raw", path, "-", NULL };
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    return NULL;
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* The chart in Kinyarwanda stays inside a 1920×1080, an A4 and a small
 * surface; returns the text of its PDF (NULL without pdftotext). */
static char *
rw_inside_then_pdf_text (HsChartData *data,
                         const char  *name)
{
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  HsChartStyle style;

  hs_chart_style_init (&style);
  style.language = "rw";
  assert_inside (data, &style, 1920, 1080);
  assert_inside (data, &style, 841.89, 595.28);
  assert_inside (data, &style, 640, 360);

  g_ptr_array_add (charts, data);
  g_assert_true (hs_chart_export (charts, &style, HS_CHART_FORMAT_PDF, 1920, 1080, path, &error));
  g_assert_no_error (error);
  return pdf_text (path);
}

/* Nineteen quarters in Kinyarwanda ("Igihembwe cya 2 2021"): the axis
 * labels every second bar, counted from the last, instead of shrinking
 * every label to a size nobody reads; nothing leaves the page. */
static void
test_thinned_time_axis (void)
{
  HsChartData *data = g_new0 (HsChartData, 1);
  g_autofree char *text = NULL;

  data->kind = HS_CHART_KIND_TREND;
  data->by_quarter = TRUE;
  data->n_series = 1;
  data->series[0] = "Graduates";
  data->items = g_ptr_array_new ();
  for (int q = 2021 * 4 + 1; q <= 2025 * 4 + 3; q++)
    {
      HsChartItem *item = g_new0 (HsChartItem, 1);

      item->key = g_strdup_printf ("%d-Q%d", q / 4, q % 4 + 1);
      item->total = item->values[0] = 140 + q % 7;
      data->total += item->total;
      g_ptr_array_add (data->items, item);
    }
  g_assert_cmpuint (data->items->len, ==, 19);
  text = rw_inside_then_pdf_text (data, "quarters.pdf");
  if (!have_catalog || text == NULL)
    g_test_skip ("no rw catalog or no pdftotext");
  else
    {
      g_assert_nonnull (strstr (text, "Igihembwe"));
      g_assert_nonnull (strstr (text, "cya 3 2025"));
      g_assert_null (strstr (text, "cya 4 2025"));
      g_assert_nonnull (strstr (text, "cya 3 2021"));
      g_assert_null (strstr (text, "cya 2 2021"));
    }
  free_long_labels (data);
}

/* Filtered to the community, no bar has a prison part: the legend does not
 * offer one. */
static void
test_legend_filter (void)
{
  HsChartFilter filter = { .setting = (char *) "community" };
  g_autoptr(HsChartData) data = query (HS_CHART_KIND_DISTRICT, HS_CHART_SPLIT_SETTING, &filter);
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();
  g_autofree char *path = g_build_filename (tmp_dir, "community.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  HsChartStyle style;

  hs_chart_style_init (&style);
  g_ptr_array_add (charts, data);
  g_assert_true (hs_chart_export (charts, &style, HS_CHART_FORMAT_PDF, 841.89, 595.28, path,
                                  &error));
  g_assert_no_error (error);
  if ((text = pdf_text (path)) == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_assert_nonnull (strstr (text, "Community"));
  g_assert_null (strstr (text, "Prison"));
}

/* A progress chart filtered to a district and a half year names the
 * district once, the target's period and the period it counts. */
static void
test_target_subtitle (void)
{
  HsChartFilter filter = { .from = (char *) "2024-01-01", .to = (char *) "2024-06-30" };
  g_autoptr(HsChartData) data = NULL;
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();
  g_autofree char *path = g_build_filename (tmp_dir, "target.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  HsChartStyle style;
  const char *musanze;

  filter.district_id = hs_database_find_district (sample_db, "Musanze");
  data = query (HS_CHART_KIND_TARGET, HS_CHART_SPLIT_NONE, &filter);
  hs_chart_style_init (&style);
  g_ptr_array_add (charts, data);
  g_assert_true (hs_chart_export (charts, &style, HS_CHART_FORMAT_PDF, 1920, 1080, path, &error));
  g_assert_no_error (error);
  if ((text = pdf_text (path)) == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_assert_nonnull (strstr (text, "graduated 1 January 2024 – 30 June 2024"));
  g_assert_nonnull (musanze = strstr (text, "Musanze"));
  g_assert_null (strstr (musanze + 1, "Musanze"));
}

/* Long Kinyarwanda labels wrap or shrink: every word of each stays on the
 * page, and nothing leaves it. */
static void
test_long_labels (void)
{
  HsChartData *data = make_long_labels ();
  g_autofree char *text = rw_inside_then_pdf_text (data, "long.pdf");

  if (text == NULL)
    g_test_skip ("pdftotext (poppler-utils) is not installed");
  else
    for (guint i = 0; i < data->items->len; i++)
      {
        const HsChartItem *item = g_ptr_array_index (data->items, i);
        g_auto(GStrv) words = g_strsplit (item->label, " ", -1);

        for (guint w = 0; words[w] != NULL; w++)
          if (strstr (text, words[w]) == NULL)
            g_error ("‘%s’ of ‘%s’ is not on the page:\n%s", words[w], item->label, text);
      }
  free_long_labels (data);
}

static void
test_pdf_svg_text (void)
{
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                  hs_chart_data_free);
  g_autofree char *pdf = g_build_filename (tmp_dir, "charts.pdf", NULL);
  g_autofree char *svg = g_build_filename (tmp_dir, "district.svg", NULL);
  g_autofree char *report = g_build_filename (tmp_dir, "report.pdf", NULL);
  g_autofree char *png = g_build_filename (tmp_dir, "district.png", NULL);
  g_autofree char *text = NULL;
  g_autofree char *svg_text = NULL;
  g_autofree char *report_text = NULL;
  g_autoptr(GError) error = NULL;
  HsChartStyle style;

  hs_chart_style_init (&style);
  style.organisation = "Interpeace";
  for (HsChartKind kind = 0; kind < HS_CHART_N_KINDS; kind++)
    g_ptr_array_add (charts, query (kind, hs_chart_kind_default_split (kind), NULL));

  g_assert_true (hs_chart_export (charts, &style, HS_CHART_FORMAT_PDF, 841.89, 595.28, pdf,
                                  &error));
  g_assert_no_error (error);
  g_assert_true (hs_chart_export (charts, &style, HS_CHART_FORMAT_SVG, 841.89, 595.28, svg,
                                  &error));
  g_assert_no_error (error);
  g_assert_true (hs_chart_export_report (charts, &style, report, &error));
  g_assert_no_error (error);
  g_assert_true (hs_chart_export (charts, &style, HS_CHART_FORMAT_PNG, 640, 360, png, &error));
  g_assert_no_error (error);
  /* Every file the app writes is its owner's only, as certificates are. */
  {
    const char *written[] = { pdf, svg, report, png };

    for (guint i = 0; i < G_N_ELEMENTS (written); i++)
      {
        GStatBuf st;

        g_assert_cmpint (g_stat (written[i], &st), ==, 0);
        g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      }
  }

  g_assert_true (g_file_get_contents (svg, &svg_text, NULL, NULL));
  g_assert_nonnull (strstr (svg_text, "<title>Graduates by district</title>"));
  for (guint i = 0; i < G_N_ELEMENTS (districts); i++)
    {
      g_autofree char *figure = g_strdup_printf ("%s: %u (Community %u, Prison %u)",
                                                 districts[i].name, districts[i].graduates,
                                                 districts[i].community, districts[i].prison);

      g_assert_nonnull (strstr (svg_text, figure));
    }

  if ((text = pdf_text (pdf)) == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  report_text = pdf_text (report);
  g_assert_nonnull (strstr (text, "Healing Spaces · Interpeace"));
  for (guint i = 0; i < G_N_ELEMENTS (districts); i++)
    {
      g_autofree char *total = g_strdup_printf ("%u", districts[i].graduates);
      g_autofree char *community = g_strdup_printf ("%u", districts[i].community);

      g_assert_nonnull (strstr (text, districts[i].name));
      g_assert_nonnull (strstr (text, total));
      g_assert_nonnull (strstr (text, community));
      g_assert_nonnull (strstr (report_text, districts[i].name));
    }
  g_assert_nonnull (strstr (text, "489"));
  g_assert_nonnull (strstr (text, "Musanze Prison"));
  g_assert_nonnull (strstr (text, "20,000"));
  g_assert_nonnull (strstr (report_text, "836"));
}

static void
test_pdf_rw (void)
{
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                  hs_chart_data_free);
  g_autofree char *pdf = g_build_filename (tmp_dir, "charts-rw.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  HsChartStyle style;

  if (!have_catalog)
    {
      g_test_skip ("msgfmt is not installed");
      return;
    }
  hs_chart_style_init (&style);
  style.language = "rw";
  g_ptr_array_add (charts, query (HS_CHART_KIND_TREND, HS_CHART_SPLIT_NONE, NULL));
  g_ptr_array_add (charts, query (HS_CHART_KIND_TARGET, HS_CHART_SPLIT_NONE, NULL));
  g_assert_true (hs_chart_export (charts, &style, HS_CHART_FORMAT_PDF, 841.89, 595.28, pdf,
                                  &error));
  g_assert_no_error (error);
  if ((text = pdf_text (pdf)) == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_assert_nonnull (strstr (text, "Gicurasi 2024"));
  /* pdftotext turns the no-break space into a plain one. */
  g_assert_true (strstr (text, "20\u00a0000") != NULL || strstr (text, "20 000") != NULL);
  g_assert_null (strstr (text, "20,000"));
  g_assert_nonnull (strstr (text, hs_report_gettext ("rw", "Graduates over time")));
}

static void
test_export_errors (void)
{
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                  hs_chart_data_free);
  g_autoptr(GError) error = NULL;
  HsChartStyle style;
  HsChartFormat format;

  hs_chart_style_init (&style);
  g_ptr_array_add (charts, query (HS_CHART_KIND_SEX, HS_CHART_SPLIT_NONE, NULL));
  g_assert_false (hs_chart_export (charts, &style, HS_CHART_FORMAT_PNG, 200, 100,
                                   "/nonexistent/dir/x.png", &error));
  g_assert_error (error, HS_CHART_EXPORT_ERROR, HS_CHART_EXPORT_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (hs_chart_export (charts, &style, HS_CHART_FORMAT_PDF, 200, 100,
                                   "/nonexistent/dir/x.pdf", &error));
  g_assert_error (error, HS_CHART_EXPORT_ERROR, HS_CHART_EXPORT_ERROR_FAILED);
  g_assert_true (hs_chart_format_from_path ("a/b.SVG", &format));
  g_assert_cmpint (format, ==, HS_CHART_FORMAT_SVG);
  g_assert_false (hs_chart_format_from_path ("a/b", &format));
}

static void
test_hit_test (void)
{
  g_autoptr(HsChartData) data = query (HS_CHART_KIND_DISTRICT, HS_CHART_SPLIT_SETTING, NULL);
  HsChartStyle style;
  int hits[G_N_ELEMENTS (districts)] = { 0 };

  hs_chart_style_init (&style);
  for (double x = 0; x < 1920; x += 8)
    {
      int hit = hs_chart_hit_test (1920, 1080, data, &style, x, 800);

      g_assert_cmpint (hit, <, (int) G_N_ELEMENTS (districts));
      if (hit >= 0)
        hits[hit]++;
    }
  for (guint i = 0; i < G_N_ELEMENTS (districts); i++)
    g_assert_cmpint (hits[i], >, 20);
  g_assert_cmpint (hs_chart_hit_test (1920, 1080, data, &style, 960, 5), ==, -1);

  /* Nyamagabe's bar: 148 in the community below 42 in prison, in pixels. */
  {
    int parts[2] = { 0 }, series, x = 1919;

    while (x > 0 && hs_chart_hit_test (1920, 1080, data, &style, x, 800) != 4)
      x--;
    x -= 20;
    for (int y = 0; y < 1080; y++)
      if (hs_chart_hit_test_part (1920, 1080, data, &style, x, y, &series) == 4 && series >= 0)
        parts[series]++;
    g_assert_cmpint (parts[0], >, 0);
    g_assert_cmpfloat (fabs ((double) parts[1] / parts[0] - 42.0 / 148.0), <, 0.02);
  }
}

static int
run_cli (const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;
  int status = -1;

  g_ptr_array_add (argv, (gpointer) g_getenv ("HS_CLI"));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL,
                               G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, NULL));
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli (void)
{
  g_autofree char *db = g_build_filename (tmp_dir, "cli.db", NULL);
  g_autofree char *png = g_build_filename (tmp_dir, "cli.png", NULL);
  g_autofree char *pdf = g_build_filename (tmp_dir, "cli.pdf", NULL);
  cairo_surface_t *surface;

  if (g_getenv ("HS_CLI") == NULL)
    {
      g_test_skip ("HS_CLI is not set");
      return;
    }
  g_assert_cmpint (run_cli ("--db", db, "sample-data", NULL), ==, 0);
  g_assert_cmpint (run_cli ("--db", db, "chart", "--kind", "district", "--split", "sex",
                            "--lang", "rw", "--size", "800x450", "--format", "png", "-o", png,
                            NULL), ==, 0);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 450);
  cairo_surface_destroy (surface);
  g_assert_cmpint (run_cli ("--db", db, "chart", "--report", "--theme", "dark", "-o", pdf,
                            NULL), ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));

  g_assert_cmpint (run_cli ("--db", db, "chart", "--kind", "pie", "-o", png, NULL), ==, 2);
  g_assert_cmpint (run_cli ("--db", db, "chart", "--kind", "sex", NULL), ==, 2);
  g_assert_cmpint (run_cli ("--db", db, "chart", "--kind", "sex", "--size", "9x9", "-o", png,
                            NULL), ==, 2);
  g_assert_cmpint (run_cli ("--db", db, "chart", "--kind", "sex", "-o", "x.gif", NULL), ==, 2);
  g_assert_cmpint (run_cli ("--db", db, "chart", "--kind", "sex", "--district", "Atlantis",
                            "-o", png, NULL), ==, 2);
  g_assert_cmpint (run_cli ("--db", db, "chart", "--kind", "sex", "-o",
                            "/nonexistent/dir/x.png", NULL), ==, 1);
}

static void
test_nice_step (void)
{
  g_assert_cmpfloat (hs_chart_nice_step (190, 5), ==, 50);
  g_assert_cmpfloat (hs_chart_nice_step (20000, 5), ==, 5000);
  g_assert_cmpfloat (hs_chart_nice_step (7, 5), ==, 2);
  g_assert_cmpfloat (hs_chart_nice_step (1, 5), ==, 1);
}

/* A catalogue with this area's Kinyarwanda strings, compiled from the PO
 * fragment (or rw.po once merged), so the test does not depend on the
 * state of the merge. */
static gboolean
make_catalog (void)
{
  const char *root = g_getenv ("HS_SOURCE_ROOT");
  g_autofree char *fragment = g_build_filename (root, "po", "fragments", "charts.po", NULL);
  g_autofree char *rw = g_build_filename (root, "po", "rw.po", NULL);
  g_autofree char *po = g_build_filename (tmp_dir, "rw.po", NULL);
  g_autofree char *locale = g_build_filename (tmp_dir, "locale", NULL);
  g_autofree char *dir = g_build_filename (locale, "rw", "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (dir, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *full = NULL;
  const char *argv[] = { "msgfmt", "-o", mo, po, NULL };
  int status = 0;

  if (g_file_test (fragment, G_FILE_TEST_EXISTS))
    {
      g_assert_true (g_file_get_contents (fragment, &contents, NULL, NULL));
      full = g_strconcat ("msgid \"\"\nmsgstr \"\"\n"
                          "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                          "\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n\n", contents, NULL);
    }
  else
    g_assert_true (g_file_get_contents (rw, &full, NULL, NULL));
  g_assert_true (g_file_set_contents (po, full, -1, NULL));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    return FALSE;
  bindtextdomain (GETTEXT_PACKAGE, locale);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GDate today;
  int status;

  if (setlocale (LC_ALL, "") == NULL)
    setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("hs-test-chart-XXXXXX", &error);
  g_assert_no_error (error);
  have_catalog = make_catalog ();
  path = g_build_filename (tmp_dir, "sample.db", NULL);
  sample_db = hs_database_open (path, &error);
  g_assert_no_error (error);
  g_date_set_dmy (&today, 26, G_DATE_NOVEMBER, 2026);
  g_assert_true (hs_sample_data_fill (sample_db, &today, &error));
  g_assert_no_error (error);

  g_test_add_func ("/chart/data/district", test_data_district);
  g_test_add_func ("/chart/data/kinds", test_data_kinds);
  g_test_add_func ("/chart/data/filter", test_data_filter);
  g_test_add_func ("/chart/data/breakdown-csv", test_breakdown_csv);
  g_test_add_func ("/chart/i18n", test_i18n);
  g_test_add_func ("/chart/tables", test_tables);
  g_test_add_func ("/chart/nice-step", test_nice_step);
  g_test_add_func ("/chart/png/bar-heights", test_png_bar_heights);
  g_test_add_func ("/chart/inside-surface", test_inside_surface);
  g_test_add_func ("/chart/long-labels", test_long_labels);
  g_test_add_func ("/chart/legend-filter", test_legend_filter);
  g_test_add_func ("/chart/thinned-time-axis", test_thinned_time_axis);
  g_test_add_func ("/chart/target-subtitle", test_target_subtitle);
  g_test_add_func ("/chart/pdf-svg-text", test_pdf_svg_text);
  g_test_add_func ("/chart/pdf-rw", test_pdf_rw);
  g_test_add_func ("/chart/export-errors", test_export_errors);
  g_test_add_func ("/chart/hit-test", test_hit_test);
  g_test_add_func ("/chart/cli", test_cli);
  status = g_test_run ();

  g_clear_object (&sample_db);
  {
    g_autoptr(GError) rm_error = NULL;
    const char *rm[] = { "rm", "-rf", tmp_dir, NULL };

    g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                  &rm_error);
  }
  g_free (tmp_dir);
  return status;
}
