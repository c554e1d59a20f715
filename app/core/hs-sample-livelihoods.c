/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-sample-livelihoods"

#include <glib/gi18n-lib.h>

#include "hs-livelihood-private.h"
#include "hs-target.h"

/* The sample programme's life after graduation: 40 livelihood groups of
 * community graduates (8 per district) started in four waves from August
 * 2024, with seed capital, a follow-up visit about every three months up to
 * "today", and some that pause or close; vocational training for one prison
 * graduate in six. Only adds rows of its own: the seed's figures stay. */

#define GROUPS_PER_DISTRICT 8

static const char * const group_names[] = {
  "Abishyize Hamwe", "Twisungane", "Dukorere Hamwe", "Tuzamurane", "Ubumwe",
  "Twiyubake", "Abahuje", "Duterimbere", "Icyerekezo", "Jyambere", "Humura", "Kora Ukire",
};

static const char * const activities[] = {
  "Farming (maize and beans)", "Livestock (goats)", "Tailoring", "Basket weaving",
  "Small trade", "Beekeeping", "Mushroom growing", "Pig rearing", "Soap making",
};

static const char * const capital_sources[] = {
  "Prison Fellowship Rwanda seed fund", "Sector (VUP public works)", "Members' savings",
};

static const char * const visit_notes[] = {
  "Meets every week; records kept by the treasurer.",
  "Sold the harvest at the sector market.",
  "Two members sick; the others covered their work.",
  "Savings box opened; loans repaid on time.",
  "Asked for help with bookkeeping.",
  "Members settle disagreements in the group, as in the healing space.",
};

static const char * const trades[] = {
  "Masonry", "Tailoring", "Carpentry", "Hairdressing", "Welding", "Culinary arts",
};

typedef struct
{
  HsDatabase *db;
  GRand      *rand;
  GDate       today;
} Layer;

