import { Badge } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { getConnection } from "../api/commands";
import { queryKeys } from "../api/queryKeys";

/** "Sandbox" or "Flowla" in the header; the API address on hover (a native tooltip). */
export function ConnectionBadge() {
  const connection = useQuery({ queryKey: queryKeys.connection, queryFn: getConnection });

  if (connection.isPending) {
    return (
      <Badge variant="light" color="gray" data-testid="connection-badge">
        Connecting…
      </Badge>
    );
  }
  if (connection.isError) {
    return (
      <Badge variant="light" color="red" title={connection.error.message} data-testid="connection-badge">
        No connection
      </Badge>
    );
  }
  const info = connection.data;
  const sandbox = info.kind === "sandbox";
  const label = sandbox ? "Sandbox" : info.remoteReady ? "Flowla" : "Flowla · no key";
  const color = sandbox ? "teal" : info.remoteReady ? "indigo" : "orange";
  const hint = sandbox
    ? `Sample rooms served inside the app (${info.baseUrl ?? "starting"})`
    : `${info.baseUrl ?? "no base URL"}${info.keyHint ? ` · key …${info.keyHint}` : ""}`;
  return (
    <Badge variant="dot" color={color} size="lg" tt="none" title={hint} data-testid="connection-badge" data-kind={info.kind}>
      {label}
    </Badge>
  );
}
