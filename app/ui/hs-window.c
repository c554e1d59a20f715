/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-window"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#include "hs-backup.h"
#include "hs-backup-dialogs.h"
#include "hs-calendar-page.h"
#include "hs-certificates-page.h"
#include "hs-dashboard-page.h"
#include "hs-groups-page.h"
#include "hs-import-dialog.h"
#include "hs-livelihoods-page.h"
#include "hs-page.h"
#include "hs-participant.h"
#include "hs-participants-page.h"
#include "hs-reports-page.h"
#include "hs-sample-data.h"
#include "hs-settings.h"
#include "hs-window.h"

struct _HsWindow
{
  AdwApplicationWindow  parent_instance;

  HsDatabase           *database;
  char                 *path;
  GError               *error;
  gint64                data_version;
  guint                 watch_id;
  guint                 backup_id;
  guint                 index_id;
  GSettings            *settings;
  char                 *section;      /* shown first; NULL: the dashboard */

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  GtkWidget            *content;
  AdwWindowTitle       *content_title;
  AdwWindowTitle       *welcome_title;
  GtkWidget            *demo_badge;
  GtkStack             *content_stack;
  AdwStatusPage        *error_page;
  GtkWidget            *restore_button;
  GtkWidget            *error_open_button;
  GMenu                *recent_section;
};

G_DEFINE_FINAL_TYPE (HsWindow, hs_window, ADW_TYPE_APPLICATION_WINDOW)

/* The sections of the sidebar, in order: one line per page (an HsPage). */
static const struct
{
  const char *name;
  const char *title;
  const char *icon;
  GType     (*get_type) (void);
} sections[] = {
  { "dashboard", N_("Dashboard"), "view-grid-symbolic", hs_dashboard_page_get_type },
  { "participants", N_("Participants"), "system-users-symbolic", hs_participants_page_get_type },
  { "groups", N_("Groups"), "view-list-bullet-symbolic", hs_groups_page_get_type },
  { "calendar", N_("Calendar"), "x-office-calendar-symbolic", hs_calendar_page_get_type },
  { "certificates", N_("Certificates"), "emblem-documents-symbolic",
    hs_certificates_page_get_type },
  { "reports", N_("Reports"), "x-office-spreadsheet-symbolic", hs_reports_page_get_type },
  { "livelihoods", N_("Livelihoods"), "emblem-shared-symbolic", hs_livelihoods_page_get_type },
};

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_PATH,
  PROP_ERROR,
  PROP_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_titles (HsWindow *self)
{
  g_autofree char *basename = g_path_get_basename (self->path);
  gboolean demo = hs_application_is_demo_path (self->path);
  GtkWidget *section = gtk_stack_get_visible_child (self->content_stack);
  const char *title;

  title = demo ? _("Healing Spaces — Demo") : _("Healing Spaces");
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_widget_set_visible (self->demo_badge, demo);

  adw_window_title_set_title (self->welcome_title, title);
  adw_window_title_set_subtitle (self->welcome_title, basename);

  /* No page yet behind the welcome and error screens. */
  adw_window_title_set_title (self->content_title,
                              section != NULL
                              ? gtk_stack_page_get_title (gtk_stack_get_page (self->content_stack,
                                                                              section))
                              : "");
  adw_window_title_set_subtitle (self->content_title, basename);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->content_title), self->path);
}

static void
show_error (HsWindow     *self,
            const GError *error)
{
  g_autofree char *message = g_markup_escape_text (error->message, -1);

  gboolean newer = g_error_matches (error, HS_DATABASE_ERROR, HS_DATABASE_ERROR_NEWER);

  adw_status_page_set_description (self->error_page, message);
  /* A file from a newer version is not damaged: a backup cannot help, the
   * coordinator updates the app or opens another file. */
  gtk_widget_set_visible (self->restore_button, !newer);
  if (newer)
    gtk_widget_add_css_class (self->error_open_button, "suggested-action");
  else
    gtk_widget_remove_css_class (self->error_open_button, "suggested-action");
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

static GtkWidget *
create_sidebar_row (const char *name,
                    const char *title,
                    const char *icon)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *image = gtk_image_new_from_icon_name (icon);
  GtkWidget *label = gtk_label_new (title);

  gtk_widget_set_name (row, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
add_sections (HsWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    gtk_list_box_append (self->sidebar_list,
                         create_sidebar_row (sections[i].name, _(sections[i].title),
                                             sections[i].icon));
}

/* The page of section @name, made the first time it is asked for: a start
 * builds the page it shows, not all seven (their templates, the
 * dashboard's charts, the list's columns) before the first frame. */
static GtkWidget *
ensure_page (HsWindow   *self,
             const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->content_stack, name);

  for (guint i = 0; page == NULL && i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (sections[i].name, name) == 0)
      {
        page = g_object_new (sections[i].get_type (), NULL);
        g_assert (HS_IS_PAGE (page));
        gtk_stack_add_titled (self->content_stack, page, name, _(sections[i].title));
      }
  return page;
}

/* Shows section @name, reloading its page so that it reflects what other
 * pages (or the command line) changed meanwhile. */
void
hs_window_show_section (HsWindow   *self,
                        const char *name)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *page;

  g_return_if_fail (HS_IS_WINDOW (self));

  page = ensure_page (self, name);
  g_return_if_fail (page != NULL);

  hs_page_set_database (HS_PAGE (page), self->database);
  if (!hs_page_reload (HS_PAGE (page), &error))
    {
      show_error (self, error);
      return;
    }
  gtk_stack_set_visible_child (self->content_stack, page);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
  gtk_stack_set_visible_child_name (self->main_stack, "main");
  update_titles (self);
}

