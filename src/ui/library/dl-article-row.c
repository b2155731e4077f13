/* dl-article-row.c: one article in the library sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-article-row"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dl-article-row.h"
#include "dl-ui-dates.h"
#include "dl-date-entry.h"
#include "dl-release-times.h"
#include "dl-resources.h"

struct _DlArticleRow
{
  GtkWidget         parent_instance;

  DlArticleSummary *summary;
  guint             clock_id;
  char             *status_class;

  GtkLabel         *category_label;
  GtkLabel         *status_label;
  GtkLabel         *time_label;
  GtkLabel         *release_label;
  GtkLabel         *title_label;
};

G_DEFINE_FINAL_TYPE (DlArticleRow, dl_article_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_time (DlArticleRow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *text = NULL;
  g_autofree char *full = NULL;
  GDateTime *modified;

  modified = self->summary != NULL ? dl_article_summary_get_modified (self->summary) : NULL;
  if (modified == NULL)
    {
      gtk_label_set_label (self->time_label, "");
      return;
    }

  text = dl_format_relative_time (modified, now);
  gtk_label_set_label (self->time_label, text);
  {
    g_autoptr(GDateTime) local = g_date_time_to_local (modified);
    /* "Thursday, 8 May 2025 at 10:06", in the interface's language */
    full = dl_ui_date_format (local, "EEEEdMMMMyHHmm");
  }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->time_label), full);
}

/* "Embargoed until 8 May 2025, 10:06 +03" while the embargo holds,
 * "Goes live …" for a schedule still ahead: the desk sees at a glance
 * what must not go out yet. Returns the text for the accessible label. */
static char *
update_release (DlArticleRow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GDateTime *embargo = dl_article_summary_get_embargo (self->summary);
  GDateTime *schedule = dl_article_summary_get_schedule (self->summary);
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->release_label), "warning");
  if (dl_release_is_embargoed (embargo, now))
    {
      g_autofree char *when = dl_date_entry_format_for_reading (embargo, NULL);
      /* Translators: in the library row; %s is a date and time */
      text = g_strdup_printf (_("Embargoed until %s"), when);
      gtk_widget_add_css_class (GTK_WIDGET (self->release_label), "warning");
    }
  else if (schedule != NULL && g_date_time_compare (schedule, now) > 0
           && dl_article_summary_get_status (self->summary) != DL_ARTICLE_STATUS_PUBLISHED)
    {
      g_autofree char *when = dl_date_entry_format_for_reading (schedule, NULL);
      /* Translators: in the library row; %s is a date and time */
      text = g_strdup_printf (_("Goes live %s"), when);
    }
  gtk_label_set_label (self->release_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->release_label), text != NULL);
  return g_steal_pointer (&text);
}

static void
update (DlArticleRow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *release = NULL;
  const char *category;
  DlArticleStatus status;

  if (self->summary == NULL)
    return;

  title = dl_article_summary_dup_display_title (self->summary);
  category = dl_article_summary_get_category (self->summary);
  status = dl_article_summary_get_status (self->summary);

  gtk_label_set_label (self->title_label, title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), title);
  gtk_label_set_label (self->category_label, category != NULL ? category : "");
  gtk_label_set_label (self->status_label, dl_article_status_get_short_label (status));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label), dl_article_status_get_label (status));

  /* One CSS class per status so the pill gets its colour from style.css. */
  if (self->status_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), self->status_class);
  g_free (self->status_class);
  self->status_class = g_strdup_printf ("status-%s", dl_article_status_to_string (status));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), self->status_class);

  update_time (self);
  release = update_release (self);

  /* Translators: accessible description of a library row: headline, status, category */
  accessible = g_strdup_printf (_("%s, %s, %s"), title, dl_article_status_get_label (status),
                                category != NULL && *category ? category : _("no category"));
  if (release != NULL)
    {
      char *with_release = g_strconcat (accessible, ", ", release, NULL);
      g_free (accessible);
      accessible = with_release;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static gboolean
on_clock_tick_cb (gpointer user_data)
{
  update_time (DL_ARTICLE_ROW (user_data));
  return G_SOURCE_CONTINUE;
}

static void
on_summary_notify_cb (DlArticleRow *self)
{
  update (self);
}

/**
 * dl_format_relative_time:
 * @time: when something happened
 * @now: the current time
 *
 * Formats @time the way the library shows it: "Just now", "5 min ago",
 * "3 hours ago", "Yesterday", a weekday within a week, then a date.
 *
 * Returns: (transfer full): a translated string
 */
char *
dl_format_relative_time (GDateTime *time,
                         GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) today = NULL;
  GTimeSpan diff;
  gint64 days;

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  local = g_date_time_to_local (time);
  local_now = g_date_time_to_local (now);
  diff = g_date_time_difference (local_now, local);

  if (diff < G_TIME_SPAN_MINUTE)
    return g_strdup (_("Just now"));

  if (diff < G_TIME_SPAN_HOUR)
    {
      int minutes = diff / G_TIME_SPAN_MINUTE;
      return g_strdup_printf (ngettext ("%d min ago", "%d min ago", minutes), minutes);
    }

  day = g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local),
                               g_date_time_get_day_of_month (local), 0, 0, 0);
  today = g_date_time_new_local (g_date_time_get_year (local_now), g_date_time_get_month (local_now),
                                 g_date_time_get_day_of_month (local_now), 0, 0, 0);
  /* Rounded: a day with a daylight-saving change is 23 or 25 hours. */
  days = (g_date_time_difference (today, day) + G_TIME_SPAN_HOUR * 12) / G_TIME_SPAN_DAY;

  if (days <= 0)
    {
      int hours = diff / G_TIME_SPAN_HOUR;
      return g_strdup_printf (ngettext ("%d hour ago", "%d hours ago", hours), hours);
    }
  if (days == 1)
    return g_strdup (_("Yesterday"));
  if (days < 7)
    /* A day within the last week: "Monday" */
    return dl_ui_date_format (local, "EEEE");
  if (g_date_time_get_year (local) == g_date_time_get_year (local_now))
    /* This year: "8 May" */
    return dl_ui_date_format (local, "dMMM");
  /* Another year: "8 May 2024" */
  return dl_ui_date_format (local, "dMMMy");
}

