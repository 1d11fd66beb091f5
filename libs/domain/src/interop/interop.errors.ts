export enum InteropErrorCode {
  ImportNotFound = 'IMPORT_NOT_FOUND',
  InvalidReleasePackage = 'INVALID_RELEASE_PACKAGE',
}
