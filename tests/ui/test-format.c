/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>

#include "hs-format.h"

static void
check_count (guint64     count,
             const char *expected)
{
  g_autofree char *text = hs_format_count (count);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_count_english (void)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  check_count (0, "0");
  check_count (836, "836");
  check_count (7313, "7,313");
  check_count (20000, "20,000");
  check_count (1234567, "1,234,567");
}

static void
test_count_kinyarwanda (void)
{
  g_setenv ("LANGUAGE", "rw", TRUE);
  check_count (999, "999");
  check_count (20000, "20\u00a0000");
  check_count (1234567, "1\u00a0234\u00a0567");
  g_setenv ("LANGUAGE", "en", TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/count/english", test_count_english);
  g_test_add_func ("/format/count/kinyarwanda", test_count_kinyarwanda);

  return g_test_run ();
}
