//! Everything the CLI prints: tables and key/value blocks for people, JSON for scripts.
//! Results go to stdout; progress and errors go to stderr (one line each).

use crate::commands::CliError;
use roomdesk_core::{
    Conflict, LocalState, OutboxEntry, OutboxOp, RoomPage, RoomView, SyncPhase, SyncProgress,
    SyncReport,
};
use roomdesk_model::{Room, Status};
use serde::Serialize;
use serde_json::{json, Value};

pub struct Output {
    pub json: bool,
}

fn state_name(s: LocalState) -> &'static str {
    match s {
        LocalState::Synced => "synced",
        LocalState::Draft => "draft",
        LocalState::Pending => "pending",
        LocalState::Conflict => "conflict",
    }
}

/// Cuts text to `width` characters (not bytes), marking the cut.
fn fit(text: &str, width: usize) -> String {
    let one_line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if one_line.chars().count() <= width {
        one_line
    } else {
        let mut s: String = one_line.chars().take(width.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// Lays out rows under a header, each column as wide as its widest cell.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(cell.chars().count());
            }
        }
    }
    let line = |cells: Vec<&str>| -> String {
        let mut out = String::new();
        for (i, cell) in cells.iter().enumerate() {
            let pad = widths[i].saturating_sub(cell.chars().count());
            out.push_str(cell);
            if i + 1 < cells.len() {
                out.push_str(&" ".repeat(pad + 2));
            }
        }
        out.push('\n');
        out
    };
    let mut out = line(header.to_vec());
    for row in rows {
        out.push_str(&line(row.iter().map(String::as_str).collect()));
    }
    out
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(T::to_string).unwrap_or_else(|| "-".into())
}

impl Output {
    pub fn new(json: bool) -> Self {
        Output { json }
    }

    fn print_json<T: Serialize>(&self, value: &T) {
        match serde_json::to_string_pretty(value) {
            Ok(s) => println!("{s}"),
            Err(e) => eprintln!("error: cannot print JSON: {e}"),
        }
    }

    pub fn page(&self, page: &RoomPage) {
        if self.json {
            let rooms: Vec<&Room> = page.rooms.iter().map(|v| &v.room).collect();
            self.print_json(&json!({"results": rooms, "page": page.page,
                "limit": page.limit, "total": page.total}));
            return;
        }
        let rows: Vec<Vec<String>> = page
            .rooms
            .iter()
            .map(|v| {
                vec![
                    v.room.id.clone(),
                    fit(&v.room.title, 40),
                    state_name(v.state).to_string(),
                    v.room.created_at.clone(),
                    v.room.updated_at.clone(),
                    opt(&v.room.total_engagements),
                    opt(&v.room.theme_color),
                ]
            })
            .collect();
        print!(
            "{}",
            table(
                &[
                    "ID",
                    "TITLE",
                    "STATE",
                    "CREATED",
                    "UPDATED",
                    "ENGAGEMENTS",
                    "THEME"
                ],
                &rows
            )
        );
        let total = page.total.map(|t| format!(" of {t}")).unwrap_or_default();
        println!(
            "page {} ({} rooms{total}, {} per page)",
            page.page,
            page.rooms.len(),
            page.limit
        );
    }

    pub fn room(&self, view: &RoomView) {
        if self.json {
            self.print_json(&view.room);
            return;
        }
        let mut rows = vec![vec![
            "state".to_string(),
            state_name(view.state).to_string(),
        ]];
        if !view.pending_fields.is_empty() {
            let names: Vec<&str> = view.pending_fields.iter().map(|f| f.name()).collect();
            rows.push(vec!["pending".into(), names.join(", ")]);
        }
        if let Ok(Value::Object(fields)) = serde_json::to_value(&view.room) {
            for (k, v) in fields {
                let text = match v {
                    Value::Null => "-".to_string(),
                    Value::String(s) => s,
                    other => other.to_string(),
                };
                rows.push(vec![k, fit(&text, 100)]);
            }
        }
        let mut out = String::new();
        for r in rows {
            out.push_str(&format!("{:<18} {}\n", r[0], r[1]));
        }
        print!("{out}");
    }

    pub fn statuses(&self, statuses: &[Status]) {
        if self.json {
            self.print_json(&statuses);
            return;
        }
        let rows: Vec<Vec<String>> = statuses
            .iter()
            .map(|s| {
                vec![
                    s.id.clone(),
                    s.title.clone(),
                    if s.default_status { "yes" } else { "" }.to_string(),
                ]
            })
            .collect();
        print!("{}", table(&["ID", "TITLE", "DEFAULT"], &rows));
    }

