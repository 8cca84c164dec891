// The title editor's state: what changed, whether it can be saved, and why not.
// Mirrors the core's rule (required, at most 200 characters) so Save is disabled early;
// the core still validates, and its message wins when it answers with one.

/** The contract's limit for `title` (Unicode characters). */
export const TITLE_MAX_CHARS = 200;

export interface TitleDraft {
  /** The text differs from the saved title. */
  dirty: boolean;
  /** Why the text cannot be saved, in the core's words; null when it can. */
  problem: string | null;
  /** Dirty and valid. */
  canSave: boolean;
}

/** Characters as the core counts them (code points, not UTF-16 units). */
export function charCount(text: string): number {
  // Code points on purpose: the core counts Rust `chars()`, not graphemes.
  return Array.from(text).length;
}

export function titleProblem(text: string): string | null {
  if (text.trim().length === 0) return "can't be blank";
  const n = charCount(text);
  if (n > TITLE_MAX_CHARS) return `is too long: ${n} characters, at most ${TITLE_MAX_CHARS} allowed`;
  return null;
}

export function titleDraft(saved: string, text: string): TitleDraft {
  const dirty = text !== saved;
  const problem = dirty ? titleProblem(text) : null;
  return { dirty, problem, canSave: dirty && problem === null };
}
