/** Where a command writes: injected so tests can run commands in-process. */
export interface CommandIO {
  out(line: string): void;
  err(line: string): void;
}
