/* test-dateline-section.c: the editor's dateline group and the
 * Preferences, in a real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include <adwaita.h>

#include "dl-dateline.h"
#include "dl-dateline-section.h"
#include "dl-house-style.h"
#include "dl-preferences-window.h"
#include "dl-resources.h"
#include "dl-test-util.h"

/* Widgets are found by their template "name", as a user finds them by
 * their label: no test-only API in the section. */
static GtkWidget *
find_widget (GtkWidget  *root,
             const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
get_widget (GtkWidget  *root,
            const char *name)
{
  GtkWidget *widget = find_widget (root, name);
  g_assert_nonnull (widget);
  return widget;
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static DlArticle *
make_article (void)
{
  DlArticle *article = dl_article_new ();
  g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 ("2025-05-08T10:06:00+03:00", NULL);

  dl_article_set_place (article, "Minsk");
  dl_article_set_country (article, "Belarus");
  dl_article_set_dateline_date (article, date);
  dl_article_set_time_zone (article, "Europe/Minsk");
  dl_article_set_source (article, "BelTA");
  dl_article_set_language (article, "en");
  return article;
}

typedef struct
{
  GtkWindow *window;
  GtkWidget *section;
  DlArticle *article;
  DlContext *context;
  GSettings *settings;   /* the context's */
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->context = dl_context_new (NULL);
  f->settings = g_object_ref (dl_context_get_settings (f->context));
  g_settings_reset (f->settings, "default-dateline-style");
  g_settings_reset (f->settings, "default-source");
  g_settings_reset (f->settings, "custom-dateline-pattern");
  g_settings_reset (f->settings, "recent-places");

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 800, 700);
  f->section = dl_dateline_section_new ();
  gtk_window_set_child (f->window, f->section);
  f->article = make_article ();
  dl_editor_section_set_context (DL_EDITOR_SECTION (f->section), f->context);
  dl_editor_section_set_article (DL_EDITOR_SECTION (f->section), f->article);
  gtk_window_present (f->window);
  iterate ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  iterate ();
  g_clear_object (&f->article);
  g_clear_object (&f->settings);
  g_clear_object (&f->context);
}

static const char *
dateline_text (Fixture *f)
{
  return gtk_label_get_text (GTK_LABEL (get_widget (f->section, "dateline-label")));
}

static void
test_section_shows_article (Fixture       *f,
                            gconstpointer  data)
{
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_widget (f->section, "place-row"))), ==, "Minsk");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_widget (f->section, "date-row"))), ==,
                   "2025-05-08 10:06");
  g_assert_cmpstr (dateline_text (f), ==, "MINSK, 8 May (BelTA) - ");
}

static void
test_typing_place_updates_live (Fixture       *f,
                                gconstpointer  data)
{
  GtkWidget *place = get_widget (f->section, "place-row");

  gtk_widget_grab_focus (place);
  gtk_editable_set_text (GTK_EDITABLE (place), "Brest");
  iterate ();
  g_assert_cmpstr (dl_article_get_place (f->article), ==, "Brest");
  g_assert_cmpstr (dateline_text (f), ==, "BREST, 8 May (BelTA) - ");

  /* The source too */
  gtk_editable_set_text (GTK_EDITABLE (get_widget (f->section, "source-row")), "Reuters");
  iterate ();
  g_assert_cmpstr (dl_article_get_source (f->article), ==, "Reuters");
  g_assert_cmpstr (dateline_text (f), ==, "BREST, 8 May (Reuters) - ");

  /* An empty source takes the default from Preferences */
  g_settings_set_string (f->settings, "default-source", "BelTA");
  gtk_editable_set_text (GTK_EDITABLE (get_widget (f->section, "source-row")), "");
  iterate ();
  g_assert_cmpstr (dateline_text (f), ==, "BREST, 8 May (BelTA) - ");
}