GtkWidget *
hs_window_get_section (HsWindow   *self,
                       const char *name)
{
  g_return_val_if_fail (HS_IS_WINDOW (self), NULL);
  return ensure_page (self, name);
}

/* win.show-group (x): a link from elsewhere (a participant's record) to a
 * group's page. */
static void
on_show_group_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);
  GtkWidget *page = hs_window_get_section (self, "groups");

  hs_window_show_section (self, "groups");
  if (HS_IS_GROUPS_PAGE (page))
    hs_groups_page_open_group (HS_GROUPS_PAGE (page), g_variant_get_int64 (parameter));
}

/* win.show-session (x): a session in the calendar opens its group's page at
 * the session's roll call. */
static void
on_show_session_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);
  GtkWidget *page = hs_window_get_section (self, "groups");

  hs_window_show_section (self, "groups");
  if (HS_IS_GROUPS_PAGE (page))
    hs_groups_page_open_session (HS_GROUPS_PAGE (page), g_variant_get_int64 (parameter));
}

static void show_dashboard (HsWindow *self);

/* An import leaves its people out of the search index; it is filled here
 * in steps of a fraction of a second, so that the first search after a big
 * import does not wait for all of it (a search before the end fills the
 * rest itself). */
#define INDEX_STEP_PEOPLE 10000

static gboolean
index_step_cb (gpointer data)
{
  HsWindow *self = data;
  g_autoptr(GError) error = NULL;

  if (hs_participant_index_catch_up (self->database, INDEX_STEP_PEOPLE, &error))
    return G_SOURCE_CONTINUE;
  /* Not fatal: the next search fills the rest itself (and says why if it
   * cannot). Another program writing at the same time is enough for this. */
  if (error != NULL)
    g_message ("Indexing the imported people for search: %s", error->message);
  self->index_id = 0;
  return G_SOURCE_REMOVE;
}

static void
on_import_dialog_imported_cb (HsImportDialog *dialog,
                              HsWindow       *self)
{
  if (self->index_id == 0)
    self->index_id = g_idle_add_full (G_PRIORITY_LOW, index_step_cb, self, NULL);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "main") != 0)
    show_dashboard (self);
  else
    hs_window_show_section (self, gtk_stack_get_visible_child_name (self->content_stack));
  self->data_version = hs_database_get_data_version (self->database);
}

/* win.import: the spreadsheet import wizard. */
static void
on_import_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);
  HsImportDialog *dialog;

  if (self->database == NULL)
    return;
  dialog = hs_import_dialog_new (GTK_WINDOW (self), self->database);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_import_dialog_imported_cb), self,
                           0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* win.back-up and win.restore-backup (also on the damaged-database page). */
static void
on_back_up_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  if (HS_WINDOW (widget)->database != NULL)
    hs_backup_dialogs_back_up (HS_WINDOW (widget));
}

static void
on_restore_backup_action_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  hs_backup_dialogs_restore (HS_WINDOW (widget));
}

/* win.new-group: the New Group dialog, from the welcome page too. */
static void
on_new_group_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HsWindow *self = HS_WINDOW (widget);
  GtkWidget *page = hs_window_get_section (self, "groups");

  if (self->database == NULL)
    return;
  hs_window_show_section (self, "groups");
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  if (HS_IS_GROUPS_PAGE (page))
    hs_groups_page_new_group (HS_GROUPS_PAGE (page));
}

