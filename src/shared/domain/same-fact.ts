/**
 * True when a repeated command would record exactly the fact already recorded. Deciders return
 * no events then (the command's effect is already in the state) instead of failing.
 */
export function isSameFact(recorded: object, requested: object): boolean {
  return canonical(recorded) === canonical(requested);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
