/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-participant"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hs-participant-private.h"
#include "hs-participant.h"

void
hs_participant_match_free (HsParticipantMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->full_name);
  g_free (match->district);
  g_free (match->reason);
  g_free (match);
}

static int
compare_words (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The words of a name, folded and sorted: "MUKAMANA Alice" and "Alice
 * Mukamana" give the same key. */
char *
_hs_participant_name_key (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name != NULL ? name : "", "C");
  g_autofree char *folded = g_ascii_strdown (ascii, -1);
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (char *p = folded; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      *p = ' ';
  words = g_strsplit (folded, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_ptr_array_add (kept, words[i]);
  g_ptr_array_sort (kept, compare_words);
  g_ptr_array_add (kept, NULL);
  return g_strjoinv (" ", (char **) kept->pdata);
}

/* At most one letter added, dropped or changed. */
static gboolean
within_one_edit (const char *a,
                 const char *b)
{
  size_t la = strlen (a), lb = strlen (b);
  size_t i = 0;

  if (la > lb)
    return within_one_edit (b, a);
  if (lb - la > 1)
    return FALSE;
  while (i < la && a[i] == b[i])
    i++;
  if (la == lb)
    return i == la || strcmp (a + i + 1, b + i + 1) == 0;
  return strcmp (a + i, b + i + 1) == 0;
}

/* Name keys whose words are the same but for one, and that one is one
 * edit away: a typo in a first letter ("Alice Mukamana", "Alice Zukamana")
 * can move the word in the sorted key, out of reach of within_one_edit(). */
static gboolean
words_one_edit_apart (const char *key_a,
                      const char *key_b)
{
  g_auto(GStrv) a = g_strsplit (key_a, " ", -1);
  g_auto(GStrv) b = g_strsplit (key_b, " ", -1);
  const char *left_a = NULL;
  const char *left_b = NULL;
  guint i = 0, j = 0;

  if (g_strv_length (a) != g_strv_length (b))
    return FALSE;
  /* Both lists are sorted: walk them together, setting aside the words
   * that have no equal on the other side. */
  while (a[i] != NULL || b[j] != NULL)
    {
      int order = a[i] == NULL ? 1 : b[j] == NULL ? -1 : strcmp (a[i], b[j]);

      if (order == 0)
        {
          i++, j++;
          continue;
        }
      if (order < 0 ? left_a != NULL : left_b != NULL)
        return FALSE;
      if (order < 0)
        left_a = a[i++];
      else
        left_b = b[j++];
    }
  return left_a != NULL && left_b != NULL && within_one_edit (left_a, left_b);
}

static gboolean
keys_alike (const char *key_a,
            const char *key_b)
{
  return *key_a != '\0'
         && (within_one_edit (key_a, key_b) || words_one_edit_apart (key_a, key_b));
}

gboolean
_hs_participant_names_alike (const char *a,
                             const char *b)
{
  g_autofree char *key_a = _hs_participant_name_key (a);
  g_autofree char *key_b = _hs_participant_name_key (b);

  return keys_alike (key_a, key_b);
}

static HsParticipantMatch *
read_match (sqlite3_stmt *stmt,
            const char   *reason)
{
  HsParticipantMatch *match = g_new0 (HsParticipantMatch, 1);

  match->id = sqlite3_column_int64 (stmt, 0);
  match->full_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  match->birth_year = sqlite3_column_int (stmt, 2);
  match->district = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  match->reason = g_strdup (reason);
  return match;
}

static gboolean
already_found (GPtrArray *matches,
               gint64     id)
{
  for (guint i = 0; i < matches->len; i++)
    if (((HsParticipantMatch *) g_ptr_array_index (matches, i))->id == id)
      return TRUE;
  return FALSE;
}

/* Stable (g_qsort_with_data is), so each kind stays in id order. */
static int
national_id_first (gconstpointer a,
                   gconstpointer b)
{
  const HsParticipantMatch *ma = *(HsParticipantMatch * const *) a;
  const HsParticipantMatch *mb = *(HsParticipantMatch * const *) b;

  return (int) mb->same_national_id - (int) ma->same_national_id;
}

/* Candidates share the district and a birth year within one: the
 * (district_id, birth_year) index keeps the scan to a few hundred rows even
 * in a million. Pairs marked distinct are left out. */
GPtrArray *
hs_participant_find_similar (HsDatabase     *db,
                             HsParticipant  *self,
                             GError        **error)
{
  g_autoptr(GPtrArray) matches = NULL;
  gint64 id = hs_participant_get_id (self);
  int year = hs_participant_get_birth_year (self);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);
  g_return_val_if_fail (HS_IS_PARTICIPANT (self), NULL);

  matches = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_participant_match_free);
  stmt = _hs_database_prepare (db,
                               "SELECT p.id, p.full_name, p.birth_year, d.name, p.national_id"
                               " FROM participant p LEFT JOIN district d ON d.id = p.district_id"
                               " WHERE p.id <> ?1 AND p.erased IS NULL"
                               " AND (p.national_id = ?2 OR (p.district_id = ?3"
                               "      AND p.birth_year BETWEEN ?4 - 1 AND ?4 + 1))"
                               " AND NOT EXISTS (SELECT 1 FROM participant_distinct"
                               "   WHERE a = min (p.id, ?1) AND b = max (p.id, ?1))"
                               " ORDER BY p.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (hs_participant_get_national_id (self) != NULL)
    sqlite3_bind_text (stmt, 2, hs_participant_get_national_id (self), -1, SQLITE_TRANSIENT);
  if (hs_participant_get_district_id (self) != 0 && year != 0)
    {
      sqlite3_bind_int64 (stmt, 3, hs_participant_get_district_id (self));
      sqlite3_bind_int (stmt, 4, year);
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *national_id = (const char *) sqlite3_column_text (stmt, 4);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *own_id = hs_participant_get_national_id (self);

      if (national_id != NULL && g_strcmp0 (national_id, own_id) == 0)
        {
          HsParticipantMatch *match = read_match (stmt, _("Same national ID"));

          match->same_national_id = TRUE;
          g_ptr_array_add (matches, match);
        }
      else if (!already_found (matches, sqlite3_column_int64 (stmt, 0))
               && _hs_participant_names_alike (name, hs_participant_get_full_name (self)))
        g_ptr_array_add (matches, read_match (stmt, _("Similar name, same district, birth year "
                                                      "within one")));
    }
  sqlite3_reset (stmt);
  g_ptr_array_sort (matches, national_id_first);
  return g_steal_pointer (&matches);
}

typedef struct
{
  gint64  id;
  char   *name;
  char   *key;
  int     year;
  char   *district;
} Person;

static void
person_free (Person *person)
{
  g_free (person->name);
  g_free (person->key);
  g_free (person->district);
  g_free (person);
}

static GHashTable *
load_distinct (HsDatabase *db)
{
  GHashTable *pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = _hs_database_prepare (db, "SELECT a, b FROM participant_distinct", NULL);

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (pairs, g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                              (gint64) sqlite3_column_int64 (stmt, 0),
                                              (gint64) sqlite3_column_int64 (stmt, 1)));
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return pairs;
}

