// Brand palettes kept on this computer (the core's store): the list, and its changes.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Palette } from "../../bindings";
import { createPalette, deletePalette, listPalettes, renamePalette } from "../../api/commands";
import type { CommandError } from "../../api/errors";
import { queryKeys } from "../../api/queryKeys";

export function usePalettes() {
  return useQuery<Palette[]>({ queryKey: queryKeys.palettes, queryFn: listPalettes, retry: false });
}

function useRefreshing<A>(run: (args: A) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation<unknown, CommandError, A>({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.palettes }),
  });
}

export const useCreatePalette = () => useRefreshing<Palette>((p) => createPalette(p));
export const useRenamePalette = () => useRefreshing<{ name: string; newName: string }>(({ name, newName }) => renamePalette(name, newName));
export const useDeletePalette = () => useRefreshing<string>((name) => deletePalette(name));
