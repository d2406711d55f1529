/**
 * What the SheetJS community build reads but does not write, added to a workbook it wrote:
 * data validation (in-cell dropdowns and input prompts), columns kept as text (so an 18-digit
 * 身份证号 typed into an empty cell is not turned into 3.20102E+17), column widths and a frozen
 * header row. The workbook is unzipped with the CFB module SheetJS ships, one worksheet's XML
 * gets its elements in the order the OOXML schema (CT_Worksheet) requires, and it is zipped again.
 *
 * Excel's limits are kept here, not by callers: a prompt title is at most 32 characters, a
 * prompt 255, an error message 225; longer text is cut with an ellipsis.
 */
import * as XLSX from '@e965/xlsx';

/** The part of SheetJS's bundled CFB (zip) module used here; the community build types it `any`. */
interface CfbContainer {
  readonly __brand: 'cfb-container';
}
interface CfbModule {
  read(data: Uint8Array, options: { type: 'array' }): CfbContainer;
  find(container: CfbContainer, path: string): { content?: Uint8Array } | null;
  write(container: CfbContainer, options: { fileType: 'zip'; type: 'array'; compression: boolean }): ArrayBuffer;
  utils: { cfb_add(container: CfbContainer, path: string, content: Uint8Array): unknown };
}
const CFB = XLSX.CFB as CfbModule;

export interface CellValidation {
  /** the cells it applies to, e.g. 'B2:B5001' */
  sqref: string;
  /** list: a dropdown of the cells in `source`; none: only the input prompt */
  type: 'list' | 'none';
  /** for a list: a range, e.g. '可选值'!$A$2:$A$3 (see `sheetRange`) */
  source?: string;
  promptTitle?: string;
  prompt?: string;
  /** shown when a value is not in the list; a warning lets the user keep it (aliases, codes) */
  error?: string;
}

export interface SheetExtras {
  /** 0-based column → width in characters */
  widths?: number[];
  /** 0-based columns whose cells are text: the column's style and every written cell in it */
  textColumns?: number[];
  validations?: CellValidation[];
  /** keep row 1 in view when scrolling */
  freezeHeader?: boolean;
}

const TEXT_FORMAT = 49; // the built-in '@' number format
const LIMITS = { promptTitle: 32, prompt: 255, error: 225 } as const;

/** Elements that come after <dataValidations> in a worksheet, in schema order. */
const AFTER_VALIDATIONS = [
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

const XML_ESCAPES: Partial<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => XML_ESCAPES[ch] ?? ch);
}

function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** An absolute range on another sheet, quoted as Excel writes it: '可选值'!$B$2:$B$57. */
export function sheetRange(sheet: string, column: number, firstRow: number, lastRow: number): string {
  const col = XLSX.utils.encode_col(column);
  return `'${sheet.replace(/'/g, "''")}'!$${col}$${firstRow}:$${col}$${lastRow}`;
}

function validationXml(v: CellValidation): string {
  const attrs: Array<[string, string]> = [];
  if (v.type === 'list') attrs.push(['type', 'list'], ['errorStyle', 'warning']);
  attrs.push(['allowBlank', '1']);
  if (v.prompt) attrs.push(['showInputMessage', '1']);
  if (v.type === 'list') attrs.push(['showErrorMessage', '1']);
  if (v.type === 'list' && v.error) attrs.push(['errorTitle', cut('请核对', LIMITS.promptTitle)], ['error', cut(v.error, LIMITS.error)]);
  if (v.promptTitle) attrs.push(['promptTitle', cut(v.promptTitle, LIMITS.promptTitle)]);
  if (v.prompt) attrs.push(['prompt', cut(v.prompt, LIMITS.prompt)]);
  attrs.push(['sqref', v.sqref]);
  const open = `<dataValidation ${attrs.map(([k, val]) => `${k}="${escapeXml(val)}"`).join(' ')}`;
  return v.type === 'list' && v.source ? `${open}><formula1>${escapeXml(v.source)}</formula1></dataValidation>` : `${open}/>`;
}

