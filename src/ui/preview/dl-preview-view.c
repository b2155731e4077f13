/* dl-preview-view.c: the locked-down web view showing the rendered article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Security model (see docs/PREVIEW.md):
 * - the page runs no script of its own: enable-javascript-markup is off
 *   and the renderer's page carries a CSP with script-src 'none';
 *   enable-javascript stays on only because turning it off also refuses
 *   webkit_web_view_call_async_javascript_function() ("Cannot execute
 *   JavaScript in this document", measured with WebKitGTK 2.50);
 * - our own JavaScript runs in an isolated script world;
 * - nothing navigates: every navigation but our own load_html() is
 *   ignored, and a link the user clicked to http(s)/mailto is handed to
 *   the system browser through the "open-uri" signal;
 * - the only local files reachable are the ones the two custom schemes
 *   serve (dl-preview-scheme.c);
 * - an ephemeral network session: nothing is stored on disk;
 * - a content filter blocks every http(s), ws(s), ftp and file load in the
 *   web process, whatever the page's CSP says (the renderer's CSP allows
 *   remote images; the preview does not: opening an article must not tell
 *   anyone it was opened). No page loads before that filter is in place.
 */
#define G_LOG_DOMAIN "dl-preview-view"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dl-preview-scheme.h"
#include "dl-preview-view.h"

struct _DlPreviewView
{
  WebKitWebView  parent_instance;

  char          *article_uuid;
  char          *image_path;
  GStrv          local_images;
  GFile         *template_dir;
  char          *pending_html;   /* waiting for the network filter */

  guint          filter_applied : 1;

  /* Set by load_page(): the one navigation we allow. */
  guint          expecting_load : 1;
  guint          page_ready : 1;
};

G_DEFINE_FINAL_TYPE (DlPreviewView, dl_preview_view, WEBKIT_TYPE_WEB_VIEW)

enum {
  PROP_0,
  PROP_PAGE_READY,
  N_PROPS
};

