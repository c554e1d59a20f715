/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-cli"

#include <glib/gi18n.h>
#include <string.h>

#include "hs-cli-private.h"
#include "hs-participant-list.h"
#include "hs-participant.h"
#include "hs-person-sheet.h"

/* healing-spaces-cli participants list [--search TEXT] [--district D] [--format csv|json|table]
 *                                 show ID
 *                                 export-person ID -o FILE.json|FILE.pdf
 *                                 erase ID --yes
 *                                 duplicates */

static void
put_json_string (GString    *out,
                 const char *s)
{
  if (s == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = s; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');
}

/* Quoted when needed; a cell a spreadsheet would run as a formula gets a '. */
static void
put_csv_cell (GString    *out,
              const char *s)
{
  if (s == NULL)
    s = "";
  if (strchr ("=+-@\t\r", s[0]) != NULL && s[0] != '\0')
    {
      g_autofree char *quoted = g_strconcat ("'", s, NULL);

      put_csv_cell (out, quoted);
      return;
    }
  if (strpbrk (s, ",;\"\r\n") == NULL)
    {
      g_string_append (out, s);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = s; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
put_row (GString          *out,
         const char       *format,
         HsParticipantRow *row,
         guint             index)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, hs_participant_row_get_id (row));
  const char *setting = hs_participant_row_get_is_prisoner (row) ? "prison" : "community";
  gboolean withdrawn = hs_participant_row_get_consent_withdrawn (row);
  const char *values[] = {
    id, hs_participant_row_get_full_name (row), hs_participant_row_get_sex (row),
    hs_participant_row_get_age_band (row), hs_participant_row_get_district (row), setting,
    hs_participant_row_get_group (row), hs_participant_row_get_outcome (row),
    withdrawn ? "withdrawn" : "given",
  };
  static const char * const keys[] = {
    "id", "name", "sex", "age_band", "district", "setting", "group", "outcome", "consent"
  };

  if (g_str_equal (format, "json"))
    {
      g_string_append (out, index > 0 ? ",\n  {" : "\n  {");
      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        {
          g_string_append_printf (out, "%s\"%s\": ", i > 0 ? ", " : "", keys[i]);
          if (i == 0)
            g_string_append (out, id);
          else
            put_json_string (out, values[i]);
        }
      g_string_append_c (out, '}');
    }
  else if (g_str_equal (format, "csv"))
    {
      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          put_csv_cell (out, values[i]);
        }
      g_string_append (out, "\r\n");
    }
  else
    g_string_append_printf (out, "%7s  %-32s %-3s %-6s %-10s %-10s %-24s %s%s%s\n", id,
                            values[1], values[2], values[3], values[4] ? values[4] : "-",
                            setting, values[6] ? values[6] : "-", values[7] ? values[7] : "-",
                            withdrawn ? "  " : "", withdrawn ? _("(consent withdrawn)") : "");
}

