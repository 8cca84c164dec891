import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it } from "vitest";
import { setInvoker } from "../../api/commands";
import { AppProviders } from "../../app/AppProviders";
import { roomView } from "../../test/fixtures";
import { RoomPage } from "./RoomPage";

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

type Answer = (args: Record<string, unknown>) => Promise<unknown>;

/** Stands in for the core's check: these tests only need its blank-title verdict. */
const validateRoomInput: Answer = (args) => {
  const input = args.input as { kind: string; value: { title?: string } };
  const blank = input.value.title?.trim() === "";
  return Promise.resolve(blank ? [{ field: "title", message: "can't be blank" }] : []);
};

function shell(answers: Record<string, Answer>) {
  const calls: { command: string; args: Record<string, unknown> }[] = [];
  restore = setInvoker((command, args) => {
    calls.push({ command, args });
    const answer = command === "validate_room_input" && !(command in answers) ? validateRoomInput : answers[command];
    return answer ? answer(args) : Promise.reject(`no answer for ${command}`);
  });
  return calls;
}

function renderPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <AppProviders client={client}>
      <RoomPage id="r_1" onBack={() => undefined} />
    </AppProviders>,
  );
}

const input = () => screen.findByTestId<HTMLInputElement>("room-title-input");
const saveButton = () => screen.getByTestId<HTMLButtonElement>("room-save");

describe("RoomPage title editor", () => {
  it("starts with the saved title and Save disabled", async () => {
    shell({ get_room: () => Promise.resolve(roomView("r_1", "Acme renewal")) });
    renderPage();
    expect((await input()).value).toBe("Acme renewal");
    expect(saveButton().disabled).toBe(true);
    expect(screen.getByTestId("save-status").textContent).toBe("No changes");
  });

  it("asks the core about the text as it is typed and does not save what it refused", async () => {
    const calls = shell({ get_room: () => Promise.resolve(roomView("r_1", "Acme renewal")) });
    renderPage();
    fireEvent.change(await input(), { target: { value: "  " } });
    expect(await screen.findByText("can't be blank")).toBeTruthy();
    expect(calls.find((c) => c.command === "validate_room_input")?.args).toEqual({
      input: { kind: "patch", value: { title: "  " } },
    });
    expect(saveButton().disabled).toBe(true);
    fireEvent.submit(saveButton().closest("form") as HTMLFormElement);
    expect(calls.filter((c) => c.command === "update_room")).toHaveLength(0);
  });

  it("asks nothing while the title is unchanged", async () => {
    const calls = shell({ get_room: () => Promise.resolve(roomView("r_1", "Acme renewal")) });
    renderPage();
    await input();
    expect(calls.some((c) => c.command === "validate_room_input")).toBe(false);
  });

  it("saves a changed title and says so", async () => {
    const calls = shell({
      get_room: () => Promise.resolve(roomView("r_1", "Acme renewal")),
      update_room: (args) => Promise.resolve(roomView("r_1", (args.patch as { title: string }).title)),
    });
    renderPage();
    fireEvent.change(await input(), { target: { value: "Acme renewal 2027" } });
    expect(screen.getByTestId("save-status").textContent).toBe("Unsaved changes");
    expect(saveButton().disabled).toBe(false);
    fireEvent.click(saveButton());
    await waitFor(() => {
      expect(screen.getByTestId("save-status").textContent).toBe("Saved");
    });
    expect(calls.find((c) => c.command === "update_room")?.args).toEqual({
      source: "remote",
      id: "r_1",
      patch: { title: "Acme renewal 2027" },
    });
    expect(screen.getByTestId("room-heading").textContent).toBe("Acme renewal 2027");
    expect(saveButton().disabled).toBe(true);
  });

  it("saves with Ctrl+S from inside the field", async () => {
    const calls = shell({
      get_room: () => Promise.resolve(roomView("r_1", "Acme")),
      update_room: (args) => Promise.resolve(roomView("r_1", (args.patch as { title: string }).title)),
    });
    renderPage();
    const field = await input();
    fireEvent.change(field, { target: { value: "Acme EU" } });
    fireEvent.keyDown(field, { key: "s", code: "KeyS", ctrlKey: true });
    await waitFor(() => {
      expect(calls.some((c) => c.command === "update_room")).toBe(true);
    });
  });

  it("shows the core's field message under the field and keeps the text", async () => {
    shell({
      get_room: () => Promise.resolve(roomView("r_1", "Acme")),
      update_room: () =>
        Promise.reject({ code: "validation", message: "title: contains a NUL character", field: "title", retryable: false }),
    });
    renderPage();
    fireEvent.change(await input(), { target: { value: "Acme\u0000" } });
    fireEvent.click(saveButton());
    expect(await screen.findByText("contains a NUL character")).toBeTruthy();
    expect((await input()).value).toBe("Acme\u0000");
  });

  it("offers a retry when the room cannot be loaded, branching on the code", async () => {
    let attempts = 0;
    shell({
      get_room: () => {
        attempts += 1;
        return attempts === 1
          ? Promise.reject({ code: "network", message: "the Sandbox is not answering", field: null, retryable: false })
          : Promise.resolve(roomView("r_1", "Back again"));
      },
    });
    renderPage();
    const alert = await screen.findByTestId("room-error");
    expect(alert.getAttribute("data-code")).toBe("network");
    fireEvent.click(screen.getByTestId("room-retry"));
    expect((await input()).value).toBe("Back again");
  });
});