enum {
  OPEN_URI,
  PAGE_LOST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Compiled once per process, shared by every preview. */
static WebKitUserContentFilter *network_filter;
static gboolean network_filter_failed;
static gboolean network_filter_compiling;
static GList *views_waiting_for_filter;

/* WebKit content-blocker rules (no "|" in their regular expressions). */
static const char network_filter_json[] =
  "["
  "{\"trigger\":{\"url-filter\":\"^https?:\"},\"action\":{\"type\":\"block\"}},"
  "{\"trigger\":{\"url-filter\":\"^wss?:\"},\"action\":{\"type\":\"block\"}},"
  "{\"trigger\":{\"url-filter\":\"^ftp:\"},\"action\":{\"type\":\"block\"}},"
  "{\"trigger\":{\"url-filter\":\"^file:\"},\"action\":{\"type\":\"block\"}}"
  "]";

static void update_network_filter (DlPreviewView *self);

/* Replaces the article in place: the rest of the page, and so the scroll
 * position, stays. The HTML arrives as an argument, never as source text,
 * so it needs no escaping and costs no parsing as a string literal. The
 * promise resolves two animation frames later: by then the frame holding
 * the change has been produced. */
static const char update_js[] =
  "const root = document.getElementById('dl-article');\n"
  "if (!root) throw new Error('The preview page has no article element');\n"
  /* The newline the page has after <article …>: the same nodes as a fresh load. */
  "root.innerHTML = '\\n' + html;\n"
  "return new Promise(resolve =>\n"
  "  requestAnimationFrame(() => requestAnimationFrame(() => resolve(true))));\n";

/* Replaces only the blocks that changed (dl-block-patch.c): @remove body
 * blocks from block @start, then @html (whole blocks) there. A block is
 * one element and the text node after it (its newline), exactly as a
 * fresh page parses it, so the patched page equals a freshly loaded one.
 * Refuses (false) when the page does not hold the blocks the patch was
 * made against; the caller then replaces the whole article. */
static const char patch_js[] =
  "const root = document.getElementById('dl-article');\n"
  "const body = root ? root.querySelector('.dl-body') : null;\n"
  "if (!body || body.children.length !== before || start + remove > before) return false;\n"
  "for (let i = 0; i < remove; i++) {\n"
  "  const el = body.children[start];\n"
  "  while (el.nextSibling && el.nextSibling.nodeType !== Node.ELEMENT_NODE) el.nextSibling.remove();\n"
  "  el.remove();\n"
  "}\n"
  "if (html.length > 0) {\n"
  "  const t = document.createElement('template');\n"
  "  t.innerHTML = html;\n"
  "  body.insertBefore(t.content, body.children[start] || null);\n"
  "}\n"
  "return new Promise(resolve =>\n"
  "  requestAnimationFrame(() => requestAnimationFrame(() => resolve(true))));\n";

/* Keeps the block being edited in view, without moving a block that is
 * already visible (or that fills the whole view). */
static const char reveal_js[] =
  "const body = document.querySelector('#dl-article .dl-body');\n"
  "if (!body || !body.lastElementChild) return false;\n"
  "const h = window.innerHeight;\n"
  /* Past the last block: a paragraph started at the end; show the end. */
  "if (index >= body.children.length) {\n"
  "  const last = body.lastElementChild.getBoundingClientRect();\n"
  "  if (last.bottom <= h) return false;\n"
  "  body.lastElementChild.scrollIntoView({ block: 'end', behavior: 'smooth' });\n"
  "  return true;\n"
  "}\n"
  "const el = body.children[index];\n"
  "const r = el.getBoundingClientRect();\n"
  "if ((r.top >= 0 && r.bottom <= h) || (r.top < h && r.bottom > 0 && r.height >= h))\n"
  "  return false;\n"
  "el.scrollIntoView({ block: r.height >= h ? 'start' : 'nearest', behavior: 'smooth' });\n"
  "return true;\n";

/* A second lock behind the CSP, for templates whose CSP is looser: in our
 * own world, which the page cannot touch, refuse javascript: links and
 * every form submission before WebKit acts on them. (Measured: with
 * javascript markup off but no CSP, clicking a javascript: link still ran
 * it.) */
static const char guard_js[] =
  "document.addEventListener('click', event => {\n"
  "  const link = event.target instanceof Element ? event.target.closest('a[href], area[href]') : null;\n"
  "  if (link && link.protocol === 'javascript:') {\n"
  "    event.preventDefault();\n"
  "    event.stopImmediatePropagation();\n"
  "  }\n"
  "}, true);\n"
  "document.addEventListener('submit', event => event.preventDefault(), true);\n";

static void
on_uri_scheme_request_cb (WebKitURISchemeRequest *request,
                          gpointer                user_data)
{
  WebKitWebView *web_view = webkit_uri_scheme_request_get_web_view (request);
  DlPreviewView *self;
  DlPreviewSchemeScope scope;

  if (!DL_IS_PREVIEW_VIEW (web_view))
    {
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                                             _("Only the preview may load “%s”."),
                                             webkit_uri_scheme_request_get_uri (request));
      webkit_uri_scheme_request_finish_error (request, error);
      return;
    }

  self = DL_PREVIEW_VIEW (web_view);
  scope.article_uuid = self->article_uuid;
  scope.image_path = self->image_path;
  scope.local_images = self->local_images;
  scope.template_dir = self->template_dir;
  dl_preview_scheme_handle_request (request, &scope);
}

/* One private context for all previews: the schemes are registered once,
 * and nothing the preview does touches the default context other web
 * views of the application might use. */
static WebKitWebContext *
get_shared_context (void)
{
  static WebKitWebContext *context;

  if (context == NULL)
    {
      WebKitSecurityManager *security;

      context = webkit_web_context_new ();
      /* Little to cache in a one-document viewer; and a changed featured
       * image under the same address must show. */
      webkit_web_context_set_cache_model (context, WEBKIT_CACHE_MODEL_DOCUMENT_VIEWER);
      webkit_web_context_register_uri_scheme (context, DL_PREVIEW_SCHEME_IMAGE,
                                              on_uri_scheme_request_cb, NULL, NULL);
      webkit_web_context_register_uri_scheme (context, DL_PREVIEW_SCHEME_TEMPLATE,
                                              on_uri_scheme_request_cb, NULL, NULL);
      security = webkit_web_context_get_security_manager (context);
      /* Served by us, so as trustworthy as the page: no mixed-content
       * warnings, and no network underneath. */
      webkit_security_manager_register_uri_scheme_as_secure (security, DL_PREVIEW_SCHEME_IMAGE);
      webkit_security_manager_register_uri_scheme_as_secure (security, DL_PREVIEW_SCHEME_TEMPLATE);
    }

  return context;
}

static gboolean
network_filter_settled (void)
{
  return network_filter != NULL || network_filter_failed;
}

static void
load_pending_page (DlPreviewView *self)
{
  g_autofree char *html = g_steal_pointer (&self->pending_html);

  if (html != NULL)
    webkit_web_view_load_html (WEBKIT_WEB_VIEW (self), html, DL_PREVIEW_BASE_URI);
}

