/** Debian's Chromium, started as the tests start it (Playwright cannot download a browser here). */
import { chromium, type Browser } from '@playwright/test';

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** `ownSignals`: the caller's handlers close everything (Playwright's would exit before the server stops). */
export function launchChromium({ ownSignals = false } = {}): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
		args: CHROMIUM_ARGS,
		timeout: 30_000,
		...(ownSignals ? { handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false } : {})
	});
}
