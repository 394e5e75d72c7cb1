import type { ReportView, ReviewEvent } from "./protocol";
import { isReviewerNote, latestComments, latestReviewerComments, reviewerNoteText } from "./reviewerComments";

const view = (reviews: ReportView["reviews"]): ReportView => ({
  org: "18139",
  orgName: "Xã Sơn Hồng",
  set: "s",
  period: "2023",
  reviewState: "returned",
  locked: false,
  head: null,
  reviews,
});

/** A review event: what was decided on which revision, by whom, on which day (08:00 UTC). */
const event = (
  kind: ReviewEvent["kind"],
  revision: number,
  author: string,
  day: string,
  comments: ReviewEvent["comments"] = {},
): ReviewEvent => ({ kind, revision, author, createdAt: `${day}T08:00:00Z`, comments });

describe("reviewer comments of a pulled report", () => {
  const v = view([
    event("returned", 1, "thẩm định A", "2023-11-20", {
      "15.1": "Sửa tự đánh giá",
      "2.3": "Thiếu minh chứng",
    }),
    event("submitted", 2, "xã", "2023-11-21"),
    event("returned", 2, "thẩm định B", "2023-11-22", {
      "15.1": "Vẫn chưa đạt 95 %",
      "*": "Rà soát tiêu chí 15",
    }),
  ]);

  it("takes each indicator's comment from the latest decision that mentions it, with who and when", () => {
    const c = latestReviewerComments(v);
    expect(c["15.1"]).toMatchObject({
      text: "Vẫn chưa đạt 95 %",
      author: "thẩm định B",
      kind: "returned",
      revision: 2,
    });
    expect(c["2.3"]).toMatchObject({ text: "Thiếu minh chứng", author: "thẩm định A" });
    expect(latestComments(v)).toEqual({
      "15.1": "Vẫn chưa đạt 95 %",
      "2.3": "Thiếu minh chứng",
      "*": "Rà soát tiêu chí 15",
    });
  });

  it("writes a note marked as the reviewer's, recognisable later", () => {
    const text = reviewerNoteText(latestReviewerComments(v)["15.1"]);
    expect(text).toBe(
      "[NTM – Ý kiến thẩm định] Trả lại – thẩm định B, 2023-11-22, phiên bản 2:\nVẫn chưa đạt 95 %",
    );
    expect(isReviewerNote(text)).toBe(true);
    expect(isReviewerNote("Ghi chú của kế toán")).toBe(false);
    expect(isReviewerNote("[NTM] Tự đánh giá Đạt nhưng ...")).toBe(false);
  });
});

describe("the comment texts of a pulled report", () => {
  it("are the texts of the detailed comments: a later blank comment does not erase an earlier one", () => {
    const v = view([
      event("returned", 1, "thẩm định A", "2023-11-20", { "17.1": "Thiếu biên bản" }),
      event("approved", 1, "thẩm định B", "2023-11-22", { "17.1": "  " }),
    ]);
    const detailed = latestReviewerComments(v);
    expect(latestComments(v)).toEqual({ "17.1": "Thiếu biên bản" });
    expect(Object.keys(latestComments(v))).toEqual(Object.keys(detailed));
  });
});
