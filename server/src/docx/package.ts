// Opening a received .docx: what the file is (ZIP, OLE compound file, RTF),
// the zip-bomb limits checked on the central directory before anything is
// inflated and counted again while inflating, the parts inflated and parsed
// into the light DOM of dom.ts (saxes underneath), which refuses malformed
// XML. Every refusal is a DocxError with one Chinese line for the user.

import { inflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { parseXml as parseDom, XmlParseError, type Document } from './dom';
import { DocxError, DOCX_LIMITS, type DocxLimits } from './types';

export const MAIN_PART = 'word/document.xml';
const CONTENT_TYPES = '[Content_Types].xml';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An opened package: the zip, and a budget for what may still be inflated from it. */
export interface OpenedPackage {
  zip: JSZip;
  macroEnabled: boolean;
  /** The main part's content type, from [Content_Types].xml. */
  mainContentType: string;
  /** Inflates one entry as text (null when absent), counting against the limit. */
  readText(path: string): Promise<string | null>;
  /** Inflates and parses one XML part (null when absent); malformed XML is a DocxError. */
  readXml(path: string): Promise<Document | null>;
}

const MB = (n: number) => `${Math.round(n / 2 ** 20)} MB`;

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** Opens and validates a package; throws DocxError for anything that is not a readable .docx. */
export async function openPackage(bytes: Uint8Array, limits: DocxLimits = DOCX_LIMITS): Promise<OpenedPackage> {
  if (startsWith(bytes, OLE_MAGIC)) {
    if (oleHasStream(bytes, 'EncryptionInfo')) {
      throw new DocxError('这是加密的 Word 文档：请在 Word/WPS 中取消密码（不设密码）另存为 .docx 后再检查');
    }
    throw new DocxError('这是旧版二进制 Word 文档（.doc）：请在 Word/WPS 中另存为 .docx 后再检查');
  }
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) {
    throw new DocxError('不是 Word 文档（.docx）：文件是 RTF 格式，请在 Word/WPS 中另存为 .docx 后再检查');
  }
  const dir = centralDirectory(bytes);
  if (!dir) throw new DocxError('不是 Word 文档（.docx）：文件不是 ZIP 格式');
  if (dir.entries > limits.maxEntries) {
    throw new DocxError(`文件被拒绝（疑似压缩炸弹）：ZIP 包有 ${dir.entries} 个条目，超过上限 ${limits.maxEntries}`);
  }
  if (dir.declaredBytes > limits.maxInflatedBytes) {
    throw new DocxError(
      `文件被拒绝（疑似压缩炸弹）：解压后声明大小 ${MB(dir.declaredBytes)}，超过上限 ${MB(limits.maxInflatedBytes)}`,
    );
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new DocxError(`Word 文档已损坏：ZIP 结构无法读取（${oneLine(e)}）`);
  }
  const budget = { remaining: limits.maxInflatedBytes, limit: limits.maxInflatedBytes };
  if (!zip.file(MAIN_PART)) throw new DocxError(`不是 Word 文档（.docx）：ZIP 包中没有 ${MAIN_PART}`);
  if (!zip.file(CONTENT_TYPES)) throw new DocxError(`不是 Word 文档（.docx）：ZIP 包中没有 ${CONTENT_TYPES}`);

  const readText = async (path: string): Promise<string | null> => {
    const f = zip.file(path);
    if (!f) return null;
    return decodeXml(await inflate(f, budget));
  };
  const readXml = async (path: string): Promise<Document | null> => {
    const text = await readText(path);
    return text === null ? null : parseXml(text, path);
  };

  const types = (await readXml(CONTENT_TYPES))!;
  let mainContentType = '';
  const overrides = types.getElementsByTagNameNS('*', 'Override');
  for (let i = 0; i < overrides.length; i++) {
    const o = overrides.item(i)!;
    if ((o.getAttribute('PartName') ?? '').replace(/^\//, '').toLowerCase() === MAIN_PART) {
      mainContentType = o.getAttribute('ContentType') ?? '';
    }
  }
  // application/vnd.ms-word.document.macroEnabled.main+xml (.docm), …template.macroEnabledTemplate.main+xml (.dotm)
  const macroEnabled = /macroEnabled/i.test(mainContentType) || !!zip.file('word/vbaProject.bin');
  return { zip, macroEnabled, mainContentType, readText, readXml };
}

function oneLine(e: unknown): string {
  const s = e instanceof Error ? e.message : String(e);
  return s.replace(/\s+/g, ' ').trim().slice(0, 160);
}

/**
 * Inflates one entry, counting the bytes as they come: stops as soon as the
 * budget is exceeded. Node's zlib with maxOutputLength on the entry's
 * compressed bytes (a tenth of JSZip's time on a large part); JSZip's own
 * stream, counted chunk by chunk, when the entry is not plainly deflated or
 * stored.
 */
function inflate(f: JSZip.JSZipObject, budget: { remaining: number; limit: number }): Promise<Uint8Array> {
  const data = (f as unknown as { _data?: { compressedContent?: unknown; compression?: { magic?: string } } })._data;
  const raw = data?.compressedContent;
  const magic = data?.compression?.magic;
  if (raw instanceof Uint8Array && (magic === '\x08\x00' || magic === '\x00\x00')) {
    const bomb = () => new DocxError(`文件被拒绝（疑似压缩炸弹）：解压后超过上限 ${MB(budget.limit)}`);
    let out: Uint8Array;
    if (magic === '\x00\x00') {
      if (raw.length > budget.remaining) return Promise.reject(bomb());
      out = raw;
    } else {
      try {
        out = inflateRawSync(raw, { maxOutputLength: Math.max(1, budget.remaining) });
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return Promise.reject(bomb());
        return Promise.reject(new DocxError(`Word 文档已损坏：${f.name} 无法解压（${oneLine(e)}）`));
      }
      if (out.length > budget.remaining) return Promise.reject(bomb());
    }
    budget.remaining -= out.length;
    return Promise.resolve(out);
  }
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    let done = false;
    // internalStream is JSZip's (untyped) streaming form of async(): chunks as they are inflated.
    const stream = (f as unknown as { internalStream(t: string): JSZip.JSZipStreamHelper<Uint8Array> }).internalStream(
      'uint8array',
    );
    stream
      .on('data', (chunk) => {
        if (done) return;
        total += chunk.length;
        if (total > budget.remaining) {
          done = true;
          stream.pause();
          reject(new DocxError(`文件被拒绝（疑似压缩炸弹）：解压后超过上限 ${MB(budget.limit)}`));
          return;
        }
        chunks.push(chunk);
      })
      .on('error', (e) => {
        if (done) return;
        done = true;
        reject(new DocxError(`Word 文档已损坏：${f.name} 无法解压（${oneLine(e)}）`));
      })
      .on('end', () => {
        if (done) return;
        done = true;
        budget.remaining -= total;
        if (chunks.length === 1) return resolve(chunks[0]);
        const out = new Uint8Array(total);
        let at = 0;
        for (const c of chunks) {
          out.set(c, at);
          at += c.length;
        }
        resolve(out);
      })
      .resume();
  });
}

