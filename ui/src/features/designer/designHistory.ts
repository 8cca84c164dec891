import type { DesignField, DesignValue } from "./designValues";

/** One field's change. */
export type FieldChange = { field: DesignField; before: DesignValue; after: DesignValue };
/** One undoable step: a field typed into, or several fields at once (a palette applied). */
export type DesignStep = { changes: readonly FieldChange[] };
export type DesignHistory = { done: DesignStep[]; undone: DesignStep[] };

export const emptyHistory: DesignHistory = { done: [], undone: [] };

/** Records a change of one field; typing into the same field again extends the last step. */
export function record(history: DesignHistory, change: FieldChange): DesignHistory {
  if (change.before === change.after) return history;
  const last = history.done.at(-1);
  const only = last?.changes.length === 1 ? last.changes[0] : undefined;
  if (only?.field === change.field && typeof change.after === "string") {
    const merged = { changes: [{ ...only, after: change.after }] };
    return { done: [...history.done.slice(0, -1), merged], undone: [] };
  }
  return { done: [...history.done, { changes: [change] }], undone: [] };
}

/** Records several fields changed together as one step (undone and redone together). */
export function recordAll(history: DesignHistory, changes: readonly FieldChange[]): DesignHistory {
  const real = changes.filter((c) => c.before !== c.after);
  if (real.length === 0) return history;
  return { done: [...history.done, { changes: real }], undone: [] };
}

export function undo(history: DesignHistory): { history: DesignHistory; step: DesignStep } | null {
  const step = history.done.at(-1);
  if (!step) return null;
  return { history: { done: history.done.slice(0, -1), undone: [...history.undone, step] }, step };
}

export function redo(history: DesignHistory): { history: DesignHistory; step: DesignStep } | null {
  const step = history.undone.at(-1);
  if (!step) return null;
  return { history: { done: [...history.done, step], undone: history.undone.slice(0, -1) }, step };
}
