/* dl-image-section.c: the featured image of an article
 *
 * The article stores only the image's path; this section shows a
 * thumbnail of it. Decoding happens in a worker thread because a large
 * photo (or a file on a slow or network disk) would otherwise freeze the
 * editor. A missing or broken file is reported in place, and the path is
 * kept, so nothing is lost when a disk is merely not mounted yet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-image-section"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-image-section.h"
#include "dl-local-image.h"

/* Large enough for the preview on a HiDPI screen, small enough to keep in
 * memory for every open article. */
#define THUMBNAIL_MAX_WIDTH 960
#define THUMBNAIL_MAX_HEIGHT 540

struct _DlImageSection
{
  DlEditorSection       parent_instance;

  /* Our own reference: the parent class has already switched to the new
   * article when set_article runs, and the old one must be disconnected. */
  DlArticle            *article;
  GPtrArray            *bindings;
  gulong                path_handler;
  GCancellable         *load_cancellable;
  GtkFileChooserNative *chooser;

  AdwEntryRow          *alt_row;
  AdwEntryRow          *caption_row;
  GtkButton            *choose_button;
  AdwEntryRow          *credit_row;
  GtkLabel             *error_label;
  GtkLabel             *path_label;
  GtkPicture           *picture;
  GtkButton            *remove_button;
  GtkSpinner           *spinner;
  GtkStack             *stack;
};

G_DEFINE_FINAL_TYPE (DlImageSection, dl_image_section, DL_TYPE_EDITOR_SECTION)

static void
on_size_prepared_cb (GdkPixbufLoader *loader,
                     int              width,
                     int              height,
                     gpointer         user_data)
{
  double scale = MIN ((double) THUMBNAIL_MAX_WIDTH / width, (double) THUMBNAIL_MAX_HEIGHT / height);

  /* Only ever scale down: a small image is shown at its own size. */
  if (scale < 1.0)
    gdk_pixbuf_loader_set_size (loader, MAX (1, (int) (width * scale)), MAX (1, (int) (height * scale)));
}

static void
load_thumbnail_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GdkPixbuf) oriented = NULL;
  g_autofree char *path = g_file_get_path (file);
  guchar buffer[64 * 1024];
  gssize n_read;
  GdkPixbuf *pixbuf;

  /* A local file goes through the same check as the preview and the
   * exports: a FIFO, a device or a file that is not an image never
   * reaches the decoder. */
  if (path != NULL)
    {
      g_autoptr(DlLocalImage) image = dl_local_image_load (path, cancellable, &error);

      if (image != NULL)
        stream = g_memory_input_stream_new_from_bytes (image->bytes);
    }
  else
    stream = G_INPUT_STREAM (g_file_read (file, cancellable, &error));
  if (stream == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Made only now: a loader must be closed before it is dropped. */
  loader = gdk_pixbuf_loader_new ();
  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared_cb), NULL);
  while ((n_read = g_input_stream_read (stream, buffer, sizeof buffer, cancellable, &error)) > 0)
    {
      if (!gdk_pixbuf_loader_write (loader, buffer, n_read, &error))
        break;
    }

  if (error != NULL)
    {
      gdk_pixbuf_loader_close (loader, NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!gdk_pixbuf_loader_close (loader, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_task_return_new_error (task, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_UNKNOWN_TYPE,
                               "No image data");
      return;
    }

  /* Camera photos are often stored sideways with an EXIF rotation. */
  oriented = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  g_task_return_pointer (task, g_steal_pointer (&oriented), g_object_unref);
}

static char *
describe_load_error (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return g_strdup (_("The image file could not be found. It may have been moved, renamed or deleted, or be on a disk that is not connected."));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return g_strdup (_("Dateline is not allowed to read the image file."));
  if (g_error_matches (error, DL_LOCAL_IMAGE_ERROR, DL_LOCAL_IMAGE_ERROR_TOO_LARGE))
    return g_strdup (error->message);
  if (error->domain == DL_LOCAL_IMAGE_ERROR || error->domain == GDK_PIXBUF_ERROR ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    return g_strdup (_("This file is not an image Dateline can show. Choose a JPEG, PNG, WebP or GIF image."));
  /* Translators: %s is the reason, such as "Error reading from file: Input/output error" */
  return g_strdup_printf (_("The image could not be loaded: %s"), error->message);
}

static void
on_thumbnail_loaded_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  DlImageSection *self = DL_IMAGE_SECTION (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *message = NULL;

  pixbuf = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->load_cancellable);
  gtk_spinner_stop (self->spinner);

  if (pixbuf == NULL)
    {
      message = describe_load_error (error);
      g_debug ("Could not load the featured image: %s", error->message);
      gtk_label_set_label (self->error_label, message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  texture = gdk_texture_new_for_pixbuf (pixbuf);
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->stack, "image");
}

static GFile *
file_for_path (const char *path)
{
  /* The article may hold a URI for files that have no local path. */
  if (g_uri_peek_scheme (path) != NULL)
    return g_file_new_for_uri (path);
  return g_file_new_for_path (path);
}

static void
load_thumbnail (DlImageSection *self)
{
  DlArticle *article = dl_editor_section_get_article (DL_EDITOR_SECTION (self));
  const char *path = article ? dl_article_get_image_path (article) : "";
  g_autoptr(GTask) task = NULL;

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  gtk_picture_set_paintable (self->picture, NULL);
  gtk_spinner_stop (self->spinner);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "image.remove", path[0] != '\0');

  if (path[0] == '\0')
    {
      gtk_label_set_label (self->path_label, _("No file chosen"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->path_label), NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_label_set_label (self->path_label, path);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->path_label), path);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_start (self->spinner);

  self->load_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->load_cancellable, on_thumbnail_loaded_cb, NULL);
  g_task_set_source_tag (task, load_thumbnail);
  g_task_set_task_data (task, file_for_path (path), g_object_unref);
  g_task_run_in_thread (task, load_thumbnail_thread);
}

