/* dl-article-editor.c: the form and the body of one article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-article-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <gtksourceview/gtksource.h>

#include "dl-article-editor.h"
#include "dl-body-format.h"
#include "dl-find-bar.h"
#include "dl-link-popover.h"
#include "dl-classification-section.h"
#include "dl-credits-section.h"
#include "dl-dateline-section.h"
#include "dl-editor-section.h"
#include "dl-hidden-characters.h"
#include "dl-image-section.h"
#include "dl-release-section.h"
#include "dl-slug.h"
#include "dl-text-stats.h"
#include "dl-typographer.h"
#include "dl-spell-checker.h"
#include "dl-spell-highlighter.h"
#include "dl-entry-speller.h"
#include "dl-resources.h"

/* Copying a 20,000-word body out of the buffer costs about a millisecond
 * (docs/PERFORMANCE.md), so it is not done per keystroke: the buffer is
 * the article's body source (dl_article_set_body_source()), marked
 * changed on every keystroke and read only by whoever needs the text (a
 * save, the preview, an export). The counts follow once typing pauses. */
#define STATS_DELAY_MS 150

struct _DlArticleEditor
{
  GtkWidget        parent_instance;

  DlArticle       *article;
  DlContext       *context;         /* given to every section */
  GtkSourceBuffer *body_buffer;
  DlTextStats      stats;
  guint            stats_id;
  guint            cursor_report_id;
  guint            language_idle_id;
  gulong           after_paint_id;
  GdkFrameClock   *frame_clock;
  guint            fold_idle_id;
  guint            reveal_tick_id;
  guint            margins_idle_id;
  guint            reveal_ticks;
  GtkRoot         *root;            /* whose focus is watched, while mapped */
  guint            loading : 1;
  guint            details_visible : 1;   /* shown now */
  guint            details_wide : 1;      /* shown beside the text when there is room (remembered) */
  guint            narrow : 1;            /* the details cover the text when shown */
  guint            layout_decided : 1;    /* after the first allocation */
  guint            focus_mode : 1;        /* the window's: nothing shown or hidden is remembered */

  AdwEntryRow     *headline_row;
  GtkLabel        *headline_count_label;
  AdwActionRow    *invisible_row;
  GtkRevealer     *read_only_revealer;
  GtkLabel        *read_only_label;
  GtkWidget       *form_scroller;
  GtkLabel        *characters_label;
  GtkEntry        *language_entry;
  AdwFlap         *details_flap;
  GtkWidget       *body_placeholder;
  GtkLabel        *reading_time_label;
  GtkBox          *sections_box;
  DlClassificationSection *classification_section;
  DlDatelineSection *dateline_section;
  GtkEntry        *slug_entry;
  GtkTextView     *standfirst_view;
  GtkSourceView   *body_view;
  DlLinkPopover   *link_popover;       /* Ctrl+K */
  GtkTextMark     *link_start;         /* the text being linked */
  GtkTextMark     *link_end;
  GtkScrolledWindow *body_scroller;
  GtkLabel        *words_label;
  GtkRevealer     *find_revealer;
  DlFindBar       *find_bar;
  DlTypographer   *body_typographer;    /* the language's quotes and dashes as one types */
  DlTypographer   *standfirst_typographer;
  DlSpellChecker  *spell_checker;       /* the article language's dictionary */
  DlSpellHighlighter *body_spell;
  DlSpellHighlighter *standfirst_spell;
  DlEntrySpeller  *headline_spell;
  DlEntrySpeller  *caption_spell;
  DlImageSection  *image_section;
  GtkLabel        *spell_notice_label;  /* "No spelling dictionary for …" */
  GtkSwitch       *spell_switch;        /* this article's */
  GtkEntry        *target_entry;        /* the target length, in words */
  GtkLevelBar     *target_bar;
  gboolean         has_dictionary;
};

G_DEFINE_FINAL_TYPE (DlArticleEditor, dl_article_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ARTICLE,
  PROP_DETAILS_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  BODY_CURSOR_MOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* How often, at most, the preview is told where the cursor is: finding
 * the byte offset walks the text before the cursor. */
#define CURSOR_REPORT_DELAY_MS 120

static void
show_stats (DlArticleEditor *self)
{
  g_autofree char *words = NULL;
  g_autofree char *characters = NULL;
  g_autofree char *minutes = NULL;
  guint reading = dl_text_stats_reading_minutes (self->stats.words);
  guint target = self->article != NULL ? dl_article_get_target_words (self->article) : 0;

  /* %'u groups thousands the locale's way. */
  if (target == 0)
    /* Translators: %'u is a number of words; the ' groups thousands the locale's
     * way, "1,204 words": keep it */
    words = g_strdup_printf (ngettext ("%'u word", "%'u words", self->stats.words), self->stats.words);
  else if (self->stats.words <= target)
    /* Translators: the length against the article's target: "301 of 450 words" */
    words = g_strdup_printf (ngettext ("%'u of %'u word", "%'u of %'u words", target), self->stats.words, target);
  else
    /* Translators: "520 words, 70 over the target" */
    words = g_strdup_printf (ngettext ("%'u words, %'u over the target", "%'u words, %'u over the target",
                                       self->stats.words - target),
                             self->stats.words, self->stats.words - target);
  /* Translators: %'u is the text's length in characters, "6,512 characters" */
  characters = g_strdup_printf (ngettext ("%'u character", "%'u characters", self->stats.characters),
                                self->stats.characters);
  /* Translators: the estimated reading time; "min" is short for minutes: "4 min read" */
  minutes = g_strdup_printf (ngettext ("%u min read", "%u min read", reading), reading);

  gtk_label_set_label (self->words_label, words);
  gtk_label_set_label (self->characters_label, characters);
  gtk_label_set_label (self->reading_time_label, minutes);
  gtk_widget_set_visible (GTK_WIDGET (self->target_bar), target > 0);
  if (target > 0)
    {
      gtk_level_bar_set_value (self->target_bar, MIN (1.0, (double) self->stats.words / target));
      if (self->stats.words > target)
        gtk_widget_add_css_class (GTK_WIDGET (self->words_label), "warning");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->words_label), "warning");
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->words_label), "warning");
}

static char *
dup_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
dup_body_cb (gpointer user_data)
{
  DlArticleEditor *self = user_data;

  return dup_buffer_text (GTK_TEXT_BUFFER (self->body_buffer));
}

static gboolean
on_stats_timeout_cb (gpointer user_data)
{
  DlArticleEditor *self = user_data;

  self->stats_id = 0;
  if (self->article != NULL)
    {
      dl_text_stats_count (dl_article_get_body (self->article), -1, &self->stats);
      show_stats (self);
    }
  return G_SOURCE_REMOVE;
}

