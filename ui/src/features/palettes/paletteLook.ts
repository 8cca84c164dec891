// What a palette does to a room's look and the edit it makes: its colors always, the
// cover fields it sets (a palette's unset cover field leaves the room's as it is).
import type { Palette, RoomPatch } from "../../bindings";
import type { DesignField, DesignLook, DesignValue } from "../designer/designValues";

/** The look after applying `palette` to `look`. */
export function applyPalette(look: DesignLook, palette: Palette): DesignLook {
  return {
    themeColor: palette.themeColor,
    navColor: palette.navColor,
    coverTitle: palette.coverTitle ?? look.coverTitle,
    coverDescription: palette.coverDescription ?? look.coverDescription,
    coverDisabled: palette.coverDisabled ?? look.coverDisabled,
  };
}

/** The fields `palette` sets, with their values. */
export function paletteFields(palette: Palette): [DesignField, DesignValue][] {
  const fields: [DesignField, DesignValue][] = [
    ["themeColor", palette.themeColor],
    ["navColor", palette.navColor],
  ];
  if (palette.coverTitle !== null) fields.push(["coverTitle", palette.coverTitle]);
  if (palette.coverDescription !== null) fields.push(["coverDescription", palette.coverDescription]);
  if (palette.coverDisabled !== null) fields.push(["coverDisabled", palette.coverDisabled]);
  return fields;
}

/** The room edit applying `palette` makes. */
export function palettePatch(palette: Palette): RoomPatch {
  const patch: RoomPatch = { themeColor: palette.themeColor, navColor: palette.navColor };
  if (palette.coverTitle !== null) patch.coverTitle = palette.coverTitle;
  if (palette.coverDescription !== null) patch.coverDescription = palette.coverDescription;
  if (palette.coverDisabled !== null) patch.coverDisabled = palette.coverDisabled;
  return patch;
}

/** A single design field set to `value` as a room edit. */
export function fieldPatch(field: DesignField, value: DesignValue): RoomPatch {
  if (field === "coverDisabled") return { coverDisabled: value === true || value === "true" };
  const text = String(value);
  switch (field) {
    case "themeColor":
      return { themeColor: text };
    case "navColor":
      return { navColor: text };
    case "coverTitle":
      return { coverTitle: text };
    case "coverDescription":
      return { coverDescription: text };
  }
}

/** The look after applying an edit made of design fields. */
export function applyPatch(look: DesignLook, patch: RoomPatch): DesignLook {
  return {
    themeColor: patch.themeColor ?? look.themeColor,
    navColor: patch.navColor ?? look.navColor,
    coverTitle: patch.coverTitle ?? look.coverTitle,
    coverDescription: patch.coverDescription ?? look.coverDescription,
    coverDisabled: patch.coverDisabled ?? look.coverDisabled,
  };
}
