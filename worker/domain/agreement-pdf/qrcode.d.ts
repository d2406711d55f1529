/**
 * The QR encoder of the `qrcode` package without its renderers (PNG, canvas, terminal), which the
 * worker does not need: only the module matrix, drawn as vector rectangles (qr-code.ts).
 */
declare module 'qrcode/lib/core/qrcode' {
  export interface QrSymbol {
    modules: { size: number; data: Uint8Array };
    version: number;
  }
  export function create(text: string, options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' }): QrSymbol;
}
