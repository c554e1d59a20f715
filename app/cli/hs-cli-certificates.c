/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-cli"

#include <glib/gi18n.h>
#include <string.h>

#include "hs-certificate-drawing.h"
#include "hs-cli-private.h"

typedef struct
{
  const char *group;
  const char *ceremony;
  const char *language;
  const char *output;
  const char *issued;
  gboolean    portrait;
  /* Participant ids (gint64) picked out of the batch; empty: all of it. */
  GArray     *participants;
  HsDatabase *db;
} CertificateArgs;

static int
parse_certificate_args (const HsCliOptions *options,
                        CertificateArgs    *args)
{
  for (int i = 0; i < options->n_args; i++)
    {
      const char *arg = options->args[i];
      const char *participant;

      if (_hs_cli_take_value (options, &i, "--participant", &participant))
        {
          gint64 id;

          if (!g_ascii_string_to_signed (participant, 10, 1, G_MAXINT64, &id, NULL))
            {
              g_autofree char *message = g_strdup_printf (_("‘%s’ is not a participant number "
                                                            "(see participants list)."),
                                                          participant);
              return _hs_cli_usage_error (message);
            }
          g_array_append_val (args->participants, id);
          continue;
        }
      if (_hs_cli_take_value (options, &i, "--group", &args->group)
          || _hs_cli_take_value (options, &i, "--ceremony", &args->ceremony)
          || _hs_cli_take_value (options, &i, "--lang", &args->language)
          || _hs_cli_take_value (options, &i, "--issued", &args->issued)
          || _hs_cli_take_value (options, &i, "-o", &args->output)
          || _hs_cli_take_value (options, &i, "--output", &args->output))
        continue;
      if (g_str_equal (arg, "--portrait"))
        args->portrait = TRUE;
      else
        {
          g_autofree char *message = g_strdup_printf (_("Unknown option ‘%s’ for certificates."),
                                                      arg);
          return _hs_cli_usage_error (message);
        }
    }
  if ((args->group == NULL) == (args->ceremony == NULL))
    return _hs_cli_usage_error (_("Give either --group NAME or --ceremony YYYY-MM-DD."));
  if (args->output == NULL)
    return _hs_cli_usage_error (_("Give the PDF file to write with -o FILE.pdf."));
  if (g_str_equal (args->language, "both"))
    args->language = "rw+en";
  if (!g_str_equal (args->language, "rw") && !g_str_equal (args->language, "en")
      && !g_str_equal (args->language, "rw+en"))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown certificate language ‘%s’: use "
                                                    "rw, en or both."), args->language);
      return _hs_cli_usage_error (message);
    }
  return 0;
}

static GArray *
find_graduates (HsDatabase             *db,
                const CertificateArgs  *args,
                GError                **error)
{
  g_autoptr(GArray) keys = NULL;
  gint64 group_id;

  if (args->ceremony != NULL)
    {
      keys = hs_certificate_graduates_of_ceremony (db, args->ceremony, error);
      if (keys != NULL && keys->len == 0)
        g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND,
                     _("No group has graduates with a graduation date of %s."), args->ceremony);
      return keys != NULL && keys->len > 0 ? g_steal_pointer (&keys) : NULL;
    }
  group_id = hs_certificate_find_group (db, args->group);
  if (group_id == 0)
    {
      g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND,
                   _("There is no group called “%s”."), args->group);
      return NULL;
    }
  keys = hs_certificate_graduates_of_group (db, group_id, error);
  if (keys != NULL && keys->len == 0)
    g_set_error (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND,
                 _("The group “%s” has no graduates yet: record who graduated first."),
                 args->group);
  return keys != NULL && keys->len > 0 ? g_steal_pointer (&keys) : NULL;
}

/* Keeps the graduates --participant named, in the batch's order; refuses an
 * id that is not in the batch, saying why. Takes @batch. */
static GArray *
pick_participants (HsDatabase             *db,
                   const CertificateArgs  *args,
                   GArray                 *batch,
                   GError                **error)
{
  g_autoptr(GArray) keys = batch;
  g_autoptr(GArray) picked = g_array_new (FALSE, FALSE, sizeof (HsCertificateKey));

  for (guint i = 0; i < args->participants->len; i++)
    {
      gint64 id = g_array_index (args->participants, gint64, i);
      gboolean found = FALSE;

      for (guint k = 0; k < keys->len && !found; k++)
        found = g_array_index (keys, HsCertificateKey, k).participant_id == id;
      if (!found)
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
          g_autofree char *why = NULL;

          if (args->group != NULL)
            why = hs_certificate_explain_ineligible (db, id, hs_certificate_find_group (db,
                                                                                args->group));
          if (why == NULL && args->group != NULL)
            /* Translators: %s is a participant number, then a group name. */
            why = g_strdup_printf (_("Participant %s is not a graduate of “%s”."), number,
                                   args->group);
          else if (why == NULL)
            /* Translators: %s is a participant number, then a date. */
            why = g_strdup_printf (_("Participant %s is not among the graduates of the "
                                     "ceremony of %s."), number, args->ceremony);
          g_set_error_literal (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NOT_FOUND, why);
          return NULL;
        }
    }
  for (guint k = 0; k < keys->len; k++)
    {
      HsCertificateKey *key = &g_array_index (keys, HsCertificateKey, k);

      for (guint i = 0; i < args->participants->len; i++)
        if (g_array_index (args->participants, gint64, i) == key->participant_id)
          {
            g_array_append_val (picked, *key);
            break;
          }
    }
  return g_steal_pointer (&picked);
}

