/* dl-preview.c: the live preview pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How an edit reaches the screen (see docs/PREVIEW.md):
 * 1. the article's "changed" handler only arms the next frame's update
 *    (or, when the last update cost more than a frame, a timer as long as
 *    it took): O(1) on the main thread whatever the article's size, so
 *    typing never waits, and a frame's keystrokes make one update;
 * 2. a deep copy of the article is rendered in a worker thread, block by
 *    block, and compared there with what the page shows (dl-block-patch);
 * 3. only the blocks that changed are replaced in the page; the whole
 *    article element when the text around the body or most of the body
 *    changed; the whole page only when the article, its language, its
 *    image, the template or the colour scheme changes. The scroll
 *    position stays.
 * One update at a time: edits made meanwhile mark the preview dirty and
 * are picked up, all at once, when the update in flight is on screen.
 */
#define G_LOG_DOMAIN "dl-preview"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-block-map.h"
#include "dl-body-images.h"
#include "dl-preview.h"
#include "dl-preview-pane.h"
#include "dl-renderer.h"
#include "dl-util.h"

/* An update that costs less than a frame goes on the next frame; a
 * costlier one waits as long as it took, within these bounds. */
#define FRAME_MS               16
#define UPDATE_DELAY_MIN_MS    17
#define UPDATE_DELAY_MAX_MS    500
/* However fast one types, the preview follows at least this often. */
#define UPDATE_MAX_WAIT_FACTOR 3
#define REVEAL_DELAY_MS        60

struct _DlPreview
{
  AdwBin         parent_instance;

  AdwClamp      *view_clamp;
  GtkRevealer   *error_revealer;
  GtkLabel      *error_label;

  DlPreviewView *view;
  DlArticle     *article;
  DlRenderer    *renderer;      /* NULL until a worker configured one */
  GFile         *template_dir;
  char          *device;
  char          *template_error;
  DlContext     *context;       /* its settings hold the device and the template */
  DlHouseStyle  *house_style;   /* the context's, followed */
  GCancellable  *cancellable;

  /* What the loaded page was made for: a change of any needs a reload. */
  char          *page_uuid;
  char          *page_language;
  char          *page_image_path;

  gint64         first_pending_change;
  gint64         update_started;
  guint          last_update_ms;
  gssize         pending_reveal;
  guint          config_serial;
  guint          update_serial;   /* bumped when the page is lost */
  guint          debounce_id;
  guint          tick_id;         /* the next frame's update */
  guint          reveal_id;
  DlRenderedArticle *shown;       /* what the page's article holds; NULL: not known */
  guint          n_patches;       /* updates that replaced only changed blocks */
  guint          n_replacements;  /* updates that replaced the whole article */
  gint64         last_render_us;  /* the worker's time for the last update */
  gboolean       last_was_patch;

  guint          dark : 1;
  guint          busy : 1;          /* a render or a page update is in flight */
  guint          rendering : 1;     /* a worker holds the renderer */
  guint          dirty : 1;         /* the article changed since the last render began */
  guint          needs_page : 1;    /* the next update loads the whole page */
};

static void dl_preview_pane_iface_init (DlPreviewPaneInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DlPreview, dl_preview, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (DL_TYPE_PREVIEW_PANE, dl_preview_pane_iface_init))

enum {
  PROP_0,
  PROP_ARTICLE,
  PROP_DEVICE,
  PROP_TEMPLATE_DIR,
  PROP_TEMPLATE_ERROR,
  PROP_VIEW,
  N_PROPS
};

enum {
  UPDATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  DlRenderer *renderer;      /* NULL: the worker makes one */
  DlHouseStyle *house_style; /* a copy, for the worker */
  GFile      *template_dir;
  DlArticle  *snapshot;
  GError     *template_error;
  char       *html;             /* the page (full_page) */
  DlRenderedArticle *shown;     /* what the page held when the job began */
  DlRenderedArticle *rendered;  /* the article now */
  DlBlockPatch patch;
  gboolean    has_patch;
  gint64      render_us;
  guint       config_serial;
  guint       update_serial;
  guint       dark : 1;
  guint       full_page : 1;
  GStrv       local_images;  /* the body's local images, for the scheme */
} RenderJob;

static void start_update (DlPreview *self);