static void
on_network_filter_saved_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GList *waiting;

  network_filter = webkit_user_content_filter_store_save_finish (WEBKIT_USER_CONTENT_FILTER_STORE (object),
                                                                 result, &error);
  network_filter_compiling = FALSE;
  if (network_filter == NULL)
    {
      /* The page's CSP still blocks the network; this is the second lock. */
      g_warning ("Could not compile the preview's network filter: %s", error->message);
      network_filter_failed = TRUE;
    }

  waiting = g_steal_pointer (&views_waiting_for_filter);
  for (GList *l = waiting; l != NULL; l = l->next)
    {
      DlPreviewView *view = l->data;

      update_network_filter (view);
      load_pending_page (view);
    }
  g_list_free (waiting);
}

static void
compile_network_filter (void)
{
  g_autoptr(WebKitUserContentFilterStore) store = NULL;
  g_autoptr(GBytes) rules = NULL;
  g_autofree char *path = NULL;

  if (network_filter_compiling || network_filter_settled ())
    return;

  network_filter_compiling = TRUE;
  path = g_build_filename (g_get_user_cache_dir (), "dateline", "preview-filters", NULL);
  store = webkit_user_content_filter_store_new (path);
  rules = g_bytes_new_static (network_filter_json, strlen (network_filter_json));
  webkit_user_content_filter_store_save (store, "dateline-preview-no-network", rules,
                                         NULL, on_network_filter_saved_cb, NULL);
}

/* The page never reaches the network, whatever it says: the filter is
 * added once it is compiled. */
static void
update_network_filter (DlPreviewView *self)
{
  WebKitUserContentManager *manager;

  if (network_filter == NULL || self->filter_applied)
    return;

  manager = webkit_web_view_get_user_content_manager (WEBKIT_WEB_VIEW (self));
  webkit_user_content_manager_add_filter (manager, network_filter);
  self->filter_applied = TRUE;
}

/* Measured: clicking a web link opened a TCP connection to its host before
 * decide-policy had ignored the navigation, although no request followed.
 * These features are what WebKit uses to connect ahead of time; none of
 * them is settable through a plain property. */
static void
disable_speculative_network (WebKitSettings *settings)
{
#if WEBKIT_CHECK_VERSION (2, 42, 0)
  static const char * const speculative[] = {
    "LinkPreconnect",
    "LinkPreconnectEarlyHints",
    "LinkDNSPrefetch",
    "LinkPreload",
    "LinkPrefetch",
  };
  WebKitFeatureList *features = webkit_settings_get_all_features ();

  for (gsize i = 0; i < webkit_feature_list_get_length (features); i++)
    {
      WebKitFeature *feature = webkit_feature_list_get (features, i);

      for (guint j = 0; j < G_N_ELEMENTS (speculative); j++)
        if (g_str_equal (webkit_feature_get_identifier (feature), speculative[j]))
          webkit_settings_set_feature_enabled (settings, feature, FALSE);
    }
  webkit_feature_list_unref (features);
#endif
}

static WebKitSettings *
create_settings (void)
{
  WebKitSettings *settings = webkit_settings_new ();

  /* Needed by our own calls (see the top of the file); the page's
   * scripts are off through the next setting and the CSP. */
  webkit_settings_set_enable_javascript (settings, TRUE);
  webkit_settings_set_enable_javascript_markup (settings, FALSE);
  webkit_settings_set_javascript_can_open_windows_automatically (settings, FALSE);
  webkit_settings_set_javascript_can_access_clipboard (settings, FALSE);
  webkit_settings_set_allow_modal_dialogs (settings, FALSE);
  webkit_settings_set_allow_file_access_from_file_urls (settings, FALSE);
  webkit_settings_set_allow_universal_access_from_file_urls (settings, FALSE);
  webkit_settings_set_allow_top_navigation_to_data_urls (settings, FALSE);
  webkit_settings_set_enable_html5_local_storage (settings, FALSE);
  webkit_settings_set_enable_html5_database (settings, FALSE);
  webkit_settings_set_enable_page_cache (settings, FALSE);
  webkit_settings_set_enable_webgl (settings, FALSE);
  webkit_settings_set_enable_webaudio (settings, FALSE);
  webkit_settings_set_enable_media (settings, FALSE);
  webkit_settings_set_enable_mediasource (settings, FALSE);
  webkit_settings_set_enable_media_stream (settings, FALSE);
  webkit_settings_set_enable_encrypted_media (settings, FALSE);
  webkit_settings_set_enable_webrtc (settings, FALSE);
  webkit_settings_set_media_playback_requires_user_gesture (settings, TRUE);
  webkit_settings_set_enable_fullscreen (settings, FALSE);
  webkit_settings_set_enable_back_forward_navigation_gestures (settings, FALSE);
  webkit_settings_set_enable_tabs_to_links (settings, TRUE);
  webkit_settings_set_enable_developer_extras (settings, DEVELOPMENT_BUILD);
  /* An article page needs no GPU, and GL in the web process was the one
   * crash seen: on machines without a GPU driver (virtual machines,
   * remote desktops, Xvfb) Mesa's llvmpipe segfaulted now and then in
   * WebKit's threaded compositor (docs/PREVIEW.md), and the preview
   * flickered as it reloaded. Rendering on the CPU also keeps a GL
   * context and its buffers out of the web process's memory. */
  webkit_settings_set_hardware_acceleration_policy (settings, WEBKIT_HARDWARE_ACCELERATION_POLICY_NEVER);
  disable_speculative_network (settings);

  return settings;
}

