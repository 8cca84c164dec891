import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it } from "vitest";
import { setInvoker } from "../api/commands";
import { RoomPage } from "../features/rooms/RoomPage";
import { roomView } from "../test/fixtures";
import { AppProviders } from "./AppProviders";
import { syncWithLocation } from "./navigation";
import { formatRoute } from "./routes";
import { useRoute } from "./useRoute";

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

/** The app's frame in small: the route picks the screen; a link elsewhere, as the navbar has. */
function Frame() {
  const [route, navigate] = useRoute();
  return (
    <>
      <a href={formatRoute({ name: "outbox" })} data-testid="nav-outbox">
        Outbox
      </a>
      <button
        type="button"
        onClick={() => {
          navigate({ name: "settings" });
        }}
        data-testid="go-settings"
      >
        Settings
      </button>
      {route.name === "room" ? (
        <RoomPage
          key={route.id}
          id={route.id}
          onBack={() => {
            window.history.back();
          }}
        />
      ) : (
        <div data-testid="screen">{route.name}</div>
      )}
    </>
  );
}

/** Starts at the list, then opens `hash` as a new entry (so Back has somewhere to go). */
function renderAt(hash: string) {
  window.history.replaceState(null, "", "#/rooms");
  syncWithLocation();
  window.history.pushState({ roomdeskIndex: 1 }, "", hash);
  syncWithLocation();
  const view = roomView("r_1", "Acme renewal");
  restore = setInvoker((command) => {
    switch (command) {
      case "get_room":
        return Promise.resolve(view);
      case "validate_room_input":
      case "statuses":
        return Promise.resolve([]);
      default:
        return Promise.resolve(null);
    }
  });
  render(
    <AppProviders client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <Frame />
    </AppProviders>,
  );
}

const title = () => screen.findByTestId<HTMLInputElement>("room-field-title");

async function makeDirty() {
  fireEvent.change(await title(), { target: { value: "Changed, not saved" } });
  await waitFor(() => {
    expect(screen.getByTestId("room-save").hasAttribute("disabled")).toBe(false);
  });
}

// Each test drives the whole room editor; give a busy machine room.
describe("navigation blocker", { timeout: 20_000 }, () => {
  it("lets every route change through while nothing is unsaved", async () => {
    renderAt("#/rooms/r_1");
    await title();
    fireEvent.click(screen.getByTestId("nav-outbox"));
    expect((await screen.findByTestId("screen")).textContent).toBe("outbox");
    expect(screen.queryByTestId("leave-discard")).toBeNull();
  });

  it("holds a link while the editor is dirty: Keep editing stays with the edits", async () => {
    renderAt("#/rooms/r_1");
    await makeDirty();
    fireEvent.click(screen.getByTestId("nav-outbox"));
    expect(await screen.findByTestId("leave-stay")).toBeTruthy();
    expect(screen.queryByTestId("screen")).toBeNull();
    fireEvent.click(screen.getByTestId("leave-stay"));
    await waitFor(() => {
      expect(window.location.hash).toBe("#/rooms/r_1");
    });
    await waitFor(() => {
      expect(screen.queryByTestId("leave-stay")).toBeNull();
    });
    expect((await title()).value).toBe("Changed, not saved");
    expect(screen.queryByTestId("screen")).toBeNull();
  });

  it("holds a programmatic move and goes on after Discard changes", async () => {
    renderAt("#/rooms/r_1");
    await makeDirty();
    fireEvent.click(screen.getByTestId("go-settings"));
    fireEvent.click(await screen.findByTestId("leave-discard"));
    expect((await screen.findByTestId("screen")).textContent).toBe("settings");
    expect(window.location.hash).toBe("#/settings");
  });

  it("holds the browser's Back, and goes back after Discard changes", async () => {
    renderAt("#/rooms/r_1");
    await makeDirty();
    window.history.back();
    expect(await screen.findByTestId("leave-discard")).toBeTruthy();
    await waitFor(() => {
      expect(window.location.hash).toBe("#/rooms/r_1");
    });
    expect((await title()).value).toBe("Changed, not saved");
    fireEvent.click(screen.getByTestId("leave-discard"));
    expect((await screen.findByTestId("screen")).textContent).toBe("rooms");
    expect(window.location.hash).toBe("#/rooms");
  });
});
