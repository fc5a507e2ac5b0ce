import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** The answers' shapes for the OpenAPI document (docs/integrity.md explains each field). */
export const CHECKPOINT: SchemaObject = {
  type: 'object',
  required: ['format', 'size', 'position', 'link', 'root', 'signedAt', 'keyId', 'signature'],
  properties: {
    format: { type: 'string', enum: ['ledger-checkpoint/1', 'ledger-stream-heads/1'] },
    size: { type: 'integer', description: "events in the chain up to the head signed (streams, for a checkpoint over the streams' heads)" },
    position: { type: 'integer', description: 'global position of the head' },
    link: { type: 'string', description: "the head's link, hex" },
    root: { type: 'string', description: "RFC 6962 Merkle root of the first `size` links, or of the streams' heads, hex" },
    signedAt: { type: 'string', format: 'date-time' },
    subjects: {
      type: 'object',
      description: "the subjects' heads (each subject's events folded in log order): how many subjects, and their tree's root, hex; absent from checkpoints signed before them",
      properties: { size: { type: 'integer' }, root: { type: 'string' } },
    },
    keyId: { type: 'string' },
    signature: { type: 'string', description: 'Ed25519, base64' },
  },
};

const FINDING: SchemaObject = {
  type: 'object',
  properties: {
    kind: { type: 'string', enum: ['altered', 'missing', 'added', 'out-of-order', 'truncated', 'rewritten', 'untrusted-checkpoint'] },
    position: { type: 'integer' },
    message: { type: 'string' },
  },
};

export const INTEGRITY_ANSWER: SchemaObject = {
  type: 'object',
  properties: {
    checkedAt: { type: 'string', format: 'date-time' },
    chain: { type: 'string', enum: ['log', 'per-stream'], description: 'one chain over the log in global order (the embedded store) or one per stream (EventStoreDB)' },
    key: { type: 'object', properties: { keyId: { type: 'string' }, source: { type: 'string', enum: ['configured', 'generated'] } } },
    report: {
      type: 'object',
      properties: {
        intact: { type: 'boolean' },
        events: { type: 'integer' },
        streams: { type: 'integer', description: 'per-stream chains only: how many streams' },
        headPosition: { type: 'integer' },
        verifiedUpTo: { type: 'object', properties: { position: { type: 'integer' }, size: { type: 'integer' }, checkpoint: CHECKPOINT } },
        unsignedEvents: { type: 'integer' },
        findings: { type: 'array', items: FINDING },
      },
    },
  },
};

export const RECORD_PROOF: SchemaObject = {
  type: 'object',
  properties: {
    format: { type: 'string', example: 'ledger-record-proof/1' },
    subject: { type: 'string', example: 'employee:E-1' },
    checkpoint: CHECKPOINT,
    subjectPath: {
      type: 'object',
      description: "the subject's leaf among the subjects' heads signed and its audit path: the events listed are all of the subject's up to the checkpoint",
      properties: { index: { type: 'integer' }, path: { type: 'array', items: { type: 'string' } } },
    },
    events: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          position: { type: 'integer' },
          index: { type: 'integer', description: "the event's leaf in the checkpoint's tree (its stream's, against the streams' heads)" },
          id: { type: 'string' },
          streamName: { type: 'string' },
          revision: { type: 'integer' },
          type: { type: 'string' },
          data: { type: 'string', description: 'as stored: JSON text, sealed personal data as ciphertext' },
          metadata: { type: 'string', description: 'as stored: JSON text' },
          chainPrev: { type: 'string' },
          chainLink: { type: 'string' },
          following: { type: 'array', items: { type: 'string' }, description: "against the streams' heads (EventStoreDB): the digests of the events after it in its stream, up to the head signed" },
          path: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
};
