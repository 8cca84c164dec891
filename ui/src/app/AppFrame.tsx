// The frame every screen lives in: header (product, connection, sync), navbar, and the
// current screen chosen from the route. New screens: a Route case, a nav entry, a line below.
import { Loader } from "@mantine/core";
import { lazy, Suspense, useLayoutEffect, useState, type ReactNode } from "react";
import { RoomList } from "../features/rooms/RoomList";
import classes from "./AppFrame.module.css";
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
    <div className={classes.shell}>
      <header className={classes.header} data-testid="app-header">
        <div className={classes.brand}>
          <BrandMark size={30} />
          <div>
            <h1 className={classes.productName} data-testid="product-name">
              Roomdesk
            </h1>
            <p className={classes.tagline}>Flowla rooms admin</p>
          </div>
        </div>
        <div className={classes.actions}>
          <ConnectionBadge />
          <SyncControl />
        </div>
      </header>

      <nav className={classes.nav} data-testid="app-nav" aria-label="Screens">
        {NAV.map((item) => (
          // A real link to the screen's hash: the browser moves, useRoute follows.
          <a
            key={item.section}
            className={classes.navLink}
            href={formatRoute(item.to)}
            aria-current={active === item.section ? "page" : undefined}
            data-testid={`nav-${item.section}`}
          >
            <span className={classes.navIcon}>{item.icon}</span>
            {item.label}
          </a>
        ))}
      </nav>

      <main className={classes.main}>
        <Suspense fallback={<Loader size="sm" m="lg" data-testid="screen-loading" />}>
          <Screen route={route} navigate={navigate} />
        </Suspense>
      </main>
    </div>
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
