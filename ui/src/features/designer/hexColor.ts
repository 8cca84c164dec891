import { formatHex, parse } from "culori";

/** Result of reading what the user typed into a hex field. */
export type HexReading =
  | { ok: true; hex: string }
  | { ok: false; message: string };

const HEX_SHAPE = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * Reads `#RGB` or `#RRGGBB` (any case, surrounding spaces ignored) and returns the
 * normalised lower-case `#rrggbb` the preview and the server use.
 */
export function normaliseHex(input: string): HexReading {
  const text = input.trim();
  if (!HEX_SHAPE.test(text)) {
    return { ok: false, message: "Use #RGB or #RRGGBB, for example #1a73e8" };
  }
  const hex = formatHex(parse(text));
  if (hex === undefined) {
    return { ok: false, message: `${text} is not a color` };
  }
  return { ok: true, hex };
}
