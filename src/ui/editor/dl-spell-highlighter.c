/* dl-spell-highlighter.c: misspelt words underlined in a text view
 *
 * Typing must never wait for the dictionary. An edit only marks the text
 * around it "unchecked" (a tag without looks, so the marks move with the
 * text); an idle handler at low priority checks unchecked words in
 * slices of a few milliseconds, what is on screen first, and underlines
 * the misspelt ones. A freshly opened 20,000-word story is underlined
 * screen first, the rest in the background; a keystroke costs marking
 * one word and, at the next idle, checking it (bench/bench-spell.c).
 *
 * Within a line, dl_prose_words_scan() says which words are prose (not
 * Markdown syntax, addresses or code); a fenced block is found from the
 * buffer (dl-markdown-lines.c). An edit that adds or removes syntax
 * (` [ ] ( ) < > : @ / *) rechecks its whole line, since it may turn
 * words into code or back.
 *
 * The context menu (right click, Menu or Shift+F10 on a word) offers up
 * to five corrections, Add to Dictionary and Ignore.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-spell-highlighter"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-markdown-lines.h"
#include "dl-prose-words.h"
#include "dl-spell-highlighter.h"

/* Per idle dispatch: well under a frame. */
#define SLICE_USEC 3000
#define MAX_SUGGESTIONS 5

struct _DlSpellHighlighter
{
  GObject         parent_instance;

  GtkTextView    *view;        /* weak */
  GtkTextBuffer  *buffer;      /* the view's, referenced */
  DlSpellChecker *checker;
  GtkTextTag     *misspelt;
  GtkTextTag     *unchecked;
  GSimpleActionGroup *actions;
  GtkTextMark    *word_start;  /* the word the menu is about */
  GtkTextMark    *word_end;
  GMenu          *menu;
  guint           idle_id;
  gboolean        enabled;
  /* The fence state at the start of this line, from the last slice. */
  int             fence_line;
  gboolean        fence_state;
};

G_DEFINE_FINAL_TYPE (DlSpellHighlighter, dl_spell_highlighter, G_TYPE_OBJECT)

enum {
  WORDS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean on_idle_cb (gpointer data);

/* What is on screen is checked before the text view lays out the rest of
 * a long body (it does so in idle, at GTK_TEXT_VIEW_PRIORITY_VALIDATE,
 * redraw + 5): right after a redraw. The rest waits for everything else. */
#define PRIORITY_VISIBLE (G_PRIORITY_HIGH_IDLE + 22)
#define PRIORITY_REST    G_PRIORITY_LOW

static void
schedule (DlSpellHighlighter *self)
{
  if (self->idle_id == 0 && self->enabled)
    self->idle_id = g_idle_add_full (PRIORITY_VISIBLE, on_idle_cb, self, NULL);
}

static GtkTextTag *
ensure_tag (GtkTextBuffer *buffer,
            const char    *name,
            gboolean       underline)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);

  if (tag != NULL)
    return tag;
  if (underline)
    {
      GdkRGBA red = { 0.88, 0.11, 0.14, 1.0 };

      return gtk_text_buffer_create_tag (buffer, name, "underline", PANGO_UNDERLINE_ERROR,
                                         "underline-rgba", &red, NULL);
    }
  return gtk_text_buffer_create_tag (buffer, name, NULL);
}

