/* dl-html.h: escaping and URL checks for untrusted text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where a URL is going to be used: links may be relative, fragments or
 * mail addresses; images only load from the network or the preview. */
typedef enum
{
  DL_HTML_URL_LINK,
  DL_HTML_URL_IMAGE,
  DL_HTML_URL_IMAGE_PREVIEW,   /* an image in the preview: dateline-image: too */
} DlHtmlUrlKind;

void      dl_html_append_text        (GString       *out,
                                      const char    *text,
                                      gssize         len);
void      dl_html_append_text_literal (GString      *out,
                                      const char   *text,
                                      gssize        len);
void      dl_html_append_attr        (GString       *out,
                                      const char    *text,
                                      gssize         len);
char     *dl_html_escape_text        (const char    *text);
char     *dl_html_escape_attr        (const char    *text);

gboolean  dl_html_decode_entity      (const char    *entity,
                                      gsize          len,
                                      GString       *out);
char     *dl_html_sanitize_url       (const char    *url,
                                      gssize         len,
                                      DlHtmlUrlKind  kind);
gboolean  dl_html_url_is_safe        (const char    *url,
                                      DlHtmlUrlKind  kind);

const char *dl_html_direction_for_language (const char *language);

G_END_DECLS
