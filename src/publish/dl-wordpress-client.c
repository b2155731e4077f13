/* dl-wordpress-client.c: requests to one WordPress site
 *
 * One SoupSession per site (connection reuse, the timeout, the user
 * agent "Dateline/VERSION"). Every call is blocking and made from a
 * worker thread; libsoup 3.2 allows a session's synchronous API from
 * any thread. Failures become DL_PUBLISH_ERROR errors that say what
 * happened in plain words and quote the server's own code and message
 * (docs/PUBLISHING.md, "Errors"). The application password goes only
 * into the Authorization header: never into a URL, a message or a log.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-wordpress"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dl-json-member.h"
#include "dl-publish-error.h"
#include "dl-wordpress-client.h"

#define DEFAULT_TIMEOUT_SECONDS 30

struct _DlWordPressClient
{
  GObject      parent_instance;

  DlSite      *site;
  SoupSession *session;
  GMutex       mutex;        /* guards the password and the counters */
  char        *authorization;
  char        *authorize_endpoint;  /* the browser approval page, from the index */
  guint        requests;
  guint        connections;
};

G_DEFINE_FINAL_TYPE (DlWordPressClient, dl_wordpress_client, G_TYPE_OBJECT)

void
dl_wordpress_reply_free (DlWordPressReply *reply)
{
  if (reply == NULL)
    return;
  g_clear_pointer (&reply->body, json_node_unref);
  g_free (reply);
}

static void
dl_wordpress_client_finalize (GObject *object)
{
  DlWordPressClient *self = DL_WORDPRESS_CLIENT (object);

  g_clear_object (&self->site);
  g_clear_object (&self->session);
  if (self->authorization != NULL)
    memset (self->authorization, 0, strlen (self->authorization));
  g_free (self->authorization);
  g_free (self->authorize_endpoint);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (dl_wordpress_client_parent_class)->finalize (object);
}

static void
dl_wordpress_client_class_init (DlWordPressClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dl_wordpress_client_finalize;
}

static void
dl_wordpress_client_init (DlWordPressClient *self)
{
  g_mutex_init (&self->mutex);
  self->session = soup_session_new_with_options ("user-agent", PACKAGE_NAME "/" PACKAGE_VERSION,
                                                 "timeout", DEFAULT_TIMEOUT_SECONDS,
                                                 "max-conns-per-host", 2,
                                                 NULL);
}

DlWordPressClient *
dl_wordpress_client_new (DlSite *site)
{
  DlWordPressClient *self = g_object_new (DL_TYPE_WORDPRESS_CLIENT, NULL);

  self->site = g_object_ref (site);
  return self;
}

DlSite *
dl_wordpress_client_get_site (DlWordPressClient *self)
{
  return self->site;
}

/**
 * dl_wordpress_client_set_password:
 * @password: (nullable): the application password; spaces do not matter
 */
void
dl_wordpress_client_set_password (DlWordPressClient *self,
                                  const char        *password)
{
  g_autofree char *pair = NULL;

  g_mutex_lock (&self->mutex);
  g_clear_pointer (&self->authorization, g_free);
  if (password != NULL)
    {
      g_autofree char *encoded = NULL;

      pair = g_strdup_printf ("%s:%s", dl_site_get_user (self->site) ?: "", password);
      encoded = g_base64_encode ((const guchar *) pair, strlen (pair));
      self->authorization = g_strconcat ("Basic ", encoded, NULL);
      memset (pair, 0, strlen (pair));
      memset (encoded, 0, strlen (encoded));
    }
  g_mutex_unlock (&self->mutex);
}

void
dl_wordpress_client_set_timeout (DlWordPressClient *self,
                                 guint              seconds)
{
  soup_session_set_timeout (self->session, seconds);
}

guint
dl_wordpress_client_get_request_count (DlWordPressClient *self)
{
  guint n;

  g_mutex_lock (&self->mutex);
  n = self->requests;
  g_mutex_unlock (&self->mutex);
  return n;
}

guint
dl_wordpress_client_get_connection_count (DlWordPressClient *self)
{
  guint n;

  g_mutex_lock (&self->mutex);
  n = self->connections;
  g_mutex_unlock (&self->mutex);
  return n;
}

