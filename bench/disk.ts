/**
 * How long an fsync takes in a directory: the server commits with synchronous=FULL, so every durable
 * write (and so every relay and ack) waits for at least one. Printed to explain the protocol figures.
 */
import { closeSync, fsyncSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { summarize, type Summary } from './stats.ts';

const FILESYSTEMS: Record<number, string> = {
	0xef53: 'ext4',
	0x01021994: 'tmpfs',
	0x794c7630: 'overlayfs',
	0x58465342: 'xfs',
	0x9123683e: 'btrfs'
};

export function fsyncLatency(dir: string, samples = 30): { filesystem: string; fsync: Summary } {
	const type = statfsSync(dir).type;
	const path = join(dir, 'fsync-probe');
	const fd = openSync(path, 'w');
	const times: number[] = [];
	try {
		for (let i = 0; i < samples; i++) {
			writeSync(fd, Buffer.alloc(256, i));
			const start = performance.now();
			fsyncSync(fd);
			times.push(performance.now() - start);
		}
	} finally {
		closeSync(fd);
		rmSync(path, { force: true });
	}
	return { filesystem: FILESYSTEMS[type] ?? `type 0x${type.toString(16)}`, fsync: summarize(times) };
}
