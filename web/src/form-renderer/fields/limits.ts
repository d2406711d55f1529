/** Input caps matching the engine's defaults (the engine reports the real errors). */
export const DEFAULT_MAX = { text: 500, textarea: 5000 } as const;
