/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hs-database.h"

G_BEGIN_DECLS

/* The certificate register. Each graduate of a group gets one serial
 * ("HS-2026-000123", numbered per year without gaps); printing it again is
 * recorded as a reprint of the same serial; a voided serial stays in the
 * register with its reason, and the graduate may then be issued a new one.
 * A short check value (HMAC of the serial with a per-database secret) goes on
 * the certificate's QR code so that a printed copy can be checked. */

/* language: "rw", "en" or "rw+en". */
#define HS_TYPE_CERTIFICATE (hs_certificate_get_type ())
G_DECLARE_FINAL_TYPE (HsCertificate, hs_certificate, HS, CERTIFICATE, GObject)

typedef enum
{
  HS_CERTIFICATE_VALID,
  HS_CERTIFICATE_VOIDED,
  HS_CERTIFICATE_UNKNOWN,
  /* The serial is in the register but the check value does not match it. */
  HS_CERTIFICATE_BAD_CHECK,
} HsCertificateVerdict;

/* One graduate of one group: what a batch is made of. */
typedef struct
{
  gint64 participant_id;
  gint64 group_id;
} HsCertificateKey;

/* Issues a certificate for @participant_id's graduation from @group_id, or,
 * when they already hold a valid one, records a reprint of it. @issued is
 * "YYYY-MM-DD" (NULL: today). Refused, with the reason, for a non-graduate. */
HsCertificate *hs_certificate_issue              (HsDatabase          *db,
                                                  gint64               participant_id,
                                                  gint64               group_id,
                                                  const char          *language,
                                                  const char          *issued,
                                                  GError             **error);
/* The same for many graduates in one transaction: all are issued or none.
 * Returns HsCertificate objects in the order of @keys. */
GPtrArray     *hs_certificate_issue_batch        (HsDatabase          *db,
                                                  const HsCertificateKey *keys,
                                                  guint                n_keys,
                                                  const char          *language,
                                                  const char          *issued,
                                                  GError             **error);
/* Called inside the transaction that issues @certificates (HsCertificate, in
 * the order of the keys), to make what they are issued for: the PDF. Return
 * FALSE with @error to roll the whole batch back. */
typedef gboolean (*HsCertificateIssuedFunc) (GPtrArray     *certificates,
                                             gpointer       user_data,
                                             GCancellable  *cancellable,
                                             GError       **error);
/* hs_certificate_issue_batch () that commits only when @func succeeds and
 * @cancellable was not cancelled: a cancelled or failed batch leaves the
 * register, its numbering and the audit log exactly as they were. The write
 * lock is held while @func runs, so give it a connection of its own when it
 * runs in a thread (hs_database_open () on hs_database_get_path ()). */
GPtrArray     *hs_certificate_issue_batch_full   (HsDatabase          *db,
                                                  const HsCertificateKey *keys,
                                                  guint                n_keys,
                                                  const char          *language,
                                                  const char          *issued,
                                                  HsCertificateIssuedFunc func,
                                                  gpointer             user_data,
                                                  GCancellable        *cancellable,
                                                  GError             **error);
/* The certificates @keys would get, without issuing anything: for the
 * preview. A graduate who holds one shows its serial; others a placeholder. */
GPtrArray     *hs_certificate_preview_batch      (HsDatabase          *db,
                                                  const HsCertificateKey *keys,
                                                  guint                n_keys,
                                                  const char          *language,
                                                  GError             **error);
/* Graduates of a group, by name. */
GArray        *hs_certificate_graduates_of_group (HsDatabase          *db,
                                                  gint64               group_id,
                                                  GError             **error);
/* Graduates of every group whose graduation date is @date, by group, then name. */
GArray        *hs_certificate_graduates_of_ceremony (HsDatabase       *db,
                                                  const char          *date,
                                                  GError             **error);
/* Why @participant_id may not receive a certificate for @group_id; NULL when
 * they are a graduate of it. */
char          *hs_certificate_explain_ineligible (HsDatabase          *db,
                                                  gint64               participant_id,
                                                  gint64               group_id);
gint64         hs_certificate_find_group         (HsDatabase          *db,
                                                  const char          *name);

/* What can be printed at once: a whole ceremony (every group graduating
 * that day; group_id 0) or one group. */
