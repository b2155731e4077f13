/* dl-entry-speller.c: misspelt words underlined in a one-line field
 *
 * The headline and the caption are a few dozen words: they are checked
 * whole, at idle after each change, and the misspelt words underlined
 * with Pango attributes on the field's GtkText. The context menu (right
 * click on the word, or Shift+F10 and Menu with the cursor in it) offers
 * corrections, Add to Dictionary and Ignore, as in the body
 * (dl-spell-highlighter.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-entry-speller"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-entry-speller.h"
#include "dl-prose-words.h"
#include "dl-spell-highlighter.h"

struct _DlEntrySpeller
{
  GObject         parent_instance;

  GtkEditable    *editable;   /* weak: what the user edits */
  GtkText        *text;       /* weak: its GtkText, which draws */
  DlSpellChecker *checker;
  GArray         *misspelt;   /* byte offsets: start, end, start, end… */
  GMenu          *menu;
  GSimpleActionGroup *actions;
  int             menu_start; /* bytes: the word the menu is about */
  int             menu_end;
  guint           idle_id;
  gboolean        enabled;
};

G_DEFINE_FINAL_TYPE (DlEntrySpeller, dl_entry_speller, G_TYPE_OBJECT)

enum {
  WORDS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
on_word_cb (const char        *text,
            const DlProseWord *word,
            gpointer           user_data)
{
  DlEntrySpeller *self = user_data;

  if (!dl_spell_checker_check (self->checker, text + word->offset, word->length))
    {
      int start = (int) word->offset, end = (int) (word->offset + word->length);

      g_array_append_val (self->misspelt, start);
      g_array_append_val (self->misspelt, end);
    }
  return TRUE;
}

static void
check_now (DlEntrySpeller *self)
{
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  const char *text;
  gboolean in_fence = FALSE;

  if (self->editable == NULL || self->text == NULL)
    return;
  g_array_set_size (self->misspelt, 0);
  text = gtk_editable_get_text (self->editable);
  if (self->enabled)
    dl_prose_words_scan (text, -1, &in_fence, on_word_cb, self);
  for (guint i = 0; i < self->misspelt->len; i += 2)
    {
      PangoAttribute *underline = pango_attr_underline_new (PANGO_UNDERLINE_ERROR);
      PangoAttribute *color = pango_attr_underline_color_new (0xe000, 0x1c00, 0x2400);

      underline->start_index = color->start_index = g_array_index (self->misspelt, int, i);
      underline->end_index = color->end_index = g_array_index (self->misspelt, int, i + 1);
      pango_attr_list_insert (attrs, underline);
      pango_attr_list_insert (attrs, color);
    }
  gtk_text_set_attributes (self->text, attrs);
}

static gboolean
on_idle_cb (gpointer data)
{
  DlEntrySpeller *self = data;

  self->idle_id = 0;
  check_now (self);
  return G_SOURCE_REMOVE;
}

static void
on_changed_cb (DlEntrySpeller *self)
{
  if (self->idle_id == 0)
    self->idle_id = g_idle_add_full (G_PRIORITY_LOW, on_idle_cb, self, NULL);
}

/* The menu for the misspelt word around byte @index, or none. */
static void
update_menu (DlEntrySpeller *self,
             int             index)
{
  const char *text = gtk_editable_get_text (self->editable);
  g_autofree char *word = NULL;

  g_menu_remove_all (self->menu);
  if (!self->enabled)
    return;
  check_now (self);
  self->menu_start = self->menu_end = -1;
  for (guint i = 0; i < self->misspelt->len; i += 2)
    {
      int start = g_array_index (self->misspelt, int, i);
      int end = g_array_index (self->misspelt, int, i + 1);

      if (index >= start && index <= end)
        {
          self->menu_start = start;
          self->menu_end = end;
        }
    }
  if (self->menu_start < 0)
    return;
  word = g_strndup (text + self->menu_start, self->menu_end - self->menu_start);
  dl_spell_menu_fill (self->menu, self->checker, word, "entryspell");
}

static int
cursor_index (DlEntrySpeller *self)
{
  const char *text = gtk_editable_get_text (self->editable);
  int position = gtk_editable_get_position (self->editable);

  return (int) (g_utf8_offset_to_pointer (text, position) - text);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   DlEntrySpeller        *self)
{
  if (keyval == GDK_KEY_Menu || (keyval == GDK_KEY_F10 && (state & GDK_SHIFT_MASK)))
    update_menu (self, cursor_index (self));
  return GDK_EVENT_PROPAGATE;
}

/* A one-line GtkText does not say which character is under a point; a
 * layout of the same text in the same font does, but for a scrolled
 * field (longer than it is wide) it is the cursor's word instead. */
static void
on_right_click_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   DlEntrySpeller  *self)
{
  const char *text = gtk_editable_get_text (self->editable);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->text), text);
  int width = 0, index = 0, trailing = 0;

  pango_layout_get_pixel_size (layout, &width, NULL);
  if (width <= gtk_widget_get_width (GTK_WIDGET (self->text))
      && pango_layout_xy_to_index (layout, (int) (x * PANGO_SCALE), 0, &index, &trailing))
    update_menu (self, index);
  else
    update_menu (self, cursor_index (self));
}

