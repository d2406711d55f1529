export type FileKind = 'image' | 'pdf';

/**
 * How an attachment is shown: by its content type when the upload told it, else as an image until
 * it fails to load as one (a PDF), then with the PDF icon.
 */
export function fileKind(contentType: string | undefined, failedAsImage: boolean): FileKind {
  if (contentType) return contentType.startsWith('image/') ? 'image' : 'pdf';
  return failedAsImage ? 'pdf' : 'image';
}

/** The viewer's next/previous attachment, going round at the ends. */
export function stepIndex(index: number, delta: number, count: number): number {
  return count === 0 ? 0 : (((index + delta) % count) + count) % count;
}
