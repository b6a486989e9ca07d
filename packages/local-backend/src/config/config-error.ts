/**
 * A bad setting. The message names the flag or environment variable and says what it needs.
 *
 * @example
 * throw new ConfigError('PORT', 'must be a port number between 1 and 65535, got "abc"');
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'InvalidConfig' as const;
  /** The flag (`--port`) or environment variable (`PORT`) at fault. */
  readonly setting: string;

  constructor(setting: string, problem: string) {
    super(`${setting} ${problem}`);
    this.setting = setting;
  }
}
