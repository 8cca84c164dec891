// Settings › Brand: the org brand color, kept on this computer. The designer's preview shows it for rooms whose navigation color is
// `flow-org-color`.
import { Stack, Text } from "@mantine/core";
import { LocalColorForm } from "../designer/LocalColorForm";
import { useOrgColor, useSaveOrgColor } from "../designer/brandColors";

export function OrgBrandColor() {
  const org = useOrgColor();
  const save = useSaveOrgColor();
  return (
    <Stack gap="xs" data-testid="settings-org-color">
      <Text size="sm" c="dimmed">
        The color the designer&apos;s preview shows for rooms with the org brand navigation color. Kept on this
        computer; Flowla uses your organisation&apos;s own setting.
      </Text>
      {org.isError ? (
        <Text size="sm" c="red" data-testid="settings-org-color-load-error">
          {org.error.message}
        </Text>
      ) : null}
      {org.isSuccess ? <LocalColorForm label="Org brand color" stem="settings-org-color" stored={org.data} save={save} /> : null}
    </Stack>
  );
}
