// "Test connection": asks the active connection's API for one room and says what came of
// it in plain words (connected, key refused, server not reachable, ...).
import { Alert, Button, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import type { ConnectionInfo, ConnectionTest } from "../../bindings";
import { testConnection } from "../../api/commands";
import { describeError } from "../../api/errors";

type Verdict = { tone: "ok" | "refused" | "unreachable" | "missing" | "failed"; title: string; advice: string | null };

/** The headline and the next step for a test's answer; the shell's message is shown under it. */
export function verdict(test: ConnectionTest, info: ConnectionInfo): Verdict {
  const where = info.baseUrl ?? "the server";
  if (test.ok) return { tone: "ok", title: `Connected to ${where}`, advice: null };
  switch (test.code) {
    case "unauthorized":
      return {
        tone: "refused",
        title: "The API key was refused",
        advice: "Copy the key again from your Flowla settings and replace the stored one.",
      };
    case "network":
    case "timeout":
      return {
        tone: "unreachable",
        title: `Cannot reach ${where}`,
        advice: "Check the base URL and that this computer is online, then test again.",
      };
    case "not_configured":
      return { tone: "missing", title: "No API key stored yet", advice: "Enter the key above, then test again." };
    default:
      return { tone: "failed", title: "The connection did not work", advice: null };
  }
}

const COLOR: Record<Verdict["tone"], string> = {
  ok: "green",
  refused: "red",
  unreachable: "orange",
  missing: "yellow",
  failed: "red",
};

export function TestConnection({ info }: { info: ConnectionInfo }) {
  const test = useMutation({ mutationFn: testConnection });
  const result = test.isPending ? undefined : test.data;
  return (
    <Stack gap="sm" align="flex-start">
      <Button
        variant="light"
        loading={test.isPending}
        onClick={() => {
          test.mutate();
        }}
        data-testid="settings-test-connection"
      >
        Test connection
      </Button>
      {result && <TestResult test={result} info={info} />}
      {test.isError && (
        <Alert color="red" w="100%" data-testid="settings-test-result" data-ok={false} data-tone="failed">
          {describeError(test.error)}
        </Alert>
      )}
    </Stack>
  );
}

function TestResult({ test, info }: { test: ConnectionTest; info: ConnectionInfo }) {
  const answer = verdict(test, info);
  return (
    <Alert
      color={COLOR[answer.tone]}
      title={answer.title}
      w="100%"
      data-testid="settings-test-result"
      data-ok={test.ok}
      data-tone={answer.tone}
    >
      <Text size="sm">{test.message}</Text>
      {answer.advice && (
        <Text size="sm" mt={4}>
          {answer.advice}
        </Text>
      )}
    </Alert>
  );
}
