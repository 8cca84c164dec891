import { Badge, Button, Group } from "@mantine/core";
import { AA, AAA, contrastLevel, contrastRatio, formatRatio, readableText, suggestShade } from "./contrast";

type Props = {
  surface: "cover" | "nav";
  label: string;
  /** `#RRGGBB` the text sits on; null when the preview has no color to check. */
  background: string | null;
  /** Offered only when the user can change this background directly. */
  onSuggest: ((hex: string) => void) | null;
};

/**
 * WCAG ratio of the preview's text (black or white, whichever reads better) on one
 * background, graded. Below AA the nearest same-hue shade that passes AA is offered;
 * at AA, the nearest that reaches AAA.
 */
export function ContrastBadge({ surface, label, background, onSuggest }: Props) {
  if (!background) {
    return (
      <Badge data-testid={`contrast-${surface}`} color="gray" variant="light" data-level="unknown">
        {label}: no color to check
      </Badge>
    );
  }
  const text = readableText(background);
  const ratio = contrastRatio(text, background);
  const level = contrastLevel(ratio);
  const target = level === "fail" ? AA : AAA;
  const suggestion = level === "AAA" ? null : suggestShade(background, text, target)?.toUpperCase() ?? null;
  return (
    <Group gap="xs">
      <Badge
        data-testid={`contrast-${surface}`}
        data-level={level}
        color={level === "fail" ? "red" : level === "AA" ? "yellow" : "green"}
        variant="light"
      >
        {label}: {formatRatio(ratio)} {level === "fail" ? "below AA" : `${level} pass`}
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
          Use {suggestion} (reaches {level === "fail" ? "AA" : "AAA"})
        </Button>
      ) : null}
    </Group>
  );
}
