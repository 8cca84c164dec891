// STAND-IN until the generated `ui/src/catalogue.ts` (the model's field catalogue, exported
// by the bindings step) lands on main: the same shape, the editable fields only. Delete this
// file and import FIELD_CATALOGUE from "../../catalogue" then; nothing else changes.
import type { RoomField } from "../../bindings";

export type FieldKind = "text" | "longText" | "email" | "color" | "navColor" | "bool" | "status" | "id";
export type FieldGroup = "basics" | "crm" | "design";

export interface FieldSpec {
  name: RoomField;
  label: string;
  kind: FieldKind;
  group: FieldGroup;
  maxLen?: number;
  returned: boolean;
  onCreate: boolean;
  onUpdate: boolean;
  hint?: string;
}

const f = (name: RoomField, label: string, kind: FieldKind, group: FieldGroup, returned: boolean, onUpdate = true, hint?: string): FieldSpec => ({
  name,
  label,
  kind,
  group,
  returned,
  onCreate: true,
  onUpdate,
  hint,
});

export const FIELD_CATALOGUE: FieldSpec[] = [
  f("title", "Title", "text", "basics", true),
  f("description", "Description", "longText", "basics", false),
  f("templateId", "Template", "id", "basics", false, false),
  f("duplicateFromId", "Duplicate of", "id", "basics", false, false),
  f("companyId", "Company", "id", "basics", true),
  f("statusId", "Status", "status", "basics", false),
  f("labelId", "Label", "id", "basics", false, false),
  f("userId", "Owner", "id", "basics", true),
  f("email", "Contact email", "email", "basics", false, false),
  f("hsDealId", "HubSpot deal ID", "id", "crm", false),
  f("sfOpportunityId", "Salesforce opportunity ID", "id", "crm", false),
  f("attioDealId", "Attio deal ID", "id", "crm", false),
  f("coverTitle", "Cover title", "text", "design", true),
  f("coverDescription", "Cover description", "longText", "design", true),
  f("coverDisabled", "Hide the cover page", "bool", "design", true),
  f("themeColor", "Theme color", "color", "design", true, true, "Hex, e.g. #FF5500"),
  f("navColor", "Navigation color", "navColor", "design", true, true, "Hex, flow-org-color or target-company-color"),
];
