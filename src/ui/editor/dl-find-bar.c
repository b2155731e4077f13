/* dl-find-bar.c: find and replace in the story (Ctrl+F, Ctrl+H)
 *
 * The GNOME Text Editor way: a bar over the text with the search, the
 * number of matches ("3 of 12"), previous and next, case and whole-word
 * options, and a replace row. A story is more than its body, so the
 * headline and the standfirst are searched too, in reading order; the
 * body's matches are highlighted and counted by GtkSourceView (in idle
 * steps, so a 20,000-word body does not stall typing in the entry), the
 * two short fields are searched directly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-find-bar"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-find-bar.h"

typedef enum
{
  FIELD_HEADLINE,
  FIELD_STANDFIRST,
  FIELD_BODY,
  N_FIELDS,
  FIELD_NONE = -1,
} Field;

typedef struct
{
  int start;   /* characters */
  int end;
} Match;

struct _DlFindBar
{
  GtkWidget               parent_instance;

  GtkEditable            *headline;
  GtkTextView            *standfirst;
  GtkSourceView          *body;
  GtkSourceSearchSettings *settings;
  GtkSourceSearchContext *body_search;    /* while the bar is open */
  GArray                 *matches[FIELD_BODY];  /* of Match, in the short fields */

  Field                   current_field;  /* the match shown, if any */
  Match                   current;
  Field                   origin_field;   /* where the search began */

  gboolean                case_sensitive;
  gboolean                whole_words;
  gboolean                show_replace;
  gboolean                active;
  guint                   replaced;       /* by the last Replace All, shown until the next search */

  GtkSearchEntry         *search_entry;
  GtkLabel               *count_label;
  GtkEntry               *replace_entry;
  GtkRevealer            *replace_revealer;
};

G_DEFINE_FINAL_TYPE (DlFindBar, dl_find_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CASE_SENSITIVE,
  PROP_WHOLE_WORDS,
  PROP_SHOW_REPLACE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
search_text (DlFindBar *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

static GtkTextBuffer *
body_buffer (DlFindBar *self)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->body));
}

/* The matches in one short field, found the way GtkSourceView finds
 * them in the body: text only, case folded unless asked, and whole words
 * by Pango's word boundaries (so Cyrillic and Chinese work too). */
static void
find_in_buffer (DlFindBar     *self,
                GtkTextBuffer *buffer,
                GArray        *out)
{
  const char *needle = search_text (self);
  GtkTextSearchFlags flags = GTK_TEXT_SEARCH_TEXT_ONLY | GTK_TEXT_SEARCH_VISIBLE_ONLY;
  GtkTextIter iter, match_start, match_end;

  g_array_set_size (out, 0);
  if (*needle == '\0')
    return;
  if (!self->case_sensitive)
    flags |= GTK_TEXT_SEARCH_CASE_INSENSITIVE;
  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (gtk_text_iter_forward_search (&iter, needle, flags, &match_start, &match_end, NULL))
    {
      if (!self->whole_words
          || (gtk_text_iter_starts_word (&match_start) && gtk_text_iter_ends_word (&match_end)))
        {
          Match match = { gtk_text_iter_get_offset (&match_start), gtk_text_iter_get_offset (&match_end) };
          g_array_append_val (out, match);
        }
      iter = match_end;
      if (gtk_text_iter_equal (&match_start, &match_end) && !gtk_text_iter_forward_char (&iter))
        break;
    }
}

static void
find_in_short_fields (DlFindBar *self)
{
  if (self->headline != NULL)
    {
      /* A scratch buffer gives the headline the same matching rules. */
      g_autoptr(GtkTextBuffer) scratch = gtk_text_buffer_new (NULL);

      gtk_text_buffer_set_text (scratch, gtk_editable_get_text (self->headline), -1);
      find_in_buffer (self, scratch, self->matches[FIELD_HEADLINE]);
    }
  if (self->standfirst != NULL)
    find_in_buffer (self, gtk_text_view_get_buffer (self->standfirst), self->matches[FIELD_STANDFIRST]);
}

