/** The evaluation engine's public surface. */
export { evaluate, type EvaluateContext } from "./evaluate";
export { rollup } from "./rollup";
export { compareValue } from "./compareValue";
export { computeGap } from "./computeGap";
export { targetRegion, resolveCatalogTarget } from "./resolveCatalogTarget";
export {
  workItemProgress,
  sumWorkVolumes,
  type OrgNode,
  type OrgVolumes,
  type WorkItemProgress,
} from "./workVolumes";
export type * from "./types";