static void
on_image_path_cb (DlImageSection *self,
                  GParamSpec     *pspec,
                  DlArticle      *article)
{
  load_thumbnail (self);
}

static void
on_chooser_response_cb (DlImageSection       *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        dl_image_section_set_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DlImageSection *self = DL_IMAGE_SECTION (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/webp");
  gtk_file_filter_add_mime_type (filter, "image/gif");

  /* The native chooser goes through the portal inside Flatpak, which also
   * grants access to the chosen file. */
  self->chooser = gtk_file_chooser_native_new (_("Choose Featured Image"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Removing the image also clears its caption, credit and alt text: they
 * describe that one picture and must not end up under the next one. */
static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DlImageSection *self = DL_IMAGE_SECTION (widget);
  DlArticle *article = dl_editor_section_get_article (DL_EDITOR_SECTION (self));

  if (article == NULL)
    return;

  g_object_freeze_notify (G_OBJECT (article));
  dl_article_set_image_path (article, "");
  dl_article_set_image_caption (article, "");
  dl_article_set_image_credit (article, "");
  dl_article_set_image_alt (article, "");
  g_object_thaw_notify (G_OBJECT (article));

  /* The remove button just became insensitive; keep focus nearby. */
  gtk_widget_grab_focus (GTK_WIDGET (self->choose_button));
}

static gboolean
on_drop_cb (DlImageSection *self,
            const GValue   *value,
            double          x,
            double          y,
            GtkDropTarget  *target)
{
  if (dl_editor_section_get_article (DL_EDITOR_SECTION (self)) == NULL || !G_VALUE_HOLDS (value, G_TYPE_FILE))
    return FALSE;

  dl_image_section_set_file (self, g_value_get_object (value));
  return TRUE;
}

static void
bind_field (DlImageSection *self,
            DlArticle      *article,
            const char     *property,
            AdwEntryRow    *row)
{
  g_ptr_array_add (self->bindings,
                   g_object_bind_property (article, property, row, "text",
                                           G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE));
}

static void
dl_image_section_set_article (DlEditorSection *section,
                              DlArticle       *article)
{
  DlImageSection *self = DL_IMAGE_SECTION (section);

  g_ptr_array_set_size (self->bindings, 0);
  if (self->article != NULL)
    g_clear_signal_handler (&self->path_handler, self->article);
  g_clear_object (&self->article);

  if (article != NULL)
    {
      bind_field (self, article, "image-caption", self->caption_row);
      bind_field (self, article, "image-credit", self->credit_row);
      bind_field (self, article, "image-alt", self->alt_row);
      /* Screen readers describe the thumbnail with the alt text itself. */
      g_ptr_array_add (self->bindings,
                       g_object_bind_property (article, "image-alt", self->picture, "alternative-text",
                                               G_BINDING_SYNC_CREATE));
      self->path_handler = g_signal_connect_object (article, "notify::image-path",
                                                    G_CALLBACK (on_image_path_cb), self,
                                                    G_CONNECT_SWAPPED);
      self->article = g_object_ref (article);
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->caption_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->credit_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->alt_row), "");
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->caption_row), article != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->credit_row), article != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->alt_row), article != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "image.choose", article != NULL);
  load_thumbnail (self);
}

