import { describe, expect, it } from "vitest";
import { formatCount, formatExact, formatRelative, parseTimestamp } from "./time";

const NOW = Date.parse("2026-03-10T12:00:00.000Z");
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();

describe("formatRelative", () => {
  it("says just now for the last 45 seconds", () => {
    expect(formatRelative(ago(10), NOW)).toBe("just now");
    expect(formatRelative(ago(44), NOW)).toBe("just now");
  });

  it("picks the largest sensible unit", () => {
    expect(formatRelative(ago(5 * 60), NOW)).toBe("5 minutes ago");
    expect(formatRelative(ago(3 * 3600), NOW)).toBe("3 hours ago");
    expect(formatRelative(ago(24 * 3600), NOW)).toBe("yesterday");
    expect(formatRelative(ago(3 * 24 * 3600), NOW)).toBe("3 days ago");
    expect(formatRelative(ago(14 * 24 * 3600), NOW)).toBe("2 weeks ago");
    expect(formatRelative(ago(90 * 24 * 3600), NOW)).toBe("3 months ago");
    expect(formatRelative(ago(2 * 365 * 24 * 3600), NOW)).toBe("2 years ago");
  });

  it("handles the future (clock skew)", () => {
    expect(formatRelative(ago(-2 * 3600), NOW)).toBe("in 2 hours");
  });

  it("says never for a missing time and unknown for garbage", () => {
    expect(formatRelative(null, NOW)).toBe("never");
    expect(formatRelative("", NOW)).toBe("never");
    expect(formatRelative("not a date", NOW)).toBe("unknown");
  });
});

describe("formatExact", () => {
  it("shows date and time to the second in the given zone", () => {
    expect(formatExact("2026-03-04T14:05:09Z", "en-US", "UTC")).toBe("Mar 4, 2026, 14:05:09");
  });

  it("keeps one formatter per locale and zone, never reusing another zone's", () => {
    const iso = "2026-03-04T14:05:09Z";
    expect(formatExact(iso, "en-US", "UTC")).toBe("Mar 4, 2026, 14:05:09");
    expect(formatExact(iso, "en-US", "Asia/Tokyo")).toBe("Mar 4, 2026, 23:05:09");
    expect(formatExact(iso, "de-DE", "UTC")).toBe("4. März 2026, 14:05:09");
    expect(formatExact(iso, "en-US", "UTC")).toBe("Mar 4, 2026, 14:05:09");
  });

  it("keeps an unparsable value visible", () => {
    expect(formatExact("yesterday-ish", "en-US", "UTC")).toBe("unknown (yesterday-ish)");
    expect(formatExact(undefined)).toBe("never");
  });
});

describe("parseTimestamp and formatCount", () => {
  it("parses ISO strings with offsets", () => {
    expect(parseTimestamp("2026-03-04T14:05:09+01:00")).toBe(Date.parse("2026-03-04T13:05:09Z"));
  });

  it("groups thousands and shows a dash for missing counts", () => {
    expect(formatCount(1234567, "en-US")).toBe("1,234,567");
    expect(formatCount(0, "en-US")).toBe("0");
    expect(formatCount(1234567, "de-DE")).toBe("1.234.567");
    expect(formatCount(1234567, "en-US")).toBe("1,234,567");
    expect(formatCount(null)).toBe("–");
  });
});
