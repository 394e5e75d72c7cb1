import { isUnreachable, SyncClient, SyncUnreachableError } from "./syncClient";

describe("whether the server was reached", () => {
  it("is 'not reached' for each engine's fetch failure, and the client says which server", async () => {
    for (const message of [
      "Failed to fetch",
      "NetworkError when attempting to fetch resource.",
      "Load failed",
    ]) {
      expect(isUnreachable(new TypeError(message))).toBe(true);
      const client = new SyncClient({
        baseUrl: "https://ntm.example",
        token: "t",
        fetch: async () => {
          throw new TypeError(message);
        },
      });
      const e = await client.me().catch((x: unknown) => x);
      expect(e).toBeInstanceOf(SyncUnreachableError);
      expect(isUnreachable(e)).toBe(true);
      expect((e as Error).message).toMatch(/^Không kết nối được máy chủ https:\/\/ntm\.example/);
    }
  });

  it("is not 'not reached' for a bug or a server's refusal that mentions the network", () => {
    expect(isUnreachable(new TypeError("Cannot read properties of undefined (reading 'values')"))).toBe(
      false,
    );
    expect(isUnreachable(new Error("network policy refused / network policy refused"))).toBe(false);
    expect(isUnreachable(undefined)).toBe(false);
  });
});