static int
body_count (DlFindBar *self)
{
  if (self->body_search == NULL || *search_text (self) == '\0')
    return 0;
  return gtk_source_search_context_get_occurrences_count (self->body_search);
}

static int
short_count (DlFindBar *self)
{
  return self->matches[FIELD_HEADLINE]->len + self->matches[FIELD_STANDFIRST]->len;
}

guint
dl_find_bar_get_count (DlFindBar *self)
{
  g_return_val_if_fail (DL_IS_FIND_BAR (self), 0);
  return short_count (self) + MAX (body_count (self), 0);
}

/* 1-based position of the match shown, 0 when none, -1 while the body
 * is still being counted. */
int
dl_find_bar_get_position (DlFindBar *self)
{
  g_return_val_if_fail (DL_IS_FIND_BAR (self), 0);

  switch (self->current_field)
    {
    case FIELD_HEADLINE:
    case FIELD_STANDFIRST:
      {
        int before = self->current_field == FIELD_STANDFIRST ? (int) self->matches[FIELD_HEADLINE]->len : 0;
        GArray *matches = self->matches[self->current_field];

        for (guint i = 0; i < matches->len; i++)
          if (g_array_index (matches, Match, i).start == self->current.start)
            return before + (int) i + 1;
        return 0;
      }
    case FIELD_BODY:
      {
        GtkTextIter start, end;
        int position;

        if (self->body_search == NULL)
          return 0;
        gtk_text_buffer_get_iter_at_offset (body_buffer (self), &start, self->current.start);
        gtk_text_buffer_get_iter_at_offset (body_buffer (self), &end, self->current.end);
        position = gtk_source_search_context_get_occurrence_position (self->body_search, &start, &end);
        return position > 0 ? short_count (self) + position : position;
      }
    case FIELD_NONE:
    case N_FIELDS:
    default:
      return 0;
    }
}

static void
update_count_label (DlFindBar *self)
{
  g_autofree char *text = NULL;
  int body = body_count (self);
  int position = dl_find_bar_get_position (self);
  guint total;

  if (*search_text (self) == '\0')
    {
      gtk_label_set_label (self->count_label, "");
      gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
      return;
    }
  if (body < 0)
    {
      gtk_label_set_label (self->count_label, "…");
      return;
    }
  total = short_count (self) + body;
  if (self->replaced > 0)
    /* Translators: how many matches of the search were replaced, "3 replaced" */
    text = g_strdup_printf (ngettext ("%u replaced", "%u replaced", self->replaced), self->replaced);
  else if (total == 0)
    text = g_strdup (_("No results"));
  else if (position > 0)
    /* Translators: the match shown and how many there are: "3 of 12". */
    text = g_strdup_printf (_("%d of %u"), position, total);
  else
    /* Translators: how many times the searched text was found, "12 matches" */
    text = g_strdup_printf (ngettext ("%u match", "%u matches", total), total);
  gtk_label_set_label (self->count_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  if (total == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "find.next", total > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "find.previous", total > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "find.replace", total > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "find.replace-all", total > 0);
}

static void
show_match (DlFindBar *self,
            Field      field,
            Match      match)
{
  self->current_field = field;
  self->current = match;

  if (field == FIELD_HEADLINE)
    gtk_editable_select_region (self->headline, match.start, match.end);
  else
    {
      GtkTextView *view = field == FIELD_BODY ? GTK_TEXT_VIEW (self->body) : self->standfirst;
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, match.start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, match.end);
      gtk_text_buffer_select_range (buffer, &start, &end);
      gtk_text_view_scroll_to_iter (view, &start, 0.1, FALSE, 0, 0);
    }
  update_count_label (self);
}

