import { Badge, Button, Group } from "@mantine/core";
import { contrastLevel, contrastRatio, formatRatio, suggestShade } from "./contrast";
import { BUYER_TEXT } from "./designValues";

type Props = {
  surface: "cover" | "nav";
  label: string;
  background: string | null;
  /** Offered only when the user can change this background directly. */
  onSuggest: ((hex: string) => void) | null;
};

/** WCAG ratio of the buyer's text on one background, graded, with a fix when it fails. */
export function ContrastBadge({ surface, label, background, onSuggest }: Props) {
  if (!background) {
    return (
      <Badge data-testid={`contrast-${surface}`} color="gray" variant="light" data-level="unknown">
        {label}: no color to check
      </Badge>
    );
  }
  const ratio = contrastRatio(BUYER_TEXT, background);
  const level = contrastLevel(ratio);
  const suggestion = level === "fail" ? suggestShade(background, BUYER_TEXT) : null;
  return (
    <Group gap="xs">
      <Badge
        data-testid={`contrast-${surface}`}
        data-level={level}
        color={level === "fail" ? "red" : level === "AA" ? "yellow" : "green"}
        variant="light"
      >
        {label}: {formatRatio(ratio)} {level === "fail" ? "below AA" : level}
      </Badge>
      {suggestion && onSuggest ? (
        <Button
          size="compact-xs"
          variant="light"
          data-testid={`contrast-suggest-${surface}`}
          onClick={() => {
            onSuggest(suggestion);
          }}
          leftSection={<span style={{ width: 10, height: 10, background: suggestion, display: "inline-block" }} />}
        >
          Use {suggestion} (passes AA)
        </Button>
      ) : null}
    </Group>
  );
}
