/**
 * A newer server may list an action (or a region) this client does not know: the client leaves it
 * out and signs in, rather than refusing the whole answer — a clerk on an older add-in keeps working.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { SyncClient } from "./syncClient";

function serve(body: unknown): Promise<http.Server> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

describe("SyncClient.me", () => {
  it.each([
    [["read", "push", "teleport"], "BTB", ["read", "push"], "BTB"],
    [["read", "review"], "Atlantis", ["read", "review"], undefined],
  ])("keeps the actions and region it knows of %j", async (actions, region, keptActions, keptRegion) => {
    const server = await serve({
      name: "can-bo",
      role: "clerk",
      scope: { code: "18139", name: "Xã Sơn Hồng", level: "commune" },
      actions,
      region,
    });
    try {
      const port = (server.address() as AddressInfo).port;
      const me = await new SyncClient({ baseUrl: `http://127.0.0.1:${port}`, token: "t" }).me();
      expect(me.actions).toEqual(keptActions);
      expect(me.region).toBe(keptRegion);
      expect(me.scope.code).toBe("18139");
    } finally {
      server.close();
    }
  });
});
