/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-certificate"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hs-certificate.h"
#include "hs-domain-private.h"
#include "hs-participant.h"

#define SERIAL_PREFIX "HS"
#define PAGE_SIZE 64

struct _HsCertificate
{
  GObject parent_instance;

  gint64  id;
  gint64  participant_id;
  gint64  group_id;
  gint64  reprint_of;
  guint   n_reprints;
  char   *serial;
  char   *check;
  char   *participant_name;
  char   *group_name;
  char   *approach;
  char   *district;
  char   *facility;
  char   *start_date;
  char   *graduation_date;
  char   *graduation_venue;
  char   *issued;
  char   *language;
  char   *voided;
  char   *void_reason;
};

G_DEFINE_FINAL_TYPE (HsCertificate, hs_certificate, G_TYPE_OBJECT)

static const char * const languages[] = { "rw", "en", "rw+en", NULL };

static void
hs_certificate_finalize (GObject *object)
{
  HsCertificate *self = HS_CERTIFICATE (object);

  g_free (self->serial);
  g_free (self->check);
  g_free (self->participant_name);
  g_free (self->group_name);
  g_free (self->approach);
  g_free (self->district);
  g_free (self->facility);
  g_free (self->start_date);
  g_free (self->graduation_date);
  g_free (self->graduation_venue);
  g_free (self->issued);
  g_free (self->language);
  g_free (self->voided);
  g_free (self->void_reason);
  G_OBJECT_CLASS (hs_certificate_parent_class)->finalize (object);
}

static void
hs_certificate_class_init (HsCertificateClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hs_certificate_finalize;
}

static void
hs_certificate_init (HsCertificate *self)
{
}

/* The check value printed in the QR code: HMAC-SHA256 of the serial keyed
 * with the database's own secret, so that only this register can produce it. */
static char *
compute_check (const char *secret,
               const char *serial)
{
  g_autofree char *digest = g_compute_hmac_for_string (G_CHECKSUM_SHA256,
                                                       (const guchar *) secret,
                                                       strlen (secret), serial, -1);

  return g_ascii_strup (digest, 8);
}

