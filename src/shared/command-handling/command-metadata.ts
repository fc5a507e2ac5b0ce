/** Who issued a command and in which conversation; carried into every event it appends. */
export interface CommandMetadata {
  actor: string;
  correlationId: string;
  /** The id of what caused the command: an HTTP request id or a causing event's id. */
  causationId: string;
  /** When given, event ids derive from it, so a retried command appends nothing new. */
  idempotencyKey?: string;
}