/* The next (or previous) match in @field from @offset, not wrapping. */
static gboolean
find_in_field (DlFindBar *self,
               Field      field,
               int        offset,
               gboolean   forward,
               Match     *found)
{
  if (field == FIELD_BODY)
    {
      GtkTextIter iter, start, end;
      gboolean wrapped = FALSE;
      gboolean ok;

      if (self->body_search == NULL)
        return FALSE;
      gtk_text_buffer_get_iter_at_offset (body_buffer (self), &iter, offset);
      ok = forward ? gtk_source_search_context_forward (self->body_search, &iter, &start, &end, &wrapped)
                   : gtk_source_search_context_backward (self->body_search, &iter, &start, &end, &wrapped);
      if (!ok || wrapped)
        return FALSE;
      found->start = gtk_text_iter_get_offset (&start);
      found->end = gtk_text_iter_get_offset (&end);
      return TRUE;
    }
  else
    {
      GArray *matches = self->matches[field];

      if (forward)
        {
          for (guint i = 0; i < matches->len; i++)
            if (g_array_index (matches, Match, i).start >= offset)
              {
                *found = g_array_index (matches, Match, i);
                return TRUE;
              }
        }
      else
        {
          for (guint i = matches->len; i > 0; i--)
            if (g_array_index (matches, Match, i - 1).end <= offset)
              {
                *found = g_array_index (matches, Match, i - 1);
                return TRUE;
              }
        }
      return FALSE;
    }
}

static int
field_length (DlFindBar *self,
              Field      field)
{
  if (field == FIELD_HEADLINE)
    return g_utf8_strlen (gtk_editable_get_text (self->headline), -1);
  return gtk_text_buffer_get_char_count (field == FIELD_BODY ? body_buffer (self)
                                                              : gtk_text_view_get_buffer (self->standfirst));
}

/* Where a search with no match shown starts: the cursor of the field
 * the user was in. */
static int
origin_offset (DlFindBar *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (self->origin_field == FIELD_HEADLINE)
    return gtk_editable_get_position (self->headline);
  buffer = self->origin_field == FIELD_BODY ? body_buffer (self) : gtk_text_view_get_buffer (self->standfirst);
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  return gtk_text_iter_get_offset (&start);
}

static void
go (DlFindBar *self,
    gboolean   forward,
    gboolean   include_current)
{
  Field field;
  int offset;
  Match found;

  if (*search_text (self) == '\0' || self->body == NULL)
    return;
  self->replaced = 0;
  if (self->current_field != FIELD_NONE)
    {
      field = self->current_field;
      /* Past the match shown, or from it when it may be the one. */
      if (forward)
        offset = include_current ? self->current.start : self->current.end;
      else
        offset = include_current ? self->current.end : self->current.start;
    }
  else
    {
      field = self->origin_field;
      offset = origin_offset (self);
    }

  /* Around the story once: this field from the offset, the others whole,
   * then this one again from its other end. */
  for (int step = 0; step <= N_FIELDS; step++)
    {
      if (find_in_field (self, field, offset, forward, &found))
        {
          show_match (self, field, found);
          return;
        }
      field = forward ? (field + 1) % N_FIELDS : (field + N_FIELDS - 1) % N_FIELDS;
      offset = forward ? 0 : field_length (self, field);
    }
  update_count_label (self);
}

/* Ctrl+G from the text, once a search was made. */
void
dl_find_bar_go (DlFindBar *self,
                gboolean   forward)
{
  g_return_if_fail (DL_IS_FIND_BAR (self));

  if (self->active)
    go (self, forward, FALSE);
}

static void
refresh (DlFindBar *self)
{
  find_in_short_fields (self);
  self->current_field = FIELD_NONE;
  update_count_label (self);
}

static void
on_search_changed_cb (DlFindBar *self)
{
  if (!self->active)
    return;
  self->replaced = 0;
  gtk_source_search_settings_set_search_text (self->settings,
                                              *search_text (self) != '\0' ? search_text (self) : NULL);
  refresh (self);
  /* Find as you type, from where the search began. */
  go (self, TRUE, TRUE);
}

static void
on_short_field_changed_cb (DlFindBar *self)
{
  if (self->active)
    refresh (self);
}

