/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared set-up of the fuzz harnesses: one sample database per process, the
 * input written to a file (the importers read files), and the check that an
 * input left the database exactly as it was. */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "hs-database.h"

/* The process's database, filled with the sample programme on first use. */
HsDatabase *fuzz_database        (void);
/* Writes @data to a file of the process's temporary folder; returns its path. */
const char *fuzz_write_input     (const uint8_t *data,
                                  size_t         size,
                                  const char    *suffix);
/* A checksum of the whole database's content (every row of every table). */
guint64     fuzz_database_digest (HsDatabase    *db);
/* Aborts when the digest differs from the one taken at start-up. */
void        fuzz_assert_unchanged (HsDatabase   *db,
                                   const char   *what);
/* The process's temporary folder. */
const char *fuzz_tmp_dir         (void);

/* libFuzzer's entry point, also called by replay.c for the regression runs. */
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
