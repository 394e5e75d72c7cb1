/** The one error line of a tab: what went wrong and what to do, in the pane's words (paneError). */
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { usePaneStyles } from "./paneStyles";

export function ErrorBar({ text }: { text: string }) {
  const s = usePaneStyles();
  return (
    <MessageBar intent="error" className={s.bar}>
      <MessageBarBody data-testid="error">{text}</MessageBarBody>
    </MessageBar>
  );
}
