/**
 * The store's tables as Kysely sees them. Times are ISO-8601 text and JSON is text on both engines,
 * so one query layer and one migration history serve SQLite and PostgreSQL alike. Literal columns
 * take their unions from the wire protocol, so what is stored is what the API may send.
 */
import type { Generated } from "kysely";
import type { OrgUnitDto, ReviewEvent, ReviewState, Role } from "../../domain/sync/protocol";

export interface OrgUnitTable {
  /** `code@validFrom` (or the code alone for a unit with no start date): codes were reused in 2025. */
  id: string;
  code: string;
  name: string;
  level: OrgUnitDto["level"];
  parent_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
  successor_id: string | null;
  note: string | null;
}

export interface UserTable {
  id: string;
  name: string;
  role: Role;
  scope_org_id: string;
  created_at: string;
  disabled_at: string | null;
}

export interface TokenTable {
  id: string;
  user_id: string;
  /** sha256 of the token; the token itself is shown once and never stored. */
  token_hash: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface CriteriaSetTable {
  id: string;
  /** sha256 of the definition: a row is never changed, a changed set is a new row. */
  content_hash: string;
  version: string;
  name: string;
  definition: string;
  created_at: string;
  /** Who installed this version (`ntm admin criteria install --by`); null for a seeded built-in set. */
  installed_by: string | null;
  /** First day (YYYY-MM-DD) this version judges reports; null = from the beginning. */
  in_force_from: string | null;
  /** Install order, 1, 2, 3 … (null for rows stored before migration 0004). */
  install_seq: number | null;
}

/** A stored report re-evaluated with a newer version (no new revision): criteriaSetMigrations.ts. */
export interface CriteriaReevaluationTable {
  id: Generated<number>;
  report_id: string;
  revision: number;
  set_id: string;
  set_hash: string;
  evaluation_json: string;
  created_by: string | null;
  created_at: string;
}

export interface ReportTable {
  id: string;
  org_unit_id: string;
  set_id: string;
  set_hash: string;
  period: string;
  head_revision: number;
  review_state: ReviewState;
  locked: number;
  created_at: string;
  updated_at: string;
}

export interface RevisionTable {
  report_id: string;
  number: number;
  base_revision: number;
  op_id: string;
  author_id: string;
  author_name: string;
  created_at: string;
  content_hash: string;
  workbook_hash: string | null;
  values_json: string;
  evaluation_json: string;
}

export interface ReviewEventTable {
  id: Generated<number>;
  report_id: string;
  revision: number;
  kind: ReviewEvent["kind"];
  author_id: string;
  author_name: string;
  created_at: string;
  comments_json: string;
}

/** The opId of a push that changed nothing, with the head revision it was answered with. */
export interface UnchangedPushTable {
  op_id: string;
  report_id: string;
  revision: number;
  author_id: string;
  created_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: string | null;
  address: string | null;
  action: string;
  status: number;
  target: string | null;
  detail: string | null;
}

/** A target set for a period (rhythmMigrations.ts): unit, period, catalogue item, unit of measure. */
export interface PeriodTargetTable {
  org_unit_id: string;
  period: string;
  item: string;
  unit: string;
  target: number;
  label: string | null;
  created_at: string;
}

export interface ReportingCalendarTable {
  province_code: string;
  /** The calendar as JSON (domain/rhythm reportingCalendarSchema). */
  definition: string;
  created_at: string;
}

export interface Database {
  org_units: OrgUnitTable;
  users: UserTable;
  tokens: TokenTable;
  criteria_sets: CriteriaSetTable;
  criteria_reevaluations: CriteriaReevaluationTable;
  reports: ReportTable;
  revisions: RevisionTable;
  review_events: ReviewEventTable;
  unchanged_pushes: UnchangedPushTable;
  audit_log: AuditLogTable;
  period_targets: PeriodTargetTable;
  reporting_calendars: ReportingCalendarTable;
}
