/* test-sections.c: the credits, classification and featured image sections
 *
 * The widgets run in real, mapped windows (under Xvfb in CI). GTK 4 has no
 * public way to synthesize key events, so the tests drive the widgets one
 * step below the keyboard, through the same entry points a key press
 * reaches:
 *  - typing is gtk_editable_insert_text() of one character at the cursor,
 *    which is what GtkText does with each character the input method
 *    commits;
 *  - Enter is the GtkText "activate" signal and Backspace its "backspace"
 *    keybinding signal, which is what those keys emit;
 *  - pasting puts text on the real clipboard and emits "paste-clipboard",
 *    what Ctrl+V emits;
 *  - Alt+Up/Alt+Down look up the row's shortcut for that exact key
 *    combination and activate its action, as the shortcut controller does;
 *  - buttons are clicked by emitting "clicked", what a mouse click on them
 *    ends in (gtk_widget_activate() would only emit it after a delay).
 *
 * With DL_TEST_SCREENSHOT=file.png the /sections/screenshot case also
 * renders the three sections, filled with a sample article, to that file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#ifdef HAVE_X11
# include <gdk/x11/gdkx.h>
#endif

#include "dl-classification-section.h"
#include "dl-credit-row.h"
#include "dl-credits-section.h"
#include "dl-image-section.h"
#include "dl-resources.h"
#include "dl-tag-entry.h"
#include "dl-test-util.h"

/* Runs the main loop until @condition holds; fails after 10 seconds. */
static void
wait_until (DlTestCondition condition,
            gpointer        data)
{
  g_assert_true (dl_test_wait_until (condition, data, 10000));
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
is_active (gpointer data)
{
  return gtk_window_is_active (data);
}

/* Under Xvfb no window manager gives the window the keyboard focus, and
 * GTK only sends focus-in/out to widgets of an active window; ask the X
 * server directly, as a window manager would. */
static void
activate_window (GtkWindow *window)
{
#ifdef HAVE_X11
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (window));
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  if (GDK_IS_X11_DISPLAY (display))
    {
      XSetInputFocus (gdk_x11_display_get_xdisplay (display),
                      gdk_x11_surface_get_xid (surface),
                      RevertToParent, CurrentTime);
      wait_until (is_active, window);
    }
#endif
}

static gboolean
is_inactive (gpointer data)
{
  return !gtk_window_is_active (data);
}

/* Another application taking the keyboard focus. */
static gboolean
deactivate_window (GtkWindow *window)
{
#ifdef HAVE_X11
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (window));

  if (GDK_IS_X11_DISPLAY (display))
    {
      XSetInputFocus (gdk_x11_display_get_xdisplay (display), None, RevertToNone, CurrentTime);
      wait_until (is_inactive, window);
      return TRUE;
    }
#endif
  return FALSE;
}

static GtkWindow *
show_in_window (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), child);
  /* Something else to take the focus, as the rest of the editor would. */
  gtk_box_append (GTK_BOX (box), gtk_button_new_with_label ("Elsewhere"));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_mapped, child);
  activate_window (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static GtkWidget *
focus_of (GtkWidget *widget)
{
  return gtk_root_get_focus (gtk_widget_get_root (widget));
}

/* ---------------------------------------------------------------- tags */

typedef struct
{
  DlArticle  *article;
  DlTagEntry *entry;
  GtkText    *text;
  GtkWindow  *window;
} TagFixture;

static void
tag_fixture_set_up (TagFixture    *fixture,
                    gconstpointer  data)
{
  fixture->article = dl_article_new ();
  fixture->entry = DL_TAG_ENTRY (dl_tag_entry_new ());
  dl_tag_entry_set_article (fixture->entry, fixture->article);
  fixture->text = GTK_TEXT (gtk_widget_get_template_child (GTK_WIDGET (fixture->entry),
                                                           DL_TYPE_TAG_ENTRY, "text"));
  fixture->window = show_in_window (GTK_WIDGET (fixture->entry));
  gtk_widget_grab_focus (GTK_WIDGET (fixture->entry));
}

static void
tag_fixture_tear_down (TagFixture    *fixture,
                       gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->article);
}

/* What GtkText does with each character the input method commits. */
static void
type_text (GtkText    *text,
           const char *str)
{
  for (const char *p = str; *p; p = g_utf8_next_char (p))
    {
      int position = gtk_editable_get_position (GTK_EDITABLE (text));

      gtk_editable_insert_text (GTK_EDITABLE (text), p, g_utf8_next_char (p) - p, &position);
      gtk_editable_set_position (GTK_EDITABLE (text), position);
    }
}

static void
press_enter (GtkText *text)
{
  g_signal_emit_by_name (text, "activate");
}

static void
press_backspace (GtkText *text)
{
  g_signal_emit_by_name (text, "backspace");
}

static const char *
chip_label (DlTagEntry *entry,
            guint       position)
{
  GtkWidget *chip = dl_tag_entry_get_chip (entry, position);

  g_assert_nonnull (chip);
  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (chip)));
}

