/**
 * The numbering cell alone says what a row is: each label as communes write it, with the exact
 * label it reads as (the whole object, so a field added or lost shows), and a name cell that
 * starts with its own code split into the label and the rest.
 */
import fc from "fast-check";
import { parseRowLabel, splitLeadingLabel, type RowLabel } from "./parseRowLabel";

/** Cases of one kind: the text written, and what the label carries for it. */
function labelled<V>(label: (v: V) => RowLabel, ...cases: [string, V][]): [string, RowLabel][] {
  return cases.map(([text, v]) => [text, label(v)]);
}
const asIs = (label: (text: string) => RowLabel, ...texts: string[]) =>
  labelled(label, ...texts.map((t): [string, string] => [t, t]));

describe("parseRowLabel", () => {
  const cases: [string, RowLabel][] = [
    ...asIs(() => ({ kind: "none" }), "", "   "),
    ...asIs((text) => ({ kind: "group", text }), "I", "IV.", "Phần II", "Nhóm III"),
    ...labelled((n) => ({ kind: "integer", n }), ["17", 17], ["3.", 3]),
    ...labelled(
      (code) => ({ kind: "criterion", code }),
      ["Tiêu chí 17", "17"],
      ["TC 05:", "5"],
      ["Tiêu chí số 9", "9"],
    ),
    ...labelled(
      (code) => ({ kind: "indicator", code }),
      ["17.8", "17.8"],
      ["17,8", "17.8"],
      ["17.8.", "17.8"],
      ["2.01", "2.1"],
      ["19.1.2", "19.1.2"],
    ),
    ...labelled((index) => ({ kind: "letter", index }), ["a)", 1], ["c.", 3]),
    ...asIs(() => ({ kind: "bullet" }), "-", "•"),
    ...asIs((text) => ({ kind: "other", text }), "x", "Ghi chú"),
  ];
  it.each(cases)("%j reads as %j", (text, label) => {
    expect(parseRowLabel(text)).toEqual(label);
  });

  it("a long text is other text, kept whole", () => {
    const text = "Tỷ lệ hộ gia đình có nhà tiêu, nhà tắm hợp vệ sinh";
    expect(parseRowLabel(text)).toEqual({ kind: "other", text });
  });

  it("any indicator code a person writes, with either separator, reads back as the same code", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 19 }),
        fc.integer({ min: 1, max: 20 }),
        fc.boolean(),
        (c, i, comma) => {
          const written = `${c}${comma ? "," : "."}${i}`;
          expect(parseRowLabel(written)).toEqual({ kind: "indicator", code: `${c}.${i}` });
        },
      ),
    );
  });
});

describe("splitLeadingLabel", () => {
  it.each<[string, { label: RowLabel; rest: string } | undefined]>([
    [
      "17.8. Tỷ lệ hộ có nhà tiêu",
      { label: { kind: "indicator", code: "17.8" }, rest: "Tỷ lệ hộ có nhà tiêu" },
    ],
    ["Tiêu chí 17: Môi trường", { label: { kind: "criterion", code: "17" }, rest: "Môi trường" }],
    ["a) Xã có điểm vui chơi", { label: { kind: "letter", index: 1 }, rest: "Xã có điểm vui chơi" }],
    ["3. Thủy lợi", { label: { kind: "integer", n: 3 }, rest: "Thủy lợi" }],
    ["- Đường trục xã", { label: { kind: "bullet" }, rest: "Đường trục xã" }],
    ["Tỷ lệ hộ nghèo", undefined],
  ])("%j", (text, split) => {
    expect(splitLeadingLabel(text)).toEqual(split);
  });
});
