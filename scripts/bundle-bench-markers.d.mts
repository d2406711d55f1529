export function benchExportNames(dir?: string): string[];
export function benchMarkersIn(code: string, names?: string[]): string[];
