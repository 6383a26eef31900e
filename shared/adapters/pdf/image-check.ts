import { crc32, inflateSync } from 'node:zlib';

/** Why an image cannot go on a document. */
export class UnreadableImage extends Error {}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/**
 * Checks a PNG's structure before any decoder sees it (pdf-lib's loops forever on a truncated
 * file): every chunk whole with its CRC, IHDR first, IEND last, and the image data inflating to
 * exactly the rows the header announces. Answers the size in pixels.
 */
export function checkPng(bytes: Uint8Array): { width: number; height: number } {
  const data = Buffer.from(bytes);
  if (!PNG_SIGNATURE.every((b, i) => data[i] === b)) throw new UnreadableImage('not a PNG signature');
  let offset = 8;
  let header: { width: number; height: number; depth: number; colour: number; interlace: number } | undefined;
  const idat: Buffer[] = [];
  let ended = false;
  while (offset < data.length && !ended) {
    if (offset + 12 > data.length) throw new UnreadableImage('truncated chunk');
    const length = data.readUInt32BE(offset);
    const type = data.toString('ascii', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (end > data.length) throw new UnreadableImage(`truncated ${type} chunk`);
    if (crc32(data.subarray(offset + 4, offset + 8 + length)) !== data.readUInt32BE(offset + 8 + length)) throw new UnreadableImage(`bad CRC in ${type}`);
    const body = data.subarray(offset + 8, offset + 8 + length);
    if (!header && type !== 'IHDR') throw new UnreadableImage('IHDR is not the first chunk');
    if (type === 'IHDR') header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth: body[8]!, colour: body[9]!, interlace: body[12]! };
    if (type === 'IDAT') idat.push(body);
    if (type === 'IEND') ended = true;
    offset = end;
  }
  if (!header || !ended || idat.length === 0) throw new UnreadableImage('missing IHDR, IDAT or IEND');
  const channels = CHANNELS[header.colour];
  if (!channels || ![1, 2, 4, 8, 16].includes(header.depth)) throw new UnreadableImage('unknown colour type or bit depth');
  if (header.interlace !== 0) throw new UnreadableImage('interlaced PNG');
  if (header.width === 0 || header.height === 0 || header.width * header.height > 25_000_000) throw new UnreadableImage('empty or oversized image');
  const rowBytes = 1 + Math.ceil((header.width * channels * header.depth) / 8);
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(idat), { maxOutputLength: rowBytes * header.height + 1 });
  } catch {
    throw new UnreadableImage('image data does not inflate');
  }
  if (raw.length !== rowBytes * header.height) throw new UnreadableImage('image data does not match its size');
  return { width: header.width, height: header.height };
}

/**
 * Checks a JPEG's structure before any decoder sees it: markers whole from SOI to the scan, a
 * baseline or progressive frame header with its size, and the end-of-image marker last.
 */
export function checkJpeg(bytes: Uint8Array): { width: number; height: number } {
  const data = Buffer.from(bytes);
  if (data[0] !== 0xff || data[1] !== 0xd8) throw new UnreadableImage('not a JPEG start of image');
  if (data[data.length - 2] !== 0xff || data[data.length - 1] !== 0xd9) throw new UnreadableImage('no JPEG end of image');
  let offset = 2;
  let size: { width: number; height: number } | undefined;
  while (offset + 4 <= data.length) {
    if (data[offset] !== 0xff) throw new UnreadableImage('broken marker');
    const marker = data[offset + 1]!;
    const length = data.readUInt16BE(offset + 2);
    if (offset + 2 + length > data.length) throw new UnreadableImage('truncated segment');
    if ([0xc0, 0xc1, 0xc2].includes(marker)) size = { height: data.readUInt16BE(offset + 5), width: data.readUInt16BE(offset + 7) };
    if (marker === 0xda) break;
    offset += 2 + length;
  }
  if (!size || size.width === 0 || size.height === 0) throw new UnreadableImage('no baseline or progressive frame');
  return size;
}
