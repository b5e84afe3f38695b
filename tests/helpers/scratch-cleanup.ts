// Setup file (vitest.config.ts): each test file's scratch folders go when it is done. Registered
// first, so it runs after the file's own afterAll hooks (which stop servers writing there).
import { afterAll } from 'vitest';
import { removeScratchDirs } from './scratch.ts';

afterAll(removeScratchDirs);
