/** Words for people, Vietnamese first, English second. */
export { formatNumber, formatQuantity, type Lang } from "./formatNumber";
export { formatGap } from "./formatGap";
export { formatFinding, formatFindingBilingual, formatTargetSource } from "./formatFinding";
export { noTableMessage } from "./readerMessages";
