/* dl-tag-entry.c: a token entry that edits an article's tags
 *
 * Tags show as chips (a label and a remove button) followed by a text
 * field, all wrapped over as many lines as needed. The article is the
 * single source of truth: every edit goes through dl_article_add_tag() or
 * dl_article_remove_tag(), and the chips are rebuilt from "notify::tags",
 * so changes made elsewhere show up too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-tag-entry"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-tag-entry.h"
#include "dl-tag-suggestions.h"

#define CHIP_SPACING 6
#define LINE_SPACING 4
#define DUPLICATE_HIGHLIGHT_MS 1200
#define NATURAL_WIDTH_LIMIT 420

struct _DlTagEntry
{
  GtkWidget   parent_instance;

  DlArticle  *article;
  gulong      tags_handler;

  /* Chips in tag order; each is a direct child placed before the text. */
  GPtrArray  *chips;
  GtkWidget  *highlighted_chip;
  guint       highlight_source;

  /* Whether the last insertion was more than one character (a paste or
   * a drop), which decides what happens to the text after the last comma. */
  gboolean    last_insert_was_paste;
  gboolean    splitting;

  GtkText    *text;
  DlTagSuggestions *suggestions;  /* the site's tags, as typing goes */
};

G_DEFINE_FINAL_TYPE (DlTagEntry, dl_tag_entry, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ARTICLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_separator (gunichar c)
{
  return c == ',' || c == '\n' || c == '\r';
}

static const char *
chip_get_tag (GtkWidget *chip)
{
  return g_object_get_data (G_OBJECT (chip), "dl-tag");
}

static int
find_chip (DlTagEntry *self,
           const char *tag)
{
  g_autofree char *normalized = dl_tag_normalize (tag);
  g_autofree char *wanted = NULL;

  if (normalized == NULL)
    return -1;

  wanted = g_utf8_casefold (normalized, -1);
  for (guint i = 0; i < self->chips->len; i++)
    {
      g_autofree char *folded = g_utf8_casefold (chip_get_tag (g_ptr_array_index (self->chips, i)), -1);

      if (g_strcmp0 (folded, wanted) == 0)
        return (int) i;
    }
  return -1;
}

static gboolean
on_highlight_timeout_cb (gpointer user_data)
{
  DlTagEntry *self = user_data;

  if (self->highlighted_chip != NULL)
    gtk_widget_remove_css_class (self->highlighted_chip, "dl-tag-duplicate");
  self->highlighted_chip = NULL;
  self->highlight_source = 0;
  return G_SOURCE_REMOVE;
}

static void
clear_highlight (DlTagEntry *self)
{
  g_clear_handle_id (&self->highlight_source, g_source_remove);
  if (self->highlighted_chip != NULL)
    gtk_widget_remove_css_class (self->highlighted_chip, "dl-tag-duplicate");
  self->highlighted_chip = NULL;
}

/* A duplicate is silently dropped by the model; flashing the chip that is
 * already there tells the user why nothing was added. */
static void
highlight_chip (DlTagEntry *self,
                GtkWidget  *chip)
{
  clear_highlight (self);
  self->highlighted_chip = chip;
  gtk_widget_add_css_class (chip, "dl-tag-duplicate");
  self->highlight_source = g_timeout_add (DUPLICATE_HIGHLIGHT_MS, on_highlight_timeout_cb, self);
}

/* Adds one typed or pasted piece; returns whether it became a new tag. */
static gboolean
add_tag (DlTagEntry *self,
         const char *tag)
{
  int existing;

  if (self->article == NULL)
    return FALSE;
  if (dl_article_add_tag (self->article, tag))
    return TRUE;

  existing = find_chip (self, tag);
  if (existing >= 0)
    highlight_chip (self, g_ptr_array_index (self->chips, existing));
  return FALSE;
}

static void
on_chip_remove_clicked_cb (DlTagEntry *self,
                           GtkButton  *button)
{
  GtkWidget *chip = gtk_widget_get_parent (GTK_WIDGET (button));
  g_autofree char *tag = g_strdup (chip_get_tag (chip));
  guint index = 0;

  if (self->article == NULL || !g_ptr_array_find (self->chips, chip, &index))
    return;

  dl_article_remove_tag (self->article, tag);

  /* The chip that had focus is gone: keep the user in the same spot, on
   * the next chip's button, else the previous one, else the text field. */
  if (self->chips->len > 0)
    {
      GtkWidget *next = g_ptr_array_index (self->chips, MIN (index, self->chips->len - 1));
      gtk_widget_grab_focus (gtk_widget_get_last_child (next));
    }
  else
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->text));
    }
}

