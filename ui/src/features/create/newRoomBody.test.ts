import { describe, expect, it } from "vitest";
import { newRoomBody } from "./newRoomBody";

const values = { title: "Acme", description: " ", templateId: "t_1", duplicateFromId: "r_9", companyId: "c_1", hsDealId: "hs-1", attioDealId: "at-1" };

describe("the body each create mode sends", () => {
  it("blank: title and the basics filled, blanks and other modes' fields left out", () => {
    expect(newRoomBody("blank", values, "hubspot")).toEqual({ title: "Acme", companyId: "c_1" });
  });
  it("template and duplicate carry their source", () => {
    expect(newRoomBody("template", values, "hubspot")).toEqual({ title: "Acme", templateId: "t_1", companyId: "c_1" });
    expect(newRoomBody("duplicate", values, "hubspot")).toEqual({ title: "Acme", duplicateFromId: "r_9" });
  });
  it("crm carries only the chosen CRM's record ID", () => {
    expect(newRoomBody("crm", values, "hubspot")).toEqual({ title: "Acme", companyId: "c_1", hsDealId: "hs-1" });
    expect(newRoomBody("crm", values, "attio")).toEqual({ title: "Acme", companyId: "c_1", attioDealId: "at-1" });
  });
});