/* "Write the story…" while the body is empty, as a placeholder: it is
 * not text, so it is never saved, searched or counted. */
static void
update_body_placeholder (DlArticleEditor *self)
{
  gtk_widget_set_visible (self->body_placeholder,
                          gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (self->body_buffer)) == 0);
}

static void
on_body_changed_cb (DlArticleEditor *self)
{
  update_body_placeholder (self);
  if (self->loading || self->article == NULL)
    return;
  /* The autosaver hears of it now, so the header never says "Saved"
   * while the buffer holds text the article has not seen. */
  dl_article_body_source_changed (self->article);
  g_clear_handle_id (&self->stats_id, g_source_remove);
  self->stats_id = g_timeout_add (STATS_DELAY_MS, on_stats_timeout_cb, self);
}

/* Headline and standfirst: invisible or reordering characters pasted
 * from a wire are named, with a way to remove them. */
static void
update_invisible_warning (DlArticleEditor *self)
{
  g_autofree char *headline = NULL;
  g_autofree char *standfirst = NULL;
  g_autoptr(GString) both = g_string_new (NULL);
  g_autofree char *title = NULL;

  if (self->article != NULL)
    {
      headline = dl_hidden_characters_describe (dl_article_get_headline (self->article));
      standfirst = dl_hidden_characters_describe (dl_article_get_standfirst (self->article));
    }
  if (headline == NULL && standfirst == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->invisible_row), FALSE);
      return;
    }
  if (headline != NULL && standfirst != NULL)
    /* Translators: the names of characters follow */
    title = g_strdup_printf (_("The headline and standfirst contain characters that are invisible or reorder text: %s"),
                             headline);
  else if (headline != NULL)
    /* Translators: %s names the characters, "zero width space (U+200B),
     * right-to-left override (U+202E)" */
    title = g_strdup_printf (_("The headline contains characters that are invisible or reorder text: %s"),
                             headline);
  else
    /* Translators: %s names the characters, "zero width space (U+200B),
     * right-to-left override (U+202E)" */
    title = g_strdup_printf (_("The standfirst contains characters that are invisible or reorder text: %s"),
                             standfirst);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->invisible_row), title);
  gtk_widget_set_visible (GTK_WIDGET (self->invisible_row), TRUE);
}

static void
remove_invisible_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  DlArticleEditor *self = DL_ARTICLE_EDITOR (widget);
  g_autofree char *headline = NULL;
  g_autofree char *standfirst = NULL;

  if (self->article == NULL)
    return;
  headline = dl_hidden_characters_remove (dl_article_get_headline (self->article));
  standfirst = dl_hidden_characters_remove (dl_article_get_standfirst (self->article));
  /* Through the widgets, so the change is an edit like any other. */
  gtk_editable_set_text (GTK_EDITABLE (self->headline_row), headline);
  if (g_strcmp0 (standfirst, dl_article_get_standfirst (self->article)) != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->standfirst_view), standfirst, -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->headline_row));
}

static void
on_link_chosen_cb (DlLinkPopover   *popover,
                   const char      *address,
                   DlArticleEditor *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->body_buffer);

  if (self->link_start != NULL)
    dl_body_format_add_link (buffer, self->link_start, self->link_end, address);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

static void
forget_link_range (DlArticleEditor *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->body_buffer);

  if (self->link_start != NULL)
    gtk_text_buffer_delete_mark (buffer, self->link_start);
  if (self->link_end != NULL)
    gtk_text_buffer_delete_mark (buffer, self->link_end);
  self->link_start = self->link_end = NULL;
}

static void
on_link_closed_cb (DlLinkPopover   *popover,
                   DlArticleEditor *self)
{
  forget_link_range (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

/* Ctrl+K: in a link, it becomes its text again; on a selection (or a
 * word), the address is asked for under it. */
static void
ask_for_link (DlArticleEditor *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->body_buffer);
  GtkTextIter start, end;
  GdkRectangle where;
  graphene_point_t point;

  if (dl_body_format_remove_link (buffer))
    return;
  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    dl_body_format_trim (&start, &end);
  if (gtk_text_iter_equal (&start, &end))
    {
      if (!gtk_text_iter_inside_word (&start) && !gtk_text_iter_ends_word (&start))
        return;
      if (!gtk_text_iter_starts_word (&start))
        gtk_text_iter_backward_word_start (&start);
      if (!gtk_text_iter_ends_word (&end))
        gtk_text_iter_forward_word_end (&end);
    }
  forget_link_range (self);
  self->link_start = gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE);
  self->link_end = gtk_text_buffer_create_mark (buffer, NULL, &end, FALSE);

  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self->body_view), &end, &where);
  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (self->body_view), GTK_TEXT_WINDOW_WIDGET,
                                         where.x, where.y, &where.x, &where.y);
  if (gtk_widget_compute_point (GTK_WIDGET (self->body_view), GTK_WIDGET (self),
                                &GRAPHENE_POINT_INIT (where.x, where.y), &point))
    {
      where.x = (int) point.x;
      where.y = (int) point.y;
    }
  where.width = MAX (where.width, 1);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->link_popover), &where);
  dl_link_popover_ask (self->link_popover);
}

/* editor.format(s): bold, italic, link, heading, quote, bullets,
 * numbers; the body only, and only when it may be edited. */
static void
format_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  DlArticleEditor *self = DL_ARTICLE_EDITOR (widget);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->body_buffer);
  const char *what = g_variant_get_string (param, NULL);

  /* Ctrl+B in the headline is not about the body. */
  if (self->article == NULL || !gtk_text_view_get_editable (GTK_TEXT_VIEW (self->body_view))
      || !gtk_widget_has_focus (GTK_WIDGET (self->body_view)))
    return;
  if (g_strcmp0 (what, "link") == 0)
    {
      ask_for_link (self);
      return;
    }
  if (g_strcmp0 (what, "bold") == 0)
    dl_body_format_toggle_inline (buffer, DL_INLINE_BOLD);
  else if (g_strcmp0 (what, "italic") == 0)
    dl_body_format_toggle_inline (buffer, DL_INLINE_ITALIC);
  else if (g_strcmp0 (what, "heading") == 0)
    dl_body_format_toggle_lines (buffer, DL_LINE_HEADING);
  else if (g_strcmp0 (what, "quote") == 0)
    dl_body_format_toggle_lines (buffer, DL_LINE_QUOTE);
  else if (g_strcmp0 (what, "bullets") == 0)
    dl_body_format_toggle_lines (buffer, DL_LINE_BULLET);
  else if (g_strcmp0 (what, "numbers") == 0)
    dl_body_format_toggle_lines (buffer, DL_LINE_NUMBER);
  else
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

