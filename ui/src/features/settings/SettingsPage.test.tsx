import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it } from "vitest";
import type { ConnectionInfo, ConnectionTest, OutboxEntry } from "../../bindings";
import { setInvoker } from "../../api/commands";
import { AppProviders } from "../../app/AppProviders";
import { createEntry, patchEntry } from "../../test/outboxFixtures";
import { SettingsPage } from "./SettingsPage";

type Call = { command: string; args: Record<string, unknown> };

const SANDBOX_URL = "http://127.0.0.1:7878";
const KEY = "flw_live_9f8e7d6c5b4a";

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

type Shell = {
  kind: "sandbox" | "flowla";
  flowlaBaseUrl: string | null;
  key: string | null;
  test: ConnectionTest;
  outbox: OutboxEntry[];
  resetAnswer: "ok" | "busy";
};

/**
 * A fake shell with a connection, a key store and an outbox. It plays the shell's part in
 * refusing a URL (with `field: "baseUrl"`), so the page is seen showing the shell's words.
 */
function renderSettings(over: Partial<Shell> = {}) {
  const shell: Shell = {
    kind: "sandbox",
    flowlaBaseUrl: null,
    key: null,
    test: { ok: true, message: "Connected: the server accepted the API key.", code: null },
    outbox: [],
    resetAnswer: "ok",
    ...over,
  };
  const info = (): ConnectionInfo => ({
    kind: shell.kind,
    baseUrl: shell.kind === "sandbox" ? SANDBOX_URL : shell.flowlaBaseUrl,
    flowlaBaseUrl: shell.flowlaBaseUrl,
    keyConfigured: shell.key !== null,
    keyHint: shell.key?.slice(-4) ?? null,
    keyStore: "memory",
    keyringError: null,
    remoteReady: shell.kind === "sandbox" || shell.key !== null,
  });
  const calls: Call[] = [];
  restore = setInvoker((command, args) => {
    calls.push({ command, args });
    switch (command) {
      case "get_connection":
        return Promise.resolve(info());
      case "get_app_info":
        return Promise.resolve({ version: "0.1.0", dataDir: "/tmp/roomdesk", sandboxUrl: SANDBOX_URL, keyStore: "memory", devBuild: true });
      case "set_connection": {
        const url = args.baseUrl as string | null;
        if (url !== null && !url.startsWith("https://")) {
          return Promise.reject({ code: "validation", message: "baseUrl: must use https://", field: "baseUrl", retryable: false });
        }
        shell.kind = args.kind as Shell["kind"];
        if (url !== null) shell.flowlaBaseUrl = url;
        return Promise.resolve(info());
      }
      case "set_api_key":
        shell.key = args.key as string;
        return Promise.resolve(info());
      case "remove_api_key":
        shell.key = null;
        return Promise.resolve(info());
      case "test_connection":
        return Promise.resolve(shell.test);
      case "outbox":
        return Promise.resolve(shell.outbox);
      case "conflicts":
        return Promise.resolve([]);
      case "get_org_color":
        return Promise.resolve("#3355AA");
      case "reset_local_cache":
        if (shell.resetAnswer === "busy") {
          return Promise.reject({ code: "busy", message: "a sync is running; try again when it has finished", field: null, retryable: true });
        }
        if (args.dropUnsynced) {
          const dropped = shell.outbox.length;
          shell.outbox = [];
          return Promise.resolve({ roomsRemoved: 40, changesDropped: dropped, conflictsDropped: 0, roomsKept: 0 });
        }
        return Promise.resolve({ roomsRemoved: 38, changesDropped: 0, conflictsDropped: 0, roomsKept: 2 });
      default:
        return Promise.reject(new Error(`unexpected ${command}`));
    }
  });
  render(
    <AppProviders client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <SettingsPage />
    </AppProviders>,
  );
  return { calls, shell };
}

const named = (calls: Call[], command: string) => calls.filter((c) => c.command === command).map((c) => c.args);

