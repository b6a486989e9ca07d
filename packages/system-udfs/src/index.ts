// The built-in `_system/*` functions, as bundled modules for the backend to load.
export { bundleSystemUdfs, type SystemModule } from './bundle-system-udfs.ts';