/* Whether a change of @text may change what is code or a link. */
static gboolean
touches_syntax (const char *text,
                gssize      length)
{
  gsize n = length < 0 ? strlen (text) : (gsize) length;

  for (gsize i = 0; i < n; i++)
    if (strchr ("`[]()<>:@/*~\n", text[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* From the start of the word before @start to the end of the word after
 * @end, or the whole lines when syntax changed. */
static void
mark_unchecked (DlSpellHighlighter *self,
                GtkTextIter        *start,
                GtkTextIter        *end,
                gboolean            whole_lines)
{
  GtkTextIter s = *start, e = *end;

  if (whole_lines)
    {
      gtk_text_iter_set_line_offset (&s, 0);
      if (!gtk_text_iter_ends_line (&e))
        gtk_text_iter_forward_to_line_end (&e);
    }
  else
    {
      /* Two characters around: the word the edit touched. */
      gtk_text_iter_backward_chars (&s, 2);
      gtk_text_iter_forward_chars (&e, 2);
    }
  gtk_text_buffer_apply_tag (self->buffer, self->unchecked, &s, &e);
  schedule (self);
}

static void
on_insert_text_cb (DlSpellHighlighter *self,
                   GtkTextIter        *location,
                   const char         *text,
                   int                 length)
{
  GtkTextIter start = *location;

  if (!self->enabled)
    return;
  gtk_text_iter_backward_chars (&start, g_utf8_strlen (text, length));
  mark_unchecked (self, &start, location, touches_syntax (text, length) || length > 64);
}

static void
on_delete_range_cb (DlSpellHighlighter *self,
                    GtkTextIter        *start,
                    GtkTextIter        *end)
{
  if (!self->enabled)
    return;
  /* After the deletion both are the same place. */
  mark_unchecked (self, start, end, TRUE);
}

typedef struct
{
  DlSpellHighlighter *self;
  GtkTextIter         line_start;     /* of the scanned text */
  const char         *text;
  gsize               last_byte;
  int                 last_char;      /* the character offset of last_byte, from line_start */
  GArray             *ranges;         /* unchecked [start, end) character offsets */
} Scan;

static gboolean
on_word_cb (const char        *text,
            const DlProseWord *word,
            gpointer           user_data)
{
  Scan *scan = user_data;
  int start, end;
  gboolean wanted = FALSE;

  scan->last_char += g_utf8_pointer_to_offset (text + scan->last_byte, text + word->offset);
  scan->last_byte = word->offset;
  start = scan->last_char;
  end = start + g_utf8_strlen (text + word->offset, word->length);

  for (guint i = 0; i < scan->ranges->len && !wanted; i += 2)
    {
      int s = g_array_index (scan->ranges, int, i);
      int e = g_array_index (scan->ranges, int, i + 1);

      wanted = start < e && end > s;
    }
  if (wanted && !dl_spell_checker_check (scan->self->checker, text + word->offset, word->length))
    {
      GtkTextIter ws = scan->line_start, we;

      gtk_text_iter_forward_chars (&ws, start);
      we = ws;
      gtk_text_iter_forward_chars (&we, end - start);
      gtk_text_buffer_apply_tag (scan->self->buffer, scan->self->misspelt, &ws, &we);
    }
  return TRUE;
}

/* Checks the unchecked words of the line at @iter (its unchecked parts
 * become checked). */
static void
check_line (DlSpellHighlighter *self,
            GtkTextIter        *iter)
{
  GtkTextIter line_start = *iter, line_end, pos;
  g_autofree char *text = NULL;
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (int));
  int line = gtk_text_iter_get_line (iter);
  gboolean in_fence;
  Scan scan;

  gtk_text_iter_set_line_offset (&line_start, 0);
  line_end = line_start;
  if (!gtk_text_iter_ends_line (&line_end))
    gtk_text_iter_forward_to_line_end (&line_end);

  /* The unchecked stretches of this line, and the misspelt marks in them
   * go: they are decided again. */
  pos = line_start;
  if (!gtk_text_iter_has_tag (&pos, self->unchecked))
    gtk_text_iter_forward_to_tag_toggle (&pos, self->unchecked);
  while (gtk_text_iter_compare (&pos, &line_end) <= 0 && gtk_text_iter_has_tag (&pos, self->unchecked))
    {
      GtkTextIter stop = pos;
      int s, e;

      gtk_text_iter_forward_to_tag_toggle (&stop, self->unchecked);
      if (gtk_text_iter_compare (&stop, &line_end) > 0)
        stop = line_end;
      s = gtk_text_iter_get_line_offset (&pos);
      e = gtk_text_iter_get_line (&stop) == line ? gtk_text_iter_get_line_offset (&stop) : G_MAXINT;
      /* A misspelt word partly inside is decided again as a whole. */
      {
        GtkTextIter ws = pos, we = stop;

        if (gtk_text_iter_has_tag (&ws, self->misspelt) && !gtk_text_iter_starts_tag (&ws, self->misspelt))
          gtk_text_iter_backward_to_tag_toggle (&ws, self->misspelt);
        if (gtk_text_iter_has_tag (&we, self->misspelt))
          gtk_text_iter_forward_to_tag_toggle (&we, self->misspelt);
        if (gtk_text_iter_get_line (&ws) == line)
          s = MIN (s, gtk_text_iter_get_line_offset (&ws));
        if (gtk_text_iter_get_line (&we) == line)
          e = MAX (e, gtk_text_iter_get_line_offset (&we));
        gtk_text_buffer_remove_tag (self->buffer, self->misspelt, &ws, &we);
      }
      g_array_append_val (ranges, s);
      g_array_append_val (ranges, e);
      pos = stop;
      if (gtk_text_iter_equal (&stop, &line_end) || !gtk_text_iter_forward_to_tag_toggle (&pos, self->unchecked))
        break;
    }
  /* The newline is part of the line's unchecked stretch. */
  {
    GtkTextIter next = line_end;

    gtk_text_iter_forward_line (&next);
    gtk_text_buffer_remove_tag (self->buffer, self->unchecked, &line_start, &next);
  }
  if (ranges->len == 0)
    return;

  /* Whether this line is in a fenced block: carried from the previous
   * line checked when it was the one before. */
  if (self->fence_line == line)
    in_fence = self->fence_state;
  else
    in_fence = dl_markdown_lines_in_fence (&line_start);

  text = gtk_text_iter_get_slice (&line_start, &line_end);
  scan = (Scan) { self, line_start, text, 0, 0, ranges };
  dl_prose_words_scan (text, -1, &in_fence, on_word_cb, &scan);
  /* The newline ends the line: a fence line toggles for the next one. */
  self->fence_line = line + 1;
  self->fence_state = in_fence;
}

/* The first unchecked text at or after @from, before @limit. */
static gboolean
next_unchecked (DlSpellHighlighter *self,
                GtkTextIter        *iter,
                const GtkTextIter  *limit)
{
  if (gtk_text_iter_has_tag (iter, self->unchecked))
    return TRUE;
  if (!gtk_text_iter_forward_to_tag_toggle (iter, self->unchecked))
    return FALSE;
  return gtk_text_iter_has_tag (iter, self->unchecked)
         && (limit == NULL || gtk_text_iter_compare (iter, limit) < 0);
}

static gboolean
on_idle_cb (gpointer data)
{
  DlSpellHighlighter *self = data;
  gint64 deadline = g_get_monotonic_time () + SLICE_USEC;
  GtkTextIter visible_start, visible_end, iter;
  gboolean more = FALSE;

  if (self->view == NULL || !self->enabled)
    {
      self->idle_id = 0;
      return G_SOURCE_REMOVE;
    }

  /* What is on screen first (only that at the visible priority). */
  {
    GdkRectangle rect;

    gtk_text_view_get_visible_rect (self->view, &rect);
    gtk_text_view_get_line_at_y (self->view, &visible_start, rect.y, NULL);
    gtk_text_view_get_line_at_y (self->view, &visible_end, rect.y + rect.height, NULL);
    if (!gtk_text_iter_ends_line (&visible_end))
      gtk_text_iter_forward_to_line_end (&visible_end);
  }
  iter = visible_start;
  while (next_unchecked (self, &iter, &visible_end))
    {
      check_line (self, &iter);
      if (!gtk_text_iter_forward_line (&iter) || g_get_monotonic_time () > deadline)
        break;
    }
  /* Then the rest, from the top, at the low priority only. */
  gtk_text_buffer_get_start_iter (self->buffer, &iter);
  while (g_source_get_priority (g_main_current_source ()) == PRIORITY_REST
         && g_get_monotonic_time () <= deadline && next_unchecked (self, &iter, NULL))
    {
      check_line (self, &iter);
      if (!gtk_text_iter_forward_line (&iter))
        break;
    }
  gtk_text_buffer_get_start_iter (self->buffer, &iter);
  more = next_unchecked (self, &iter, NULL);
  self->idle_id = 0;
  if (more)
    self->idle_id = g_idle_add_full (PRIORITY_REST, on_idle_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

void
dl_spell_highlighter_recheck (DlSpellHighlighter *self)
{
  GtkTextIter start, end;

  g_return_if_fail (DL_IS_SPELL_HIGHLIGHTER (self));

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->misspelt, &start, &end);
  if (!self->enabled)
    {
      gtk_text_buffer_remove_tag (self->buffer, self->unchecked, &start, &end);
      return;
    }
  gtk_text_buffer_apply_tag (self->buffer, self->unchecked, &start, &end);
  self->fence_line = -1;
  schedule (self);
}

void
dl_spell_highlighter_set_enabled (DlSpellHighlighter *self,
                                  gboolean            enabled)
{
  g_return_if_fail (DL_IS_SPELL_HIGHLIGHTER (self));

  if (self->enabled == !!enabled)
    return;
  self->enabled = !!enabled;
  if (!self->enabled)
    g_clear_handle_id (&self->idle_id, g_source_remove);
  dl_spell_highlighter_recheck (self);
}

gboolean
dl_spell_highlighter_is_busy (DlSpellHighlighter *self)
{
  g_return_val_if_fail (DL_IS_SPELL_HIGHLIGHTER (self), FALSE);
  return self->idle_id != 0;
}

/* The context menu */

void
dl_spell_menu_fill (GMenu          *menu,
                    DlSpellChecker *checker,
                    const char     *word,
                    const char     *prefix)
{
  g_autoptr(GMenu) corrections = g_menu_new ();
  g_autoptr(GMenu) choices = g_menu_new ();
  g_auto(GStrv) suggestions = dl_spell_checker_suggest (checker, word, -1, MAX_SUGGESTIONS);
  g_autofree char *correct = g_strconcat (prefix, ".correct", NULL);
  g_autofree char *none = g_strconcat (prefix, ".none", NULL);
  g_autofree char *add = g_strconcat (prefix, ".add", NULL);
  g_autofree char *ignore = g_strconcat (prefix, ".ignore", NULL);
  g_autofree char *add_label = NULL;

  for (guint i = 0; suggestions[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (suggestions[i], NULL);

      g_menu_item_set_action_and_target_value (item, correct, g_variant_new_string (suggestions[i]));
      g_menu_append_item (corrections, item);
    }
  /* An action nobody has: shown, greyed out. */
  if (suggestions[0] == NULL)
    g_menu_append (corrections, _("No Suggestions"), none);
  /* Translators: a menu item; %s is the misspelt word. */
  add_label = g_strdup_printf (_("_Add “%s” to Dictionary"), word);
  g_menu_append (choices, add_label, add);
  g_menu_append (choices, _("_Ignore"), ignore);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (corrections));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (choices));
}

static char *
dup_menu_word (DlSpellHighlighter *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &start, self->word_start);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &end, self->word_end);
  return gtk_text_iter_get_slice (&start, &end);
}

/* Fills the menu for the misspelt word at @iter, or empties it. */
static void
update_menu (DlSpellHighlighter *self,
             GtkTextIter        *iter)
{
  GtkTextIter start = *iter, end = *iter;
  g_autofree char *word = NULL;

  g_menu_remove_all (self->menu);
  if (!self->enabled)
    return;
  /* On a misspelt word, or just after one (the cursor at its end). */
  if (!gtk_text_iter_has_tag (&start, self->misspelt))
    {
      if (!gtk_text_iter_backward_char (&start) || !gtk_text_iter_has_tag (&start, self->misspelt))
        return;
      end = start;
    }
  if (!gtk_text_iter_starts_tag (&start, self->misspelt))
    gtk_text_iter_backward_to_tag_toggle (&start, self->misspelt);
  gtk_text_iter_forward_to_tag_toggle (&end, self->misspelt);
  gtk_text_buffer_move_mark (self->buffer, self->word_start, &start);
  gtk_text_buffer_move_mark (self->buffer, self->word_end, &end);
  word = gtk_text_iter_get_slice (&start, &end);

  dl_spell_menu_fill (self->menu, self->checker, word, "spell");
}

static void
on_right_click_cb (GtkGestureClick    *gesture,
                   int                 n_press,
                   double              x,
                   double              y,
                   DlSpellHighlighter *self)
{
  GtkTextIter iter;
  int bx, by;

  if (self->view == NULL)
    return;
  gtk_text_view_window_to_buffer_coords (self->view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y, &bx, &by);
  gtk_text_view_get_iter_at_location (self->view, &iter, bx, by);
  update_menu (self, &iter);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   DlSpellHighlighter    *self)
{
  GtkTextIter cursor;

  /* The keys that open the context menu; the view opens it after us. */
  if (keyval == GDK_KEY_Menu || (keyval == GDK_KEY_F10 && (state & GDK_SHIFT_MASK)))
    {
      gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
      update_menu (self, &cursor);
    }
  return GDK_EVENT_PROPAGATE;
}

static void
correct_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       data)
{
  DlSpellHighlighter *self = data;
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &start, self->word_start);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &end, self->word_end);
  gtk_text_buffer_begin_user_action (self->buffer);
  gtk_text_buffer_delete (self->buffer, &start, &end);
  gtk_text_buffer_insert (self->buffer, &start, g_variant_get_string (param, NULL), -1);
  gtk_text_buffer_end_user_action (self->buffer);
  gtk_text_buffer_place_cursor (self->buffer, &start);
}

