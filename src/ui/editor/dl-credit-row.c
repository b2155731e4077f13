/* dl-credit-row.c: one editable entry of the credits list
 *
 * The row edits its DlCredit directly through two-way property bindings;
 * moving and removing belong to the list, so the row only asks for them
 * with the "move" and "remove" signals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-credit-row"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-credit-row.h"

struct _DlCreditRow
{
  GtkListBoxRow  parent_instance;

  DlCredit      *credit;
  GBinding      *role_binding;
  GBinding      *name_binding;
  GBinding      *text_binding;

  GtkDropDown   *role_dropdown;
  GtkEntry      *name_entry;
  GtkEntry      *text_entry;
  GtkButton     *move_up_button;
  GtkButton     *move_down_button;
  GtkButton     *remove_button;
};

G_DEFINE_FINAL_TYPE (DlCreditRow, dl_credit_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_CREDIT,
  N_PROPS
};

enum {
  MOVE,
  REMOVE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
role_to_selected (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_uint (to, (guint) g_value_get_enum (from));
  return TRUE;
}

static gboolean
selected_to_role (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  guint selected = g_value_get_uint (from);

  /* GTK_INVALID_LIST_POSITION while the model is being replaced. */
  if (selected >= DL_CREDIT_ROLE_N_ROLES)
    return FALSE;
  g_value_set_enum (to, (int) selected);
  return TRUE;
}

/* Screen reader users hear which credit a button acts on, since every row
 * has the same three buttons. */
static void
update_accessible_labels (DlCreditRow *self)
{
  const char *name = dl_credit_get_name (self->credit);
  const char *role = dl_credit_role_get_label (dl_credit_get_role (self->credit));
  g_autofree char *who = name[0] != '\0' ? g_strdup (name) : g_strdup (role);
  /* Translators: accessible names of a credit's buttons; %s is the person
   * credited, or the role when no name was entered */
  g_autofree char *up = g_strdup_printf (_("Move credit up: %s"), who);
  /* Translators: %s is the person credited, "Anna Ivanova", or the role when
   * no name was entered */
  g_autofree char *down = g_strdup_printf (_("Move credit down: %s"), who);
  /* Translators: %s is the person credited, "Anna Ivanova", or the role when
   * no name was entered */
  g_autofree char *remove = g_strdup_printf (_("Remove credit: %s"), who);
  g_autofree char *row = NULL;

  /* Translators: a credit's role, then the person, e.g. "Photo: Anna Ivanova" */
  row = name[0] != '\0' ? g_strdup_printf (_("%s: %s"), role, name) : g_strdup (role);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->move_up_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, up, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->move_down_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, down, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, row, -1);
}

static void
on_credit_notify_cb (DlCreditRow *self,
                     GParamSpec  *pspec,
                     DlCredit    *credit)
{
  update_accessible_labels (self);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_signal_emit (widget, signals[MOVE], 0, -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_signal_emit (widget, signals[MOVE], 0, 1);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals[REMOVE], 0);
}

