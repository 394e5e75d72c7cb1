/**
 * The finding, severity and status enums on the wire: a client reading a revision learns of a
 * finding type it cannot show as a refusal at the door, not as a blank line in the pane.
 */
import { evaluationSchema, findingTypeSchema, severitySchema } from "../src/domain/sync/protocol";

const evaluation = (finding: Record<string, unknown>) => ({
  criteriaMet: 0,
  criteriaTotal: 1,
  progress: 0,
  criteria: [],
  indicators: {},
  findings: [{ params: {}, ...finding }],
});

describe("wire enums", () => {
  it("accepts every finding type and severity the domain has", () => {
    for (const type of findingTypeSchema.options)
      for (const severity of severitySchema.options)
        expect(evaluationSchema.safeParse(evaluation({ type, severity })).success).toBe(true);
  });

  it("refuses a finding type or severity the domain does not have", () => {
    expect(evaluationSchema.safeParse(evaluation({ type: "made/up", severity: "error" })).success).toBe(
      false,
    );
    expect(
      evaluationSchema.safeParse(evaluation({ type: "indicator/unmet", severity: "fatal" })).success,
    ).toBe(false);
  });

  it("refuses an indicator status other than met, unmet or unknown", () => {
    const bad = {
      ...evaluation({ type: "indicator/unmet", severity: "error" }),
      indicators: { "1.1": { status: "done", effective: "met", targetSource: "none", gap: null } },
    };
    expect(evaluationSchema.safeParse(bad).success).toBe(false);
  });
});
