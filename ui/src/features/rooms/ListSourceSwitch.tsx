// Where the list reads: offline-first (cache, refreshed live), the live API, or the local workspace.
import { Button, Input } from "@mantine/core";
import type { ListSource } from "../../app/routes";

const CHOICES: { value: ListSource; label: string; hint: string }[] = [
  { value: "auto", label: "Offline-first", hint: "The local cache at once, refreshed from the connection in the background" },
  { value: "remote", label: "Live API", hint: "Ask the connection only" },
  { value: "local", label: "Local workspace", hint: "The local cache only, drafts included" },
];

export function ListSourceSwitch({ value, onChange }: { value: ListSource; onChange: (next: ListSource) => void }) {
  return (
    <Input.Wrapper label="Source">
      <Button.Group>
        {CHOICES.map((c) => (
          <Button
            key={c.value}
            size="sm"
            variant={value === c.value ? "filled" : "default"}
            aria-pressed={value === c.value}
            title={c.hint}
            onClick={() => {
              onChange(c.value);
            }}
            data-testid={`source-${c.value}`}
          >
            {c.label}
          </Button>
        ))}
      </Button.Group>
    </Input.Wrapper>
  );
}
