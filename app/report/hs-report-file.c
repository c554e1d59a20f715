/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo-pdf.h>

#include "hs-report-file.h"

void
hs_report_private_file_create (const char *path)
{
  /* cairo opens the file with fopen (mode 0666 less the umask); made here
   * first, it keeps the private mode when cairo truncates it. */
  int fd = g_open (path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);

  if (fd >= 0)
    {
      fchmod (fd, 0600);
      close (fd);
    }
}

cairo_surface_t *
hs_report_pdf_surface_create (const char *path,
                              double      width,
                              double      height)
{
  hs_report_private_file_create (path);
  return cairo_pdf_surface_create (path, width, height);
}