static char *
dup_secret (HsDatabase *db)
{
  char *secret = hs_database_get_setting (db, "certificate.secret");

  return secret != NULL ? secret : g_strdup ("");
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* The columns read_row () expects: the print @c, its original @o. */
#define CERTIFICATE_COLUMNS \
  "SELECT c.id, c.serial, c.participant_id, p.full_name, c.group_id, g.name, g.approach," \
  " d.name, f.name," \
  " coalesce (g.start_date, (SELECT min (date) FROM session s WHERE s.group_id = g.id))," \
  " g.graduation_date, g.graduation_venue, c.issued, c.language, c.reprint_of," \
  " o.voided, o.void_reason, (SELECT count (*) FROM certificate r WHERE r.reprint_of = o.id)" \
  " FROM certificate c JOIN certificate o ON o.id = coalesce (c.reprint_of, c.id)" \
  " JOIN participant p ON p.id = c.participant_id" \
  " JOIN hgroup g ON g.id = c.group_id" \
  " JOIN district d ON d.id = g.district_id" \
  " LEFT JOIN facility f ON f.id = g.facility_id"

static HsCertificate *
read_row (sqlite3_stmt *stmt,
          const char   *secret)
{
  HsCertificate *self = g_object_new (HS_TYPE_CERTIFICATE, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->serial = dup_column (stmt, 1);
  self->participant_id = sqlite3_column_int64 (stmt, 2);
  self->participant_name = dup_column (stmt, 3);
  self->group_id = sqlite3_column_int64 (stmt, 4);
  self->group_name = dup_column (stmt, 5);
  self->approach = dup_column (stmt, 6);
  self->district = dup_column (stmt, 7);
  self->facility = dup_column (stmt, 8);
  self->start_date = dup_column (stmt, 9);
  self->graduation_date = dup_column (stmt, 10);
  self->graduation_venue = dup_column (stmt, 11);
  self->issued = dup_column (stmt, 12);
  self->language = dup_column (stmt, 13);
  self->reprint_of = sqlite3_column_int64 (stmt, 14);
  self->voided = dup_column (stmt, 15);
  self->void_reason = dup_column (stmt, 16);
  self->n_reprints = sqlite3_column_int (stmt, 17);
  self->check = compute_check (secret, self->serial);
  return self;
}

static HsCertificate *
load_by_id (HsDatabase  *db,
            gint64       id,
            GError     **error)
{
  g_autofree char *secret = dup_secret (db);
  HsCertificate *self = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _hs_database_prepare (db, CERTIFICATE_COLUMNS " WHERE c.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    self = read_row (stmt, secret);
  else if (rc == SQLITE_DONE)
    g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND,
                 _("The certificate is no longer in the register."));
  else
    _hs_database_set_error (db, error, _("Reading the certificate"));
  sqlite3_reset (stmt);
  return self;
}

char *
hs_certificate_explain_ineligible (HsDatabase *db,
                                   gint64      participant_id,
                                   gint64      group_id)
{
  g_autofree char *name = NULL;
  g_autofree char *group = NULL;
  g_autofree char *outcome = NULL;
  g_autofree char *reason = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  stmt = _hs_database_prepare (db,
                               "SELECT p.full_name, g.name, m.outcome, m.reason"
                               " FROM participant p JOIN hgroup g ON g.id = ?2"
                               " LEFT JOIN membership m ON m.participant_id = p.id"
                               "   AND m.group_id = g.id"
                               " WHERE p.id = ?1", NULL);
  if (stmt == NULL)
    return g_strdup (_("The register could not be read."));
  sqlite3_bind_int64 (stmt, 1, participant_id);
  sqlite3_bind_int64 (stmt, 2, group_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      /* An erased person reads "Erased record", as everywhere else. */
      name = g_strdup (hs_participant_display_name ((const char *) sqlite3_column_text (stmt, 0)));
      group = dup_column (stmt, 1);
      outcome = dup_column (stmt, 2);
      reason = dup_column (stmt, 3);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    return g_strdup (_("The participant or the group no longer exists."));
  if (outcome == NULL)
    return g_strdup_printf (_("%s is not a member of the group “%s”. Only the group's "
                              "graduates receive its certificates."), name, group);
  if (g_str_equal (outcome, "graduated"))
    return NULL;
  if (g_str_equal (outcome, "ongoing"))
    return g_strdup_printf (_("%s has not graduated from “%s” yet. Record their graduation "
                              "in the group first: only graduates receive certificates."),
                            name, group);
  if (reason != NULL && *reason != '\0')
    return g_strdup_printf (g_str_equal (outcome, "dropped")
                            ? _("%s dropped out of “%s” (%s), so no certificate can be "
                                "issued. Only graduates receive certificates.")
                            : _("%s was transferred out of “%s” (%s), so no certificate can "
                                "be issued. Only graduates receive certificates."),
                            name, group, reason);
  return g_strdup_printf (g_str_equal (outcome, "dropped")
                          ? _("%s dropped out of “%s”, so no certificate can be issued. "
                              "Only graduates receive certificates.")
                          : _("%s was transferred out of “%s”, so no certificate can be "
                              "issued. Only graduates receive certificates."),
                          name, group);
}

/* The valid original of a graduate's certificate; 0 when there is none. */
static gint64
find_valid_original (HsDatabase  *db,
                     gint64       participant_id,
                     gint64       group_id,
                     char       **serial,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  stmt = _hs_database_prepare (db,
                               "SELECT id, serial FROM certificate WHERE participant_id = ?1"
                               " AND group_id = ?2 AND reprint_of IS NULL AND voided IS NULL",
                               error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, participant_id);
  sqlite3_bind_int64 (stmt, 2, group_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      *serial = dup_column (stmt, 1);
    }
  else if (rc != SQLITE_DONE)
    {
      _hs_database_set_error (db, error, _("Reading the register"));
      id = -1;
    }
  sqlite3_reset (stmt);
  return id;
}

/* Takes the next number of @year. It runs in the transaction that inserts the
 * certificate, so a failed issue gives its number back: no gaps. */
static char *
next_serial (HsDatabase  *db,
             int          year,
             GError     **error)
{
  sqlite3_stmt *stmt;
  char *serial = NULL;

  stmt = _hs_database_prepare (db,
                               "INSERT INTO certificate_counter (year, last) VALUES (?1, 1)"
                               " ON CONFLICT (year) DO UPDATE SET last = last + 1"
                               " RETURNING last", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    serial = g_strdup_printf (SERIAL_PREFIX "-%04d-%06" G_GINT64_FORMAT, year,
                              (gint64) sqlite3_column_int64 (stmt, 0));
  else
    _hs_database_set_error (db, error, _("Numbering the certificate"));
  /* RETURNING finishes its write only when the statement is run to its end. */
  while (sqlite3_step (stmt) == SQLITE_ROW)
    ;
  sqlite3_reset (stmt);
  return serial;
}

static gint64
insert_print (HsDatabase  *db,
              const char  *serial,
              gint64       participant_id,
              gint64       group_id,
              const char  *issued,
              const char  *language,
              gint64       reprint_of,
              GError     **error)
{
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;

  stmt = _hs_database_prepare (db,
                               "INSERT INTO certificate (serial, participant_id, group_id, issued,"
                               " language, reprint_of) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, serial, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, participant_id);
  sqlite3_bind_int64 (stmt, 3, group_id);
  sqlite3_bind_text (stmt, 4, issued, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, language, -1, SQLITE_STATIC);
  if (reprint_of > 0)
    sqlite3_bind_int64 (stmt, 6, reprint_of);
  if (sqlite3_step (stmt) == SQLITE_DONE)
    id = sqlite3_last_insert_rowid (_hs_database_get_handle (db));
  else
    _hs_database_set_error (db, error, _("Registering the certificate"));
  sqlite3_reset (stmt);
  if (id == 0)
    return 0;

  after = _hs_database_row_json (db, "certificate", id);
  if (!_hs_database_audit (db, HS_AUDIT_INSERT, "certificate", id, NULL, after, error))
    return 0;
  return id;
}

/* Returns the id of the new print: an original, or a reprint of the valid one. */
static gint64
issue_one (HsDatabase  *db,
           gint64       participant_id,
           gint64       group_id,
           const char  *language,
           const char  *issued,
           GError     **error)
{
  g_autofree char *why = hs_certificate_explain_ineligible (db, participant_id, group_id);
  g_autofree char *serial = NULL;
  gint64 original;

  if (why != NULL)
    {
      g_set_error_literal (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID, why);
      return 0;
    }
  original = find_valid_original (db, participant_id, group_id, &serial, error);
  if (original < 0)
    return 0;
  if (original == 0 && (serial = next_serial (db, atoi (issued), error)) == NULL)
    return 0;
  return insert_print (db, serial, participant_id, group_id, issued, language, original, error);
}

/* Numbering must not interleave between two programs: take the write lock at
 * the start (BEGIN IMMEDIATE waits for it) unless the caller holds a transaction. */
static gboolean
begin_issue (HsDatabase  *db,
             gboolean    *own,
             GError     **error)
{
  *own = sqlite3_get_autocommit (_hs_database_get_handle (db)) != 0;
  if (*own && !hs_database_begin (db, error))
    return FALSE;
  if (_hs_database_write_begin (db, error))
    return TRUE;
  if (*own)
    hs_database_rollback (db);
  return FALSE;
}

static gboolean
end_issue (HsDatabase  *db,
           gboolean     own,
           gboolean     ok,
           GError     **error)
{
  ok = _hs_database_write_end (db, ok, error);
  if (!own)
    return ok;
  if (ok && hs_database_commit (db, error))
    return TRUE;
  hs_database_rollback (db);
  return FALSE;
}

static gboolean
check_request (const char  *language,
               const char  *issued,
               GError     **error)
{
  if (language == NULL || !g_strv_contains (languages, language))
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("The certificate language must be rw, en or rw+en, not “%s”."),
                   language ? language : "");
      return FALSE;
    }
  return _hs_check_date (issued, _("Issue date"), error);
}

static gboolean
issue_and_load (HsDatabase              *db,
                const HsCertificateKey  *keys,
                guint                    n_keys,
                const char              *language,
                const char              *date,
                GPtrArray               *result,
                GError                 **error)
{
  for (guint i = 0; i < n_keys; i++)
    {
      gint64 id = issue_one (db, keys[i].participant_id, keys[i].group_id, language, date,
                             error);
      HsCertificate *certificate;

      if (id <= 0 || (certificate = load_by_id (db, id, error)) == NULL)
        return FALSE;
      g_ptr_array_add (result, certificate);
    }
  return TRUE;
}

GPtrArray *
hs_certificate_issue_batch_full (HsDatabase              *db,
                                 const HsCertificateKey  *keys,
                                 guint                    n_keys,
                                 const char              *language,
                                 const char              *issued,
                                 HsCertificateIssuedFunc  func,
                                 gpointer                 user_data,
                                 GCancellable            *cancellable,
                                 GError                 **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *date = issued != NULL ? g_strdup (issued) : today ();
  gboolean own, ok;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);

  if (!check_request (language, date, error) || !begin_issue (db, &own, error))
    return NULL;
  ok = issue_and_load (db, keys, n_keys, language, date, result, error)
       && (func == NULL || func (result, user_data, cancellable, error))
       && !g_cancellable_set_error_if_cancelled (cancellable, error);
  if (!end_issue (db, own, ok, error))
    return NULL;
  return g_steal_pointer (&result);
}

GPtrArray *
hs_certificate_issue_batch (HsDatabase              *db,
                            const HsCertificateKey  *keys,
                            guint                    n_keys,
                            const char              *language,
                            const char              *issued,
                            GError                 **error)
{
  return hs_certificate_issue_batch_full (db, keys, n_keys, language, issued, NULL, NULL, NULL,
                                          error);
}

HsCertificate *
hs_certificate_issue (HsDatabase  *db,
                      gint64       participant_id,
                      gint64       group_id,
                      const char  *language,
                      const char  *issued,
                      GError     **error)
{
  HsCertificateKey key = { participant_id, group_id };
  g_autoptr(GPtrArray) batch = hs_certificate_issue_batch (db, &key, 1, language, issued,
                                                           error);

  return batch != NULL ? g_object_ref (g_ptr_array_index (batch, 0)) : NULL;
}

GPtrArray *
hs_certificate_preview_batch (HsDatabase              *db,
                              const HsCertificateKey  *keys,
                              guint                    n_keys,
                              const char              *language,
                              GError                 **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *date = today ();
  g_autofree char *secret = dup_secret (db);
  g_autofree char *placeholder = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);
  if (!check_request (language, NULL, error))
    return NULL;
  /* Not a number anyone could mistake for an issued one. */
  placeholder = g_strdup_printf (SERIAL_PREFIX "-%.4s-······", date);
  stmt = _hs_database_prepare (db,
                               "SELECT 0, coalesce ((SELECT serial FROM certificate c"
                               "   WHERE c.participant_id = m.participant_id"
                               "   AND c.group_id = m.group_id AND c.reprint_of IS NULL"
                               "   AND c.voided IS NULL), ?3),"
                               " m.participant_id, p.full_name, m.group_id, g.name, g.approach,"
                               " d.name, f.name, coalesce (g.start_date, (SELECT min (date)"
                               "   FROM session s WHERE s.group_id = g.id)),"
                               " g.graduation_date, g.graduation_venue, ?4, ?5, 0, NULL, NULL, 0"
                               " FROM membership m JOIN participant p ON p.id = m.participant_id"
                               " JOIN hgroup g ON g.id = m.group_id"
                               " JOIN district d ON d.id = g.district_id"
                               " LEFT JOIN facility f ON f.id = g.facility_id"
                               " WHERE m.participant_id = ?1 AND m.group_id = ?2", error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < n_keys; i++)
    {
      sqlite3_bind_int64 (stmt, 1, keys[i].participant_id);
      sqlite3_bind_int64 (stmt, 2, keys[i].group_id);
      sqlite3_bind_text (stmt, 3, placeholder, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, date, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, language, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (result, read_row (stmt, secret));
      sqlite3_reset (stmt);
    }
  return g_steal_pointer (&result);
}

static GArray *
read_keys (HsDatabase  *db,
           const char  *sql,
           gint64       id,
           const char  *text,
           GError     **error)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (HsCertificateKey));
  sqlite3_stmt *stmt;
  int rc;

  stmt = _hs_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HsCertificateKey key = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      g_array_append_val (keys, key);
    }
  if (rc != SQLITE_DONE)
    _hs_database_set_error (db, error, _("Finding the graduates"));
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? g_steal_pointer (&keys) : NULL;
}

