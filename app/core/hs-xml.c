/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-xml"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlwriter.h>
#include <string.h>
#include <unistd.h>

#include "hs-core-resources.h"
#include "hs-database-private.h"
#include "hs-group.h"
#include "hs-livelihood-private.h"
#include "hs-membership.h"
#include "hs-participant.h"
#include "hs-xml.h"
#include "hs-participant-private.h"

#define NS "urn:healing-spaces:export:1"
#define XSD_RESOURCE "/io/github/healingspaces/HealingSpaces/core/healing-spaces-export-1.xsd"
/* A million participants (14 million attendance marks) take about 2.9 GB;
 * far beyond that is not ours. */
#define MAX_FILE_BYTES ((goffset) 4 * 1024 * 1024 * 1024)
#define MAX_RECORD_FIELDS 64
#define MAX_LISTED_CONFLICTS 1000

G_DEFINE_QUARK (hs-xml-error-quark, hs_xml_error)

/* Writing ------------------------------------------------------------------ */

/* The element names are the HsParticipant / HsGroup property names. */
static const char * const participant_fields[] = {
  "full-name", "sex", "birth-year", "age-band", "phone", "national-id", "district", "sector",
  "cell", "village", "category", "facility", "inmate-number", "expected-release",
  "screening-date", "trauma-level", "screening-needs", "screener", "consent-date",
  "consent-given-by", "consent-withdrawn", "notes", NULL
};

static const char * const group_fields[] = {
  "name", "approach", "setting", "age-band", "district", "facility", "sector", "venue",
  "start-date", "planned-sessions", "status", "graduation-date", "graduation-venue", NULL
};

static const char * const facilitator_fields[] = {
  "full-name", "sex", "phone", "district", "trained-date", NULL
};

/* The session columns, in the order of session_fields. */
static const char * const session_fields[] = {
  "number", "date", "time", "venue", "topic", "status", "reason", NULL
};
static const char * const session_columns[] = {
  "number", "date", "time", "venue", "topic", "status", "reason", NULL
};

/* Livelihoods: element names, and the columns they fill in the same order. */
static const char * const livelihood_group_fields[] = {
  "name", "district", "activity", "training-start", "training-end", "start-date", "status",
  "notes", NULL
};
static const char * const capital_fields[] = { "amount-rwf", "date", "source", NULL };
static const char * const visit_fields[] = { "date", "active", "members-present", "notes", NULL };
static const char * const capital_columns[] = {
  "business_group_id", "amount_rwf", "date", "source", NULL
};
static const char * const visit_columns[] = {
  "business_group_id", "date", "active", "members_present", "notes", NULL
};
static const char * const tvet_fields[] = {
  "trade", "centre", "start-date", "end-date", "status", "expected-release", "release-date",
  "reintegration", "reintegration-date", "notes", NULL
};
static const char * const tvet_columns[] = {
  "trade", "centre", "start_date", "end_date", "status", "expected_release", "release_date",
  "reintegration", "reintegration_date", "notes", NULL
};
static const char * const target_fields[] = {
  "name", "metric", "value", "female", "male", "district", "start-date", "end-date", "past", NULL
};

/* XML 1.0 cannot carry most control characters, even escaped. */
static char *
xml_safe (const char *text)
{
  char *copy = g_strdup (text);

  for (char *p = copy; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
        *p = ' ';
    }
  return copy;
}