static void
test_choosing_style (Fixture       *f,
                     gconstpointer  data)
{
  AdwComboRow *style = ADW_COMBO_ROW (get_widget (f->section, "style-row"));
  const char * const *ids = dl_dateline_style_list ();
  guint reuters = 0;
  GtkStringObject *first;

  for (guint i = 0; ids[i] != NULL; i++)
    if (g_str_equal (ids[i], "reuters"))
      reuters = i + 1;   /* after "Default (…)" */

  adw_combo_row_set_selected (style, reuters);
  iterate ();
  g_assert_cmpstr (dl_article_get_dateline_style (f->article), ==, "reuters");
  g_assert_cmpstr (dateline_text (f), ==, "MINSK, May 8 (BelTA) - ");

  adw_combo_row_set_selected (style, 0);
  iterate ();
  g_assert_cmpstr (dl_article_get_dateline_style (f->article), ==, "");
  g_assert_cmpstr (dateline_text (f), ==, "MINSK, 8 May (BelTA) - ");

  /* Changing the default in Preferences changes "Default" articles and
   * the name shown for "Default (…)". */
  g_settings_set_string (f->settings, "default-dateline-style", "afp");
  iterate ();
  g_assert_cmpstr (dateline_text (f), ==, "Minsk (BelTA) - ");
  first = adw_combo_row_get_selected_item (style);
  dl_test_assert_contains (gtk_string_object_get_string (first), "Agence France-Presse");
}

static void
test_bad_time_zone (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *tz = get_widget (f->section, "time-zone-row");
  GtkWidget *error = get_widget (f->section, "error-label");

  g_assert_false (gtk_widget_get_visible (error));
  gtk_editable_set_text (GTK_EDITABLE (tz), "Mars/Olympus");
  iterate ();
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_true (gtk_widget_has_css_class (tz, "error"));
  dl_test_assert_contains (gtk_label_get_text (GTK_LABEL (error)), "Mars/Olympus");
  /* The article keeps its last good zone; nothing typed is lost. */
  g_assert_cmpstr (dl_article_get_time_zone (f->article), ==, "Europe/Minsk");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tz)), ==, "Mars/Olympus");

  gtk_editable_set_text (GTK_EDITABLE (tz), "Asia/Shanghai");
  iterate ();
  g_assert_false (gtk_widget_get_visible (error));
  g_assert_false (gtk_widget_has_css_class (tz, "error"));
  g_assert_cmpstr (dl_article_get_time_zone (f->article), ==, "Asia/Shanghai");
}

/* 23:30 on 7 May at the place; the wall-clock time typed is the place's. */
static void
test_date_entry (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *date = get_widget (f->section, "date-row");
  g_autoptr(GDateTime) expected = g_date_time_new_from_iso8601 ("2025-05-07T20:30:00Z", NULL);

  gtk_editable_set_text (GTK_EDITABLE (date), "2025-05-07 23:30");
  iterate ();
  g_assert_true (g_date_time_equal (dl_article_get_dateline_date (f->article), expected));
  g_assert_cmpstr (dateline_text (f), ==, "MINSK, 7 May (BelTA) - ");

  gtk_editable_set_text (GTK_EDITABLE (date), "7 May");
  iterate ();
  g_assert_true (gtk_widget_has_css_class (date, "error"));
  g_assert_true (gtk_widget_get_visible (get_widget (f->section, "error-label")));
  /* Said in words, with the forms that work (it turned red with no word). */
  dl_test_assert_contains (gtk_label_get_label (GTK_LABEL (get_widget (f->section, "error-label"))),
                           "is not a date and time. Write it as 2025-05-08 10:06");
  g_assert_true (g_date_time_equal (dl_article_get_dateline_date (f->article), expected));

  /* The European way, as in the bug report: 8 May, 10:06 in Minsk. */
  gtk_editable_set_text (GTK_EDITABLE (date), "08.05.2025 10:06");
  iterate ();
  g_assert_false (gtk_widget_has_css_class (date, "error"));
  {
    g_autoptr(GDateTime) european = g_date_time_new_from_iso8601 ("2025-05-08T07:06:00Z", NULL);
    g_assert_true (g_date_time_equal (dl_article_get_dateline_date (f->article), european));
  }
  g_assert_cmpstr (dateline_text (f), ==, "MINSK, 8 May (BelTA) - ");
}

