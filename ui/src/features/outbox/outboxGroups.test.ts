import { describe, expect, it } from "vitest";
import { conflict, createEntry, patchEntry } from "../../test/outboxFixtures";
import { changeStatus, countByStatus, groupOutbox } from "./outboxGroups";

describe("outbox grouping", () => {
  it("puts a draft's create and its later edit in one group, rooms in the order first changed", () => {
    const entries = [
      patchEntry(3, "rm_b", "Globex", { coverTitle: "New cover" }),
      createEntry(1, "draft-1", { title: "Fresh room" }),
      patchEntry(2, "rm_a", "Acme", { title: "Acme renamed", themeColor: "#FF5500" }),
      patchEntry(4, "draft-1", "", { description: "later" }, { base: null }),
    ];
    const groups = groupOutbox(entries, [], false);
    expect(groups.map((g) => g.roomId)).toEqual(["draft-1", "rm_a", "rm_b"]);
    const draft = groups[0];
    expect(draft?.isDraft).toBe(true);
    expect(draft?.title).toBe("Fresh room");
    expect(draft?.rows.map((r) => [r.entry.seq, r.action, r.fields])).toEqual([
      [1, "Create", ["title"]],
      [4, "Edit", ["description"]],
    ]);
    // An edit is named by the title it sets, else by the title the room had.
    expect(groups[1]?.title).toBe("Acme renamed");
    expect(groups[2]?.title).toBe("Globex");
    expect(groups[2]?.isDraft).toBe(false);
  });

  it("gives every change its state: queued, sending, failed with its reason, uncertain, conflict", () => {
    const failed = patchEntry(2, "rm_a", "Acme", { title: "x" }, { attempts: 1, lastError: "server said 503" });
    const uncertain = createEntry(1, "draft-1", { title: "Maybe" }, { state: "uncertain", sentAtMs: 5 });
    const queued = patchEntry(3, "rm_b", "Globex", { title: "y" });
    const inConflict = patchEntry(4, "rm_c", "Initech", { title: "mine" });
    const conflicts = [conflict("rm_c", "title", "mine", "theirs", "Initech")];

    const idle = groupOutbox([failed, uncertain, queued, inConflict], conflicts, false);
    const byRoom = Object.fromEntries(idle.map((g) => [g.roomId, g]));
    expect(byRoom["rm_a"]?.rows[0]?.status).toBe("failed");
    expect(byRoom["rm_a"]?.rows[0]?.reason).toBe("server said 503");
    expect(byRoom["draft-1"]?.status).toBe("uncertain");
    expect(byRoom["draft-1"]?.mayBeOnServer).toBe(true);
    expect(byRoom["rm_b"]?.status).toBe("queued");
    expect(byRoom["rm_c"]?.status).toBe("conflict");
    expect(byRoom["rm_c"]?.conflicts).toHaveLength(1);
    expect(countByStatus(idle)).toEqual({ queued: 1, sending: 0, failed: 1, uncertain: 1, conflict: 1 });

    // While a sync runs, what will be sent shows as sending; uncertain and conflicts stay.
    const running = groupOutbox([failed, uncertain, queued, inConflict], conflicts, true);
    expect(countByStatus(running)).toEqual({ queued: 0, sending: 2, failed: 0, uncertain: 1, conflict: 1 });
  });

  it("keeps a room whose conflicts outlived its edit, so the decision is not lost", () => {
    const groups = groupOutbox([], [conflict("rm_z", "navColor", "#111111", "#222222")], false);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.status).toBe("conflict");
    expect(groups[0]?.rows).toEqual([]);
  });

  it("does not call a create in conflict (conflicts belong to edits)", () => {
    expect(changeStatus(createEntry(1, "draft-1", {}), true, false)).toBe("queued");
  });
});
