/**
 * The engines every store test runs on: SQLite in a temp file always, PostgreSQL when DATABASE_URL
 * is set (each opened store gets its own fresh schema, dropped on close, so runs never collide).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { randomBytes } from "node:crypto";
import { Pool } from "pg";
import { Store } from "../src/server/store/store";

/** `poolSize`: PostgreSQL connections (25 unless said; SQLite has one writer). */
export interface OpenOptions {
  clock?: () => Date;
  poolSize?: number;
}

export interface TestEngine {
  name: "sqlite" | "postgres";
  open(
    opts?: OpenOptions,
  ): Promise<{ store: Store; location: string; schema?: string; cleanup(): Promise<void> }>;
}

export const testEngines: TestEngine[] = [
  {
    name: "sqlite",
    async open(opts) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-store-"));
      const location = path.join(dir, "ntm.sqlite");
      const store = await Store.open({ location, clock: opts?.clock });
      return {
        store,
        location,
        async cleanup() {
          await store.close().catch(() => undefined);
          fs.rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  ...(process.env.DATABASE_URL
    ? [
        {
          name: "postgres" as const,
          async open(opts?: OpenOptions) {
            const location = process.env.DATABASE_URL!;
            const schema = `ntm_test_${process.pid}_${randomBytes(4).toString("hex")}`;
            const store = await Store.open({
              location,
              schema,
              clock: opts?.clock,
              poolSize: opts?.poolSize ?? 25,
            });
            return {
              store,
              location,
              schema,
              async cleanup() {
                await store.close().catch(() => undefined);
                const pool = new Pool({ connectionString: location, max: 1 });
                await pool.query(`drop schema if exists ${schema} cascade`);
                await pool.end();
              },
            };
          },
        },
      ]
    : []),
];

if (!process.env.DATABASE_URL && !process.env.CI) {
  console.log("DATABASE_URL is not set: store tests run on SQLite only / chỉ chạy trên SQLite");
}
