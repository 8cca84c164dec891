// Saving the editor's patch: to the connection ("Save") or as a pending local edit ("Save
// offline"); a draft room saves locally either way. The core validates before anything is
// stored or sent.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { RoomPatch, RoomView, Source } from "../../bindings";
import { updateRoom } from "../../api/commands";
import type { CommandError } from "../../api/errors";
import { queryKeys } from "../../api/queryKeys";
import { DEFAULT_SOURCE, type OpenedRoom } from "./roomQueries";

export interface SaveRequest {
  patch: RoomPatch;
  source: Source;
}

export function useRoomSave(id: string) {
  const queryClient = useQueryClient();
  return useMutation<RoomView, CommandError, SaveRequest>({
    mutationFn: ({ patch, source }) => updateRoom(source, id, patch),
    onSuccess: async (view, { source }) => {
      // A save offline keeps the page's "cached" note; a save that reached the connection ends it.
      queryClient.setQueryData<OpenedRoom>(queryKeys.room(DEFAULT_SOURCE, id), (old) => ({
        view,
        cached: source === "local" && (old?.cached ?? false),
      }));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [...queryKeys.rooms, "list"] }),
        queryClient.invalidateQueries({ queryKey: queryKeys.outbox }),
      ]);
    },
  });
}
