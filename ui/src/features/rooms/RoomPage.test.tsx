import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { FieldError, RoomView } from "../../bindings";
import { setInvoker } from "../../api/commands";
import { AppProviders } from "../../app/AppProviders";
import { roomView } from "../../test/fixtures";
import { RoomEditor } from "./RoomEditor";
import { RoomPage } from "./RoomPage";

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

type Args = Record<string, unknown>;

interface Shell {
  view?: RoomView;
  validate?: (input: Args) => FieldError[];
  users?: { id: string; name: string }[] | null;
  /** The connection cannot be reached: a remote get fails as the shell reports it. */
  remoteDown?: boolean;
}

function renderPage({ view = roomView("r_1", "Acme renewal", { hsDealId: "hs-9", themeColor: "#112233" }), validate = () => [], users = null, remoteDown = false }: Shell = {}) {
  const calls: { command: string; args: Args }[] = [];
  restore = setInvoker((command, args) => {
    calls.push({ command, args });
    switch (command) {
      case "get_room":
        if (remoteDown && args.source === "remote") {
          return Promise.reject({ code: "network", message: "Flowla can't be reached", retryable: true, field: null });
        }
        return Promise.resolve(view);
      case "validate_room_input":
        return Promise.resolve(validate(args.input as Args));
      case "update_room": {
        const patch = args.patch as Record<string, unknown>;
        return Promise.resolve({ ...view, room: { ...view.room, ...patch, updatedAt: "2026-03-02T00:00:00Z" } });
      }
      case "lookup":
        return Promise.resolve(args.kind === "users" ? users : null);
      case "statuses":
        return Promise.resolve([]);
      default:
        return Promise.resolve([]);
    }
  });
  const onBack = vi.fn();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <AppProviders client={client}>
      <RoomPage id="r_1" onBack={onBack} />
    </AppProviders>,
  );
  return { calls, onBack };
}

const field = (name: string) => screen.findByTestId<HTMLInputElement>(`room-field-${name}`);
const saveButton = () => screen.getByTestId<HTMLButtonElement>("room-save");
const updates = (calls: { command: string; args: Args }[]) => calls.filter((c) => c.command === "update_room").map((c) => c.args);

