/* dl-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-preferences-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dl-article.h"
#include "dl-context.h"
#include "dl-dateline.h"
#include "dl-preferences-window.h"
#include "dl-sites-page.h"
#include "dl-renderer.h"

struct _DlPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  DlContext            *context;
  GSettings            *settings;             /* the context's */
  GCancellable         *template_cancellable;
  guint                 updating : 1;

  /* Template widgets */
  AdwEntryRow          *source_row;
  AdwComboRow          *style_row;
  AdwEntryRow          *language_row;
  GtkLabel             *language_error_label;
  AdwEntryRow          *pattern_row;
  GtkLabel             *example_label;
  GtkLabel             *pattern_error_label;
  AdwActionRow         *template_row;
  GtkWidget            *template_reset_button;
  GtkLabel             *template_error_label;
  GtkSwitch            *quotes_switch;
  GtkSwitch            *dashes_switch;
  GtkSwitch            *nbsp_switch;
  GtkSwitch            *spell_switch;
};

G_DEFINE_FINAL_TYPE (DlPreferencesWindow, dl_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)


/* The article language new articles get: the setting, or the same
 * UI-language default a new DlArticle picks. */
static char *
sample_language (DlPreferencesWindow *self)
{
  g_autofree char *language = g_settings_get_string (self->settings, "default-language");
  g_autoptr(DlArticle) article = NULL;

  g_strstrip (language);
  if (language[0] != '\0' && dl_dateline_language_is_known (language))
    return g_steal_pointer (&language);
  article = dl_article_new ();
  return g_strdup (dl_article_get_language (article));
}

/* The sample's place and agency as they are written in its language,
 * like its month: "МИНСК, 8 мая (БЕЛТА) -", never "MINSK, 8 мая
 * (BelTA) -". By the article's language, not the interface's, so not
 * through gettext; languages in Latin script keep the English names. */
typedef struct
{
  const char *language;
  const char *place;
  const char *country;
  const char *source;
} SampleNames;

static const SampleNames sample_names_table[] = {
  { "en", "Minsk", "Belarus", "BelTA" },
  { "ru", "Минск", "Беларусь", "БЕЛТА" },
  { "be", "Мінск", "Беларусь", "БЕЛТА" },
  { "uk", "Мінськ", "Білорусь", "БЕЛТА" },
  { "bg", "Минск", "Беларус", "БЕЛТА" },
  { "sr", "Минск", "Белорусија", "БЕЛТА" },
  { "kk", "Минск", "Беларусь", "БЕЛТА" },
  { "zh", "明斯克", "白俄罗斯", "白通社" },
  { "ja", "ミンスク", "ベラルーシ", "ベルタ通信" },
  { "ar", "مينسك", "بيلاروسيا", "بيلتا" },
};

static const SampleNames *
sample_names (const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (sample_names_table); i++)
    {
      const char *code = sample_names_table[i].language;
      gsize len = strlen (code);

      if (g_ascii_strncasecmp (language, code, len) == 0 && (language[len] == '\0' || language[len] == '-'))
        return &sample_names_table[i];
    }
  return &sample_names_table[0];
}

/* A fixed sample so that the example only changes with the settings:
 * Minsk, Belarus, 2025-05-08 10:06 Europe/Minsk, BelTA. */
static char *
format_sample (DlPreferencesWindow *self,
               const char          *style_id,
               const char          *pattern,
               GError             **error)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 ("2025-05-08T10:06:00+03:00", NULL);
  g_autofree char *language = sample_language (self);
  const SampleNames *names = sample_names (language);
  DlDatelineFields fields = { names->place, "", names->country, date, "Europe/Minsk", names->source, language };

  return dl_dateline_format (&fields, style_id, pattern, error);
}

