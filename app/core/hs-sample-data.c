/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-sample-data"

#include <glib/gi18n-lib.h>

#include "hs-chart-data.h"
#include "hs-facilitator.h"
#include "hs-group.h"
#include "hs-livelihood-private.h"
#include "hs-membership.h"
#include "hs-participant.h"
#include "hs-sample-data.h"
#include "hs-schedule.h"
#include "hs-session.h"

/* The programme of the seed article, reproduced exactly:
 *
 *   836 graduates, 489 female and 347 male, 327 youth and 509 adults;
 *   173 of them prisoners (119 female, 54 male) in four facilities;
 *   50 community groups (5 adult + 5 youth per district) and 12 prison groups.
 *
 * Groups hold 10–15 people, so 663 community graduates cannot all sit in
 * groups of their own age band: 25 adult groups seat at most 375. The youth
 * groups therefore include some young adults (31–34 at enrolment). Age bands
 * are the participants' own, derived from their birth year, as the app does
 * for real records. Musanze Prison's 46 graduates need one group of 16. */

#define SESSIONS 15
#define MIN_ATTENDED 12

typedef struct
{
  const char *district;
  guint       adult_groups[5];
  guint       youth_groups[5];
  const char *sectors[8];
} CommunityPlan;

static const CommunityPlan community_plan[] = {
  { "Musanze", { 14, 14, 14, 14, 14 }, { 13, 13, 12, 12, 12 },
    { "Busogo", "Cyuve", "Gacaca", "Kinigi", "Muhoza", "Nyange", "Remera", "Shingiro" } },
  { "Nyabihu", { 15, 15, 15, 15, 14 }, { 15, 15, 15, 14, 14 },
    { "Bigogwe", "Jenda", "Jomba", "Kabatwa", "Mukamira", "Rambura", "Rurembo", "Shyira" } },
  { "Ngoma", { 10, 10, 10, 9, 9 }, { 9, 9, 8, 8, 8 },
    { "Gashanda", "Jarama", "Kazo", "Kibungo", "Mugesera", "Remera", "Rukumberi", "Zaza" } },
  { "Nyagatare", { 15, 15, 15, 14, 14 }, { 15, 15, 15, 14, 14 },
    { "Gatunda", "Karama", "Karangazi", "Matimba", "Mimuri", "Nyagatare", "Rukomo", "Tabagwe" } },
  { "Nyamagabe", { 15, 15, 15, 15, 14 }, { 15, 15, 15, 15, 14 },
    { "Cyanika", "Gasaka", "Kaduha", "Kamegeri", "Kitabi", "Mbazi", "Musange", "Tare" } },
};

typedef struct
{
  const char *facility;
  const char *district;
  guint       groups[3];
  guint       female;
  gboolean    juvenile;
} PrisonPlan;

static const PrisonPlan prison_plan[] = {
  { "Musanze Prison", "Musanze", { 16, 15, 15 }, 32, FALSE },
  { "Ngoma Prison", "Ngoma", { 15, 15, 15 }, 31, FALSE },
  { "Nyagatare Juvenile Prison", "Nyagatare", { 14, 13, 13 }, 26, TRUE },
  { "Nyamagabe Prison", "Nyamagabe", { 14, 14, 14 }, 30, FALSE },
};

#define COMMUNITY_GRADUATES 663
#define COMMUNITY_FEMALE 370
#define YOUTH_GROUP_GRADUATES 324
#define YOUTH_GROUP_OLDER 37

static const char * const female_given[] = {
  "Alice", "Claudine", "Jeanne", "Marie Claire", "Chantal", "Solange", "Immaculée", "Vestine",
  "Béatrice", "Josiane", "Agnès", "Espérance", "Odette", "Clémentine", "Francine", "Diane",
  "Grâce", "Aline", "Jacqueline", "Consolée", "Drocella", "Spéciose", "Goretti", "Théopiste",
  "Annonciata", "Valentine", "Donatille", "Pélagie",
};