/** XML bytes as text: UTF-8 (BOM dropped) or UTF-16 with a BOM. */
function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * Parses one XML part (dom.ts). A DOCTYPE is refused outright: no Word part
 * has one. Malformed XML is a DocxError with saxes's reason and, when known,
 * where it stopped.
 */
export function parseXml(text: string, path: string): Document {
  if (/<!DOCTYPE/i.test(text.slice(0, 4096))) {
    throw new DocxError(`Word 文档已损坏：${path} 含有 DOCTYPE 声明，不是 Word 写出的 XML`);
  }
  try {
    return parseDom(text);
  } catch (e) {
    const where = e instanceof XmlParseError && e.line ? `第 ${e.line} 行第 ${e.column} 列：` : '';
    const reason = e instanceof XmlParseError ? e.reason : oneLine(e);
    throw new DocxError(`Word 文档已损坏：${path} 不是格式正确的 XML（${where}${oneLine(reason || 'XML 结构错误')}）`);
  }
}

interface CentralDirectory {
  entries: number;
  declaredBytes: number;
}

/**
 * Reads the end-of-central-directory record (and its ZIP64 form) and sums the
 * uncompressed sizes the central directory declares, without inflating
 * anything. Null when the bytes are not a zip.
 */
export function centralDirectory(bytes: Uint8Array): CentralDirectory | null {
  const n = bytes.length;
  if (n < 22) return null;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = n - 22; i >= Math.max(0, n - 22 - 0xffff); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let entries = dv.getUint16(eocd + 10, true);
  let cdSize = dv.getUint32(eocd + 12, true);
  let cdOffset = dv.getUint32(eocd + 16, true);
  // ZIP64: the locator sits just before the EOCD record.
  if ((entries === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) && eocd >= 20) {
    const loc = eocd - 20;
    if (dv.getUint32(loc, true) === 0x07064b50) {
      const z = Number(dv.getBigUint64(loc + 8, true));
      if (z + 56 <= n && dv.getUint32(z, true) === 0x06064b50) {
        entries = Number(dv.getBigUint64(z + 32, true));
        cdSize = Number(dv.getBigUint64(z + 40, true));
        cdOffset = Number(dv.getBigUint64(z + 48, true));
      }
    }
  }
  let declaredBytes = 0;
  let counted = 0;
  let at = cdOffset;
  // A prefixed zip (self-extracting) shifts every offset; JSZip copes, so do we.
  if (at + 4 > n || dv.getUint32(at, true) !== 0x02014b50) {
    const shifted = eocd - cdSize;
    if (shifted >= 0 && shifted + 4 <= n && dv.getUint32(shifted, true) === 0x02014b50) at = shifted;
    else return { entries, declaredBytes };
  }
  while (at + 46 <= n && dv.getUint32(at, true) === 0x02014b50) {
    let size = dv.getUint32(at + 24, true);
    const nameLen = dv.getUint16(at + 28, true);
    const extraLen = dv.getUint16(at + 30, true);
    const commentLen = dv.getUint16(at + 32, true);
    if (size === 0xffffffff) {
      // ZIP64 extended information: the uncompressed size comes first.
      let e = at + 46 + nameLen;
      const end = e + extraLen;
      while (e + 4 <= end && e + 4 <= n) {
        const id = dv.getUint16(e, true);
        const len = dv.getUint16(e + 2, true);
        if (id === 0x0001 && e + 12 <= n) {
          size = Number(dv.getBigUint64(e + 4, true));
          break;
        }
        e += 4 + len;
      }
    }
    declaredBytes += size;
    counted++;
    at += 46 + nameLen + extraLen + commentLen;
  }
  return { entries: Math.max(entries, counted), declaredBytes };
}