static gboolean
is_external_scheme (const char *uri)
{
  g_autofree char *scheme = g_uri_parse_scheme (uri);

  return scheme != NULL
         && (g_ascii_strcasecmp (scheme, "http") == 0
             || g_ascii_strcasecmp (scheme, "https") == 0
             || g_ascii_strcasecmp (scheme, "mailto") == 0);
}

static void
maybe_open_externally (DlPreviewView          *self,
                       WebKitNavigationAction *action)
{
  const char *uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));
  gboolean handled = FALSE;

  /* Only what the user clicked, never what a page tried by itself. */
  if (webkit_navigation_action_get_navigation_type (action) != WEBKIT_NAVIGATION_TYPE_LINK_CLICKED
      || !webkit_navigation_action_is_user_gesture (action)
      || uri == NULL
      || !is_external_scheme (uri))
    return;

  g_signal_emit (self, signals[OPEN_URI], 0, uri, &handled);
}

static gboolean
is_same_document_fragment (const char *uri)
{
  return g_str_has_prefix (uri, DL_PREVIEW_BASE_URI "#");
}

static void
on_launched_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    g_warning ("Could not open a link from the preview: %s", error->message);
}

static gboolean
dl_preview_view_real_open_uri (DlPreviewView *self,
                               const char    *uri)
{
  g_autoptr(GdkAppLaunchContext) launch_context = NULL;

  launch_context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));
  /* Goes through the OpenURI portal when sandboxed. */
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (launch_context),
                                           NULL, on_launched_cb, NULL);
  return TRUE;
}

static gboolean
dl_preview_view_decide_policy (WebKitWebView            *web_view,
                               WebKitPolicyDecision     *decision,
                               WebKitPolicyDecisionType  type)
{
  DlPreviewView *self = DL_PREVIEW_VIEW (web_view);
  WebKitNavigationAction *action;
  const char *uri;

  switch (type)
    {
    case WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION:
      action = webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));
      uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));

      if (self->expecting_load
          && webkit_navigation_action_get_navigation_type (action) == WEBKIT_NAVIGATION_TYPE_OTHER
          && g_strcmp0 (uri, DL_PREVIEW_BASE_URI) == 0)
        {
          self->expecting_load = FALSE;
          webkit_policy_decision_use (decision);
          return TRUE;
        }

      /* In-page anchors (footnotes) may scroll; they load nothing. */
      if (uri != NULL && is_same_document_fragment (uri)
          && webkit_navigation_action_get_navigation_type (action) == WEBKIT_NAVIGATION_TYPE_LINK_CLICKED
          && webkit_navigation_action_is_user_gesture (action))
        {
          webkit_policy_decision_use (decision);
          return TRUE;
        }

      webkit_policy_decision_ignore (decision);
      maybe_open_externally (self, action);
      return TRUE;

    case WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION:
      action = webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));
      webkit_policy_decision_ignore (decision);
      maybe_open_externally (self, action);
      return TRUE;

    case WEBKIT_POLICY_DECISION_TYPE_RESPONSE:
    default:
      return WEBKIT_WEB_VIEW_CLASS (dl_preview_view_parent_class)->decide_policy (web_view, decision, type);
    }
}

static void
dl_preview_view_load_changed (WebKitWebView   *web_view,
                              WebKitLoadEvent  load_event)
{
  DlPreviewView *self = DL_PREVIEW_VIEW (web_view);

  if (load_event == WEBKIT_LOAD_FINISHED && !self->page_ready)
    {
      self->page_ready = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_READY]);
    }
}

