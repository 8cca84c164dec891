// What each create mode sends: the fields the user filled for that mode, empty ones left out.
import type { NewRoom } from "../../bindings";

export type CreateMode = "blank" | "template" | "duplicate" | "crm";
export type CrmKind = "hubspot" | "salesforce" | "attio";

export const CRM_FIELD: Record<CrmKind, "hsDealId" | "sfOpportunityId" | "attioDealId"> = {
  hubspot: "hsDealId",
  salesforce: "sfOpportunityId",
  attio: "attioDealId",
};

/** The fields each mode shows, beyond the title and description every mode has. */
export const MODE_FIELDS: Record<CreateMode, (keyof NewRoom)[]> = {
  blank: ["companyId", "userId", "statusId", "email"],
  template: ["templateId", "companyId", "userId"],
  duplicate: ["duplicateFromId"],
  crm: ["companyId", "userId"],
};

export type CreateValues = Partial<Record<keyof NewRoom, string>>;

/** The body for `mode`: title, description, the mode's fields and (CRM) the record's ID; blanks dropped. */
export function newRoomBody(mode: CreateMode, values: CreateValues, crm: CrmKind): NewRoom {
  const names: (keyof NewRoom)[] = ["title", "description", ...MODE_FIELDS[mode]];
  if (mode === "crm") names.push(CRM_FIELD[crm]);
  const body: Record<string, string> = {};
  for (const name of names) {
    const value = values[name];
    if (value !== undefined && value.trim() !== "") body[name] = value;
  }
  return body;
}
