import { formatHex, parse } from "culori";

/**
 * The color a typed value shows as, upper-case `#RRGGBB` like the core stores it, or null
 * when culori cannot read it. For display only (preview, picker, contrast): whether a
 * value is accepted is the core's decision (validate_room_input), never this function's.
 */
export function displayHex(input: string | null | undefined): string | null {
  if (typeof input !== "string" || input === "") return null;
  const hex = formatHex(parse(input.trim()));
  return hex === undefined ? null : hex.toUpperCase();
}