/* Why two names one edit apart look alike, in the words a coordinator
 * would use. */
static const char *
describe_likeness (const char *a,
                   const char *b,
                   const char *key_a,
                   const char *key_b)
{
  g_autofree char *ascii_a = NULL;
  g_autofree char *ascii_b = NULL;

  if (g_strcmp0 (a, b) == 0)
    return _("Same name");
  if (!g_str_equal (key_a, key_b))
    return _("Names one letter apart");
  ascii_a = g_str_to_ascii (a, "C");
  ascii_b = g_str_to_ascii (b, "C");
  if (g_ascii_strcasecmp (ascii_a, ascii_b) == 0)
    return _("Same name apart from accents or capitals");
  return _("Same names in another order");
}

static void
add_pair (GPtrArray  *out,
          GHashTable *seen,
          GHashTable *distinct,
          Person     *a,
          Person     *b)
{
  char *pair = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                MIN (a->id, b->id), MAX (a->id, b->id));
  HsParticipantMatch *match;

  if (g_hash_table_contains (distinct, pair) || g_hash_table_contains (seen, pair))
    {
      g_free (pair);
      return;
    }
  g_hash_table_add (seen, pair);
  for (guint i = 0; i < 2; i++)
    {
      Person *p = i == 0 ? a : b;

      match = g_new0 (HsParticipantMatch, 1);
      match->id = p->id;
      match->full_name = g_strdup (p->name);
      match->birth_year = p->year;
      match->district = g_strdup (p->district);
      match->reason = g_strdup (describe_likeness (a->name, b->name, a->key, b->key));
      g_ptr_array_add (out, match);
    }
}

