/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-participant"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <time.h>

#include "hs-membership.h"
#include "hs-participant-private.h"
#include "hs-participant.h"

struct _HsParticipant
{
  GObject   parent_instance;

  gint64    id;
  char     *uuid;
  char     *full_name;
  char     *search_key;
  char     *sex;
  int       birth_year;
  char     *age_band;
  char     *phone;
  char     *national_id;
  gint64    district_id;
  char     *district;
  char     *sector;
  char     *cell;
  char     *village;
  char     *category;
  gboolean  is_prisoner;
  gint64    facility_id;
  char     *inmate_number;
  char     *expected_release;
  char     *screening_date;
  char     *trauma_level;
  char     *screening_needs;
  char     *screener;
  char     *consent_date;
  char     *consent_given_by;
  char     *consent_withdrawn;
  char     *notes;
  char     *created;
  char     *updated;
  char     *erased;
};

G_DEFINE_FINAL_TYPE (HsParticipant, hs_participant, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_FULL_NAME,
  PROP_SEARCH_KEY,
  PROP_SEX,
  PROP_BIRTH_YEAR,
  PROP_AGE_BAND,
  PROP_PHONE,
  PROP_NATIONAL_ID,
  PROP_DISTRICT_ID,
  PROP_DISTRICT,
  PROP_SECTOR,
  PROP_CELL,
  PROP_VILLAGE,
  PROP_CATEGORY,
  PROP_IS_PRISONER,
  PROP_FACILITY_ID,
  PROP_INMATE_NUMBER,
  PROP_EXPECTED_RELEASE,
  PROP_SCREENING_DATE,
  PROP_TRAUMA_LEVEL,
  PROP_SCREENING_NEEDS,
  PROP_SCREENER,
  PROP_CONSENT_DATE,
  PROP_CONSENT_GIVEN_BY,
  PROP_CONSENT_WITHDRAWN,
  PROP_NOTES,
  PROP_CREATED,
  PROP_UPDATED,
  PROP_ERASED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const age_bands[] = { "youth", "adult", NULL };
static const char * const categories[] = {
  "survivor", "perpetrator", "descendant", "convict", "ex_combatant", "returnee", "other", NULL
};
static const char * const trauma_levels[] = { "none", "mild", "moderate", "severe", NULL };

static char **
string_field (HsParticipant *self,
              guint          prop_id)
{
  switch (prop_id)
    {
    case PROP_UUID: return &self->uuid;
    case PROP_FULL_NAME: return &self->full_name;
    case PROP_SEARCH_KEY: return &self->search_key;
    case PROP_SEX: return &self->sex;
    case PROP_AGE_BAND: return &self->age_band;
    case PROP_PHONE: return &self->phone;
    case PROP_NATIONAL_ID: return &self->national_id;
    case PROP_DISTRICT: return &self->district;
    case PROP_SECTOR: return &self->sector;
    case PROP_CELL: return &self->cell;
    case PROP_VILLAGE: return &self->village;
    case PROP_CATEGORY: return &self->category;
    case PROP_INMATE_NUMBER: return &self->inmate_number;
    case PROP_EXPECTED_RELEASE: return &self->expected_release;
    case PROP_SCREENING_DATE: return &self->screening_date;
    case PROP_TRAUMA_LEVEL: return &self->trauma_level;
    case PROP_SCREENING_NEEDS: return &self->screening_needs;
    case PROP_SCREENER: return &self->screener;
    case PROP_CONSENT_DATE: return &self->consent_date;
    case PROP_CONSENT_GIVEN_BY: return &self->consent_given_by;
    case PROP_CONSENT_WITHDRAWN: return &self->consent_withdrawn;
    case PROP_NOTES: return &self->notes;
    case PROP_CREATED: return &self->created;
    case PROP_UPDATED: return &self->updated;
    case PROP_ERASED: return &self->erased;
    default: return NULL;
    }
}

static void
set_string (HsParticipant *self,
            guint          prop_id,
            const char    *value)
{
  _hs_object_set_string (self, string_field (self, prop_id), value, properties[prop_id]);
}

static void
set_id (HsParticipant *self,
        gint64        *field,
        guint          prop_id,
        gint64         value)
{
  _hs_object_set_int64 (self, field, value, properties[prop_id]);
}

static guint
property_id (HsParticipant *self,
             const char    *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), property);

  g_return_val_if_fail (pspec != NULL, 0);
  return pspec->param_id;
}