static void
assert_tags (DlArticle  *article,
             DlTagEntry *entry,
             const char *expected)
{
  g_auto(GStrv) wanted = expected[0] ? g_strsplit (expected, "|", -1) : g_new0 (char *, 1);
  const char * const *tags = dl_article_get_tags (article);

  g_assert_true (g_strv_equal ((const char * const *) wanted, tags));
  g_assert_cmpuint (dl_tag_entry_get_n_chips (entry), ==, g_strv_length (wanted));
  for (guint i = 0; wanted[i] != NULL; i++)
    g_assert_cmpstr (chip_label (entry, i), ==, wanted[i]);
}

static void
test_tag_entry_enter_adds (TagFixture    *f,
                           gconstpointer  data)
{
  type_text (f->text, "Economy");
  assert_tags (f->article, f->entry, "");

  press_enter (f->text);
  assert_tags (f->article, f->entry, "Economy");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->text)), ==, "");

  /* Enter with nothing typed adds nothing. */
  press_enter (f->text);
  assert_tags (f->article, f->entry, "Economy");
}

static void
test_tag_entry_comma_and_duplicates (TagFixture    *f,
                                     gconstpointer  data)
{
  GtkWidget *chip;

  type_text (f->text, "Economy");
  press_enter (f->text);

  /* The comma ends the tag; "economy" is the same tag in another case. */
  type_text (f->text, "economy,");
  assert_tags (f->article, f->entry, "Economy");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->text)), ==, "");
  chip = dl_tag_entry_get_chip (f->entry, 0);
  g_assert_true (gtk_widget_has_css_class (chip, "dl-tag-duplicate"));

  /* Typing goes on after the comma as the start of the next tag. */
  type_text (f->text, "Belarus, Chi");
  assert_tags (f->article, f->entry, "Economy|Belarus");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->text)), ==, "Chi");
  type_text (f->text, "na");
  press_enter (f->text);
  assert_tags (f->article, f->entry, "Economy|Belarus|China");
}

static void
test_tag_entry_backspace (TagFixture    *f,
                          gconstpointer  data)
{
  type_text (f->text, "one,two,");
  assert_tags (f->article, f->entry, "one|two");

  /* With text in the field, Backspace edits the text, not the tags. */
  type_text (f->text, "th");
  press_backspace (f->text);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->text)), ==, "t");
  assert_tags (f->article, f->entry, "one|two");

  press_backspace (f->text);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->text)), ==, "");
  assert_tags (f->article, f->entry, "one|two");

  press_backspace (f->text);
  assert_tags (f->article, f->entry, "one");
  press_backspace (f->text);
  assert_tags (f->article, f->entry, "");
  press_backspace (f->text);
  assert_tags (f->article, f->entry, "");
}

static gboolean
has_three_tags (gpointer data)
{
  return g_strv_length ((char **) dl_article_get_tags (data)) >= 3;
}

static void
test_tag_entry_paste (TagFixture    *f,
                      gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->text));

  gdk_clipboard_set_text (clipboard, "a, b, c");
  g_signal_emit_by_name (f->text, "paste-clipboard");
  wait_until (has_three_tags, f->article);

  assert_tags (f->article, f->entry, "a|b|c");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->text)), ==, "");
}

static void
test_tag_entry_chip_remove (TagFixture    *f,
                            gconstpointer  data)
{
  GtkWidget *button;

  type_text (f->text, "Belarus,China,Trade,");
  assert_tags (f->article, f->entry, "Belarus|China|Trade");

  button = gtk_widget_get_last_child (dl_tag_entry_get_chip (f->entry, 1));
  g_assert_true (GTK_IS_BUTTON (button));
  gtk_widget_grab_focus (button);
  click (button);
  assert_tags (f->article, f->entry, "Belarus|Trade");

  /* Focus moved to the button of the chip that took its place. */
  g_assert_true (focus_of (GTK_WIDGET (f->entry)) ==
                 gtk_widget_get_last_child (dl_tag_entry_get_chip (f->entry, 1)));

  button = gtk_widget_get_last_child (dl_tag_entry_get_chip (f->entry, 1));
  click (button);
  button = gtk_widget_get_last_child (dl_tag_entry_get_chip (f->entry, 0));
  click (button);
  assert_tags (f->article, f->entry, "");
  g_assert_true (focus_of (GTK_WIDGET (f->entry)) == GTK_WIDGET (f->text));
}

static void
test_tag_entry_follows_article (TagFixture    *f,
                                gconstpointer  data)
{
  const char *tags[] = { "Minsk", "Energy", NULL };
  g_autoptr(DlArticle) other = dl_article_new ();

  dl_article_set_tags (f->article, tags);
  assert_tags (f->article, f->entry, "Minsk|Energy");
  dl_article_add_tag (f->article, "Exports");
  assert_tags (f->article, f->entry, "Minsk|Energy|Exports");

  /* Half-typed text belongs to the article it was typed for. */
  type_text (f->text, "Pend");
  dl_tag_entry_set_article (f->entry, other);
  assert_tags (other, f->entry, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->text)), ==, "");
  g_assert_cmpuint (g_strv_length ((char **) dl_article_get_tags (f->article)), ==, 3);
}

