/**
 * Runs async sections one after another, in arrival order. Update handlers of one referral take turns through it, so a
 * move is checked against the state the previous move left. A promise chain is deterministic, so it is safe in workflows.
 */
export class SerialLock {
  private tail: Promise<unknown> = Promise.resolve();
  private sections = 0;

  /**
   * True while a section runs or waits. A commit writes the read model before it changes the workflow's state, so while
   * one runs, people may already see (and answer) the state it is writing: a validator then leaves the state's checks
   * to the handler, which makes them once the sections before it are done.
   */
  get busy(): boolean {
    return this.sections > 0;
  }

  run<T>(section: () => Promise<T>): Promise<T> {
    this.sections += 1;
    const result = this.tail.then(section).finally(() => {
      this.sections -= 1;
    });
    this.tail = result.catch(() => undefined);
    return result;
  }
}
