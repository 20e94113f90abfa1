import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, Payload } from '@temporalio/common';
import { DataKeyring } from '@tsunagu/crypto';
import { DataKeyPayloadCodec, ENCRYPTED_PAYLOAD_ENCODING, PAYLOAD_KEY_ID } from './data-key-codec';

const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };
const submission = { subject: { displayName: '山田 花子', contact: '090-1234-5678' }, consent: { method: '書面' } };
const text = (bytes?: Uint8Array | null) => Buffer.from(bytes ?? []).toString('utf8');

describe('DataKeyPayloadCodec', () => {
  const codec = new DataKeyPayloadCodec(new DataKeyring([k1], 'k1'));

  it('encrypts every payload with the active key: nothing of it in clear, and it decodes to the same payload', async () => {
    const payloads = [defaultPayloadConverter.toPayload(submission), defaultPayloadConverter.toPayload(null), defaultPayloadConverter.toPayload(42)];
    const encoded = await codec.encode(payloads);
    for (const payload of encoded) {
      expect(text(payload.metadata?.encoding)).toBe(ENCRYPTED_PAYLOAD_ENCODING);
      expect(text(payload.metadata?.[PAYLOAD_KEY_ID])).toBe('k1');
      const all =
        text(payload.data) +
        Object.values(payload.metadata ?? {})
          .map(text)
          .join('');
      for (const secret of ['山田', '090-1234', '書面', 'json/plain']) expect(all).not.toContain(secret);
    }
    const decoded = await codec.decode(encoded);
    expect(decoded.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([submission, null, 42]);
    expect(decoded[0]).toEqual(payloads[0]);
  });

  it('passes payloads without its encoding through, both ways not twice', async () => {
    const plain = defaultPayloadConverter.toPayload(submission)!;
    expect(await codec.decode([plain])).toEqual([plain]);
    const [once] = await codec.encode([plain]);
    expect(await codec.encode([once])).toEqual([once]);
  });

  it('decodes with any key of the ring and encodes with the active one (rotation)', async () => {
    const [byOld] = await codec.encode([defaultPayloadConverter.toPayload(submission)!]);
    const rotated = new DataKeyPayloadCodec(new DataKeyring([k2, k1], 'k2'));
    expect(defaultPayloadConverter.fromPayload((await rotated.decode([byOld]))[0])).toEqual(submission);
    const [byNew] = await rotated.encode([defaultPayloadConverter.toPayload(submission)!]);
    expect(text(byNew.metadata?.[PAYLOAD_KEY_ID])).toBe('k2');
    await expect(codec.decode([byNew])).rejects.toThrow('data key "k2", which is not in TSUNAGU_DATA_KEYS (k1)');
  });

  it('refuses a tampered payload', async () => {
    const [encoded] = await codec.encode([defaultPayloadConverter.toPayload(submission)!]);
    const data = Buffer.from(encoded.data!);
    data[20] ^= 1;
    const tampered: Payload = { ...encoded, data: new Uint8Array(data) };
    await expect(codec.decode([tampered])).rejects.toThrow('does not authenticate');
  });
});
