//! Full-text search over the local view's title, cover title and description, answered
//! from a term index kept in memory; results come in the listing order, paged.
//!
//! Words are runs of letters, digits and combining marks. Each is folded the same way in
//! the text and in what the user typed: canonical decomposition, combining marks dropped,
//! lower case (`Kraków` and `KRAKOW` are both `krakow`). A search holds every word typed,
//! the last one as a prefix; anything that is not a word is ignored, so no input can fail.
//!
//! Why in memory: SQLite's FTS5 took 4.8 ms only to count the 75,000 matches of a
//! broad prefix among 100,000 rooms, and 9 ms to hand their row ids over (goal: 5 ms for
//! the whole search). Here the index maps each word to the ascending row ids holding it;
//! a search ORs the postings of each typed word into a bitmap, ANDs the bitmaps and walks
//! the in-memory listing order from its nearer end until the page is full.
//!
//! Keeping it true: the text lives in `rooms` (`title`, `cover_title`, `description`),
//! written with every row. The index is read from there at the first search. The
//! connection's update hook notes every row of `rooms` this connection inserts, updates or
//! deletes (whatever the code path; a rolled-back change is noted too, harmlessly). The
//! next search re-reads those rows and their words replace what the index held for them,
//! through a small overlay. When another connection committed (`PRAGMA data_version`), or
//! more rows changed than the overlay is for (a pull), the next search reads everything
//! again: about 0.1 s for 100,000 rooms (`cargo bench -p roomdesk-store --bench store`).

use crate::error::{unreadable, Result};
use crate::listing::window;
use crate::open::data_version;
use rusqlite::{Connection, OptionalExtension};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard};
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Changed rows the overlay takes before the whole index is read again.
const OVERLAY_ROWS: usize = 2_048;

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() // the same answer, without the Unicode tables
    } else {
        c.is_alphanumeric() || is_combining_mark(c)
    }
}

/// Appends the folded form of `word`: canonical decomposition, no combining marks, lower case.
fn fold_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        return;
    }
    for c in word.chars() {
        decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                out.extend(d.to_lowercase());
            }
        });
    }
}

/// Calls `f` with the folded form of each word of `text`, in order (repeats included).
fn for_each_word(text: &str, scratch: &mut String, mut f: impl FnMut(&str)) {
    for word in text.split(|c: char| !is_word_char(c)) {
        if word.is_empty() {
            continue;
        }
        scratch.clear();
        fold_into(word, scratch);
        if !scratch.is_empty() {
            f(scratch);
        }
    }
}

/// The distinct folded words of a room's searchable text, sorted.
fn words_of(texts: [Option<&str>; 3]) -> Vec<Box<str>> {
    let mut scratch = String::new();
    let mut words: Vec<Box<str>> = Vec::new();
    for text in texts.into_iter().flatten() {
        for_each_word(text, &mut scratch, |w| words.push(w.into()));
    }
    words.sort_unstable();
    words.dedup();
    words
}

/// What a user typed, as a search: every word required, the last one as a prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    /// Words that must appear whole.
    pub words: Vec<String>,
    /// The last word: some word must start with it.
    pub prefix: String,
}

impl SearchQuery {
    /// The search for what a user typed, or `None` when it holds no word.
    pub fn parse(input: &str) -> Option<SearchQuery> {
        let mut scratch = String::new();
        let mut words = Vec::new();
        for_each_word(input, &mut scratch, |w| words.push(w.to_string()));
        let prefix = words.pop()?;
        words.sort_unstable();
        words.dedup();
        Some(SearchQuery { words, prefix })
    }

    /// Whether a room with these words (sorted, distinct) matches.
    fn matches(&self, words: &[Box<str>]) -> bool {
        let has = |w: &str| words.binary_search_by(|t| (**t).cmp(w)).is_ok();
        let first_from_prefix = words.partition_point(|t| **t < *self.prefix);
        self.words.iter().all(|w| has(w))
            && words
                .get(first_from_prefix)
                .is_some_and(|t| t.starts_with(self.prefix.as_str()))
    }
}