static void
unbind_binding (gpointer data)
{
  g_binding_unbind (data);
}

static void
dl_image_section_dispose (GObject *object)
{
  DlImageSection *self = DL_IMAGE_SECTION (object);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->bindings != NULL)
    g_ptr_array_set_size (self->bindings, 0);
  if (self->article != NULL)
    g_clear_signal_handler (&self->path_handler, self->article);
  g_clear_object (&self->article);
  gtk_widget_dispose_template (GTK_WIDGET (self), DL_TYPE_IMAGE_SECTION);

  G_OBJECT_CLASS (dl_image_section_parent_class)->dispose (object);
}

static void
dl_image_section_finalize (GObject *object)
{
  DlImageSection *self = DL_IMAGE_SECTION (object);

  g_clear_pointer (&self->bindings, g_ptr_array_unref);

  G_OBJECT_CLASS (dl_image_section_parent_class)->finalize (object);
}

static void
dl_image_section_class_init (DlImageSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  DlEditorSectionClass *section_class = DL_EDITOR_SECTION_CLASS (klass);

  object_class->dispose = dl_image_section_dispose;
  object_class->finalize = dl_image_section_finalize;
  section_class->set_article = dl_image_section_set_article;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dateline/Dateline/dl-image-section.ui");
  gtk_widget_class_bind_template_child (widget_class, DlImageSection, alt_row);
  gtk_widget_class_bind_template_child (widget_class, DlImageSection, caption_row);
  gtk_widget_class_bind_template_child (widget_class, DlImageSection, choose_button);
  gtk_widget_class_bind_template_child (widget_class, DlImageSection, credit_row);
  gtk_widget_class_bind_template_child (widget_class, DlImageSection, error_label);
  gtk_widget_class_bind_template_child (widget_class, DlImageSection, path_label);
  gtk_widget_class_bind_template_child (widget_class, DlImageSection, picture);
  gtk_widget_class_bind_template_child (widget_class, DlImageSection, remove_button);
  gtk_widget_class_bind_template_child (widget_class, DlImageSection, spinner);
  gtk_widget_class_bind_template_child (widget_class, DlImageSection, stack);

  gtk_widget_class_install_action (widget_class, "image.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "image.remove", NULL, remove_action);
}

static void
dl_image_section_init (DlImageSection *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->bindings = g_ptr_array_new_with_free_func (unbind_binding);

  drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "image.choose", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "image.remove", FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->caption_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->credit_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->alt_row), FALSE);
}

/**
 * dl_image_section_new:
 *
 * Returns: (transfer floating): a featured image section with no article.
 */
GtkWidget *
dl_image_section_new (void)
{
  return g_object_new (DL_TYPE_IMAGE_SECTION, NULL);
}

/**
 * dl_image_section_set_file:
 * @file: the image chosen by the user
 *
 * Makes @file the article's featured image and starts loading its
 * thumbnail in the background. The file chooser and drag and drop both
 * end up here.
 */
void
dl_image_section_set_file (DlImageSection *self,
                           GFile          *file)
{
  DlArticle *article;
  g_autofree char *path = NULL;

  g_return_if_fail (DL_IS_IMAGE_SECTION (self));
  g_return_if_fail (G_IS_FILE (file));

  article = dl_editor_section_get_article (DL_EDITOR_SECTION (self));
  g_return_if_fail (article != NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    path = g_file_get_uri (file);

  /* Choosing the same file again reloads it: it may have been fixed. */
  if (g_strcmp0 (path, dl_article_get_image_path (article)) == 0)
    load_thumbnail (self);
  else
    dl_article_set_image_path (article, path);
}

/**
 * dl_image_section_is_loading:
 *
 * Returns: %TRUE while a thumbnail is being loaded.
 */
gboolean
dl_image_section_is_loading (DlImageSection *self)
{
  g_return_val_if_fail (DL_IS_IMAGE_SECTION (self), FALSE);
  return self->load_cancellable != NULL;
}

/* The caption's field, for the editor's spelling. */
GtkEditable *
dl_image_section_get_caption (DlImageSection *self)
{
  g_return_val_if_fail (DL_IS_IMAGE_SECTION (self), NULL);
  return GTK_EDITABLE (self->caption_row);
}
