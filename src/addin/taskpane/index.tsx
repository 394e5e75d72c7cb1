// Task pane entry: waits for Office (or notices it is absent: standalone mode) and renders the app.
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { detectHost } from "./detectHost";

detectHost().then((host) => {
  const root = createRoot(document.getElementById("root") as HTMLElement);
  root.render(<App host={host} />);
});
