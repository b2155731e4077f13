/* dl-library-view.c: the library sidebar: search, status filter, list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-library-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "dl-article-row.h"
#include "dl-library-view.h"
#include "dl-trash-view.h"
#include "dl-resources.h"

/* Reading every body is slower than matching the index: wait until the
 * journalist pauses typing. */
#define BODY_SEARCH_DELAY_MS 250

struct _DlLibraryView
{
  GtkWidget           parent_instance;

  DlStore            *store;
  GtkFilterListModel *filter_model;
  GtkSingleSelection *selection;
  GtkCustomFilter    *filter;

  char               *query;          /* NULL when not searching */
  GHashTable         *body_matches;   /* UUIDs whose body matches query */
  GCancellable       *search_cancellable;
  guint               search_timeout_id;
  int                 status_filter;  /* -1 for all */
  guint               selecting : 1;

  GtkPopover         *row_popover;

  GtkListView        *list_view;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkDropDown        *status_dropdown;
  GtkToggleButton    *trash_button;
  DlTrashView        *trash_view;
};

G_DEFINE_FINAL_TYPE (DlLibraryView, dl_library_view, GTK_TYPE_WIDGET)

enum {
  ARTICLE_SELECTED,
  ARTICLE_ACTIVATED,
  DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  DlLibraryView *self = user_data;
  DlArticleSummary *summary = item;

  if (self->status_filter >= 0 &&
      (int) dl_article_summary_get_status (summary) != self->status_filter)
    return FALSE;

  if (self->query == NULL)
    return TRUE;

  return dl_article_summary_matches (summary, self->query) ||
         g_hash_table_contains (self->body_matches, dl_article_summary_get_uuid (summary));
}

/* With no query and no status chosen, the filter has no function: GTK
 * then knows it matches everything and never fetches an item to test it,
 * so the store makes a summary only for the rows on screen (10,000
 * articles list as fast as 10, dl-summary-list.c). */
static void
update_filter (DlLibraryView *self)
{
  if (self->query == NULL && self->status_filter < 0)
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
  else
    gtk_custom_filter_set_filter_func (self->filter, filter_func, self, NULL);
}

static void
update_page (DlLibraryView *self)
{
  const char *page;

  if (gtk_toggle_button_get_active (self->trash_button))
    return;
  if (self->store == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    page = "list";
  else if (self->query != NULL || self->status_filter >= 0)
    page = "no-results";
  else
    page = "empty";

  gtk_stack_set_visible_child_name (self->stack, page);
}

static void
on_items_changed_cb (DlLibraryView *self)
{
  update_page (self);
}

static void
on_search_finished_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(DlLibraryView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) uuids = NULL;

  uuids = dl_store_search_finish (DL_STORE (object), result, &error);
  if (uuids == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Searching the article bodies failed: %s", error->message);
      return;
    }

  for (guint i = 0; uuids[i] != NULL; i++)
    g_hash_table_add (self->body_matches, g_steal_pointer (&uuids[i]));

  /* Body matches only add rows to what the index already matched. */
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
}

static gboolean
on_search_timeout_cb (gpointer user_data)
{
  DlLibraryView *self = user_data;

  self->search_timeout_id = 0;
  if (self->query == NULL || self->store == NULL)
    return G_SOURCE_REMOVE;

  self->search_cancellable = g_cancellable_new ();
  dl_store_search_async (self->store, self->query, self->search_cancellable,
                         on_search_finished_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
on_search_changed_cb (DlLibraryView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  char *query = *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
  GtkWidget *delegate = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->search_entry)));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* Typed in the list (the entry captures its keys): the query about to
   * filter may take the focused row away, and the focus with it, to
   * whatever control comes next; the next letters would go there. So the
   * search takes the focus now, keeping what was typed and the cursor
   * after it. */
  if (*text != '\0' && GTK_IS_TEXT (delegate) && focus != NULL
      && (focus == GTK_WIDGET (self->list_view) || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view))))
    {
      gtk_text_grab_focus_without_selecting (GTK_TEXT (delegate));
      gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
    }

  if (g_strcmp0 (query, self->query) == 0)
    {
      g_free (query);
      return;
    }

  g_free (self->query);
  self->query = query;

  /* A new query makes the previous body results meaningless. */
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_handle_id (&self->search_timeout_id, g_source_remove);
  g_hash_table_remove_all (self->body_matches);

  update_filter (self);

  if (self->query != NULL)
    self->search_timeout_id = g_timeout_add (BODY_SEARCH_DELAY_MS, on_search_timeout_cb, self);
  update_page (self);
}

