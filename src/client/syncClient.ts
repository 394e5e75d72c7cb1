/**
 * The sync client over the wire protocol of src/domain/sync: fetch-based, so the same code runs in
 * the add-in (browser) and in Node 20 (the CLI, tests, the benchmark). Every answer is parsed with
 * the protocol's schemas; refusals come back as values, not exceptions, so callers handle 409/423.
 */
import { completenessSchema } from "../domain/rhythm/rhythmWire";
import {
  type ConflictBody,
  type IndicatorChange,
  type ReviewConflictBody,
  reviewConflictBodySchema,
  type IndicatorValues,
  type Outbox,
  type ReportKey,
  type ReportView,
  type Revision,
  type ReviewAction,
  acknowledge,
  answerStaleBase,
  answerState,
  block,
  unblock,
  conflictBodySchema,
  consolidationSchema,
  criteriaSetSummarySchema,
  reportListSchema,
  errorBodySchema,
  markAttempt,
  meSchema,
  nextToSend,
  reportViewSchema,
  reviewEventSchema,
  revisionListSchema,
  revisionSchema,
  type IndicatorConflict,
} from "../domain/sync";
import {
  actionSchema,
  criteriaSetVersionSchema,
  orgUnitSchema,
  type Me,
  type OrgUnitDto,
} from "../domain/sync/protocol";
import { RegionSchema } from "../domain/criteria/schema";
import { z } from "zod";

/** /api/me as any server version sends it: the fields this client checks after leaving out the unknown. */
const looseMeSchema = z.looseObject({
  actions: z.array(z.unknown()).optional(),
  region: z.unknown().optional(),
});
import { causeCode, isUnreachable, SyncUnreachableError } from "./unreachable";

export { isUnreachable, SyncUnreachableError } from "./unreachable";

const orgUnitListSchema = z.object({ units: z.array(orgUnitSchema) });

export interface SyncClientOptions {
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
}

export type PushResult =
  | { status: 201; revision: Revision; replayed: boolean }
  | { status: 409; conflict: ConflictBody }
  | { status: 423; message: string }
  | { status: number; error: string; message: string };

export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A review refused because the head moved past the judged revision (409 stale-review). */
export class ReviewStaleError extends SyncHttpError {
  readonly judgedRevision: number;
  readonly headRevision: number;
  readonly changes: IndicatorChange[];
  constructor(body: ReviewConflictBody) {
    super(409, body.error, body.message);
    this.name = "ReviewStaleError";
    this.judgedRevision = body.judgedRevision;
    this.headRevision = body.headRevision;
    this.changes = body.changes;
  }
}

const pushCreatedSchema = z.object({ revision: revisionSchema, replayed: z.boolean() });

export class SyncClient {
  private readonly base: string;
  private readonly doFetch: typeof fetch;