static const char * const male_given[] = {
  "Jean", "Emmanuel", "Théogène", "Jean de Dieu", "Innocent", "Éric", "Patrick", "Fidèle",
  "Célestin", "Damascène", "Olivier", "Claude", "Évariste", "Faustin", "Gaspard", "Augustin",
  "Anastase", "Pascal", "Vincent", "Félicien", "Alphonse", "Joseph", "Protais", "Viateur",
  "Théoneste", "Straton", "Narcisse", "Cyprien",
};

static const char * const female_family[] = {
  "Mukamana", "Uwimana", "Mukandayisenga", "Nyirahabimana", "Uwase", "Ingabire", "Umutoni",
  "Mukeshimana", "Nyiransabimana", "Uwamahoro", "Mukarugwiza", "Niyonsaba", "Uwera", "Mutoni",
  "Mukandori", "Nyiramana", "Uwineza", "Mukashema", "Nyirabizimana", "Umuhoza",
};

static const char * const male_family[] = {
  "Habimana", "Niyonzima", "Hakizimana", "Nsengiyumva", "Bizimana", "Ndayisaba", "Nshimiyimana",
  "Mugabo", "Twagirayezu", "Munyaneza", "Harerimana", "Nkurunziza", "Ntawukuriryayo", "Uwizeye",
  "Kayitare", "Gasana", "Rukundo", "Mugisha", "Nzabonimana", "Ndagijimana",
};

static const char * const community_categories[] = {
  "survivor", "survivor", "survivor", "survivor", "survivor", "survivor", "survivor",
  "descendant", "descendant", "descendant", "descendant", "descendant", "descendant",
  "perpetrator", "perpetrator", "perpetrator", "returnee", "returnee", "ex_combatant", "other",
};

static const char * const trauma_levels[] = { "mild", "moderate", "moderate", "severe", "none" };

static const char * const dropout_reasons[] = {
  "Moved to another district", "Found seasonal work", "Illness in the family",
  "Did not feel ready to continue", "Transferred to another prison",
};

typedef struct
{
  HsDatabase *db;
  GRand      *rand;
  GHashTable *holidays;
  GDate       today;
  guint       serial;
  guint       community_index;
  guint       youth_group_index;
} Builder;

/* Spreads @part over @whole evenly and deterministically: TRUE for exactly
 * @part of the indexes 0 … @whole - 1. */
static gboolean
take_share (guint index,
            guint part,
            guint whole)
{
  return (guint64) (index + 1) * part / whole > (guint64) index * part / whole;
}

/* The database's holiday table, the Kwibuka week and the Umuganda morning,
 * as the scheduler sees them: sample sessions are moved a week on rather than
 * land there, for a demo must not show what the app warns against. */
static gboolean
is_closed_day (Builder     *b,
               const GDate *date,
               const char  *time)
{
  return hs_schedule_check_day (b->holidays, date, time, NULL) != HS_DAY_OPEN;
}

static char *
make_name (Builder    *b,
           gboolean    female)
{
  const char * const *given = female ? female_given : male_given;
  const char * const *family = female ? female_family : male_family;
  guint n_given = female ? G_N_ELEMENTS (female_given) : G_N_ELEMENTS (male_given);
  guint n_family = female ? G_N_ELEMENTS (female_family) : G_N_ELEMENTS (male_family);
  const char *first = given[g_rand_int_range (b->rand, 0, n_given)];
  const char *last = family[g_rand_int_range (b->rand, 0, n_family)];

  /* Registers written by hand often put the family name first, in capitals. */
  if (g_rand_int_range (b->rand, 0, 4) == 0)
    {
      g_autofree char *upper = g_utf8_strup (last, -1);
      return g_strdup_printf ("%s %s", upper, first);
    }
  return g_strdup_printf ("%s %s", first, last);
}

typedef struct
{
  gboolean    female;
  int         age;
  gint64      district_id;
  const char *sector;
  gint64      facility_id;
  const char *category;
  const char *screening_date;
  const char *screener;
} Person;

