// Timestamps as people read them: "3 minutes ago" in lists, the exact local time on hover.
// The API sends ISO-8601 strings; a missing or unparsable one shows as "never"/"unknown".

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

// Building an Intl formatter loads locale data and patterns: far dearer than formatting
// with it (a page of rooms formats ~250 values). One of each kind per locale and zone.
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const exactFormats = new Map<string, Intl.DateTimeFormat>();
const countFormats = new Map<string, Intl.NumberFormat>();

function cached<F>(formats: Map<string, F>, key: string, make: () => F): F {
  let format = formats.get(key);
  if (format === undefined) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

/** Milliseconds since the epoch, or null when `iso` is empty or not a date. */
export function parseTimestamp(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

/** "just now", "5 minutes ago", "in 2 days", "3 months ago" (relative to `now`, in ms). */
export function formatRelative(iso: string | null | undefined, now: number = Date.now(), locale = "en"): string {
  const ms = parseTimestamp(iso);
  if (ms === null) return iso ? "unknown" : "never";
  const seconds = Math.round((ms - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return "just now";
  const rtf = cached(relativeFormats, locale, () => new Intl.RelativeTimeFormat(locale, { numeric: "auto" }));
  for (const [unit, size] of UNITS) {
    if (abs >= size * 0.9 || unit === "minute") {
      return rtf.format(Math.round(seconds / size), unit);
    }
  }
  return "just now";
}

/** The exact time in the user's zone, e.g. "Mar 4, 2026, 14:05:09". */
export function formatExact(iso: string | null | undefined, locale?: string, timeZone?: string): string {
  const ms = parseTimestamp(iso);
  if (ms === null) return iso ? `unknown (${iso})` : "never";
  const format = cached(
    exactFormats,
    `${locale ?? ""}|${timeZone ?? ""}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        year: "numeric",
        month: "short",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
        hourCycle: "h23",
        timeZone,
      }),
  );
  return format.format(ms);
}

/** A count for a table cell: "1,234", or "–" when the server did not send one. */
export function formatCount(n: number | null | undefined, locale?: string): string {
  return n === null || n === undefined ? "–" : cached(countFormats, locale ?? "", () => new Intl.NumberFormat(locale)).format(n);
}
