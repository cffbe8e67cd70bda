import { describeBundledAppChains } from '../support/bundled-app-chains.js';

// The other half of the bundled apps (see bundled-apps-chains.test.ts).
describeBundledAppChains({ part: 1, of: 2 });
