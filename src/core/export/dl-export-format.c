/* dl-export-format.c
 *
 * The one list of export formats: the command line's --format, the
 * Export dialog's choices and file names, and every message that names
 * the formats read it, so adding one is one line here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dl-export-format.h"

static const DlExportFormatInfo formats[] = {
  { DL_EXPORT_FORMAT_HTML, "html", N_("Web page (HTML)"), "text/html", ".html" },
  { DL_EXPORT_FORMAT_MARKDOWN, "markdown", N_("Markdown"), "text/markdown", ".md" },
  { DL_EXPORT_FORMAT_NINJS, "ninjs", N_("IPTC ninjs 2.0 (JSON)"), "application/json", ".json" },
  { DL_EXPORT_FORMAT_NINJS_2_1, "ninjs-2.1", N_("IPTC ninjs 2.1 (JSON)"), "application/json", ".json" },
  { DL_EXPORT_FORMAT_DATELINE, "dateline", N_("Dateline article"), "application/x-dateline-article", ".dateline" },
};

/* Other names the command line has always accepted. */
static const struct { const char *alias; DlExportFormat format; } aliases[] = {
  { "md", DL_EXPORT_FORMAT_MARKDOWN },
  { "ninjs-2.0", DL_EXPORT_FORMAT_NINJS },
  { "json", DL_EXPORT_FORMAT_DATELINE },
};

/**
 * dl_export_format_list:
 * @n_formats: (out): how many
 *
 * Returns: (array length=n_formats): every format, in menu order
 */
const DlExportFormatInfo *
dl_export_format_list (guint *n_formats)
{
  g_return_val_if_fail (n_formats != NULL, NULL);

  *n_formats = G_N_ELEMENTS (formats);
  return formats;
}

const DlExportFormatInfo *
dl_export_format_get_info (DlExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return &formats[i];
  g_return_val_if_reached (&formats[0]);
}

/**
 * dl_export_format_lookup:
 * @name: (nullable): an id or an alias, case ignored
 *
 * Returns: (nullable): the format, or %NULL for an unknown name
 */
const DlExportFormatInfo *
dl_export_format_lookup (const char *name)
{
  if (name == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (name, formats[i].id) == 0)
      return &formats[i];
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_ascii_strcasecmp (name, aliases[i].alias) == 0)
      return dl_export_format_get_info (aliases[i].format);
  return NULL;
}

const char *
dl_export_format_info_get_label (const DlExportFormatInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);
  return _(info->label);
}

/**
 * dl_export_format_dup_names:
 *
 * Returns: (transfer full): the ids, for a message: "html, markdown, …"
 */
char *
dl_export_format_dup_names (void)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (i > 0)
        /* Translators: separates the names of formats in a list */
        g_string_append (out, C_("list separator", ", "));
      g_string_append (out, formats[i].id);
    }
  return g_string_free (out, FALSE);
}

/**
 * dl_export_format_name_file:
 * @name: the file name the user chose (a base name)
 * @info: the format chosen with it
 *
 * The file dialog suggests "slug.html" before the format is picked, and
 * cannot change the name when the format changes: an extension of
 * another export format is replaced by @info's, a missing one added. An
 * extension of the user's own ("notes.txt") is kept: they meant it.
 *
 * Returns: (transfer full): the name to write
 */
char *
dl_export_format_name_file (const char               *name,
                            const DlExportFormatInfo *info)
{
  guint n_formats = 0;
  const DlExportFormatInfo *known = dl_export_format_list (&n_formats);
  const char *dot;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (info != NULL, NULL);

  dot = strrchr (name, '.');
  if (dot == NULL || dot == name)
    return g_strconcat (name, info->extension, NULL);
  if (g_ascii_strcasecmp (dot, info->extension) == 0)
    return g_strdup (name);
  for (guint i = 0; i < n_formats; i++)
    if (g_ascii_strcasecmp (dot, known[i].extension) == 0)
      {
        g_autofree char *stem = g_strndup (name, dot - name);
        return g_strconcat (stem, info->extension, NULL);
      }
  return g_strdup (name);
}
