import { describe, expect, it } from "vitest";
import { charCount, titleDraft, titleProblem } from "./titleDraft";

describe("titleDraft", () => {
  it("is clean and unsaveable while unchanged", () => {
    expect(titleDraft("Acme renewal", "Acme renewal")).toEqual({ dirty: false, problem: null, canSave: false });
  });

  it("can save a changed, valid title", () => {
    expect(titleDraft("Acme renewal", "Acme renewal 2027")).toEqual({ dirty: true, problem: null, canSave: true });
  });

  it("refuses a blank title in the core's words", () => {
    expect(titleDraft("Acme", "   ")).toEqual({ dirty: true, problem: "can't be blank", canSave: false });
    expect(titleDraft("Acme", "").canSave).toBe(false);
  });

  it("counts characters the way the core does (code points), allowing exactly 200", () => {
    expect(charCount("é😀")).toBe(2);
    expect(titleProblem("😀".repeat(200))).toBeNull();
    expect(titleProblem("😀".repeat(201))).toBe("is too long: 201 characters, at most 200 allowed");
    expect(titleDraft("x", "a".repeat(201)).canSave).toBe(false);
  });

  it("does not flag an unchanged title even if it breaks today's rule", () => {
    const legacy = "a".repeat(250);
    expect(titleDraft(legacy, legacy)).toEqual({ dirty: false, problem: null, canSave: false });
  });
});
