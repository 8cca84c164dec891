// Settings: which API the app talks to (Sandbox or a Flowla account with its key), a test
// of that connection, where the data lives, and resetting the local cache.
import { Badge, Stack, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { ConnectionKind } from "../../bindings";
import { getAppInfo, getConnection } from "../../api/commands";
import { queryKeys } from "../../api/queryKeys";
import { ApiKeySection } from "./ApiKeySection";
import { ConnectionSection } from "./ConnectionSection";
import { ResetCacheSection } from "./ResetCacheSection";
import { Facts, Section } from "./SettingsSection";
import { TestConnection } from "./TestConnection";
import { OrgBrandColor } from "./OrgBrandColor";
import { PaletteManager } from "../palettes/PaletteManager";

export function SettingsPage() {
  const connection = useQuery({ queryKey: queryKeys.connection, queryFn: getConnection });
  const app = useQuery({ queryKey: queryKeys.appInfo, queryFn: getAppInfo });
  // The kind the user picked; until then, the active one.
  const [picked, setPicked] = useState<ConnectionKind | null>(null);
  const chosen = picked ?? connection.data?.kind ?? "sandbox";

  return (
    <Stack gap="md" maw={800}>
      <Title order={2}>Settings</Title>
      <Section title="Connection" testId="settings-connection" pending={connection.isPending} error={connection.error?.message}>
        {connection.data && <ConnectionSection info={connection.data} chosen={chosen} onChoose={setPicked} />}
      </Section>
      {chosen === "flowla" && connection.data && (
        <Section title="Flowla API key" testId="settings-key">
          <ApiKeySection info={connection.data} />
        </Section>
      )}
      <Section title="Test the connection" testId="settings-test" pending={connection.isPending} error={connection.error?.message}>
        {connection.data && (
          // A new connection or key starts without the old answer.
          <TestConnection key={`${connection.data.kind}|${connection.data.baseUrl ?? ""}|${connection.data.keyHint ?? ""}`} info={connection.data} />
        )}
      </Section>
      <Section title="This app" pending={app.isPending} error={app.error?.message}>
        {app.data && (
          <Facts
            rows={[
              ["Version", `${app.data.version}${app.data.devBuild ? " (development build)" : ""}`],
              ["Data folder", app.data.dataDir],
              ["Sandbox", app.data.sandboxUrl],
              ["Key store", <Badge key="k" variant="light" tt="none">{app.data.keyStore}</Badge>],
            ]}
            testId="settings-app"
          />
        )}
      </Section>
      <Section title="Local cache" testId="settings-cache">
        <ResetCacheSection />
      </Section>
      <Section title="Brand" testId="settings-brand">
        <Stack gap="lg">
          <OrgBrandColor />
          <PaletteManager />
        </Stack>
      </Section>
    </Stack>
  );
}