static void
update_slug_placeholder (DlArticleEditor *self)
{
  g_autofree char *slug = NULL;

  /* What the slug will be if the field stays empty (dl-slug.c). */
  slug = dl_slug_from_text (self->article != NULL ? dl_article_get_headline (self->article) : NULL);
  gtk_entry_set_placeholder_text (self->slug_entry, *slug != '\0' ? slug : _("Made from the headline"));
}

static void
update_headline_count (DlArticleEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->headline_row));
  glong length = g_utf8_strlen (text, -1);
  g_autofree char *count = g_strdup_printf ("%ld", length);
  g_autofree char *tooltip = g_strdup_printf (ngettext ("%ld character", "%ld characters", length), length);

  gtk_label_set_label (self->headline_count_label, count);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->headline_count_label), tooltip);
}

static void
on_headline_changed_cb (DlArticleEditor *self)
{
  update_headline_count (self);
  if (self->loading || self->article == NULL)
    return;

  dl_article_set_headline (self->article, gtk_editable_get_text (GTK_EDITABLE (self->headline_row)));
  update_slug_placeholder (self);
  update_invisible_warning (self);
}

static void
on_slug_changed_cb (DlArticleEditor *self)
{
  g_autofree char *slug = NULL;

  if (self->loading || self->article == NULL)
    return;

  slug = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->slug_entry))));
  dl_article_set_slug (self->article, slug);
}

/* Spelling is checked when the preferences and the article both want it
 * and there is a dictionary; without one, a quiet note in the footer. */
static void
apply_spelling (DlArticleEditor *self)
{
  GSettings *settings = self->context != NULL ? dl_context_get_settings (self->context) : NULL;
  gboolean wanted = self->article != NULL && dl_article_get_spell_check (self->article)
                    && (settings == NULL || g_settings_get_boolean (settings, "spell-check"));
  gboolean enabled = wanted && self->has_dictionary;

  if (wanted && !self->has_dictionary)
    {
      g_autofree char *note = NULL;

      /* Translators: %s is a language tag such as "zh" or "ka". */
      note = g_strdup_printf (_("No spelling dictionary for “%s”"), dl_article_get_language (self->article));
      gtk_label_set_label (self->spell_notice_label, note);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->spell_notice_label), wanted && !self->has_dictionary);
  dl_spell_highlighter_set_enabled (self->body_spell, enabled);
  dl_spell_highlighter_set_enabled (self->standfirst_spell, enabled);
  dl_entry_speller_set_enabled (self->headline_spell, enabled);
  dl_entry_speller_set_enabled (self->caption_spell, enabled);
}

static void
on_spell_words_changed_cb (DlArticleEditor *self)
{
  dl_spell_highlighter_recheck (self->body_spell);
  dl_spell_highlighter_recheck (self->standfirst_spell);
  dl_entry_speller_recheck (self->headline_spell);
  dl_entry_speller_recheck (self->caption_spell);
}

static void
on_target_changed_cb (DlArticleEditor *self)
{
  if (self->loading || self->article == NULL)
    return;
  {
    const char *text = gtk_editable_get_text (GTK_EDITABLE (self->target_entry));
    guint64 words = 0;
    gboolean valid = *text == '\0'
                     || g_ascii_string_to_unsigned (text, 10, 0, DL_ARTICLE_MAX_TARGET_WORDS, &words, NULL);

    /* Not a number of words: said in place, the target left as it was. */
    if (!valid)
      {
        gtk_widget_add_css_class (GTK_WIDGET (self->target_entry), "error");
        return;
      }
    gtk_widget_remove_css_class (GTK_WIDGET (self->target_entry), "error");
    dl_article_set_target_words (self->article, (guint) words);
  }
  show_stats (self);
}

static void
on_spell_switch_cb (DlArticleEditor *self)
{
  if (self->loading || self->article == NULL)
    return;
  dl_article_set_spell_check (self->article, gtk_switch_get_active (self->spell_switch));
  apply_spelling (self);
}

/* The article's switch, however it changed. */
static void
on_article_spell_check_cb (DlArticleEditor *self)
{
  gboolean loading = self->loading;

  self->loading = TRUE;
  gtk_switch_set_active (self->spell_switch, dl_article_get_spell_check (self->article));
  self->loading = loading;
  apply_spelling (self);
}

/* What follows the article's language: its typography and spelling. */
static void
apply_language (DlArticleEditor *self)
{
  const char *language = self->article != NULL ? dl_article_get_language (self->article) : NULL;
  gboolean had = self->has_dictionary;
  const char *before = dl_spell_checker_get_dictionary (self->spell_checker);
  g_autofree char *dictionary = g_strdup (before);

  dl_typographer_set_language (self->body_typographer, language);
  dl_typographer_set_language (self->standfirst_typographer, language);
  self->has_dictionary = dl_spell_checker_set_language (self->spell_checker, language);
  apply_spelling (self);
  /* Another dictionary: every word again. */
  if (self->has_dictionary && (!had || g_strcmp0 (dictionary, dl_spell_checker_get_dictionary (self->spell_checker)) != 0))
    on_spell_words_changed_cb (self);
}

/* Preferences → Writing: each kind of substitution on or off. */
static void
apply_typography_settings (DlArticleEditor *self)
{
  GSettings *settings = self->context != NULL ? dl_context_get_settings (self->context) : NULL;
  DlTypographyFlags flags = DL_TYPOGRAPHY_NONE;

  if (settings != NULL)
    {
      if (g_settings_get_boolean (settings, "typography-quotes"))
        flags |= DL_TYPOGRAPHY_QUOTES;
      if (g_settings_get_boolean (settings, "typography-dashes"))
        flags |= DL_TYPOGRAPHY_DASHES;
      if (g_settings_get_boolean (settings, "typography-nbsp"))
        flags |= DL_TYPOGRAPHY_NBSP;
    }
  dl_typographer_set_flags (self->body_typographer, flags);
  dl_typographer_set_flags (self->standfirst_typographer, flags);
}

static void
on_language_changed_cb (DlArticleEditor *self)
{
  g_autofree char *language = NULL;

  if (self->loading || self->article == NULL)
    return;

  /* An empty tag is not a language: keep the last one until a new one is typed. */
  language = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->language_entry))));
  if (*language != '\0')
    dl_article_set_language (self->article, language);
  apply_language (self);
}

static void
on_standfirst_changed_cb (DlArticleEditor *self,
                          GtkTextBuffer   *buffer)
{
  g_autofree char *text = NULL;

  if (self->loading || self->article == NULL)
    return;

  text = dup_buffer_text (buffer);
  dl_article_set_standfirst (self->article, text);
  update_invisible_warning (self);
}

