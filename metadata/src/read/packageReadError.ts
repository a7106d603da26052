// The one error type readPackage throws: it always names the file that could not be read, so a
// broken metadata file is found from the message alone.

export type PackageReadErrorCode =
  'PACKAGE.NOT_FOUND' | 'PACKAGE.MALFORMED_XML' | 'PACKAGE.UNEXPECTED_ROOT' | 'PACKAGE.MISSING_ELEMENT';

export class PackageReadError extends Error {
  override readonly name = 'PackageReadError';
  constructor(
    readonly code: PackageReadErrorCode,
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}