static void
on_occurrences_count_cb (DlFindBar *self)
{
  /* The first match can only be found once the body is counted. */
  if (self->current_field == FIELD_NONE && *search_text (self) != '\0' && self->replaced == 0)
    go (self, TRUE, TRUE);
  else
    update_count_label (self);
}

static void
on_search_activate_cb (DlFindBar *self)
{
  go (self, TRUE, FALSE);
}

static void
on_next_match_cb (DlFindBar *self)
{
  go (self, TRUE, FALSE);
}

static void
on_previous_match_cb (DlFindBar *self)
{
  go (self, FALSE, FALSE);
}

static void
on_stop_search_cb (DlFindBar *self)
{
  g_signal_emit (self, signals[CLOSED], 0);
}

/* Whether the match shown is still there (the text may have been edited
 * since it was found). */
static gboolean
current_still_matches (DlFindBar *self)
{
  Match found;

  if (self->current_field == FIELD_NONE)
    return FALSE;
  if (self->current_field != FIELD_BODY)
    find_in_short_fields (self);
  return find_in_field (self, self->current_field, self->current.start, TRUE, &found)
         && found.start == self->current.start && found.end == self->current.end;
}

static void
replace_in_text_buffer (GtkTextBuffer *buffer,
                        Match          match,
                        const char    *replacement)
{
  GtkTextIter start, end;

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, match.start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, match.end);
  gtk_text_buffer_delete (buffer, &start, &end);
  gtk_text_buffer_insert (buffer, &start, replacement, -1);
  gtk_text_buffer_end_user_action (buffer);
}

static void
replace_in_headline (DlFindBar  *self,
                     Match       match,
                     const char *replacement)
{
  int position = match.start;

  gtk_editable_delete_text (self->headline, match.start, match.end);
  gtk_editable_insert_text (self->headline, replacement, -1, &position);
}

static void
replace_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  DlFindBar *self = DL_FIND_BAR (widget);
  const char *replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));
  Match match;

  if (!current_still_matches (self))
    {
      go (self, TRUE, TRUE);
      return;
    }
  match = self->current;
  if (self->current_field == FIELD_BODY)
    {
      GtkTextIter start, end;

      gtk_text_buffer_get_iter_at_offset (body_buffer (self), &start, match.start);
      gtk_text_buffer_get_iter_at_offset (body_buffer (self), &end, match.end);
      gtk_source_search_context_replace (self->body_search, &start, &end, replacement, -1, NULL);
    }
  else if (self->current_field == FIELD_STANDFIRST)
    replace_in_text_buffer (gtk_text_view_get_buffer (self->standfirst), match, replacement);
  else
    replace_in_headline (self, match, replacement);

  /* Go on after what was put in. */
  self->current.start = self->current.end = match.start + g_utf8_strlen (replacement, -1);
  find_in_short_fields (self);
  go (self, TRUE, TRUE);
}

static void
replace_all_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  DlFindBar *self = DL_FIND_BAR (widget);
  const char *replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));
  guint replaced = 0;

  find_in_short_fields (self);
  /* From the end, so the offsets before stay right. */
  for (Field field = FIELD_HEADLINE; field <= FIELD_STANDFIRST; field++)
    {
      GArray *matches = self->matches[field];

      for (guint i = matches->len; i > 0; i--)
        {
          Match match = g_array_index (matches, Match, i - 1);

          if (field == FIELD_HEADLINE)
            replace_in_headline (self, match, replacement);
          else
            replace_in_text_buffer (gtk_text_view_get_buffer (self->standfirst), match, replacement);
          replaced++;
        }
    }
  /* One undo step in the body: GtkSourceView groups it. */
  if (self->body_search != NULL)
    replaced += gtk_source_search_context_replace_all (self->body_search, replacement, -1, NULL);

  refresh (self);
  self->replaced = replaced;
  update_count_label (self);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  go (DL_FIND_BAR (widget), TRUE, FALSE);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  go (DL_FIND_BAR (widget), FALSE, FALSE);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  g_signal_emit (widget, signals[CLOSED], 0);
}

static void
on_replace_activate_cb (DlFindBar *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "find.replace", NULL);
}

