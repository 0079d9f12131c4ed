/** Names of the IndexedDB databases that hold documents on this device. */
export const WORKSPACE_DB = 'lederlogg-workspace';
/** Programme documents: `lederlogg-programme:<id>`. */
export const PROGRAMME_DB_PREFIX = 'lederlogg-programme:';
