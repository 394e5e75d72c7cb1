/**
 * The data store over Kysely (SQLite or PostgreSQL): one object that opens the database and wires
 * the aggregates — org units, users and tokens, criteria sets, reports and revisions, pushes,
 * review, audit and backup — each in its own module, around one shared writer.
 *
 * Invariants (the aggregates' own are in their files):
 * - Every write of every aggregate goes through the one `GroupCommit`: on SQLite several writes
 *   share one transaction and one fsync, each in its own savepoint, and none is answered before
 *   that commit returned (see groupCommit.ts, openDatabase.ts).
 * - Plain reads use `reads` (SQLite's read-only connection), which sees only committed data.
 * - The facade only delegates: a new aggregate is a new module and a field here, not more code.
 */
import type { Kysely } from "kysely";
import { AuditTrail } from "./auditTrail";
import { CriteriaSetStore } from "./criteriaSetStore";
import { GroupCommit, type GroupCommitStats } from "./groupCommit";
import { type OpenOptions, type OpenedDatabase, openDatabase } from "./openDatabase";
import { OrgUnitStore } from "./orgUnitStore";
import { ReevaluationStore } from "./reevaluationStore";
import { ReportStore } from "./reportStore";
import { ReviewStore } from "./reviewStore";
import { RevisionPush } from "./revisionPush";
import type { Database } from "./schema";
import type { StoreContext } from "./storeContext";
import { SubmissionStore } from "./submissionStore";
import { RhythmDataStore } from "./rhythmDataStore";
import { UserStore } from "./userStore";

export type { AuditEntry } from "./auditTrail";
export type { InstallOutcome, StoredCriteriaSet } from "./criteriaSetStore";
export type { ReportRow, StoredHead } from "./reportStore";
export type { ReviewOutcome } from "./reviewStore";
export type { PushInput, PushOutcome } from "./revisionPush";
export { hashToken, type Principal, type UserListing } from "./userStore";

export class Store {
  /** What the aggregates share; a new aggregate module takes this in its constructor. */
  readonly context: StoreContext;
  readonly auditTrail: AuditTrail;
  readonly orgUnits: OrgUnitStore;
  readonly users: UserStore;
  readonly criteriaSets: CriteriaSetStore;
  readonly reports: ReportStore;
  readonly pushes: RevisionPush;
  readonly reviews: ReviewStore;
  readonly submissions: SubmissionStore;
  readonly rhythmData: RhythmDataStore;
  readonly reevaluations: ReevaluationStore;
  private readonly writes: GroupCommit;

  private constructor(
    readonly opened: OpenedDatabase,
    clock: () => Date,
  ) {
    this.writes = new GroupCommit(opened.db, opened.engine === "sqlite");
    this.context = {
      opened,
      engine: opened.engine,
      reads: opened.reader,
      writes: this.writes,
      clock,
      now: () => clock().toISOString(),
    };
    this.auditTrail = new AuditTrail(this.context);
    this.orgUnits = new OrgUnitStore(this.context);
    this.users = new UserStore(this.context, this.orgUnits, this.auditTrail);
    this.criteriaSets = new CriteriaSetStore(this.context);
    this.reports = new ReportStore(this.context);
    this.pushes = new RevisionPush(this.context, this.auditTrail);
    this.reviews = new ReviewStore(this.context, this.auditTrail);
    this.submissions = new SubmissionStore(this.context);
    this.rhythmData = new RhythmDataStore(this.context, this.auditTrail);
    this.reevaluations = new ReevaluationStore(this.context);
  }

  static async open(opts: OpenOptions & { clock?: () => Date }): Promise<Store> {
    return new Store(await openDatabase(opts), opts.clock ?? (() => new Date()));
  }

  get db(): Kysely<Database> {
    return this.opened.db;
  }

  /** For reads outside a transaction (committed data only). */
  get reads(): Kysely<Database> {
    return this.opened.reader;
  }

  /** How the writes were grouped into commits (benchmarks report it). */
  get writeStats(): GroupCommitStats {
    return this.writes.stats;
  }

  get engine() {
    return this.opened.engine;
  }

  now(): string {
    return this.context.now();
  }

  async close(): Promise<void> {
    await this.writes.drain();
    if (this.opened.reader !== this.opened.db) await this.opened.reader.destroy();
    await this.opened.db.destroy();
  }

  // The callers' names, each delegated to its aggregate.
  tree: OrgUnitStore["tree"] = (...a) => this.orgUnits.tree(...a);
  upsertOrgUnits: OrgUnitStore["upsertOrgUnits"] = (...a) => this.orgUnits.upsertOrgUnits(...a);

  createUser: UserStore["createUser"] = (...a) => this.users.createUser(...a);
  issueToken: UserStore["issueToken"] = (...a) => this.users.issueToken(...a);
  authenticate: UserStore["authenticate"] = (...a) => this.users.authenticate(...a);
  findUserByName: UserStore["findUserByName"] = (...a) => this.users.findUserByName(...a);
  listUsers: UserStore["listUsers"] = (...a) => this.users.listUsers(...a);
  revokeUser: UserStore["revokeUser"] = (...a) => this.users.revokeUser(...a);

  saveCriteriaSet: CriteriaSetStore["saveCriteriaSet"] = (...a) => this.criteriaSets.saveCriteriaSet(...a);
  getCriteriaSet: CriteriaSetStore["getCriteriaSet"] = (...a) => this.criteriaSets.getCriteriaSet(...a);
  listCriteriaSets: CriteriaSetStore["listCriteriaSets"] = (...a) => this.criteriaSets.listCriteriaSets(...a);
  latestCriteriaSet: CriteriaSetStore["latestCriteriaSet"] = (...a) =>
    this.criteriaSets.latestCriteriaSet(...a);
  installCriteriaSet: CriteriaSetStore["install"] = (...a) => this.criteriaSets.install(...a);
  criteriaSetVersions: CriteriaSetStore["listVersions"] = (...a) => this.criteriaSets.listVersions(...a);
  findCriteriaSetVersion: CriteriaSetStore["findVersion"] = (...a) => this.criteriaSets.findVersion(...a);
  setInForce: CriteriaSetStore["setInForce"] = (...a) => this.criteriaSets.setInForce(...a);
  recordReevaluations: ReevaluationStore["record"] = (...a) => this.reevaluations.record(...a);

  findReport: ReportStore["findReport"] = (...a) => this.reports.findReport(...a);
  reportsOfSet: ReportStore["reportsOfSet"] = (...a) => this.reports.reportsOfSet(...a);
  reportsFor: ReportStore["reportsFor"] = (...a) => this.reports.reportsFor(...a);
  revision: ReportStore["revision"] = (...a) => this.reports.revision(...a);
  headEvaluations: ReportStore["headEvaluations"] = (...a) => this.reports.headEvaluations(...a);
  listReports: ReportStore["listReports"] = (...a) => this.reports.listReports(...a);
  revisionsSince: ReportStore["revisionsSince"] = (...a) => this.reports.revisionsSince(...a);

  pushRevision: RevisionPush["pushRevision"] = (...a) => this.pushes.pushRevision(...a);

  review: ReviewStore["review"] = (...a) => this.reviews.review(...a);
  reviewEvents: ReviewStore["reviewEvents"] = (...a) => this.reviews.reviewEvents(...a);

  audit: AuditTrail["audit"] = (...a) => this.auditTrail.audit(...a);
  auditLog: AuditTrail["auditLog"] = (...a) => this.auditTrail.auditLog(...a);
  backup: AuditTrail["backup"] = (...a) => this.auditTrail.backup(...a);
}
