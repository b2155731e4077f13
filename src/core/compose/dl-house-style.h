/* dl-house-style.h: how a newsroom writes its datelines and credit lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dl-article.h"

G_BEGIN_DECLS

#define DL_TYPE_HOUSE_STYLE (dl_house_style_get_type ())
G_DECLARE_FINAL_TYPE (DlHouseStyle, dl_house_style, DL, HOUSE_STYLE, GObject)

DlHouseStyle *dl_house_style_new                  (void);
DlHouseStyle *dl_house_style_copy                 (DlHouseStyle  *self);
void          dl_house_style_bind_settings        (DlHouseStyle  *self,
                                                   GSettings     *settings);

const char   *dl_house_style_get_dateline_style   (DlHouseStyle  *self);
void          dl_house_style_set_dateline_style   (DlHouseStyle  *self,
                                                   const char    *style_id);
const char   *dl_house_style_get_custom_pattern   (DlHouseStyle  *self);
void          dl_house_style_set_custom_pattern   (DlHouseStyle  *self,
                                                   const char    *pattern);
const char   *dl_house_style_get_source           (DlHouseStyle  *self);
void          dl_house_style_set_source           (DlHouseStyle  *self,
                                                   const char    *source);

char         *dl_house_style_compose_dateline     (DlHouseStyle  *self,
                                                   DlArticle     *article,
                                                   GError       **fallback_reason);
GPtrArray    *dl_house_style_compose_credit_lines (DlHouseStyle  *self,
                                                   DlArticle     *article,
                                                   GError       **fallback_reason);
char         *dl_house_style_compose_credits      (DlHouseStyle  *self,
                                                   DlArticle     *article);

G_END_DECLS
