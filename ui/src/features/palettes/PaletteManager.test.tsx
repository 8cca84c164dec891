import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it } from "vitest";
import type { Palette } from "../../bindings";
import { setInvoker } from "../../api/commands";
import { AppProviders } from "../../app/AppProviders";
import { PaletteManager } from "./PaletteManager";

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

const ocean: Palette = { name: "Ocean", themeColor: "#0B5394", navColor: "flow-org-color", coverTitle: null, coverDescription: null, coverDisabled: null };

/** A fake core keeping palettes in memory, refusing what the real one refuses. */
function renderManager() {
  let palettes: Palette[] = [ocean];
  const created: Palette[] = [];
  const refuse = (message: string, field: string) => Promise.reject({ code: "validation", message, field, retryable: false });
  restore = setInvoker((command, args) => {
    if (command === "palettes") return Promise.resolve(palettes);
    if (command === "create_palette") {
      const p = args.palette as Palette;
      created.push(p);
      if (p.name.trim() === "") return refuse("give the palette a name", "paletteName");
      if (palettes.some((q) => q.name.toLowerCase() === p.name.toLowerCase())) return refuse(`a palette named "${p.name}" already exists: pick another name`, "paletteName");
      if (!/^#[0-9a-f]{6}$/i.test(p.themeColor)) return refuse(`"${p.themeColor}" is not a hex color`, "themeColor");
      palettes = [...palettes, { ...p, themeColor: p.themeColor.toUpperCase() }];
      return Promise.resolve(p);
    }
    if (command === "rename_palette") {
      palettes = palettes.map((q) => (q.name === args.name ? { ...q, name: String(args.newName) } : q));
      return Promise.resolve(palettes.find((q) => q.name === args.newName));
    }
    if (command === "delete_palette") {
      palettes = palettes.filter((q) => q.name !== args.name);
      return Promise.resolve(null);
    }
    return Promise.resolve(null);
  });
  render(
    <AppProviders client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <PaletteManager />
    </AppProviders>,
  );
  return { created };
}

const type = (testId: string, value: string) => {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
};

describe("PaletteManager", { timeout: 30_000 }, () => {
  it("lists palettes and adds one with its navigation mode and cover choice", async () => {
    const { created } = renderManager();
    expect(await screen.findByTestId("palette-Ocean")).toBeTruthy();
    type("palette-new-name", "Acme");
    type("palette-new-theme", "#112233");
    fireEvent.click(within(screen.getByTestId("palette-new-nav-mode")).getByText("Company"));
    fireEvent.change(screen.getByTestId("palette-new-cover-disabled"), { target: { value: "hide" } });
    fireEvent.click(screen.getByTestId("palette-create"));
    expect(await screen.findByTestId("palette-Acme")).toBeTruthy();
    expect(created.at(-1)).toEqual({
      name: "Acme",
      themeColor: "#112233",
      navColor: "target-company-color",
      coverTitle: null,
      coverDescription: null,
      coverDisabled: true,
    });
    await waitFor(() => { expect(screen.getByTestId<HTMLInputElement>("palette-new-name").value).toBe(""); });
  });

  it("shows the core's message beside the field it names and keeps what was typed", async () => {
    renderManager();
    await screen.findByTestId("palette-Ocean");
    type("palette-new-name", "ocean");
    fireEvent.click(screen.getByTestId("palette-create"));
    expect((await screen.findByTestId("palette-error-paletteName")).textContent).toContain("already exists");
    expect(screen.getByTestId<HTMLInputElement>("palette-new-name").value).toBe("ocean");
    type("palette-new-name", "Fresh");
    type("palette-new-theme", "#12");
    fireEvent.click(screen.getByTestId("palette-create"));
    expect((await screen.findByTestId("palette-error-themeColor")).textContent).toContain("not a hex color");
    expect(screen.queryByTestId("palette-Fresh")).toBeNull();
  });

  it("renames and deletes a palette", async () => {
    renderManager();
    fireEvent.click(await screen.findByTestId("palette-rename-Ocean"));
    type("palette-rename-input", "Deep sea");
    fireEvent.click(screen.getByTestId("palette-rename-save"));
    expect(await screen.findByTestId("palette-Deep sea")).toBeTruthy();
    fireEvent.click(screen.getByTestId("palette-delete-Deep sea"));
    expect(await screen.findByTestId("palettes-empty")).toBeTruthy();
  });
});