GArray *
hs_certificate_graduates_of_group (HsDatabase  *db,
                                   gint64       group_id,
                                   GError     **error)
{
  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);
  return read_keys (db,
                    "SELECT m.participant_id, m.group_id FROM membership m"
                    " JOIN participant p ON p.id = m.participant_id"
                    " WHERE m.group_id = ?1 AND m.outcome = 'graduated'"
                    " ORDER BY p.search_key, p.full_name COLLATE NOCASE, p.id", group_id, NULL, error);
}

GArray *
hs_certificate_graduates_of_ceremony (HsDatabase  *db,
                                      const char  *date,
                                      GError     **error)
{
  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);
  if (date == NULL || !_hs_check_date (date, _("Ceremony date"), error))
    {
      if (date == NULL)
        g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                     _("Give the date of the graduation ceremony."));
      return NULL;
    }
  return read_keys (db,
                    "SELECT m.participant_id, m.group_id FROM membership m"
                    " JOIN participant p ON p.id = m.participant_id"
                    " JOIN hgroup g ON g.id = m.group_id"
                    " WHERE g.graduation_date = ?1 AND m.outcome = 'graduated'"
                    " ORDER BY g.name COLLATE NOCASE, p.search_key, p.full_name COLLATE NOCASE,"
                    " p.id",
                    0, date, error);
}

