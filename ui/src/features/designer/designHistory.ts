import type { DesignField, DesignValue } from "./designValues";

/** One design change as the user made it, so it can be undone and redone. */
export type DesignStep = { field: DesignField; before: DesignValue; after: DesignValue };
export type DesignHistory = { done: DesignStep[]; undone: DesignStep[] };

export const emptyHistory: DesignHistory = { done: [], undone: [] };

/** Records a change; typing into the same field again extends the last step. */
export function record(history: DesignHistory, step: DesignStep): DesignHistory {
  if (step.before === step.after) return history;
  const last = history.done.at(-1);
  if (last?.field === step.field && typeof step.after === "string") {
    const merged = { ...last, after: step.after };
    return { done: [...history.done.slice(0, -1), merged], undone: [] };
  }
  return { done: [...history.done, step], undone: [] };
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
