// The org brand color and the per-company colors kept on this computer (the core's store),
// which the preview shows for the `flow-org-color` / `target-company-color` keywords.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getCompanyColor, getOrgColor, setCompanyColor, setOrgColor } from "../../api/commands";
import type { CommandError } from "../../api/errors";
import { queryKeys } from "../../api/queryKeys";

export function useOrgColor() {
  return useQuery<string | null>({ queryKey: queryKeys.orgColor, queryFn: getOrgColor, retry: false });
}

export function useSaveOrgColor() {
  const queryClient = useQueryClient();
  return useMutation<string | null, CommandError, string | null>({
    mutationFn: (color) => setOrgColor(color),
    onSuccess: (stored) => {
      queryClient.setQueryData(queryKeys.orgColor, stored);
    },
  });
}

export function useCompanyColor(companyId: string | null) {
  return useQuery<string | null>({
    queryKey: queryKeys.companyColor(companyId ?? ""),
    queryFn: () => (companyId ? getCompanyColor(companyId) : Promise.resolve(null)),
    enabled: companyId !== null,
    retry: false,
  });
}

export function useSaveCompanyColor(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation<string | null, CommandError, string | null>({
    mutationFn: (color) => setCompanyColor(companyId, color),
    onSuccess: (stored) => {
      queryClient.setQueryData(queryKeys.companyColor(companyId), stored);
    },
  });
}