    pub fn outbox(&self, entries: &[OutboxEntry], conflicts: &[Conflict]) {
        if self.json {
            self.print_json(&json!({"entries": entries, "conflicts": conflicts}));
            return;
        }
        if entries.is_empty() {
            println!("outbox is empty: everything is on the server");
        } else {
            let rows: Vec<Vec<String>> = entries
                .iter()
                .map(|e| {
                    let (kind, fields) = match &e.op {
                        OutboxOp::Create(b) => ("create", b.to_fields()),
                        OutboxOp::Patch(p) => ("update", p.to_fields()),
                    };
                    let title = fields
                        .get("title")
                        .and_then(|t| t.as_str())
                        .unwrap_or("")
                        .to_string();
                    let names: Vec<&str> = fields.keys().map(String::as_str).collect();
                    vec![
                        e.seq.to_string(),
                        kind.to_string(),
                        e.room_id.clone(),
                        fit(&title, 30),
                        format!("{:?}", e.state).to_lowercase(),
                        fit(&names.join(","), 50),
                        e.last_error
                            .clone()
                            .map(|m| fit(&m, 60))
                            .unwrap_or_default(),
                    ]
                })
                .collect();
            print!(
                "{}",
                table(
                    &[
                        "SEQ",
                        "KIND",
                        "ROOM",
                        "TITLE",
                        "STATE",
                        "FIELDS",
                        "LAST ERROR"
                    ],
                    &rows
                )
            );
        }
        for e in entries.iter().filter(|e| e.awaiting_decision) {
            println!(
                "\n{} may have become one of these rooms (roomdesk outbox adopt {} <room-id>, \
                 or roomdesk outbox create-again {}):",
                e.room_id, e.room_id, e.room_id
            );
            let rows: Vec<Vec<String>> = e
                .candidates
                .iter()
                .map(|r| vec![r.id.clone(), fit(&r.title, 40), r.created_at.clone()])
                .collect();
            print!("{}", table(&["ROOM", "TITLE", "CREATED"], &rows));
        }
        if !conflicts.is_empty() {
            println!(
                "\nconflicts (settle with: roomdesk outbox resolve <room-id> <field> mine|theirs):"
            );
            let rows: Vec<Vec<String>> = conflicts
                .iter()
                .map(|c| {
                    vec![
                        c.room_id.clone(),
                        c.field.name().to_string(),
                        fit(&c.base.to_string(), 24),
                        fit(&c.mine.to_string(), 24),
                        fit(&c.theirs.to_string(), 24),
                    ]
                })
                .collect();
            print!(
                "{}",
                table(&["ROOM", "FIELD", "WAS", "MINE", "THEIRS"], &rows)
            );
        }
    }

    pub fn progress(&self, p: &SyncProgress) {
        let total = p.total.map(|t| format!("/{t}")).unwrap_or_default();
        let what = match p.phase {
            SyncPhase::Push => "sending changes",
            SyncPhase::Pull => "fetching rooms",
            SyncPhase::Done => return,
        };
        eprintln!("sync: {what} {}{total}", p.done);
    }

    pub fn sync_report(&self, report: &SyncReport) {
        if self.json {
            self.print_json(report);
            return;
        }
        for p in &report.pushed {
            let how = if p.adopted {
                " (found on the server)"
            } else {
                ""
            };
            let what = match p.kind {
                roomdesk_core::OutboxKind::Create => {
                    format!("created {} as {}", p.local_id, p.room_id)
                }
                roomdesk_core::OutboxKind::Patch => format!("updated {}", p.room_id),
            };
            let fields: Vec<&str> = p.fields.iter().map(|f| f.name()).collect();
            println!("{what} [{}]{how}", fields.join(", "));
        }
        for m in &report.merged {
            println!("merged server change: {} {}", m.room_id, m.field);
        }
        for c in &report.conflicts {
            println!(
                "conflict: {} {}: mine {} / theirs {}",
                c.room_id, c.field, c.mine, c.theirs
            );
        }
        for f in &report.failed {
            println!(
                "failed: {} ({}): {}",
                f.room_id, f.error.code, f.error.message
            );
        }
        println!(
            "pushed {}, conflicts {}, failed {}, pulled {} rooms{}, outbox {} left",
            report.pushed.len(),
            report.conflicts.len(),
            report.failed.len(),
            report.pulled,
            if report.pull_complete {
                ""
            } else {
                " (pull incomplete)"
            },
            report.outbox_remaining
        );
        if let Some(stop) = &report.stopped {
            println!("stopped early: {}", stop.message);
        }
    }

    pub fn error(&self, e: &CliError) {
        if self.json {
            match serde_json::to_string(&e.payload()) {
                Ok(s) => eprintln!("{s}"),
                Err(_) => eprintln!("{{\"code\":\"internal\",\"message\":\"error\"}}"),
            }
        } else {
            eprintln!("error: {}", fit(&e.payload().message, 500));
        }
    }

    pub fn line(&self, text: &str) {
        if !self.json {
            println!("{text}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_align_by_characters() {
        let t = table(
            &["ID", "TITLE"],
            &[
                vec!["a".into(), "Acme – Onboarding".into()],
                vec!["bbb".into(), "x".into()],
            ],
        );
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[0], "ID   TITLE");
        assert_eq!(lines[1], "a    Acme – Onboarding");
        assert_eq!(lines[2], "bbb  x");
    }

    #[test]
    fn fit_cuts_long_text_and_flattens_newlines() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("a\nb", 10), "a b");
    }
}
