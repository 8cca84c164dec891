// The frame every screen lives in: header (product, connection, sync), navbar, and the
// current screen chosen from the route. New screens: a Route case, a nav entry, a line below.
import { AppShell, Group, Loader, NavLink, Stack, Text, Title } from "@mantine/core";
import { lazy, Suspense, useLayoutEffect, useState, type ReactNode } from "react";
import { RoomList } from "../features/rooms/RoomList";
import { ConnectionBadge } from "./ConnectionBadge";
import { BrandMark, OutboxIcon, RoomsIcon, SettingsIcon } from "./icons";
import { DEFAULT_ROUTE, formatRoute, navSection, type Route } from "./routes";
import { SyncControl } from "./SyncControl";
import { canGoBack } from "./navigation";
import { useSecondLaunchNotice } from "./useSecondLaunchNotice";
import { useRoute } from "./useRoute";

// The room list is in the main bundle (it is the first screen); the others load on first
// visit, so starting the app parses and runs only what the first screen needs.
const RoomPage = lazy(() => import("../features/rooms/RoomPage").then((m) => ({ default: m.RoomPage })));
const OutboxPage = lazy(() => import("../features/outbox/OutboxPage").then((m) => ({ default: m.OutboxPage })));
const CreateRoomDialog = lazy(() =>
  import("../features/create/CreateRoomDialog").then((m) => ({ default: m.CreateRoomDialog })),
);
const SettingsPage = lazy(() => import("../features/settings/SettingsPage").then((m) => ({ default: m.SettingsPage })));

const NAV: { section: ReturnType<typeof navSection>; label: string; icon: ReactNode; to: Route }[] = [
  { section: "rooms", label: "Rooms", icon: <RoomsIcon />, to: DEFAULT_ROUTE },
  { section: "outbox", label: "Outbox", icon: <OutboxIcon />, to: { name: "outbox" } },
  { section: "settings", label: "Settings", icon: <SettingsIcon />, to: { name: "settings" } },
];

export function AppFrame({ onFirstCommit }: { onFirstCommit?: () => void } = {}) {
  // Runs once, after React's first commit and before the browser lays out and paints.
  useLayoutEffect(() => {
    onFirstCommit?.();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  const [route, navigate] = useRoute();
  const active = navSection(route);
  useSecondLaunchNotice();

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: { base: 180, lg: 220 }, breakpoint: 0 }} padding="lg">
      <AppShell.Header px="lg" data-testid="app-header">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <BrandMark size={30} />
            <Stack gap={0}>
              <Title order={4} lh={1.1} data-testid="product-name">
                Roomdesk
              </Title>
              <Text size="xs" c="dimmed" lh={1.1}>
                Flowla rooms admin
              </Text>
            </Stack>
          </Group>
          <Group gap="md" wrap="nowrap">
            <ConnectionBadge />
            <SyncControl />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" data-testid="app-nav">
        <Stack gap={4}>
          {NAV.map((item) => (
            <NavLink
              key={item.section}
              label={item.label}
              leftSection={item.icon}
              active={active === item.section}
              variant="light"
              // A real link to the screen's hash: the browser moves, useRoute follows.
              href={formatRoute(item.to)}
              data-testid={`nav-${item.section}`}
              styles={{ root: { borderRadius: "var(--mantine-radius-md)" } }}
            />
          ))}
        </Stack>
      </AppShell.Navbar>

      <AppShell.Main bg="var(--mantine-color-body-muted, light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-8)))">
        <Suspense fallback={<Loader size="sm" m="lg" data-testid="screen-loading" />}>
          <Screen route={route} navigate={navigate} />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

function Screen({ route, navigate }: { route: Route; navigate: (to: Route) => void }) {
  const [creating, setCreating] = useState(false);
  switch (route.name) {
    case "rooms":
      return (
        <>
          {creating && (
            <Suspense fallback={null}>
              <CreateRoomDialog
                opened
                onClose={() => {
                  setCreating(false);
                }}
                onCreated={(view) => {
                  setCreating(false);
                  navigate({ name: "room", id: view.room.id });
                }}
              />
            </Suspense>
          )}
          <RoomList
          onNew={() => {
            setCreating(true);
          }}
          params={route}
          onChange={(params) => {
            navigate({ ...params, name: "rooms" });
          }}
          onOpen={(id) => {
            navigate({ name: "room", id });
          }}
        />
        </>
      );
    case "room":
      return (
        <RoomPage
          key={route.id}
          id={route.id}
          onBack={() => {
            if (canGoBack()) window.history.back();
            else navigate(DEFAULT_ROUTE);
          }}
        />
      );
    case "outbox":
      return <OutboxPage />;
    case "settings":
      return <SettingsPage />;
  }
}
