/* dl-typographer.c: the article language's typography, as the user types
 *
 * A character typed into the buffer (one insertion of one character,
 * inside a user action: not a paste, not an undo) is looked at just after
 * the user action ends, with the text of its line up to it; when
 * dl_typography_substitute() says so, the end of the line is replaced in
 * a user action of its own. So Ctrl+Z first takes the substitution back
 * («» to "), as in every word processor, and a second Ctrl+Z the
 * character. The rules themselves, and where they never apply (code,
 * addresses, link targets), are in the core (dl-typography.c); the
 * multi-line context, a fenced code block, is found here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-typographer"

#include "config.h"

#include "dl-markdown-lines.h"
#include "dl-typographer.h"

struct _DlTypographer
{
  GObject            parent_instance;

  GtkTextBuffer     *buffer;       /* weak */
  GtkTextMark       *typed;        /* after the character typed, until the action ends */
  char              *language;
  DlTypographyFlags  flags;
  guint              user_actions; /* depth */
  guint              inserts;      /* insertions in this user action */
  gboolean           markdown;
  gboolean           undoing;
  gboolean           applying;
  guint              apply_id;
  int                last_start;      /* the last substitution, in characters */
  char              *last_original;   /* what it replaced */
};

G_DEFINE_FINAL_TYPE (DlTypographer, dl_typographer, G_TYPE_OBJECT)

static void
on_begin_user_action_cb (DlTypographer *self)
{
  if (self->user_actions++ == 0)
    self->inserts = 0;
}

static void
on_insert_text_cb (DlTypographer *self,
                   GtkTextIter   *location,
                   const char    *text,
                   int            length)
{
  if (self->applying || self->undoing || self->user_actions == 0 || self->flags == DL_TYPOGRAPHY_NONE)
    return;
  self->inserts++;
  if (self->inserts > 1 || g_utf8_strlen (text, length) != 1)
    return;
  /* @location is after the text now (this runs after the insertion). */
  if (self->typed == NULL)
    self->typed = gtk_text_buffer_create_mark (self->buffer, NULL, location, FALSE);
  else
    gtk_text_buffer_move_mark (self->buffer, self->typed, location);
}

static void
apply (DlTypographer *self)
{
  GtkTextIter cursor, line_start, replace_start;
  g_autofree char *line = NULL;
  g_autofree char *replacement = NULL;
  guint n_replace = 0;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, self->typed);
  line_start = cursor;
  gtk_text_iter_set_line_offset (&line_start, 0);
  line = gtk_text_iter_get_slice (&line_start, &cursor);
  if (!dl_typography_substitute (self->language, self->flags, line, &n_replace, &replacement))
    return;
  if (self->markdown && dl_markdown_lines_in_fence (&cursor))
    return;

  replace_start = cursor;
  gtk_text_iter_backward_chars (&replace_start, (int) n_replace);
  g_free (self->last_original);
  self->last_original = gtk_text_iter_get_slice (&replace_start, &cursor);
  self->last_start = gtk_text_iter_get_offset (&replace_start);
  self->applying = TRUE;
  gtk_text_buffer_begin_user_action (self->buffer);
  {
    /* The replacement goes in before what it replaces, which is then
     * deleted: deleting the end of what was just typed first would only
     * shorten the typing in the undo history, and Ctrl+Z could not give
     * the straight quote back. */
    GtkTextMark *end_mark = gtk_text_buffer_create_mark (self->buffer, NULL, &cursor, FALSE);

    gtk_text_buffer_insert (self->buffer, &replace_start, replacement, -1);
    gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, end_mark);
    gtk_text_buffer_delete (self->buffer, &replace_start, &cursor);
    gtk_text_buffer_delete_mark (self->buffer, end_mark);
  }
  gtk_text_buffer_end_user_action (self->buffer);
  self->applying = FALSE;
}

static gboolean
on_apply_idle_cb (gpointer data)
{
  DlTypographer *self = data;

  self->apply_id = 0;
  if (self->buffer != NULL && self->typed != NULL)
    {
      if (!gtk_text_mark_get_deleted (self->typed))
        apply (self);
      gtk_text_buffer_delete_mark (self->buffer, self->typed);
      self->typed = NULL;
    }
  return G_SOURCE_REMOVE;
}

/* The substitution waits until the buffer has closed the typing's undo
 * step (it does so after this signal): in the same step, Ctrl+Z would
 * take the character and its substitution back together. At high
 * priority it still runs before the next key is handled. */
