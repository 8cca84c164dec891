import { afterEach, describe, expect, it } from "vitest";
import { call, discardLocalChanges, getRoom, listRooms, setInvoker, updateRoom, validateRoomInput } from "./commands";
import { CommandError } from "./errors";

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

function record(answer: (command: string, args: Record<string, unknown>) => Promise<unknown>) {
  const calls: { command: string; args: Record<string, unknown> }[] = [];
  restore = setInvoker((command, args) => {
    calls.push({ command, args });
    return answer(command, args);
  });
  return calls;
}

describe("command module", () => {
  it("sends the command name and camelCase arguments the shell expects", async () => {
    const calls = record(() => Promise.resolve({ rooms: [], page: 2, limit: 25, total: 0 }));
    const page = await listRooms("remote", { page: 2, limit: 25, sortBy: "updatedAt", sortDirection: "DESC" });
    expect(page.page).toBe(2);
    expect(calls).toEqual([
      {
        command: "list_rooms",
        args: {
          source: "remote",
          query: { page: 2, limit: 25, sortBy: "updatedAt", sortDirection: "DESC" },
          search: null,
        },
      },
    ]);
  });

  it("sends only the fields a patch sets", async () => {
    const calls = record(() => Promise.resolve({}));
    await updateRoom("remote", "r_1", { title: "New" });
    expect(calls[0]).toEqual({ command: "update_room", args: { source: "remote", id: "r_1", patch: { title: "New" } } });
  });

  it("asks the core to validate an input in the tagged shape Rust reads", async () => {
    const calls = record(() => Promise.resolve([{ field: "themeColor", message: "is not a hex color" }]));
    const problems = await validateRoomInput({ kind: "patch", value: { themeColor: "red" } });
    expect(problems).toEqual([{ field: "themeColor", message: "is not a hex color" }]);
    expect(calls[0]).toEqual({
      command: "validate_room_input",
      args: { input: { kind: "patch", value: { themeColor: "red" } } },
    });
  });

  it("discards a room's local changes by id", async () => {
    const calls = record(() => Promise.resolve({ kind: "draftDiscarded" }));
    expect(await discardLocalChanges("draft:1")).toEqual({ kind: "draftDiscarded" });
    expect(calls[0]).toEqual({ command: "discard_local_changes", args: { id: "draft:1" } });
  });

  it("rejects with a CommandError carrying the shell's code", async () => {
    record(() => Promise.reject({ code: "not_found", message: "room r_9 not found", field: null, retryable: false }));
    const failure = getRoom("remote", "r_9");
    await expect(failure).rejects.toBeInstanceOf(CommandError);
    await expect(failure).rejects.toMatchObject({ code: "not_found", command: "get_room", retryable: false });
  });

  it("normalises a string rejection from the IPC layer", async () => {
    record(() => Promise.reject("command get_app_info not allowed"));
    await expect(call("get_app_info", {})).rejects.toMatchObject({ code: "ipc", message: "command get_app_info not allowed" });
  });
});

describe("outside the desktop app", () => {
  it("rejects every command with code no_shell instead of a TypeError", async () => {
    // No setInvoker: the real transport, in jsdom, where there is no Tauri shell.
    await expect(call("get_app_info", {})).rejects.toMatchObject({ code: "no_shell", retryable: false });
  });
});