static void
test_recent_places (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *list = get_widget (f->section, "recent-list");
  GtkListBoxRow *row;

  g_settings_set_value (f->settings, "recent-places",
                        g_variant_new_parsed ("[('Dezhou', 'Shandong', 'China', 'Asia/Shanghai'),"
                                              " ('Brest', '', 'Belarus', 'Europe/Minsk')]"));
  iterate ();
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_assert_nonnull (row);
  g_signal_emit_by_name (list, "row-activated", row);
  iterate ();

  g_assert_cmpstr (dl_article_get_place (f->article), ==, "Dezhou");
  g_assert_cmpstr (dl_article_get_region (f->article), ==, "Shandong");
  g_assert_cmpstr (dl_article_get_country (f->article), ==, "China");
  g_assert_cmpstr (dl_article_get_time_zone (f->article), ==, "Asia/Shanghai");
  g_assert_cmpstr (dateline_text (f), ==, "DEZHOU, 8 May (BelTA) - ");

  /* Confirming a new place puts it first. */
  gtk_editable_set_text (GTK_EDITABLE (get_widget (f->section, "place-row")), "Gomel");
  dl_dateline_section_remember_place (DL_DATELINE_SECTION (f->section));
  {
    g_autoptr(GVariant) places = g_settings_get_value (f->settings, "recent-places");
    const char *first;
    g_variant_get_child (places, 0, "(&ssss)", &first, NULL, NULL, NULL);
    g_assert_cmpstr (first, ==, "Gomel");
    g_assert_cmpuint (g_variant_n_children (places), ==, 3);
  }

  /* Leaving an article that names Brest but not its country keeps what
   * was remembered of Brest (it was overwritten with blanks). */
  dl_article_set_region (f->article, "");
  dl_article_set_country (f->article, "");
  dl_article_set_time_zone (f->article, "");
  gtk_editable_set_text (GTK_EDITABLE (get_widget (f->section, "place-row")), "brest");
  iterate ();
  dl_dateline_section_remember_place (DL_DATELINE_SECTION (f->section));
  {
    g_autoptr(GVariant) places = g_settings_get_value (f->settings, "recent-places");
    const char *place, *region, *country, *zone;

    g_assert_cmpuint (g_variant_n_children (places), ==, 3);
    g_variant_get_child (places, 0, "(&s&s&s&s)", &place, &region, &country, &zone);
    g_assert_cmpstr (place, ==, "brest");
    g_assert_cmpstr (country, ==, "Belarus");
    g_assert_cmpstr (zone, ==, "Europe/Minsk");
  }

  /* The popover is wide enough for a name, not 50 pixels. */
  {
    GtkWidget *button = get_widget (f->section, "recent-button");
    GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
    int minimum = 0;

    gtk_widget_measure (gtk_popover_get_child (popover), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
    g_assert_cmpint (minimum, >=, 250);
  }
}

static void
test_preferences (void)
{
  g_autoptr(DlContext) context = dl_context_new (NULL);
  GSettings *settings = dl_context_get_settings (context);
  GtkWidget *window;
  GtkWidget *pattern, *example, *error, *style;

  g_settings_reset (settings, "custom-dateline-pattern");
  g_settings_set_string (settings, "default-language", "en");
  window = dl_preferences_window_new (NULL, context);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  pattern = get_widget (window, "pattern-row");
  example = get_widget (window, "example-label");
  error = get_widget (window, "pattern-error-label");
  style = get_widget (window, "default-style-row");

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (example)), ==, "MINSK, 8 May (BelTA) - ");
  g_assert_false (gtk_widget_get_visible (error));

  gtk_editable_set_text (GTK_EDITABLE (pattern), "{city} [{SOURCE}] {mon} {day}: ");
  iterate ();
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (example)), ==, "Minsk [BELTA] May 8: ");
  g_assert_cmpstr (g_settings_get_string (settings, "custom-dateline-pattern"), ==,
                   "{city} [{SOURCE}] {mon} {day}: ");

  gtk_editable_set_text (GTK_EDITABLE (pattern), "{city} {when}");
  iterate ();
  g_assert_true (gtk_widget_get_visible (error));
  dl_test_assert_contains (gtk_label_get_text (GTK_LABEL (error)), "{when}");

  /* The example follows the default article language. */
  gtk_editable_set_text (GTK_EDITABLE (pattern), "{CITY}, {day} {month} ({source}) - ");
  gtk_editable_set_text (GTK_EDITABLE (get_widget (window, "default-language-row")), "ru");
  iterate ();
  /* In one script: the place and agency as Russian writes them too (it
   * read "MINSK, 8 мая (BelTA) -"). */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (example)), ==, "МИНСК, 8 мая (БЕЛТА) - ");
  g_assert_false (gtk_widget_get_visible (error));

  gtk_editable_set_text (GTK_EDITABLE (get_widget (window, "default-language-row")), "xx");
  iterate ();
  g_assert_true (gtk_widget_get_visible (get_widget (window, "language-error-label")));

  /* The style combo writes the setting, and the context's house style
   * (what composes every dateline) follows it. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (style), 1);   /* reuters */
  iterate ();
  {
    g_autofree char *id = g_settings_get_string (settings, "default-dateline-style");
    const char *house = dl_house_style_get_dateline_style (dl_context_get_house_style (context));
    g_assert_cmpstr (id, ==, "reuters");
    g_assert_cmpstr (house, ==, "reuters");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_settings_reset (settings, "default-language");
  g_settings_reset (settings, "default-dateline-style");
  g_settings_reset (settings, "custom-dateline-pattern");
}

