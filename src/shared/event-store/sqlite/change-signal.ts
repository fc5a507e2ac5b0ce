/** Tells waiting subscriptions that this process committed events. */
export class ChangeSignal {
  private version = 0;
  private readonly listeners = new Set<() => void>();

  /** Changes on every notify; compare with a value taken earlier to see if anything happened since. */
  get current(): number {
    return this.version;
  }

  notify(): void {
    this.version += 1;
    for (const listener of [...this.listeners]) listener();
  }

  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
