import { InitialSchema1764460800000 } from './1764460800000-initial-schema';
import { DirectoryRouting1764547200000 } from './1764547200000-directory-routing';
import { DeadlineRules1764633600000 } from './1764633600000-deadline-rules';

/** Every migration, oldest first. Listed, not globbed, so compiled and test runs find the same set. */
export const MIGRATIONS = [InitialSchema1764460800000, DirectoryRouting1764547200000, DeadlineRules1764633600000];
