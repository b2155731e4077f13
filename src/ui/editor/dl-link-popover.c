/* dl-link-popover.c: a small popover for a link's address
 *
 * Ctrl+K on a selection asks for the address here; Return (or "Add
 * Link") emits ::chosen with it, Escape closes. An address typed without
 * a scheme ("belta.by/news") means https; what is not a web or mail
 * address is refused in place, so a link never points at a file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-link-popover"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dl-link-popover.h"

struct _DlLinkPopover
{
  GtkPopover  parent_instance;

  GtkEntry   *entry;
  GtkWidget  *button;
};

G_DEFINE_FINAL_TYPE (DlLinkPopover, dl_link_popover, GTK_TYPE_POPOVER)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * dl_link_popover_normalize:
 *
 * Returns: (transfer full) (nullable): the address to write, or %NULL
 *   when @typed is not a web or mail address
 */
char *
dl_link_popover_normalize (const char *typed)
{
  g_autofree char *text = g_strstrip (g_strdup (typed != NULL ? typed : ""));
  g_autofree char *candidate = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (*text == '\0' || strpbrk (text, " \t\n()<>") != NULL)
    return NULL;
  if (g_str_has_prefix (text, "mailto:"))
    return strchr (text, '@') != NULL ? g_steal_pointer (&text) : NULL;
  candidate = strstr (text, "://") != NULL ? g_strdup (text) : g_strconcat ("https://", text, NULL);
  uri = g_uri_parse (candidate, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return NULL;
  scheme = g_uri_get_scheme (uri);
  if ((g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0)
      || g_uri_get_host (uri) == NULL || strchr (g_uri_get_host (uri), '.') == NULL)
    return NULL;
  return g_steal_pointer (&candidate);
}

static void
choose (DlLinkPopover *self)
{
  g_autofree char *address = dl_link_popover_normalize (gtk_editable_get_text (GTK_EDITABLE (self->entry)));

  if (address == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
      gtk_widget_error_bell (GTK_WIDGET (self->entry));
      return;
    }
  /* Before closing: ::closed lets go of the text being linked. */
  g_signal_emit (self, signals[CHOSEN], 0, address);
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_entry_changed (DlLinkPopover *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
}

static void
dl_link_popover_class_init (DlLinkPopoverClass *klass)
{
  /**
   * DlLinkPopover::chosen:
   * @address: the link's address, with its scheme
   */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
dl_link_popover_init (DlLinkPopover *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_input_purpose (self->entry, GTK_INPUT_PURPOSE_URL);
  gtk_entry_set_placeholder_text (self->entry, _("https://…"));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 32);
  gtk_widget_set_name (GTK_WIDGET (self->entry), "link-address");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Link address"), -1);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (choose), self);
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (on_entry_changed), self);
  self->button = gtk_button_new_with_mnemonic (_("_Add Link"));
  gtk_widget_add_css_class (self->button, "suggested-action");
  g_signal_connect_swapped (self->button, "clicked", G_CALLBACK (choose), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));
  gtk_box_append (GTK_BOX (box), self->button);
  gtk_popover_set_child (GTK_POPOVER (self), box);
  gtk_popover_set_position (GTK_POPOVER (self), GTK_POS_BOTTOM);
}

GtkWidget *
dl_link_popover_new (void)
{
  return g_object_new (DL_TYPE_LINK_POPOVER, NULL);
}

/* Shows the popover, empty, with the keyboard in the address field. */
void
dl_link_popover_ask (DlLinkPopover *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  gtk_popover_popup (GTK_POPOVER (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}