/* The site template folder: a folder without template.html is reported
 * (checked off the main thread), a good one is accepted, and the reset
 * button brings back the built-in look. */
static void
test_preferences_template (void)
{
  g_autoptr(DlContext) context = dl_context_new (NULL);
  GSettings *settings = dl_context_get_settings (context);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dateline-template-XXXXXX", &error);
  g_autofree char *html = NULL;
  GtkWidget *window, *row, *label;
  gint64 deadline;

  g_assert_no_error (error);
  window = dl_preferences_window_new (NULL, context);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  row = get_widget (window, "template-row");
  label = get_widget (window, "template-error-label");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "The built-in news site look");

  g_settings_set_string (settings, "preview-template", dir);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!gtk_widget_get_visible (label) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_visible (label));
  dl_test_assert_contains (gtk_label_get_text (GTK_LABEL (label)), "template.html");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, dir);

  /* A valid template: the error goes away once checked. */
  html = g_build_filename (dir, "template.html", NULL);
  g_assert_true (g_file_set_contents (html,
                                      "<!DOCTYPE html><html lang=\"{{lang}}\"><head>{{head}}</head>"
                                      "<body>{{article}}</body></html>", -1, &error));
  g_settings_set_string (settings, "preview-template", "");
  g_settings_set_string (settings, "preview-template", dir);
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (gtk_widget_get_visible (label));

  gtk_widget_activate_action (window, "preferences.reset-template", NULL);
  iterate ();
  g_assert_cmpstr (g_settings_get_string (settings, "preview-template"), ==, "");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "The built-in news site look");

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_unlink (html);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  /* Referencing the resource links it (and its registration) in. */
  g_assert_nonnull (dl_get_resource ());

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/dateline-section/shows-article", test_section_shows_article);
  ADD ("/dateline-section/typing-place", test_typing_place_updates_live);
  ADD ("/dateline-section/choosing-style", test_choosing_style);
  ADD ("/dateline-section/bad-time-zone", test_bad_time_zone);
  ADD ("/dateline-section/date-entry", test_date_entry);
  ADD ("/dateline-section/recent-places", test_recent_places);
#undef ADD
  g_test_add_func ("/preferences/newsroom", test_preferences);
  g_test_add_func ("/preferences/template", test_preferences_template);

  return g_test_run ();
}