/* Each name key and its one-letter deletions meet in a table per district
 * and birth year: two keys one edit apart always share one of them, so each
 * person is compared only with the few that could match. */
static int
compare_spans (const char *a,
               size_t      la,
               const char *b,
               size_t      lb)
{
  int order = memcmp (a, b, MIN (la, lb));

  return order != 0 ? order : (la > lb) - (la < lb);
}

/* @variant: @key with the letter at @skip deleted. Whether the word that
 * lost it still sits between its neighbours; tested in place, since this
 * runs for every letter of every person. */
static gboolean
still_sorted (const char *key,
              size_t      skip,
              const char *variant)
{
  size_t len = strlen (key);
  size_t start = skip, end = skip;
  size_t prev_start, next_end;

  if (key[skip] == ' ')
    return TRUE;
  while (start > 0 && key[start - 1] != ' ')
    start--;
  while (end < len && key[end] != ' ')
    end++;
  /* In @variant the word is variant[start, end - 1). */
  if (start > 0)
    {
      prev_start = start - 1;
      while (prev_start > 0 && key[prev_start - 1] != ' ')
        prev_start--;
      if (compare_spans (key + prev_start, start - 1 - prev_start,
                         variant + start, end - 1 - start) > 0)
        return FALSE;
    }
  if (end < len)
    {
      next_end = end + 1;
      while (next_end < len && key[next_end] != ' ')
        next_end++;
      if (compare_spans (variant + start, end - 1 - start,
                         key + end + 1, next_end - end - 1) > 0)
        return FALSE;
    }
  return TRUE;
}

/* @key with the letter at @skip deleted and its words sorted again: a
 * typo that moves a word in the key (see words_one_edit_apart()) meets
 * here. NULL when the order does not change: the plain deletion covers it. */
static char *
resorted_variant (const char *key,
                  size_t      skip,
                  const char *variant)
{
  g_auto(GStrv) words = NULL;

  if (still_sorted (key, skip, variant))
    return NULL;
  words = g_strsplit (variant, " ", -1);
  qsort (words, g_strv_length (words), sizeof (char *), compare_words);
  return g_strjoinv (" ", words);
}

static void
match_person (GHashTable *buckets,
              GPtrArray  *out,
              GHashTable *seen,
              GHashTable *distinct,
              Person     *person)
{
  size_t len = strlen (person->key);
  g_autoptr(GPtrArray) variants = g_ptr_array_new_with_free_func (g_free);

  for (size_t skip = 0; skip <= len; skip++)
    {
      char *variant = g_strdup (person->key);
      char *resorted;

      if (skip < len)
        memmove (variant + skip, variant + skip + 1, len - skip);
      g_ptr_array_add (variants, variant);
      if (skip < len && (resorted = resorted_variant (person->key, skip, variant)) != NULL)
        g_ptr_array_add (variants, resorted);
    }
  for (guint v = 0; v < variants->len; v++)
    {
      const char *variant = g_ptr_array_index (variants, v);

      for (int dy = -1; dy <= 1; dy++)
        {
          g_autofree char *bucket = g_strdup_printf ("%d|%s", person->year + dy, variant);
          GPtrArray *others = g_hash_table_lookup (buckets, bucket);

          for (guint i = 0; others != NULL && i < others->len; i++)
            {
              Person *other = g_ptr_array_index (others, i);

              if (other != person && keys_alike (person->key, other->key))
                add_pair (out, seen, distinct, other, person);
            }
        }
      {
        char *bucket = g_strdup_printf ("%d|%s", person->year, variant);
        GPtrArray *mine = g_hash_table_lookup (buckets, bucket);

        if (mine == NULL)
          {
            mine = g_ptr_array_new ();
            g_hash_table_insert (buckets, bucket, mine);
          }
        else
          g_free (bucket);
        if (mine->len == 0 || g_ptr_array_index (mine, mine->len - 1) != person)
          g_ptr_array_add (mine, person);
      }
    }
}