gint64
hs_certificate_find_group (HsDatabase *db,
                           const char *name)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (HS_IS_DATABASE (db), 0);
  stmt = _hs_database_prepare (db, "SELECT id FROM hgroup WHERE name = ? COLLATE NOCASE", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

void
hs_certificate_batch_free (HsCertificateBatch *batch)
{
  if (batch == NULL)
    return;
  g_free (batch->name);
  g_free (batch->date);
  g_free (batch);
}

GPtrArray *
hs_certificate_list_batches (HsDatabase  *db,
                             GError     **error)
{
  g_autoptr(GPtrArray) batches = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                 hs_certificate_batch_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);
  /* Ceremony rows (group 0) sort before their groups. */
  stmt = _hs_database_prepare (db,
                               "SELECT 0, NULL, g.graduation_date, count (DISTINCT g.id),"
                               " count (*), 0 FROM membership m JOIN hgroup g ON g.id = m.group_id"
                               " WHERE m.outcome = 'graduated' AND g.graduation_date IS NOT NULL"
                               " GROUP BY g.graduation_date"
                               " UNION ALL"
                               " SELECT g.id, g.name, g.graduation_date, 1, count (*), 1"
                               " FROM membership m JOIN hgroup g ON g.id = m.group_id"
                               " WHERE m.outcome = 'graduated' GROUP BY g.id"
                               " ORDER BY 3 DESC, 6, 2 COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HsCertificateBatch *batch = g_new0 (HsCertificateBatch, 1);

      batch->group_id = sqlite3_column_int64 (stmt, 0);
      batch->name = dup_column (stmt, 1);
      batch->date = dup_column (stmt, 2);
      batch->n_groups = sqlite3_column_int (stmt, 3);
      batch->n_graduates = sqlite3_column_int (stmt, 4);
      g_ptr_array_add (batches, batch);
    }
  if (rc != SQLITE_DONE)
    _hs_database_set_error (db, error, _("Finding the graduations"));
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? g_steal_pointer (&batches) : NULL;
}

