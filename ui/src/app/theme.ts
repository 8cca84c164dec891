import { createTheme } from "@mantine/core";

/**
 * Roomdesk's look: the indigo of the icon, the platform's own UI font (nothing fetched at
 * runtime). Font stacks stay short on purpose: WebKitGTK asks fontconfig for every family
 * it has to skip, and a long web-style stack of fonts Linux does not have cost ~100 ms
 * of the first render (measured with the desktop benchmark).
 */
export const SYSTEM_FONT = "system-ui, sans-serif";

export const theme = createTheme({
  primaryColor: "indigo",
  defaultRadius: "md",
  fontFamily: SYSTEM_FONT,
  fontFamilyMonospace: "ui-monospace, monospace",
  headings: { fontFamily: SYSTEM_FONT, fontWeight: "650" },
});