static gint64
add_person (Builder       *b,
            const Person  *person,
            GError       **error)
{
  g_autofree char *name = make_name (b, person->female);
  g_autofree char *phone = NULL;
  g_autofree char *national_id = NULL;
  g_autofree char *village = NULL;
  g_autoptr(HsParticipant) p = NULL;
  int birth_year = g_ascii_strtoll (person->screening_date, NULL, 10) - person->age;
  static const char * const prefixes[] = { "078", "079", "072", "073" };

  b->serial++;
  if (person->facility_id == 0 && g_rand_int_range (b->rand, 0, 10) < 8)
    phone = g_strdup_printf ("%s%07u", prefixes[b->serial % G_N_ELEMENTS (prefixes)],
                             (b->serial * 7919u + 1234567u) % 10000000u);
  if (person->age >= 16 && g_rand_int_range (b->rand, 0, 10) < 7)
    national_id = g_strdup_printf ("1%04d%c%07u%c%02u", birth_year, person->female ? '7' : '8',
                                   b->serial, '0' + b->serial % 10, b->serial % 97);
  village = g_strdup_printf ("Umudugudu %u", 1 + g_rand_int_range (b->rand, 0, 12));

  p = g_object_new (HS_TYPE_PARTICIPANT,
                    "full-name", name,
                    "sex", person->female ? "F" : "M",
                    "birth-year", birth_year,
                    "phone", phone,
                    "national-id", national_id,
                    "district-id", person->district_id,
                    "sector", person->sector,
                    "village", person->facility_id ? NULL : village,
                    "category", person->category,
                    "is-prisoner", person->facility_id != 0,
                    "facility-id", person->facility_id,
                    "screening-date", person->screening_date,
                    "trauma-level",
                    trauma_levels[g_rand_int_range (b->rand, 0, G_N_ELEMENTS (trauma_levels))],
                    "screener", person->screener,
                    "consent-date", person->screening_date,
                    "consent-given-by", person->age < 18 ? "Parent or guardian" : "Participant",
                    NULL);
  if (person->facility_id != 0)
    {
      g_autofree char *inmate = g_strdup_printf ("RCS-%06u", 100000 + b->serial);
      g_object_set (p, "inmate-number", inmate, NULL);
    }
  if (!hs_participant_save (p, b->db, error))
    return 0;
  return hs_participant_get_id (p);
}

static gint64
add_facilitator (Builder     *b,
                 gint64       district_id,
                 const char  *trained,
                 char       **name_out,
                 GError     **error)
{
  gboolean female = g_rand_int_range (b->rand, 0, 2) == 0;
  g_autofree char *name = make_name (b, female);
  g_autofree char *phone = g_strdup_printf ("078%07u", g_rand_int_range (b->rand, 0, 10000000));
  g_autoptr(HsFacilitator) f = g_object_new (HS_TYPE_FACILITATOR,
                                             "full-name", name,
                                             "sex", female ? "F" : "M",
                                             "phone", phone,
                                             "district-id", district_id,
                                             "trained-date", trained,
                                             NULL);

  if (!hs_facilitator_save (f, b->db, error))
    return 0;
  if (name_out != NULL)
    *name_out = g_steal_pointer (&name);
  return hs_facilitator_get_id (f);
}

typedef struct
{
  const char *name;
  const char *setting;
  const char *age_band;
  gint64      district_id;
  gint64      facility_id;
  const char *sector;
  const char *venue;
  const char *time;
  GDate       start;
  gint64      facilitators[2];
  const char *screener;
} GroupSpec;

typedef struct
{
  gint64 id;
  gint64 session_ids[SESSIONS];
  GDate  dates[SESSIONS];
  guint  held;
} BuiltGroup;