GArray *
hs_certificate_batch_keys (HsDatabase                *db,
                           const HsCertificateBatch  *batch,
                           GError                   **error)
{
  if (batch->group_id > 0)
    return hs_certificate_graduates_of_group (db, batch->group_id, error);
  return hs_certificate_graduates_of_ceremony (db, batch->date, error);
}

GArray *
hs_certificate_non_graduates_of_batch (HsDatabase                *db,
                                       const HsCertificateBatch  *batch,
                                       GError                   **error)
{
  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);
  if (batch->group_id > 0)
    return read_keys (db,
                      "SELECT m.participant_id, m.group_id FROM membership m"
                      " JOIN participant p ON p.id = m.participant_id"
                      " WHERE m.group_id = ?1 AND m.outcome <> 'graduated'"
                      " ORDER BY p.search_key, p.full_name COLLATE NOCASE, p.id",
                      batch->group_id, NULL, error);
  return read_keys (db,
                    "SELECT m.participant_id, m.group_id FROM membership m"
                    " JOIN participant p ON p.id = m.participant_id"
                    " JOIN hgroup g ON g.id = m.group_id"
                    " WHERE g.graduation_date = ?1 AND m.outcome <> 'graduated'"
                    "   AND EXISTS (SELECT 1 FROM membership w WHERE w.group_id = g.id"
                    "               AND w.outcome = 'graduated')"
                    " ORDER BY g.name COLLATE NOCASE, p.search_key, p.full_name COLLATE NOCASE,"
                    " p.id", 0, batch->date, error);
}