static GtkWidget *
create_chip (DlTagEntry *self,
             const char *tag)
{
  /* Translators: the accessible name of a tag's remove button, %s is the tag */
  g_autofree char *remove_label = g_strdup_printf (_("Remove tag %s"), tag);
  GtkWidget *chip;
  GtkWidget *label;
  GtkWidget *button;

  /* Chips are made per tag at run time, like list rows from a factory. */
  chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  gtk_widget_add_css_class (chip, "dl-tag-chip");
  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (chip), "dl-tag", g_strdup (tag), g_free);

  label = gtk_label_new (tag);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_widget_set_tooltip_text (label, tag);
  gtk_box_append (GTK_BOX (chip), label);

  button = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_chip_remove_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (chip), button);

  return chip;
}

/* Chips whose tag is still there are kept rather than rebuilt: one of
 * them may be under the pointer or hold the focus (a tag committed when
 * the field loses focus to a chip's remove button must not destroy that
 * button mid-click). */
static void
rebuild_chips (DlTagEntry *self)
{
  const char * const *tags = self->article ? dl_article_get_tags (self->article) : NULL;
  g_autoptr(GPtrArray) old = g_steal_pointer (&self->chips);

  self->chips = g_ptr_array_new ();
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      GtkWidget *chip = NULL;

      for (guint j = 0; j < old->len && chip == NULL; j++)
        {
          GtkWidget *candidate = g_ptr_array_index (old, j);

          if (candidate != NULL && g_strcmp0 (chip_get_tag (candidate), tags[i]) == 0)
            {
              chip = candidate;
              old->pdata[j] = NULL;
            }
        }
      if (chip == NULL)
        chip = create_chip (self, tags[i]);

      /* Also reorders a kept chip when tags were reordered. */
      gtk_widget_insert_before (chip, GTK_WIDGET (self), GTK_WIDGET (self->text));
      g_ptr_array_add (self->chips, chip);
    }

  for (guint j = 0; j < old->len; j++)
    {
      GtkWidget *gone = g_ptr_array_index (old, j);

      if (gone == NULL)
        continue;
      if (gone == self->highlighted_chip)
        clear_highlight (self);
      gtk_widget_unparent (gone);
    }
}

static void
on_article_tags_cb (DlTagEntry *self,
                    GParamSpec *pspec,
                    DlArticle  *article)
{
  rebuild_chips (self);
}

static void
on_text_activate_cb (DlTagEntry *self,
                     GtkText    *text)
{
  dl_tag_entry_commit (self);
}

/* The "backspace" keybinding signal: with nothing typed, Backspace takes
 * back the last tag, as in most token entries. */
static void
on_text_backspace_cb (DlTagEntry *self,
                      GtkText    *text)
{
  const char * const *tags;
  guint n;

  if (self->article == NULL || gtk_editable_get_text (GTK_EDITABLE (text))[0] != '\0')
    return;

  tags = dl_article_get_tags (self->article);
  n = g_strv_length ((char **) tags);
  if (n > 0)
    {
      g_autofree char *last = g_strdup (tags[n - 1]);

      dl_article_remove_tag (self->article, last);
      g_signal_stop_emission_by_name (text, "backspace");
    }
}

static void
on_text_insert_text_cb (DlTagEntry *self,
                        const char *new_text,
                        int         length,
                        int        *position,
                        GtkText    *text)
{
  if (!self->splitting)
    self->last_insert_was_paste = g_utf8_strlen (new_text, length) > 1;
}

/* A comma (or a line break, in pasted text) ends a tag. When typing, the
 * text before the comma becomes a tag and whatever follows stays in the
 * field; a pasted "a, b, c" is a complete list, so all three are added. */
