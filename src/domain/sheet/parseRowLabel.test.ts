/**
 * The numbering cell alone says what a row is: each label as communes write it, with the exact
 * label it reads as (the whole object, so a field added or lost shows), and a name cell that
 * starts with its own code split into the label and the rest.
 */
import fc from "fast-check";
import { parseRowLabel, splitLeadingLabel, type RowLabel } from "./parseRowLabel";

describe("parseRowLabel", () => {
  it.each<[string, RowLabel]>([
    ["", { kind: "none" }],
    ["   ", { kind: "none" }],
    ["I", { kind: "group", text: "I" }],
    ["IV.", { kind: "group", text: "IV." }],
    ["Phần II", { kind: "group", text: "Phần II" }],
    ["Nhóm III", { kind: "group", text: "Nhóm III" }],
    ["17", { kind: "integer", n: 17 }],
    ["3.", { kind: "integer", n: 3 }],
    ["Tiêu chí 17", { kind: "criterion", code: "17" }],
    ["TC 05:", { kind: "criterion", code: "5" }],
    ["Tiêu chí số 9", { kind: "criterion", code: "9" }],
    ["17.8", { kind: "indicator", code: "17.8" }],
    ["17,8", { kind: "indicator", code: "17.8" }],
    ["17.8.", { kind: "indicator", code: "17.8" }],
    ["2.01", { kind: "indicator", code: "2.1" }],
    ["19.1.2", { kind: "indicator", code: "19.1.2" }],
    ["a)", { kind: "letter", index: 1 }],
    ["c.", { kind: "letter", index: 3 }],
    ["-", { kind: "bullet" }],
    ["•", { kind: "bullet" }],
    ["x", { kind: "other", text: "x" }],
    ["Ghi chú", { kind: "other", text: "Ghi chú" }],
  ])("%j reads as %j", (text, label) => {
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
