/** Input an import cannot read (truncated, malformed, not the format asked for): says where and what. */
export class ImportInputError extends Error {
  override name = 'ImportInputError';
  /** The input line the problem was found on, when known (1-based). */
  readonly line: number | undefined;

  constructor(message: string, line?: number) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.line = line;
  }
}

/** True for an ImportInputError. */
export function isImportInputError(err: unknown): err is ImportInputError {
  return err instanceof ImportInputError;
}