static void
set_show_replace (DlFindBar *self,
                  gboolean   show)
{
  if (self->show_replace == !!show)
    return;
  self->show_replace = !!show;
  /* Hidden too: without a transition, a revealer keeps its size. */
  gtk_widget_set_visible (GTK_WIDGET (self->replace_revealer), self->show_replace);
  gtk_revealer_set_reveal_child (self->replace_revealer, self->show_replace);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_REPLACE]);
}

static void
options_changed (DlFindBar *self)
{
  gtk_source_search_settings_set_case_sensitive (self->settings, self->case_sensitive);
  gtk_source_search_settings_set_at_word_boundaries (self->settings, self->whole_words);
  if (self->active)
    {
      /* Stay where the user is: from the match shown, the first that
       * still matches. */
      Field field = self->current_field;
      int offset = self->current.start;

      refresh (self);
      if (field != FIELD_NONE)
        {
          self->current_field = field;
          self->current.start = self->current.end = offset;
        }
      go (self, TRUE, TRUE);
    }
}

void
dl_find_bar_set_fields (DlFindBar     *self,
                        GtkEditable   *headline,
                        GtkTextView   *standfirst,
                        GtkSourceView *body)
{
  g_return_if_fail (DL_IS_FIND_BAR (self));

  self->headline = headline;
  self->standfirst = standfirst;
  self->body = body;
  g_signal_connect_object (headline, "changed", G_CALLBACK (on_short_field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (standfirst), "changed",
                           G_CALLBACK (on_short_field_changed_cb), self, G_CONNECT_SWAPPED);
}

/* The selection, when it is a short piece of one line, is what the user
 * wants to find (as in every editor). */
static char *
dup_selected_text (DlFindBar *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (!gtk_widget_has_focus (GTK_WIDGET (self->body))
      || !gtk_text_buffer_get_selection_bounds (body_buffer (self), &start, &end)
      || gtk_text_iter_get_line (&start) != gtk_text_iter_get_line (&end)
      || gtk_text_iter_get_offset (&end) - gtk_text_iter_get_offset (&start) > 200)
    return NULL;
  text = gtk_text_iter_get_visible_text (&start, &end);
  return g_steal_pointer (&text);
}

void
dl_find_bar_start (DlFindBar *self,
                   gboolean   replace)
{
  g_autofree char *selected = NULL;

  g_return_if_fail (DL_IS_FIND_BAR (self));
  g_return_if_fail (self->body != NULL);

  if (gtk_widget_has_focus (GTK_WIDGET (self->body)))
    self->origin_field = FIELD_BODY;
  else if (gtk_widget_has_focus (GTK_WIDGET (self->standfirst)))
    self->origin_field = FIELD_STANDFIRST;
  else if (gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))) ?: GTK_WIDGET (self),
                                   GTK_WIDGET (self->headline)))
    self->origin_field = FIELD_HEADLINE;
  else if (!self->active)
    self->origin_field = FIELD_BODY;
  selected = dup_selected_text (self);

  if (self->body_search == NULL)
    {
      self->body_search = gtk_source_search_context_new (GTK_SOURCE_BUFFER (body_buffer (self)), self->settings);
      g_signal_connect_object (self->body_search, "notify::occurrences-count",
                               G_CALLBACK (on_occurrences_count_cb), self, G_CONNECT_SWAPPED);
    }
  gtk_source_search_context_set_highlight (self->body_search, TRUE);
  self->active = TRUE;
  self->current_field = FIELD_NONE;
  set_show_replace (self, replace || self->show_replace);

  if (selected != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), selected);
  else
    on_search_changed_cb (self);
  /* Ctrl+H with something to find goes straight to the replacement. */
  if (replace && *search_text (self) != '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->replace_entry));
  else
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
    }
}

/* Hidden: no highlighting and no counting in the background. */
void
dl_find_bar_stop (DlFindBar *self)
{
  g_return_if_fail (DL_IS_FIND_BAR (self));

  self->active = FALSE;
  g_clear_object (&self->body_search);
}