static void
render_job_free (RenderJob *job)
{
  g_clear_object (&job->renderer);
  g_clear_object (&job->template_dir);
  g_clear_object (&job->house_style);
  g_clear_object (&job->snapshot);
  g_clear_error (&job->template_error);
  g_free (job->html);
  g_clear_pointer (&job->shown, dl_rendered_article_unref);
  g_clear_pointer (&job->rendered, dl_rendered_article_unref);
  dl_block_patch_clear (&job->patch);
  g_strfreev (job->local_images);
  g_free (job);
}

static void
render_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  RenderJob *job = task_data;
  gint64 start = g_get_monotonic_time ();

  /* The renderer is only ever used by one thread at a time: one job is
   * in flight at most, and the main thread never renders. */
  if (job->renderer == NULL)
    {
      job->renderer = dl_renderer_new ();
      dl_renderer_set_image_mode (job->renderer, DL_RENDER_IMAGES_PREVIEW);
      dl_renderer_set_dark (job->renderer, job->dark);
      if (!dl_renderer_set_template_dir (job->renderer, job->template_dir, &job->template_error))
        dl_renderer_set_template_dir (job->renderer, NULL, NULL);
    }
  /* Every job: the house style may have changed since the renderer was made. */
  dl_renderer_set_house_style (job->renderer, job->house_style);

  {
    GArray *bounds = NULL;
    char *article_html = NULL;

    /* A page to load: the article in it is what later patches start from. */
    if (job->full_page)
      job->html = dl_renderer_render_page_blocks (job->renderer, job->snapshot, &article_html, &bounds);
    else
      article_html = dl_renderer_render_article_blocks (job->renderer, job->snapshot, &bounds);
    job->rendered = dl_rendered_article_new (article_html, bounds);
  }
  /* Only the blocks that changed since what the page shows, if it can. */
  if (!job->full_page && job->shown != NULL)
    job->has_patch = dl_block_patch_compute (job->shown, job->rendered, &job->patch);
  job->local_images = dl_body_images_find_local (dl_article_get_body (job->snapshot));
  job->render_us = g_get_monotonic_time () - start;

  g_task_return_boolean (task, TRUE);
}

/* 0: on the next frame. An update that only patched blocks, rendered in
 * less than a frame, is cheap whatever the article's length: the next
 * goes on the next frame (one in flight at a time, so never more than
 * the web process keeps up with). A whole replacement waits as long as
 * the last update took to reach the screen. */
static guint
compute_delay (DlPreview *self)
{
  if (self->last_was_patch && self->last_render_us < FRAME_MS * 1000)
    return 0;
  return CLAMP (self->last_update_ms, UPDATE_DELAY_MIN_MS, UPDATE_DELAY_MAX_MS);
}

static void
show_template_error (DlPreview    *self,
                     const GError *error)
{
  if (!dl_set_str (&self->template_error, error ? error->message : NULL))
    return;

  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The site template cannot be used, so the preview shows the built-in look: %s"),
                                                  error->message);
      gtk_label_set_label (self->error_label, message);
    }
  gtk_revealer_set_reveal_child (self->error_revealer, error != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE_ERROR]);
}

static void
apply_pending_reveal (DlPreview *self)
{
  guint index;

  /* The offset is in the editor's text: wait until the page shows that
   * text, or the block index would point into an older version. */
  if (self->pending_reveal < 0 || self->view == NULL || self->article == NULL
      || self->busy || self->dirty || !dl_preview_view_get_page_ready (self->view))
    return;

  index = dl_block_map_index_for_offset (dl_article_get_body (self->article),
                                              (gsize) self->pending_reveal);
  self->pending_reveal = -1;
  dl_preview_view_reveal_block (self->view, index);
}

static void
finish_update (DlPreview *self)
{
  self->busy = FALSE;
  self->last_update_ms = (guint) MIN ((g_get_monotonic_time () - self->update_started) / 1000,
                                      G_MAXUINT);
  g_signal_emit (self, signals[UPDATED], 0);

  apply_pending_reveal (self);

  /* Edits made while this update was in flight: they waited at least as
   * long as the update took, so go now unless a timer is already due. */
  if ((self->dirty || self->needs_page) && self->debounce_id == 0 && self->tick_id == 0)
    start_update (self);
}

