/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hs-application"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hs-application.h"
#include "hs-database.h"
#include "hs-graduation.h"
#include "hs-help-window.h"
#include "hs-language.h"
#include "hs-preferences-window.h"
#include "hs-resources.h"
#include "hs-sample-data.h"
#include "hs-settings.h"
#include "hs-window.h"

struct _HsApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  guint           rebuild_source;
};

G_DEFINE_FINAL_TYPE (HsApplication, hs_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database FILE (created when missing)"), N_("FILE") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the demo database, filled with a sample programme"), NULL },
  { "lang", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Show the interface in LANGUAGE: rw (Kinyarwanda) or en (English)"), N_("LANGUAGE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE]") },
  { NULL }
};

/* @path must be canonical (g_canonicalize_filename). */
gboolean
hs_application_is_demo_path (const char *path)
{
  g_autofree char *demo_path = hs_database_demo_path ();
  g_autofree char *canonical = g_canonicalize_filename (demo_path, NULL);

  return g_strcmp0 (path, canonical) == 0;
}

static HsWindow *
find_window (HsApplication *self,
             const char    *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (HS_IS_WINDOW (l->data) && g_strcmp0 (hs_window_get_path (l->data), path) == 0)
      return l->data;
  return NULL;
}

#define MAX_RECENT 8

static void
remember_recent (HsApplication *self,
                 const char    *path)
{
  g_auto(GStrv) old = g_settings_get_strv (self->settings, "recent-databases");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    if (g_strcmp0 (old[i], path) != 0 && g_file_test (old[i], G_FILE_TEST_IS_REGULAR))
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-databases", (const char * const *) recent);
}

/* A database file created now starts with the graduation rule the
 * coordinator chose last (Preferences keeps the two in step); existing
 * databases keep their own. */
static void
seed_graduation_rule (HsApplication *self,
                      HsDatabase    *db)
{
  g_autoptr(GError) error = NULL;
  HsGraduationRule rule;

  rule.min_sessions = g_settings_get_int (self->settings, "graduation-min-sessions");
  rule.excused_counts = g_settings_get_boolean (self->settings, "graduation-excused-counts");
  if (!hs_graduation_rule_set_default (db, &rule, &error))
    g_message ("The new database keeps the built-in graduation rule: %s", error->message);
}

/* For the benchmark (tests/bench-hs.c) only: HS_BENCH_FIRST_FRAME=SECTION
 * opens the window on SECTION ("empty": a bare window of the app instead),
 * prints the monotonic times of opening and of the first painted frame and
 * the peak RSS, then quits. */
static gint64 bench_opened;

static void
on_bench_after_paint_cb (GdkFrameClock *clock,
                         gpointer       user_data)
{
  g_autofree char *status = NULL;
  const char *hwm = NULL;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    hwm = strstr (status, "VmHWM:");
  g_print ("first-frame %" G_GINT64_FORMAT " opened %" G_GINT64_FORMAT " peak-rss-kb %ld\n",
           g_get_monotonic_time (), bench_opened,
           hwm != NULL ? strtol (hwm + strlen ("VmHWM:"), NULL, 10) : 0L);
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, on_bench_after_paint_cb, user_data);
  g_application_quit (G_APPLICATION (user_data));
}

static void
on_bench_window_realize_cb (GtkWidget *window,
                            gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_bench_after_paint_cb), user_data);
}

static const char *
bench_section (void)
{
  const char *section = g_getenv ("HS_BENCH_FIRST_FRAME");

  return section != NULL && !g_str_equal (section, "") && !g_str_equal (section, "1")
         && !g_str_equal (section, "empty") ? section : NULL;
}

static gboolean
open_bench_window (HsApplication *self,
                   GtkWindow     *window)
{
  const char *section = g_getenv ("HS_BENCH_FIRST_FRAME");

  if (section == NULL)
    return FALSE;
  /* The window shows bench_section () already: hs_window_new () was told. */
  if (window == NULL)
    window = GTK_WINDOW (gtk_application_window_new (GTK_APPLICATION (self)));
  g_signal_connect (window, "realize", G_CALLBACK (on_bench_window_realize_cb), self);
  gtk_window_present (window);
  return TRUE;
}

/* A database that cannot be opened still gets a window: it explains what
 * is wrong instead of the app failing silently. */