static void
dl_find_bar_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DlFindBar *self = DL_FIND_BAR (object);

  switch (prop_id)
    {
    case PROP_CASE_SENSITIVE:
      g_value_set_boolean (value, self->case_sensitive);
      break;
    case PROP_WHOLE_WORDS:
      g_value_set_boolean (value, self->whole_words);
      break;
    case PROP_SHOW_REPLACE:
      g_value_set_boolean (value, self->show_replace);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_find_bar_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  DlFindBar *self = DL_FIND_BAR (object);

  switch (prop_id)
    {
    case PROP_CASE_SENSITIVE:
      if (self->case_sensitive != g_value_get_boolean (value))
        {
          self->case_sensitive = g_value_get_boolean (value);
          options_changed (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_WHOLE_WORDS:
      if (self->whole_words != g_value_get_boolean (value))
        {
          self->whole_words = g_value_get_boolean (value);
          options_changed (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SHOW_REPLACE:
      set_show_replace (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_find_bar_dispose (GObject *object)
{
  DlFindBar *self = DL_FIND_BAR (object);

  g_clear_object (&self->body_search);
  gtk_widget_dispose_template (GTK_WIDGET (self), DL_TYPE_FIND_BAR);
  /* The template's top box is not bound: unparent it too. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (self)))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (dl_find_bar_parent_class)->dispose (object);
}

static void
dl_find_bar_finalize (GObject *object)
{
  DlFindBar *self = DL_FIND_BAR (object);

  g_clear_object (&self->settings);
  for (Field field = FIELD_HEADLINE; field < FIELD_BODY; field++)
    g_clear_pointer (&self->matches[field], g_array_unref);

  G_OBJECT_CLASS (dl_find_bar_parent_class)->finalize (object);
}

static void
dl_find_bar_class_init (DlFindBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_find_bar_dispose;
  object_class->finalize = dl_find_bar_finalize;
  object_class->get_property = dl_find_bar_get_property;
  object_class->set_property = dl_find_bar_set_property;

  properties[PROP_CASE_SENSITIVE] =
    g_param_spec_boolean ("case-sensitive", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_WHOLE_WORDS] =
    g_param_spec_boolean ("whole-words", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHOW_REPLACE] =
    g_param_spec_boolean ("show-replace", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dateline/Dateline/dl-find-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, DlFindBar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DlFindBar, count_label);
  gtk_widget_class_bind_template_child (widget_class, DlFindBar, replace_entry);
  gtk_widget_class_bind_template_child (widget_class, DlFindBar, replace_revealer);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_next_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_previous_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_replace_activate_cb);

  gtk_widget_class_install_action (widget_class, "find.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "find.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "find.replace", NULL, replace_action);
  gtk_widget_class_install_action (widget_class, "find.replace-all", NULL, replace_all_action);
  gtk_widget_class_install_action (widget_class, "find.close", NULL, close_action);
  gtk_widget_class_install_property_action (widget_class, "find.case-sensitive", "case-sensitive");
  gtk_widget_class_install_property_action (widget_class, "find.whole-words", "whole-words");
  gtk_widget_class_install_property_action (widget_class, "find.show-replace", "show-replace");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_SHIFT_MASK, "find.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_SHIFT_MASK, "find.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "find.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_G, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "find.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "find.close", NULL);
  /* A mnemonic is not enough: the story details have their own Alt+A. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "find.replace-all", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dl-find-bar");
}

static void
dl_find_bar_init (DlFindBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->current_field = FIELD_NONE;
  self->origin_field = FIELD_BODY;
  for (Field field = FIELD_HEADLINE; field < FIELD_BODY; field++)
    self->matches[field] = g_array_new (FALSE, FALSE, sizeof (Match));
  self->settings = gtk_source_search_settings_new ();
  gtk_source_search_settings_set_wrap_around (self->settings, FALSE);
  update_count_label (self);
}

GtkWidget *
dl_find_bar_new (void)
{
  return g_object_new (DL_TYPE_FIND_BAR, NULL);
}
