// The room editor with its designer: design changes count as unsaved changes, the core's
// messages show beside the color fields, the navigation bar resolves the org and company
// colors kept on this computer, and undo history starts again after a save or a Discard.
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { QueryClient } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FieldError, Room, RoomView } from "../../bindings";
import { setInvoker } from "../../api/commands";
import { AppProviders } from "../../app/AppProviders";
import { roomView } from "../../test/fixtures";
import { RoomPage } from "./RoomPage";

type Args = Record<string, unknown>;
let restore: (() => void) | null = null;
beforeEach(() => {
  window.localStorage.clear();
});
afterEach(() => {
  restore?.();
  restore = null;
});

interface Shell {
  room?: Partial<Room>;
  orgColor?: string | null;
  companyColors?: Record<string, string>;
  /** The core's verdict on a patch. */
  validate?: (patch: Args) => FieldError[];
}

function renderEditor({ room = {}, orgColor = null, companyColors = {}, validate = () => [] }: Shell = {}) {
  const view: RoomView = roomView("r_1", "Acme renewal", { themeColor: "#112233", navColor: "#000000", ...room });
  const calls: { command: string; args: Args }[] = [];
  const colors = { ...companyColors };
  restore = setInvoker((command, args) => {
    calls.push({ command, args });
    switch (command) {
      case "get_room":
        return Promise.resolve(view);
      case "validate_room_input":
        return Promise.resolve(validate((args.input as { value: Args }).value));
      case "update_room": {
        const patch = args.patch as Args;
        return Promise.resolve({ ...view, room: { ...view.room, ...patch, updatedAt: "2026-03-02T00:00:00Z" } });
      }
      case "get_org_color":
        return Promise.resolve(orgColor);
      case "get_company_color":
        return Promise.resolve(colors[args.companyId as string] ?? null);
      case "set_company_color": {
        const color = (args.color as string).toUpperCase();
        colors[args.companyId as string] = color;
        return Promise.resolve(color);
      }
      case "lookup":
        return Promise.resolve(null);
      default:
        return Promise.resolve([]);
    }
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <AppProviders client={client}>
      <RoomPage id="r_1" onBack={() => undefined} />
    </AppProviders>,
  );
  return { calls };
}

const field = (name: string) => screen.findByTestId<HTMLInputElement>(`room-field-${name}`);
const status = () => screen.getByTestId("save-status").textContent;
const navBackground = () => screen.getByTestId("preview-nav").style.background;
const button = (id: string) => screen.getByTestId<HTMLButtonElement>(id);

// The whole page renders per test; a loaded machine needs more than the default 5 s.
describe("RoomEditor with the designer", { timeout: 30_000 }, () => {
  it("counts design changes as unsaved changes, and undoing them makes the editor clean", async () => {
    renderEditor();
    fireEvent.change(await field("themeColor"), { target: { value: "#FF0000" } });
    expect(status()).toBe("Unsaved changes");
    expect(screen.getByTestId("preview-cover").style.background).toBe("rgb(255, 0, 0)");
    await waitFor(() => {
      expect(button("room-save").disabled).toBe(false);
    });
    fireEvent.click(await field("coverDisabled"));
    expect(screen.queryByTestId("preview-cover")).toBeNull();
    fireEvent.click(button("design-undo"));
    fireEvent.click(button("design-undo"));
    expect(status()).toBe("No changes");
    expect(button("room-save").disabled).toBe(true);
  });

  it("shows the core's message for a color it refuses and sends nothing", async () => {
    const { calls } = renderEditor({
      validate: (patch) => (patch.themeColor === "#12345" ? [{ field: "themeColor", message: "\"#12345\" is not a hex color: use 3 or 6 hex digits" }] : []),
    });
    fireEvent.change(await field("themeColor"), { target: { value: "#12345" } });
    expect((await screen.findByTestId("field-error-themeColor")).textContent).toContain("is not a hex color");
    expect((await field("themeColor")).value).toBe("#12345");
    expect(button("room-save").disabled).toBe(true);
    fireEvent.submit(button("room-save").closest("form") as HTMLFormElement);
    expect(calls.filter((c) => c.command === "update_room")).toHaveLength(0);
  });

  it("paints the org brand color for flow-org-color and notes when none is set", async () => {
    renderEditor({ orgColor: "#00AA00" });
    await field("themeColor");
    fireEvent.click(button("nav-mode-org"));
    await waitFor(() => {
      expect(navBackground()).toBe("rgb(0, 170, 0)");
    });
    expect(status()).toBe("Unsaved changes");
  });

  it("notes a missing org brand color", async () => {
    renderEditor({ room: { navColor: "flow-org-color" } });
    expect((await screen.findByTestId("nav-note")).textContent).toContain("Settings");
    expect(screen.getByTestId("contrast-nav").dataset.level).toBe("unknown");
  });

  it("paints the room's company color kept locally, and sets it in place", async () => {
    renderEditor({ room: { companyId: "co_1", navColor: "target-company-color" } });
    expect((await screen.findByTestId("nav-note")).textContent).toContain("No local color for this company");
    fireEvent.change(await screen.findByTestId("company-color-input"), { target: { value: "#334455" } });
    fireEvent.click(button("company-color-save"));
    await waitFor(() => {
      expect(navBackground()).toBe("rgb(51, 68, 85)");
    });
    expect(screen.getByTestId("nav-note").textContent).toContain("real color from the company");
    // Saving a company color changes no room: the editor stays clean.
    expect(status()).toBe("No changes");
  });

  it("a color refused for the company shows the core's message", async () => {
    renderEditor({ room: { companyId: "co_1", navColor: "target-company-color" } });
    restore?.();
    restore = setInvoker((command, args) => {
      if (command === "set_company_color") {
        return Promise.reject({ code: "validation", message: "companyColor: \"nope\" is not a hex color", field: "companyColor", retryable: false });
      }
      if (command === "get_room") return Promise.resolve(roomView("r_1", "Acme", { companyId: "co_1", navColor: "target-company-color" }));
      if (command === "get_company_color" || command === "get_org_color") return Promise.resolve(null);
      return Promise.resolve(args.kind === undefined ? [] : null);
    });
    fireEvent.change(await screen.findByTestId("company-color-input"), { target: { value: "nope" } });
    fireEvent.click(button("company-color-save"));
    expect((await screen.findByTestId("company-color-error")).textContent).toContain("is not a hex color");
  });

  it("starts the undo history again after Discard and after a save, and offers the saved color as recent", async () => {
    const { calls } = renderEditor();
    fireEvent.change(await field("themeColor"), { target: { value: "#FF0000" } });
    expect(button("design-undo").disabled).toBe(false);
    fireEvent.click(button("room-reset"));
    expect(button("design-undo").disabled).toBe(true);
    expect((await field("themeColor")).value).toBe("#112233");

    fireEvent.change(await field("themeColor"), { target: { value: "#0000ff" } });
    await waitFor(() => {
      expect(button("room-save").disabled).toBe(false);
    });
    fireEvent.click(button("room-save"));
    await waitFor(() => {
      expect(status()).toBe("Saved");
    });
    expect(calls.filter((c) => c.command === "update_room").map((c) => c.args.patch)).toEqual([{ themeColor: "#0000ff" }]);
    expect(button("design-undo").disabled).toBe(true);
    // The applied color is offered under each color field; a click applies it.
    fireEvent.change(await field("themeColor"), { target: { value: "#112233" } });
    fireEvent.click(await screen.findByTestId("room-field-themeColor-recent-0000FF"));
    expect((await field("themeColor")).value).toBe("#0000FF");
  });
});