static void
test_tag_entry_focus_leave (TagFixture    *f,
                            gconstpointer  data)
{
  GtkWidget *elsewhere = gtk_widget_get_next_sibling (GTK_WIDGET (f->entry));

  if (!gtk_window_is_active (f->window))
    {
      g_test_skip ("the window is not active (no window manager gave it the focus)");
      return;
    }

  type_text (f->text, "Pending");

  /* Switching to another application is not leaving the field. */
  if (deactivate_window (f->window))
    {
      assert_tags (f->article, f->entry, "");
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->text)), ==, "Pending");
      activate_window (f->window);
      g_assert_true (focus_of (elsewhere) == GTK_WIDGET (f->text));
    }

  gtk_widget_grab_focus (elsewhere);
  assert_tags (f->article, f->entry, "Pending");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->text)), ==, "");
}

/* Clicking a chip's button with a tag half typed: the focus moves to the
 * button first, committing the pending tag, and the click still lands. */
static void
test_tag_entry_pending_then_chip_click (TagFixture    *f,
                                        gconstpointer  data)
{
  GtkWidget *button;

  g_assert_true (gtk_window_is_active (f->window));
  type_text (f->text, "Belarus,China,Pend");
  button = gtk_widget_get_last_child (dl_tag_entry_get_chip (f->entry, 0));
  gtk_widget_grab_focus (button);
  assert_tags (f->article, f->entry, "Belarus|China|Pend");

  g_assert_true (gtk_widget_get_parent (button) == dl_tag_entry_get_chip (f->entry, 0));
  click (button);
  assert_tags (f->article, f->entry, "China|Pend");
}

static void
test_tag_entry_tab_order (TagFixture    *f,
                          gconstpointer  data)
{
  GtkWidget *elsewhere = gtk_widget_get_next_sibling (GTK_WIDGET (f->entry));

  type_text (f->text, "one,two,");
  gtk_widget_grab_focus (elsewhere);
  gtk_editable_set_text (GTK_EDITABLE (f->text), "");

  /* Shift+Tab from the next widget lands on the text field... */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->entry), GTK_DIR_TAB_BACKWARD));
  g_assert_true (focus_of (elsewhere) == GTK_WIDGET (f->text));
  /* ...and walks back through the chips' remove buttons. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->entry), GTK_DIR_TAB_BACKWARD));
  g_assert_true (focus_of (elsewhere) == gtk_widget_get_last_child (dl_tag_entry_get_chip (f->entry, 1)));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->entry), GTK_DIR_TAB_BACKWARD));
  g_assert_true (focus_of (elsewhere) == gtk_widget_get_last_child (dl_tag_entry_get_chip (f->entry, 0)));
  g_assert_false (gtk_widget_child_focus (GTK_WIDGET (f->entry), GTK_DIR_TAB_BACKWARD));

  /* Tab goes forward through the chips to the field, then out. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->entry), GTK_DIR_TAB_FORWARD));
  g_assert_true (focus_of (elsewhere) == gtk_widget_get_last_child (dl_tag_entry_get_chip (f->entry, 1)));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->entry), GTK_DIR_TAB_FORWARD));
  g_assert_true (focus_of (elsewhere) == GTK_WIDGET (f->text));
  g_assert_false (gtk_widget_child_focus (GTK_WIDGET (f->entry), GTK_DIR_TAB_FORWARD));

  /* Tab from the previous widget also lands on the field. */
  gtk_widget_grab_focus (elsewhere);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->entry), GTK_DIR_TAB_FORWARD));
  g_assert_true (focus_of (elsewhere) == GTK_WIDGET (f->text));
}

/* ------------------------------------------------------------- credits */

typedef struct
{
  DlArticle        *article;
  DlCreditsSection *section;
  GtkListBox       *list_box;
  GtkWindow        *window;
} CreditsFixture;

static void
credits_fixture_set_up (CreditsFixture *fixture,
                        gconstpointer   data)
{
  fixture->article = dl_article_new ();
  fixture->section = DL_CREDITS_SECTION (dl_credits_section_new ());
  fixture->list_box = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (fixture->section),
                                                                  DL_TYPE_CREDITS_SECTION, "list_box"));
  dl_editor_section_set_article (DL_EDITOR_SECTION (fixture->section), fixture->article);
  fixture->window = show_in_window (GTK_WIDGET (fixture->section));
}

static void
credits_fixture_tear_down (CreditsFixture *fixture,
                           gconstpointer   data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->article);
}