static void
dl_preview_view_web_process_terminated (WebKitWebView                     *web_view,
                                        WebKitWebProcessTerminationReason  reason)
{
  DlPreviewView *self = DL_PREVIEW_VIEW (web_view);

  g_debug ("The preview's web process ended (reason %d)", reason);

  /* The page is gone: whoever shows it must load it again. */
  self->expecting_load = FALSE;
  if (self->page_ready)
    {
      self->page_ready = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_READY]);
    }
  g_signal_emit (self, signals[PAGE_LOST], 0);
}

static gboolean
dl_preview_view_context_menu (WebKitWebView       *web_view,
                              WebKitContextMenu   *context_menu,
                              WebKitHitTestResult *hit_test_result)
{
  guint n = webkit_context_menu_get_n_items (context_menu);

  /* Keep copy and select all; drop everything that navigates, reloads or
   * downloads. */
  for (guint i = n; i > 0; i--)
    {
      WebKitContextMenuItem *item = webkit_context_menu_get_item_at_position (context_menu, i - 1);

      switch (webkit_context_menu_item_get_stock_action (item))
        {
        case WEBKIT_CONTEXT_MENU_ACTION_COPY:
        case WEBKIT_CONTEXT_MENU_ACTION_SELECT_ALL:
        case WEBKIT_CONTEXT_MENU_ACTION_COPY_LINK_TO_CLIPBOARD:
        case WEBKIT_CONTEXT_MENU_ACTION_INSPECT_ELEMENT:
          break;
        case WEBKIT_CONTEXT_MENU_ACTION_NO_ACTION:
        case WEBKIT_CONTEXT_MENU_ACTION_OPEN_LINK:
        case WEBKIT_CONTEXT_MENU_ACTION_OPEN_LINK_IN_NEW_WINDOW:
        case WEBKIT_CONTEXT_MENU_ACTION_DOWNLOAD_LINK_TO_DISK:
        case WEBKIT_CONTEXT_MENU_ACTION_OPEN_IMAGE_IN_NEW_WINDOW:
        case WEBKIT_CONTEXT_MENU_ACTION_DOWNLOAD_IMAGE_TO_DISK:
        case WEBKIT_CONTEXT_MENU_ACTION_COPY_IMAGE_TO_CLIPBOARD:
        case WEBKIT_CONTEXT_MENU_ACTION_COPY_IMAGE_URL_TO_CLIPBOARD:
        case WEBKIT_CONTEXT_MENU_ACTION_OPEN_FRAME_IN_NEW_WINDOW:
        case WEBKIT_CONTEXT_MENU_ACTION_GO_BACK:
        case WEBKIT_CONTEXT_MENU_ACTION_GO_FORWARD:
        case WEBKIT_CONTEXT_MENU_ACTION_STOP:
        case WEBKIT_CONTEXT_MENU_ACTION_RELOAD:
        case WEBKIT_CONTEXT_MENU_ACTION_CUT:
        case WEBKIT_CONTEXT_MENU_ACTION_PASTE:
        case WEBKIT_CONTEXT_MENU_ACTION_DELETE:
        case WEBKIT_CONTEXT_MENU_ACTION_INPUT_METHODS:
        case WEBKIT_CONTEXT_MENU_ACTION_UNICODE:
        case WEBKIT_CONTEXT_MENU_ACTION_SPELLING_GUESS:
        case WEBKIT_CONTEXT_MENU_ACTION_NO_GUESSES_FOUND:
        case WEBKIT_CONTEXT_MENU_ACTION_IGNORE_SPELLING:
        case WEBKIT_CONTEXT_MENU_ACTION_LEARN_SPELLING:
        case WEBKIT_CONTEXT_MENU_ACTION_IGNORE_GRAMMAR:
        case WEBKIT_CONTEXT_MENU_ACTION_FONT_MENU:
        case WEBKIT_CONTEXT_MENU_ACTION_BOLD:
        case WEBKIT_CONTEXT_MENU_ACTION_ITALIC:
        case WEBKIT_CONTEXT_MENU_ACTION_UNDERLINE:
        case WEBKIT_CONTEXT_MENU_ACTION_OUTLINE:
        case WEBKIT_CONTEXT_MENU_ACTION_OPEN_VIDEO_IN_NEW_WINDOW:
        case WEBKIT_CONTEXT_MENU_ACTION_OPEN_AUDIO_IN_NEW_WINDOW:
        case WEBKIT_CONTEXT_MENU_ACTION_COPY_VIDEO_LINK_TO_CLIPBOARD:
        case WEBKIT_CONTEXT_MENU_ACTION_COPY_AUDIO_LINK_TO_CLIPBOARD:
        case WEBKIT_CONTEXT_MENU_ACTION_TOGGLE_MEDIA_CONTROLS:
        case WEBKIT_CONTEXT_MENU_ACTION_TOGGLE_MEDIA_LOOP:
        case WEBKIT_CONTEXT_MENU_ACTION_ENTER_VIDEO_FULLSCREEN:
        case WEBKIT_CONTEXT_MENU_ACTION_MEDIA_PLAY:
        case WEBKIT_CONTEXT_MENU_ACTION_MEDIA_PAUSE:
        case WEBKIT_CONTEXT_MENU_ACTION_MEDIA_MUTE:
        case WEBKIT_CONTEXT_MENU_ACTION_DOWNLOAD_VIDEO_TO_DISK:
        case WEBKIT_CONTEXT_MENU_ACTION_DOWNLOAD_AUDIO_TO_DISK:
        case WEBKIT_CONTEXT_MENU_ACTION_INSERT_EMOJI:
        case WEBKIT_CONTEXT_MENU_ACTION_PASTE_AS_PLAIN_TEXT:
        case WEBKIT_CONTEXT_MENU_ACTION_CUSTOM:
        default:
          webkit_context_menu_remove (context_menu, item);
          break;
        }
    }

  return webkit_context_menu_get_n_items (context_menu) == 0;
}