HsCertificate *
hs_certificate_lookup (HsDatabase  *db,
                       const char  *serial,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);
  stmt = _hs_database_prepare (db,
                               "SELECT id FROM certificate WHERE serial = ?"
                               " AND reprint_of IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, serial, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND,
                 _("No certificate with the serial %s is in the register."), serial);
  else
    _hs_database_set_error (db, error, _("Reading the register"));
  sqlite3_reset (stmt);
  return id > 0 ? load_by_id (db, id, error) : NULL;
}

gboolean
hs_certificate_void (HsDatabase  *db,
                     const char  *serial,
                     const char  *reason,
                     GError     **error)
{
  g_autoptr(HsCertificate) certificate = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *date = today ();
  g_autofree char *trimmed = g_strstrip (g_strdup (reason ? reason : ""));
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  if (*trimmed == '\0')
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("Say why the certificate is voided (for example “name misspelt”)."));
      return FALSE;
    }
  if ((certificate = hs_certificate_lookup (db, serial, error)) == NULL)
    return FALSE;
  if (certificate->voided != NULL)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID,
                   _("The certificate %s was already voided on %s (%s)."),
                   serial, certificate->voided, certificate->void_reason);
      return FALSE;
    }

  before = _hs_database_row_json (db, "certificate", certificate->id);
  if (!_hs_database_write_begin (db, error))
    return FALSE;
  stmt = _hs_database_prepare (db,
                               "UPDATE certificate SET voided = ?1, void_reason = ?2"
                               " WHERE id = ?3", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, date, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, trimmed, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, certificate->id);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      if (!ok)
        _hs_database_set_error (db, error, _("Voiding the certificate"));
      sqlite3_reset (stmt);
    }
  if (ok)
    {
      after = _hs_database_row_json (db, "certificate", certificate->id);
      ok = _hs_database_audit (db, HS_AUDIT_UPDATE, "certificate", certificate->id, before,
                               after, error);
    }
  return _hs_database_write_end (db, ok, error);
}

/* Upper-cases and splits "hs-2026-000123  abcd1234" into serial and check. */
static void
parse_verify_text (const char  *text,
                   char       **serial,
                   char       **check)
{
  g_autofree char *upper = g_ascii_strup (text ? text : "", -1);
  g_auto(GStrv) tokens = g_strsplit_set (g_strstrip (upper), " \t\r\n", -1);
  guint n = 0;

  *serial = NULL;
  *check = NULL;
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (tokens[i][0] == '\0')
        continue;
      if (n == 0)
        *serial = g_strdup (tokens[i]);
      else if (n == 1)
        *check = g_strdup (tokens[i]);
      n++;
    }
}