static int
list_participants (const HsCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = NULL;
  g_autoptr(HsParticipantList) list = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  const char *search = NULL, *district = NULL, *format = "table";
  guint n;

  for (int i = 1; i < options->n_args; i++)
    {
      const char *arg = options->args[i];
      gboolean has_value = i + 1 < options->n_args;

      if (g_str_equal (arg, "--search") && has_value)
        search = options->args[++i];
      else if (g_str_equal (arg, "--district") && has_value)
        district = options->args[++i];
      else if (g_str_equal (arg, "--format") && has_value)
        format = options->args[++i];
      else
        {
          g_autofree char *message = g_strdup_printf (_("Unknown option ‘%s’ for participants "
                                                        "list."), arg);
          return _hs_cli_usage_error (message);
        }
    }
  if (!g_str_equal (format, "json") && !g_str_equal (format, "table")
      && !g_str_equal (format, "csv"))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown format ‘%s’: use csv, json or "
                                                    "table."), format);
      return _hs_cli_usage_error (message);
    }

  if ((db = _hs_cli_open_database (options, &error)) == NULL)
    return _hs_cli_fail (error->message);
  list = hs_participant_list_new (db);
  if (district != NULL)
    {
      gint64 district_id = hs_database_find_district (db, district);

      if (district_id == 0)
        {
          g_autofree char *message = g_strdup_printf (_("There is no district called ‘%s’."),
                                                      district);
          return _hs_cli_fail (message);
        }
      hs_participant_list_set_district (list, district_id);
    }
  hs_participant_list_set_search (list, search);

  if (g_str_equal (format, "csv"))
    g_string_append (out, "\xEF\xBB\xBFid,name,sex,age_band,district,setting,group,outcome,"
                         "consent\r\n");
  else if (g_str_equal (format, "json"))
    g_string_append_c (out, '[');
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HsParticipantRow) row = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (row != NULL)
        put_row (out, format, row, i);
      if (out->len > 65536)
        {
          fwrite (out->str, 1, out->len, stdout);
          g_string_truncate (out, 0);
        }
    }
  if (g_str_equal (format, "json"))
    g_string_append (out, n > 0 ? "\n]\n" : "]\n");
  fwrite (out->str, 1, out->len, stdout);
  return 0;
}

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64) value;
  return TRUE;
}

static void
show_field (const char *label,
            const char *value)
{
  if (value != NULL && *value != '\0')
    printf ("%-20s %s\n", label, value);
}

static int
show_participant (const HsCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = NULL;
  g_autoptr(HsParticipant) p = NULL;
  g_autoptr(GPtrArray) memberships = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *year = NULL;
  gint64 id;

  if (options->n_args != 2 || !parse_id (options->args[1], &id))
    return _hs_cli_usage_error (_("participants show needs one participant number."));
  if ((db = _hs_cli_open_database (options, &error)) == NULL
      || (p = hs_participant_load (db, id, &error)) == NULL
      || (memberships = hs_participant_get_memberships (db, id, &error)) == NULL)
    return _hs_cli_fail (error->message);

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  if (hs_participant_get_birth_year (p) != 0)
    year = g_strdup_printf ("%d", hs_participant_get_birth_year (p));
  show_field (_("Number:"), id_text);
  show_field (_("Name:"), hs_participant_get_full_name (p));
  show_field (_("Sex:"), hs_participant_get_sex (p));
  show_field (_("Birth year:"), year);
  show_field (_("Age band:"), hs_participant_get_age_band (p));
  show_field (_("Phone:"), hs_participant_get_phone (p));
  show_field (_("National ID:"), hs_participant_get_national_id (p));
  show_field (_("District:"), hs_participant_get_district (p));
  show_field (_("Sector:"), hs_participant_get_sector (p));
  show_field (_("Cell:"), hs_participant_get_cell (p));
  show_field (_("Village:"), hs_participant_get_village (p));
  show_field (_("Category:"), hs_participant_get_category (p));
  show_field (_("Setting:"), hs_participant_get_is_prisoner (p) ? "prison" : "community");
  show_field (_("Inmate number:"), hs_participant_get_inmate_number (p));
  show_field (_("Screening date:"), hs_participant_get_screening_date (p));
  show_field (_("Trauma level:"), hs_participant_get_trauma_level (p));
  show_field (_("Consent date:"), hs_participant_get_consent_date (p));
  show_field (_("Consent withdrawn:"), hs_participant_get_consent_withdrawn (p));
  for (guint i = 0; i < memberships->len; i++)
    {
      HsParticipantMembership *m = g_ptr_array_index (memberships, i);
      g_autofree char *line = g_strdup_printf ("%s (%s)", m->group_name, m->outcome);

      show_field (i == 0 ? _("Groups:") : "", line);
    }
  return 0;
}

static const char export_usage[] =
  N_("Usage: participants export-person ID -o FILE.json|FILE.pdf");

