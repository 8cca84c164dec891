import { describe, expect, it } from "vitest";
import { CommandError, describeError, fieldMessage, hasCode, isErrorPayload, isRetryable, toCommandError } from "./errors";

describe("toCommandError", () => {
  it("keeps every part of the shell's ErrorPayload", () => {
    const e = toCommandError("update_room", {
      code: "validation",
      message: "title: can't be blank",
      field: "title",
      retryable: false,
    });
    expect(e).toBeInstanceOf(CommandError);
    expect(e.command).toBe("update_room");
    expect(e.code).toBe("validation");
    expect(e.field).toBe("title");
    expect(e.retryable).toBe(false);
    expect(e.message).toBe("title: can't be blank");
  });

  it("treats a missing field as null", () => {
    const e = toCommandError("list_rooms", { code: "timeout", message: "timed out", retryable: true });
    expect(e.field).toBeNull();
    expect(e.retryable).toBe(true);
  });

  it("turns a plain string rejection (unknown command, denied permission) into code ipc", () => {
    const e = toCommandError("nope", "Command nope not found");
    expect(e.code).toBe("ipc");
    expect(e.message).toBe("Command nope not found");
    expect(e.retryable).toBe(false);
  });

  it("turns anything else into code unknown, keeping a readable message", () => {
    expect(toCommandError("x", new TypeError("boom")).code).toBe("unknown");
    expect(toCommandError("x", new TypeError("boom")).message).toBe("boom");
    expect(toCommandError("x", { weird: 1 }).message).toBe('{"weird":1}');
    expect(toCommandError("x", undefined).message).toBe("undefined");
  });

  it("passes a CommandError through unchanged", () => {
    const first = toCommandError("a", "x");
    expect(toCommandError("b", first)).toBe(first);
  });

  it("rejects look-alikes whose parts have the wrong types", () => {
    expect(isErrorPayload({ code: 1, message: "m", retryable: false })).toBe(false);
    expect(isErrorPayload({ code: "c", message: "m", retryable: "no" })).toBe(false);
    expect(isErrorPayload({ code: "c", message: "m", field: 3, retryable: false })).toBe(false);
    expect(isErrorPayload({ code: "c", message: "m", field: null, retryable: false })).toBe(true);
  });
});

describe("branching helpers", () => {
  const validation = toCommandError("update_room", {
    code: "validation",
    message: "title: is too long: 201 characters, at most 200 allowed",
    field: "title",
    retryable: false,
  });

  it("hasCode matches on code only", () => {
    expect(hasCode(validation, "validation")).toBe(true);
    expect(hasCode(validation, "network", "timeout")).toBe(false);
    expect(hasCode(new Error("validation"), "validation")).toBe(false);
  });

  it("isRetryable follows the core's flag", () => {
    expect(isRetryable(validation)).toBe(false);
    expect(isRetryable(toCommandError("x", { code: "rate_limited", message: "m", field: null, retryable: true }))).toBe(true);
    expect(isRetryable(new Error("x"))).toBe(false);
  });

  it("fieldMessage gives the core's words for that field, without the field label", () => {
    expect(fieldMessage(validation, "title")).toBe("is too long: 201 characters, at most 200 allowed");
    expect(fieldMessage(validation, "coverTitle")).toBeNull();
    const unlabeled = toCommandError("x", { code: "validation", message: "can't be blank", field: "title", retryable: false });
    expect(fieldMessage(unlabeled, "title")).toBe("can't be blank");
  });

  it("describeError works on anything", () => {
    expect(describeError(validation)).toContain("too long");
    expect(describeError("plain")).toBe("plain");
  });
});
