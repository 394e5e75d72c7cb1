/**
 * The 2021–2025 region (vùng) of a province, which picks the regional targets. Only the provinces
 * the store is seeded with are listed; an unlisted province gets no region, so only general
 * targets apply and the evaluation says which target it used.
 */
import type { Region } from "../../domain/criteria/schema";

const regions: Record<string, Region> = {
  "42": "BTB", // Hà Tĩnh — Bắc Trung Bộ (DOMAIN.md)
};

export function regionOfProvince(provinceCode: string | undefined): Region | undefined {
  return provinceCode ? regions[provinceCode] : undefined;
}
