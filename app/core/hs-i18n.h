/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets up gettext before any string is translated: @language is "rw", "en"
 * or NULL/"" for the system's choice. Call before GTK starts. */
void hs_i18n_init (const char *language);

/* The language strings are shown in now: "rw" or "en". */
const char *hs_i18n_get_language (void);

G_END_DECLS
