/* dl-store-summaries.c
 *
 * The store's picture of the library: an Entry per article (its summary,
 * its index record, its sort key and file stamp) in a table by UUID, and
 * the summaries as a GListModel, newest first, kept sorted with as few
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
  g_free (entry);
}

const char *
_dl_store_entry_uuid (Entry *entry)
{
  return dl_article_summary_get_uuid (entry->summary);
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
  entry->modified_us = date_time_to_us (dl_article_get_modified (article));
  entry->mtime_ns = mtime_ns;
  entry->size = size;
  return entry;
}

/* Returns NULL when the record is not usable (a corrupt index). */
Entry *
_dl_store_entry_new_from_record (GVariant *record)
{
  const char *uuid, *headline, *status_id, *category, *place;
  g_autofree const char **tags = NULL;
  gint64 modified_us, embargo_us, schedule_us, mtime_ns;
  guint64 size;
  DlArticleStatus status = DL_ARTICLE_STATUS_DRAFT;
  g_autoptr(GDateTime) modified = NULL;
  g_autoptr(GDateTime) embargo = NULL;
  g_autoptr(GDateTime) schedule = NULL;
  Entry *entry;

  g_variant_get (record, "(&s&s&s&s&s^a&sxxxxt)", &uuid, &headline, &status_id, &category,
                 &place, &tags, &modified_us, &embargo_us, &schedule_us, &mtime_ns, &size);
  if (!g_uuid_string_is_valid (uuid))
    return NULL;
  dl_article_status_from_string (status_id, &status);
  modified = date_time_from_us (modified_us);
  embargo = date_time_from_us (embargo_us);
  schedule = date_time_from_us (schedule_us);

  entry = g_new0 (Entry, 1);
  entry->summary = dl_article_summary_new (uuid, headline, status, category, place,
                                           (const char * const *) tags, modified);
  dl_article_summary_set_release_times (entry->summary, embargo, schedule);
  entry->record = g_variant_ref_sink (record);
  entry->modified_us = modified_us;
  entry->mtime_ns = mtime_ns;
  entry->size = size;
  return entry;
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

  return compare_keys (ea->modified_us, dl_article_summary_get_uuid (ea->summary),
                       eb->modified_us, dl_article_summary_get_uuid (eb->summary));
}

static Entry *
entry_at (DlStore *self,
          guint    position)
{
  g_autoptr(DlArticleSummary) summary = g_list_model_get_item (G_LIST_MODEL (self->summaries), position);

  return g_hash_table_lookup (self->entries, dl_article_summary_get_uuid (summary));
}

/* Where @entry belongs in the list, ignoring position @skip (G_MAXUINT
 * for none); the result counts positions without @skip. */
static guint
find_insert_position (DlStore *self,
                      Entry   *entry,
                      guint    skip)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->summaries));
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
  g_list_store_insert (self->summaries, position, entry->summary);
}

/* Moves @entry's summary to where its (changed) sort key puts it, in a
 * single items-changed so that a selection on it survives the move. */
static void
reposition_entry (DlStore *self,
                  Entry   *entry)
{
  guint old_pos, new_pos;
  g_autoptr(GPtrArray) items = NULL;

  if (!g_list_store_find (self->summaries, entry->summary, &old_pos))
    return;
  new_pos = find_insert_position (self, entry, old_pos);
  if (new_pos == old_pos)
    return;

  items = g_ptr_array_new_with_free_func (g_object_unref);
  if (new_pos < old_pos)
    {
      g_ptr_array_add (items, g_object_ref (entry->summary));
      for (guint i = new_pos; i < old_pos; i++)
        g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (self->summaries), i));
      g_list_store_splice (self->summaries, new_pos, items->len, items->pdata, items->len);
    }
  else
    {
      for (guint i = old_pos + 1; i <= new_pos; i++)
        g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (self->summaries), i));
      g_ptr_array_add (items, g_object_ref (entry->summary));
      g_list_store_splice (self->summaries, old_pos, items->len, items->pdata, items->len);
    }
}

void
_dl_store_remove_entry (DlStore    *self,
                        const char *uuid)
{
  Entry *entry = g_hash_table_lookup (self->entries, uuid);
  guint position;

  if (entry == NULL)
    return;
  if (g_list_store_find (self->summaries, entry->summary, &position))
    g_list_store_remove (self->summaries, position);
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

  dl_article_summary_update (entry->summary, article);
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
  g_autoptr(GPtrArray) summaries = NULL;
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
  n = g_list_model_get_n_items (G_LIST_MODEL (self->summaries));

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

  summaries = g_ptr_array_sized_new (fresh->len);
  for (guint i = 0; i < fresh->len; i++)
    {
      Entry *entry = g_ptr_array_index (fresh, i);

      g_hash_table_replace (self->entries, (gpointer) _dl_store_entry_uuid (entry), entry);
      g_ptr_array_add (summaries, entry->summary);
    }
  if (summaries->len > 0)
    g_list_store_splice (self->summaries, n, 0, summaries->pdata, summaries->len);
}

void
_dl_store_add_quarantined (DlStore           *self,
                           DlQuarantinedFile *file)
{
  if (file != NULL)
    g_list_store_append (self->quarantined, file);
}

