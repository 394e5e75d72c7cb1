/** Where the CLI's store lives: --db, else DATABASE_URL, else ./data/ntm.sqlite. */
import * as path from "node:path";

export const DEFAULT_SQLITE_FILE = path.join("data", "ntm.sqlite");

export function storeLocation(db: string | undefined): string {
  return db ?? process.env.DATABASE_URL ?? DEFAULT_SQLITE_FILE;
}

/** A location safe to print: a PostgreSQL URL without its password. */
export function displayLocation(location: string): string {
  return location.replace(/(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/, "$1:***@");
}