static DlCreditRow *
credit_row (CreditsFixture *f,
            guint           position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (f->list_box, (int) position);

  g_assert_true (DL_IS_CREDIT_ROW (row));
  return DL_CREDIT_ROW (row);
}

static GtkWidget *
row_child (DlCreditRow *row,
           const char  *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (row), DL_TYPE_CREDIT_ROW, name));
}

/* Checks that the model holds credits named @expected in order and that
 * every row shows the credit at its own position. */
static void
assert_credit_names (CreditsFixture *f,
                     const char     *expected)
{
  g_auto(GStrv) names = g_strsplit (expected, "|", -1);
  GListModel *credits = dl_article_get_credits (f->article);

  g_assert_cmpuint (g_list_model_get_n_items (credits), ==, g_strv_length (names));
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(DlCredit) credit = g_list_model_get_item (credits, i);
      DlCreditRow *row = credit_row (f, i);

      g_assert_cmpstr (dl_credit_get_name (credit), ==, names[i]);
      g_assert_true (dl_credit_row_get_credit (row) == credit);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row_child (row, "name_entry"))), ==, names[i]);
    }
  g_assert_null (gtk_list_box_get_row_at_index (f->list_box, g_strv_length (names)));
}

static void
add_named_credits (CreditsFixture *f,
                   const char     *names)
{
  g_auto(GStrv) split = g_strsplit (names, "|", -1);

  for (guint i = 0; split[i] != NULL; i++)
    {
      g_autoptr(DlCredit) credit = dl_credit_new (DL_CREDIT_ROLE_AUTHOR, split[i], "");
      dl_article_add_credit (f->article, credit);
    }
}

/* Activates what the row's shortcut for @keyval with Alt is bound to. */
static void
press_alt_key (GtkWidget *row,
               guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (row);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, GDK_ALT_MASK);
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !found; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !found; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            {
              found = TRUE;
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                           GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                           row, NULL));
            }
        }
    }
  g_assert_true (found);
}

static void
test_credits_add_and_edit (CreditsFixture *f,
                           gconstpointer   data)
{
  g_autoptr(DlCredit) credit = NULL;
  DlCreditRow *row;

  g_assert_null (gtk_list_box_get_row_at_index (f->list_box, 0));
  click (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->section),
                                                                  DL_TYPE_CREDITS_SECTION, "add_button")));
  g_assert_cmpuint (g_list_model_get_n_items (dl_article_get_credits (f->article)), ==, 1);
  credit = g_list_model_get_item (dl_article_get_credits (f->article), 0);
  row = credit_row (f, 0);
  g_assert_true (dl_credit_row_get_credit (row) == credit);

  /* The new row is ready for typing the name. */
  g_assert_true (gtk_widget_is_ancestor (focus_of (GTK_WIDGET (row)), row_child (row, "name_entry")));

  /* Tab goes from "Add Credit" straight to the first field, then on
   * through the row's controls to the next thing in the window. */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->section),
                                                                    DL_TYPE_CREDITS_SECTION, "add_button")));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_is_ancestor (focus_of (GTK_WIDGET (row)), row_child (row, "name_entry")));
  /* Move up and down are disabled for the only credit, so skipped. */
  {
    const DlCreditRowPart order[] = {
      DL_CREDIT_ROW_PART_ROLE, DL_CREDIT_ROW_PART_TEXT, DL_CREDIT_ROW_PART_REMOVE, DL_CREDIT_ROW_PART_NONE,
    };

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_TAB_FORWARD));
        g_assert_cmpint (dl_credit_row_get_focus_part (row), ==, order[i]);
      }
  }

  /* Edits in the row reach the credit... */
  gtk_editable_set_text (GTK_EDITABLE (row_child (row, "name_entry")), "Anna Ivanova");
  gtk_editable_set_text (GTK_EDITABLE (row_child (row, "text_entry")), "BelTA");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (row_child (row, "role_dropdown")), DL_CREDIT_ROLE_PHOTO);
  g_assert_cmpstr (dl_credit_get_name (credit), ==, "Anna Ivanova");
  g_assert_cmpstr (dl_credit_get_text (credit), ==, "BelTA");
  g_assert_cmpint (dl_credit_get_role (credit), ==, DL_CREDIT_ROLE_PHOTO);

  /* ...and changes made elsewhere show in the row. */
  dl_credit_set_name (credit, "Ivan Petrov");
  dl_credit_set_role (credit, DL_CREDIT_ROLE_TRANSLATION);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row_child (row, "name_entry"))), ==, "Ivan Petrov");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (row_child (row, "role_dropdown"))), ==,
                    DL_CREDIT_ROLE_TRANSLATION);
}