/** The index of a cell format with the text number format, appended to styles.xml when missing. */
function textStyle(styles: string): { styles: string; index: number } {
  const block = /<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/.exec(styles);
  if (!block) throw new Error('styles.xml has no cellXfs');
  const [whole, , inner = ''] = block;
  const xfs = inner.match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g) ?? [];
  const found = xfs.findIndex((xf) => new RegExp(`numFmtId="${TEXT_FORMAT}"`).test(xf));
  if (found >= 0) return { styles, index: found };
  const xf = `<xf numFmtId="${TEXT_FORMAT}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`;
  const replaced = `<cellXfs count="${xfs.length + 1}">${inner}${xf}</cellXfs>`;
  return { styles: styles.replace(whole, replaced), index: xfs.length };
}

function colsXml(extras: SheetExtras, textIndex: number): string {
  const widths = extras.widths ?? [];
  const text = new Set(extras.textColumns ?? []);
  const count = Math.max(widths.length, ...[...text].map((c) => c + 1), 0);
  const cols: string[] = [];
  for (let c = 0; c < count; c++) {
    const attrs = [`min="${c + 1}"`, `max="${c + 1}"`, `width="${(widths[c] ?? 10) + 0.83}"`, 'customWidth="1"'];
    if (text.has(c)) attrs.push(`style="${textIndex}"`);
    cols.push(`<col ${attrs.join(' ')}/>`);
  }
  return cols.length > 0 ? `<cols>${cols.join('')}</cols>` : '';
}

/** Every written cell of a text column gets the text style (a cell's own style wins over its column's). */
function styleTextCells(sheetData: string, textColumns: Set<number>, textIndex: number): string {
  if (textColumns.size === 0) return sheetData;
  return sheetData.replace(/<c r="([A-Z]+)(\d+)"((?:\s+[a-z]+="[^"]*")*)/g, (whole, col: string, row: string, attrs: string) => {
    if (!textColumns.has(XLSX.utils.decode_col(col))) return whole;
    return `<c r="${col}${row}" s="${textIndex}"${attrs.replace(/\s+s="\d+"/, '')}`;
  });
}

function addToSheet(xml: string, extras: SheetExtras, textIndex: number): string {
  let out = xml.replace(/<cols>[\s\S]*?<\/cols>/, '');
  const cols = colsXml(extras, textIndex);
  if (cols) out = out.replace(/<sheetData\b/, `${cols}<sheetData`);
  out = out.replace(/<sheetData>[\s\S]*<\/sheetData>/, (data) => styleTextCells(data, new Set(extras.textColumns ?? []), textIndex));
  if (extras.freezeHeader) {
    const pane =
      '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>';
    out = out.replace(/<sheetView ([^>]*?)\/>/, `<sheetView $1>${pane}</sheetView>`);
  }
  const validations = extras.validations ?? [];
  if (validations.length > 0) {
    const block = `<dataValidations count="${validations.length}">${validations.map(validationXml).join('')}</dataValidations>`;
    const next = new RegExp(`<(?:${AFTER_VALIDATIONS.join('|')})\\b|</worksheet>`).exec(out);
    if (!next) throw new Error('worksheet XML has no end tag');
    out = `${out.slice(0, next.index)}${block}${out.slice(next.index)}`;
  }
  return out;
}

/** `book` as written by SheetJS, with `extras` added to its sheet number `sheetIndex` (0-based). */
export function withSheetExtras(book: Uint8Array, sheetIndex: number, extras: SheetExtras): Uint8Array<ArrayBuffer> {
  const zip = CFB.read(book, { type: 'array' });
  const read = (path: string): string => {
    const entry = CFB.find(zip, path);
    if (!entry?.content) throw new Error(`workbook has no ${path}`);
    return new TextDecoder().decode(entry.content);
  };
  const write = (path: string, xml: string) => CFB.utils.cfb_add(zip, path, new TextEncoder().encode(xml));
  const { styles, index } = textStyle(read('/xl/styles.xml'));
  write('/xl/styles.xml', styles);
  const sheetPath = `/xl/worksheets/sheet${sheetIndex + 1}.xml`;
  write(sheetPath, addToSheet(read(sheetPath), extras, index));
  return new Uint8Array(CFB.write(zip, { fileType: 'zip', type: 'array', compression: true }));
}
