/** Expected failures whose message the analyst sees; anything else is logged and shown as a generic failure. */

export class ValidationError extends Error {
  constructor(
    message: string,
    readonly pointer?: string,
  ) {
    super(message);
    this.name = "ValidationError";
  }
}

export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotFoundError";
  }
}

/** Another analyst changed the field after this one loaded the filing; nothing was saved. */
export class ConflictError extends Error {
  constructor(
    message: string,
    readonly pointer: string,
    readonly currentValue: unknown,
    readonly currentVersion: number,
    readonly changedBy: string | null,
  ) {
    super(message);
    this.name = "ConflictError";
  }
}