static char *
format_date (const GDate *date)
{
  char text[16];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

static void
parse_date (GDate      *date,
            const char *text)
{
  g_date_clear (date, 1);
  g_date_set_parse (date, text);
}

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static const char *
pick (Layer              *layer,
      const char * const *list,
      guint               n)
{
  return list[g_rand_int_range (layer->rand, 0, n)];
}

/* The community graduates of @district_id, shuffled the same way each time. */
static GArray *
community_graduates (Layer       *layer,
                     gint64       district_id,
                     GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = _hs_database_prepare (layer->db,
                               "SELECT DISTINCT m.participant_id FROM membership m"
                               " JOIN hgroup g ON g.id = m.group_id WHERE g.setting = 'community'"
                               " AND m.outcome = 'graduated' AND g.district_id = ?1"
                               " ORDER BY m.participant_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, district_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _hs_database_set_error (layer->db, error, _("Reading graduates"));
      return NULL;
    }
  for (guint i = ids->len; i > 1; i--)
    {
      guint j = g_rand_int_range (layer->rand, 0, i);
      gint64 swap = g_array_index (ids, gint64, i - 1);

      g_array_index (ids, gint64, i - 1) = g_array_index (ids, gint64, j);
      g_array_index (ids, gint64, j) = swap;
    }
  return g_steal_pointer (&ids);
}

/* Visits about every three months from the start to today. A group that
 * closes or pauses stops working at @stop (months after the start, 0:
 * never). */
static gboolean
add_visits (Layer        *layer,
            gint64        group_id,
            const GDate  *start,
            guint         members,
            guint         stop,
            GError      **error)
{
  GDate visit = *start;

  for (guint n = 1; ; n++)
    {
      g_autofree char *day = NULL;
      gboolean active;
      int present;

      g_date_add_months (&visit, 3);
      g_date_add_days (&visit, g_rand_int_range (layer->rand, 0, 10));
      if (g_date_compare (&visit, &layer->today) > 0)
        return TRUE;
      active = stop == 0 || n * 3 < stop;
      present = active ? (int) members - g_rand_int_range (layer->rand, 0, 4)
                       : g_rand_int_range (layer->rand, 0, 3);
      day = format_date (&visit);
      if (hs_livelihood_add_visit (layer->db, group_id, day, active, MAX (present, 0),
                                   active ? pick (layer, visit_notes,
                                                  G_N_ELEMENTS (visit_notes))
                                          : "The group has stopped working together.",
                                   error) == 0)
        return FALSE;
      /* Nobody goes back to a group that has closed. */
      if (!active)
        return TRUE;
    }
}

static gboolean
add_capital (Layer        *layer,
             gint64        group_id,
             const GDate  *start,
             GError      **error)
{
  g_autofree char *first = format_date (start);
  GDate second = *start;

  if (hs_livelihood_add_capital (layer->db, group_id,
                                 50000 * g_rand_int_range (layer->rand, 6, 17), first,
                                 capital_sources[0], error) == 0)
    return FALSE;
  /* Half the groups receive a second tranche some seven months later. */
  g_date_add_months (&second, 7);
  if (g_rand_boolean (layer->rand) && g_date_compare (&second, &layer->today) <= 0)
    {
      g_autofree char *day = format_date (&second);

      return hs_livelihood_add_capital (layer->db, group_id,
                                        50000 * g_rand_int_range (layer->rand, 4, 9), day,
                                        pick (layer, capital_sources + 1, 2), error) != 0;
    }
  return TRUE;
}

static gboolean
add_group (Layer        *layer,
           gint64        district_id,
           const char   *district,
           guint         index,
           GArray       *graduates,
           guint        *next,
           GError      **error)
{
  /* Waves: in each district three groups start in 2024, three in 2025, two in 2026. */
  static const int wave_month[] = { 8, 8, 8, 3, 3, 3, 2, 7 };
  static const int wave_year[] = { 2024, 2024, 2024, 2025, 2025, 2025, 2026, 2026 };
  g_autoptr(HsLivelihoodGroup) group = hs_livelihood_group_new ();
  guint slot = index % GROUPS_PER_DISTRICT;
  guint members = g_rand_int_range (layer->rand, 8, 16);
  guint fate = g_rand_int_range (layer->rand, 0, 10);
  guint stop = fate < 2 ? g_rand_int_range (layer->rand, 5, 20) : 0;
  GDate start, training;

  g_date_set_dmy (&start, g_rand_int_range (layer->rand, 1, 29), wave_month[slot],
                  wave_year[slot]);
  g_date_add_months (&start, g_rand_int_range (layer->rand, 0, 3));
  if (g_date_compare (&start, &layer->today) > 0)
    return TRUE;
  training = start;
  g_date_subtract_days (&training, 21);

  group->name = g_strdup_printf ("%s (%s)", group_names[(index / GROUPS_PER_DISTRICT * 3 + slot) % 12], district);
  group->district_id = district_id;
  group->activity = g_strdup (pick (layer, activities, G_N_ELEMENTS (activities)));
  group->training_start = format_date (&training);
  g_date_add_days (&training, 4);
  group->training_end = format_date (&training);
  group->start_date = format_date (&start);
  if (stop != 0)
    {
      GDate stopped = start;

      g_date_add_months (&stopped, stop);
      if (g_date_compare (&stopped, &layer->today) <= 0)
        set_string (&group->status, fate == 0 ? "paused" : "closed");
      else
        stop = 0;
    }
  if (!hs_livelihood_group_save (group, layer->db, error))
    return FALSE;

  for (guint i = 0; i < members && *next < graduates->len; i++, (*next)++)
    if (!hs_livelihood_add_member (layer->db, group->id,
                                   g_array_index (graduates, gint64, *next), error))
      return FALSE;
  return add_capital (layer, group->id, &start, error)
         && add_visits (layer, group->id, &start, members, stop, error);
}

static gboolean
add_groups (Layer   *layer,
            GError **error)
{
  static const char * const districts[] = {
    "Musanze", "Nyabihu", "Ngoma", "Nyagatare", "Nyamagabe",
  };

  for (guint d = 0; d < G_N_ELEMENTS (districts); d++)
    {
      gint64 district_id = hs_database_find_district (layer->db, districts[d]);
      g_autoptr(GArray) graduates = community_graduates (layer, district_id, error);
      guint next = 0;

      if (graduates == NULL)
        return FALSE;
      for (guint i = 0; i < GROUPS_PER_DISTRICT; i++)
        if (!add_group (layer, district_id, districts[d], d * GROUPS_PER_DISTRICT + i,
                        graduates, &next, error))
          return FALSE;
    }
  return TRUE;
}

static gboolean
add_training (Layer       *layer,
              gint64       participant_id,
              const char  *facility,
              const char  *graduated,
              GError     **error)
{
  g_autoptr(HsTvet) tvet = hs_tvet_new ();
  GDate start, end, release;

  parse_date (&start, graduated);
  g_date_add_months (&start, g_rand_int_range (layer->rand, 2, 5));
  end = start;
  g_date_add_months (&end, 6);
  release = start;
  g_date_add_months (&release, g_rand_int_range (layer->rand, 4, 40));

  tvet->participant_id = participant_id;
  tvet->trade = g_strdup (pick (layer, trades, G_N_ELEMENTS (trades)));
  tvet->centre = g_strdup_printf ("%s vocational workshop", facility);
  tvet->start_date = format_date (&start);
  tvet->end_date = format_date (&end);
  if (g_date_compare (&end, &layer->today) > 0)
    set_string (&tvet->status, "enrolled");
  else
    set_string (&tvet->status,
                g_rand_int_range (layer->rand, 0, 8) == 0 ? "dropped" : "completed");
  tvet->expected_release = format_date (&release);
  if (g_date_compare (&release, &layer->today) <= 0)
    {
      GDate home = release;

      tvet->release_date = format_date (&release);
      g_date_add_days (&home, g_rand_int_range (layer->rand, 7, 60));
      if (g_date_compare (&home, &layer->today) <= 0)
        {
          tvet->reintegration = g_strdup (g_rand_int_range (layer->rand, 0, 3) == 0
                                          ? "community" : "family");
          tvet->reintegration_date = format_date (&home);
        }
    }
  return hs_tvet_save (tvet, layer->db, error);
}

static gboolean
add_tvet (Layer   *layer,
          GError **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  /* Collected first: saving reuses the database's statements. */
  stmt = _hs_database_prepare (layer->db,
                               "SELECT m.participant_id, f.name, g.graduation_date"
                               " FROM membership m JOIN hgroup g ON g.id = m.group_id"
                               " JOIN facility f ON f.id = g.facility_id"
                               " WHERE g.setting = 'prison' AND m.outcome = 'graduated'"
                               " ORDER BY m.participant_id", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; (rc = sqlite3_step (stmt)) == SQLITE_ROW; i++)
    if (i % 6 == 0)
      g_ptr_array_add (rows, g_strdup_printf ("%" G_GINT64_FORMAT "|%s|%s",
                                              (gint64) sqlite3_column_int64 (stmt, 0),
                                              sqlite3_column_text (stmt, 1),
                                              sqlite3_column_text (stmt, 2)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _hs_database_set_error (layer->db, error, _("Reading graduates"));
      return FALSE;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      g_auto(GStrv) fields = g_strsplit (g_ptr_array_index (rows, i), "|", 3);

      if (!add_training (layer, g_ascii_strtoll (fields[0], NULL, 10), fields[1], fields[2],
                         error))
        return FALSE;
    }
  return TRUE;
}

/* The pilot before this programme, kept for comparison. */
static gboolean
add_pilot (Layer   *layer,
           GError **error)
{
  g_autoptr(HsTarget) pilot = hs_target_new ();

  pilot->name = g_strdup ("Bugesera pilot");
  pilot->value = 7313;
  pilot->female = 3990;
  pilot->male = 3323;
  pilot->district_id = hs_database_find_district (layer->db, "Bugesera");
  pilot->start_date = g_strdup ("2020-10-01");
  pilot->past = TRUE;
  return hs_target_save (pilot, layer->db, error);
}

gboolean
_hs_sample_livelihoods_fill (HsDatabase   *db,
                             const GDate  *today,
                             GError      **error)
{
  Layer layer = { db, g_rand_new_with_seed (20201001), *today };
  gboolean ok;

  ok = add_groups (&layer, error) && add_tvet (&layer, error) && add_pilot (&layer, error);
  g_rand_free (layer.rand);
  return ok;
}