static gboolean
is_pdf_path (const char *path)
{
  g_autofree char *folded = g_ascii_strdown (path, -1);

  return g_str_has_suffix (folded, ".pdf");
}

static int
export_person (const HsCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = NULL;
  g_autofree char *json = NULL;
  const char *output = NULL;
  gint64 id = 0;

  for (int i = 1; i < options->n_args; i++)
    {
      if ((g_str_equal (options->args[i], "-o") || g_str_equal (options->args[i], "--output"))
          && i + 1 < options->n_args)
        output = options->args[++i];
      else if (id == 0 && parse_id (options->args[i], &id))
        continue;
      else
        return _hs_cli_usage_error (_(export_usage));
    }
  if (id == 0 || output == NULL)
    return _hs_cli_usage_error (_(export_usage));
  if ((db = _hs_cli_open_database (options, &error)) == NULL)
    return _hs_cli_fail (error->message);
  /* The extension chooses: a printable PDF for the person, JSON otherwise. */
  if (is_pdf_path (output))
    return hs_person_sheet_write_pdf (db, id, options->language, output, &error)
           ? 0 : _hs_cli_fail (error->message);
  if ((json = hs_participant_export_json (db, id, &error)) == NULL
      || !g_file_set_contents_full (output, json, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                    &error))
    return _hs_cli_fail (error->message);
  return 0;
}

/* One line per likely pair: both numbers and names. */
static int
list_duplicates (const HsCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = NULL;
  g_autoptr(GPtrArray) pairs = NULL;

  if (options->n_args != 1)
    return _hs_cli_usage_error (_("participants duplicates takes no options."));
  if ((db = _hs_cli_open_database (options, &error)) == NULL
      || (pairs = hs_participant_find_duplicate_pairs (db, &error)) == NULL)
    return _hs_cli_fail (error->message);
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    {
      HsParticipantMatch *a = g_ptr_array_index (pairs, i);
      HsParticipantMatch *b = g_ptr_array_index (pairs, i + 1);

      printf ("%" G_GINT64_FORMAT "\t%s (%d)\t%" G_GINT64_FORMAT "\t%s (%d)\t%s\n",
              a->id, a->full_name, a->birth_year, b->id, b->full_name, b->birth_year,
              a->district);
    }
  return 0;
}

/* Irreversible, hence --yes: a script must say it means it. */
static int
erase_person (const HsCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HsDatabase) db = NULL;
  gboolean yes = FALSE;
  gint64 id = 0;

  for (int i = 1; i < options->n_args; i++)
    {
      if (g_str_equal (options->args[i], "--yes"))
        yes = TRUE;
      else if (id == 0 && parse_id (options->args[i], &id))
        continue;
      else
        return _hs_cli_usage_error (_("Usage: participants erase ID --yes"));
    }
  if (id == 0)
    return _hs_cli_usage_error (_("Usage: participants erase ID --yes"));
  if (!yes)
    return _hs_cli_usage_error (_("Erasing a person cannot be undone: add --yes to confirm."));
  if ((db = _hs_cli_open_database (options, &error)) == NULL
      || !hs_participant_erase (db, id, &error))
    return _hs_cli_fail (error->message);
  printf (_("Participant %lld erased; the programme's figures are unchanged.\n"), (long long) id);
  return 0;
}

int
_hs_cli_participants (const HsCliOptions *options)
{
  const char *action = options->n_args > 0 ? options->args[0] : NULL;

  if (g_strcmp0 (action, "list") == 0)
    return list_participants (options);
  if (g_strcmp0 (action, "show") == 0)
    return show_participant (options);
  if (g_strcmp0 (action, "export-person") == 0)
    return export_person (options);
  if (g_strcmp0 (action, "erase") == 0)
    return erase_person (options);
  if (g_strcmp0 (action, "duplicates") == 0)
    return list_duplicates (options);
  return _hs_cli_usage_error (_("participants needs an action: list, show, export-person, "
                                "erase or duplicates."));
}