/// Rows of `rooms` this connection changed since the last search (filled by the hook).
#[derive(Debug, Default)]
pub(crate) struct ChangedRows {
    rids: HashSet<i64>,
    /// More rows changed than the overlay is for: read everything again.
    too_many: bool,
}

impl ChangedRows {
    fn note(&mut self, rid: i64) {
        if self.too_many {
            return;
        }
        self.rids.insert(rid);
        if self.rids.len() > OVERLAY_ROWS {
            self.too_many = true;
            self.rids = HashSet::new();
        }
    }
}

/// Registers the update hook that notes changed rows of `rooms` for the search index.
pub(crate) fn watch_rooms(conn: &Connection) -> Arc<Mutex<ChangedRows>> {
    let changed = Arc::new(Mutex::new(ChangedRows::default()));
    let sink = changed.clone();
    conn.update_hook(Some(move |_action, db: &str, table: &str, rid: i64| {
        if db == "main" && table == "rooms" {
            lock(&sink).note(rid);
        }
    }));
    changed
}

/// The lock, also after a panic elsewhere (the set stays meaningful: at worst too big).
fn lock(m: &Mutex<ChangedRows>) -> MutexGuard<'_, ChangedRows> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A fast hash for short words while the index is read (the std hasher resists
/// flooding, which a map rebuilt from the local rooms' own text does not need).
#[derive(Default)]
struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type WordMap = HashMap<Box<str>, Vec<u32>, std::hash::BuildHasherDefault<WordHasher>>;

/// Every word of every room: the words sorted, each with the ascending row ids holding it.
struct TermIndex {
    terms: Vec<Box<str>>,
    postings: Vec<Vec<u32>>,
    /// The largest row id read (bitmaps are sized from it).
    max_rid: u32,
}

fn row_id(rid: i64) -> Result<u32> {
    u32::try_from(rid)
        .map_err(|_| unreadable("search index", format!("row id {rid} is out of range")))
}

/// Rows read for the index, in row-id order: each row's id and its searchable text
/// (title, cover title and description, one per line).
type Batch = Vec<(u32, String)>;

/// Reads every row's text in row-id order, handing it over a batch at a time; stops early
/// when `hand_over` returns false.
fn read_rows(conn: &Connection, mut hand_over: impl FnMut(Batch) -> bool) -> Result<()> {
    const BATCH_ROWS: usize = 1_024;
    let mut stmt =
        conn.prepare_cached("SELECT rid, title, cover_title, description FROM rooms ORDER BY rid")?;
    let mut rows = stmt.query([])?;
    let mut batch = Batch::with_capacity(BATCH_ROWS);
    while let Some(row) = rows.next()? {
        let rid = row_id(row.get(0)?)?;
        let mut text = String::new();
        for col in 1..=3 {
            let value = row.get_ref(col)?.as_str_or_null();
            if let Some(t) = value.map_err(|e| unreadable("room text", e))? {
                text.push_str(t);
            }
            text.push('\n');
        }
        batch.push((rid, text));
        if batch.len() == BATCH_ROWS
            && !hand_over(std::mem::replace(
                &mut batch,
                Batch::with_capacity(BATCH_ROWS),
            ))
        {
            return Ok(());
        }
    }
    if !batch.is_empty() {
        hand_over(batch);
    }
    Ok(())
}

/// Builds the term index from rows given in row-id order.
#[derive(Default)]
struct Builder {
    by_word: WordMap,
    scratch: String,
    max_rid: u32,
}

impl Builder {
    fn add(&mut self, rid: u32, text: &str) {
        self.max_rid = rid;
        let by_word = &mut self.by_word;
        for_each_word(text, &mut self.scratch, |w| match by_word.get_mut(w) {
            // Rows come in id order: a repeat within the row is the last entry.
            Some(rids) if rids.last() == Some(&rid) => {}
            Some(rids) => rids.push(rid),
            None => {
                by_word.insert(w.into(), vec![rid]);
            }
        });
    }

    fn finish(self) -> TermIndex {
        let mut entries: Vec<(Box<str>, Vec<u32>)> = self.by_word.into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let (terms, postings) = entries.into_iter().unzip();
        TermIndex {
            terms,
            postings,
            max_rid: self.max_rid,
        }
    }
}