static void
show_dashboard (HsWindow *self)
{
  hs_window_show_section (self, "dashboard");
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
show_sample_data_error (HsWindow     *self,
                        const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Sample Data Could Not Be Loaded"),
                                   error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_sample_data_button_clicked_cb (GtkButton *button,
                                  HsWindow  *self)
{
  g_autoptr(GError) error = NULL;

  if (!hs_sample_data_fill (self->database, NULL, &error))
    {
      show_sample_data_error (self, error);
      return;
    }
  show_dashboard (self);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("Sample programme loaded")));
}

static void
on_sidebar_list_row_selected_cb (GtkListBox    *list,
                                 GtkListBoxRow *row,
                                 HsWindow      *self)
{
  const char *name;

  if (row == NULL)
    return;
  name = gtk_widget_get_name (GTK_WIDGET (row));
  if (g_strcmp0 (name, gtk_stack_get_visible_child_name (self->content_stack)) != 0)
    hs_window_show_section (self, name);
}

static void
on_sidebar_list_row_activated_cb (GtkListBox    *list,
                                  GtkListBoxRow *row,
                                  HsWindow      *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_back_button_clicked_cb (GtkButton *button,
                           HsWindow  *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

void
hs_window_save_state (HsWindow *self)
{
  gboolean maximized;
  int width, height;

  g_return_if_fail (HS_IS_WINDOW (self));

  maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  if (maximized)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
}

static void
load_state (HsWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
hs_window_close_request (GtkWindow *window)
{
  hs_window_save_state (HS_WINDOW (window));

  return GTK_WINDOW_CLASS (hs_window_parent_class)->close_request (window);
}

/* Another program (the CLI, another window) changed the file: show the
 * change instead of stale figures, and say why the page moved. */
static gboolean
watch_database_cb (gpointer data)
{
  HsWindow *self = data;
  gint64 version = hs_database_get_data_version (self->database);
  const char *visible = gtk_stack_get_visible_child_name (self->main_stack);

  if (version == self->data_version)
    return G_SOURCE_CONTINUE;
  self->data_version = version;

  if (g_strcmp0 (visible, "welcome") == 0 && !hs_database_is_empty (self->database))
    show_dashboard (self);
  else if (g_strcmp0 (visible, "main") == 0)
    hs_window_show_section (self, gtk_stack_get_visible_child_name (self->content_stack));
  else
    return G_SOURCE_CONTINUE;
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("Updated with changes made by another program")));
  return G_SOURCE_CONTINUE;
}

void
hs_window_accept_changes (HsWindow *self)
{
  g_return_if_fail (HS_IS_WINDOW (self));

  if (self->database != NULL)
    self->data_version = hs_database_get_data_version (self->database);
}

#define DAILY_BACKUPS_KEPT 7

/* Once a day, a verified copy of the file goes to
 * $XDG_DATA_HOME/healing-spaces/backups/<name>-<hash of its path>/; the
 * last seven are kept. A laptop can die the day before a ceremony. */
static gboolean
make_daily_backup_cb (gpointer data)
{
  HsWindow *self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (self->path);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, self->path, -1);
  g_autofree char *folder = NULL;
  g_autofree char *dir = NULL;

  self->backup_id = 0;
  if (self->database == NULL || hs_application_is_demo_path (self->path)
      || hs_database_is_empty (self->database))
    return G_SOURCE_REMOVE;

  if (g_str_has_suffix (name, ".db"))
    name[strlen (name) - 3] = '\0';
  folder = g_strdup_printf ("%s-%.8s", name, hash);
  dir = g_build_filename (g_get_user_data_dir (), "healing-spaces", "backups", folder, NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0
      || !hs_backup_daily (self->database, dir, DAILY_BACKUPS_KEPT, NULL, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Today’s automatic backup failed: %s"),
                                                  error ? error->message : g_strerror (errno));
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  return G_SOURCE_REMOVE;
}

/* "Recent Databases" in the primary menu, newest first, this one left out. */
static void
update_recent_menu (HsWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-databases");
  g_autoptr(GMenu) files = g_menu_new ();

  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (g_strcmp0 (recent[i], self->path) == 0)
        continue;
      name = g_filename_display_basename (recent[i]);
      item = g_menu_item_new (name, NULL);
      g_menu_item_set_action_and_target (item, "app.open-recent", "s", recent[i]);
      g_menu_append_item (files, item);
    }

  /* No submenu at all rather than an empty one. */
  g_menu_remove_all (self->recent_section);
  if (g_menu_model_get_n_items (G_MENU_MODEL (files)) > 0)
    g_menu_append_submenu (self->recent_section, _("_Recent Databases"), G_MENU_MODEL (files));
}

static void
on_settings_recent_changed_cb (GSettings  *settings,
                               const char *key,
                               HsWindow   *self)
{
  update_recent_menu (self);
}