static void
dl_preview_view_finalize (GObject *object)
{
  DlPreviewView *self = (DlPreviewView *)object;

  views_waiting_for_filter = g_list_remove (views_waiting_for_filter, self);
  g_clear_pointer (&self->pending_html, g_free);
  g_clear_pointer (&self->article_uuid, g_free);
  g_clear_pointer (&self->image_path, g_free);
  g_clear_pointer (&self->local_images, g_strfreev);
  g_clear_object (&self->template_dir);

  G_OBJECT_CLASS (dl_preview_view_parent_class)->finalize (object);
}

static void
dl_preview_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DlPreviewView *self = DL_PREVIEW_VIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE_READY:
      g_value_set_boolean (value, self->page_ready);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_preview_view_constructed (GObject *object)
{
  DlPreviewView *self = DL_PREVIEW_VIEW (object);

  G_OBJECT_CLASS (dl_preview_view_parent_class)->constructed (object);

  if (network_filter_settled ())
    update_network_filter (self);
  else
    {
      views_waiting_for_filter = g_list_prepend (views_waiting_for_filter, self);
      compile_network_filter ();
    }
}

static void
dl_preview_view_class_init (DlPreviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  WebKitWebViewClass *web_view_class = WEBKIT_WEB_VIEW_CLASS (klass);

  object_class->constructed = dl_preview_view_constructed;
  object_class->finalize = dl_preview_view_finalize;
  object_class->get_property = dl_preview_view_get_property;

  web_view_class->decide_policy = dl_preview_view_decide_policy;
  web_view_class->load_changed = dl_preview_view_load_changed;
  web_view_class->context_menu = dl_preview_view_context_menu;
  web_view_class->web_process_terminated = dl_preview_view_web_process_terminated;

  /**
   * DlPreviewView:page-ready:
   *
   * Whether the page from the last dl_preview_view_load_page() finished
   * loading, so that its article can be replaced in place.
   */
  properties[PROP_PAGE_READY] =
    g_param_spec_boolean ("page-ready", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DlPreviewView::open-uri:
   * @self: the view
   * @uri: an http(s) or mailto address the user clicked
   *
   * Emitted instead of navigating. The default handler opens @uri in the
   * system's browser or mail client; tests connect a handler returning
   * %TRUE to stop that.
   *
   * Returns: %TRUE when handled
   */
  signals[OPEN_URI] =
    g_signal_new_class_handler ("open-uri", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                G_CALLBACK (dl_preview_view_real_open_uri),
                                g_signal_accumulator_true_handled, NULL, NULL,
                                G_TYPE_BOOLEAN, 1, G_TYPE_STRING);

  /**
   * DlPreviewView::page-lost:
   * @self: the view
   *
   * Emitted when the web process ended (crashed, or was killed for
   * memory): the page must be loaded again.
   */
  signals[PAGE_LOST] =
    g_signal_new ("page-lost", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dl_preview_view_init (DlPreviewView *self)
{
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Article preview"),
                                  -1);
}

/**
 * dl_preview_view_new:
 *
 * Creates a web view with the preview's settings, its private context and
 * an ephemeral network session.
 *
 * Returns: (transfer floating): a new #DlPreviewView
 */
DlPreviewView *
dl_preview_view_new (void)
{
  g_autoptr(WebKitSettings) settings = create_settings ();
  g_autoptr(WebKitNetworkSession) session = webkit_network_session_new_ephemeral ();
  g_autoptr(WebKitUserContentManager) manager = webkit_user_content_manager_new ();
  g_autoptr(WebKitUserScript) guard = NULL;

  guard = webkit_user_script_new_for_world (guard_js,
                                            WEBKIT_USER_CONTENT_INJECT_ALL_FRAMES,
                                            WEBKIT_USER_SCRIPT_INJECT_AT_DOCUMENT_START,
                                            DL_PREVIEW_SCRIPT_WORLD, NULL, NULL);
  webkit_user_content_manager_add_script (manager, guard);

  return g_object_new (DL_TYPE_PREVIEW_VIEW,
                       "web-context", get_shared_context (),
                       "network-session", session,
                       "settings", settings,
                       "user-content-manager", manager,
                       NULL);
}

/**
 * dl_preview_view_load_page:
 * @self: a #DlPreviewView
 * @html: a complete page from dl_renderer_render_page()
 *
 * Loads @html as the page at %DL_PREVIEW_BASE_URI. The view is
 * #DlPreviewView:page-ready again once it finished.
 */
void
dl_preview_view_load_page (DlPreviewView *self,
                           const char    *html)
{
  g_return_if_fail (DL_IS_PREVIEW_VIEW (self));
  g_return_if_fail (html != NULL);

  self->expecting_load = TRUE;
  if (self->page_ready)
    {
      self->page_ready = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_READY]);
    }
  g_free (self->pending_html);
  self->pending_html = g_strdup (html);
  /* Never a page before the network filter is in place. */
  if (network_filter_settled ())
    load_pending_page (self);
}

