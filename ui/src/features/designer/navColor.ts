import { normaliseHex } from "./hexColor";

/** The navigation color values Flowla resolves itself instead of taking a hex. */
export const NAV_ORG_COLOR = "flow-org-color";
export const NAV_COMPANY_COLOR = "target-company-color";

export type NavMode = "custom" | "org" | "company";

export function navModeOf(navColor: string | null | undefined): NavMode {
  if (navColor === NAV_ORG_COLOR) return "org";
  if (navColor === NAV_COMPANY_COLOR) return "company";
  return "custom";
}

/** The value stored in `navColor` when the user picks a mode (custom keeps its hex). */
export function navValueFor(mode: NavMode, customHex: string): string {
  if (mode === "org") return NAV_ORG_COLOR;
  if (mode === "company") return NAV_COMPANY_COLOR;
  return customHex;
}

export type NavContext = {
  /** Org brand color from Settings, if set. */
  orgColor: string | null;
  /** The room's company color kept locally, if set. */
  companyColor: string | null;
};

export type ResolvedNav = {
  mode: NavMode;
  /** Normalised `#rrggbb`, or null when nothing can be shown. */
  color: string | null;
  /** Why the color is what it is, when the user should know. */
  note: string | null;
};

/** The color the buyer's navigation bar shows for a room's `navColor`. */
export function resolveNavColor(
  navColor: string | null | undefined,
  context: NavContext,
): ResolvedNav {
  const mode = navModeOf(navColor);
  if (mode === "org") {
    const org = context.orgColor ? normaliseHex(context.orgColor) : null;
    if (org?.ok) return { mode, color: org.hex, note: null };
    return {
      mode,
      color: null,
      note: "No org brand color is set: add one in Settings to preview it",
    };
  }
  if (mode === "company") {
    const company = context.companyColor ? normaliseHex(context.companyColor) : null;
    const real = "Flowla takes the real color from the company";
    if (company?.ok) {
      return { mode, color: company.hex, note: `Local company color shown; ${real}` };
    }
    return { mode, color: null, note: `No local color for this company; ${real}` };
  }
  if (!navColor) return { mode, color: null, note: "No navigation color set" };
  const hex = normaliseHex(navColor);
  if (hex.ok) return { mode, color: hex.hex, note: null };
  return { mode, color: null, note: hex.message };
}
