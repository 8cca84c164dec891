import { Badge } from "@mantine/core";
import type { LocalState } from "../../bindings";

const LOOK: Record<Exclude<LocalState, "synced">, { label: string; color: string }> = {
  draft: { label: "Draft", color: "gray" },
  pending: { label: "Pending", color: "yellow" },
  conflict: { label: "Conflict", color: "red" },
};

/** Nothing for a synced room; a small badge for a draft, a pending edit or a conflict. */
export function RoomStateBadge({ state, testId }: { state: LocalState; testId?: string }) {
  if (state === "synced") return null;
  const look = LOOK[state];
  return (
    <Badge size="xs" variant="light" color={look.color} data-testid={testId}>
      {look.label}
    </Badge>
  );
}
