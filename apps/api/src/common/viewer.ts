import { Role } from '@tsunagu/domain';

/** The signed-in user making a request, as every access decision sees them. */
export interface Viewer {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organizationId: string | null;
  areaId: string | null;
  /** The password is a temporary one: until it is changed, only me, changeMyPassword and signOut work (AuthGuard). */
  mustChangePassword?: boolean;
}
