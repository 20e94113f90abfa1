import { InitialSchema1764460800000 } from './1764460800000-initial-schema';

/** Every migration, oldest first. Listed, not globbed, so compiled and test runs find the same set. */
export const MIGRATIONS = [InitialSchema1764460800000];
