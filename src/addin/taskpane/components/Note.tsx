/**
 * A line of small text as its own paragraph: the pane's hints and states ("sign in first", "no
 * changes"), one shape so they read alike in every tab.
 */
import type { ReactNode } from "react";
import { Caption1 } from "@fluentui/react-components";

export function Note({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Caption1 as="p" block data-testid={testId}>
      {children}
    </Caption1>
  );
}
