import { Box, Stack, Text } from "@mantine/core";
import { readableText } from "./contrast";
import type { DesignLook } from "./designValues";
import { displayHex } from "./hexColor";

const NEUTRAL = "#E9ECEF";

type Props = {
  look: DesignLook;
  /** The navigation color after resolving org / company modes; null when unknown. */
  navColor: string | null;
  width: "desktop" | "mobile";
  /** Prefix of the test ids: "preview" for the edited look, "before" for the saved one. */
  testPrefix: string;
  roomTitle: string;
};

/**
 * The room as a buyer sees it: navigation bar, then the cover on the theme color. Text is
 * black or white, whichever reads better on its background.
 */
export function BuyerPreview({ look, navColor, width, testPrefix, roomTitle }: Props) {
  const desktop = width === "desktop";
  const theme = displayHex(look.themeColor) ?? NEUTRAL;
  const nav = navColor ?? NEUTRAL;
  const part = (name: string) => `${testPrefix}${desktop ? "" : "-mobile"}-${name}`;
  return (
    <Box
      data-testid={`${testPrefix}-${width}`}
      w={desktop ? 360 : 180}
      style={{ border: "1px solid #ced4da", borderRadius: 6, overflow: "hidden", flex: "none" }}
    >
      <Box data-testid={part("nav")} px="xs" py={6} style={{ background: nav, color: readableText(nav) }}>
        <Text size="xs" fw={600} style={{ overflowWrap: "anywhere" }}>
          {roomTitle || "Room"}
        </Text>
      </Box>
      {look.coverDisabled ? null : (
        <Stack
          data-testid={part("cover")}
          gap={4}
          p={desktop ? "md" : "xs"}
          mih={desktop ? 140 : 120}
          justify="center"
          style={{ background: theme, color: readableText(theme) }}
        >
          <Text
            data-testid={part("cover-title")}
            fw={700}
            size={desktop ? "lg" : "sm"}
            dir="auto"
            style={{ overflowWrap: "anywhere", whiteSpace: "pre-wrap" }}
          >
            {look.coverTitle || roomTitle}
          </Text>
          {look.coverDescription ? (
            <Text size="xs" dir="auto" style={{ overflowWrap: "anywhere", whiteSpace: "pre-wrap" }}>
              {look.coverDescription}
            </Text>
          ) : null}
        </Stack>
      )}
      <Box p="xs" bg="white">
        <Text size="xs" c="dimmed">
          Room content
        </Text>
      </Box>
    </Box>
  );
}
