/* dl-store-summaries.c
 *
 * The store's picture of the library: an Entry per article (its index
 * record, its sort key and file stamp, and its summary once asked for)
 * in a table by UUID, and the entries as a list model of summaries
 * (dl-summary-list.c), newest first, kept sorted with as few
 * items-changed as possible (a selection survives a move). Owner thread
 * only, except the Entry constructors, which a worker may call.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dl-store"

#include "config.h"

#include <string.h>

#include "dl-store-private.h"

void
_dl_store_entry_free (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->summary);
  g_clear_pointer (&entry->record, g_variant_unref);
  g_free (entry->uuid);
  g_free (entry);
}

const char *
_dl_store_entry_uuid (Entry *entry)
{
  return entry->uuid;
}

static gint64
date_time_to_us (GDateTime *dt)
{
  if (dt == NULL)
    return 0;
  return g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
}

/* UTC: converting 10,000 times to local time means 10,000 time zone
 * look-ups; whoever displays the time converts it. */
static GDateTime *
date_time_from_us (gint64 us)
{
  GDateTime *utc;
  GDateTime *exact;

  if (us == 0)
    return NULL;
  utc = g_date_time_new_from_unix_utc (us / G_USEC_PER_SEC);
  if (utc == NULL || us % G_USEC_PER_SEC == 0)
    return utc;
  exact = g_date_time_add (utc, us % G_USEC_PER_SEC);
  g_date_time_unref (utc);
  return exact;
}

Entry *
_dl_store_entry_new_from_article (DlArticle *article,
                                  gint64     mtime_ns,
                                  guint64    size)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->summary = dl_article_summary_new_from_article (article);
  entry->uuid = g_strdup (dl_article_get_uuid (article));
  entry->modified_us = date_time_to_us (dl_article_get_modified (article));
  entry->mtime_ns = mtime_ns;
  entry->size = size;
  return entry;
}

/* Returns NULL when the record is not usable (a corrupt index). The
 * summary is not made here: dl-summary-list.c makes it when asked. */
Entry *
_dl_store_entry_new_from_record (GVariant *record)
{
  const char *uuid;
  gint64 modified_us, mtime_ns;
  guint64 size;
  Entry *entry;

  g_autoptr(GVariant) uuid_value = NULL;
  g_autoptr(GVariant) modified_value = NULL;
  g_autoptr(GVariant) mtime_value = NULL;
  g_autoptr(GVariant) size_value = NULL;

  /* The index's array type fixes every record's type, so it is not
   * checked again; the children are read one by one, without
   * g_variant_get()'s format parsing (10,000 records at each opening). */
  uuid_value = g_variant_get_child_value (record, 0);
  modified_value = g_variant_get_child_value (record, 6);
  mtime_value = g_variant_get_child_value (record, 9);
  size_value = g_variant_get_child_value (record, 10);
  uuid = g_variant_get_string (uuid_value, NULL);
  modified_us = g_variant_get_int64 (modified_value);
  mtime_ns = g_variant_get_int64 (mtime_value);
  size = g_variant_get_uint64 (size_value);
  if (!g_uuid_string_is_valid (uuid))
    return NULL;

  entry = g_new0 (Entry, 1);
  entry->uuid = g_strdup (uuid);
  entry->record = g_variant_ref_sink (record);
  entry->modified_us = modified_us;
  entry->mtime_ns = mtime_ns;
  entry->size = size;
  return entry;
}

/**
 * _dl_store_entry_get_summary:
 *
 * Returns: (transfer none): the entry's summary, made from its index
 *   record the first time (owner thread)
 */