static void
on_end_user_action_cb (DlTypographer *self)
{
  if (self->user_actions > 0)
    self->user_actions--;
  if (self->user_actions > 0 || self->applying || self->typed == NULL)
    return;
  if (self->inserts != 1)
    {
      gtk_text_buffer_delete_mark (self->buffer, self->typed);
      self->typed = NULL;
      return;
    }
  if (self->apply_id == 0)
    self->apply_id = g_idle_add_full (G_PRIORITY_HIGH, on_apply_idle_cb, self, NULL);
}

static void
on_undo_cb (DlTypographer *self)
{
  self->undoing = TRUE;
}

/* Ctrl+Z just gave back what a substitution replaced: the cursor goes
 * after it, where the user was typing (the history puts it before). */
static void
on_undo_done_cb (DlTypographer *self)
{
  GtkTextIter cursor, end;
  g_autofree char *there = NULL;

  self->undoing = FALSE;
  if (self->last_original == NULL)
    return;
  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
  if (gtk_text_iter_get_offset (&cursor) != self->last_start)
    return;
  end = cursor;
  gtk_text_iter_forward_chars (&end, g_utf8_strlen (self->last_original, -1));
  there = gtk_text_iter_get_slice (&cursor, &end);
  if (g_strcmp0 (there, self->last_original) == 0)
    gtk_text_buffer_place_cursor (self->buffer, &end);
  g_clear_pointer (&self->last_original, g_free);
}

static void
on_redo_done_cb (DlTypographer *self)
{
  self->undoing = FALSE;
}

static void
dl_typographer_dispose (GObject *object)
{
  DlTypographer *self = DL_TYPOGRAPHER (object);

  g_clear_handle_id (&self->apply_id, g_source_remove);
  if (self->buffer != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->buffer, self);
      if (self->typed != NULL)
        gtk_text_buffer_delete_mark (self->buffer, self->typed);
      self->typed = NULL;
      g_object_remove_weak_pointer (G_OBJECT (self->buffer), (gpointer *) &self->buffer);
      self->buffer = NULL;
    }
  G_OBJECT_CLASS (dl_typographer_parent_class)->dispose (object);
}

static void
dl_typographer_finalize (GObject *object)
{
  DlTypographer *self = DL_TYPOGRAPHER (object);

  g_free (self->language);
  g_free (self->last_original);
  G_OBJECT_CLASS (dl_typographer_parent_class)->finalize (object);
}

static void
dl_typographer_class_init (DlTypographerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dl_typographer_dispose;
  object_class->finalize = dl_typographer_finalize;
}

static void
dl_typographer_init (DlTypographer *self)
{
}

DlTypographer *
dl_typographer_new (GtkTextBuffer *buffer,
                    gboolean       markdown)
{
  DlTypographer *self;

  g_return_val_if_fail (GTK_IS_TEXT_BUFFER (buffer), NULL);

  self = g_object_new (DL_TYPE_TYPOGRAPHER, NULL);
  self->buffer = buffer;
  self->markdown = markdown;
  g_object_add_weak_pointer (G_OBJECT (buffer), (gpointer *) &self->buffer);
  g_signal_connect_swapped (buffer, "begin-user-action", G_CALLBACK (on_begin_user_action_cb), self);
  g_signal_connect_swapped (buffer, "end-user-action", G_CALLBACK (on_end_user_action_cb), self);
  g_signal_connect_data (buffer, "insert-text", G_CALLBACK (on_insert_text_cb), self, NULL,
                         G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  /* An undone or redone character is not typed again. */
  g_signal_connect_swapped (buffer, "undo", G_CALLBACK (on_undo_cb), self);
  g_signal_connect_data (buffer, "undo", G_CALLBACK (on_undo_done_cb), self, NULL,
                         G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_swapped (buffer, "redo", G_CALLBACK (on_undo_cb), self);
  g_signal_connect_data (buffer, "redo", G_CALLBACK (on_redo_done_cb), self, NULL,
                         G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  return self;
}

void
dl_typographer_set_language (DlTypographer *self,
                             const char    *language)
{
  g_return_if_fail (DL_IS_TYPOGRAPHER (self));

  g_free (self->language);
  self->language = g_strdup (language);
}

void
dl_typographer_set_flags (DlTypographer     *self,
                          DlTypographyFlags  flags)
{
  g_return_if_fail (DL_IS_TYPOGRAPHER (self));

  self->flags = flags;
}
