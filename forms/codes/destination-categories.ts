/**
 * How the 毕业去向 codes (destination.json) count in the employment statistics, kept as data
 * beside the code table (destination-categories.json): each code belongs to one category, and a
 * category is either 落实 (counts towards 毕业去向落实率) or not (待就业, 暂不就业).
 * docs/architecture.md, 就业统计.
 */
import table from './destination-categories.json';

export interface DestinationCategory {
  key: string;
  label: string;
  /** counts towards 去向落实率 */
  placed: boolean;
  codes: readonly string[];
}

export const DESTINATION_CATEGORIES: readonly DestinationCategory[] = table.categories;

const BY_CODE: ReadonlyMap<string, DestinationCategory> = new Map(
  DESTINATION_CATEGORIES.flatMap((category) => category.codes.map((code) => [code, category] as const)),
);

/** The category of a 毕业去向 code, or undefined for a code the table does not know. */
export function destinationCategoryOf(code: string): DestinationCategory | undefined {
  return BY_CODE.get(code);
}