static void
update_style_scheme (DlArticleEditor *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  const char *id = adw_style_manager_get_dark (manager) ? "Adwaita-dark" : "Adwaita";
  GtkSourceStyleScheme *scheme = gtk_source_style_scheme_manager_get_scheme (schemes, id);

  if (scheme != NULL)
    gtk_source_buffer_set_style_scheme (self->body_buffer, scheme);
}

static void
set_buffer_text_irreversibly (GtkTextBuffer *buffer,
                              const char    *text)
{
  GtkTextIter start;

  /* Loading an article is not an edit the journalist can undo. */
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_select_range (buffer, &start, &start);
  gtk_text_buffer_set_modified (buffer, FALSE);
}

static void
load_article (DlArticleEditor *self)
{
  DlArticle *article = self->article;
  const char *body = article != NULL ? dl_article_get_body (article) : "";

  self->loading = TRUE;

  gtk_editable_set_text (GTK_EDITABLE (self->headline_row),
                         article != NULL ? dl_article_get_headline (article) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->slug_entry),
                         article != NULL ? dl_article_get_slug (article) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->language_entry),
                         article != NULL ? dl_article_get_language (article) : "");
  set_buffer_text_irreversibly (gtk_text_view_get_buffer (self->standfirst_view),
                                article != NULL ? dl_article_get_standfirst (article) : "");
  set_buffer_text_irreversibly (GTK_TEXT_BUFFER (self->body_buffer), body);

  update_slug_placeholder (self);
  update_headline_count (self);
  update_invisible_warning (self);
  gtk_switch_set_active (self->spell_switch, article == NULL || dl_article_get_spell_check (article));
  {
    g_autofree char *target = article != NULL && dl_article_get_target_words (article) > 0
                              ? g_strdup_printf ("%u", dl_article_get_target_words (article)) : g_strdup ("");

    gtk_editable_set_text (GTK_EDITABLE (self->target_entry), target);
    gtk_widget_remove_css_class (GTK_WIDGET (self->target_entry), "error");
  }
  apply_language (self);
  dl_text_stats_count (body, -1, &self->stats);
  show_stats (self);

  /* A newer Dateline's article is shown, never changed. */
  {
    const char *reason = article != NULL ? dl_article_get_read_only_reason (article) : NULL;

    gtk_label_set_label (self->read_only_label, reason != NULL ? reason : "");
    gtk_revealer_set_reveal_child (self->read_only_revealer, reason != NULL);
    gtk_widget_set_sensitive (self->form_scroller, reason == NULL);
    gtk_text_view_set_editable (GTK_TEXT_VIEW (self->body_view), reason == NULL);
  }

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (DL_IS_EDITOR_SECTION (child))
        dl_editor_section_set_article (DL_EDITOR_SECTION (child), article);
    }

  /* Start reading at the top of the form and of the text. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->form_scroller)), 0);

  self->loading = FALSE;
}

/* The body's text column lines up with the headline and standfirst above
 * it (held in an AdwClamp) so lines stay at a readable length in a wide
 * window. The box allocates them before the body, so their position is
 * current here. */
#define BODY_MINIMUM_MARGIN 24

/* At idle, not from the adjustment's "changed": that is emitted while the
 * text view allocates itself, and changing its margins then invalidated
 * the layout it was validating (GTK's "onscreen_validated" assertion,
 * seen once under load). */
static gboolean
on_margins_idle_cb (gpointer user_data)
{
  DlArticleEditor *self = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->body_scroller);
  int width = (int) gtk_adjustment_get_page_size (adjustment);
  GtkWidget *frame = gtk_widget_get_parent (GTK_WIDGET (self->standfirst_view));
  graphene_rect_t bounds;
  int margin = BODY_MINIMUM_MARGIN;

  self->margins_idle_id = 0;
  if (width <= 0)
    return G_SOURCE_REMOVE;

  if (gtk_widget_compute_bounds (frame, GTK_WIDGET (self->body_view), &bounds))
    margin = MAX (BODY_MINIMUM_MARGIN, (int) bounds.origin.x);
  if (gtk_text_view_get_left_margin (GTK_TEXT_VIEW (self->body_view)) == margin)
    return G_SOURCE_REMOVE;

  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->body_view), margin);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->body_view), margin);
  /* "Write the story…" stands where the text starts. */
  gtk_widget_set_margin_start (self->body_placeholder, margin);
  return G_SOURCE_REMOVE;
}

static void
on_body_width_changed_cb (DlArticleEditor *self,
                          GtkAdjustment   *adjustment)
{
  if (self->margins_idle_id == 0)
    self->margins_idle_id = g_idle_add (on_margins_idle_cb, self);
}

static gboolean
on_language_idle_cb (gpointer user_data)
{
  DlArticleEditor *self = user_data;
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();

  self->language_idle_id = 0;
  gtk_source_buffer_set_language (self->body_buffer,
                                  gtk_source_language_manager_get_language (languages, "markdown"));
  return G_SOURCE_REMOVE;
}

static void
disconnect_frame_clock (DlArticleEditor *self)
{
  if (self->frame_clock != NULL)
    {
      /* A frame clock disposed with its surface has dropped its handlers. */
      if (g_signal_handler_is_connected (self->frame_clock, self->after_paint_id))
        g_signal_handler_disconnect (self->frame_clock, self->after_paint_id);
      self->after_paint_id = 0;
      g_clear_object (&self->frame_clock);
    }
}

static void
on_after_paint_cb (DlArticleEditor *self)
{
  disconnect_frame_clock (self);
  if (self->language_idle_id == 0)
    self->language_idle_id = g_idle_add_full (G_PRIORITY_LOW, on_language_idle_cb, self, NULL);
}

/* Story details: beside the text when the editor is wide enough for both
 * (the text keeps at least DETAILS_MIN_TEXT_WIDTH), else over the text
 * when asked for, closed again with Escape, the toggle or a click on the
 * text. Deciding it here rather than with AdwFlap's own folding keeps a
 * text column of a readable width: AdwFlap compares minimum sizes, and
 * the body's is a few pixels. */
#define DETAILS_WIDTH          340
#define DETAILS_MIN_TEXT_WIDTH 520

/* Before the first allocation the flap is left alone: folding it while
 * a reveal animates (the details shown as a window opens) allocated the
 * text a width of INT_MIN in AdwFlap 1.2. */
static void
apply_details_layout (DlArticleEditor *self)
{
  if (!self->layout_decided)
    return;
  adw_flap_set_fold_policy (self->details_flap, self->narrow ? ADW_FLAP_FOLD_POLICY_ALWAYS
                                                             : ADW_FLAP_FOLD_POLICY_NEVER);
  adw_flap_set_reveal_flap (self->details_flap, self->details_visible);
}