static void
correct_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       data)
{
  DlEntrySpeller *self = data;
  const char *text = gtk_editable_get_text (self->editable);
  int start, end, position;

  if (self->menu_start < 0 || self->menu_end > (int) strlen (text))
    return;
  start = (int) g_utf8_pointer_to_offset (text, text + self->menu_start);
  end = (int) g_utf8_pointer_to_offset (text, text + self->menu_end);
  position = start;
  gtk_editable_delete_text (self->editable, start, end);
  gtk_editable_insert_text (self->editable, g_variant_get_string (param, NULL), -1, &position);
  gtk_editable_set_position (self->editable, position);
}

static char *
dup_menu_word (DlEntrySpeller *self)
{
  const char *text = gtk_editable_get_text (self->editable);

  if (self->menu_start < 0 || self->menu_end > (int) strlen (text))
    return NULL;
  return g_strndup (text + self->menu_start, self->menu_end - self->menu_start);
}

static void
add_action (GSimpleAction *action,
            GVariant      *param,
            gpointer       data)
{
  DlEntrySpeller *self = data;
  g_autofree char *word = dup_menu_word (self);
  g_autoptr(GError) error = NULL;

  if (word != NULL && !dl_spell_checker_add (self->checker, word, &error))
    g_message ("%s", error->message);
  g_signal_emit (self, signals[WORDS_CHANGED], 0);
}

static void
ignore_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       data)
{
  DlEntrySpeller *self = data;
  g_autofree char *word = dup_menu_word (self);

  if (word != NULL)
    dl_spell_checker_ignore (self->checker, word);
  g_signal_emit (self, signals[WORDS_CHANGED], 0);
}

void
dl_entry_speller_set_enabled (DlEntrySpeller *self,
                              gboolean        enabled)
{
  g_return_if_fail (DL_IS_ENTRY_SPELLER (self));

  self->enabled = !!enabled;
  check_now (self);
}

void
dl_entry_speller_recheck (DlEntrySpeller *self)
{
  g_return_if_fail (DL_IS_ENTRY_SPELLER (self));
  check_now (self);
}

char *
dl_entry_speller_dup_misspelt (DlEntrySpeller *self)
{
  GString *out = g_string_new ("");
  const char *text;

  g_return_val_if_fail (DL_IS_ENTRY_SPELLER (self), NULL);

  text = self->editable != NULL ? gtk_editable_get_text (self->editable) : "";
  for (guint i = 0; i + 1 < self->misspelt->len; i += 2)
    {
      int start = g_array_index (self->misspelt, int, i);
      int end = g_array_index (self->misspelt, int, i + 1);

      if (end > (int) strlen (text))
        break;
      if (out->len > 0)
        g_string_append_c (out, '|');
      g_string_append_len (out, text + start, end - start);
    }
  return g_string_free (out, FALSE);
}

static void
dl_entry_speller_dispose (GObject *object)
{
  DlEntrySpeller *self = DL_ENTRY_SPELLER (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->editable != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->editable, self);
      g_object_remove_weak_pointer (G_OBJECT (self->editable), (gpointer *) &self->editable);
      self->editable = NULL;
    }
  if (self->text != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->text), (gpointer *) &self->text);
      self->text = NULL;
    }
  g_clear_object (&self->checker);
  g_clear_object (&self->menu);
  g_clear_object (&self->actions);
  g_clear_pointer (&self->misspelt, g_array_unref);

  G_OBJECT_CLASS (dl_entry_speller_parent_class)->dispose (object);
}

static void
dl_entry_speller_class_init (DlEntrySpellerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dl_entry_speller_dispose;

  signals[WORDS_CHANGED] = g_signal_new ("words-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dl_entry_speller_init (DlEntrySpeller *self)
{
  self->misspelt = g_array_new (FALSE, FALSE, sizeof (int));
  self->menu_start = self->menu_end = -1;
}

DlEntrySpeller *
dl_entry_speller_new (GtkEditable    *editable,
                      DlSpellChecker *checker)
{
  static const GActionEntry entries[] = {
    { "correct", correct_action, "s" },
    { "add", add_action },
    { "ignore", ignore_action },
  };
  DlEntrySpeller *self;
  GtkEditable *delegate;
  GtkGesture *click;
  GtkEventController *keys;

  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);
  g_return_val_if_fail (DL_IS_SPELL_CHECKER (checker), NULL);

  /* An entry row's or an entry's own GtkText. */
  delegate = editable;
  while (!GTK_IS_TEXT (delegate) && gtk_editable_get_delegate (delegate) != NULL)
    delegate = gtk_editable_get_delegate (delegate);
  g_return_val_if_fail (GTK_IS_TEXT (delegate), NULL);

  self = g_object_new (DL_TYPE_ENTRY_SPELLER, NULL);
  self->editable = editable;
  self->text = GTK_TEXT (delegate);
  g_object_add_weak_pointer (G_OBJECT (editable), (gpointer *) &self->editable);
  g_object_add_weak_pointer (G_OBJECT (self->text), (gpointer *) &self->text);
  self->checker = g_object_ref (checker);
  g_signal_connect_swapped (editable, "changed", G_CALLBACK (on_changed_cb), self);

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self->text), "entryspell", G_ACTION_GROUP (self->actions));
  self->menu = g_menu_new ();
  gtk_text_set_extra_menu (self->text, G_MENU_MODEL (self->menu));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_right_click_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->text), GTK_EVENT_CONTROLLER (click));
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->text), keys);
  return self;
}