static void
test_credits_move (CreditsFixture *f,
                   gconstpointer   data)
{
  DlCreditRow *row;

  add_named_credits (f, "A|B|C");
  assert_credit_names (f, "A|B|C");

  /* The first row cannot move up nor the last one down. */
  g_assert_false (gtk_widget_get_sensitive (row_child (credit_row (f, 0), "move_up_button")));
  g_assert_true (gtk_widget_get_sensitive (row_child (credit_row (f, 0), "move_down_button")));
  g_assert_false (gtk_widget_get_sensitive (row_child (credit_row (f, 2), "move_down_button")));

  /* The button moves the credit and the focus follows it. */
  row = credit_row (f, 2);
  gtk_widget_grab_focus (row_child (row, "move_up_button"));
  click (row_child (row, "move_up_button"));
  assert_credit_names (f, "A|C|B");
  g_assert_true (focus_of (GTK_WIDGET (f->section)) == row_child (credit_row (f, 1), "move_up_button"));

  /* Reaching the top leaves the focus on the row's other move button. */
  click (row_child (credit_row (f, 1), "move_up_button"));
  assert_credit_names (f, "C|A|B");
  g_assert_true (focus_of (GTK_WIDGET (f->section)) == row_child (credit_row (f, 0), "move_down_button"));

  /* Alt+Down while typing in the name keeps the caret in that name. */
  gtk_widget_grab_focus (row_child (credit_row (f, 0), "name_entry"));
  press_alt_key (GTK_WIDGET (credit_row (f, 0)), GDK_KEY_Down);
  assert_credit_names (f, "A|C|B");
  g_assert_true (gtk_widget_is_ancestor (focus_of (GTK_WIDGET (f->section)),
                                         row_child (credit_row (f, 1), "name_entry")));
  press_alt_key (GTK_WIDGET (credit_row (f, 1)), GDK_KEY_Down);
  assert_credit_names (f, "A|B|C");
  press_alt_key (GTK_WIDGET (credit_row (f, 2)), GDK_KEY_Up);
  assert_credit_names (f, "A|C|B");

  /* Moves made elsewhere (e.g. undo) are shown too. */
  dl_article_move_credit (f->article, 0, 2);
  assert_credit_names (f, "C|B|A");
  g_assert_false (gtk_widget_get_sensitive (row_child (credit_row (f, 0), "move_up_button")));
  g_assert_false (gtk_widget_get_sensitive (row_child (credit_row (f, 2), "move_down_button")));
  g_assert_true (gtk_widget_get_sensitive (row_child (credit_row (f, 2), "move_up_button")));
}

static void
test_credits_remove (CreditsFixture *f,
                     gconstpointer   data)
{
  GtkWidget *add_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->section),
                                                                      DL_TYPE_CREDITS_SECTION, "add_button"));

  add_named_credits (f, "A|B|C");

  gtk_widget_grab_focus (row_child (credit_row (f, 1), "remove_button"));
  click (row_child (credit_row (f, 1), "remove_button"));
  assert_credit_names (f, "A|C");
  g_assert_true (focus_of (add_button) == row_child (credit_row (f, 1), "remove_button"));

  click (row_child (credit_row (f, 1), "remove_button"));
  assert_credit_names (f, "A");
  g_assert_true (focus_of (add_button) == row_child (credit_row (f, 0), "remove_button"));

  click (row_child (credit_row (f, 0), "remove_button"));
  g_assert_cmpuint (g_list_model_get_n_items (dl_article_get_credits (f->article)), ==, 0);
  g_assert_null (gtk_list_box_get_row_at_index (f->list_box, 0));
  g_assert_true (focus_of (add_button) == add_button);
}

static void
test_credits_switch_article (CreditsFixture *f,
                             gconstpointer   data)
{
  g_autoptr(DlArticle) other = dl_article_new ();
  g_autoptr(DlCredit) credit = dl_credit_new (DL_CREDIT_ROLE_EDITING, "Editor", "");

  add_named_credits (f, "A|B");
  dl_article_add_credit (other, credit);
  dl_editor_section_set_article (DL_EDITOR_SECTION (f->section), other);
  g_assert_true (dl_credit_row_get_credit (credit_row (f, 0)) == credit);
  g_assert_null (gtk_list_box_get_row_at_index (f->list_box, 1));

  /* The old article's credits no longer drive the list. */
  add_named_credits (f, "C");
  g_assert_null (gtk_list_box_get_row_at_index (f->list_box, 1));

  dl_editor_section_set_article (DL_EDITOR_SECTION (f->section), NULL);
  g_assert_null (gtk_list_box_get_row_at_index (f->list_box, 0));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->section),
                                                                                       DL_TYPE_CREDITS_SECTION,
                                                                                       "add_button"))));
}

/* ------------------------------------------------------ classification */

/* Types @typed into the entry and returns what completion would insert. */
static char *
complete (GtkEntry   *entry,
          const char *typed)
{
  GtkEntryCompletion *completion = gtk_entry_get_completion (entry);

  gtk_editable_set_text (GTK_EDITABLE (entry), typed);
  gtk_entry_completion_complete (completion);
  return gtk_entry_completion_compute_prefix (completion, typed);
}