static void
add_action (GSimpleAction *action,
            GVariant      *param,
            gpointer       data)
{
  DlSpellHighlighter *self = data;
  g_autofree char *word = dup_menu_word (self);
  g_autoptr(GError) error = NULL;

  if (!dl_spell_checker_add (self->checker, word, &error))
    g_message ("%s", error->message);
  g_signal_emit (self, signals[WORDS_CHANGED], 0);
}

static void
ignore_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       data)
{
  DlSpellHighlighter *self = data;
  g_autofree char *word = dup_menu_word (self);

  dl_spell_checker_ignore (self->checker, word);
  g_signal_emit (self, signals[WORDS_CHANGED], 0);
}

static void
dl_spell_highlighter_dispose (GObject *object)
{
  DlSpellHighlighter *self = DL_SPELL_HIGHLIGHTER (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->view != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->view), (gpointer *) &self->view);
      self->view = NULL;
    }
  if (self->buffer != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->buffer, self);
      gtk_text_buffer_delete_mark (self->buffer, self->word_start);
      gtk_text_buffer_delete_mark (self->buffer, self->word_end);
      g_clear_object (&self->buffer);
    }
  g_clear_object (&self->checker);
  g_clear_object (&self->actions);
  g_clear_object (&self->menu);

  G_OBJECT_CLASS (dl_spell_highlighter_parent_class)->dispose (object);
}

