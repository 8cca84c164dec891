// The room list: title, updated, engagements; paged; opens a room on click or Enter.
import { Alert, Button, Card, Group, NativeSelect, Skeleton, Stack, Text, Title } from "@mantine/core";
import type { KeyboardEvent } from "react";
import type { RoomView } from "../../bindings";
import { BackIcon, NextIcon } from "../../app/icons";
import { useNow } from "../../app/useNow";
import { formatCount, formatExact, formatRelative } from "../../format/time";
import { describePage, pageInfo, PAGE_SIZE } from "./paging";
import { useRoomList } from "./roomQueries";
import classes from "./RoomList.module.css";
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
        {/* A native select: keyboard and screen readers for free, no popover machinery. */}
        <NativeSelect
          label="Sort"
          w={200}
          data={ROOM_SORTS.map(({ value, label }) => ({ value, label }))}
          value={sort.value}
          onChange={(event) => {
            const value = event.currentTarget.value;
            onChange(1, value === DEFAULT_SORT.value ? null : value);
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
          <table className={classes.table} data-testid="room-list">
            <thead>
              <tr>
                <th className={classes.head}>Title</th>
                <th className={classes.head} style={{ width: 180 }}>
                  Updated
                </th>
                <th className={`${classes.head} ${classes.number}`} style={{ width: 140 }}>
                  Engagements
                </th>
              </tr>
            </thead>
            <tbody style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
              {list.isPending ? (
                <LoadingRows />
              ) : rooms.length === 0 ? (
                <tr>
                  <td className={classes.cell} colSpan={3}>
                    <Text c="dimmed" ta="center" py="xl" data-testid="room-list-empty">
                      No rooms here yet.
                    </Text>
                  </td>
                </tr>
              ) : (
                rooms.map((view) => <RoomRow key={view.room.id} view={view} now={now} onOpen={onOpen} />)
              )}
            </tbody>
          </table>
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
    <tr
      className={classes.row}
      tabIndex={0}
      onClick={open}
      onKeyDown={onKeyDown}
      data-testid={`room-row-${room.id}`}
      aria-label={`Open ${room.title}`}
    >
      <td className={classes.cell}>
        <div className={classes.titleLine}>
          <span className={classes.title} data-testid={`room-title-${room.id}`}>
            {room.title}
          </span>
          <RoomStateBadge state={view.state} />
        </div>
      </td>
      <td className={`${classes.cell} ${classes.dimmed}`}>
        {/* The exact time as a native tooltip: no floating-UI component per row. */}
        <span title={formatExact(room.updatedAt)} data-testid={`room-updated-${room.id}`}>
          {formatRelative(room.updatedAt, now)}
        </span>
      </td>
      <td className={`${classes.cell} ${classes.number}`} data-testid={`room-engagements-${room.id}`}>
        {formatCount(room.totalEngagements)}
      </td>
    </tr>
  );
}

function LoadingRows() {
  return (
    <>
      {Array.from({ length: 8 }, (_, i) => (
        <tr key={i} data-testid="room-list-loading">
          <td className={classes.cell}>
            <Skeleton height={14} width={`${60 + ((i * 17) % 30)}%`} />
          </td>
          <td className={classes.cell}>
            <Skeleton height={14} width="60%" />
          </td>
          <td className={classes.cell}>
            <Skeleton height={14} width="40%" ml="auto" />
          </td>
        </tr>
      ))}
    </>
  );
}