static gboolean
on_fold_idle_cb (gpointer user_data)
{
  DlArticleEditor *self = user_data;

  self->fold_idle_id = 0;
  self->layout_decided = TRUE;
  /* Over the text they are shown only on request; with room again, as
   * the user last had them beside the text. */
  self->details_visible = self->narrow ? FALSE : self->details_wide;
  apply_details_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAILS_VISIBLE]);
  return G_SOURCE_REMOVE;
}

/* The editor lays out its one child itself (no layout manager): a
 * widget with one has its size_allocate vfunc bypassed, and this is
 * where the width is learnt. */
static void
dl_article_editor_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  *minimum = *natural = 0;
  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
dl_article_editor_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  DlArticleEditor *self = DL_ARTICLE_EDITOR (widget);
  GtkWidget *child = gtk_widget_get_first_child (widget);
  gboolean narrow = width < DETAILS_WIDTH + DETAILS_MIN_TEXT_WIDTH;

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);
  gtk_popover_present (GTK_POPOVER (self->link_popover));

  /* Changing the flap queues a resize: not from inside an allocation. */
  if ((guint) narrow != self->narrow || !self->layout_decided)
    {
      /* The latest width wins, whenever the idle runs. */
      self->narrow = narrow;
      if (self->fold_idle_id == 0)
        self->fold_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_fold_idle_cb, self, NULL);
    }
}

/* Escape, or a click on the text, closes details shown over it. */
static void
on_flap_reveal_cb (DlArticleEditor *self)
{
  gboolean revealed = adw_flap_get_reveal_flap (self->details_flap);

  if ((guint) revealed == self->details_visible)
    return;
  self->details_visible = revealed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAILS_VISIBLE]);
}

/* A field that takes the focus in the details, or a credit row just
 * added, is scrolled *fully* into view: the viewport's own scrolling
 * shows the focused entry, not the row around it (its label, its
 * buttons). On the second frame after the focus moved, so that a row
 * added with it has been laid out (an idle can run before that). */
#define REVEAL_MARGIN 12

static void
reveal_focus (DlArticleEditor *self)
{
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (self->form_scroller));
  GtkWidget *focus = self->root != NULL ? gtk_root_get_focus (self->root) : NULL;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->form_scroller));
  GtkWidget *target;
  graphene_rect_t bounds;
  double value, page, top, bottom;

  if (focus == NULL || content == NULL || !gtk_widget_is_ancestor (focus, content))
    return;
  target = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  if (target == NULL)
    target = focus;
  if (!gtk_widget_compute_bounds (target, content, &bounds))
    return;

  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  top = bounds.origin.y - REVEAL_MARGIN;
  bottom = bounds.origin.y + bounds.size.height + REVEAL_MARGIN;
  if (bottom > value + page)
    value = bottom - page;
  if (top < value)
    value = top;
  gtk_adjustment_set_value (adjustment, value);
}

static gboolean
reveal_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  DlArticleEditor *self = user_data;

  /* From the second frame, and for a few: the viewport scrolls to the
   * focused entry itself once it is allocated, which may come after. */
  if (++self->reveal_ticks < 2)
    return G_SOURCE_CONTINUE;
  reveal_focus (self);
  if (self->reveal_ticks < 6)
    return G_SOURCE_CONTINUE;
  self->reveal_tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
on_focus_changed_cb (DlArticleEditor *self)
{
  self->reveal_ticks = 0;
  if (self->reveal_tick_id == 0)
    self->reveal_tick_id = gtk_widget_add_tick_callback (self->form_scroller, reveal_tick_cb, self, NULL);
}

static void
dl_article_editor_unmap (GtkWidget *widget)
{
  DlArticleEditor *self = DL_ARTICLE_EDITOR (widget);

  if (self->root != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->root, on_focus_changed_cb, self);
      self->root = NULL;
    }
  if (self->reveal_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (self->form_scroller, self->reveal_tick_id);
      self->reveal_tick_id = 0;
    }
  GTK_WIDGET_CLASS (dl_article_editor_parent_class)->unmap (widget);
}

static void
dl_article_editor_map (GtkWidget *widget)
{
  DlArticleEditor *self = DL_ARTICLE_EDITOR (widget);

  GTK_WIDGET_CLASS (dl_article_editor_parent_class)->map (widget);

  self->root = gtk_widget_get_root (widget);
  g_signal_connect_swapped (self->root, "notify::focus-widget", G_CALLBACK (on_focus_changed_cb), self);

  /* The first lookup of a language reads every language file installed
   * (about 60 ms here, docs/PERFORMANCE.md): do it once the first frame
   * is on screen, so the text shows first and the Markdown colouring
   * follows. */
  if (gtk_source_buffer_get_language (self->body_buffer) == NULL &&
      self->language_idle_id == 0 && self->frame_clock == NULL)
    {
      self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
      self->after_paint_id = g_signal_connect_swapped (self->frame_clock, "after-paint",
                                                       G_CALLBACK (on_after_paint_cb), self);
    }
}

static void
language_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  DlArticleEditor *self = DL_ARTICLE_EDITOR (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->language_entry), g_variant_get_string (param, NULL));
}

static void
dl_article_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DlArticleEditor *self = DL_ARTICLE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;

    case PROP_DETAILS_VISIBLE:
      g_value_set_boolean (value, self->details_visible);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_article_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  DlArticleEditor *self = DL_ARTICLE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      dl_article_editor_set_article (self, g_value_get_object (value));
      break;

    case PROP_DETAILS_VISIBLE:
      dl_article_editor_set_details_visible (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
report_cursor_cb (gpointer user_data)
{
  DlArticleEditor *self = user_data;
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->body_buffer);
  GtkTextIter start, cursor;
  g_autofree char *before = NULL;

  self->cursor_report_id = 0;
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  before = gtk_text_buffer_get_slice (buffer, &start, &cursor, TRUE);
  g_signal_emit (self, signals[BODY_CURSOR_MOVED], 0, (guint64) strlen (before));
  return G_SOURCE_REMOVE;
}

static void
on_body_cursor_position_cb (DlArticleEditor *self)
{
  if (self->loading || self->cursor_report_id != 0)
    return;
  self->cursor_report_id = g_timeout_add (CURSOR_REPORT_DELAY_MS, report_cursor_cb, self);
}

