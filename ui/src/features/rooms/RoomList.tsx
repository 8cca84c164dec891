// The room list: offline-first listing with sortable columns, page sizes, search, source
// switch, badges, selection and keyboard moves. Everything that defines the view lives in
// the route (ListParams), so Back returns to it.
import { Alert, Button, Card, Group, NativeSelect, Stack, Text, TextInput, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from "react";
import type { BulkTarget } from "../bulk/BulkRebrand";
import { BackIcon, NextIcon } from "../../app/icons";
import { PAGE_SIZES, type ListParams } from "../../app/routes";
import { useNow } from "../../app/useNow";
import { formatExact, formatRelative } from "../../format/time";
import { ListSourceSwitch } from "./ListSourceSwitch";
import { useNames } from "./lookupNames";
import { describePage, pageInfo } from "./paging";
import { outboxQuery, useRoomListing } from "./roomQueries";
import { RoomTable } from "./RoomTable";
import { clickRow, EMPTY_SELECTION, toggleAll, type Selection } from "./selection";
import { nextSortValue, sortFromValue } from "./sorting";
import { useListKeys } from "./useListKeys";

// The re-brand dialog (and the designer preview and color library it brings) loads on
// first use, not with the list the app opens on.
const BulkRebrand = lazy(() => import("../bulk/BulkRebrand").then((m) => ({ default: m.BulkRebrand })));

interface Props {
  params: ListParams;
  /** Go to another view of the list (the route keeps it, so Back returns here). */
  onChange: (params: ListParams) => void;
  onOpen: (id: string) => void;
  /** Start a new room (the `n` key and the New room button). */
  onNew?: () => void;
}

/** How long typing pauses before the search runs. */
const SEARCH_DEBOUNCE_MS = 250;

export function RoomList({ params, onChange, onOpen, onNew }: Props) {
  const { page, size, source, q } = params;
  const sort = sortFromValue(params.sort);
  const list = useRoomListing({ page, limit: size, sortBy: sort.sortBy, sortDirection: sort.sortDirection, search: q }, source);
  const names = useNames();
  const outbox = useQuery(outboxQuery());
  const uncertainIds = useMemo(
    () => new Set((outbox.data ?? []).filter((e) => e.state === "uncertain").map((e) => e.roomId)),
    [outbox.data],
  );
  const now = useNow();
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [bulk, setBulk] = useState<BulkTarget | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const [typed, setTyped] = useState(q);

  // The search runs when typing pauses; the URL then holds it (and page 1).
  useEffect(() => {
    if (typed === q) return;
    const timer = window.setTimeout(() => {
      onChange({ ...params, q: typed, page: 1 });
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [typed, q, params, onChange]);

  useListKeys({ searchRef, tableRef, onNew });

  const rooms = list.page?.rooms ?? [];
  const total = list.page?.total ?? null;
  const info = pageInfo(page, size, total, rooms.length);
  const order = rooms.map((v) => v.room.id);
  const go = (over: Partial<ListParams>) => {
    onChange({ ...params, ...over });
  };

  return (
    <Stack gap="sm" maw={1400}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={2}>Rooms</Title>
          <Text c="dimmed" size="sm" data-testid="room-count">
            {list.page ? (total === null ? "Rooms on the server" : `${total.toLocaleString("en")} rooms`) : "Loading rooms…"}
            {list.page && list.shownFrom === "local" ? " · from the local workspace" : ""}
          </Text>
        </Stack>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            ref={searchRef}
            label="Search"
            placeholder="Title, cover, description  ( / )"
            w={240}
            value={typed}
            onChange={(e) => {
              setTyped(e.currentTarget.value);
            }}
            onKeyDown={(e) => {
              if (e.key === "Escape") {
                setTyped("");
                e.currentTarget.blur();
              }
            }}
            data-testid="room-search"
          />
          <ListSourceSwitch value={source} onChange={(next) => { go({ source: next, page: 1 }); }} />
          <NativeSelect
            label="Per page"
            w={90}
            data={PAGE_SIZES.map(String)}
            value={String(size)}
            onChange={(e) => { go({ size: Number(e.currentTarget.value), page: 1 }); }}
            data-testid="page-size"
          />
          {onNew && (
            <Button onClick={onNew} data-testid="new-room">
              New room
            </Button>
          )}
        </Group>
      </Group>

      {list.offlineSince !== null && (
        <Alert color="yellow" variant="light" p="xs" data-testid="offline-banner">
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm">
              {list.offlineSince > 0
                ? `Offline, showing cached rooms from ${formatExact(new Date(list.offlineSince).toISOString())} (${formatRelative(new Date(list.offlineSince).toISOString(), now)}).`
                : "Offline, showing cached rooms (never refreshed from the connection on this computer)."}
            </Text>
            <Button size="compact-xs" variant="subtle" color="yellow" style={{ flex: "none" }} disabled={list.isFetching} onClick={list.refetch} data-testid="offline-retry">
              {list.isFetching ? "Checking…" : "Try again"}
            </Button>
          </Group>
        </Alert>
      )}

      {selection.ids.size > 0 && (
        <Group gap="sm" data-testid="selection-bar">
          <Text size="sm" data-testid="selection-count">
            {selection.ids.size} selected
          </Text>
          <Button size="compact-xs" onClick={() => { setBulk({ kind: "selection", ids: [...selection.ids] }); }} data-testid="bulk-open">
            Re-brand…
          </Button>
          <Button size="compact-xs" variant="subtle" onClick={() => { setSelection(EMPTY_SELECTION); }} data-testid="selection-clear">
            Clear selection
          </Button>
        </Group>
      )}
      {q.trim() !== "" && selection.ids.size === 0 && list.page && (total ?? 0) > 0 && (
        <Group gap="sm">
          <Button size="compact-xs" variant="light" onClick={() => { setBulk({ kind: "search", q }); }} data-testid="bulk-open-search">
            Re-brand all {total === null ? "" : total.toLocaleString("en")} matching rooms…
          </Button>
        </Group>
      )}
      {bulk && (
        <Suspense fallback={null}>
          <BulkRebrand target={bulk} onClose={() => { setBulk(null); }} />
        </Suspense>
      )}

      {/* overflow: clip (not hidden) keeps the rounded corners without making the card a
          scroll box, so the sticky column headers follow the window. */}
      <Card withBorder padding={0} radius="md" ref={tableRef} style={{ overflow: "clip" }}>
        {list.error ? (
          <Alert color="red" title="Could not load rooms" m="md" data-testid="room-list-error" data-code={list.error.code}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{list.error.message}</Text>
              <Button size="xs" variant="white" color="red" onClick={list.refetch} data-testid="room-list-retry">
                Try again
              </Button>
            </Stack>
          </Alert>
        ) : (
          <RoomTable
            rooms={rooms}
            loading={list.isPending}
            dimmed={list.isPlaceholderData}
            sort={sort}
            onSort={(field) => { go({ sort: nextSortValue(sort, field), page: 1 }); }}
            selection={selection}
            onSelect={(id, shift) => { setSelection((s) => clickRow(s, order, id, shift)); }}
            onSelectAll={() => { setSelection((s) => toggleAll(s, order)); }}
            onOpen={onOpen}
            names={names}
            uncertainIds={uncertainIds}
            now={now}
          />
        )}
      </Card>

      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="page-label">
          {list.page ? describePage(info, total) : ""}
          {info.pageCount !== null && list.page ? ` · page ${page} of ${info.pageCount}` : ""}
        </Text>
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            leftSection={<BackIcon size={14} />}
            disabled={!info.hasPrev || list.isFetching}
            onClick={() => { go({ page: page - 1 }); }}
            data-testid="page-prev"
          >
            Previous
          </Button>
          <Button
            variant="default"
            size="xs"
            rightSection={<NextIcon size={14} />}
            disabled={!info.hasNext || list.isFetching}
            onClick={() => { go({ page: page + 1 }); }}
            data-testid="page-next"
          >
            Next
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
