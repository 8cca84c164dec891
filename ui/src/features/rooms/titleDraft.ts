// The title editor's state: what changed, whether it can be saved, and why not. The rule
// itself is the core's: `check` is what `validate_room_input` answered for the text (no
// rule is re-written here), and the save is validated by the core again anyway.
import type { FieldError } from "../../bindings";
import { FIELD_CATALOGUE } from "../../catalogue";

/** The contract's limit for `title` (Unicode characters), from the field catalogue. */
export const TITLE_MAX_CHARS: number | null = FIELD_CATALOGUE.find((f) => f.name === "title")?.maxLen ?? null;

/** The core's answer about a text: its problems, and whether it was given for the current text. */
export interface TitleCheck {
  problems: FieldError[];
  /** False while a newer text is being checked (the answer is for an earlier one). */
  current: boolean;
}

export interface TitleDraft {
  /** The text differs from the saved title. */
  dirty: boolean;
  /** Why the text cannot be saved, in the core's words; null when it can (or is not known yet). */
  problem: string | null;
  /** Dirty, and the core has not refused the current text. */
  canSave: boolean;
}

/** Characters as the core counts them (code points, not UTF-16 units), for the counter. */
export function charCount(text: string): number {
  // Code points on purpose: the core counts Rust `chars()`, not graphemes.
  return Array.from(text).length;
}

export function titleDraft(saved: string, text: string, check: TitleCheck | undefined): TitleDraft {
  const dirty = text !== saved;
  const found = dirty ? check?.problems.find((p) => p.field === "title") : undefined;
  const problem = found?.message ?? null;
  // A stale answer is still shown (no flicker while typing) but does not block a save.
  const refused = problem !== null && check?.current === true;
  return { dirty, problem, canSave: dirty && !refused };
}
