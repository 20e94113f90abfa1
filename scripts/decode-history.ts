// Decodes the encrypted payloads of a workflow history exported with `temporal workflow show -w <id> -o json`, so it
// can be stored in workflows/histories/ and replayed without keys (workflows/histories/README.md). Reads the history
// on stdin, writes it on stdout; the keys come from TSUNAGU_DATA_KEYS (and TSUNAGU_DATA_KEY_ACTIVE) as for the worker:
//   TSUNAGU_DATA_KEYS=$(cat .data/data-keys) node dist/scripts/decode-history.js < history.json > decoded.json
// A decoded history holds the payloads in clear: only ever store histories of demo data.
import { readFileSync } from 'node:fs';
import type { Payload } from '@temporalio/common';
import { readDataKeys } from '@tsunagu/crypto';
import { DataKeyPayloadCodec, ENCRYPTED_PAYLOAD_ENCODING } from '@tsunagu/temporal';

interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}

const ENCRYPTED = Buffer.from(ENCRYPTED_PAYLOAD_ENCODING).toString('base64');

function isEncryptedPayload(value: unknown): value is JsonPayload {
  return !!value && typeof value === 'object' && (value as JsonPayload).metadata?.encoding === ENCRYPTED;
}

async function decodeTree(value: unknown, codec: DataKeyPayloadCodec): Promise<unknown> {
  if (isEncryptedPayload(value)) {
    const payload: Payload = {
      metadata: Object.fromEntries(Object.entries(value.metadata ?? {}).map(([k, v]) => [k, new Uint8Array(Buffer.from(v, 'base64'))])),
      data: new Uint8Array(Buffer.from(value.data ?? '', 'base64')),
    };
    const [decoded] = await codec.decode([payload]);
    const metadata = Object.fromEntries(Object.entries(decoded.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]));
    return decoded.data ? { metadata, data: Buffer.from(decoded.data).toString('base64') } : { metadata };
  }
  if (Array.isArray(value)) return Promise.all(value.map((item) => decodeTree(item, codec)));
  if (value && typeof value === 'object') {
    const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await decodeTree(v, codec)] as const));
    return Object.fromEntries(entries);
  }
  return value;
}

async function main(): Promise<void> {
  const codec = new DataKeyPayloadCodec(readDataKeys(process.env));
  const history = JSON.parse(readFileSync(0, 'utf8'));
  process.stdout.write(`${JSON.stringify(await decodeTree(history, codec), null, 2)}\n`);
}

main().catch((error) => {
  console.error(`decode-history: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
