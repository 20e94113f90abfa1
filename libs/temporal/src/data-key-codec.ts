// The payload codec that keeps personal data out of Temporal's histories in clear: every payload the api and the worker
// send (workflow inputs, activity inputs and results, updates, queries) is encrypted with the active data key
// (AES-256-GCM, libs/crypto) and decrypted with whichever key of the ring it names. Payloads without the
// codec's encoding (histories from before it, the stored JSON histories replayed in CI) pass through unchanged.
// Runs outside the workflow sandbox (client and worker), so Node crypto is fine.
import type { DataConverter, Payload, PayloadCodec } from '@temporalio/common';
import { openBytes, sealBytes, type DataKeyring } from '@tsunagu/crypto';

/** `metadata.encoding` of an encrypted payload (Temporal's convention for encryption codecs). */
export const ENCRYPTED_PAYLOAD_ENCODING = 'binary/encrypted';
/** `metadata` key naming the data key that sealed the payload. */
export const PAYLOAD_KEY_ID = 'encryption-key-id';
/** Associated data of every sealed payload: what it is, so a column value cannot pose as a payload or the reverse. */
const AAD = 'temporal.payload.v1';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const text = (bytes: Uint8Array | null | undefined) => (bytes ? Buffer.from(bytes).toString('utf8') : undefined);

export class DataKeyPayloadCodec implements PayloadCodec {
  constructor(private readonly ring: DataKeyring) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (isEncrypted(payload)) return payload;
      const key = this.ring.active;
      return {
        metadata: { encoding: utf8(ENCRYPTED_PAYLOAD_ENCODING), [PAYLOAD_KEY_ID]: utf8(key.id) },
        data: new Uint8Array(sealBytes(key, serialize(payload), AAD)),
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (!isEncrypted(payload)) return payload;
      const keyId = text(payload.metadata?.[PAYLOAD_KEY_ID]) ?? '';
      const key = this.ring.find(keyId);
      if (!key) {
        throw new Error(`a Temporal payload is encrypted with data key "${keyId}", which is not in TSUNAGU_DATA_KEYS (${this.ring.ids.join(', ')})`);
      }
      return deserialize(openBytes(key, payload.data ?? new Uint8Array(), AAD));
    });
  }
}

/** The data converter for every Temporal client and worker of Tsunagu. */
export function tsunaguDataConverter(ring: DataKeyring): DataConverter {
  return { payloadCodecs: [new DataKeyPayloadCodec(ring)] };
}

function isEncrypted(payload: Payload): boolean {
  return text(payload.metadata?.encoding) === ENCRYPTED_PAYLOAD_ENCODING;
}

/** The inner payload, metadata and data, as JSON with base64 bytes: small, and needs no protobuf types. */
function serialize(payload: Payload): Buffer {
  const metadata: Record<string, string> = {};
  for (const [key, value] of Object.entries(payload.metadata ?? {})) if (value) metadata[key] = Buffer.from(value).toString('base64');
  return Buffer.from(JSON.stringify({ m: metadata, d: payload.data ? Buffer.from(payload.data).toString('base64') : null }), 'utf8');
}

function deserialize(bytes: Buffer): Payload {
  const { m, d } = JSON.parse(bytes.toString('utf8')) as { m: Record<string, string>; d: string | null };
  const metadata: Record<string, Uint8Array> = {};
  for (const [key, value] of Object.entries(m)) metadata[key] = new Uint8Array(Buffer.from(value, 'base64'));
  return d === null ? { metadata } : { metadata, data: new Uint8Array(Buffer.from(d, 'base64')) };
}