static HsWindow *
open_window (HsApplication *self,
             const char    *path,
             gboolean       demo)
{
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);
  g_autoptr(HsDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf before;
  gboolean created;
  HsWindow *window;

  /* The demo file named with --db is still the demo: never remembered as
   * the user's database. */
  demo = demo || hs_application_is_demo_path (canonical);

  window = find_window (self, canonical);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return window;
    }

  if (g_strcmp0 (g_getenv ("HS_BENCH_FIRST_FRAME"), "empty") == 0)
    {
      open_bench_window (self, NULL);
      return NULL;
    }
  bench_opened = g_get_monotonic_time ();
  /* Missing, or empty as a file manager's "New Document" leaves it. */
  created = g_stat (canonical, &before) != 0 || before.st_size == 0;
  db = hs_database_open (canonical, &error);
  if (db != NULL && demo && hs_database_is_empty (db) && !hs_sample_data_fill (db, NULL, &error))
    g_clear_object (&db);
  if (db != NULL && !demo)
    {
      if (created)
        seed_graduation_rule (self, db);
      g_settings_set_string (self->settings, "last-database", canonical);
      remember_recent (self, canonical);
    }

  /* The benchmark's section is the first one shown, so the start builds
   * no dashboard it does not show (an unknown name: the dashboard). */
  window = hs_window_new (self, db, canonical, error, bench_section ());
  if (!open_bench_window (self, GTK_WINDOW (window)))
    gtk_window_present (GTK_WINDOW (window));
  return window;
}

static char *
get_default_path (HsApplication *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-database");

  /* A file moved or deleted since must not be recreated empty behind the
   * user's back. */
  if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&last);
  return hs_database_default_path ();
}

static int
hs_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  const char *language;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("healing-spaces %s\n", PACKAGE_VERSION);
      return 0;
    }

  /* main() already applied a valid --lang before GTK started. */
  if (g_variant_dict_lookup (options, "lang", "&s", &language)
      && !hs_language_is_valid (language))
    {
      g_printerr (_("--lang takes rw (Kinyarwanda) or en (English), not “%s”.\n"), language);
      return 1;
    }

  if (g_variant_dict_contains (options, "db") && g_variant_dict_contains (options, "demo"))
    {
      g_printerr (_("Use either --db or --demo, not both.\n"));
      return 1;
    }

  return G_APPLICATION_CLASS (hs_application_parent_class)->handle_local_options (app, options);
}

static int
hs_application_command_line (GApplication            *app,
                             GApplicationCommandLine *command_line)
{
  HsApplication *self = HS_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  gboolean demo = g_variant_dict_contains (options, "demo");
  g_autofree char *path = NULL;
  const char *db_arg;

  g_autofree const char **files = NULL;

  /* A file named without --db, as the file manager and the desktop file do. */
  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files) && files[0] != NULL
      && !g_variant_dict_contains (options, "db"))
    {
      for (guint i = 0; files[i] != NULL; i++)
        {
          g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line,
                                                                                  files[i]);
          g_autofree char *file_path = g_file_get_path (file);

          open_window (self, file_path, FALSE);
        }
      return 0;
    }

  if (g_variant_dict_lookup (options, "db", "^&ay", &db_arg))
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, db_arg);

      path = g_file_get_path (file);
    }
  else if (demo)
    path = hs_database_demo_path ();
  else
    path = get_default_path (self);

  open_window (self, path, demo);
  return 0;
}

static void
hs_application_activate (GApplication *app)
{
  HsApplication *self = HS_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autofree char *path = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }
  path = get_default_path (self);
  open_window (self, path, FALSE);
}

static gboolean
has_preferences_window (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (HS_IS_PREFERENCES_WINDOW (window) && gtk_window_get_transient_for (window) == parent)
        return TRUE;
    }
  return FALSE;
}

/* Every label of a window is translated when it is built, so a new
 * language means a new window on the same database. */
HsWindow *
hs_application_open_path (HsApplication *self,
                          const char    *path)
{
  g_return_val_if_fail (HS_IS_APPLICATION (self), NULL);
  return open_window (self, path, FALSE);
}

static void
rebuild_window (HsApplication *self,
                HsWindow      *old)
{
  GtkWindow *old_window = GTK_WINDOW (old);
  gboolean had_preferences = has_preferences_window (old_window);
  HsWindow *window;
  int width, height;

  window = hs_window_new (self, hs_window_get_database (old), hs_window_get_path (old),
                          hs_window_get_error (old), NULL);
  gtk_window_get_default_size (old_window, &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  if (gtk_window_is_maximized (old_window))
    gtk_window_maximize (GTK_WINDOW (window));
  else
    gtk_window_unmaximize (GTK_WINDOW (window));

  gtk_window_present (GTK_WINDOW (window));
  gtk_window_destroy (old_window);

  if (had_preferences)
    gtk_window_present (GTK_WINDOW (hs_preferences_window_new (GTK_WINDOW (window))));
}

static gboolean
rebuild_windows_cb (gpointer user_data)
{
  HsApplication *self = HS_APPLICATION (user_data);
  g_autofree char *language = g_settings_get_string (self->settings, "language");
  GList *windows;

  self->rebuild_source = 0;
  hs_language_apply (language);

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    if (HS_IS_WINDOW (l->data))
      rebuild_window (self, l->data);
  g_list_free (windows);

  return G_SOURCE_REMOVE;
}

/* Deferred: the preferences window that changed the key is destroyed by
 * the rebuild and must not be torn down inside its own signal handler. */
static void
on_settings_language_changed_cb (GSettings     *settings,
                                 const char    *key,
                                 HsApplication *self)
{
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add (rebuild_windows_cb, self);
}

static void
on_quit_action_activate_cb (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  HsApplication *self = HS_APPLICATION (user_data);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (HS_IS_WINDOW (l->data))
      hs_window_save_state (l->data);
  g_application_quit (G_APPLICATION (self));
}

static void
on_about_action_activate_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  const char *translators = _("translator-credits");
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Healing Spaces"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("Healing Spaces contributors"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Participant records, groups, attendance, certificates "
                                      "and charts for community healing programmes"),
                        NULL);
  if (g_strcmp0 (translators, "translator-credits") != 0)
    adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), translators);
  gtk_window_present (GTK_WINDOW (about));
}