static gboolean
add_group (Builder     *b,
           GroupSpec   *spec,
           gboolean     running,
           BuiltGroup  *out,
           GError     **error)
{
  g_autofree char *start = hs_schedule_format_date (&spec->start);
  g_autoptr(HsGroup) group = NULL;
  g_autoptr(GArray) plan = NULL;

  group = g_object_new (HS_TYPE_GROUP,
                        "name", spec->name,
                        "approach", "sociotherapy",
                        "setting", spec->setting,
                        "age-band", spec->age_band,
                        "district-id", spec->district_id,
                        "facility-id", spec->facility_id,
                        "sector", spec->sector,
                        "venue", spec->venue,
                        "weekday", (int) g_date_get_weekday (&spec->start),
                        "start-time", spec->time,
                        "start-date", start,
                        "planned-sessions", SESSIONS,
                        "status", running ? "running" : "graduated",
                        NULL);
  if (!hs_group_save (group, b->db, error))
    return FALSE;
  out->id = hs_group_get_id (group);
  for (guint i = 0; i < 2; i++)
    if (!hs_group_add_facilitator (b->db, out->id, spec->facilitators[i], error))
      return FALSE;

  /* The scheduler's own dates and reasons, as a coordinator's group gets them. */
  plan = hs_schedule_generate (b->holidays, &spec->start, g_date_get_weekday (&spec->start),
                               SESSIONS, spec->time);
  out->held = 0;
  for (guint n = 0; n < SESSIONS; n++)
    {
      HsScheduledSession *it = &g_array_index (plan, HsScheduledSession, n);
      g_autofree char *day = hs_schedule_format_date (&it->date);
      g_autoptr(HsSession) session = NULL;
      gboolean held = !running || g_date_compare (&it->date, &b->today) < 0;

      session = g_object_new (HS_TYPE_SESSION,
                              "group-id", out->id,
                              "number", (int) n + 1,
                              "date", day,
                              "time", spec->time,
                              "venue", spec->venue,
                              "status", held ? "held" : it->reason != NULL ? "moved" : "planned",
                              "reason", it->reason,
                              NULL);
      if (!hs_session_save (session, b->db, error))
        return FALSE;
      out->session_ids[n] = hs_session_get_id (session);
      out->dates[n] = it->date;
      out->held += held;
    }
  return TRUE;
}

/* Marks a graduate present at all but 0–3 held sessions, so that every
 * graduate meets the default rule (12 of 15) and the grid looks real. */
static gboolean
add_graduate_attendance (Builder           *b,
                         const BuiltGroup  *group,
                         gint64             person,
                         GError           **error)
{
  guint misses = (guint) g_rand_int_range (b->rand, 0, 100);
  gboolean missed[SESSIONS] = { FALSE };

  misses = misses < 45 ? 0 : misses < 75 ? 1 : misses < 92 ? 2 : 3;
  G_STATIC_ASSERT (SESSIONS - 3 >= MIN_ATTENDED);
  for (guint i = 0; i < misses; i++)
    missed[g_rand_int_range (b->rand, 0, group->held)] = TRUE;

  for (guint n = 0; n < group->held; n++)
    {
      const char *mark = !missed[n] ? "present"
                         : g_rand_int_range (b->rand, 0, 3) == 0 ? "excused" : "absent";

      if (!hs_attendance_set (b->db, group->session_ids[n], person, mark, error))
        return FALSE;
    }
  return TRUE;
}

/* A drop-out comes to the first few sessions and then stops. */
static gboolean
add_dropout (Builder           *b,
             const BuiltGroup  *group,
             gint64             person,
             const char        *outcome,
             GError           **error)
{
  guint last = (guint) g_rand_int_range (b->rand, 2, 9);
  g_autofree char *left = hs_schedule_format_date (&group->dates[last]);
  const char *reason;

  for (guint n = 0; n < last; n++)
    {
      const char *mark = g_rand_int_range (b->rand, 0, 4) == 0 ? "absent" : "present";

      if (!hs_attendance_set (b->db, group->session_ids[n], person, mark, error))
        return FALSE;
    }
  reason = g_str_equal (outcome, "transferred")
           ? dropout_reasons[G_N_ELEMENTS (dropout_reasons) - 1]
           : dropout_reasons[g_rand_int_range (b->rand, 0, G_N_ELEMENTS (dropout_reasons) - 1)];
  return hs_membership_set_outcome (b->db, group->id, person, outcome, left, reason, error);
}

