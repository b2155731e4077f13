/* dl-window-revisions.c: Ctrl+S, the Revisions view and a restore
 *
 * An explicit save (Ctrl+S) writes the article now and keeps its text as
 * a revision; the autosaver still saves as one types, without making
 * revisions. A restore first keeps the text it replaces, then puts the
 * revision's text into the editor (one undoable step) and keeps that as
 * a revision too. The writes run one after another in the store's
 * worker, never two at once for one article.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-revisions-dialog.h"
#include "dl-window-private.h"

static void
toast (DlWindow   *self,
       const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
on_revision_added_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(DlWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DlRevision) revision = NULL;

  if (!dl_store_add_revision_finish (DL_STORE (source), result, &revision, &error))
    {
      /* Translators: %s is why, such as "Could not create “…”: No space left on device";
       * a revision is a kept version of the article */
      g_autofree char *message = g_strdup_printf (_("Could not keep a revision: %s"), error->message);

      toast (self, message);
      return;
    }
  if (revision != NULL && revision->cause == DL_REVISION_CAUSE_SAVE)
    toast (self, _("Saved, and kept as a revision"));
}

static void
on_saved_for_revision_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(DlWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  /* A failed save shows in the header (and its banner); nothing to keep. */
  if (!dl_autosaver_flush_finish (DL_AUTOSAVER (source), result, &error) || self->article == NULL)
    return;
  dl_store_add_revision_async (self->store, self->article, DL_REVISION_CAUSE_SAVE, NULL,
                               on_revision_added_cb, g_object_ref (self));
}

/* win.save (Ctrl+S) */
void
_dl_window_save_revision (DlWindow *self)
{
  if (self->article == NULL || dl_article_get_read_only_reason (self->article) != NULL)
    return;
  dl_autosaver_flush_async (self->autosaver, NULL, on_saved_for_revision_cb, g_object_ref (self));
}

typedef struct
{
  DlWindow  *window;
  DlArticle *article;    /* the one restored into */
  DlArticle *revision;
} Restore;

static void
restore_free (Restore *restore)
{
  g_object_unref (restore->window);
  g_object_unref (restore->article);
  g_object_unref (restore->revision);
  g_free (restore);
}

static void
on_kept_before_restore_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  Restore *restore = user_data;
  DlWindow *self = restore->window;
  g_autoptr(GError) error = NULL;

  /* Without a copy of the text now, the restore would lose it. */
  if (!dl_store_add_revision_finish (DL_STORE (source), result, NULL, &error))
    {
      /* Translators: %s is why; "the text now" is the article's current text, which is
       * kept as a revision before an earlier one is restored */
      g_autofree char *message = g_strdup_printf (_("Nothing was restored: the text now could not be kept: %s"),
                                                  error->message);
      toast (self, message);
    }
  else if (self->article == restore->article)
    {
      dl_article_editor_restore_text (self->editor, restore->revision);
      dl_store_add_revision_async (self->store, self->article, DL_REVISION_CAUSE_RESTORE, NULL,
                                   on_revision_added_cb, g_object_ref (self));
      toast (self, _("Earlier version restored; Ctrl+Z in the text takes it back"));
    }
  restore_free (restore);
}

static void
on_restore_cb (DlRevisionsDialog *dialog,
               DlArticle         *revision,
               DlWindow          *self)
{
  Restore *restore;

  if (self->article == NULL)
    return;
  restore = g_new0 (Restore, 1);
  restore->window = g_object_ref (self);
  restore->article = g_object_ref (self->article);
  restore->revision = g_object_ref (revision);
  dl_store_add_revision_async (self->store, self->article, DL_REVISION_CAUSE_SAVE, NULL,
                               on_kept_before_restore_cb, restore);
}

/* win.revisions */
void
_dl_window_show_revisions (DlWindow *self)
{
  DlRevisionsDialog *dialog;

  if (self->article == NULL)
    return;
  dialog = dl_revisions_dialog_new (GTK_WINDOW (self), self->store, self->article);
  g_signal_connect_object (dialog, "restore", G_CALLBACK (on_restore_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
