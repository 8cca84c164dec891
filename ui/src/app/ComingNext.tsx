import { Alert } from "@mantine/core";
import type { ReactNode } from "react";

/** A clear note that a screen is read-only today and what comes next for it. */
export function ComingNext({ children, testId }: { children: ReactNode; testId: string }) {
  return (
    <Alert variant="light" color="indigo" title="Coming next" data-testid={testId}>
      {children}
    </Alert>
  );
}