static gboolean
set_graduated (Builder     *b,
               gint64       group_id,
               GArray      *graduates,
               const GDate *ceremony,
               const char  *venue,
               GError     **error)
{
  g_autofree char *day = hs_schedule_format_date (ceremony);
  g_autoptr(HsGroup) group = hs_group_load (b->db, group_id, error);

  if (group == NULL)
    return FALSE;
  for (guint i = 0; i < graduates->len; i++)
    if (!hs_membership_set_outcome (b->db, group_id, g_array_index (graduates, gint64, i),
                                    "graduated", day, NULL, error))
      return FALSE;
  g_object_set (group, "graduation-date", day, "graduation-venue", venue, NULL);
  return hs_group_save (group, b->db, error);
}

static void
set_ceremony_date (Builder     *b,
                   GDate       *ceremony,
                   const GDate *last_session)
{
  if (g_date_compare (last_session, ceremony) < 0)
    return;
  *ceremony = *last_session;
  g_date_add_days (ceremony, 10);
  while (g_date_get_weekday (ceremony) >= G_DATE_SATURDAY || is_closed_day (b, ceremony, NULL))
    g_date_add_days (ceremony, 1);
}

static int
random_age (Builder *b,
            int      lo,
            int      hi)
{
  return g_rand_int_range (b->rand, lo, hi + 1);
}

static const char *
community_category (Builder *b)
{
  return community_categories[g_rand_int_range (b->rand, 0, G_N_ELEMENTS (community_categories))];
}

/* One community group: @graduates who finish, and enough drop-outs to bring
 * the group to ten or more members, as happens in the field. */
