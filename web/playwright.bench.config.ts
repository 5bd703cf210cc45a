import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** `./vf bench`: the measurements in bench/, on the same browser and platform as the journeys. */
export default defineConfig({
  ...base,
  testDir: 'bench',
  testMatch: '*.bench.ts',
  reporter: 'list',
  projects: base.projects?.filter((project) => project.name === 'desktop'),
});