void
_hs_participant_set_text (HsParticipant *self,
                          const char    *property,
                          const char    *value)
{
  char **field = string_field (self, property_id (self, property));

  g_return_if_fail (field != NULL);
  g_free (*field);
  *field = value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

void
_hs_participant_set_number (HsParticipant *self,
                            const char    *property,
                            gint64         value)
{
  switch (property_id (self, property))
    {
    case PROP_ID:
      self->id = value;
      break;
    case PROP_BIRTH_YEAR:
      self->birth_year = (int) value;
      break;
    case PROP_DISTRICT_ID:
      if (self->district_id != value)
        g_clear_pointer (&self->district, g_free);
      self->district_id = value;
      break;
    case PROP_FACILITY_ID:
      self->facility_id = value;
      break;
    case PROP_IS_PRISONER:
      self->is_prisoner = value != 0;
      break;
    default:
      g_return_if_reached ();
    }
}

static void
hs_participant_finalize (GObject *object)
{
  HsParticipant *self = HS_PARTICIPANT (object);

  for (guint prop_id = PROP_0 + 1; prop_id < N_PROPS; prop_id++)
    {
      char **field = string_field (self, prop_id);

      if (field != NULL)
        g_free (*field);
    }

  G_OBJECT_CLASS (hs_participant_parent_class)->finalize (object);
}

static void
hs_participant_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HsParticipant *self = HS_PARTICIPANT (object);
  char **field = string_field (self, prop_id);

  if (field != NULL)
    {
      g_value_set_string (value, *field);
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_BIRTH_YEAR:
      g_value_set_int (value, self->birth_year);
      break;
    case PROP_DISTRICT_ID:
      g_value_set_int64 (value, self->district_id);
      break;
    case PROP_IS_PRISONER:
      g_value_set_boolean (value, self->is_prisoner);
      break;
    case PROP_FACILITY_ID:
      g_value_set_int64 (value, self->facility_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_participant_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HsParticipant *self = HS_PARTICIPANT (object);

  if (string_field (self, prop_id) != NULL)
    {
      set_string (self, prop_id, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      set_id (self, &self->id, prop_id, g_value_get_int64 (value));
      break;
    case PROP_BIRTH_YEAR:
      if (self->birth_year != g_value_get_int (value))
        {
          self->birth_year = g_value_get_int (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_DISTRICT_ID:
      if (self->district_id != g_value_get_int64 (value))
        set_string (self, PROP_DISTRICT, NULL);
      set_id (self, &self->district_id, prop_id, g_value_get_int64 (value));
      break;
    case PROP_IS_PRISONER:
      if (self->is_prisoner != g_value_get_boolean (value))
        {
          self->is_prisoner = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_FACILITY_ID:
      set_id (self, &self->facility_id, prop_id, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_string (guint        prop_id,
                const char  *name,
                const char  *default_value,
                GParamFlags  flags)
{
  properties[prop_id] = _hs_string_pspec (name, default_value, flags);
}

static void
hs_participant_class_init (HsParticipantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hs_participant_finalize;
  object_class->get_property = hs_participant_get_property;
  object_class->set_property = hs_participant_set_property;

  /* 0: not saved yet. */
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  install_string (PROP_UUID, "uuid", NULL, G_PARAM_READWRITE);
  install_string (PROP_FULL_NAME, "full-name", NULL, G_PARAM_READWRITE);
  install_string (PROP_SEARCH_KEY, "search-key", NULL, G_PARAM_READABLE);
  install_string (PROP_SEX, "sex", NULL, G_PARAM_READWRITE);
  /* 0: not known. Checked on save, so the range only keeps out nonsense. */
  properties[PROP_BIRTH_YEAR] = g_param_spec_int ("birth-year", NULL, NULL, 0, 9999, 0, rw);
  /* NULL: derived from the birth year on save. */
  install_string (PROP_AGE_BAND, "age-band", NULL, G_PARAM_READWRITE);
  install_string (PROP_PHONE, "phone", NULL, G_PARAM_READWRITE);
  install_string (PROP_NATIONAL_ID, "national-id", NULL, G_PARAM_READWRITE);
  properties[PROP_DISTRICT_ID] = g_param_spec_int64 ("district-id", NULL, NULL,
                                                     0, G_MAXINT64, 0, rw);
  install_string (PROP_DISTRICT, "district", NULL, G_PARAM_READABLE);
  install_string (PROP_SECTOR, "sector", NULL, G_PARAM_READWRITE);
  install_string (PROP_CELL, "cell", NULL, G_PARAM_READWRITE);
  install_string (PROP_VILLAGE, "village", NULL, G_PARAM_READWRITE);
  install_string (PROP_CATEGORY, "category", "other", G_PARAM_READWRITE);
  properties[PROP_IS_PRISONER] = g_param_spec_boolean ("is-prisoner", NULL, NULL, FALSE, rw);
  properties[PROP_FACILITY_ID] = g_param_spec_int64 ("facility-id", NULL, NULL,
                                                     0, G_MAXINT64, 0, rw);
  install_string (PROP_INMATE_NUMBER, "inmate-number", NULL, G_PARAM_READWRITE);
  install_string (PROP_EXPECTED_RELEASE, "expected-release", NULL, G_PARAM_READWRITE);
  install_string (PROP_SCREENING_DATE, "screening-date", NULL, G_PARAM_READWRITE);
  install_string (PROP_TRAUMA_LEVEL, "trauma-level", NULL, G_PARAM_READWRITE);
  install_string (PROP_SCREENING_NEEDS, "screening-needs", NULL, G_PARAM_READWRITE);
  install_string (PROP_SCREENER, "screener", NULL, G_PARAM_READWRITE);
  install_string (PROP_CONSENT_DATE, "consent-date", NULL, G_PARAM_READWRITE);
  install_string (PROP_CONSENT_GIVEN_BY, "consent-given-by", NULL, G_PARAM_READWRITE);
  install_string (PROP_CONSENT_WITHDRAWN, "consent-withdrawn", NULL, G_PARAM_READWRITE);
  install_string (PROP_NOTES, "notes", NULL, G_PARAM_READWRITE);
  /* Set on first save unless an import already knows them. */
  install_string (PROP_CREATED, "created", NULL, G_PARAM_READWRITE);
  install_string (PROP_UPDATED, "updated", NULL, G_PARAM_READWRITE);
  /* When the person's data was erased (Law 058/2021); NULL otherwise. */
  install_string (PROP_ERASED, "erased", NULL, G_PARAM_READABLE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hs_participant_init (HsParticipant *self)
{
  self->category = g_strdup ("other");
}

HsParticipant *
hs_participant_new (void)
{
  return g_object_new (HS_TYPE_PARTICIPANT, NULL);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static void
read_row (HsParticipant *self,
          sqlite3_stmt  *stmt)
{
  self->id = sqlite3_column_int64 (stmt, 0);
  self->uuid = dup_column (stmt, 1);
  self->full_name = dup_column (stmt, 2);
  self->search_key = dup_column (stmt, 3);
  self->sex = dup_column (stmt, 4);
  self->birth_year = sqlite3_column_int (stmt, 5);
  self->age_band = dup_column (stmt, 6);
  self->phone = dup_column (stmt, 7);
  self->national_id = dup_column (stmt, 8);
  self->district_id = sqlite3_column_int64 (stmt, 9);
  self->sector = dup_column (stmt, 10);
  self->cell = dup_column (stmt, 11);
  self->village = dup_column (stmt, 12);
  g_free (self->category);
  self->category = dup_column (stmt, 13);
  self->is_prisoner = sqlite3_column_int (stmt, 14) != 0;
  self->facility_id = sqlite3_column_int64 (stmt, 15);
  self->inmate_number = dup_column (stmt, 16);
  self->expected_release = dup_column (stmt, 17);
  self->screening_date = dup_column (stmt, 18);
  self->trauma_level = dup_column (stmt, 19);
  self->screening_needs = dup_column (stmt, 20);
  self->screener = dup_column (stmt, 21);
  self->consent_date = dup_column (stmt, 22);
  self->consent_given_by = dup_column (stmt, 23);
  self->consent_withdrawn = dup_column (stmt, 24);
  self->notes = dup_column (stmt, 25);
  self->created = dup_column (stmt, 26);
  self->updated = dup_column (stmt, 27);
  self->district = dup_column (stmt, 28);
  self->erased = dup_column (stmt, 29);
}

HsParticipant *
hs_participant_load (HsDatabase  *db,
                     gint64       id,
                     GError     **error)
{
  g_autoptr(HsParticipant) self = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  stmt = _hs_database_prepare (db,
                               "SELECT p.id, p.uuid, p.full_name, p.search_key, p.sex,"
                               " p.birth_year, p.age_band, p.phone, p.national_id, p.district_id,"
                               " p.sector, p.cell, p.village, p.category, p.is_prisoner,"
                               " p.facility_id, p.inmate_number, p.expected_release,"
                               " p.screening_date, p.trauma_level, p.screening_needs, p.screener,"
                               " p.consent_date, p.consent_given_by, p.consent_withdrawn, p.notes,"
                               " p.created, p.updated, d.name, p.erased"
                               " FROM participant p LEFT JOIN district d ON d.id = p.district_id"
                               " WHERE p.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      self = hs_participant_new ();
      read_row (self, stmt);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND,
                 _("This participant no longer exists; they may have been deleted."));
  else
    _hs_database_set_error (db, error, _("Reading the participant"));
  sqlite3_reset (stmt);
  return g_steal_pointer (&self);
}

static int
setting_int (HsDatabase *db,
             const char *key,
             int         fallback)
{
  g_autofree char *value = hs_database_get_setting (db, key);
  gint64 n;

  if (value == NULL || !g_ascii_string_to_signed (value, 10, 0, 200, &n, NULL))
    return fallback;
  return (int) n;
}

/* The bounds are settings because the national youth policy may change them. */
/* "youth"/"adult" as people read it, for groups and participants alike. */
const char *
hs_age_band_label (const char *age_band)
{
  if (g_strcmp0 (age_band, "youth") == 0)
    return C_("age band", "Youth");
  if (g_strcmp0 (age_band, "adult") == 0)
    return C_("age band", "Adult");
  return "";
}

const char *
hs_age_band_for_age (HsDatabase *db,
                     int         age)
{
  g_return_val_if_fail (HS_IS_DATABASE (db), "adult");

  if (age >= setting_int (db, "youth.min_age", 16) && age <= setting_int (db, "youth.max_age", 30))
    return "youth";
  return "adult";
}

/* localtime_r, not GDateTime: GLib 2.74 reads /etc/localtime for every
 * local GDateTime, and validation runs for each row of an import. */
static int
current_year (void)
{
  time_t now = time (NULL);
  struct tm local;

  if (localtime_r (&now, &local) == NULL)
    return 1970;
  return local.tm_year + 1900;
}

/* The age at screening, which is when the person enrolled; today otherwise. */
static const char *
derive_age_band (HsParticipant *self,
                 HsDatabase    *db)
{
  int year;

  if (self->birth_year == 0)
    return "adult";
  if (self->screening_date != NULL)
    year = (int) g_ascii_strtoll (self->screening_date, NULL, 10);
  else
    year = current_year ();
  return hs_age_band_for_age (db, year - self->birth_year);
}

/* The first problem found for each field, in the order the form shows them. */
typedef struct
{
  HsParticipant *self;
  GPtrArray     *problems;
} Checker;

static void G_GNUC_PRINTF (3, 4)
add_problem (Checker    *checker,
             const char *property,
             const char *format,
             ...)
{
  HsParticipantProblem *problem;
  va_list args;

  for (guint i = 0; i < checker->problems->len; i++)
    {
      problem = g_ptr_array_index (checker->problems, i);
      if (g_str_equal (problem->property, property))
        return;
    }
  problem = g_new0 (HsParticipantProblem, 1);
  problem->property = g_strdup (property);
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (checker->problems, problem);
}

/* The label goes into the message only when @check fails, so it is only
 * translated then: an import validates a million people, and the eighteen
 * gettext lookups per person were up to a fifth of its time (with no
 * catalogue bound, as in the benchmark). */
#define CHECK_LAZILY(check, error, label, ...) \
  (check (__VA_ARGS__, NULL, NULL) || check (__VA_ARGS__, _(label), (error)))

/* Turns a GError of a shared helper into a problem of @property. */
static void
add_error (Checker    *checker,
           const char *property,
           gboolean    ok,
           GError     *error)
{
  if (!ok)
    add_problem (checker, property, "%s", error->message);
  g_clear_error (&error);
}

static void
check_national_id (Checker    *checker,
                   const char *value)
{
  if (value == NULL)
    return;
  if (value[strspn (value, "0123456789")] != '\0')
    add_problem (checker, "national-id",
                 _("The national ID must be exactly 16 digits, without spaces or other signs; "
                   "“%s” has other characters."), value);
  else if (strlen (value) != 16)
    add_problem (checker, "national-id",
                 _("The national ID must be exactly 16 digits; “%s” has %d."),
                 value, (int) strlen (value));
}

static gboolean
is_blank (const char *value)
{
  for (const char *p = value; p != NULL && *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p))
        return FALSE;
    }
  return TRUE;
}

/* The year the age is counted at: screening (enrolment), today otherwise. */
static int
reference_year (HsParticipant *self)
{
  if (self->screening_date != NULL && _hs_check_date (self->screening_date, "", NULL))
    return (int) g_ascii_strtoll (self->screening_date, NULL, 10);
  return current_year ();
}

static void
check_identity (Checker *checker)
{
  HsParticipant *self = checker->self;
  int year = current_year ();

  if (is_blank (self->full_name))
    add_problem (checker, "full-name", _("Enter the participant's full name."));
  if (self->sex == NULL)
    add_problem (checker, "sex", _("Choose the participant's sex: F or M."));
  else if (!g_str_equal (self->sex, "F") && !g_str_equal (self->sex, "M"))
    add_problem (checker, "sex", _("The sex “%s” is not F or M."), self->sex);
  if (self->birth_year != 0 && (self->birth_year < 1900 || self->birth_year > year))
    add_problem (checker, "birth-year",
                 _("The birth year %d is not between 1900 and %d; correct it, or leave it "
                   "empty if it is not known."), self->birth_year, year);
  else if (self->birth_year != 0
           && reference_year (self) - self->birth_year < HS_PARTICIPANT_MIN_AGE)
    add_problem (checker, "birth-year",
                 _("Born in %d, the person is younger than %d at enrolment; the programme "
                   "takes people aged %d or more. Check the birth year."),
                 self->birth_year, HS_PARTICIPANT_MIN_AGE, HS_PARTICIPANT_MIN_AGE);
  check_national_id (checker, self->national_id);
  if (self->phone != NULL && !hs_phone_normalize (self->phone, NULL))
    add_problem (checker, "phone",
                 _("“%s” is not a Rwandan mobile number: write 07 and 8 more digits "
                   "(0788123456) or +250 7 and 8 more digits (+250788123456)."), self->phone);
}

static void
check_prison (Checker *checker)
{
  HsParticipant *self = checker->self;

  if (self->is_prisoner && self->facility_id == 0)
    add_problem (checker, "facility-id",
                 _("A prisoner needs a correctional facility: choose the facility, or mark "
                   "the person as not a prisoner."));
  if (!self->is_prisoner && self->facility_id != 0)
    add_problem (checker, "facility-id",
                 _("Only a prisoner has a correctional facility: mark the person as a "
                   "prisoner, or clear the facility."));
}

static void
check_dates (Checker *checker)
{
  HsParticipant *self = checker->self;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  GError *error = NULL;
  gboolean ok;

  ok = CHECK_LAZILY (_hs_check_date, &error, N_("Screening date"), self->screening_date);
  add_error (checker, "screening-date", ok, error);
  error = NULL;
  ok = CHECK_LAZILY (_hs_check_date, &error, N_("Consent date"), self->consent_date);
  add_error (checker, "consent-date", ok, error);
  /* Only when needed: GLib 2.74 reads /etc/localtime for every local time,
   * and an import validates a million people. */
  if (ok && self->consent_date != NULL)
    {
      now = g_date_time_new_now_local ();
      today = g_date_time_format (now, "%Y-%m-%d");
    }
  if (ok && self->consent_date != NULL && strcmp (self->consent_date, today) > 0)
    add_problem (checker, "consent-date",
                 _("The consent date %s is in the future; enter the day the consent was "
                   "given."), self->consent_date);
  error = NULL;
  ok = CHECK_LAZILY (_hs_check_date, &error, N_("Consent withdrawn"), self->consent_withdrawn);
  add_error (checker, "consent-withdrawn", ok, error);
  error = NULL;
  ok = CHECK_LAZILY (_hs_check_date, &error, N_("Expected release"), self->expected_release);
  add_error (checker, "expected-release", ok, error);
}

static void
check_lengths (Checker *checker)
{
  HsParticipant *self = checker->self;
  const struct { const char *property; const char *label; const char *value; glong max; }
  texts[] = {
    { "full-name", N_("Full name"), self->full_name, HS_NAME_MAX_CHARS },
    { "phone", N_("Phone"), self->phone, HS_NAME_MAX_CHARS },
    { "national-id", N_("National ID"), self->national_id, HS_NAME_MAX_CHARS },
    { "sector", N_("Sector"), self->sector, HS_NAME_MAX_CHARS },
    { "cell", N_("Cell"), self->cell, HS_NAME_MAX_CHARS },
    { "village", N_("Village"), self->village, HS_NAME_MAX_CHARS },
    { "inmate-number", N_("Inmate number"), self->inmate_number, HS_NAME_MAX_CHARS },
    { "screening-needs", N_("Needs"), self->screening_needs, HS_NOTES_MAX_CHARS },
    { "screener", N_("Screened by"), self->screener, HS_NAME_MAX_CHARS },
    { "consent-given-by", N_("Consent given by"), self->consent_given_by, HS_NAME_MAX_CHARS },
    { "notes", N_("Notes"), self->notes, HS_NOTES_MAX_CHARS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      GError *error = NULL;
      gboolean ok = _hs_check_length (texts[i].value, NULL, texts[i].max, NULL)
                    || _hs_check_length (texts[i].value, _(texts[i].label), texts[i].max,
                                         &error);

      add_error (checker, texts[i].property, ok, error);
    }
}

static void
check_details (Checker *checker)
{
  HsParticipant *self = checker->self;
  GError *error = NULL;
  gboolean ok;

  if (self->category == NULL)
    add_problem (checker, "category",
                 _("Choose the participant's category (“other” when none fits)."));
  ok = CHECK_LAZILY (_hs_check_choice, &error, N_("Age band"), self->age_band, age_bands);
  add_error (checker, "age-band", ok, error);
  error = NULL;
  ok = CHECK_LAZILY (_hs_check_choice, &error, N_("Category"), self->category, categories);
  add_error (checker, "category", ok, error);
  error = NULL;
  ok = CHECK_LAZILY (_hs_check_choice, &error, N_("Trauma level"), self->trauma_level,
                     trauma_levels);
  add_error (checker, "trauma-level", ok, error);
  check_prison (checker);
  check_dates (checker);
}

static void
check_national_id_free (Checker    *checker,
                        HsDatabase *db)
{
  HsParticipant *self = checker->self;
  sqlite3_stmt *stmt;

  if (self->national_id == NULL)
    return;
  stmt = _hs_database_prepare (db,
                               "SELECT full_name FROM participant"
                               " WHERE national_id = ?1 AND id <> ?2", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, self->national_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, self->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    add_problem (checker, "national-id",
                 _("The national ID %s is already recorded for %s. Check the number, or open "
                   "that person's record instead of adding them again."),
                 self->national_id, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

void
hs_participant_problem_free (HsParticipantProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->property);
  g_free (problem->message);
  g_free (problem);
}

GPtrArray *
hs_participant_validate (HsParticipant *self,
                         HsDatabase    *db)
{
  Checker checker = { self, NULL };

  g_return_val_if_fail (HS_IS_PARTICIPANT (self), NULL);
  g_return_val_if_fail (db == NULL || HS_IS_DATABASE (db), NULL);

  checker.problems = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_participant_problem_free);
  check_lengths (&checker);
  if (checker.problems->len == 0)
    check_identity (&checker);
  check_details (&checker);
  if (db != NULL)
    check_national_id_free (&checker, db);
  return checker.problems;
}

/* Spaces, dashes, dots and brackets are how people write numbers, not part of them. */
gboolean
hs_phone_normalize (const char  *phone,
                    char       **normalized)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *national;

  if (phone == NULL)
    return FALSE;
  for (const char *p = phone; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p == '+' && digits->len == 0 && p == phone + strspn (phone, " "))
        continue;
      else if (strchr (" -.()/", *p) == NULL)
        return FALSE;
    }
  national = digits->str;
  if (g_str_has_prefix (national, "00250"))
    national += 5;
  else if (g_str_has_prefix (national, "250"))
    national += 3;
  else if (national[0] == '0')
    national += 1;
  else
    return FALSE;
  if (strlen (national) != 9 || national[0] != '7')
    return FALSE;
  if (normalized != NULL)
    *normalized = g_strconcat ("+250", national, NULL);
  return TRUE;
}

static char *
fold_name (const char *name)
{
  /* A fixed locale, so that every user's search folds the same way. */
  g_autofree char *ascii = g_str_to_ascii (name, "C");

  return g_ascii_strdown (ascii, -1);
}

/* Binds ?1 … ?25, the columns that insert and update share. */
static void
bind_columns (HsParticipant *self,
              sqlite3_stmt  *stmt,
              const char    *search_key,
              const char    *age_band,
              const char    *updated)
{
  _hs_bind_text (stmt, 1, self->full_name);
  _hs_bind_text (stmt, 2, search_key);
  _hs_bind_text (stmt, 3, self->sex);
  _hs_bind_number (stmt, 4, self->birth_year, 0);
  _hs_bind_text (stmt, 5, age_band);
  _hs_bind_text (stmt, 6, self->phone);
  _hs_bind_text (stmt, 7, self->national_id);
  _hs_bind_number (stmt, 8, self->district_id, 0);
  _hs_bind_text (stmt, 9, self->sector);
  _hs_bind_text (stmt, 10, self->cell);
  _hs_bind_text (stmt, 11, self->village);
  _hs_bind_text (stmt, 12, self->category);
  sqlite3_bind_int (stmt, 13, self->is_prisoner ? 1 : 0);
  _hs_bind_number (stmt, 14, self->facility_id, 0);
  _hs_bind_text (stmt, 15, self->inmate_number);
  _hs_bind_text (stmt, 16, self->expected_release);
  _hs_bind_text (stmt, 17, self->screening_date);
  _hs_bind_text (stmt, 18, self->trauma_level);
  _hs_bind_text (stmt, 19, self->screening_needs);
  _hs_bind_text (stmt, 20, self->screener);
  _hs_bind_text (stmt, 21, self->consent_date);
  _hs_bind_text (stmt, 22, self->consent_given_by);
  _hs_bind_text (stmt, 23, self->consent_withdrawn);
  _hs_bind_text (stmt, 24, self->notes);
  _hs_bind_text (stmt, 25, updated);
}

/* What a successful save changes in the object besides the user's fields. */
typedef struct
{
  gint64      id;
  const char *uuid;
  const char *created;
  const char *updated;
  const char *age_band;
  const char *search_key;
} Saved;

static gboolean
step_and_audit (HsParticipant  *self,
                HsDatabase     *db,
                sqlite3_stmt   *stmt,
                Saved          *saved,
                GError        **error)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean ok;

  if (self->id != 0)
    {
      before = _hs_database_row_json (db, "participant", self->id);
      if (before == NULL)
        {
          g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND,
                       _("This participant no longer exists; they may have been deleted."));
          sqlite3_clear_bindings (stmt);
          return FALSE;
        }
    }
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    _hs_database_set_error (db, error, _("Saving the participant"));
  else if (self->id == 0)
    saved->id = sqlite3_last_insert_rowid (_hs_database_get_handle (db));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (!ok)
    return FALSE;

  after = _hs_database_row_json (db, "participant", saved->id);
  return _hs_database_audit (db, before != NULL ? HS_AUDIT_UPDATE : HS_AUDIT_INSERT,
                             "participant", saved->id, before, after, error)
         && _hs_participant_index (db, saved->id, error);
}

static gboolean
step_index (HsDatabase    *db,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  gboolean ok = sqlite3_step (stmt) == SQLITE_DONE;

  if (!ok)
    _hs_database_set_error (db, error, _("Updating the search index"));
  sqlite3_reset (stmt);
  return ok;
}

gboolean
_hs_participant_unindex (HsDatabase  *db,
                         gint64       id,
                         GError     **error)
{
  sqlite3_stmt *stmt = _hs_database_prepare (db, "DELETE FROM participant_fts WHERE rowid = ?1",
                                             error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return step_index (db, stmt, error);
}

static GQuark
deferred_quark (void)
{
  return g_quark_from_static_string ("hs-participant-deferred-index");
}

void
_hs_participant_index_hold (HsDatabase *db)
{
  g_object_set_qdata_full (G_OBJECT (db), deferred_quark (),
                           g_array_new (FALSE, FALSE, sizeof (gint64)),
                           (GDestroyNotify) g_array_unref);
}

static gboolean
index_now (HsDatabase  *db,
           gint64       id,
           GError     **error);

static int
compare_id (gconstpointer a,
            gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

gboolean
_hs_participant_index_release (HsDatabase  *db,
                               gboolean     write,
                               GError     **error)
{
  g_autoptr(GArray) ids = g_object_steal_qdata (G_OBJECT (db), deferred_quark ());
  gint64 last = 0;

  if (ids == NULL || !write)
    return TRUE;
  /* In id order the index pages are written in order; an id noted twice
   * (one person twice in a file) is indexed once. */
  g_array_sort (ids, compare_id);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (id != last && !index_now (db, id, error))
        return FALSE;
      last = id;
    }
  return TRUE;
}

gboolean
_hs_participant_index (HsDatabase  *db,
                       gint64       id,
                       GError     **error)
{
  GArray *deferred = g_object_get_qdata (G_OBJECT (db), deferred_quark ());

  if (deferred == NULL)
    return index_now (db, id, error);
  g_array_append_val (deferred, id);
  return TRUE;
}

static gboolean
index_now (HsDatabase  *db,
           gint64       id,
           GError     **error)
{
  sqlite3_stmt *stmt;

  if (!_hs_participant_unindex (db, id, error))
    return FALSE;
  stmt = _hs_database_prepare (db,
                               "INSERT INTO participant_fts (rowid, full_name, phone, national_id,"
                               " village) SELECT id, full_name, phone, national_id, village"
                               " FROM participant WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return step_index (db, stmt, error);
}

/* Kept in the setting table (derived state, so not audited): the lowest
 * participant id that may be missing from the search index. Measured at
 * 200,000 imported people: filling the index was a quarter of the import's
 * CPU time, and more than its whole time budget. */
#define UNINDEXED_KEY "search.unindexed_from"

gboolean
_hs_participant_index_defer (HsDatabase  *db,
                             gint64       first_id,
                             GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = _hs_database_prepare (db,
                               "INSERT INTO setting (key, value) VALUES ('" UNINDEXED_KEY "', ?1)"
                               " ON CONFLICT (key) DO UPDATE SET value ="
                               " min (CAST (value AS INTEGER), CAST (excluded.value AS INTEGER))",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, first_id);
  return step_index (db, stmt, error);
}

/* Indexes the people from the mark on whose ids are below the mark plus
 * @max_people, and moves the mark past them (or clears it at the end). */
static gboolean
catch_up (HsDatabase  *db,
          gint64       max_people,
          gboolean    *more,
          GError     **error)
{
  g_autofree char *value = NULL;
  sqlite3_stmt *stmt;
  gint64 from, to;
  gboolean ok;

  *more = FALSE;
  /* Every search asks: a plain read first, so that a search takes no write
   * lock (and does not wait for another program's import) when nothing is
   * behind. */
  if (!hs_participant_index_is_behind (db))
    return TRUE;
  if (!_hs_database_write_begin (db, error))
    return FALSE;
  /* Read again inside the write: another program's import may have moved it. */
  if ((value = hs_database_get_setting (db, UNINDEXED_KEY)) == NULL)
    return _hs_database_write_end (db, TRUE, error);
  from = g_ascii_strtoll (value, NULL, 10);
  to = from + max_people;
  /* People written since (an edit, a merge) are in the index already. */
  stmt = _hs_database_prepare (db,
                               "INSERT INTO participant_fts (rowid, full_name, phone, national_id,"
                               " village) SELECT id, full_name, phone, national_id, village"
                               " FROM participant p WHERE id >= ?1 AND id < ?2"
                               " AND NOT EXISTS (SELECT 1 FROM participant_fts f"
                               " WHERE f.rowid = p.id)", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, from);
      sqlite3_bind_int64 (stmt, 2, to);
      ok = step_index (db, stmt, error);
    }
  if (ok)
    {
      stmt = _hs_database_prepare (db, "SELECT EXISTS (SELECT 1 FROM participant WHERE id >= ?1)",
                                   error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, to);
      *more = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
      sqlite3_reset (stmt);
      stmt = _hs_database_prepare (db, *more ? "UPDATE setting SET value = ?1 WHERE key = '"
                                               UNINDEXED_KEY "'"
                                             : "DELETE FROM setting WHERE key = '"
                                               UNINDEXED_KEY "'", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      if (*more)
        sqlite3_bind_int64 (stmt, 1, to);
      ok = step_index (db, stmt, error);
    }
  if (!ok)
    *more = FALSE;
  return _hs_database_write_end (db, ok, error);
}

gboolean
_hs_participant_index_catch_up (HsDatabase  *db,
                                GError     **error)
{
  gboolean more;

  return catch_up (db, G_MAXINT64 / 2, &more, error);
}

gboolean
hs_participant_index_catch_up (HsDatabase  *db,
                               guint        max_people,
                               GError     **error)
{
  gboolean more;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (max_people > 0, FALSE);

  return catch_up (db, max_people, &more, error) && more;
}

gboolean
hs_participant_index_is_behind (HsDatabase *db)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  value = hs_database_get_setting (db, UNINDEXED_KEY);
  return value != NULL;
}

gboolean
_hs_participant_index_check (HsDatabase  *db,
                             GError     **error)
{
  g_autofree char *pending = hs_database_get_setting (db, UNINDEXED_KEY);
  sqlite3_stmt *stmt;
  gboolean same = FALSE;
  gboolean ok;

  /* Behind after an import, by design: a search catches up first. */
  if (pending != NULL)
    return TRUE;
  /* The index's docsize table has one small row per indexed person:
   * counting it takes 4 ms at a million people, where count(*) on the FTS
   * table itself reads every indexed text (0.15-0.3 s, at every start of
   * the participants page). */
  stmt = _hs_database_prepare (db,
                               "SELECT (SELECT count(*) FROM participant)"
                               " = (SELECT count(*) FROM participant_fts_docsize)", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    same = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (same)
    return TRUE;

  if (!_hs_database_write_begin (db, error))
    return FALSE;
  ok = _hs_database_exec (db,
                          "DELETE FROM participant_fts;"
                          "INSERT INTO participant_fts (rowid, full_name, phone, national_id,"
                          " village) SELECT id, full_name, phone, national_id, village"
                          " FROM participant", error);
  return _hs_database_write_end (db, ok, error);
}

static gboolean
write_row (HsParticipant  *self,
           HsDatabase     *db,
           Saved          *saved,
           GError        **error)
{
  sqlite3_stmt *stmt;

  if (self->id == 0)
    {
      stmt = _hs_database_prepare (db,
                                   "INSERT INTO participant (full_name, search_key, sex,"
                                   " birth_year, age_band, phone, national_id, district_id,"
                                   " sector, cell, village, category, is_prisoner, facility_id,"
                                   " inmate_number, expected_release, screening_date,"
                                   " trauma_level, screening_needs, screener, consent_date,"
                                   " consent_given_by, consent_withdrawn, notes, updated, uuid,"
                                   " created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                                   " ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,"
                                   " ?23, ?24, ?25, ?26, ?27)", error);
      if (stmt == NULL)
        return FALSE;
      bind_columns (self, stmt, saved->search_key, saved->age_band, saved->updated);
      _hs_bind_text (stmt, 26, saved->uuid);
      _hs_bind_text (stmt, 27, saved->created);
    }
  else
    {
      stmt = _hs_database_prepare (db,
                                   "UPDATE participant SET full_name = ?1, search_key = ?2,"
                                   " sex = ?3, birth_year = ?4, age_band = ?5, phone = ?6,"
                                   " national_id = ?7, district_id = ?8, sector = ?9, cell = ?10,"
                                   " village = ?11, category = ?12, is_prisoner = ?13,"
                                   " facility_id = ?14, inmate_number = ?15,"
                                   " expected_release = ?16, screening_date = ?17,"
                                   " trauma_level = ?18, screening_needs = ?19, screener = ?20,"
                                   " consent_date = ?21, consent_given_by = ?22,"
                                   " consent_withdrawn = ?23, notes = ?24, updated = ?25"
                                   " WHERE id = ?26", error);
      if (stmt == NULL)
        return FALSE;
      bind_columns (self, stmt, saved->search_key, saved->age_band, saved->updated);
      sqlite3_bind_int64 (stmt, 26, self->id);
    }
  return step_and_audit (self, db, stmt, saved, error);
}

static char *
lookup_district (HsDatabase *db,
                 gint64      district_id)
{
  sqlite3_stmt *stmt = _hs_database_prepare (db, "SELECT name FROM district WHERE id = ?1", NULL);
  char *name = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, district_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = dup_column (stmt, 0);
  sqlite3_reset (stmt);
  return name;
}

static void
apply_saved (HsParticipant *self,
             HsDatabase    *db,
             Saved         *saved)
{
  g_object_freeze_notify (G_OBJECT (self));
  set_id (self, &self->id, PROP_ID, saved->id);
  set_string (self, PROP_UUID, saved->uuid);
  set_string (self, PROP_CREATED, saved->created);
  set_string (self, PROP_UPDATED, saved->updated);
  set_string (self, PROP_AGE_BAND, saved->age_band);
  set_string (self, PROP_SEARCH_KEY, saved->search_key);
  if (self->district_id != 0 && self->district == NULL)
    {
      g_autofree char *district = lookup_district (db, self->district_id);
      set_string (self, PROP_DISTRICT, district);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
hs_participant_save (HsParticipant  *self,
                     HsDatabase     *db,
                     GError        **error)
{
  g_autofree char *now = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *search_key = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  Saved saved = { 0, };
  gboolean ok;

  g_return_val_if_fail (HS_IS_PARTICIPANT (self), FALSE);
  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  /* Typing personal data back into an erased record would undo the
   * erasure the person asked for. */
  if (self->erased != NULL)
    {
      g_set_error_literal (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                           _("This person's data was erased: the record cannot be changed."));
      return FALSE;
    }
  if (self->phone != NULL)
    {
      g_autofree char *phone = NULL;

      if (hs_phone_normalize (self->phone, &phone))
        set_string (self, PROP_PHONE, phone);
    }
  problems = hs_participant_validate (self, db);
  if (problems->len > 0)
    {
      HsParticipantProblem *first = g_ptr_array_index (problems, 0);

      g_set_error_literal (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID, first->message);
      return FALSE;
    }

  now = _hs_database_now ();
  search_key = fold_name (self->full_name);
  saved.id = self->id;
  saved.search_key = search_key;
  saved.age_band = self->age_band != NULL ? self->age_band : derive_age_band (self, db);
  if (self->id == 0)
    {
      uuid = self->uuid != NULL ? g_strdup (self->uuid) : g_uuid_string_random ();
      saved.uuid = uuid;
      saved.created = self->created != NULL ? self->created : now;
      saved.updated = self->updated != NULL ? self->updated : saved.created;
    }
  else
    {
      saved.uuid = self->uuid;
      saved.created = self->created;
      saved.updated = now;
    }

  if (!_hs_database_write_begin (db, error))
    return FALSE;
  ok = write_row (self, db, &saved, error);
  if (!_hs_database_write_end (db, ok, error))
    return FALSE;

  apply_saved (self, db, &saved);
  return TRUE;
}

/* Certificates and livelihood records are kept apart on purpose: they are
 * evidence for donors, so deleting them must be a decision of its own. */
static gboolean
check_no_records (HsDatabase  *db,
                  gint64       id,
                  const char  *name,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean clear = FALSE;
  int rc;

  stmt = _hs_database_prepare (db,
                               "SELECT EXISTS (SELECT 1 FROM certificate WHERE participant_id = ?1)"
                               " OR EXISTS (SELECT 1 FROM business_member"
                               "   WHERE participant_id = ?1)"
                               " OR EXISTS (SELECT 1 FROM tvet WHERE participant_id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    clear = sqlite3_column_int (stmt, 0) == 0;
  else
    _hs_database_set_error (db, error, _("Deleting the participant"));
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW && !clear)
    g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                 _("%s has certificates, a business group or vocational training on record. "
                   "Remove those records first, then delete the person."), name);
  return clear;
}

gboolean
hs_participant_delete (HsDatabase  *db,
                       gint64       id,
                       GError     **error)
{
  g_autoptr(HsParticipant) self = NULL;
  gboolean ok;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  self = hs_participant_load (db, id, error);
  if (self == NULL || !check_no_records (db, id, self->full_name, error))
    return FALSE;

  if (!_hs_database_write_begin (db, error))
    return FALSE;
  ok = _hs_delete_audited (db, "attendance",
                           "SELECT id FROM attendance WHERE participant_id = ?1",
                           "DELETE FROM attendance WHERE id = ?", id, 0, error)
       && _hs_delete_audited (db, "membership",
                              "SELECT id FROM membership WHERE participant_id = ?1",
                              "DELETE FROM membership WHERE id = ?", id, 0, error)
       && _hs_delete_audited (db, "participant",
                              "SELECT id FROM participant WHERE id = ?1",
                              "DELETE FROM participant WHERE id = ?", id, 0, error)
       && _hs_participant_unindex (db, id, error);
  return _hs_database_write_end (db, ok, error);
}

gint64
hs_participant_get_id (HsParticipant *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT (self), 0);
  return self->id;
}

const char *
hs_participant_get_uuid (HsParticipant *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT (self), NULL);
  return self->uuid;
}

const char *
hs_participant_get_full_name (HsParticipant *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT (self), NULL);
  return self->full_name;
}

const char *
hs_participant_display_name (const char *full_name)
{
  if (g_strcmp0 (full_name, HS_PARTICIPANT_ERASED_NAME) == 0)
    return C_("participant", "Erased record");
  return full_name != NULL ? full_name : "";
}

const char *
hs_participant_get_sex (HsParticipant *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT (self), NULL);
  return self->sex;
}

int
hs_participant_get_birth_year (HsParticipant *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT (self), 0);
  return self->birth_year;
}

const char *
hs_participant_get_age_band (HsParticipant *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT (self), NULL);
  return self->age_band;
}

const char *
hs_participant_get_phone (HsParticipant *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT (self), NULL);
  return self->phone;
}

const char *
hs_participant_get_national_id (HsParticipant *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT (self), NULL);
  return self->national_id;
}

gint64
hs_participant_get_district_id (HsParticipant *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT (self), 0);
  return self->district_id;
}

const char *
hs_participant_get_district (HsParticipant *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT (self), NULL);
  return self->district;
}

const char *
hs_participant_get_sector (HsParticipant *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT (self), NULL);
  return self->sector;
}