static gboolean
is_loopback_host (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/**
 * dl_wordpress_client_check_address:
 * @url: an address the user typed or the site points to
 *
 * Plain http:// sends the application password readable by anyone on
 * the way: refused, except to this computer (a test site) or when the
 * user allowed it for this site.
 */
gboolean
dl_wordpress_client_check_address (DlSite      *site,
                                   const char  *url,
                                   GError     **error)
{
  g_autoptr(GUri) uri = url != NULL ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  const char *scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;

  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0'
      || (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0))
    {
      g_set_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_INVALID,
                   /* Translators: %s is what the user typed as a site's address */
                   _("“%s” is not a web address. Type the site’s address, such as https://news.example.org."),
                   url != NULL ? url : "");
      return FALSE;
    }
  if (g_strcmp0 (scheme, "http") == 0 && !is_loopback_host (g_uri_get_host (uri))
      && !dl_site_get_allow_http (site))
    {
      g_set_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_INSECURE,
                   /* Translators: %s is the site's address as typed, "http://news.example.org" */
                   _("%s is not encrypted (http://): your password would travel readable by anyone on the way. Use the https:// address, or allow plain http for this site if you really must."),
                   url);
      return FALSE;
    }
  return TRUE;
}

/* The REST root joined with a route and a query: the root is either
 * …/wp-json/ or …/?rest_route=/ (sites without pretty permalinks). */
static char *
build_url (const char         *root,
           const char         *route,
           const char * const *query)
{
  gboolean in_query = strchr (root, '?') != NULL;
  GString *url = g_string_new (root);

  g_string_append (url, route);
  for (guint i = 0; query != NULL && query[i] != NULL && query[i + 1] != NULL; i += 2)
    {
      g_string_append_c (url, in_query ? '&' : '?');
      in_query = TRUE;
      g_string_append_uri_escaped (url, query[i], NULL, FALSE);
      g_string_append_c (url, '=');
      g_string_append_uri_escaped (url, query[i + 1], NULL, FALSE);
    }
  return g_string_free (url, FALSE);
}

static void
on_network_event (SoupMessage        *message,
                  GSocketClientEvent  event,
                  GIOStream          *connection,
                  gpointer            user_data)
{
  DlWordPressClient *self = user_data;

  if (event != G_SOCKET_CLIENT_CONNECTED)
    return;
  g_mutex_lock (&self->mutex);
  self->connections++;
  g_mutex_unlock (&self->mutex);
}

/* A transport failure in words, with what to do. */
static void
set_transport_error (GError      **error,
                     GError       *cause,
                     const char   *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *host = uri != NULL ? g_uri_get_host (uri) : url;

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (cause));
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_TIMEOUT,
                 /* Translators: %s is a host name */
                 _("%s did not answer in time. Dateline will try again; check the site if this goes on."), host);
  else if (cause->domain == G_TLS_ERROR)
    g_set_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_TLS,
                 /* Translators: %s is a host name, "news.example.org"; the second %s is the reason,
                  * such as "Unacceptable TLS certificate" */
                 _("The secure connection to %s cannot be trusted (%s). Nothing was sent. Ask the site’s administrator to fix its certificate."),
                 host, cause->message);
  else
    g_set_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_UNREACHABLE,
                 /* Translators: %s is a host name, "news.example.org"; the second %s is the reason,
                  * such as "Could not connect: Connection refused" */
                 _("%s cannot be reached (%s). Dateline will try again when the connection is back."),
                 host, cause->message);
}

/* A non-2xx answer: the REST API's {code, message} where there is one. */
static void
set_http_error (GError      **error,
                guint         status,
                JsonNode     *body,
                const char   *content_type)
{
  JsonObject *object = body != NULL && JSON_NODE_HOLDS_OBJECT (body) ? json_node_get_object (body) : NULL;
  const char *code = dl_json_member_string (object, "code");
  const char *message = dl_json_member_string (object, "message");
  g_autofree char *said = NULL;
  int domain_code;
  const char *advice;

  if (code == NULL)
    {
      g_set_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_NOT_JSON,
                   /* Translators: %u is an HTTP status such as 502, %s a MIME type */
                   _("The site answered with an error page (HTTP %u, %s) instead of the WordPress REST API. Check the site’s address, or try again later if the site is down."),
                   status, content_type != NULL ? content_type : "?");
      return;
    }
  /* Translators: the server's own words: %s its message, %s its code, %u the HTTP status */
  said = g_strdup_printf (_("The site said: “%s” (%s, HTTP %u)."), message != NULL ? message : "", code, status);
  switch (status)
    {
    case 401:
      domain_code = DL_PUBLISH_ERROR_AUTH;
      advice = _("The user name or the application password is wrong. Create a new application password in the site’s profile page and sign in again.");
      break;
    case 403:
      domain_code = DL_PUBLISH_ERROR_FORBIDDEN;
      advice = _("Your account on the site is not allowed to do this. Ask an editor or the site’s administrator.");
      break;
    case 404:
      domain_code = DL_PUBLISH_ERROR_NOT_FOUND;
      advice = _("The site does not have it (any more).");
      break;
    default:
      domain_code = DL_PUBLISH_ERROR_SERVER;
      advice = status >= 500 ? _("The site failed. Try again later, or tell the site’s administrator.")
                             : _("The site refused the request.");
      break;
    }
  g_set_error (error, DL_PUBLISH_ERROR, domain_code, "%s %s", advice, said);
}