DlArticleSummary *
_dl_store_entry_get_summary (Entry *entry)
{
  const char *uuid, *headline, *status_id, *category, *place;
  g_autofree const char **tags = NULL;
  gint64 modified_us, embargo_us, schedule_us, mtime_ns;
  guint64 size;
  DlArticleStatus status = DL_ARTICLE_STATUS_DRAFT;
  g_autoptr(GDateTime) modified = NULL;
  g_autoptr(GDateTime) embargo = NULL;
  g_autoptr(GDateTime) schedule = NULL;

  if (entry->summary != NULL)
    return entry->summary;

  g_variant_get (entry->record, "(&s&s&s&s&s^a&sxxxxt)", &uuid, &headline, &status_id, &category,
                 &place, &tags, &modified_us, &embargo_us, &schedule_us, &mtime_ns, &size);
  dl_article_status_from_string (status_id, &status);
  modified = date_time_from_us (modified_us);
  embargo = date_time_from_us (embargo_us);
  schedule = date_time_from_us (schedule_us);
  entry->summary = dl_article_summary_new (uuid, headline, status, category, place,
                                           (const char * const *) tags, modified);
  dl_article_summary_set_release_times (entry->summary, embargo, schedule);
  return entry->summary;
}

GVariant *
_dl_store_entry_get_record (Entry *entry)
{
  if (entry->record == NULL)
    {
      DlArticleSummary *s = entry->summary;
      const char * const *tags = dl_article_summary_get_tags (s);

      entry->record = g_variant_ref_sink (
        g_variant_new ("(sssss^asxxxxt)",
                       dl_article_summary_get_uuid (s),
                       dl_article_summary_get_headline (s),
                       dl_article_status_to_string (dl_article_summary_get_status (s)),
                       dl_article_summary_get_category (s),
                       dl_article_summary_get_place (s),
                       tags,
                       entry->modified_us,
                       date_time_to_us (dl_article_summary_get_embargo (s)),
                       date_time_to_us (dl_article_summary_get_schedule (s)),
                       entry->mtime_ns,
                       entry->size));
    }
  return entry->record;
}

/* Newest first; the UUID breaks ties so the order is total and stable. */
static int
compare_keys (gint64      a_us,
              const char *a_uuid,
              gint64      b_us,
              const char *b_uuid)
{
  if (a_us != b_us)
    return a_us > b_us ? -1 : 1;
  return strcmp (a_uuid, b_uuid);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = *(const Entry * const *) a;
  const Entry *eb = *(const Entry * const *) b;

  return compare_keys (ea->modified_us, ea->uuid, eb->modified_us, eb->uuid);
}

static Entry *
entry_at (DlStore *self,
          guint    position)
{
  return dl_summary_list_get_entry (self->summaries, position);
}

/* Where @entry belongs in the list, ignoring position @skip (G_MAXUINT
 * for none); the result counts positions without @skip. */
