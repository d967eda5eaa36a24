// The store's rules as ONE suite, run by both test projects: the browser project on Chromium's
// real IndexedDB, the node project on fake-indexeddb (so the engine's unit tests can use it).
import { r2Case, revnueCase } from './store-cases';
import { editRules } from './store-suite-edits';
import { engineRules } from './store-suite-engine';
import { liveRules } from './store-suite-live';
import { pullRules } from './store-suite-pull';
import { removalRules } from './store-suite-removals';
import { r2ContactRules } from './store-suite-r2';
import { resolveRules } from './store-suite-resolve';
import type { StoreEnvironment } from './store-world';

export function customerStoreSuite(environment: StoreEnvironment): void {
  editRules(environment, r2Case);
  editRules(environment, revnueCase);
  engineRules(environment, r2Case);
  engineRules(environment, revnueCase);
  resolveRules(environment, r2Case);
  resolveRules(environment, revnueCase);
  pullRules(environment, r2Case);
  pullRules(environment, revnueCase);
  r2ContactRules(environment);
  liveRules(environment, r2Case);
  liveRules(environment, revnueCase);
  removalRules(environment, r2Case);
  removalRules(environment, revnueCase);
}