/* Reads at most DL_WORDPRESS_MAX_RESPONSE bytes. */
static GBytes *
read_body (GInputStream  *stream,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[16384];

  for (;;)
    {
      gssize n = g_input_stream_read (stream, buffer, sizeof buffer, cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if (data->len + (gsize) n > DL_WORDPRESS_MAX_RESPONSE)
        {
          g_set_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_NOT_JSON,
                       /* Translators: %u is a number of megabytes (MB), 16 */
                       _("The site’s answer is larger than %u MB: that is not the REST API. Nothing more was read."),
                       DL_WORDPRESS_MAX_RESPONSE / (1024 * 1024));
          return NULL;
        }
      g_byte_array_append (data, buffer, n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static DlWordPressReply *
send_message (DlWordPressClient  *self,
              SoupMessage        *message,
              const char         *url,
              gboolean            accept_errors,
              GCancellable       *cancellable,
              GError            **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(DlWordPressReply) reply = g_new0 (DlWordPressReply, 1);
  SoupMessageHeaders *headers;
  const char *pages;
  const char *content_type;

  g_mutex_lock (&self->mutex);
  if (self->authorization != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization",
                                  self->authorization);
  self->requests++;
  g_mutex_unlock (&self->mutex);
  soup_message_headers_replace (soup_message_get_request_headers (message), "Accept", "application/json");
  g_signal_connect (message, "network-event", G_CALLBACK (on_network_event), self);

  g_debug ("%s %s", soup_message_get_method (message), url);
  stream = soup_session_send (self->session, message, cancellable, &local_error);
  if (stream != NULL)
    bytes = read_body (stream, cancellable, &local_error);
  g_signal_handlers_disconnect_by_func (message, on_network_event, self);
  if (bytes == NULL)
    {
      if (local_error->domain == DL_PUBLISH_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_transport_error (error, local_error, url);
      return NULL;
    }

  reply->status = soup_message_get_status (message);
  headers = soup_message_get_response_headers (message);
  content_type = soup_message_headers_get_content_type (headers, NULL);
  pages = soup_message_headers_get_one (headers, "X-WP-TotalPages");
  reply->total_pages = pages != NULL ? (guint) g_ascii_strtoull (pages, NULL, 10) : 0;

  if (g_bytes_get_size (bytes) > 0
      && json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL))
    reply->body = json_parser_steal_root (parser);

  if (!SOUP_STATUS_IS_SUCCESSFUL (reply->status) && accept_errors && reply->body != NULL)
    return g_steal_pointer (&reply);
  if (!SOUP_STATUS_IS_SUCCESSFUL (reply->status))
    {
      set_http_error (error, reply->status, reply->body, content_type);
      return NULL;
    }
  if (reply->body == NULL)
    {
      g_set_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_NOT_JSON,
                   /* Translators: %u is an HTTP status such as 200, %s a MIME type such as "text/html" */
                   _("The site’s answer (HTTP %u, %s) is not the WordPress REST API’s: it is not valid JSON. A plugin or the server may be printing errors into it; tell the site’s administrator."),
                   reply->status, content_type != NULL ? content_type : "?");
      return NULL;
    }
  return g_steal_pointer (&reply);
}

static gboolean
check_ready (DlWordPressClient  *self,
             GError            **error)
{
  if (dl_site_get_rest_root (self->site) == NULL)
    {
      g_set_error_literal (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_INVALID,
                           _("The site has not been set up: add it again in Preferences."));
      return FALSE;
    }
  return dl_wordpress_client_check_address (self->site, dl_site_get_rest_root (self->site), error);
}

/**
 * call:
 * @method: "GET", "POST", "DELETE", …
 * @route: below the REST root, e.g. "wp/v2/posts/12"
 * @body: (nullable): the JSON to send
 *
 * Returns: (transfer full) (nullable): the answer, %NULL with @error
 */
static DlWordPressReply *
call (DlWordPressClient  *self,
      const char         *method,
      const char         *route,
      const char * const *query,
      JsonNode           *body,
      gboolean            accept_errors,
      GCancellable       *cancellable,
      GError            **error)
{
  g_autofree char *url = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!check_ready (self, error))
    return NULL;
  url = build_url (dl_site_get_rest_root (self->site), route, query);
  message = soup_message_new (method, url);
  if (message == NULL)
    {
      g_set_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_INVALID,
                   /* Translators: %s is an address made for the site, such as
                    * "https://news.example.org/wp-json/wp/v2/posts" */
                   _("“%s” is not a web address."), url);
      return NULL;
    }
  if (body != NULL)
    {
      g_autofree char *text = json_to_string (body, FALSE);
      gsize len = strlen (text);
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&text), len);

      soup_message_set_request_body_from_bytes (message, "application/json; charset=utf-8", bytes);
    }
  return send_message (self, message, url, accept_errors, cancellable, error);
}