static gboolean
write_pdf (GPtrArray     *certificates,
           gpointer       user_data,
           GCancellable  *cancellable,
           GError       **error)
{
  const CertificateArgs *args = user_data;
  g_autoptr(HsCertificateDesign) design = NULL;

  /* Read inside the transaction, from the same connection as the serials. */
  design = hs_certificate_design_new_from_settings (args->db);
  return hs_certificate_write_pdf (design, certificates,
                                   args->portrait ? HS_CERTIFICATE_PORTRAIT
                                                  : HS_CERTIFICATE_LANDSCAPE,
                                   args->output, NULL, NULL, cancellable, error);
}

int
_hs_cli_certificates (const HsCliOptions *options)
{
  g_autoptr(GArray) participants = g_array_new (FALSE, FALSE, sizeof (gint64));
  CertificateArgs args = { .language = "rw+en", .participants = participants };
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = NULL;
  g_autoptr(GArray) keys = NULL;
  g_autoptr(GPtrArray) certificates = NULL;
  guint reprints = 0;
  int status;

  if ((status = parse_certificate_args (options, &args)) != 0)
    return status;
  /* The serials are committed only once the PDF is written: a failed write
   * (disk full, no such folder) issues nothing. */
  if ((db = args.db = _hs_cli_open_database (options, &error)) == NULL
      || (keys = find_graduates (db, &args, &error)) == NULL
      || (participants->len > 0
          && (keys = pick_participants (db, &args, g_steal_pointer (&keys), &error)) == NULL)
      || (certificates = hs_certificate_issue_batch_full (db, (HsCertificateKey *) keys->data,
                                                          keys->len, args.language, args.issued,
                                                          write_pdf, &args, NULL,
                                                          &error)) == NULL)
    return _hs_cli_fail (error->message);

  for (guint i = 0; i < certificates->len; i++)
    reprints += hs_certificate_is_reprint (g_ptr_array_index (certificates, i));
  printf (ngettext ("Wrote %u certificate to %s", "Wrote %u certificates to %s",
                    certificates->len), certificates->len, args.output);
  printf (" ");
  printf (ngettext ("(%u reprint).\n", "(%u reprints).\n", reprints), reprints);
  return 0;
}

static void
print_certificate (HsCertificate *certificate)
{
  const char *venue = hs_certificate_get_graduation_venue (certificate);

  printf ("%s\n", hs_certificate_get_participant_name (certificate));
  printf (_("Group: %s (%s)\n"), hs_certificate_get_group_name (certificate),
          hs_certificate_get_facility (certificate) ? hs_certificate_get_facility (certificate)
                                                    : hs_certificate_get_district (certificate));
  printf (_("Graduated: %s%s%s\n"),
          hs_certificate_get_graduation_date (certificate) ?: "",
          venue ? ", " : "", venue ? venue : "");
  printf (_("Issued: %s, language %s, reprinted %u times\n"),
          hs_certificate_get_issued (certificate), hs_certificate_get_language (certificate),
          hs_certificate_get_n_reprints (certificate));
}

int
_hs_cli_verify (const HsCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = NULL;
  g_autoptr(HsCertificate) certificate = NULL;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  HsCertificateVerdict verdict;

  if (options->n_args < 1 || options->n_args > 2)
    return _hs_cli_usage_error (_("verify takes a serial, optionally followed by its check "
                                  "value: verify HS-2026-000123 [ABCD1234]."));
  text = g_strjoinv (" ", options->args);
  if ((db = _hs_cli_open_database (options, &error)) == NULL)
    return _hs_cli_fail (error->message);
  verdict = hs_certificate_verify (db, text, &certificate, &error);
  if (error != NULL)
    return _hs_cli_fail (error->message);

  switch (verdict)
    {
    case HS_CERTIFICATE_VALID:
      printf (_("%s is valid.\n"), hs_certificate_get_serial (certificate));
      print_certificate (certificate);
      return 0;
    case HS_CERTIFICATE_VOIDED:
      print_certificate (certificate);
      message = g_strdup_printf (_("%s was voided on %s: %s."),
                                 hs_certificate_get_serial (certificate),
                                 hs_certificate_get_voided (certificate),
                                 hs_certificate_get_void_reason (certificate));
      return _hs_cli_fail (message);
    case HS_CERTIFICATE_BAD_CHECK:
      message = g_strdup_printf (_("The check value does not match %s: this certificate was "
                                   "not printed from this register or was altered."),
                                 hs_certificate_get_serial (certificate));
      return _hs_cli_fail (message);
    case HS_CERTIFICATE_UNKNOWN:
    default:
      message = g_strdup_printf (_("No certificate “%s” is in the register."), text);
      return _hs_cli_fail (message);
    }
}
