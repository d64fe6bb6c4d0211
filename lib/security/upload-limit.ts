/**
 * The most one upload request may carry, form encoding included. The upload form refuses a batch
 * over 60 MB of files before sending, which leaves room for the encoding.
 */
export const MAX_UPLOAD_REQUEST_BYTES = 64 * 1024 * 1024;
