import { Badge, Tooltip } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { getConnection } from "../api/commands";
import { queryKeys } from "../api/queryKeys";

/** "Sandbox" or "Flowla" in the header; the API address on hover. */
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
      <Tooltip label={connection.error.message}>
        <Badge variant="light" color="red" data-testid="connection-badge">
          No connection
        </Badge>
      </Tooltip>
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
    <Tooltip label={hint}>
      <Badge variant="dot" color={color} size="lg" tt="none" data-testid="connection-badge" data-kind={info.kind}>
        {label}
      </Badge>
    </Tooltip>
  );
}
