export const CLOCK = Symbol('CLOCK');

/** Where the current time comes from; tests pass a fixed or controllable clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