static void
test_classification (void)
{
  g_autoptr(DlArticle) article = dl_article_new ();
  g_autoptr(DlArticle) other = dl_article_new ();
  g_autoptr(GtkStringList) known = gtk_string_list_new ((const char *[]) { "Economy", "Politics", "Sport", NULL });
  DlClassificationSection *section = DL_CLASSIFICATION_SECTION (dl_classification_section_new ());
  GtkEntry *entry = GTK_ENTRY (gtk_widget_get_template_child (GTK_WIDGET (section),
                                                             DL_TYPE_CLASSIFICATION_SECTION,
                                                             "category_entry"));
  DlTagEntry *tag_entry = DL_TAG_ENTRY (gtk_widget_get_template_child (GTK_WIDGET (section),
                                                                      DL_TYPE_CLASSIFICATION_SECTION,
                                                                      "tag_entry"));
  GtkWindow *window = show_in_window (GTK_WIDGET (section));
  GtkEntryCompletion *completion = gtk_entry_get_completion (entry);
  GtkTreeModel *model;
  g_autofree char *prefix = NULL;
  const char *tags[] = { "Belarus", NULL };

  dl_article_set_category (article, "Economy");
  dl_article_set_tags (article, tags);
  dl_editor_section_set_article (DL_EDITOR_SECTION (section), article);

  /* The category is bound both ways. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Economy");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Politics");
  g_assert_cmpstr (dl_article_get_category (article), ==, "Politics");
  dl_article_set_category (article, "Society");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Society");
  g_assert_true (dl_tag_entry_get_article (tag_entry) == article);
  g_assert_cmpuint (dl_tag_entry_get_n_chips (tag_entry), ==, 1);

  /* Completion offers the known categories and follows the list. */
  dl_classification_section_set_known_categories (section, G_LIST_MODEL (known));
  g_assert_nonnull (completion);
  model = gtk_entry_completion_get_model (completion);
  g_assert_cmpint (gtk_tree_model_iter_n_children (model, NULL), ==, 3);
  prefix = complete (entry, "Po");
  g_assert_cmpstr (prefix, ==, "Politics");
  g_clear_pointer (&prefix, g_free);

  gtk_string_list_append (known, "Culture");
  g_assert_cmpint (gtk_tree_model_iter_n_children (model, NULL), ==, 4);
  prefix = complete (entry, "Cu");
  g_assert_cmpstr (prefix, ==, "Culture");
  g_clear_pointer (&prefix, g_free);

  gtk_string_list_remove (known, 0);
  g_assert_cmpint (gtk_tree_model_iter_n_children (model, NULL), ==, 3);
  prefix = complete (entry, "Ec");
  g_assert_null (prefix);
  /* Typing went through the binding too. */
  g_assert_cmpstr (dl_article_get_category (article), ==, "Ec");

  /* Another article: its own category and tags; the old one is untouched. */
  dl_editor_section_set_article (DL_EDITOR_SECTION (section), other);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpuint (dl_tag_entry_get_n_chips (tag_entry), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Sport");
  g_assert_cmpstr (dl_article_get_category (other), ==, "Sport");
  g_assert_cmpstr (dl_article_get_category (article), ==, "Ec");

  dl_classification_section_set_known_categories (section, NULL);
  g_assert_cmpint (gtk_tree_model_iter_n_children (model, NULL), ==, 0);

  gtk_window_destroy (window);
}

/* --------------------------------------------------------------- image */

typedef struct
{
  char           *dir;
  DlArticle      *article;
  DlImageSection *section;
  GtkStack       *stack;
  GtkWindow      *window;
} ImageFixture;

static char *
write_png (const char *dir,
           const char *name,
           int         width,
           int         height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);

  /* A sky-to-field gradient, so the screenshot shows a recognisable photo. */
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guchar *p = pixels + y * stride + x * 3;
        gboolean sky = y < height * 3 / 5;

        p[0] = sky ? 80 + 100 * y / height : 60;
        p[1] = sky ? 140 + 80 * y / height : 130 + 60 * x / width;
        p[2] = sky ? 220 : 50;
      }

  gdk_pixbuf_save (pixbuf, path, "png", &error, NULL);
  g_assert_no_error (error);
  return path;
}

static void
image_fixture_set_up (ImageFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("dateline-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->article = dl_article_new ();
  fixture->section = DL_IMAGE_SECTION (dl_image_section_new ());
  fixture->stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture->section),
                                                            DL_TYPE_IMAGE_SECTION, "stack"));
  dl_editor_section_set_article (DL_EDITOR_SECTION (fixture->section), fixture->article);
  fixture->window = show_in_window (GTK_WIDGET (fixture->section));
}

static void
image_fixture_tear_down (ImageFixture  *fixture,
                         gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->article);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static gboolean
is_loaded (gpointer data)
{
  return !dl_image_section_is_loading (data);
}

static void
choose (ImageFixture *f,
        const char   *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  dl_image_section_set_file (f->section, file);
  g_assert_cmpstr (dl_article_get_image_path (f->article), ==, path);
  wait_until (is_loaded, f->section);
}

