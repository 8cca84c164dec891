import type { RoomPatch, RoomView } from "../../bindings";

/** The room fields the designer edits. */
export type DesignField = "coverTitle" | "coverDescription" | "coverDisabled" | "themeColor" | "navColor";
export type DesignValue = string | boolean | null;
export type DesignDraft = Partial<Pick<RoomPatch, DesignField>>;

export type DesignLook = {
  coverTitle: string;
  coverDescription: string;
  coverDisabled: boolean;
  themeColor: string | null;
  navColor: string | null;
};

/**
 * Text color of the buyer's cover and navigation bar. The buyer page writes light text on
 * the room's colors, so the contrast checks measure white text on them.
 */
export const BUYER_TEXT = "#ffffff";

/** The look as stored (server or cache), before this edit. */
export function savedLook(room: RoomView | null): DesignLook {
  const saved = room?.room;
  return {
    coverTitle: saved?.coverTitle ?? "",
    coverDescription: saved?.coverDescription ?? "",
    coverDisabled: saved?.coverDisabled ?? false,
    themeColor: saved?.themeColor ?? null,
    navColor: saved?.navColor ?? null,
  };
}

/** The look with the draft laid over what is saved. */
export function editedLook(room: RoomView | null, draft: DesignDraft): DesignLook {
  const base = savedLook(room);
  return {
    coverTitle: draft.coverTitle ?? base.coverTitle,
    coverDescription: draft.coverDescription ?? base.coverDescription,
    coverDisabled: draft.coverDisabled ?? base.coverDisabled,
    themeColor: draft.themeColor ?? base.themeColor,
    navColor: draft.navColor ?? base.navColor,
  };
}

export function sameLook(a: DesignLook, b: DesignLook): boolean {
  return (Object.keys(a) as (keyof DesignLook)[]).every((key) => a[key] === b[key]);
}