DlWordPressReply *
dl_wordpress_client_call_sync (DlWordPressClient  *self,
                               const char         *method,
                               const char         *route,
                               const char * const *query,
                               JsonNode           *body,
                               GCancellable       *cancellable,
                               GError            **error)
{
  return call (self, method, route, query, body, FALSE, cancellable, error);
}

/**
 * dl_wordpress_client_request_sync:
 *
 * As dl_wordpress_client_call_sync(), but an HTTP error with a JSON body
 * is an answer too (status >= 400), for the calls where an error is
 * information: a tag that exists answers 400 term_exists with its id.
 */
DlWordPressReply *
dl_wordpress_client_request_sync (DlWordPressClient  *self,
                                  const char         *method,
                                  const char         *route,
                                  const char * const *query,
                                  JsonNode           *body,
                                  GCancellable       *cancellable,
                                  GError            **error)
{
  return call (self, method, route, query, body, TRUE, cancellable, error);
}

/**
 * dl_wordpress_client_upload_sync:
 * @file_name: the name the media library shows; only its base name is sent
 *
 * POST /wp/v2/media with the file as the raw body.
 */
DlWordPressReply *
dl_wordpress_client_upload_sync (DlWordPressClient  *self,
                                 GBytes             *data,
                                 const char         *content_type,
                                 const char         *file_name,
                                 const char * const *query,
                                 GCancellable       *cancellable,
                                 GError            **error)
{
  g_autofree char *url = NULL;
  g_autofree char *base = g_path_get_basename (file_name);
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GHashTable) params = g_hash_table_new (g_str_hash, g_str_equal);

  if (!check_ready (self, error))
    return NULL;
  url = build_url (dl_site_get_rest_root (self->site), "wp/v2/media", query);
  message = soup_message_new ("POST", url);
  soup_message_set_request_body_from_bytes (message, content_type, data);
  g_hash_table_insert (params, (gpointer) "filename", base);
  soup_message_headers_set_content_disposition (soup_message_get_request_headers (message), "attachment",
                                                params);
  return send_message (self, message, url, FALSE, cancellable, error);
}

static gboolean
index_has_application_passwords (JsonObject *index)
{
  JsonNode *auth = json_object_get_member (index, "authentication");

  return auth != NULL && JSON_NODE_HOLDS_OBJECT (auth)
         && json_object_has_member (json_node_get_object (auth), "application-passwords");
}

static JsonObject *
fetch_index (DlWordPressClient  *self,
             const char         *root,
             GCancellable       *cancellable,
             GError            **error)
{
  g_autoptr(SoupMessage) message = soup_message_new ("GET", root);
  g_autoptr(DlWordPressReply) reply = NULL;

  if (message == NULL)
    {
      g_set_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_INVALID, _("“%s” is not a web address."), root);
      return NULL;
    }
  reply = send_message (self, message, root, FALSE, cancellable, error);
  if (reply == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (reply->body)
      || !json_object_has_member (json_node_get_object (reply->body), "namespaces"))
    {
      g_set_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_NOT_JSON,
                   /* Translators: %s is a web address, such as "https://news.example.org/wp-json/" */
                   _("%s does not look like a WordPress site: it has no REST API index."), root);
      return NULL;
    }
  return json_object_ref (json_node_get_object (reply->body));
}

