import type { Room } from "../../bindings";
import { FIELD_CATALOGUE } from "../../catalogue";
import type { Draft, DraftValue } from "../rooms/editorDraft";

/** The room fields the designer edits: the catalogue's design group (designValues.test.ts
 * checks that this type and `DesignLook` name the same fields). */
export type DesignField = "coverTitle" | "coverDescription" | "coverDisabled" | "themeColor" | "navColor";
export const DESIGN_FIELDS: readonly DesignField[] = FIELD_CATALOGUE.filter((spec) => spec.group === "design").map(
  (spec) => spec.name as DesignField,
);
export type DesignValue = string | boolean;

/** What the buyer would see: the values as typed (colors as text, "" when unset). */
export type DesignLook = {
  coverTitle: string;
  coverDescription: string;
  coverDisabled: boolean;
  themeColor: string;
  navColor: string;
};

/** The look as stored (server or cache), before this edit; "" / false when unset. */
export function savedLook(room: Room | null): DesignLook {
  return {
    coverTitle: room?.coverTitle ?? "",
    coverDescription: room?.coverDescription ?? "",
    coverDisabled: room?.coverDisabled ?? false,
    themeColor: room?.themeColor ?? "",
    navColor: room?.navColor ?? "",
  };
}

/** The editor's draft read as a look (the editor keeps "" for unset, as the look does). */
export function lookOfDraft(draft: Draft, fallback: DesignLook): DesignLook {
  const text = (field: Exclude<DesignField, "coverDisabled">): string => {
    const value: DraftValue | undefined = draft[field];
    return typeof value === "string" ? value : fallback[field];
  };
  const disabled = draft.coverDisabled;
  return {
    coverTitle: text("coverTitle"),
    coverDescription: text("coverDescription"),
    coverDisabled: typeof disabled === "boolean" ? disabled : fallback.coverDisabled,
    themeColor: text("themeColor"),
    navColor: text("navColor"),
  };
}

export function sameLook(a: DesignLook, b: DesignLook): boolean {
  return DESIGN_FIELDS.every((key) => a[key] === b[key]);
}
