// Outbox entries and conflicts for component tests, typed by the generated bindings.
import type { Conflict, JsonValue, NewRoom, OutboxEntry, RoomField, RoomPatch } from "../bindings";
import { roomView } from "./fixtures";

const AT = Date.parse("2026-03-10T12:00:00Z");

export function createEntry(seq: number, draftId: string, body: NewRoom, over: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    seq,
    roomId: draftId,
    op: { kind: "create", payload: body },
    base: null,
    state: "pending",
    sentAtMs: null,
    attempts: 0,
    lastError: null,
    createdAtMs: AT,
    candidates: [],
    awaitingDecision: false,
    ...over,
  };
}

export function patchEntry(seq: number, roomId: string, title: string, patch: RoomPatch, over: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    seq,
    roomId,
    op: { kind: "patch", payload: patch },
    base: roomView(roomId, title).room,
    state: "pending",
    sentAtMs: null,
    attempts: 0,
    lastError: null,
    createdAtMs: AT,
    candidates: [],
    awaitingDecision: false,
    ...over,
  };
}

export function conflict(roomId: string, field: RoomField, mine: JsonValue, theirs: JsonValue, base: JsonValue = null): Conflict {
  return { roomId, field, mine, theirs, base, detectedAtMs: AT };
}