GPtrArray *
hs_participant_find_duplicate_pairs (HsDatabase  *db,
                                     GError     **error)
{
  g_autoptr(GPtrArray) out = NULL;
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func ((GDestroyNotify) person_free);
  g_autoptr(GHashTable) distinct = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) buckets = NULL;
  gint64 district = -1;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  stmt = _hs_database_prepare (db,
                               "SELECT p.id, p.full_name, p.birth_year, p.district_id, d.name"
                               " FROM participant p JOIN district d ON d.id = p.district_id"
                               " WHERE p.erased IS NULL AND p.birth_year IS NOT NULL"
                               " ORDER BY p.district_id, p.id", error);
  if (stmt == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hs_participant_match_free);
  distinct = load_distinct (db);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Person *person = g_new0 (Person, 1);

      if (sqlite3_column_int64 (stmt, 3) != district || buckets == NULL)
        {
          district = sqlite3_column_int64 (stmt, 3);
          g_clear_pointer (&buckets, g_hash_table_unref);
          buckets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_ptr_array_unref);
          g_ptr_array_set_size (people, 0);
        }
      person->id = sqlite3_column_int64 (stmt, 0);
      person->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      person->key = _hs_participant_name_key (person->name);
      person->year = sqlite3_column_int (stmt, 2);
      person->district = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      g_ptr_array_add (people, person);
      if (*person->key != '\0')
        match_person (buckets, out, seen, distinct, person);
    }
  sqlite3_reset (stmt);
  g_clear_pointer (&buckets, g_hash_table_unref);
  if (rc != SQLITE_DONE)
    {
      _hs_database_set_error (db, error, _("Looking for duplicates"));
      return NULL;
    }
  return g_steal_pointer (&out);
}

gboolean
hs_participant_mark_distinct (HsDatabase  *db,
                              gint64       a,
                              gint64       b,
                              GError     **error)
{
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (a != b, FALSE);

  if (!_hs_database_write_begin (db, error))
    return FALSE;
  stmt = _hs_database_prepare (db, "INSERT OR IGNORE INTO participant_distinct (a, b)"
                                   " VALUES (min (?1, ?2), max (?1, ?2))", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, a);
      sqlite3_bind_int64 (stmt, 2, b);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      if (!ok)
        _hs_database_set_error (db, error, _("Remembering that two people differ"));
      sqlite3_reset (stmt);
    }
  after = g_strdup_printf ("{\"a\":%" G_GINT64_FORMAT ",\"b\":%" G_GINT64_FORMAT "}",
                           MIN (a, b), MAX (a, b));
  ok = ok && _hs_database_audit (db, HS_AUDIT_INSERT, "participant_distinct", MIN (a, b), NULL,
                                 after, error);
  return _hs_database_write_end (db, ok, error);
}

/* Moves the rows of @table from @other to @keep, one audit entry each; a
 * row that would clash with one @keep already has (same group, same
 * session) is deleted instead, since @keep's says the same. */
