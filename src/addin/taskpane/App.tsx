import { FluentProvider, webLightTheme, Title3, Body1 } from "@fluentui/react-components";
import type { HostKind } from "./detectHost";

export function App({ host }: { host: HostKind }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16 }}>
        <Title3 as="h1">NTM Tracker</Title3>
        <Body1 as="p" data-testid="host-mode">
          {host === "excel" ? "Đang chạy trong Excel" : "Chế độ độc lập (ngoài Excel)"}
        </Body1>
      </main>
    </FluentProvider>
  );
}
