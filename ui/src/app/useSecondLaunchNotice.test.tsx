import { act, render, screen } from "@testing-library/react";
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { AppProviders } from "./AppProviders";
import { showSecondLaunchNotice, SECOND_LAUNCH_NOTICE_ID } from "./useSecondLaunchNotice";

describe("second launch notice", () => {
  it("tells the person their app was already open", async () => {
    render(
      <AppProviders client={new QueryClient()}>
        <p>frame</p>
      </AppProviders>,
    );
    act(() => {
      showSecondLaunchNotice();
    });
    const notice = await screen.findByTestId(SECOND_LAUNCH_NOTICE_ID);
    expect(notice.textContent).toContain("Roomdesk is already open");
  });
});