static GtkWidget *
image_child (ImageFixture *f,
             const char   *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->section), DL_TYPE_IMAGE_SECTION, name));
}

static void
test_image_thumbnail (ImageFixture  *f,
                      gconstpointer  data)
{
  g_autofree char *small = write_png (f->dir, "small.png", 64, 48);
  g_autofree char *large = write_png (f->dir, "large.png", 2400, 1200);
  GdkPaintable *paintable;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->stack), ==, "empty");
  g_assert_false (gtk_widget_get_sensitive (image_child (f, "remove_button")));

  choose (f, small);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->stack), ==, "image");
  paintable = gtk_picture_get_paintable (GTK_PICTURE (image_child (f, "picture")));
  g_assert_true (GDK_IS_TEXTURE (paintable));
  /* A small image is shown as it is, never blown up. */
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 64);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), ==, 48);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (image_child (f, "path_label"))), ==, small);
  g_assert_true (gtk_widget_get_sensitive (image_child (f, "remove_button")));

  /* A large one is scaled down in the worker, keeping its shape. */
  choose (f, large);
  paintable = gtk_picture_get_paintable (GTK_PICTURE (image_child (f, "picture")));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (paintable), ==, 960);
  g_assert_cmpint (gdk_paintable_get_intrinsic_height (paintable), ==, 480);
}

static void
test_image_errors (ImageFixture  *f,
                   gconstpointer  data)
{
  g_autofree char *text_file = g_build_filename (f->dir, "notes.png", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.jpg", NULL);
  GtkLabel *error_label = GTK_LABEL (image_child (f, "error_label"));

  g_assert_true (g_file_set_contents (text_file, "This is not a picture.\n", -1, NULL));
  choose (f, text_file);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->stack), ==, "error");
  dl_test_assert_contains (gtk_label_get_label (error_label), "not an image");
  /* The path is kept and shown, so the user sees what is wrong. */
  g_assert_cmpstr (dl_article_get_image_path (f->article), ==, text_file);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (image_child (f, "path_label"))), ==, text_file);
  g_assert_null (gtk_picture_get_paintable (GTK_PICTURE (image_child (f, "picture"))));

  /* A path set elsewhere (e.g. opening a file) is loaded the same way. */
  dl_article_set_image_path (f->article, missing);
  wait_until (is_loaded, f->section);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->stack), ==, "error");
  dl_test_assert_contains (gtk_label_get_label (error_label), "could not be found");
  g_assert_cmpstr (dl_article_get_image_path (f->article), ==, missing);
}

static void
test_image_fields_and_remove (ImageFixture  *f,
                              gconstpointer  data)
{
  g_autofree char *png = write_png (f->dir, "photo.png", 32, 32);

  choose (f, png);
  gtk_editable_set_text (GTK_EDITABLE (image_child (f, "caption_row")), "Photo courtesy of the BelCCI");
  gtk_editable_set_text (GTK_EDITABLE (image_child (f, "credit_row")), "BelCCI");
  gtk_editable_set_text (GTK_EDITABLE (image_child (f, "alt_row")), "Two men shake hands");
  g_assert_cmpstr (dl_article_get_image_caption (f->article), ==, "Photo courtesy of the BelCCI");
  g_assert_cmpstr (dl_article_get_image_credit (f->article), ==, "BelCCI");
  g_assert_cmpstr (dl_article_get_image_alt (f->article), ==, "Two men shake hands");
  dl_article_set_image_alt (f->article, "Two men shake hands in Minsk");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (image_child (f, "alt_row"))), ==,
                   "Two men shake hands in Minsk");
  g_assert_cmpstr (gtk_picture_get_alternative_text (GTK_PICTURE (image_child (f, "picture"))), ==,
                   "Two men shake hands in Minsk");

  click (image_child (f, "remove_button"));
  g_assert_cmpstr (dl_article_get_image_path (f->article), ==, "");
  g_assert_cmpstr (dl_article_get_image_caption (f->article), ==, "");
  g_assert_cmpstr (dl_article_get_image_alt (f->article), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (image_child (f, "caption_row"))), ==, "");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->stack), ==, "empty");
  g_assert_false (gtk_widget_get_sensitive (image_child (f, "remove_button")));
}

/* ---------------------------------------------------------- screenshot */