static void
on_preferences_action_activate_cb (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (hs_preferences_window_new (parent)));
}

static void
on_shortcuts_action_activate_cb (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        HsApplication   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      gboolean create = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser))
                        == GTK_FILE_CHOOSER_ACTION_SAVE;

      /* "New" never replaces a file: its data would be lost for good. */
      if (path != NULL && create && g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_autofree char *name = g_filename_display_basename (path);
          GtkWidget *dialog;

          dialog = adw_message_dialog_new (gtk_native_dialog_get_transient_for (chooser),
                                           _("The File Already Exists"), NULL);
          adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                          _("“%s” is already there. Choose another name for the "
                                            "new database, or use Open Database to open it."),
                                          name);
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
      else if (path != NULL)
        open_window (self, path, FALSE);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
run_chooser (HsApplication        *self,
             GtkFileChooserAction  action)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  gboolean create = action == GTK_FILE_CHOOSER_ACTION_SAVE;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (create ? _("New Database") : _("Open Database"), parent,
                                         action, create ? _("_Create") : _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Healing Spaces databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (create)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("programme.db"));
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_open_database_action_activate_cb (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  run_chooser (HS_APPLICATION (user_data), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
on_new_database_action_activate_cb (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  run_chooser (HS_APPLICATION (user_data), GTK_FILE_CHOOSER_ACTION_SAVE);
}

static void
on_open_recent_action_activate_cb (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  open_window (HS_APPLICATION (user_data), g_variant_get_string (parameter, NULL), FALSE);
}

static void
on_help_action_activate_cb (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (hs_help_window_new (parent));
}

static const GActionEntry app_actions[] = {
  { "help", on_help_action_activate_cb },
  { "open-database", on_open_database_action_activate_cb },
  { "new-database", on_new_database_action_activate_cb },
  { "open-recent", on_open_recent_action_activate_cb, "s" },
  { "quit", on_quit_action_activate_cb },
  { "about", on_about_action_activate_cb },
  { "preferences", on_preferences_action_activate_cb },
  { "shortcuts", on_shortcuts_action_activate_cb },
};

static void
hs_application_startup (GApplication *app)
{
  GtkApplication *gtk_app = GTK_APPLICATION (app);

  G_APPLICATION_CLASS (hs_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  gtk_application_set_accels_for_action (gtk_app, "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (gtk_app, "app.open-database",
                                         (const char *[]) { "<Control>o", NULL });
  gtk_application_set_accels_for_action (gtk_app, "app.help",
                                         (const char *[]) { "F1", NULL });
  gtk_application_set_accels_for_action (gtk_app, "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (gtk_app, "window.close",
                                         (const char *[]) { "<Control>w", NULL });
}

static void
hs_application_dispose (GObject *object)
{
  HsApplication *self = HS_APPLICATION (object);

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hs_application_parent_class)->dispose (object);
}

/* The windows go before the process does, so that each database is
 * closed, its log checkpointed and the clean close recorded (the next
 * start then skips the whole-file check). */
static void
hs_application_shutdown (GApplication *app)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (windows->data);
  G_APPLICATION_CLASS (hs_application_parent_class)->shutdown (app);
}

static void
hs_application_class_init (HsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = hs_application_dispose;
  app_class->handle_local_options = hs_application_handle_local_options;
  app_class->command_line = hs_application_command_line;
  app_class->activate = hs_application_activate;
  app_class->startup = hs_application_startup;
  app_class->shutdown = hs_application_shutdown;

  /* The bundle lives in a static library, where a constructor would be
   * dropped by the linker: register it before any template is loaded. */
  hs_register_resource ();
}

static void
hs_application_init (HsApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Records and figures for community healing "
                                              "programmes."));

  self->settings = hs_settings_new ();
  g_signal_connect (self->settings, "changed::language",
                    G_CALLBACK (on_settings_language_changed_cb), self);
}

HsApplication *
hs_application_new (void)
{
  return g_object_new (HS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       NULL);
}
