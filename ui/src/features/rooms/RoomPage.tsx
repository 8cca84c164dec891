// One room: the editor of every updatable field, its engagements, and a guard so that
// unsaved changes are not lost on the way out: Back, Esc, any link or the browser's Back
// asks first (one dialog for all), and closing the window lets the webview ask.
import { Alert, Anchor, Button, Card, Group, Modal, SimpleGrid, Skeleton, Stack, Text, Title, Tooltip } from "@mantine/core";
import { useCallback, useEffect, useState } from "react";
import type { Room } from "../../bindings";
import { BackIcon } from "../../app/icons";
import { useNow } from "../../app/useNow";
import { useNavigationBlocker } from "../../app/useRoute";
import { formatCount, formatExact, formatRelative } from "../../format/time";
import { useRoom } from "./roomQueries";
import { RoomStateBadge } from "./RoomStateBadge";
import { EngagementChart } from "./EngagementChart";
import { RoomEditor } from "./RoomEditor";

export function RoomPage({ id, onBack }: { id: string; onBack: () => void }) {
  const room = useRoom(id);
  const [dirty, setDirty] = useState(false);
  // Its own Back and Esc ask here; every other route change is held by the blocker.
  const [asking, setAsking] = useState(false);
  const blocker = useNavigationBlocker(dirty);
  const leave = useCallback(() => {
    if (dirty) setAsking(true);
    else onBack();
  }, [dirty, onBack]);
  const keepEditing = () => {
    setAsking(false);
    blocker.stay();
  };
  const discardAndLeave = () => {
    if (blocker.asking) {
      blocker.proceed();
    } else {
      blocker.release();
      onBack();
    }
    setAsking(false);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !document.querySelector("[role=dialog]")) leave();
    };
    // Closing the window with unsaved changes: the webview asks too.
    const onUnload = (e: BeforeUnloadEvent) => {
      if (dirty) e.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    window.addEventListener("beforeunload", onUnload);
    return () => {
      document.removeEventListener("keydown", onKey);
      window.removeEventListener("beforeunload", onUnload);
    };
  }, [leave, dirty]);

  return (
    <Stack gap="md" maw={900}>
      <Group>
        <Button
          variant="subtle"
          leftSection={<BackIcon size={16} />}
          onClick={leave}
          data-testid="back-to-list"
          px="xs"
        >
          Rooms
        </Button>
      </Group>

      <Modal
        opened={asking || blocker.asking}
        onClose={keepEditing}
        title="Unsaved changes"
        centered
        data-testid="leave-confirm"
      >
        <Stack gap="md">
          <Text size="sm">This room has changes that are not saved. Leave it and drop them?</Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={keepEditing} data-testid="leave-stay">
              Keep editing
            </Button>
            <Button color="orange" onClick={discardAndLeave} data-testid="leave-discard">
              Discard changes
            </Button>
          </Group>
        </Stack>
      </Modal>

      {room.isPending ? (
        <Card withBorder padding="lg" data-testid="room-loading">
          <Skeleton height={28} width="50%" mb="md" />
          <Skeleton height={40} />
        </Card>
      ) : room.isError ? (
        <Alert color="red" title="Could not open this room" data-testid="room-error" data-code={room.error.code}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{room.error.message}</Text>
            <Group gap="xs">
              <Button size="xs" variant="white" color="red" onClick={() => void room.refetch()} data-testid="room-retry">
                Try again
              </Button>
              <Anchor component="button" size="sm" onClick={onBack}>
                Back to the list
              </Anchor>
            </Group>
          </Stack>
        </Alert>
      ) : (
        <>
          <Group gap="sm" align="center">
            <Title order={2} data-testid="room-heading" style={{ wordBreak: "break-word" }}>
              {room.data.view.room.title}
            </Title>
            <RoomStateBadge state={room.data.view.state} testId="room-state" />
          </Group>
          <Text size="sm" c="dimmed" ff="monospace" data-testid="room-id">
            {room.data.view.room.id}
          </Text>
          {room.data.cached && room.data.view.state !== "draft" && (
            <Alert color="yellow" data-testid="room-offline">
              The connection can&apos;t be reached: this is the copy kept on this computer. Save offline keeps your
              changes for the next sync.
            </Alert>
          )}
          <RoomEditor key={room.data.view.room.id} view={room.data.view} onDirtyChange={setDirty} />
          <RoomFacts room={room.data.view.room} />
          <Card withBorder padding="md" radius="md">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb="sm">
              Engagements by kind
            </Text>
            <EngagementChart engagements={room.data.view.room.engagements} />
          </Card>
        </>
      )}
    </Stack>
  );
}

function RoomFacts({ room }: { room: Room }) {
  const now = useNow();
  const facts: { label: string; value: string; hint?: string; testId: string }[] = [
    { label: "Engagements", value: formatCount(room.totalEngagements), testId: "fact-engagements" },
    { label: "Views", value: formatCount(room.totalViews), testId: "fact-views" },
    { label: "Unique views", value: formatCount(room.totalUniqueViews), testId: "fact-unique-views" },
    {
      label: "Updated",
      value: formatRelative(room.updatedAt, now),
      hint: formatExact(room.updatedAt),
      testId: "fact-updated",
    },
    {
      label: "Created",
      value: formatRelative(room.createdAt, now),
      hint: formatExact(room.createdAt),
      testId: "fact-created",
    },
    {
      label: "Last engaged",
      value: formatRelative(room.lastEngagedAt, now),
      hint: formatExact(room.lastEngagedAt),
      testId: "fact-last-engaged",
    },
  ];
  return (
    <SimpleGrid cols={3} spacing="md">
      {facts.map((f) => (
        <Card key={f.label} withBorder padding="md" radius="md">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {f.label}
          </Text>
          <Tooltip label={f.hint} disabled={!f.hint} openDelay={300}>
            <Text size="lg" fw={600} mt={4} data-testid={f.testId} span display="block">
              {f.value}
            </Text>
          </Tooltip>
        </Card>
      ))}
    </SimpleGrid>
  );
}
