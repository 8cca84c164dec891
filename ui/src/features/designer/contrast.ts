import { clampRgb, converter, formatHex, wcagContrast } from "culori";

/** WCAG 2.x thresholds for normal-size text. */
export const AA = 4.5;
export const AAA = 7;

export type ContrastLevel = "AAA" | "AA" | "fail";

const BLACK = "#000000";
const WHITE = "#FFFFFF";

export function contrastRatio(foreground: string, background: string): number {
  return wcagContrast(foreground, background);
}

export function contrastLevel(ratio: number): ContrastLevel {
  if (ratio >= AAA) return "AAA";
  if (ratio >= AA) return "AA";
  return "fail";
}

/** Ratio shown to two decimal places, rounded down so "4.5" is never shown for 4.48. */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}

/** The text color the preview writes on `background`: black or white, whichever contrasts more. */
export function readableText(background: string): string {
  return contrastRatio(BLACK, background) >= contrastRatio(WHITE, background) ? BLACK : WHITE;
}

const toHsl = converter("hsl");

/** Hue of a color in degrees, or null for greys (no hue to keep). */
export function hueOf(color: string): number | null {
  const hsl = toHsl(color);
  if (!hsl || hsl.h === undefined || hsl.s < 0.001) return null;
  return hsl.h;
}

/**
 * The shade of `background` nearest in lightness (same hue and saturation) on which
 * `foreground` reaches `target` (AA unless told). Returns the background itself when it
 * already does; null when no lightness of that hue does.
 */
export function suggestShade(background: string, foreground: string, target: number = AA): string | null {
  const base = toHsl(background);
  if (!base) return null;
  const start = formatHex(clampRgb(base));
  if (contrastRatio(foreground, start) >= target) return start;
  const step = 0.005;
  for (let distance = step; distance <= 1; distance += step) {
    for (const l of [base.l - distance, base.l + distance]) {
      if (l < 0 || l > 1) continue;
      const hex = formatHex(clampRgb({ ...base, l }));
      if (contrastRatio(foreground, hex) >= target) return hex;
    }
  }
  return null;
}
