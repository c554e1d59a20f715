/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hs-database.h"

G_BEGIN_DECLS

/* What a chart shows. Counts are graduates (memberships whose outcome is
 * "graduated"); district, setting, approach and date are those of the group
 * they graduated from, sex, age band and category the participant's own. */
typedef enum
{
  HS_CHART_KIND_DISTRICT,
  HS_CHART_KIND_SEX,
  HS_CHART_KIND_AGE,
  HS_CHART_KIND_CATEGORY,
  HS_CHART_KIND_FACILITY,
  HS_CHART_KIND_TREND,
  HS_CHART_KIND_TARGET,
  /* Progress of each district, and of women and men, towards their own
   * targets (graduates), with a past programme's figures to compare. */
  HS_CHART_KIND_TARGET_DISTRICT,
  HS_CHART_KIND_TARGET_SEX,
  HS_CHART_N_KINDS,
} HsChartKind;

/* How each bar is divided into stacked segments. */
typedef enum
{
  HS_CHART_SPLIT_NONE,
  HS_CHART_SPLIT_SETTING,
  HS_CHART_SPLIT_SEX,
} HsChartSplit;

#define HS_CHART_MAX_SERIES 2

typedef struct
{
  /* Graduation dates, yyyy-mm-dd inclusive, or NULL for no bound. */
  char   *from;
  char   *to;
  /* 0 for every district. */
  gint64  district_id;
  /* "sociotherapy", "multifamily", "resilience" or NULL for all. */
  char   *approach;
  /* "community", "prison" or NULL for both. */
  char   *setting;
} HsChartFilter;

typedef struct
{
  /* Stable key: district or facility name, "F", "youth", a category,
   * "2024-03" (month) or "2024-Q1" (quarter). */
  char     *key;
  /* A proper name to show as is, or an untranslated msgid when
   * translatable is TRUE; NULL for dates (the report formats the key). */
  char     *label;
  gboolean  translatable;
  /* District or facility row id, 0 otherwise. */
  gint64    id;
  guint     total;
  guint     values[HS_CHART_MAX_SERIES];
  /* Progress charts: the people reached (everyone who joined a group
   * that started in the target's period, graduated or not), the item's own
   * target, whether that target counts people reached (else graduates),
   * and the past programme's figure for it; 0 when there is none. */
  guint     reached;
  guint     target;
  gboolean  people_target;
  guint     reference;
} HsChartItem;

typedef struct
{
  HsChartKind    kind;
  HsChartSplit   split;
  HsChartFilter  filter;
  /* The filter's district, for subtitles; NULL without one. */
  char          *district_name;
  /* 1 (no split) or 2; untranslated msgids. */
  guint          n_series;
  const char    *series[HS_CHART_MAX_SERIES];
  /* HsChartItem, in display order. */
  GPtrArray     *items;
  guint          total;
  /* Earliest and latest graduation date counted, or NULL. */
  char          *first_date;
  char          *last_date;
  /* Trend charts: months, or quarters when the span is long. */
  gboolean       by_quarter;
  /* Target charts: the programme target and its period (0 if none). */
  guint          target;
  char          *target_name;
  char          *target_start;
  char          *target_end;
  /* Whether the programme target counts people reached (else graduates),
   * and the people reached in its period (target charts). */
  gboolean       target_people;
  guint          reached;
  /* Progress charts: the past programme items' reference comes from. */
  char          *reference_name;
} HsChartData;

const char    *hs_chart_kind_to_string   (HsChartKind           kind);
gboolean       hs_chart_kind_from_string (const char           *name,
                                          HsChartKind          *kind);
/* The kind's own split when @split is not given: district by setting. */
HsChartSplit   hs_chart_kind_default_split (HsChartKind         kind);

void           hs_chart_filter_clear     (HsChartFilter        *filter);
void           hs_chart_filter_copy      (HsChartFilter        *dest,
                                          const HsChartFilter  *src);

HsChartData   *hs_chart_data_query       (HsDatabase           *db,
                                          HsChartKind           kind,
                                          HsChartSplit          split,
                                          const HsChartFilter  *filter,
                                          GError              **error);
void           hs_chart_data_free        (HsChartData          *data);
/* The people behind item @index, as the participants list narrows to them:
 * graduation dates (the filter's period, narrowed to the item's month or
 * quarter on a trend chart; newly allocated or NULL), the prison of a
 * facility chart's item (0 otherwise) and the category of a category
 * chart's item (NULL otherwise). */
void           hs_chart_data_item_scope  (const HsChartData    *data,
                                          guint                 index,
                                          char                **from,
                                          char                **to,
                                          gint64               *facility_id,
                                          const char          **category);
/* The largest bar, for axis scaling. */
guint          hs_chart_data_max         (const HsChartData    *data);

/* Rows behind the charts: graduates by district × setting × sex × age
 * band. */
typedef struct
{
  char  *district;
  char  *setting;
  char  *sex;
  char  *age_band;
  guint  graduates;
} HsBreakdownRow;

/* HsBreakdownRow, sorted by district, setting, sex and age band. */
GPtrArray     *hs_chart_data_breakdown   (HsDatabase           *db,
                                          const HsChartFilter  *filter,
                                          GError              **error);
/* The same as CSV (UTF-8 with a BOM, CRLF, a header line). */
char          *hs_chart_data_breakdown_csv (HsDatabase          *db,
                                            const HsChartFilter *filter,
                                            GError             **error);

/* Programme targets (the target table). */
gboolean       hs_target_add             (HsDatabase           *db,
                                          const char           *name,
                                          const char           *metric,
                                          guint                 value,
                                          gint64                district_id,
                                          const char           *start_date,
                                          const char           *end_date,
                                          GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsChartData, hs_chart_data_free)

G_END_DECLS
