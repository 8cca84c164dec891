import { displayHex } from "./hexColor";

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
  /** `#RRGGBB` to paint, or null when nothing can be shown. */
  color: string | null;
  /** Why the color is what it is, when the user should know. */
  note: string | null;
};

export const REAL_COMPANY_COLOR_NOTE = "Flowla takes the real color from the company";

/** The color the buyer's navigation bar shows for a room's `navColor`. */
export function resolveNavColor(navColor: string | null | undefined, context: NavContext): ResolvedNav {
  const mode = navModeOf(navColor);
  if (mode === "org") {
    const org = displayHex(context.orgColor);
    if (org) return { mode, color: org, note: null };
    return { mode, color: null, note: "No org brand color is set: add one in Settings to preview it" };
  }
  if (mode === "company") {
    const company = displayHex(context.companyColor);
    if (company) return { mode, color: company, note: `Local company color shown; ${REAL_COMPANY_COLOR_NOTE}` };
    return { mode, color: null, note: `No local color for this company; ${REAL_COMPANY_COLOR_NOTE}` };
  }
  if (!navColor) return { mode, color: null, note: "No navigation color set" };
  // A value the preview cannot read is shown neutral; the core's message says why.
  return { mode, color: displayHex(navColor), note: null };
}
