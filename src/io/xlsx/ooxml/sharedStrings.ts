/**
 * sharedStrings.xml of a written package: each distinct text once, cells refer to it by index.
 * Invariant: `count` counts every reference, `uniqueCount` the distinct texts, as Excel expects.
 */
import { NS_MAIN, XML_HEAD, xmlEscape } from "./packageXml";

/** Shared strings: each distinct text once, cells refer to it by index. */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  count = 0;

  id(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }

  xml(): string {
    const items = this.list.map((s) =>
      s !== s.trim()
        ? `<si><t xml:space="preserve">${xmlEscape(s)}</t></si>`
        : `<si><t>${xmlEscape(s)}</t></si>`,
    );
    return `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.list.length}">${items.join("")}</sst>`;
  }
}