static void
hs_window_constructed (GObject *object)
{
  HsWindow *self = HS_WINDOW (object);

  G_OBJECT_CLASS (hs_window_parent_class)->constructed (object);

  load_state (self);
  update_titles (self);
  update_recent_menu (self);
  g_signal_connect_object (self->settings, "changed::recent-databases",
                           G_CALLBACK (on_settings_recent_changed_cb), self, 0);

  if (self->error != NULL)
    show_error (self, self->error);
  else if (hs_database_is_empty (self->database))
    gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  else if (self->section != NULL && ensure_page (self, self->section) != NULL)
    {
      hs_window_show_section (self, self->section);
      adw_leaflet_set_visible_child (self->leaflet, self->content);
    }
  else
    show_dashboard (self);

  if (self->database != NULL)
    {
      self->data_version = hs_database_get_data_version (self->database);
      self->watch_id = g_timeout_add_seconds (2, watch_database_cb, self);
      self->backup_id = g_timeout_add_seconds (3, make_daily_backup_cb, self);
      if (hs_participant_index_is_behind (self->database))
        self->index_id = g_idle_add_full (G_PRIORITY_LOW, index_step_cb, self, NULL);
    }
}

static void
hs_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HsWindow *self = HS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  HsWindow *self = HS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;

    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    case PROP_ERROR:
      self->error = g_value_dup_boxed (value);
      break;

    case PROP_SECTION:
      self->section = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hs_window_dispose (GObject *object)
{
  HsWindow *self = HS_WINDOW (object);

  g_clear_handle_id (&self->watch_id, g_source_remove);
  g_clear_handle_id (&self->backup_id, g_source_remove);
  g_clear_handle_id (&self->index_id, g_source_remove);
  /* No gtk_widget_dispose_template (): AdwApplicationWindow's own dispose
   * drops the content, and unparenting it again was a critical warning
   * each time a window closed (a restore, a change of language). */
  g_clear_object (&self->database);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hs_window_parent_class)->dispose (object);
}

static void
hs_window_finalize (GObject *object)
{
  HsWindow *self = HS_WINDOW (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->section, g_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (hs_window_parent_class)->finalize (object);
}

static void
hs_window_class_init (HsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = hs_window_constructed;
  object_class->get_property = hs_window_get_property;
  object_class->set_property = hs_window_set_property;
  object_class->dispose = hs_window_dispose;
  object_class->finalize = hs_window_finalize;
  window_class->close_request = hs_window_close_request;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         HS_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL,
                        G_TYPE_ERROR,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/healingspaces/HealingSpaces/ui/"
                                               "hs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, content);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, welcome_title);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, demo_badge);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, restore_button);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, error_open_button);
  gtk_widget_class_bind_template_child (widget_class, HsWindow, recent_section);
  gtk_widget_class_install_action (widget_class, "win.show-group", "x", on_show_group_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-session", "x",
                                   on_show_session_action_cb);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, on_import_action_cb);
  gtk_widget_class_install_action (widget_class, "win.new-group", NULL, on_new_group_action_cb);
  gtk_widget_class_install_action (widget_class, "win.back-up", NULL, on_back_up_action_cb);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL,
                                   on_restore_backup_action_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sample_data_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);
}

static void
hs_window_init (HsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_sections (self);

  self->settings = hs_settings_new ();
}

/* @database is NULL when opening @path failed with @error. The window
 * shows section @section first (NULL: the dashboard), and builds no other. */
HsWindow *
hs_window_new (HsApplication *application,
               HsDatabase    *database,
               const char    *path,
               const GError  *error,
               const char    *section)
{
  g_return_val_if_fail (HS_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (database == NULL || HS_IS_DATABASE (database), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail ((database == NULL) != (error == NULL), NULL);

  return g_object_new (HS_TYPE_WINDOW,
                       "application", application,
                       "database", database,
                       "path", path,
                       "error", error,
                       "section", section,
                       NULL);
}

HsDatabase *
hs_window_get_database (HsWindow *self)
{
  g_return_val_if_fail (HS_IS_WINDOW (self), NULL);
  return self->database;
}

const char *
hs_window_get_path (HsWindow *self)
{
  g_return_val_if_fail (HS_IS_WINDOW (self), NULL);
  return self->path;
}

const GError *
hs_window_get_error (HsWindow *self)
{
  g_return_val_if_fail (HS_IS_WINDOW (self), NULL);
  return self->error;
}

void
hs_window_show_toast (HsWindow   *self,
                      const char *text)
{
  AdwToast *toast;

  g_return_if_fail (HS_IS_WINDOW (self));
  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
