/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Charts, certificates and reports are written in a language chosen per
 * document ("rw" or "en"), whatever language the window speaks. These look
 * strings up in the application's catalogue for that language. */
const char *hs_report_gettext      (const char *language,
                                    const char *msgid);
const char *hs_report_pgettext     (const char *language,
                                    const char *context,
                                    const char *msgid);
/* "20 000" (no-break space) in Kinyarwanda, "20,000" in English. */
char       *hs_report_format_count (const char *language,
                                    guint64     count);
/* "15 Werurwe 2024" / "15 March 2024" from "2024-03-15"; a copy of
 * anything else. */
char       *hs_report_format_date  (const char *language,
                                    const char *iso_date);
/* @month 1–12. */
const char *hs_report_month_name   (const char *language,
                                    int         month);
/* "rw" for anything starting with rw, else "en". */
const char *hs_report_language     (const char *language);

G_END_DECLS
