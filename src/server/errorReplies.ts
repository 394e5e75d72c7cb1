/**
 * Every refusal the server sends, including the ones Fastify and Node make before a route runs
 * (a malformed URL, headers too large, a body that is not JSON or too big), in the app's one shape
 * `{ error, message }` with a Vietnamese-first bilingual message saying what to do. Validation
 * failures list each problem in the user's language (Accept-Language: vi by default, en when
 * preferred), translated from zod's issue codes rather than zod's English.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import * as http from "node:http";
import type { Socket } from "node:net";

export type Lang = "vi" | "en";

export interface ErrorBody {
  error: string;
  message: string;
  issues?: { path: string; message: string }[];
}

const bi = (error: string, vi: string, en: string): ErrorBody => ({ error, message: `${vi} / ${en}` });

/** The first of vi/en the client prefers (by q weight, then order); Vietnamese when neither. */
export function preferredLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return "vi";
  let best: { lang: Lang; q: number } | undefined;
  for (const part of acceptLanguage.split(",").slice(0, 20)) {
    const [tag, ...params] = part.trim().toLowerCase().split(";");
    const lang = tag.split("-")[0];
    if (lang !== "vi" && lang !== "en") continue;
    const qp = params.find((p) => p.trim().startsWith("q="));
    const q = qp ? Number(qp.trim().slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { lang, q };
  }
  return best?.lang ?? "vi";
}

/** Fastify's own 4xx errors (body parsing, limits), by their codes. */
export function frameworkErrorBody(err: FastifyError): { status: number; body: ErrorBody } | undefined {
  switch (err.code) {
    case "FST_ERR_BAD_URL":
      return {
        status: 400,
        body: bi(
          "bad-url",
          "Địa chỉ (URL) không hợp lệ: có ký tự % không mã hoá đúng; kiểm tra lại đường dẫn",
          "The URL is malformed (a % not properly encoded); check the path",
        ),
      };
    case "FST_ERR_MAX_PARAM_LENGTH":
      return {
        status: 414,
        body: bi("url-too-long", "Địa chỉ (URL) quá dài", "The URL is too long"),
      };
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return {
        status: 400,
        body: bi(
          "invalid-body",
          "Nội dung gửi không phải JSON hợp lệ; gửi lại đúng định dạng theo /api/openapi.json",
          "The request body is not valid JSON; send it as /api/openapi.json describes",
        ),
      };
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return {
        status: 400,
        body: bi(
          "invalid-body",
          "Nội dung gửi bị trống dù khai báo là JSON; gửi kèm nội dung hoặc bỏ tiêu đề Content-Type",
          "The body is empty although declared as JSON; send a body or drop the Content-Type header",
        ),
      };
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return {
        status: 413,
        body: bi(
          "body-too-large",
          "Nội dung gửi quá lớn (tối đa 5 MB); chia nhỏ lần gửi",
          "The request body is too large (at most 5 MB); send less at a time",
        ),
      };
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
    case "FST_ERR_CTP_EMPTY_TYPE":
    case "FST_ERR_CTP_INVALID_TYPE":
      return {
        status: 415,
        body: bi(
          "unsupported-media-type",
          "Kiểu nội dung không được hỗ trợ; gửi JSON với 'Content-Type: application/json'",
          "Unsupported content type; send JSON with 'Content-Type: application/json'",
        ),
      };
  }
  return undefined;
}

/** Any other 4xx Fastify raises, still in the one shape (its English text kept as the detail). */
export function otherClientErrorBody(status: number, err: Error): ErrorBody {
  const detail = err.message.slice(0, 200);
  return bi(
    "invalid-request",
    `Yêu cầu không hợp lệ (${status}: ${detail}); sửa theo /api/openapi.json`,
    `Invalid request (${status}: ${detail}); fix it as /api/openapi.json describes`,
  );
}

/** `frameworkErrors` of Fastify: a bad URL and friends, before any route or error handler. */
export function replyFrameworkError(err: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  const mapped = frameworkErrorBody(err) ?? {
    status: err.statusCode ?? 400,
    body: otherClientErrorBody(err.statusCode ?? 400, err),
  };
  void reply.code(mapped.status).send(mapped.body);
}