/**
 * dl_wordpress_client_discover_sync:
 *
 * Finds the REST root from the site's address (/wp-json/, else
 * ?rest_route=/), checks that the site offers application passwords and
 * whether it has Dateline's companion plugin, and records both on the
 * site.
 */
gboolean
dl_wordpress_client_discover_sync (DlWordPressClient  *self,
                                   GCancellable       *cancellable,
                                   GError            **error)
{
  const char *url = dl_site_get_url (self->site);
  g_autofree char *base = NULL;
  g_autofree char *pretty = NULL;
  g_autofree char *plain = NULL;
  g_autoptr(JsonObject) index = NULL;
  g_autoptr(GError) pretty_error = NULL;
  const char *root;

  if (!dl_wordpress_client_check_address (self->site, url, error))
    return FALSE;
  base = g_str_has_suffix (url, "/") ? g_strdup (url) : g_strconcat (url, "/", NULL);
  pretty = g_strconcat (base, "wp-json/", NULL);
  plain = g_strconcat (base, "?rest_route=/", NULL);

  root = pretty;
  index = fetch_index (self, pretty, cancellable, &pretty_error);
  if (index == NULL)
    {
      if (dl_publish_error_is_transient (pretty_error) || pretty_error->domain != DL_PUBLISH_ERROR
          || pretty_error->code == DL_PUBLISH_ERROR_TLS)
        {
          g_propagate_error (error, g_steal_pointer (&pretty_error));
          return FALSE;
        }
      root = plain;
      index = fetch_index (self, plain, cancellable, error);
      if (index == NULL)
        return FALSE;
    }
  if (!index_has_application_passwords (index))
    {
      g_set_error (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_NOT_SUPPORTED,
                   /* Translators: application passwords are a WordPress feature: use the name that
                    * WordPress's own translation gives it */
                   _("The site does not offer application passwords, which Dateline signs in with. They need WordPress 5.6 or later, served over https:// (an administrator can enable them)."));
      return FALSE;
    }
  dl_site_set_rest_root (self->site, root);
  dl_site_set_has_companion (self->site, json_object_has_member (index, "dateline_companion"));
  {
    JsonObject *auth = json_object_get_object_member (index, "authentication");
    JsonNode *passwords = json_object_get_member (auth, "application-passwords");
    JsonNode *endpoints = passwords != NULL && JSON_NODE_HOLDS_OBJECT (passwords)
                          ? json_object_get_member (json_node_get_object (passwords), "endpoints") : NULL;

    g_free (self->authorize_endpoint);
    self->authorize_endpoint = g_strdup (endpoints != NULL && JSON_NODE_HOLDS_OBJECT (endpoints)
                                         ? dl_json_member_string (json_node_get_object (endpoints), "authorization")
                                         : NULL);
  }
  return TRUE;
}

/**
 * dl_wordpress_client_verify_sync:
 *
 * GET /wp/v2/users/me: the only check that tells a wrong password (a
 * public GET with bad credentials answers 200 as anonymous).
 *
 * Returns: (transfer full) (nullable): the user
 */
JsonObject *
dl_wordpress_client_verify_sync (DlWordPressClient  *self,
                                 GCancellable       *cancellable,
                                 GError            **error)
{
  const char * const query[] = { "context", "edit", NULL };
  g_autoptr(DlWordPressReply) reply = dl_wordpress_client_call_sync (self, "GET", "wp/v2/users/me", query,
                                                                     NULL, cancellable, error);

  if (reply == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (reply->body))
    {
      g_set_error_literal (error, DL_PUBLISH_ERROR, DL_PUBLISH_ERROR_NOT_JSON,
                           _("The site’s answer about the signed-in user is not what WordPress sends."));
      return NULL;
    }
  return json_object_ref (json_node_get_object (reply->body));
}

const char *
dl_wordpress_reply_get_code (DlWordPressReply *reply)
{
  if (reply == NULL || reply->status < 400 || reply->body == NULL || !JSON_NODE_HOLDS_OBJECT (reply->body))
    return NULL;
  return dl_json_member_string (json_node_get_object (reply->body), "code");
}

/**
 * dl_wordpress_client_get_authorize_endpoint:
 *
 * Returns: (nullable): the site's page where a user approves an
 *   application (authorize-application.php), once discovered
 */
const char *
dl_wordpress_client_get_authorize_endpoint (DlWordPressClient *self)
{
  return self->authorize_endpoint;
}
