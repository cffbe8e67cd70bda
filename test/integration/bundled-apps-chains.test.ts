import { describeBundledAppChains } from '../support/bundled-app-chains.js';

// Half the bundled apps; bundled-apps-chains-2.test.ts has the other half, so the two run side by side.
describeBundledAppChains({ part: 0, of: 2 });