typedef struct
{
  DlPreview *self;
  guint      update_serial;
  DlRenderedArticle *rendered;   /* what the page holds once it succeeded */
} ReplaceData;

static void
replace_data_free (ReplaceData *data)
{
  g_object_unref (data->self);
  dl_rendered_article_unref (data->rendered);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReplaceData, replace_data_free)

static void
set_shown (DlPreview         *self,
           DlRenderedArticle *shown)
{
  g_clear_pointer (&self->shown, dl_rendered_article_unref);
  self->shown = shown != NULL ? dl_rendered_article_ref (shown) : NULL;
}

static void
on_article_replaced_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(ReplaceData) data = user_data;
  DlPreview *self = data->self;
  g_autoptr(GError) error = NULL;
  gboolean replaced;

  replaced = dl_preview_view_replace_article_finish (DL_PREVIEW_VIEW (object), result, &error);

  /* The page was lost meanwhile, and its reload is under way. */
  if (data->update_serial != self->update_serial)
    return;

  if (!replaced)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* The page lost its article element or its script world, or WebKit
       * could not hand back the script's result (seen now and then while
       * the web process is under load): start over with a fresh page
       * rather than show stale text. Handled, so not a warning. */
      g_message ("Could not update the preview in place, loading it again: %s", error->message);
      set_shown (self, NULL);
      self->needs_page = TRUE;
    }
  else
    {
      set_shown (self, data->rendered);
      self->n_replacements++;
    }

  finish_update (self);
}

static void
on_article_patched_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(ReplaceData) data = user_data;
  DlPreview *self = data->self;
  g_autoptr(GError) error = NULL;

  if (data->update_serial != self->update_serial)
    return;
  if (dl_preview_view_patch_article_finish (DL_PREVIEW_VIEW (object), result, &error))
    {
      set_shown (self, data->rendered);
      self->n_patches++;
      self->last_was_patch = TRUE;
    }
  else
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* The page holds something else than we thought (or the script
       * failed): the next update replaces the whole article. */
      g_debug ("The preview could not be patched: %s", error->message);
      set_shown (self, NULL);
      self->dirty = TRUE;
    }
  finish_update (self);
}

static void
on_page_ready_cb (DlPreview     *self,
                  GParamSpec    *pspec,
                  DlPreviewView *view)
{
  if (self->busy && dl_preview_view_get_page_ready (view))
    finish_update (self);
}

static void
on_load_failed_cb (DlPreview       *self,
                   WebKitLoadEvent  load_event,
                   const char      *failing_uri,
                   GError          *error,
                   DlPreviewView   *view)
{
  g_warning ("The preview page failed to load: %s", error->message);
  set_shown (self, NULL);
  if (self->busy)
    finish_update (self);
}

static void
on_page_lost_cb (DlPreview     *self,
                 DlPreviewView *view)
{
  g_message ("The preview's web process ended; loading the page again");

  /* Whatever was in flight belongs to the lost page. */
  self->update_serial++;
  self->busy = FALSE;
  self->needs_page = TRUE;
  set_shown (self, NULL);
  start_update (self);
}

