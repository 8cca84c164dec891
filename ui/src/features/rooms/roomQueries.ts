// The room queries, the input check and the title mutation, shared by the list and the room page.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ListQuery, RoomInput, RoomView, SortDirection, SortField, Source } from "../../bindings";
import { getRoom, listRooms, updateRoom, validateRoomInput } from "../../api/commands";
import type { CommandError } from "../../api/errors";
import { queryKeys } from "../../api/queryKeys";
import { PAGE_SIZE } from "./paging";

/** Where this slice reads and writes: the connected API (the Sandbox by default). */
export const DEFAULT_SOURCE: Source = "remote";

export interface ListOptions {
  page: number;
  sortBy: SortField;
  sortDirection: SortDirection;
  source?: Source;
}

/** The key and fetcher of one page of the list: shared by the screen and the startup prefetch. */
export function roomListQuery({ page, sortBy, sortDirection, source = DEFAULT_SOURCE }: ListOptions) {
  const query: ListQuery = { page, limit: PAGE_SIZE, sortBy, sortDirection };
  return {
    queryKey: queryKeys.roomList(source, query, null),
    queryFn: () => listRooms(source, query),
  };
}

export function useRoomList(options: ListOptions) {
  return useQuery({ ...roomListQuery(options), placeholderData: keepPreviousData });
}

export function useRoom(id: string, source: Source = DEFAULT_SOURCE) {
  return useQuery({ queryKey: queryKeys.room(source, id), queryFn: () => getRoom(source, id) });
}

/** Saves a new title; on success the room's cache entry is replaced and lists refetch. */
export function useSaveTitle(id: string, source: Source = DEFAULT_SOURCE) {
  const queryClient = useQueryClient();
  return useMutation<RoomView, CommandError, string>({
    mutationFn: (title) => updateRoom(source, id, { title }),
    onSuccess: async (view) => {
      queryClient.setQueryData(queryKeys.room(source, id), view);
      await queryClient.invalidateQueries({ queryKey: [...queryKeys.rooms, "list"] });
    },
  });
}

/**
 * The core's verdict on an input as the user types (`validate_room_input`); `null` asks
 * nothing. Answers are kept per input (a pure function), and the previous answer stays
 * visible while a newer input is checked (`isPlaceholderData`).
 */
export function useInputProblems(input: RoomInput | null) {
  return useQuery({
    queryKey: queryKeys.inputProblems(input),
    queryFn: () => (input === null ? Promise.resolve([]) : validateRoomInput(input)),
    enabled: input !== null,
    staleTime: Infinity,
    retry: false,
    placeholderData: keepPreviousData,
  });
}