static gboolean
move_rows (HsDatabase  *db,
           const char  *table,
           const char  *clash_column,
           gint64       keep,
           gint64       other,
           GError     **error)
{
  g_autofree char *select_sql = NULL;
  g_autofree char *update_sql = NULL;
  g_autofree char *delete_sql = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) clashes = g_array_new (FALSE, FALSE, sizeof (gboolean));
  sqlite3_stmt *stmt;

  if (clash_column != NULL)
    select_sql = g_strdup_printf ("SELECT t.id, EXISTS (SELECT 1 FROM %s k WHERE"
                                  " k.participant_id = ?2 AND k.%s = t.%s) FROM %s t"
                                  " WHERE t.participant_id = ?1", table, clash_column,
                                  clash_column, table);
  else
    select_sql = g_strdup_printf ("SELECT id, 0 FROM %s WHERE participant_id = ?1 AND ?2 = ?2",
                                  table);
  stmt = _hs_database_prepare (db, select_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, other);
  sqlite3_bind_int64 (stmt, 2, keep);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gboolean clash = sqlite3_column_int (stmt, 1) != 0;

      g_array_append_val (ids, id);
      g_array_append_val (clashes, clash);
    }
  sqlite3_reset (stmt);

  update_sql = g_strdup_printf ("UPDATE %s SET participant_id = ?1 WHERE id = ?2", table);
  delete_sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?2", table);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      gboolean clash = g_array_index (clashes, gboolean, i);
      g_autofree char *before = _hs_database_row_json (db, table, id);
      g_autofree char *after = NULL;
      gboolean ok;

      stmt = _hs_database_prepare (db, clash ? delete_sql : update_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, keep);
      sqlite3_bind_int64 (stmt, 2, id);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      if (!ok)
        _hs_database_set_error (db, error, _("Merging the two records"));
      sqlite3_reset (stmt);
      if (!ok)
        return FALSE;
      after = clash ? NULL : _hs_database_row_json (db, table, id);
      if (!_hs_database_audit (db, clash ? HS_AUDIT_DELETE : HS_AUDIT_UPDATE, table, id, before,
                               after, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
record_merge (HsDatabase  *db,
              gint64       keep,
              gint64       other,
              GError     **error)
{
  g_autofree char *now = _hs_database_now ();
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  stmt = _hs_database_prepare (db, "INSERT INTO participant_merge (kept, merged, at)"
                                   " VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, keep);
  sqlite3_bind_int64 (stmt, 2, other);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    _hs_database_set_error (db, error, _("Merging the two records"));
  sqlite3_reset (stmt);
  after = g_strdup_printf ("{\"kept\":%" G_GINT64_FORMAT ",\"merged\":%" G_GINT64_FORMAT "}",
                           keep, other);
  return ok && _hs_database_audit (db, HS_AUDIT_INSERT, "participant_merge", keep, NULL, after,
                                   error);
}

/* One person recorded twice: @other's groups, attendance, certificates and
 * livelihood records move to @keep, @other is deleted, and its history stays
 * readable through @keep's (participant_merge). All audited. */
gboolean
hs_participant_merge (HsDatabase  *db,
                      gint64       keep,
                      gint64       other,
                      GError     **error)
{
  g_autofree char *exists = NULL;
  gboolean ok;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  if (keep == other || (exists = _hs_database_row_json (db, "participant", keep)) == NULL)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("Choose two different participants to merge."));
      return FALSE;
    }
  if (!_hs_database_write_begin (db, error))
    return FALSE;
  ok = move_rows (db, "membership", "group_id", keep, other, error)
       && move_rows (db, "attendance", "session_id", keep, other, error)
       && move_rows (db, "business_member", "business_group_id", keep, other, error)
       && move_rows (db, "certificate", NULL, keep, other, error)
       && move_rows (db, "tvet", NULL, keep, other, error)
       && record_merge (db, keep, other, error)
       && _hs_delete_audited (db, "participant", "SELECT id FROM participant WHERE id = ?1",
                              "DELETE FROM participant WHERE id = ?", other, 0, error)
       && _hs_participant_unindex (db, other, error);
  return _hs_database_write_end (db, ok, error);
}

/* A new record the user says is someone already recorded: @keep gets the
 * values it lacks from @fresh (never overwriting one it has), saved through
 * hs_participant_save(), so checked and audited. @fresh itself is not
 * saved: having no groups, attendance or history, nothing else of it is
 * left to keep. */
gboolean
hs_participant_merge_new (HsDatabase     *db,
                          gint64          keep,
                          HsParticipant  *fresh,
                          GError        **error)
{
  static const char * const strings[] = { "sex", "phone", "national-id", "sector", "cell",
                                          "village", "inmate-number", "expected-release",
                                          "screening-date", "trauma-level", "screening-needs",
                                          "screener", "consent-date", "consent-given-by",
                                          "consent-withdrawn", "notes", NULL };
  g_autoptr(HsParticipant) target = NULL;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (HS_IS_PARTICIPANT (fresh), FALSE);

  if (hs_participant_get_id (fresh) != 0)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("Only a record not saved yet can be merged into another this way."));
      return FALSE;
    }
  if ((target = hs_participant_load (db, keep, error)) == NULL)
    return FALSE;
  for (guint i = 0; strings[i] != NULL; i++)
    {
      g_autofree char *have = NULL;
      g_autofree char *value = NULL;

      g_object_get (target, strings[i], &have, NULL);
      g_object_get (fresh, strings[i], &value, NULL);
      if ((have == NULL || *have == '\0') && value != NULL && *value != '\0')
        g_object_set (target, strings[i], value, NULL);
    }
  if (hs_participant_get_birth_year (target) == 0)
    g_object_set (target, "birth-year", hs_participant_get_birth_year (fresh), NULL);
  if (hs_participant_get_district_id (target) == 0)
    g_object_set (target, "district-id", hs_participant_get_district_id (fresh), NULL);
  if (!hs_participant_get_is_prisoner (target) && hs_participant_get_is_prisoner (fresh))
    g_object_set (target, "is-prisoner", TRUE,
                  "facility-id", hs_participant_get_facility_id (fresh), NULL);
  if (g_str_equal (hs_participant_get_category (target), "other"))
    g_object_set (target, "category", hs_participant_get_category (fresh), NULL);
  return hs_participant_save (target, db, error);
}