static void
on_rendered_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  DlPreview *self = DL_PREVIEW (object);
  RenderJob *job = g_task_get_task_data (G_TASK (result));

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  self->rendering = FALSE;
  self->last_render_us = job->render_us;
  self->last_was_patch = FALSE;

  /* Rendered for a page that was lost: render again for the new one. */
  if (self->view == NULL || job->update_serial != self->update_serial)
    {
      if (!self->busy)
        start_update (self);
      return;
    }

  /* Keep the renderer the worker made, unless the settings changed
   * meanwhile: then the next job makes a new one. */
  if (self->renderer == NULL && job->config_serial == self->config_serial)
    {
      self->renderer = g_steal_pointer (&job->renderer);
      show_template_error (self, job->template_error);
    }

  /* Before the page can ask for them. */
  dl_preview_view_set_local_images (self->view, (const char * const *) job->local_images);

  if (job->full_page)
    {
      dl_set_str (&self->page_uuid, dl_article_get_uuid (job->snapshot));
      dl_set_str (&self->page_language, dl_article_get_language (job->snapshot));
      dl_set_str (&self->page_image_path, dl_article_get_image_path (job->snapshot));
      dl_preview_view_set_featured_image (self->view,
                                          dl_article_get_uuid (job->snapshot),
                                          dl_article_get_image_path (job->snapshot));
      dl_preview_view_load_page (self->view, job->html);
      set_shown (self, job->rendered);
      /* busy until the page is ready: see on_page_ready_cb() */
    }
  else if (job->has_patch && job->patch.remove == 0 && job->patch.insert == 0)
    {
      /* The same page (an edit the rendering does not show, such as a
       * trailing space): nothing to send. */
      set_shown (self, job->rendered);
      self->last_was_patch = TRUE;
      finish_update (self);
    }
  else
    {
      ReplaceData *data = g_new0 (ReplaceData, 1);

      data->self = g_object_ref (self);
      data->update_serial = self->update_serial;
      data->rendered = dl_rendered_article_ref (job->rendered);
      if (job->has_patch)
        dl_preview_view_patch_article_async (self->view, &job->patch, self->cancellable,
                                             on_article_patched_cb, data);
      else
        dl_preview_view_replace_article_async (self->view, dl_rendered_article_get_html (job->rendered),
                                               self->cancellable, on_article_replaced_cb, data);
    }
}

static gboolean
page_is_stale (DlPreview *self)
{
  return self->needs_page
         || !dl_preview_view_get_page_ready (self->view)
         || g_strcmp0 (self->page_uuid, dl_article_get_uuid (self->article)) != 0
         || g_strcmp0 (self->page_language, dl_article_get_language (self->article)) != 0
         || g_strcmp0 (self->page_image_path, dl_article_get_image_path (self->article)) != 0;
}

static void
start_update (DlPreview *self)
{
  g_autoptr(GTask) task = NULL;
  RenderJob *job;

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }

  if (self->busy || self->rendering || self->view == NULL
      || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  if (self->article == NULL)
    {
      if (self->needs_page)
        {
          self->needs_page = FALSE;
          self->dirty = FALSE;
          g_clear_pointer (&self->page_uuid, g_free);
          self->busy = TRUE;
          dl_preview_view_load_page (self->view, "<!DOCTYPE html><html><body></body></html>");
        }
      return;
    }

  job = g_new0 (RenderJob, 1);
  job->full_page = page_is_stale (self);
  job->renderer = self->renderer ? g_object_ref (self->renderer) : NULL;
  job->template_dir = self->template_dir ? g_object_ref (self->template_dir) : NULL;
  job->house_style = self->house_style != NULL ? dl_house_style_copy (self->house_style) : NULL;
  job->dark = self->dark;
  job->config_serial = self->config_serial;
  job->update_serial = self->update_serial;
  job->shown = self->shown != NULL && !job->full_page ? dl_rendered_article_ref (self->shown) : NULL;
  /* A deep copy: the editor keeps changing the original meanwhile. */
  job->snapshot = dl_article_copy (self->article);

  self->update_started = g_get_monotonic_time ();
  self->dirty = FALSE;
  self->needs_page = FALSE;
  self->first_pending_change = 0;
  self->busy = TRUE;
  self->rendering = TRUE;

  task = g_task_new (self, self->cancellable, on_rendered_cb, NULL);
  g_task_set_source_tag (task, start_update);
  g_task_set_task_data (task, job, (GDestroyNotify) render_job_free);
  g_task_run_in_thread (task, render_in_thread);
}

static gboolean
on_debounce_timeout_cb (gpointer user_data)
{
  DlPreview *self = user_data;

  self->debounce_id = 0;
  start_update (self);
  return G_SOURCE_REMOVE;
}

static gboolean
on_frame_tick_cb (GtkWidget     *widget,
                  GdkFrameClock *frame_clock,
                  gpointer       user_data)
{
  DlPreview *self = DL_PREVIEW (widget);

  self->tick_id = 0;
  start_update (self);
  return G_SOURCE_REMOVE;
}