impl TermIndex {
    /// Reads every room's text. SQLite reads on this thread while a second one splits,
    /// folds and files the words (each about half of the time).
    fn read(conn: &Connection) -> Result<TermIndex> {
        std::thread::scope(|scope| {
            let (sender, receiver) = std::sync::mpsc::sync_channel::<Batch>(8);
            let builder = scope.spawn(move || {
                let mut builder = Builder::default();
                for batch in receiver {
                    for (rid, text) in &batch {
                        builder.add(*rid, text);
                    }
                }
                builder.finish()
            });
            let read = read_rows(conn, |batch| sender.send(batch).is_ok());
            drop(sender);
            let index = builder
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            read.map(|()| index)
        })
    }

    /// Sets the bit of every row holding `word` (or, with `prefix`, a word starting with it).
    fn mark(&self, word: &str, prefix: bool, bits: &mut [u64]) {
        let from = self.terms.partition_point(|t| **t < *word);
        for (term, rids) in self.terms[from..].iter().zip(&self.postings[from..]) {
            let hit = if prefix {
                term.starts_with(word)
            } else {
                **term == *word
            };
            if !hit {
                break;
            }
            for &rid in rids {
                bits[rid as usize / 64] |= 1 << (rid % 64);
            }
        }
    }
}

/// The search index of one store: the term index, the overlay of rows changed since it
/// was read, and what is needed to know when it is stale.
pub(crate) struct SearchIndex {
    changed: Arc<Mutex<ChangedRows>>,
    index: Option<TermIndex>,
    /// `PRAGMA data_version` when the index was read.
    data_version: i64,
    /// Rows changed since: their current words, or `None` when the row is gone.
    overlay: HashMap<u32, Option<Vec<Box<str>>>>,
}

fn read_row_words(conn: &Connection, rid: i64) -> Result<Option<Vec<Box<str>>>> {
    let mut stmt =
        conn.prepare_cached("SELECT title, cover_title, description FROM rooms WHERE rid = ?1")?;
    let texts: Option<[Option<String>; 3]> = stmt
        .query_row([rid], |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?]))
        .optional()?;
    Ok(texts.map(|[a, b, c]| words_of([a.as_deref(), b.as_deref(), c.as_deref()])))
}

impl SearchIndex {
    pub(crate) fn new(changed: Arc<Mutex<ChangedRows>>) -> SearchIndex {
        SearchIndex {
            changed,
            index: None,
            data_version: 0,
            overlay: HashMap::new(),
        }
    }

    /// Brings the index up to date with the database.
    fn refresh(&mut self, conn: &Connection) -> Result<()> {
        let version = data_version(conn)?;
        let changed = std::mem::take(&mut *lock(&self.changed));
        let stale = self.index.is_none()
            || version != self.data_version
            || changed.too_many
            || self.overlay.len() + changed.rids.len() > OVERLAY_ROWS;
        if stale {
            self.index = None;
            self.overlay.clear();
            self.data_version = version;
            self.index = Some(TermIndex::read(conn)?);
            return Ok(());
        }
        for rid in changed.rids {
            let words = row_id(rid).and_then(|r| Ok((r, read_row_words(conn, rid)?)));
            match words {
                Ok((r, words)) => {
                    self.overlay.insert(r, words);
                }
                Err(e) => {
                    // The changes not yet applied are lost with the set: read it all next time.
                    self.index = None;
                    return Err(e);
                }
            }
        }
        Ok(())
    }

