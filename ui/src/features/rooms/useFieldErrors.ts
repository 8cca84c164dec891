// The core's field errors for the draft, asked as the user types (after a short pause).
// No rule is checked here: the core's validate_room_input answers.
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import type { FieldError, RoomInput } from "../../bindings";
import { validateRoomInput } from "../../api/commands";

const TYPING_PAUSE_MS = 200;

export function useFieldErrors(input: RoomInput | null): FieldError[] {
  const [settled] = useDebouncedValue(input, TYPING_PAUSE_MS);
  const key = settled === null ? null : JSON.stringify(settled);
  const answer = useQuery({
    queryKey: ["validate", key],
    queryFn: () => (settled === null ? Promise.resolve([]) : validateRoomInput(settled)),
    enabled: settled !== null,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    placeholderData: (previous) => previous,
  });
  if (input === null) return [];
  return answer.data ?? [];
}
