/** A decider command as a caller sends it: the handler adds `now` from the clock. */
export type WithoutNow<C> = C extends unknown ? Omit<C, 'now'> : never;