static void
on_stop_search_cb (DlLibraryView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
on_search_activate_cb (DlLibraryView *self)
{
  /* Enter in the search opens the first result, like in GNOME Text Editor. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    {
      g_autoptr(DlArticleSummary) summary = g_list_model_get_item (G_LIST_MODEL (self->filter_model), 0);

      gtk_single_selection_set_selected (self->selection, 0);
      g_signal_emit (self, signals[ARTICLE_SELECTED], 0, dl_article_summary_get_uuid (summary));
    }
}

static void
on_status_selected_cb (DlLibraryView *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  /* Item 0 is "All"; the others follow DlArticleStatus. */
  self->status_filter = (selected == 0 || selected == GTK_INVALID_LIST_POSITION) ? -1 : (int) selected - 1;
  update_filter (self);
  update_page (self);
}

static void
on_selection_changed_cb (DlLibraryView *self)
{
  const char *uuid;

  if (self->selecting)
    return;

  uuid = dl_library_view_get_selected_uuid (self);
  if (uuid != NULL)
    g_signal_emit (self, signals[ARTICLE_SELECTED], 0, uuid);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  gtk_list_item_set_child (item, dl_article_row_new ());
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  dl_article_row_set_summary (DL_ARTICLE_ROW (gtk_list_item_get_child (item)),
                              gtk_list_item_get_item (item));
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item)
{
  dl_article_row_set_summary (DL_ARTICLE_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
delete_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  DlLibraryView *self = DL_LIBRARY_VIEW (widget);
  const char *uuid = dl_library_view_get_selected_uuid (self);

  if (uuid != NULL)
    g_signal_emit (self, signals[DELETE_REQUESTED], 0, uuid);
}

/* The row's menu names its article: the window's actions take the
 * UUID, so they act on this row even while another article is still
 * being opened. */
static GMenuModel *
build_row_menu (const char *uuid)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) status = g_menu_new ();
  g_autoptr(GMenu) trash = g_menu_new ();
  const char *settable[] = { "draft", "ready" };

  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("D_uplicate"), NULL);
    g_menu_item_set_action_and_target (item, "win.duplicate-article", "s", uuid);
    g_menu_append_item (edit, item);
  }
  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("_Export…"), NULL);
    g_menu_item_set_action_and_target (item, "win.export-article", "s", uuid);
    g_menu_append_item (edit, item);
  }
  for (guint i = 0; i < G_N_ELEMENTS (settable); i++)
    {
      DlArticleStatus value = DL_ARTICLE_STATUS_DRAFT;
      g_autoptr(GMenuItem) item = NULL;

      dl_article_status_from_string (settable[i], &value);
      item = g_menu_item_new (dl_article_status_get_label (value), NULL);
      g_menu_item_set_action_and_target (item, "win.set-article-status", "(ss)", uuid, settable[i]);
      g_menu_append_item (status, item);
    }
  g_menu_append_submenu (edit, _("_Status"), G_MENU_MODEL (status));
  g_menu_append (trash, _("Move to _Trash"), "library.delete-selected");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (trash));
  return G_MENU_MODEL (menu);
}

static void
popup_menu_at (DlLibraryView *self,
               double         x,
               double         y)
{
  g_autoptr(GMenuModel) menu = build_row_menu (dl_library_view_get_selected_uuid (self));

  if (self->row_popover == NULL)
    {
      self->row_popover = GTK_POPOVER (gtk_popover_menu_new_from_model (menu));
      gtk_popover_set_has_arrow (self->row_popover, FALSE);
      gtk_widget_set_halign (GTK_WIDGET (self->row_popover), GTK_ALIGN_START);
      gtk_widget_set_parent (GTK_WIDGET (self->row_popover), GTK_WIDGET (self->list_view));
    }
  else
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->row_popover), menu);

  gtk_popover_set_pointing_to (self->row_popover, &(GdkRectangle) { x, y, 1, 1 });
  gtk_popover_popup (self->row_popover);
}

/* Opens the article at @position in the editor and moves there: Enter
 * or a double click on a row. */
static void
activate_position (DlLibraryView *self,
                   guint          position)
{
  g_autoptr(DlArticleSummary) summary = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);

  if (summary == NULL)
    return;
  gtk_single_selection_set_selected (self->selection, position);
  g_signal_emit (self, signals[ARTICLE_ACTIVATED], 0, dl_article_summary_get_uuid (summary));
}

static void
on_list_activate_cb (DlLibraryView *self,
                     guint          position)
{
  activate_position (self, position);
}

/* The row that has the keyboard focus, which Space selects and Enter
 * opens; G_MAXUINT when the focus is elsewhere (a popover, say). */
