import { createTheme } from "@mantine/core";

/**
 * The UI font stack for the engine the app runs in: the platform's own UI font, nothing
 * fetched at runtime.
 *
 * Stacks stay short on purpose. WebKitGTK asks fontconfig about every family of a stack it
 * has to look at, for every font size and weight a screen uses, and each new font costs
 * ~1.5 ms on the first screen (a long web-style stack of fonts Linux does not have once
 * cost ~100 ms). There `system-ui` is dearer still: the room list's first screen made 41
 * font lookups with it and 18 with `sans-serif`, ~35 ms of its first style pass (perf
 * probes on fontconfig, desktop bench). On Linux `sans-serif` is fontconfig's default,
 * the font GTK itself uses unless the desktop names another; elsewhere `system-ui` is the
 * platform font (San Francisco, Segoe UI).
 */
export function uiFontStack(userAgent: string): string {
  const linux = /Linux/i.test(userAgent) && !/Android/i.test(userAgent);
  return linux ? "sans-serif" : "system-ui, sans-serif";
}

export const SYSTEM_FONT = uiFontStack(typeof navigator === "undefined" ? "" : navigator.userAgent);

export const theme = createTheme({
  primaryColor: "indigo",
  defaultRadius: "md",
  fontFamily: SYSTEM_FONT,
  fontFamilyMonospace: "ui-monospace, monospace",
  headings: { fontFamily: SYSTEM_FONT, fontWeight: "650" },
});