HsCertificateVerdict
hs_certificate_verify (HsDatabase     *db,
                       const char     *text,
                       HsCertificate **certificate,
                       GError        **error)
{
  g_autofree char *serial = NULL;
  g_autofree char *check = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(HsCertificate) found = NULL;
  HsCertificateVerdict verdict;

  g_return_val_if_fail (HS_IS_DATABASE (db), HS_CERTIFICATE_UNKNOWN);
  if (certificate != NULL)
    *certificate = NULL;

  parse_verify_text (text, &serial, &check);
  if (serial == NULL)
    return HS_CERTIFICATE_UNKNOWN;
  found = hs_certificate_lookup (db, serial, &local_error);
  if (found == NULL)
    {
      if (!g_error_matches (local_error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return HS_CERTIFICATE_UNKNOWN;
    }
  if (check != NULL && !g_str_equal (check, found->check))
    verdict = HS_CERTIFICATE_BAD_CHECK;
  else if (found->voided != NULL)
    verdict = HS_CERTIFICATE_VOIDED;
  else
    verdict = HS_CERTIFICATE_VALID;
  if (certificate != NULL)
    *certificate = g_steal_pointer (&found);
  return verdict;
}

HsCertificate *
hs_certificate_new_sample (const char *serial,
                           const char *participant_name,
                           const char *language)
{
  HsCertificate *self = g_object_new (HS_TYPE_CERTIFICATE, NULL);

  self->serial = g_strdup (serial);
  self->check = compute_check ("sample", serial);
  self->participant_name = g_strdup (participant_name);
  self->group_name = g_strdup ("Musanze A1");
  self->approach = g_strdup ("sociotherapy");
  self->district = g_strdup ("Musanze");
  self->start_date = g_strdup ("2024-02-05");
  self->graduation_date = g_strdup ("2024-05-24");
  self->graduation_venue = g_strdup ("Musanze Sector Office");
  self->issued = g_strdup ("2024-05-20");
  self->language = g_strdup (language);
  return self;
}

char *
hs_certificate_dup_qr_text (HsCertificate *self)
{
  g_return_val_if_fail (HS_IS_CERTIFICATE (self), NULL);
  return g_strconcat (self->serial, " ", self->check, NULL);
}

gint64
hs_certificate_get_id (HsCertificate *self)
{
  g_return_val_if_fail (HS_IS_CERTIFICATE (self), 0);
  return self->id;
}

const char *
hs_certificate_get_serial (HsCertificate *self)
{
  g_return_val_if_fail (HS_IS_CERTIFICATE (self), NULL);
  return self->serial;
}

const char *
hs_certificate_get_check (HsCertificate *self)
{
  g_return_val_if_fail (HS_IS_CERTIFICATE (self), NULL);
  return self->check;
}

gint64
hs_certificate_get_participant_id (HsCertificate *self)
{
  g_return_val_if_fail (HS_IS_CERTIFICATE (self), 0);
  return self->participant_id;
}

const char *
hs_certificate_get_participant_name (HsCertificate *self)
{
  g_return_val_if_fail (HS_IS_CERTIFICATE (self), NULL);
  return self->participant_name;
}

gint64
hs_certificate_get_group_id (HsCertificate *self)
{
  g_return_val_if_fail (HS_IS_CERTIFICATE (self), 0);
  return self->group_id;
}

const char *
hs_certificate_get_group_name (HsCertificate *self)
{
  g_return_val_if_fail (HS_IS_CERTIFICATE (self), NULL);
  return self->group_name;
}

const char *
hs_certificate_get_approach (HsCertificate *self)
{
  g_return_val_if_fail (HS_IS_CERTIFICATE (self), NULL);
  return self->approach;
}

const char *
hs_certificate_get_district (HsCertificate *self)
{
  g_return_val_if_fail (HS_IS_CERTIFICATE (self), NULL);
  return self->district;
}

const char *
hs_certificate_get_facility (HsCertificate *self)
{
  g_return_val_if_fail (HS_IS_CERTIFICATE (self), NULL);
  return self->facility;
}

const char *
hs_certificate_get_start_date (HsCertificate *self)
{
  g_return_val_if_fail (HS_IS_CERTIFICATE (self), NULL);
  return self->start_date;
}

const char *
hs_certificate_get_graduation_date (HsCertificate *self)
{
  g_return_val_if_fail (HS_IS_CERTIFICATE (self), NULL);
  return self->graduation_date;
}

const char *
hs_certificate_get_graduation_venue (HsCertificate *self)
{
  g_return_val_if_fail (HS_IS_CERTIFICATE (self), NULL);
  return self->graduation_venue;
}

const char *
hs_certificate_get_issued (HsCertificate *self)
{
  g_return_val_if_fail (HS_IS_CERTIFICATE (self), NULL);
  return self->issued;
}

const char *
hs_certificate_get_language (HsCertificate *self)
{
  g_return_val_if_fail (HS_IS_CERTIFICATE (self), NULL);
  return self->language;
}

gboolean
hs_certificate_is_reprint (HsCertificate *self)
{
  g_return_val_if_fail (HS_IS_CERTIFICATE (self), 0);
  return self->reprint_of > 0;
}

guint
hs_certificate_get_n_reprints (HsCertificate *self)
{
  g_return_val_if_fail (HS_IS_CERTIFICATE (self), 0);
  return self->n_reprints;
}

const char *
hs_certificate_get_voided (HsCertificate *self)
{
  g_return_val_if_fail (HS_IS_CERTIFICATE (self), NULL);
  return self->voided;
}

const char *
hs_certificate_get_void_reason (HsCertificate *self)
{
  g_return_val_if_fail (HS_IS_CERTIFICATE (self), NULL);
  return self->void_reason;
}

/* The register list. */

struct _HsCertificateList
{
  GObject     parent_instance;

  HsDatabase *db;
  char       *search;
  guint       n_items;
  GHashTable *pages;
};

static void hs_certificate_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HsCertificateList, hs_certificate_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      hs_certificate_list_model_init))

#define LIST_FILTER \
  " WHERE c.reprint_of IS NULL AND (?1 IS NULL OR c.serial LIKE ?1 ESCAPE '\\'" \
  " OR p.search_key LIKE ?2 ESCAPE '\\' OR g.name LIKE ?1 ESCAPE '\\')"