static void
update_examples (DlPreferencesWindow *self)
{
  g_autofree char *pattern = g_settings_get_string (self->settings, "custom-dateline-pattern");
  g_autofree char *style = g_settings_get_string (self->settings, "default-dateline-style");
  g_autoptr(GError) error = NULL;
  g_autofree char *example = NULL;
  g_autofree char *style_example = NULL;

  example = format_sample (self, DL_DATELINE_STYLE_CUSTOM, pattern, &error);
  gtk_label_set_text (self->example_label, example != NULL ? example : "");
  gtk_label_set_text (self->pattern_error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->pattern_error_label), error != NULL);
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->pattern_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->pattern_row), "error");

  style_example = format_sample (self, style, pattern, NULL);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->style_row),
                               style_example != NULL ? style_example : "");
}

static void
update_style_row (DlPreferencesWindow *self)
{
  g_autofree char *style = g_settings_get_string (self->settings, "default-dateline-style");
  const char * const *ids = dl_dateline_style_list ();
  guint position = 0;

  for (guint i = 0; ids[i] != NULL; i++)
    if (g_str_equal (ids[i], style))
      position = i;

  self->updating = TRUE;
  adw_combo_row_set_selected (self->style_row, position);
  self->updating = FALSE;
}

static void
on_style_selected_cb (DlPreferencesWindow *self)
{
  const char * const *ids = dl_dateline_style_list ();
  guint selected = adw_combo_row_get_selected (self->style_row);

  if (self->updating || self->settings == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  g_settings_set_string (self->settings, "default-dateline-style", ids[selected]);
}

static void
on_pattern_changed_cb (DlPreferencesWindow *self)
{
  /* The pattern is stored as typed, even when wrong, so nothing typed is
   * lost; the error says what to fix and articles meanwhile fall back
   * to the BelTA style with a note. */
  if (self->settings != NULL)
    update_examples (self);
}

static void
on_language_changed_cb (DlPreferencesWindow *self)
{
  g_autofree char *language = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->language_row))));
  gboolean bad = language[0] != '\0' && !dl_dateline_language_is_known (language);

  if (bad)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a known language tag; new articles would be written in English. Use a tag such as en, ru, be or zh-Hans."),
                         language);
      gtk_label_set_text (self->language_error_label, message);
      gtk_widget_add_css_class (GTK_WIDGET (self->language_row), "error");
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->language_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->language_error_label), bad);
}

static void
on_settings_changed_cb (DlPreferencesWindow *self,
                        const char          *key,
                        GSettings           *settings)
{
  if (g_str_equal (key, "default-dateline-style"))
    update_style_row (self);
  update_examples (self);
}

/* Checking a template reads its template.html: not on the main thread. */
static void
check_template_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  g_autoptr(DlRenderer) renderer = dl_renderer_new ();
  GError *error = NULL;

  if (dl_renderer_set_template_dir (renderer, G_FILE (task_data), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_template_checked_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  DlPreferencesWindow *self;

  if (g_task_propagate_boolean (G_TASK (result), &error)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = DL_PREFERENCES_WINDOW (object);
  gtk_label_set_text (self->template_error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->template_error_label), TRUE);
}

static void
update_template_row (DlPreferencesWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "preview-template");
  g_autoptr(GTask) task = NULL;
  g_autoptr(GFile) dir = NULL;

  g_cancellable_cancel (self->template_cancellable);
  g_clear_object (&self->template_cancellable);
  gtk_widget_set_visible (GTK_WIDGET (self->template_error_label), FALSE);
  gtk_widget_set_sensitive (self->template_reset_button, *path != '\0');

  if (*path == '\0')
    {
      adw_action_row_set_subtitle (self->template_row, _("The built-in news site look"));
      return;
    }

  adw_action_row_set_subtitle (self->template_row, path);
  dir = g_file_new_for_path (path);
  self->template_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->template_cancellable, on_template_checked_cb, NULL);
  g_task_set_source_tag (task, update_template_row);
  g_task_set_task_data (task, g_steal_pointer (&dir), g_object_unref);
  g_task_run_in_thread (task, check_template_thread);
}

