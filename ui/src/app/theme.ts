import { createTheme } from "@mantine/core";

/** Roomdesk's look: the indigo of the icon, system fonts (nothing fetched at runtime). */
export const theme = createTheme({
  primaryColor: "indigo",
  defaultRadius: "md",
  fontFamily:
    "Inter, -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', 'Noto Sans', 'DejaVu Sans', sans-serif",
  headings: { fontWeight: "650" },
});
