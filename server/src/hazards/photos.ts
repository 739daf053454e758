import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { DomainError } from '@watchfloor/shared';

/** Largest evidence photo, in bytes (a phone's full-resolution JPEG is 3–8 MB). */
export const PHOTO_MAX_BYTES = 12 * 1024 * 1024;
/**
 * Most pixels a photo may have: a 50-MP phone photo is 8,160 × 6,120. Checked from the header
 * before decoding, since a few KB of PNG can declare 20,000 × 20,000 (a 1.6 GB bitmap to decode).
 */
export const PHOTO_MAX_PIXELS = 100_000_000;
/** Thumbnails fit this box, in px. */
const THUMB_PX = 320;
/** What we keep, by the type the content (not the name or the header) says it is. */
const ACCEPTED = new Map([
  ['image/jpeg', 'jpg'],
  ['image/png', 'png'],
  ['image/webp', 'webp'],
]);
/** Declared types we take at their word only if the content agrees. */
const DECLARED_OK = new Set(['image/jpeg', 'image/jpg', 'image/pjpeg', 'image/png', 'image/webp', 'application/octet-stream']);

/** Where evidence photos live: `DATA_DIR/hazard-photos/<sha256>.<ext>` and `<sha256>.thumb.webp`. */
export const photoDir = (dataDir: string) => join(dataDir, 'hazard-photos');

/**
 * Checks and stores one uploaded photo. The type is judged by its bytes (magic numbers); an upload
 * whose declared type or name says otherwise is refused as lying. The image must decode (sharp
 * makes the thumbnail from it), so a truncated or crafted file is refused too. Content-addressed:
 * the same photo twice is stored once. Nothing is written unless every check passed.
 */
export async function storePhoto(dataDir: string, bytes: Buffer, declaredType: string, filename: string): Promise<{ photoId: string; bytes: number }> {
  if (bytes.length === 0) throw new DomainError('invalid', 'the photo is empty', 'photo');
  const detected = await fileTypeFromBuffer(bytes);
  const ext = detected ? ACCEPTED.get(detected.mime) : undefined;
  if (!detected || !ext) throw new DomainError('invalid', `the content is ${detected?.mime ?? 'not an image'}; only JPEG, PNG or WebP photos are accepted`, 'photo');
  const declared = declaredType.toLowerCase();
  const nameExt = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  const nameOk = !nameExt || nameExt === ext || (ext === 'jpg' && nameExt === 'jpeg');
  const declaredOk = DECLARED_OK.has(declared) && (declared === 'application/octet-stream' || declared.endsWith(ext === 'jpg' ? 'jpeg' : ext) || declared === 'image/jpg' || declared === 'image/pjpeg');
  if (!nameOk || !declaredOk) throw new DomainError('invalid', `the upload says ${declaredType} (${filename}) but its content is ${detected.mime}`, 'photo');

  // The header only (no decoding): sharp's own default limit would refuse a bomb here without saying so.
  const { width = 0, height = 0 } = await sharp(bytes, { limitInputPixels: false }).metadata().catch(() => ({ width: 0, height: 0 }));
  if (width * height > PHOTO_MAX_PIXELS) {
    throw new DomainError('invalid', `the photo is ${width} × ${height} pixels, over the limit of ${PHOTO_MAX_PIXELS / 1e6} megapixels`, 'photo');
  }
  let thumb: Buffer;
  try {
    // The pixel limit again, in the decoder itself, in case a header understates what follows.
    thumb = await sharp(bytes, { limitInputPixels: PHOTO_MAX_PIXELS }).rotate().resize(THUMB_PX, THUMB_PX, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 75 }).toBuffer();
  } catch {
    throw new DomainError('invalid', 'the photo cannot be decoded', 'photo');
  }
  const sha = createHash('sha256').update(bytes).digest('hex');
  const photoId = `${sha}.${ext}`;
  const dir = photoDir(dataDir);
  await mkdir(dir, { recursive: true });
  // Write then rename: a crash never leaves half a photo under its final name.
  await writeFile(join(dir, `${photoId}.part`), bytes);
  await writeFile(join(dir, `${sha}.thumb.webp.part`), thumb);
  await rename(join(dir, `${sha}.thumb.webp.part`), join(dir, `${sha}.thumb.webp`));
  await rename(join(dir, `${photoId}.part`), join(dir, photoId));
  return { photoId, bytes: bytes.length };
}

/** A stored photo or its thumbnail, or null. `photoId` must already be schema-checked. */
export async function readPhoto(dataDir: string, photoId: string, thumb: boolean): Promise<{ body: Buffer; type: string } | null> {
  const [sha, ext] = photoId.split('.') as [string, string];
  const file = thumb ? `${sha}.thumb.webp` : photoId;
  try {
    const body = await readFile(join(photoDir(dataDir), file));
    return { body, type: thumb ? 'image/webp' : ext === 'jpg' ? 'image/jpeg' : `image/${ext}` };
  } catch {
    return null;
  }
}
