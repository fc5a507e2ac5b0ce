/**
 * Streams.Append and Streams.BatchAppend of the EventStoreDB protocol double (test code, never
 * shipped). Both run the same commit check (esdb-double.log.ts) and answer as EventStoreDB does:
 * Append with a WrongExpectedVersion result message, BatchAppend with a google.rpc.Status whose
 * details pack an `event_store.client.WrongExpectedVersion`.
 */
import * as grpc from '@grpc/grpc-js';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty as ProtobufEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import * as code from '@eventstore/db-client/generated/code_pb';
import * as shared from '@eventstore/db-client/generated/shared_pb';
import * as status from '@eventstore/db-client/generated/status_pb';
import * as streams from '@eventstore/db-client/generated/streams_pb';
import type { AppendOutcome, EsdbDoubleLog, Expected, ProposedRecord } from './esdb-double.log';
import {
  expectedFromAppend,
  expectedFromBatch,
  InvalidRequestError,
  proposedRecord,
  streamNameOf,
} from './esdb-double.messages';

export interface AppendCounters {
  appends: number;
  batchAppends: number;
}

export class EsdbDoubleAppends {
  constructor(
    private readonly log: EsdbDoubleLog,
    private readonly counters: AppendCounters,
  ) {}

  readonly append = (
    call: grpc.ServerReadableStream<streams.AppendReq, streams.AppendResp>,
    callback: grpc.sendUnaryData<streams.AppendResp>,
  ): void => {
    let options: streams.AppendReq.Options | undefined;
    const proposed: ProposedRecord[] = [];
    let failed = false;
    const reject = (error: unknown): void => {
      if (failed) return;
      failed = true;
      callback({ code: grpc.status.INVALID_ARGUMENT, details: error instanceof Error ? error.message : String(error) });
    };
    call.on('data', (request: streams.AppendReq) => {
      try {
        if (request.hasOptions()) options = request.getOptions();
        else if (!options) throw new InvalidRequestError('the first append message must carry the options');
        else proposed.push(proposedRecord(request.getProposedMessage()!));
      } catch (error) {
        reject(error);
      }
    });
    call.on('error', () => undefined);
    call.on('end', () => {
      if (failed) return;
      if (!options) return reject(new InvalidRequestError('append options are missing'));
      try {
        const expected = expectedFromAppend(options);
        const outcome = this.log.append(streamNameOf(options.getStreamIdentifier()), expected, proposed);
        this.counters.appends += 1;
        callback(null, appendResponse(outcome, expected));
      } catch (error) {
        reject(error);
      }
    });
  };

  readonly batchAppend = (call: grpc.ServerDuplexStream<streams.BatchAppendReq, streams.BatchAppendResp>): void => {
    const pending = new Map<string, { options: streams.BatchAppendReq.Options; proposed: ProposedRecord[] }>();
    call.on('data', (request: streams.BatchAppendReq) => {
      const correlation = request.getCorrelationId()!;
      const key = correlation.getString();
      try {
        const batch = pending.get(key) ?? { options: request.getOptions()!, proposed: [] };
        if (!batch.options) throw new InvalidRequestError('the first batch of an append must carry the options');
        pending.set(key, batch);
        for (const message of request.getProposedMessagesList()) batch.proposed.push(proposedRecord(message));
        if (!request.getIsFinal()) return;
        pending.delete(key);
        const expected = expectedFromBatch(batch.options);
        const outcome = this.log.append(streamNameOf(batch.options.getStreamIdentifier()), expected, batch.proposed);
        this.counters.batchAppends += 1;
        call.write(batchResponse(correlation, batch.options, outcome, expected));
      } catch (error) {
        pending.delete(key);
        call.write(batchError(correlation, request.getOptions(), error));
      }
    });
    call.on('error', () => undefined);
    call.on('end', () => call.end());
  };
}