static void
set_credit (DlCreditRow *self,
            DlCredit    *credit)
{
  g_assert (self->credit == NULL);
  g_assert (DL_IS_CREDIT (credit));

  self->credit = g_object_ref (credit);
  self->role_binding =
    g_object_bind_property_full (credit, "role", self->role_dropdown, "selected",
                                 G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                 role_to_selected, selected_to_role, NULL, NULL);
  self->name_binding =
    g_object_bind_property (credit, "name", self->name_entry, "text",
                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  self->text_binding =
    g_object_bind_property (credit, "text", self->text_entry, "text",
                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (credit, "notify", G_CALLBACK (on_credit_notify_cb), self,
                           G_CONNECT_SWAPPED);
  update_accessible_labels (self);
}

static void
dl_credit_row_dispose (GObject *object)
{
  DlCreditRow *self = DL_CREDIT_ROW (object);

  /* The credit outlives the row (it stays in the article), so the
   * bindings must go with the row rather than with the credit. */
  g_clear_pointer (&self->role_binding, g_binding_unbind);
  g_clear_pointer (&self->name_binding, g_binding_unbind);
  g_clear_pointer (&self->text_binding, g_binding_unbind);
  gtk_widget_dispose_template (GTK_WIDGET (self), DL_TYPE_CREDIT_ROW);

  G_OBJECT_CLASS (dl_credit_row_parent_class)->dispose (object);
}

static void
dl_credit_row_finalize (GObject *object)
{
  DlCreditRow *self = DL_CREDIT_ROW (object);

  g_clear_object (&self->credit);

  G_OBJECT_CLASS (dl_credit_row_parent_class)->finalize (object);
}

static void
dl_credit_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DlCreditRow *self = DL_CREDIT_ROW (object);

  switch (prop_id)
    {
    case PROP_CREDIT:
      g_value_set_object (value, self->credit);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_credit_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  DlCreditRow *self = DL_CREDIT_ROW (object);

  switch (prop_id)
    {
    case PROP_CREDIT:
      set_credit (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_credit_row_class_init (DlCreditRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_credit_row_dispose;
  object_class->finalize = dl_credit_row_finalize;
  object_class->get_property = dl_credit_row_get_property;
  object_class->set_property = dl_credit_row_set_property;

  properties[PROP_CREDIT] =
    g_param_spec_object ("credit", NULL, NULL, DL_TYPE_CREDIT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DlCreditRow::move:
   * @delta: -1 to move the credit up, 1 to move it down
   */
  signals[MOVE] =
    g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dateline/Dateline/dl-credit-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DlCreditRow, move_down_button);
  gtk_widget_class_bind_template_child (widget_class, DlCreditRow, move_up_button);
  gtk_widget_class_bind_template_child (widget_class, DlCreditRow, name_entry);
  gtk_widget_class_bind_template_child (widget_class, DlCreditRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, DlCreditRow, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DlCreditRow, text_entry);

  gtk_widget_class_install_action (widget_class, "credit.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "credit.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "credit.remove", NULL, remove_action);

  /* Work anywhere in the row, including while typing in its entries. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "credit.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "credit.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "credit.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "credit.move-down", NULL);
}

static void
dl_credit_row_init (DlCreditRow *self)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The model's index is the DlCreditRole value; see the bindings. */
  for (guint i = 0; i < DL_CREDIT_ROLE_N_ROLES; i++)
    gtk_string_list_append (roles, dl_credit_role_get_label (i));
  gtk_drop_down_set_model (self->role_dropdown, G_LIST_MODEL (roles));
}

/**
 * dl_credit_row_new:
 * @credit: the credit to edit
 *
 * Returns: (transfer floating): a row editing @credit in place.
 */
GtkWidget *
dl_credit_row_new (DlCredit *credit)
{
  g_return_val_if_fail (DL_IS_CREDIT (credit), NULL);

  return g_object_new (DL_TYPE_CREDIT_ROW, "credit", credit, NULL);
}

/**
 * dl_credit_row_get_credit:
 *
 * Returns: (transfer none): the credit this row edits.
 */
DlCredit *
dl_credit_row_get_credit (DlCreditRow *self)
{
  g_return_val_if_fail (DL_IS_CREDIT_ROW (self), NULL);
  return self->credit;
}

/**
 * dl_credit_row_set_can_move:
 *
 * Enables the move buttons and shortcuts according to the row's place in
 * the list: the first row cannot go up, the last cannot go down.
 */
void
dl_credit_row_set_can_move (DlCreditRow *self,
                            gboolean     up,
                            gboolean     down)
{
  g_return_if_fail (DL_IS_CREDIT_ROW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "credit.move-up", up);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "credit.move-down", down);
}

static GtkWidget *
part_widget (DlCreditRow     *self,
             DlCreditRowPart  part)
{
  switch (part)
    {
    case DL_CREDIT_ROW_PART_ROLE: return GTK_WIDGET (self->role_dropdown);
    case DL_CREDIT_ROW_PART_NAME: return GTK_WIDGET (self->name_entry);
    case DL_CREDIT_ROW_PART_TEXT: return GTK_WIDGET (self->text_entry);
    case DL_CREDIT_ROW_PART_MOVE_UP: return GTK_WIDGET (self->move_up_button);
    case DL_CREDIT_ROW_PART_MOVE_DOWN: return GTK_WIDGET (self->move_down_button);
    case DL_CREDIT_ROW_PART_REMOVE: return GTK_WIDGET (self->remove_button);
    case DL_CREDIT_ROW_PART_NONE:
    default:
      return NULL;
    }
}

/**
 * dl_credit_row_get_focus_part:
 *
 * Returns: the control of the row that holds the keyboard focus.
 */
DlCreditRowPart
dl_credit_row_get_focus_part (DlCreditRow *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_val_if_fail (DL_IS_CREDIT_ROW (self), DL_CREDIT_ROW_PART_NONE);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root ? gtk_root_get_focus (root) : NULL;
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return DL_CREDIT_ROW_PART_NONE;

  for (DlCreditRowPart part = DL_CREDIT_ROW_PART_ROLE; part <= DL_CREDIT_ROW_PART_REMOVE; part++)
    {
      GtkWidget *widget = part_widget (self, part);

      if (focus == widget || gtk_widget_is_ancestor (focus, widget))
        return part;
    }
  return DL_CREDIT_ROW_PART_NONE;
}

/**
 * dl_credit_row_focus_part:
 *
 * Moves the keyboard focus to @part, or to the nearest control that can
 * take it (a move button is disabled at either end of the list).
 */
void
dl_credit_row_focus_part (DlCreditRow     *self,
                          DlCreditRowPart  part)
{
  GtkWidget *widget;

  g_return_if_fail (DL_IS_CREDIT_ROW (self));

  if (part == DL_CREDIT_ROW_PART_MOVE_UP && !gtk_widget_get_sensitive (GTK_WIDGET (self->move_up_button)))
    part = DL_CREDIT_ROW_PART_MOVE_DOWN;
  else if (part == DL_CREDIT_ROW_PART_MOVE_DOWN && !gtk_widget_get_sensitive (GTK_WIDGET (self->move_down_button)))
    part = DL_CREDIT_ROW_PART_MOVE_UP;

  widget = part_widget (self, part);
  if (widget == NULL || !gtk_widget_get_sensitive (widget))
    widget = GTK_WIDGET (self->name_entry);
  gtk_widget_grab_focus (widget);
}

/**
 * dl_credit_row_add_to_size_group:
 * @role_group: a horizontal size group shared by the rows of one list
 *
 * Gives the role menus of all rows one width, so that the name fields of
 * the list line up whatever role each credit has.
 */
void
dl_credit_row_add_to_size_group (DlCreditRow  *self,
                                 GtkSizeGroup *role_group)
{
  g_return_if_fail (DL_IS_CREDIT_ROW (self));
  g_return_if_fail (GTK_IS_SIZE_GROUP (role_group));

  gtk_size_group_add_widget (role_group, GTK_WIDGET (self->role_dropdown));
}