static guint
find_insert_position (DlStore *self,
                      Entry   *entry,
                      guint    skip)
{
  guint n = dl_summary_list_get_length (self->summaries);
  guint lo = 0, hi = (skip < n) ? n - 1 : n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      guint real = (skip < n && mid >= skip) ? mid + 1 : mid;
      Entry *other = entry_at (self, real);

      if (compare_keys (other->modified_us, _dl_store_entry_uuid (other),
                        entry->modified_us, _dl_store_entry_uuid (entry)) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
insert_entry (DlStore *self,
              Entry   *entry)
{
  guint position = find_insert_position (self, entry, G_MAXUINT);

  g_hash_table_replace (self->entries, (gpointer) _dl_store_entry_uuid (entry), entry);
  dl_summary_list_insert (self->summaries, position, entry);
}

/* Moves @entry's summary to where its (changed) sort key puts it, in a
 * single items-changed so that a selection on it survives the move. */
static void
reposition_entry (DlStore *self,
                  Entry   *entry)
{
  guint old_pos, new_pos;

  if (!dl_summary_list_find (self->summaries, entry, &old_pos))
    return;
  new_pos = find_insert_position (self, entry, old_pos);
  dl_summary_list_move (self->summaries, old_pos, new_pos);
}

void
_dl_store_remove_entry (DlStore    *self,
                        const char *uuid)
{
  Entry *entry = g_hash_table_lookup (self->entries, uuid);
  guint position;

  if (entry == NULL)
    return;
  if (dl_summary_list_find (self->summaries, entry, &position))
    dl_summary_list_remove (self->summaries, position);
  g_hash_table_remove (self->entries, uuid);
}

/* Updates the entry of @article (creating it if needed) after its file
 * was written or re-read, and returns it. */
Entry *
_dl_store_upsert_article (DlStore   *self,
                          DlArticle *article,
                          gint64     mtime_ns,
                          guint64    size)
{
  Entry *entry = g_hash_table_lookup (self->entries, dl_article_get_uuid (article));

  if (entry == NULL)
    {
      entry = _dl_store_entry_new_from_article (article, mtime_ns, size);
      insert_entry (self, entry);
      return entry;
    }

  dl_article_summary_update (_dl_store_entry_get_summary (entry), article);
  entry->modified_us = date_time_to_us (dl_article_get_modified (article));
  entry->mtime_ns = mtime_ns;
  entry->size = size;
  g_clear_pointer (&entry->record, g_variant_unref);
  reposition_entry (self, entry);
  return entry;
}

/* Adds many entries at once: one items-changed for the common case of an
 * empty list, so 10,000 rows do not mean 10,000 signals. */
void
_dl_store_add_entries (DlStore   *self,
                       GPtrArray *entries)
{
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();
  guint n;

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      if (g_hash_table_contains (self->entries, _dl_store_entry_uuid (entry)))
        {
          _dl_store_entry_free (entry);
          continue;
        }
      g_ptr_array_add (fresh, entry);
    }
  /* Ownership has moved to self->entries or been released above. */
  g_ptr_array_set_free_func (entries, NULL);

  g_ptr_array_sort (fresh, compare_entries);
  n = dl_summary_list_get_length (self->summaries);

  /* The rest of the index after its first page: all older than what is
   * shown, so one append. Anything else goes in one by one. */
  if (n > 0 && fresh->len > 0)
    {
      Entry *last = entry_at (self, n - 1);
      Entry *first = g_ptr_array_index (fresh, 0);

      if (compare_keys (last->modified_us, _dl_store_entry_uuid (last),
                        first->modified_us, _dl_store_entry_uuid (first)) >= 0)
        {
          for (guint i = 0; i < fresh->len; i++)
            insert_entry (self, g_ptr_array_index (fresh, i));
          return;
        }
    }

  for (guint i = 0; i < fresh->len; i++)
    {
      Entry *entry = g_ptr_array_index (fresh, i);

      g_hash_table_replace (self->entries, (gpointer) _dl_store_entry_uuid (entry), entry);
    }
  dl_summary_list_append (self->summaries, fresh->pdata, fresh->len);
}

void
_dl_store_add_quarantined (DlStore           *self,
                           DlQuarantinedFile *file)
{
  if (file != NULL)
    g_list_store_append (self->quarantined, file);
}


/* Once the list is shown, the summaries the rows have not asked for are
 * made in 2 ms slices at low priority, with what a search looks at: the
 * first keystroke of a search then costs what the others do (4 ms for
 * 10,000 articles instead of 49, bench/bench-library.c), and opening the
 * library still waits for none of it. */
static gboolean
on_warm_summaries_cb (gpointer user_data)
{
  DlStore *self = user_data;
  gint64 end = g_get_monotonic_time () + 2000;
  guint n = dl_summary_list_get_length (self->summaries);

  while (self->warm_position < n && g_get_monotonic_time () < end)
    {
      Entry *entry = dl_summary_list_get_entry (self->summaries, self->warm_position++);

      dl_article_summary_prepare_search (_dl_store_entry_get_summary (entry));
    }
  if (self->warm_position < n)
    return G_SOURCE_CONTINUE;
  g_clear_pointer (&self->warm_source, g_source_unref);
  return G_SOURCE_REMOVE;
}

void
_dl_store_warm_summaries (DlStore *self)
{
  if (self->warm_source != NULL)
    return;
  self->warm_position = 0;
  self->warm_source = g_idle_source_new ();
  g_source_set_priority (self->warm_source, G_PRIORITY_LOW);
  g_source_set_callback (self->warm_source, on_warm_summaries_cb, self, NULL);
  g_source_set_name (self->warm_source, "[dateline] make the library's summaries");
  g_source_attach (self->warm_source, self->context);
}

void
_dl_store_stop_warming (DlStore *self)
{
  if (self->warm_source == NULL)
    return;
  g_source_destroy (self->warm_source);
  g_clear_pointer (&self->warm_source, g_source_unref);
}
