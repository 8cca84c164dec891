import { describe, expect, it } from "vitest";
import { roomView } from "../../test/fixtures";
import { FIELD_CATALOGUE } from "../../catalogue";
import { initialDraft, isDirty, patchOf, rebaseDraft, setFromRoomdesk } from "./editorDraft";

const specs = FIELD_CATALOGUE.filter((s) => s.onUpdate);
const room = roomView("r_1", "Acme", { themeColor: "#112233", coverDisabled: null, hsDealId: "hs-9" }).room;
const byName = (n: string) => {
  const spec = specs.find((s) => s.name === n);
  if (!spec) throw new Error(`no field ${n}`);
  return spec;
};

describe("editor draft", () => {
  it("rebases onto a fresher copy: the user's changes stay, every other field is the fresher one", () => {
    const draft = { ...initialDraft(room, specs), title: "Acme (mine)" };
    const next = roomView("r_1", "Acme", { themeColor: "#445566", coverTitle: "New cover", hsDealId: "hs-9" }).room;
    const rebased = rebaseDraft(room, next, specs, draft);
    expect(rebased.title).toBe("Acme (mine)");
    expect(rebased.themeColor).toBe("#445566");
    expect(rebased.coverTitle).toBe("New cover");
    expect(patchOf(next, specs, rebased)).toEqual({ title: "Acme (mine)" });
    // Untouched: the rebased draft is the fresher copy, nothing to save.
    expect(isDirty(patchOf(next, specs, rebaseDraft(room, next, specs, initialDraft(room, specs))))).toBe(false);
  });

  it("starts equal to the room, so nothing is dirty", () => {
    const draft = initialDraft(room, specs);
    expect(draft.title).toBe("Acme");
    expect(draft.coverDisabled).toBe(false);
    expect(draft.description).toBe("");
    expect(isDirty(patchOf(room, specs, draft))).toBe(false);
  });

  it("sends only the fields that changed, and is clean again when a change is undone", () => {
    const draft = { ...initialDraft(room, specs), title: "Acme 2", coverDisabled: true };
    expect(patchOf(room, specs, draft)).toEqual({ title: "Acme 2", coverDisabled: true });
    expect(isDirty(patchOf(room, specs, { ...draft, title: "Acme", coverDisabled: false }))).toBe(false);
  });

  it("marks write-only fields that carry a value as set from Roomdesk", () => {
    expect(setFromRoomdesk(room, byName("hsDealId"))).toBe(true);
    expect(setFromRoomdesk(room, byName("sfOpportunityId"))).toBe(false);
    expect(setFromRoomdesk(room, byName("themeColor"))).toBe(false);
  });
});
