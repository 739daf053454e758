/** The slice of Web Crypto an id needs; `globalThis.crypto` in the browser and in Node. */
export interface IdCrypto {
  randomUUID?: () => string;
  getRandomValues(array: Uint8Array<ArrayBuffer>): unknown;
}

/**
 * A fresh idempotency key for a command (RFC 4122 v4 UUID). `crypto.randomUUID` exists only in
 * secure contexts, and a county LAN often serves the console over plain http on an IP address,
 * so fall back to `getRandomValues`, which exists everywhere.
 */
export function newCommandId(crypto: IdCrypto = globalThis.crypto): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40; // version 4
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // variant 10xx
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
