import { inflateSync } from 'node:zlib';

/**
 * The plain OpenType (sfnt) font inside a WOFF 1.0 file: each table inflated once, with native
 * zlib. fontkit reads WOFF by inflating tables in JavaScript on every access, which made most of
 * the time of rendering a document; given the sfnt it reads the tables as they are.
 */
export function sfntFromWoff(woff: Uint8Array): Buffer {
  const data = Buffer.from(woff);
  if (data.toString('ascii', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 font');
  const flavor = data.readUInt32BE(4);
  const numTables = data.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const entry = 44 + i * 20;
    const [offset, compLength, origLength] = [data.readUInt32BE(entry + 4), data.readUInt32BE(entry + 8), data.readUInt32BE(entry + 12)];
    const stored = data.subarray(offset, offset + compLength);
    const body = compLength < origLength ? inflateSync(stored) : stored;
    if (body.length !== origLength) throw new Error('a WOFF table does not inflate to its length');
    return { tag: data.readUInt32BE(entry), checksum: data.readUInt32BE(entry + 16), body };
  });
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + numTables * 16);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange, 10);
  const bodies: Buffer[] = [];
  let offset = header.length;
  tables.forEach((table, i) => {
    const record = 12 + i * 16;
    header.writeUInt32BE(table.tag, record);
    header.writeUInt32BE(table.checksum, record + 4);
    header.writeUInt32BE(offset, record + 8);
    header.writeUInt32BE(table.body.length, record + 12);
    const padded = Buffer.alloc(Math.ceil(table.body.length / 4) * 4);
    table.body.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([header, ...bodies]);
}
