/**
 * Runs async sections one after another, in arrival order. Update handlers of one referral take turns through it, so a
 * move is checked against the state the previous move left. A promise chain is deterministic, so it is safe in workflows.
 */
export class SerialLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(section: () => Promise<T>): Promise<T> {
    const result = this.tail.then(section);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
