import { notifications } from "@mantine/notifications";
import { act, render, screen } from "@testing-library/react";
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { AppProviders } from "./AppProviders";

describe("AppProviders", () => {
  it("mounts the notifications after the first render and shows what was sent before", async () => {
    const { container } = render(
      <AppProviders client={new QueryClient()}>
        <p>frame</p>
      </AppProviders>,
    );
    // The first render holds the frame only: no notifications container yet.
    expect(screen.getByText("frame")).toBeTruthy();
    expect(document.querySelector(".mantine-Notifications-root")).toBeNull();
    act(() => {
      notifications.show({ title: "Sent early", message: "before the container mounted" });
    });
    expect(await screen.findByText("Sent early")).toBeTruthy();
    expect(document.querySelector(".mantine-Notifications-root")).not.toBeNull();
    expect(container.textContent).toContain("frame");
  });
});