static void
on_text_changed_cb (DlTagEntry *self,
                    GtkText    *text)
{
  const char *str = gtk_editable_get_text (GTK_EDITABLE (text));
  g_autoptr(GPtrArray) pieces = NULL;
  g_autofree char *rest = NULL;
  const char *start = str;
  gboolean has_separator = FALSE;
  gboolean blank = TRUE;

  if (self->splitting || self->article == NULL)
    return;

  for (const char *p = str; *p && !has_separator; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      has_separator = is_separator (c);
      blank = blank && g_unichar_isspace (c);
    }

  /* The space typed after a comma ("a, b") must not start the next tag. */
  if (blank && *str != '\0')
    {
      self->splitting = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (text), "");
      self->splitting = FALSE;
      return;
    }
  if (!has_separator)
    {
      dl_tag_suggestions_update (self->suggestions, str, self->article);
      return;
    }
  gtk_popover_popdown (GTK_POPOVER (self->suggestions));

  pieces = g_ptr_array_new_with_free_func (g_free);
  for (const char *p = str; *p; p = g_utf8_next_char (p))
    {
      if (is_separator (g_utf8_get_char (p)))
        {
          g_ptr_array_add (pieces, g_strndup (start, p - start));
          start = g_utf8_next_char (p);
        }
    }
  rest = g_strdup (start);
  if (self->last_insert_was_paste)
    {
      g_ptr_array_add (pieces, g_steal_pointer (&rest));
      rest = g_strdup ("");
    }

  for (guint i = 0; i < pieces->len; i++)
    add_tag (self, g_ptr_array_index (pieces, i));

  self->splitting = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (text), g_strchug (rest));
  gtk_editable_set_position (GTK_EDITABLE (text), -1);
  self->splitting = FALSE;
}

/* Leaving the field with a tag half typed keeps it: the text would
 * otherwise be silently lost when the user moves on to the next field.
 * Switching to another window is not leaving, so nothing happens then. */
static void
on_text_focus_leave_cb (DlTagEntry              *self,
                        GtkEventControllerFocus *controller)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root) && !gtk_window_is_active (GTK_WINDOW (root)))
    return;
  gtk_popover_popdown (GTK_POPOVER (self->suggestions));
  dl_tag_entry_commit (self);
}

static void
take_suggestion (DlTagEntry *self,
                 const char *tag)
{
  g_autofree char *chosen = g_strdup (tag);

  gtk_popover_popdown (GTK_POPOVER (self->suggestions));
  self->splitting = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->text), "");
  self->splitting = FALSE;
  add_tag (self, chosen);
}

static void
on_suggestion_chosen_cb (DlTagSuggestions *suggestions,
                         const char       *tag,
                         DlTagEntry       *self)
{
  take_suggestion (self, tag);
  gtk_widget_grab_focus (GTK_WIDGET (self->text));
}

/* Down, Up, Return and Escape for the suggestions, before the field. */
static gboolean
on_text_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        DlTagEntry            *self)
{
  const char *selected;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->suggestions))
      || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      dl_tag_suggestions_move (self->suggestions, 1);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      dl_tag_suggestions_move (self->suggestions, -1);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      selected = dl_tag_suggestions_get_selected (self->suggestions);
      if (selected == NULL)
        return FALSE;
      take_suggestion (self, selected);
      return TRUE;
    case GDK_KEY_Escape:
      gtk_popover_popdown (GTK_POPOVER (self->suggestions));
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_click_pressed_cb (DlTagEntry      *self,
                     int              n_press,
                     double           x,
                     double           y,
                     GtkGestureClick *gesture)
{
  GtkWidget *target = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  /* Clicks on the empty area around the chips should behave like clicks
   * on an entry; clicks on a chip's button must still reach the button. */
  if (target == GTK_WIDGET (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->text));
}

/* Layout: children flow left to right and wrap; the text field takes the
 * rest of the last line, or a line of its own when too little is left. */
static int
layout_lines (DlTagEntry    *self,
              int            width,
              gboolean       allocate,
              int            height)
{
  int x = 0;
  int y = 0;
  int line_height = 0;
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) widths = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GPtrArray) children = g_ptr_array_new ();
  g_autoptr(GArray) line_of = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) line_ys = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) line_heights = g_array_new (FALSE, FALSE, sizeof (int));
  int line = 0;
  int total;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min_w, nat_w, child_w, min_h, nat_h;
      gboolean is_text = child == GTK_WIDGET (self->text);

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
      child_w = is_text ? min_w : MIN (nat_w, width);
      child_w = MAX (child_w, min_w);

      if (x > 0 && x + child_w > width)
        {
          g_array_append_val (line_ys, y);
          g_array_append_val (line_heights, line_height);
          y += line_height + LINE_SPACING;
          x = 0;
          line_height = 0;
          line++;
        }

      if (is_text)
        child_w = MAX (child_w, width - x);

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, child_w, &min_h, &nat_h, NULL, NULL);
      line_height = MAX (line_height, nat_h);

      g_ptr_array_add (children, child);
      g_array_append_val (xs, x);
      g_array_append_val (widths, child_w);
      g_array_append_val (line_of, line);
      x += child_w + CHIP_SPACING;
    }
  g_array_append_val (line_ys, y);
  g_array_append_val (line_heights, line_height);
  total = y + line_height;

  if (allocate)
    {
      /* Centre the content when the entry is taller than it needs. */
      int offset = MAX (0, (height - total) / 2);
      gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;

      for (guint i = 0; i < children->len; i++)
        {
          GtkWidget *child = g_ptr_array_index (children, i);
          int l = g_array_index (line_of, int, i);
          int cw = g_array_index (widths, int, i);
          int cx = g_array_index (xs, int, i);

          gtk_widget_size_allocate (child,
                                    &(GtkAllocation) {
                                      rtl ? width - cx - cw : cx,
                                      offset + g_array_index (line_ys, int, l),
                                      cw,
                                      g_array_index (line_heights, int, l),
                                    },
                                    -1);
        }
    }

  return total;
}