static void
dl_article_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DlArticleRow *self = DL_ARTICLE_ROW (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_object (value, self->summary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_article_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DlArticleRow *self = DL_ARTICLE_ROW (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      dl_article_row_set_summary (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_article_row_dispose (GObject *object)
{
  DlArticleRow *self = DL_ARTICLE_ROW (object);

  dl_article_row_set_summary (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DL_TYPE_ARTICLE_ROW);
  /* Template children that are not bound are ours to unparent too. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (self)))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (dl_article_row_parent_class)->dispose (object);
}

static void
dl_article_row_finalize (GObject *object)
{
  DlArticleRow *self = DL_ARTICLE_ROW (object);

  g_free (self->status_class);

  G_OBJECT_CLASS (dl_article_row_parent_class)->finalize (object);
}

static void
dl_article_row_class_init (DlArticleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_article_row_dispose;
  object_class->finalize = dl_article_row_finalize;
  object_class->get_property = dl_article_row_get_property;
  object_class->set_property = dl_article_row_set_property;

  properties[PROP_SUMMARY] =
    g_param_spec_object ("summary", NULL, NULL,
                         DL_TYPE_ARTICLE_SUMMARY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Referencing the resource links it in from the static library. */
  (void) dl_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dateline/Dateline/dl-article-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DlArticleRow, category_label);
  gtk_widget_class_bind_template_child (widget_class, DlArticleRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, DlArticleRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, DlArticleRow, release_label);
  gtk_widget_class_bind_template_child (widget_class, DlArticleRow, title_label);

  gtk_widget_class_set_css_name (widget_class, "dl-article-row");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dl_article_row_init (DlArticleRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dl_article_row_new (void)
{
  return g_object_new (DL_TYPE_ARTICLE_ROW, NULL);
}

DlArticleSummary *
dl_article_row_get_summary (DlArticleRow *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE_ROW (self), NULL);
  return self->summary;
}

/**
 * dl_article_row_set_summary:
 * @self: a row
 * @summary: (nullable): the article to show
 *
 * Rows are recycled by the list view: only the visible ones are bound,
 * so each keeps its own minute clock while bound.
 */
void
dl_article_row_set_summary (DlArticleRow     *self,
                            DlArticleSummary *summary)
{
  g_return_if_fail (DL_IS_ARTICLE_ROW (self));
  g_return_if_fail (summary == NULL || DL_IS_ARTICLE_SUMMARY (summary));

  if (self->summary == summary)
    return;

  if (self->summary != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->summary, on_summary_notify_cb, self);
      g_clear_object (&self->summary);
    }
  g_clear_handle_id (&self->clock_id, g_source_remove);

  if (summary != NULL)
    {
      self->summary = g_object_ref (summary);
      g_signal_connect_swapped (summary, "notify", G_CALLBACK (on_summary_notify_cb), self);
      self->clock_id = g_timeout_add_seconds (60, on_clock_tick_cb, self);
      update (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}