static guint
focused_position (DlLibraryView *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  GListModel *model = G_LIST_MODEL (self->filter_model);

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    return G_MAXUINT;
  for (GtkWidget *w = focus; w != NULL && w != GTK_WIDGET (self->list_view); w = gtk_widget_get_parent (w))
    {
      GtkWidget *child = gtk_widget_get_first_child (w);
      DlArticleSummary *summary = NULL;

      if (DL_IS_ARTICLE_ROW (w))
        summary = dl_article_row_get_summary (DL_ARTICLE_ROW (w));
      else if (child != NULL && DL_IS_ARTICLE_ROW (child))
        summary = dl_article_row_get_summary (DL_ARTICLE_ROW (child));
      if (summary == NULL)
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(DlArticleSummary) item = g_list_model_get_item (model, i);
          if (item == summary)
            return i;
        }
    }
  return G_MAXUINT;
}

/* Delete, Enter and the menu key on a row. In the capture phase on the
 * list's parent: the search entry captures keys typed in the list (to
 * search by typing), and it took Delete and Enter before the list's own
 * shortcuts saw them. */
static gboolean
on_list_key_pressed_cb (DlLibraryView         *self,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GtkEventControllerKey *controller)
{
  guint position;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;
  position = focused_position (self);
  if (position == G_MAXUINT)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      gtk_single_selection_set_selected (self->selection, position);
      gtk_widget_activate_action (GTK_WIDGET (self), "library.delete-selected", NULL);
      return GDK_EVENT_STOP;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      activate_position (self, position);
      return GDK_EVENT_STOP;
    case GDK_KEY_Menu:
      gtk_single_selection_set_selected (self->selection, position);
      gtk_widget_activate_action (GTK_WIDGET (self), "library.context-menu", NULL);
      return GDK_EVENT_STOP;
    case GDK_KEY_F10:
      if ((state & GDK_SHIFT_MASK) == 0)
        return GDK_EVENT_PROPAGATE;
      gtk_single_selection_set_selected (self->selection, position);
      gtk_widget_activate_action (GTK_WIDGET (self), "library.context-menu", NULL);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* Down in the search field goes to the results, not to the next control. */
static void
focus_results_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  DlLibraryView *self = DL_LIBRARY_VIEW (widget);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
  gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
}

static void
on_trash_toggled_cb (DlLibraryView *self)
{
  gboolean trash = gtk_toggle_button_get_active (self->trash_button);

  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), !trash);
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_dropdown), !trash);
  if (trash)
    {
      gtk_stack_set_visible_child_name (self->stack, "trash");
      dl_trash_view_reload (self->trash_view);
    }
  else
    update_page (self);
}

static void
on_trash_restored_cb (DlLibraryView *self,
                      const char    *uuid)
{
  gtk_toggle_button_set_active (self->trash_button, FALSE);
  g_signal_emit (self, signals[ARTICLE_SELECTED], 0, uuid);
}

static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  DlLibraryView *self = DL_LIBRARY_VIEW (widget);

  if (dl_library_view_get_selected_uuid (self) != NULL)
    popup_menu_at (self, gtk_widget_get_width (GTK_WIDGET (self->list_view)) / 2, 24);
}

static void
on_secondary_click_cb (DlLibraryView *self,
                       int            n_press,
                       double         x,
                       double         y,
                       GtkGesture    *gesture)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->list_view), x, y, GTK_PICK_DEFAULT);

  /* Select the row under the pointer first: the menu acts on it. */
  while (picked != NULL && !DL_IS_ARTICLE_ROW (picked))
    {
      GtkWidget *child = gtk_widget_get_first_child (picked);
      picked = (child != NULL && DL_IS_ARTICLE_ROW (child)) ? child : gtk_widget_get_parent (picked);
      if (picked == GTK_WIDGET (self->list_view))
        picked = NULL;
    }
  if (picked != NULL)
    {
      DlArticleSummary *summary = dl_article_row_get_summary (DL_ARTICLE_ROW (picked));
      if (summary != NULL)
        {
          dl_library_view_select_uuid (self, dl_article_summary_get_uuid (summary));
          g_signal_emit (self, signals[ARTICLE_SELECTED], 0, dl_article_summary_get_uuid (summary));
        }
    }

  if (dl_library_view_get_selected_uuid (self) != NULL)
    popup_menu_at (self, x, y);
  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
