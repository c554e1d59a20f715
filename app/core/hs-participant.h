/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hs-database.h"

G_BEGIN_DECLS

/* A person enrolled in the programme. Enumerated fields hold the database's
 * own spellings: sex "F"/"M"; age-band "youth"/"adult"; category "survivor",
 * "perpetrator", "descendant", "convict", "ex_combatant", "returnee", "other";
 * trauma-level "none", "mild", "moderate", "severe". Dates are "YYYY-MM-DD". */
#define HS_TYPE_PARTICIPANT (hs_participant_get_type ())
G_DECLARE_FINAL_TYPE (HsParticipant, hs_participant, HS, PARTICIPANT, GObject)

HsParticipant *hs_participant_new              (void);
HsParticipant *hs_participant_load             (HsDatabase     *db,
                                                gint64          id,
                                                GError        **error);
/* Inserts when the id is 0 (and sets id, uuid, created), updates otherwise. */
gboolean       hs_participant_save             (HsParticipant  *self,
                                                HsDatabase     *db,
                                                GError        **error);
gboolean       hs_participant_delete           (HsDatabase     *db,
                                                gint64          id,
                                                GError        **error);

const char    *hs_age_band_for_age             (HsDatabase     *db,
                                                int             age);
const char    *hs_age_band_label               (const char     *age_band);

/* Younger people are not enrolled: the age is counted at screening. */
#define HS_PARTICIPANT_MIN_AGE 12

/* A field the user must correct before a save: @property names the
 * HsParticipant property, @message says how to fix it. */
typedef struct
{
  char *property;
  char *message;
} HsParticipantProblem;

void           hs_participant_problem_free     (HsParticipantProblem *problem);
/* Every problem that would stop hs_participant_save (), at most one per
 * field, in form order; empty when the record can be saved. @db may be NULL
 * to skip the checks against other records. */
GPtrArray     *hs_participant_validate         (HsParticipant  *self,
                                                HsDatabase     *db);
/* A Rwandan mobile number (07XXXXXXXX, +2507XXXXXXXX, with or without
 * spaces) as stored: "+2507XXXXXXXX". FALSE when it is not one. */
gboolean       hs_phone_normalize              (const char     *phone,
                                                char          **normalized);

/* An import leaves its people out of the search index for later (a search
 * fills it first when it must): this indexes up to @max_people of them, so
 * that a window can do it in idle steps. TRUE while some remain; FALSE when
 * done or on error (@error set). */
gboolean       hs_participant_index_catch_up   (HsDatabase     *db,
                                                guint           max_people,
                                                GError        **error);
/* Whether an import's people still wait to be indexed (e.g. after an import
 * from the command line, or a window closed before it finished). */
gboolean       hs_participant_index_is_behind  (HsDatabase     *db);

/* Everything hs_participant_delete () removes about one person, to put it
 * back exactly (same ids) with hs_participant_restore (): undo of a delete. */
typedef struct _HsParticipantSnapshot HsParticipantSnapshot;

HsParticipantSnapshot *hs_participant_snapshot  (HsDatabase            *db,
                                                 gint64                 id,
                                                 GError               **error);
gboolean       hs_participant_restore          (HsDatabase            *db,
                                                const HsParticipantSnapshot *snapshot,
                                                GError               **error);
gint64         hs_participant_snapshot_get_id  (const HsParticipantSnapshot *snapshot);
void           hs_participant_snapshot_free    (HsParticipantSnapshot *snapshot);

/* What an erased record's name column holds (the column may not be empty). */
#define HS_PARTICIPANT_ERASED_NAME "[erased]"

gint64         hs_participant_get_id           (HsParticipant  *self);
const char    *hs_participant_get_uuid         (HsParticipant  *self);
const char    *hs_participant_get_full_name    (HsParticipant  *self);
/* The name to show for a stored @full_name: an erased record keeps the marker
 * HS_PARTICIPANT_ERASED_NAME, shown as a translated label (exports and figures
 * keep the stored text). Never NULL. */
const char    *hs_participant_display_name     (const char     *full_name);
const char    *hs_participant_get_sex          (HsParticipant  *self);
int            hs_participant_get_birth_year   (HsParticipant  *self);
const char    *hs_participant_get_age_band     (HsParticipant  *self);
const char    *hs_participant_get_phone        (HsParticipant  *self);
const char    *hs_participant_get_national_id  (HsParticipant  *self);
gint64         hs_participant_get_district_id  (HsParticipant  *self);
const char    *hs_participant_get_district     (HsParticipant  *self);
const char    *hs_participant_get_sector       (HsParticipant  *self);
const char    *hs_participant_get_cell         (HsParticipant  *self);
const char    *hs_participant_get_village      (HsParticipant  *self);
const char    *hs_participant_get_category     (HsParticipant  *self);
gboolean       hs_participant_get_is_prisoner  (HsParticipant  *self);
gint64         hs_participant_get_facility_id  (HsParticipant  *self);
const char    *hs_participant_get_inmate_number (HsParticipant *self);
const char    *hs_participant_get_expected_release (HsParticipant *self);
const char    *hs_participant_get_screening_date (HsParticipant *self);
const char    *hs_participant_get_trauma_level (HsParticipant  *self);
const char    *hs_participant_get_screening_needs (HsParticipant *self);
const char    *hs_participant_get_screener     (HsParticipant  *self);
const char    *hs_participant_get_consent_date (HsParticipant  *self);
const char    *hs_participant_get_consent_given_by (HsParticipant *self);
const char    *hs_participant_get_consent_withdrawn (HsParticipant *self);
const char    *hs_participant_get_notes        (HsParticipant  *self);
const char    *hs_participant_get_created      (HsParticipant  *self);
const char    *hs_participant_get_updated      (HsParticipant  *self);
/* When the person's data was erased; NULL for a normal record. */
const char    *hs_participant_get_erased       (HsParticipant  *self);
/* The name folded for searching: no accents, lower case. */
const char    *hs_participant_get_search_key   (HsParticipant  *self);

