// A few of the selected rooms as the buyer would see them after the re-brand.
import { Group, Stack, Text } from "@mantine/core";
import { useQueries } from "@tanstack/react-query";
import type { RoomPatch } from "../../bindings";
import { getRoom } from "../../api/commands";
import { queryKeys } from "../../api/queryKeys";
import { BuyerPreview } from "../designer/BuyerPreview";
import { useOrgColor } from "../designer/brandColors";
import { savedLook } from "../designer/designValues";
import { resolveNavColor } from "../designer/navColor";
import { applyPatch } from "../palettes/paletteLook";

/** How many rooms the preview shows. */
export const PREVIEW_ROOMS = 3;

export function BulkPreview({ ids, patch }: { ids: readonly string[]; patch: RoomPatch | null }) {
  const org = useOrgColor();
  const shown = ids.slice(0, PREVIEW_ROOMS);
  const rooms = useQueries({
    queries: shown.map((id) => ({ queryKey: queryKeys.room("local", id), queryFn: () => getRoom("local", id), retry: false })),
  });
  return (
    <Stack gap={4} data-testid="bulk-preview">
      <Text size="sm" fw={500}>
        Preview ({shown.length} of {ids.length.toLocaleString("en")})
      </Text>
      <Group gap="sm" align="flex-start">
        {rooms.map((q, i) => {
          if (!q.data) return <Text key={shown[i]} size="xs" c="dimmed">{q.isError ? q.error.message : "Loading…"}</Text>;
          const room = q.data.room;
          const look = patch ? applyPatch(savedLook(room), patch) : savedLook(room);
          const nav = resolveNavColor(look.navColor, { orgColor: org.data ?? null, companyColor: null });
          return (
            <Stack key={room.id} gap={2}>
              <BuyerPreview look={look} navColor={nav.color} width="mobile" testPrefix={`bulk-preview-${room.id}`} roomTitle={room.title} />
              {nav.note ? <Text size="xs" c="dimmed" maw={180}>{nav.note}</Text> : null}
            </Stack>
          );
        })}
      </Group>
    </Stack>
  );
}