  constructor(private readonly opts: SyncClientOptions) {
    this.base = opts.baseUrl.replace(/\/+$/, "");
    // A stored bare `fetch` called as a method throws "Illegal invocation" in browsers: bind it.
    this.doFetch = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  private reportPath(key: ReportKey): string {
    return `/api/reports/${encodeURIComponent(key.org)}/${encodeURIComponent(key.set)}/${encodeURIComponent(key.period)}`;
  }

  private async request(
    method: string,
    path: string,
    body?: unknown,
    accept = "application/json",
  ): Promise<Response> {
    try {
      return await this.doFetch(this.base + path, {
        method,
        headers: {
          authorization: `Bearer ${this.opts.token}`,
          accept,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      // fetch rejects with a TypeError only when no answer came at all. By name, not instanceof:
      // Node's fetch may build it in another realm (test sandboxes, some hosts).
      if ((e as Error)?.name === "TypeError")
        throw new SyncUnreachableError(this.base, causeCode(e as TypeError));
      throw e;
    }
  }

  private async json<T>(res: Response, schema: z.ZodType<T>): Promise<T> {
    const data = await res.json().catch(() => undefined);
    if (!res.ok) {
      const e = errorBodySchema.safeParse(data);
      throw new SyncHttpError(
        res.status,
        e.success ? e.data.error : "http",
        e.success ? e.data.message : `HTTP ${res.status}`,
      );
    }
    return schema.parse(data);
  }

  /**
   * Who the token stands for. An action this client does not know (a newer server's) is left out
   * rather than refusing the whole answer, so a clerk on an older add-in can still sign in; a region
   * it does not know is left out the same way.
   */
  async me(): Promise<Me> {
    const raw = (await this.json(await this.request("GET", "/api/me"), looseMeSchema)) as Record<
      string,
      unknown
    >;
    const actions = Array.isArray(raw.actions)
      ? raw.actions.filter((a) => actionSchema.safeParse(a).success)
      : undefined;
    const region = RegionSchema.safeParse(raw.region).success ? raw.region : undefined;
    return meSchema.parse({ ...raw, actions, region });
  }

  /** The org units within `under` (default: the caller's scope), codes read at `at` (YYYY-MM-DD). */
  async orgUnits(q: { under?: string; at?: string } = {}): Promise<OrgUnitDto[]> {
    const qs = new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => Boolean(e[1])));
    const path = `/api/org-units${qs.size ? `?${qs}` : ""}`;
    return (await this.json(await this.request("GET", path), orgUnitListSchema)).units;
  }

  async getReport(key: ReportKey): Promise<ReportView> {
    return this.json(await this.request("GET", this.reportPath(key)), reportViewSchema);
  }

  async revisions(key: ReportKey, since = 0): Promise<Revision[]> {
    return (
      await this.json(
        await this.request("GET", `${this.reportPath(key)}/revisions?since=${since}`),
        revisionListSchema,
      )
    ).revisions;
  }

  /** The values of `revision` of a report; `{}` for revision 0 (nothing pushed yet) or one not found. */
  async valuesAt(key: ReportKey, revision: number): Promise<IndicatorValues> {
    if (revision <= 0) return {};
    const revs = await this.revisions(key, revision - 1);
    return revs.find((r) => r.number === revision)?.values ?? {};
  }

  async push(
    key: ReportKey,
    body: { opId: string; baseRevision: number; values: IndicatorValues; workbookHash?: string | null },
  ): Promise<PushResult> {
    const res = await this.request("POST", `${this.reportPath(key)}/revisions`, body);
    const data = await res.json().catch(() => undefined);
    if (res.status === 201) return { status: 201, ...pushCreatedSchema.parse(data) };
    if (res.status === 409) {
      const c = conflictBodySchema.safeParse(data);
      if (c.success) return { status: 409, conflict: c.data };
    }
    const e = errorBodySchema.safeParse(data);
    if (res.status === 423) return { status: 423, message: e.success ? e.data.message : "locked" };
    return {
      status: res.status,
      error: e.success ? e.data.error : "http",
      message: e.success ? e.data.message : `HTTP ${res.status}`,
    };
  }

  /**
   * Approve, return or reopen `revision`, the one the reviewer read. When the head has moved past
   * it the server refuses (409) and this throws a ReviewStaleError saying what changed.
   */
  async review(key: ReportKey, action: ReviewAction, revision: number, comments?: Record<string, string>) {
    const res = await this.request("POST", `${this.reportPath(key)}/review`, { action, revision, comments });
    if (res.status === 409) {
      const data = await res
        .clone()
        .json()
        .catch(() => undefined);
      const stale = reviewConflictBodySchema.safeParse(data);
      if (stale.success) throw new ReviewStaleError(stale.data);
    }
    return this.json(res, z.object({ state: z.string(), event: reviewEventSchema }));
  }

  /** One page of the reports within the caller's scope (reviewers' list), optionally filtered. */
  async reports(q: { under: string; set?: string; period?: string; state?: string; offset?: number }) {
    const qs = new URLSearchParams(
      Object.entries(q)
        .filter(([, v]) => Boolean(v))
        .map(([k, v]) => [k, String(v)]),
    ).toString();
    return this.json(await this.request("GET", `/api/reports?${qs}`), reportListSchema);
  }

  async consolidation(q: { set: string; period: string; under: string }) {
    const qs = new URLSearchParams(q).toString();
    return this.json(await this.request("GET", `/api/consolidation?${qs}`), consolidationSchema);
  }

  /** The criteria sets the server judges by (the pane's set lists). */
  async criteriaSets() {
    const res = await this.request("GET", "/api/criteria-sets");
    return (await this.json(res, z.object({ sets: z.array(criteriaSetSummarySchema) }))).sets;
  }

  /** Every installed version (oldest first within a set); an older server lists only the newest. */
  async criteriaSetVersions() {
    const res = await this.request("GET", "/api/criteria-sets");
    const body = await this.json(
      res,
      z.object({
        sets: z.array(criteriaSetSummarySchema),
        versions: z.array(criteriaSetSummarySchema).optional(),
      }),
    );
    return body.versions ?? body.sets;
  }

  /** One installed version with its definition: the newest, or the one `version` (a hash) names. */
  async criteriaSetVersion(id: string, version?: string) {
    const qs = version ? `?${new URLSearchParams({ version }).toString()}` : "";
    const res = await this.request("GET", `/api/criteria-sets/${encodeURIComponent(id)}${qs}`);
    return this.json(res, criteriaSetVersionSchema);
  }

  /** Who registered and reported (work volumes, village progress, a criteria set) for a period. */
  async completeness(q: { under: string; kind: string; period: string }) {
    const qs = new URLSearchParams(q).toString();
    return this.json(await this.request("GET", `/api/completeness?${qs}`), completenessSchema);
  }

  async consolidationXlsx(q: { set: string; period: string; under: string }): Promise<Uint8Array> {
    const qs = new URLSearchParams({ ...q, format: "xlsx" }).toString();
    const res = await this.request("GET", `/api/consolidation?${qs}`);
    if (!res.ok) await this.json(res, z.unknown());
    return new Uint8Array(await res.arrayBuffer());
  }
}

export interface FlushReport {
  outbox: Outbox;
  acknowledged: { opId: string; revision: number }[];
  conflicts: { opId: string; conflicts: IndicatorConflict[] }[];
  /** Entries answered 423 this flush (the report is approved and locked): tried again next flush. */
  locked: string[];
  /** Entries refused for good (401, 403, 404, 422…): kept, shown, not sent again unless asked. */
  refused: { opId: string; status: number; message: string }[];
  /** Entries that did not reach the server or met a passing failure (5xx): sent on the next flush. */
  failed: { opId: string; message: string; unreachable: boolean }[];
}

/**
 * Replay the outbox in order (the one flush of the pane and the CLI). A 409 is merged per indicator
 * (base = the entry's base revision, mine = the entry, theirs = the head): a clean merge is pushed
 * again on the new head with a new opId; conflicts block the entry for the person to settle. A
 * locked entry is tried once per flush, so it goes as soon as the report is reopened; refused
 * entries are sent again only with `retryRefused`. Network errors leave entries pending.
 */
export async function flushOutbox(
  client: SyncClient,
  start: Outbox,
  deps: {
    newOpId: () => string;
    now: () => string;
    baseValues: (key: ReportKey, revision: number) => Promise<IndicatorValues>;
    retryRefused?: boolean;
  },
): Promise<FlushReport> {
  let outbox = start;
  const report: FlushReport = {
    outbox,
    acknowledged: [],
    conflicts: [],
    locked: [],
    refused: [],
    failed: [],
  };
  const tried = new Set<string>();
  for (let round = 0; round < 100; round++) {
    // Locked and (when asked) refused entries get one try per flush; pending ones until no progress.
    const batch = nextToSend(outbox, { locked: true, refused: deps.retryRefused }).filter(
      (e) => !tried.has(e.opId) || !e.blocked,
    );
    if (!batch.length) break;
    let progressed = false;
    for (const entry of batch) {
      tried.add(entry.opId);
      outbox = markAttempt(outbox, entry.opId);
      let r: PushResult;
      try {
        r = await client.push(entry.key, {
          opId: entry.opId,
          baseRevision: entry.baseRevision,
          values: entry.values,
          workbookHash: entry.workbookHash,
        });
      } catch (e) {
        report.failed.push({
          opId: entry.opId,
          message: (e as Error).message,
          unreachable: isUnreachable(e),
        });
        continue;
      }
      if (r.status === 201 && "revision" in r) {
        outbox = acknowledge(outbox, entry.opId, r.revision.number);
        report.acknowledged.push({ opId: entry.opId, revision: r.revision.number });
        progressed = true;
      } else if (r.status === 409 && "conflict" in r) {
        const base = await deps.baseValues(entry.key, entry.baseRevision);
        const answered = answerStaleBase(outbox, entry, base, r.conflict, deps.newOpId, deps.now());
        outbox = answered.outbox;
        if (answered.conflicts.length)
          report.conflicts.push({ opId: entry.opId, conflicts: answered.conflicts });
        else progressed = true;
      } else {
        const message = "message" in r ? r.message : `HTTP ${r.status}`;
        const state = answerState(r.status);
        if (state === "blocked-locked") {
          outbox = block(outbox, entry.opId, "locked", deps.now(), { status: 423, message });
          report.locked.push(entry.opId);
        } else if (state === "refused") {
          outbox = block(outbox, entry.opId, "refused", deps.now(), { status: r.status, message });
          report.refused.push({ opId: entry.opId, status: r.status, message });
        } else {
          outbox = unblock(outbox, entry.opId);
          report.failed.push({ opId: entry.opId, message, unreachable: false });
        }
      }
    }
    if (!progressed) break;
  }
  report.outbox = outbox;
  return report;
}
