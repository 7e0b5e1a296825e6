// npm package tarballs made in memory: a gzipped ustar archive with every file under `package/`.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

function header(name: string, size: number, mode: number): Buffer {
  const block = Buffer.alloc(512);
  const put = (text: string, offset: number, length: number) => block.write(text.slice(0, length), offset, length, 'utf8');
  const octal = (n: number, length: number) => n.toString(8).padStart(length - 1, '0');
  put(name, 0, 100);
  put(octal(mode, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(Math.floor(Date.UTC(2025, 0, 1) / 1000), 12), 136, 12);
  put('        ', 148, 8);
  put('0', 156, 1);
  put('ustar\u000000', 257, 8);
  let sum = 0;
  for (const byte of block) sum += byte;
  put(`${octal(sum, 7)}\u0000`, 148, 8);
  return block;
}

/** The .tgz of the given files (path relative to the package root → content), with its npm integrity strings. */
export function packTarball(files: Record<string, string>): { data: Buffer; integrity: string; shasum: string } {
  const parts: Buffer[] = [];
  for (const [path, content] of Object.entries(files)) {
    const body = Buffer.from(content, 'utf8');
    parts.push(header(`package/${path}`, body.length, /\.(m?js|sh)$/.test(path) ? 0o755 : 0o644), body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  const data = gzipSync(Buffer.concat(parts));
  return {
    data,
    integrity: `sha512-${createHash('sha512').update(data).digest('base64')}`,
    shasum: createHash('sha1').update(data).digest('hex'),
  };
}