/**
 * dl_preview_view_get_page_ready:
 * @self: a #DlPreviewView
 *
 * Returns: whether the loaded page can take in-place updates
 */
gboolean
dl_preview_view_get_page_ready (DlPreviewView *self)
{
  g_return_val_if_fail (DL_IS_PREVIEW_VIEW (self), FALSE);

  return self->page_ready;
}

/* The page scripts' promise resolved (true), or the script answered
 * false: it refused, since the page did not hold what it was made for. */
static void
on_article_script_done_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCValue) value = NULL;

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (object), result, &error);
  if (value == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (!jsc_value_to_boolean (value))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             "The page does not hold the blocks the patch was made for");
  else
    g_task_return_boolean (task, TRUE);
}

/* Runs @script (update_js or patch_js) with @args in our script world. */
static void
run_article_script (DlPreviewView       *self,
                    const char          *script,
                    GVariant            *args,
                    gpointer             source_tag,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  webkit_web_view_call_async_javascript_function (WEBKIT_WEB_VIEW (self), script, -1, args,
                                                  DL_PREVIEW_SCRIPT_WORLD, NULL, cancellable,
                                                  on_article_script_done_cb, task);
}

static gboolean
article_script_finish (DlPreviewView  *self,
                       GAsyncResult   *result,
                       gpointer        source_tag,
                       GError        **error)
{
  g_return_val_if_fail (DL_IS_PREVIEW_VIEW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * dl_preview_view_replace_article_async:
 * @self: a #DlPreviewView
 * @inner_html: the article from dl_renderer_render_article()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once the change is on screen
 * @user_data: data for @callback
 *
 * Replaces the content of the article element of the loaded page, keeping
 * the scroll position.
 */
void
dl_preview_view_replace_article_async (DlPreviewView       *self,
                                       const char          *inner_html,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  GVariantDict args;

  g_return_if_fail (DL_IS_PREVIEW_VIEW (self));
  g_return_if_fail (inner_html != NULL);

  g_variant_dict_init (&args, NULL);
  g_variant_dict_insert (&args, "html", "s", inner_html);
  run_article_script (self, update_js, g_variant_dict_end (&args), dl_preview_view_replace_article_async,
                      cancellable, callback, user_data);
}

/**
 * dl_preview_view_replace_article_finish:
 * @self: a #DlPreviewView
 * @result: the result passed to the callback
 * @error: a location for a #GError
 *
 * Returns: %TRUE if the article was replaced
 */
gboolean
dl_preview_view_replace_article_finish (DlPreviewView  *self,
                                        GAsyncResult   *result,
                                        GError        **error)
{
  return article_script_finish (self, result, dl_preview_view_replace_article_async, error);
}

/**
 * dl_preview_view_patch_article_async:
 * @self: a #DlPreviewView
 * @patch: the blocks to replace (dl_block_patch_compute())
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once the change is on screen, or refused
 * @user_data: data for @callback
 *
 * Replaces only the changed blocks of the loaded page's article body.
 */
void
dl_preview_view_patch_article_async (DlPreviewView       *self,
                                     const DlBlockPatch  *patch,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GVariantDict args;

  g_return_if_fail (DL_IS_PREVIEW_VIEW (self));
  g_return_if_fail (patch != NULL && patch->html != NULL);

  g_variant_dict_init (&args, NULL);
  g_variant_dict_insert (&args, "start", "u", patch->start);
  g_variant_dict_insert (&args, "remove", "u", patch->remove);
  g_variant_dict_insert (&args, "before", "u", patch->before);
  g_variant_dict_insert (&args, "html", "s", patch->html);
  run_article_script (self, patch_js, g_variant_dict_end (&args), dl_preview_view_patch_article_async,
                      cancellable, callback, user_data);
}

/**
 * dl_preview_view_patch_article_finish:
 *
 * Returns: %TRUE if the blocks were replaced; %FALSE with
 *   %G_IO_ERROR_INVALID_DATA when the page did not hold what the patch
 *   was made for
 */
gboolean
dl_preview_view_patch_article_finish (DlPreviewView  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  return article_script_finish (self, result, dl_preview_view_patch_article_async, error);
}

static void
on_reveal_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCValue) value = NULL;

  value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (object), result, &error);
  if (value == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Could not scroll the preview: %s", error->message);
}