static gboolean
fill_community_group (Builder      *b,
                      GroupSpec    *spec,
                      BuiltGroup   *group,
                      guint         graduates,
                      GArray       *graduate_ids,
                      GError      **error)
{
  gboolean youth = g_str_equal (spec->age_band, "youth");
  guint extra = g_rand_int_range (b->rand, 0, 3);
  guint dropouts = graduates < 10 ? 10 - graduates + extra : MIN (extra, 15 - graduates);
  GDate screening = spec->start;
  g_autofree char *screened = NULL;
  g_autofree char *joined = hs_schedule_format_date (&spec->start);

  g_date_subtract_days (&screening, 21);
  screened = hs_schedule_format_date (&screening);

  for (guint i = 0; i < graduates + dropouts; i++)
    {
      gboolean graduate = i < graduates;
      Person person = { FALSE, 0, spec->district_id, spec->sector, 0, community_category (b),
                        screened, spec->screener };
      gint64 id;

      if (graduate)
        person.female = take_share (b->community_index++, COMMUNITY_FEMALE, COMMUNITY_GRADUATES);
      else
        person.female = g_rand_int_range (b->rand, 0, 100) < 55;

      if (!youth)
        person.age = random_age (b, 31, 68);
      else if (graduate && take_share (b->youth_group_index++, YOUTH_GROUP_OLDER,
                                       YOUTH_GROUP_GRADUATES))
        person.age = random_age (b, 31, 34);
      else
        person.age = random_age (b, 17, 30);

      if ((id = add_person (b, &person, error)) == 0
          || hs_membership_add (b->db, group->id, id, joined, error) == 0)
        return FALSE;
      if (graduate)
        {
          if (!add_graduate_attendance (b, group, id, error))
            return FALSE;
          g_array_append_val (graduate_ids, id);
        }
      else if (!add_dropout (b, group, id, "dropped", error))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  gint64  ids[6];
  char   *names[6];
} Team;

static void
team_clear (Team *team)
{
  for (guint i = 0; i < G_N_ELEMENTS (team->names); i++)
    g_clear_pointer (&team->names[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Team, team_clear)

static gboolean
add_team (Builder     *b,
          gint64       district_id,
          guint        size,
          Team        *team,
          GError     **error)
{
  for (guint i = 0; i < size; i++)
    if ((team->ids[i] = add_facilitator (b, district_id, "2023-09-15", &team->names[i],
                                         error)) == 0)
      return FALSE;
  return TRUE;
}

static gboolean
add_district (Builder              *b,
              const CommunityPlan  *plan,
              guint                 index,
              GError              **error)
{
  gint64 district_id = hs_database_find_district (b->db, plan->district);
  g_autoptr(GPtrArray) graduates = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GArray) group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(Team) team = { { 0 }, { NULL } };
  g_autofree char *venue = g_strdup_printf ("%s Sector hall", plan->sectors[0]);
  GDate base, ceremony;

  g_date_clear (&ceremony, 1);
  g_date_set_dmy (&ceremony, 1, 1, 2024);
  g_date_set_dmy (&base, 15, G_DATE_JANUARY, 2024);
  g_date_add_days (&base, 7 * index);
  if (!add_team (b, district_id, 6, &team, error))
    return FALSE;

  for (guint k = 0; k < 10; k++)
    {
      gboolean youth = k >= 5;
      guint pair = k % 3;
      g_autofree char *name = g_strdup_printf (youth ? "%s youth %u" : "%s adults %u",
                                               plan->district, k % 5 + 1);
      g_autofree char *room = g_strdup_printf ("%s Sector office", plan->sectors[k % 8]);
      GroupSpec spec = { name, "community", youth ? "youth" : "adult", district_id, 0,
                         plan->sectors[k % 8], room, youth ? "15:00" : "14:00", base,
                         { team.ids[2 * pair], team.ids[2 * pair + 1] }, team.names[2 * pair] };
      BuiltGroup group;
      GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      g_ptr_array_add (graduates, ids);
      g_date_add_days (&spec.start, k % 5);
      if (!add_group (b, &spec, FALSE, &group, error)
          || !fill_community_group (b, &spec, &group,
                                    youth ? plan->youth_groups[k % 5] : plan->adult_groups[k],
                                    ids, error))
        return FALSE;
      g_array_append_val (group_ids, group.id);
      set_ceremony_date (b, &ceremony, &group.dates[SESSIONS - 1]);
    }

  for (guint k = 0; k < group_ids->len; k++)
    if (!set_graduated (b, g_array_index (group_ids, gint64, k), graduates->pdata[k], &ceremony,
                        venue, error))
      return FALSE;
  return TRUE;
}

static gboolean
fill_prison_group (Builder           *b,
                   const PrisonPlan  *plan,
                   GroupSpec         *spec,
                   BuiltGroup        *group,
                   guint              graduates,
                   guint             *seat,
                   GArray            *graduate_ids,
                   GError           **error)
{
  guint total = plan->groups[0] + plan->groups[1] + plan->groups[2];
  guint transfers = graduates < 15 ? 1 : 0;
  GDate screening = spec->start;
  g_autofree char *screened = NULL;
  g_autofree char *joined = hs_schedule_format_date (&spec->start);

  g_date_subtract_days (&screening, 28);
  screened = hs_schedule_format_date (&screening);

  for (guint i = 0; i < graduates + transfers; i++)
    {
      gboolean graduate = i < graduates;
      Person person = { FALSE, 0, spec->district_id, NULL, spec->facility_id,
                        plan->juvenile ? "other" : "convict", screened, spec->screener };
      gint64 id;

      person.female = graduate ? take_share ((*seat)++, plan->female, total)
                               : g_rand_int_range (b->rand, 0, 2) == 0;
      person.age = plan->juvenile ? random_age (b, 16, 21) : random_age (b, 35, 70);
      if ((id = add_person (b, &person, error)) == 0
          || hs_membership_add (b->db, group->id, id, joined, error) == 0)
        return FALSE;
      if (graduate)
        {
          if (!add_graduate_attendance (b, group, id, error))
            return FALSE;
          g_array_append_val (graduate_ids, id);
        }
      else if (!add_dropout (b, group, id, "transferred", error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_facility (Builder           *b,
              const PrisonPlan  *plan,
              guint              index,
              GError           **error)
{
  gint64 facility_id = hs_database_find_facility (b->db, plan->facility);
  gint64 district_id = hs_database_find_district (b->db, plan->district);
  g_autoptr(GPtrArray) graduates = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_auto(Team) team = { { 0 }, { NULL } };
  g_autofree char *hall = g_strdup_printf ("%s hall", plan->facility);
  gint64 group_ids[3];
  guint seat = 0;
  GDate base, ceremony;

  g_date_set_dmy (&ceremony, 1, 1, 2024);
  g_date_set_dmy (&base, 3, G_DATE_JUNE, 2024);
  g_date_add_days (&base, 7 * index);
  if (!add_team (b, district_id, 2, &team, error))
    return FALSE;

  for (guint k = 0; k < 3; k++)
    {
      g_autofree char *name = g_strdup_printf ("%s %u", plan->facility, k + 1);
      GroupSpec spec = { name, "prison", plan->juvenile ? "youth" : "adult", district_id,
                         facility_id, NULL, hall, "10:00", base,
                         { team.ids[0], team.ids[1] }, team.names[0] };
      BuiltGroup group;
      GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      g_ptr_array_add (graduates, ids);
      g_date_add_days (&spec.start, k + 1);
      if (!add_group (b, &spec, FALSE, &group, error)
          || !fill_prison_group (b, plan, &spec, &group, plan->groups[k], &seat, ids, error))
        return FALSE;
      group_ids[k] = group.id;
      set_ceremony_date (b, &ceremony, &group.dates[SESSIONS - 1]);
    }

  for (guint k = 0; k < 3; k++)
    if (!set_graduated (b, group_ids[k], graduates->pdata[k], &ceremony, hall, error))
      return FALSE;
  return TRUE;
}

/* A cohort meeting now: six weeks in, sessions still to come, no graduates. */
static gboolean
add_running_cohort (Builder  *b,
                    GError  **error)
{
  static const struct { const char *district, *name, *band, *sector; int weekday; } cohort[] = {
    { "Musanze", "Musanze adults 6", "adult", "Kinigi", G_DATE_MONDAY },
    { "Nyabihu", "Nyabihu youth 6", "youth", "Mukamira", G_DATE_WEDNESDAY },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cohort); c++)
    {
      gint64 district_id = hs_database_find_district (b->db, cohort[c].district);
      gboolean youth = g_str_equal (cohort[c].band, "youth");
      g_auto(Team) team = { { 0 }, { NULL } };
      g_autofree char *room = g_strdup_printf ("%s Sector office", cohort[c].sector);
      g_autofree char *joined = NULL;
      g_autofree char *screened = NULL;
      GroupSpec spec = { cohort[c].name, "community", cohort[c].band, district_id, 0,
                         cohort[c].sector, room, "14:00", b->today, { 0, 0 }, NULL };
      GDate screening;
      BuiltGroup group;

      if (!add_team (b, district_id, 2, &team, error))
        return FALSE;
      spec.facilitators[0] = team.ids[0];
      spec.facilitators[1] = team.ids[1];
      spec.screener = team.names[0];
      g_date_subtract_days (&spec.start, 42);
      while ((int) g_date_get_weekday (&spec.start) != cohort[c].weekday)
        g_date_subtract_days (&spec.start, 1);
      screening = spec.start;
      g_date_subtract_days (&screening, 21);
      joined = hs_schedule_format_date (&spec.start);
      screened = hs_schedule_format_date (&screening);
      if (!add_group (b, &spec, TRUE, &group, error))
        return FALSE;

      for (guint i = 0; i < 13 - c; i++)
        {
          Person person = { g_rand_int_range (b->rand, 0, 100) < 55,
                            youth ? random_age (b, 18, 30) : random_age (b, 31, 65),
                            district_id, cohort[c].sector, 0, community_category (b),
                            screened, spec.screener };
          gint64 id = add_person (b, &person, error);

          if (id == 0 || hs_membership_add (b->db, group.id, id, joined, error) == 0)
            return FALSE;
          for (guint n = 0; n < group.held; n++)
            if (!hs_attendance_set (b->db, group.session_ids[n], id,
                                    g_rand_int_range (b->rand, 0, 8) == 0 ? "absent" : "present",
                                    error))
              return FALSE;
        }
    }
  return TRUE;
}

/* Screened and consenting people not yet allocated to a group. */
static gboolean
add_waiting_list (Builder  *b,
                  GError  **error)
{
  GDate screening = b->today;
  g_autofree char *screened = NULL;

  g_date_subtract_days (&screening, 10);
  screened = hs_schedule_format_date (&screening);
  for (guint i = 0; i < 24; i++)
    {
      const CommunityPlan *plan = &community_plan[i % G_N_ELEMENTS (community_plan)];
      gboolean youth = i % 2 == 0;
      Person person = { g_rand_int_range (b->rand, 0, 100) < 55,
                        youth ? random_age (b, 17, 30) : random_age (b, 31, 65),
                        hs_database_find_district (b->db, plan->district),
                        plan->sectors[i % 8], 0, community_category (b), screened, NULL };

      if (add_person (b, &person, error) == 0)
        return FALSE;
    }
  return TRUE;
}

/* Who prints the demo's certificates and signs them (invented people). */
static gboolean
add_organisation (HsDatabase  *db,
                  GError     **error)
{
  static const char * const settings[][2] = {
    { "organisation.name", "Prison Fellowship Rwanda" },
    { "certificate.signatory1.name", "Jean Bosco Habimana" },
    { "certificate.signatory1.title", "Programme Coordinator" },
    { "certificate.signatory2.name", "Spéciose Mukandutiye" },
    { "certificate.signatory2.title", "Lead Sociotherapist" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    if (!hs_database_set_setting (db, settings[i][0], settings[i][1], error))
      return FALSE;
  return TRUE;
}

gboolean
hs_sample_data_fill (HsDatabase  *db,
                     GDate       *today,
                     GError     **error)
{
  Builder b = { .db = db };
  gboolean ok = TRUE;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  if (!hs_database_is_empty (db))
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_EMPTY,
                   _("%s already holds participants or groups; sample data is only added to an "
                     "empty database. Use a new file, e.g. --db sample.db."),
                   hs_database_get_path (db));
      return FALSE;
    }

  if (today != NULL)
    b.today = *today;
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_date_set_dmy (&b.today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }
  if ((b.holidays = hs_schedule_load_holidays (db, error)) == NULL)
    return FALSE;
  b.rand = g_rand_new_with_seed (20240115);

  if (!hs_database_begin (db, error))
    {
      g_rand_free (b.rand);
      g_hash_table_unref (b.holidays);
      return FALSE;
    }
  for (guint i = 0; ok && i < G_N_ELEMENTS (community_plan); i++)
    ok = add_district (&b, &community_plan[i], i, error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (prison_plan); i++)
    ok = add_facility (&b, &prison_plan[i], i, error);
  ok = ok && add_running_cohort (&b, error) && add_waiting_list (&b, error);
  /* The programme's target (charts): over 20,000 people in the five
   * districts within three years. */
  ok = ok && hs_target_add (db, "Musanze, Nyabihu, Nyamagabe, Ngoma, Nyagatare", "graduates",
                            20000, 0, "2024-01-01", "2026-12-31", error);
  /* ... shared evenly, 4,000 in each district (the district progress chart). */
  for (guint i = 0; ok && i < G_N_ELEMENTS (community_plan); i++)
    ok = hs_target_add (db, community_plan[i].district, "graduates", 4000,
                        hs_database_find_district (db, community_plan[i].district),
                        "2024-01-01", "2026-12-31", error);
  ok = ok && add_organisation (db, error);
  ok = ok && _hs_sample_livelihoods_fill (db, &b.today, error);
  g_rand_free (b.rand);
  g_hash_table_unref (b.holidays);

  if (!ok)
    {
      hs_database_rollback (db);
      return FALSE;
    }
  return hs_database_commit (db, error);
}
