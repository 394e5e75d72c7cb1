/**
 * Pushes the server refused for good (a wrong token, a unit outside the scope…): each with the
 * server's reason and a way to give it up, so one bad entry does not sit in the outbox for ever.
 * Only refused entries can be discarded; pending, locked and conflicting ones are kept.
 */
import { Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { OutboxLine } from "../../../domain/sync/workbookPush";
import type { SyncSession } from "../../sync/syncSession";
import { refusalText } from "../paneError";
import type { PaneText } from "../paneText";
import { usePaneStyles } from "./paneStyles";

export function RefusedPushes({ t, sync, lines }: { t: PaneText; sync: SyncSession; lines: OutboxLine[] }) {
  const p = usePaneStyles();
  const refused = lines.filter((l) => l.state === "refused");
  if (!refused.length) return null;
  return (
    <MessageBar intent="error" layout="multiline" className={p.bar} data-testid="refused">
      <MessageBarBody>
        <MessageBarTitle>{t.refusedTitle}</MessageBarTitle>
        {refused.map((l) => (
          <div key={l.opId} data-testid="refused-entry">
            <Caption1>
              {t.refusedEntry(l.key.org, l.key.period, refusalText(t, l.status, l.message))}
            </Caption1>{" "}
            <Button size="small" onClick={() => sync.discard(l.opId)} data-testid={`discard-${l.opId}`}>
              {t.discard}
            </Button>
          </div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
