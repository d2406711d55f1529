/** How much one roster import may hold: rows (after the header) and bytes of the uploaded file. */
export const MAX_IMPORT_ROWS = 20_000;
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