    /// One page of the rooms matching `query`, in the order `order` (every room's row id
    /// in listing order), and the number of matches.
    pub(crate) fn page(
        &mut self,
        conn: &Connection,
        query: &SearchQuery,
        order: &[i64],
        offset: u64,
        limit: u64,
    ) -> Result<(u64, Vec<i64>)> {
        self.refresh(conn)?;
        // After a successful refresh the index is there; never answer "no matches" instead.
        let index = self
            .index
            .as_ref()
            .ok_or_else(|| unreadable("search index", "it was not read"))?;
        let max = self.overlay.keys().copied().fold(index.max_rid, u32::max) as usize;
        let len = max / 64 + 1;
        let mut bits = vec![0u64; len];
        index.mark(&query.prefix, true, &mut bits);
        let mut word_bits = vec![0u64; len];
        for word in &query.words {
            word_bits.fill(0);
            index.mark(word, false, &mut word_bits);
            for (b, w) in bits.iter_mut().zip(&word_bits) {
                *b &= w;
            }
        }
        for (&rid, words) in &self.overlay {
            let (slot, bit) = (rid as usize / 64, 1u64 << (rid % 64));
            match words {
                Some(words) if query.matches(words) => bits[slot] |= bit,
                _ => bits[slot] &= !bit,
            }
        }
        let total: u64 = bits.iter().map(|b| u64::from(b.count_ones())).sum();
        let Some(w) = window(total, offset, limit) else {
            return Ok((total, Vec::new()));
        };
        let hit = |rid: &&i64| {
            usize::try_from(**rid)
                .ok()
                .filter(|r| *r <= max)
                .is_some_and(|r| bits[r / 64] & (1 << (r % 64)) != 0)
        };
        let (skip, take) = (w.skip as usize, w.take as usize);
        let rids: Vec<i64> = if w.backward {
            let mut v: Vec<i64> = order
                .iter()
                .rev()
                .filter(hit)
                .skip(skip)
                .take(take)
                .copied()
                .collect();
            v.reverse();
            v
        } else {
            order
                .iter()
                .filter(hit)
                .skip(skip)
                .take(take)
                .copied()
                .collect()
        };
        Ok((total, rids))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(words: &[&str], prefix: &str) -> Option<SearchQuery> {
        Some(SearchQuery {
            words: words.iter().map(|w| w.to_string()).collect(),
            prefix: prefix.to_string(),
        })
    }

    #[test]
    fn input_becomes_folded_words_with_a_prefix_last() {
        assert_eq!(SearchQuery::parse("acme onb"), q(&["acme"], "onb"));
        assert_eq!(
            SearchQuery::parse("  \"Acme\" – (Onboarding) OR NOT* acme "),
            q(&["acme", "not", "onboarding", "or"], "acme")
        );
        assert_eq!(SearchQuery::parse("Café"), q(&[], "cafe"));
        assert_eq!(SearchQuery::parse("KRAKÓW"), q(&[], "krakow"));
        // A decomposed accent is part of its word, then dropped.
        assert_eq!(SearchQuery::parse("Cafe\u{301} x"), q(&["cafe"], "x"));
        assert_eq!(SearchQuery::parse("İstanbul"), q(&[], "istanbul"));
        assert_eq!(SearchQuery::parse(" \"*()- "), None);
        assert_eq!(SearchQuery::parse("\u{301}"), None);
        assert_eq!(SearchQuery::parse(""), None);
    }

    #[test]
    fn text_and_query_fold_alike() {
        let words = words_of([Some("Café Müller – Kraków"), None, Some("ÉCOLE école")]);
        let words: Vec<&str> = words.iter().map(|w| &**w).collect();
        assert_eq!(words, ["cafe", "ecole", "krakow", "muller"]);
        let words = words_of([Some("Café Müller – Kraków"), None, None]);
        for (typed, hit) in [
            ("muller", true),
            ("MÜLL", true),
            ("cafe krak", true),
            ("krakow cafe", true),
            ("caf muller", false), // only the last word is a prefix
            ("mullerx", false),
        ] {
            let query = SearchQuery::parse(typed).unwrap();
            assert_eq!(query.matches(&words), hit, "{typed}");
        }
    }

    #[test]
    fn the_hook_notes_rows_until_there_are_too_many() {
        let mut changed = ChangedRows::default();
        for rid in 0..OVERLAY_ROWS as i64 {
            changed.note(rid);
        }
        assert!(!changed.too_many);
        changed.note(1); // already noted: a set
        assert_eq!(changed.rids.len(), OVERLAY_ROWS);
        changed.note(-5);
        assert!(changed.too_many);
        assert!(changed.rids.is_empty());
    }
}
