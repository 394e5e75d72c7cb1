export * from "./protocol";
export * from "./canonicalJson";
export * from "./mergeIndicatorValues";
export * from "./outbox";
export * from "./reportPeriod";
export * from "./syncValues";
