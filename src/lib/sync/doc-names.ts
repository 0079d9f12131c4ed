/** Names of the IndexedDB databases that hold documents on this device. */
export const WORKSPACE_DB = 'lederlogg-workspace';
/** Programme documents: `lederlogg-programme:<id>`. */
export const PROGRAMME_DB_PREFIX = 'lederlogg-programme:';
/** Documents others share with me, and mine that I share: `lederlogg-room:<room>`. */
export const SHARED_DB_PREFIX = 'lederlogg-room:';
export const sharedDbName = (room: string) => SHARED_DB_PREFIX + room;