/**
 * dl_preview_view_reveal_block:
 * @self: a #DlPreviewView
 * @block_index: index of a top-level block of the article body
 *
 * Scrolls smoothly so that the block is visible; does nothing if it
 * already is.
 */
void
dl_preview_view_reveal_block (DlPreviewView *self,
                              guint          block_index)
{
  GVariantDict args;

  g_return_if_fail (DL_IS_PREVIEW_VIEW (self));

  if (!self->page_ready)
    return;

  g_variant_dict_init (&args, NULL);
  g_variant_dict_insert (&args, "index", "u", block_index);
  webkit_web_view_call_async_javascript_function (WEBKIT_WEB_VIEW (self),
                                                  reveal_js, -1,
                                                  g_variant_dict_end (&args),
                                                  DL_PREVIEW_SCRIPT_WORLD, NULL,
                                                  NULL, on_reveal_done_cb, NULL);
}

/**
 * dl_preview_view_set_featured_image:
 * @self: a #DlPreviewView
 * @article_uuid: (nullable): the article shown
 * @image_path: (nullable): its featured image file
 *
 * Sets the one image `dateline-image:` serves.
 */
void
dl_preview_view_set_featured_image (DlPreviewView *self,
                                    const char    *article_uuid,
                                    const char    *image_path)
{
  g_return_if_fail (DL_IS_PREVIEW_VIEW (self));

  g_free (self->article_uuid);
  self->article_uuid = g_strdup (article_uuid);
  g_free (self->image_path);
  self->image_path = g_strdup (image_path);
}

/**
 * dl_preview_view_set_template_dir:
 * @self: a #DlPreviewView
 * @template_dir: (nullable): the site template folder
 *
 * Sets the folder `dateline-template:` serves files from.
 */
void
dl_preview_view_set_template_dir (DlPreviewView *self,
                                  GFile         *template_dir)
{
  g_return_if_fail (DL_IS_PREVIEW_VIEW (self));
  g_return_if_fail (!template_dir || G_IS_FILE (template_dir));

  g_set_object (&self->template_dir, template_dir);
}

/**
 * dl_preview_view_set_local_images:
 * @local_images: (nullable): what dl_body_images_find_local() found in
 *   the body being shown
 *
 * Sets the local files `dateline-image:///<uuid>/local/<n>` may serve.
 */
void
dl_preview_view_set_local_images (DlPreviewView      *self,
                                  const char * const *local_images)
{
  g_return_if_fail (DL_IS_PREVIEW_VIEW (self));

  g_strfreev (self->local_images);
  self->local_images = g_strdupv ((char **) local_images);
}
