/**
 * The one answer to "did this request reach the server?" for every host (pane, sync session, CLI):
 * a request that got no answer at all is offline work to keep in the outbox, not a refusal.
 * SyncClient turns fetch's own failure into SyncUnreachableError with Node's cause; a bare fetch
 * failure is recognised by fetch's contract (a TypeError) with one of the engines' fixed messages,
 * never by searching message text for "network".
 */

/**
 * A request that never reached the server: no network, a wrong address, a certificate this machine
 * does not trust. A TypeError, as fetch's own failure is, so every caller that treats "fetch
 * failed" as "offline, keep it in the outbox" still does; the message says what to do.
 */
export class SyncUnreachableError extends TypeError {
  constructor(
    readonly server: string,
    /** Node's cause (ECONNREFUSED, ENOTFOUND, SELF_SIGNED_CERT_IN_CHAIN, "bad port"…); none in a browser. */
    readonly causeCode: string | undefined,
  ) {
    super(unreachableMessage(server, causeCode));
    this.name = "SyncUnreachableError";
  }

  get untrustedCertificate(): boolean {
    return isCertificateCode(this.causeCode);
  }
}

/** What fetch rejects with when no answer came: Chromium, Firefox, Safari, Node (undici). */
const FETCH_FAILURE_MESSAGES = new Set([
  "Failed to fetch",
  "NetworkError when attempting to fetch resource.",
  "Load failed",
  "fetch failed",
]);

/** Whether `e` means the server was not reached (so the work waits, nothing was refused). */
export function isUnreachable(e: unknown): boolean {
  if (e instanceof SyncUnreachableError) return true;
  const err = e as Error | undefined;
  return err?.name === "TypeError" && FETCH_FAILURE_MESSAGES.has(err.message);
}

function isCertificateCode(code: string | undefined): boolean {
  return /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code ?? "");
}

function unreachableMessage(server: string, code: string | undefined): string {
  if (isCertificateCode(code))
    return (
      `Máy chủ ${server} dùng chứng chỉ mà máy này chưa tin cậy (${code}): đặt biến NODE_EXTRA_CA_CERTS trỏ tới tệp ca.crt của máy chủ (chứng chỉ phát triển: ~/.office-addin-dev-certs/ca.crt) rồi chạy lại. / ` +
      `The server ${server} uses a certificate this machine does not trust (${code}): set NODE_EXTRA_CA_CERTS to the server's ca.crt (the dev certificate: ~/.office-addin-dev-certs/ca.crt) and run again.`
    );
  const why = code ? ` (${code})` : "";
  return `Không kết nối được máy chủ ${server}${why}: kiểm tra địa chỉ máy chủ và mạng. / Cannot reach the server ${server}${why}: check the server address and the network.`;
}

/** Node's reason under "fetch failed": the error code, else a short message ("bad port"). */
export function causeCode(e: TypeError): string | undefined {
  const cause = (e as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === "string") return cause.code;
  return typeof cause?.message === "string" && cause.message.length <= 60 ? cause.message : undefined;
}