/* A group the person belongs or belonged to. */
typedef struct
{
  gint64  group_id;
  char   *group_name;
  char   *joined;
  char   *left_date;
  char   *outcome;
  char   *reason;
} HsParticipantMembership;

void           hs_participant_membership_free  (HsParticipantMembership *membership);
/* HsParticipantMembership, oldest first. */
GPtrArray     *hs_participant_get_memberships  (HsDatabase     *db,
                                                gint64          id,
                                                GError        **error);

/* How often the person came to one group's sessions. */
typedef struct
{
  char *group_name;
  int   present;
  int   absent;
  int   excused;
} HsParticipantAttendance;

void           hs_participant_attendance_free  (HsParticipantAttendance *attendance);
/* HsParticipantAttendance, one per group with marked sessions, oldest
 * group first. */
GPtrArray     *hs_participant_get_attendance   (HsDatabase     *db,
                                                gint64          id,
                                                GError        **error);

/* One audited change of the record: @fields lists the columns that changed
 * (", "-separated; empty for an insert or a delete). */
typedef struct
{
  char *at;
  char *actor;
  char *action;
  char *fields;
} HsParticipantChange;

void           hs_participant_change_free      (HsParticipantChange *change);
/* HsParticipantChange, newest first. */
GPtrArray     *hs_participant_get_history      (HsDatabase     *db,
                                                gint64          id,
                                                GError        **error);

/* Names for the form's choices, sorted: the 30 districts, the correctional
 * facilities, and the sectors already written for a district (for
 * completion). Ids come from hs_database_find_district () / _facility (). */
GStrv          hs_participant_get_district_names (HsDatabase   *db);
GStrv          hs_participant_get_facility_names (HsDatabase   *db);
GStrv          hs_participant_get_sector_names (HsDatabase     *db,
                                                gint64          district_id);

/* The right to erasure of Law 058/2021: removes every personal value of
 * the record (name, contacts, IDs, place below the district, screening,
 * consent, notes, reasons in memberships) and the old values in the audit
 * log, but keeps what the programme's figures count (sex, age band,
 * district, setting, category, memberships and attendance), so that no
 * total changes. The erasure itself is audited, without the values. */
gboolean       hs_participant_erase            (HsDatabase     *db,
                                                gint64          id,
                                                GError        **error);

/* Someone who may be the same person as another record. */
typedef struct
{
  gint64  id;
  char   *full_name;
  int     birth_year;
  char   *district;
  char   *reason;
  /* The same national ID: certainly the same person, who cannot be saved
   * twice (national IDs are unique). */
  gboolean same_national_id;
} HsParticipantMatch;

void           hs_participant_match_free       (HsParticipantMatch *match);
/* Records that may be @self: the same national ID, or a similar name
 * (order, accents and one typo ignored) with the same district and a birth
 * year within one. Pairs marked distinct are left out. */
GPtrArray     *hs_participant_find_similar     (HsDatabase     *db,
                                                HsParticipant  *self,
                                                GError        **error);
/* Likely pairs across the whole database: similar names (see above) in
 * the same district with birth years within one, minus pairs marked
 * distinct. An array of HsParticipantMatch, two entries per pair, both
 * with the same reason: why the names look alike. */
GPtrArray     *hs_participant_find_duplicate_pairs (HsDatabase *db,
                                                    GError    **error);
/* Remembers that @a and @b are two people, so they are not offered again. */
gboolean       hs_participant_mark_distinct    (HsDatabase     *db,
                                                gint64          a,
                                                gint64          b,
                                                GError        **error);
/* Moves @other's memberships, attendance, certificates and livelihood
 * records to @keep and deletes @other; its history stays visible in
 * @keep's. Audited. */
gboolean       hs_participant_merge            (HsDatabase     *db,
                                                gint64          keep,
                                                gint64          other,
                                                GError        **error);

/* Fills @keep's empty fields from @fresh, a record not saved yet that is
 * the same person (the user said so when warned); saved and audited. */
gboolean       hs_participant_merge_new        (HsDatabase     *db,
                                                gint64          keep,
                                                HsParticipant  *fresh,
                                                GError        **error);

/* Everything the database holds about one person, as a JSON document (the
 * right of access of Law 058/2021). */
char          *hs_participant_export_json      (HsDatabase     *db,
                                                gint64          id,
                                                GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsParticipantProblem, hs_participant_problem_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsParticipantMembership, hs_participant_membership_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsParticipantChange, hs_participant_change_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsParticipantAttendance, hs_participant_attendance_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsParticipantMatch, hs_participant_match_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HsParticipantSnapshot, hs_participant_snapshot_free)

G_END_DECLS
