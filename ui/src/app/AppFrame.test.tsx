import { act, fireEvent, render, screen } from "@testing-library/react";
import { QueryClient } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AppInfo, ConnectionInfo } from "../bindings";
import { setInvoker } from "../api/commands";
import { roomView } from "../test/fixtures";
import { AppFrame } from "./AppFrame";
import { AppProviders } from "./AppProviders";
import { syncWithLocation } from "./navigation";

const connection: ConnectionInfo = {
  kind: "sandbox",
  baseUrl: "http://127.0.0.1:7878",
  flowlaBaseUrl: null,
  keyConfigured: false,
  keyHint: null,
  keyStore: "memory",
  keyringError: null,
  remoteReady: true,
};
const appInfo: AppInfo = {
  version: "0.1.0",
  dataDir: "/tmp/roomdesk-test",
  sandboxUrl: "http://127.0.0.1:7878",
  keyStore: "memory",
  devBuild: true,
};

let restore: (() => void) | null = null;
beforeEach(() => {
  // Start at the default screen without queueing a hashchange into the next test.
  window.history.replaceState(null, "", "#/rooms");
  syncWithLocation();
  restore = setInvoker((command) => {
    switch (command) {
      case "get_connection":
        return Promise.resolve(connection);
      case "get_app_info":
        return Promise.resolve(appInfo);
      case "list_rooms":
        return Promise.resolve({ rooms: [roomView("r_1", "Acme")], page: 1, limit: 25, total: 1 });
      case "get_room":
        return Promise.resolve(roomView("r_1", "Acme"));
      default:
        return Promise.reject(new Error(`unexpected ${command}`));
    }
  });
});
afterEach(() => {
  restore?.();
  restore = null;
});

function renderFrame() {
  render(
    <AppProviders client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <AppFrame />
    </AppProviders>,
  );
}

/** Lets jsdom deliver the hashchange a navigation queued, and React render it. */
async function settle() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe("AppFrame", () => {
  it("shows the product, the Sandbox badge and the room list by default", async () => {
    renderFrame();
    expect(screen.getByTestId("product-name").textContent).toBe("Roomdesk");
    expect((await screen.findByText("Sandbox")).closest("[data-testid=connection-badge]")).toBeTruthy();
    expect(await screen.findByTestId("room-row-r_1")).toBeTruthy();
  });

  it("opens a room from the list and puts it in the URL", async () => {
    renderFrame();
    fireEvent.click(await screen.findByTestId("room-row-r_1"));
    await settle();
    expect(window.location.hash).toBe("#/rooms/r_1");
    expect((await screen.findByTestId("room-heading", {}, { timeout: 10_000 })).textContent).toBe("Acme");
  });

  it("switches screens from the navbar", async () => {
    renderFrame();
    fireEvent.click(screen.getByTestId("nav-settings"));
    await settle();
    expect(window.location.hash).toBe("#/settings");
    // Screens other than the list load on first visit: give the import time on a busy machine.
    expect((await screen.findByTestId("settings-app", {}, { timeout: 10_000 })).textContent).toContain(
      "/tmp/roomdesk-test",
    );
    fireEvent.click(screen.getByTestId("nav-rooms"));
    await settle();
    expect(await screen.findByTestId("room-list")).toBeTruthy();
  });
});
