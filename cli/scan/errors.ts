// Failures of `mcp-risk scan` with stable codes. Each is a UsageError, so the CLI prints it as one line
// and exits with its exitCode: 2 when the user must change the command (a missing file, no consent),
// 1 when the scan itself could not finish.
import { UsageError } from '../usage-error.ts';

export type ScanErrorCode =
  | 'E_SCAN_USAGE' | 'E_CONFIG_NOT_FOUND' | 'E_CONFIG_READ' | 'E_CONSENT_REQUIRED' | 'E_CONSENT_REFUSED'
  | 'E_PIN_FILE' | 'E_POLICY_INVALID' | 'E_OUTPUT';

export class ScanError extends UsageError {
  override name = 'ScanError';
  constructor(message: string, readonly code: ScanErrorCode, exitCode = 2) {
    super(`scan: ${message}`, exitCode);
  }
}
