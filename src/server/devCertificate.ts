/**
 * The HTTPS certificate for `ntm serve`: the Office add-in development certificate in
 * ~/.office-addin-dev-certs (what Office expects on https://localhost). Missing or expired files are
 * generated with office-addin-dev-certs' generateCertificates(), which only writes files: installing
 * the CA into the system store needs administrator rights and is the person's own step
 * (`npx office-addin-dev-certs install`), so it is never attempted here.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { X509Certificate } from "node:crypto";

export interface CertificateFiles {
  dir: string;
  caPath: string;
  certPath: string;
  keyPath: string;
}

export function devCertificateFiles(
  dir = path.join(os.homedir(), ".office-addin-dev-certs"),
): CertificateFiles {
  return {
    dir,
    caPath: path.join(dir, "ca.crt"),
    certPath: path.join(dir, "localhost.crt"),
    keyPath: path.join(dir, "localhost.key"),
  };
}

function stillValid(certPath: string, now: Date): boolean {
  try {
    const cert = new X509Certificate(fs.readFileSync(certPath));
    return new Date(cert.validTo).getTime() > now.getTime() + 86400000;
  } catch {
    return false;
  }
}

export async function ensureDevCertificate(
  files = devCertificateFiles(),
  now = new Date(),
): Promise<{ key: Buffer; cert: Buffer; ca: Buffer; generated: boolean; files: CertificateFiles }> {
  let generated = false;
  if (!fs.existsSync(files.keyPath) || !stillValid(files.certPath, now)) {
    // Loaded lazily: only HTTPS serving needs it.

    const { generateCertificates } =
      require("office-addin-dev-certs/lib/generate") as typeof import("office-addin-dev-certs/lib/generate");
    await generateCertificates(files.caPath, files.certPath, files.keyPath, 30);
    generated = true;
  }
  return {
    key: fs.readFileSync(files.keyPath),
    cert: fs.readFileSync(files.certPath),
    ca: fs.readFileSync(files.caPath),
    generated,
    files,
  };
}
