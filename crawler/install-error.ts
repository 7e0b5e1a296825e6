// An install that failed for a reason that is neither a missing package nor an unreachable dependency (those are
// PackageNotFoundError and DependencyUnreachableError): npm, uv or docker failed, timed out, or found no version.
export class InstallError extends Error {
  readonly kind = 'install_failed';
  constructor(message: string, readonly code: 'E_INSTALL' | 'E_NO_BIN' | 'E_INSTALL_TIMEOUT' | 'E_NO_VERSION' | 'E_REGISTRY', readonly retryable = false) {
    super(message);
    this.name = 'InstallError';
  }
}