/**
 * Node's parser refuses some requests before Fastify sees them (headers over the size limit: 431;
 * garbage on the socket: 400); the raw answer is written here, in the same shape.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === "ECONNRESET" || socket.destroyed) return;
  let status = 400;
  let body = bi(
    "bad-request",
    "Yêu cầu HTTP không đọc được; kiểm tra máy khách hoặc proxy",
    "The HTTP request could not be parsed; check the client or proxy",
  );
  if (err.code === "HPE_HEADER_OVERFLOW") {
    status = 431;
    body = bi(
      "headers-too-large",
      "Tiêu đề yêu cầu quá lớn (thường do cookie hoặc mã truy cập quá dài); xoá cookie của trang hoặc kiểm tra mã truy cập",
      "Request headers too large (usually oversized cookies or token); clear the site's cookies or check the token",
    );
  } else if (err.code === "ERR_HTTP_REQUEST_TIMEOUT") {
    status = 408;
    body = bi("timeout", "Yêu cầu gửi quá chậm; thử lại", "The request took too long to arrive; retry");
  }
  if (socket.writable) {
    const text = JSON.stringify(body);
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(text)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${text}`,
    );
  }
  socket.destroy(err);
}

interface ValidationItem {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

const typeName: Record<string, [string, string]> = {
  string: ["chuỗi ký tự", "a string"],
  number: ["số", "a number"],
  int: ["số nguyên", "an integer"],
  boolean: ["true/false", "true/false"],
  object: ["đối tượng JSON", "a JSON object"],
  array: ["danh sách", "a list"],
  null: ["null", "null"],
};

/** One zod issue, in both languages, from its code and parameters. */
export function issueText(item: ValidationItem): { vi: string; en: string } {
  const p = item.params ?? {};
  const origin = String(p.origin ?? "");
  const n = (k: string) => String(p[k]);
  switch (item.keyword) {
    case "invalid_type": {
      const [vi, en] = typeName[String(p.expected)] ?? [String(p.expected), String(p.expected)];
      return { vi: `cần ${vi}`, en: `must be ${en}` };
    }
    case "too_big":
      if (origin === "string")
        return { vi: `dài quá ${n("maximum")} ký tự`, en: `longer than ${n("maximum")} characters` };
      if (origin === "array" || origin === "set" || origin === "map" || origin === "record")
        return { vi: `quá ${n("maximum")} phần tử`, en: `more than ${n("maximum")} items` };
      return { vi: `lớn hơn ${n("maximum")}`, en: `greater than ${n("maximum")}` };
    case "too_small":
      if (origin === "string")
        return n("minimum") === "1"
          ? { vi: "không được để trống", en: "must not be empty" }
          : { vi: `ngắn hơn ${n("minimum")} ký tự`, en: `shorter than ${n("minimum")} characters` };
      if (origin === "array" || origin === "set")
        return { vi: `cần ít nhất ${n("minimum")} phần tử`, en: `needs at least ${n("minimum")} items` };
      return { vi: `nhỏ hơn ${n("minimum")}`, en: `less than ${n("minimum")}` };
    case "invalid_format":
      if (/period/.test(item.message ?? "") || /period$/.test(item.instancePath))
        return {
          vi: "kỳ phải có dạng YYYY, YYYY-Qn, YYYY-MM hoặc YYYY-Www",
          en: "the period must be YYYY, YYYY-Qn, YYYY-MM or YYYY-Www",
        };
      return { vi: "sai định dạng", en: "has the wrong format" };
    case "invalid_value": {
      const values = Array.isArray(p.values)
        ? (p.values as unknown[]).map((v) => JSON.stringify(v)).join(", ")
        : "";
      return { vi: `phải là một trong: ${values}`, en: `must be one of: ${values}` };
    }
    case "unrecognized_keys": {
      const keys = Array.isArray(p.keys) ? (p.keys as unknown[]).join(", ") : "";
      return { vi: `có trường không được phép: ${keys}`, en: `has fields that are not allowed: ${keys}` };
    }
    case "not_multiple_of":
      return { vi: `phải là bội số của ${n("divisor")}`, en: `must be a multiple of ${n("divisor")}` };
    case "invalid_union":
      return { vi: "không khớp kiểu nào được phép", en: "matches none of the allowed shapes" };
    case "custom": {
      // Our own refinements already speak both languages ("vi / en").
      const message = item.message ?? "";
      const cut = message.indexOf(" / ");
      if (cut > 0) return { vi: message.slice(0, cut), en: message.slice(cut + 3) };
      return { vi: "không hợp lệ", en: item.message || "is invalid" };
    }
    default:
      return { vi: "không hợp lệ", en: "is invalid" };
  }
}

const contextName: Record<string, [string, string]> = {
  body: ["nội dung", "body"],
  params: ["đường dẫn", "path"],
  querystring: ["tham số truy vấn", "query"],
  headers: ["tiêu đề", "headers"],
};

/** A 400 for failed schema validation: bilingual message, and the issues in the user's language. */
export function validationErrorBody(
  items: ValidationItem[],
  context: string | undefined,
  lang: Lang,
): ErrorBody {
  const [ctxVi, ctxEn] = contextName[context ?? ""] ?? ["yêu cầu", "request"];
  const shown = items.slice(0, 20);
  const texts = shown.map((item) => {
    // A path holds the client's own keys, which may be a megabyte long: cut each.
    const whole =
      item.instancePath && item.instancePath !== "/" ? item.instancePath.slice(1).replace(/\//g, ".") : "";
    const path = whole.length > 200 ? whole.slice(0, 200) + "…" : whole;
    return { path, ...issueText(item) };
  });
  const more = items.length > shown.length ? items.length - shown.length : 0;
  const list = (l: Lang) =>
    texts.map((t) => `${t.path ? `${t.path}: ` : ""}${t[l]}`).join("; ") +
    (more ? (l === "vi" ? `; và ${more} lỗi khác` : `; and ${more} more`) : "");
  return {
    error: "invalid-request",
    message:
      `Yêu cầu không hợp lệ (${ctxVi}): ${list("vi")}. Sửa nội dung gửi theo /api/openapi.json. / ` +
      `Invalid request (${ctxEn}): ${list("en")}. Fix the request as /api/openapi.json describes.`,
    issues: texts.map((t) => ({ path: t.path, message: t[lang] })),
  };
}
