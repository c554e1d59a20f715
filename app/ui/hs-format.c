/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-format"

#include <string.h>

#include "hs-format.h"
#include "hs-i18n.h"

/* glibc's rw_RW locale is often missing, so digits are grouped here, in the
 * language the strings are shown in: "20 000" in Kinyarwanda (with a
 * no-break space, so that a figure never breaks across lines), "20,000" in
 * English. */
char *
hs_format_count (guint64 count)
{
  const char *separator = g_str_equal (hs_i18n_get_language (), "rw") ? "\u00a0" : ",";
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
