//! Full-text search over the local view's title, cover title and description (FTS5,
//! `unicode61 remove_diacritics 2`), results in the listing order and paged.
//!
//! User input never reaches FTS5 syntax: it is split into words, each word becomes a
//! quoted string, the last one a prefix (`"acme" "onb"*`), all of them required.

use crate::error::Result;
use crate::listing::window;
use rusqlite::Connection;

/// The FTS5 query for what a user typed, or `None` when it holds no word.
pub fn fts_query(input: &str) -> Option<String> {
    let is_word_char = |c: char| c.is_alphanumeric() || ('\u{0300}'..='\u{036F}').contains(&c);
    let words: Vec<&str> = input
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .collect();
    let (last, rest) = words.split_last()?;
    let mut q: Vec<String> = rest.iter().map(|w| quote(w)).collect();
    q.push(format!("{}*", quote(last)));
    Some(q.join(" "))
}

fn quote(word: &str) -> String {
    format!("\"{}\"", word.replace('"', "\"\""))
}

/// One page of the rooms matching `fts`, in the order `order` (every room's row id in
/// listing order), and the number of matches. The matching row ids come from the index
/// as a bitmap; the order is walked from its nearer end until the page is complete.
pub(crate) fn page(
    conn: &Connection,
    fts: &str,
    order: &[i64],
    offset: u64,
    limit: u64,
) -> Result<(u64, Vec<i64>)> {
    let mut stmt =
        conn.prepare_cached("SELECT rowid FROM room_search WHERE room_search MATCH ?1")?;
    let matched: Vec<i64> = stmt
        .query_map([fts], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let total = matched.len() as u64;
    let Some(w) = window(total, offset, limit) else {
        return Ok((total, Vec::new()));
    };
    let max = matched.iter().copied().max().unwrap_or(0).max(0) as usize;
    let mut bits = vec![0u64; max / 64 + 1];
    for rid in matched.iter().filter(|r| **r >= 0) {
        let rid = *rid as usize;
        bits[rid / 64] |= 1 << (rid % 64);
    }
    let hit = |rid: &&i64| {
        let rid = **rid;
        rid >= 0
            && (rid as usize) <= max
            && bits[rid as usize / 64] & (1 << (rid as usize % 64)) != 0
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_becomes_quoted_words_with_a_prefix_last() {
        assert_eq!(fts_query("acme onb").as_deref(), Some("\"acme\" \"onb\"*"));
        assert_eq!(
            fts_query("  \"Acme\" – (Onboarding) OR NOT* ").as_deref(),
            Some("\"Acme\" \"Onboarding\" \"OR\" \"NOT\"*")
        );
        assert_eq!(fts_query("Café").as_deref(), Some("\"Café\"*"));
        assert_eq!(fts_query(" \"*()- "), None);
        assert_eq!(fts_query(""), None);
    }
}