static GtkSizeRequestMode
dl_tag_entry_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
dl_tag_entry_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  DlTagEntry *self = DL_TAG_ENTRY (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int min = 0;
      int nat = 0;

      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, &child_nat, NULL, NULL);
          min = MAX (min, child_min);
          nat += child_nat + (nat > 0 ? CHIP_SPACING : 0);
        }
      /* Like a wrapping label: asking for every tag on one line would
       * make the whole editor as wide as the longest tag list. */
      *minimum = min;
      *natural = MAX (min, MIN (nat, NATURAL_WIDTH_LIMIT));
    }
  else
    {
      int width = for_size;

      if (width < 0)
        {
          int ignored;

          dl_tag_entry_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &ignored, &width, NULL, NULL);
        }
      *minimum = *natural = layout_lines (self, width, FALSE, 0);
    }
}

static void
dl_tag_entry_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  layout_lines (DL_TAG_ENTRY (widget), width, TRUE, height);
  gtk_popover_present (GTK_POPOVER (DL_TAG_ENTRY (widget)->suggestions));
}

/* Entering the widget with Tab lands on the text field, the control used
 * most; the chips' remove buttons come before it, so Shift+Tab from the
 * field walks back through them, and Tab from the field leaves the widget.
 * The order is explicit because GTK sorts by position, and the text field
 * sits higher on the line than the (vertically centred) chips. */
static gboolean
dl_tag_entry_focus (GtkWidget        *widget,
                    GtkDirectionType  direction)
{
  DlTagEntry *self = DL_TAG_ENTRY (widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  int n = (int) self->chips->len + 1;
  int current;
  int step;

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return GTK_WIDGET_CLASS (dl_tag_entry_parent_class)->focus (widget, direction);

  if (focus_child == NULL)
    return gtk_widget_child_focus (GTK_WIDGET (self->text), direction);

  /* Positions 0..n-2 are the chips, n-1 the text field. */
  current = n - 1;
  for (guint i = 0; i < self->chips->len; i++)
    if (g_ptr_array_index (self->chips, i) == focus_child)
      current = (int) i;

  step = direction == GTK_DIR_TAB_FORWARD ? 1 : -1;
  for (int i = current + step; i >= 0 && i < n; i += step)
    {
      GtkWidget *next = i == n - 1 ? GTK_WIDGET (self->text) : g_ptr_array_index (self->chips, i);

      if (gtk_widget_child_focus (next, direction))
        return TRUE;
    }
  return FALSE;
}

static gboolean
dl_tag_entry_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (DL_TAG_ENTRY (widget)->text));
}

static void
dl_tag_entry_dispose (GObject *object)
{
  DlTagEntry *self = DL_TAG_ENTRY (object);

  dl_tag_entry_set_article (self, NULL);
  clear_highlight (self);
  for (guint i = 0; i < self->chips->len; i++)
    gtk_widget_unparent (g_ptr_array_index (self->chips, i));
  g_ptr_array_set_size (self->chips, 0);
  g_clear_pointer ((GtkWidget **) &self->suggestions, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), DL_TYPE_TAG_ENTRY);

  G_OBJECT_CLASS (dl_tag_entry_parent_class)->dispose (object);
}

static void
dl_tag_entry_finalize (GObject *object)
{
  DlTagEntry *self = DL_TAG_ENTRY (object);

  g_clear_pointer (&self->chips, g_ptr_array_unref);

  G_OBJECT_CLASS (dl_tag_entry_parent_class)->finalize (object);
}

