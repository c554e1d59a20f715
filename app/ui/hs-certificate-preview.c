/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-certificate-preview"

#include <glib/gi18n.h>

#include "hs-certificate-preview.h"

typedef struct
{
  HsCertificateDesign      *design;
  GPtrArray                *certificates;
  HsCertificateOrientation  orientation;
  guint                     page;
  GtkWidget                *area;
  GtkWidget                *label;
  GtkWidget                *previous;
  GtkWidget                *next;
} Preview;

static void
preview_free (Preview *preview)
{
  hs_certificate_design_free (preview->design);
  g_ptr_array_unref (preview->certificates);
  g_free (preview);
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        data)
{
  Preview *preview = data;
  double page_w, page_h, scale, x, y;

  if (preview->certificates->len == 0)
    return;
  hs_certificate_page_size (preview->orientation, &page_w, &page_h);
  scale = MIN ((width - 32) / page_w, (height - 32) / page_h);
  if (scale <= 0)
    return;
  x = (width - page_w * scale) / 2;
  y = (height - page_h * scale) / 2;
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_rectangle (cr, x + 3, y + 3, page_w * scale, page_h * scale);
  cairo_fill (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, page_w, page_h);
  cairo_clip (cr);
  hs_certificate_draw (preview->design, cr, page_w, page_h,
                       g_ptr_array_index (preview->certificates, preview->page));
}

static void
show_page (Preview *preview,
           guint    page)
{
  g_autofree char *text = NULL;
  guint n = preview->certificates->len;

  preview->page = MIN (page, n > 0 ? n - 1 : 0);
  /* Translators: page 3 of 14 of the certificate preview. */
  text = g_strdup_printf (_("%u of %u"), n > 0 ? preview->page + 1 : 0, n);
  gtk_label_set_text (GTK_LABEL (preview->label), text);
  gtk_widget_set_sensitive (preview->previous, preview->page > 0);
  gtk_widget_set_sensitive (preview->next, preview->page + 1 < n);
  gtk_widget_queue_draw (preview->area);
}

static void
on_previous_clicked_cb (GtkButton *button,
                        Preview   *preview)
{
  if (preview->page > 0)
    show_page (preview, preview->page - 1);
}

static void
on_next_clicked_cb (GtkButton *button,
                    Preview   *preview)
{
  show_page (preview, preview->page + 1);
}

static GtkWidget *
icon_button (const char *icon,
             const char *label,
             GCallback   callback,
             Preview    *preview)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_signal_connect (button, "clicked", callback, preview);
  return button;
}

/* The key turns pages wherever the focus is in the window. */
static void
add_shortcut (GtkWidget  *button,
              const char *accel)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (accel),
                                                          gtk_signal_action_new ("clicked")));
  gtk_widget_add_controller (button, controller);
}

GtkWidget *
hs_certificate_preview_new (GtkWindow                *parent,
                            HsCertificateDesign      *design,
                            GPtrArray                *certificates,
                            HsCertificateOrientation  orientation)
{
  Preview *preview = g_new0 (Preview, 1);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *pager = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  preview->design = design;
  preview->certificates = g_ptr_array_ref (certificates);
  preview->orientation = orientation;
  preview->area = gtk_drawing_area_new ();
  preview->label = gtk_label_new (NULL);
  preview->previous = icon_button ("go-previous-symbolic", _("Previous certificate"),
                                   G_CALLBACK (on_previous_clicked_cb), preview);
  preview->next = icon_button ("go-next-symbolic", _("Next certificate"),
                               G_CALLBACK (on_next_clicked_cb), preview);
  g_object_set_data_full (G_OBJECT (window), "preview", preview, (GDestroyNotify) preview_free);

  gtk_window_set_title (GTK_WINDOW (window), _("Certificate Preview"));
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);

  gtk_widget_add_css_class (preview->label, "numeric");
  gtk_box_append (GTK_BOX (pager), preview->previous);
  gtk_box_append (GTK_BOX (pager), preview->label);
  gtk_box_append (GTK_BOX (pager), preview->next);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), pager);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_vexpand (preview->area, TRUE);
  gtk_widget_set_hexpand (preview->area, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (preview->area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Certificate page"), -1);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (preview->area), draw_cb, preview, NULL);
  gtk_box_append (GTK_BOX (box), preview->area);
  adw_window_set_content (ADW_WINDOW (window), box);

  {
    GtkEventController *controller = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (
                                                              "Escape"),
                                                            gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (window, controller);
  }
  add_shortcut (preview->previous, "Left|Page_Up");
  add_shortcut (preview->next, "Right|Page_Down");
  show_page (preview, 0);
  return window;
}
