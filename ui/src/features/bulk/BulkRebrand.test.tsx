import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { QueryClient } from "@tanstack/react-query";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { BulkRoomResult, Palette, RoomPatch } from "../../bindings";
import { setInvoker } from "../../api/commands";
import { AppProviders } from "../../app/AppProviders";
import { roomView } from "../../test/fixtures";
import { BulkRebrand, type BulkTarget } from "./BulkRebrand";
import { countResults, describeCounts, failedIds, mergeRetry } from "./bulkResults";

let restore: (() => void) | null = null;
// A Channel registers its callback with the shell when made; here there is no shell.
beforeAll(() => {
  let next = 0;
  Object.assign(window, { __TAURI_INTERNALS__: { transformCallback: () => (next += 1) } });
});
afterEach(() => {
  restore?.();
  restore = null;
});

const forest: Palette = { name: "Forest", themeColor: "#1E5631", navColor: "#0F2E1A", coverTitle: null, coverDescription: null, coverDisabled: false };
const ids = ["r1", "r2", "r3", "r4", "r5"];

type Calls = { command: string; args: Record<string, unknown> }[];

/** A fake core: r2 fails the first time it is sent, then goes through. */
function renderBulk(target: BulkTarget = { kind: "selection", ids }) {
  const calls: Calls = [];
  let r2Tries = 0;
  const results = (roomIds: string[]): BulkRoomResult[] =>
    roomIds.map((roomId) => {
      if (roomId === "r2" && r2Tries++ === 0) {
        return { roomId, status: "failed", error: { code: "network", message: "cannot reach the server", field: null, retryable: true } };
      }
      return { roomId, status: "sent", error: null };
    });
  restore = setInvoker((command, args) => {
    calls.push({ command, args });
    const send = (roomIds: string[]) => {
      const channel = args.onProgress as { onmessage: (p: unknown) => void };
      roomIds.slice(1).forEach((_, i) => { channel.onmessage({ done: i + 1, total: roomIds.length, failed: 0 }); });
      // The last progress message arrives after the answer, as a Tauri channel may deliver it.
      setTimeout(() => { channel.onmessage({ done: roomIds.length, total: roomIds.length, failed: 0 }); }, 0);
      return Promise.resolve(results(roomIds));
    };
    switch (command) {
      case "palettes":
        return Promise.resolve([forest]);
      case "get_room":
        return Promise.resolve(roomView(String(args.id), `Room ${String(args.id)}`, { themeColor: "#FFFFFF", coverTitle: "Hi" }));
      case "list_rooms":
        return Promise.resolve({ rooms: ids.slice(0, 4).map((id) => roomView(id, id)), page: 1, limit: 100, total: 4 });
      case "save_pending_edits":
        return Promise.resolve({ saved: (args.roomIds as string[]).length, missing: [] });
      case "apply_now":
        return send(args.roomIds as string[]);
      case "send_pending_edits":
        return send(args.roomIds as string[]);
      default:
        return Promise.resolve(null);
    }
  });
  render(
    <AppProviders client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <BulkRebrand target={target} onClose={() => undefined} />
    </AppProviders>,
  );
  return calls;
}

const pick = async (name: string) => {
  const select = await screen.findByTestId("bulk-palette");
  await screen.findByText(name);
  fireEvent.change(select, { target: { value: name } });
};

describe("BulkRebrand", { timeout: 30_000 }, () => {
  it("previews three of the rooms with the palette before anything is applied", async () => {
    const calls = renderBulk();
    await pick("Forest");
    await waitFor(() => { expect(screen.getByTestId("bulk-preview-r1-mobile-cover").style.background).toBe("rgb(30, 86, 49)"); });
    expect(screen.getByTestId("bulk-preview-r3-mobile-nav").style.background).toBe("rgb(15, 46, 26)");
    expect(screen.queryByTestId("bulk-preview-r4-mobile")).toBeNull();
    expect(calls.filter((c) => c.command === "get_room")).toHaveLength(3);
    expect(calls.some((c) => c.command === "apply_now" || c.command === "save_pending_edits")).toBe(false);
  });

  it("applies now with progress and a result per room, and retries only the failed ones", async () => {
    const calls = renderBulk();
    await pick("Forest");
    fireEvent.click(screen.getByTestId("bulk-apply"));
    expect((await screen.findByTestId("bulk-summary")).textContent).toBe("4 sent · 1 not sent (kept as pending edits)");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByTestId("bulk-progress")).toBeNull();
    expect(screen.getByTestId("bulk-summary")).toBeTruthy();
    const apply = calls.find((c) => c.command === "apply_now");
    expect(apply?.args.roomIds).toEqual(ids);
    expect(apply?.args.patch).toEqual({ themeColor: "#1E5631", navColor: "#0F2E1A", coverDisabled: false } satisfies RoomPatch);
    expect(screen.getByTestId("bulk-result-r2").dataset.status).toBe("failed");
    // A room the window has read is named by its title; one it has not, by its id.
    expect(screen.getByTestId("bulk-result-r2").textContent).toBe("Room r2: Not sent: kept as a pending edit");
    expect(screen.getByTestId("bulk-result-r5").textContent).toBe("r5: Sent");
    expect(screen.getByTestId("bulk-reasons").textContent).toBe("1 room: cannot reach the server");
    fireEvent.click(screen.getByTestId("bulk-retry"));
    expect((await screen.findByTestId("bulk-summary")).textContent).toBe("5 sent");
    expect(calls.find((c) => c.command === "send_pending_edits")?.args.roomIds).toEqual(["r2"]);
    expect(screen.getByTestId("bulk-result-r2").dataset.status).toBe("sent");
    expect(screen.queryByTestId("bulk-retry")).toBeNull();
  });

  it("saves one field as pending edits on every room matching the search", async () => {
    const calls = renderBulk({ kind: "search", q: "acme" });
    fireEvent.click(await screen.findByText("One field"));
    fireEvent.change(screen.getByTestId("bulk-field"), { target: { value: "coverDisabled" } });
    await waitFor(() => { expect(screen.getByTestId<HTMLButtonElement>("bulk-save-pending").disabled).toBe(false); });
    fireEvent.click(screen.getByTestId("bulk-save-pending"));
    expect((await screen.findByTestId("bulk-saved")).textContent).toContain("4 rooms");
    const save = calls.find((c) => c.command === "save_pending_edits");
    expect(save?.args).toEqual({ roomIds: ["r1", "r2", "r3", "r4"], patch: { coverDisabled: true } });
    expect(calls.find((c) => c.command === "list_rooms")?.args.search).toBe("acme");
  });
});

describe("bulk results", () => {
  const r = (roomId: string, status: BulkRoomResult["status"]): BulkRoomResult => ({ roomId, status, error: null });
  it("counts, picks the failed ones and folds a retry over the first run in its order", () => {
    const first = [r("a", "sent"), r("b", "failed"), r("c", "conflict"), r("d", "failed")];
    expect(failedIds(first)).toEqual(["b", "d"]);
    expect(describeCounts(countResults(first))).toBe("1 sent · 2 not sent (kept as pending edits) · 1 in conflict");
    const merged = mergeRetry(first, [r("d", "sent"), r("b", "failed")]);
    expect(merged.map((x) => `${x.roomId}:${x.status}`)).toEqual(["a:sent", "b:failed", "c:conflict", "d:sent"]);
  });
});
