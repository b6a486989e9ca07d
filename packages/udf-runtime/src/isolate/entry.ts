// The entry point of the runtime script that runs first in every context. It only exposes
// `setupContext`, which the bundle's last statement calls (see `udfRuntimeBundle`): it takes
// the host's callbacks from the global object, removes them and itself, and returns the
// driver.
import { SETUP_GLOBAL } from '../bridge/setup-global.ts';
import { setupContext } from './setup-context.ts';

Object.defineProperty(globalThis, SETUP_GLOBAL, { value: setupContext, configurable: true, writable: false, enumerable: false });
