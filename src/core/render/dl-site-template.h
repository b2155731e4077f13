/* dl-site-template.h: a newsroom's own page around the article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  DL_TEMPLATE_LITERAL,   /* the template's own text */
  DL_TEMPLATE_LANG,      /* {{lang}} */
  DL_TEMPLATE_DIR,       /* {{dir}} */
  DL_TEMPLATE_TITLE,     /* {{title}} */
  DL_TEMPLATE_HEAD,      /* {{head}}: charset, security policy, viewport */
  DL_TEMPLATE_CSS,       /* {{css}}: the built-in stylesheet */
  DL_TEMPLATE_THEME,     /* {{theme}}: "light" or "dark" */
  DL_TEMPLATE_ARTICLE,   /* {{article}} */
} DlTemplateSlot;

typedef struct
{
  DlTemplateSlot  kind;
  char           *literal;   /* for DL_TEMPLATE_LITERAL */
} DlTemplatePart;

void       dl_template_part_free  (gpointer     data);
/* Returns: (transfer full) (element-type DlTemplatePart): the parts, or
 * NULL with @error set (DL_RENDERER_ERROR_TEMPLATE_INVALID) */
GPtrArray *dl_site_template_parse (const char  *text,
                                   gsize        len,
                                   GError     **error);
GPtrArray *dl_site_template_load  (GFile       *template_dir,
                                   GError     **error);

G_END_DECLS
