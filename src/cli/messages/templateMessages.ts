/** What `ntm template` says: the refusals and the one line on success. */
import { both } from "./cliText";

export const templateMessages = {
  unknownSet: (id: string): [string, string] => [
    `không có bộ tiêu chí "${id}" (xem "ntm criteria list")`,
    `no criteria set "${id}" (see "ntm criteria list")`,
  ],
  notXlsx: ["tệp ra phải có đuôi .xlsx", "the output file must end in .xlsx"] as [string, string],
  wrote: (file: string, criteria: number, indicators: number) =>
    both(
      `Đã tạo ${file}: ${criteria} tiêu chí, ${indicators} chỉ tiêu`,
      `wrote ${file}: ${criteria} ${criteria === 1 ? "criterion" : "criteria"}, ${indicators} ${indicators === 1 ? "indicator" : "indicators"}`,
    ) + "\n",
};
