/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-help-window"

#include "hs-help-window.h"

/* The user guide: the programme's yearly cycle, step by step, in the
 * interface language (its text lives in the template, translated with the
 * rest of the app). */
struct _HsHelpWindow
{
  AdwWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (HsHelpWindow, hs_help_window, ADW_TYPE_WINDOW)

static void
hs_help_window_class_init (HsHelpWindowClass *klass)
{
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               "/io/github/healingspaces/HealingSpaces/ui/"
                                               "hs-help-window.ui");
}

static void
hs_help_window_init (HsHelpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
hs_help_window_new (GtkWindow *parent)
{
  return g_object_new (HS_TYPE_HELP_WINDOW, "transient-for", parent, NULL);
}
