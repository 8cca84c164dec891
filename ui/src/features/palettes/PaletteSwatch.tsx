// A palette at a glance: its theme color with the navigation bar above, its name beside.
import { Box, Group, Text } from "@mantine/core";
import type { Palette } from "../../bindings";
import { readableText } from "../designer/contrast";

const KEYWORD_LABEL: Record<string, string> = {
  "flow-org-color": "org brand",
  "target-company-color": "company",
};

/** The swatch; a keyword navigation color shows as a striped bar and its name. */
export function PaletteSwatch({ palette }: { palette: Palette }) {
  const keyword = KEYWORD_LABEL[palette.navColor];
  return (
    <Group gap={6} wrap="nowrap">
      <Box w={28} h={28} style={{ borderRadius: 4, overflow: "hidden", border: "1px solid #ced4da", flex: "none" }}>
        <Box
          h={8}
          style={{
            background: keyword
              ? "repeating-linear-gradient(45deg, #adb5bd 0 3px, #e9ecef 3px 6px)"
              : palette.navColor,
          }}
        />
        <Box h={20} style={{ background: palette.themeColor, color: readableText(palette.themeColor) }} />
      </Box>
      <Text size="sm" style={{ whiteSpace: "nowrap" }}>
        {palette.name}
        {keyword ? (
          <Text span size="xs" c="dimmed">
            {" "}
            · nav: {keyword}
          </Text>
        ) : null}
      </Text>
    </Group>
  );
}
