import { MantineProvider } from "@mantine/core";
import { fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import type { FieldError, RoomView } from "../../bindings";
import { roomView } from "../../test/fixtures";
import { contrastRatio } from "./contrast";
import { DesignStudio } from "./DesignStudio";
import type { DesignDraft } from "./designValues";

type HarnessProps = { room: RoomView | null; orgColor?: string | null; errors?: FieldError[] };

function Harness({ room, orgColor = null, errors = [] }: HarnessProps) {
  const [draft, setDraft] = useState<DesignDraft>({});
  return (
    <MantineProvider>
      <DesignStudio
        room={room}
        draft={draft}
        errors={errors}
        orgColor={orgColor}
        companyColor="#334455"
        onChange={(field, value) => {
          setDraft((current) => ({ ...current, [field]: value ?? undefined }));
        }}
      />
      <output data-testid="draft">{JSON.stringify(draft)}</output>
    </MantineProvider>
  );
}

const background = (testId: string) => screen.getByTestId(testId).style.background;
const hexField = (stem: string) => screen.getByTestId(`${stem}-hex`);

describe("DesignStudio", () => {
  it("repaints the preview as a hex is typed, before any save, and shows the normalised value", () => {
    render(<Harness room={roomView("r1", "Acme", { themeColor: "#112233" })} />);
    expect(background("preview-cover")).toBe("rgb(17, 34, 51)");
    fireEvent.change(hexField("theme"), { target: { value: "#F00" } });
    expect(background("preview-cover")).toBe("rgb(255, 0, 0)");
    expect(background("preview-mobile-cover")).toBe("rgb(255, 0, 0)");
    expect(screen.getByTestId("theme-normalised").textContent).toBe("#ff0000");
    expect(screen.getByTestId("draft").textContent).toContain('"themeColor":"#ff0000"');
  });

  it("keeps an incomplete hex out of the draft and says what is accepted", () => {
    render(<Harness room={roomView("r1", "Acme", { themeColor: "#112233" })} />);
    fireEvent.change(hexField("theme"), { target: { value: "#12" } });
    expect(screen.getByText(/Use #RGB or #RRGGBB/)).toBeTruthy();
    expect(screen.getByTestId("draft").textContent).toBe("{}");
    expect(background("preview-cover")).toBe("rgb(17, 34, 51)");
  });

  it("resolves the navigation bar in org and company modes, with notes", () => {
    render(<Harness room={roomView("r1", "Acme", { navColor: "#000000" })} orgColor="#00AA00" />);
    fireEvent.click(screen.getByTestId("nav-mode-org"));
    expect(background("preview-nav")).toBe("rgb(0, 170, 0)");
    expect(screen.getByTestId("draft").textContent).toContain('"navColor":"flow-org-color"');
    fireEvent.click(screen.getByTestId("nav-mode-company"));
    expect(background("preview-nav")).toBe("rgb(51, 68, 85)");
    expect(screen.getByTestId("nav-note").textContent).toContain("real color from the company");
    fireEvent.click(screen.getByTestId("nav-mode-custom"));
    expect(background("preview-nav")).toBe("rgb(0, 0, 0)");
  });

  it("notes a missing org brand color", () => {
    render(<Harness room={roomView("r1", "Acme", { navColor: "flow-org-color" })} />);
    expect(screen.getByTestId("nav-note").textContent).toContain("Settings");
    expect(screen.getByTestId("contrast-nav").dataset.level).toBe("unknown");
  });

  it("hides the cover when disabled", () => {
    render(<Harness room={roomView("r1", "Acme", { coverTitle: "Hello" })} />);
    expect(screen.getByTestId("preview-cover-title").textContent).toBe("Hello");
    fireEvent.click(screen.getByTestId("cover-disabled"));
    expect(screen.queryByTestId("preview-cover")).toBeNull();
    expect(screen.queryByTestId("preview-mobile-cover")).toBeNull();
    expect(screen.queryByTestId("contrast-cover")).toBeNull();
  });

  it("flags a failing pair and its suggestion passes AA", () => {
    render(<Harness room={roomView("r1", "Acme", { themeColor: "#ffcc00", navColor: "#1a1a1a" })} />);
    expect(screen.getByTestId("contrast-cover").dataset.level).toBe("fail");
    expect(screen.getByTestId("contrast-nav").dataset.level).toBe("AAA");
    expect(screen.queryByTestId("contrast-suggest-nav")).toBeNull();
    fireEvent.click(screen.getByTestId("contrast-suggest-cover"));
    expect(screen.getByTestId("contrast-cover").dataset.level).not.toBe("fail");
    const draft = JSON.parse(screen.getByTestId("draft").textContent) as DesignDraft;
    expect(contrastRatio("#ffffff", draft.themeColor ?? "")).toBeGreaterThanOrEqual(4.5);
  });

  it("undoes and redoes design changes, with a before/after for a saved room", () => {
    render(<Harness room={roomView("r1", "Acme", { themeColor: "#112233" })} />);
    expect(screen.queryByTestId("design-before")).toBeNull();
    fireEvent.change(hexField("theme"), { target: { value: "#ff0000" } });
    fireEvent.click(screen.getByTestId("cover-disabled"));
    expect(background("before-cover")).toBe("rgb(17, 34, 51)");
    fireEvent.click(screen.getByTestId("design-undo"));
    expect(screen.getByTestId("preview-cover")).toBeTruthy();
    fireEvent.click(screen.getByTestId("design-undo"));
    expect(background("preview-cover")).toBe("rgb(17, 34, 51)");
    expect(screen.getByTestId("design-undo")).toHaveProperty("disabled", true);
    fireEvent.click(screen.getByTestId("design-redo"));
    expect(background("preview-cover")).toBe("rgb(255, 0, 0)");
  });

  it("wraps long Unicode titles instead of clipping them", () => {
    const title = "東京オフィス向けの提案書 🚀 عرض مخصص ".repeat(4);
    render(<Harness room={roomView("r1", "Acme", { coverTitle: title })} />);
    const shown = screen.getByTestId("preview-cover-title");
    expect(shown.textContent).toBe(title);
    expect(shown.getAttribute("dir")).toBe("auto");
    expect(shown.style.overflowWrap).toBe("anywhere");
  });

  it("shows the core's validation messages", () => {
    render(<Harness room={null} errors={[{ field: "themeColor", message: "themeColor must be a hex color" }]} />);
    expect(screen.getByText("themeColor must be a hex color")).toBeTruthy();
  });
});