/**
 * Whether an OLE compound file (Word's container for .doc and for encrypted
 * .docx) has a stream of this name: the directory sectors are followed
 * through the FAT and their entry names compared (UTF-16LE). If the
 * structure cannot be followed, the whole file is scanned for the name.
 */
export function oleHasStream(bytes: Uint8Array, name: string): boolean {
  const names = oleDirectoryNames(bytes);
  if (names) return names.includes(name);
  return scanUtf16(bytes, name);
}

function oleDirectoryNames(bytes: Uint8Array): string[] | null {
  if (bytes.length < 512) return null;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = dv.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const sectorAt = (s: number) => (s + 1) * sectorSize;
  const fatSectors = dv.getUint32(0x2c, true);
  const fat: number[] = [];
  for (let i = 0; i < Math.min(fatSectors, 109); i++) {
    const s = dv.getUint32(0x4c + i * 4, true);
    if (s >= 0xfffffffa) break;
    const off = sectorAt(s);
    if (off + sectorSize > bytes.length) return null;
    for (let j = 0; j < sectorSize; j += 4) fat.push(dv.getUint32(off + j, true));
  }
  const names: string[] = [];
  let s = dv.getUint32(0x30, true);
  const seen = new Set<number>();
  while (s < 0xfffffffa) {
    if (seen.has(s) || seen.size > 100_000) return null;
    seen.add(s);
    const off = sectorAt(s);
    if (off + sectorSize > bytes.length) return null;
    for (let e = off; e + 128 <= off + sectorSize; e += 128) {
      const len = dv.getUint16(e + 0x40, true);
      if (len < 2 || len > 64) continue;
      let str = '';
      for (let k = 0; k < len - 2; k += 2) str += String.fromCharCode(dv.getUint16(e + k, true));
      names.push(str);
    }
    s = s < fat.length ? fat[s] : 0xfffffffe;
  }
  return names;
}

function scanUtf16(bytes: Uint8Array, name: string): boolean {
  const pat = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) pat[i * 2] = name.charCodeAt(i);
  outer: for (let i = 0; i + pat.length <= bytes.length; i++) {
    for (let j = 0; j < pat.length; j++) if (bytes[i + j] !== pat[j]) continue outer;
    return true;
  }
  return false;
}
