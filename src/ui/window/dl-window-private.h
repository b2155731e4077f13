/* dl-window-private.h: what the window's own files and its tests share
 *
 * The window is split by concern: dl-window.c (building it, loading the
 * library, showing an article, the save state and the banners, outside
 * changes, closing), dl-window-actions.c (the win.* actions and their
 * shortcuts), dl-window-preview.c (the preview pane),
 * dl-window-export-import.c (the export and import dialogs) and
 * dl-window-publish.c (the publish dialog, the outbox's banner and toasts). They share the instance struct through this header; nothing
 * outside src/ui/window/ and the tests includes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-article-editor.h"
#include "dl-autosaver.h"
#include "dl-context.h"
#include "dl-library-view.h"
#include "dl-outbox-banner.h"
#include "dl-preview-pane.h"
#include "dl-window.h"

G_BEGIN_DECLS

struct _DlWindow
{
  AdwApplicationWindow  parent_instance;

  DlContext            *context;
  DlStore              *store;              /* the context's */
  GSettings            *settings;           /* the context's */
  DlAutosaver          *autosaver;
  DlArticle            *article;
  GtkStringList        *known_categories;   /* offered as completions */
  GStrv                 site_categories;    /* the default site's, cached or fetched */
  GtkStringList        *site_tags;          /* suggested in the tag field */
  GCancellable         *cancellable;        /* the window's lifetime */
  GCancellable         *open_cancellable;   /* the article being opened */
  GTask                *load_task;          /* dl_window_load_async(): the first article shows */
  gulong                article_changed_id;
  guint                 library_loaded : 1;
  guint                 library_load_requested : 1;
  guint                 library_load_started : 1;
  gulong                after_paint_id;
  GdkFrameClock        *frame_clock;
  guint                 closing : 1;
  guint                 can_destroy : 1;
  guint                 preview_visible : 1;
  guint                 focus_mode : 1;       /* F11: only the text */
  guint                 before_focus_sidebar : 1;
  guint                 before_focus_preview : 1;
  guint                 before_focus_details : 1;
  guint                 before_focus_fullscreen : 1;
  gulong                preview_position_id;
  gulong                sidebar_position_id;

  AdwWindowTitle       *window_title;
  AdwHeaderBar         *content_header;
  GtkStack             *content_stack;
  DlArticleEditor      *editor;
  GtkToggleButton      *details_button;
  DlLibraryView        *library_view;
  AdwBin               *preview_bin;
  DlPreviewPane        *preview;            /* DlPreview, from its module; NULL until shown */
  guint                 preview_loading : 1;
  GtkPaned             *preview_paned;
  GtkLabel             *conflict_label;
  GtkRevealer          *conflict_revealer;
  GPtrArray            *recovered;          /* DlArticle, offered back at start */
  GtkLabel             *recovery_label;
  GtkRevealer          *recovery_revealer;
  GtkLabel             *quarantine_details_label;
  GtkLabel             *quarantine_label;
  GtkRevealer          *quarantine_revealer;
  GtkLabel             *save_error_label;
  GtkRevealer          *save_error_revealer;
  GtkImage             *save_icon;
  GtkLabel             *save_label;
  GtkWidget            *sidebar;
  GtkPaned             *sidebar_paned;
  AdwToastOverlay      *toast_overlay;
  DlOutboxBanner       *outbox_banner;
};

/* dl-window-publish.c */
void             _dl_window_setup_publishing   (DlWindow   *self);
void             _dl_window_publish            (DlWindow   *self);
void             _dl_window_save_revision      (DlWindow   *self);
void             _dl_window_show_revisions     (DlWindow   *self);
void             _dl_window_open_from_site     (DlWindow   *self);
void             _dl_window_open_link          (DlWindow   *self,
                                                const char *uri);

/* dl-window.c */
void             _dl_window_update_known_categories (DlWindow *self);
void             _dl_window_update_page        (DlWindow   *self);
void             _dl_window_update_recovery    (DlWindow   *self);
void             _dl_window_dismiss_quarantine (DlWindow   *self);

/* dl-window-preview.c: the panes, remembered as proportions */
void             _dl_window_save_pane_fractions (DlWindow  *self);
void             _dl_window_apply_sidebar_fraction (DlWindow *self,
                                                    int       window_width);
void             _dl_window_toast              (DlWindow   *self,
                                                const char *message);

/* dl-window-preview.c */
void             _dl_window_init_preview        (DlWindow   *self);
void             _dl_window_ensure_preview      (DlWindow   *self);
void             _dl_window_apply_preview_width (DlWindow   *self);
gboolean         _dl_window_set_preview_visible (DlWindow   *self,
                                                 gboolean    visible);

/* dl-window-actions.c: called from class_init */
void             _dl_window_class_init_actions (GtkWidgetClass *widget_class);
void             _dl_window_delete_article     (DlWindow   *self,
                                                const char *uuid);

/* For the tests */
DlAutosaver     *dl_window_get_autosaver       (DlWindow   *self);
DlArticleEditor *dl_window_get_editor          (DlWindow   *self);
DlLibraryView   *dl_window_get_library_view    (DlWindow   *self);
DlArticle       *dl_window_get_article         (DlWindow   *self);
GtkWidget       *dl_window_get_preview         (DlWindow   *self);
const char      *dl_window_get_visible_page    (DlWindow   *self);

G_END_DECLS