describe("RoomPage editor", () => {
  it("opens the cached copy when the connection is unreachable, and says so", async () => {
    const { calls } = renderPage({ remoteDown: true });
    expect((await field("title")).value).toBe("Acme renewal");
    expect(screen.getByTestId("room-offline").textContent).toContain("Save offline");
    expect(calls.filter((c) => c.command === "get_room").map((c) => c.args.source)).toEqual(["remote", "local"]);
  });

  it("shows no offline note when the connection answers", async () => {
    renderPage();
    expect((await field("title")).value).toBe("Acme renewal");
    expect(screen.queryByTestId("room-offline")).toBeNull();
  });

  it("shows every group with the saved values, Save disabled, and marks write-only values", async () => {
    renderPage();
    expect((await field("title")).value).toBe("Acme renewal");
    expect((await field("themeColor")).value).toBe("#112233");
    for (const g of ["basics", "crm", "design"]) expect(screen.getByTestId(`group-${g}`)).toBeTruthy();
    expect(saveButton().disabled).toBe(true);
    expect(screen.getByTestId("save-status").textContent).toBe("No changes");
    expect(screen.getByTestId("group-crm").textContent).toContain("Last set from Roomdesk");
    expect(screen.getByTestId("engagement-chart")).toBeTruthy();
  });

  it("tracks unsaved changes and is clean again when they are undone", async () => {
    renderPage();
    fireEvent.change(await field("title"), { target: { value: "Acme 2027" } });
    expect(screen.getByTestId("save-status").textContent).toBe("Unsaved changes");
    await waitFor(() => {
      expect(saveButton().disabled).toBe(false);
    });
    fireEvent.change(await field("title"), { target: { value: "Acme renewal" } });
    expect(screen.getByTestId("save-status").textContent).toBe("No changes");
  });

  it("shows the core's field error beside the field, keeps Save disabled and sends nothing", async () => {
    const asked: Args[] = [];
    const { calls } = renderPage({
      validate: (input) => {
        asked.push(input);
        return [{ field: "themeColor", message: "must be a hex color like #FF5500" }];
      },
    });
    fireEvent.change(await field("themeColor"), { target: { value: "red" } });
    expect((await screen.findByTestId("field-error-themeColor")).textContent).toContain("must be a hex color");
    expect(asked.at(-1)).toEqual({ kind: "patch", value: { themeColor: "red" } });
    expect(saveButton().disabled).toBe(true);
    fireEvent.submit(saveButton().closest("form") as HTMLFormElement);
    expect(updates(calls)).toHaveLength(0);
  });

  it("Save sends only the changed fields to the connection; Save offline records them locally", async () => {
    const { calls } = renderPage();
    fireEvent.change(await field("coverTitle"), { target: { value: "Welcome" } });
    await waitFor(() => {
      expect(saveButton().disabled).toBe(false);
    });
    fireEvent.click(saveButton());
    expect(await screen.findByText("Saved")).toBeTruthy();
    expect(updates(calls)).toEqual([{ source: "remote", id: "r_1", patch: { coverTitle: "Welcome" } }]);

    fireEvent.change(await field("description"), { target: { value: "Q3 plan" } });
    await waitFor(() => {
      expect(screen.getByTestId<HTMLButtonElement>("room-save-offline").disabled).toBe(false);
    });
    fireEvent.click(screen.getByTestId("room-save-offline"));
    await waitFor(() => {
      expect(updates(calls)).toHaveLength(2);
    });
    expect(updates(calls)[1]).toMatchObject({ source: "local", patch: { description: "Q3 plan" } });
  });

  it("a draft room saves locally and offers no online save", async () => {
    const { calls } = renderPage({ view: { ...roomView("d_1", "Draft"), state: "draft" } });
    fireEvent.change(await field("title"), { target: { value: "Draft 2" } });
    expect(saveButton().textContent).toBe("Save draft");
    expect(screen.queryByTestId("room-save-offline")).toBeNull();
    await waitFor(() => {
      expect(saveButton().disabled).toBe(false);
    });
    fireEvent.click(saveButton());
    await waitFor(() => {
      expect(updates(calls)).toHaveLength(1);
    });
    expect(updates(calls)[0]).toMatchObject({ source: "local" });
  });

  it("asks before leaving with unsaved changes", async () => {
    const { onBack } = renderPage();
    fireEvent.change(await field("title"), { target: { value: "Changed" } });
    fireEvent.click(screen.getByTestId("back-to-list"));
    expect(onBack).not.toHaveBeenCalled();
    fireEvent.click(await screen.findByTestId("leave-discard"));
    expect(onBack).toHaveBeenCalledTimes(1);
  });

  it("offers the server's users as a picker, keeping a typed ID it does not list", async () => {
    renderPage({ view: roomView("r_1", "Acme", { userId: "u_typed" }), users: [{ id: "u_1", name: "Ada" }] });
    await waitFor(async () => {
      expect((await field("userId")).tagName).toBe("SELECT");
    });
    const select = await field("userId");
    expect(select.value).toBe("u_typed");
    expect(select.textContent).toContain("Ada");
    expect((await field("companyId")).tagName).toBe("INPUT");
  });
});

describe("RoomEditor with a fresher copy of the room", () => {
  function renderEditor(first: RoomView) {
    restore = setInvoker(() => Promise.resolve([]));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const ui = (view: RoomView) => (
      <AppProviders client={client}>
        <RoomEditor view={view} onDirtyChange={() => undefined} />
      </AppProviders>
    );
    const { rerender } = render(ui(first));
    return (next: RoomView) => {
      rerender(ui(next));
    };
  }

  it("an untouched form follows the fresher copy", async () => {
    const update = renderEditor(roomView("r_1", "Acme", { coverTitle: "Mine (cached)" }));
    expect((await field("coverTitle")).value).toBe("Mine (cached)");
    update(roomView("r_1", "Acme", { coverTitle: "Theirs (server)", updatedAt: "2026-03-05T00:00:00Z" }));
    await waitFor(async () => {
      expect((await field("coverTitle")).value).toBe("Theirs (server)");
    });
    expect(saveButton().disabled).toBe(true);
  });

  it("a form with changes keeps them when a fresher copy arrives, and takes the rest from it", async () => {
    const update = renderEditor(roomView("r_1", "Acme", { coverTitle: "Cover" }));
    fireEvent.change(await field("title"), { target: { value: "Acme, typed" } });
    update(roomView("r_1", "Acme", { coverTitle: "Cover from the server", updatedAt: "2026-03-05T00:00:00Z" }));
    await waitFor(async () => {
      expect((await field("title")).value).toBe("Acme, typed");
    });
    // Not "Cover": saving must not write back a value the server has since replaced.
    expect((await field("coverTitle")).value).toBe("Cover from the server");
  });
});
