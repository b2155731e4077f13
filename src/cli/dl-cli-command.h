/* dl-cli-command.h: what every dateline-cli subcommand shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-context.h"
#include "dl-store.h"

G_BEGIN_DECLS

#define DL_CLI_PROGRAM     "dateline-cli"
#define DL_CLI_EXIT_USAGE  2

gboolean   dl_cli_parse_options    (GOptionContext   *options,
                                    int              *argc,
                                    char           ***argv);
int        dl_cli_usage_error      (const char       *command,
                                    const char       *message);
DlStore   *dl_cli_open_store       (DlContext        *context,
                                    gboolean          load,
                                    GError          **error);
char      *dl_cli_match_id         (GPtrArray        *uuids,
                                    const char       *id,
                                    gboolean          in_trash,
                                    GError          **error);
char      *dl_cli_resolve_id       (DlStore          *store,
                                    const char       *id,
                                    GError          **error);
DlArticle *dl_cli_open_article_arg (DlContext        *context,
                                    const char       *id);
char      *dl_cli_format_date      (GDateTime        *date_time);

/* The commands in their own files */
int        dl_cli_set_main         (DlContext        *context,
                                    int               argc,
                                    char            **argv);
int        dl_cli_trash_main       (DlContext        *context,
                                    int               argc,
                                    char            **argv);
int        dl_cli_restore_main     (DlContext        *context,
                                    int               argc,
                                    char            **argv);
int        dl_cli_sites_main       (DlContext        *context,
                                    int               argc,
                                    char            **argv);
int        dl_cli_publish_main     (DlContext        *context,
                                    int               argc,
                                    char            **argv);
int        dl_cli_posts_main       (DlContext        *context,
                                    int               argc,
                                    char            **argv);
int        dl_cli_pull_main        (DlContext        *context,
                                    int               argc,
                                    char            **argv);
int        dl_cli_revisions_main   (DlContext        *context,
                                    int               argc,
                                    char            **argv);
int        dl_cli_revert_main      (DlContext        *context,
                                    int               argc,
                                    char            **argv);
int        dl_cli_list_trash       (DlContext        *context,
                                    gboolean          json);

G_END_DECLS