describe("SettingsPage", () => {
  it("switches to a Flowla account, showing the shell's refusal beside the URL field", async () => {
    const { calls } = renderSettings();
    expect((await screen.findByTestId("settings-active-kind")).dataset.kind).toBe("sandbox");
    expect(screen.queryByTestId("settings-base-url")).toBeNull();

    fireEvent.click(screen.getByTestId("settings-kind-flowla"));
    fireEvent.change(screen.getByTestId("settings-base-url"), { target: { value: "http://api.example.com" } });
    fireEvent.click(screen.getByTestId("settings-connection-save"));
    expect(await screen.findByText("must use https://")).toBeTruthy();
    expect(screen.getByTestId("settings-base-url").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByTestId("settings-active-kind").dataset.kind).toBe("sandbox");

    fireEvent.change(screen.getByTestId("settings-base-url"), { target: { value: "https://api.example.com" } });
    expect(screen.queryByText("must use https://")).toBeNull();
    fireEvent.click(screen.getByTestId("settings-connection-save"));
    await waitFor(() => {
      expect(screen.getByTestId("settings-active-kind").dataset.kind).toBe("flowla");
    });
    expect(named(calls, "set_connection")).toEqual([
      { kind: "flowla", baseUrl: "http://api.example.com" },
      { kind: "flowla", baseUrl: "https://api.example.com" },
    ]);

    // Back to the Sandbox is one click.
    fireEvent.click(screen.getByTestId("settings-kind-sandbox"));
    await waitFor(() => {
      expect(screen.getByTestId("settings-active-kind").dataset.kind).toBe("sandbox");
    });
    expect(named(calls, "set_connection").at(-1)).toEqual({ kind: "sandbox", baseUrl: null });
  });

  it("stores, replaces and removes the key without ever showing it back", async () => {
    const { calls } = renderSettings({ kind: "flowla", flowlaBaseUrl: "https://api.example.com" });
    expect((await screen.findByTestId("settings-key-hint")).textContent).toBe("No API key stored");
    expect(screen.queryByTestId("settings-api-key-remove")).toBeNull();
    const input = screen.getByTestId("settings-api-key");
    expect(input.getAttribute("type")).toBe("password");

    fireEvent.change(input, { target: { value: KEY } });
    fireEvent.click(screen.getByTestId("settings-api-key-save"));
    await waitFor(() => {
      expect(screen.getByTestId("settings-key-hint").textContent).toBe("Set, ends in ····5b4a");
    });
    expect(screen.getByTestId<HTMLInputElement>("settings-api-key").value).toBe("");
    expect(document.body.textContent).not.toContain(KEY);
    expect(named(calls, "set_api_key")).toEqual([{ key: KEY }]);

    // Replacing: the same field, now labelled for it.
    expect(screen.getByTestId("settings-api-key-save").textContent).toBe("Replace key");
    fireEvent.change(screen.getByTestId("settings-api-key"), { target: { value: "second-key-wxyz" } });
    fireEvent.click(screen.getByTestId("settings-api-key-save"));
    await waitFor(() => {
      expect(screen.getByTestId("settings-key-hint").textContent).toBe("Set, ends in ····wxyz");
    });

    // Removing asks first.
    fireEvent.click(screen.getByTestId("settings-api-key-remove"));
    fireEvent.click(screen.getByTestId("settings-api-key-remove-cancel"));
    expect(named(calls, "remove_api_key")).toEqual([]);
    fireEvent.click(screen.getByTestId("settings-api-key-remove"));
    fireEvent.click(screen.getByTestId("settings-api-key-remove-confirm"));
    await waitFor(() => {
      expect(screen.getByTestId("settings-key-hint").textContent).toBe("No API key stored");
    });
    expect(named(calls, "remove_api_key")).toEqual([{}]);
  });

  it("says in plain words whether the connection works", async () => {
    renderSettings({ kind: "flowla", flowlaBaseUrl: "https://api.example.com", key: KEY });
    fireEvent.click(await screen.findByTestId("settings-test-connection"));
    const ok = await screen.findByTestId("settings-test-result");
    expect(ok.dataset.ok).toBe("true");
    expect(ok.textContent).toContain("Connected to https://api.example.com");
  });

  it.each([
    ["unauthorized", "The API key was refused", "replace the stored one"],
    ["network", "Cannot reach https://api.example.com", "Check the base URL"],
    ["not_configured", "No API key stored yet", "Enter the key"],
  ])("explains a %s answer", async (code, title, advice) => {
    renderSettings({
      kind: "flowla",
      flowlaBaseUrl: "https://api.example.com",
      test: { ok: false, message: "shell's own words", code },
    });
    fireEvent.click(await screen.findByTestId("settings-test-connection"));
    const result = await screen.findByTestId("settings-test-result");
    expect(result.dataset.ok).toBe("false");
    expect(result.textContent).toContain(title);
    expect(result.textContent).toContain(advice);
    expect(result.textContent).toContain("shell's own words");
  });

  it("lists unsynced work before a reset and drops it only when the box is ticked", async () => {
    const { calls } = renderSettings({
      outbox: [createEntry(1, "draft-1", { title: "Fresh room" }), patchEntry(2, "rm_a", "Acme", { coverTitle: "Spring" })],
    });
    fireEvent.click(await screen.findByTestId("settings-reset-cache"));
    const list = await screen.findByTestId("settings-reset-unsynced");
    expect(within(list).getByTestId("settings-reset-item-draft-1").textContent).toContain("Fresh room");
    expect(within(list).getByTestId("settings-reset-item-draft-1").textContent).toContain("never sent");
    expect(within(list).getByTestId("settings-reset-item-rm_a").textContent).toContain("edits to coverTitle");

    // Confirmed without the box: the cache goes, the work stays.
    fireEvent.click(screen.getByTestId("settings-reset-confirm"));
    expect((await screen.findByTestId("settings-reset-result")).textContent).toBe(
      "Removed 38 rooms from this computer; kept 2 with unsynced work.",
    );
    expect(named(calls, "reset_local_cache")).toEqual([{ dropUnsynced: false }]);

    // Again, ticking the box this time; the list was read afresh.
    fireEvent.click(screen.getByTestId("settings-reset-cache"));
    await screen.findByTestId("settings-reset-unsynced");
    fireEvent.click(screen.getByTestId("settings-reset-drop-unsynced"));
    expect(screen.getByTestId("settings-reset-confirm").textContent).toBe("Reset and throw away unsynced work");
    fireEvent.click(screen.getByTestId("settings-reset-confirm"));
    await waitFor(() => {
      expect(screen.getByTestId("settings-reset-result").textContent).toContain("threw away 2 unsynced changes");
    });
    expect(named(calls, "reset_local_cache")).toEqual([{ dropUnsynced: false }, { dropUnsynced: true }]);

    // Nothing left to list: the dialog says so.
    fireEvent.click(screen.getByTestId("settings-reset-cache"));
    expect(await screen.findByTestId("settings-reset-nothing-unsynced")).toBeTruthy();
    expect(screen.queryByTestId("settings-reset-drop-unsynced")).toBeNull();
  });

  it("shows the shell's refusal while a sync runs and keeps the dialog open", async () => {
    renderSettings({ resetAnswer: "busy" });
    fireEvent.click(await screen.findByTestId("settings-reset-cache"));
    await screen.findByTestId("settings-reset-nothing-unsynced");
    fireEvent.click(screen.getByTestId("settings-reset-confirm"));
    expect((await screen.findByTestId("settings-reset-error")).textContent).toContain("a sync is running");
    expect(screen.getByTestId("settings-reset-confirm")).toBeTruthy();
    expect(screen.queryByTestId("settings-reset-result")).toBeNull();
  });

  it("has a Brand section with the org brand color and shows where data lives", async () => {
    renderSettings();
    expect((await screen.findByTestId("settings-app")).textContent).toContain("/tmp/roomdesk");
    const brand = screen.getByTestId("settings-brand");
    expect(within(brand).getByTestId("settings-org-color").textContent).toContain("org brand");
    await waitFor(() => {
      expect(within(brand).getByDisplayValue("#3355AA")).toBeTruthy();
    });
  });
});
