import { describe, expect, it } from "vitest";
import { AA, AAA, contrastLevel, contrastRatio, formatRatio, hueOf, readableText, suggestShade } from "./contrast";
import { displayHex } from "./hexColor";
import { NAV_COMPANY_COLOR, NAV_ORG_COLOR, navModeOf, navValueFor, resolveNavColor } from "./navColor";

describe("displayHex", () => {
  it("shows #RGB and #RRGGBB as the core stores them, upper-case #RRGGBB", () => {
    expect(displayHex("#FA3")).toBe("#FFAA33");
    expect(displayHex("  #1a73e8 ")).toBe("#1A73E8");
  });
  it("has nothing to show for what culori cannot read (the core's message says why)", () => {
    for (const unreadable of ["#12", "#12345", "#ggg", "", null]) {
      expect(displayHex(unreadable)).toBeNull();
    }
  });
});

describe("resolveNavColor", () => {
  const context = { orgColor: "#0A0", companyColor: "#123456" };
  it("shows a hex as it is, normalised", () => {
    expect(resolveNavColor("#abc", context)).toEqual({ mode: "custom", color: "#AABBCC", note: null });
  });
  it("takes the org brand color for flow-org-color", () => {
    expect(resolveNavColor(NAV_ORG_COLOR, context)).toMatchObject({ mode: "org", color: "#00AA00", note: null });
  });
  it("notes when no org brand color is set", () => {
    const resolved = resolveNavColor(NAV_ORG_COLOR, { orgColor: null, companyColor: null });
    expect(resolved.color).toBeNull();
    expect(resolved.note).toContain("Settings");
  });
  it("takes the local company color for target-company-color, noting Flowla uses the real one", () => {
    const resolved = resolveNavColor(NAV_COMPANY_COLOR, context);
    expect(resolved).toMatchObject({ mode: "company", color: "#123456" });
    expect(resolved.note).toContain("real color from the company");
    expect(resolveNavColor(NAV_COMPANY_COLOR, { orgColor: null, companyColor: null }).color).toBeNull();
  });
  it("maps modes to stored values and back", () => {
    for (const mode of ["custom", "org", "company"] as const) {
      expect(navModeOf(navValueFor(mode, "#112233"))).toBe(mode);
    }
    expect(navValueFor("custom", "#112233")).toBe("#112233");
  });
});

describe("contrast", () => {
  it("matches the WCAG reference pairs", () => {
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });
  it("grades ratios and never rounds a failure up to 4.5", () => {
    expect(contrastLevel(contrastRatio("#777777", "#ffffff"))).toBe("fail");
    expect(contrastLevel(contrastRatio("#767676", "#ffffff"))).toBe("AA");
    expect(contrastLevel(21)).toBe("AAA");
    expect(formatRatio(contrastRatio("#777777", "#ffffff"))).toBe("4.47:1");
  });
  it("suggests a shade that passes AA and keeps the hue", () => {
    const backgrounds = ["#ffcc00", "#1a73e8", "#ff6f61", "#66cc99", "#777777", "#f0f0ff", "#ff00ff"];
    for (const background of backgrounds) {
      for (const text of ["#ffffff", "#000000"]) {
        const shade = suggestShade(background, text);
        expect(shade, `${text} on ${background}`).not.toBeNull();
        if (shade === null) continue;
        expect(contrastRatio(text, shade)).toBeGreaterThanOrEqual(AA);
        const before = hueOf(background);
        const after = hueOf(shade);
        if (before !== null && after !== null) {
          const gap = Math.abs(before - after) % 360;
          expect(Math.min(gap, 360 - gap), `${background} -> ${shade}`).toBeLessThan(3);
        }
      }
    }
  });
  it("reaches AAA when asked, keeping the hue", () => {
    const shade = suggestShade("#1a73e8", "#ffffff", AAA);
    expect(shade).not.toBeNull();
    if (shade === null) return;
    expect(contrastRatio("#ffffff", shade)).toBeGreaterThanOrEqual(AAA);
    expect(Math.abs((hueOf(shade) ?? 0) - (hueOf("#1a73e8") ?? 0))).toBeLessThan(3);
  });
  it("writes black or white, whichever contrasts more, so text always reaches AA", () => {
    expect(readableText("#FFCC00")).toBe("#000000");
    expect(readableText("#1A1A1A")).toBe("#FFFFFF");
    expect(readableText("#777777")).toBe("#000000");
    for (const background of ["#777777", "#767676", "#1a73e8", "#ff6f61", "#808080", "#ff00ff"]) {
      expect(contrastRatio(readableText(background), background)).toBeGreaterThanOrEqual(AA);
    }
  });
  it("keeps a background that already passes", () => {
    expect(suggestShade("#1A1A1A", "#ffffff")).toBe("#1a1a1a");
  });
});
