// One editor input, chosen by the field's kind in the catalogue. Pickers list the server's
// lookups when it offers them and take a typed ID when it does not. Errors are the core's.
import { Checkbox, ColorSwatch, NativeSelect, Textarea, TextInput } from "@mantine/core";
import type { FieldError } from "../../bindings";
import type { FieldSpec } from "../../catalogue";
import type { DraftValue } from "./editorDraft";

export interface PickerOption {
  value: string;
  label: string;
}

interface Props {
  spec: FieldSpec;
  value: DraftValue;
  onChange: (value: DraftValue) => void;
  errors: readonly FieldError[];
  /** Choices for a picker; null when the server offers no list (type the ID). */
  options?: PickerOption[] | null;
  /** A note under the input ("last set from Roomdesk"). */
  note?: string;
}

export function fieldError(errors: readonly FieldError[], field: string): string | null {
  const mine = errors.filter((e) => e.field === field).map((e) => e.message);
  return mine.length ? mine.join("; ") : null;
}

export function FieldInput({ spec, value, onChange, errors, options, note }: Props) {
  const error = fieldError(errors, spec.name);
  const common = {
    label: spec.label,
    error,
    errorProps: { "data-testid": `field-error-${spec.name}` },
    description: [note, spec.hint].filter(Boolean).join(" · ") || undefined,
    "data-testid": `room-field-${spec.name}`,
  };
  if (spec.kind === "bool") {
    return (
      <Checkbox
        label={spec.label}
        error={error && <span data-testid={`field-error-${spec.name}`}>{error}</span>}
        data-testid={`room-field-${spec.name}`}
        description={note}
        checked={value === true}
        onChange={(e) => {
          onChange(e.currentTarget.checked);
        }}
      />
    );
  }
  const text = typeof value === "string" ? value : "";
  if (options && options.length > 0) {
    const known = options.some((o) => o.value === text);
    const data = [{ value: "", label: "—" }, ...(known || text === "" ? [] : [{ value: text, label: `${text} (typed ID)` }]), ...options];
    return (
      <NativeSelect
        {...common}
        data={data}
        value={text}
        onChange={(e) => {
          onChange(e.currentTarget.value);
        }}
      />
    );
  }
  if (spec.kind === "longText") {
    return (
      <Textarea
        {...common}
        rows={3}
        value={text}
        onChange={(e) => {
          onChange(e.currentTarget.value);
        }}
      />
    );
  }
  const isColor = spec.kind === "color" || spec.kind === "navColor";
  return (
    <TextInput
      {...common}
      placeholder={spec.kind === "id" || spec.kind === "status" ? "Type an ID" : undefined}
      leftSection={isColor && /^#/.test(text) ? <ColorSwatch color={text} size={16} /> : undefined}
      value={text}
      onChange={(e) => {
        onChange(e.currentTarget.value);
      }}
    />
  );
}