function appendResponse(outcome: AppendOutcome, expected: Expected): streams.AppendResp {
  const response = new streams.AppendResp();
  if (outcome.kind === 'wrong_expected_version') {
    const wrong = new streams.AppendResp.WrongExpectedVersion();
    if (outcome.current === undefined) wrong.setCurrentNoStream(new shared.Empty());
    else wrong.setCurrentRevision(String(outcome.current));
    if (expected.kind === 'revision') wrong.setExpectedRevision(String(expected.revision));
    else if (expected.kind === 'no_stream') wrong.setExpectedNoStream(new shared.Empty());
    else if (expected.kind === 'stream_exists') wrong.setExpectedStreamExists(new shared.Empty());
    else wrong.setExpectedAny(new shared.Empty());
    response.setWrongExpectedVersion(wrong);
    return response;
  }
  const success = new streams.AppendResp.Success();
  success.setCurrentRevision(String(outcome.currentRevision));
  if (outcome.kind === 'written') {
    const position = new streams.AppendResp.Position();
    position.setCommitPosition(String(outcome.position));
    position.setPreparePosition(String(outcome.position));
    success.setPosition(position);
  } else {
    success.setNoPosition(new shared.Empty());
  }
  response.setSuccess(success);
  return response;
}

function batchResponse(
  correlation: shared.UUID,
  options: streams.BatchAppendReq.Options,
  outcome: AppendOutcome,
  expected: Expected,
): streams.BatchAppendResp {
  const response = baseBatchResponse(correlation, options);
  if (outcome.kind === 'wrong_expected_version') {
    const wrong = new shared.WrongExpectedVersion();
    if (outcome.current === undefined) wrong.setCurrentNoStream(new ProtobufEmpty());
    else wrong.setCurrentStreamRevision(String(outcome.current));
    if (expected.kind === 'revision') wrong.setExpectedStreamPosition(String(expected.revision));
    else if (expected.kind === 'no_stream') wrong.setExpectedNoStream(new ProtobufEmpty());
    else if (expected.kind === 'stream_exists') wrong.setExpectedStreamExists(new ProtobufEmpty());
    else wrong.setExpectedAny(new ProtobufEmpty());
    response.setError(errorStatus(code.Code.FAILED_PRECONDITION, 'Wrong expected version.', wrong, 'WrongExpectedVersion'));
    return response;
  }
  const success = new streams.BatchAppendResp.Success();
  success.setCurrentRevision(String(outcome.currentRevision));
  if (outcome.kind === 'written') {
    const position = new shared.AllStreamPosition();
    position.setCommitPosition(String(outcome.position));
    position.setPreparePosition(String(outcome.position));
    success.setPosition(position);
  } else {
    success.setNoPosition(new ProtobufEmpty());
  }
  response.setSuccess(success);
  return response;
}

function batchError(
  correlation: shared.UUID,
  options: streams.BatchAppendReq.Options | undefined,
  error: unknown,
): streams.BatchAppendResp {
  const response = baseBatchResponse(correlation, options);
  const message = error instanceof Error ? error.message : String(error);
  response.setError(errorStatus(code.Code.INVALID_ARGUMENT, message, new shared.Unknown(), 'Unknown'));
  return response;
}

function baseBatchResponse(
  correlation: shared.UUID,
  options: streams.BatchAppendReq.Options | undefined,
): streams.BatchAppendResp {
  const response = new streams.BatchAppendResp();
  response.setCorrelationId(correlation);
  response.setStreamIdentifier(options?.getStreamIdentifier() ?? new shared.StreamIdentifier());
  return response;
}

function errorStatus(statusCode: code.Code, message: string, details: { serializeBinary(): Uint8Array }, name: string): status.Status {
  const packed = new Any();
  packed.pack(details.serializeBinary(), `event_store.client.${name}`);
  const result = new status.Status();
  result.setCode(statusCode);
  result.setMessage(message);
  result.setDetails(packed);
  return result;
}
