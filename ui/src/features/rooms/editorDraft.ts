// The room editor's draft: the values of every updatable field, what differs from the
// room as saved (the patch to send), and the write-only fields the API never returns.
import type { Room, RoomField, RoomPatch } from "../../bindings";
import type { FieldSpec } from "../../catalogue";

export type DraftValue = string | boolean;
export type Draft = Partial<Record<RoomField, DraftValue>>;

/** The value a field shows for `room`: its string or boolean, "" / false when unset. */
export function savedValue(room: Room, spec: FieldSpec): DraftValue {
  const raw = (room as unknown as Record<string, unknown>)[spec.name];
  if (spec.kind === "bool") return raw === true;
  return typeof raw === "string" ? raw : "";
}

export function initialDraft(room: Room, specs: readonly FieldSpec[]): Draft {
  return Object.fromEntries(specs.map((s) => [s.name, savedValue(room, s)]));
}

/** The fields whose draft value differs from the room's, as a patch (only those are sent). */
export function patchOf(room: Room, specs: readonly FieldSpec[], draft: Draft): RoomPatch {
  const patch: Record<string, DraftValue> = {};
  for (const spec of specs) {
    const value = draft[spec.name];
    if (value !== undefined && value !== savedValue(room, spec)) patch[spec.name] = value;
  }
  return patch;
}

export const isDirty = (patch: RoomPatch): boolean => Object.keys(patch).length > 0;

/**
 * The draft on a fresher copy of the room (`next`, after `shown`): the fields the user
 * changed keep their values, every other field takes the fresher copy's, so a save
 * never writes back a value someone else has since replaced.
 */
export function rebaseDraft(shown: Room, next: Room, specs: readonly FieldSpec[], draft: Draft): Draft {
  const changed = patchOf(shown, specs, draft) as Draft;
  return { ...initialDraft(next, specs), ...changed };
}

/**
 * A write-only field with a value here was set from Roomdesk (the server never returns it):
 * the editor marks it so nobody takes it for the server's current value.
 */
export const setFromRoomdesk = (room: Room, spec: FieldSpec): boolean => !spec.returned && savedValue(room, spec) !== "" && savedValue(room, spec) !== false;
