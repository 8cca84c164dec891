import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { FieldError } from "../../bindings";
import { setInvoker } from "../../api/commands";
import { AppProviders } from "../../app/AppProviders";
import { roomView } from "../../test/fixtures";
import { CreateRoomDialog } from "./CreateRoomDialog";

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

type Args = Record<string, unknown>;

function renderDialog(validate: (input: Args) => FieldError[] = () => []) {
  const calls: { command: string; args: Args }[] = [];
  restore = setInvoker((command, args) => {
    calls.push({ command, args });
    if (command === "validate_room_input") return Promise.resolve(validate(args.input as Args));
    if (command === "create_room") return Promise.resolve(roomView("r_new", "Created"));
    if (command === "list_rooms") return Promise.resolve({ rooms: [roomView("r_9", "Kickoff deck")], page: 1, limit: 8, total: 1 });
    if (command === "lookup") return Promise.resolve(args.kind === "templates" ? [{ id: "t_1", name: "Enterprise" }] : null);
    return Promise.resolve([]);
  });
  const onCreated = vi.fn();
  const onClose = vi.fn();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <AppProviders client={client}>
      <CreateRoomDialog opened onClose={onClose} onCreated={onCreated} />
    </AppProviders>,
  );
  const creates = () => calls.filter((c) => c.command === "create_room").map((c) => c.args);
  return { calls, onCreated, onClose, creates };
}

const type = async (name: string, value: string) => {
  fireEvent.change(await screen.findByTestId(`room-field-${name}`), { target: { value } });
};
const enabled = (id: string) =>
  waitFor(() => {
    expect(screen.getByTestId<HTMLButtonElement>(id).disabled).toBe(false);
  });

describe("CreateRoomDialog", () => {
  it("blank: Create now sends the title to the connection", async () => {
    const { creates, onCreated } = renderDialog();
    await type("title", "Acme");
    await enabled("create-submit");
    fireEvent.click(screen.getByTestId("create-submit"));
    await waitFor(() => {
      expect(onCreated).toHaveBeenCalled();
    });
    expect(creates()).toEqual([{ source: "remote", body: { title: "Acme" } }]);
  });

  it("Cancel closes the dialog and creates nothing", async () => {
    const { creates, onClose } = renderDialog();
    await type("title", "Not wanted");
    fireEvent.click(screen.getByTestId("create-cancel"));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(creates()).toEqual([]);
  });

  it("template: picks a template from the lookup; Save as draft keeps it local", async () => {
    const { creates } = renderDialog();
    fireEvent.click(await screen.findByTestId("create-mode-template"));
    await waitFor(async () => {
      expect((await screen.findByTestId("room-field-templateId")).tagName).toBe("SELECT");
    });
    await type("templateId", "t_1");
    await type("title", "From tpl");
    await enabled("create-draft");
    fireEvent.click(screen.getByTestId("create-draft"));
    await waitFor(() => {
      expect(creates()).toEqual([{ source: "local", body: { title: "From tpl", templateId: "t_1" } }]);
    });
  });

  it("duplicate: finds the source room by searching and sends its id", async () => {
    const { creates, calls } = renderDialog();
    fireEvent.click(await screen.findByTestId("create-mode-duplicate"));
    fireEvent.change(screen.getByTestId("create-duplicate-search"), { target: { value: "kickoff" } });
    fireEvent.click(await screen.findByTestId("create-duplicate-pick-r_9"));
    expect(calls.find((c) => c.command === "list_rooms")?.args).toMatchObject({ source: "local", search: "kickoff" });
    await enabled("create-submit");
    fireEvent.click(screen.getByTestId("create-submit"));
    await waitFor(() => {
      expect(creates()).toEqual([{ source: "remote", body: { duplicateFromId: "r_9" } }]);
    });
  });

  it("crm: sends the chosen CRM's record ID", async () => {
    const { creates } = renderDialog();
    fireEvent.click(await screen.findByTestId("create-mode-crm"));
    fireEvent.change(screen.getByTestId("create-crm"), { target: { value: "salesforce" } });
    await type("sfOpportunityId", "006xx");
    await enabled("create-submit");
    fireEvent.click(screen.getByTestId("create-submit"));
    await waitFor(() => {
      expect(creates()).toEqual([{ source: "remote", body: { sfOpportunityId: "006xx" } }]);
    });
  });

  it("shows the core's errors for the new room and creates nothing", async () => {
    const { creates } = renderDialog(() => [{ field: "title", message: "is too long (at most 200 characters)" }]);
    await type("title", "x".repeat(300));
    expect((await screen.findByTestId("field-error-title")).textContent).toContain("too long");
    expect(screen.getByTestId<HTMLButtonElement>("create-submit").disabled).toBe(true);
    expect(creates()).toEqual([]);
  });
});
