/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The Argon2id cost of the backups this process encrypts from now on; 0, 0
 * goes back to the default. Only for the fuzz harness, whose inputs must
 * decrypt in microseconds: a restore takes the cost from the file. */
void _hs_backup_set_kdf_cost (guint64 opslimit,
                              guint64 memlimit);

G_END_DECLS
