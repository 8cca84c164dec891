// In company navigation mode: the room's company color kept on this computer, editable
// in place. Flowla itself takes the color from the company; this only feeds the preview.
import { Stack, Text } from "@mantine/core";
import { LocalColorForm } from "./LocalColorForm";
import { useSaveCompanyColor } from "./brandColors";

type Props = { companyId: string | null; stored: string | null };

export function CompanyColor({ companyId, stored }: Props) {
  if (!companyId) {
    return (
      <Text size="xs" c="dimmed" data-testid="company-color-none">
        This room has no company: pick one under Basics to preview its color.
      </Text>
    );
  }
  return <CompanyColorForm key={companyId} companyId={companyId} stored={stored} />;
}

function CompanyColorForm({ companyId, stored }: { companyId: string; stored: string | null }) {
  const save = useSaveCompanyColor(companyId);
  return (
    <Stack gap={2} data-testid="company-color">
      <LocalColorForm
        label="Company color (this computer only)"
        stem="company-color"
        stored={stored}
        save={save}
        description="Used for the preview; Flowla takes the real one from the company"
      />
    </Stack>
  );
}