static gboolean
write_fields (xmlTextWriterPtr     writer,
              sqlite3_stmt        *stmt,
              int                  first,
              const char * const  *fields)
{
  for (int i = 0; fields[i] != NULL; i++)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, first + i);
      g_autofree char *safe = NULL;

      if (text == NULL)
        continue;
      safe = xml_safe (text);
      if (xmlTextWriterWriteElement (writer, BAD_CAST fields[i], BAD_CAST safe) < 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_attribute (xmlTextWriterPtr  writer,
                 const char       *name,
                 const char       *value)
{
  g_autofree char *safe = NULL;

  if (value == NULL)
    return TRUE;
  safe = xml_safe (value);
  return xmlTextWriterWriteAttribute (writer, BAD_CAST name, BAD_CAST safe) >= 0;
}

static gboolean
write_section (HsDatabase        *db,
               xmlTextWriterPtr   writer,
               const char        *section,
               const char        *element,
               const char        *sql,
               const char * const *attributes,
               const char * const *fields,
               guint             *count,
               GError           **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = xmlTextWriterStartElement (writer, BAD_CAST section) >= 0;
  int rc = SQLITE_DONE;
  int n_attributes = (int) g_strv_length ((char **) attributes);

  if (ok && sqlite3_prepare_v2 (_hs_database_get_handle (db), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _hs_database_set_error (db, error, _("Reading the data to export"));
      return FALSE;
    }
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ok = xmlTextWriterStartElement (writer, BAD_CAST element) >= 0;
      for (int a = 0; ok && a < n_attributes; a++)
        ok = write_attribute (writer, attributes[a], (const char *) sqlite3_column_text (stmt, a));
      ok = ok && (fields == NULL || write_fields (writer, stmt, n_attributes, fields))
           && xmlTextWriterEndElement (writer) >= 0;
      if (count != NULL)
        (*count)++;
    }
  sqlite3_finalize (stmt);
  if (ok && rc != SQLITE_DONE)
    {
      _hs_database_set_error (db, error, _("Reading the data to export"));
      return FALSE;
    }
  ok = ok && xmlTextWriterEndElement (writer) >= 0;
  if (!ok)
    g_set_error (error, HS_XML_ERROR, HS_XML_ERROR_FAILED,
                 _("Could not write the export: %s"), g_strerror (errno));
  return ok;
}

/* Facilitators, sessions, attendance and certificates: what a programme
 * did, after who took part in it. Each section follows the ones it refers
 * to, so a streaming merge always knows the records a line points at. */
static gboolean
write_records (HsDatabase        *db,
               xmlTextWriterPtr   writer,
               GError           **error)
{
  static const char * const facilitator_attributes[] = { "uuid", "updated", NULL };
  static const char * const link_attributes[] = { "group", "facilitator", NULL };
  static const char * const session_attributes[] = { "uuid", "updated", "group", NULL };
  static const char * const attendance_attributes[] = { "session", "participant", "mark",
                                                        NULL };
  static const char * const certificate_attributes[] = { "uuid", "serial", "participant",
                                                         "group", "issued", "language",
                                                         "reprint-of", "voided", "void-reason",
                                                         NULL };

  return write_section (db, writer, "facilitators", "facilitator",
                        "SELECT f.uuid, f.updated, f.full_name, f.sex, f.phone, d.name,"
                        " f.trained_date FROM facilitator f"
                        " LEFT JOIN district d ON d.id = f.district_id ORDER BY f.id",
                        facilitator_attributes, facilitator_fields, NULL, error)
         && write_section (db, writer, "group-facilitators", "group-facilitator",
                           "SELECT g.uuid, f.uuid FROM group_facilitator gf"
                           " JOIN hgroup g ON g.id = gf.group_id"
                           " JOIN facilitator f ON f.id = gf.facilitator_id ORDER BY gf.id",
                           link_attributes, NULL, NULL, error)
         && write_section (db, writer, "sessions", "session",
                           "SELECT s.uuid, s.updated, g.uuid, s.number, s.date, s.time, s.venue,"
                           " s.topic, s.status, s.reason FROM session s"
                           " JOIN hgroup g ON g.id = s.group_id ORDER BY s.id",
                           session_attributes, session_fields, NULL, error)
         && write_section (db, writer, "attendances", "attendance",
                           "SELECT s.uuid, p.uuid, a.mark FROM attendance a"
                           " JOIN session s ON s.id = a.session_id"
                           " JOIN participant p ON p.id = a.participant_id"
                           " WHERE " HS_SQL_SHAREABLE " ORDER BY a.id",
                           attendance_attributes, NULL, NULL, error)
         && write_section (db, writer, "certificates", "certificate",
                           "SELECT c.uuid, c.serial, p.uuid, g.uuid, c.issued, c.language,"
                           " r.uuid, c.voided, c.void_reason FROM certificate c"
                           " JOIN participant p ON p.id = c.participant_id"
                           " JOIN hgroup g ON g.id = c.group_id"
                           " LEFT JOIN certificate r ON r.id = c.reprint_of"
                           " WHERE " HS_SQL_SHAREABLE " ORDER BY c.id",
                           certificate_attributes, NULL, NULL, error);
}

/* Livelihood groups, their members, capital and visits, vocational
 * training and programme targets: after graduation, so after the people
 * and groups they refer to. Members and trainees follow the participants'
 * consent, as memberships do. */
static gboolean
write_livelihoods (HsDatabase        *db,
                   xmlTextWriterPtr   writer,
                   GError           **error)
{
  static const char * const updated_attributes[] = { "uuid", "updated", NULL };
  static const char * const member_attributes[] = { "group", "participant", NULL };
  static const char * const entry_attributes[] = { "uuid", "group", NULL };
  static const char * const tvet_attributes[] = { "uuid", "updated", "participant", NULL };

  return write_section (db, writer, "livelihood-groups", "livelihood-group",
                        "SELECT b.uuid, b.updated, b.name, d.name, b.activity, b.training_start,"
                        " b.training_end, b.start_date, b.status, b.notes FROM business_group b"
                        " LEFT JOIN district d ON d.id = b.district_id ORDER BY b.id",
                        updated_attributes, livelihood_group_fields, NULL, error)
         && write_section (db, writer, "livelihood-members", "livelihood-member",
                           "SELECT b.uuid, p.uuid FROM business_member m"
                           " JOIN business_group b ON b.id = m.business_group_id"
                           " JOIN participant p ON p.id = m.participant_id"
                           " WHERE " HS_SQL_SHAREABLE " ORDER BY m.id",
                           member_attributes, NULL, NULL, error)
         && write_section (db, writer, "capital-entries", "capital",
                           "SELECT c.uuid, b.uuid, c.amount_rwf, c.date, c.source"
                           " FROM business_capital c"
                           " JOIN business_group b ON b.id = c.business_group_id ORDER BY c.id",
                           entry_attributes, capital_fields, NULL, error)
         && write_section (db, writer, "visits", "visit",
                           "SELECT v.uuid, b.uuid, v.date, v.active, v.members_present, v.notes"
                           " FROM business_visit v"
                           " JOIN business_group b ON b.id = v.business_group_id ORDER BY v.id",
                           entry_attributes, visit_fields, NULL, error)
         && write_section (db, writer, "tvet-records", "tvet",
                           "SELECT t.uuid, t.updated, p.uuid, t.trade, t.centre, t.start_date,"
                           " t.end_date, t.status, t.expected_release, t.release_date,"
                           " t.reintegration, t.reintegration_date, t.notes FROM tvet t"
                           " JOIN participant p ON p.id = t.participant_id"
                           " WHERE " HS_SQL_SHAREABLE " ORDER BY t.id",
                           tvet_attributes, tvet_fields, NULL, error)
         && write_section (db, writer, "targets", "target",
                           "SELECT t.uuid, t.updated, t.name, t.metric, t.value, t.female, t.male,"
                           " d.name, t.start_date, t.end_date, t.past FROM target t"
                           " LEFT JOIN district d ON d.id = t.district_id ORDER BY t.id",
                           updated_attributes, target_fields, NULL, error);
}

static gboolean
write_document (HsDatabase        *db,
                xmlTextWriterPtr   writer,
                guint             *n_participants,
                GError           **error)
{
  static const char * const participant_attributes[] = { "uuid", "created", "updated", NULL };
  static const char * const group_attributes[] = { "uuid", "updated", NULL };
  static const char * const membership_attributes[] = { "group", "participant", "outcome",
                                                        "joined", "left", "reason", NULL };
  g_autofree char *now = _hs_database_now ();
  g_autofree char *office = hs_database_get_setting (db, "organisation.name");

  if (xmlTextWriterStartDocument (writer, NULL, "UTF-8", NULL) < 0
      || xmlTextWriterStartElement (writer, BAD_CAST "export") < 0
      || xmlTextWriterWriteAttribute (writer, BAD_CAST "xmlns", BAD_CAST NS) < 0
      || xmlTextWriterWriteAttribute (writer, BAD_CAST "version", BAD_CAST "1") < 0
      || !write_attribute (writer, "exported", now)
      || !write_attribute (writer, "office", office))
    {
      g_set_error (error, HS_XML_ERROR, HS_XML_ERROR_FAILED,
                   _("Could not write the export: %s"), g_strerror (errno));
      return FALSE;
    }
  return write_section (db, writer, "participants", "participant",
                        "SELECT p.uuid, p.created, p.updated, p.full_name, p.sex, p.birth_year,"
                        " p.age_band, p.phone, p.national_id, d.name, p.sector, p.cell,"
                        " p.village, p.category, f.name, p.inmate_number, p.expected_release,"
                        " p.screening_date, p.trauma_level, p.screening_needs, p.screener,"
                        " p.consent_date, p.consent_given_by, p.consent_withdrawn, p.notes"
                        " FROM participant p LEFT JOIN district d ON d.id = p.district_id"
                        " LEFT JOIN facility f ON f.id = p.facility_id"
                        " WHERE " HS_SQL_SHAREABLE " ORDER BY p.id",
                        participant_attributes, participant_fields, n_participants, error)
         && write_section (db, writer, "groups", "group",
                           "SELECT g.uuid, g.updated, g.name, g.approach, g.setting, g.age_band,"
                           " d.name, f.name, g.sector, g.venue, g.start_date, g.planned_sessions,"
                           " g.status, g.graduation_date, g.graduation_venue"
                           " FROM hgroup g JOIN district d ON d.id = g.district_id"
                           " LEFT JOIN facility f ON f.id = g.facility_id ORDER BY g.id",
                           group_attributes, group_fields, NULL, error)
         && write_section (db, writer, "memberships", "membership",
                           "SELECT g.uuid, p.uuid, m.outcome, m.joined, m.left_date, m.reason"
                           " FROM membership m JOIN hgroup g ON g.id = m.group_id"
                           " JOIN participant p ON p.id = m.participant_id"
                           " WHERE " HS_SQL_SHAREABLE " ORDER BY m.id",
                           membership_attributes, NULL, NULL, error)
         && write_records (db, writer, error)
         && write_livelihoods (db, writer, error)
         && xmlTextWriterEndDocument (writer) >= 0;
}

gboolean
hs_xml_export (HsDatabase  *db,
               const char  *path,
               guint       *n_participants,
               GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *temp = g_build_filename (dir, ".hs-export-XXXXXX", NULL);
  xmlTextWriterPtr writer;
  guint count = 0;
  gboolean ok;
  int fd;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  if ((fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600)) < 0)
    {
      int saved = errno;
      g_set_error (error, HS_XML_ERROR, HS_XML_ERROR_FAILED,
                   _("Could not create a file in %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  if ((writer = xmlNewTextWriterFilename (temp, 0)) == NULL)
    {
      g_unlink (temp);
      g_set_error (error, HS_XML_ERROR, HS_XML_ERROR_FAILED, _("Could not create %s."), path);
      return FALSE;
    }
  xmlTextWriterSetIndent (writer, 1);
  ok = _hs_database_exec (db, "BEGIN", error);
  ok = ok && write_document (db, writer, &count, error);
  hs_database_rollback (db);
  xmlFreeTextWriter (writer);
  if (ok && g_rename (temp, path) != 0)
    {
      int saved = errno;
      g_set_error (error, HS_XML_ERROR, HS_XML_ERROR_FAILED,
                   _("Could not write %s: %s"), path, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (temp);
  if (ok && n_participants != NULL)
    *n_participants = count;
  return ok;
}

/* Reading ----------------------------------------------------------------- */

typedef struct
{
  HsDatabase    *db;
  const char    *source;
  HsMergeResult  result;
  GPtrArray     *conflicts;
  GHashTable    *attributes;   /* of the record being read */
  GHashTable    *fields;
  char          *field;        /* the child element being read */
  char          *first_error;
  int            error_line;
  GHashTable    *inserted;     /* table → Inserted: audited in one entry each */
  char          *now;
} Merge;

/* The rows a merge added to one table: ids only grow within the merge's
 * transaction, so first..last holds them all and nothing else new. */
typedef struct
{
  gint64 first;
  gint64 last;
  gint64 count;
} Inserted;

static xmlParserInputPtr
refuse_entity_loader (const char       *url,
                      const char       *id,
                      xmlParserCtxtPtr  context)
{
  return NULL;
}

static void
on_error_cb (void        *data,
             xmlErrorPtr  error)
{
  Merge *merge = data;

  if (merge->first_error != NULL || error == NULL || error->level < XML_ERR_ERROR)
    return;
  merge->first_error = g_strdelimit (g_strdup (error->message ? error->message : "?"), "\n", ' ');
  g_strstrip (merge->first_error);
  while (g_str_has_suffix (merge->first_error, "."))
    merge->first_error[strlen (merge->first_error) - 1] = '\0';
  merge->error_line = error->line;
}

static const char *
field (Merge      *merge,
       const char *name)
{
  return g_hash_table_lookup (merge->fields, name);
}

static const char *
attribute (Merge      *merge,
           const char *name)
{
  return g_hash_table_lookup (merge->attributes, name);
}

static gboolean
add_conflict (Merge       *merge,
              const char  *table,
              const char  *uuid,
              const char  *reason,
              GError     **error)
{
  g_autofree char *now = _hs_database_now ();
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  /* The list is for reading; every conflict is in merge_conflict, and a
   * file that conflicts on every line must not fill the memory. */
  if (merge->result.conflicts++ < MAX_LISTED_CONFLICTS)
    g_ptr_array_add (merge->conflicts, g_strdup_printf ("%s %s: %s", table, uuid, reason));
  stmt = _hs_database_prepare (merge->db,
                               "INSERT INTO merge_conflict (at, source, table_name, uuid, reason)"
                               " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, merge->source, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, table, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, reason, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _hs_database_set_error (merge->db, error, _("Recording a merge conflict"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  id = sqlite3_last_insert_rowid (_hs_database_get_handle (merge->db));
  after = _hs_database_row_json (merge->db, "merge_conflict", id);
  return _hs_database_audit (merge->db, HS_AUDIT_INSERT, "merge_conflict", id, NULL, after,
                             error);
}

static gint64
find_by_uuid (HsDatabase *db,
              const char *sql,
              const char *uuid,
              char      **updated)
{
  sqlite3_stmt *stmt = _hs_database_prepare (db, sql, NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      if (updated != NULL)
        *updated = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  return id;
}

/* The newer side's time stays, so merging back does not ping-pong. */
static gboolean
keep_updated (Merge       *merge,
              const char  *table,
              gint64       id,
              const char  *updated,
              GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET updated = ?1 WHERE id = ?2", table);
  sqlite3_stmt *stmt = _hs_database_prepare (merge->db, sql, error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, updated, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    _hs_database_set_error (merge->db, error, _("Merging"));
  sqlite3_reset (stmt);
  return ok;
}

/* Sets every field of @object from the record (absent ones cleared): the
 * newer record is the whole truth. Returns a reason when a place is unknown. */
static char *
apply_fields (Merge              *merge,
              GObject            *object,
              const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *value = field (merge, names[i]);

      if (g_str_equal (names[i], "district"))
        {
          gint64 id = value ? hs_database_find_district (merge->db, value) : 0;

          if (value != NULL && id == 0)
            return g_strdup_printf (_("the district “%s” is not known here"), value);
          g_object_set (object, "district-id", id, NULL);
        }
      else if (g_str_equal (names[i], "facility"))
        {
          gint64 id = value ? hs_database_find_facility (merge->db, value) : 0;

          if (value != NULL && id == 0)
            return g_strdup_printf (_("the correctional facility “%s” is not known here"),
                                    value);
          if (HS_IS_PARTICIPANT (object))
            g_object_set (object, "is-prisoner", id != 0, NULL);
          g_object_set (object, "facility-id", id, NULL);
        }
      else if (g_str_equal (names[i], "birth-year") || g_str_equal (names[i], "planned-sessions"))
        g_object_set (object, names[i], value ? (int) g_ascii_strtoll (value, NULL, 10) : 0,
                      NULL);
      else if (g_str_equal (names[i], "category") || g_str_equal (names[i], "approach")
               || g_str_equal (names[i], "status"))
        {
          if (value != NULL)
            g_object_set (object, names[i], value, NULL);
        }
      else
        g_object_set (object, names[i], value, NULL);
    }
  return NULL;
}

static gboolean
merge_participant (Merge   *merge,
                   GError **error)
{
  const char *uuid = attribute (merge, "uuid");
  const char *updated = attribute (merge, "updated");
  g_autofree char *local_updated = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(HsParticipant) participant = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 id;
  int order;

  id = find_by_uuid (merge->db, "SELECT id, updated FROM participant WHERE uuid = ?1", uuid,
                     &local_updated);
  order = id != 0 ? g_strcmp0 (updated, local_updated) : 1;
  if (id != 0 && order <= 0)
    {
      merge->result.unchanged++;
      return order == 0 || add_conflict (merge, "participant", uuid,
                                         _("this office's record is newer; kept it"), error);
    }
  if (id == 0)
    {
      const char *national_id = field (merge, "national-id");
      gint64 other = national_id == NULL ? 0
                     : find_by_uuid (merge->db, "SELECT id, NULL FROM participant"
                                     " WHERE national_id = ?1", national_id, NULL);
      if (other != 0)
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, other);
          g_autofree char *why = g_strdup_printf (_("national ID %s is already recorded here "
                                                    "for participant %s (another record); not "
                                                    "added"), national_id, number);
          return add_conflict (merge, "participant", uuid, why, error);
        }
      participant = hs_participant_new ();
      g_object_set (participant, "uuid", uuid, "created", attribute (merge, "created"),
                    "updated", updated, NULL);
    }
  else if ((participant = hs_participant_load (merge->db, id, error)) == NULL)
    return FALSE;

  if ((reason = apply_fields (merge, G_OBJECT (participant), participant_fields)) != NULL)
    return add_conflict (merge, "participant", uuid, reason, error);
  /* The save is whole or nothing on its own (its own savepoint): a refused
   * one left nothing to undo. Keeping the time only fails with the disk. */
  if (!hs_participant_save (participant, merge->db, &local_error))
    return add_conflict (merge, "participant", uuid, local_error->message, error);
  if (id != 0 && !keep_updated (merge, "participant", id, updated, error))
    return FALSE;
  if (id != 0)
    merge->result.updated++;
  else
    merge->result.added++;
  return TRUE;
}

static gboolean
set_group_uuid (Merge       *merge,
                gint64       id,
                const char  *uuid,
                GError     **error)
{
  g_autofree char *before = _hs_database_row_json (merge->db, "hgroup", id);
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt = _hs_database_prepare (merge->db,
                                             "UPDATE hgroup SET uuid = ?1 WHERE id = ?2", error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_reset (stmt);
  if (!ok)
    {
      _hs_database_set_error (merge->db, error, _("Merging"));
      return FALSE;
    }
  after = _hs_database_row_json (merge->db, "hgroup", id);
  return _hs_database_audit (merge->db, HS_AUDIT_UPDATE, "hgroup", id, before, after, error);
}

static gboolean
merge_group (Merge   *merge,
             GError **error)
{
  const char *uuid = attribute (merge, "uuid");
  const char *updated = attribute (merge, "updated");
  g_autofree char *local_updated = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(HsGroup) group = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 id;
  int order;

  id = find_by_uuid (merge->db, "SELECT id, updated FROM hgroup WHERE uuid = ?1", uuid,
                     &local_updated);
  order = id != 0 ? g_strcmp0 (updated, local_updated) : 1;
  if (id != 0 && order <= 0)
    {
      merge->result.unchanged++;
      return order == 0 || add_conflict (merge, "group", uuid,
                                         _("this office's record is newer; kept it"), error);
    }
  if (id == 0 && find_by_uuid (merge->db, "SELECT id, NULL FROM hgroup WHERE name = ?1",
                               field (merge, "name"), NULL) != 0)
    {
      g_autofree char *why = g_strdup_printf (_("another group here is already called “%s”; "
                                                "not added (rename one of them)"),
                                              field (merge, "name"));
      return add_conflict (merge, "group", uuid, why, error);
    }
  if (id == 0)
    group = hs_group_new ();
  else if ((group = hs_group_load (merge->db, id, error)) == NULL)
    return FALSE;

  if ((reason = apply_fields (merge, G_OBJECT (group), group_fields)) != NULL)
    return add_conflict (merge, "group", uuid, reason, error);
  if (!_hs_database_exec (merge->db, "SAVEPOINT hs_merge_row", error))
    return FALSE;
  if (!hs_group_save (group, merge->db, &local_error)
      || (id == 0 && !set_group_uuid (merge, hs_group_get_id (group), uuid, &local_error))
      || !keep_updated (merge, "hgroup", hs_group_get_id (group), updated, &local_error))
    {
      _hs_database_exec (merge->db, "ROLLBACK TO hs_merge_row; RELEASE hs_merge_row", NULL);
      return add_conflict (merge, "group", uuid, local_error->message, error);
    }
  if (id != 0)
    merge->result.updated++;
  else
    merge->result.added++;
  return _hs_database_exec (merge->db, "RELEASE hs_merge_row", error);
}

static gboolean
merge_membership (Merge   *merge,
                  GError **error)
{
  const char *outcome = attribute (merge, "outcome");
  g_autofree char *key = g_strdup_printf ("%s/%s", attribute (merge, "group"),
                                          attribute (merge, "participant"));
  g_autofree char *local = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 group_id, participant_id;
  gboolean ok;

  group_id = find_by_uuid (merge->db, "SELECT id, NULL FROM hgroup WHERE uuid = ?1",
                           attribute (merge, "group"), NULL);
  participant_id = find_by_uuid (merge->db, "SELECT id, NULL FROM participant WHERE uuid = ?1",
                                 attribute (merge, "participant"), NULL);
  if (group_id == 0 || participant_id == 0)
    return add_conflict (merge, "membership", key,
                         _("its group or participant was not merged"), error);
  local = hs_membership_get_outcome (merge->db, group_id, participant_id, NULL);
  if (g_strcmp0 (local, outcome) == 0)
    {
      merge->result.unchanged++;
      return TRUE;
    }
  /* An outcome moves on from ongoing; two different endings need a person. */
  if (local != NULL && !g_str_equal (local, "ongoing"))
    {
      g_autofree char *why = g_strdup_printf (_("the outcome here is %s, the other office says "
                                                "%s; kept %s"), local, outcome, local);
      return add_conflict (merge, "membership", key, why, error);
    }
  if (!_hs_database_exec (merge->db, "SAVEPOINT hs_merge_row", error))
    return FALSE;
  ok = (local != NULL
        || hs_membership_add (merge->db, group_id, participant_id, attribute (merge, "joined"),
                              &local_error) != 0)
       && (g_str_equal (outcome, "ongoing")
           || hs_membership_set_outcome (merge->db, group_id, participant_id, outcome,
                                         attribute (merge, "left"), attribute (merge, "reason"),
                                         &local_error));
  if (!ok)
    {
      _hs_database_exec (merge->db, "ROLLBACK TO hs_merge_row; RELEASE hs_merge_row", NULL);
      return add_conflict (merge, "membership", key, local_error->message, error);
    }
  if (local != NULL)
    merge->result.updated++;
  else
    merge->result.added++;
  return _hs_database_exec (merge->db, "RELEASE hs_merge_row", error);
}

static void
note_inserted (Merge       *merge,
               const char  *table,
               gint64       id)
{
  Inserted *rows = g_hash_table_lookup (merge->inserted, table);

  if (rows == NULL)
    {
      rows = g_new0 (Inserted, 1);
      rows->first = id;
      g_hash_table_insert (merge->inserted, (gpointer) table, rows);
    }
  rows->first = MIN (rows->first, id);
  rows->last = MAX (rows->last, id);
  rows->count++;
  merge->result.added++;
}

/* Rows a merge adds (sessions, attendance, links) are audited in one entry
 * per table, "TABLE_merge", as a CSV import audits its people: a million
 * entries each repeating its row would triple the file. Updates, and the
 * people and groups saved through their own code, keep an entry each. */
static gboolean
audit_inserted (Merge   *merge,
                GError **error)
{
  GHashTableIter iter;
  gpointer key, value;
  sqlite3_stmt *stmt;

  stmt = _hs_database_prepare (merge->db,
                               "INSERT INTO audit_log (at, actor, action, table_name, row_id,"
                               " after) VALUES (?1, ?2, 'insert', ?3 || '_merge', ?4,"
                               " json_object ('file', ?5, 'rows', ?6, 'first_id', ?4,"
                               " 'last_id', ?7))", error);
  if (stmt == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, merge->inserted);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Inserted *rows = value;
      gboolean ok;

      sqlite3_bind_text (stmt, 1, merge->now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, g_get_user_name (), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, key, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, rows->first);
      sqlite3_bind_text (stmt, 5, merge->source, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 6, rows->count);
      sqlite3_bind_int64 (stmt, 7, rows->last);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      sqlite3_reset (stmt);
      if (!ok)
        {
          _hs_database_set_error (merge->db, error, _("Writing the audit log"));
          return FALSE;
        }
    }
  return TRUE;
}

/* Inserts or, when the incoming record is newer, updates the row of @table
 * with @uuid: @columns take @values (NULL clears), @updated is kept as the
 * incoming time (NULL for a table without one: its rows are never updated
 * here). A row the database refuses is a conflict, not a failed merge. */
static gboolean
upsert_record (Merge               *merge,
               const char          *table,
               const char          *label,
               const char          *uuid,
               const char          *updated,
               const char * const  *columns,
               const char * const  *values,
               GError             **error)
{
  g_autofree char *find = g_strdup_printf ("SELECT id, %s FROM %s WHERE uuid = ?1",
                                           updated != NULL ? "updated" : "NULL", table);
  g_autofree char *local_updated = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  guint n = g_strv_length ((char **) columns);
  sqlite3_stmt *stmt;
  gint64 id;
  gboolean ok;

  id = find_by_uuid (merge->db, find, uuid, &local_updated);
  if (id != 0)
    {
      int order = updated != NULL ? g_strcmp0 (updated, local_updated) : 0;

      if (order <= 0)
        {
          merge->result.unchanged++;
          return order == 0 || add_conflict (merge, label, uuid,
                                             _("this office's record is newer; kept it"), error);
        }
      g_string_append_printf (sql, "UPDATE %s SET updated = ?%u", table, n + 2);
      for (guint i = 0; i < n; i++)
        g_string_append_printf (sql, ", %s = ?%u", columns[i], i + 2);
      g_string_append (sql, " WHERE uuid = ?1");
    }
  else
    {
      g_string_append_printf (sql, "INSERT INTO %s (uuid", table);
      for (guint i = 0; i < n; i++)
        g_string_append_printf (sql, ", %s", columns[i]);
      g_string_append (sql, updated != NULL ? ", updated) VALUES (?1" : ") VALUES (?1");
      for (guint i = 0; i < n + (updated != NULL); i++)
        g_string_append_printf (sql, ", ?%u", i + 2);
      g_string_append (sql, ")");
    }

  /* One statement: SQLite undoes a refused one by itself, no savepoint. */
  if ((stmt = _hs_database_prepare (merge->db, sql->str, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < n; i++)
    sqlite3_bind_text (stmt, i + 2, values[i], -1, SQLITE_TRANSIENT);
  if (updated != NULL)
    sqlite3_bind_text (stmt, n + 2, updated, -1, SQLITE_TRANSIENT);
  if (id != 0)
    before = _hs_database_row_json (merge->db, table, id);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    {
      g_autofree char *why = g_strdup_printf (_("it does not fit the records here (%s); not "
                                                "merged"),
                                              sqlite3_errmsg (_hs_database_get_handle (merge->db)));

      sqlite3_reset (stmt);
      return add_conflict (merge, label, uuid, why, error);
    }
  sqlite3_reset (stmt);
  if (id == 0)
    {
      note_inserted (merge, table, sqlite3_last_insert_rowid (_hs_database_get_handle (merge->db)));
      return TRUE;
    }
  after = _hs_database_row_json (merge->db, table, id);
  if (!_hs_database_audit (merge->db, HS_AUDIT_UPDATE, table, id, before, after, error))
    return FALSE;
  merge->result.updated++;
  return TRUE;
}

/* Inserts a row that only links records (@sql with ?1 and ?2), audited. */
static gboolean
insert_link (Merge       *merge,
             const char  *table,
             const char  *sql,
             gint64       a,
             gint64       b,
             const char  *text,
             GError     **error)
{
  sqlite3_stmt *stmt = _hs_database_prepare (merge->db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  if (text != NULL)
    sqlite3_bind_text (stmt, 3, text, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _hs_database_set_error (merge->db, error, _("Merging"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  note_inserted (merge, table, sqlite3_last_insert_rowid (_hs_database_get_handle (merge->db)));
  return TRUE;
}

static gint64
id_of (Merge      *merge,
       const char *table,
       const char *uuid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id, NULL FROM %s WHERE uuid = ?1", table);

  return uuid != NULL ? find_by_uuid (merge->db, sql, uuid, NULL) : 0;
}

static char *
id_text (gint64 id)
{
  return id != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : NULL;
}

static gboolean
merge_facilitator (Merge   *merge,
                   GError **error)
{
  static const char * const columns[] = { "full_name", "sex", "phone", "district_id",
                                          "trained_date", "created", NULL };
  const char *uuid = attribute (merge, "uuid");
  const char *district = field (merge, "district");
  gint64 district_id = district != NULL ? hs_database_find_district (merge->db, district) : 0;
  g_autofree char *district_text = id_text (district_id);
  const char *values[] = { field (merge, "full-name"), field (merge, "sex"),
                           field (merge, "phone"), district_text, field (merge, "trained-date"),
                           attribute (merge, "updated"), NULL };

  if (district != NULL && district_id == 0)
    {
      g_autofree char *why = g_strdup_printf (_("the district “%s” is not known here"),
                                              district);
      return add_conflict (merge, "facilitator", uuid, why, error);
    }
  /* created is kept from the first merge: an update leaves it alone. */
  if (id_of (merge, "facilitator", uuid) != 0)
    {
      static const char * const update_columns[] = { "full_name", "sex", "phone",
                                                     "district_id", "trained_date", NULL };
      return upsert_record (merge, "facilitator", "facilitator", uuid,
                            attribute (merge, "updated"), update_columns, values, error);
    }
  return upsert_record (merge, "facilitator", "facilitator", uuid, attribute (merge, "updated"),
                        columns, values, error);
}

static gboolean
merge_group_facilitator (Merge   *merge,
                         GError **error)
{
  g_autofree char *key = g_strdup_printf ("%s/%s", attribute (merge, "group"),
                                          attribute (merge, "facilitator"));
  gint64 group_id = id_of (merge, "hgroup", attribute (merge, "group"));
  gint64 facilitator_id = id_of (merge, "facilitator", attribute (merge, "facilitator"));
  sqlite3_stmt *stmt;
  gboolean found;

  if (group_id == 0 || facilitator_id == 0)
    return add_conflict (merge, "group-facilitator", key,
                         _("its group or facilitator was not merged"), error);
  stmt = _hs_database_prepare (merge->db, "SELECT 1 FROM group_facilitator"
                                          " WHERE group_id = ?1 AND facilitator_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int64 (stmt, 2, facilitator_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (found)
    {
      merge->result.unchanged++;
      return TRUE;
    }
  return insert_link (merge, "group_facilitator",
                      "INSERT INTO group_facilitator (group_id, facilitator_id) VALUES (?1, ?2)",
                      group_id, facilitator_id, NULL, error);
}

static gboolean
merge_session (Merge   *merge,
               GError **error)
{
  const char *uuid = attribute (merge, "uuid");
  gint64 group_id = id_of (merge, "hgroup", attribute (merge, "group"));
  g_autofree char *group_text = id_text (group_id);
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();

  if (group_id == 0)
    return add_conflict (merge, "session", uuid, _("its group was not merged"), error);
  g_ptr_array_add (columns, (gpointer) "group_id");
  g_ptr_array_add (values, group_text);
  for (guint i = 0; session_fields[i] != NULL; i++)
    {
      g_ptr_array_add (columns, (gpointer) session_columns[i]);
      g_ptr_array_add (values, (gpointer) field (merge, session_fields[i]));
    }
  g_ptr_array_add (columns, NULL);
  g_ptr_array_add (values, NULL);
  return upsert_record (merge, "session", "session", uuid, attribute (merge, "updated"),
                        (const char * const *) columns->pdata,
                        (const char * const *) values->pdata, error);
}

/* A mark is added when this office has none; two different marks for the
 * same person and session need a person to decide (nothing says which was
 * taken later), so this office's stays and the other is listed. */
static gboolean
merge_attendance (Merge   *merge,
                  GError **error)
{
  const char *mark = attribute (merge, "mark");
  g_autofree char *key = g_strdup_printf ("%s/%s", attribute (merge, "session"),
                                          attribute (merge, "participant"));
  gint64 session_id = id_of (merge, "session", attribute (merge, "session"));
  gint64 participant_id = id_of (merge, "participant", attribute (merge, "participant"));
  g_autofree char *local = NULL;
  sqlite3_stmt *stmt;

  if (session_id == 0 || participant_id == 0)
    return add_conflict (merge, "attendance", key,
                         _("its session or participant was not merged"), error);
  stmt = _hs_database_prepare (merge->db, "SELECT mark FROM attendance"
                                          " WHERE session_id = ?1 AND participant_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, participant_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    local = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (g_strcmp0 (local, mark) == 0)
    {
      merge->result.unchanged++;
      return TRUE;
    }
  if (local != NULL)
    {
      g_autofree char *why = g_strdup_printf (_("the mark here is %s, the other office says %s; "
                                                "kept %s"), local, mark, local);
      return add_conflict (merge, "attendance", key, why, error);
    }
  return insert_link (merge, "attendance",
                      "INSERT INTO attendance (session_id, participant_id, mark)"
                      " VALUES (?1, ?2, ?3)", session_id, participant_id, mark, error);
}

/* This office's next serial must not take a number the other office gave. */
static gboolean
raise_counter (Merge       *merge,
               const char  *serial,
               GError     **error)
{
  unsigned year, number;
  char tail;
  sqlite3_stmt *stmt;
  gboolean ok;

  if (serial == NULL || sscanf (serial, "HS-%4u-%6u%c", &year, &number, &tail) != 2)
    return TRUE;
  stmt = _hs_database_prepare (merge->db,
                               "INSERT INTO certificate_counter (year, last) VALUES (?1, ?2)"
                               " ON CONFLICT (year) DO UPDATE SET last = max (last, excluded.last)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, (int) year);
  sqlite3_bind_int (stmt, 2, (int) number);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_reset (stmt);
  if (!ok)
    _hs_database_set_error (merge->db, error, _("Numbering the certificate"));
  return ok;
}

static gboolean
void_certificate (Merge       *merge,
                  gint64       id,
                  GError     **error)
{
  g_autofree char *before = _hs_database_row_json (merge->db, "certificate", id);
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt = _hs_database_prepare (merge->db,
                                             "UPDATE certificate SET voided = ?1,"
                                             " void_reason = ?2 WHERE id = ?3", error);
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, attribute (merge, "voided"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, attribute (merge, "void-reason"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, id);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_reset (stmt);
  if (!ok)
    {
      _hs_database_set_error (merge->db, error, _("Merging"));
      return FALSE;
    }
  after = _hs_database_row_json (merge->db, "certificate", id);
  merge->result.updated++;
  return _hs_database_audit (merge->db, HS_AUDIT_UPDATE, "certificate", id, before, after,
                             error);
}

/* A certificate never changes once issued, except that it may be voided:
 * a void on either side wins. */
static gboolean
merge_certificate (Merge   *merge,
                   GError **error)
{
  static const char * const columns[] = { "serial", "participant_id", "group_id", "issued",
                                          "language", "reprint_of", "voided", "void_reason",
                                          NULL };
  const char *uuid = attribute (merge, "uuid");
  const char *serial = attribute (merge, "serial");
  const char *reprint_of = attribute (merge, "reprint-of");
  gint64 id = id_of (merge, "certificate", uuid);
  gint64 participant_id = id_of (merge, "participant", attribute (merge, "participant"));
  gint64 group_id = id_of (merge, "hgroup", attribute (merge, "group"));
  gint64 original_id = id_of (merge, "certificate", reprint_of);
  g_autofree char *participant_text = id_text (participant_id);
  g_autofree char *group_text = id_text (group_id);
  g_autofree char *original_text = id_text (original_id);
  const char *values[] = { serial, participant_text, group_text, attribute (merge, "issued"),
                           attribute (merge, "language"), original_text,
                           attribute (merge, "voided"), attribute (merge, "void-reason"), NULL };
  guint conflicts = merge->result.conflicts;

  if (id != 0)
    {
      g_autofree char *voided = NULL;

      find_by_uuid (merge->db, "SELECT id, voided FROM certificate WHERE uuid = ?1", uuid,
                    &voided);
      if (voided == NULL && attribute (merge, "voided") != NULL)
        return void_certificate (merge, id, error);
      merge->result.unchanged++;
      return TRUE;
    }
  if (participant_id == 0 || group_id == 0 || (reprint_of != NULL && original_id == 0))
    return add_conflict (merge, "certificate", uuid,
                         _("its participant, group or original certificate was not merged"),
                         error);
  if (reprint_of == NULL
      && find_by_uuid (merge->db, "SELECT id, NULL FROM certificate WHERE serial = ?1"
                       " AND reprint_of IS NULL", serial, NULL) != 0)
    {
      g_autofree char *why = g_strdup_printf (_("the serial %s is already used here by another "
                                                "certificate; not added"), serial);
      return add_conflict (merge, "certificate", uuid, why, error);
    }
  if (!upsert_record (merge, "certificate", "certificate", uuid, NULL, columns, values, error))
    return FALSE;
  return merge->result.conflicts > conflicts || raise_counter (merge, serial, error);
}

/* Livelihoods ------------------------------------------------------------ */

/* The district the record names, as an id in text (NULL for none). One it
 * does not know here is a conflict: *@known FALSE. FALSE on failure. */
static gboolean
district_of (Merge       *merge,
             const char  *label,
             const char  *uuid,
             char       **id,
             gboolean    *known,
             GError     **error)
{
  const char *district = field (merge, "district");
  gint64 district_id = district != NULL ? hs_database_find_district (merge->db, district) : 0;
  g_autofree char *why = NULL;

  *id = id_text (district_id);
  *known = district == NULL || district_id != 0;
  if (*known)
    return TRUE;
  why = g_strdup_printf (_("the district “%s” is not known here"), district);
  return add_conflict (merge, label, uuid, why, error);
}

/* xs:boolean as the 0 or 1 the database keeps. */
static const char *
flag (const char *value)
{
  if (value == NULL)
    return NULL;
  return g_str_equal (value, "true") || g_str_equal (value, "1") ? "1" : "0";
}

static gboolean
merge_livelihood_group (Merge   *merge,
                        GError **error)
{
  static const char * const columns[] = { "name", "district_id", "activity", "training_start",
                                          "training_end", "start_date", "status", "notes", NULL };
  const char *uuid = attribute (merge, "uuid");
  g_autofree char *district_id = NULL;
  gboolean known;

  const char *values[] = { field (merge, "name"), NULL, field (merge, "activity"),
                           field (merge, "training-start"), field (merge, "training-end"),
                           field (merge, "start-date"), field (merge, "status"),
                           field (merge, "notes"), NULL };

  if (!district_of (merge, "livelihood-group", uuid, &district_id, &known, error))
    return FALSE;
  if (!known)
    return TRUE;
  values[1] = district_id;
  return upsert_record (merge, "business_group", "livelihood-group", uuid,
                        attribute (merge, "updated"), columns, values, error);
}

/* A member or trainee must have graduated here too (TVET: from a prison
 * group); the other office's rule broken is a conflict, not a failure. */
static gboolean
check_graduate (Merge       *merge,
                gint64       participant_id,
                gboolean     prison,
                const char  *label,
                const char  *key,
                gboolean    *ok,
                GError     **error)
{
  g_autoptr(GError) refused = NULL;

  *ok = _hs_livelihood_check_graduate (merge->db, participant_id, prison, &refused);
  if (*ok)
    return TRUE;
  if (!g_error_matches (refused, HS_DATABASE_ERROR, HS_DATABASE_ERROR_INVALID)
      && !g_error_matches (refused, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&refused));
      return FALSE;
    }
  return add_conflict (merge, label, key, refused->message, error);
}

static gboolean
merge_livelihood_member (Merge   *merge,
                         GError **error)
{
  g_autofree char *key = g_strdup_printf ("%s/%s", attribute (merge, "group"),
                                          attribute (merge, "participant"));
  gint64 group_id = id_of (merge, "business_group", attribute (merge, "group"));
  gint64 participant_id = id_of (merge, "participant", attribute (merge, "participant"));
  sqlite3_stmt *stmt;
  gboolean found, graduate;

  if (group_id == 0 || participant_id == 0)
    return add_conflict (merge, "livelihood-member", key,
                         _("its livelihood group or participant was not merged"), error);
  stmt = _hs_database_prepare (merge->db, "SELECT 1 FROM business_member"
                                          " WHERE business_group_id = ?1 AND participant_id = ?2",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int64 (stmt, 2, participant_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (found)
    {
      merge->result.unchanged++;
      return TRUE;
    }
  if (!check_graduate (merge, participant_id, FALSE, "livelihood-member", key, &graduate, error))
    return FALSE;
  if (!graduate)
    return TRUE;
  return insert_link (merge, "business_member",
                      "INSERT INTO business_member (business_group_id, participant_id)"
                      " VALUES (?1, ?2)", group_id, participant_id, NULL, error);
}

/* Capital entries and visits are added once and never edited. */
static gboolean
merge_group_entry (Merge               *merge,
                   const char          *table,
                   const char          *label,
                   const char * const  *columns,
                   const char * const  *fields,
                   GError             **error)
{
  const char *uuid = attribute (merge, "uuid");
  gint64 group_id = id_of (merge, "business_group", attribute (merge, "group"));
  g_autofree char *group_text = id_text (group_id);
  const char *values[8] = { group_text };

  if (group_id == 0)
    return add_conflict (merge, label, uuid, _("its livelihood group was not merged"), error);
  for (guint i = 0; fields[i] != NULL && i + 2 < G_N_ELEMENTS (values); i++)
    values[i + 1] = g_str_equal (fields[i], "active") ? flag (field (merge, fields[i]))
                                                      : field (merge, fields[i]);
  return upsert_record (merge, table, label, uuid, NULL, columns, values, error);
}

static gboolean
merge_tvet (Merge   *merge,
            GError **error)
{
  const char *uuid = attribute (merge, "uuid");
  gint64 participant_id = id_of (merge, "participant", attribute (merge, "participant"));
  g_autofree char *participant_text = id_text (participant_id);
  const char *columns[G_N_ELEMENTS (tvet_columns) + 1] = { "participant_id" };
  const char *values[G_N_ELEMENTS (tvet_columns) + 1] = { participant_text };
  gboolean graduate;

  if (participant_id == 0)
    return add_conflict (merge, "tvet", uuid, _("its participant was not merged"), error);
  if (id_of (merge, "tvet", uuid) == 0)
    {
      if (!check_graduate (merge, participant_id, TRUE, "tvet", uuid, &graduate, error))
        return FALSE;
      if (!graduate)
        return TRUE;
    }
  for (guint i = 0; tvet_fields[i] != NULL; i++)
    {
      columns[i + 1] = tvet_columns[i];
      values[i + 1] = field (merge, tvet_fields[i]);
    }
  return upsert_record (merge, "tvet", "tvet", uuid, attribute (merge, "updated"), columns,
                        values, error);
}

static gboolean
merge_target (Merge   *merge,
              GError **error)
{
  static const char * const columns[] = { "name", "metric", "value", "female", "male",
                                          "district_id", "start_date", "end_date", "past", NULL };
  const char *uuid = attribute (merge, "uuid");
  g_autofree char *district_id = NULL;
  gboolean known;

  const char *values[] = { field (merge, "name"), field (merge, "metric"), field (merge, "value"),
                           field (merge, "female"), field (merge, "male"), NULL,
                           field (merge, "start-date"), field (merge, "end-date"),
                           flag (field (merge, "past")), NULL };

  if (!district_of (merge, "target", uuid, &district_id, &known, error))
    return FALSE;
  if (!known)
    return TRUE;
  values[5] = district_id;
  return upsert_record (merge, "target", "target", uuid, attribute (merge, "updated"), columns,
                        values, error);
}

static void
read_attributes (Merge            *merge,
                 xmlTextReaderPtr  reader)
{
  g_hash_table_remove_all (merge->attributes);
  while (xmlTextReaderMoveToNextAttribute (reader) == 1)
    g_hash_table_insert (merge->attributes,
                         g_strdup ((const char *) xmlTextReaderConstLocalName (reader)),
                         g_strdup ((const char *) xmlTextReaderConstValue (reader)));
  xmlTextReaderMoveToElement (reader);
}

static gboolean
refuse (GError    **error,
        const char *what)
{
  g_set_error (error, HS_XML_ERROR, HS_XML_ERROR_INVALID,
               _("The file contains %s, which a Healing Spaces export never has; it was "
                 "refused and nothing was merged."), what);
  return FALSE;
}

static gboolean
finish_record (Merge       *merge,
               const char  *name,
               GError     **error)
{
  gboolean ok = TRUE;

  if (g_str_equal (name, "participant"))
    ok = merge_participant (merge, error);
  else if (g_str_equal (name, "group"))
    ok = merge_group (merge, error);
  else if (g_str_equal (name, "membership"))
    ok = merge_membership (merge, error);
  else if (g_str_equal (name, "facilitator"))
    ok = merge_facilitator (merge, error);
  else if (g_str_equal (name, "group-facilitator"))
    ok = merge_group_facilitator (merge, error);
  else if (g_str_equal (name, "session"))
    ok = merge_session (merge, error);
  else if (g_str_equal (name, "attendance"))
    ok = merge_attendance (merge, error);
  else if (g_str_equal (name, "certificate"))
    ok = merge_certificate (merge, error);
  else if (g_str_equal (name, "livelihood-group"))
    ok = merge_livelihood_group (merge, error);
  else if (g_str_equal (name, "livelihood-member"))
    ok = merge_livelihood_member (merge, error);
  else if (g_str_equal (name, "capital"))
    ok = merge_group_entry (merge, "business_capital", "capital", capital_columns,
                            capital_fields, error);
  else if (g_str_equal (name, "visit"))
    ok = merge_group_entry (merge, "business_visit", "visit", visit_columns, visit_fields,
                            error);
  else if (g_str_equal (name, "tvet"))
    ok = merge_tvet (merge, error);
  else if (g_str_equal (name, "target"))
    ok = merge_target (merge, error);
  g_hash_table_remove_all (merge->fields);
  return ok;
}

/* One node of the stream. Records sit at depth 2, their fields at 3. */
static gboolean
handle_node (Merge             *merge,
             xmlTextReaderPtr   reader,
             GError           **error)
{
  int type = xmlTextReaderNodeType (reader);
  int depth = xmlTextReaderDepth (reader);
  const char *name = (const char *) xmlTextReaderConstLocalName (reader);

  switch (type)
    {
    case XML_READER_TYPE_DOCUMENT_TYPE:
      return refuse (error, _("a DOCTYPE declaration"));
    case XML_READER_TYPE_ENTITY_REFERENCE:
    case XML_READER_TYPE_ENTITY:
      return refuse (error, _("an entity"));
    case XML_READER_TYPE_ELEMENT:
      if (depth == 2)
        {
          g_hash_table_remove_all (merge->fields);
          read_attributes (merge, reader);
          if (xmlTextReaderIsEmptyElement (reader))
            return finish_record (merge, name, error);
        }
      else if (depth == 3)
        {
          g_free (merge->field);
          merge->field = g_strdup (name);
        }
      return TRUE;
    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
      if (depth == 4 && merge->field != NULL
          && g_hash_table_size (merge->fields) < MAX_RECORD_FIELDS)
        {
          const char *old = g_hash_table_lookup (merge->fields, merge->field);
          g_autofree char *joined = g_strconcat (old ? old : "",
                                                 (const char *) xmlTextReaderConstValue (reader),
                                                 NULL);
          g_hash_table_insert (merge->fields, g_strdup (merge->field), g_steal_pointer (&joined));
        }
      return TRUE;
    case XML_READER_TYPE_END_ELEMENT:
      if (depth == 2)
        return finish_record (merge, name, error);
      return TRUE;
    default:
      return TRUE;
    }
}

static xmlSchemaPtr
load_schema (GError **error)
{
  static gsize registered;
  g_autoptr(GBytes) bytes = NULL;
  xmlSchemaParserCtxtPtr context;
  xmlSchemaPtr schema;
  gsize size;
  const char *data;

  /* Registered by hand: a constructor in a static library may be dropped. */
  if (g_once_init_enter (&registered))
    {
      hs_core_register_resource ();
      g_once_init_leave (&registered, 1);
    }
  bytes = g_resources_lookup_data (XSD_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  context = xmlSchemaNewMemParserCtxt (data, (int) size);
  schema = xmlSchemaParse (context);
  xmlSchemaFreeParserCtxt (context);
  if (schema == NULL)
    g_set_error (error, HS_XML_ERROR, HS_XML_ERROR_FAILED, "The export schema does not load.");
  return schema;
}

/* A DOCTYPE (and with it every entity trick) is refused before libxml2
 * reads a byte: it can only stand in the prolog, near the start. */
static gboolean
has_doctype (const char *path)
{
  char head[64 * 1024];
  FILE *file = g_fopen (path, "rbe");
  size_t n;

  if (file == NULL)
    return FALSE;
  n = fread (head, 1, sizeof head, file);
  fclose (file);
  return g_strstr_len (head, (gssize) n, "<!DOCTYPE") != NULL
         || g_strstr_len (head, (gssize) n, "<!ENTITY") != NULL;
}

static gboolean
check_file (const char  *path,
            GError     **error)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, HS_XML_ERROR, HS_XML_ERROR_FAILED,
                   _("%s does not exist or is not a file."), path);
      return FALSE;
    }
  if ((goffset) st.st_size > MAX_FILE_BYTES)
    {
      g_set_error (error, HS_XML_ERROR, HS_XML_ERROR_INVALID,
                   _("%s is larger than 4 GB, far more than any Healing Spaces export; it "
                     "was not read."), path);
      return FALSE;
    }
  if (has_doctype (path))
    return refuse (error, _("a DOCTYPE declaration"));
  return TRUE;
}

static gboolean
read_stream (Merge             *merge,
             xmlTextReaderPtr   reader,
             GError           **error)
{
  int rc;

  while ((rc = xmlTextReaderRead (reader)) == 1)
    {
      if (merge->first_error != NULL)
        break;
      if (!handle_node (merge, reader, error))
        return FALSE;
    }
  if (merge->first_error != NULL || rc != 0 || xmlTextReaderIsValid (reader) != 1)
    {
      g_set_error (error, HS_XML_ERROR, HS_XML_ERROR_INVALID,
                   _("Line %d: %s. This is not a valid Healing Spaces export; nothing was "
                     "merged."), merge->error_line,
                   merge->first_error ? merge->first_error : _("the file could not be read"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
temp_schema_empty (HsDatabase *db)
{
  sqlite3_stmt *stmt = _hs_database_prepare (db, "SELECT count(*) FROM temp.sqlite_schema", NULL);
  gboolean empty;

  if (stmt == NULL)
    return FALSE;
  empty = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 0;
  sqlite3_reset (stmt);
  return empty;
}

gboolean
hs_xml_merge (HsDatabase     *db,
              const char     *path,
              gboolean        dry_run,
              HsMergeResult  *result,
              GPtrArray     **conflicts,
              GError        **error)
{
  g_autofree char *source = g_path_get_basename (path);
  Merge merge = { db, source, { 0, }, NULL, NULL, NULL, NULL, NULL, 0, NULL, NULL };
  xmlExternalEntityLoader saved_loader = xmlGetExternalEntityLoader ();
  xmlSchemaPtr schema = NULL;
  xmlTextReaderPtr reader = NULL;
  gboolean in_memory;
  gboolean ok;

  g_return_val_if_fail (HS_IS_DATABASE (db), FALSE);

  if (!check_file (path, error) || (schema = load_schema (error)) == NULL)
    return FALSE;
  merge.conflicts = g_ptr_array_new_with_free_func (g_free);
  merge.attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  merge.fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  merge.inserted = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  merge.now = _hs_database_now ();

  /* Never NOENT or DTDLOAD: entities stay unexpanded and nothing is fetched.
   * Parser errors reach the global handler, schema errors the reader's. */
  xmlSetExternalEntityLoader (refuse_entity_loader);
  xmlSetStructuredErrorFunc (&merge, on_error_cb);
  reader = xmlReaderForFile (path, NULL, XML_PARSE_NONET | XML_PARSE_NOCDATA);
  ok = reader != NULL;
  if (!ok)
    g_set_error (error, HS_XML_ERROR, HS_XML_ERROR_FAILED, _("Could not open %s."), path);
  if (ok)
    {
      xmlTextReaderSetStructuredErrorHandler (reader, on_error_cb, &merge);
      ok = xmlTextReaderSetSchema (reader, schema) == 0;
      if (!ok)
        g_set_error (error, HS_XML_ERROR, HS_XML_ERROR_FAILED, "The export schema does not load.");
    }
  /* A big file's indexes do not fit SQLite's default 2 MB page cache; and
   * the savepoint journal of every saved row is written to a temporary file
   * unless it may stay in memory (it is emptied after each row). Changing
   * temp_store drops the temporary schema: only when there is none. */
  in_memory = temp_schema_empty (db);
  ok = ok && _hs_database_exec (db, "PRAGMA cache_size = -131072", error)
       && (!in_memory || _hs_database_exec (db, "PRAGMA temp_store = MEMORY", error))
       && hs_database_begin (db, error);
  if (ok)
    {
      _hs_participant_index_hold (db);
      ok = read_stream (&merge, reader, error) && audit_inserted (&merge, error);
      ok = _hs_participant_index_release (db, ok && !dry_run, ok ? error : NULL) && ok;
      if (ok && !dry_run)
        ok = hs_database_commit (db, error);
      else
        hs_database_rollback (db);
    }
  _hs_database_exec (db, "PRAGMA cache_size = -2000", NULL);
  if (in_memory)
    _hs_database_exec (db, "PRAGMA temp_store = DEFAULT", NULL);
  if (reader != NULL)
    xmlFreeTextReader (reader);
  xmlSchemaFree (schema);
  xmlSetExternalEntityLoader (saved_loader);
  xmlSetStructuredErrorFunc (NULL, NULL);

  if (result != NULL)
    *result = merge.result;
  if (conflicts != NULL && ok)
    *conflicts = g_steal_pointer (&merge.conflicts);
  g_clear_pointer (&merge.conflicts, g_ptr_array_unref);
  g_hash_table_unref (merge.attributes);
  g_hash_table_unref (merge.fields);
  g_hash_table_unref (merge.inserted);
  g_free (merge.now);
  g_free (merge.field);
  g_free (merge.first_error);
  return ok;
}
