/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hs-window.h"

G_BEGIN_DECLS

/* Asks where (and whether to encrypt), writes a checked backup of the
 * window's database, and says so in a toast. */
void hs_backup_dialogs_back_up (HsWindow *window);
/* Asks for a backup (and its passphrase), confirms, closes @window, restores
 * into its file and opens a new window on it. */
void hs_backup_dialogs_restore (HsWindow *window);

G_END_DECLS
