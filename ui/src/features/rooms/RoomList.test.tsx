import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setInvoker } from "../../api/commands";
import { AppProviders } from "../../app/AppProviders";
import { roomView } from "../../test/fixtures";
import { RoomList } from "./RoomList";

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

function renderList(answer: (args: Record<string, unknown>) => Promise<unknown>, page = 1, sort: string | null = null) {
  const calls: Record<string, unknown>[] = [];
  restore = setInvoker((_command, args) => {
    calls.push(args);
    return answer(args);
  });
  const onOpen = vi.fn();
  const onChange = vi.fn();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <AppProviders client={client}>
      <RoomList page={page} sort={sort} onOpen={onOpen} onChange={onChange} />
    </AppProviders>,
  );
  return { calls, onOpen, onChange };
}

describe("RoomList", () => {
  it("lists rooms with title, updated and engagements, asking the remote source", async () => {
    const { calls } = renderList(() =>
      Promise.resolve({ rooms: [roomView("r_1", "Acme"), roomView("r_2", "Globex", { totalEngagements: 1234 })], page: 1, limit: 25, total: 2 }),
    );
    expect((await screen.findByTestId("room-title-r_1")).textContent).toBe("Acme");
    expect(screen.getByTestId("room-engagements-r_2").textContent).toBe("1,234");
    expect(screen.getByTestId("room-updated-r_1").textContent).not.toBe("");
    expect(screen.getByTestId("page-label").textContent).toContain("1–2 of 2");
    expect(calls[0]).toMatchObject({ source: "remote", query: { page: 1, limit: 25, sortBy: "updatedAt", sortDirection: "DESC" } });
  });

  it("opens a room on click and on Enter", async () => {
    const { onOpen } = renderList(() => Promise.resolve({ rooms: [roomView("r_1", "Acme")], page: 1, limit: 25, total: 1 }));
    const row = await screen.findByTestId("room-row-r_1");
    fireEvent.click(row);
    fireEvent.keyDown(row, { key: "Enter" });
    expect(onOpen).toHaveBeenCalledTimes(2);
    expect(onOpen).toHaveBeenCalledWith("r_1");
  });

  it("pages forward only when there is more", async () => {
    const full = Array.from({ length: 25 }, (_, i) => roomView(`r_${i}`, `Room ${i}`));
    const { onChange } = renderList(() => Promise.resolve({ rooms: full, page: 1, limit: 25, total: 60 }), 1, "createdAt:ASC");
    await screen.findByTestId("room-row-r_0");
    const next = screen.getByTestId<HTMLButtonElement>("page-next");
    await waitFor(() => {
      expect(next.disabled).toBe(false);
    });
    expect(screen.getByTestId<HTMLButtonElement>("page-prev").disabled).toBe(true);
    fireEvent.click(next);
    expect(onChange).toHaveBeenCalledWith(2, "createdAt:ASC");
  });

  it("asks for the order the route names, and the default for an unknown one", async () => {
    const { calls } = renderList(() => Promise.resolve({ rooms: [], page: 3, limit: 25, total: 0 }), 3, "totalEngagements:DESC");
    await screen.findByTestId("room-list-empty");
    expect(calls[0]).toMatchObject({ query: { page: 3, sortBy: "totalEngagements", sortDirection: "DESC" } });
  });

  it("shows an empty state", async () => {
    renderList(() => Promise.resolve({ rooms: [], page: 1, limit: 25, total: 0 }));
    expect(await screen.findByTestId("room-list-empty")).toBeTruthy();
  });

  it("shows the error with its code and retries on request", async () => {
    let attempts = 0;
    renderList(() => {
      attempts += 1;
      return attempts === 1
        ? Promise.reject({ code: "unauthorized", message: "The API key was refused", field: null, retryable: false })
        : Promise.resolve({ rooms: [roomView("r_1", "Acme")], page: 1, limit: 25, total: 1 });
    });
    const error = await screen.findByTestId("room-list-error");
    expect(error.getAttribute("data-code")).toBe("unauthorized");
    expect(error.textContent).toContain("The API key was refused");
    fireEvent.click(screen.getByTestId("room-list-retry"));
    expect(await screen.findByTestId("room-row-r_1")).toBeTruthy();
  });
});
