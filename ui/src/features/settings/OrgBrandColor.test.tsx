import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { QueryClient } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setInvoker } from "../../api/commands";
import { AppProviders } from "../../app/AppProviders";
import { readRecentColors } from "../designer/recentColors";
import { OrgBrandColor } from "./OrgBrandColor";

let restore: (() => void) | null = null;
beforeEach(() => {
  window.localStorage.clear();
});
afterEach(() => {
  restore?.();
  restore = null;
});

function renderSetting(initial: string | null) {
  let stored = initial;
  const sent: unknown[] = [];
  restore = setInvoker((command, args) => {
    if (command === "get_org_color") return Promise.resolve(stored);
    if (command === "set_org_color") {
      sent.push(args.color);
      if (args.color === "#12") {
        return Promise.reject({ code: "validation", message: "orgColor: \"#12\" is not a hex color: use 3 or 6 hex digits", field: "orgColor", retryable: false });
      }
      stored = typeof args.color === "string" ? args.color.toUpperCase() : null;
      return Promise.resolve(stored);
    }
    return Promise.resolve(null);
  });
  render(
    <AppProviders client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <OrgBrandColor />
    </AppProviders>,
  );
  return { sent };
}

const input = () => screen.findByTestId<HTMLInputElement>("settings-org-color-input");
const save = () => screen.getByTestId<HTMLButtonElement>("settings-org-color-save");

describe("OrgBrandColor", { timeout: 30_000 }, () => {
  it("shows the stored color and saves a new one as the core normalised it, remembering it as recent", async () => {
    const { sent } = renderSetting("#112233");
    expect((await input()).value).toBe("#112233");
    expect(save().disabled).toBe(true);
    fireEvent.change(await input(), { target: { value: "#0a0" } });
    fireEvent.click(save());
    expect((await screen.findByTestId("settings-org-color-status")).textContent).toBe("Saved");
    expect(sent).toEqual(["#0a0"]);
    await waitFor(async () => {
      expect((await input()).value).toBe("#0A0");
    });
    expect(readRecentColors()).toEqual(["#00AA00"]);
  });

  it("shows the core's message for a color it refuses and keeps what was typed", async () => {
    renderSetting(null);
    fireEvent.change(await input(), { target: { value: "#12" } });
    fireEvent.click(save());
    expect((await screen.findByTestId("settings-org-color-error")).textContent).toContain("is not a hex color");
    expect((await input()).value).toBe("#12");
  });
});
