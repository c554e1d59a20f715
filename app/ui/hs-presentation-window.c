/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-presentation-window"

#include <glib/gi18n.h>
#include <math.h>

#include "hs-chart-view.h"
#include "hs-presentation-window.h"
#include "hs-report-i18n.h"

/* 36 px type at 1080 lines: legible from the back of a hall. */
#define FONT_LINES 30
#define POINTER_IDLE_SECONDS 2

struct _HsPresentationWindow
{
  AdwWindow   parent_instance;

  GtkStack   *stack;
  GtkLabel   *counter;
  GtkLabel   *paused_label;
  guint       n_slides;
  guint       slide;
  guint       seconds;
  gboolean    playing;
  guint       play_source;
  guint       pointer_source;
  double      pointer_x, pointer_y;
  guint       inhibit_cookie;
};

G_DEFINE_FINAL_TYPE (HsPresentationWindow, hs_presentation_window, ADW_TYPE_WINDOW)

static void schedule_next (HsPresentationWindow *self);

static void
set_absolute_size (GtkLabel *label,
                   int       pixels,
                   gboolean  bold)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_size_new_absolute (pixels * PANGO_SCALE));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);
}

static void
show_slide (HsPresentationWindow *self,
            guint                 slide)
{
  g_autofree char *name = g_strdup_printf ("%u", slide);
  g_autofree char *count = NULL;

  self->slide = MIN (slide, self->n_slides - 1);
  gtk_stack_set_visible_child_name (self->stack, name);
  /* A quiet counter: "3 / 7". */
  count = g_strdup_printf ("%u / %u", self->slide + 1, self->n_slides);
  gtk_label_set_text (self->counter, count);
  gtk_widget_set_visible (GTK_WIDGET (self->paused_label), self->seconds > 0 && !self->playing);
  if (self->playing)
    schedule_next (self);
}

static void
move (HsPresentationWindow *self,
      int                   delta)
{
  int slide = (int) self->slide + delta;

  /* Playing by itself goes round; by hand it stops at either end. */
  if (self->playing)
    slide = (slide + self->n_slides) % self->n_slides;
  show_slide (self, CLAMP (slide, 0, (int) self->n_slides - 1));
}

static gboolean
on_play_timeout_cb (gpointer user_data)
{
  HsPresentationWindow *self = user_data;

  self->play_source = 0;
  move (self, 1);
  return G_SOURCE_REMOVE;
}

static void
schedule_next (HsPresentationWindow *self)
{
  g_clear_handle_id (&self->play_source, g_source_remove);
  if (self->playing && self->seconds > 0)
    self->play_source = g_timeout_add_seconds (self->seconds, on_play_timeout_cb, self);
}

