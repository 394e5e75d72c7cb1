/**
 * The 2021–2025 region (vùng) of a province, by its GSO code (the 63 provinces before the mid-2025
 * merger), which picks the regional targets of the 2021–2025 sets.
 *
 * Where this comes from: QĐ 318 prints one target column per region but lists no provinces. The
 * table is the usual seven-region split of the 63 provinces (the statistical six, with Bắc Trung
 * Bộ and Duyên hải Nam Trung Bộ apart; Quảng Ninh in Đồng bằng sông Hồng as the statistics office
 * counts it). Only Hà Tĩnh → Bắc Trung Bộ is confirmed in DOMAIN.md; the rest is not checked against
 * a decision (a person should check it before regional targets are verified). An unlisted code gets no region, so only
 * general targets apply and the evaluation says which target it used.
 */
import type { Region } from "./schema";

const byRegion: Record<Region, Record<string, string>> = {
  TDMNPB: {
    "02": "Hà Giang",
    "04": "Cao Bằng",
    "06": "Bắc Kạn",
    "08": "Tuyên Quang",
    "10": "Lào Cai",
    "11": "Điện Biên",
    "12": "Lai Châu",
    "14": "Sơn La",
    "15": "Yên Bái",
    "17": "Hòa Bình",
    "19": "Thái Nguyên",
    "20": "Lạng Sơn",
    "24": "Bắc Giang",
    "25": "Phú Thọ",
  },
  DBSH: {
    "01": "Hà Nội",
    "22": "Quảng Ninh",
    "26": "Vĩnh Phúc",
    "27": "Bắc Ninh",
    "30": "Hải Dương",
    "31": "Hải Phòng",
    "33": "Hưng Yên",
    "34": "Thái Bình",
    "35": "Hà Nam",
    "36": "Nam Định",
    "37": "Ninh Bình",
  },
  BTB: {
    "38": "Thanh Hóa",
    "40": "Nghệ An",
    "42": "Hà Tĩnh",
    "44": "Quảng Bình",
    "45": "Quảng Trị",
    "46": "Thừa Thiên Huế",
  },
  DHNTB: {
    "48": "Đà Nẵng",
    "49": "Quảng Nam",
    "51": "Quảng Ngãi",
    "52": "Bình Định",
    "54": "Phú Yên",
    "56": "Khánh Hòa",
    "58": "Ninh Thuận",
    "60": "Bình Thuận",
  },
  TN: { "62": "Kon Tum", "64": "Gia Lai", "66": "Đắk Lắk", "67": "Đắk Nông", "68": "Lâm Đồng" },
  DNB: {
    "70": "Bình Phước",
    "72": "Tây Ninh",
    "74": "Bình Dương",
    "75": "Đồng Nai",
    "77": "Bà Rịa - Vũng Tàu",
    "79": "TP Hồ Chí Minh",
  },
  DBSCL: {
    "80": "Long An",
    "82": "Tiền Giang",
    "83": "Bến Tre",
    "84": "Trà Vinh",
    "86": "Vĩnh Long",
    "87": "Đồng Tháp",
    "89": "An Giang",
    "91": "Kiên Giang",
    "92": "Cần Thơ",
    "93": "Hậu Giang",
    "94": "Sóc Trăng",
    "95": "Bạc Liêu",
    "96": "Cà Mau",
  },
};

const regionOfCode = new Map<string, Region>(
  (Object.entries(byRegion) as [Region, Record<string, string>][]).flatMap(([region, provinces]) =>
    Object.keys(provinces).map((code) => [code, region] as const),
  ),
);

export function regionOfProvince(provinceCode: string | undefined): Region | undefined {
  return provinceCode ? regionOfCode.get(provinceCode) : undefined;
}
