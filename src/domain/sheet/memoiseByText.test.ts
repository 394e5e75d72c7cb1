import { memoiseByText } from "./memoiseByText";

describe("memoiseByText", () => {
  it("gives what the function gives, computing each short text once (undefined results too)", () => {
    const calls: string[] = [];
    const f = memoiseByText((t: string) => {
      calls.push(t);
      return t === "x" ? undefined : { len: t.length };
    });
    const a = f("Đạt");
    expect(a).toEqual({ len: 3 });
    expect(f("Đạt")).toBe(a);
    expect(f("x")).toBeUndefined();
    expect(f("x")).toBeUndefined();
    expect(calls).toEqual(["Đạt", "x"]);
  });

  it("does not remember long texts and stays bounded", () => {
    let n = 0;
    const f = memoiseByText((t: string) => (n++, t.length), 3, 10);
    f("a".repeat(11));
    f("a".repeat(11));
    expect(n).toBe(2);
    for (const t of ["a", "b", "c", "d", "a"]) f(t);
    // "d" filled the table past its limit, so "a" was computed again.
    expect(n).toBe(2 + 5);
  });
});
