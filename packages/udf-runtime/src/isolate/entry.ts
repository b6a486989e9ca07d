// The entry point of the runtime script that runs first in every context. It only exposes
// `setupContext`; the host calls it with its callbacks, and it removes itself.
import { SETUP_GLOBAL } from '../bridge/setup-global.ts';
import { setupContext } from './setup-context.ts';

Object.defineProperty(globalThis, SETUP_GLOBAL, { value: setupContext, configurable: true, writable: false, enumerable: false });
