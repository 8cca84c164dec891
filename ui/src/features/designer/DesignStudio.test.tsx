import { MantineProvider } from "@mantine/core";
import { fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import type { FieldError, Room } from "../../bindings";
import { roomView } from "../../test/fixtures";
import { contrastRatio, readableText } from "./contrast";
import { DesignStudio } from "./DesignStudio";
import { savedLook, type DesignLook } from "./designValues";

type HarnessProps = { room: Room | null; orgColor?: string | null; errors?: FieldError[] };

function Harness({ room, orgColor = null, errors = [] }: HarnessProps) {
  const [look, setLook] = useState<DesignLook>(() => savedLook(room));
  return (
    <MantineProvider>
      <DesignStudio
        room={room}
        look={look}
        errors={errors}
        orgColor={orgColor}
        companyColor="#334455"
        onChange={(field, value) => {
          setLook((current) => ({ ...current, [field]: value }));
        }}
      />
      <output data-testid="look">{JSON.stringify(look)}</output>
    </MantineProvider>
  );
}

const room = (over: Partial<Room>) => roomView("r1", "Acme", over).room;
const background = (testId: string) => screen.getByTestId(testId).style.background;
const field = (name: string) => screen.getByTestId(`room-field-${name}`);
const look = () => JSON.parse(screen.getByTestId("look").textContent) as DesignLook;

describe("DesignStudio", () => {
  it("repaints the preview as a hex is typed, before any save, and shows the normalised value", () => {
    render(<Harness room={room({ themeColor: "#112233" })} />);
    expect(background("preview-cover")).toBe("rgb(17, 34, 51)");
    fireEvent.change(field("themeColor"), { target: { value: "#f00" } });
    expect(background("preview-cover")).toBe("rgb(255, 0, 0)");
    expect(background("preview-mobile-cover")).toBe("rgb(255, 0, 0)");
    expect(screen.getByTestId("room-field-themeColor-shown").textContent).toContain("#FF0000");
    expect(look().themeColor).toBe("#f00");
  });

  it("passes what is typed to the draft as it is: the core, not the UI, judges it", () => {
    render(<Harness room={room({ themeColor: "#112233" })} />);
    fireEvent.change(field("themeColor"), { target: { value: "#12345" } });
    expect(look().themeColor).toBe("#12345");
    expect((field("themeColor") as HTMLInputElement).value).toBe("#12345");
    expect(screen.queryByTestId("field-error-themeColor")).toBeNull();
  });

  it("writes the preview's text black or white, whichever reads better on its background", () => {
    render(<Harness room={room({ themeColor: "#FFCC00", navColor: "#1A1A1A" })} />);
    expect(screen.getByTestId("preview-cover").style.color).toBe("rgb(0, 0, 0)");
    expect(screen.getByTestId("preview-nav").style.color).toBe("rgb(255, 255, 255)");
    fireEvent.change(field("themeColor"), { target: { value: "#000080" } });
    expect(screen.getByTestId("preview-cover").style.color).toBe("rgb(255, 255, 255)");
  });

  it("resolves the navigation bar in org and company modes, with notes", () => {
    render(<Harness room={room({ navColor: "#000000" })} orgColor="#00AA00" />);
    fireEvent.click(screen.getByTestId("nav-mode-org"));
    expect(background("preview-nav")).toBe("rgb(0, 170, 0)");
    expect(look().navColor).toBe("flow-org-color");
    fireEvent.click(screen.getByTestId("nav-mode-company"));
    expect(background("preview-nav")).toBe("rgb(51, 68, 85)");
    expect(screen.getByTestId("nav-note").textContent).toContain("real color from the company");
    fireEvent.click(screen.getByTestId("nav-mode-custom"));
    expect(background("preview-nav")).toBe("rgb(0, 0, 0)");
    expect(look().navColor).toBe("#000000");
  });

  it("notes a missing org brand color", () => {
    render(<Harness room={room({ navColor: "flow-org-color" })} />);
    expect(screen.getByTestId("nav-note").textContent).toContain("Settings");
    expect(screen.getByTestId("contrast-nav").dataset.level).toBe("unknown");
  });

  it("hides the cover when disabled", () => {
    render(<Harness room={room({ coverTitle: "Hello" })} />);
    expect(screen.getByTestId("preview-cover-title").textContent).toBe("Hello");
    fireEvent.click(field("coverDisabled"));
    expect(screen.queryByTestId("preview-cover")).toBeNull();
    expect(screen.queryByTestId("preview-mobile-cover")).toBeNull();
    expect(screen.queryByTestId("contrast-cover")).toBeNull();
  });

  it("grades the preview's text and its suggestion keeps the hue and reaches the next level", () => {
    render(<Harness room={room({ themeColor: "#1A73E8", navColor: "#1A1A1A" })} />);
    expect(screen.getByTestId("contrast-cover").dataset.level).toBe("AA");
    expect(screen.getByTestId("contrast-nav").dataset.level).toBe("AAA");
    expect(screen.queryByTestId("contrast-suggest-nav")).toBeNull();
    fireEvent.click(screen.getByTestId("contrast-suggest-cover"));
    expect(screen.getByTestId("contrast-cover").dataset.level).toBe("AAA");
    const theme = look().themeColor;
    expect(contrastRatio(readableText(theme), theme)).toBeGreaterThanOrEqual(7);
  });

  it("undoes and redoes design changes, with a before/after for a saved room", () => {
    render(<Harness room={room({ themeColor: "#112233" })} />);
    expect(screen.queryByTestId("design-before")).toBeNull();
    fireEvent.change(field("themeColor"), { target: { value: "#ff0000" } });
    fireEvent.click(field("coverDisabled"));
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
    render(<Harness room={room({ coverTitle: title })} />);
    const shown = screen.getByTestId("preview-cover-title");
    expect(shown.textContent).toBe(title);
    expect(shown.getAttribute("dir")).toBe("auto");
    expect(shown.style.overflowWrap).toBe("anywhere");
  });

  it("shows the core's validation messages beside their fields", () => {
    render(<Harness room={null} errors={[{ field: "themeColor", message: "themeColor must be a hex color" }]} />);
    expect(screen.getByTestId("field-error-themeColor").textContent).toBe("themeColor must be a hex color");
    expect(screen.queryByTestId("room-field-themeColor-shown")).toBeNull();
  });
});

describe("DesignStudio palettes", () => {
  const sunrise = { name: "Sunrise", themeColor: "#F6B26B", navColor: "target-company-color", coverTitle: "Hello", coverDescription: null, coverDisabled: null };

  function PaletteHarness() {
    const start = room({ themeColor: "#112233", navColor: "#445566", coverTitle: "Old", coverDescription: "Kept" });
    const [current, setCurrent] = useState<DesignLook>(() => savedLook(start));
    return (
      <MantineProvider>
        <DesignStudio
          room={start}
          look={current}
          errors={[]}
          companyColor="#334455"
          palettes={[sunrise]}
          onChange={(field, value) => {
            setCurrent((c) => ({ ...c, [field]: value }));
          }}
        />
        <output data-testid="look">{JSON.stringify(current)}</output>
      </MantineProvider>
    );
  }

  it("a palette fills the look (leaving fields it does not set) and one undo reverts it all", () => {
    render(<PaletteHarness />);
    fireEvent.click(screen.getByTestId("palette-Sunrise"));
    expect(look()).toEqual({ themeColor: "#F6B26B", navColor: "target-company-color", coverTitle: "Hello", coverDescription: "Kept", coverDisabled: false });
    expect(background("preview-cover")).toBe("rgb(246, 178, 107)");
    expect(background("preview-nav")).toBe("rgb(51, 68, 85)");
    fireEvent.click(screen.getByTestId("design-undo"));
    expect(look()).toEqual({ themeColor: "#112233", navColor: "#445566", coverTitle: "Old", coverDescription: "Kept", coverDisabled: false });
    fireEvent.click(screen.getByTestId("design-redo"));
    expect(look().themeColor).toBe("#F6B26B");
    expect(look().coverTitle).toBe("Hello");
  });
});
