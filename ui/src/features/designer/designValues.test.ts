import { describe, expect, it } from "vitest";
import { DESIGN_FIELDS, savedLook } from "./designValues";

describe("design fields", () => {
  it("are the catalogue's design group, the same fields the look holds", () => {
    expect([...DESIGN_FIELDS].sort()).toEqual(Object.keys(savedLook(null)).sort());
    expect(DESIGN_FIELDS).toEqual(["coverTitle", "coverDescription", "coverDisabled", "themeColor", "navColor"]);
  });
});