static void
dl_article_editor_dispose (GObject *object)
{
  DlArticleEditor *self = DL_ARTICLE_EDITOR (object);

  /* The article keeps the buffer's last text. */
  if (self->article != NULL)
    {
      dl_article_set_body_source (self->article, NULL, NULL, NULL);
      g_signal_handlers_disconnect_by_func (self->article, apply_language, self);
      g_signal_handlers_disconnect_by_func (self->article, on_article_spell_check_cb, self);
    }
  if (self->link_popover != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->link_popover, self);
      gtk_widget_unparent (GTK_WIDGET (self->link_popover));
      self->link_popover = NULL;
    }
  g_clear_handle_id (&self->stats_id, g_source_remove);
  g_clear_handle_id (&self->cursor_report_id, g_source_remove);
  g_clear_handle_id (&self->language_idle_id, g_source_remove);
  g_clear_handle_id (&self->fold_idle_id, g_source_remove);
  g_clear_handle_id (&self->margins_idle_id, g_source_remove);
  disconnect_frame_clock (self);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);

  gtk_widget_dispose_template (GTK_WIDGET (self), DL_TYPE_ARTICLE_EDITOR);
  /* Template children that are not bound are ours to unparent too. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (self)))
    gtk_widget_unparent (child);

  g_clear_object (&self->body_typographer);
  g_clear_object (&self->standfirst_typographer);
  g_clear_object (&self->body_spell);
  g_clear_object (&self->standfirst_spell);
  g_clear_object (&self->headline_spell);
  g_clear_object (&self->caption_spell);
  g_clear_object (&self->spell_checker);
  g_clear_object (&self->article);
  g_clear_object (&self->context);
  g_clear_object (&self->body_buffer);

  G_OBJECT_CLASS (dl_article_editor_parent_class)->dispose (object);
}

/* The formatting bar's buttons: like editor.format, but the body need not
 * have the focus (a keyboard user may have tabbed to the button). */
static void
format_body_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  DlArticleEditor *self = DL_ARTICLE_EDITOR (widget);

  if (self->article == NULL || !gtk_text_view_get_editable (GTK_TEXT_VIEW (self->body_view)))
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
  format_action (widget, "editor.format", param);
}

/* Ctrl+F and Ctrl+H: find (and replace) in the story. With no story
 * open they are the library's search, as before. */
static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  DlArticleEditor *self = DL_ARTICLE_EDITOR (widget);
  gboolean replace = g_strcmp0 (action_name, "editor.find-replace") == 0;

  if (self->article == NULL)
    {
      gtk_widget_activate_action (widget, "win.search", NULL);
      return;
    }
  if (replace && !gtk_text_view_get_editable (GTK_TEXT_VIEW (self->body_view)))
    replace = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->find_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->find_revealer, TRUE);
  dl_find_bar_start (self->find_bar, replace);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  DlArticleEditor *self = DL_ARTICLE_EDITOR (widget);

  dl_find_bar_go (self->find_bar, g_strcmp0 (action_name, "editor.find-next") == 0);
}

static void
on_find_closed_cb (DlArticleEditor *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  gboolean was_in_bar = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->find_bar));

  dl_find_bar_stop (self->find_bar);
  gtk_revealer_set_reveal_child (self->find_revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->find_revealer), FALSE);
  /* Back to the text, where the match found is selected. */
  if (was_in_bar)
    gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

static void
dl_article_editor_class_init (DlArticleEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_article_editor_dispose;
  object_class->get_property = dl_article_editor_get_property;
  object_class->set_property = dl_article_editor_set_property;
  widget_class->map = dl_article_editor_map;
  widget_class->unmap = dl_article_editor_unmap;
  widget_class->measure = dl_article_editor_measure;
  widget_class->size_allocate = dl_article_editor_size_allocate;

  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL,
                         DL_TYPE_ARTICLE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DETAILS_VISIBLE] =
    g_param_spec_boolean ("details-visible", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DlArticleEditor::body-cursor-moved:
   * @byte_offset: the cursor's offset in the body's UTF-8 text
   *
   * Emitted a moment after the cursor in the body moved (coalesced), so
   * the preview can keep the paragraph being edited in view.
   */
  signals[BODY_CURSOR_MOVED] =
    g_signal_new ("body-cursor-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT64);

  gtk_source_init ();
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  g_type_ensure (DL_TYPE_CLASSIFICATION_SECTION);
  g_type_ensure (DL_TYPE_CREDITS_SECTION);
  g_type_ensure (DL_TYPE_DATELINE_SECTION);
  g_type_ensure (DL_TYPE_FIND_BAR);
  g_type_ensure (DL_TYPE_IMAGE_SECTION);
  g_type_ensure (DL_TYPE_RELEASE_SECTION);

  /* Referencing the resource links it in from the static library. */
  (void) dl_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/dateline/Dateline/dl-article-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, DlArticleEditor, body_scroller);
  gtk_widget_class_bind_template_child (widget_class, DlArticleEditor, body_view);
  gtk_widget_class_bind_template_child (widget_class, DlArticleEditor, characters_label);
  gtk_widget_class_bind_template_child (widget_class, DlArticleEditor, classification_section);
  gtk_widget_class_bind_template_child (widget_class, DlArticleEditor, dateline_section);
  gtk_widget_class_bind_template_child (widget_class, DlArticleEditor, headline_count_label);
  gtk_widget_class_bind_template_child (widget_class, DlArticleEditor, form_scroller);
  gtk_widget_class_bind_template_child (widget_class, DlArticleEditor, headline_row);
  gtk_widget_class_bind_template_child (widget_class, DlArticleEditor, invisible_row);
  gtk_widget_class_bind_template_child (widget_class, DlArticleEditor, language_entry);
  gtk_widget_class_bind_template_child (widget_class, DlArticleEditor, details_flap);
  gtk_widget_class_bind_template_child (widget_class, DlArticleEditor, body_placeholder);
  gtk_widget_class_bind_template_child (widget_class, DlArticleEditor, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, DlArticleEditor, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, DlArticleEditor, reading_time_label);
  gtk_widget_class_bind_template_child (widget_class, DlArticleEditor, sections_box);
  gtk_widget_class_bind_template_child (widget_class, DlArticleEditor, slug_entry);
  gtk_widget_class_bind_template_child (widget_class, DlArticleEditor, standfirst_view);
  gtk_widget_class_bind_template_child (widget_class, DlArticleEditor, words_label);
  gtk_widget_class_bind_template_child (widget_class, DlArticleEditor, find_revealer);
  gtk_widget_class_bind_template_child (widget_class, DlArticleEditor, find_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_find_closed_cb);
  gtk_widget_class_bind_template_child (widget_class, DlArticleEditor, spell_notice_label);
  gtk_widget_class_bind_template_child (widget_class, DlArticleEditor, spell_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_spell_switch_cb);
  gtk_widget_class_bind_template_child (widget_class, DlArticleEditor, target_entry);
  gtk_widget_class_bind_template_child (widget_class, DlArticleEditor, target_bar);
  gtk_widget_class_bind_template_child (widget_class, DlArticleEditor, image_section);
  gtk_widget_class_bind_template_callback (widget_class, on_target_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_headline_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_language_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_slug_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.language", "s", language_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-invisible", NULL, remove_invisible_action);
  gtk_widget_class_install_action (widget_class, "editor.format", "s", format_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK, "editor.format", "s", "bold");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "editor.format", "s", "italic");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "editor.format", "s", "link");
  gtk_widget_class_install_action (widget_class, "editor.format-body", "s", format_body_action);
  gtk_widget_class_install_action (widget_class, "editor.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "editor.find-replace", NULL, find_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "editor.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "editor.find-replace", NULL);
  gtk_widget_class_install_action (widget_class, "editor.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "editor.find-previous", NULL, find_next_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "editor.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_G, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.find-previous", NULL);
  gtk_widget_class_install_property_action (widget_class, "editor.toggle-details", "details-visible");

  gtk_widget_class_set_css_name (widget_class, "dl-article-editor");
}

