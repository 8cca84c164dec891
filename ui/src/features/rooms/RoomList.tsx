// The room list: title, updated, engagements; paged; opens a room on click or Enter.
import { Alert, Button, Card, Group, Select, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import type { KeyboardEvent } from "react";
import type { RoomView } from "../../bindings";
import { BackIcon, NextIcon } from "../../app/icons";
import { useNow } from "../../app/useNow";
import { formatCount, formatExact, formatRelative } from "../../format/time";
import { describePage, pageInfo, PAGE_SIZE } from "./paging";
import { useRoomList } from "./roomQueries";
import { RoomStateBadge } from "./RoomStateBadge";
import { DEFAULT_SORT, ROOM_SORTS, sortFromValue } from "./sorting";

interface Props {
  page: number;
  /** The sort's URL value ("updatedAt:DESC"); null for the default. */
  sort: string | null;
  /** Go to another page or order (the route keeps both, so Back returns here). */
  onChange: (page: number, sort: string | null) => void;
  onOpen: (id: string) => void;
}

export function RoomList({ page, sort: sortValue, onChange, onOpen }: Props) {
  const sort = sortFromValue(sortValue);
  const onPageChange = (next: number) => {
    onChange(next, sortValue);
  };
  const list = useRoomList({ page, sortBy: sort.sortBy, sortDirection: sort.sortDirection });
  const now = useNow();

  const rooms = list.data?.rooms ?? [];
  const total = list.data?.total ?? null;
  const info = pageInfo(page, PAGE_SIZE, total, rooms.length);

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2}>Rooms</Title>
          <Text c="dimmed" size="sm" data-testid="room-count">
            {list.data ? (total === null ? "Rooms on the server" : `${total.toLocaleString("en")} rooms`) : "Loading rooms…"}
          </Text>
        </Stack>
        <Select
          label="Sort"
          w={200}
          data={ROOM_SORTS.map(({ value, label }) => ({ value, label }))}
          value={sort.value}
          allowDeselect={false}
          onChange={(value) => {
            if (value) onChange(1, value === DEFAULT_SORT.value ? null : value);
          }}
          data-testid="room-sort"
        />
      </Group>

      <Card withBorder padding={0} radius="md">
        {list.isError ? (
          <Alert color="red" title="Could not load rooms" m="md" data-testid="room-list-error" data-code={list.error.code}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{list.error.message}</Text>
              <Button size="xs" variant="white" color="red" onClick={() => void list.refetch()} data-testid="room-list-retry">
                Try again
              </Button>
            </Stack>
          </Alert>
        ) : (
          <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" data-testid="room-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Title</Table.Th>
                <Table.Th w={180}>Updated</Table.Th>
                <Table.Th w={140} ta="right">
                  Engagements
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
              {list.isPending ? (
                <LoadingRows />
              ) : rooms.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={3}>
                    <Text c="dimmed" ta="center" py="xl" data-testid="room-list-empty">
                      No rooms here yet.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : (
                rooms.map((view) => <RoomRow key={view.room.id} view={view} now={now} onOpen={onOpen} />)
              )}
            </Table.Tbody>
          </Table>
        )}
      </Card>

      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="page-label">
          {list.data ? describePage(info, total) : ""}
          {info.pageCount !== null && list.data ? ` · page ${page} of ${info.pageCount}` : ""}
        </Text>
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            leftSection={<BackIcon size={14} />}
            disabled={!info.hasPrev || list.isFetching}
            onClick={() => {
              onPageChange(page - 1);
            }}
            data-testid="page-prev"
          >
            Previous
          </Button>
          <Button
            variant="default"
            size="xs"
            rightSection={<NextIcon size={14} />}
            disabled={!info.hasNext || list.isFetching}
            onClick={() => {
              onPageChange(page + 1);
            }}
            data-testid="page-next"
          >
            Next
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

function RoomRow({ view, now, onOpen }: { view: RoomView; now: number; onOpen: (id: string) => void }) {
  const { room } = view;
  const open = () => {
    onOpen(room.id);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>) => {
    if (e.key === "Enter") {
      e.preventDefault();
      open();
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const sibling = e.key === "ArrowDown" ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling;
      if (sibling instanceof HTMLElement) sibling.focus();
    }
  };
  return (
    <Table.Tr
      tabIndex={0}
      onClick={open}
      onKeyDown={onKeyDown}
      style={{ cursor: "pointer" }}
      data-testid={`room-row-${room.id}`}
      aria-label={`Open ${room.title}`}
    >
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Text fw={500} size="sm" lineClamp={1} data-testid={`room-title-${room.id}`}>
            {room.title}
          </Text>
          <RoomStateBadge state={view.state} />
        </Group>
      </Table.Td>
      <Table.Td>
        {/* The exact time as a native tooltip: no floating-UI component per row. */}
        <Text size="sm" c="dimmed" span title={formatExact(room.updatedAt)} data-testid={`room-updated-${room.id}`}>
          {formatRelative(room.updatedAt, now)}
        </Text>
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm" style={{ fontVariantNumeric: "tabular-nums" }} data-testid={`room-engagements-${room.id}`}>
          {formatCount(room.totalEngagements)}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

function LoadingRows() {
  return (
    <>
      {Array.from({ length: 8 }, (_, i) => (
        <Table.Tr key={i} data-testid="room-list-loading">
          <Table.Td>
            <Skeleton height={14} width={`${60 + ((i * 17) % 30)}%`} />
          </Table.Td>
          <Table.Td>
            <Skeleton height={14} width="60%" />
          </Table.Td>
          <Table.Td>
            <Skeleton height={14} width="40%" ml="auto" />
          </Table.Td>
        </Table.Tr>
      ))}
    </>
  );
}