typedef struct
{
  gint64  group_id;
  char   *name;
  char   *date;
  guint   n_groups;
  guint   n_graduates;
} HsCertificateBatch;

void           hs_certificate_batch_free         (HsCertificateBatch  *batch);
/* Ceremonies, newest first, each followed by its groups. */
GPtrArray     *hs_certificate_list_batches       (HsDatabase          *db,
                                                  GError             **error);
GArray        *hs_certificate_batch_keys         (HsDatabase          *db,
                                                  const HsCertificateBatch *batch,
                                                  GError             **error);
/* The members of the batch's groups who did not graduate, ordered as the
 * graduates are: hs_certificate_explain_ineligible () says why for each. */
GArray        *hs_certificate_non_graduates_of_batch (HsDatabase     *db,
                                                  const HsCertificateBatch *batch,
                                                  GError             **error);

gboolean       hs_certificate_void               (HsDatabase          *db,
                                                  const char          *serial,
                                                  const char          *reason,
                                                  GError             **error);
/* @text: a serial, optionally followed by its check value as on the QR code
 * ("HS-2026-000123 ABCD1234"); case and spaces do not matter. *@certificate
 * is set (to the original issue) unless the verdict is UNKNOWN. */
HsCertificateVerdict hs_certificate_verify       (HsDatabase          *db,
                                                  const char          *text,
                                                  HsCertificate      **certificate,
                                                  GError             **error);
/* The original issue of @serial, or NULL with HS_DATABASE_ERROR_NOT_FOUND. */
HsCertificate *hs_certificate_lookup             (HsDatabase          *db,
                                                  const char          *serial,
                                                  GError             **error);

gint64         hs_certificate_get_id             (HsCertificate       *self);
const char    *hs_certificate_get_serial         (HsCertificate       *self);
/* Eight upper-case hex digits. */
const char    *hs_certificate_get_check          (HsCertificate       *self);
/* "SERIAL CHECK": the text of the QR code. */
char          *hs_certificate_dup_qr_text        (HsCertificate       *self);
gint64         hs_certificate_get_participant_id (HsCertificate       *self);
const char    *hs_certificate_get_participant_name (HsCertificate     *self);
gint64         hs_certificate_get_group_id       (HsCertificate       *self);
const char    *hs_certificate_get_group_name     (HsCertificate       *self);
const char    *hs_certificate_get_approach       (HsCertificate       *self);
const char    *hs_certificate_get_district       (HsCertificate       *self);
/* NULL for a community group. */
const char    *hs_certificate_get_facility       (HsCertificate       *self);
const char    *hs_certificate_get_start_date     (HsCertificate       *self);
const char    *hs_certificate_get_graduation_date (HsCertificate      *self);
const char    *hs_certificate_get_graduation_venue (HsCertificate     *self);
/* Of this print: the original issue or a reprint. */
const char    *hs_certificate_get_issued         (HsCertificate       *self);
const char    *hs_certificate_get_language       (HsCertificate       *self);
gboolean       hs_certificate_is_reprint         (HsCertificate       *self);
guint          hs_certificate_get_n_reprints     (HsCertificate       *self);
/* NULL unless voided. */
const char    *hs_certificate_get_voided         (HsCertificate       *self);
const char    *hs_certificate_get_void_reason    (HsCertificate       *self);

/* Builds a certificate from values, without the register: previews of the
 * design and benchmarks. */
HsCertificate *hs_certificate_new_sample         (const char          *serial,
                                                  const char          *participant_name,
                                                  const char          *language);

/* The register as a list of originals (HsCertificate), newest first, read
 * from SQL a page at a time. The search matches serial, name (accents do not
 * matter) or group. */
#define HS_TYPE_CERTIFICATE_LIST (hs_certificate_list_get_type ())
G_DECLARE_FINAL_TYPE (HsCertificateList, hs_certificate_list, HS, CERTIFICATE_LIST, GObject)

HsCertificateList *hs_certificate_list_new        (HsDatabase         *db);
void               hs_certificate_list_set_search (HsCertificateList  *self,
                                                   const char         *search);
/* Re-reads the register (after an issue or a void). */
void               hs_certificate_list_reload     (HsCertificateList  *self);

G_END_DECLS
