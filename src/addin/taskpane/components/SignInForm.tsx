/** Sign-in: the server's address (prefilled with the page's own when it is served by one) and a token. */
import { useState } from "react";
import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import type { SyncSession } from "../../sync/syncSession";
import type { PaneText } from "../paneText";
import { usePaneAction } from "../tabs/usePaneAction";
import { ErrorBar } from "./ErrorBar";

const useStyles = makeStyles({ submit: { marginTop: tokens.spacingVerticalS } });

function defaultServer(): string {
  return typeof location !== "undefined" && /^https?:$/.test(location.protocol) ? location.origin : "";
}

export function SignInForm({ t, sync }: { t: PaneText; sync: SyncSession }) {
  const [server, setServer] = useState(sync.getState().session?.serverUrl ?? defaultServer());
  const [token, setToken] = useState("");
  const { error, guard } = usePaneAction(t);
  const s = useStyles();
  return (
    <form
      data-testid="sign-in"
      onSubmit={(e) => (e.preventDefault(), void guard(() => sync.signIn(server, token)))}
    >
      <Field label={t.serverUrl}>
        <Input value={server} onChange={(_, d) => setServer(d.value)} data-testid="server-url" />
      </Field>
      <Field label={t.token}>
        <Input type="password" value={token} onChange={(_, d) => setToken(d.value)} data-testid="token" />
      </Field>
      <Button appearance="primary" type="submit" className={s.submit} data-testid="sign-in-button">
        {t.signIn}
      </Button>
      {error && <ErrorBar text={error} />}
    </form>
  );
}
