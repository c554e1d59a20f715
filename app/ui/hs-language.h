/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean hs_language_is_valid (const char *language);
void     hs_language_apply    (const char *language);

G_END_DECLS
