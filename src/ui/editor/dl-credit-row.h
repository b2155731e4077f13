/* dl-credit-row.h: one editable entry of the credits list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dl-credit.h"

G_BEGIN_DECLS

/* Which control of the row has the keyboard focus, so that focus can be
 * put back on the same control of the row that replaces it after a move. */
typedef enum
{
  DL_CREDIT_ROW_PART_NONE,
  DL_CREDIT_ROW_PART_ROLE,
  DL_CREDIT_ROW_PART_NAME,
  DL_CREDIT_ROW_PART_TEXT,
  DL_CREDIT_ROW_PART_MOVE_UP,
  DL_CREDIT_ROW_PART_MOVE_DOWN,
  DL_CREDIT_ROW_PART_REMOVE,
} DlCreditRowPart;

#define DL_TYPE_CREDIT_ROW (dl_credit_row_get_type ())
G_DECLARE_FINAL_TYPE (DlCreditRow, dl_credit_row, DL, CREDIT_ROW, GtkListBoxRow)

GtkWidget       *dl_credit_row_new             (DlCredit        *credit);
DlCredit        *dl_credit_row_get_credit      (DlCreditRow     *self);
void             dl_credit_row_set_can_move    (DlCreditRow     *self,
                                                gboolean         up,
                                                gboolean         down);
void             dl_credit_row_add_to_size_group (DlCreditRow  *self,
                                                GtkSizeGroup    *role_group);
DlCreditRowPart  dl_credit_row_get_focus_part  (DlCreditRow     *self);
void             dl_credit_row_focus_part      (DlCreditRow     *self,
                                                DlCreditRowPart  part);

G_END_DECLS
