/**
 * `npm run demo`: loads the demo programme and its people into DATA_DIR (default ./data), then
 * `npm start` serves the app. Safe to run again: nothing is added twice.
 */
import { resolve } from 'node:path';
import { DEMO_SCHEME_NAME, DEMO_SCHEME_PEOPLE } from './demo/scheme.ts';
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemo } from './demo/seed.ts';

const dataDir = resolve(process.env.DATA_DIR || 'data');
const { created } = await seedDemo(dataDir);
console.log(created ? `Demo loaded into ${dataDir}.` : `The demo is already in ${dataDir}.`);
console.log(`Sign in as any of these (password "${DEMO_PASSWORD}"):`);
for (const person of DEMO_PEOPLE)
	console.log(`  ${person.role.padEnd(12)} ${person.email}  (${person.name})`);
console.log(`In the mentor scheme "${DEMO_SCHEME_NAME}" these have registered already (same password):`);
for (const person of DEMO_SCHEME_PEOPLE)
	console.log(`  ${person.registration.side.padEnd(12)} ${person.email}  (${person.name})`);
