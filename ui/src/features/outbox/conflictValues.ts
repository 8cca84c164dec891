// How a conflicting value reads in the resolver: words for empty and yes/no, the text
// itself otherwise, and a swatch for the color fields.
import type { JsonValue, RoomField } from "../../bindings";

const COLOR_FIELDS: ReadonlySet<RoomField> = new Set<RoomField>(["themeColor", "navColor"]);

export function formatValue(value: JsonValue): string {
  if (value === null) return "(empty)";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string") return value === "" ? "(empty)" : value;
  if (typeof value === "number") return String(value);
  return JSON.stringify(value);
}

/** The CSS color to paint for a color field's value (keywords such as "flow-org-color" get none). */
export function swatchOf(field: RoomField, value: JsonValue): string | null {
  if (!COLOR_FIELDS.has(field) || typeof value !== "string") return null;
  return /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(value) ? value : null;
}
