/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hs-database.h"

G_BEGIN_DECLS

/* Rwanda's calendar as it bears on weekly sessions: public holidays (in the
 * holiday table, editable), the Kwibuka commemoration week (7–13 April) and
 * the Umuganda community work on the last Saturday morning of each month.
 * Dates travel as "YYYY-MM-DD" strings or GDate. */

/* The years the holiday table ships filled for. */
#define HS_HOLIDAY_FIRST_YEAR 2024
#define HS_HOLIDAY_LAST_YEAR  2030

typedef enum
{
  HS_DAY_OPEN,
  HS_DAY_HOLIDAY,
  HS_DAY_KWIBUKA,
  HS_DAY_UMUGANDA,
} HsDayKind;

typedef struct
{
  int    number;    /* 1 … n */
  GDate  date;      /* the day the session is held */
  GDate  regular;   /* the day it would have had without the calendar */
  char  *reason;    /* why it moved (translated), NULL when it did not */
} HsScheduledSession;

/* Easter Sunday of @year (Gregorian, 1583–9999). */
void        hs_schedule_easter                (int          year,
                                               GDate       *easter);

/* The public holidays of @year as the Presidential Order N° 062/01 of
 * 19/10/2022 sets them, with the estimated Eid dates for 2024–2030 and the
 * working days that compensate a holiday falling on a weekend. A table from
 * "YYYY-MM-DD" to the (untranslated) English name; free with g_hash_table_unref. */
GHashTable *hs_schedule_default_holidays      (int          first_year,
                                               int          last_year);

/* The holiday table of @db, in the same shape as hs_schedule_default_holidays(). */
GHashTable *hs_schedule_load_holidays         (HsDatabase  *db,
                                               GError     **error);
gint64      hs_schedule_add_holiday           (HsDatabase  *db,
                                               const char  *date,
                                               const char  *name,
                                               GError     **error);
gboolean    hs_schedule_remove_holiday        (HsDatabase  *db,
                                               gint64       id,
                                               GError     **error);
/* Corrects a row of the holiday table (audited); the same checks as adding. */
gboolean    hs_schedule_update_holiday        (HsDatabase  *db,
                                               gint64       id,
                                               const char  *date,
                                               const char  *name,
                                               GError     **error);

/* One row of the holiday table; @name is untranslated as stored. */
typedef struct
{
  gint64  id;
  char   *date;
  char   *name;
} HsHoliday;

void        hs_holiday_free                   (HsHoliday   *holiday);
/* The holidays of @year (0: all years) by date: a GPtrArray of HsHoliday. */
GPtrArray  *hs_schedule_list_holidays         (HsDatabase  *db,
                                               int          year,
                                               GError     **error);

/* Whether a session starting at @time ("HH:MM", NULL for unknown) may be held
 * on @date. @name (optional) receives the holiday's name for HS_DAY_HOLIDAY. */
HsDayKind   hs_schedule_check_day             (GHashTable  *holidays,
                                               const GDate *date,
                                               const char  *time,
                                               const char **name);
/* Why a day is closed, translated ("Easter Monday", "Kwibuka week"…). */
char       *hs_schedule_describe_day          (GHashTable  *holidays,
                                               const GDate *date,
                                               const char  *time);

/* @n_sessions weekly sessions from the first @weekday on or after @start. A
 * regular day that is closed moves to the next open day of the same week
 * (Sunday only for Sunday groups), else to the next week; the later sessions
 * keep their own week. An array of HsScheduledSession; free with g_array_unref. */
GArray     *hs_schedule_generate              (GHashTable  *holidays,
                                               const GDate *start,
                                               GDateWeekday weekday,
                                               int          n_sessions,
                                               const char  *time);

/* Writes the sessions of a group that has none yet, from its start date,
 * weekday, time, venue and planned number (audited); a moved one gets
 * status "moved" and its reason. Returns how many were written. */
int         hs_schedule_create_sessions       (HsDatabase  *db,
                                               gint64       group_id,
                                               GError     **error);
/* Moves a session by hand; @reason is required. */
gboolean    hs_schedule_move_session          (HsDatabase  *db,
                                               gint64       session_id,
                                               const char  *date,
                                               const char  *time,
                                               const char  *reason,
                                               GError     **error);
gboolean    hs_schedule_cancel_session        (HsDatabase  *db,
                                               gint64       session_id,
                                               const char  *reason,
                                               GError     **error);
/* Adds a session after the group's last one; returns its id. */
gint64      hs_schedule_add_session           (HsDatabase  *db,
                                               gint64       group_id,
                                               const char  *date,
                                               const char  *time,
                                               GError     **error);
/* Sessions of @group_id (0: all groups) that are not cancelled and meet at
 * the same date and time as another group's session with a facilitator in
 * common: one translated line each, by date. */
GPtrArray  *hs_schedule_find_clashes          (HsDatabase  *db,
                                               gint64       group_id,
                                               GError     **error);

/* The group's sessions that are not cancelled as an iCalendar file (RFC 5545):
 * two hours from the session time, Kigali time written in UTC; a session with
 * no time is a whole day. */
char       *hs_schedule_to_ics                (HsDatabase  *db,
                                               gint64       group_id,
                                               GError     **error);

/* One session in the calendar of all groups. */
typedef struct
{
  gint64  session_id;
  gint64  group_id;
  char   *date;
  char   *time;
  char   *group;
  int     number;
  char   *status;
  char   *venue;
} HsCalendarEntry;

void        hs_calendar_entry_free            (HsCalendarEntry *entry);
/* Sessions from @first to @last ("YYYY-MM-DD", inclusive) of every group, by
 * date and time: a GPtrArray of HsCalendarEntry. */
GPtrArray  *hs_schedule_list_between          (HsDatabase  *db,
                                               const char  *first,
                                               const char  *last,
                                               GError     **error);

/* "mon".."sun", "monday", 1..7 → GDateWeekday; G_DATE_BAD_WEEKDAY otherwise. */
GDateWeekday hs_schedule_parse_weekday        (const char  *text);
/* "YYYY-MM-DD" → @date; FALSE when it is not a real date. */
gboolean    hs_schedule_parse_date            (const char  *text,
                                               GDate       *date);
/* Whether @text is a time of day written "HH:MM". */
gboolean    hs_schedule_parse_time            (const char  *text);
/* "Tue 01.04.2025" from "2025-04-01", translated; a copy of @iso when it is not a date. */
char       *hs_schedule_display_date          (const char  *iso);
char       *hs_schedule_format_date           (const GDate *date);

G_END_DECLS