static void
save_screenshot (GtkWidget  *widget,
                 const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
test_screenshot (void)
{
  const char *target = g_getenv ("DL_TEST_SCREENSHOT");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *png = NULL;
  g_autoptr(DlArticle) article = dl_article_new ();
  g_autoptr(DlCredit) author = dl_credit_new (DL_CREDIT_ROLE_AUTHOR, "Anna Ivanova", "BelTA");
  g_autoptr(DlCredit) photo = dl_credit_new (DL_CREDIT_ROLE_PHOTO, "", "courtesy of the BelCCI");
  g_autoptr(GtkStringList) known = gtk_string_list_new ((const char *[]) { "Economy", "Politics", NULL });
  const char *tags[] = { "Belarus", "China", "Business cooperation", "Minsk", NULL };
  g_autoptr(GFile) file = NULL;
  GtkWidget *window, *scrolled, *clamp, *box;
  GtkWidget *credits, *classification, *image;

  if (target == NULL)
    {
      g_test_skip ("set DL_TEST_SCREENSHOT=file.png to render the sections");
      return;
    }

  dir = g_dir_make_tmp ("dateline-shot-XXXXXX", &error);
  g_assert_no_error (error);
  png = write_png (dir, "meeting.png", 1200, 675);
  file = g_file_new_for_path (png);

  dl_article_add_credit (article, author);
  dl_article_add_credit (article, photo);
  dl_article_set_category (article, "Economy");
  dl_article_set_tags (article, tags);
  dl_article_set_image_caption (article, "Photo courtesy of the BelCCI");

  credits = dl_credits_section_new ();
  classification = dl_classification_section_new ();
  image = dl_image_section_new ();
  dl_classification_section_set_known_categories (DL_CLASSIFICATION_SECTION (classification), G_LIST_MODEL (known));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), credits);
  gtk_box_append (GTK_BOX (box), classification);
  gtk_box_append (GTK_BOX (box), image);
  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), "Sections");
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 760, 1240);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_mapped, image);

  dl_editor_section_set_article (DL_EDITOR_SECTION (credits), article);
  dl_editor_section_set_article (DL_EDITOR_SECTION (classification), article);
  dl_editor_section_set_article (DL_EDITOR_SECTION (image), article);
  dl_image_section_set_file (DL_IMAGE_SECTION (image), file);
  wait_until (is_loaded, image);
  gtk_widget_grab_focus (GTK_WIDGET (gtk_widget_get_template_child (classification, DL_TYPE_CLASSIFICATION_SECTION, "tag_entry")));

  /* Let the stack's crossfade finish and the last frame be drawn. */
  dl_test_spin (800);

  save_screenshot (window, target);
  g_test_message ("Saved %s", target);

  /* The same sections for a new, empty article. */
  {
    g_autoptr(DlArticle) empty = dl_article_new ();
    g_autofree char *base = g_strndup (target, strlen (target) - (g_str_has_suffix (target, ".png") ? 4 : 0));
    g_autofree char *empty_target = g_strconcat (base, "-empty.png", NULL);

    dl_editor_section_set_article (DL_EDITOR_SECTION (credits), empty);
    dl_editor_section_set_article (DL_EDITOR_SECTION (classification), empty);
    dl_editor_section_set_article (DL_EDITOR_SECTION (image), empty);
    dl_test_spin (800);
    save_screenshot (window, empty_target);
    g_test_message ("Saved %s", empty_target);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (png);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;

  /* The fastest renderer under Xvfb; tests don't need GL. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* Links the resources out of the static library; their constructor
   * registers them. AdwApplication would load style.css itself. */
  g_assert_nonnull (dl_get_resource ());
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/dateline/Dateline/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

#define TAG_TEST(path, func) \
  g_test_add ("/tag-entry/" path, TagFixture, NULL, tag_fixture_set_up, func, tag_fixture_tear_down)
#define CREDITS_TEST(path, func) \
  g_test_add ("/credits/" path, CreditsFixture, NULL, credits_fixture_set_up, func, credits_fixture_tear_down)
#define IMAGE_TEST(path, func) \
  g_test_add ("/image/" path, ImageFixture, NULL, image_fixture_set_up, func, image_fixture_tear_down)

  TAG_TEST ("enter-adds", test_tag_entry_enter_adds);
  TAG_TEST ("comma-and-duplicates", test_tag_entry_comma_and_duplicates);
  TAG_TEST ("backspace", test_tag_entry_backspace);
  TAG_TEST ("paste", test_tag_entry_paste);
  TAG_TEST ("chip-remove", test_tag_entry_chip_remove);
  TAG_TEST ("follows-article", test_tag_entry_follows_article);
  TAG_TEST ("focus-leave", test_tag_entry_focus_leave);
  TAG_TEST ("tab-order", test_tag_entry_tab_order);
  TAG_TEST ("pending-then-chip-click", test_tag_entry_pending_then_chip_click);
  CREDITS_TEST ("add-and-edit", test_credits_add_and_edit);
  CREDITS_TEST ("move", test_credits_move);
  CREDITS_TEST ("remove", test_credits_remove);
  CREDITS_TEST ("switch-article", test_credits_switch_article);
  g_test_add_func ("/classification/category-and-tags", test_classification);
  IMAGE_TEST ("thumbnail", test_image_thumbnail);
  IMAGE_TEST ("errors", test_image_errors);
  IMAGE_TEST ("fields-and-remove", test_image_fields_and_remove);
  g_test_add_func ("/sections/screenshot", test_screenshot);

  return g_test_run ();
}
