// Runs every *.test.mjs of this folder in one Node process (node --test src/test/js/all.mjs):
// one file name that works with the test runner of every Node version from 18 on.
import { readdirSync } from 'node:fs';

const here = new URL('./', import.meta.url);
for (const name of readdirSync(here).filter((file) => file.endsWith('.test.mjs')).sort()) {
  await import(new URL(name, here));
}