dl_library_view_dispose (GObject *object)
{
  DlLibraryView *self = DL_LIBRARY_VIEW (object);

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_handle_id (&self->search_timeout_id, g_source_remove);
  g_clear_pointer ((GtkWidget **) &self->row_popover, gtk_widget_unparent);

  gtk_widget_dispose_template (GTK_WIDGET (self), DL_TYPE_LIBRARY_VIEW);
  /* Template children that are not bound are ours to unparent too. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (self)))
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dl_library_view_parent_class)->dispose (object);
}

static void
dl_library_view_finalize (GObject *object)
{
  DlLibraryView *self = DL_LIBRARY_VIEW (object);

  g_clear_pointer (&self->body_matches, g_hash_table_unref);
  g_free (self->query);

  G_OBJECT_CLASS (dl_library_view_parent_class)->finalize (object);
}

static void
dl_library_view_class_init (DlLibraryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_library_view_dispose;
  object_class->finalize = dl_library_view_finalize;

  /**
   * DlLibraryView::article-selected:
   * @uuid: the article the user picked
   */
  signals[ARTICLE_SELECTED] =
    g_signal_new ("article-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * DlLibraryView::delete-requested:
   * @uuid: the article the user wants to move to the trash
   */
  /**
   * DlLibraryView::article-activated:
   * @uuid: the article opened with Enter or a double click: the user
   *   wants to work on it, so the editor takes the focus
   */
  signals[ARTICLE_ACTIVATED] =
    g_signal_new ("article-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /* Referencing the resource links it in from the static library. */
  (void) dl_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dateline/Dateline/dl-library-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DlLibraryView, list_view);
  gtk_widget_class_bind_template_child (widget_class, DlLibraryView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DlLibraryView, stack);
  gtk_widget_class_bind_template_child (widget_class, DlLibraryView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DlLibraryView, trash_button);
  gtk_widget_class_bind_template_child (widget_class, DlLibraryView, trash_view);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_trash_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_trash_restored_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_secondary_click_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);

  gtk_widget_class_install_action (widget_class, "library.delete-selected", NULL, delete_selected_action);
  gtk_widget_class_install_action (widget_class, "library.context-menu", NULL, context_menu_action);
  gtk_widget_class_install_action (widget_class, "library.focus-results", NULL, focus_results_action);

  gtk_widget_class_set_css_name (widget_class, "dl-library-view");
}

static void
dl_library_view_init (DlLibraryView *self)
{
  GtkListItemFactory *factory;

  self->status_filter = -1;
  self->body_matches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_type_ensure (DL_TYPE_TRASH_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* GTK 4.8's drop-down names itself but not the button inside it, which
   * is what a screen reader lands on (tests/a11y-walk.py). */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->status_dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Status filter"), -1);

  self->filter = gtk_custom_filter_new (NULL, NULL, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filter_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (on_selection_changed_cb), self);
  g_signal_connect_swapped (self->filter_model, "items-changed",
                            G_CALLBACK (on_items_changed_cb), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));
}

/**
 * dl_library_view_set_store:
 * @self: a library view
 * @store: (nullable): the store whose summaries to list
 */
void
dl_library_view_set_store (DlLibraryView *self,
                           DlStore       *store)
{
  g_return_if_fail (DL_IS_LIBRARY_VIEW (self));
  g_return_if_fail (store == NULL || DL_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  gtk_filter_list_model_set_model (self->filter_model,
                                   store != NULL ? dl_store_get_summaries (store) : NULL);
  dl_trash_view_set_store (self->trash_view, store);
  update_page (self);
}

DlStore *
dl_library_view_get_store (DlLibraryView *self)
{
  g_return_val_if_fail (DL_IS_LIBRARY_VIEW (self), NULL);
  return self->store;
}

/**
 * dl_library_view_select_uuid:
 * @self: a library view
 * @uuid: (nullable): the article to select, or NULL to unselect
 *
 * Selects without emitting ::article-selected: the caller already knows.
 */
void
dl_library_view_select_uuid (DlLibraryView *self,
                             const char    *uuid)
{
  GListModel *model;
  guint n_items;
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (DL_IS_LIBRARY_VIEW (self));

  model = G_LIST_MODEL (self->filter_model);
  n_items = g_list_model_get_n_items (model);
  for (guint i = 0; uuid != NULL && i < n_items; i++)
    {
      g_autoptr(DlArticleSummary) summary = g_list_model_get_item (model, i);

      if (g_strcmp0 (dl_article_summary_get_uuid (summary), uuid) == 0)
        {
          position = i;
          break;
        }
    }

  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting = FALSE;

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

/**
 * dl_library_view_get_selected_uuid:
 * @self: a library view
 *
 * Returns: (nullable): the UUID of the selected article
 */
const char *
dl_library_view_get_selected_uuid (DlLibraryView *self)
{
  DlArticleSummary *summary;

  g_return_val_if_fail (DL_IS_LIBRARY_VIEW (self), NULL);

  summary = gtk_single_selection_get_selected_item (self->selection);
  return summary != NULL ? dl_article_summary_get_uuid (summary) : NULL;
}

void
dl_library_view_focus_search (DlLibraryView *self)
{
  g_return_if_fail (DL_IS_LIBRARY_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

void
dl_library_view_set_search_text (DlLibraryView *self,
                                 const char    *text)
{
  g_return_if_fail (DL_IS_LIBRARY_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
}

GListModel *
dl_library_view_get_model (DlLibraryView *self)
{
  g_return_val_if_fail (DL_IS_LIBRARY_VIEW (self), NULL);
  return G_LIST_MODEL (self->filter_model);
}
