// Room fixtures for component tests, typed by the generated bindings.
import type { Room, RoomView } from "../bindings";

export function roomView(id: string, title: string, over: Partial<Room> = {}): RoomView {
  const room: Room = {
    id,
    title,
    userId: null,
    companyId: null,
    createdAt: "2026-01-05T09:00:00.000Z",
    updatedAt: "2026-03-01T10:30:00.000Z",
    totalEngagements: 42,
    lastEngagedAt: null,
    totalViews: 120,
    totalUniqueViews: 30,
    engagements: null,
    coverTitle: null,
    coverDescription: null,
    coverDisabled: null,
    themeColor: null,
    navColor: null,
    ...over,
  };
  return { room, state: "synced", pendingFields: [] };
}
