//! Full-text search over the local view's title, cover title and description (FTS5,
//! `unicode61 remove_diacritics 2`), results in the listing order and paged.
//!
//! User input never reaches FTS5 syntax: it is split into words, each word becomes a
//! quoted string, the last one a prefix (`"acme" "onb"*`), all of them required.

use crate::error::Result;
use crate::listing::{collect_rids, Order, Window};
use rusqlite::{params, Connection};

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

/// A search about to be paged: how many rooms match, and how to page them cheaply.
pub(crate) struct SearchPlan {
    fts: String,
    pub matches: u64,
    rooms: u64,
}

impl SearchPlan {
    pub fn prepare(conn: &Connection, fts: &str) -> Result<SearchPlan> {
        let matches: u64 = conn
            .prepare_cached("SELECT count(*) FROM room_search WHERE room_search MATCH ?1")?
            .query_row([fts], |r| r.get(0))?;
        let rooms: u64 = conn
            .prepare_cached("SELECT count(*) FROM rooms")?
            .query_row([], |r| r.get(0))?;
        Ok(SearchPlan {
            fts: fts.to_string(),
            matches,
            rooms,
        })
    }

    /// Few matches: look them up and sort them. Many: walk the listing index and keep
    /// the matching rows, stopping at the page (expected walk: rows needed × rooms /
    /// matches). Both give exactly the listing order.
    pub fn page_rids(&self, conn: &Connection, o: Order, w: Window) -> Result<Vec<i64>> {
        let needed = w.skip + w.take;
        let walk_cost = needed.saturating_mul(self.rooms) / self.matches.max(1);
        let sort_cost = self.matches.saturating_mul(8);
        let dir = if w.backward { o.backward } else { o.forward };
        let source = if walk_cost <= sort_cost {
            format!("INDEXED BY {}", o.index)
        } else {
            "NOT INDEXED".to_string()
        };
        let sql = format!(
            "SELECT rid FROM rooms {source}
             WHERE rid IN (SELECT rowid FROM room_search WHERE room_search MATCH ?3)
             ORDER BY {dir} LIMIT ?1 OFFSET ?2"
        );
        collect_rids(
            conn,
            &sql,
            params![w.take as i64, w.skip as i64, self.fts],
            w,
        )
    }
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