static void
toggle_playing (HsPresentationWindow *self)
{
  if (self->seconds == 0)
    return;
  self->playing = !self->playing;
  if (!self->playing)
    g_clear_handle_id (&self->play_source, g_source_remove);
  show_slide (self, self->slide);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   HsPresentationWindow  *self)
{
  switch (keyval)
    {
    case GDK_KEY_space:
    case GDK_KEY_Right:
    case GDK_KEY_Page_Down:
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      move (self, 1);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_Page_Up:
    case GDK_KEY_BackSpace:
      move (self, -1);
      return TRUE;
    case GDK_KEY_Home:
      show_slide (self, 0);
      return TRUE;
    case GDK_KEY_End:
      show_slide (self, self->n_slides - 1);
      return TRUE;
    case GDK_KEY_p:
    case GDK_KEY_P:
      toggle_playing (self);
      return TRUE;
    case GDK_KEY_Escape:
      gtk_window_close (GTK_WINDOW (self));
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_click_released_cb (GtkGestureClick      *gesture,
                      int                   n_press,
                      double                x,
                      double                y,
                      HsPresentationWindow *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  move (self, button == GDK_BUTTON_SECONDARY ? -1 : 1);
}

static gboolean
on_pointer_idle_cb (gpointer user_data)
{
  HsPresentationWindow *self = user_data;

  self->pointer_source = 0;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "none");
  return G_SOURCE_REMOVE;
}

/* The pointer shows while it moves and hides when it rests. */
static void
on_motion_cb (GtkEventControllerMotion *motion,
              double                    x,
              double                    y,
              HsPresentationWindow     *self)
{
  if (fabs (x - self->pointer_x) < 1 && fabs (y - self->pointer_y) < 1)
    return;
  self->pointer_x = x;
  self->pointer_y = y;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  g_clear_handle_id (&self->pointer_source, g_source_remove);
  self->pointer_source = g_timeout_add_seconds (POINTER_IDLE_SECONDS, on_pointer_idle_cb, self);
}

static void
hs_presentation_window_map (GtkWidget *widget)
{
  HsPresentationWindow *self = HS_PRESENTATION_WINDOW (widget);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  GTK_WIDGET_CLASS (hs_presentation_window_parent_class)->map (widget);
  g_clear_handle_id (&self->pointer_source, g_source_remove);
  self->pointer_source = g_timeout_add_seconds (POINTER_IDLE_SECONDS, on_pointer_idle_cb, self);
  /* No screen saver or blanking in front of the guests. */
  if (application != NULL && self->inhibit_cookie == 0)
    self->inhibit_cookie = gtk_application_inhibit (application, GTK_WINDOW (self),
                                                    GTK_APPLICATION_INHIBIT_IDLE,
                                                    _("Charts are being presented"));
}

static void
hs_presentation_window_unmap (GtkWidget *widget)
{
  HsPresentationWindow *self = HS_PRESENTATION_WINDOW (widget);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (application != NULL && self->inhibit_cookie != 0)
    gtk_application_uninhibit (application, self->inhibit_cookie);
  self->inhibit_cookie = 0;
  GTK_WIDGET_CLASS (hs_presentation_window_parent_class)->unmap (widget);
}

static void
hs_presentation_window_dispose (GObject *object)
{
  HsPresentationWindow *self = HS_PRESENTATION_WINDOW (object);

  g_clear_handle_id (&self->play_source, g_source_remove);
  g_clear_handle_id (&self->pointer_source, g_source_remove);

  G_OBJECT_CLASS (hs_presentation_window_parent_class)->dispose (object);
}

static void
hs_presentation_window_class_init (HsPresentationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hs_presentation_window_dispose;
  widget_class->map = hs_presentation_window_map;
  widget_class->unmap = hs_presentation_window_unmap;
}

static void
hs_presentation_window_init (HsPresentationWindow *self)
{
  GtkWidget *overlay = gtk_overlay_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Presentation"));
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_stack_set_transition_duration (self->stack, 400);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (self->stack));

  self->counter = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_halign (GTK_WIDGET (self->counter), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (self->counter), GTK_ALIGN_END);
  gtk_widget_set_margin_start (GTK_WIDGET (self->counter), 24);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->counter), 16);
  gtk_widget_add_css_class (GTK_WIDGET (self->counter), "dim-label");
  set_absolute_size (self->counter, 24, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (self->counter));

  self->paused_label = GTK_LABEL (gtk_label_new (_("Paused · P to play")));
  gtk_widget_set_halign (GTK_WIDGET (self->paused_label), GTK_ALIGN_END);
  gtk_widget_set_valign (GTK_WIDGET (self->paused_label), GTK_ALIGN_START);
  gtk_widget_set_margin_end (GTK_WIDGET (self->paused_label), 24);
  gtk_widget_set_margin_top (GTK_WIDGET (self->paused_label), 16);
  gtk_widget_add_css_class (GTK_WIDGET (self->paused_label), "dim-label");
  set_absolute_size (self->paused_label, 24, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->paused_label), FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (self->paused_label));
  adw_window_set_content (ADW_WINDOW (self), overlay);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

