import type { ContextConfig } from '../bridge/execution-request.ts';
import type { HostCallbacks } from '../bridge/host-callbacks.ts';
import { SETUP_ARGUMENT_GLOBALS, SETUP_GLOBAL } from '../bridge/setup-global.ts';
import { installConvexGlobal } from './convex/convex-global.ts';
import { registerUnavailableJsSyscalls } from './convex/unavailable-js-syscalls.ts';
import { defineGlobal, deleteGlobal } from './define-global.ts';
import { installDate } from './determinism/install-date.ts';
import { installMathRandom } from './determinism/install-math-random.ts';
import { installWeakRefs } from './determinism/install-weak-refs.ts';
import { createDriver, driverFunction } from './driver/execution-driver.ts';
import { installStackMapping } from './errors/install-stack-mapping.ts';
import { installConsole } from './globals/console.ts';
import { installPerformance } from './globals/performance.ts';
import { installProcess } from './globals/process.ts';
import { installAbort } from './globals/abort.ts';
import { installAsyncLocalStorage } from './globals/async-local-storage.ts';
import { installBase64 } from './globals/base64.ts';
import { installBlob } from './globals/blob.ts';
import { installCrypto } from './globals/crypto.ts';
import { installDomException } from './globals/dom-exception.ts';
import { installEvents } from './globals/event-target.ts';
import { installFetch } from './globals/fetch.ts';
import { installFormData } from './globals/form-data.ts';
import { installHeaders } from './globals/headers.ts';
import { installRequest } from './globals/request.ts';
import { installResponse } from './globals/response.ts';
import { installStreams } from './globals/streams.ts';
import { installStructuredClone } from './globals/structured-clone.ts';
import { installTextEncoding } from './globals/text-encoding.ts';
import { installTimers } from './globals/timers.ts';
import { installUrl } from './globals/url.ts';
import { installHostCallbacks } from './host.ts';
import { registerHttpSyscalls } from './http/http-syscalls.ts';
import { enterImportPhase } from './runtime-state.ts';

function takeGlobal(name: string): unknown {
  const value: unknown = Reflect.get(globalThis, name);
  deleteGlobal(name);
  return value;
}

/**
 * Sets up a fresh context: takes the host callbacks and the configuration the host left on
 * the global object (see `SETUP_ARGUMENT_GLOBALS`) and keeps the callbacks private, enters
 * the import phase, and installs every global user code expects. Returns the driver
 * function the host steps executions with.
 *
 * @example
 * ```ts
 * const driver = setupContext();
 * ```
 * @internal
 */
export function setupContext(): (method: string, first?: unknown, second?: unknown) => unknown {
  deleteGlobal(SETUP_GLOBAL);
  const callbacks = {
    syscall: takeGlobal(SETUP_ARGUMENT_GLOBALS.syscall) as HostCallbacks['syscall'],
    log: takeGlobal(SETUP_ARGUMENT_GLOBALS.log) as HostCallbacks['log'],
    util: takeGlobal(SETUP_ARGUMENT_GLOBALS.util) as HostCallbacks['util'],
    report: takeGlobal(SETUP_ARGUMENT_GLOBALS.report) as HostCallbacks['report'],
  };
  const configJson = takeGlobal(SETUP_ARGUMENT_GLOBALS.config);
  for (const callback of Object.values(callbacks)) {
    if (typeof callback !== 'function') throw new TypeError('The host did not pass its callbacks');
  }
  if (typeof configJson !== 'string') throw new TypeError('The host did not pass the context configuration');
  installHostCallbacks(callbacks);
  enterImportPhase(JSON.parse(configJson) as ContextConfig);
  // Determinism first: later setup may capture `Date` or `Math.random`.
  installDate();
  installMathRandom();
  installWeakRefs();
  installStackMapping();
  installConsole();
  installPerformance();
  installProcess();
  installConvexGlobal();
  installDomException();
  installEvents();
  installAbort();
  installTimers();
  installBase64();
  installTextEncoding();
  installUrl();
  installStreams();
  installBlob();
  installFormData();
  installHeaders();
  installRequest();
  installResponse();
  installStructuredClone();
  installCrypto();
  installFetch();
  installAsyncLocalStorage();
  registerHttpSyscalls();
  registerUnavailableJsSyscalls();
  defineGlobal('self', globalThis);
  return driverFunction(createDriver());
}