static void
dl_article_editor_init (DlArticleEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->link_popover = DL_LINK_POPOVER (dl_link_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->link_popover), GTK_WIDGET (self));
  g_signal_connect (self->link_popover, "chosen", G_CALLBACK (on_link_chosen_cb), self);
  g_signal_connect (self->link_popover, "closed", G_CALLBACK (on_link_closed_cb), self);
  /* Folded and hidden until the first allocation says whether there is
   * room: a flap beside the text would make the window's minimum width
   * its own plus the text's. */
  self->details_visible = FALSE;
  self->details_wide = TRUE;
  self->narrow = TRUE;
  adw_flap_set_fold_policy (self->details_flap, ADW_FLAP_FOLD_POLICY_ALWAYS);
  adw_flap_set_reveal_flap (self->details_flap, FALSE);
  g_signal_connect_object (self->details_flap, "notify::reveal-flap", G_CALLBACK (on_flap_reveal_cb), self,
                           G_CONNECT_SWAPPED);

  /* The Markdown language is set once mapped: see dl_article_editor_map(). */
  self->body_buffer = gtk_source_buffer_new (NULL);
  gtk_text_buffer_set_enable_undo (GTK_TEXT_BUFFER (self->body_buffer), TRUE);
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->body_view), GTK_TEXT_BUFFER (self->body_buffer));
  g_signal_connect_swapped (self->body_buffer, "changed", G_CALLBACK (on_body_changed_cb), self);
  g_signal_connect_swapped (self->body_buffer, "notify::cursor-position",
                            G_CALLBACK (on_body_cursor_position_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->standfirst_view), "changed",
                            G_CALLBACK (on_standfirst_changed_cb), self);
  dl_find_bar_set_fields (self->find_bar, GTK_EDITABLE (self->headline_row), self->standfirst_view,
                          self->body_view);
  self->body_typographer = dl_typographer_new (GTK_TEXT_BUFFER (self->body_buffer), TRUE);
  self->standfirst_typographer = dl_typographer_new (gtk_text_view_get_buffer (self->standfirst_view), FALSE);
  {
    g_autofree char *dictionaries = g_build_filename (g_get_user_data_dir (), "dateline", "dictionaries", NULL);

    self->spell_checker = dl_spell_checker_new (dictionaries);
  }
  self->body_spell = dl_spell_highlighter_new (GTK_TEXT_VIEW (self->body_view), self->spell_checker);
  self->standfirst_spell = dl_spell_highlighter_new (self->standfirst_view, self->spell_checker);
  g_signal_connect_object (self->body_spell, "words-changed", G_CALLBACK (on_spell_words_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->standfirst_spell, "words-changed", G_CALLBACK (on_spell_words_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->headline_spell = dl_entry_speller_new (GTK_EDITABLE (self->headline_row), self->spell_checker);
  self->caption_spell = dl_entry_speller_new (dl_image_section_get_caption (self->image_section),
                                              self->spell_checker);
  g_signal_connect_object (self->headline_spell, "words-changed", G_CALLBACK (on_spell_words_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->caption_spell, "words-changed", G_CALLBACK (on_spell_words_changed_cb), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->body_scroller), "changed",
                           G_CALLBACK (on_body_width_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style_scheme), self, G_CONNECT_SWAPPED);
  update_style_scheme (self);

  update_slug_placeholder (self);
  update_body_placeholder (self);
  show_stats (self);
}

GtkWidget *
dl_article_editor_new (void)
{
  return g_object_new (DL_TYPE_ARTICLE_EDITOR, NULL);
}

DlArticle *
dl_article_editor_get_article (DlArticleEditor *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE_EDITOR (self), NULL);
  return self->article;
}

/**
 * dl_article_editor_set_article:
 * @self: an editor
 * @article: (nullable): the article to edit
 *
 * Edits @article in place (the autosaver saves it); the body buffer
 * becomes its body source. The previous article keeps the buffer's last
 * text. Every #DlEditorSection in the form gets
 * the new article too.
 */
void
dl_article_editor_set_article (DlArticleEditor *self,
                               DlArticle       *article)
{
  g_return_if_fail (DL_IS_ARTICLE_EDITOR (self));
  g_return_if_fail (article == NULL || DL_IS_ARTICLE (article));

  if (self->article == article)
    return;

  /* The previous article keeps the buffer's last text as its body. */
  if (self->article != NULL)
    {
      dl_article_set_body_source (self->article, NULL, NULL, NULL);
      g_signal_handlers_disconnect_by_func (self->article, apply_language, self);
      g_signal_handlers_disconnect_by_func (self->article, on_article_spell_check_cb, self);
    }
  g_clear_handle_id (&self->stats_id, g_source_remove);
  g_set_object (&self->article, article);
  load_article (self);
  if (article != NULL)
    {
      dl_article_set_body_source (article, dup_body_cb, self, NULL);
      /* However it changes (the field, a command, a pull from the site). */
      g_signal_connect_swapped (article, "notify::language", G_CALLBACK (apply_language), self);
      g_signal_connect_swapped (article, "notify::spell-check", G_CALLBACK (on_article_spell_check_cb), self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

void
dl_article_editor_focus_headline (DlArticleEditor *self)
{
  g_return_if_fail (DL_IS_ARTICLE_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->headline_row));
}

void
dl_article_editor_focus_body (DlArticleEditor *self)
{
  g_return_if_fail (DL_IS_ARTICLE_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

void
dl_article_editor_get_stats (DlArticleEditor *self,
                             DlTextStats     *stats)
{
  g_return_if_fail (DL_IS_ARTICLE_EDITOR (self));
  g_return_if_fail (stats != NULL);
  *stats = self->stats;
}

/**
 * dl_article_editor_get_body_buffer:
 * @self: an editor
 *
 * Returns: (transfer none): the body's buffer (the preview follows it)
 */
GtkTextBuffer *
dl_article_editor_get_body_buffer (DlArticleEditor *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE_EDITOR (self), NULL);
  return GTK_TEXT_BUFFER (self->body_buffer);
}

/**
 * dl_article_editor_add_section:
 * @self: an editor
 * @section: a section of the form
 *
 * Sections normally come from the template; this is for sections made in
 * code. Like those, it is given every article the editor shows.
 */
void
dl_article_editor_add_section (DlArticleEditor *self,
                               DlEditorSection *section)
{
  g_return_if_fail (DL_IS_ARTICLE_EDITOR (self));
  g_return_if_fail (DL_IS_EDITOR_SECTION (section));
  g_return_if_fail (gtk_widget_get_parent (GTK_WIDGET (section)) == NULL);

  gtk_box_append (self->sections_box, GTK_WIDGET (section));
  dl_editor_section_set_context (section, self->context);
  dl_editor_section_set_article (section, self->article);
}

/**
 * dl_article_editor_set_context:
 * @context: (nullable): the shared services, handed to every section
 *   (the dateline section composes with its house style)
 */
void
dl_article_editor_set_context (DlArticleEditor *self,
                               DlContext       *context)
{
  g_return_if_fail (DL_IS_ARTICLE_EDITOR (self));
  g_return_if_fail (context == NULL || DL_IS_CONTEXT (context));

  if (self->context != NULL && dl_context_get_settings (self->context) != NULL)
    g_signal_handlers_disconnect_by_data (dl_context_get_settings (self->context), self);
  if (!g_set_object (&self->context, context))
    return;
  apply_typography_settings (self);
  if (context != NULL && dl_context_get_settings (context) != NULL)
    {
      GSettings *settings = dl_context_get_settings (context);

      g_signal_connect_object (settings, "changed::typography-quotes",
                               G_CALLBACK (apply_typography_settings), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (settings, "changed::typography-dashes",
                               G_CALLBACK (apply_typography_settings), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (settings, "changed::typography-nbsp",
                               G_CALLBACK (apply_typography_settings), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (settings, "changed::spell-check",
                               G_CALLBACK (apply_spelling), self, G_CONNECT_SWAPPED);
      apply_spelling (self);

      self->details_wide = g_settings_get_boolean (dl_context_get_settings (context), "details-visible");
      if (self->layout_decided && !self->narrow)
        {
          self->details_visible = self->details_wide;
          apply_details_layout (self);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAILS_VISIBLE]);
        }
    }
  /* Not a property: nothing binds to it, and the window sets it once. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (DL_IS_EDITOR_SECTION (child))
        dl_editor_section_set_context (DL_EDITOR_SECTION (child), context);
    }
}

/**
 * dl_article_editor_set_known_tags:
 * @tags: (nullable): tags to suggest (GtkStringObject), followed
 */
void
dl_article_editor_set_known_tags (DlArticleEditor *self,
                                  GListModel      *tags)
{
  g_return_if_fail (DL_IS_ARTICLE_EDITOR (self));

  dl_classification_section_set_known_tags (self->classification_section, tags);
}

/**
 * dl_article_editor_set_known_categories:
 * @categories: a GListModel of GtkStringObject: categories used before
 *
 * Offered as completions of the category field.
 */
void
dl_article_editor_set_known_categories (DlArticleEditor *self,
                                        GListModel      *categories)
{
  g_return_if_fail (DL_IS_ARTICLE_EDITOR (self));

  dl_classification_section_set_known_categories (self->classification_section, categories);
}


/**
 * dl_article_editor_set_details_visible:
 *
 * Shows or hides the story details (status, dateline, credits, …):
 * beside the text in a wide editor, over it in a narrow one.
 */
void
dl_article_editor_set_details_visible (DlArticleEditor *self,
                                       gboolean         visible)
{
  g_return_if_fail (DL_IS_ARTICLE_EDITOR (self));

  visible = !!visible;
  if (!self->layout_decided)
    {
      /* Not laid out yet: what to show beside the text once there is
       * room is all this can mean. */
      self->details_wide = visible;
      return;
    }
  if (self->details_visible == (guint) visible)
    return;
  self->details_visible = visible;
  apply_details_layout (self);
  /* Remembered for a window wide enough to show them beside the text;
   * over the text they are a glance, not a setting. */
  if (!self->narrow && !self->focus_mode)
    {
      self->details_wide = visible;
      if (self->context != NULL && dl_context_get_settings (self->context) != NULL)
        g_settings_set_boolean (dl_context_get_settings (self->context), "details-visible", visible);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAILS_VISIBLE]);
}

gboolean
dl_article_editor_get_details_visible (DlArticleEditor *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE_EDITOR (self), FALSE);
  return self->details_visible;
}

/**
 * dl_article_editor_restore_text:
 * @revision: an earlier version of the article
 *
 * Puts @revision's headline, standfirst and body into the fields, each
 * as one step Ctrl+Z takes back (in its own field).
 */
void
dl_article_editor_restore_text (DlArticleEditor *self,
                                DlArticle       *revision)
{
  GtkTextBuffer *buffers[] = { GTK_TEXT_BUFFER (self->body_buffer), gtk_text_view_get_buffer (self->standfirst_view) };
  const char *texts[] = { dl_article_get_body (revision), dl_article_get_standfirst (revision) };

  g_return_if_fail (DL_IS_ARTICLE_EDITOR (self));
  g_return_if_fail (DL_IS_ARTICLE (revision));

  if (self->article == NULL || !gtk_text_view_get_editable (GTK_TEXT_VIEW (self->body_view)))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (buffers); i++)
    {
      GtkTextIter start, end;

      gtk_text_buffer_begin_user_action (buffers[i]);
      gtk_text_buffer_get_bounds (buffers[i], &start, &end);
      gtk_text_buffer_delete (buffers[i], &start, &end);
      gtk_text_buffer_insert (buffers[i], &start, texts[i], -1);
      gtk_text_buffer_end_user_action (buffers[i]);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->headline_row), dl_article_get_headline (revision));
}

/* The window's focus mode: the details go, and coming back is not a
 * choice to remember. */
void
dl_article_editor_set_focus_mode (DlArticleEditor *self,
                                  gboolean         focus_mode)
{
  g_return_if_fail (DL_IS_ARTICLE_EDITOR (self));

  self->focus_mode = !!focus_mode;
}
