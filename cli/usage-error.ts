// The error a command throws for a clean one-line failure; cli/main.ts prints it and exits with its code.
// Kept apart from cli/io.ts (which opens databases) so that `--help` and `--version` load nothing heavy.

/** A failure the user can act on: printed as one line; exit code 2 (bad usage) unless `exitCode` says 1. */
export class UsageError extends Error {
  readonly code: string = 'E_USAGE';
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = 'UsageError';
  }
}
