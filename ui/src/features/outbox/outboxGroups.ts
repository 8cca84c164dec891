// The outbox as the user reads it: one group per room (a draft's create and the edits
// made after it, or a room's pending edit), each entry with the state it is in now.
import type { Conflict, OutboxEntry, RoomField } from "../../bindings";

/** Where one change stands. */
export type ChangeStatus = "queued" | "sending" | "failed" | "uncertain" | "conflict";

export type OutboxRow = {
  entry: OutboxEntry;
  action: "Create" | "Edit";
  /** The fields the change sets, in the order they were written. */
  fields: RoomField[];
  status: ChangeStatus;
  /** Why the last attempt failed, when it did. */
  reason: string | null;
};

export type OutboxGroup = {
  roomId: string;
  /** The title the change gives the room, else the title it had when edited. */
  title: string | null;
  /** A room that exists only here (its create is waiting). */
  isDraft: boolean;
  /** The create may already be on the server: it cannot be discarded, only settled by a sync. */
  mayBeOnServer: boolean;
  rows: OutboxRow[];
  conflicts: Conflict[];
  /** The most pressing status of the group's rows (or `conflict` for open conflicts). */
  status: ChangeStatus;
};

/** Most pressing first: what the user must act on comes before what will resolve itself. */
const URGENCY: ChangeStatus[] = ["conflict", "uncertain", "failed", "sending", "queued"];

export function changeStatus(entry: OutboxEntry, hasConflicts: boolean, syncing: boolean): ChangeStatus {
  if (entry.state === "uncertain") return "uncertain";
  if (entry.op.kind === "patch" && hasConflicts) return "conflict";
  if (syncing) return "sending";
  if (entry.lastError !== null) return "failed";
  return "queued";
}

function fieldsOf(entry: OutboxEntry): RoomField[] {
  // The payload holds only the fields the change sets (`None` is not serialised).
  return Object.keys(entry.op.payload) as RoomField[];
}

function titleOf(entry: OutboxEntry): string | null {
  const set = entry.op.payload.title;
  if (set !== undefined && set.trim() !== "") return set;
  return entry.base?.title ?? null;
}

/** Groups entries by room in the order the rooms were first changed. */
export function groupOutbox(entries: OutboxEntry[], conflicts: Conflict[], syncing: boolean): OutboxGroup[] {
  const conflictsByRoom = new Map<string, Conflict[]>();
  for (const c of conflicts) {
    conflictsByRoom.set(c.roomId, [...(conflictsByRoom.get(c.roomId) ?? []), c]);
  }
  const groups = new Map<string, OutboxGroup>();
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  for (const entry of sorted) {
    const roomConflicts = conflictsByRoom.get(entry.roomId) ?? [];
    const row: OutboxRow = {
      entry,
      action: entry.op.kind === "create" ? "Create" : "Edit",
      fields: fieldsOf(entry),
      status: changeStatus(entry, roomConflicts.length > 0, syncing),
      reason: entry.lastError,
    };
    let group = groups.get(entry.roomId);
    if (!group) {
      group = {
        roomId: entry.roomId,
        title: null,
        isDraft: false,
        mayBeOnServer: false,
        rows: [],
        conflicts: roomConflicts,
        status: row.status,
      };
      groups.set(entry.roomId, group);
    }
    group.rows.push(row);
    group.title = titleOf(entry) ?? group.title;
    if (entry.op.kind === "create") {
      group.isDraft = true;
      group.mayBeOnServer = entry.state === "uncertain";
    }
  }
  // Conflicts whose edit is gone from the outbox still need a decision.
  for (const [roomId, roomConflicts] of conflictsByRoom) {
    if (!groups.has(roomId)) {
      groups.set(roomId, {
        roomId,
        title: null,
        isDraft: false,
        mayBeOnServer: false,
        rows: [],
        conflicts: roomConflicts,
        status: "conflict",
      });
    }
  }
  const result = [...groups.values()];
  for (const g of result) {
    const statuses = g.rows.map((r) => r.status);
    if (g.conflicts.length > 0) statuses.push("conflict");
    g.status = URGENCY.find((s) => statuses.includes(s)) ?? "queued";
  }
  return result;
}

/** Counts per status, for the page's summary line. */
export function countByStatus(groups: OutboxGroup[]): Record<ChangeStatus, number> {
  const counts: Record<ChangeStatus, number> = { queued: 0, sending: 0, failed: 0, uncertain: 0, conflict: 0 };
  for (const g of groups) for (const r of g.rows) counts[r.status] += 1;
  return counts;
}
