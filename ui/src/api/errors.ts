// How a failed command looks to the UI. The shell rejects every command with the core's
// `ErrorPayload { code, message, field?, retryable }`; anything else (a bug, a missing
// command, the IPC itself failing) is normalised into the same shape here, so screens
// branch on `code` only, never on message text.
import type { ErrorCode, ErrorPayload } from "../bindings";

/** Codes the UI itself produces when a rejection is not an `ErrorPayload`. */
export const UI_ERROR_CODES = {
  /** The command rejected with a plain string (e.g. an unknown command, a denied permission). */
  ipc: "ipc",
  /** Something that is neither an `ErrorPayload` nor a string. */
  unknown: "unknown",
  /** The UI runs in a plain browser (e.g. `npm run dev` alone): there is no shell to call. */
  noShell: "no_shell",
} as const;

/** A code the UI itself produces. */
export type UiErrorCode = (typeof UI_ERROR_CODES)[keyof typeof UI_ERROR_CODES];

/** Every code a `CommandError` can carry: the shell's (generated from Rust) or the UI's own. */
export type AnyErrorCode = ErrorCode | UiErrorCode;

/** A payload as this module normalises it: the shell's, or one the UI made. */
export type CommandErrorPayload = Omit<ErrorPayload, "code"> & { code: AnyErrorCode };

export class CommandError extends Error {
  readonly code: AnyErrorCode;
  readonly field: string | null;
  readonly retryable: boolean;
  /** The command that failed, for logs and bug reports. */
  readonly command: string;

  constructor(command: string, payload: CommandErrorPayload) {
    super(payload.message);
    this.name = "CommandError";
    this.command = command;
    this.code = payload.code;
    this.field = payload.field;
    this.retryable = payload.retryable;
  }

  /** The payload as the shell sent it (or as normalised). */
  toPayload(): CommandErrorPayload {
    return { code: this.code, message: this.message, field: this.field, retryable: this.retryable };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** True for a value shaped like the shell's `ErrorPayload`. */
export function isErrorPayload(value: unknown): value is ErrorPayload {
  return (
    isRecord(value) &&
    typeof value.code === "string" &&
    typeof value.message === "string" &&
    (value.field === undefined || value.field === null || typeof value.field === "string") &&
    typeof value.retryable === "boolean"
  );
}

/** Turns whatever a rejected `invoke` gave us into a `CommandError`. */
export function toCommandError(command: string, raw: unknown): CommandError {
  if (raw instanceof CommandError) return raw;
  if (isErrorPayload(raw)) {
    return new CommandError(command, { ...raw, field: raw.field ?? null });
  }
  if (typeof raw === "string") {
    return new CommandError(command, { code: UI_ERROR_CODES.ipc, message: raw, field: null, retryable: false });
  }
  const message = raw instanceof Error ? raw.message : isRecord(raw) ? JSON.stringify(raw) : String(raw);
  return new CommandError(command, {
    code: UI_ERROR_CODES.unknown,
    message: message || "Something went wrong",
    field: null,
    retryable: false,
  });
}

/** Whether `error` is a `CommandError` with one of `codes`. */
export function hasCode(error: unknown, ...codes: AnyErrorCode[]): error is CommandError {
  return error instanceof CommandError && codes.includes(error.code);
}

/** Whether trying again may help (the core says so). Non-command errors: no. */
export function isRetryable(error: unknown): boolean {
  return error instanceof CommandError && error.retryable;
}

/**
 * The core's message for `field`, when `error` is about that field; the text is the
 * core's own, without a leading "field: " label the UI already shows next to the input.
 */
export function fieldMessage(error: unknown, field: string): string | null {
  if (!(error instanceof CommandError) || error.field !== field) return null;
  const label = `${field}: `;
  return error.message.startsWith(label) ? error.message.slice(label.length) : error.message;
}

/** A one-line description for notifications and error panels. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