static void
on_template_chosen_cb (GtkNativeDialog *dialog,
                       int              response,
                       gpointer         user_data)
{
  g_autoptr(DlPreferencesWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        g_settings_set_string (self->settings, "preview-template", path);
    }
  g_object_unref (dialog);
}

static void
choose_template_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Choose the Site Template Folder"), GTK_WINDOW (widget),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_template_chosen_cb), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
reset_template_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  DlPreferencesWindow *self = DL_PREFERENCES_WINDOW (widget);

  g_settings_set_string (self->settings, "preview-template", "");
}

static void
dl_preferences_window_dispose (GObject *object)
{
  DlPreferencesWindow *self = DL_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->template_cancellable);
  g_clear_object (&self->template_cancellable);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  gtk_widget_dispose_template (GTK_WIDGET (self), DL_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (dl_preferences_window_parent_class)->dispose (object);
}

static void
dl_preferences_window_class_init (DlPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/dl-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DlPreferencesWindow, example_label);
  gtk_widget_class_bind_template_child (widget_class, DlPreferencesWindow, language_error_label);
  gtk_widget_class_bind_template_child (widget_class, DlPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, DlPreferencesWindow, pattern_error_label);
  gtk_widget_class_bind_template_child (widget_class, DlPreferencesWindow, pattern_row);
  gtk_widget_class_bind_template_child (widget_class, DlPreferencesWindow, source_row);
  gtk_widget_class_bind_template_child (widget_class, DlPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, DlPreferencesWindow, template_error_label);
  gtk_widget_class_bind_template_child (widget_class, DlPreferencesWindow, template_reset_button);
  gtk_widget_class_bind_template_child (widget_class, DlPreferencesWindow, template_row);
  gtk_widget_class_bind_template_child (widget_class, DlPreferencesWindow, quotes_switch);
  gtk_widget_class_bind_template_child (widget_class, DlPreferencesWindow, dashes_switch);
  gtk_widget_class_bind_template_child (widget_class, DlPreferencesWindow, nbsp_switch);
  gtk_widget_class_bind_template_child (widget_class, DlPreferencesWindow, spell_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_language_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_pattern_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_style_selected_cb);

  gtk_widget_class_install_action (widget_class, "preferences.choose-template", NULL, choose_template_action);
  gtk_widget_class_install_action (widget_class, "preferences.reset-template", NULL, reset_template_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dl_preferences_window_init (DlPreferencesWindow *self)
{
  const char * const *ids = dl_dateline_style_list ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; ids[i] != NULL; i++)
    gtk_string_list_append (names, dl_dateline_style_get_name (ids[i]));
  self->updating = TRUE;
  adw_combo_row_set_model (self->style_row, G_LIST_MODEL (names));
  self->updating = FALSE;
}

/* The rows edit the context's settings: bound once it is known. */
static void
bind_settings (DlPreferencesWindow *self)
{
  self->settings = g_object_ref (dl_context_get_settings (self->context));
  g_settings_bind (self->settings, "default-source", self->source_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "typography-quotes", self->quotes_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "typography-dashes", self->dashes_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "typography-nbsp", self->nbsp_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "spell-check", self->spell_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "custom-dateline-pattern", self->pattern_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "default-language", self->language_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed_cb), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (self->settings, "changed::preview-template",
                           G_CALLBACK (update_template_row), self, G_CONNECT_SWAPPED);

  update_style_row (self);
  update_examples (self);
  update_template_row (self);
  on_language_changed_cb (self);
}

/**
 * dl_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 * @context: whose settings it edits; the house style follows them
 */
GtkWidget *
dl_preferences_window_new (GtkWindow *parent,
                           DlContext *context)
{
  DlPreferencesWindow *self;

  g_return_val_if_fail (DL_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (dl_context_get_settings (context) != NULL, NULL);

  self = g_object_new (DL_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  bind_settings (self);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (dl_sites_page_new (context)));
  return GTK_WIDGET (self);
}
