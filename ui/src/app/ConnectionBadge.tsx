import { Badge } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { getConnection } from "../api/commands";
import { queryKeys } from "../api/queryKeys";
import { useConnectionOffline } from "./useReachability";

/**
 * "Sandbox" or "Flowla" in the header, "· offline" while the connection cannot be reached
 * (the screens then show the local cache); the API address on hover (a native tooltip).
 */
export function ConnectionBadge() {
  const connection = useQuery({ queryKey: queryKeys.connection, queryFn: getConnection });
  const offline = useConnectionOffline();

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
  const name = sandbox ? "Sandbox" : info.remoteReady ? "Flowla" : "Flowla · no key";
  const label = offline ? `${name} · offline` : name;
  const color = offline ? "yellow" : sandbox ? "teal" : info.remoteReady ? "indigo" : "orange";
  const address = sandbox
    ? `Sample rooms served inside the app (${info.baseUrl ?? "starting"})`
    : `${info.baseUrl ?? "no base URL"}${info.keyHint ? ` · key …${info.keyHint}` : ""}`;
  const hint = offline ? `${address}: not answering, showing the local cache` : address;
  return (
    <Badge
      variant="dot"
      color={color}
      size="lg"
      tt="none"
      title={hint}
      data-testid="connection-badge"
      data-kind={info.kind}
      data-offline={offline ? "true" : "false"}
    >
      {label}
    </Badge>
  );
}
