import { describe, expect, it } from "vitest";
import { charCount, TITLE_MAX_CHARS, titleDraft } from "./titleDraft";

const blank = { field: "title", message: "can't be blank" };

describe("titleDraft", () => {
  it("is clean and unsaveable while unchanged", () => {
    expect(titleDraft("Acme renewal", "Acme renewal", undefined)).toEqual({ dirty: false, problem: null, canSave: false });
  });

  it("can save a changed title the core accepted", () => {
    expect(titleDraft("Acme renewal", "Acme renewal 2027", { problems: [], current: true })).toEqual({
      dirty: true,
      problem: null,
      canSave: true,
    });
  });

  it("shows the core's words and refuses to save what it refused", () => {
    expect(titleDraft("Acme", "   ", { problems: [blank], current: true })).toEqual({
      dirty: true,
      problem: "can't be blank",
      canSave: false,
    });
  });

  it("keeps showing an earlier answer while the new text is checked, without blocking a save", () => {
    expect(titleDraft("Acme", "A", { problems: [blank], current: false })).toEqual({
      dirty: true,
      problem: "can't be blank",
      canSave: true,
    });
    expect(titleDraft("Acme", "A", undefined).canSave).toBe(true);
  });

  it("ignores problems of other fields", () => {
    expect(titleDraft("Acme", "B", { problems: [{ field: "themeColor", message: "x" }], current: true }).problem).toBeNull();
  });

  it("does not flag an unchanged title even if the core would refuse it today", () => {
    const legacy = "a".repeat(250);
    expect(titleDraft(legacy, legacy, { problems: [blank], current: true })).toEqual({ dirty: false, problem: null, canSave: false });
  });

  it("takes the limit from the catalogue and counts code points as the core does", () => {
    expect(TITLE_MAX_CHARS).toBe(200);
    expect(charCount("é😀")).toBe(2);
  });
});