static void
dl_spell_highlighter_class_init (DlSpellHighlighterClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dl_spell_highlighter_dispose;

  signals[WORDS_CHANGED] = g_signal_new ("words-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dl_spell_highlighter_init (DlSpellHighlighter *self)
{
  self->fence_line = -1;
}

DlSpellHighlighter *
dl_spell_highlighter_new (GtkTextView    *view,
                          DlSpellChecker *checker)
{
  static const GActionEntry entries[] = {
    { "correct", correct_action, "s" },
    { "add", add_action },
    { "ignore", ignore_action },
  };
  DlSpellHighlighter *self;
  GtkGesture *click;
  GtkEventController *keys;
  GtkTextIter start;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);
  g_return_val_if_fail (DL_IS_SPELL_CHECKER (checker), NULL);

  self = g_object_new (DL_TYPE_SPELL_HIGHLIGHTER, NULL);
  self->view = view;
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &self->view);
  self->buffer = g_object_ref (gtk_text_view_get_buffer (view));
  self->checker = g_object_ref (checker);
  self->misspelt = ensure_tag (self->buffer, "dl-misspelt", TRUE);
  self->unchecked = ensure_tag (self->buffer, "dl-spell-unchecked", FALSE);
  gtk_text_buffer_get_start_iter (self->buffer, &start);
  self->word_start = gtk_text_buffer_create_mark (self->buffer, NULL, &start, TRUE);
  self->word_end = gtk_text_buffer_create_mark (self->buffer, NULL, &start, FALSE);

  g_signal_connect_data (self->buffer, "insert-text", G_CALLBACK (on_insert_text_cb), self, NULL,
                         G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_data (self->buffer, "delete-range", G_CALLBACK (on_delete_range_cb), self, NULL,
                         G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (view), "spell", G_ACTION_GROUP (self->actions));
  self->menu = g_menu_new ();
  gtk_text_view_set_extra_menu (view, G_MENU_MODEL (self->menu));

  /* Before the view opens its menu: capture phase, not claimed. */
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_right_click_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (view), GTK_EVENT_CONTROLLER (click));
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (view), keys);
  return self;
}
