// The badges a row shows beside its title: Draft, Pending changes, Conflict, Uncertain.
import { Badge } from "@mantine/core";
import type { RoomView } from "../../bindings";

const LOOK = {
  draft: { label: "Draft", color: "gray" },
  pending: { label: "Pending changes", color: "yellow" },
  conflict: { label: "Conflict", color: "red" },
  uncertain: { label: "Uncertain", color: "orange" },
} as const;

export type BadgeKind = keyof typeof LOOK;

/**
 * Which badges a room gets. "Uncertain": the room has an outbox entry that was sent and
 * not confirmed (the next sync finds out whether the server has it).
 */
export function badgesFor(view: RoomView, uncertainIds: ReadonlySet<string> = new Set()): BadgeKind[] {
  const kinds: BadgeKind[] = [];
  if (view.state === "draft") kinds.push("draft");
  if (view.state === "pending" || (view.state !== "draft" && view.pendingFields.length > 0)) kinds.push("pending");
  if (view.state === "conflict") kinds.push("conflict");
  if (uncertainIds.has(view.room.id)) kinds.push("uncertain");
  return kinds;
}

export function RoomBadges({ view, uncertainIds }: { view: RoomView; uncertainIds?: ReadonlySet<string> }) {
  return (
    <>
      {badgesFor(view, uncertainIds).map((kind) => (
        <Badge key={kind} size="xs" variant="light" color={LOOK[kind].color} data-testid={`badge-${kind}-${view.room.id}`}>
          {LOOK[kind].label}
        </Badge>
      ))}
    </>
  );
}