const char *
hs_participant_get_cell (HsParticipant *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT (self), NULL);
  return self->cell;
}

const char *
hs_participant_get_village (HsParticipant *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT (self), NULL);
  return self->village;
}

const char *
hs_participant_get_category (HsParticipant *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT (self), NULL);
  return self->category;
}

gboolean
hs_participant_get_is_prisoner (HsParticipant *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT (self), FALSE);
  return self->is_prisoner;
}

gint64
hs_participant_get_facility_id (HsParticipant *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT (self), 0);
  return self->facility_id;
}

const char *
hs_participant_get_inmate_number (HsParticipant *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT (self), NULL);
  return self->inmate_number;
}

const char *
hs_participant_get_expected_release (HsParticipant *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT (self), NULL);
  return self->expected_release;
}

const char *
hs_participant_get_screening_date (HsParticipant *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT (self), NULL);
  return self->screening_date;
}

const char *
hs_participant_get_trauma_level (HsParticipant *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT (self), NULL);
  return self->trauma_level;
}

const char *
hs_participant_get_screening_needs (HsParticipant *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT (self), NULL);
  return self->screening_needs;
}

const char *
hs_participant_get_screener (HsParticipant *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT (self), NULL);
  return self->screener;
}

const char *
hs_participant_get_consent_date (HsParticipant *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT (self), NULL);
  return self->consent_date;
}

const char *
hs_participant_get_consent_given_by (HsParticipant *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT (self), NULL);
  return self->consent_given_by;
}

const char *
hs_participant_get_consent_withdrawn (HsParticipant *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT (self), NULL);
  return self->consent_withdrawn;
}

const char *
hs_participant_get_notes (HsParticipant *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT (self), NULL);
  return self->notes;
}

const char *
hs_participant_get_created (HsParticipant *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT (self), NULL);
  return self->created;
}

const char *
hs_participant_get_updated (HsParticipant *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT (self), NULL);
  return self->updated;
}

const char *
hs_participant_get_search_key (HsParticipant *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT (self), NULL);
  return self->search_key;
}

const char *
hs_participant_get_erased (HsParticipant *self)
{
  g_return_val_if_fail (HS_IS_PARTICIPANT (self), NULL);
  return self->erased;
}
