import { styleText } from 'node:util';

/**
 * Where the CLI writes: `stdout` for results other programs may read (a function's value,
 * `env get`, `data`, log lines of `logs`), `stderr` for everything meant for a person.
 *
 * @example
 * ```ts
 * const streams: CliStreams = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), colors: false, stdoutIsTty: false };
 * ```
 */
export interface CliStreams {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether to color output (a terminal, and `NO_COLOR` unset). */
  readonly colors: boolean;
  /** Whether stdout is a terminal (values print for people instead of as JSON). */
  readonly stdoutIsTty: boolean;
}

type Style = Parameters<typeof styleText>[0];

/**
 * Prints the CLI's progress, results and failures, one line at a time, in the style of the
 * official CLI (`✔` finished steps, `✖` failures).
 *
 * @example
 * ```ts
 * reporter.progress('Bundling functions…');
 * reporter.step('Deployed functions to http://127.0.0.1:3210');
 * ```
 */
export class Reporter {
  readonly #streams: CliStreams;

  constructor(streams: CliStreams) {
    this.#streams = streams;
  }

  /** Whether stdout is a terminal. */
  get stdoutIsTty(): boolean {
    return this.#streams.stdoutIsTty;
  }

  /** A result line on stdout. */
  output(line: string): void {
    this.#streams.stdout(`${line}\n`);
  }

  /** A line for people on stderr. */
  info(line: string): void {
    this.#streams.stderr(`${line}\n`);
  }

  /** What the CLI is doing now. */
  progress(line: string): void {
    this.info(this.style('gray', line));
  }

  /** A step that finished. */
  step(line: string): void {
    this.info(`${this.style('green', '✔')} ${line}`);
  }

  /** Something the user should know but that does not stop the command. */
  warn(line: string): void {
    this.info(this.style('yellow', line));
  }

  /** Why the command failed. */
  failure(line: string): void {
    this.info(`${this.style('red', '✖')} ${line}`);
  }

  /** `text` in `style` when colors are on, else `text`. */
  style(style: Style, text: string): string {
    return this.#streams.colors ? styleText(style, text, { validateStream: false }) : text;
  }
}
