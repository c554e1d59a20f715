/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-report-i18n"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "hs-report-i18n.h"

/* The catalogue of the chosen language is read straight from the .mo file
 * the application's text domain is bound to. Switching LANGUAGE around
 * dgettext() would also work, but setenv() is not safe while other threads
 * (GTK's, GIO's) may read the environment. */
static GMutex lock;
/* language → (msgid → translation), loaded once per language. */
static GHashTable *catalogues;

static const char * const months[] = {
  NC_("month name", "January"), NC_("month name", "February"), NC_("month name", "March"),
  NC_("month name", "April"), NC_("month name", "May"), NC_("month name", "June"),
  NC_("month name", "July"), NC_("month name", "August"), NC_("month name", "September"),
  NC_("month name", "October"), NC_("month name", "November"), NC_("month name", "December"),
};

const char *
hs_report_language (const char *language)
{
  return language != NULL && g_str_has_prefix (language, "rw") ? "rw" : "en";
}

static guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swap)
{
  guint32 value;

  memcpy (&value, data + offset, sizeof value);
  return swap ? GUINT32_SWAP_LE_BE (value) : value;
}

/* The GNU .mo format: a magic number, the string count, and two tables of
 * (length, offset) pairs for the original and translated strings. */
static void
parse_catalogue (GHashTable   *table,
                 const guint8 *data,
                 gsize         size)
{
  gboolean swap;
  guint32 n, originals, translations;

  if (size < 28)
    return;
  if (read_u32 (data, 0, FALSE) == 0x950412de)
    swap = FALSE;
  else if (read_u32 (data, 0, TRUE) == 0x950412de)
    swap = TRUE;
  else
    return;
  n = read_u32 (data, 8, swap);
  originals = read_u32 (data, 12, swap);
  translations = read_u32 (data, 16, swap);
  if (originals > size || translations > size || n > (size - MAX (originals, translations)) / 8)
    return;
  for (guint32 i = 0; i < n; i++)
    {
      guint32 key_len = read_u32 (data, originals + 8 * i, swap);
      guint32 key_at = read_u32 (data, originals + 8 * i + 4, swap);
      guint32 value_len = read_u32 (data, translations + 8 * i, swap);
      guint32 value_at = read_u32 (data, translations + 8 * i + 4, swap);

      if (key_len == 0 || key_at >= size || size - key_at <= key_len || value_at >= size
          || size - value_at <= value_len || value_len == 0)
        continue;
      /* Strings are NUL-terminated; a plural entry holds its forms one
       * after the other, and the first one is what these functions want. */
      g_hash_table_insert (table, g_strndup ((const char *) data + key_at, key_len),
                           g_strdup ((const char *) data + value_at));
    }
}

static GHashTable *
load_catalogue (const char *language)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *dir = bindtextdomain (GETTEXT_PACKAGE, NULL);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize size = 0;

  if (dir == NULL)
    return table;
  path = g_build_filename (dir, language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (g_file_get_contents (path, &contents, &size, NULL))
    parse_catalogue (table, (const guint8 *) contents, size);
  return table;
}

static const char *
translate (const char *language,
           const char *key)
{
  GHashTable *catalogue;
  const char *result;

  language = hs_report_language (language);
  /* English is the source language: no catalogue to ask. */
  if (g_str_equal (language, "en"))
    return NULL;
  g_mutex_lock (&lock);
  if (catalogues == NULL)
    catalogues = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify) g_hash_table_unref);
  catalogue = g_hash_table_lookup (catalogues, language);
  if (catalogue == NULL)
    {
      catalogue = load_catalogue (language);
      g_hash_table_insert (catalogues, (gpointer) language, catalogue);
    }
  result = g_hash_table_lookup (catalogue, key);
  g_mutex_unlock (&lock);
  return result;
}

const char *
hs_report_gettext (const char *language,
                   const char *msgid)
{
  const char *result;

  g_return_val_if_fail (msgid != NULL, NULL);
  result = translate (language, msgid);
  return result != NULL ? result : msgid;
}

const char *
hs_report_pgettext (const char *language,
                    const char *context,
                    const char *msgid)
{
  g_autofree char *key = g_strconcat (context, "\004", msgid, NULL);
  const char *result;

  g_return_val_if_fail (msgid != NULL, NULL);
  result = translate (language, key);
  return result != NULL ? result : msgid;
}

char *
hs_report_format_count (const char *language,
                        guint64     count)
{
  const char *separator = g_str_equal (hs_report_language (language), "rw") ? "\u00a0" : ",";
  char digits[24];
  GString *out = g_string_new (NULL);
  gsize len;

  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, count);
  len = strlen (digits);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

const char *
hs_report_month_name (const char *language,
                      int         month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);
  return hs_report_pgettext (language, "month name", months[month - 1]);
}

char *
hs_report_format_date (const char *language,
                       const char *iso_date)
{
  int year, month, day;

  if (iso_date == NULL)
    return NULL;
  if (sscanf (iso_date, "%4d-%2d-%2d", &year, &month, &day) != 3 || month < 1 || month > 12)
    return g_strdup (iso_date);
  return g_strdup_printf ("%d %s %d", day, hs_report_month_name (language, month), year);
}
