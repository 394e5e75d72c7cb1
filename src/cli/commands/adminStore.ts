/**
 * The store `ntm admin` works on — --db, else DATABASE_URL, else data/ntm.sqlite — opened for one
 * command and closed after, saying which one when --db was not given (an administrator who meant
 * the production database must not seed a stray local file unknowingly).
 */
import type { CliIo } from "../cliIo";
import { Store } from "../../server/store/store";
import { adminMessages as say } from "../messages/adminMessages";
import { optionHelp } from "../messages/commonMessages";
import { displayLocation, storeLocation } from "./storeLocation";

export const dbOption = ["--db <file|url>", optionHelp.db] as const;

export async function withStore<T>(
  db: string | undefined,
  io: CliIo,
  fn: (store: Store) => Promise<T>,
): Promise<T> {
  const location = storeLocation(db);
  if (!db) io.err(say.storeInUse(displayLocation(location), process.env.DATABASE_URL ? "env" : "default"));
  const store = await Store.open({ location });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
