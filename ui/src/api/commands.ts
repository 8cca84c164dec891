// The one typed door to the desktop shell. Every command's arguments and result come from
// the generated `bindings.ts` (Rust owns those types); this module only adds the call
// itself and turns rejections into `CommandError`s.
import { Channel, invoke, isTauri } from "@tauri-apps/api/core";
import type {
  AppInfo,
  BulkProgress,
  BulkRoomResult,
  BulkSaved,
  CacheCleared,
  CommandName,
  Commands,
  Conflict,
  ConnectionInfo,
  ConnectionKind,
  ConnectionTest,
  FieldError,
  ListQuery,
  Lookup,
  LookupKind,
  NewRoom,
  OutboxEntry,
  Palette,
  Resolution,
  RoomChange,
  RoomField,
  RoomInput,
  RoomPage,
  RoomPatch,
  RoomView,
  Source,
  Status,
  SyncProgress,
  SyncReport,
} from "../bindings";
import { CommandError, toCommandError, UI_ERROR_CODES } from "./errors";

type Args<K extends CommandName> = Commands[K]["args"];
type Result<K extends CommandName> = Commands[K]["result"];

/** How a command reaches the shell. Tests swap it; the app uses Tauri's `invoke`. */
export type Invoker = (command: string, args: Record<string, unknown>) => Promise<unknown>;

const tauriInvoker: Invoker = (command, args) =>
  isTauri()
    ? invoke(command, args)
    : Promise.reject(
        new CommandError(command, {
          code: UI_ERROR_CODES.noShell,
          message: "This window is not the Roomdesk app: start it with `make run` (a plain browser has no desktop shell to ask).",
          field: null,
          retryable: false,
        }),
      );
let invoker: Invoker = tauriInvoker;

/** Replaces the transport (tests, previews). Returns a function that restores the old one. */
export function setInvoker(next: Invoker): () => void {
  const previous = invoker;
  invoker = next;
  return () => {
    invoker = previous;
  };
}

/** Calls `command` with its typed arguments; rejects with a `CommandError`. */
export async function call<K extends CommandName>(command: K, args: Args<K>): Promise<Result<K>> {
  try {
    return (await invoker(command, args)) as Result<K>;
  } catch (raw) {
    throw toCommandError(command, raw);
  }
}

// Named wrappers: what screens import. One line each, like the shell's commands.

export const listRooms = (source: Source, query: ListQuery, search: string | null = null): Promise<RoomPage> =>
  call("list_rooms", { source, query, search });

export const getRoom = (source: Source, id: string): Promise<RoomView> => call("get_room", { source, id });

export const updateRoom = (source: Source, id: string, patch: RoomPatch): Promise<RoomView> =>
  call("update_room", { source, id, patch });

/** What a create or an update would be refused for, in the core's words; `[]` when it would pass. */
export const validateRoomInput = (input: RoomInput): Promise<FieldError[]> => call("validate_room_input", { input });

/** Throws away a room's local changes: a never-sent draft, or its pending edits. */
export const discardLocalChanges = (id: string): Promise<RoomChange> => call("discard_local_changes", { id });

export const getConnection = (): Promise<ConnectionInfo> => call("get_connection", {});

export const getAppInfo = (): Promise<AppInfo> => call("get_app_info", {});

export const listOutbox = (): Promise<OutboxEntry[]> => call("outbox", {});

export const listConflicts = (): Promise<Conflict[]> => call("conflicts", {});

export const resolveConflict = (roomId: string, field: RoomField, choice: Resolution): Promise<null> =>
  call("resolve_conflict", { roomId, field, choice });

export const discardDraft = (id: string): Promise<null> => call("discard_draft", { id });

/** A create that may have made one of several look-alike rooms: it made `roomId` (one of its candidates). */
export const adoptRoom = (draftId: string, roomId: string): Promise<RoomView> => call("adopt_room", { draftId, roomId });

/** A create that may have made one of several look-alike rooms: none is it, send it anew. */
export const createAgain = (draftId: string): Promise<RoomView> => call("create_again", { draftId });

export const setConnection = (kind: ConnectionKind, baseUrl: string | null): Promise<ConnectionInfo> =>
  call("set_connection", { kind, baseUrl });

export const setApiKey = (key: string): Promise<ConnectionInfo> => call("set_api_key", { key });

export const removeApiKey = (): Promise<ConnectionInfo> => call("remove_api_key", {});

export const testConnection = (): Promise<ConnectionTest> => call("test_connection", {});

/** Empties the cache of server rooms; unsynced work goes too only with `dropUnsynced`. */
export const resetLocalCache = (dropUnsynced: boolean): Promise<CacheCleared> => call("reset_local_cache", { dropUnsynced });

/** Runs a sync; `onProgress` hears each step over a Tauri channel. */
export function runSync(onProgress: (progress: SyncProgress) => void): Promise<SyncReport> {
  const channel = new Channel<SyncProgress>();
  channel.onmessage = onProgress;
  return call("sync", { onProgress: channel });
}

export const createRoom = (source: Source, body: NewRoom): Promise<RoomView> => call("create_room", { source, body });

export const listStatuses = (): Promise<Status[]> => call("statuses", {});

/** A lookup list, or null when the server does not offer it (type the ID instead). */
export const lookup = (kind: LookupKind): Promise<Lookup[] | null> => call("lookup", { kind });

/** The org brand color (`#RRGGBB`) kept on this computer, or null. */
export const getOrgColor = (): Promise<string | null> => call("get_org_color", {});

/** Sets the org brand color (blank removes it); answers the stored, normalised value. */
export const setOrgColor = (color: string | null): Promise<string | null> => call("set_org_color", { color });

/** A company's color kept on this computer, or null. */
export const getCompanyColor = (companyId: string): Promise<string | null> => call("get_company_color", { companyId });

/** Sets a company's local color (blank removes it); answers the stored value. */
export const setCompanyColor = (companyId: string, color: string | null): Promise<string | null> =>
  call("set_company_color", { companyId, color });

/** Every brand palette kept on this computer, the starting ones first. */
export const listPalettes = (): Promise<Palette[]> => call("palettes", {});

/** Adds a palette (checked with the room fields' rules); answers it normalised. */
export const createPalette = (palette: Palette): Promise<Palette> => call("create_palette", { palette });

export const renamePalette = (name: string, newName: string): Promise<Palette> => call("rename_palette", { name, newName });

export const deletePalette = (name: string): Promise<null> => call("delete_palette", { name });

/** Records one design edit on many rooms as pending edits (one transaction). */
export const savePendingEdits = (roomIds: string[], patch: RoomPatch): Promise<BulkSaved> =>
  call("save_pending_edits", { roomIds, patch });

/** Records one design edit on many rooms, then sends them now; `onProgress` hears each room. */
export function applyNow(roomIds: string[], patch: RoomPatch, onProgress: (progress: BulkProgress) => void): Promise<BulkRoomResult[]> {
  const channel = new Channel<BulkProgress>();
  channel.onmessage = onProgress;
  return call("apply_now", { roomIds, patch, onProgress: channel });
}

/** Sends these rooms' pending edits now (retrying the ones that failed). */
export function sendPendingEdits(roomIds: string[], onProgress: (progress: BulkProgress) => void): Promise<BulkRoomResult[]> {
  const channel = new Channel<BulkProgress>();
  channel.onmessage = onProgress;
  return call("send_pending_edits", { roomIds, onProgress: channel });
}