static void
dl_tag_entry_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  DlTagEntry *self = DL_TAG_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_tag_entry_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  DlTagEntry *self = DL_TAG_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      dl_tag_entry_set_article (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_tag_entry_class_init (DlTagEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_tag_entry_dispose;
  object_class->finalize = dl_tag_entry_finalize;
  object_class->get_property = dl_tag_entry_get_property;
  object_class->set_property = dl_tag_entry_set_property;

  widget_class->get_request_mode = dl_tag_entry_get_request_mode;
  widget_class->measure = dl_tag_entry_measure;
  widget_class->size_allocate = dl_tag_entry_size_allocate;
  widget_class->focus = dl_tag_entry_focus;
  widget_class->grab_focus = dl_tag_entry_grab_focus;

  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL, DL_TYPE_ARTICLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* "entry" gives the widget the look of a GNOME entry, focus ring included. */
  gtk_widget_class_set_css_name (widget_class, "entry");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dateline/Dateline/dl-tag-entry.ui");
  gtk_widget_class_bind_template_child (widget_class, DlTagEntry, text);
  gtk_widget_class_bind_template_callback (widget_class, on_click_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_text_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_text_backspace_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_text_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_text_insert_text_cb);
}

static void
dl_tag_entry_init (DlTagEntry *self)
{
  GtkEventController *keys;

  self->chips = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "dl-tag-entry");

  self->suggestions = DL_TAG_SUGGESTIONS (dl_tag_suggestions_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->suggestions), GTK_WIDGET (self));
  g_signal_connect (self->suggestions, "chosen", G_CALLBACK (on_suggestion_chosen_cb), self);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_text_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text), keys);
}

/**
 * dl_tag_entry_new:
 *
 * Returns: (transfer floating): a new tag entry with no article.
 */
GtkWidget *
dl_tag_entry_new (void)
{
  return g_object_new (DL_TYPE_TAG_ENTRY, NULL);
}

/**
 * dl_tag_entry_get_article:
 *
 * Returns: (nullable) (transfer none): the article whose tags are edited.
 */
DlArticle *
dl_tag_entry_get_article (DlTagEntry *self)
{
  g_return_val_if_fail (DL_IS_TAG_ENTRY (self), NULL);
  return self->article;
}

/**
 * dl_tag_entry_set_article:
 * @article: (nullable): the article to edit
 *
 * Shows the tags of @article and follows its "tags" property.
 */
void
dl_tag_entry_set_article (DlTagEntry *self,
                          DlArticle  *article)
{
  g_return_if_fail (DL_IS_TAG_ENTRY (self));
  g_return_if_fail (article == NULL || DL_IS_ARTICLE (article));

  if (self->article == article)
    return;

  if (self->article != NULL)
    g_clear_signal_handler (&self->tags_handler, self->article);
  g_set_object (&self->article, article);
  if (article != NULL)
    self->tags_handler = g_signal_connect_object (article, "notify::tags",
                                                  G_CALLBACK (on_article_tags_cb), self,
                                                  G_CONNECT_SWAPPED);

  /* Text typed for the previous article must not leak into the next one. */
  self->splitting = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->text), "");
  self->splitting = FALSE;
  rebuild_chips (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

/**
 * dl_tag_entry_commit:
 *
 * Adds the text typed so far as a tag and clears the field. A duplicate is
 * not added; the chip already showing it is highlighted instead.
 *
 * Returns: %TRUE if a new tag was added.
 */
gboolean
dl_tag_entry_commit (DlTagEntry *self)
{
  g_autofree char *pending = NULL;
  gboolean added;

  g_return_val_if_fail (DL_IS_TAG_ENTRY (self), FALSE);

  pending = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->text)));
  if (self->article == NULL || pending[0] == '\0')
    return FALSE;

  added = add_tag (self, pending);
  self->splitting = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->text), "");
  self->splitting = FALSE;
  return added;
}

/**
 * dl_tag_entry_set_known_tags:
 * @tags: (nullable): tags to suggest while typing (GtkStringObject)
 */
void
dl_tag_entry_set_known_tags (DlTagEntry *self,
                             GListModel *tags)
{
  g_return_if_fail (DL_IS_TAG_ENTRY (self));

  dl_tag_suggestions_set_known (self->suggestions, tags);
}

/**
 * dl_tag_entry_get_n_chips:
 *
 * Returns: how many tag chips are shown.
 */
guint
dl_tag_entry_get_n_chips (DlTagEntry *self)
{
  g_return_val_if_fail (DL_IS_TAG_ENTRY (self), 0);
  return self->chips->len;
}

/**
 * dl_tag_entry_get_chip:
 *
 * Returns: (transfer none) (nullable): the chip showing the tag at
 *   @position; its last child is the remove button.
 */
GtkWidget *
dl_tag_entry_get_chip (DlTagEntry *self,
                       guint       position)
{
  g_return_val_if_fail (DL_IS_TAG_ENTRY (self), NULL);

  if (position >= self->chips->len)
    return NULL;
  return g_ptr_array_index (self->chips, position);
}