/* Called on every keystroke: must stay O(1). */
static void
queue_update (DlPreview *self)
{
  gint64 now;
  guint delay;

  self->dirty = TRUE;

  if (self->view == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  now = g_get_monotonic_time ();
  delay = compute_delay (self);

  /* Cheap updates: at most one per frame, the keystrokes of a frame
   * coalesced, none waiting on a timer. */
  if (delay == 0)
    {
      if (self->tick_id == 0 && self->debounce_id == 0)
        self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_frame_tick_cb, NULL, NULL);
      return;
    }

  if (self->first_pending_change == 0)
    self->first_pending_change = now;
  else if (self->debounce_id != 0
           && now - self->first_pending_change >= (gint64) delay * UPDATE_MAX_WAIT_FACTOR * 1000)
    return;   /* typing without pause: let the armed timer fire */

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (delay, on_debounce_timeout_cb, self);
}

static void
reload_page (DlPreview *self)
{
  self->needs_page = TRUE;
  if (self->view != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_update (self);
}

static void
on_article_changed_cb (DlPreview *self,
                       DlArticle *article)
{
  queue_update (self);
}

static gboolean
on_reveal_timeout_cb (gpointer user_data)
{
  DlPreview *self = user_data;

  self->reveal_id = 0;
  apply_pending_reveal (self);
  return G_SOURCE_REMOVE;
}

static void
update_background (DlPreview *self)
{
  GdkRGBA color;

  if (self->view == NULL)
    return;

  /* The colour the page is drawn on before it arrives: no white flash in
   * dark mode. */
  gdk_rgba_parse (&color, self->dark ? "#1e1e1e" : "#ffffff");
  webkit_web_view_set_background_color (WEBKIT_WEB_VIEW (self->view), &color);
}

static void
on_dark_changed_cb (DlPreview       *self,
                    GParamSpec      *pspec,
                    AdwStyleManager *style_manager)
{
  gboolean dark = adw_style_manager_get_dark (style_manager);

  if (dark == self->dark)
    return;

  self->dark = dark;
  self->config_serial++;
  g_clear_object (&self->renderer);
  update_background (self);
  reload_page (self);
}

static void
apply_device (DlPreview *self)
{
  gboolean phone;

  if (self->view == NULL)
    return;

  phone = g_strcmp0 (self->device, DL_PREVIEW_DEVICE_PHONE) == 0;
  /* A real 390 px viewport, so the template's media queries apply as on
   * a phone; a narrower pane narrows it further rather than clipping. */
  adw_clamp_set_maximum_size (self->view_clamp, phone ? DL_PREVIEW_PHONE_WIDTH : G_MAXINT / 2);
  adw_clamp_set_tightening_threshold (self->view_clamp, phone ? DL_PREVIEW_PHONE_WIDTH : G_MAXINT / 2);
}

/* The web view (and its processes) is made the first time the pane is
 * shown, never during startup. */
static void
ensure_view (DlPreview *self)
{
  if (self->view != NULL)
    return;

  self->view = g_object_ref_sink (dl_preview_view_new ());
  g_signal_connect_object (self->view, "notify::page-ready",
                           G_CALLBACK (on_page_ready_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "load-failed",
                           G_CALLBACK (on_load_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "page-lost",
                           G_CALLBACK (on_page_lost_cb), self, G_CONNECT_SWAPPED);
  dl_preview_view_set_template_dir (self->view, self->template_dir);
  update_background (self);
  apply_device (self);
  adw_clamp_set_child (self->view_clamp, GTK_WIDGET (self->view));
  self->needs_page = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

static void
dl_preview_map (GtkWidget *widget)
{
  DlPreview *self = DL_PREVIEW (widget);

  GTK_WIDGET_CLASS (dl_preview_parent_class)->map (widget);

  ensure_view (self);
  if (self->dirty || self->needs_page)
    start_update (self);
}

static void
dl_preview_dispose (GObject *object)
{
  DlPreview *self = (DlPreview *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_handle_id (&self->reveal_id, g_source_remove);
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
  g_clear_pointer (&self->shown, dl_rendered_article_unref);
  if (self->article != NULL)
    g_signal_handlers_disconnect_by_func (self->article, on_article_changed_cb, self);
  g_clear_object (&self->article);
  dl_preview_pane_set_context (DL_PREVIEW_PANE (self), NULL);
  g_clear_object (&self->view);

  gtk_widget_dispose_template (GTK_WIDGET (self), DL_TYPE_PREVIEW);

  G_OBJECT_CLASS (dl_preview_parent_class)->dispose (object);
}

static void
dl_preview_finalize (GObject *object)
{
  DlPreview *self = (DlPreview *)object;

  g_clear_object (&self->renderer);
  g_clear_object (&self->template_dir);
  g_clear_object (&self->cancellable);
  g_free (self->device);
  g_free (self->template_error);
  g_free (self->page_uuid);
  g_free (self->page_language);
  g_free (self->page_image_path);

  G_OBJECT_CLASS (dl_preview_parent_class)->finalize (object);
}

static void
dl_preview_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  DlPreview *self = DL_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;

    case PROP_DEVICE:
      g_value_set_string (value, self->device);
      break;

    case PROP_TEMPLATE_DIR:
      g_value_set_object (value, self->template_dir);
      break;

    case PROP_TEMPLATE_ERROR:
      g_value_set_string (value, self->template_error);
      break;

    case PROP_VIEW:
      g_value_set_object (value, self->view);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_preview_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  DlPreview *self = DL_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      dl_preview_set_article (self, g_value_get_object (value));
      break;

    case PROP_DEVICE:
      dl_preview_set_device (self, g_value_get_string (value));
      break;

    case PROP_TEMPLATE_DIR:
      dl_preview_set_template_dir (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_preview_class_init (DlPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_preview_dispose;
  object_class->finalize = dl_preview_finalize;
  object_class->get_property = dl_preview_get_property;
  object_class->set_property = dl_preview_set_property;

  widget_class->map = dl_preview_map;

  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL, DL_TYPE_ARTICLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* "desktop" or "phone", bound to the preview-device setting. */
  properties[PROP_DEVICE] =
    g_param_spec_string ("device", NULL, NULL, DL_PREVIEW_DEVICE_DESKTOP,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEMPLATE_DIR] =
    g_param_spec_object ("template-dir", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Why the site template is not used, or NULL. */
  properties[PROP_TEMPLATE_ERROR] =
    g_param_spec_string ("template-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The web view, created the first time the pane is shown. */
  properties[PROP_VIEW] =
    g_param_spec_object ("view", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DlPreview::updated:
   *
   * Emitted when an update is on screen: a page finished loading, or an
   * in-place update was drawn.
   */
  signals[UPDATED] =
    g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/dl-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, DlPreview, error_label);
  gtk_widget_class_bind_template_child (widget_class, DlPreview, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, DlPreview, view_clamp);

  gtk_widget_class_install_property_action (widget_class, "preview.device", "device");
  gtk_widget_class_set_css_name (widget_class, "dl-preview");
}

static void
dl_preview_init (DlPreview *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->device = g_strdup (DL_PREVIEW_DEVICE_DESKTOP);
  self->cancellable = g_cancellable_new ();
  self->pending_reveal = -1;
  self->needs_page = TRUE;
  self->dark = adw_style_manager_get_dark (style_manager);
  g_signal_connect_object (style_manager, "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

/* DlPreviewPane: how the window, which loads this class from a module,
 * drives it. */

static void
on_template_setting_changed_cb (DlPreview *self)
{
  GSettings *settings = dl_context_get_settings (self->context);
  g_autofree char *path = g_settings_get_string (settings, "preview-template");
  g_autoptr(GFile) dir = *path != '\0' ? g_file_new_for_path (path) : NULL;

  dl_preview_set_template_dir (self, dir);
}

/* The dateline and credit lines follow the Preferences: the article did
 * not change, but its page did. */
static void
on_house_style_changed_cb (DlPreview *self)
{
  dl_preview_refresh (self);
}

static void
dl_preview_pane_set_context_impl (DlPreviewPane *pane,
                                  DlContext     *context)
{
  DlPreview *self = DL_PREVIEW (pane);
  GSettings *settings;

  if (self->context == context)
    return;

  if (self->context != NULL)
    {
      settings = dl_context_get_settings (self->context);
      if (settings != NULL)
        {
          g_settings_unbind (self, "device");
          g_signal_handlers_disconnect_by_data (settings, self);
        }
      g_signal_handlers_disconnect_by_data (self->house_style, self);
      g_clear_object (&self->house_style);
      g_clear_object (&self->context);
    }
  if (context == NULL)
    return;

  self->context = g_object_ref (context);
  self->house_style = g_object_ref (dl_context_get_house_style (context));
  g_signal_connect_object (self->house_style, "notify", G_CALLBACK (on_house_style_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* Without the installed schema (the command line's tests) the device
   * toggle still works, it is just not remembered. */
  settings = dl_context_get_settings (context);
  if (settings != NULL)
    {
      g_settings_bind (settings, "preview-device", self, "device", G_SETTINGS_BIND_DEFAULT);
      g_signal_connect_object (settings, "changed::preview-template",
                               G_CALLBACK (on_template_setting_changed_cb), self, G_CONNECT_SWAPPED);
      on_template_setting_changed_cb (self);
    }
  dl_preview_refresh (self);
}

static void
dl_preview_pane_set_article_impl (DlPreviewPane *pane,
                                  DlArticle     *article)
{
  dl_preview_set_article (DL_PREVIEW (pane), article);
}

static void
dl_preview_pane_reveal_offset_impl (DlPreviewPane *pane,
                                    gsize          body_byte_offset)
{
  dl_preview_reveal_offset (DL_PREVIEW (pane), body_byte_offset);
}

static void
dl_preview_pane_iface_init (DlPreviewPaneInterface *iface)
{
  iface->set_context = dl_preview_pane_set_context_impl;
  iface->set_article = dl_preview_pane_set_article_impl;
  iface->reveal_offset = dl_preview_pane_reveal_offset_impl;
}

/**
 * dl_preview_new:
 *
 * Creates a preview pane. Its web view is made when the pane is first
 * shown.
 *
 * Returns: (transfer floating): a new #DlPreview
 */
DlPreview *
dl_preview_new (void)
{
  return g_object_new (DL_TYPE_PREVIEW, NULL);
}

/**
 * dl_preview_get_article:
 * @self: a #DlPreview
 *
 * Returns: (transfer none) (nullable): the article shown
 */
DlArticle *
dl_preview_get_article (DlPreview *self)
{
  g_return_val_if_fail (DL_IS_PREVIEW (self), NULL);

  return self->article;
}

/**
 * dl_preview_set_article:
 * @self: a #DlPreview
 * @article: (nullable): the article to show
 *
 * Shows @article and follows its changes by itself.
 */
void
dl_preview_set_article (DlPreview *self,
                        DlArticle *article)
{
  g_return_if_fail (DL_IS_PREVIEW (self));
  g_return_if_fail (!article || DL_IS_ARTICLE (article));

  if (self->article == article)
    return;

  if (self->article != NULL)
    g_signal_handlers_disconnect_by_func (self->article, on_article_changed_cb, self);
  g_set_object (&self->article, article);
  if (article != NULL)
    g_signal_connect_object (article, "changed",
                             G_CALLBACK (on_article_changed_cb), self, G_CONNECT_SWAPPED);

  self->pending_reveal = -1;
  self->dirty = TRUE;
  self->last_update_ms = 0;
  reload_page (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

/**
 * dl_preview_reveal_offset:
 * @self: a #DlPreview
 * @body_byte_offset: the cursor, as a byte offset in the article's body
 *
 * Keeps the block holding the cursor in view: scrolls smoothly if it is
 * hidden, does nothing if it is visible. Cheap to call on every cursor
 * move: calls are coalesced.
 */
void
dl_preview_reveal_offset (DlPreview *self,
                          gsize      body_byte_offset)
{
  g_return_if_fail (DL_IS_PREVIEW (self));

  self->pending_reveal = (gssize) MIN (body_byte_offset, G_MAXSSIZE);
  if (self->reveal_id == 0)
    self->reveal_id = g_timeout_add (REVEAL_DELAY_MS, on_reveal_timeout_cb, self);
}

/**
 * dl_preview_get_device:
 * @self: a #DlPreview
 *
 * Returns: %DL_PREVIEW_DEVICE_DESKTOP or %DL_PREVIEW_DEVICE_PHONE
 */
const char *
dl_preview_get_device (DlPreview *self)
{
  g_return_val_if_fail (DL_IS_PREVIEW (self), NULL);

  return self->device;
}

/**
 * dl_preview_set_device:
 * @self: a #DlPreview
 * @device: %DL_PREVIEW_DEVICE_DESKTOP, or %DL_PREVIEW_DEVICE_PHONE for a
 *   column %DL_PREVIEW_PHONE_WIDTH pixels wide
 *
 * Sets the width the page is laid out for.
 */
void
dl_preview_set_device (DlPreview  *self,
                       const char *device)
{
  g_return_if_fail (DL_IS_PREVIEW (self));
  g_return_if_fail (g_strcmp0 (device, DL_PREVIEW_DEVICE_DESKTOP) == 0
                    || g_strcmp0 (device, DL_PREVIEW_DEVICE_PHONE) == 0);

  if (dl_set_str (&self->device, device))
    {
      apply_device (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEVICE]);
    }
}

/**
 * dl_preview_get_template_dir:
 * @self: a #DlPreview
 *
 * Returns: (transfer none) (nullable): the site template folder
 */
GFile *
dl_preview_get_template_dir (DlPreview *self)
{
  g_return_val_if_fail (DL_IS_PREVIEW (self), NULL);

  return self->template_dir;
}

/**
 * dl_preview_set_template_dir:
 * @self: a #DlPreview
 * @template_dir: (nullable): a site template folder, %NULL for the
 *   built-in look
 *
 * Shows the article with another site template. If the template cannot
 * be used, the preview says why and shows the built-in look.
 */
void
dl_preview_set_template_dir (DlPreview *self,
                             GFile     *template_dir)
{
  g_return_if_fail (DL_IS_PREVIEW (self));
  g_return_if_fail (!template_dir || G_IS_FILE (template_dir));

  if (self->template_dir == template_dir
      || (self->template_dir && template_dir && g_file_equal (self->template_dir, template_dir)))
    return;

  g_set_object (&self->template_dir, template_dir);
  self->config_serial++;
  g_clear_object (&self->renderer);
  if (self->view != NULL)
    dl_preview_view_set_template_dir (self->view, template_dir);
  reload_page (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE_DIR]);
}

/**
 * dl_preview_get_view:
 * @self: a #DlPreview
 *
 * Returns: (transfer none) (nullable): the web view, %NULL until the
 *   pane was first shown
 */
DlPreviewView *
dl_preview_get_view (DlPreview *self)
{
  g_return_val_if_fail (DL_IS_PREVIEW (self), NULL);

  return self->view;
}

/**
 * dl_preview_get_update_delay:
 * @self: a #DlPreview
 *
 * Returns: the current debounce delay in milliseconds: as long as the
 *   last update took, within bounds, so it grows with the article
 */
guint
dl_preview_get_update_delay (DlPreview *self)
{
  g_return_val_if_fail (DL_IS_PREVIEW (self), 0);

  return compute_delay (self);
}

/**
 * dl_preview_get_update_counts:
 * @patches: (out) (optional): updates that replaced only the changed blocks
 * @replacements: (out) (optional): updates that replaced the whole article
 *
 * How the page was brought up to date so far (page loads not counted):
 * for the tests and bench/, which must know the patching path ran.
 */
void
dl_preview_get_update_counts (DlPreview *self,
                              guint     *patches,
                              guint     *replacements)
{
  g_return_if_fail (DL_IS_PREVIEW (self));

  if (patches != NULL)
    *patches = self->n_patches;
  if (replacements != NULL)
    *replacements = self->n_replacements;
}

/**
 * dl_preview_get_template_error:
 * @self: a #DlPreview
 *
 * Returns: (nullable): why the site template could not be used (the
 *   preview then shows the built-in look), or %NULL
 */
const char *
dl_preview_get_template_error (DlPreview *self)
{
  g_return_val_if_fail (DL_IS_PREVIEW (self), NULL);

  return self->template_error;
}

/**
 * dl_preview_refresh:
 *
 * Renders the article again although it did not change, e.g. when the
 * house style (the newsroom's dateline style or source) changed.
 */
void
dl_preview_refresh (DlPreview *self)
{
  g_return_if_fail (DL_IS_PREVIEW (self));

  if (self->article != NULL)
    queue_update (self);
}

/**
 * dl_preview_reload:
 *
 * Loads the whole page again from a fresh rendering, as opening the
 * article does (the tests compare a patched page with it).
 */
void
dl_preview_reload (DlPreview *self)
{
  g_return_if_fail (DL_IS_PREVIEW (self));

  reload_page (self);
}
