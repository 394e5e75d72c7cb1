/**
 * The chart part (DrawingML chart XML) of a clustered bar/column chart, with each series'
 * categories and values cached in the part (strCache/numCache) as well as referenced: LibreOffice
 * draws a series only from its cache until it recalculates, and Excel shows the cache until the
 * referenced cells change, so a chart written without one shows axes and no bars.
 *
 * Invariant: when caches are given, the category cache and every value cache have one point per
 * cell of the referenced ranges, in order; a blank value is a missing point, never a 0.
 */
import { escapeXml } from "./xmlText";

export interface BarChart {
  title: string;
  /** "col" for vertical columns, "bar" for horizontal bars. */
  direction: "col" | "bar";
  /** A1 range with sheet, e.g. "'Thống kê'!$A$2:$A$20" (use sheetRange()). */
  categories: string;
  /** The category texts the range holds, cached in the part. */
  categoryCache?: readonly string[];
  /** `cache`: the values the range holds (null where a cell is blank). */
  series: { name: string; values: string; cache?: readonly (number | null)[] }[];
  /** Number format of the values (axis labels), e.g. "0%". */
  valueFormat?: string;
  /** Axis titles, in Vietnamese. */
  axisTitles?: { category?: string; value?: string };
  /** 0-based cell corners of the chart's frame. */
  from: { col: number; row: number };
  to: { col: number; row: number };
}

const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function strCache(points: readonly string[]): string {
  return (
    `<c:strCache><c:ptCount val="${points.length}"/>` +
    points.map((p, i) => `<c:pt idx="${i}"><c:v>${escapeXml(p)}</c:v></c:pt>`).join("") +
    "</c:strCache>"
  );
}

function numCache(points: readonly (number | null)[], format: string): string {
  return (
    `<c:numCache><c:formatCode>${escapeXml(format)}</c:formatCode><c:ptCount val="${points.length}"/>` +
    points
      .map((p, i) => (p === null || !Number.isFinite(p) ? "" : `<c:pt idx="${i}"><c:v>${p}</c:v></c:pt>`))
      .join("") +
    "</c:numCache>"
  );
}

function richText(text: string, bold: boolean, size: number): string {
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size * 100}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="vi-VN" sz="${size * 100}" b="${bold ? 1 : 0}"><a:latin typeface="Times New Roman"/><a:cs typeface="Times New Roman"/></a:rPr>` +
    `<a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

const axisTitle = (text: string | undefined) =>
  text ? `<c:title>${richText(text, false, 10)}<c:overlay val="0"/></c:title>` : "";

/** Text properties of axis labels and legend: the house font, 9 pt. */
const TX_PR =
  '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"><a:latin typeface="Times New Roman"/></a:defRPr></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>';

export function chartXml(ch: BarChart, axBase: number): string {
  const format = ch.valueFormat ?? "General";
  const ser = ch.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${["4472C4", "ED7D31", "A5A5A5"][i % 3]}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
        `<c:cat><c:strRef><c:f>${escapeXml(ch.categories)}</c:f>${ch.categoryCache ? strCache(ch.categoryCache) : ""}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeXml(s.values)}</c:f>${s.cache ? numCache(s.cache, format) : ""}</c:numRef></c:val></c:ser>`,
    )
    .join("");
  const cat = axBase + 1;
  const val = axBase + 2;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_REL}">` +
    `<c:lang val="vi-VN"/><c:roundedCorners val="0"/><c:chart>` +
    `<c:title>${richText(ch.title, true, 12)}<c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="${ch.direction}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${ser}` +
    `<c:dLbls><c:numFmt formatCode="${escapeXml(format)}" sourceLinked="0"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
    `<c:gapWidth val="80"/><c:axId val="${cat}"/><c:axId val="${val}"/></c:barChart>` +
    `<c:catAx><c:axId val="${cat}"/><c:scaling><c:orientation val="${ch.direction === "bar" ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${ch.direction === "bar" ? "l" : "b"}"/>${axisTitle(ch.axisTitles?.category)}<c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/>${TX_PR}` +
    `<c:crossAx val="${val}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:tickLblSkip val="1"/></c:catAx>` +
    `<c:valAx><c:axId val="${val}"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${ch.direction === "bar" ? "b" : "l"}"/><c:majorGridlines/>${axisTitle(ch.axisTitles?.value)}<c:numFmt formatCode="${escapeXml(format)}" sourceLinked="0"/>` +
    `<c:tickLblPos val="nextTo"/>${TX_PR}<c:crossAx val="${cat}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/>${TX_PR}</c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart></c:chartSpace>`
  );
}