static char *
like_pattern (const char *text)
{
  GString *out = g_string_new ("%");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '%');
  return g_string_free (out, FALSE);
}

static void
bind_search (HsCertificateList *self,
             sqlite3_stmt      *stmt)
{
  g_autofree char *ascii = NULL;
  g_autofree char *folded = NULL;

  if (self->search == NULL)
    return;
  ascii = g_str_to_ascii (self->search, "C");
  folded = g_ascii_strdown (ascii, -1);
  sqlite3_bind_text (stmt, 1, like_pattern (self->search), -1, g_free);
  sqlite3_bind_text (stmt, 2, like_pattern (folded), -1, g_free);
}

static guint
count_rows (HsCertificateList *self)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  stmt = _hs_database_prepare (self->db,
                               "SELECT count (*) FROM certificate c"
                               " JOIN participant p ON p.id = c.participant_id"
                               " JOIN hgroup g ON g.id = c.group_id" LIST_FILTER, NULL);
  if (stmt == NULL)
    return 0;
  bind_search (self, stmt);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static GPtrArray *
load_page (HsCertificateList *self,
           guint              page)
{
  g_autofree char *secret = dup_secret (self->db);
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  stmt = _hs_database_prepare (self->db,
                               CERTIFICATE_COLUMNS LIST_FILTER
                               " ORDER BY c.id DESC LIMIT ?3 OFFSET ?4", NULL);
  if (stmt == NULL)
    return items;
  bind_search (self, stmt);
  sqlite3_bind_int (stmt, 3, PAGE_SIZE);
  sqlite3_bind_int64 (stmt, 4, (gint64) page * PAGE_SIZE);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (items, read_row (stmt, secret));
  sqlite3_reset (stmt);
  return items;
}

static GType
hs_certificate_list_get_item_type (GListModel *model)
{
  return HS_TYPE_CERTIFICATE;
}

static guint
hs_certificate_list_get_n_items (GListModel *model)
{
  return HS_CERTIFICATE_LIST (model)->n_items;
}

static gpointer
hs_certificate_list_get_item (GListModel *model,
                              guint       position)
{
  HsCertificateList *self = HS_CERTIFICATE_LIST (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *items;

  if (position >= self->n_items)
    return NULL;
  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (items == NULL)
    {
      items = load_page (self, page);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
    }
  if (position % PAGE_SIZE >= items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (items, position % PAGE_SIZE));
}

static void
hs_certificate_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = hs_certificate_list_get_item_type;
  iface->get_n_items = hs_certificate_list_get_n_items;
  iface->get_item = hs_certificate_list_get_item;
}

static void
hs_certificate_list_dispose (GObject *object)
{
  HsCertificateList *self = HS_CERTIFICATE_LIST (object);

  g_clear_object (&self->db);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  G_OBJECT_CLASS (hs_certificate_list_parent_class)->dispose (object);
}

static void
hs_certificate_list_finalize (GObject *object)
{
  g_free (HS_CERTIFICATE_LIST (object)->search);
  G_OBJECT_CLASS (hs_certificate_list_parent_class)->finalize (object);
}

static void
hs_certificate_list_class_init (HsCertificateListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hs_certificate_list_dispose;
  object_class->finalize = hs_certificate_list_finalize;
}

static void
hs_certificate_list_init (HsCertificateList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
}

HsCertificateList *
hs_certificate_list_new (HsDatabase *db)
{
  HsCertificateList *self;

  g_return_val_if_fail (HS_IS_DATABASE (db), NULL);
  self = g_object_new (HS_TYPE_CERTIFICATE_LIST, NULL);
  self->db = g_object_ref (db);
  self->n_items = count_rows (self);
  return self;
}

void
hs_certificate_list_reload (HsCertificateList *self)
{
  guint old = self->n_items;

  g_return_if_fail (HS_IS_CERTIFICATE_LIST (self));
  g_hash_table_remove_all (self->pages);
  self->n_items = count_rows (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->n_items);
}

void
hs_certificate_list_set_search (HsCertificateList *self,
                                const char        *search)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (search ? search : ""));

  g_return_if_fail (HS_IS_CERTIFICATE_LIST (self));
  if (g_strcmp0 (self->search, *trimmed ? trimmed : NULL) == 0)
    return;
  g_free (self->search);
  self->search = *trimmed ? g_steal_pointer (&trimmed) : NULL;
  hs_certificate_list_reload (self);
}