static GtkWidget *
make_title_slide (const char *title,
                  const char *organisation,
                  const char *logo)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 32);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (box, 96);
  gtk_widget_set_margin_end (box, 96);
  if (logo != NULL && g_file_test (logo, G_FILE_TEST_IS_REGULAR))
    {
      GtkWidget *picture = gtk_picture_new_for_filename (logo);

      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_widget_set_size_request (picture, -1, 240);
      gtk_box_append (GTK_BOX (box), picture);
    }
  if (title != NULL && *title != '\0')
    {
      GtkWidget *label = gtk_label_new (title);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      set_absolute_size (GTK_LABEL (label), 72, TRUE);
      gtk_box_append (GTK_BOX (box), label);
    }
  if (organisation != NULL && *organisation != '\0')
    {
      GtkWidget *label = gtk_label_new (organisation);

      gtk_widget_add_css_class (label, "dim-label");
      set_absolute_size (GTK_LABEL (label), 40, FALSE);
      gtk_box_append (GTK_BOX (box), label);
    }
  return box;
}

static void
add_slide (HsPresentationWindow *self,
           GtkWidget            *child)
{
  g_autofree char *name = g_strdup_printf ("%u", self->n_slides++);

  gtk_stack_add_named (self->stack, child, name);
}

HsPresentationWindow *
hs_presentation_window_new (GtkApplication *application,
                            GPtrArray      *charts,
                            const char     *language,
                            const char     *organisation,
                            const char     *title,
                            const char     *logo,
                            guint           seconds)
{
  HsPresentationWindow *self;

  g_return_val_if_fail (charts != NULL && charts->len > 0, NULL);

  self = g_object_new (HS_TYPE_PRESENTATION_WINDOW, "application", application, NULL);
  self->seconds = seconds > 0 ? CLAMP (seconds, 5, 120) : 0;
  self->playing = self->seconds > 0;
  if ((title != NULL && *title != '\0') || (logo != NULL && *logo != '\0'))
    add_slide (self, make_title_slide (title, organisation, logo));
  g_ptr_array_set_free_func (charts, NULL);
  for (guint i = 0; i < charts->len; i++)
    {
      GtkWidget *view = hs_chart_view_new ();

      hs_chart_view_set_language (HS_CHART_VIEW (view), language);
      hs_chart_view_set_organisation (HS_CHART_VIEW (view), organisation);
      hs_chart_view_set_opaque (HS_CHART_VIEW (view), TRUE);
      hs_chart_view_set_font_lines (HS_CHART_VIEW (view), FONT_LINES);
      hs_chart_view_set_data (HS_CHART_VIEW (view), g_ptr_array_index (charts, i));
      add_slide (self, view);
    }
  g_ptr_array_set_size (charts, 0);
  g_ptr_array_unref (charts);
  show_slide (self, 0);
  return self;
}

void
hs_presentation_window_start (HsPresentationWindow *self,
                              GdkMonitor           *monitor)
{
  g_return_if_fail (HS_IS_PRESENTATION_WINDOW (self));

  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  g_autoptr(GdkMonitor) first = NULL;
  GdkRectangle area;

  if (monitor == NULL
      && g_list_model_get_n_items (gdk_display_get_monitors (display)) > 0)
    monitor = first = g_list_model_get_item (gdk_display_get_monitors (display), 0);
  /* The whole screen even where no window manager makes it full screen. */
  if (monitor != NULL)
    {
      gdk_monitor_get_geometry (monitor, &area);
      gtk_window_set_default_size (GTK_WINDOW (self), area.width, area.height);
      gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
    }
  else
    gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (self));
}

guint
hs_presentation_window_get_slide (HsPresentationWindow *self)
{
  g_return_val_if_fail (HS_IS_PRESENTATION_WINDOW (self), 0);
  return self->slide;
}

guint
hs_presentation_window_get_n_slides (HsPresentationWindow *self)
{
  g_return_val_if_fail (HS_IS_PRESENTATION_WINDOW (self), 0);
  return self->n_slides;
}

gboolean
hs_presentation_window_get_playing (HsPresentationWindow *self)
{
  g_return_val_if_fail (HS_IS_PRESENTATION_WINDOW (self), FALSE);
  return self->playing;
}
